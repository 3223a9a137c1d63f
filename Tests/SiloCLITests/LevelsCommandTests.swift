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
      #expect(chart.contains("Directie Samenleving ·") && chart.contains("the whole organization · 600 people"))
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
}
