import SiloGraph
/// A project log: who worked on which project, in which department, when and how much.
///
/// Stored column-wise, one entry per used row, with people, projects and departments interned
/// to dense numbers. Build one with ``ProjectLogReader`` or from values with
/// ``init(entries:)``.
public struct ProjectLog: Sendable, Hashable {
  /// People as named in the log (and the people file), indexed by person number.
  public internal(set) var people: [String]
  /// Projects as named in the log, indexed by project number.
  public internal(set) var projects: [String]
  /// Department names, sorted.
  public internal(set) var departments: [String]
  /// The department number of each person, or -1 when unknown.
  public internal(set) var personDepartment: [Int32]
  /// Extra attributes of people (role, manager, …) from a people file, by attribute name,
  /// each indexed by person number.
  public internal(set) var personAttributes: [String: [String?]] = [:]
  /// Attribute names in file order.
  public internal(set) var personAttributeNames: [String] = []
  /// The people file row of each person, by id, when a people file names managers: where
  /// messages about reporting lines point.
  public internal(set) var personRows: [String: SourceLocation] = [:]
  /// The levels and the grouping used, when they differ from the department as given.
  public internal(set) var grouping: GroupingSummary?

  /// The person of each entry.
  public internal(set) var entryPerson: [Int32]
  /// The project of each entry.
  public internal(set) var entryProject: [Int32]
  /// The day of each entry (``LogDate/dayNumber``), or `Int32.min` when the row had no date.
  public internal(set) var entryDay: [Int32]
  /// The weight of each entry (hours, or 1).
  public internal(set) var entryWeight: [Double]

  /// What happened to the rows of each input file read.
  public internal(set) var reports: [IngestReport] = []

  /// The marker for "no date" in ``entryDay``.
  public static let noDay = Int32.min

  /// The number of entries.
  public var entryCount: Int { entryPerson.count }

  /// One row of a log given as values.
  public struct Entry: Sendable, Hashable {
    public var person: String
    public var department: String?
    public var project: String
    public var date: LogDate?
    public var weight: Double

    public init(person: String, department: String? = nil, project: String, date: LogDate? = nil, weight: Double = 1) {
      self.person = person
      self.department = department
      self.project = project
      self.date = date
      self.weight = weight
    }
  }

  /// Creates a log from values, for library users and tests.
  ///
  /// People and projects are numbered in order of first appearance. A person's department is
  /// the one given on most of their rows; on a tie, the one of the latest dated row, then the
  /// one seen first (the rule every reader in this module applies). Names are normalized
  /// under ``Names``' rule, as the readers do.
  ///
  /// - Precondition: weights are usable (``WeightRange``); person and project names are not
  ///   empty after normalization.
  public init(entries: [Entry]) {
    var builder = LogAccumulator()
    for entry in entries {
      precondition(WeightRange.contains(entry.weight), "weight must be between 1e-100 and 1e100")
      do {
        try builder.add(
          person: entry.person, department: entry.department, project: entry.project,
          day: entry.date?.dayNumber ?? Self.noDay, weight: entry.weight)
      } catch {
        preconditionFailure("an entry's person or project is empty")
      }
    }
    self = builder.finish(reports: [])
  }

  package init(
    people: [String], projects: [String], departments: [String], personDepartment: [Int32],
    entryPerson: [Int32], entryProject: [Int32], entryDay: [Int32], entryWeight: [Double], reports: [IngestReport]
  ) {
    self.people = people
    self.projects = projects
    self.departments = departments
    self.personDepartment = personDepartment
    self.entryPerson = entryPerson
    self.entryProject = entryProject
    self.entryDay = entryDay
    self.entryWeight = entryWeight
    self.reports = reports
  }

  /// The department name of person `person`, or `nil`.
  public func department(ofPerson person: Int) -> String? {
    let d = personDepartment[person]
    return d < 0 ? nil : departments[Int(d)]
  }

  /// The first and last dated entries, or `nil` when no entry has a date.
  public var dateRange: ClosedRange<LogDate>? {
    var low = Int32.max, high = Int32.min
    for d in entryDay where d != Self.noDay {
      low = min(low, d)
      high = max(high, d)
    }
    return low <= high ? LogDate(dayNumber: low) ... LogDate(dayNumber: high) : nil
  }
}

/// Collects entries with names and resolves each person's department by majority. Names are
/// numbered under ``Names``' rule, so every spelling of a name is one person, project or
/// department.
package struct LogAccumulator {
  package var people = StringNameTable()
  package var projects = StringNameTable()
  package var departments = StringNameTable()
  package var votes = DepartmentVotes()
  package var entryPerson: [Int32] = []
  package var entryProject: [Int32] = []
  package var entryDay: [Int32] = []
  package var entryWeight: [Double] = []

  package init() {}

  /// Why a row cannot be added: its person or project is nothing but invisible characters.
  package enum Rejection: Error { case noPerson, noProject }

  package mutating func add(person: String, department: String?, project: String, day: Int32, weight: Double) throws(Rejection) {
    let p = people.intern(person)
    guard p >= 0 else { throw .noPerson }
    let q = projects.intern(project)
    guard q >= 0 else { throw .noProject }
    let d = department.map { departments.intern($0) } ?? -1
    votes.vote(person: p, department: d, day: day)
    entryPerson.append(p)
    entryProject.append(q)
    entryDay.append(day)
    entryWeight.append(weight)
  }

  /// What the reader says about the names it normalized.
  package var nameWarnings: [IngestWarning] { (people.counter + projects.counter + departments.counter).warnings }

  package func finish(reports: [IngestReport]) -> ProjectLog {
    let (sortedDepartments, personDepartment) = votes.assign(departments: departments.names, personCount: people.names.count)
    return ProjectLog(
      people: people.names, projects: projects.names, departments: sortedDepartments,
      personDepartment: personDepartment, entryPerson: entryPerson, entryProject: entryProject,
      entryDay: entryDay, entryWeight: entryWeight, reports: reports)
  }
}

/// Decides each person's department from the rows that name one: the department of most of
/// their rows; on a tie the one with the latest dated row; then the first seen. Most people
/// have one department, so only people with more than one are tracked in a dictionary.
package struct DepartmentVotes {
  private var first: [Int32] = []
  private var firstCount: [Int32] = []
  private var firstLastDay: [Int32] = []
  private var others: [UInt64: (count: Int32, lastDay: Int32)] = [:]
  /// People seen with more than one department.
  package private(set) var conflicted: Set<Int32> = []

  package init() {}

  package mutating func vote(person p: Int32, department d: Int32, day: Int32) {
    let i = Int(p)
    while first.count <= i {
      first.append(-1)
      firstCount.append(0)
      firstLastDay.append(Int32.min)
    }
    guard d >= 0 else { return }
    if first[i] < 0 {
      first[i] = d
      firstCount[i] = 1
      firstLastDay[i] = day
    } else if first[i] == d {
      firstCount[i] += 1
      firstLastDay[i] = max(firstLastDay[i], day)
    } else {
      conflicted.insert(p)
      let key = UInt64(UInt32(bitPattern: p)) << 32 | UInt64(UInt32(bitPattern: d))
      let old = others[key] ?? (0, Int32.min)
      others[key] = (old.count + 1, max(old.lastDay, day))
    }
  }

  package func resolve(personCount: Int) -> [Int32] {
    var result = (0 ..< personCount).map { $0 < first.count ? first[$0] : -1 }
    guard !others.isEmpty else { return result }
    var best: [Int32: (department: Int32, count: Int32, lastDay: Int32)] = [:]
    for p in conflicted { best[p] = (first[Int(p)], firstCount[Int(p)], firstLastDay[Int(p)]) }
    for key in others.keys.sorted() {
      let p = Int32(bitPattern: UInt32(key >> 32)), d = Int32(bitPattern: UInt32(key & 0xFFFF_FFFF))
      let candidate = others[key]!
      let current = best[p]!
      if candidate.count > current.count || (candidate.count == current.count && candidate.lastDay > current.lastDay) {
        best[p] = (d, candidate.count, candidate.lastDay)
      }
    }
    for (p, choice) in best { result[Int(p)] = choice.department }
    return result
  }

  /// Each person's department number among the departments sorted by name (−1 when none),
  /// with the sorted names: the last step of every log reader.
  package func assign(departments names: [String], personCount: Int) -> (departments: [String], personDepartment: [Int32]) {
    let (sorted, remap) = Self.sortedNames(names)
    return (sorted, resolve(personCount: personCount).map { $0 < 0 ? -1 : remap[Int($0)] })
  }

  /// Sorts department names and returns the map from old to new numbers.
  package static func sortedNames(_ names: [String]) -> (sorted: [String], remap: [Int32]) {
    let order = names.indices.sorted { names[$0] < names[$1] }
    var remap = [Int32](repeating: 0, count: names.count)
    for (newIndex, old) in order.enumerated() { remap[old] = Int32(newIndex) }
    return (order.map { names[$0] }, remap)
  }
}
