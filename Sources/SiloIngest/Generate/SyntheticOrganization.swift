import Foundation
import SiloGraph

/// A generator of synthetic, municipality-like project logs for benchmarks, scale tests and
/// demonstrations. The data are invented: no real person or organization is described.
///
/// The model, in the order the generator draws it:
/// 1. About 0.6·√N departments with uneven head counts (log-normal weights, σ = 0.8, at
///    least two people each), named after the departments of a Dutch municipality.
/// 2. Two percent of the people are *bridges*: they are drawn into cross-department work far
///    more often than their colleagues.
/// 3. Within-department projects (0.8 per person of the department, 2–8 people each): most of
///    the work.
/// 4. Cross-department projects (0.08 per person, 3–10 people from 2–3 departments, half of
///    them bridges where the departments have any).
/// 5. Everyone without a project joins one of their department's projects.
/// 6. Every participation is logged as 1–4 timesheet rows on distinct dates inside the
///    project's span within one calendar year, with 0.5–8 hours in half-hour steps.
///
/// The same `people`, `seed` and `year` give the same bytes on every platform.
public struct SyntheticOrganization: Sendable {
  public var people: Int
  public var seed: UInt64
  public var year: Int

  public init(people: Int, seed: UInt64 = 42, year: Int = 2025) {
    precondition(people >= 2, "a synthetic organization needs at least two people")
    self.people = people
    self.seed = seed
    self.year = year
  }

  static let baseNames = [
    "Burgerzaken", "Financiën", "Sociaal Domein", "Openbare Ruimte", "Vergunningen, Toezicht en Handhaving",
    "Ruimtelijke Ontwikkeling", "Informatievoorziening & ICT", "Personeel & Organisatie", "Communicatie",
    "Juridische Zaken", "Belastingen", "Wonen", "Economische Zaken", "Onderwijs", "Jeugd & Gezin",
    "Zorg & Welzijn", "Veiligheid", "Facilitaire Zaken", "Klantcontactcentrum", "Griffie",
    "Bestuursondersteuning", "Werk & Inkomen", "Duurzaamheid", "Cultuur & Sport",
  ]

  /// The department names, head counts and the department of each person.
  public func departments() -> (names: [String], personDepartment: [Int]) {
    var rng = SeededGenerator(seed: seed)
    return departments(using: &rng)
  }

  private func departments(using rng: inout SeededGenerator) -> (names: [String], personDepartment: [Int]) {
    let k = max(2, min(people / 2, Int((Double(people).squareRoot() * 0.6).rounded())))
    var weights: [Double] = []
    for _ in 0 ..< k { weights.append(Self.exp(0.8 * gaussian(&rng))) }
    let total = weights.reduce(0, +)
    var sizes = weights.map { max(2, Int(Double(people - 2 * k) * $0 / total) + 2) }
    // Fix the rounding so the sizes add up to `people`.
    var difference = people - sizes.reduce(0, +)
    var i = 0
    while difference != 0 {
      if difference > 0 { sizes[i % k] += 1; difference -= 1 } else if sizes[i % k] > 2 { sizes[i % k] -= 1; difference += 1 }
      i += 1
    }
    let names = (0 ..< k).map { d -> String in
      let base = Self.baseNames[d % Self.baseNames.count]
      let round = d / Self.baseNames.count
      return round == 0 ? base : "\(base) \(round + 1)"
    }
    var personDepartment: [Int] = []
    personDepartment.reserveCapacity(people)
    for (d, size) in sizes.enumerated() { personDepartment.append(contentsOf: repeatElement(d, count: size)) }
    return (names, personDepartment)
  }

  /// The id of person `index`: `M000001` and so on ("medewerker").
  public func personID(_ index: Int) -> String {
    let digits = String(index + 1)
    return "M" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
  }

  /// Writes the log as CSV (`person,department,project,date,hours`) and returns the number of
  /// rows. Returns the bytes through `write`, in chunks, so that a 100,000-person log never
  /// sits in memory twice.
  public func generateCSV(_ write: (inout [UInt8]) -> Void) -> Int {
    var rng = SeededGenerator(seed: seed)
    var plan = Plan(organization: self, using: &rng)
    plan.addDepartmentProjects(using: &rng)
    plan.addCrossDepartmentProjects(count: max(1, people * 8 / 100), using: &rng)
    plan.placeEveryone()
    return writeRows(plan, using: &rng, write)
  }

  /// The organization being generated: its departments, bridge people and projects. The
  /// steps draw from one generator in a fixed order, so a seed gives one log.
  private struct Plan {
    typealias Project = (name: String, members: [Int], start: Int, length: Int)
    let names: [String]
    let personDepartment: [Int]
    var membersOf: [[Int]]
    /// People (2%) who are more likely to be drawn into cross-department projects.
    var bridgesOf: [[Int]]
    var projects: [Project] = []
    /// Whether each person is on a project yet.
    var joined: [Bool]
    let yearStart: Int
    let yearLength: Int

    init(organization: SyntheticOrganization, using rng: inout SeededGenerator) {
      (names, personDepartment) = organization.departments(using: &rng)
      membersOf = [[Int]](repeating: [], count: names.count)
      for (p, d) in personDepartment.enumerated() { membersOf[d].append(p) }
      bridgesOf = [[Int]](repeating: [], count: names.count)
      for p in 0 ..< organization.people where rng.nextUnit() < 0.02 { bridgesOf[personDepartment[p]].append(p) }
      joined = [Bool](repeating: false, count: organization.people)
      yearStart = Int(LogDate(year: organization.year, month: 1, day: 1)!.dayNumber)
      yearLength = Int(LogDate(year: organization.year, month: 12, day: 31)!.dayNumber) - yearStart + 1
    }

    /// A project's first day (from the year's start) and length: two weeks to half a year.
    func span(_ rng: inout SeededGenerator) -> (Int, Int) {
      let length = 14 + Int(rng.next() % UInt64(yearLength / 2))
      let start = Int(rng.next() % UInt64(yearLength - length + 1))
      return (start, length)
    }

    /// Small projects inside each department, about 0.8 per member.
    mutating func addDepartmentProjects(using rng: inout SeededGenerator) {
      for d in names.indices {
        let count = max(1, Int((Double(membersOf[d].count) * 0.8).rounded()))
        for j in 0 ..< count {
          let size = min(membersOf[d].count, 2 + SyntheticOrganization.geometric(&rng, mean: 2, limit: 6))
          let members = SyntheticOrganization.sample(membersOf[d], size, &rng)
          for p in members { joined[p] = true }
          let (start, length) = span(&rng)
          projects.append(("\(SyntheticOrganization.code(names[d]))-\(j + 1)", members, start, length))
        }
      }
    }

    /// Programmes of two or three departments, half their places taken by bridge people.
    mutating func addCrossDepartmentProjects(count crossCount: Int, using rng: inout SeededGenerator) {
      let k = names.count
      for j in 0 ..< crossCount {
        let departmentCount = k >= 3 && rng.nextUnit() < 0.4 ? 3 : 2
        var chosen: [Int] = []
        while chosen.count < min(departmentCount, k) {
          let d = Int(rng.next() % UInt64(k))
          if !chosen.contains(d) { chosen.append(d) }
        }
        let size = 3 + Int(rng.next() % 8)
        var members: [Int] = []
        for slot in 0 ..< size {
          let d = chosen[slot % chosen.count]
          let pool = (!bridgesOf[d].isEmpty && rng.nextUnit() < 0.5) ? bridgesOf[d] : membersOf[d]
          let p = pool[Int(rng.next() % UInt64(pool.count))]
          if !members.contains(p) { members.append(p) }
        }
        for p in members { joined[p] = true }
        let (start, length) = span(&rng)
        projects.append(("Programma-\(j + 1)", members, start, length))
      }
    }

    /// Everyone works on something: people on no project join their department's first one.
    mutating func placeEveryone() {
      var firstProjectOf = [Int](repeating: -1, count: names.count)
      for (index, project) in projects.enumerated() where firstProjectOf[personDepartment[project.members[0]]] < 0 {
        firstProjectOf[personDepartment[project.members[0]]] = index
      }
      for p in joined.indices where !joined[p] {
        let index = firstProjectOf[personDepartment[p]]
        if index >= 0 { projects[index].members.append(p) }
      }
    }
  }

  /// The rows: one to four dated entries of half hours per member of each project, written in
  /// chunks of about a megabyte.
  private func writeRows(_ plan: Plan, using rng: inout SeededGenerator, _ write: (inout [UInt8]) -> Void) -> Int {
    var buffer: [UInt8] = []
    buffer.reserveCapacity(1 << 20)
    buffer.append(contentsOf: Array("person,department,project,date,hours\n".utf8))
    let quotedNames = plan.names.map(Self.csvField)
    var rows = 0
    for project in plan.projects {
      let projectField = Self.csvField(project.name)
      for p in project.members {
        let entries = 1 + Int(rng.next() % 4)
        var days: [Int] = []
        for _ in 0 ..< entries {
          // Distinct days, so that no two rows of a participation repeat each other.
          let first = plan.yearStart + project.start
          var day = first + Int(rng.next() % UInt64(project.length))
          while days.contains(day) { day = first + Int(rng.next() % UInt64(project.length)) }
          days.append(day)
          let halfHours = 1 + Int(rng.next() % 16)
          let fields = [
            personID(p), quotedNames[plan.personDepartment[p]], projectField, LogDate(dayNumber: Int32(day)).description,
            halfHours % 2 == 0 ? "\(halfHours / 2)" : "\(halfHours / 2).5",
          ]
          for (i, field) in fields.enumerated() {
            if i > 0 { buffer.append(0x2C) }
            buffer.append(contentsOf: field.utf8)
          }
          buffer.append(0x0A)
          rows += 1
          if buffer.count > 1 << 20 {
            write(&buffer)
            buffer.removeAll(keepingCapacity: true)
          }
        }
      }
    }
    write(&buffer)
    return rows
  }

  /// A short project code from a department name: "Sociaal Domein 2" → "SD2".
  static func code(_ name: String) -> String {
    name.split(separator: " ").compactMap { word in
      word.first.flatMap { $0.isLetter ? String($0).uppercased() : ($0.isNumber ? String(word) : nil) }
    }.joined()
  }

  static func csvField(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  private func gaussian(_ rng: inout SeededGenerator) -> Double {
    // Box–Muller with a fixed branch, so the stream is the same on every platform.
    let u1 = max(rng.nextUnit(), 1e-300), u2 = rng.nextUnit()
    return (-2 * Self.log(u1)).squareRoot() * Self.cos(2 * Double.pi * u2)
  }

  private static func geometric(_ rng: inout SeededGenerator, mean: Double, limit: Int) -> Int {
    var count = 0
    while count < limit && rng.nextUnit() < mean / (mean + 1) { count += 1 }
    return count
  }

  private static func sample(_ pool: [Int], _ count: Int, _ rng: inout SeededGenerator) -> [Int] {
    var chosen: [Int] = []
    var seen = Set<Int>()
    while chosen.count < count {
      let p = pool[Int(rng.next() % UInt64(pool.count))]
      if seen.insert(p).inserted { chosen.append(p) }
    }
    return chosen
  }

  // Elementary functions by series, so the generated bytes never depend on a platform's libm.
  static func exp(_ x: Double) -> Double {
    let k = (x / 0.6931471805599453).rounded()
    let r = x - k * 0.6931471805599453
    var term = 1.0, sum = 1.0
    for n in 1 ... 20 { term *= r / Double(n); sum += term }
    return sum * pow2(Int(k))
  }

  static func pow2(_ k: Int) -> Double {
    var result = 1.0
    if k >= 0 { for _ in 0 ..< k { result *= 2 } } else { for _ in 0 ..< -k { result /= 2 } }
    return result
  }

  static func log(_ x: Double) -> Double {
    // ln x = 2 atanh((x−1)/(x+1)) after scaling x into [0.5, 1).
    var m = x, e = 0
    while m >= 1 { m /= 2; e += 1 }
    while m < 0.5 { m *= 2; e -= 1 }
    let y = (m - 1) / (m + 1), y2 = y * y
    var term = y, sum = 0.0
    var n = 1.0
    while n < 80 { sum += term / n; term *= y2; n += 2 }
    return 2 * sum + Double(e) * 0.6931471805599453
  }

  static func cos(_ x: Double) -> Double {
    var r = x.truncatingRemainder(dividingBy: 2 * Double.pi)
    if r > Double.pi { r -= 2 * Double.pi }
    if r < -Double.pi { r += 2 * Double.pi }
    var term = 1.0, sum = 1.0
    for n in stride(from: 2, through: 40, by: 2) {
      term *= -r * r / Double((n - 1) * n)
      sum += term
    }
    return sum
  }
}
