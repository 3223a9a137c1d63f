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
  /// Every data row was skipped; nothing is left to analyse.
  case noUsableRows(file: String, rowsRead: Int, reasons: String)
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

  public var description: String {
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
      var message = "\(file):1:1: no \(role) column: looked for \(tried.joined(separator: ", ")) (any case) "
        + "in the header \(shown); name the column with --\(role)-column"
      if header.count == 1, let only = header.first, only.contains(where: { $0 == "," || $0 == ";" || $0 == "\t" }) {
        message += "; the header was read as one column: is the delimiter right (--delimiter)?"
      }
      return message
    case .noUsableRows(let file, let rowsRead, let reasons):
      return "\(file): none of the \(rowsRead) data rows could be used (\(reasons))"
    case .invalidOption(let message):
      return message
    case .projectionTooLarge(let coMemberships, let limit, let largest, let suggestion):
      let projects = largest.map { "\"\($0.project)\" (\(IngestReport.grouped($0.members)) people)" }.joined(separator: ", ")
      var message = "the projects put \(IngestReport.grouped(coMemberships)) pairs of people on a common project, more than the "
        + "\(IngestReport.grouped(limit)) the projection holds in memory; the largest: \(projects)"
      if let suggestion {
        message += "; leave such projects out with --max-project-size \(suggestion)\(suggestion > 2 ? " (or a smaller size)" : "")"
      }
      return message
    case .reportingLines(let problem):
      return problem.description
    case .unknownColumn(let name, let file, let columns, _):
      return "no column \"\(name)\" in \(file) (its columns: \(columns.map { "\"\($0)\"" }.joined(separator: ", ")))"
    case .unknownLevel(let name, let levels):
      return "no level \"\(name)\": the levels are \(levels.enumerated().map { "\($0 + 1) \"\($1)\"" }.joined(separator: ", "))"
    }
  }

  /// What kind of failure this is: the input cannot be opened, the options are wrong, or
  /// the data is.
  public var kind: FailureKind {
    switch self {
    case .fileNotFound, .unreadable: return .inputUnavailable
    case .invalidOption, .unknownColumn, .unknownLevel: return .invalidRequest
    default: return .invalidData
    }
  }
}
