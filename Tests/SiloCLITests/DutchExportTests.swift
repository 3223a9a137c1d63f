import Foundation
import Testing
import _SiloTestSupport

/// What a Dutch municipality's timesheet export looks like when Excel saves it as
/// "CSV UTF-8": semicolons, a byte-order mark, CRLF line ends, decimal commas, day-first
/// dates, diacritics, and quoted fields holding a semicolon or a line break.
@Suite("A Dutch Excel export")
struct DutchExportTests {
  /// Line numbers: header 1, rows 2–5, a project with a line break on 6–7 and 8–9, then a
  /// row with an impossible date (10) and one whose hours are not a number (11).
  static let rows = [
    "Medewerker;Afdeling;Zaak;Datum;Uren",
    "Jan de Vries;Financiën;Z-001;03-02-2025;7,5",
    "Ayşe Ünal;Financiën;Z-001;04-02-2025;2,25",
    "Pieter van den Berg;Wonen;\"Z-002; herziening\";10-03-2025;4",
    "Ayşe Ünal;Financiën;\"Z-002; herziening\";11-03-2025;1,5",
    "Els Jansen;'s-Hertogenbosch;\"Bouwplan\r\nfase 2\";01-04-2025;3",
    "Pieter van den Berg;Wonen;\"Bouwplan\r\nfase 2\";02-04-2025;6,75",
    "Jan de Vries;Financiën;Z-003;31-04-2025;2",
    "Jan de Vries;Financiën;Z-003;30-04-2025;twee",
  ]

  static var bytes: [UInt8] { [0xEF, 0xBB, 0xBF] + Array((rows.joined(separator: "\r\n") + "\r\n").utf8) }

  @Test("summary reads it and the JSON reports how")
  func readsTheExport() throws {
    try withTemporaryFolder { folder in
      let path = folder.write("uren-2025.csv", bytes: Self.bytes)
      let run = try siloscope(["summary", path, "--format", "json"], in: folder)
      #expect(run.status == 0, "\(run)")
      #expect(run.err.isEmpty)
      let json = try jsonObject(run.out)
      #expect(integer(json["people"]) == 4)
      #expect(integer(json["projects"]) == 3)
      #expect(integer(json["ties"]) == 3)
      #expect(integer(json["departments"]) == 3)
      // Day-first dates: 03-02-2025 is the 3rd of February.
      #expect(json["first_date"] as? String == "2025-02-03")
      #expect(json["last_date"] as? String == "2025-04-02")

      let input = try #require((json["inputs"] as? [[String: Any]])?.first)
      #expect(input["delimiter"] as? String == "semicolon")
      #expect(boolean(input["decimal_comma"]) == true)
      #expect(input["encoding"] as? String == "UTF-8 with BOM")
      #expect(
        (input["columns"] as? [String: String])
          == ["person": "Medewerker", "department": "Afdeling", "project": "Zaak", "date": "Datum", "weight": "Uren"])
      #expect(integer(input["rows_read"]) == 8)
      #expect(integer(input["rows_used"]) == 6)

      // Skipped rows are found on the right lines although two fields span two lines.
      let skipped = try #require(input["skipped"] as? [[String: Any]])
      let lineOf: [String: [Int]] = Dictionary(
        uniqueKeysWithValues: skipped.map { entry in
          (entry["reason"] as? String ?? "", (entry["examples"] as? [[String: Any]] ?? []).compactMap { integer($0["line"]) })
        })
      #expect(lineOf["the date is not a date (expected yyyy-mm-dd or dd-mm-yyyy)"] == [10], "\(skipped)")
      #expect(lineOf["the weight (hours) is not a number"] == [11], "\(skipped)")

      let departments = try #require(json["department_table"] as? [[String: Any]])
      #expect(departments.map { $0["name"] as? String } == ["'s-Hertogenbosch", "Financiën", "Wonen"])
    }
  }

  @Test("decimal commas are read as decimals: hours overlap 2,25 + 1,5 + 3 = 6,75")
  func decimalCommas() throws {
    try withTemporaryFolder { folder in
      let path = folder.write("uren-2025.csv", bytes: Self.bytes)
      let run = try siloscope(["summary", path, "--format", "json", "--weighting", "hours-overlap"], in: folder)
      #expect(run.status == 0, "\(run)")
      #expect(number(try jsonObject(run.out)["total_weight"]) == 6.75)
    }
  }

  @Test("the table shows the names with their diacritics")
  func table() throws {
    try withTemporaryFolder { folder in
      let path = folder.write("uren-2025.csv", bytes: Self.bytes)
      let run = try siloscope(["summary", path], in: folder)
      #expect(run.status == 0, "\(run)")
      #expect(run.out.contains("(semicolon-separated, decimal comma, UTF-8 with BOM): 8 rows read, 6 used, 2 skipped"), "\(run)")
      #expect(run.out.contains("skipped 1 row: the weight (hours) is not a number (line 11)"))
      #expect(lines(run.out).contains { $0.hasPrefix("Financiën ") })
      #expect(lines(run.out).contains { $0.hasPrefix("'s-Hertogenbosch ") })
    }
  }

  @Test("build keeps the names intact in the CSV and GraphML files")
  func build() throws {
    try withTemporaryFolder { folder in
      let path = folder.write("uren-2025.csv", bytes: Self.bytes)
      let run = try siloscope(["build", path, "--output", "netwerk"], in: folder)
      #expect(run.status == 0, "\(run)")
      let nodes = lines(try #require(contents(folder.file("netwerk/nodes.csv"))))
      #expect(nodes.contains("Ayşe Ünal,Financiën,2,2"), "\(nodes)")
      #expect(nodes.contains("Els Jansen,'s-Hertogenbosch,1,1"), "\(nodes)")
      let counter = GraphMLCounter()
      #expect(counter.parse(try #require(FileManager.default.contents(atPath: folder.file("netwerk/network.graphml")))))
      #expect(Set(counter.nodeIDs) == ["Jan de Vries", "Ayşe Ünal", "Pieter van den Berg", "Els Jansen"])
    }
  }
}

/// Other exports a consultant is handed: Excel's "Unicode text" and JSON Lines.
@Suite("Other input formats")
struct OtherFormatTests {
  @Test("Excel's \"Unicode text\": UTF-16LE with a byte-order mark, tab-separated, decimal commas")
  func utf16TabSeparated() throws {
    try withTemporaryFolder { folder in
      let text = "Naam\tAfdeling\tZaak\tUren\r\nAnn\tFinanciën\tZ-1\t7,5\r\nBob\tWonen\tZ-1\t2,5\r\nCor\tWonen\tZ-2\t1\r\n"
      var bytes: [UInt8] = [0xFF, 0xFE]
      for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
      let path = folder.write("uren.txt", bytes: bytes)
      let run = try siloscope(["summary", path, "--format", "json", "--weighting", "hours-overlap"], in: folder)
      #expect(run.status == 0, "\(run)")
      let json = try jsonObject(run.out)
      let input = try #require((json["inputs"] as? [[String: Any]])?.first)
      #expect(input["encoding"] as? String == "UTF-16LE")
      #expect(input["delimiter"] as? String == "tab")
      #expect(boolean(input["decimal_comma"]) == true)
      #expect(integer(json["people"]) == 3)
      #expect(number(json["total_weight"]) == 2.5)
      let departments = try #require(json["department_table"] as? [[String: Any]])
      #expect(departments.map { $0["name"] as? String } == ["Financiën", "Wonen"])
    }
  }

  @Test("JSON Lines: one object per line, numbers as numbers")
  func jsonLines() throws {
    try withTemporaryFolder { folder in
      let path = folder.write(
        "log.jsonl",
        """
        {"person": "Ann", "department": "Finance", "project": "P1", "date": "2025-03-01", "weight": 2.5}
        {"person": "Bob", "department": "Housing", "project": "P1", "date": "2025-03-02", "weight": 4}

        {"person": "Cor", "department": "Housing", "project": "P2", "date": "02-04-2025", "weight": 1.5}
        not json

        """)
      let run = try siloscope(["summary", path, "--format", "json", "--weighting", "hours-overlap"], in: folder)
      #expect(run.status == 0, "\(run)")
      let json = try jsonObject(run.out)
      #expect(integer(json["people"]) == 3)
      #expect(integer(json["ties"]) == 1)
      #expect(number(json["total_weight"]) == 2.5)
      #expect(json["last_date"] as? String == "2025-04-02")
      let input = try #require((json["inputs"] as? [[String: Any]])?.first)
      #expect(input["format"] as? String == "jsonl")
      #expect(integer(input["rows_read"]) == 4)
      #expect(integer(input["rows_used"]) == 3)
      let skipped = try #require((input["skipped"] as? [[String: Any]])?.first)
      #expect(skipped["reason"] as? String == "the line is not a JSON object")
      #expect(((skipped["examples"] as? [[String: Any]])?.first).flatMap { integer($0["line"]) } == 5)

      let text = try siloscope(["summary", path], in: folder)
      #expect(text.out.contains("\(path) (JSON Lines, UTF-8): 4 rows read, 3 used, 1 skipped"), "\(text)")
    }
  }

  @Test("JSON Lines with Dutch keys and whole hours")
  func jsonLinesDutchKeys() throws {
    try withTemporaryFolder { folder in
      let path = folder.write(
        "uren.jsonl",
        """
        {"medewerker": "Ann", "afdeling": "Financiën", "zaak": "Z-1", "datum": "03-02-2025", "uren": 1}
        {"medewerker": "Bob", "afdeling": "Wonen", "zaak": "Z-1", "datum": "04-02-2025", "uren": "2,5"}
        {"medewerker": "Cor", "afdeling": "Wonen", "zaak": "Z-1", "datum": "05-02-2025", "uren": 3}

        """)
      let run = try siloscope(["summary", path, "--format", "json", "--weighting", "hours-overlap"], in: folder)
      #expect(run.status == 0, "\(run)")
      let json = try jsonObject(run.out)
      let input = try #require((json["inputs"] as? [[String: Any]])?.first)
      #expect(
        (input["columns"] as? [String: String])
          == ["person": "medewerker", "department": "afdeling", "project": "zaak", "date": "datum", "weight": "uren"])
      #expect(integer(input["rows_used"]) == 3)
      #expect(integer(json["people"]) == 3)
      #expect(integer(json["departments"]) == 2)
      // min(1, 2.5) + min(1, 3) + min(2.5, 3)
      #expect(number(json["total_weight"]) == 4.5)
      #expect(json["first_date"] as? String == "2025-02-03")
    }
  }

  /// The same export as Excel keeps it (typed dates and hours, the bad date and hours as
  /// text), written by Tests/SiloIngestTests/Workbooks/make_workbooks.py.
  static let workbook = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../SiloIngestTests/Workbooks/dutch-export.xlsx").standardized.path

  @Test("The workbook gives the same summary as the CSV, but for how the input was read")
  func workbookEqualsCSV() throws {
    try withTemporaryFolder { folder in
      let csv = folder.write("uren-2025.csv", bytes: DutchExportTests.bytes)
      let fromCSV = try siloscope(["summary", csv, "--format", "json"], in: folder)
      let fromWorkbook = try siloscope(["summary", Self.workbook, "--sheet", "Uren 2025", "--format", "json"], in: folder)
      #expect(fromCSV.status == 0 && fromWorkbook.status == 0, "\(fromWorkbook)")
      var a = try jsonObject(fromCSV.out), b = try jsonObject(fromWorkbook.out)
      let inputs = b["inputs"] as? [[String: Any]]
      #expect(inputs?.first?["format"] as? String == "xlsx")
      #expect(inputs?.first?["rows_read"] as? Int == 8 && inputs?.first?["rows_used"] as? Int == 6)
      // The warnings name the file they are about.
      a["warnings"] = (a["warnings"] as? [String])?.map { $0.replacingOccurrences(of: csv + ": ", with: "") }
      b["warnings"] = (b["warnings"] as? [String])?.map { $0.replacingOccurrences(of: Self.workbook + ": ", with: "") }
      #expect((a["warnings"] as? [String])?.isEmpty == false)
      a["inputs"] = nil
      b["inputs"] = nil
      let sortedA = String(decoding: try JSONSerialization.data(withJSONObject: a, options: [.sortedKeys]), as: UTF8.self)
      let sortedB = String(decoding: try JSONSerialization.data(withJSONObject: b, options: [.sortedKeys]), as: UTF8.self)
      #expect(sortedA == sortedB)
    }
  }

  @Test("Without --sheet the first sheet is read; a workbook is never blamed on Windows-1252")
  func firstSheet() throws {
    try withTemporaryFolder { folder in
      let run = try siloscope(["summary", Self.workbook], in: folder)
      #expect(run.status == 65, "\(run)")
      #expect(run.err.contains("no person column"), "\(run)")
      #expect(!run.err.contains("Windows-1252"))
    }
  }
}
