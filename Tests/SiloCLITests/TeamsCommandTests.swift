import Foundation
import Testing
import _SiloTestSupport

/// `siloscope teams` and `siloscope simulate` end to end: the "after" of a proposal is what
/// `analyze` gives on the log with the team's rows appended, and the refusals with their exit
/// codes leave nothing on standard output.
@Suite("teams, simulate")
struct TeamsCommandTests {
  static let quick = ["--permutations", "99"]

  /// A generated municipality of `people`, written into `folder`; its path.
  static func municipality(_ people: Int, in folder: TemporaryFolder) throws -> String {
    let run = try siloscope(["generate", "--people", "\(people)", "--output", "log.csv"], in: folder)
    #expect(run.status == 0, "\(run)")
    return folder.file("log.csv")
  }

  /// The log with one project per team appended: rows `person,department,project,date,hours`
  /// as the generated log has them.
  static func appended(_ log: String, teams: [[(id: String, department: String)]], date: String, hours: Double) throws -> String {
    var text = try String(contentsOfFile: log, encoding: .utf8)
    for (i, team) in teams.enumerated() {
      // Quoted: a department's name may have a comma ("Vergunningen, Toezicht en Handhaving").
      for m in team { text += "\(m.id),\"\(m.department)\",SiloScope team \(i + 1),\(date),\(hours)\n" }
    }
    return text
  }

  /// The measures a teams document states, and the same from report.json's silos part.
  static func measures(_ part: [String: Any]) -> [String: Double] {
    var out: [String: Double] = [:]
    for key in ["modularity", "ei_index", "share_inside"] { out[key] = part[key] as? Double }
    for d in part["departments"] as? [[String: Any]] ?? [] { out[d["name"] as! String] = d["ei_index"] as? Double }
    return out
  }

  static func reportMeasures(_ report: [String: Any], departments: [String]) -> [String: Double] {
    let silos = report["silos"] as! [String: Any], graph = silos["graph"] as! [String: Any]
    var out: [String: Double] = [:]
    for key in ["modularity", "ei_index", "share_inside"] { out[key] = graph[key] as? Double }
    for g in silos["groups"] as! [[String: Any]] where departments.contains(g["name"] as! String) {
      out[g["name"] as! String] = g["ei_index"] as? Double
    }
    return out
  }

  /// Settings both commands take: the defaults, and another weighting, counted ties, a date
  /// window and another objective.
  static let settings: [[String]] = [
    [],
    ["--weighting", "hours-overlap", "--unweighted", "--from", "2025-03-01", "--to", "2025-10-31", "--objective", "fragile-pairs"],
  ]

  @Test(
    "teams: each proposal's after, and all teams' after, equal analyze on the log with the rows appended",
    arguments: settings)
  func afterEqualsAnalyzeOnTheAppendedLog(_ settings: [String]) throws {
    let analyzeSettings = settings.filter { $0 != "--objective" && $0 != "fragile-pairs" }
    try withTemporaryFolder { folder in
      let log = try Self.municipality(300, in: folder)
      let run = try siloscope(["teams", log, "--teams", "2", "--size", "4", "--format", "json"] + settings + Self.quick, in: folder)
      #expect(run.status == 0, "\(run)")
      let json = try jsonObject(run.out)
      let teams = try #require(json["teams"] as? [[String: Any]])
      #expect(teams.count == 2)
      let members = teams.map { ($0["members"] as! [[String: Any]]).map { (id: $0["id"] as! String, department: $0["department"] as! String) } }
      #expect(Set(members.joined().map(\.id)).count == 8, "nobody twice")
      #expect(members.allSatisfy { Set($0.map(\.department)).count == 4 })
      let date = try #require(json["date"] as? String), hours = try #require(json["hours"] as? Double)
      for (teamsAdded, expected) in [([members[0]], teams[0]["after"]), ([members[1]], teams[1]["after"]), (members, json["after"])] {
        let text = try Self.appended(log, teams: teamsAdded, date: date, hours: hours)
        let path = folder.write("appended.csv", text)
        let analyze = try siloscope(["analyze", path, "--out", "report", "--no-teams"] + analyzeSettings + Self.quick, in: folder)
        #expect(analyze.status == 0, "\(analyze)")
        let report = try jsonObject(try String(contentsOfFile: folder.file("report/report.json"), encoding: .utf8))
        let stated = Self.measures(expected as! [String: Any])
        let departments = Array(stated.keys.filter { !["modularity", "ei_index", "share_inside"].contains($0) })
        #expect(!departments.isEmpty)
        #expect(stated == Self.reportMeasures(report, departments: departments))
        // The verdicts too (the chance expectation behind them comes from the same
        // relabellings, summed again only for the team's ties).
        let groups = ((report["silos"] as! [String: Any])["groups"] as! [[String: Any]])
        for d in (expected as! [String: Any])["departments"] as! [[String: Any]] {
          let name = d["name"] as! String
          #expect(groups.first { $0["name"] as? String == name }?["verdict"] as? String == d["verdict"] as? String, "\(name)")
        }
        let silos = groups.filter { $0["verdict"] as? String == "silo" }.count
        #expect(integer((expected as! [String: Any])["silos"]) == silos)
      }
    }
  }

  @Test("simulate: a given team's measures and top brokers before and after; names as in the log")
  func simulateGivenTeam() throws {
    try withTemporaryFolder { folder in
      let log = try Self.municipality(200, in: folder)
      let ids = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").dropFirst().map { $0.split(separator: ",")[0] }
      let team = Array(Set(ids)).sorted().prefix(3).joined(separator: ",")
      let run = try siloscope(["simulate", log, "--team", team, "--format", "json"] + Self.quick, in: folder)
      #expect(run.status == 0, "\(run)")
      let json = try jsonObject(run.out)
      #expect(json["command"] as? String == "simulate")
      let before = try #require(json["before"] as? [String: Any]), after = try #require(json["after"] as? [String: Any])
      #expect((before["brokers"] as? [[String: Any]])?.count == 5)
      #expect((after["brokers"] as? [[String: Any]])?.count == 5)
      #expect(json["exhaustive"] is NSNull && json["request"] is NSNull)
      let teams = try #require(json["teams"] as? [[String: Any]])
      #expect((teams[0]["members"] as? [[String: Any]])?.map { $0["id"] as? String } == team.split(separator: ",").map(String.init))
      let table = try siloscope(["simulate", log, "--team", team, "--no-brokers"] + Self.quick, in: folder)
      #expect(table.status == 0 && table.out.contains("This is structural"), "\(table)")
    }
  }

  @Test("refusals: unknown person, a person twice, a team larger than the pool, constraints no team meets, an edge list")
  func refusals() throws {
    try withTemporaryFolder { folder in
      let log = try Self.municipality(120, in: folder)
      let cases: [([String], Int32, String)] = [
        (["simulate", log, "--team", "M000001,nobody"], 64, "nobody is not in the log"),
        (["simulate", log, "--team", "M000001,M000002", "--team", "M000002,M000003"], 64, "M000002 is named twice"),
        (["simulate", log, "--team", "M000001"], 64, "fewer than two people"),
        (["teams", log, "--size", "6", "--only", folder.write("few.txt", "person\nM000001\nM000002\n")], 64, "only 2 can be in one"),
        (["teams", log, "--only", folder.write("ghost.txt", "ghost\n")], 64, "ghost is not in the log"),
        (["teams", log, "--size", "5", "--max-per-department", "1", "--departments", "Geen Afdeling"], 64, "there is no department Geen Afdeling"),
        (["teams", log, "--teams", "100", "--size", "30", "--max-per-department", "30"], 64, "meets the constraints without sharing people"),
        (["teams", "--edges", Inputs.lazegaEdges, "--nodes", Inputs.lazegaNodes], 65, "an edge list has no projects"),
        (["teams", log, "--size", "1"], 64, "--size must be from 2 to 30"),
      ]
      for (arguments, status, message) in cases {
        let run = try siloscope(arguments + Self.quick, in: folder)
        #expect(run.status == status, "\(arguments): \(run)")
        #expect(run.out.isEmpty, "\(arguments): \(run)")
        #expect(run.err.contains(message), "\(arguments): \(run)")
      }
    }
  }
}

extension TeamsCommandTests {
  @Test("analyze on a log: the teams section, its finding and report.json's teams (schema, numbers traced); --no-teams leaves them out")
  func reportSection() throws {
    try withTemporaryFolder { folder in
      let log = try Self.municipality(300, in: folder)
      let run = try siloscope(["analyze", log, "--out", "report", "--quiet"] + Self.quick, in: folder)
      #expect(run.status == 0, "\(run)")
      try AnalyzeCommandTests.checkReport(folder.file("report"))
      let report = try jsonObject(try String(contentsOfFile: folder.file("report/report.json"), encoding: .utf8))
      let teams = try #require(report["teams"] as? [String: Any])
      #expect((teams["teams"] as? [Any])?.count == 3)
      #expect((report["findings"] as? [[String: Any]])?.contains { $0["kind"] as? String == "teams" } == true)
      let html = try String(contentsOfFile: folder.file("report/report.html"), encoding: .utf8)
      #expect(html.contains("<section id=\"teams\">"))
      #expect(html.contains("data-path=\"teams.teams[2].after.untied_pairs\""))

      let without = try siloscope(["analyze", log, "--out", "plain", "--quiet", "--no-teams"] + Self.quick, in: folder)
      #expect(without.status == 0, "\(without)")
      let plain = try jsonObject(try String(contentsOfFile: folder.file("plain/report.json"), encoding: .utf8))
      #expect(plain["teams"] is NSNull)
      #expect(!(try String(contentsOfFile: folder.file("plain/report.html"), encoding: .utf8)).contains("id=\"teams\""))
    }
  }
}

extension TeamsCommandTests {
  @Test("teams and simulate with --pseudonymize: no log id in the output; simulate takes the log's ids or the pseudonyms")
  func pseudonyms() throws {
    try withTemporaryFolder { folder in
      let log = try Self.municipality(150, in: folder)
      let key = folder.write("key.txt", "a key of at least sixteen bytes\n")
      let privacy = ["--pseudonymize", "--pseudonym-key-file", key] + Self.quick
      let run = try siloscope(["teams", log, "--format", "json"] + privacy, in: folder)
      #expect(run.status == 0, "\(run)")
      #expect(run.out.firstMatch(of: #/M\d{6}/#) == nil, "a log id in the output")
      let ids = ((try jsonObject(run.out)["teams"] as? [[String: Any]])?[0]["members"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
      #expect(ids.count == 5)
      let byPseudonym = try siloscope(["simulate", log, "--team", ids.joined(separator: ","), "--no-brokers", "--format", "json"] + privacy, in: folder)
      #expect(byPseudonym.status == 0, "\(byPseudonym)")
      #expect(byPseudonym.out.firstMatch(of: #/M\d{6}/#) == nil)
      let byName = try siloscope(["simulate", log, "--team", "M000001,M000002", "--no-brokers", "--format", "json"] + privacy, in: folder)
      #expect(byName.status == 0, "\(byName)")
      #expect(byName.out.firstMatch(of: #/M\d{6}/#) == nil)
    }
  }
}

extension TeamsCommandTests {
  @Test("teams: --departments with a name that has a comma, --exclude with a name not in the log, --only; the constraints hold")
  func constraintsFromTheCommandLine() throws {
    try withTemporaryFolder { folder in
      let log = try Self.municipality(300, in: folder)
      let department = "Vergunningen, Toezicht en Handhaving"
      let first = try siloscope(["teams", log, "--teams", "2", "--size", "4", "--format", "json", "--departments", department] + Self.quick, in: folder)
      #expect(first.status == 0, "\(first)")
      let json = try jsonObject(first.out)
      let teams = try #require(json["teams"] as? [[String: Any]])
      for team in teams { #expect((team["departments"] as? [String])?.contains(department) == true) }
      let chosen = teams.flatMap { ($0["members"] as! [[String: Any]]).map { $0["id"] as! String } }
      let exclude = folder.write("verlof.txt", "medewerker\n" + chosen.joined(separator: "\n") + "\nniet-in-het-logboek\n")
      let second = try siloscope(
        ["teams", log, "--teams", "2", "--size", "4", "--format", "json", "--departments", department, "--exclude", exclude] + Self.quick, in: folder)
      #expect(second.status == 0, "\(second)")
      let again = try jsonObject(second.out)
      let request = try #require(again["request"] as? [String: Any])
      #expect(integer(request["excluded"]) == chosen.count + 1 && integer(request["excluded_not_found"]) == 1)
      let members = (again["teams"] as! [[String: Any]]).flatMap { ($0["members"] as! [[String: Any]]).map { $0["id"] as! String } }
      #expect(Set(members).isDisjoint(with: chosen))
    }
  }
}
