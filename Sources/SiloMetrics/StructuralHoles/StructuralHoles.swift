import Foundation
import SiloGraph

/// Burt's structural-hole measures of every node.
public struct StructuralHoles: Sendable, Hashable, Codable {
  /// Constraint C_i: how much i's ties lead back into each other (high: closed in).
  public var constraint: NodeScores
  /// Effective size: the non-redundant part of i's contacts.
  public var effectiveSize: NodeScores
  /// Effective size over the number of contacts.
  public var efficiency: NodeScores
  /// Hierarchy: how much of the constraint comes from a single contact (0 … 1).
  public var hierarchy: NodeScores
  public var weighted: Bool
}

extension CollaborationGraph {
  /// Returns Burt's constraint, effective size, efficiency and hierarchy of every node.
  ///
  /// With the mutual weight m_ij = a_ij + a_ji (for an undirected tie 2w, which cancels in
  /// every ratio) and the proportional tie p_ij = m_ij / Σ_k m_ik over i's distinct
  /// neighbours N(i) (predecessors and successors):
  ///
  /// ```
  /// ℓ(i,j) = (p_ij + Σ_{q ∈ N(i), q ≠ i,j} p_iq p_qj)²         local constraint
  /// C_i    = Σ_{j ∈ N(i)} ℓ(i,j)                                constraint
  /// e_i    = Σ_{j ∈ N(i)} (1 − Σ_{q ∈ N(i)} p_iq m_jq / max_k m_jk)   effective size
  /// E_i    = e_i / |N(i)|                                       efficiency
  /// H_i    = Σ_j r_j ln r_j / (N ln N),  r_j = ℓ(i,j) / (C_i / N), N = |N(i)|   hierarchy
  /// ```
  ///
  /// Constraint and effective size equal NetworkX `constraint` / `effective_size` and igraph
  /// `constraint` (which agree once self-loops are dropped, as SiloScope's graphs always
  /// are; Tests/References/conventions.md §1–§2). Efficiency divides by the number of distinct neighbours,
  /// not NetworkX's `G.degree` (which counts reciprocal arcs twice). Hierarchy is Burt's
  /// (1992) as UCINET computes it; NetworkX and igraph do not have it.
  ///
  /// Edge cases: an isolate has every measure `.nan`; hierarchy is `.nan` for one contact.
  /// A triangle has constraint 1.125 at every node (NetworkX issue #8087).
  ///
  /// - Parameter weighted: use tie weights (strengths); `false` treats every tie as 1.
  /// - Complexity: O(Σ_i Σ_{q ∈ N(i)} d_q) = O(Σ_v d_v²).
  ///
  /// > R. S. Burt. *Structural Holes: The Social Structure of Competition.* Harvard University
  /// > Press, 1992. R. S. Burt. "Structural holes and good ideas." *American Journal of
  /// > Sociology* 110(2), 349–399 (2004). doi:10.1086/421787
  public func structuralHoles(weighted: Bool = true) -> StructuralHoles {
    // The mutual graph: one undirected tie per pair of neighbours, weighing a_ij + a_ji.
    let mutual: CollaborationGraph
    if isDirected || !weighted {
      var builder = GraphBuilder(nodeCount: nodeCount)
      for edge in edges { builder.addEdge(edge.source, edge.target, weight: weighted ? edge.weight : 1) }
      mutual = builder.build()
    } else {
      mutual = self
    }
    let n = nodeCount
    var constraint = [Double](repeating: .nan, count: n)
    var effective = [Double](repeating: .nan, count: n)
    var efficiency = [Double](repeating: .nan, count: n)
    var hierarchy = [Double](repeating: .nan, count: n)
    let scratch = HoleScratch(mutual)
    for i in 0 ..< n {
      guard let hole = scratch.measure(i) else { continue }
      constraint[i] = hole.constraint
      effective[i] = hole.effectiveSize
      efficiency[i] = hole.effectiveSize / Double(hole.degree)
      hierarchy[i] = hole.hierarchy
    }
    return StructuralHoles(
      constraint: NodeScores(constraint), effectiveSize: NodeScores(effective), efficiency: NodeScores(efficiency),
      hierarchy: NodeScores(hierarchy), weighted: weighted)
  }
}

/// The mutual graph's adjacency and the scratch arrays of Burt's measures (p_ij for j ∈ N(i),
/// the indirect sums, the redundancy sums, who is a neighbour), behind pointers so that the
/// per-node loop reads plain memory; the scratch is cleared after each node.
private final class HoleScratch {
  let count: Int
  let offsets: UnsafeMutablePointer<Int>
  let columns: UnsafeMutablePointer<Int32>
  let weights: UnsafeMutablePointer<Double>
  /// Each node's total tie weight and its heaviest tie.
  let total: UnsafeMutablePointer<Double>
  let maximum: UnsafeMutablePointer<Double>
  let direct: UnsafeMutablePointer<Double>
  let indirect: UnsafeMutablePointer<Double>
  let redundancy: UnsafeMutablePointer<Double>
  let isNeighbour: UnsafeMutablePointer<Bool>

  init(_ graph: CollaborationGraph) {
    let n = graph.nodeCount, m = graph.columns.count
    count = n
    offsets = .allocate(capacity: n + 1)
    offsets.initialize(from: graph.rowOffsets, count: n + 1)
    columns = .allocate(capacity: max(1, m))
    for (k, c) in graph.columns.enumerated() { columns[k] = c.rawValue }
    weights = .allocate(capacity: max(1, m))
    weights.initialize(from: graph.weights, count: m)
    total = .allocate(capacity: max(1, n))
    maximum = .allocate(capacity: max(1, n))
    for v in 0 ..< n {
      var sum = 0.0, most = 0.0
      for k in graph.rowOffsets[v] ..< graph.rowOffsets[v + 1] {
        sum += graph.weights[k]
        most = max(most, graph.weights[k])
      }
      total[v] = sum
      maximum[v] = most
    }
    direct = .allocate(capacity: max(1, n))
    direct.initialize(repeating: 0, count: max(1, n))
    indirect = .allocate(capacity: max(1, n))
    indirect.initialize(repeating: 0, count: max(1, n))
    redundancy = .allocate(capacity: max(1, n))
    redundancy.initialize(repeating: 0, count: max(1, n))
    isNeighbour = .allocate(capacity: max(1, n))
    isNeighbour.initialize(repeating: false, count: max(1, n))
  }

  deinit {
    offsets.deallocate()
    columns.deallocate()
    isNeighbour.deallocate()
    for pointer in [weights, total, maximum, direct, indirect, redundancy] { pointer.deallocate() }
  }

  /// Node i's constraint, effective size and hierarchy; `nil` for a node without ties.
  func measure(_ i: Int) -> (constraint: Double, effectiveSize: Double, hierarchy: Double, degree: Int)? {
    let start = offsets[i], end = offsets[i + 1]
    let degree = end - start
    guard degree > 0 else { return nil }
    for k in start ..< end {
      let j = Int(columns[k])
      direct[j] = weights[k] / total[i]
      isNeighbour[j] = true
    }
    addTwoStepPaths(from: start, to: end)
    var c = 0.0, e = 0.0
    for k in start ..< end {
      let j = Int(columns[k])
      let local = (direct[j] + indirect[j]) * (direct[j] + indirect[j])
      c += local
      e += 1 - redundancy[j]
      indirect[j] = local  // kept for the hierarchy below
    }
    let h = hierarchy(from: start, to: end, constraint: c)
    clear(from: start, to: end)
    return (c, e, h, degree)
  }

  /// Two-step paths i → q → j with j a neighbour of i (neighbours i's adjacency
  /// `start ..< end`): the indirect investment and the redundancy of each neighbour.
  private func addTwoStepPaths(from start: Int, to end: Int) {
    for k in start ..< end {
      let q = Int(columns[k])
      let piq = direct[q]
      for l in offsets[q] ..< offsets[q + 1] {
        let j = Int(columns[l])
        guard isNeighbour[j] else { continue }
        indirect[j] += piq * weights[l] / total[q]
        redundancy[j] += piq * weights[l] / maximum[j]
      }
    }
  }

  /// Burt's hierarchy from the neighbours' local constraints (in `indirect`); NaN for one
  /// neighbour or no constraint.
  private func hierarchy(from start: Int, to end: Int, constraint c: Double) -> Double {
    let degree = end - start
    guard degree > 1 && c > 0 else { return .nan }
    let size = Double(degree)
    var h = 0.0
    for k in start ..< end {
      let r = indirect[Int(columns[k])] / (c / size)
      if r > 0 { h += r * Foundation.log(r) }
    }
    return h / (size * Foundation.log(size))
  }

  private func clear(from start: Int, to end: Int) {
    for k in start ..< end {
      let j = Int(columns[k])
      direct[j] = 0
      indirect[j] = 0
      redundancy[j] = 0
      isNeighbour[j] = false
    }
  }
}
