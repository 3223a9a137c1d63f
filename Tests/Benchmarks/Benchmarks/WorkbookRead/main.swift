// Not an ordo-one benchmark: why SiloIngest reads a worksheet with its own scanner rather than
// with Foundation's XMLParser, the kept library it uses for a workbook's small parts. Times, on
// one .xlsx:
//   - the sheet read with XMLParser (fed from a stream, as SiloIngest feeds the small parts),
//     with a delegate that keeps each cell's text and nothing more: the least a reader of the
//     sheet through XMLParser does;
//   - ProjectLogReader.read on the workbook: the sheet scanned (WorksheetScanner), turned into
//     text and read as a log, everything included;
//   - ProjectLogReader.read on the same log as CSV, when given.
// Both workbook timings include opening the zip and inflating the sheet. Run in release mode:
//   swift run -c release --package-path Tests/Benchmarks WorkbookRead LOG.xlsx [LOG.csv]
// `run.sh workbook` runs it on the generated 10^5- and 10^6-row workbooks.
import BenchmarkTiming
import Foundation
import SiloIngest
import ZIPFoundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Keeps the text of every `v` and inline `t` element.
final class CellTexts: NSObject, XMLParserDelegate {
  var cells: [String] = []
  var current = ""
  var inText = false
  func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
    if element == "v" || element == "t" {
      inText = true
      current = ""
    }
  }
  func parser(_ parser: XMLParser, foundCharacters string: String) { if inText { current += string } }
  func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
    if element == "v" || element == "t" {
      inText = false
      cells.append(current)
    }
  }
}

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
  print("usage: WorkbookRead LOG.xlsx [LOG.csv]")
  exit(64)
}
let workbook = arguments[1]
var best = (xmlParser: Double.infinity, scanner: Double.infinity, csv: Double.infinity)
var cells = 0, rows = 0
for _ in 0 ..< 3 {
  best.xmlParser = min(best.xmlParser, try seconds {
    let archive = try Archive(url: URL(fileURLWithPath: workbook), accessMode: .read)
    let entry = archive.first { $0.path.hasPrefix("xl/worksheets/") }!
    var data = Data()
    _ = try archive.extract(entry) { data.append($0) }
    let delegate = CellTexts()
    let parser = XMLParser(stream: InputStream(data: data))
    parser.delegate = delegate
    guard parser.parse() else { fatalError("XMLParser failed: \(String(describing: parser.parserError))") }
    cells = delegate.cells.count
  })
  best.scanner = min(best.scanner, try seconds { rows = try ProjectLogReader.read(path: workbook).entryCount })
  if arguments.count > 2 {
    best.csv = min(best.csv, try seconds { _ = try ProjectLogReader.read(path: arguments[2]) })
  }
}
print("\(URL(fileURLWithPath: workbook).lastPathComponent): \(cells) cells, \(rows) log rows; best of 3, wall seconds")
print(String(format: "  XMLParser, cell texts only:                 %.2f", best.xmlParser))
print(String(format: "  ProjectLogReader, .xlsx (scanner, all):     %.2f", best.scanner))
if arguments.count > 2 { print(String(format: "  ProjectLogReader, the same log as .csv:     %.2f", best.csv)) }
