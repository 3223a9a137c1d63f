import SiloGraph
import SiloMetrics
import Testing
import _SiloTestSupport

/// The reference graphs are built as Tests/References/silos_reference.md §0 builds them: if these
/// fail, every expected value taken from silos_reference.md is about another graph.
@Suite struct ReferenceNetworkTests {
  struct Shape: Sendable, CustomTestStringConvertible {
    var key: Ref
    var nodes: Int
    var ties: Int
    var weight: Double
    var groups: [String: Int]
    var testDescription: String { key.rawValue }
  }

  /// N, M (ties/arcs), W (sum of weights) and group sizes: Tests/References/silos_reference.md §0
  /// table (Tests/References/silos_reference.py; networkx 3.6.1 gives the same M and W).
  static let shapes: [Shape] = [
    Shape(key: .karate_u, nodes: 34, ties: 78, weight: 78, groups: ["Mr. Hi": 17, "Officer": 17]),
    Shape(key: .karate_w, nodes: 34, ties: 78, weight: 231, groups: ["Mr. Hi": 17, "Officer": 17]),
    Shape(key: .krack_adv_d, nodes: 21, ties: 190, weight: 190, groups: ["0": 1, "1": 5, "2": 8, "3": 3, "4": 4]),
    Shape(key: .krack_adv_u, nodes: 21, ties: 145, weight: 145, groups: ["0": 1, "1": 5, "2": 8, "3": 3, "4": 4]),
    Shape(key: .krack_adv_uw, nodes: 21, ties: 145, weight: 190, groups: ["0": 1, "1": 5, "2": 8, "3": 3, "4": 4]),
    Shape(key: .krack_fri_d, nodes: 21, ties: 102, weight: 102, groups: ["0": 1, "1": 5, "2": 8, "3": 3, "4": 4]),
    Shape(key: .lazega_cow_d, nodes: 71, ties: 1104, weight: 1104, groups: ["corporate": 30, "litigation": 41]),
    Shape(key: .lazega_cow_u, nodes: 71, ties: 726, weight: 726, groups: ["corporate": 30, "litigation": 41]),
    Shape(key: .lazega_cow_uw, nodes: 71, ties: 726, weight: 1104, groups: ["corporate": 30, "litigation": 41]),
    Shape(key: .lazega_adv_d, nodes: 71, ties: 892, weight: 892, groups: ["corporate": 30, "litigation": 41]),
  ]

  @Test(arguments: shapes)
  func shapeMatchesSectionZero(_ shape: Shape) throws {
    let (network, graph, groups) = try shape.key.load()
    #expect(graph.nodeCount == shape.nodes)
    #expect(graph.edgeCount == shape.ties)
    #expect(graph.totalWeight == shape.weight)
    #expect(graph.isDirected == shape.key.isDirected)
    #expect(graph.selfLoops.isEmpty)
    // Groups numbered in sorted name order, as silos_reference.md's group order.
    let names = try #require(groups.names)
    #expect(names == shape.groups.keys.sorted())
    #expect(Dictionary(uniqueKeysWithValues: zip(names, groups.sizes)) == shape.groups)
    // Node order = numeric id order (karate from 0, the others from 1).
    let first = shape.key.rawValue.hasPrefix("karate") ? 0 : 1
    #expect(network.nodes.ids == (first ..< first + shape.nodes).map(String.init))
  }

  /// Reading a relation as undirected sums both arcs of a pair, the same graph as
  /// `undirectedSum` of the directed reading (Tests/References/silos_reference.md §0 `*_uw`).
  @Test func undirectedReadingIsTheSumOfArcs() throws {
    let read = try ReferenceNetworks.load("krackhardt_hightech", relation: "advice", directed: false)
    let built = try Ref.krack_adv_uw.network()
    #expect(read.graph == built.graph)
    let lazega = try ReferenceNetworks.load("lazega_lawfirm", relation: "cowork", directed: false)
    #expect(lazega.graph == (try Ref.lazega_cow_uw.network()).graph)
  }

  /// The karate split of Tests/References/silos_reference.md §0 and §8 is the `group` column of
  /// nodes.csv.
  @Test func karateClubSplitIsTheGroupColumn() throws {
    let (_, _, groups) = try Ref.karate_u.load()
    #expect(groups.membership == ReferenceNetworks.karateClub)
  }
}
