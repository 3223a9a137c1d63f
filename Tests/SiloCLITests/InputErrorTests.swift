import Foundation
import Testing
import _SiloTestSupport

/// Malformed data: exit 65 (EX_DATAERR), one line `siloscope: error: FILE:LINE:COLUMN: …` on
/// standard error (FILE:LINE where no column applies), nothing on standard output.
@Suite("Data errors exit 65 with file, line and column")
struct DataErrorTests {
  /// Runs `summary FILE extra…` on a file written into a fresh folder and checks the
  /// envelope: exit 65, empty stdout, one error line starting with `FILE:location: `.
  /// Returns the message after the location.
  func dataError(
    _ name: String, bytes: [UInt8], extra: [String] = [], location: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> String {
    try withTemporaryFolder { folder in
      let path = folder.write(name, bytes: bytes)
      let run = try siloscope(["summary", path] + extra, in: folder)
      #expect(run.status == 65, "\(run)", sourceLocation: sourceLocation)
      #expect(run.out.isEmpty, "\(run)", sourceLocation: sourceLocation)
      #expect(lines(run.err).count == 1, "\(run)", sourceLocation: sourceLocation)
      let prefix = "siloscope: error: \(path):\(location): "
      try #require(run.err.hasPrefix(prefix), "expected \(prefix)…\n\(run)", sourceLocation: sourceLocation)
      return String(run.errorLine.dropFirst(prefix.count))
    }
  }

  @Test("an unterminated quote is reported at the line and column of the opening quote")
  func unterminatedQuote() throws {
    let text = "person,project,hours\nann,p1,3\nbob,\"p1,2\ncid,p2,4\ndan,p2,1\n"
    let message = try dataError("open-quote.csv", bytes: Array(text.utf8), location: "3:5")
    #expect(message == "a quoted field starts here but its closing quote is missing")
  }

  @Test("an unterminated quote after multi-byte characters counts characters, not bytes")
  func unterminatedQuoteColumnInCharacters() throws {
    let text = "medewerker;zaak;uren\nAyşe Ünal;Z-1;2\nJosé Müller;\"Z-2;3\n"
    // "José Müller;" is 12 characters (14 bytes): the quote is in column 13.
    let message = try dataError("open-quote.csv", bytes: Array(text.utf8), location: "3:13")
    #expect(message.contains("closing quote is missing"))
  }

  @Test("a missing person column names the aliases and suggests --person-column")
  func missingPersonColumn() throws {
    let text = "worker,project,hours\nann,p1,3\nbob,p1,2\n"
    let message = try dataError("no-person.csv", bytes: Array(text.utf8), location: "1:1")
    #expect(message.hasPrefix("no person column: looked for person, employee, official, name, medewerker, persoon, naam (any case)"))
    #expect(message.contains("in the header \"worker\", \"project\", \"hours\""))
    #expect(message.contains("name the column with --person-column"))
    #expect(!message.contains("read as one column"))
  }

  @Test("--person-column fixes the missing person column")
  func personColumnOverride() throws {
    try withTemporaryFolder { folder in
      let path = folder.write("worker.csv", "worker,project,hours\nann,p1,3\nbob,p1,2\n")
      let run = try siloscope(["summary", path, "--person-column", "Worker", "--format", "json"], in: folder)
      #expect(run.status == 0, "\(run)")
      let json = try jsonObject(run.out)
      #expect(integer(json["people"]) == 2)
      #expect(integer(json["ties"]) == 1)
    }
  }

  @Test("invalid UTF-8 names the line and the character column of the bad byte")
  func invalidUTF8() throws {
    // Windows-1252 "é" (0xE9) after "Müll": column 5 in characters (byte 6 of the line).
    var bytes = Array("person,project,hours\nann,p1,3\nMüll".utf8)
    bytes += [0xE9] + Array("r,p1,2\n".utf8)
    let message = try dataError("latin1.csv", bytes: bytes, location: "3:5")
    #expect(message.hasPrefix("byte 0xE9 is not valid UTF-8"))
    #expect(message.contains("CSV UTF-8"))
  }

  @Test("a header without data rows is an error at line 2", arguments: ["person,project,hours\n", "person,project,hours"])
  func headerOnly(_ text: String) throws {
    let message = try dataError("header-only.csv", bytes: Array(text.utf8), location: "2")
    #expect(message == "the file has a header but no data rows")
  }

  @Test("a header that is one column (wrong delimiter) is an error at 1:1 that mentions --delimiter")
  func singleColumnHeader() throws {
    let text = "person|project|hours\nann|p1|3\nbob|p1|2\n"
    let message = try dataError("pipes.csv", bytes: Array(text.utf8), location: "1:1")
    #expect(message.contains("the header \"person|project|hours\" is a single column"))
    #expect(message.contains("--delimiter"))
  }

  @Test("--delimiter '|' reads the pipe-separated file")
  func pipeDelimiter() throws {
    try withTemporaryFolder { folder in
      let path = folder.write("pipes.csv", "person|project|hours\nann|p1|3\nbob|p1|2\n")
      let run = try siloscope(["summary", path, "--delimiter", "|", "--format", "json"], in: folder)
      #expect(run.status == 0, "\(run)")
      #expect(integer(try jsonObject(run.out)["ties"]) == 1)
    }
  }

  @Test("rows that do not split like the header (wrong delimiter) are an error at the first such line")
  func rowsDoNotMatchHeader() throws {
    let text = "person;project;hours\nann,p1,3\nbob,p1,2\ncid,p1,1\n"
    let message = try dataError("mixed.csv", bytes: Array(text.utf8), location: "2")
    #expect(message.contains("the header has 3"))
    #expect(message.contains("the delimiter (semicolon) may be wrong"))
    #expect(message.contains("--delimiter"))
  }

  @Test("--delimiter comma on a semicolon file hints that the header was read as one column")
  func forcedCommaOnSemicolons() throws {
    let text = "Medewerker;Zaak;Uren\nAnn;Z-1;3\nBob;Z-1;2\n"
    let message = try dataError("uren.csv", bytes: Array(text.utf8), extra: ["--delimiter", "comma"], location: "1:1")
    #expect(message.contains("no person column"))
    #expect(message.contains("in the header \"Medewerker;Zaak;Uren\""))
    #expect(message.contains("the header was read as one column: is the delimiter right?"))
    #expect(message.hasSuffix("name the column with --person-column or the delimiter with --delimiter"))
  }

  @Test("build on bad data exits 65 and writes nothing")
  func buildOnBadData() throws {
    try withTemporaryFolder { folder in
      let path = folder.write("open-quote.csv", "person,project\nann,\"p1\nbob,p1\n")
      let run = try siloscope(["build", path, "--output", "out"], in: folder)
      #expect(run.status == 65, "\(run)")
      #expect(run.out.isEmpty)
      #expect(run.err.hasPrefix("siloscope: error: \(path):2:5: "), "\(run)")
      #expect(entries(folder.path) == ["open-quote.csv"])
    }
  }
}

/// Inputs that cannot be opened: exit 66 (EX_NOINPUT).
@Suite("Missing or unreadable input exits 66")
struct MissingInputTests {
  struct MissingCase: Sendable, CustomTestStringConvertible {
    var name: String
    /// Arguments; `MISSING` is replaced by a path that does not exist, `FOLDER` by the
    /// temporary folder, `LOG` by a small valid log.
    var arguments: [String]
    var testDescription: String { name }
  }

  static let cases: [MissingCase] = [
    MissingCase(name: "missing log", arguments: ["summary", "MISSING"]),
    MissingCase(name: "missing --people file", arguments: ["summary", "LOG", "--people", "MISSING"]),
    MissingCase(name: "missing --nodes file", arguments: ["summary", "--edges", Inputs.lazegaEdges, "--nodes", "MISSING"]),
    MissingCase(name: "missing --edges file", arguments: ["summary", "--edges", "MISSING"]),
    MissingCase(name: "missing log (build)", arguments: ["build", "MISSING", "--output", "out"]),
  ]

  static let folderCases: [MissingCase] = [
    MissingCase(name: "a folder as log", arguments: ["summary", "FOLDER"]),
    MissingCase(name: "a folder as --people", arguments: ["summary", "LOG", "--people", "FOLDER"]),
    MissingCase(name: "a folder as --edges", arguments: ["summary", "--edges", "FOLDER"]),
    MissingCase(name: "a folder as --nodes", arguments: ["summary", "--edges", Inputs.lazegaEdges, "--nodes", "FOLDER"]),
    MissingCase(name: "a folder as log (build)", arguments: ["build", "FOLDER", "--output", "out"]),
  ]

  func resolved(_ arguments: [String], in folder: TemporaryFolder) -> (arguments: [String], missing: String, log: String) {
    let missing = folder.file("no-such-file.csv")
    let log = folder.write("log.csv", "person,project\nann,p1\nbob,p1\n")
    let arguments = arguments.map { $0 == "MISSING" ? missing : $0 == "FOLDER" ? folder.path : $0 == "LOG" ? log : $0 }
    return (arguments, missing, log)
  }

  @Test("a missing file exits 66 and names it", arguments: cases)
  func missingFile(_ missing: MissingCase) throws {
    try withTemporaryFolder { folder in
      let (arguments, path, _) = resolved(missing.arguments, in: folder)
      let run = try siloscope(arguments, in: folder)
      #expect(run.status == 66, "\(run)")
      #expect(run.out.isEmpty)
      #expect(run.err == "siloscope: error: \(path): no such file\n", "\(run)")
      #expect(entries(folder.path) == ["log.csv"])
    }
  }

  @Test("a folder given as an input file exits 66", arguments: folderCases)
  func folderAsInput(_ missing: MissingCase) throws {
    try withTemporaryFolder { folder in
      let (arguments, _, _) = resolved(missing.arguments, in: folder)
      let run = try siloscope(arguments, in: folder)
      #expect(run.status == 66, "\(run)")
      #expect(run.out.isEmpty)
      #expect(run.err == "siloscope: error: \(folder.path): cannot be read: it is a folder, not a file, and holds no part files (part-*) as Spark or BigQuery write a table\n", "\(run)")
      #expect(entries(folder.path) == ["log.csv"])
    }
  }
}
