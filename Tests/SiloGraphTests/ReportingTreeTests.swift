import SiloGraph
import Testing

/// Reporting lines read from the `manager` attribute, and the bad trees a people file can hold.
@Suite struct ReportingTreeTests {
  static func table(_ rows: [(String, String?)]) -> NodeTable {
    var table = NodeTable()
    for (id, manager) in rows { table.setAttribute(NodeAttribute.manager, to: manager, for: table.add(id: id)) }
    return table
  }

  /// A (top) manages B, C and G; B manages D and E; C manages F, who manages H; G manages I;
  /// X has no manager and manages nobody.
  static let rows: [(String, String?)] = [
    ("A", nil), ("B", "A"), ("C", "A"), ("D", "B"), ("E", "B"), ("F", "C"), ("G", "A"), ("H", "F"), ("X", nil), ("I", "G"),
  ]

  @Test("depths, spans, tops, people outside the chart and where two people meet")
  func constructed() throws {
    let tree = try ReportingTree(nodes: Self.table(Self.rows), oneTop: true)
    #expect(tree.depths == [0, 1, 1, 2, 2, 2, 1, 3, -1, 2])
    #expect(tree.tops == [NodeID(0)])
    #expect(tree.height == 3)
    #expect(tree.chartSize == 9)
    #expect(!tree.isInChart(NodeID(8)))
    #expect(tree.directReports(of: NodeID(0)) == [NodeID(1), NodeID(2), NodeID(6)])
    #expect((0 ..< 10).map { tree.span(of: NodeID($0)) } == [3, 2, 1, 0, 0, 1, 1, 0, 0, 0])
    #expect(tree.manager(of: NodeID(7)) == NodeID(5))
    // D and H meet at A: D is two steps below it, H three.
    let meeting = try #require(tree.meeting(NodeID(3), NodeID(7)))
    #expect(meeting.common == NodeID(0) && meeting.stepsFromA == 2 && meeting.stepsFromB == 3)
    // H and C: C is H's manager's manager.
    let line = try #require(tree.meeting(NodeID(7), NodeID(2)))
    #expect(line.common == NodeID(2) && line.stepsFromA == 2 && line.stepsFromB == 0)
    #expect(tree.meeting(NodeID(8), NodeID(0)) == nil)
    #expect(tree.ancestor(of: NodeID(7), steps: 2) == NodeID(2))
  }

  @Test("a table without managers has an empty chart")
  func noManagers() throws {
    let tree = try ReportingTree(nodes: NodeTable(ids: ["a", "b"]), oneTop: true)
    #expect(tree.chartSize == 0 && tree.tops.isEmpty && tree.height == nil)
  }

  @Test("one's own manager is a top, as HR systems often record the head")
  func ownManager() throws {
    let tree = try ReportingTree(nodes: Self.table([("A", "A"), ("B", "A"), ("C", "A")]), oneTop: true)
    #expect(tree.tops == [NodeID(0)] && tree.depths == [0, 1, 1] && tree.manager(of: NodeID(0)) == nil)
  }

  @Test("a manager who is not in the table, a cycle, two tops")
  func badTrees() {
    #expect(throws: ReportingTreeError.unknownManager(person: NodeID(1), manager: "Z")) {
      try ReportingTree(nodes: Self.table([("A", nil), ("B", "Z")]))
    }
    // P → Q → R → P, with S below R: the cycle is reported in reporting order from where the
    // climb entered it.
    #expect(throws: ReportingTreeError.cycle([NodeID(0), NodeID(1), NodeID(2)])) {
      try ReportingTree(nodes: Self.table([("P", "Q"), ("Q", "R"), ("R", "P"), ("S", "R")]))
    }
    #expect(throws: ReportingTreeError.cycle([NodeID(1), NodeID(2)])) {
      try ReportingTree(nodes: Self.table([("S", "Q"), ("Q", "R"), ("R", "Q")]))
    }
    let twoTops = Self.table([("A", nil), ("B", "A"), ("C", nil), ("D", "C")])
    #expect(throws: ReportingTreeError.severalTops([NodeID(0), NodeID(2)])) { try ReportingTree(nodes: twoTops, oneTop: true) }
    #expect((try? ReportingTree(nodes: twoTops))?.tops == [NodeID(0), NodeID(2)])
  }
}
