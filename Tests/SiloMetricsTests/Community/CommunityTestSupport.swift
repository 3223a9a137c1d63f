import SiloGraph
import SiloMetrics

/// Helpers shared by the community-detection tests.
enum CommunityCheck {
  /// The communities of `partition` whose induced subgraph of `graph` (direction ignored) is
  /// not connected; empty when every community is connected. The induced subgraph is built
  /// with `GraphBuilder` and checked with `ConnectedComponents`.
  static func disconnectedCommunities(_ partition: Partition, in graph: CollaborationGraph) -> [Int] {
    var disconnected: [Int] = []
    for (c, members) in partition.members.enumerated() {
      var local = [Int: Int]()
      for (i, v) in members.enumerated() { local[v.index] = i }
      var builder = GraphBuilder(nodeCount: members.count)
      for edge in graph.edges {
        if let a = local[edge.source.index], let b = local[edge.target.index] {
          builder.addEdge(NodeID(a), NodeID(b), weight: edge.weight)
        }
      }
      if ConnectedComponents(of: builder.build()).count != 1 { disconnected.append(c) }
    }
    return disconnected
  }

  /// A planted-partition (stochastic block model) graph: `blocks` blocks of `size` nodes,
  /// a tie inside a block with probability `pIn`, between blocks `pOut`, integer weights
  /// 1…5; reproducible from `seed` (SplitMix64).
  static func plantedPartition(
    blocks: Int, size: Int, pIn: Double, pOut: Double, seed: UInt64
  ) -> (graph: CollaborationGraph, blocks: Partition) {
    var rng = SeededGenerator(seed: seed)
    let n = blocks * size
    var builder = GraphBuilder(nodeCount: n)
    for u in 0 ..< n {
      for v in u + 1 ..< n {
        let p = u / size == v / size ? pIn : pOut
        if rng.nextUnit() < p { builder.addEdge(NodeID(u), NodeID(v), weight: Double(1 + rng.next() % 5)) }
      }
    }
    return (builder.build(), Partition(membership: (0 ..< n).map { Int32($0 / size) }))
  }

  /// Every single-node move of `partition` to a community of one of its neighbours, as the
  /// modularity gained by it (γ, weighting as given; direction ignored).
  static func bestSingleMoveGain(
    _ partition: Partition, in graph: CollaborationGraph, resolution: Double = 1, weighted: Bool
  ) throws -> Double {
    let base = try graph.modularity(of: partition, resolution: resolution, weighted: weighted).value
    var best = -Double.infinity
    var membership = partition.membership
    for v in 0 ..< graph.nodeCount {
      let original = membership[v]
      let targets = Set(graph.neighbors(of: NodeID(v)).nodes.map { membership[$0.index] })
        .union(graph.inNeighbors(of: NodeID(v)).nodes.map { membership[$0.index] })
      for c in targets where c != original {
        membership[v] = c
        let moved = Partition(membership: membership, groupCount: partition.groupCount)
        best = max(best, try graph.modularity(of: moved, resolution: resolution, weighted: weighted).value - base)
      }
      membership[v] = original
    }
    return best
  }
}
