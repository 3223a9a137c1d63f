import SiloGraph
import SiloMetrics
import Testing
import _SiloTestSupport

/// What the organization loses when a broker leaves, on constructed organizations whose
/// answers can be read off the drawing.
@Suite("Broker dependence")
struct BrokerDependenceTests {
  typealias F = BrokersFixtures

  static func network(_ n: Int, _ ties: [(Int, Int)], departments: [Int32]) -> Network {
    Network(
      graph: F.graph(n, ties), nodes: NodeTable(ids: (0 ..< n).map { "p\($0)" }),
      groups: Partition(membership: departments))
  }

  /// Department 0 = {0, 1, 2, 3}, department 1 = {4, 5}; person 3 of department 0 holds the
  /// only ties between them (3–4, 3–5).
  static var bridgedByOne: Network {
    network(6, [(0, 1), (1, 2), (0, 2), (2, 3), (0, 3), (4, 5), (3, 4), (3, 5)], departments: [0, 0, 0, 0, 1, 1])
  }

  @Test("Two departments joined only through one person: that person's departure")
  func singleBridge() throws {
    let dependence = try Self.bridgedByOne.brokerDependence(brokers: [NodeID(3)])
    let loss = try #require(dependence.brokers.first)
    #expect(loss.node == NodeID(3))
    // Both cross ties are 3's: the pair loses all its direct ties (department 0 keeps 3 people).
    #expect(loss.pairsLosingAllTies == [[0, 1]])
    // {0, 1, 2} and {4, 5} fall apart.
    #expect(loss.pairsDisconnected == [[0, 1]])
    // Of the 5 others, the largest remaining piece is {0, 1, 2}: 2 people are cut off.
    #expect(loss.peopleCutOff == 2)
    // 3 × 2 connected cross-department pairs before, none after.
    #expect(loss.crossDepartmentReachLost == 1)
    // The pair: 2 ties, carried by 3, 4 and 5; every shortest path between the departments
    // runs through (or starts or ends at) person 3.
    #expect(dependence.pairs.count == 1)
    let pair = try #require(dependence.pairs.first)
    #expect((pair.a, pair.b, pair.ties, pair.carriers) == (0, 1, 2, 3))
    #expect(pair.shareThroughBrokers == 1)
    #expect(dependence.sampledSources == 6)
  }

  @Test("Someone who is not a bridge loses the organization nothing")
  func notABridge() throws {
    let dependence = try Self.bridgedByOne.brokerDependence(brokers: [NodeID(3), NodeID(1)])
    #expect(dependence.brokers.map(\.node) == [NodeID(3), NodeID(1)])
    let loss = dependence.brokers[1]
    #expect(loss.pairsLosingAllTies.isEmpty)
    #expect(loss.pairsDisconnected.isEmpty)
    #expect(loss.peopleCutOff == 0)
    #expect(loss.crossDepartmentReachLost == 0)
    // Adding person 1 to the brokers does not change the share: still every path.
    #expect(dependence.pairs.first?.shareThroughBrokers == 1)
  }

  @Test("A one-person department that bridges two others: no pairsLosingAllTies, but the pair disconnects")
  func onePersonDepartment() throws {
    // Department 0 = {0, 1, 2}, department 1 = {4, 5, 6}, department 2 = {3} alone, tied 2–3–4.
    let network = Self.network(7, [(0, 1), (1, 2), (4, 5), (5, 6), (2, 3), (3, 4)], departments: [0, 0, 0, 2, 1, 1, 1])
    let dependence = try network.brokerDependence(brokers: [NodeID(3)])
    let loss = try #require(dependence.brokers.first)
    // Pairs (0, 2) and (1, 2) lose every direct tie with 3, but department 2 goes with them:
    // not counted.
    #expect(loss.pairsLosingAllTies.isEmpty)
    #expect(loss.pairsDisconnected == [[0, 1]])
    #expect(loss.peopleCutOff == 3)
    #expect(loss.crossDepartmentReachLost == 1)
    // Pairs with direct ties only: (0, 2) and (1, 2), one tie and two carriers each.
    #expect(dependence.pairs.map { [$0.a, $0.b, $0.ties, $0.carriers] } == [[0, 2, 1, 2], [1, 2, 1, 2]])
    #expect(dependence.pairs.allSatisfy { $0.shareThroughBrokers == 1 })
  }

  @Test("The same one-person bridge inside a larger department does count")
  func samePersonInALargerDepartment() throws {
    // As above, but person 3 belongs to department 0: now (0, 1) loses its only tie, 3–4.
    let network = Self.network(7, [(0, 1), (1, 2), (4, 5), (5, 6), (2, 3), (3, 4)], departments: [0, 0, 0, 0, 1, 1, 1])
    let loss = try #require(try network.brokerDependence(brokers: [NodeID(3)]).brokers.first)
    #expect(loss.pairsLosingAllTies == [[0, 1]])
    #expect(loss.pairsDisconnected == [[0, 1]])
  }

  @Test("Share through brokers: 1 when every shortest path runs through a broker, 0 when none does, ¼ in between")
  func shares() throws {
    // Departments: 0 = {0, 1}, 1 = {2, 3}: 0–1–2–3, broker 1.
    //              2 = {4, 5}, 3 = {6, 7}: 4–5–6–7, apart from every broker.
    //              4 = {8, 12}, 5 = {9, 10}, 6 = {11}: the square 8–9–11–10–8 and the tie 12–11,
    //              broker 9.
    let ties = [(0, 1), (1, 2), (2, 3), (4, 5), (5, 6), (6, 7), (8, 9), (8, 10), (9, 11), (10, 11), (12, 11)]
    let network = Self.network(13, ties, departments: [0, 0, 1, 1, 2, 2, 3, 3, 4, 5, 5, 6, 4])
    let dependence = try network.brokerDependence(brokers: [NodeID(1), NodeID(9)])
    let share = Dictionary(uniqueKeysWithValues: dependence.pairs.map { ([$0.a, $0.b], $0.shareThroughBrokers) })
    #expect(Set(share.keys) == [[0, 1], [2, 3], [4, 5], [4, 6], [5, 6]])
    // (0, 1): 0 → 2, 0 → 3 and back pass 1; paths from or to 1 count as through it.
    #expect(share[[0, 1]] == 1)
    // (2, 3): no broker anywhere near.
    #expect(share[[2, 3]] == 0)
    // (4, 6): 8 → 11 has two shortest paths, one through 9 (½ each way); 12 → 11 is direct (0
    // each way): (½ + ½ + 0 + 0)/4.
    #expect(share[[4, 6]] == 0.25)
    // (4, 5): 8 → 9 and 9 → 8 end at the broker (1), 8 → 10 and 10 → 8 are direct (0); 12 → 9
    // and 9 → 12 end at the broker (1), 12 → 10 via 11 avoids it (0, both ways): 4/8.
    #expect(share[[4, 5]] == 0.5)
  }

  @Test("Sources are sampled above maxSources, reproducibly")
  func sampledSources() throws {
    let graph = F.randomGraph(nodes: 60, ties: 90, seed: 5)
    let departments = (0 ..< 60).map { Int32($0 % 4) }
    let network = Network(graph: graph, nodes: NodeTable(ids: (0 ..< 60).map { "p\($0)" }), groups: Partition(membership: departments))
    let top = Array(graph.betweenness().scores.ranked().prefix(3))
    let a = try network.brokerDependence(brokers: top, maxSources: 20, seed: 8)
    let b = try network.brokerDependence(brokers: top, maxSources: 20, seed: 8)
    #expect(a == b)
    #expect(a.sampledSources == 20 && a.seed == 8)
    #expect(a.pairs.allSatisfy { (0 ... 1).contains($0.shareThroughBrokers) })
    let all = try network.brokerDependence(brokers: top)
    #expect(all.sampledSources == 60)
    // The losses do not depend on sampling.
    #expect(all.brokers == a.brokers)
  }

  @Test("The same result, bit for bit, for 1, 2 and 3 threads, over several blocks of sources")
  func threads() throws {
    // Truth: each source's shares are summed on their own and added in source order, so the
    // threads cannot change a bit; 700 people make three blocks of 256 sources.
    let graph = F.randomGraph(nodes: 700, ties: 2_100, seed: 11)
    let departments = (0 ..< 700).map { Int32($0 % 9) }
    let network = Network(graph: graph, nodes: NodeTable(ids: (0 ..< 700).map { "p\($0)" }), groups: Partition(membership: departments))
    let top = Array(graph.betweenness().scores.ranked().prefix(5))
    let one = try network.brokerDependence(brokers: top, threads: 1)
    #expect(one.sampledSources == 700)
    #expect(one.pairs.contains { $0.shareThroughBrokers > 0 })
    for threads in [2, 3] {
      let other = try network.brokerDependence(brokers: top, threads: threads)
      #expect(other.pairs.map(\.shareThroughBrokers.bitPattern) == one.pairs.map(\.shareThroughBrokers.bitPattern))
      #expect(other == one)
    }
  }

  @Test("A network without departments is rejected")
  func noDepartments() {
    let network = Network(graph: F.kite, nodes: NodeTable(ids: (0 ..< 10).map(String.init)))
    #expect(throws: MetricError.self) { try network.brokerDependence(brokers: [NodeID(7)]) }
  }
}
