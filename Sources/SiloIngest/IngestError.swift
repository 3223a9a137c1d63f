import SiloGraph
/// A place in an input file: file name, and where known the 1-based line and column.
///
/// Described compiler-style, `file:line:column`, so editors and terminals can jump to it.
/// Columns count characters (Unicode scalars), not bytes.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
  public var file: String
  public var line: Int?
  public var column: Int?

  public init(file: String, line: Int? = nil, column: Int? = nil) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// The same place in a file read from `offset` lines further down.
  package func movedDown(by offset: Int) -> SourceLocation {
    SourceLocation(file: file, line: line.map { $0 + offset }, column: column)
  }

  public var description: String {
    var text = file
    if let line { text += ":\(line)" }
    if let line = line, line > 0, let column { text += ":\(column)" }
    return text
  }
}

/// Why an input could not be read. Every case names the file, and where it can the line and
/// column, in words a consultant can act on.
///
/// Row-level problems (an empty name, hours that are not a number) are not errors: such rows
/// are skipped and reported in ``IngestReport``. These errors are for inputs that cannot be
/// read as a whole.
public enum IngestError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The file does not exist.
  case fileNotFound(file: String)
  /// The file exists but cannot be read (a folder, no permission).
  case unreadable(file: String, reason: String)
  /// The file has no bytes, or only white space.
  case emptyFile(file: String)
  /// The file has a header but no data rows.
  case noDataRows(file: String)
  /// The bytes are not text in the expected encoding.
  case invalidEncoding(SourceLocation, reason: String)
  /// The file's structure is broken (an unterminated quote, text after a closing quote).
  case malformed(SourceLocation, reason: String)
  /// A column the input needs is not in the header.
  case missingColumn(file: String, role: String, tried: [String], header: [String])
  /// Every data row was skipped, for the reasons in `skipped`; nothing is left to analyse.
  case noUsableRows(file: String, rowsRead: Int, skipped: [IngestReport.SkippedRows])
  /// Options that cannot be combined, or an option value that makes no sense.
  case invalidOption(String)
  /// The projects would tie more pairs of people than the projection takes on
  /// (``ProjectionOptions/maximumCoMemberships``); `largest` are the projects with the most
  /// pairs, and `suggestedMaximumProjectSize` a `--max-project-size` that fits.
  case projectionTooLarge(coMemberships: Int, limit: Int, largest: [ProjectShare], suggestedMaximumProjectSize: Int?)
  /// The `manager` column does not describe a tree.
  case reportingLines(ReportingLineProblem)
  /// A column asked for as a level or grouping is not in `file`, whose columns are `columns`;
  /// `inLog` tells whether the people come from a log (whose other columns can be the
  /// department) or a node list.
  case unknownColumn(name: String, file: String, columns: [String], inLog: Bool)
  /// A level asked for is not one of `levels` (top first).
  case unknownLevel(name: String, levels: [String])
  /// The delimiter asked for cannot be one: it is not one ASCII character, or it is a quote
  /// or a line break.
  case invalidDelimiter(Character)
  /// The date window ends before it starts.
  case emptyDateWindow(from: LogDate, to: LogDate)
  /// The header of `file` is a single column: no delimiter was found in it.
  case singleColumnHeader(file: String, header: String)
  /// Most data rows split into another number of fields than the header, so the delimiter
  /// is probably wrong: the first such row (with its `fields` when known), how many of the
  /// `rows` data rows differ, and the delimiter used.
  case fieldCountMismatch(SourceLocation, fields: Int?, headerFields: Int, differing: Int, rows: Int, delimiter: String)

  public var description: String { message(wording: nil) }

  /// The message, with the reasons rows were skipped (``noUsableRows(file:rowsRead:skipped:)``)
  /// in `wording`; in the library's English when `nil`.
  public func message(wording: (any InputMessageWording)?) -> String {
    switch self {
    case .fileNotFound(let file):
      return "\(file): no such file"
    case .unreadable(let file, let reason):
      return "\(file): cannot be read: \(reason)"
    case .emptyFile(let file):
      return "\(file): the file is empty"
    case .noDataRows(let file):
      return "\(file):2: the file has a header but no data rows"
    case .invalidEncoding(let location, let reason):
      return "\(location): \(reason)"
    case .malformed(let location, let reason):
      return "\(location): \(reason)"
    case .missingColumn(let file, let role, let tried, let header):
      let shown = header.map { "\"\($0)\"" }.joined(separator: ", ")
      var message = "\(file):1:1: no \(role) column: looked for \(tried.joined(separator: ", ")) (any case) in the header \(shown)"
      if headerLooksUnsplit { message += "; the header was read as one column: is the delimiter right?" }
      return message
    case .noUsableRows(let file, let rowsRead, let skipped):
      let reasons = skipped.map { "\($0.count) × \(wording?.message($0.reason) ?? $0.reason.description)" }.joined(separator: "; ")
      return "\(file): none of the \(rowsRead) data rows could be used (\(reasons))"
    case .invalidOption(let message):
      return message
    case .projectionTooLarge(let coMemberships, let limit, let largest, let suggestion):
      let projects = largest.map { "\"\($0.project)\" (\(IngestReport.grouped($0.members)) people)" }.joined(separator: ", ")
      var message = "the projects put \(IngestReport.grouped(coMemberships)) pairs of people on a common project, more than the "
        + "\(IngestReport.grouped(limit)) the projection holds in memory; the largest: \(projects)"
      if let suggestion { message += "; without the projects of more than \(suggestion) people they would fit" }
      return message
    case .reportingLines(let problem):
      return problem.description
    case .unknownColumn(let name, let file, let columns, _):
      return "no column \"\(name)\" in \(file) (its columns: \(columns.map { "\"\($0)\"" }.joined(separator: ", ")))"
    case .unknownLevel(let name, let levels):
      return "no level \"\(name)\": the levels are \(levels.enumerated().map { "\($0 + 1) \"\($1)\"" }.joined(separator: ", "))"
    case .invalidDelimiter(let character):
      return "the delimiter \"\(character)\" cannot be used: a delimiter is one ASCII character other than a quote or a line break"
    case .emptyDateWindow(let from, let to):
      return "the date window is empty: it starts on \(from), after it ends on \(to)"
    case .singleColumnHeader(let file, let header):
      return "\(file):1:1: the header \"\(header.prefix(80))\" is a single column; expected columns separated by commas, semicolons or tabs"
    case .fieldCountMismatch(let location, let fields, let headerFields, let differing, let rows, let delimiter):
      let row = fields.map { "this row has \($0) field\($0 == 1 ? "" : "s") but the header has \(headerFields); " } ?? ""
      return "\(location): \(row)\(differing) of the \(rows) data rows have a different number of fields than the header "
        + "(\(headerFields)): the delimiter (\(delimiter)) may be wrong, or numbers with a decimal comma are not quoted"
    }
  }

  /// For ``missingColumn(file:role:tried:header:)``: whether the header was read as one
  /// column that holds a comma, semicolon or tab (the delimiter is probably wrong).
  public var headerLooksUnsplit: Bool {
    guard case .missingColumn(_, _, _, let header) = self, header.count == 1, let only = header.first else { return false }
    return only.contains(where: { $0 == "," || $0 == ";" || $0 == "\t" })
  }

  /// What kind of failure this is: the input cannot be opened, the options are wrong, or
  /// the data is.
  public var kind: FailureKind {
    switch self {
    case .fileNotFound, .unreadable: return .inputUnavailable
    case .invalidOption, .unknownColumn, .unknownLevel, .invalidDelimiter, .emptyDateWindow: return .invalidRequest
    default: return .invalidData
    }
  }
}
