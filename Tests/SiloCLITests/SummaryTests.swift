import Foundation
import Testing
import _SiloTestSupport

/// `siloscope summary` on the real datasets.
///
/// Reference values for the OpenTelemetry Swift log: networkx 3.6.1 projections
/// (`bipartite.weighted_projected_graph`, `collaboration_weighted_projected_graph`,
/// `overlap_weighted_projected_graph(jaccard=True)`, hours overlap by hand), 88 people,
/// 28 projects, 1,533 ties, 1,347 rows.
@Suite("summary")
struct SummaryTests {
  static let log = Inputs.otelLog

  @Test("the table shows 88 people, 1,533 ties and 28 projects")
  func table() throws {
    try withTemporaryFolder { folder in
      let run = try siloscope(["summary", Self.log], in: folder)
      #expect(run.status == 0, "\(run)")
      #expect(run.err.isEmpty, "\(run)")
      #expect(overviewValue(run.out, "people") == "88")
      #expect(overviewValue(run.out, "ties") == "1,533")
      #expect(overviewValue(run.out, "projects") == "28")
      #expect(overviewValue(run.out, "departments") == "20")
      #expect(overviewValue(run.out, "components") == "1")
      #expect(overviewValue(run.out, "people without ties") == "0")
      #expect(overviewValue(run.out, "dates") == "2020-02-18 – 2026-08-20")
      #expect(run.out.contains("\(Self.log) (comma-separated, UTF-8): 1,347 rows read, 1,347 used, 0 skipped"))
      #expect(run.out.contains("ties weighted by the number of projects two people share"))
    }
  }

  @Test("--format json decodes with the counts and the input report")
  func json() throws {
    try withTemporaryFolder { folder in
      let run = try siloscope(["summary", Self.log, "--format", "json"], in: folder)
      #expect(run.status == 0, "\(run)")
      #expect(run.err.isEmpty)
      let json = try jsonObject(run.out)
      #expect(integer(json["schema_version"]) == 2)
      #expect(json["source"] as? String == "log")
      #expect(integer(json["people"]) == 88)
      #expect(integer(json["ties"]) == 1533)
      #expect(integer(json["projects"]) == 28)
      #expect(integer(json["departments"]) == 20)
      #expect(boolean(json["directed"]) == false)
      #expect(json["first_date"] as? String == "2020-02-18")
      let inputs = try #require(json["inputs"] as? [[String: Any]])
      #expect(inputs.count == 1)
      #expect(integer(inputs.first?["rows_read"]) == 1347)
      #expect(integer(inputs.first?["rows_used"]) == 1347)
      #expect(inputs.first?["file"] as? String == Self.log)
      let departments = try #require(json["department_table"] as? [[String: Any]])
      #expect(departments.count == 20)
      let unknown = try #require(departments.first { $0["name"] as? String == "Unaffiliated/unknown" })
      #expect(integer(unknown["people"]) == 64)
      #expect(integer(unknown["internal_ties"]) == 555)
    }
  }

  struct WeightingCase: Sendable, CustomTestStringConvertible {
    var weighting: String
    var totalWeight: Double
    var tolerance: Double
    var testDescription: String { weighting }
  }

  /// networkx 3.6.1 sums (exact rational sums, correctly rounded).
  static let weightings: [WeightingCase] = [
    WeightingCase(weighting: "shared-projects", totalWeight: 2618, tolerance: 0),
    WeightingCase(weighting: "newman", totalWeight: 150, tolerance: 1e-9),
    WeightingCase(weighting: "hours-overlap", totalWeight: 9966, tolerance: 0),
    WeightingCase(weighting: "jaccard", totalWeight: 402.9479782495215, tolerance: 1e-9),
  ]

  @Test("totalWeight per --weighting matches networkx", arguments: weightings)
  func totalWeight(_ case_: WeightingCase) throws {
    try withTemporaryFolder { folder in
      let run = try siloscope(["summary", Self.log, "--format", "json", "--weighting", case_.weighting], in: folder)
      #expect(run.status == 0, "\(run)")
      let json = try jsonObject(run.out)
      let total = try #require(number(json["total_weight"]))
      #expect(isClose(total, case_.totalWeight, tolerance: case_.tolerance), "\(total) vs \(case_.totalWeight)")
      #expect(integer(json["ties"]) == 1533)
      let projection = try #require(json["projection"] as? [String: Any])
      #expect(projection["weighting"] as? String == case_.weighting)
    }
  }

  @Test("--max-project-size and --min-weight change the network")
  func projectionOptions() throws {
    try withTemporaryFolder { folder in
      let all = try jsonObject(try siloscope(["summary", Self.log, "--format", "json"], in: folder).out)
      let small = try siloscope(["summary", Self.log, "--format", "json", "--max-project-size", "10"], in: folder)
      #expect(small.status == 0, "\(small)")
      let smallJSON = try jsonObject(small.out)
      #expect(try #require(integer(smallJSON["ties"])) < 1533)
      let heavy = try siloscope(["summary", Self.log, "--format", "json", "--min-weight", "2"], in: folder)
      #expect(heavy.status == 0, "\(heavy)")
      let heavyJSON = try jsonObject(heavy.out)
      #expect(try #require(integer(heavyJSON["ties"])) < 1533)
      #expect(integer(heavyJSON["people"]) == integer(all["people"]))
    }
  }

  @Test("--from/--to restrict the log to a period, in either date notation")
  func dateWindow() throws {
    try withTemporaryFolder { folder in
      let iso = try siloscope(["summary", Self.log, "--format", "json", "--from", "2024-01-01", "--to", "2024-12-31"], in: folder)
      let dayFirst = try siloscope(["summary", Self.log, "--format", "json", "--from", "01-01-2024", "--to", "31-12-2024"], in: folder)
      #expect(iso.status == 0, "\(iso)")
      #expect(dayFirst.status == 0, "\(dayFirst)")
      let isoJSON = try jsonObject(iso.out)
      let dayFirstJSON = try jsonObject(dayFirst.out)
      let ties = try #require(integer(isoJSON["ties"]))
      #expect(ties > 0 && ties < 1533)
      #expect(integer(dayFirstJSON["ties"]) == ties)
      let projection = try #require(isoJSON["projection"] as? [String: Any])
      #expect(try #require(integer(projection["entries_outside_window"])) > 0)
    }
  }

  @Test("--people adds the people-file report and keeps people without rows")
  func peopleFile() throws {
    try withTemporaryFolder { folder in
      let log = folder.write("log.csv", "person,project,hours\nann,p1,3\nbob,p1,2\ncid,p2,4\ndan,p2,1\n")
      let people = folder.write(
        "people.csv", "id,department,role\nann,Finance,analyst\nbob,Finance,lead\ncid,Housing,clerk\ndan,Housing,clerk\neve,Housing,director\n")
      let run = try siloscope(["summary", log, "--people", people, "--format", "json"], in: folder)
      #expect(run.status == 0, "\(run)")
      let json = try jsonObject(run.out)
      #expect(integer(json["people"]) == 5)
      #expect(integer(json["ties"]) == 2)
      #expect(integer(json["isolates"]) == 1)
      #expect(integer(json["departments"]) == 2)
      let inputs = try #require(json["inputs"] as? [[String: Any]])
      #expect(inputs.count == 2)
      let report = try #require(inputs.last)
      #expect(report["file"] as? String == people)
      #expect(integer(report["rows_read"]) == 5)
      #expect(integer(report["rows_used"]) == 5)
      // The role column is reported too (it feeds the `role` attribute).
      #expect((report["columns"] as? [String: String]) == ["id": "id", "department": "department", "role": "role"])
      let warnings = try #require(json["warnings"] as? [String])
      #expect(warnings.contains("\(people): 1 person in the people file has no rows in the log: kept as people without ties"), "\(warnings)")
      let table = try #require(json["department_table"] as? [[String: Any]])
      #expect(table.map { $0["name"] as? String } == ["Finance", "Housing"])
      #expect(table.map { integer($0["people"]) } == [2, 3])

      let text = try siloscope(["summary", log, "--people", people], in: folder)
      #expect(text.status == 0, "\(text)")
      #expect(text.out.contains("  \(people) (comma-separated, UTF-8): 5 rows read, 5 used, 0 skipped"), "\(text)")
      #expect(overviewValue(text.out, "people without ties") == "1")
    }
  }

  @Test("one person without a department is reported in the singular")
  func onePersonWithoutDepartment() throws {
    try withTemporaryFolder { folder in
      let log = folder.write("log.csv", "person,department,project\nann,A,p1\nbob,A,p1\ncid,,p1\n")
      let run = try siloscope(["summary", log, "--format", "json"], in: folder)
      #expect(run.status == 0, "\(run)")
      let warnings = try #require(try jsonObject(run.out)["warnings"] as? [String])
      #expect(warnings.contains("1 person has no department and is placed in the group \"(no department)\""), "\(warnings)")
    }
  }

  @Test("--edges with --nodes and --relation cowork: 71 people, 2 departments, 726 ties")
  func lazegaCowork() throws {
    try withTemporaryFolder { folder in
      let arguments = ["summary", "--edges", Inputs.lazegaEdges, "--nodes", Inputs.lazegaNodes, "--relation", "cowork"]
      let run = try siloscope(arguments, in: folder)
      #expect(run.status == 0, "\(run)")
      #expect(overviewValue(run.out, "people") == "71")
      #expect(overviewValue(run.out, "departments") == "2")
      #expect(overviewValue(run.out, "ties") == "726")
      let json = try jsonObject(try siloscope(arguments + ["--format", "json"], in: folder).out)
      #expect(json["source"] as? String == "network")
      #expect(integer(json["people"]) == 71)
      #expect(integer(json["departments"]) == 2)
      #expect(integer(json["ties"]) == 726)
      #expect(boolean(json["directed"]) == false)
      let warnings = try #require(json["warnings"] as? [String])
      #expect(!warnings.contains { $0.contains("relations") }, "\(warnings)")
    }
  }

  @Test("--edges without --relation warns that the 3 relations are merged")
  func lazegaMixedRelations() throws {
    try withTemporaryFolder { folder in
      let arguments = ["summary", "--edges", Inputs.lazegaEdges, "--nodes", Inputs.lazegaNodes]
      let run = try siloscope(arguments, in: folder)
      #expect(run.status == 0, "\(run)")
      let expected =
        "\(Inputs.lazegaEdges): the column \"relation\" holds 3 relations (\"advice\", \"cowork\", \"friendship\"): "
        + "they are merged into one network; keep one with --relation"
      #expect(run.out.contains("  ! " + expected), "\(run)")
      let json = try jsonObject(try siloscope(arguments + ["--format", "json"], in: folder).out)
      #expect((json["warnings"] as? [String])?.contains(expected) == true)
    }
  }

  @Test("--directed keeps directions")
  func lazegaDirected() throws {
    try withTemporaryFolder { folder in
      let arguments = ["summary", "--edges", Inputs.lazegaEdges, "--nodes", Inputs.lazegaNodes, "--relation", "cowork", "--directed"]
      let json = try jsonObject(try siloscope(arguments + ["--format", "json"], in: folder).out)
      #expect(boolean(json["directed"]) == true)
      #expect(integer(json["people"]) == 71)
      // 1,104 cowork rows; a directed network keeps both directions of a mutual tie.
      #expect(integer(json["ties"]) == 1104)
      let text = try siloscope(arguments, in: folder)
      #expect(overviewValue(text.out, "ties (directed)") == "1,104")
    }
  }

  @Test("--edges without --nodes warns that there are no departments, naming --nodes")
  func edgesWithoutNodes() throws {
    try withTemporaryFolder { folder in
      let run = try siloscope(["summary", "--edges", Inputs.lazegaEdges, "--relation", "cowork", "--format", "json"], in: folder)
      #expect(run.status == 0, "\(run)")
      let json = try jsonObject(run.out)
      #expect(json["departments"] is NSNull || json["departments"] == nil)
      let warnings = try #require(json["warnings"] as? [String])
      #expect(warnings.contains { $0.hasPrefix("no departments:") && $0.contains("--nodes") }, "\(warnings)")
      #expect(!warnings.contains { $0.contains("--people") }, "\(warnings)")
    }
  }
}
