import SiloGraph

/// The ties a shortest-path search walks, copied once behind pointers so that the searches'
/// inner loops run without array bounds, retain or copy-on-write checks, and shared read-only
/// by the searches of every thread.
///
/// `out` holds each node's ties (outgoing arcs when directed); `into` its incoming arcs, the
/// same storage as `out` for an undirected graph. Lengths are present unless the distance is
/// ``EdgeDistance/hops``.
final class SearchGraph: @unchecked Sendable {
  /// One direction of the ties in compressed rows: node v's ties are the slots
  /// `offsets[v] ..< offsets[v + 1]` of `columns` and `lengths`.
  struct Rows {
    let offsets: UnsafeMutablePointer<Int>
    let columns: UnsafeMutablePointer<Int32>
    let lengths: UnsafeMutablePointer<Double>?
    /// The number of slots (ties, or arcs).
    let slotCount: Int

    init(offsets: [Int], columns: [NodeID], weights: [Double], distance: EdgeDistance) {
      let nodes = max(offsets.count, 1)
      slotCount = columns.count
      self.offsets = .allocate(capacity: nodes)
      _ = UnsafeMutableBufferPointer(start: self.offsets, count: nodes).initialize(from: offsets)
      self.columns = .allocate(capacity: max(slotCount, 1))
      _ = UnsafeMutableBufferPointer(start: self.columns, count: slotCount).initialize(from: columns.lazy.map(\.rawValue))
      if distance == .hops {
        lengths = nil
      } else {
        let lengths = UnsafeMutablePointer<Double>.allocate(capacity: max(slotCount, 1))
        _ = UnsafeMutableBufferPointer(start: lengths, count: slotCount).initialize(from: weights.lazy.map { distance.length(ofWeight: $0)! })
        self.lengths = lengths
      }
    }

    func deallocate() {
      offsets.deallocate()
      columns.deallocate()
      lengths?.deallocate()
    }
  }

  let nodeCount: Int
  let isDirected: Bool
  let out: Rows
  let into: Rows

  /// The ties of `graph` with lengths as `distance` makes them.
  init(_ graph: CollaborationGraph, distance: EdgeDistance) {
    nodeCount = graph.nodeCount
    isDirected = graph.isDirected
    out = Rows(offsets: graph.rowOffsets, columns: graph.columns, weights: graph.weights, distance: distance)
    into = graph.isDirected
      ? Rows(offsets: graph.inRowOffsets, columns: graph.inColumns, weights: graph.inWeights, distance: distance)
      : out
  }

  deinit {
    out.deallocate()
    if isDirected { into.deallocate() }
  }

  /// Whether ties have lengths (a weighted distance) rather than one hop each.
  var isWeighted: Bool { out.lengths != nil }
}
