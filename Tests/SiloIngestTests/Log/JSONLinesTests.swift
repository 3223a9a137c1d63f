import SiloGraph
import SiloIngest
import Testing
import _SiloTestSupport

/// Project logs in JSON Lines: one object per line with the same field names as a CSV header.
@Suite("JSON Lines logs")
struct JSONLinesTests {
  static let text = """
    {"person": "Ana de Vries", "department": "Financiën", "project": "P1", "hours": 7.5, "date": "2025-03-01"}
    {"person": "Bob", "department": "ICT", "project": "P1", "hours": "2,5", "date": "02-03-2025"}
    {"person": "Ana de Vries", "department": "Financiën", "project": "P2"}

    """

  @Test("Reads the same fields as a CSV log; numbers may be JSON numbers or text", arguments: ["log.jsonl", "log.ndjson", "log.txt"])
  func readsFields(name: String) throws {
    let log = try readLog(Self.text, name: name)
    #expect(log.rows == [LogRow("Ana de Vries", "P1", "2025-03-01", 7.5), LogRow("Bob", "P1", "2025-03-02", 2.5), LogRow("Ana de Vries", "P2", nil, 1)])
    #expect(log.departmentOfPerson == ["Ana de Vries": "Financiën", "Bob": "ICT"])
    #expect(log.report.format == "jsonl")
    #expect(log.report.columns == ["person": "person", "department": "department", "project": "project", "date": "date", "weight": "hours"])
    #expect(log.report.rowsRead == 3)
    #expect(log.report.rowsUsed == 3)
  }

  @Test("The format can be forced; a .csv name with JSON content is read as JSON Lines when it starts with {")
  func formatDetectionAndOverride() throws {
    #expect(try readLog(Self.text, name: "log.csv").report.format == "jsonl")
    #expect(try readLog(Self.text, name: "export.dat", options: logOptions(format: .jsonl)).entryCount == 3)
  }

  @Test("Keys are matched through the aliases in any case, and can be overridden")
  func keyAliasesAndOverrides() throws {
    let dutch = try readLog(#"{"Medewerker": "Ünal", "Afdeling": "Financiën", "Zaak": "'s-Hertogenbosch", "Uren": 3, "Datum": "2024-02-29"}"#, name: "log.jsonl")
    #expect(dutch.rows == [LogRow("Ünal", "'s-Hertogenbosch", "2024-02-29", 3)])
    #expect(dutch.departments == ["Financiën"])

    let custom = try readLog(
      #"{"who": "Ana", "person": "Not this", "what": "P1", "effort": 2}"#, name: "log.jsonl",
      options: logOptions(columns: [.person: "WHO", .project: "what"]))
    #expect(custom.rows == [LogRow("Ana", "P1", nil, 2)])
  }

  @Test("Numeric ids are read as text")
  func numericIDs() throws {
    let log = try readLog(#"{"person": 17, "project": 3, "hours": 1}"#, name: "log.jsonl")
    #expect(log.people == ["17"])
    #expect(log.projects == ["3"])
  }

  @Test("Hours of 1 and 0 are numbers; true and false are not")
  func booleansAreNotHours() throws {
    let log = try readLog(
      """
      {"person": "Ana", "project": "P1", "hours": 1}
      {"person": "Bob", "project": "P1", "hours": true}
      {"person": "Carl", "project": "P1", "hours": 0}
      {"person": "Dirk", "project": "P1", "hours": false}
      {"person": "Eva", "project": "P1", "hours": 1.0}

      """, name: "log.jsonl")
    #expect(log.rows == [LogRow("Ana", "P1", nil, 1), LogRow("Eva", "P1", nil, 1)])
    #expect(log.report.lines("the weight (hours) is not a number") == [2, 4])
    #expect(log.report.lines("the weight (hours) is zero") == [3])
  }

  @Test("Bad lines are skipped and counted with their line numbers; blank lines are not rows")
  func badLinesSkipped() throws {
    let log = try readLog(
      """
      {"person": "Ana", "project": "P1", "hours": 3}

      not json
      [1, 2]
      {"person": "", "project": "P1"}
      {"person": "Bob", "project": "P1", "hours": -1}
      {"person": "Carl", "project": "P1", "hours": 0}
      {"person": "Dirk", "project": "P1", "hours": "veel"}
      {"person": "Eva", "project": "P1", "date": "30-02-2024"}
      {"project": "P1"}
      {"person": "Fay", "project": "P2", "hours": 1.5}

      """, name: "log.jsonl")
    #expect(log.rows == [LogRow("Ana", "P1", nil, 3), LogRow("Fay", "P2", nil, 1.5)])
    let report = log.report
    #expect(report.rowsRead == 10)
    #expect(report.rowsUsed == 2)
    #expect(report.rowsSkipped == 8)
    #expect(report.lines("the line is not a JSON object") == [3, 4])
    #expect(report.lines("no person") == [5, 10])
    #expect(report.lines("the weight (hours) is negative") == [6])
    #expect(report.lines("the weight (hours) is zero") == [7])
    #expect(report.lines("the weight (hours) is not a number") == [8])
    #expect(report.lines("the date is not a date (expected yyyy-mm-dd or dd-mm-yyyy)") == [9])
  }

  @Test("Duplicate lines are kept with a warning, or dropped when asked")
  func duplicates() throws {
    let text = "{\"person\": \"Ana\", \"project\": \"P1\", \"hours\": 3}\n{\"person\": \"Ana\", \"project\": \"P1\", \"hours\": 3}\n"
    let kept = try readLog(text, name: "log.jsonl")
    #expect(kept.report.duplicateRows == 1)
    #expect(kept.entryCount == 2)
    // One repeated row is worded in the singular, as in a CSV log (it used to read "1 rows repeat").
    #expect(kept.report.warningTexts.contains("1 row repeats an earlier row exactly and was kept (weights add up)"))
    let dropped = try readLog(text, name: "log.jsonl", options: logOptions(duplicates: .drop))
    #expect(dropped.report.duplicateRows == 1)
    #expect(dropped.entryCount == 1)
    #expect(dropped.report.lines(.duplicateRow) == [2])
  }

  @Test("A JSON Lines file in which no line can be used is an error naming the reasons")
  func noUsableLines() throws {
    let files = Files()
    defer { files.remove() }
    let path = files.text("log.jsonl", "{\"person\": \"Ana\"}\nnonsense\n")
    let error = #expect(throws: IngestError.self) { try ProjectLogReader.read(path: path) }
    guard case .noUsableRows(path, 2, let skipped) = try #require(error) else { Issue.record("\(String(describing: error))"); return }
    #expect(skipped.map(\.reason) == [.missing(.project), .notJSONObject])
    #expect(error?.description == "\(path): none of the 2 data rows could be used (1 × no project; 1 × the line is not a JSON object)")
  }
}
