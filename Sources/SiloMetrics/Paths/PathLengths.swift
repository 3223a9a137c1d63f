import SiloGraph

/// How a tie's weight becomes a path length. Collaboration weights are *strengths* (more
/// hours, closer); shortest paths need *distances*.
public enum EdgeDistance: String, Sendable, Hashable, Codable, CaseIterable {
  /// Every tie has length 1; weights are ignored.
  case hops
  /// Length 1/w: a strong tie is a short tie (Opsahl, Agneessens & Skvoretz 2010, α = 1;
  /// tnet `betweenness_w`). The sensible choice for collaboration weights.
  case inverseWeight = "inverse-weight"
  /// Length w: only for weights that already are distances (NetworkX's and igraph's reading
  /// of a `weight` attribute).
  case weight

  /// The length of a tie of weight `w`, or `nil` for hops.
  func length(ofWeight w: Double) -> Double? {
    switch self {
    case .hops: return nil
    case .inverseWeight: return 1 / w
    case .weight: return w
    }
  }
}

/// When two weighted path lengths count as equal (a tie between shortest paths).
public enum PathTieRule: String, Sendable, Hashable, Codable, CaseIterable {
  /// Exactly equal floating-point sums, as NetworkX compares them.
  case exact
  /// Equal within a relative 1e-10, as igraph compares them (`igraph_cmp_epsilon` with
  /// `IGRAPH_SHORTEST_PATH_EPSILON`).
  case tolerant

  /// Whether two path lengths count as equal under this rule.
  @inline(__always)
  func equal(_ a: Double, _ b: Double) -> Bool {
    self == .tolerant ? Self.tolerantlyEqual(a, b) : a == b
  }

  /// Equality within a relative 1e-10, as igraph's `igraph_cmp_epsilon`.
  @inline(__always)
  static func tolerantlyEqual(_ a: Double, _ b: Double) -> Bool {
    if a == b { return true }
    let difference = abs(a - b)
    if a == 0 || b == 0 || difference < Double.leastNormalMagnitude {
      return difference < 1e-10 * Double.leastNormalMagnitude
    }
    return difference / (abs(a) + abs(b)) < 1e-10
  }
}
