import ArgumentParser
import SiloKit

/// Where the network comes from: a project log, or an edge list with a node list.
struct InputOptions: ParsableArguments {
  @Argument(help: ArgumentHelp("The project log: CSV, semicolon-separated, TSV or JSON Lines.", valueName: "log"))
  var log: String?

  @Option(help: ArgumentHelp("A people file (id, department, role, manager, more columns) for departments the log lacks and people without projects.", valueName: "file"))
  var people: String?

  @Option(help: ArgumentHelp("A network built elsewhere instead of a log: an edge list (source,target[,weight]) or GraphML.", valueName: "file"))
  var edges: String?

  @Option(help: ArgumentHelp("The node list for --edges: an id column and a group column (department, group, team, …).", valueName: "file"))
  var nodes: String?

  @Option(help: ArgumentHelp("The node-list column that holds each person's department or group.", valueName: "name"))
  var groupColumn: String?

  @Option(help: ArgumentHelp("Keep only --edges rows whose relation column has this value (advice, friendship, cowork, …).", valueName: "name"))
  var relation: String?

  @Flag(help: "Ties in --edges have a direction (default: undirected; a tie given both ways is one tie with the weights summed).")
  var directed = false

  @OptionGroup var logRead: LogReadArguments
  @OptionGroup(title: "Levels and grouping") var grouping: GroupingArguments

  func validate() throws {
    if log != nil && edges != nil { throw ValidationError("Give either a project log or --edges, not both.") }
    // Options that need --edges are named before the missing input, so that
    // `summary --nodes nodes.csv` says what is missing.
    if nodes != nil && edges == nil { throw ValidationError("--nodes goes with --edges: give the edge list with --edges.") }
    if groupColumn != nil && edges == nil { throw ValidationError("--group-column goes with --edges; for a log use --department-column.") }
    if relation != nil && edges == nil { throw ValidationError("--relation goes with --edges.") }
    if directed && edges == nil { throw ValidationError("--directed goes with --edges: a log's ties have no direction.") }
    if people != nil && log == nil && edges != nil { throw ValidationError("--people goes with a project log; with --edges use --nodes.") }
    if log == nil && edges == nil { throw ValidationError("Give a project log, or a network with --edges.") }
  }

  /// The source these options describe; `minimumUnitSize` is the smallest unit the automatic
  /// level is content with (analyze's privacy minimum); `threads` read a delimited log.
  func source(projection: ProjectionArguments, minimumUnitSize: Int = 5, threads: Int = SystemThreads.count) throws -> NetworkSource {
    if let edges {
      var read = NetworkReadOptions()
      read.directedness = directed ? .directed : .undirected
      read.groupColumn = groupColumn
      read.delimiter = try logRead.delimiterCharacter()
      read.weightColumn = logRead.weightColumn
      read.relation = relation
      read.grouping = grouping.options(minimumUnitSize: minimumUnitSize)
      return .edges(path: edges, nodes: nodes, read: read)
    }
    var read = try logRead.options
    read.grouping = grouping.options(minimumUnitSize: minimumUnitSize)
    read.threads = threads
    return .log(path: log!, people: people, read: read, projection: projection.options)
  }
}

/// The organization's levels, the level analysed, or another column as the department.
struct GroupingArguments: ParsableArguments {
  @Option(help: ArgumentHelp(
    "The columns of the people file or node list that hold the organization's levels, top first (directorate,department,team); with --unit-separator, the one column holding unit paths, or the names of the path's levels.",
    valueName: "columns"))
  var levels: String?

  @Option(help: ArgumentHelp("The separator of a unit path (\"Sociaal Domein/Jeugd/Team Noord\"): the department column (or --levels' one column) holds paths.", valueName: "text"))
  var unitSeparator: String?

  @Option(help: ArgumentHelp(
    "The level analysed, by name or number from the top (default: the deepest level, of at most 500 units, with 95% of the people in units of at least --min-group-size people).",
    valueName: "level"))
  var level: String?

  @Option(help: ArgumentHelp("Group by this column of the people file or node list instead of the department (a location, a role, a grade).", valueName: "column"))
  var groupBy: String?

  func validate() throws {
    if groupBy != nil && (levels != nil || unitSeparator != nil || level != nil) {
      throw ValidationError("--group-by replaces the department: it does not go with --levels, --unit-separator or --level.")
    }
    if level != nil && levels == nil && unitSeparator == nil {
      throw ValidationError("--level needs levels: name their columns with --levels, or give --unit-separator for unit paths.")
    }
    if let unitSeparator, unitSeparator.isEmpty { throw ValidationError("--unit-separator needs at least one character.") }
  }

  func options(minimumUnitSize: Int) -> GroupingOptions {
    var options = GroupingOptions()
    options.levels = (levels ?? "").split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    options.separator = unitSeparator
    options.level = level
    options.groupBy = groupBy
    options.minimumUnitSize = max(1, minimumUnitSize)
    return options
  }
}

/// How a log is read: which columns hold what, the delimiter, the decimal comma, repeated rows.
struct LogReadArguments: ParsableArguments {
  @Option(help: ArgumentHelp("The log column with the person (default: \(LogColumn.person.aliasList)).", valueName: "name"))
  var personColumn: String?
  @Option(help: ArgumentHelp("The log column with the department (default: \(LogColumn.department.aliasList)).", valueName: "name"))
  var departmentColumn: String?
  @Option(help: ArgumentHelp("The log column with the project (default: \(LogColumn.project.aliasList)).", valueName: "name"))
  var projectColumn: String?
  @Option(help: ArgumentHelp("The log column with the date (default: \(LogColumn.date.aliasList)).", valueName: "name"))
  var dateColumn: String?
  @Option(help: ArgumentHelp("The column with the weight, e.g. hours (default: \(LogColumn.weight.aliasList)).", valueName: "name"))
  var weightColumn: String?

  @Option(help: ArgumentHelp("The delimiter: comma, semicolon, tab, or one character (default: detected).", valueName: "delimiter"))
  var delimiter: String?

  @Option(help: "Numbers with a decimal comma (7,5): auto (yes for semicolon and tab files), yes, no.")
  var decimalComma: DecimalCommaChoice = .auto

  @Option(help: "Rows repeating an earlier row exactly: keep (weights add up) or drop. Either way they are counted.")
  var duplicates: DuplicatePolicy = .keep

  @Option(help: ArgumentHelp("The sheet of an Excel workbook (.xlsx) to read (default: the first).", valueName: "name"))
  var sheet: String?

  func validate() throws {
    _ = try delimiterCharacter()
  }

  func delimiterCharacter() throws -> Character? {
    guard let delimiter else { return nil }
    switch delimiter.lowercased() {
    case "comma", ",": return ","
    case "semicolon", ";": return ";"
    case "tab", "\\t", "\t": return "\t"
    default:
      guard delimiter.count == 1, let c = delimiter.first, c.isASCII, c != "\"", !c.isNewline else {
        throw ValidationError("--delimiter must be comma, semicolon, tab or one ASCII character other than a quote or a line break.")
      }
      return c
    }
  }

  /// The reader's options these arguments describe.
  var options: LogReadOptions {
    get throws {
      var read = LogReadOptions()
      read.columns[.person] = personColumn
      read.columns[.department] = departmentColumn
      read.columns[.project] = projectColumn
      read.columns[.date] = dateColumn
      read.columns[.weight] = weightColumn
      read.delimiter = try delimiterCharacter()
      read.decimalComma = decimalComma.value
      read.duplicates = duplicates
      read.sheet = sheet
      return read
    }
  }
}

extension LogColumn {
  /// The header names recognised for this field, for help text.
  var aliasList: String { aliases.joined(separator: ", ") }
}

enum DecimalCommaChoice: String, ExpressibleByArgument, CaseIterable {
  case auto, yes, no
  var value: Bool? { self == .auto ? nil : self == .yes }
}

/// How a log becomes a person network.
struct ProjectionArguments: ParsableArguments {
  @Option(help: ArgumentHelp(
    "How ties between two people are weighed: "
      + ProjectionWeighting.allCases.map { "\($0.rawValue) (\($0.explanation))" }.joined(separator: "; ") + "."))
  var weighting: ProjectionWeighting = .sharedProjects

  // Numeric options parse their value unconditionally, so that `--min-weight -1` is refused
  // for being negative rather than read as an unknown option `-1`.
  @Option(parsing: .unconditional, help: ArgumentHelp("Leave out ties lighter than this weight (\(OptionRanges.describe(OptionRanges.minWeight))).", valueName: "weight"))
  var minWeight: Double?

  @Option(help: ArgumentHelp("Use only log rows on or after this date (yyyy-mm-dd or dd-mm-yyyy).", valueName: "date"))
  var from: LogDate?

  @Option(help: ArgumentHelp("Use only log rows on or before this date (yyyy-mm-dd or dd-mm-yyyy).", valueName: "date"))
  var to: LogDate?

  @Option(parsing: .unconditional, help: ArgumentHelp("Leave out projects with more people than this (all-hands meetings, shared infrastructure); \(OptionRanges.describe(OptionRanges.maxProjectSize)).", valueName: "n"))
  var maxProjectSize: Int?

  func validate() throws {
    if let minWeight { try OptionRanges.check(minWeight, OptionRanges.minWeight, option: "min-weight") }
    if let maxProjectSize { try OptionRanges.check(maxProjectSize, OptionRanges.maxProjectSize, option: "max-project-size") }
    if let from, let to, to < from { throw ValidationError("--from \(from) is after --to \(to): the window is empty.") }
  }

  var options: ProjectionOptions {
    var options = ProjectionOptions()
    options.weighting = weighting
    options.minimumWeight = minWeight
    options.from = from
    options.to = to
    options.maximumProjectSize = maxProjectSize
    return options
  }
}

extension ProjectionWeighting: ExpressibleByArgument {}
extension DuplicatePolicy: ExpressibleByArgument {}
extension LogDate: ExpressibleByArgument {
  public init?(argument: String) { self.init(argument) }
}
