import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Reads an Excel workbook (`.xlsx`, Office Open XML, ECMA-376) as the delimited text the log
/// and people readers take, so a workbook gets the same column aliases, Dutch headers, row
/// accounting and messages as a CSV export.
///
/// The zip container is opened by ZIPFoundation; the small parts (`xl/workbook.xml`, its
/// relationships, `xl/sharedStrings.xml`, `xl/styles.xml`) are read with Foundation's
/// `XMLParser`, the worksheet with ``WorksheetScanner``. One sheet is read: the one named, or
/// the first. Each sheet row
/// becomes one tab-separated line with the same number (row 5 of the sheet is line 5, empty
/// rows are blank lines), so messages name the sheet's row; a cell's column is named by its
/// number (column C is 3).
///
/// Cells: shared strings and inline strings (rich-text runs joined, phonetic runs left out),
/// numbers as written by Swift's shortest round-trip form ("7.5", "1e-05"), booleans as TRUE
/// and FALSE, errors as their text (#N/A), formula results as cached. A number whose cell style
/// is a date format (the built-in date formats 14–22 and 45–47, or a custom format with day,
/// month or year codes outside quotes and brackets) is the date it counts, in the workbook's
/// 1900 system (serial 1 is 1900-01-01; Lotus 1-2-3's fictitious 1900-02-29 is serial 60) or
/// 1904 system, written `yyyy-mm-dd` (a time of day is dropped: the reader keeps days). A
/// merged range holds its top-left value in every cell, so a header merged over two columns
/// names both and a department merged down a block of rows is every row's department. A tab
/// or line break inside a cell becomes U+2028, which the name rule reads as a space, as it
/// reads a tab or a line break in a CSV field.
package enum Workbook {
  /// What a file that is not text is.
  package enum Container {
    /// A zip archive: an `.xlsx` workbook, or another zip.
    case zip
    /// An OLE compound file: a binary `.xls`, or a password-protected workbook (encrypted
    /// workbooks are stored in this format whatever their name).
    case compoundFile(encrypted: Bool)
  }

  /// The container `bytes` are, or `nil` for anything else.
  package static func container(of bytes: [UInt8]) -> Container? {
    if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) { return .zip }
    if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
      let marker = Array("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
      return .compoundFile(encrypted: bytes.firstRange(of: marker) != nil)
    }
    return nil
  }

  /// The sheet `sheet` (or the first) of the workbook in `bytes` as tab-separated text, and
  /// the sheet's name.
  ///
  /// - Throws: ``IngestError/unreadable(file:reason:)`` for a binary or password-protected
  ///   workbook, a zip that is not a workbook, a sheet that is not there, or a damaged
  ///   workbook; ``IngestError/emptyFile(file:)`` for an empty sheet.
  package static func text(of bytes: [UInt8], name: String, sheet: String?) throws(IngestError) -> (text: [UInt8], sheet: String) {
    switch container(of: bytes) {
    case .compoundFile(let encrypted)?:
      throw .unreadable(
        file: name,
        reason: encrypted
          ? "the workbook is protected with a password; open it in Excel, remove the password (File > Info > Protect Workbook) and save it as .xlsx, or save it as CSV UTF-8"
          : "it is an Excel 97–2003 workbook (.xls), which SiloScope does not read; save it as .xlsx or as CSV UTF-8")
    case nil:
      throw .unreadable(file: name, reason: "it is not an Excel workbook (.xlsx)")
    case .zip?:
      break
    }
    do {
      let archive = try Archive(data: Data(bytes), accessMode: .read)
      guard archive["xl/workbook.xml"] != nil else {
        throw WorkbookProblem(
          reason: "it is a zip archive, not an Excel workbook (it has no xl/workbook.xml); unzip it and give the file inside")
      }
      let parts = Parts(archive: archive)
      let book = try WorkbookPart.read(parts)
      let chosen = try book.sheet(named: sheet)
      let styles = try StylesPart.read(parts)
      let strings = try SharedStringsPart.read(parts)
      let cells = try WorksheetPart.read(
        parts, path: chosen.path, strings: strings, styles: styles, date1904: book.date1904)
      guard !cells.isEmpty else { throw IngestError.emptyFile(file: "\(name) (sheet \"\(chosen.name)\")") }
      return (cells, chosen.name)
    } catch let error as IngestError {
      throw error
    } catch let problem as WorkbookProblem {
      throw .unreadable(file: name, reason: problem.reason)
    } catch {
      throw .unreadable(file: name, reason: "the workbook is damaged (\(error)); open it in Excel and save it again, or save it as CSV UTF-8")
    }
  }
}

/// Why a workbook cannot be read, in words for the message.
struct WorkbookProblem: Error {
  var reason: String
}

/// The parts of the zip container, read whole.
struct Parts {
  let archive: Archive

  /// The part at `path`, or `nil` when the workbook has none.
  func data(_ path: String) throws -> Data? {
    guard let entry = archive[path] else { return nil }
    var data = Data()
    data.reserveCapacity(Int(entry.uncompressedSize))
    // Chunks of 1 MiB rather than ZIPFoundation's 16 KiB: a sheet of a million rows is a
    // few hundred megabytes inflated.
    _ = try archive.extract(entry, bufferSize: 1 << 20, skipCRC32: false) { data.append($0) }
    return data
  }

  /// Parses the part at `path` with `delegate`; `false` when there is no such part.
  @discardableResult
  func parse(_ path: String, with delegate: XMLParserDelegate) throws -> Bool {
    guard var data = try data(path) else { return false }
    // FoundationXML on Linux crashes on some processing instructions (see
    // GraphMLReader.blankingProcessingInstructions); parts written by Excel have none past
    // the declaration, so the bytes are copied only when one is there.
    if data.count > 6, data[6...].range(of: Data("<?".utf8)) != nil {
      data = Data(GraphMLReader.blankingProcessingInstructions(Array(data)))
    }
    // From a stream: given the whole part at once, XMLParser on Linux stops with an internal
    // error near the end of a long one-line part (a 26 MB worksheet written by openpyxl);
    // fed from a stream, the same part parses.
    let parser = XMLParser(stream: InputStream(data: data))
    parser.shouldProcessNamespaces = false
    parser.delegate = delegate
    guard parser.parse() else {
      throw WorkbookProblem(
        reason: "the workbook is damaged (\(path) is not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "unknown error")); open it in Excel and save it again, or save it as CSV UTF-8")
    }
    return true
  }
}
