import Foundation
import Testing
import ZIPFoundation
import _SiloTestSupport

@testable import SiloIngest

/// The workbooks in Workbooks/, written by Workbooks/make_workbooks.py (openpyxl 3.1.5).
enum WorkbookFiles {
  static func path(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Workbooks/\(name)").path
  }
}

@Suite("Excel workbooks")
struct WorkbookTests {
  @Test("Every kind of cell becomes the text the readers take, one line per sheet row")
  func features() throws {
    let file = try InputFile(path: WorkbookFiles.path("features.xlsx"))
    #expect(file.sheet == "Blad1")
    let lines = String(decoding: file.bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    #expect(
      lines == [
        // B1:C1 is merged: both columns are "afdeling".
        "medewerker\tafdeling\tafdeling\tzaak\tdatum\turen\topmerking",
        // Rich-text runs joined, the phonetic run left out; a formula's cached text; a date
        // under a custom format in the 1904 system; a boolean.
        "Zoë de Vries\tSociaal Domein\t\tP1\t2027-01-02\t7.5\tTRUE",
        // A built-in date format with a time of day (dropped); a time format stays a number;
        // an error as its text. B3:B6 is merged: "Wonen" down to row 6.
        "Jan\tWonen\t\tP1\t2027-01-03\t0.25\t#N/A",
        // Cells and a row without references; a text starting with a quote is quoted, its
        // tab and line break become U+2028.
        "Piet\tWonen\t\tP2\t\t1E-3\t\"\"\"geciteerd\"\" en\u{2028}meer\u{2028}regels\"",
        "\tWonen\t\t\t\t\t",
        "Els\tWonen\t\tP2\t\t2\t",
        "",
      ])
  }

  @Test("Serial numbers count days in the 1900 system (with Lotus' 29 February) and the 1904 system")
  func serials() {
    #expect(WorksheetPart.date(serial: 1, date1904: false) == "1900-01-01")
    #expect(WorksheetPart.date(serial: 59, date1904: false) == "1900-02-28")
    #expect(WorksheetPart.date(serial: 60, date1904: false) == "1900-02-29")
    #expect(WorksheetPart.date(serial: 61, date1904: false) == "1900-03-01")
    #expect(WorksheetPart.date(serial: 45292.99, date1904: false) == "2024-01-01")
    #expect(WorksheetPart.date(serial: 0, date1904: true) == "1904-01-01")
    #expect(WorksheetPart.date(serial: -1, date1904: false) == nil)
    #expect(WorksheetPart.date(serial: .nan, date1904: false) == nil)
  }

  @Test("Cell references and date formats")
  func referencesAndFormats() {
    #expect(WorksheetPart.reference("C5")! == (3, 5))
    #expect(WorksheetPart.reference("$AB$12")! == (28, 12))
    #expect(WorksheetPart.reference("XFD1048576")! == (16_384, 1_048_576))
    for bad in ["", "5", "C", "c5", "C0", "5C", "ABCD1"] { #expect(WorksheetPart.reference(bad) == nil, "\(bad)") }
    for code in ["dd-mm-yyyy", "d\\-mmm\\-yy;@", "[$-413]d mmmm yyyy", "yyyy-mm-dd h:mm"] { #expect(StylesPart.isDateFormat(code), "\(code)") }
    for code in ["0.00", "h:mm", "[h]:mm:ss", "\"day\" 0", "#,##0 \"dagen\"", "[Red]0.0"] { #expect(!StylesPart.isDateFormat(code), "\(code)") }
  }

  @Test("The sheet is chosen by name; an unknown sheet names the sheets there are")
  func sheets() throws {
    var options = LogReadOptions()
    options.sheet = "Uren 2025"
    let log = try ProjectLogReader.read(path: WorkbookFiles.path("dutch-export.xlsx"), options: options)
    #expect(log.people.count == 4)
    #expect(log.reports[0].format == "xlsx" && log.reports[0].encoding == "sheet \"Uren 2025\"")
    options.sheet = "Uren 2024"
    #expect(
      throws: IngestError.unreadable(
        file: WorkbookFiles.path("dutch-export.xlsx"),
        reason: "the workbook has no sheet \"Uren 2024\"; its sheets are \"Toelichting\", \"Uren 2025\"")
    ) { try ProjectLogReader.read(path: WorkbookFiles.path("dutch-export.xlsx"), options: options) }
  }

  @Test("What is not a workbook SiloScope reads says what to do", arguments: [
    ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 600), "Excel 97–2003 workbook (.xls)"),
    ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }), "protected with a password"),
    (Array("PK\u{3}\u{4}not really a zip".utf8), "the workbook is damaged"),
  ] as [([UInt8], String)])
  func notReadable(bytes: [UInt8], message: String) throws {
    let folder = TemporaryFolder()
    defer { folder.remove() }
    let path = folder.write("uren.xlsx", bytes: bytes)
    do {
      _ = try ProjectLogReader.read(path: path)
      Issue.record("\(message): must be refused")
    } catch {
      #expect(error.description.contains(message), "\(error)")
      #expect(error.kind == .inputUnavailable)
      #expect(!error.description.contains("Windows-1252"))
    }
  }

  @Test("A zip that is not a workbook, and an empty sheet, are named as such")
  func zipAndEmpty() throws {
    let zip = WorkbookFiles.path("not-a-workbook.zip")
    #expect(
      throws: IngestError.unreadable(
        file: zip, reason: "it is a zip archive, not an Excel workbook (it has no xl/workbook.xml); unzip it and give the file inside")
    ) { try ProjectLogReader.read(path: zip) }
    let empty = WorkbookFiles.path("empty.xlsx")
    #expect(throws: IngestError.emptyFile(file: "\(empty) (sheet \"Blad1\")")) { try ProjectLogReader.read(path: empty) }
  }

  /// A workbook of one sheet whose sheet part is `sheetData` (and `extra` after it).
  static func workbook(sheetData: String, extra: String = "") throws -> [UInt8] {
    let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    let relations = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    let archive = try Archive(data: Data(), accessMode: .create)
    let parts = [
      ("xl/workbook.xml", "<workbook xmlns=\"\(main)\" xmlns:r=\"\(relations)\"><sheets><sheet name=\"Blad1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
      ("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>"),
      ("xl/worksheets/sheet1.xml", "<worksheet xmlns=\"\(main)\"><sheetData>\(sheetData)</sheetData>\(extra)</worksheet>"),
    ]
    for (path, text) in parts {
      let data = Data(text.utf8)
      try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count)) { position, size in
        data.subdata(in: Int(position) ..< Int(position) + size)
      }
    }
    return Array(archive.data!)
  }

  @Test("A stray value far away, a range merged over the sheet, a range written backwards: refused or read, never a crash")
  func hostileSheets() throws {
    let header = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>person</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>project</t></is></c></row>"
    let stray = try Self.workbook(sheetData: header + "<row r=\"1048576\"><c r=\"XFD1048576\"><v>1</v></c></row>")
    #expect(throws: IngestError.self) { try ProjectLogReader.read(bytes: stray, name: "stray.xlsx") }
    let huge = try Self.workbook(sheetData: header, extra: "<mergeCells><mergeCell ref=\"A1:XFD1048576\"/></mergeCells>")
    #expect(throws: IngestError.self) { try ProjectLogReader.read(bytes: huge, name: "huge.xlsx") }
    let rows = header + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>a</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>p</t></is></c></row>"
      + "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>b</t></is></c></row>"
    let backwards = try Self.workbook(sheetData: rows, extra: "<mergeCells><mergeCell ref=\"B3:B2\"/></mergeCells>")
    let log = try ProjectLogReader.read(bytes: backwards, name: "backwards.xlsx")
    #expect(log.people == ["a", "b"] && log.projects == ["p"])
    #expect(log.reports[0].format == "xlsx")
    let badString = try Self.workbook(sheetData: header + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>99</v></c></row>")
    #expect(throws: IngestError.self) { try ProjectLogReader.read(bytes: badString, name: "bad.xlsx") }
  }

  @Test("The worksheet scanner reads what XML allows around the cells")
  func scannerXML() throws {
    let sheet = """
      <?xml version="1.0"?><!-- a comment --><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
      <x:sheetData><x:row r='1'><x:c t='inlineStr' r='A1'><x:is><x:t>person</x:t></x:is></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>project</x:t></x:is></x:c>
      <x:c r="C1" t="inlineStr"><x:is><x:t>note</x:t></x:is></x:c></x:row>
      <x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:r><x:t>Ahmed &amp; </x:t></x:r><x:r><x:t><![CDATA[<Sons>]]></x:t></x:r><x:rPh><x:t>phonetic</x:t></x:rPh></x:is></x:c>
      <x:c r="B2" t="inlineStr"><x:is><x:t>P&#49;&#x32;</x:t></x:is></x:c><x:c r="C2" t="inlineStr"><x:is><x:t>a\r\nb&#13;c</x:t></x:is></x:c></x:row>
      <x:row r="3"><x:c r="A3" t="inlineStr"/><x:c r="B3"><x:v>3</x:v></x:c></x:row></x:sheetData></x:worksheet>
      """
    let content = WorksheetPart.Content(strings: [], styles: [], date1904: false)
    try WorksheetScanner.scan(Array(sheet.utf8), into: content, part: "sheet1.xml")
    #expect(content.problem == nil)
    let lines = String(decoding: try content.text(), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines == ["person\tproject\tnote", "Ahmed & <Sons>\tP12\ta\u{2028}b\u{2028}c", "\t3\t", ""])
    let unknown = WorksheetPart.Content(strings: [], styles: [], date1904: false)
    #expect(throws: WorkbookProblem.self) {
      try WorksheetScanner.scan(Array("<sheetData><row><c><v>&nbsp;</v></c></row></sheetData>".utf8), into: unknown, part: "sheet1.xml")
    }
    #expect(throws: WorkbookProblem.self) {
      try WorksheetScanner.scan(Array("<sheetData><row><c r=\"A1".utf8), into: unknown, part: "sheet1.xml")
    }
  }
}
