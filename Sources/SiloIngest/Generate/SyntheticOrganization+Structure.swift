/// The formal structure of a synthetic organization: directorates over the departments, teams
/// inside them, and who reports to whom. Derived from the departments alone (no random draws),
/// so the log of the same seed is unchanged.
extension SyntheticOrganization {
  /// The levels and the reporting line of every person.
  public struct Structure: Sendable, Hashable {
    /// Directorate names, and the directorate of each department.
    public var directorates: [String]
    public var departmentDirectorate: [Int]
    /// The department names and the department of each person (as ``SyntheticOrganization/departments()``).
    public var departments: [String]
    public var personDepartment: [Int]
    /// The team of each person, numbered within their department from 0 ("Team A").
    public var personTeam: [Int]
    /// Each person's manager (a person index), or `nil` for the top.
    public var manager: [Int?]
  }

  static let directorateNames = ["Samenleving", "Fysiek Domein", "Dienstverlening", "Bedrijfsvoering", "Bestuur en Strategie"]

  /// The structure:
  /// 1. about √k / 1.5 directorates over the k departments, each a run of consecutive
  ///    departments ("Directie Samenleving", …);
  /// 2. teams of about ten inside each department (the s people below the department's head
  ///    form ⌈s / 10⌉ teams of nearly equal size, in order; heads count in "Team A");
  /// 3. reporting lines: the top is the organization's first person; a directorate's head is
  ///    the first other person of its first department and reports to the top; a department's
  ///    head is its first other person and reports to the directorate's head; the rest form
  ///    the teams, whose first person leads the team and reports to the department's head.
  public func structure() -> Structure {
    let (names, personDepartment) = departments()
    let k = names.count
    let d = max(1, min(k, Int((Double(k).squareRoot() / 1.5).rounded())))
    let perDirectorate = (k + d - 1) / d
    let departmentDirectorate = (0 ..< k).map { $0 / perDirectorate }
    let directorates = (0 ..< (departmentDirectorate.last ?? 0) + 1).map { i -> String in
      let base = Self.directorateNames[i % Self.directorateNames.count]
      return "Directie " + base + (i < Self.directorateNames.count ? "" : " \(i / Self.directorateNames.count + 1)")
    }
    var members = [[Int]](repeating: [], count: k)
    for (p, dept) in personDepartment.enumerated() { members[dept].append(p) }
    var personTeam = [Int](repeating: 0, count: people)
    var manager = [Int?](repeating: nil, count: people)
    // The top is the organization's first person; each directorate's head the first other
    // person of its first department.
    let top = members[0][0]
    let directorateHead = (0 ..< directorates.count).map { i -> Int in
      let first = members[departmentDirectorate.firstIndex(of: i)!]
      return first[0] == top && first.count > 1 ? first[1] : first[0]
    }
    for (dept, everyone) in members.enumerated() {
      let directorate = departmentDirectorate[dept]
      var rest = everyone[...]
      if rest.first == top { rest.removeFirst() }
      if rest.first == directorateHead[directorate] {
        let head = rest.removeFirst()
        if head != top { manager[head] = top }
      }
      guard let head = rest.popFirst() else { continue }
      manager[head] = directorateHead[directorate]
      let teams = (rest.count + 9) / 10
      for (i, p) in rest.enumerated() {
        let team = i * teams / rest.count
        personTeam[p] = team
        let lead = rest[rest.startIndex + (0 ..< rest.count).first { $0 * teams / rest.count == team }!]
        manager[p] = p == lead ? head : lead
      }
    }
    return Structure(
      directorates: directorates, departmentDirectorate: departmentDirectorate, departments: names,
      personDepartment: personDepartment, personTeam: personTeam, manager: manager)
  }

  /// Writes the people file (`id,directorate,department,team,manager`) and returns its rows.
  /// Team names are "Team A", "Team B", … within each department (so they repeat across
  /// departments, as real team names do).
  public func generatePeopleCSV(_ write: (inout [UInt8]) -> Void) -> Int {
    let s = structure()
    var buffer = Array("id,directorate,department,team,manager\n".utf8)
    for p in 0 ..< people {
      let dept = s.personDepartment[p]
      let fields = [
        personID(p), Self.csvField(s.directorates[s.departmentDirectorate[dept]]), Self.csvField(s.departments[dept]),
        Self.teamName(s.personTeam[p]), s.manager[p].map(personID) ?? "",
      ]
      buffer.append(contentsOf: fields.joined(separator: ",").utf8)
      buffer.append(0x0A)
      if buffer.count > 1 << 20 {
        write(&buffer)
        buffer.removeAll(keepingCapacity: true)
      }
    }
    if !buffer.isEmpty { write(&buffer) }
    return people
  }

  /// "Team A" … "Team Z", then "Team AA", "Team AB", ….
  static func teamName(_ index: Int) -> String {
    let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    var n = index, name = ""
    repeat {
      name = String(letters[n % 26]) + name
      n = n / 26 - 1
    } while n >= 0
    return "Team " + name
  }
}
