import SiloGraph
import Testing

@Suite("Partition")
struct PartitionTests {
  @Test("Partition(labels:) numbers groups in sorted label order, whatever the input order")
  func labelsAreNumberedSorted() {
    let partition = Partition(labels: ["ICT", "Financiën", "ICT", "Burgerzaken", "Financiën"])
    #expect(partition.groupCount == 3)
    #expect(partition.names == ["Burgerzaken", "Financiën", "ICT"])
    #expect(partition.membership == [2, 1, 2, 0, 1])
    #expect(partition.nodeCount == 5)
    #expect(partition.group(of: NodeID(0)) == 2)
    #expect(partition.name(of: 1) == "Financiën")
    #expect(partition.sizes == [1, 2, 2])
    #expect(partition.members == [[NodeID(3)], [NodeID(1), NodeID(4)], [NodeID(0), NodeID(2)]])

    let reordered = Partition(labels: ["Burgerzaken", "ICT", "Financiën"])
    #expect(reordered.names == partition.names)
  }

  @Test("Partition(renumbering:) numbers keys densely by first appearance and leaves groups unnamed")
  func renumbering() {
    let partition = Partition(renumbering: [7, 7, 3, 9, 3])
    #expect(partition.membership == [0, 0, 1, 2, 1])
    #expect(partition.groupCount == 3)
    #expect(partition.names == nil)
    #expect(partition.name(of: 2) == "2")
    #expect(partition.sizes == [2, 2, 1])
    #expect(partition.members == [[NodeID(0), NodeID(1)], [NodeID(2), NodeID(4)], [NodeID(3)]])
  }

  @Test("Partition(membership:) keeps empty groups when a group count is given")
  func membershipWithEmptyGroups() {
    let partition = Partition(membership: [0, 2, 2], groupCount: 4)
    #expect(partition.groupCount == 4)
    #expect(partition.sizes == [1, 0, 2, 0])
    #expect(partition.members == [[NodeID(0)], [], [NodeID(1), NodeID(2)], []])
    #expect(Partition(membership: [1, 0, 1]).groupCount == 2)
    #expect(Partition(membership: []).groupCount == 0)
  }

  @Test("No labels: no groups")
  func emptyLabels() {
    let partition = Partition(labels: [])
    #expect(partition.groupCount == 0)
    #expect(partition.nodeCount == 0)
    #expect(partition.sizes.isEmpty)
  }
}

@Suite("NodeTable")
struct NodeTableTests {
  @Test("add gives dense ids in order and returns the existing id for a repeated name")
  func addAssignsDenseIDs() {
    var table = NodeTable()
    let ana = table.add(id: "Ana de Vries")
    let unal = table.add(id: "Ünal")
    let again = table.add(id: "Ana de Vries")
    #expect(ana == NodeID(0))
    #expect(unal == NodeID(1))
    #expect(again == ana)
    #expect(table.count == 2)
    #expect(table.ids == ["Ana de Vries", "Ünal"])
    #expect(table[unal] == "Ünal")
    #expect(table.node(withID: "Ünal") == unal)
    #expect(table.node(withID: "Unal") == nil)
  }

  @Test("Attributes: set per node, nil where unset, names in order of first use, columns grow with new nodes")
  func attributes() {
    var table = NodeTable(ids: ["a", "b"])
    table.setAttribute(NodeAttribute.department, to: "Financiën", for: NodeID(1))
    table.setAttribute(NodeAttribute.role, to: "adviseur", for: NodeID(0))
    let c = table.add(id: "c")
    #expect(table.attributeNames == ["department", "role"])
    #expect(table.attribute("department", of: NodeID(1)) == "Financiën")
    #expect(table.attribute("department", of: NodeID(0)) == nil)
    #expect(table.attribute("department", of: c) == nil)
    #expect(table.attributeColumn("role") == ["adviseur", nil, nil])
    #expect(table.attributeColumn("manager") == nil)
    #expect(table.attribute("manager", of: c) == nil)

    table.setAttribute("department", to: nil, for: NodeID(1))
    #expect(table.attribute("department", of: NodeID(1)) == nil)
    #expect(table.attributeNames == ["department", "role"])
  }

  @Test("setAttributeColumn sets a whole column and registers a new name once")
  func attributeColumns() {
    var table = NodeTable(ids: ["a", "b", "c"])
    table.setAttributeColumn("office", ["Boston", nil, "Hartford"])
    table.setAttributeColumn("office", ["Providence", "Boston", nil])
    #expect(table.attributeNames == ["office"])
    #expect(table.attributeColumn("office") == ["Providence", "Boston", nil])
    #expect(table.node(withID: "c") == NodeID(2))
  }

  @Test("Network.partition(of:by:) puts nodes without a value in the no-department group")
  func partitionFromAttribute() {
    var table = NodeTable(ids: ["a", "b", "c", "d"])
    table.setAttributeColumn("department", ["ICT", nil, "", "Financiën"])
    let partition = Network.partition(of: table, by: "department")
    #expect(partition?.names == [Network.noGroupName, "Financiën", "ICT"])
    #expect(partition?.membership == [2, 0, 0, 1])
    #expect(Network.partition(of: table, by: "role") == nil)
    var blank = NodeTable(ids: ["a"])
    blank.setAttributeColumn("department", [""])
    #expect(Network.partition(of: blank, by: "department") == nil)
  }

  @Test("Network.partition(numbers:names:) is partition(of:by:) of the names the numbers stand for")
  func partitionFromNumbers() {
    let pool = ["Zorg", "ICT", "(no department)", "(no department given)", "", "Financiën", "ICT", "Wijk"]
    var generator = SeededGenerator(seed: 11)
    for round in 0 ..< 400 {
      let names = (0 ..< Int.random(in: 0 ... 5, using: &generator)).map { _ in pool.randomElement(using: &generator)! }
      let numbers = (0 ..< Int.random(in: 1 ... 9, using: &generator)).map { _ in
        Int32.random(in: -1 ..< Int32(names.count), using: &generator)
      }
      var table = NodeTable(ids: numbers.indices.map { "n\($0)" })
      table.setAttributeColumn("department", numbers.map { $0 < 0 ? nil : names[Int($0)] })
      let expected = Network.partition(of: table, by: "department")
      #expect(Network.partition(numbers: numbers, names: names) == expected, "round \(round): \(names) \(numbers)")
    }
  }
}

@Suite("NodeScores")
struct NodeScoresTests {
  @Test("ranked: descending, ties in ascending node order, NaN last")
  func rankedOrder() {
    let scores = NodeScores([0.5, 2, .nan, 2, 1, .nan, -1])
    #expect(scores.ranked() == [1, 3, 4, 0, 6, 2, 5].map { NodeID($0) })
    #expect(scores[NodeID(1)] == 2)
    #expect(scores.count == 7)
  }

  @Test("ranked: all equal keeps node order; all NaN keeps node order; empty is empty")
  func rankedDegenerate() {
    #expect(NodeScores([1, 1, 1]).ranked() == [0, 1, 2].map { NodeID($0) })
    #expect(NodeScores([.nan, .nan, .nan]).ranked() == [0, 1, 2].map { NodeID($0) })
    #expect(NodeScores([]).ranked().isEmpty)
    #expect(NodeScores([.nan, 0, -.infinity, .infinity]).ranked() == [3, 1, 2, 0].map { NodeID($0) })
  }
}
