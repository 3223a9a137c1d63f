import PropertyBased
import SiloGraph
import SiloMetrics
import Testing
import _SiloTestSupport

/// Properties of the silo measures on random small graphs (`Gen.smallGraph`: 1–12 nodes,
/// 0–40 ties with weights in [0.5, 10], self-loops and parallel ties included) with a random
/// partition (a group label in 0…3 per node, renumbered densely).
@Suite struct SiloPropertyTests {
  static let tolerance = 1e-12

  static let labels = Gen<Int>.int(in: 0 ... 3).array(of: 12 ... 12)

  static func partition(_ labels: [Int], nodes: Int) -> Partition {
    Partition(renumbering: Array(labels.prefix(nodes)))
  }

  /// A seeded permutation of 0..<n (Fisher–Yates with SplitMix64).
  static func permutation(_ n: Int, seed: UInt64) -> [Int] {
    var rng = SeededGenerator(seed: seed)
    var p = Array(0 ..< n)
    for i in stride(from: n - 1, to: 0, by: -1) { p.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
    return p
  }

  /// A graph of `nodeCount` nodes from ties given in order (as `SmallGraph.build`).
  static func build(_ nodeCount: Int, _ edges: [(Int, Int, Double)], _ directedness: Directedness) -> CollaborationGraph {
    var builder = GraphBuilder(nodeCount: nodeCount, directedness: directedness)
    for (u, v, w) in edges { builder.addEdge(NodeID(u), NodeID(v), weight: w) }
    return builder.build()
  }

  /// The same graph with node v renamed π(v) (ties added in the same order).
  static func relabelled(_ small: SmallGraph, _ pi: [Int], _ directedness: Directedness) -> CollaborationGraph {
    build(small.nodeCount, small.edges.map { (pi[$0.0], pi[$0.1], $0.2) }, directedness)
  }

  static func inUnitRange(_ x: Double) -> Bool { x.isNaN || (-1 ... 1).contains(x) }

  @Test func eiIndexBetweenMinusOneAndOne() async {
    await propertyCheck(input: Gen.smallGraph, Self.labels) { small, labels in
      let partition = Self.partition(labels, nodes: small.nodeCount)
      for directedness in Directedness.allCases {
        let graph = small.build(directedness)
        for weighted in [false, true] {
          for convention in EIGroupConvention.allCases {
            let ei = try graph.externalInternalIndex(of: partition, weighted: weighted, convention: convention)
            #expect(Self.inUnitRange(ei.overall))
            #expect(ei.overall.isNaN == (graph.edgeCount == 0))
            #expect(ei.perGroup.allSatisfy { Self.inUnitRange($0.index) })
            #expect(ei.perNode.allSatisfy(Self.inUnitRange))
            // NaN exactly for the people without ties (in or out).
            for v in graph.nodes {
              let tied = graph.degree(of: NodeID(v)) + graph.inDegree(of: NodeID(v)) > 0
              #expect(ei.perNode[v].isNaN == !tied)
            }
          }
        }
      }
    }
  }

  /// Q ∈ [−1/2, 1] at γ = 1. Undirected: Newman's bound. Directed (Leicht–Newman):
  /// Q = Σ_c d_c − Σ_c r_c s_c with d_c the share of arcs inside c, r_c, s_c the out- and
  /// in-shares; r_c + s_c ≤ 1 + d_c, so with t_c = (r_c + s_c)/2 (Σ t_c = 1),
  /// Σ r_c s_c ≤ Σ t_c² ≤ max t_c ≤ (1 + max d)/2 and Q ≥ max d/2 − 1/2 ≥ −1/2.
  @Test func modularityInRange() async {
    await propertyCheck(input: Gen.smallGraph, Self.labels) { small, labels in
      let partition = Self.partition(labels, nodes: small.nodeCount)
      for directedness in Directedness.allCases {
        let graph = small.build(directedness)
        for weighted in [false, true] {
          let q = try graph.modularity(of: partition, weighted: weighted)
          if graph.edgeCount == 0 {
            #expect(q.value.isNaN)
          } else {
            #expect(q.value >= -0.5 - Self.tolerance && q.value <= 1 + Self.tolerance, "\(q.value)")
            #expect(isClose(q.perGroup.reduce(0, +), q.value, tolerance: Self.tolerance))
          }
        }
      }
    }
  }

  /// Renaming the people (a permutation of node ids, applied to the ties and the partition
  /// alike) changes no group-level or organization-level number, and moves the person-level
  /// ones with the people.
  @Test func invariantUnderRelabellingNodes() async {
    await propertyCheck(input: Gen.smallGraph, Self.labels, Gen.uint64()) { small, labels, seed in
      let n = small.nodeCount
      let pi = Self.permutation(n, seed: seed)
      let membership = Array(labels.prefix(n))
      var moved = [Int](repeating: 0, count: n)
      for v in 0 ..< n { moved[pi[v]] = membership[v] }
      // Group numbers by sorted label, so that both partitions number groups alike.
      let p = Partition(labels: membership.map(String.init))
      let q = Partition(labels: moved.map(String.init))
      for directedness in Directedness.allCases {
        let g = small.build(directedness), h = Self.relabelled(small, pi, directedness)
        for weighted in [false, true] {
          let a = try g.modularity(of: p, weighted: weighted), b = try h.modularity(of: q, weighted: weighted)
          #expect(isClose(a.value, b.value, tolerance: Self.tolerance))
          for (x, y) in zip(a.perGroup, b.perGroup) { #expect(isClose(x, y, tolerance: Self.tolerance)) }
          let e = try g.externalInternalIndex(of: p, weighted: weighted)
          let f = try h.externalInternalIndex(of: q, weighted: weighted)
          #expect(isClose(e.overall, f.overall, tolerance: Self.tolerance))
          for (x, y) in zip(e.perGroup, f.perGroup) { #expect(isClose(x.index, y.index, tolerance: Self.tolerance)) }
          for v in 0 ..< n { #expect(isClose(e.perNode[v], f.perNode[pi[v]], tolerance: Self.tolerance)) }
          let r = try g.nominalAssortativity(of: p, weighted: weighted)
          let s = try h.nominalAssortativity(of: q, weighted: weighted)
          #expect(isClose(r.r, s.r, tolerance: Self.tolerance))
          #expect(isClose(try g.freemanSegregation(of: p), try h.freemanSegregation(of: q), tolerance: Self.tolerance))
        }
      }
    }
  }

  /// Renaming the groups (a permutation of group numbers) changes no organization-level
  /// number and permutes the group-level ones.
  @Test func invariantUnderRenamingGroups() async {
    await propertyCheck(input: Gen.smallGraph, Self.labels, Gen.uint64()) { small, labels, seed in
      let p = Self.partition(labels, nodes: small.nodeCount)
      let sigma = Self.permutation(p.groupCount, seed: seed)
      let q = Partition(membership: p.membership.map { Int32(sigma[Int($0)]) }, groupCount: p.groupCount)
      for directedness in Directedness.allCases {
        let graph = small.build(directedness)
        for weighted in [false, true] {
          let a = try graph.modularity(of: p, weighted: weighted), b = try graph.modularity(of: q, weighted: weighted)
          #expect(isClose(a.value, b.value, tolerance: Self.tolerance))
          for g in 0 ..< p.groupCount { #expect(isClose(a.perGroup[g], b.perGroup[sigma[g]], tolerance: Self.tolerance)) }
          let e = try graph.externalInternalIndex(of: p, weighted: weighted)
          let f = try graph.externalInternalIndex(of: q, weighted: weighted)
          #expect(isClose(e.overall, f.overall, tolerance: 0))
          #expect(zip(e.perNode, f.perNode).allSatisfy { isClose($0, $1, tolerance: 0) })
          for g in 0 ..< p.groupCount { #expect(isClose(e.perGroup[g].index, f.perGroup[sigma[g]].index, tolerance: 0)) }
          #expect(isClose(
            try graph.nominalAssortativity(of: p, weighted: weighted).r,
            try graph.nominalAssortativity(of: q, weighted: weighted).r, tolerance: Self.tolerance))
        }
      }
    }
  }

  /// Scaling every weight by c > 0 changes no weighted measure (they are ratios of weight
  /// sums).
  @Test func invariantUnderScalingWeights() async {
    await propertyCheck(input: Gen.smallGraph, Self.labels, Gen.double(in: 0.01 ... 1000)) { small, labels, c in
      let p = Self.partition(labels, nodes: small.nodeCount)
      let scaled = small.edges.map { ($0.0, $0.1, $0.2 * c) }
      for directedness in Directedness.allCases {
        let g = small.build(directedness), h = Self.build(small.nodeCount, scaled, directedness)
        for resolution in [0.5, 1, 2] {
          #expect(isClose(
            try g.modularity(of: p, resolution: resolution).value,
            try h.modularity(of: p, resolution: resolution).value, tolerance: Self.tolerance))
        }
        let e = try g.externalInternalIndex(of: p, weighted: true)
        let f = try h.externalInternalIndex(of: p, weighted: true)
        #expect(isClose(e.overall, f.overall, tolerance: Self.tolerance))
        for (x, y) in zip(e.perGroup, f.perGroup) { #expect(isClose(x.index, y.index, tolerance: Self.tolerance)) }
        for (x, y) in zip(e.perNode, f.perNode) { #expect(isClose(x, y, tolerance: Self.tolerance)) }
        #expect(isClose(
          try g.nominalAssortativity(of: p, weighted: true).r,
          try h.nominalAssortativity(of: p, weighted: true).r, tolerance: Self.tolerance))
        for (x, y) in zip(try g.colemanHomophily(of: p, weighted: true), try h.colemanHomophily(of: p, weighted: true)) {
          #expect(isClose(x.index, y.index, tolerance: Self.tolerance))
        }
      }
    }
  }

  /// Per endpoint, a group's counts are the sums of its members' person-level counts; the
  /// assortativity's Q is the modularity at γ = 1.
  @Test func conventionsAgree() async {
    await propertyCheck(input: Gen.smallGraph, Self.labels) { small, labels in
      let p = Self.partition(labels, nodes: small.nodeCount)
      for directedness in Directedness.allCases {
        let graph = small.build(directedness)
        for weighted in [false, true] {
          let tie = try graph.externalInternalIndex(of: p, weighted: weighted, convention: .perTie)
          let end = try graph.externalInternalIndex(of: p, weighted: weighted, convention: .perEndpoint)
          for g in 0 ..< p.groupCount {
            #expect(end.perGroup[g].external == tie.perGroup[g].external)
            #expect(end.perGroup[g].internal == 2 * tie.perGroup[g].internal)
          }
          #expect(isClose(tie.external + tie.internal, weighted ? graph.totalWeight : Double(graph.edgeCount), tolerance: 1e-9))
          let a = try graph.nominalAssortativity(of: p, weighted: weighted)
          let q = try graph.modularity(of: p, weighted: weighted)
          #expect(isClose(a.q, q.value, tolerance: Self.tolerance))
        }
      }
    }
  }

  /// Louvain and Leiden never return less modularity than leaving everybody alone, and
  /// Leiden's communities are connected; CPM's quality is at least that of singletons (0).
  @Test func communitySearchBeatsSingletons() async {
    await propertyCheck(input: Gen.smallGraph, Gen.uint64()) { small, seed in
      for directedness in Directedness.allCases {
        let graph = small.build(directedness)
        // The searches read a directed graph as undirected with both arcs adding up.
        let undirected = graph.isDirected ? ReferenceNetworks.undirectedSum(graph) : graph
        let singletons = Partition(membership: (0 ..< Int32(graph.nodeCount)).map { $0 })
        for weighted in [false, true] {
          let floor = try undirected.modularity(of: singletons, weighted: weighted).value
          let louvain = try Louvain(weighted: weighted).communities(in: graph, seed: seed)
          let leiden = try Leiden(weighted: weighted).communities(in: graph, seed: seed)
          for found in [louvain, leiden] {
            if floor.isNaN {
              #expect(found.modularity.isNaN)
            } else {
              #expect(found.modularity >= floor - Self.tolerance, "\(found.method) \(found.modularity) < \(floor)")
            }
            #expect(found.levels.last == found.partition)
          }
          #expect(CommunityCheck.disconnectedCommunities(leiden.partition, in: graph).isEmpty)
          let cpm = try Leiden(resolution: 0.5, objective: .cpm, weighted: weighted).communities(in: graph, seed: seed)
          #expect(cpm.quality >= -Self.tolerance)
          #expect(CommunityCheck.disconnectedCommunities(cpm.partition, in: graph).isEmpty)
        }
      }
    }
  }
}
