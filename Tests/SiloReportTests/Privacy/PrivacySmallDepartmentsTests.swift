import Foundation
import Testing
import SiloGraph
@testable import SiloReport

/// ``Network/mergingSmallDepartments(minimum:)`` and its report.
///
/// Every expected value is counted by hand from the department sizes given in each network.
@Suite("Small departments")
struct PrivacySmallDepartmentsTests {
  /// A network with the given departments (`nil`: no department) in this order, node by node,
  /// and a path through all nodes so that the graph is not empty. Groups come from
  /// `Network.partition(of:by:)`, as ingest makes them: numbered in sorted name order.
  static func network(_ departments: [String?]) -> Network {
    var table = NodeTable(ids: departments.indices.map { "person \($0)" })
    table.setAttributeColumn(NodeAttribute.department, departments)
    table.setAttributeColumn(NodeAttribute.role, departments.indices.map { "role \($0)" })
    var builder = GraphBuilder(nodeCount: departments.count)
    for v in 1 ..< max(departments.count, 1) { builder.addEdge(NodeID(v - 1), NodeID(v), weight: Double(v)) }
    return Network(graph: builder.build(), nodes: table, groups: Network.partition(of: table, by: NodeAttribute.department))
  }

  /// Finance 6, ICT 9, Legal 2, Travel 1 and one person without a department, interleaved.
  static let departments: [String?] = [
    "Finance", "ICT", "Legal", "ICT", "Finance", "Travel", "ICT", "Finance", nil, "ICT", "Legal", "ICT",
    "Finance", "ICT", "Finance", "ICT", "Finance", "ICT", "ICT",
  ]

  /// The partition's invariants: every node in exactly one group, sizes adding up.
  static func checkCovers(_ network: Network) {
    let groups = network.groups!
    #expect(groups.nodeCount == network.graph.nodeCount)
    #expect(groups.membership.allSatisfy { $0 >= 0 && Int($0) < groups.groupCount })
    #expect(groups.sizes.reduce(0, +) == network.graph.nodeCount)
    #expect(groups.names?.count == groups.groupCount)
  }

  @Test("minimum 5: Legal, Travel and (no department) merged last; merged group of 4 suppressed")
  func mergeFive() {
    let original = Self.network(Self.departments)
    // Input partition: sorted names (Partition(labels:)); sizes counted in `departments`.
    #expect(original.groups!.names == ["(no department)", "Finance", "ICT", "Legal", "Travel"])
    #expect(original.groups!.sizes == [1, 6, 9, 2, 1])

    let (merged, report) = original.mergingSmallDepartments(minimum: 5)
    #expect(merged.groups!.names == ["Finance", "ICT", "Other departments"])  // kept in old order, merged last
    #expect(merged.groups!.sizes == [6, 9, 4])  // 1 + 2 + 1 = 4
    #expect(
      report
        == SmallDepartments(
          minimumSize: 5,
          merged: [.init(name: "(no department)", people: 1), .init(name: "Legal", people: 2), .init(name: "Travel", people: 1)],
          mergedInto: "Other departments", suppressed: true))  // 4 < 5
    #expect(report.mergedPeople == 4)
    Self.checkCovers(merged)
  }

  @Test("people keep their ties, ids and other attributes; department column follows the groups")
  func onlyGroupsChange() {
    let original = Self.network(Self.departments)
    let (merged, report) = original.mergingSmallDepartments(minimum: 5)
    #expect(merged.graph == original.graph)
    #expect(merged.nodes.ids == original.nodes.ids)
    #expect(merged.nodes.attributeColumn(NodeAttribute.role) == original.nodes.attributeColumn(NodeAttribute.role))
    #expect(merged.nodes.attributeNames == original.nodes.attributeNames)
    let column = merged.nodes.attributeColumn(NodeAttribute.department)!
    for v in 0 ..< original.graph.nodeCount {
      let before = Self.departments[v]
      let small = before == nil || before == "Legal" || before == "Travel"
      let expected = small ? "Other departments" : before!
      #expect(merged.groups!.name(of: merged.groups!.group(of: NodeID(v))) == expected, "node \(v)")
      #expect(column[v] == expected, "node \(v)")  // the person without a department too
    }
    // The new column rebuilds the same groups (as a sorted partition).
    #expect(Network.partition(of: merged.nodes, by: NodeAttribute.department)!.sizes.sorted() == [4, 6, 9])
    #expect(report.mergedInto == "Other departments")
  }

  @Test("minimum 4: the merged group has exactly 4 people, so it is not suppressed")
  func boundary() {
    let (merged, report) = Self.network(Self.departments).mergingSmallDepartments(minimum: 4)
    // Small (< 4): (no department) 1, Legal 2, Travel 1 → 4, and 4 < 4 is false.
    #expect(report.merged.map(\.name) == ["(no department)", "Legal", "Travel"])
    #expect(!report.suppressed)
    #expect(merged.groups!.sizes == [6, 9, 4])
  }

  @Test("minimum 7: Finance (6) is merged too, and the merged group (10) is large enough")
  func largerMinimum() {
    let (merged, report) = Self.network(Self.departments).mergingSmallDepartments(minimum: 7)
    // Small (< 7): (no department) 1, Finance 6, Legal 2, Travel 1 → 10 ≥ 7.
    #expect(report.merged.map(\.name) == ["(no department)", "Finance", "Legal", "Travel"])
    #expect(report.merged.map(\.people) == [1, 6, 2, 1])
    #expect(!report.suppressed)
    #expect(merged.groups!.names == ["ICT", "Other departments"])
    #expect(merged.groups!.sizes == [9, 10])
    Self.checkCovers(merged)
  }

  @Test("every department small: one merged group of everyone", arguments: [10, 100])
  func allSmall(_ minimum: Int) {
    let (merged, report) = Self.network(Self.departments).mergingSmallDepartments(minimum: minimum)
    #expect(merged.groups!.names == ["Other departments"])
    #expect(merged.groups!.sizes == [19])  // all 19 people
    #expect(report.merged.count == 5)
    #expect(report.suppressed == (19 < minimum))  // 10: not suppressed; 100: suppressed
    Self.checkCovers(merged)
  }

  @Test("minimum 0, 1 or negative: unchanged, empty report", arguments: [-3, 0, 1])
  func noMinimum(_ minimum: Int) {
    let original = Self.network(Self.departments)
    let (merged, report) = original.mergingSmallDepartments(minimum: minimum)
    #expect(merged == original)
    #expect(report == SmallDepartments(minimumSize: minimum, merged: [], mergedInto: nil, suppressed: false))
  }

  @Test("no department is small: unchanged, nothing merged")
  func noneSmall() {
    // A 2 and B 3: at minimum 2 neither is small.
    let network = Self.network(["A", "A", "B", "B", "B"])
    let (same, report) = network.mergingSmallDepartments(minimum: 2)
    #expect(same == network)
    #expect(report == SmallDepartments(minimumSize: 2))
    #expect(report.mergedInto == nil && report.merged.isEmpty && !report.suppressed)
    // One more makes A small: the same network then changes.
    #expect(network.mergingSmallDepartments(minimum: 3).network != network)
  }

  @Test("no groups: unchanged, empty report")
  func noGroups() {
    let bare = Network(graph: GraphBuilder(nodeCount: 3).build(), nodes: NodeTable(ids: ["a", "b", "c"]))
    let (merged, report) = bare.mergingSmallDepartments(minimum: 5)
    #expect(merged == bare)
    #expect(report == SmallDepartments(minimumSize: 5))
  }

  @Test("a real department named \"Other departments\" keeps its name; the merged group gets \" (merged)\"")
  func nameClash() {
    // "Other departments" 3 (kept at minimum 3), Legal 1, Travel 2 (merged).
    let network = Self.network(["Other departments", "Legal", "Other departments", "Travel", "Other departments", "Travel"])
    let (merged, report) = network.mergingSmallDepartments(minimum: 3)
    #expect(merged.groups!.names == ["Other departments", "Other departments (merged)"])
    #expect(merged.groups!.sizes == [3, 3])
    #expect(report.mergedInto == "Other departments (merged)")
    #expect(report.merged == [.init(name: "Legal", people: 1), .init(name: "Travel", people: 2)])
    #expect(!report.suppressed)  // 1 + 2 = 3, not < 3
  }

  @Test("a small real \"Other departments\" is merged under the new name; a double clash appends again")
  func nameClashMerged() {
    // "Other departments" 1, "Other departments (merged)" 1, Big 3; minimum 2 merges both small.
    let network = Self.network(["Big", "Other departments", "Big", "Other departments (merged)", "Big"])
    let (merged, report) = network.mergingSmallDepartments(minimum: 2)
    #expect(merged.groups!.names == ["Big", "Other departments (merged) (merged)"])
    #expect(report.mergedInto == "Other departments (merged) (merged)")
    #expect(report.merged.map(\.name) == ["Other departments", "Other departments (merged)"])
    #expect(!report.suppressed)  // 2 ≥ 2
    #expect(merged.nodes.attributeColumn(NodeAttribute.department)![1] == "Other departments (merged) (merged)")
  }

  @Test("one small department alone is renamed and suppressed")
  func singleSmall() {
    let (merged, report) = Self.network(["A", "A", "A", "B"]).mergingSmallDepartments(minimum: 3)
    #expect(merged.groups!.names == ["A", "Other departments"])
    #expect(report == SmallDepartments(minimumSize: 3, merged: [.init(name: "B", people: 1)], mergedInto: "Other departments", suppressed: true))
  }

  @Test("unnamed groups and an empty group: names by number, the empty group listed with 0 people")
  func unnamedAndEmpty() {
    let table = NodeTable(ids: ["a", "b", "c", "d", "e"])
    // Groups 0: a, b; 1: none; 2: c, d, e. Partition(membership:groupCount:) allows the empty group.
    let groups = Partition(membership: [0, 0, 2, 2, 2], groupCount: 3)
    let network = Network(graph: GraphBuilder(nodeCount: 5).build(), nodes: table, groups: groups)
    let (merged, report) = network.mergingSmallDepartments(minimum: 3)
    // Small (< 3): group 0 (2 people) and group 1 (0 people); names by number (Partition.name(of:)).
    #expect(merged.groups!.names == ["2", "Other departments"])
    #expect(merged.groups!.membership == [1, 1, 0, 0, 0])
    #expect(report.merged == [.init(name: "0", people: 2), .init(name: "1", people: 0)])
    #expect(report.suppressed)  // 2 < 3
    #expect(merged.nodes == table)  // no department column: the table is untouched
  }

  @Test("groups not in name order: kept ones stay in their old order, the report is sorted by name")
  func unsortedGroups() {
    // Groups numbered Zeta 0 (1 person), Mid 1 (3), Alpha 2 (1), Beta 3 (3), as a
    // membership vector can number them; minimum 2 merges Zeta and Alpha.
    let groups = Partition(membership: [0, 1, 1, 1, 2, 3, 3, 3], groupCount: 4, names: ["Zeta", "Mid", "Alpha", "Beta"])
    let network = Network(graph: GraphBuilder(nodeCount: 8).build(), nodes: NodeTable(ids: (0 ..< 8).map { "p\($0)" }), groups: groups)
    let (merged, report) = network.mergingSmallDepartments(minimum: 2)
    #expect(merged.groups!.names == ["Mid", "Beta", "Other departments"])  // old order, not sorted
    #expect(merged.groups!.membership == [2, 0, 0, 0, 2, 1, 1, 1])
    #expect(report.merged == [.init(name: "Alpha", people: 1), .init(name: "Zeta", people: 1)])  // sorted by name
    #expect(report.mergedInto == "Other departments" && !report.suppressed)  // 1 + 1 = 2, not < 2
  }

  @Test("JSON: snake_case keys, merged_into null when nothing was merged, round trip")
  func json() throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let empty = String(decoding: try encoder.encode(SmallDepartments(minimumSize: 5)), as: UTF8.self)
    #expect(empty == #"{"merged":[],"merged_into":null,"minimum_size":5,"suppressed":false}"#)

    let (_, report) = Self.network(Self.departments).mergingSmallDepartments(minimum: 5)
    let data = try encoder.encode(report)
    #expect(
      String(decoding: data, as: UTF8.self)
        == #"{"merged":[{"name":"(no department)","people":1},{"name":"Legal","people":2},{"name":"Travel","people":1}],"#
        + #""merged_into":"Other departments","minimum_size":5,"suppressed":true}"#)
    #expect(try JSONDecoder().decode(SmallDepartments.self, from: data) == report)
  }

  @Test("pseudonymizing after merging keeps the merged groups")
  func composes() throws {
    let (merged, _) = Self.network(Self.departments).mergingSmallDepartments(minimum: 5)
    let result = try pseudonymizer(testKeyText).apply(to: merged)
    #expect(result.groups == merged.groups)
    #expect(result.nodes.attributeColumn(NodeAttribute.department) == merged.nodes.attributeColumn(NodeAttribute.department))
  }
}
