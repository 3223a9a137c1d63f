/// A binary min-heap of node ids keyed by distance, with decrease-key: each node is in the
/// heap at most once, and its position is tracked. Ties between equal keys pop the smaller
/// node id first, so the settling order is (distance, node). Storage is allocated once per
/// thread for all nodes (the heap never holds more than *n* entries), which keeps the hot
/// loop free of array bounds and uniqueness checks.
///
/// It is the priority queue of every Dijkstra search in SiloMetrics (``ShortestPathSearch``,
/// ``ShortestPathSampler``, the vertex-diameter bound) rather than swift-collections' `Heap`:
/// the same Brandes over `Heap` with lazy deletion takes 0.47 s for every source of the
/// peers' 1,000-person graph, this one 0.19 s (Tests/Benchmarks `HeapChoice`, `run.sh heap`).
final class IndexedHeap {
  private let nodes: UnsafeMutablePointer<Int32>
  private let keys: UnsafeMutablePointer<Double>
  /// Position of each node in the heap, or −1.
  private let position: UnsafeMutablePointer<Int32>
  private(set) var count = 0

  init(nodeCount: Int) {
    let capacity = max(nodeCount, 1)
    nodes = .allocate(capacity: capacity)
    keys = .allocate(capacity: capacity)
    position = .allocate(capacity: capacity)
    position.initialize(repeating: -1, count: capacity)
  }

  deinit {
    nodes.deallocate()
    keys.deallocate()
    position.deallocate()
  }

  @inline(__always)
  private func less(_ i: Int, _ j: Int) -> Bool {
    keys[i] < keys[j] || (keys[i] == keys[j] && nodes[i] < nodes[j])
  }

  /// Inserts `node`, or lowers its key when it is already in the heap.
  @inline(__always)
  func push(_ node: Int32, key: Double) {
    var i = Int(position[Int(node)])
    if i < 0 {
      i = count
      count += 1
      nodes[i] = node
      position[Int(node)] = Int32(i)
    }
    keys[i] = key
    // Sift up.
    while i > 0 {
      let parent = (i - 1) >> 1
      guard less(i, parent) else { break }
      swapAt(i, parent)
      i = parent
    }
  }

  /// The smallest key, or infinity when the heap is empty.
  @inline(__always)
  var minimumKey: Double { count > 0 ? keys[0] : .infinity }

  /// Empties the heap in time proportional to what it holds.
  func removeAll() {
    for i in 0 ..< count { position[Int(nodes[i])] = -1 }
    count = 0
  }

  /// Removes and returns the node with the smallest key.
  @inline(__always)
  func pop() -> (Int32, Double)? {
    guard count > 0 else { return nil }
    let top = nodes[0], key = keys[0]
    position[Int(top)] = -1
    count -= 1
    if count > 0 {
      nodes[0] = nodes[count]
      keys[0] = keys[count]
      position[Int(nodes[0])] = 0
      var i = 0
      while true {
        let left = 2 * i + 1
        if left >= count { break }
        var smallest = left
        if left + 1 < count && less(left + 1, left) { smallest = left + 1 }
        guard less(smallest, i) else { break }
        swapAt(i, smallest)
        i = smallest
      }
    }
    return (top, key)
  }

  @inline(__always)
  private func swapAt(_ i: Int, _ j: Int) {
    let node = nodes[i], key = keys[i]
    nodes[i] = nodes[j]
    keys[i] = keys[j]
    nodes[j] = node
    keys[j] = key
    position[Int(nodes[i])] = Int32(i)
    position[Int(nodes[j])] = Int32(j)
  }
}
