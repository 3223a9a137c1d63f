import Foundation
import SiloGraph
import SiloIngest
import Testing
import _SiloTestSupport

/// Reading well-formed project logs: delimiters, header names, encodings, line ends, quoting,
/// numbers and dates.
@Suite("Project log formats")
struct LogFormatTests {
  static let expectedRows = [
    LogRow("Ana de Vries", "P1", "2025-03-01", 7.5),
    LogRow("Bob", "P1", "2025-03-02", 2),
    LogRow("Ana de Vries", "P2", nil, 1),
  ]

  @Test("A CSV log with a header is read row by row, with its report")
  func csvWithHeader() throws {
    let log = try readLog(
      """
      person,department,project,date,hours
      Ana de Vries,Financiën,P1,2025-03-01,7.5
      Bob,ICT,P1,2025-03-02,2
      Ana de Vries,Financiën,P2,,1

      """)
    #expect(log.rows == Self.expectedRows)
    #expect(log.people == ["Ana de Vries", "Bob"])
    #expect(log.projects == ["P1", "P2"])
    #expect(log.departments == ["Financiën", "ICT"])
    #expect(log.departmentOfPerson == ["Ana de Vries": "Financiën", "Bob": "ICT"])
    #expect(log.dateRange == LogDate("2025-03-01")! ... LogDate("2025-03-02")!)
    let report = log.report
    #expect(report.format == "csv")
    #expect(report.delimiter == "comma")
    #expect(report.encoding == "UTF-8")
    #expect(report.decimalComma == false)
    #expect(report.columns == ["person": "person", "department": "department", "project": "project", "date": "date", "weight": "hours"])
    #expect(report.otherColumns.isEmpty)
    #expect(report.rowsRead == 3)
    #expect(report.rowsUsed == 3)
    #expect(report.rowsSkipped == 0)
    #expect(report.warnings.isEmpty)
  }

  @Test(
    "The delimiter is detected among comma, semicolon and tab",
    arguments: [(",", "comma", "csv"), (";", "semicolon", "ssv"), ("\t", "tab", "tsv")])
  func delimiterDetection(delimiter: String, name: String, format: String) throws {
    let text = [
      ["person", "department", "project", "date", "hours"],
      ["Ana de Vries", "Financiën", "P1", "2025-03-01", "7.5"],
      ["Bob", "ICT", "P1", "2025-03-02", "2"],
      ["Ana de Vries", "Financiën", "P2", "", "1"],
    ].map { $0.joined(separator: delimiter) }.joined(separator: "\n")
    let log = try readLog(text)
    #expect(log.rows == Self.expectedRows)
    #expect(log.report.delimiter == name)
    #expect(log.report.format == format)
  }

  @Test("Detection is not fooled by other candidates inside fields or quotes")
  func delimiterDetectionIgnoresFieldContent() throws {
    // Semicolons separate; commas appear in decimal numbers and a quoted name.
    let semicolon = try readLog("person;project;hours\n\"Vries, Ana de\";P1;7,5\nBob;P1;2,25\nCarl;P2;1\n")
    #expect(semicolon.report.delimiter == "semicolon")
    #expect(semicolon.rows == [LogRow("Vries, Ana de", "P1", nil, 7.5), LogRow("Bob", "P1", nil, 2.25), LogRow("Carl", "P2", nil, 1)])
    // Tabs separate; commas and semicolons appear inside names.
    let tab = try readLog("person\tproject\thours\nVries, Ana de\tP1; fase 2\t3\nBob\tP1; fase 2\t4\n")
    #expect(tab.report.delimiter == "tab")
    #expect(tab.rows == [LogRow("Vries, Ana de", "P1; fase 2", nil, 3), LogRow("Bob", "P1; fase 2", nil, 4)])
  }

  @Test("An explicit delimiter is used as given")
  func explicitDelimiter() throws {
    let log = try readLog("person|project|hours\nAna|P1|3\nBob|P1|4\n", options: logOptions(delimiter: "|"))
    #expect(log.rows == [LogRow("Ana", "P1", nil, 3), LogRow("Bob", "P1", nil, 4)])
    #expect(log.report.delimiter == "'|'")
  }

  @Test("A quote or line break as the delimiter is refused as an invalid delimiter, a wrong request", arguments: ["\"", "\n"])
  func impossibleDelimiter(delimiter: Character) throws {
    let error = #expect(throws: IngestError.invalidDelimiter(delimiter)) {
      try readLog("person,project\nAna,P1\n", options: logOptions(delimiter: delimiter))
    }
    #expect(error?.kind == .invalidRequest)
  }

  @Test(
    "Columns are found by name, in any case and with surrounding spaces, through their aliases",
    arguments: [
      ["Person", "Department", "Project", "Date", "Weight"],
      ["EMPLOYEE", "Dept", "Task", "date", "Hours"],
      ["official", "team", "case", "Date", "uren"],
      ["Name", "unit", "ticket", "DATE", "effort"],
      ["Medewerker", "Afdeling", "Zaak", "Datum", "Uren"],
      [" person ", "  afdeling", "project  ", " date", "hours "],
    ])
  func columnAliases(header: [String]) throws {
    let log = try readLog(
      header.joined(separator: ",") + "\nAna de Vries,Financiën,P1,2025-03-01,7.5\nBob,ICT,P1,2025-03-02,2\n")
    #expect(log.rows == Array(Self.expectedRows.prefix(2)))
    #expect(log.departments == ["Financiën", "ICT"])
    let trimmed = header.map { $0.trimmingCharacters(in: .whitespaces) }
    #expect(
      log.report.columns == [
        "person": trimmed[0], "department": trimmed[1], "project": trimmed[2], "date": trimmed[3], "weight": trimmed[4],
      ])
  }

  @Test("When a header has two aliases of one field, the earlier alias in the list wins; the other is reported unused")
  func aliasPreference() throws {
    let log = try readLog("name,person,project,remarks\nNot this,Ana,P1,x\n")
    #expect(log.people == ["Ana"])
    #expect(log.report.columns["person"] == "person")
    #expect(log.report.otherColumns == ["name", "remarks"])
    #expect(log.report.warningTexts == ["no weight column: every row weighs 1"])
    #expect(log.rows == [LogRow("Ana", "P1", nil, 1)])
  }

  @Test("Every field's column can be named explicitly (LogReadOptions.columns), in any case")
  func columnOverrides() throws {
    let options = logOptions(columns: [
      .person: "wie", .department: "Dienst", .project: "KLUS", .date: "wanneer", .weight: "tijd besteed",
    ])
    let log = try readLog(
      "Wie,Dienst,Klus,Wanneer,Tijd besteed,name\nAna,Financiën,P1,01-03-2025,7.5,Not this\n", options: options)
    #expect(log.rows == [LogRow("Ana", "P1", "2025-03-01", 7.5)])
    #expect(log.departments == ["Financiën"])
    #expect(log.report.columns == ["person": "Wie", "department": "Dienst", "project": "Klus", "date": "Wanneer", "weight": "Tijd besteed"])
    #expect(log.report.otherColumns == ["name"])
  }

  @Test("An override takes precedence over an alias present in the header")
  func overrideBeatsAlias() throws {
    let log = try readLog("person,name,project\nNot this,Ana,P1\n", options: logOptions(columns: [.person: "name"]))
    #expect(log.people == ["Ana"])
    #expect(log.report.otherColumns == ["person"])
  }

  @Test("An override naming a column that is not in the header is a missing column")
  func overrideNotInHeader() throws {
    let files = Files()
    defer { files.remove() }
    let path = files.text("log.csv", "person,project,hours\nAna,P1,3\n")
    #expect(throws: IngestError.missingColumn(file: path, role: "weight", tried: ["\"uren\""], header: ["person", "project", "hours"])) {
      try ProjectLogReader.read(path: path, options: logOptions(columns: [.weight: "uren"]))
    }
  }

  @Test("One column cannot feed two fields")
  func oneColumnTwoFields() throws {
    let files = Files()
    defer { files.remove() }
    let path = files.text("log.csv", "person,project,hours\nAna,P1,3\n")
    #expect(throws: IngestError.invalidOption("\(path): the column \"project\" cannot be both the project and the weight")) {
      try ProjectLogReader.read(path: path, options: logOptions(columns: [.weight: "project"]))
    }
  }

  @Test("UTF-8 with and without a byte-order mark read the same", arguments: [false, true])
  func utf8WithAndWithoutBOM(bom: Bool) throws {
    let text = "person;afdeling;project;uren\nÜnal;Financiën;'s-Hertogenbosch;7,5\n"
    let log = try readLog(bytes: (bom ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8))
    #expect(log.report.encoding == (bom ? "UTF-8 with BOM" : "UTF-8"))
    #expect(log.report.columns["person"] == "person")
    #expect(log.rows == [LogRow("Ünal", "'s-Hertogenbosch", nil, 7.5)])
    #expect(log.departments == ["Financiën"])
  }

  @Test("UTF-16LE with a byte-order mark (Excel's \"Unicode text\") is transcoded, tabs and CRLF included")
  func utf16LittleEndian() throws {
    let text = "person\tafdeling\tproject\turen\r\nÜnal\tFinanciën\t's-Hertogenbosch\t7,5\r\nAna\tICT\tP2\t1\r\n"
    let log = try readLog(bytes: utf16LE(text), name: "log.txt")
    #expect(log.report.encoding == "UTF-16LE")
    #expect(log.report.delimiter == "tab")
    #expect(log.rows == [LogRow("Ünal", "'s-Hertogenbosch", nil, 7.5), LogRow("Ana", "P2", nil, 1)])
    #expect(log.departments == ["Financiën", "ICT"])
  }

  @Test("UTF-16BE with a byte-order mark is transcoded too, including characters outside the BMP")
  func utf16BigEndian() throws {
    let log = try readLog(bytes: utf16BE("person,project\nZoë 🙂,P1\n"))
    #expect(log.report.encoding == "UTF-16BE")
    #expect(log.people == ["Zoë 🙂"])
  }

  @Test("CRLF and lone CR line ends are line ends; line numbers stay right", arguments: ["\r\n", "\r"])
  func crlfLineEnds(lineEnd: String) throws {
    let log = try readLog(["person,project,hours", "Ana,P1,3", "Bob,P1,-1", "Carl,P2,2", ""].joined(separator: lineEnd))
    #expect(log.rows == [LogRow("Ana", "P1", nil, 3), LogRow("Carl", "P2", nil, 2)])
    #expect(log.report.lines("the weight (hours) is negative") == [3])
    #expect(log.report.rowsRead == 3)
  }

  @Test("RFC 4180 quoting: delimiters, doubled quotes and line breaks inside quoted fields")
  func quotedFields() throws {
    let log = try readLog(
      """
      person,department,project,hours
      "de Vries, Ana",Financiën,"Plan ""Noord""; fase 2",3
      "Bob
      Jansen",ICT,P2,4
      Carl,"",P2,"5"
      "",ICT,P2,1

      """)
    #expect(
      log.rows == [
        // A line break inside a name is read as a space (the names rule).
        LogRow("de Vries, Ana", "Plan \"Noord\"; fase 2", nil, 3), LogRow("Bob Jansen", "P2", nil, 4),
        LogRow("Carl", "P2", nil, 5),
      ])
    #expect(log.departmentOfPerson["Carl"] == .some(nil))
    // The record of Bob spans lines 3–4, so the last row is on line 6.
    #expect(log.report.lines("no person") == [6])
  }

  @Test("A quote inside an unquoted field is kept as text")
  func quoteInsideUnquotedField() throws {
    let log = try readLog("person,project\nAna,27\" monitor\n")
    #expect(log.projects == ["27\" monitor"])
  }

  @Test("Line and column numbers of skipped rows stay right after a line break inside quotes")
  func locationsAfterQuotedLineBreaks() throws {
    let log = try readLog(
      """
      person,department,project,hours
      "Ana
      de Vries",Financiën,P1,3
      Carl,ICT,P2,-1
      "Dirk
      de Boer",ICT,P3,-2

      """)
    let negative = try #require(log.report.skipped("the weight (hours) is negative"))
    #expect(negative.count == 2)
    let file = log.report.file
    // Carl: line 4, "Carl,ICT,P2," is 12 characters, so the hours start in column 13.
    // Dirk: his record starts on line 5; the hours are on line 6 after `de Boer",ICT,P3,`
    // (16 characters): column 17.
    #expect(negative.examples == [SourceLocation(file: file, line: 4, column: 13), SourceLocation(file: file, line: 6, column: 17)])
    #expect(log.rows == [LogRow("Ana de Vries", "P1", nil, 3)])
  }

  @Test(
    "Semicolon files read a decimal comma; dots before the comma separate thousands",
    arguments: [("7,5", 7.5), ("1.234,5", 1234.5), ("8", 8), ("7.5", 7.5), ("0,25", 0.25), ("1.000.000,75", 1_000_000.75), (" 2,5 ", 2.5)])
  func decimalCommaInSemicolonFiles(field: String, expected: Double) throws {
    let log = try readLog("person;project;hours\nAna;P1;\(field)\n")
    #expect(log.report.decimalComma)
    #expect(log.rows == [LogRow("Ana", "P1", nil, expected)])
  }

  @Test("Comma files read a decimal point; a quoted \"7,5\" is not a number unless asked for")
  func decimalPointInCommaFiles() throws {
    let log = try readLog("person,project,hours\nAna,P1,7.5\nBob,P1,\"7,5\"\n")
    #expect(!log.report.decimalComma)
    #expect(log.rows == [LogRow("Ana", "P1", nil, 7.5)])
    #expect(log.report.lines("the weight (hours) is not a number") == [3])

    let forced = try readLog("person,project,hours\nAna,P1,7.5\nBob,P1,\"7,5\"\n", options: logOptions(decimalComma: true))
    #expect(forced.report.decimalComma)
    #expect(forced.rows == [LogRow("Ana", "P1", nil, 7.5), LogRow("Bob", "P1", nil, 7.5)])
  }

  @Test(
    "ISO dates and day-first dates (dd-mm-yyyy, with - / or .) are read; a time of day is ignored",
    arguments: ["2024-02-29", "29-02-2024", "29/02/2024", "29.02.2024", "2024-02-29T13:45:00Z", "2024-02-29 13:45", "2024/02/29"])
  func dateFormats(field: String) throws {
    let log = try readLog("person,project,date\nAna,P1,\(field)\n")
    #expect(log.rows == [LogRow("Ana", "P1", "2024-02-29", 1)])
  }

  @Test("A date that is not a real date skips the row; an empty date is no date", arguments: ["30-02-2024", "2023-02-29", "2024-13-01", "gisteren", "24-02-01"])
  func invalidDates(field: String) throws {
    let log = try readLog("person,project,date\nAna,P1,\(field)\nBob,P1,\n")
    #expect(log.rows == [LogRow("Bob", "P1", nil, 1)])
    #expect(log.report.lines("the date is not a date (expected yyyy-mm-dd or dd-mm-yyyy)") == [2])
  }

  @Test("Without a weight column every row weighs 1, with a warning")
  func noWeightColumn() throws {
    let log = try readLog("person,project\nAna,P1\nBob,P1\n")
    #expect(log.entryWeight == [1, 1])
    #expect(log.report.warningTexts == ["no weight column: every row weighs 1"])
  }

  @Test("A person's department is the one of most of their rows; on a tie, the latest dated row's", arguments: [false, true])
  func departmentByMajority(reversed: Bool) throws {
    var lines = [
      "Ana,Financiën,P1,2025-01-01", "Ana,ICT,P2,2025-01-02", "Ana,ICT,P3,2025-01-03",
      "Bob,HR,P1,2025-03-01", "Bob,ICT,P2,2025-02-01",
    ]
    if reversed { lines.reverse() }
    let log = try readLog("person,department,project,date\n" + lines.joined(separator: "\n"))
    #expect(log.departmentOfPerson == ["Ana": "ICT", "Bob": "HR"])
    #expect(log.report.warningTexts.contains("2 people appear in more than one department; each is placed in the department of most of their rows"))
  }

  @Test("Names with diacritics and apostrophes survive reading", arguments: ["'s-Hertogenbosch", "Ünal", "Financiën", "Zoë Ñúñez-Øster"])
  func diacritics(name: String) throws {
    let log = try readLog("person;afdeling;project\n\(name);\(name);\(name)\n")
    #expect(log.people == [name])
    #expect(log.departments == [name])
    #expect(log.projects == [name])
    #expect(try log.projected().network.nodes.ids == [name])
    #expect(try log.projected().network.groups?.names == [name])
  }

  @Test("On a tie between departments without dates, the department seen first wins")
  func departmentTieWithoutDates() throws {
    let log = ProjectLog(entries: [
      .init(person: "Ana", department: "X", project: "P1"), .init(person: "Ana", department: "Y", project: "P2"),
      .init(person: "Bob", department: "Y", project: "P1"), .init(person: "Bob", department: "X", project: "P2"),
      .init(person: "Bob", department: "Z", project: "P3"), .init(person: "Bob", department: "Z", project: "P4"),
      .init(person: "Bob", department: "X", project: "P5"),
    ])
    // Ana: X 1, Y 1 → X (first seen). Bob: Y 1, X 2, Z 2 → X (seen before Z).
    #expect(log.departmentOfPerson == ["Ana": "X", "Bob": "X"])
  }

  @Test("A log built from values numbers people and projects by first appearance")
  func logFromEntries() throws {
    let log = ProjectLog(entries: [
      .init(person: "Bob", department: "ICT", project: "P2", date: LogDate("2025-01-02"), weight: 2),
      .init(person: "Ana", project: "P1"),
      .init(person: "Bob", department: "ICT", project: "P1", weight: 0.5),
    ])
    #expect(log.people == ["Bob", "Ana"])
    #expect(log.projects == ["P2", "P1"])
    let departments: [String: String?] = ["Bob": "ICT", "Ana": nil]
    #expect(log.departmentOfPerson == departments)
    #expect(log.rows == [LogRow("Bob", "P2", "2025-01-02", 2), LogRow("Ana", "P1", nil, 1), LogRow("Bob", "P1", nil, 0.5)])
    #expect(log.reports.isEmpty)
  }
}
