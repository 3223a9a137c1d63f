import SiloGraph
import SiloIngest
import Testing
import _SiloTestSupport

/// The department view of a person network (DepartmentNetwork), against the reference tables of
/// Tests/References/reference_values.md, "Department aggregation of the count projection" of each
/// dataset (reference_values.py department_section() over the shared-project counts, equal to
/// networkx 3.6.1 bipartite.weighted_projected_graph(B, persons); key tuple(sorted((dept[u], dept[v])))).
@Suite("Department networks")
struct DepartmentNetworkTests {
  static func departments(_ dataset: String) throws -> DepartmentNetwork {
    let network = try ProjectLogReader.read(path: TestDatasets.path(dataset)).projected().network
    let groups = try #require(network.groups)
    return DepartmentNetwork(aggregating: network, by: groups)
  }

  static func index(_ name: String, in departments: DepartmentNetwork) -> Int {
    departments.names.firstIndex(of: name) ?? -1
  }

  @Test("Davis Southern Women: head counts, ties inside and between the two groups")
  func davis() throws {
    let d = try Self.departments("davis_southern_women/log.csv")
    // Reference: head counts A 9, B 9; A–A 35 ties (weight 125), B–B 36 (86), A–B 68 (111).
    #expect(d.names == ["A", "B"])
    #expect(d.headCounts == [9, 9])
    #expect(d.internalTies == [35, 36])
    #expect(d.internalWeight == [125, 86])
    #expect(d.between.map { [$0.source, $0.target, $0.ties] } == [[0, 1, 68]])
    #expect(d.between.map(\.weight) == [111])
    #expect(d.ties(0, 1) == 68)
    #expect(d.ties(1, 0) == 68)
    #expect(d.weight(1, 0) == 111)
    #expect(d.ties(0, 0) == 35)
    #expect(d.weight(1, 1) == 86)
    #expect(d.graph.nodeCount == 2)
    #expect(d.graph.edgeCount == 1)
    #expect(d.graph.weight(from: NodeID(0), to: NodeID(1)) == 111)
    #expect(d.graph.selfLoops.isEmpty)
  }

  @Test("OpenTelemetry Swift: head counts of 20 employers, ties inside, the largest pairs between")
  func otel() throws {
    let d = try Self.departments("opentelemetry_swift_commits/log.csv")
    // Reference: "Head counts".
    let heads: [String: Int] = [
      "Unaffiliated/unknown": 64, "Amazon": 2, "Datadog": 2, "Embrace": 2, "Grafana Labs": 2, "Splunk": 2, "Apple": 1,
      "Autodesk": 1, "Axon": 1, "BlueOwl": 1, "Dialpad": 1, "Elastic": 1, "Honeycomb": 1, "MacPractice": 1, "New Relic": 1,
      "Shopify": 1, "Sky": 1, "Trendyol": 1, "Udacity": 1, "eBay": 1,
    ]
    #expect(Set(d.names) == Set(heads.keys))
    #expect(d.names == d.names.sorted())
    for (name, count) in heads { #expect(d.headCounts[Self.index(name, in: d)] == count, "\(name)") }

    // Reference: "All same-department pairs with ≥1 tie".
    let inside: [String: (Int, Double)] = ["Unaffiliated/unknown": (555, 733), "Amazon": (1, 1), "Datadog": (1, 5), "Embrace": (1, 1)]
    for (a, name) in d.names.enumerated() {
      #expect(d.internalTies[a] == inside[name]?.0 ?? 0, "\(name)")
      #expect(d.internalWeight[a] == inside[name]?.1 ?? 0, "\(name)")
    }
    // Reference: within 558 ties (weight 740), between 975 (1878), 169 pairs in all of which
    // 4 are same-department.
    #expect(d.internalTies.reduce(0, +) == 558)
    #expect(d.internalWeight.reduce(0, +) == 740)
    #expect(d.between.map(\.ties).reduce(0, +) == 975)
    #expect(d.between.map(\.weight).reduce(0, +) == 1878)
    #expect(d.between.count == 165)
    #expect(d.between.allSatisfy { $0.source < $0.target })
    #expect(d.graph.edgeCount == 165)

    // Reference: "Top 10 of 169 department pairs", the between-department ones.
    let top: [(String, String, Int, Double)] = [
      ("Datadog", "Unaffiliated/unknown", 90, 192), ("Amazon", "Unaffiliated/unknown", 75, 125),
      ("Embrace", "Unaffiliated/unknown", 74, 117), ("Elastic", "Unaffiliated/unknown", 62, 142),
      ("MacPractice", "Unaffiliated/unknown", 55, 116), ("Sky", "Unaffiliated/unknown", 42, 81),
      ("Splunk", "Unaffiliated/unknown", 42, 47), ("Trendyol", "Unaffiliated/unknown", 39, 70),
      ("Grafana Labs", "Unaffiliated/unknown", 38, 54),
    ]
    for (a, b, ties, weight) in top {
      let i = Self.index(a, in: d), j = Self.index(b, in: d)
      #expect(d.ties(i, j) == ties, "\(a)–\(b)")
      #expect(d.ties(j, i) == ties, "\(b)–\(a)")
      #expect(d.weight(i, j) == weight, "\(a)–\(b)")
      #expect(d.graph.weight(from: NodeID(i), to: NodeID(j)) == weight)
    }
    // The pairs ranked above Grafana Labs (38 ties) are the only ones with more than 38.
    #expect(d.between.filter { $0.ties > 38 }.count == 8)
  }

  @Test("Directed person ties give directed department ties; departments without ties keep a head count")
  func directedAggregation() throws {
    var builder = GraphBuilder(nodeCount: 5, directedness: .directed)
    builder.addEdge(NodeID(0), NodeID(2), weight: 2)  // X → Y
    builder.addEdge(NodeID(1), NodeID(2), weight: 1)  // X → Y
    builder.addEdge(NodeID(2), NodeID(0), weight: 4)  // Y → X
    builder.addEdge(NodeID(0), NodeID(1), weight: 3)  // inside X
    let groups = Partition(labels: ["X", "X", "Y", "Z", "Y"])
    let network = Network(graph: builder.build(), nodes: NodeTable(ids: ["a", "b", "c", "d", "e"]), groups: groups)
    let d = DepartmentNetwork(aggregating: network, by: groups)
    #expect(d.names == ["X", "Y", "Z"])
    #expect(d.headCounts == [2, 2, 1])
    #expect(d.internalTies == [1, 0, 0])
    #expect(d.internalWeight == [3, 0, 0])
    #expect(d.ties(0, 1) == 2)
    #expect(d.weight(0, 1) == 3)
    #expect(d.ties(1, 0) == 1)
    #expect(d.weight(1, 0) == 4)
    #expect(d.ties(0, 2) == 0)
    #expect(d.weight(2, 0) == 0)
    #expect(d.graph.isDirected)
    #expect(d.graph.edgeCount == 2)
  }
}
