import PropertyBased
import SiloGraph
import SiloMetrics
import Testing
import _SiloTestSupport

/// The permutation test on several threads, and against kept relabellings for a changed graph.
@Suite struct EIRelabellingsTests {
  static let labels = Gen<Int>.int(in: 0 ... 3).array(of: 12 ... 12)

  static func build(_ n: Int, _ edges: [(Int, Int, Double)]) -> CollaborationGraph {
    var builder = GraphBuilder(nodeCount: n)
    for (u, v, w) in edges { builder.addEdge(NodeID(u), NodeID(v), weight: w) }
    return builder.build()
  }

  /// Every number of the tests' outcomes, as bits (NaN equal to NaN).
  static func bits(_ test: EIPermutationTest) -> [UInt64] {
    ([test.overall] + test.perGroup).flatMap { [$0.observed, $0.mean, $0.standardDeviation, $0.pLower, $0.pUpper].map(\.bitPattern) }
  }

  /// Bit-identical for 1, 2 and 3 threads (relabellings drawn in order, summed per thread,
  /// folded in order), and the kept relabellings give the same test.
  @Test func sameForAnyThreads() async {
    await propertyCheck(input: Gen.smallGraph, Self.labels, Gen<Bool>.bool) { small, labels, weighted in
      let graph = small.build()
      let partition = Partition(renumbering: Array(labels.prefix(small.nodeCount)))
      let one = try graph.eiPermutationTest(of: partition, weighted: weighted, permutations: 57, seed: 5, threads: 1)
      for threads in [2, 3] {
        let test = try graph.eiPermutationTest(of: partition, weighted: weighted, permutations: 57, seed: 5, threads: threads)
        #expect(Self.bits(test) == Self.bits(one))
      }
      #expect(Self.bits(try graph.eiRelabellings(of: partition, weighted: weighted, permutations: 57, seed: 5, threads: 2).test) == Self.bits(one))
    }
  }

  /// A graph with ties added among a few people (a what-if project), tested against the
  /// relabellings of the graph before: the same means and p-values as a new test, to
  /// rounding.
  @Test func changedGraphAgainstKeptRelabellings() async {
    await propertyCheck(
      input: Gen.smallGraph, Self.labels, Gen<Int>.int(in: 0 ... 11).array(of: 2 ... 4), Gen<Bool>.bool
    ) { small, labels, members, weighted in
      let n = small.nodeCount
      let team = Array(Set(members.map { $0 % n }))
      guard team.count >= 2 else { return }
      let before = small.build()
      var edges = small.edges
      for i in team { for j in team where i < j { edges.append((i, j, 1.5)) } }
      let after = Self.build(n, edges)
      let partition = Partition(renumbering: Array(labels.prefix(n)))
      let kept = try before.eiRelabellings(of: partition, weighted: weighted, permutations: 73, seed: 9)
      let reused = try after.eiPermutationTest(of: partition, changedFrom: before, at: team.map(NodeID.init), relabellings: kept)
      let fresh = try after.eiPermutationTest(of: partition, weighted: weighted, permutations: 73, seed: 9)
      for (a, b) in zip([reused.overall] + reused.perGroup, [fresh.overall] + fresh.perGroup) {
        #expect(a.observed.isNaN && b.observed.isNaN || a.observed == b.observed)
        #expect(a.mean.isNaN && b.mean.isNaN || isClose(a.mean, b.mean, tolerance: 1e-12), "\(a) \(b)")
        #expect(a.pLower.isNaN && b.pLower.isNaN || a.pLower == b.pLower)
        #expect(a.pUpper.isNaN && b.pUpper.isNaN || a.pUpper == b.pUpper)
      }
    }
  }
}
