import Foundation
import Testing
import _SiloTestSupport

/// Levels end to end on a generated organization with directorates, departments and teams:
/// the level analysed, every level measured, the maps (none with more than 30 units), grouping
/// by another column, unit paths, and the options that name what does not exist.
@Suite("levels")
struct LevelsCommandTests {
  /// A generated 600-person municipality and its people file.
  static func organization(in folder: TemporaryFolder) throws -> (log: String, people: String) {
    let run = try siloscope(["generate", "--people", "600", "--seed", "3", "--output", "log.csv", "--people-output", "people.csv"], in: folder)
    #expect(run.status == 0, "\(run)")
    return (folder.file("log.csv"), folder.file("people.csv"))
  }

  /// The circles (`<g id="node…" class="node">`) of an SVG.
  static func circles(_ path: String) throws -> Int {
    try String(contentsOfFile: path, encoding: .utf8).matches(of: /<g id="node\d+" class="node">/).count
  }

  @Test("analyze with three levels: each measured, the analysed one marked, a map per directorate of at most 30 units")
  func analyzeLevels() throws {
    try withTemporaryFolder { folder in
      let (log, people) = try Self.organization(in: folder)
      let run = try siloscope(
        ["analyze", log, "--people", people, "--levels", "directorate,department,team", "--level", "department", "--permutations", "99",
         "--out", "r", "--quiet"], in: folder)
      #expect(run.status == 0, "\(run)")
      try AnalyzeCommandTests.checkReport(folder.file("r"))
      let report = try #require(try AnalyzeCommandTests.json(folder.file("r/report.json")) as? [String: Any])
      let levels = try #require(report["levels"] as? [[String: Any]])
      #expect(levels.map { $0["name"] as! String } == ["directorate", "department", "team"])
      #expect(levels.map { $0["analysed"] as! Bool } == [false, true, false])
      let input = try #require(report["input"] as? [String: Any])
      let grouping = try #require(input["grouping"] as? [String: Any])
      #expect(grouping["level"] as? String == "department" && grouping["automatic"] as? Bool == false)
      #expect(levels[1]["units"] as? Int == input["departments"] as? Int)
      // The directorates' map and one per directorate, each at most 30 units.
      let directorates = try #require(levels[0]["units"] as? Int)
      let maps = try FileManager.default.contentsOfDirectory(atPath: folder.file("r")).filter { $0.hasPrefix("departments") && $0.hasSuffix(".svg") }
      #expect(maps.count == directorates + 1)
      #expect(try Self.circles(folder.file("r/departments.svg")) == directorates)
      for map in maps { #expect(try Self.circles(folder.file("r/\(map)")) <= 30, "\(map)") }
      let html = try String(contentsOfFile: folder.file("r/report.html"), encoding: .utf8)
      #expect(html.contains("<section id=\"levels\">") && html.contains("Inside Directie"))
      // The org chart names a directorate's head after the directorate.
      let chart = try String(contentsOfFile: folder.file("r/org-chart.svg"), encoding: .utf8)
      #expect(chart.contains("Directie Samenleving ·") && chart.contains("Whole organization · 600 people"))
    }
  }

  @Test("summary: the automatic level, grouping by another column, unit paths")
  func summaries() throws {
    try withTemporaryFolder { folder in
      let (log, people) = try Self.organization(in: folder)
      let automatic = try siloscope(["summary", log, "--people", people, "--levels", "directorate,department,team", "--format", "json"], in: folder)
      #expect(automatic.status == 0, "\(automatic)")
      let document = try #require(try JSONSerialization.jsonObject(with: Data(automatic.out.utf8)) as? [String: Any])
      let grouping = try #require(document["grouping"] as? [String: Any])
      #expect(grouping["automatic"] as? Bool == true && grouping["level"] as? String == "team")
      let byDirectorate = try siloscope(["summary", log, "--people", people, "--group-by", "directorate", "--format", "json"], in: folder)
      let grouped = try #require(try JSONSerialization.jsonObject(with: Data(byDirectorate.out.utf8)) as? [String: Any])
      #expect(grouped["departments"] as? Int == 3)
      #expect((grouped["grouping"] as? [String: Any])?["group_by"] as? String == "directorate")
      // The same levels as one path column.
      let rows = try String(contentsOfFile: people, encoding: .utf8).split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
      var paths = "id;unit\n"
      for row in rows { paths += "\(row[0]);\(row[1])>\(row[2])>\(row[3])\n" }
      let pathFile = folder.write("paths.csv", paths)
      let fromPaths = try siloscope(
        ["summary", log, "--people", pathFile, "--unit-separator", ">", "--levels", "unit", "--level", "2", "--format", "json"], in: folder)
      #expect(fromPaths.status == 0, "\(fromPaths)")
      let split = try #require(try JSONSerialization.jsonObject(with: Data(fromPaths.out.utf8)) as? [String: Any])
      #expect((split["grouping"] as? [String: Any])?["level"] as? String == "level 2")
      #expect(split["departments"] as? Int == (document["grouping"] as? [String: Any]).flatMap { ($0["levels"] as? [[String: Any]])?[1]["units"] as? Int })
    }
  }

  @Test("a level or a column that does not exist: exit 64, what exists named")
  func refusals() throws {
    try withTemporaryFolder { folder in
      let (log, people) = try Self.organization(in: folder)
      let level = try siloscope(["summary", log, "--people", people, "--levels", "directorate,department", "--level", "team"], in: folder)
      #expect(level.status == 64 && level.out.isEmpty)
      #expect(level.err.contains("no level \"team\": the levels are 1 \"directorate\", 2 \"department\""), "\(level.err)")
      let column = try siloscope(["summary", log, "--people", people, "--group-by", "grade"], in: folder)
      #expect(column.status == 64 && column.err.contains("no column \"grade\" in \(people)"), "\(column.err)")
      let alone = try siloscope(["summary", log, "--level", "2"], in: folder)
      #expect(alone.status == 64 && alone.err.contains("--level needs levels"))
    }
  }

  @Test("--focus: the unit and its partners, its people, brokers near it, teams that open it; unknown or merged: 64")
  func focus() throws {
    try withTemporaryFolder { folder in
      let (log, people) = try Self.organization(in: folder)
      let run = try siloscope(
        ["analyze", log, "--people", people, "--focus", "Sociaal Domein", "--permutations", "99", "--out", "r", "--quiet"], in: folder)
      #expect(run.status == 0, "\(run)")
      try AnalyzeCommandTests.checkReport(folder.file("r"))
      let report = try #require(try AnalyzeCommandTests.json(folder.file("r/report.json")) as? [String: Any])
      #expect((report["methods"] as? [String: Any])?["focus"] as? String == "Sociaal Domein")
      let silos = try #require(report["silos"] as? [String: Any])
      let groups = (silos["groups"] as! [[String: Any]]).map { $0["name"] as! String }
      #expect(groups.contains("Sociaal Domein") && groups.count < (report["input"] as! [String: Any])["departments"] as! Int)
      #expect((silos["nodes"] as! [[String: Any]]).allSatisfy { $0["group"] as? String == "Sociaal Domein" })
      for row in silos["mixing"] as! [[String: Any]] {
        #expect(row["from"] as? String == "Sociaal Domein" || row["to"] as? String == "Sociaal Domein")
      }
      let brokers = ((report["brokers"] as! [String: Any])["brokers"] as! [[String: Any]]).map { $0["rank"] as! Int }
      #expect(brokers == Array(1 ... max(1, brokers.count)).prefix(brokers.count).map { $0 })
      let teams = try #require(report["teams"] as? [String: Any])
      #expect((teams["request"] as? [String: Any])?["departments"] as? [String] == ["Sociaal Domein"])
      let html = try String(contentsOfFile: folder.file("r/report.html"), encoding: .utf8)
      #expect(html.contains("This report looks at Sociaal Domein"))
      #expect(run.out.contains("departments in view"), "\(run.out)")

      let unknown = try siloscope(["analyze", log, "--people", people, "--focus", "Sociaal", "--out", "s", "--quiet"], in: folder)
      #expect(unknown.status == 64 && unknown.out.isEmpty)
      #expect(unknown.err.contains("there is no department \"Sociaal\" to focus on (names are matched exactly); the departments: "))
      #expect(!FileManager.default.fileExists(atPath: folder.file("s")))
    }
  }

  @Test("--pseudonymize with levels: no unit of fewer than the minimum group size in people.csv or the GraphML")
  func smallUnitsUnderPseudonyms() throws {
    try withTemporaryFolder { folder in
      let (log, people) = try Self.organization(in: folder)
      let run = try siloscope(
        ["analyze", log, "--people", people, "--levels", "directorate,department,team", "--level", "department", "--pseudonymize",
         "--permutations", "99", "--out", "r", "--quiet"], in: folder, environment: ["SILOSCOPE_PSEUDONYM_KEY": "een-sleutel-van-minstens-16"])
      #expect(run.status == 0, "\(run)")
      let rows = try String(contentsOfFile: folder.file("r/people.csv"), encoding: .utf8).split(separator: "\n").dropFirst()
      var counts: [String: Int] = [:]
      for row in rows {
        // The path's quoted field: the second comma-separated field may hold a comma ("Vergunningen, …").
        let fields = row.split(separator: ",", omittingEmptySubsequences: false)
        let path = row.contains("\"") ? String(row.split(separator: "\"")[1]) : String(fields[2])
        var prefix: [Substring] = []
        for part in path.split(separator: " / ") {
          prefix.append(part)
          counts[prefix.joined(separator: " / "), default: 0] += 1
        }
      }
      #expect(!counts.isEmpty)
      for (unit, count) in counts { #expect(count >= 5, "\(unit) has \(count) people") }
      // Teams of fewer than five exist in the input, so some paths were cut.
      let original = try String(contentsOfFile: people, encoding: .utf8)
      #expect(original.contains("Team A"))
    }
  }

  /// Lazega's law firm groups by office or practice (Datasets/lazega_lawfirm/README.md: Boston
  /// 48, Hartford 19, Providence 4; litigation 41, corporate 30).
  @Test("Lazega's law firm by office, and with office and practice as levels")
  func lazega() throws {
    try withTemporaryFolder { folder in
      let base = ["summary", "--edges", Inputs.lazegaEdges, "--nodes", Inputs.lazegaNodes, "--relation", "cowork", "--format", "json"]
      let byOffice = try siloscope(base + ["--group-by", "office"], in: folder)
      let offices = try #require(try JSONSerialization.jsonObject(with: Data(byOffice.out.utf8)) as? [String: Any])
      let table = (offices["department_table"] as! [[String: Any]]).map { "\($0["name"]!) \($0["people"]!)" }
      #expect(table == ["Boston 48", "Hartford 19", "Providence 4"])
      let levels = try siloscope(base + ["--levels", "office,group"], in: folder)
      let document = try #require(try JSONSerialization.jsonObject(with: Data(levels.out.utf8)) as? [String: Any])
      let grouping = try #require(document["grouping"] as? [String: Any])
      // Practices split by office: Providence's are below five people, so the office is chosen.
      #expect((grouping["levels"] as! [[String: Any]]).map { $0["units"] as! Int } == [3, 6])
      #expect(grouping["level"] as? String == "office" && grouping["automatic"] as? Bool == true)
      let practice = try siloscope(base + ["--levels", "office,group", "--level", "2"], in: folder)
      let split = try #require(try JSONSerialization.jsonObject(with: Data(practice.out.utf8)) as? [String: Any])
      #expect((split["department_table"] as! [[String: Any]]).map { $0["name"] as! String }.contains("Boston / litigation"))
    }
  }
}
