import SiloGraph
/// A small delimited table read whole into strings: people files and node lists, where each
/// row becomes attributes anyway. Every cell and header name is normalized under ``Names``'
/// rule. (Logs and edge lists, which can have millions of rows, are
/// read from bytes without a `String` per field.)
package struct TextTable {
  package var file: String
  package var header: [String]
  package var rows: [[String]] = []
  package var lines: [Int] = []
  package var report: IngestReport
  /// What normalizing the cells under ``Names``' rule did; the readers add the number of ids
  /// written in more than one way and give the warnings.
  package var nameCounter = SpellingCounter()

  package init(_ input: InputFile, delimiter option: Character?) throws(IngestError) {
    if input.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
      throw .emptyFile(file: input.name)
    }
    let delimiter = try ProjectLogReader.delimiter(of: input, option: option)
    let scanner = DelimitedScanner(file: input, delimiter: delimiter)
    file = input.name
    var names = StringNameTable()
    header = try ProjectLogReader.header(scanner, file: input).map { names.normalize($0) }
    report = IngestReport(file: input.name, format: delimiter == 0x09 ? "tsv" : delimiter == 0x3B ? "ssv" : "csv")
    report.encoding = input.encoding
    report.delimiter = DelimiterDetection.name(of: delimiter)
    report.decimalComma = delimiter != 0x2C
    var wrong = 0
    while try scanner.next() {
      report.rowsRead += 1
      if scanner.isBlank {
        report.skip(.emptyRow, at: SourceLocation(file: file, line: scanner.recordLine))
        continue
      }
      if scanner.fieldCount != header.count {
        wrong += 1
        report.skip(.fieldCountMismatch(headerFields: header.count), at: SourceLocation(file: file, line: scanner.recordLine))
        continue
      }
      rows.append((0 ..< scanner.fieldCount).map { names.normalize(scanner.trimmedString($0)) })
      lines.append(scanner.recordLine)
    }
    nameCounter = names.counter
    if report.rowsRead == 0 { throw .noDataRows(file: file) }
    if wrong * 2 > report.rowsRead {
      throw .fieldCountMismatch(
        report.skipped.first { if case .fieldCountMismatch = $0.reason { true } else { false } }!.examples[0], fields: nil,
        headerFields: header.count, differing: wrong, rows: report.rowsRead, delimiter: report.delimiter!)
    }
  }
}

/// The limit on names (``ProjectLogReader/maximumNameBytes``) for the rows of people files and
/// node lists: an id or a department longer than that is not a name, and the row is skipped.
enum NameLimit {
  /// The skip reason when the row's id or group is too long, else `nil`.
  static func check(_ row: [String], id: Int, group: Int?) -> SkipReason? {
    let limit = ProjectLogReader.maximumNameBytes
    if row[id].utf8.count > limit { return .nameTooLong(.id, limit: limit) }
    if let group, row[group].utf8.count > limit { return .nameTooLong(.department, limit: limit) }
    return nil
  }
}
