import SiloGraph
import SiloIngest
import Testing
import _SiloTestSupport

/// Rows that are skipped, kept or counted: every data row is read, used or skipped with a reason
/// and its line number.
@Suite("Row accounting")
struct RowAccountingTests {
  @Test("Negative, zero, non-numeric and missing hours skip the row with the reason, line and column")
  func badHoursAreSkipped() throws {
    let log = try readLog(
      """
      person,project,hours
      Ana,P1,3
      Bob,P1,-2
      Carl,P1,0
      Dirk,P1,veel
      Eva,P1,
      Fay,P1,-0.5
      Gus,P1,NaN
      Hal,P1,2
      Ida,P1,-0
      Jan,P1,1e400
      Kim,P1,inf

      """)
    #expect(log.rows == [LogRow("Ana", "P1", nil, 3), LogRow("Hal", "P1", nil, 2)])
    let report = log.report
    #expect(report.rowsRead == 11)
    #expect(report.rowsUsed == 2)
    #expect(report.rowsSkipped == 9)
    #expect(report.rowsUsed + report.rowsSkipped == report.rowsRead)
    #expect(report.lines("the weight (hours) is negative") == [3, 7])
    #expect(report.lines("the weight (hours) is zero") == [4, 10])
    #expect(report.lines("the weight (hours) is not a number") == [5, 8, 12])
    // 1e400 is a number, too large for a double: outside the usable range (WeightRange).
    #expect(report.lines("the weight (hours) is outside the range SiloScope computes with (1e-100 to 1e100)") == [11])
    #expect(report.lines("no weight (hours)") == [6])
    // The location is the hours field: "Bob,P1," is 7 characters.
    #expect(report.skipped("the weight (hours) is negative")?.examples.first == SourceLocation(file: report.file, line: 3, column: 8))
    #expect(report.skippedSummary.contains("2 rows: the weight (hours) is negative (lines 3, 7)"))
    #expect(report.skippedSummary.contains("1 row: no weight (hours) (line 6)"))
  }

  @Test("Empty names skip the row as \"no person\" / \"no project\"; surrounding spaces are trimmed")
  func emptyNames() throws {
    let log = try readLog("person,project,hours\n  ,P1,3\nAna,   ,3\n  Bob  ,  P2 ,  4 \n")
    #expect(log.rows == [LogRow("Bob", "P2", nil, 4)])
    #expect(log.report.lines("no person") == [2])
    #expect(log.report.lines("no project") == [3])
  }

  @Test("Only the first ten examples of a reason are kept; the count is complete")
  func examplesAreCapped() throws {
    let rows = (1 ... 25).map { "P\($0),X,-1" }.joined(separator: "\n")
    let log = try readLog("person,project,hours\nAna,P1,1\n" + rows + "\n")
    let negative = try #require(log.report.skipped("the weight (hours) is negative"))
    #expect(negative.count == 25)
    #expect(negative.examples.compactMap(\.line) == Array(3 ... 12))
    #expect(log.report.skippedSummary == ["25 rows: the weight (hours) is negative (lines 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, …)"])
  }

  @Test("Duplicate rows are counted and kept by default (their weights add up), with a warning")
  func duplicatesKept() throws {
    let log = try readLog("person,project,hours\nAna,P1,3\nAna,P1,3\nBob,P1,20\nAna,P1,3\nAna,P1,4\n")
    let report = log.report
    #expect(report.duplicateRows == 2)
    #expect(report.rowsUsed == 5)
    #expect(report.rowsSkipped == 0)
    #expect(log.entryCount == 5)
    #expect(report.warnings.contains(.duplicateRowsKept(2)))
    #expect(report.warningTexts.contains("2 rows repeat an earlier row exactly and were kept (weights add up)"))
    let projected = try log.projected(projectionOptions(.hoursOverlap))
    // Ana's hours on P1: 3 + 3 + 3 + 4 = 13 (the repeated rows count); Bob's 20; min = 13.
    #expect(projected.network.weight("Ana", "Bob") == 13)
  }

  @Test("Duplicate rows are skipped with DuplicatePolicy.drop and listed by line")
  func duplicatesDropped() throws {
    let log = try readLog("person,project,hours\nAna,P1,3\nAna,P1,3\nBob,P1,2\nAna,P1,3\nAna,P1,4\n", options: logOptions(duplicates: .drop))
    let report = log.report
    #expect(report.duplicateRows == 2)
    #expect(report.rowsUsed == 3)
    #expect(report.lines(.duplicateRow) == [3, 5])
    #expect(report.rowsUsed + report.rowsSkipped == report.rowsRead)
    #expect(log.rows == [LogRow("Ana", "P1", nil, 3), LogRow("Bob", "P1", nil, 2), LogRow("Ana", "P1", nil, 4)])
    #expect(!report.warningTexts.contains { $0.contains("repeat an earlier row") })
  }

  @Test("Blank lines are rows read and skipped as \"empty row\"; a blank line before the header is not a row")
  func blankLines() throws {
    let log = try readLog("\nperson,project,hours\nAna,P1,3\n\nBob,P1,2\n\n")
    #expect(log.rows == [LogRow("Ana", "P1", nil, 3), LogRow("Bob", "P1", nil, 2)])
    #expect(log.report.rowsRead == 4)
    #expect(log.report.lines("empty row") == [4, 6])
    #expect(log.report.rowsUsed + log.report.rowsSkipped == log.report.rowsRead)
  }

  @Test("A line of spaces or tabs is an empty row too, also before the header and at the end of a short file")
  func whiteSpaceLines() throws {
    let log = try readLog("  \nperson,project\nAna,P1\n   \n \t \n  \n")
    #expect(log.rows == [LogRow("Ana", "P1", nil, 1)])
    #expect(log.report.rowsRead == 4)
    #expect(log.report.lines("empty row") == [4, 5, 6])
  }

  @Test("A row of empty fields (;;) is an empty row too")
  func rowOfEmptyFields() throws {
    let log = try readLog("person;project;uren\nAna;P1;3\n;;\n")
    #expect(log.report.lines("empty row") == [3])
  }

  @Test("A name of exactly maximumNameBytes bytes is read; one byte more skips the row")
  func nameLengthLimit() throws {
    let limit = ProjectLogReader.maximumNameBytes
    #expect(limit == 1024)
    let fits = String(repeating: "a", count: limit), tooLong = String(repeating: "b", count: limit + 1)
    let log = try readLog("person,project\n\(fits),P1\n\(tooLong),P1\nAna,\(tooLong)\n")
    #expect(log.people == [fits])
    #expect(log.report.lines("the person's name is longer than 1024 bytes") == [3])
    #expect(log.report.lines("the project's name is longer than 1024 bytes") == [4])
  }

  @Test("A 10 MB person name is skipped as too long, with its line; the rest of the file is read")
  func tenMegabytePersonName() throws {
    let huge = String(repeating: "x", count: 10 << 20)
    let log = try readLog("person,project,hours\nAna,P1,1\n\(huge),P1,2\nBob,P1,3\n")
    #expect(log.rows == [LogRow("Ana", "P1", nil, 1), LogRow("Bob", "P1", nil, 3)])
    #expect(log.report.skipped("the person's name is longer than 1024 bytes")?.examples == [SourceLocation(file: log.report.file, line: 3, column: 1)])
  }

  @Test("A 10 MB quoted value in a column no field uses is read without trouble")
  func tenMegabyteIgnoredField() throws {
    let huge = String(repeating: "lorem ipsum, \"dolor\"\n", count: (10 << 20) / 20)
    let quoted = "\"" + huge.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    let log = try readLog("person,project,notes,hours\nAna,P1,\(quoted),2\nBob,P1,kort,3\nCarl,P2,,-1\n")
    #expect(log.rows == [LogRow("Ana", "P1", nil, 2), LogRow("Bob", "P1", nil, 3)])
    #expect(log.report.otherColumns == ["notes"])
    // Ana's record spans 1 + the line breaks inside the notes; Carl's line follows Bob's.
    let breaks = (10 << 20) / 20
    #expect(log.report.lines("the weight (hours) is negative") == [breaks + 4])
  }

  @Test("A 10 MB department name skips the row")
  func tenMegabyteDepartment() throws {
    let huge = String(repeating: "d", count: 10 << 20)
    let log = try readLog("person,department,project\nAna,\(huge),P1\nBob,ICT,P1\n")
    #expect(log.rows == [LogRow("Bob", "P1", nil, 1)])
    #expect(log.report.lines("the department's name is longer than 1024 bytes") == [2])
  }
}

/// Weights beyond what double precision can sum, multiply and invert (``WeightRange``).
@Suite("Weight range")
struct WeightRangeTests {
  @Test(
    "Weights outside 1e-100…1e100 skip the row in every reader, naming it",
    arguments: ["1e308", "1e101", "1.7976931348623157e308", "1e-320", "4.9e-324", "1e-101"])
  func outOfRange(_ value: String) throws {
    let files = Files()
    defer { files.remove() }
    let reason = "the weight (hours) is outside the range SiloScope computes with (1e-100 to 1e100)"
    let log = try ProjectLogReader.read(path: files.text("log.csv", "person,project,hours\nA,X,\(value)\nB,X,2\nC,X,3\n"))
    #expect(log.report.lines(reason) == [2])
    #expect(log.report.skipped(reason)?.examples.first?.column == 5)
    let jsonl = try ProjectLogReader.read(
      path: files.text("log.jsonl", "{\"person\":\"A\",\"project\":\"X\",\"hours\":\(value)}\n{\"person\":\"B\",\"project\":\"X\",\"hours\":2}\n"))
    #expect(jsonl.report.lines(reason) == [1])
    let edges = try NetworkReader.read(edgesPath: files.text("edges.csv", "source,target,weight\na,b,\(value)\nb,c,1\n"))
    #expect(edges.reports[0].lines("the weight is outside the range SiloScope computes with (1e-100 to 1e100)") == [2])
    #expect(edges.network.graph.edgeCount == 1)
  }

  @Test("The ends of the range are usable, and sums over them stay finite", arguments: [1e100, 1e-100])
  func ends(_ weight: Double) throws {
    let files = Files()
    defer { files.remove() }
    var text = "person,department,project,hours\n"
    for i in 0 ..< 200 { text += "P\(i),D\(i % 3),X\(i % 7),\(weight)\n" }
    let log = try ProjectLogReader.read(path: files.text("log.csv", text))
    #expect(log.report.rowsUsed == 200)
    for weighting in ProjectionWeighting.allCases {
      var options = ProjectionOptions()
      options.weighting = weighting
      let network = try log.projected(options).network
      #expect(network.graph.edges.allSatisfy { $0.weight.isFinite && $0.weight > 0 }, "\(weighting)")
      let departments = DepartmentNetwork(aggregating: network, by: network.groups!)
      #expect(departments.graph.edges.allSatisfy { $0.weight.isFinite }, "\(weighting)")
    }
  }
}
