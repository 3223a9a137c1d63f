import SiloGraph

/// The relabellings of an E-I permutation test with each one's sums over the ties, kept so
/// that a network that differs in a few ties can be tested against the same relabellings
/// without summing over all its ties again: what a what-if (a team added to the log) needs.
///
/// Memory: R × (2 + 2k) numbers for R relabellings of k groups (about 3 MB for 1,000
/// relabellings of 190 departments).
public struct EIRelabellings: Sendable {
  /// The test of the network the relabellings were drawn on.
  public let test: EIPermutationTest
  /// The labels the relabellings start from.
  let membership: [Int32]
  let groups: Int
  /// Per relabelling, in the order drawn: the relabelled sums.
  let sums: [RelabelledSums]
}

extension CollaborationGraph {
  /// The permutation test (``eiPermutationTest(of:weighted:permutations:seed:threads:)``, the
  /// same result) with every relabelling's sums kept.
  ///
  /// - Complexity: as the test, plus O(R k) memory.
  public func eiRelabellings(
    of partition: Partition, weighted: Bool = false, permutations: Int = 1000, seed: UInt64 = 1, threads: Int = 1
  ) throws(MetricError) -> EIRelabellings {
    try partition.check(covers: self)
    guard permutations >= 1 else { throw .invalidArgument("the permutation test needs at least one permutation") }
    var tallies = PermutationTallies(observed: try externalInternalIndex(of: partition, weighted: weighted))
    var sums: [RelabelledSums] = []
    sums.reserveCapacity(permutations)
    drawRelabellings(of: partition, weighted: weighted, permutations: permutations, seed: seed, threads: threads) {
      tallies.add($0)
      sums.append($0)
    }
    return EIRelabellings(
      test: tallies.test(permutations: permutations, seed: seed, weighted: weighted), membership: partition.membership,
      groups: partition.groupCount, sums: sums)
  }

  /// The permutation test of this graph against the relabellings drawn on `base`, a graph
  /// over the same people in the same groups that differs from this one only in ties with
  /// an end among `changed` (a what-if project of those people).
  ///
  /// Each relabelling's sums are `base`'s plus the changes of those ties, so the work is
  /// O(R (*n* + c)) for c changed ties instead of O(R (*n* + *m*)): the relabellings are
  /// drawn again (the same shuffles) only to read the labels of the changed ties' ends. The
  /// observed indices are this graph's own. The means and p-values equal those of
  /// ``eiPermutationTest(of:weighted:permutations:seed:threads:)`` on this graph up to
  /// rounding (the changed weights are added after the others rather than in the ties'
  /// order: a difference of about 10⁻¹⁶ relative). To test several such graphs, use
  /// ``eiPermutationTests(of:changes:relabellings:)`` on `base`: it draws the relabellings
  /// again once for all of them.
  ///
  /// - Precondition: `partition` has the labels the relabellings were drawn from, `base`
  ///   has as many people as this graph, and both are undirected.
  /// - Throws: ``MetricError/notAPartition(expected:actual:)``.
  public func eiPermutationTest(
    of partition: Partition, changedFrom base: CollaborationGraph, at changed: [NodeID], relabellings: EIRelabellings
  ) throws(MetricError) -> EIPermutationTest {
    try base.eiPermutationTests(of: partition, changes: [(self, changed)], relabellings: relabellings)[0]
  }

  /// The permutation tests of several graphs against the relabellings drawn on this one, each
  /// graph over the same people in the same groups and differing from this one only in ties
  /// with an end among its `changed` people: for each, the test
  /// ``eiPermutationTest(of:changedFrom:at:relabellings:)`` gives (the same numbers), with
  /// the relabellings drawn again once for all of them instead of once for each.
  ///
  /// - Precondition: `partition` has the labels the relabellings were drawn from, every graph
  ///   has as many people as this one, and all are undirected.
  /// - Throws: ``MetricError/notAPartition(expected:actual:)`` when `partition` does not
  ///   cover one of the graphs.
  /// - Complexity: O(R (*n* + Σ c)) for R relabellings and c changed ties per graph.
  public func eiPermutationTests(
    of partition: Partition, changes: [(graph: CollaborationGraph, changed: [NodeID])], relabellings: EIRelabellings
  ) throws(MetricError) -> [EIPermutationTest] {
    let test = relabellings.test
    var deltas: [[(Int32, Int32, Double)]] = [], tallies: [PermutationTallies] = []
    for (graph, changed) in changes {
      try partition.check(covers: graph)
      precondition(partition.membership == relabellings.membership && nodeCount == graph.nodeCount, "other people or groups")
      precondition(!graph.isDirected && !isDirected, "a what-if change of an undirected (projected) network")
      deltas.append(graph.changedTies(from: self, at: changed, weighted: test.weighted))
      tallies.append(PermutationTallies(observed: try graph.externalInternalIndex(of: partition, weighted: test.weighted)))
    }
    // The same relabellings, drawn again to read the labels of the changed ties' ends.
    var labels = relabellings.membership, rng = SeededGenerator(seed: test.seed)
    for r in 0 ..< (changes.isEmpty ? 0 : test.permutations) {
      Self.shuffle(&labels, &rng)
      for k in changes.indices {
        var sum = relabellings.sums[r]
        for (u, v, delta) in deltas[k] { sum.add(delta, between: Int(labels[Int(u)]), and: Int(labels[Int(v)])) }
        tallies[k].add(sum)
      }
    }
    return tallies.map { $0.test(permutations: test.permutations, seed: test.seed, weighted: test.weighted) }
  }

  /// The ties with an end among `changed` whose weight (or presence, unweighted) differs
  /// from `base`, each once, as (u, v, this graph's minus base's).
  func changedTies(from base: CollaborationGraph, at changed: [NodeID], weighted: Bool) -> [(Int32, Int32, Double)] {
    let changedSet = Set(changed.map(\.rawValue))
    var deltas: [(Int32, Int32, Double)] = []
    for u in changedSet.sorted() {
      var weights: [Int32: Double] = [:]
      for i in base.rowOffsets[Int(u)] ..< base.rowOffsets[Int(u) + 1] {
        weights[base.columns[i].rawValue, default: 0] -= weighted ? base.weights[i] : 1
      }
      for i in rowOffsets[Int(u)] ..< rowOffsets[Int(u) + 1] {
        weights[columns[i].rawValue, default: 0] += weighted ? self.weights[i] : 1
      }
      for (v, delta) in weights.sorted(by: { $0.key < $1.key }) where delta != 0 && (!changedSet.contains(v) || u < v) {
        deltas.append((u, v, delta))
      }
    }
    return deltas
  }
}
