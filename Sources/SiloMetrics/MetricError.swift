import SiloGraph

/// Why a measure could not be computed from its arguments.
public enum MetricError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The partition does not cover the graph's nodes (after NetworkX's `NotAPartition`).
  case notAPartition(expected: Int, actual: Int)
  /// An argument outside its domain (a negative resolution, zero permutations).
  case invalidArgument(String)

  public var description: String {
    switch self {
    case .notAPartition(let expected, let actual):
      return "the partition covers \(actual) nodes but the graph has \(expected)"
    case .invalidArgument(let message):
      return message
    }
  }

  /// Always `FailureKind.invalidData`: the measure cannot be computed from
  /// these arguments, which come from the data.
  public var kind: FailureKind { .invalidData }
}

extension Partition {
  /// Throws unless the partition covers exactly the nodes of `graph`.
  @inline(__always)
  func check(covers graph: CollaborationGraph) throws(MetricError) {
    guard nodeCount == graph.nodeCount else { throw .notAPartition(expected: graph.nodeCount, actual: nodeCount) }
  }
}

extension CollaborationGraph {
  /// Calls `body(u, v, w)` once per tie (undirected ties once, with `u < v`), with `w` the
  /// weight, or 1 when `weighted` is false.
  @inline(__always)
  func forEachTie(weighted: Bool, _ body: (Int, Int, Double) -> Void) {
    columns.withUnsafeBufferPointer { columns in
      weights.withUnsafeBufferPointer { weights in
        rowOffsets.withUnsafeBufferPointer { offsets in
          let directed = isDirected
          for u in 0 ..< nodeCount {
            for i in offsets[u] ..< offsets[u + 1] {
              let v = Int(columns[i].rawValue)
              if !directed && v < u { continue }
              body(u, v, weighted ? weights[i] : 1)
            }
          }
        }
      }
    }
  }
}
