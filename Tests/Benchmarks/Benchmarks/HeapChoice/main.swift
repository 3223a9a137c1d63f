// Not an ordo-one benchmark: why weighted betweenness keeps its own indexed heap. Times exact
// weighted betweenness (length 1/weight, exact ties, one thread) on an edge and node list two
// ways: SiloMetrics' Brandes, whose Dijkstra uses an indexed binary heap with decrease-key over
// preallocated storage, and the same algorithm written here over swift-collections' `Heap`
// with lazy deletion (a stale entry is skipped when popped). Both give the same scores (checked
// below). The version here reads plain Swift arrays where SiloMetrics reads through pointers,
// so part of the gap is that; each is the plain way to write its choice. Run in release mode:
//   swift run -c release --package-path Tests/Benchmarks HeapChoice EDGES NODES
// `run.sh heap` runs it on the peers' 1,000- and 10,000-person graphs.
import BenchmarkTiming
import Foundation
import HeapModule
import SiloGraph
import SiloIngest
import SiloMetrics

/// A queue entry: the tentative distance, then the node, so that equal distances settle the
/// smaller node first as SiloMetrics does.
struct Entry: Comparable {
  var key: Double
  var node: Int32
  static func < (a: Entry, b: Entry) -> Bool { (a.key, a.node) < (b.key, b.node) }
}

/// Raw weighted betweenness of an undirected graph (unordered pairs), Brandes with a
/// lazy-deletion `Heap`: NetworkX's `_single_source_dijkstra_path_basic` and accumulation.
func lazyHeapBetweenness(offsets: [Int], columns: [Int32], lengths: [Double]) -> [Double] {
  let n = offsets.count - 1
  var scores = [Double](repeating: 0, count: n)
  var distance = [Double](repeating: .infinity, count: n), sigma = [Double](repeating: 0, count: n)
  var settled = [Bool](repeating: false, count: n), delta = [Double](repeating: 0, count: n)
  var predecessors = [Int32](repeating: 0, count: columns.count), predecessorCount = [Int](repeating: 0, count: n)
  var order: [Int32] = []
  var heap = Heap<Entry>()
  for s in 0 ..< n {
    order.removeAll(keepingCapacity: true)
    distance[s] = 0
    sigma[s] = 1
    heap.insert(Entry(key: 0, node: Int32(s)))
    while let entry = heap.popMin() {
      let v = Int(entry.node)
      if settled[v] || entry.key > distance[v] { continue }
      settled[v] = true
      order.append(entry.node)
      for i in offsets[v] ..< offsets[v + 1] {
        let w = Int(columns[i]), candidate = distance[v] + lengths[i]
        if settled[w] { continue }
        if candidate < distance[w] {
          distance[w] = candidate
          sigma[w] = sigma[v]
          predecessors[offsets[w]] = Int32(v)
          predecessorCount[w] = 1
          heap.insert(Entry(key: candidate, node: Int32(w)))
        } else if candidate == distance[w] {
          sigma[w] += sigma[v]
          predecessors[offsets[w] + predecessorCount[w]] = Int32(v)
          predecessorCount[w] += 1
        }
      }
    }
    for w32 in order.reversed() {
      let w = Int(w32)
      for k in 0 ..< predecessorCount[w] {
        let v = Int(predecessors[offsets[w] + k])
        delta[v] += sigma[v] / sigma[w] * (1 + delta[w])
      }
      if w != s { scores[w] += delta[w] }
    }
    for v32 in order {
      let v = Int(v32)
      distance[v] = .infinity; sigma[v] = 0; settled[v] = false; delta[v] = 0; predecessorCount[v] = 0
    }
  }
  return scores.map { $0 / 2 }
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count == 2 else {
  FileHandle.standardError.write(Data("usage: HeapChoice EDGES NODES\n".utf8))
  exit(64)
}
let graph = try NetworkReader.read(edgesPath: arguments[0], nodesPath: arguments[1]).network.graph
var offsets = [0], columns: [Int32] = [], lengths: [Double] = []
for v in 0 ..< graph.nodeCount {
  for tie in graph.neighbors(of: NodeID(v)) {
    columns.append(tie.node.rawValue)
    lengths.append(1 / tie.weight)
  }
  offsets.append(columns.count)
}
var options = BetweennessOptions(distance: .inverseWeight, normalized: false, threads: 1)
options.ties = .exact
var indexed: [Double] = [], lazy: [Double] = []
var indexedTime = Double.infinity, lazyTime = Double.infinity
for _ in 0 ..< 3 {
  indexedTime = min(indexedTime, seconds { indexed = graph.betweenness(options).scores.values })
  lazyTime = min(lazyTime, seconds { lazy = lazyHeapBetweenness(offsets: offsets, columns: columns, lengths: lengths) })
}
let largest = zip(indexed, lazy).map { abs($0 - $1) / max(1, abs($0)) }.max() ?? 0
print("| weighted betweenness, every source (\(graph.nodeCount) people, \(graph.edgeCount) ties, 1 thread, best of 3) | seconds |")
print("|---|---:|")
print("| SiloMetrics: indexed heap with decrease-key | \(String(format: "%.3f", indexedTime)) |")
print("| swift-collections Heap, lazy deletion | \(String(format: "%.3f", lazyTime)) |")
print("largest relative difference between the two: \(largest)")
