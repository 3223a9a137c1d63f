import Foundation

/// How to read a project log. The defaults detect everything; each choice can be forced.
public struct LogReadOptions: Sendable, Hashable {
  /// Header names for fields whose column has an unusual name.
  public var columns = ColumnOverrides()
  /// Levels, the level analysed, or another column as the department (people file columns).
  public var grouping = GroupingOptions()
  /// The delimiter; `nil` detects it among comma, semicolon and tab.
  public var delimiter: Character? = nil
  /// Whether numbers use a decimal comma; `nil` means yes for semicolon- and tab-separated
  /// files and no for comma-separated ones.
  public var decimalComma: Bool? = nil
  /// What to do with rows identical to an earlier row in every field.
  public var duplicates: DuplicatePolicy = .keep
  /// The format; `nil` detects it (JSON Lines when the file starts with `{`).
  public var format: LogFormat? = nil
  /// The sheet of an Excel workbook to read; `nil` reads the first.
  public var sheet: String? = nil
  /// How many threads read a delimited log. Its text is cut into as many stretches (of at
  /// least 1 MiB), read at the same time and joined into the log one pass reads: the same
  /// names, entries, counts and lines for any number. 1 reads in one pass.
  public var threads = 1

  /// Options that detect everything: columns by their usual names, the delimiter, the
  /// decimal separator and the format; rows that repeat an earlier row are kept.
  public init() {}
}

/// What to do with rows that repeat an earlier row exactly.
public enum DuplicatePolicy: String, Sendable, Hashable, Codable, CaseIterable {
  /// Keep them (their weights add up) and count them in the report.
  case keep
  /// Skip them, counted in the report as skipped rows.
  case drop
}

/// The formats of a project log.
public enum LogFormat: String, Sendable, Hashable, Codable, CaseIterable {
  /// Delimiter-separated text with a header: CSV, semicolon-separated, TSV.
  case csv
  /// JSON Lines: one JSON object per line, keys named like the CSV header.
  case jsonl
}

/// Reads project logs (the main input of SiloScope) from delimited text or JSON Lines.
///
/// Each row is one participation: a person, a project, optionally a department, a date and a
/// weight (hours). Rows that cannot be used are skipped and counted by reason in the
/// ``IngestReport`` (an empty name, hours that are not a number or negative, a date that is not
/// a date, a wrong number of fields). A file that cannot be read as a whole throws an
/// ``IngestError`` naming the file, line and column.
public enum ProjectLogReader {
  /// Names longer than this many bytes are not names (a pasted document, a broken export):
  /// such rows are skipped.
  public static let maximumNameBytes = 1024

  /// Reads the log at `path`.
  public static func read(path: String, options: LogReadOptions = LogReadOptions()) throws(IngestError) -> ProjectLog {
    try located(InputFile(path: path, sheet: options.sheet, threads: options.threads), options: options)
  }

  /// Reads a log from bytes already in memory; `name` is used in messages.
  public static func read(bytes: [UInt8], name: String, options: LogReadOptions = LogReadOptions()) throws(IngestError) -> ProjectLog {
    try located(InputFile(name: name, raw: bytes, sheet: options.sheet), options: options)
  }

  /// ``read(_:options:)`` with its messages placed in a folder's parts and a workbook's sheet.
  private static func located(_ file: InputFile, options: LogReadOptions) throws(IngestError) -> ProjectLog {
    try PartFiles.Index([file]).locating({ () throws(IngestError) in try read(file, options: options) }) {
      $0.reports = $0.reports.map($1)
    }
  }

  /// ``read(bytes:name:options:)`` with a delimited log's text after the header cut into
  /// stretches at `cuts` (offsets in `bytes`, anywhere, even inside a record) instead of by
  /// ``LogReadOptions/threads``: what tests use to check that stretches read what one pass reads.
  package static func read(
    bytes: [UInt8], name: String, options: LogReadOptions, cuttingAt cuts: [Int]
  ) throws(IngestError) -> ProjectLog {
    try readDelimited(InputFile(name: name, raw: bytes, sheet: nil), options: options, cuts: cuts)
  }

  package static func read(_ file: InputFile, options: LogReadOptions) throws(IngestError) -> ProjectLog {
    if file.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
      throw .emptyFile(file: file.name)
    }
    let format = options.format ?? detectFormat(file)
    switch format {
    case .jsonl: return try JSONLinesLogReader.read(file, options: options)
    case .csv: return try readDelimited(file, options: options)
    }
  }

  private static func detectFormat(_ file: InputFile) -> LogFormat {
    let lower = file.name.lowercased()
    if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") { return .jsonl }
    let first = file.bytes.first { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }
    return first == UInt8(ascii: "{") ? .jsonl : .csv
  }

  /// Resolves the delimiter: the option, else detection; throws when the header is one column.
  package static func delimiter(of file: InputFile, option: Character?) throws(IngestError) -> UInt8 {
    if let option {
      guard let ascii = option.asciiValue, ascii != 0x22, ascii != 0x0A, ascii != 0x0D else { throw .invalidDelimiter(option) }
      return ascii
    }
    guard let detected = DelimiterDetection.detect(in: file.bytes) else {
      let scanner = DelimitedScanner(file: file, delimiter: 0x2C)
      _ = try? scanner.next()
      let header = scanner.fieldCount > 0 ? scanner.trimmedString(0) : ""
      throw .singleColumnHeader(file: file.name, header: header)
    }
    return detected
  }

  /// Reads the header: the first record that is not blank. Returns trimmed names.
  package static func header(_ scanner: DelimitedScanner, file: InputFile) throws(IngestError) -> [String] {
    while try scanner.next() {
      if scanner.isBlank { continue }
      return (0 ..< scanner.fieldCount).map { scanner.trimmedString($0) }
    }
    throw .emptyFile(file: file.name)
  }

  /// Reads delimited text: the header, the columns, then every record (``DelimitedLogRows``),
  /// in stretches (``DelimitedLogStretches``) cut by the threads or at `cuts`.
  private static func readDelimited(
    _ file: InputFile, options: LogReadOptions, cuts: [Int]? = nil
  ) throws(IngestError) -> ProjectLog {
    let delimiter = try delimiter(of: file, option: options.delimiter)
    let decimalComma = options.decimalComma ?? (delimiter != 0x2C)
    let scanner = DelimitedScanner(file: file, delimiter: delimiter)
    let header = try header(scanner, file: file)
    let columns = try DelimitedLogColumns(header: header, options: options, file: file.name)
    var report = columns.report(of: file, header: header, delimiter: delimiter, decimalComma: decimalComma)
    let layout = DelimitedLogLayout(
      file: file.name, columns: columns, headerCount: header.count, decimalComma: decimalComma,
      duplicates: options.duplicates)
    let stretches =
      if let cuts {
        DelimitedLogStretches(file: file, delimiter: delimiter, start: scanner.offset, line: scanner.nextLine, cuts: cuts)
      } else {
        DelimitedLogStretches(
          file: file, delimiter: delimiter, start: scanner.offset, line: scanner.nextLine, parts: options.threads)
      }
    let rows = try stretches.read(layout, report: &report, threads: options.threads)
    return try rows.log(report: report, delimiter: delimiter, threads: options.threads)
  }
}
