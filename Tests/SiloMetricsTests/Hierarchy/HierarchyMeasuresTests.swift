import SiloGraph
import SiloMetrics
import Testing
import _SiloTestSupport

/// The hierarchy measures on a constructed chart whose values are counted by hand below.
@Suite struct HierarchyMeasuresTests {
  /// The chart of `ReportingTreeTests.rows` (A manages B, C, G; B manages D, E; C manages F;
  /// F manages H; G manages I; X outside) with these ties:
  /// A–B 2 (reporting line), D–E 1 (colleagues under B), D–A 3 (skips B), E–F 1 (distance 4,
  /// joins B's and C's units), H–C 1 (skips F), G–X 5 (X outside the chart), D–H 2 (distance 5).
  static func network() throws -> (Network, ReportingTree) {
    var table = NodeTable()
    let rows: [(String, String?)] = [
      ("A", nil), ("B", "A"), ("C", "A"), ("D", "B"), ("E", "B"), ("F", "C"), ("G", "A"), ("H", "F"), ("X", nil), ("I", "G"),
    ]
    for (id, manager) in rows { table.setAttribute(NodeAttribute.manager, to: manager, for: table.add(id: id)) }
    var builder = GraphBuilder(nodeCount: 10)
    for (u, v, w) in [(0, 1, 2.0), (3, 4, 1), (3, 0, 3), (4, 5, 1), (7, 2, 1), (6, 8, 5), (3, 7, 2)] {
      builder.addEdge(NodeID(u), NodeID(v), weight: w)
    }
    return (Network(graph: builder.build(), nodes: table, groups: nil), try ReportingTree(nodes: table, oneTop: true))
  }

  @Test("organization totals: spans, levels, shares along lines and within teams, tree distance")
  func organization() throws {
    let (network, tree) = try Self.network()
    let o = network.hierarchyMeasures(tree: tree).organization
    #expect(o.people == 10 && o.peopleInChart == 9 && o.tops == 1 && o.managers == 5 && o.levels == 4)
    // Spans 3 (A), 2 (B), 1 (C, F, G).
    #expect(o.meanSpan == 1.6 && o.medianSpan == 1 && o.largestSpan == 3)
    // Six ties in the chart (G–X is not), weighing 10.
    #expect(o.tiesInChart == 6 && o.weightInChart == 10)
    #expect(o.weightByTreeDistance == [2, 5, 0, 1, 2])
    #expect(isClose(o.shareAlongReportingLines!, 0.2))
    #expect(isClose(o.shareWithinTeams!, 0.3))  // A–B and D–E
    #expect(isClose(o.shareSkippingLevels!, 0.4))  // D–A and H–C
    #expect(isClose(o.meanTreeDistance!, 2.6))  // (1·2 + 2·5 + 4·1 + 5·2) / 10
    #expect(o.skipLevelTies == 2 && o.acrossChartsWeight == 0)
    // Under A, the units of B, C and G: B–C joined (E–F, D–H), B–G and C–G not.
    #expect(o.siblingUnitPairs == 3 && o.untiedSiblingUnitPairs == 2)
  }

  @Test("per manager: span, depth, people below, share within the team, reports worked with")
  func managers() throws {
    let (network, tree) = try Self.network()
    let m = network.hierarchyMeasures(tree: tree).managers
    #expect(m.map(\.node) == [0, 1, 2, 5, 6].map { NodeID($0) })
    #expect(m.map(\.span) == [3, 2, 1, 1, 1])
    #expect(m.map(\.depth) == [0, 1, 1, 2, 1])
    #expect(m.map(\.peopleBelow) == [8, 2, 2, 1, 1])
    // A's team {A, B, C, G}: A–B inside (2); D–A, H–C, G–X across (9).
    #expect(isClose(m[0].shareWithinTeam!, 2.0 / 11))
    // B's team {B, D, E}: D–E inside (1); A–B, D–A, E–F, D–H across (8).
    #expect(isClose(m[1].shareWithinTeam!, 1.0 / 9))
    #expect(m[2].shareWithinTeam == 0 && m[3].shareWithinTeam == 0 && m[4].shareWithinTeam == 0)
    #expect(m.map(\.reportsWorkedWith) == [1, 0, 0, 0, 0])
    #expect(m[0].siblingUnitPairs == 3 && m[0].untiedSiblingUnitPairs == 2)
  }

  @Test("the lists: skip-level ties heaviest first, untied sibling units largest first")
  func lists() throws {
    let (network, tree) = try Self.network()
    let h = network.hierarchyMeasures(tree: tree)
    #expect(h.skipLevelTies.map { [$0.lower.index, $0.upper.index, $0.steps] } == [[3, 0, 2], [7, 2, 2]])
    #expect(h.skipLevelTies.map(\.weight) == [3, 1])
    #expect(h.untiedSiblingUnits.map { [$0.above.index, $0.a.index, $0.b.index, $0.sizeA, $0.sizeB] } == [[0, 1, 6, 3, 2], [0, 2, 6, 3, 2]])
    // Unweighted, every tie counts 1: along the lines 1 of 6.
    #expect(isClose(network.hierarchyMeasures(tree: tree, weighted: false).organization.shareAlongReportingLines!, 1.0 / 6))
  }
}

/// Krackhardt's high-tech managers: the `reports_to` tree against the `advice` arcs. The
/// values are those of Tests/References/hierarchy_reference.md (hierarchy_reference.py,
/// networkx's lowest common ancestor from the definitions), which also checks the tree against
/// Krackhardt's published levels and departments.
@Suite struct KrackhardtHierarchyTests {
  static func network() throws -> (Network, ReportingTree) {
    var network = try ReferenceNetworks.load("krackhardt_hightech", relation: "advice", directed: true)
    let reports = try ReferenceNetworks.load("krackhardt_hightech", relation: "reports_to", directed: true)
    var table = network.nodes
    for edge in reports.graph.edges {
      let person = try #require(table.node(withID: reports.nodes[edge.source]))
      table.setAttribute(NodeAttribute.manager, to: reports.nodes[edge.target], for: person)
    }
    network.nodes = table
    return (network, try ReportingTree(nodes: table, oneTop: true))
  }

  @Test("levels as published (CEO, vice presidents, managers) and each vice president's department below them")
  func publishedStructure() throws {
    let (network, tree) = try Self.network()
    for v in 0 ..< network.graph.nodeCount {
      let level = try #require(network.nodes.attribute("level", of: NodeID(v)).flatMap { Int($0) })
      #expect(tree.depth(of: NodeID(v))! + 1 == level)
      if level == 3, let departments = network.groups {
        #expect(departments.group(of: NodeID(v)) == departments.group(of: tree.manager(of: NodeID(v))!))
      }
    }
    #expect(tree.tops.map { network.nodes[$0] } == ["7"])
  }

  @Test("the organization's shares, tree distances and spans equal hierarchy_reference.md")
  func organization() throws {
    let (network, tree) = try Self.network()
    let o = network.hierarchyMeasures(tree: tree, weighted: false).organization
    #expect(o.peopleInChart == 21 && o.levels == 3 && o.managers == 5 && o.tiesInChart == 190)
    #expect(o.weightByTreeDistance == [29, 48, 44, 69])
    #expect(isClose(o.shareAlongReportingLines!, 29.0 / 190))
    #expect(isClose(o.shareWithinTeams!, 32.0 / 95))
    #expect(isClose(o.shareSkippingLevels!, 13.0 / 190))
    #expect(isClose(o.meanTreeDistance!, 533.0 / 190))
    #expect(o.siblingUnitPairs == 6 && o.untiedSiblingUnitPairs == 0)
  }

  @Test("per manager: depth, span, people below, share within the team, reports worked with")
  func managers() throws {
    let (network, tree) = try Self.network()
    let managers = network.hierarchyMeasures(tree: tree, weighted: false).managers.sorted {
      Int(network.nodes[$0.node])! < Int(network.nodes[$1.node])!
    }
    #expect(managers.map { network.nodes[$0.node] } == ["2", "7", "14", "18", "21"])
    #expect(managers.map(\.depth) == [1, 0, 1, 1, 1])
    #expect(managers.map(\.span) == [3, 4, 7, 2, 4])
    #expect(managers.map(\.peopleBelow) == [3, 20, 7, 2, 4])
    let within: [Double] = [1.0 / 8, 3.0 / 16, 5.0 / 23, 4.0 / 65, 3.0 / 23]
    for (m, expected) in zip(managers, within) { #expect(isClose(m.shareWithinTeam!, expected)) }
    #expect(managers.map(\.reportsWorkedWith) == [3, 4, 7, 2, 4])
    #expect(managers.map(\.siblingUnitPairs) == [0, 6, 0, 0, 0])
  }
}
