import SiloGraph
import SiloMetrics
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
}
