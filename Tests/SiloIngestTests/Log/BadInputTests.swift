import SiloGraph
import SiloIngest
import Testing
import _SiloTestSupport

/// Inputs that cannot be read as a whole: each throws one exact ``IngestError``, with the line
/// and column where the file says where.
@Suite("Bad input")
struct BadInputTests {
  @Test("A missing file is .fileNotFound, exit code 66")
  func missingFile() throws {
    let files = Files()
    defer { files.remove() }
    let path = files.folder.file("nowhere.csv")
    let error = #expect(throws: IngestError.fileNotFound(file: path)) { try ProjectLogReader.read(path: path) }
    #expect(error?.kind == .inputUnavailable)
    #expect(error?.description == "\(path): no such file")
    #expect(throws: IngestError.fileNotFound(file: path)) { try PeopleFile.read(path: path) }
    #expect(throws: IngestError.fileNotFound(file: path)) { try NetworkReader.read(edgesPath: path) }
    let edges = files.text("edges.csv", "source,target\na,b\n")
    #expect(throws: IngestError.fileNotFound(file: path)) { try NetworkReader.read(edgesPath: edges, nodesPath: path) }
    // A path through a file, as if the file were a folder.
    let through = edges + "/log.csv"
    #expect(throws: IngestError.fileNotFound(file: through)) { try ProjectLogReader.read(path: through) }
  }

  @Test("A folder instead of a file is .unreadable, exit code 66")
  func folderInsteadOfFile() throws {
    let files = Files()
    defer { files.remove() }
    let error = #expect(throws: IngestError.unreadable(file: files.folder.path, reason: "it is a folder, not a file, and holds no part files (part-*) as Spark or BigQuery write a table")) {
      try ProjectLogReader.read(path: files.folder.path)
    }
    #expect(error?.kind == .inputUnavailable)
  }

  @Test("An empty or white-space-only file is .emptyFile, exit code 65", arguments: ["", "\n", "  \r\n\t\n"])
  func emptyFile(content: String) throws {
    let files = Files()
    defer { files.remove() }
    let path = files.text("log.csv", content)
    let error = #expect(throws: IngestError.emptyFile(file: path)) { try ProjectLogReader.read(path: path) }
    #expect(error?.kind == .invalidData)
    #expect(throws: IngestError.emptyFile(file: path)) { try PeopleFile.read(path: path) }
    #expect(throws: IngestError.emptyFile(file: path)) { try NetworkReader.read(edgesPath: path) }
  }

  @Test("A header without data rows is .noDataRows", arguments: ["person,project,hours", "person,project,hours\n", "person;project\r\n"])
  func headerOnly(content: String) throws {
    let files = Files()
    defer { files.remove() }
    let path = files.text("log.csv", content)
    let error = #expect(throws: IngestError.noDataRows(file: path)) { try ProjectLogReader.read(path: path) }
    #expect(error?.kind == .invalidData)
  }

  @Test("A header followed only by blank lines has rows, all empty: .noUsableRows naming them")
  func headerAndBlankLines() throws {
    let files = Files()
    defer { files.remove() }
    let path = files.text("log.csv", "person,project,hours\n\n\n")
    let error = #expect(throws: IngestError.self) { try ProjectLogReader.read(path: path) }
    guard case .noUsableRows(path, 2, let skipped) = try #require(error) else { Issue.record("\(String(describing: error))"); return }
    #expect(skipped.map(\.reason) == [.emptyRow] && skipped.map(\.count) == [2])
    #expect(error?.description == "\(path): none of the 2 data rows could be used (2 × empty row)")
  }

  @Test(
    "A missing required column is .missingColumn naming the field, the aliases tried and the header",
    arguments: [
      ("person,hours", "project", LogColumn.project), ("wie,project,hours", "person", LogColumn.person),
      ("Project;Uren", "person", LogColumn.person),
    ])
  func missingColumn(header: String, role: String, column: LogColumn) throws {
    let files = Files()
    defer { files.remove() }
    let path = files.text("log.csv", header + "\nx" + String(repeating: header.contains(";") ? ";x" : ",x", count: 1) + "\n")
    let names = header.split(whereSeparator: { $0 == "," || $0 == ";" }).map(String.init)
    let error = #expect(throws: IngestError.missingColumn(file: path, role: role, tried: column.aliases, header: names)) {
      try ProjectLogReader.read(path: path)
    }
    #expect(error?.kind == .invalidData)
    // The library names no option: the command line adds "--\(role)-column" (SiloCLITests).
    #expect(error?.description.contains("--") == false)
  }

  @Test("An unterminated quote is .malformed at the line and column of the opening quote")
  func unterminatedQuote() throws {
    let files = Files()
    defer { files.remove() }
    let path = files.text("log.csv", "person,project,hours\nAna,P1,3\nBob,\"P2,4\nCarl,P3,5\n")
    let error = #expect(throws: IngestError.self) { try ProjectLogReader.read(path: path) }
    let (location, reason) = try #require(error?.malformed)
    #expect(location == SourceLocation(file: path, line: 3, column: 5))
    #expect(reason == "a quoted field starts here but its closing quote is missing")
    #expect(error?.description.hasPrefix("\(path):3:5: ") == true)
  }

  @Test("An unterminated quote after a line break inside an earlier quoted field is placed on its own line")
  func unterminatedQuoteAfterQuotedLineBreak() throws {
    let files = Files()
    defer { files.remove() }
    // Line 2–3: one record with a quoted line break. Line 4: the opening quote is the 8th
    // character; it is never closed.
    let path = files.text("log.csv", "person,project,hours\n\"Ana\nSmit\",P1,3\nBob,P2,\"4\nCarl,P3,5\n")
    let error = #expect(throws: IngestError.self) { try ProjectLogReader.read(path: path) }
    let location = try #require(error?.malformed).location
    #expect(location == SourceLocation(file: path, line: 4, column: 8))
  }

  @Test("Text after a closing quote is .malformed at the first character after the quote")
  func textAfterClosingQuote() throws {
    let files = Files()
    defer { files.remove() }
    // `Ünal,"P1"x,3`: the x is the 10th character (Ü counts as one).
    let path = files.text("log.csv", "person,project,hours\nAna,P1,1\nÜnal,\"P1\"x,3\n")
    let error = #expect(throws: IngestError.self) { try ProjectLogReader.read(path: path) }
    let (location, reason) = try #require(error?.malformed)
    #expect(location == SourceLocation(file: path, line: 3, column: 10))
    #expect(reason.contains("after a closing quote"))
  }

  @Test("A wrong delimiter guess (most rows split differently from the header) is .fieldCountMismatch naming the delimiter")
  func wrongDelimiterGuess() throws {
    let files = Files()
    defer { files.remove() }
    // The header is split by semicolons, the rows by commas: the detector can only pick the
    // semicolon, and every row then has one field.
    let path = files.text("log.csv", "person;project;hours\nAna,P1,3\nBob,P1,4\nCarl,P2,5\n")
    let error = #expect(throws: IngestError.self) { try ProjectLogReader.read(path: path) }
    #expect(error == .fieldCountMismatch(SourceLocation(file: path, line: 2), fields: 1, headerFields: 3, differing: 3, rows: 3, delimiter: "semicolon"))
    #expect(error?.description.contains("the delimiter (semicolon) may be wrong") == true)
    #expect(error?.kind == .invalidData)
  }

  @Test("Unquoted decimal commas in a comma file split rows wrongly: .fieldCountMismatch naming the comma and the decimal comma")
  func unquotedDecimalCommas() throws {
    let files = Files()
    defer { files.remove() }
    let path = files.text("log.csv", "person,project,hours\nAna,P1,7,5\nBob,P1,8,25\nCarl,P2,3\n")
    let error = #expect(throws: IngestError.self) { try ProjectLogReader.read(path: path) }
    #expect(error == .fieldCountMismatch(SourceLocation(file: path, line: 2), fields: 4, headerFields: 3, differing: 2, rows: 3, delimiter: "comma"))
    let reason = try #require(error?.description)
    #expect(reason.contains("this row has 4 fields but the header has 3"))
    #expect(reason.contains("the delimiter (comma) may be wrong"))
    #expect(reason.contains("decimal comma"))
  }

  @Test("A minority of rows with a wrong field count is skipped, not fatal")
  func fewRowsWithWrongFieldCount() throws {
    let log = try readLog("person,project,hours\nAna,P1,3\nBob,P1\nCarl,P2,5\n")
    #expect(log.rows == [LogRow("Ana", "P1", nil, 3), LogRow("Carl", "P2", nil, 5)])
    #expect(log.report.lines("the row has a different number of fields than the header (3)") == [3])
  }

  @Test("A header that is one column (no delimiter found) is .singleColumnHeader, described at line 1")
  func singleColumnHeader() throws {
    let files = Files()
    defer { files.remove() }
    let path = files.text("log.csv", "person project hours\nAna P1 3\n")
    let error = #expect(throws: IngestError.self) { try ProjectLogReader.read(path: path) }
    #expect(error == .singleColumnHeader(file: path, header: "person project hours"))
    #expect(error?.description.hasPrefix("\(path):1:1: the header \"person project hours\" is a single column") == true)
    #expect(error?.kind == .invalidData)
  }

  @Test("Invalid UTF-8 is .invalidEncoding at the line and character column of the bad byte")
  func invalidUTF8() throws {
    let files = Files()
    defer { files.remove() }
    // Line 3 is `Ünal,Caf<E9>,3`: "Caf" in Latin-1; the bad byte is the 9th character.
    let bytes = Array("person,project,hours\nAna,P1,1\nÜnal,Caf".utf8) + [0xE9] + Array(",3\n".utf8)
    let path = files.bytes("log.csv", bytes)
    let error = #expect(throws: IngestError.self) { try ProjectLogReader.read(path: path) }
    let (location, reason) = try #require(error?.invalidEncoding)
    #expect(location == SourceLocation(file: path, line: 3, column: 9))
    #expect(reason.contains("0xE9"))
    #expect(error?.kind == .invalidData)
  }

  @Test(
    "Other invalid UTF-8: overlong, surrogate, truncated sequences, stray continuation bytes",
    arguments: [
      ([0xC0, 0x80], 2, 5), ([0xED, 0xA0, 0x80], 2, 5), ([0xE2, 0x82], 2, 5), ([0x80], 2, 5), ([0xF5, 0x80, 0x80, 0x80], 2, 5),
    ] as [([UInt8], Int, Int)])
  func otherInvalidUTF8(bad: [UInt8], line: Int, column: Int) throws {
    let files = Files()
    defer { files.remove() }
    let path = files.bytes("log.csv", Array("person,project\nAna,".utf8) + bad + Array("\n".utf8))
    let error = #expect(throws: IngestError.self) { try ProjectLogReader.read(path: path) }
    let location = try #require(error?.invalidEncoding).location
    #expect(location == SourceLocation(file: path, line: line, column: column))
  }

  @Test("UTF-16 with an unpaired surrogate or an odd number of bytes is .invalidEncoding")
  func invalidUTF16() throws {
    let files = Files()
    defer { files.remove() }
    var bytes = utf16LE("person,project\nAna,P")
    bytes += [0x00, 0xD8]  // a lone high surrogate (U+D800) on line 2
    bytes += utf16LE("1\n", bom: false)
    let path = files.bytes("surrogate.csv", bytes)
    let error = #expect(throws: IngestError.self) { try ProjectLogReader.read(path: path) }
    let location = try #require(error?.invalidEncoding).location
    #expect(location.file == path)
    #expect(location.line == 2)

    let odd = files.bytes("odd.csv", utf16LE("person,project\nAna,P1\n") + [0x41])
    #expect(throws: IngestError.invalidEncoding(SourceLocation(file: odd), reason: "a UTF-16 file with an odd number of bytes")) {
      try ProjectLogReader.read(path: odd)
    }
  }

  @Test("Every row skipped is .noUsableRows with the reasons counted")
  func everyRowSkipped() throws {
    let files = Files()
    defer { files.remove() }
    let path = files.text("log.csv", "person,project,hours\n,P1,3\nAna,P1,-2\nBob,P1,0\nCarl,P1,-1\n")
    let error = #expect(throws: IngestError.self) { try ProjectLogReader.read(path: path) }
    guard case .noUsableRows(path, 4, let skipped) = try #require(error) else { Issue.record("\(String(describing: error))"); return }
    #expect(
      skipped.map(\.reason) == [.missing(.person), .unusableWeight(.negative, hours: true), .unusableWeight(.zero, hours: true)])
    #expect(
      error?.description == "\(path): none of the 4 data rows could be used "
        + "(1 × no person; 2 × the weight (hours) is negative; 1 × the weight (hours) is zero)")
    #expect(error?.kind == .invalidData)
  }
}
