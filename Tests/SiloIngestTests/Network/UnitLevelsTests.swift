import SiloGraph
import SiloIngest
import Testing

/// The organization's levels: unique unit names, unit paths, the automatic level, grouping
/// a log and a network.
@Suite struct UnitLevelsTests {
  @Test("a team name used in two departments is named with its department; a unique one alone")
  func uniqueNames() {
    let levels = UnitLevels(
      columns: [["D1", "D1", "D2", "D2"], ["Burgerzaken", "Burgerzaken", "Financiën", "Financiën"], ["Team A", "Team B", "Team A", "Noord"]],
      names: ["directorate", "department", "team"])
    #expect(levels.units[2] == ["Burgerzaken / Team A", "Team B", "Financiën / Team A", "Noord"])
    #expect(levels.attributeName(2) == "level 3: team")
  }

  @Test("unit paths split at the separator, named levels or numbered ones; a missing part is no unit")
  func paths() {
    let paths: [String?] = ["Sociaal Domein/Jeugd/Team Noord", "Sociaal Domein / Wmo/Team Noord", "Fysiek", nil]
    let named = UnitLevels(paths: paths, separator: "/", names: ["directie", "afdeling", "team"])
    #expect(named.names == ["directie", "afdeling", "team"])
    #expect(named.units[0] == ["Sociaal Domein", "Sociaal Domein", "Fysiek", nil])
    #expect(named.units[1] == ["Jeugd", "Wmo", nil, nil])
    #expect(named.units[2] == ["Jeugd/Team Noord", "Wmo/Team Noord", nil, nil])
    #expect(UnitLevels(paths: paths, separator: "/", names: []).names == ["level 1", "level 2", "level 3"])
  }

  @Test("the automatic level: the deepest with at most 5% of the people in units below the minimum")
  func automatic() {
    // 20 people: 2 directorates of 10; 4 departments of 5; in each, a team of 3 and one of 2.
    let directorate = (0 ..< 20).map { Optional("D\($0 / 10)") }
    let department = (0 ..< 20).map { Optional("A\($0 / 5)") }
    let team = (0 ..< 20).map { Optional("T\($0 / 5)-\($0 % 5 < 3 ? 0 : 1)") }
    let levels = UnitLevels(columns: [directorate, department, team], names: ["directorate", "department", "team"])
    #expect(levels.automaticLevel(minimumSize: 5) == 1)
    #expect(levels.automaticLevel(minimumSize: 3) == 1)  // teams of 2 hold 40%
    #expect(levels.automaticLevel(minimumSize: 2) == 2)
    #expect(levels.automaticLevel(minimumSize: 11) == 0)  // none qualifies: the top
    #expect(levels.level(named: "Team") == 2 && levels.level(named: "1") == 0 && levels.level(named: "4") == nil)
  }

  static func log() -> ProjectLog {
    ProjectLog(entries: (0 ..< 12).map { ProjectLog.Entry(person: "p\($0)", department: "A\($0 / 6)", project: "P\($0 / 2)") })
  }

  @Test("a network grouped by a level, by another column, and the errors that name what exists")
  func network() throws {
    var table = NodeTable(ids: (0 ..< 6).map { "p\($0)" })
    table.setAttributeColumn(NodeAttribute.department, ["A", "A", "A", "B", "B", "B"])
    table.setAttributeColumn("directorate", ["X", "X", "X", "Y", "Y", "Y"])
    table.setAttributeColumn("location", ["Noord", "Zuid", "Noord", "Zuid", "Noord", "Zuid"])
    let network = Network(graph: CollaborationGraph(isolatedNodes: 6), nodes: table, groups: Network.partition(of: table, by: NodeAttribute.department))
    var options = GroupingOptions()
    options.levels = ["Directorate", "department"]
    options.level = "1"
    let (byLevel, summary) = try network.grouped(options, file: "nodes.csv")
    #expect(byLevel.groups?.groupCount == 2 && byLevel.nodes.attribute(NodeAttribute.department, of: NodeID(5)) == "Y")
    #expect(byLevel.nodes.attribute("level 2: department", of: NodeID(3)) == "B")
    #expect(summary?.level == "Directorate" && summary?.automatic == false && summary?.levels.map(\.units) == [2, 2])
    var byLocation = GroupingOptions()
    byLocation.groupBy = "location"
    let grouped = try network.grouped(byLocation, file: "nodes.csv")
    #expect(grouped.network.groups.map { ($0.groupCount, $0.names ?? []) }! == (2, ["Noord", "Zuid"]))
    #expect(grouped.summary?.groupBy == "location")
    var missing = GroupingOptions()
    missing.groupBy = "grade"
    #expect(throws: IngestError.unknownColumn(name: "grade", file: "nodes.csv", columns: ["department", "directorate", "location"], inLog: false)) {
      try network.grouped(missing, file: "nodes.csv")
    }
    options.level = "region"
    #expect(throws: IngestError.unknownLevel(name: "region", levels: ["Directorate", "department"])) {
      try network.grouped(options, file: "nodes.csv")
    }
  }

  @Test("a log's unit paths: the department column split, the analysed level as the department")
  func logPaths() throws {
    var entries: [ProjectLog.Entry] = []
    for i in 0 ..< 12 { entries.append(.init(person: "p\(i)", department: i < 6 ? "Sociaal/Jeugd" : "Sociaal/Wmo", project: "P\(i / 3)")) }
    var options = GroupingOptions()
    options.separator = "/"
    options.levels = ["directie", "afdeling"]
    options.level = "directie"
    let (log, summary) = try ProjectLog(entries: entries).grouped(options, file: "uren.csv")
    #expect(log.departments == ["Sociaal"])
    #expect(log.personAttributes["level 2: afdeling"]?.first == "Jeugd")
    #expect(summary?.levels.map(\.name) == ["directie", "afdeling"])
  }
}
