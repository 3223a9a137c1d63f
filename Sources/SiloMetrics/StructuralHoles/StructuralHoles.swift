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
    var total = [Double](repeating: 0, count: n)
    var maximum = [Double](repeating: 0, count: n)
    for v in 0 ..< n {
      for (_, w) in mutual.neighbors(of: NodeID(v)) {
        total[v] += w
        maximum[v] = max(maximum[v], w)
      }
    }
    var constraint = [Double](repeating: .nan, count: n)
    var effective = [Double](repeating: .nan, count: n)
    var efficiency = [Double](repeating: .nan, count: n)
    var hierarchy = [Double](repeating: .nan, count: n)
    // Scratch indexed by node: p_ij for j ∈ N(i), the indirect sums, the redundancy sums.
    var direct = [Double](repeating: 0, count: n)
    var indirect = [Double](repeating: 0, count: n)
    var redundancy = [Double](repeating: 0, count: n)
    var isNeighbour = [Bool](repeating: false, count: n)
    mutual.rowOffsets.withUnsafeBufferPointer { offsets in
      mutual.columns.withUnsafeBufferPointer { columns in
        mutual.weights.withUnsafeBufferPointer { weights in
          for i in 0 ..< n {
            let start = offsets[i], end = offsets[i + 1]
            let degree = end - start
            guard degree > 0 else { continue }
            for k in start ..< end {
              let j = Int(columns[k].rawValue)
              direct[j] = weights[k] / total[i]
              isNeighbour[j] = true
            }
            // Two-step paths i → q → j with j a neighbour of i.
            for k in start ..< end {
              let q = Int(columns[k].rawValue)
              let piq = direct[q]
              for l in offsets[q] ..< offsets[q + 1] {
                let j = Int(columns[l].rawValue)
                guard isNeighbour[j] else { continue }
                indirect[j] += piq * weights[l] / total[q]
                redundancy[j] += piq * weights[l] / maximum[j]
              }
            }
            var c = 0.0, e = 0.0
            for k in start ..< end {
              let j = Int(columns[k].rawValue)
              let local = (direct[j] + indirect[j]) * (direct[j] + indirect[j])
              c += local
              e += 1 - redundancy[j]
              indirect[j] = local  // kept for the hierarchy below
            }
            constraint[i] = c
            effective[i] = e
            efficiency[i] = e / Double(degree)
            if degree > 1 && c > 0 {
              let size = Double(degree)
              var h = 0.0
              for k in start ..< end {
                let j = Int(columns[k].rawValue)
                let r = indirect[j] / (c / size)
                if r > 0 { h += r * Foundation.log(r) }
              }
              hierarchy[i] = h / (size * Foundation.log(size))
            }
            for k in start ..< end {
              let j = Int(columns[k].rawValue)
              direct[j] = 0
              indirect[j] = 0
              redundancy[j] = 0
              isNeighbour[j] = false
            }
          }
        }
      }
    }
    return StructuralHoles(
      constraint: NodeScores(constraint), effectiveSize: NodeScores(effective), efficiency: NodeScores(efficiency),
      hierarchy: NodeScores(hierarchy), weighted: weighted)
  }
}
