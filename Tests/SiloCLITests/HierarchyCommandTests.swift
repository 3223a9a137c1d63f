import Foundation
import Testing
import _SiloTestSupport

/// `siloscope hierarchy` and the org chart in `analyze`, end to end: Krackhardt's managers
/// (their `reports_to` relation written as a manager column), and the bad trees a people file
/// can hold, each refused with the rows to fix and nothing written.
@Suite("hierarchy")
struct HierarchyCommandTests {
  /// Krackhardt's advice arcs and a node list with each manager's manager, as `Mnn` ids.
  static func krackhardt(in folder: TemporaryFolder) throws -> (edges: String, nodes: String) {
    let dataset = TestDatasets.path("krackhardt_hightech")
    let edges = try String(contentsOfFile: dataset + "/edges.csv", encoding: .utf8).split(separator: "\n").dropFirst()
      .map { $0.split(separator: ",").map(String.init) }
    let id = { (number: String) in "M" + (number.count == 1 ? "0" : "") + number }
    var manager: [String: String] = [:]
    var advice = "source,target\n"
    for row in edges {
      if row[3] == "reports_to" { manager[id(row[0])] = id(row[1]) }
      if row[3] == "advice" { advice += "\(id(row[0])),\(id(row[1]))\n" }
    }
    var nodes = "id,department,manager\n"
    let rows = try String(contentsOfFile: dataset + "/nodes.csv", encoding: .utf8).split(separator: "\n").dropFirst()
    for row in rows.map({ $0.split(separator: ",").map(String.init) }) {
      nodes += "\(id(row[0])),\(row[2] == "0" ? "CEO" : "Department \(row[2])"),\(manager[id(row[0])] ?? "")\n"
    }
    return (folder.write("advice.csv", advice), folder.write("managers.csv", nodes))
  }

  @Test("hierarchy --format json: Krackhardt's shares and spans as in hierarchy_reference.md")
  func krackhardtJSON() throws {
    try withTemporaryFolder { folder in
      let (edges, nodes) = try Self.krackhardt(in: folder)
      let run = try siloscope(["hierarchy", "--edges", edges, "--nodes", nodes, "--directed", "--format", "json", "--tops", "one"], in: folder)
      #expect(run.status == 0, "\(run)")
      let document = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
      let o = try #require(document["organization"] as? [String: Any])
      #expect(o["people_in_chart"] as? Int == 21 && o["levels"] as? Int == 3 && o["tops"] as? Int == 1)
      #expect(isClose(o["share_along_reporting_lines"] as! Double, 29.0 / 190))
      #expect(isClose(o["share_within_teams"] as! Double, 32.0 / 95))
      #expect(isClose(o["mean_tree_distance"] as! Double, 533.0 / 190))
      let managers = try #require(document["managers"] as? [[String: Any]])
      #expect(managers.map { $0["id"] as! String } == ["M02", "M07", "M14", "M18", "M21"])
      #expect(managers.map { $0["span"] as! Int } == [3, 4, 7, 2, 4])
    }
  }

  @Test("analyze: the section, the finding, org-chart.svg, people.csv's manager column, report.json under the schema")
  func krackhardtReport() throws {
    try withTemporaryFolder { folder in
      let (edges, nodes) = try Self.krackhardt(in: folder)
      let run = try siloscope(
        ["analyze", "--edges", edges, "--nodes", nodes, "--directed", "--min-group-size", "1", "--permutations", "99", "--out", "r", "--quiet"],
        in: folder)
      #expect(run.status == 0, "\(run)")
      try AnalyzeCommandTests.checkReport(folder.file("r"))
      let html = try String(contentsOfFile: folder.file("r/report.html"), encoding: .utf8)
      #expect(html.contains("<section id=\"hierarchy\">") && html.contains("org-chart.svg"))
      #expect(run.out.contains("15% of the collaboration runs along reporting lines and 34% within teams"))
      let people = try String(contentsOfFile: folder.file("r/people.csv"), encoding: .utf8)
      #expect(people.hasPrefix("id,department,manager,community,"))
      #expect(people.contains("\nM01,Department 4,M02,"))
      let svg = try String(contentsOfFile: folder.file("r/org-chart.svg"), encoding: .utf8)
      #expect(svg.contains("M07") && svg.contains("cluster_team"))
      // Without the section: no hierarchy, no chart, and the manager column stays in people.csv.
      let without = try siloscope(
        ["analyze", "--edges", edges, "--nodes", nodes, "--directed", "--no-hierarchy", "--permutations", "99", "--out", "s", "--quiet"],
        in: folder)
      #expect(without.status == 0, "\(without)")
      let report = try #require(try AnalyzeCommandTests.json(folder.file("s/report.json")) as? [String: Any])
      #expect(report["hierarchy"] is NSNull)
      #expect(!FileManager.default.fileExists(atPath: folder.file("s/org-chart.svg")))
    }
  }

  /// A small log and a people file with the given manager column (`nil`: no manager).
  static func organization(_ managers: [(String, String?)], in folder: TemporaryFolder) -> (log: String, people: String) {
    var log = "person,department,project,hours\n"
    for (i, row) in managers.enumerated() { log += "\(row.0),D\(i % 2),P\(i / 3),2\n" }
    var people = "id;afdeling;leidinggevende\n"
    for row in managers { people += "\(row.0);D\(managers.firstIndex { $0.0 == row.0 }! % 2);\(row.1 ?? "")\n" }
    return (folder.write("uren.csv", log), folder.write("medewerkers.csv", people))
  }

  @Test(
    "bad trees: an unknown manager, a circle, two tops where one is expected: exit 65, the rows named, nothing written",
    arguments: [
      ([("Ans", nil), ("Bo", "Ans"), ("Cas", "Zed"), ("Dirk", "Ans")] as [(String, String?)], [String](),
        "medewerkers.csv:4: the manager in this row is not a person of the file"),
      ([("Ans", nil), ("Bo", "Cas"), ("Cas", "Dirk"), ("Dirk", "Bo")], [],
        "medewerkers.csv:3: the reporting lines go round in a circle (line 3 → line 4 → line 5 → line 3"),
      ([("Ans", nil), ("Bo", "Ans"), ("Cas", nil), ("Dirk", "Cas")], ["--tops", "one"],
        "medewerkers.csv:2: the chart has 2 tops, people with reports but without a manager (line 2, line 4); one top was expected: give them a common manager, or allow several with --tops several"),
    ])
  func badTrees(_ rows: [(String, String?)], _ options: [String], _ message: String) throws {
    try withTemporaryFolder { folder in
      let (log, people) = Self.organization(rows, in: folder)
      for command in [["hierarchy"], ["analyze", "--out", "r", "--quiet"]] {
        let before = snapshot(folder.path)
        let run = try siloscope(command + [log, "--people", people] + options, in: folder)
        #expect(run.status == 65, "\(run)")
        #expect(run.out.isEmpty)
        #expect(run.err.contains(message), "\(run.err)")
        // Rows are named by line, never by name.
        for (name, _) in rows { #expect(!run.err.contains(name)) }
        #expect(snapshot(folder.path) == before)
      }
    }
  }

  @Test("no manager column: hierarchy says what it needs (65); analyze leaves the section out")
  func noManagers() throws {
    try withTemporaryFolder { folder in
      let run = try siloscope(["hierarchy", Inputs.otelLog], in: folder)
      #expect(run.status == 65 && run.out.isEmpty)
      #expect(run.err.contains("the input has no reporting lines: give a people file (--people) or node list (--nodes) with a manager column"))
    }
  }

  @Test("--pseudonymize: the totals stay; no manager, unit pair or skip-level tie is listed and no org chart drawn")
  func pseudonymized() throws {
    try withTemporaryFolder { folder in
      let (log, people) = AnalyzeCommandTests.writeOrganization(folder)
      let run = try siloscope(
        ["analyze", log, "--people", people, "--pseudonymize", "--min-group-size", "1", "--permutations", "99", "--out", "r", "--quiet"],
        in: folder, environment: ["SILOSCOPE_PSEUDONYM_KEY": "geheime-sleutel-voor-de-test-2026"])
      #expect(run.status == 0, "\(run)")
      let report = try #require(try AnalyzeCommandTests.json(folder.file("r/report.json")) as? [String: Any])
      let hierarchy = try #require(report["hierarchy"] as? [String: Any])
      #expect(hierarchy["lists_left_out"] as? Bool == true)
      #expect((hierarchy["managers"] as? [Any])?.isEmpty == true && (hierarchy["skip_level_ties"] as? [Any])?.isEmpty == true)
      #expect((hierarchy["untied_sibling_units"] as? [Any])?.isEmpty == true)
      #expect(((hierarchy["organization"] as? [String: Any])?["managers"] as? Int ?? 0) > 0)
      #expect(!FileManager.default.fileExists(atPath: folder.file("r/org-chart.svg")))
      let html = try String(contentsOfFile: folder.file("r/report.html"), encoding: .utf8)
      #expect(html.contains("a place in the chart (the top, the head of a unit) names the person who holds it"))
    }
  }
}
