import SiloGraph
/// A small delimited table read whole into strings: people files and node lists, where each
/// row becomes attributes anyway. (Logs and edge lists, which can have millions of rows, are
/// read from bytes without a `String` per field.)
package struct TextTable {
  package var file: String
  package var header: [String]
  package var rows: [[String]] = []
  package var lines: [Int] = []
  package var report: IngestReport

  package init(_ input: InputFile, delimiter option: Character?) throws(IngestError) {
    if input.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
      throw .emptyFile(file: input.name)
    }
    let delimiter = try ProjectLogReader.delimiter(of: input, option: option)
    let scanner = DelimitedScanner(file: input, delimiter: delimiter)
    file = input.name
    header = try ProjectLogReader.header(scanner, file: input)
    report = IngestReport(file: input.name, format: delimiter == 0x09 ? "tsv" : delimiter == 0x3B ? "ssv" : "csv")
    report.encoding = input.encoding
    report.delimiter = DelimiterDetection.name(of: delimiter)
    report.decimalComma = delimiter != 0x2C
    var wrong = 0
    while try scanner.next() {
      report.rowsRead += 1
      if scanner.isBlank {
        report.skip("empty row", at: SourceLocation(file: file, line: scanner.recordLine))
        continue
      }
      if scanner.fieldCount != header.count {
        wrong += 1
        report.skip(
          "the row has a different number of fields than the header (\(header.count))",
          at: SourceLocation(file: file, line: scanner.recordLine))
        continue
      }
      rows.append((0 ..< scanner.fieldCount).map { scanner.trimmedString($0) })
      lines.append(scanner.recordLine)
    }
    if report.rowsRead == 0 { throw .noDataRows(file: file) }
    if wrong * 2 > report.rowsRead {
      throw .malformed(
        report.skipped.first { $0.reason.hasPrefix("the row has a different") }!.examples[0],
        reason: "most rows (\(wrong) of \(report.rowsRead)) have a different number of fields than the header "
          + "(\(header.count)): the delimiter (\(report.delimiter!)) may be wrong; name it with --delimiter")
    }
  }
}
