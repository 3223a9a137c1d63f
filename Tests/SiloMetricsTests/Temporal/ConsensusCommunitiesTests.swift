import SiloGraph
@testable import SiloMetrics
import Testing

/// The consensus of seeded Leiden runs: on clear structure every run agrees at once, the
/// result does not depend on the seed or the threads, and communities are numbered by size.
@Suite("Consensus communities")
struct ConsensusCommunitiesTests {
  /// Cliques of the given sizes, in node order, each joined to the next by one tie (a ring).
  static func cliques(_ sizes: [Int]) -> (graph: CollaborationGraph, membership: [Int32]) {
    let n = sizes.reduce(0, +)
    var builder = GraphBuilder(nodeCount: n)
    var membership: [Int32] = []
    var starts: [Int] = []
    var start = 0
    for (c, size) in sizes.enumerated() {
      starts.append(start)
      for u in start ..< start + size {
        membership.append(Int32(c))
        for v in u + 1 ..< start + size { builder.addEdge(NodeID(u), NodeID(v), weight: 1) }
      }
      start += size
    }
    for c in sizes.indices where sizes.count > 1 {
      builder.addEdge(NodeID(starts[c]), NodeID(starts[(c + 1) % sizes.count] + 1), weight: 1)
    }
    return (builder.build(), membership)
  }

  @Test("clear cliques joined by single ties: every run agrees in the first round and the communities are the cliques")
  func cliquesAgree() throws {
    // Truth: five 6-cliques in a ring of single ties have one best partition, the cliques.
    let (graph, membership) = Self.cliques([6, 6, 6, 6, 6])
    let result = try ConsensusCommunities().communities(in: graph)
    #expect(result.converged)
    #expect(result.rounds == 1)
    #expect(result.partition.membership == membership)
    #expect(result.partition.groupCount == 5)
    // Truth: 75 inside ties of 80, each clique's degree sum 32 of 160: Q = 75/80 − 5 · (32/160)² = 0.7375.
    #expect(abs(result.modularity - 0.7375) < 1e-12)
  }

  @Test("the same communities for threads 1 and 2 and for two seeds")
  func seedAndThreadsDoNotMatter() throws {
    // Truth: with clear structure the consensus does not depend on the seed's luck, and runs share out over threads without sharing state.
    let (graph, _) = Self.cliques([7, 5, 6, 4, 8, 5])
    let consensus = ConsensusCommunities()
    let reference = try consensus.communities(in: graph, seed: 1, threads: 1)
    #expect(try consensus.communities(in: graph, seed: 1, threads: 2) == reference)
    #expect(try consensus.communities(in: graph, seed: 987_654_321, threads: 1) == reference)
    #expect(try consensus.communities(in: graph, seed: 987_654_321, threads: 2) == reference)
  }

  @Test("canonical numbering: the largest community is 0, then by size, equal sizes by their lowest node")
  func canonicalNumbering() throws {
    // Truth: cliques of 4, 7, 5 and 7 people in node order are numbered 3, 0, 2, 1.
    let (graph, membership) = Self.cliques([4, 7, 5, 7])
    let result = try ConsensusCommunities().communities(in: graph)
    let expected: [Int32] = membership.map { [3, 0, 2, 1][Int($0)] }
    #expect(result.partition.membership == expected)
    #expect(result.partition.sizes == [7, 7, 5, 4])
  }

  @Test("the modularity reported is the partition's modularity on the collaboration graph")
  func modularityMatches() throws {
    // Truth: Newman–Girvan modularity recomputed from the graph and the returned partition.
    let (graph, _) = Self.cliques([5, 6, 7])
    let result = try ConsensusCommunities().communities(in: graph)
    #expect(abs(result.modularity - (try graph.modularity(of: result.partition, resolution: 1, weighted: true).value)) < 1e-12)
  }

  @Test("invalid settings are refused: no runs, no rounds, a threshold outside (0, 1]")
  func invalidSettings() {
    // Truth: the consensus needs at least one run and one round and τ in (0, 1].
    let (graph, _) = Self.cliques([4, 4])
    #expect(throws: MetricError.self) { try ConsensusCommunities(runs: 0).communities(in: graph) }
    #expect(throws: MetricError.self) { try ConsensusCommunities(maximumRounds: 0).communities(in: graph) }
    #expect(throws: MetricError.self) { try ConsensusCommunities(threshold: 0).communities(in: graph) }
    #expect(throws: MetricError.self) { try ConsensusCommunities(threshold: 1.5).communities(in: graph) }
  }

  @Test("agreement is decided per component: relabelled runs agree, one moved node unsettles only its component")
  func agreementPerComponent() {
    // Truth: nodes 0–5 form component 0, nodes 6–9 component 1. Runs 0 and 1 split both
    // components the same way under other labels; run 2 moves node 4 to another community
    // of component 0, so component 0 disagrees and component 1 still agrees.
    let components = Partition(membership: [0, 0, 0, 0, 0, 0, 1, 1, 1, 1])
    let first = Partition(membership: [0, 0, 0, 1, 1, 1, 2, 2, 3, 3])
    let relabelled = Partition(membership: [3, 3, 3, 0, 0, 0, 1, 1, 2, 2])
    let moved = Partition(membership: [0, 0, 0, 1, 0, 1, 2, 2, 3, 3])
    #expect(ConsensusCommunities.agreement(of: [first, relabelled], components: components) == Array(repeating: true, count: 10))
    #expect(
      ConsensusCommunities.agreement(of: [first, relabelled, moved], components: components)
        == Array(repeating: false, count: 6) + Array(repeating: true, count: 4))
  }

  @Test("a component the runs agree on is settled in the first round while the rounds go on over the rest")
  func settledPartsStay() throws {
    // Truth: three clear 6-cliques (a component every run splits the same way at once) beside
    // a ring of 24 triangles joined by single ties, where modularity prefers merging
    // neighbouring triangles in pairs and either pairing around the ring is as good, so the
    // runs disagree there and more rounds follow over the ring alone. The clear cliques stay
    // three communities of their own, apart from the ring's, and everyone is placed.
    let (clear, clearMembership) = Self.cliques([6, 6, 6])
    var builder = GraphBuilder(nodeCount: 18 + 72)
    for edge in clear.edges { builder.addEdge(edge.source, edge.target, weight: edge.weight) }
    let (ring, _) = Self.cliques(Array(repeating: 3, count: 24))
    for edge in ring.edges { builder.addEdge(NodeID(edge.source.index + 18), NodeID(edge.target.index + 18), weight: edge.weight) }
    let graph = builder.build()
    let result = try ConsensusCommunities().communities(in: graph, seed: 5)
    let clearPart = Array(result.partition.membership[0 ..< 18])
    // The three clear cliques are three communities of their own.
    #expect(Set(clearPart).count == 3)
    for c in 0 ..< 3 { #expect(Set(clearPart.indices.filter { clearMembership[$0] == Int32(c) }.map { clearPart[$0] }).count == 1) }
    #expect(Set(clearPart).isDisjoint(with: Set(result.partition.membership[18...])))
    #expect(result.rounds > 1)
    #expect(result.partition.membership.allSatisfy { $0 >= 0 })
    #expect(abs(result.modularity - (try graph.modularity(of: result.partition, resolution: 1, weighted: true).value)) < 1e-12)
  }
}
