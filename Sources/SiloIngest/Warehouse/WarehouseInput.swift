/// What the engine reads: where the log is, in which format, and which of its columns hold
/// the person, the department, the project, the date and the weight.
///
/// Made from a local copy of the log (or of its first lines: only the header is read) with
/// ``init(sample:location:format:options:)``, which applies the reader's own rules (column
/// aliases, the delimiter, the decimal comma, the encoding), or from named columns with
/// ``init(location:format:columns:options:)`` when there is nothing local to look at.
public struct WarehouseInput: Sendable, Hashable {
  /// Where the engine finds the log.
  public enum Location: Sendable, Hashable {
    /// A path, a glob or a URI the engine reads (`/data/log.csv`, `s3://bucket/log/*.parquet`,
    /// `gs://bucket/log-*.csv`).
    case files(String)
    /// A table or view the engine already has (`warehouse.timesheets`).
    case table(String)
  }

  /// The format of the files.
  public enum FileFormat: String, Sendable, Hashable, Codable, CaseIterable {
    case csv, parquet
  }

  /// The text encoding of CSV files.
  public enum Encoding: String, Sendable, Hashable, Codable {
    case utf8, utf16
  }

  public var location: Location
  public var format: FileFormat
  /// Every column of the log in order, when known from a local copy; CSV columns are then
  /// addressed by position (`c0`, `c1`, …), which no header spelling can break.
  public var header: [String]?
  /// The column of each field, by header name; person and project are always there.
  public var columns: [LogColumn: String]
  /// The delimiter of CSV files (ASCII).
  public var delimiter: Character = ","
  public var decimalComma: Bool
  public var encoding: Encoding = .utf8
  public var duplicates: DuplicatePolicy

  /// The name under which the script addresses column `index` of a CSV whose header is known.
  static func positionalName(_ index: Int) -> String { "c\(index)" }

  /// The input as described by a local copy of the log at `sample` (at least its header).
  ///
  /// - Throws: the reader's errors for the sample: no such file, an encoding that is not
  ///   UTF-8 or UTF-16, a header without a person or project column, a JSON Lines log (the
  ///   SQL reads CSV and Parquet).
  public init(
    sample: String, location: Location? = nil, format: FileFormat = .csv, options: LogReadOptions
  ) throws(IngestError) {
    let file = try InputFile(path: sample)
    if file.sheet != nil {
      throw .invalidOption(
        "\(sample): an Excel workbook cannot be read by the SQL engines; save the log as CSV UTF-8 (or Parquet) where the engine reads it, and give that")
    }
    if options.format == .jsonl || file.bytes.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) == UInt8(ascii: "{") {
      throw .invalidOption(
        "\(sample): a JSON Lines log cannot be read by the SQL; the SQL reads CSV and Parquet (convert the log, or give a CSV with its columns)")
    }
    let delimiter = try ProjectLogReader.delimiter(of: file, option: options.delimiter)
    let scanner = DelimitedScanner(file: file, delimiter: delimiter)
    let header = try ProjectLogReader.header(scanner, file: file)
    var columns: [LogColumn: String] = [:]
    for role in LogColumn.allCases {
      let required = role == .person || role == .project
      if let index = try HeaderMatching.index(of: role, in: header, overrides: options.columns, file: sample, required: required) {
        columns[role] = header[index]
      }
    }
    self.location = location ?? .files(sample)
    self.format = format
    self.header = header
    self.columns = columns
    self.delimiter = Character(Unicode.Scalar(delimiter))
    self.decimalComma = options.decimalComma ?? (delimiter != 0x2C)
    self.encoding = file.encoding.hasPrefix("UTF-16") ? .utf16 : .utf8
    self.duplicates = options.duplicates
    try checkDistinctColumns(file: sample)
  }

  /// The input as described by named columns, for a table or files SiloScope cannot look at
  /// here. `columns` must name the person and the project column; the fields not named are
  /// taken as absent (no department, no date, every row weighs 1).
  public init(location: Location, format: FileFormat = .csv, columns: [LogColumn: String], options: LogReadOptions) throws(IngestError) {
    for role in [LogColumn.person, .project] where columns[role] == nil {
      throw .invalidOption(
        "without a local copy of the log, SiloScope cannot look at its header: name the \(role.rawValue) column")
    }
    self.location = location
    self.format = format
    self.header = nil
    self.columns = columns
    self.delimiter = options.delimiter ?? ","
    self.decimalComma = options.decimalComma ?? (self.delimiter != ",")
    self.duplicates = options.duplicates
    try checkDistinctColumns(file: "the log")
  }

  private func checkDistinctColumns(file: String) throws(IngestError) {
    var seen: [String: LogColumn] = [:]
    for role in LogColumn.allCases {
      guard let name = columns[role] else { continue }
      let key = HeaderMatching.normalized(name)
      if let other = seen[key] {
        throw .invalidOption("\(file): the column \"\(name)\" cannot be both the \(other.rawValue) and the \(role.rawValue)")
      }
      seen[key] = role
    }
  }

  /// The SQL column that holds `role`, when the log has it.
  func column(_ role: LogColumn, _ dialect: any SQLDialect) -> String? {
    guard let name = columns[role] else { return nil }
    if let header, let index = header.firstIndex(of: name) { return column(at: index, dialect) }
    return dialect.identifier(name)
  }

  /// The SQL column of the header's column `index`: by position in a CSV, by name otherwise.
  func column(at index: Int, _ dialect: any SQLDialect) -> String {
    format == .csv ? Self.positionalName(index) : dialect.identifier(header![index])
  }
}
