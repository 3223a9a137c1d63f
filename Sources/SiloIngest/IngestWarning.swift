/// Something a reader tells about an input that did not stop the reading: a structured value
/// with its counts and names, so that every caller can word it in its own terms.
///
/// ``IngestReport/warnings`` holds them. Encoded as JSON each is one string: the
/// ``description``, or the wording an encoder carries (``InputMessageWording``).
public enum IngestWarning: Sendable, Hashable, Encodable, CustomStringConvertible {
  /// A log has no weight column: every row weighs 1.
  case noWeightColumn
  /// A JSON Lines log has no weight field: every row weighs 1.
  case noWeightField
  /// An edge list has no weight column: every tie weighs 1.
  case noTieWeightColumn
  /// This many rows repeat an earlier row exactly and were kept, their weights adding up
  /// (``DuplicatePolicy/keep``).
  case duplicateRowsKept(Int)
  /// This many names are written in more than one way (Unicode form, invisible characters,
  /// spaces); each is read as one name.
  case namesSpelledSeveralWays(Int)
  /// This many names hold control or invisible characters or unusual spaces, which are
  /// removed (spaces read as one space).
  case namesCleaned(Int)
  /// This many people appear in more than one department; each is placed in the department
  /// of most of their rows.
  case departmentConflicts(people: Int)
  /// This many ties from a person to themselves are set aside.
  case selfLoopsSetAside(Int)
  /// This many ties of an edge list repeat a pair given earlier (in either direction, for
  /// undirected ties); their weights are summed.
  case repeatedPairsSummed(Int, eitherDirection: Bool)
  /// This many parallel edges of a GraphML file are merged; their weights are summed.
  case parallelTiesMerged(Int)
  /// This many ids of an edge list are not in the node list; they are kept without a
  /// department.
  case idsNotInNodeList(Int)
  /// This many edge endpoints of a GraphML file are not declared as nodes; they are added.
  case endpointsNotDeclared(Int)
  /// A node list has no group column (``NetworkReadOptions/groupColumn``), which silo
  /// measures need.
  case noGroupColumn
  /// A node list's column `column` (named like the group) is kept as `keptAs`, because the
  /// group comes from `groupColumn`.
  case departmentColumnRenamed(column: String, keptAs: String, groupColumn: String)
  /// Columns of an edge list that are not read.
  case columnsIgnored([String])
  /// The relation column `column` holds `count` relations (the first of them in `shown`),
  /// merged into one network because no relation was chosen
  /// (``NetworkReadOptions/relation``).
  case severalRelations(column: String, count: Int, shown: [String])
  /// This many people in the people file have no rows in the log; they are kept without
  /// ties.
  case peopleWithoutRows(Int)
  /// This many people have another department in the people file than in the log; the
  /// people file wins.
  case departmentsOverridden(Int)
  /// This many people of the log are not in the people file; their department is taken from
  /// the log where `logHasDepartments`, else none is known.
  case peopleNotInPeopleFile(Int, logHasDepartments: Bool)

  /// The warning in English, in the library's words.
  public var description: String {
    switch self {
    case .noWeightColumn: return "no weight column: every row weighs 1"
    case .noWeightField: return "no weight field: every row weighs 1"
    case .noTieWeightColumn: return "no weight column: every tie weighs 1"
    case .duplicateRowsKept(let n):
      return "\(n) row\(n == 1 ? " repeats" : "s repeat") an earlier row exactly and \(n == 1 ? "was" : "were") kept (weights add up)"
    case .namesSpelledSeveralWays(let n):
      return "\(n) \(n == 1 ? "name is" : "names are") written in more than one way (Unicode form, invisible characters or spaces): "
        + "each is read as one name"
    case .namesCleaned(let n):
      return "\(n) \(n == 1 ? "name holds" : "names hold") control or invisible characters or unusual spaces: "
        + "those are removed, spaces read as one space"
    case .departmentConflicts(let n):
      return "\(n) people appear in more than one department; each is placed in the department of most of their rows"
    case .selfLoopsSetAside(let n): return "\(n) ties from a person to themselves are set aside (no measure uses them)"
    case .repeatedPairsSummed(let n, let either):
      return "\(IngestReport.grouped(n)) ties repeat a pair given earlier\(either ? " (in either direction)" : ""): their weights are summed"
    case .parallelTiesMerged(let n): return "\(n) parallel ties merged (weights summed)"
    case .idsNotInNodeList(let n):
      return "\(IngestReport.grouped(n)) ids in the edge list are not in the node list: they are kept without a department"
    case .endpointsNotDeclared(let n): return "\(n) edge endpoints are not declared as nodes: they are added"
    case .noGroupColumn, .departmentColumnRenamed, .columnsIgnored, .severalRelations, .peopleWithoutRows, .departmentsOverridden,
      .peopleNotInPeopleFile:
      return peopleAndColumns
    }
  }

  /// The description of the warnings about people files and columns.
  private var peopleAndColumns: String {
    func persons(_ n: Int) -> String { n == 1 ? "1 person" : "\(n) people" }
    switch self {
    case .noGroupColumn: return "no group column (department, group, team, …): silo measures need one"
    case .departmentColumnRenamed(let column, let keptAs, let groupColumn):
      return "the column \"\(column)\" is kept as \"\(keptAs)\": the group comes from \"\(groupColumn)\""
    case .columnsIgnored(let columns): return "columns ignored: \(columns.joined(separator: ", "))"
    case .severalRelations(let column, let count, let shown):
      let names = shown.map { "\"\($0)\"" }.joined(separator: ", ")
      return "the column \"\(column)\" holds \(count) relations (\(names)): they are merged into one network"
    case .peopleWithoutRows(let n):
      return "\(persons(n)) in the people file \(n == 1 ? "has" : "have") no rows in the log: kept as people without ties"
    case .departmentsOverridden(let n):
      return "\(persons(n)) \(n == 1 ? "has" : "have") a different department in the people file than in the log: the people file wins"
    case .peopleNotInPeopleFile(let n, let logHasDepartments):
      let fallback = logHasDepartments ? "their department is taken from the log where it has one" : "no department is known for them"
      return "\(persons(n)) in the log \(n == 1 ? "is" : "are") not in the people file: \(fallback)"
    default: return ""
    }
  }

  /// Encodes the warning as one string: the wording the encoder carries, else the
  /// ``description``.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(encoder.inputMessageWording?.message(self) ?? description)
  }
}
