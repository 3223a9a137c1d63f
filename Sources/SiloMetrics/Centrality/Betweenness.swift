import Dispatch
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
}

/// When two weighted path lengths count as equal (a tie between shortest paths).
public enum PathTieRule: String, Sendable, Hashable, Codable, CaseIterable {
  /// Exactly equal floating-point sums, as NetworkX compares them.
  case exact
  /// Equal within a relative 1e-10, as igraph compares them (`igraph_cmp_epsilon` with
  /// `IGRAPH_SHORTEST_PATH_EPSILON`).
  case tolerant
}

/// Betweenness centrality of every node, with the conventions that produced it.
public struct Betweenness: Sendable, Hashable, Codable {
  /// One score per node.
  public var scores: NodeScores
  public var distance: EdgeDistance
  public var ties: PathTieRule
  /// Whether the scores are normalized (NetworkX / R igraph convention), or raw pair counts.
  public var normalized: Bool
  /// Sources the shortest paths were counted from: all nodes for the exact measure.
  public var sources: Int
  /// For an approximation, how it was made and what it guarantees.
  public var approximation: Approximation?

  /// How the scores were computed: ``BetweennessMethod/exact`` or the approximation's method.
  public var method: BetweennessMethod { approximation?.method ?? .exact }

  public struct Approximation: Sendable, Hashable, Codable {
    /// How the estimate was made (never ``BetweennessMethod/exact``).
    public var method: BetweennessMethod
    public var seed: UInt64
    /// Samples drawn (sources, or node pairs).
    public var samples: Int
    /// For the adaptive estimator: with probability at least 1 − δ every score is within ε of
    /// the exact normalized score.
    public var epsilon: Double?
    public var delta: Double?
    public var statement: String
    /// For KADABRA's top-k mode: the intervals of the top people and what is certain about
    /// their ranking.
    public var ranking: RankingGuarantee? = nil
  }
}

/// How betweenness was computed; the raw values are what JSON outputs write.
public enum BetweennessMethod: String, Sendable, Hashable, Codable, CaseIterable {
  /// Every source (``SiloGraph/CollaborationGraph/betweenness(_:)``).
  case exact
  /// Randomly chosen sources, scaled as NetworkX
  /// (``SiloGraph/CollaborationGraph/sampledBetweenness(sources:seed:options:)``).
  case sampledSources = "sampled-sources"
  /// Riondato & Kornaropoulos' sampled paths
  /// (``SiloGraph/CollaborationGraph/adaptiveBetweenness(epsilon:delta:seed:options:)``).
  case riondatoKornaropoulos = "riondato-kornaropoulos"
  /// KADABRA's adaptive sampled paths
  /// (``SiloGraph/CollaborationGraph/kadabraBetweenness(top:epsilon:delta:seed:options:)``).
  case kadabra
}

/// Options for ``SiloGraph/CollaborationGraph/betweenness(_:)``,
/// ``SiloGraph/CollaborationGraph/sampledBetweenness(sources:seed:options:)`` and
/// ``SiloGraph/CollaborationGraph/adaptiveBetweenness(epsilon:delta:seed:options:)``.
public struct BetweennessOptions: Sendable, Hashable {
  public var distance = EdgeDistance.hops
  public var ties = PathTieRule.exact
  /// Divide as NetworkX and R igraph do by default; `false` gives raw pair counts (unordered
  /// pairs for an undirected graph).
  public var normalized = true
  /// Threads to use; results are identical for every thread count.
  public var threads = 1

  /// Creates options with exact tie comparison (``PathTieRule/exact``, as NetworkX).
  ///
  /// - Parameters:
  ///   - distance: How a tie's weight becomes a path length; hops ignore weights.
  ///   - normalized: Divide as NetworkX and R igraph do; `false` gives raw pair counts.
  ///   - threads: Threads to use (fewer than 1 counts as 1, and no more than 64 are used);
  ///     every count gives the same result.
  public init(distance: EdgeDistance = .hops, normalized: Bool = true, threads: Int = 1) {
    self.distance = distance
    self.normalized = normalized
    self.threads = threads
  }
}

extension CollaborationGraph {
  /// Returns the betweenness centrality of every node: how many shortest paths between
  /// other people run through them.
  ///
  /// Brandes' algorithm (2001): a breadth-first search (hops) or Dijkstra search (weighted)
  /// from every source, then dependencies accumulated backwards:
  ///
  /// ```
  /// c_B(v) = Σ_{s ≠ v ≠ t} σ_st(v) / σ_st
  /// δ_s(v) = Σ_{w : v ∈ P_s(w)} (σ_sv / σ_sw) (1 + δ_s(w))
  /// ```
  ///
  /// Conventions, as NetworkX `betweenness_centrality(G, normalized, weight, endpoints=False)`
  /// and R igraph `betweenness(normalized=…)`:
  /// - raw, undirected: each unordered pair once (the ordered Brandes sum halved);
  /// - normalized: undirected × 2/((n−1)(n−2)), directed × 1/((n−1)(n−2)); nothing for n ≤ 2;
  /// - path lengths from weights as ``EdgeDistance`` says; equal lengths as ``PathTieRule``
  ///   says (hop counts are whole numbers, so the rule matters only for weighted distances).
  ///   With ``PathTieRule/exact`` ties are decided during the Dijkstra search, as NetworkX
  ///   does: a node v settled before u is a predecessor of u when d(v) + ℓ(v,u) equals the
  ///   tentative d(u) exactly, and a shorter route found later replaces them. With
  ///   ``PathTieRule/tolerant`` they are decided after the search, from the final distances:
  ///   d(v) < d(u) and d(v) + ℓ(v,u) equal to d(u) within a relative 1e-10. Either way the
  ///   result does not depend on the order of the input.
  ///
  /// Parallel: sources are split into 64 fixed blocks, each block sums into its own array and
  /// the blocks are added in order, so every thread count gives the same bits.
  ///
  /// - Complexity: O(*nm*) unweighted, O(*nm* + *n*² log *n*) weighted; memory O(*n* + *m*)
  ///   per thread plus 64 × *n* doubles.
  ///
  /// > U. Brandes. "A faster algorithm for betweenness centrality." *J. Math. Sociology* 25(2),
  /// > 163–177 (2001). doi:10.1080/0022250X.2001.9990249
  /// > L. C. Freeman. "A set of measures of centrality based on betweenness." *Sociometry*
  /// > 40(1), 35–41 (1977). doi:10.2307/3033543
  public func betweenness(_ options: BetweennessOptions = BetweennessOptions()) -> Betweenness {
    let raw = brandes(sources: Array(0 ..< nodeCount), options: options)
    return Betweenness(
      scores: NodeScores(rescaled(raw, normalized: options.normalized)), distance: options.distance,
      ties: options.ties, normalized: options.normalized, sources: nodeCount, approximation: nil)
  }

  /// Rescales ordered-pair sums as NetworkX's `_rescale` does for exact betweenness.
  func rescaled(_ sums: [Double], normalized: Bool) -> [Double] {
    let n = Double(nodeCount)
    if normalized {
      guard nodeCount > 2 else { return sums.map { _ in 0 } }
      let scale = 1 / ((n - 1) * (n - 2))
      return sums.map { $0 * scale }
    }
    return isDirected ? sums : sums.map { $0 / 2 }
  }

  /// The ordered-pair Brandes sums over the given sources.
  func brandes(sources: [Int], options: BetweennessOptions) -> [Double] {
    let n = nodeCount
    guard n > 0, !sources.isEmpty else { return Array(repeating: 0, count: n) }
    let blockCount = min(64, sources.count)
    let threads = max(1, min(options.threads, blockCount))
    let lengths: [Double]? = {
      switch options.distance {
      case .hops: return nil
      case .inverseWeight: return weights.map { 1 / $0 }
      case .weight: return weights
      }
    }()
    let inLengths: [Double]? = {
      guard isDirected else { return lengths }
      switch options.distance {
      case .hops: return nil
      case .inverseWeight: return inWeights.map { 1 / $0 }
      case .weight: return inWeights
      }
    }()
    let nextBlock = Counter()
    let results = BlockResults(nodeCount: n)
    let work: @Sendable () -> Void = {
      var kernel = BrandesKernel(graph: self, lengths: lengths, inLengths: inLengths, ties: options.ties)
      while true {
        let block = nextBlock.next()
        if block >= blockCount { break }
        let start = block * sources.count / blockCount, end = (block + 1) * sources.count / blockCount
        for k in start ..< end { kernel.accumulate(from: sources[k]) }
        results.add(kernel.takeSums(), block: block)
      }
    }
    if threads == 1 {
      work()
    } else {
      DispatchQueue.concurrentPerform(iterations: threads) { _ in work() }
    }
    return results.total
  }
}

/// Sums block results in block order, whatever order the blocks finish in, so that the total
/// has the same bits for every thread count. Only blocks that finish early wait in memory.
final class BlockResults: @unchecked Sendable {
  private var sums: [Double]
  private var pending: [Int: [Double]] = [:]
  private var nextBlock = 0
  private let queue = DispatchQueue(label: "siloscope.blocks")

  init(nodeCount: Int) { sums = Array(repeating: 0, count: nodeCount) }

  func add(_ block: [Double], block index: Int) {
    queue.sync {
      pending[index] = block
      while let ready = pending.removeValue(forKey: nextBlock) {
        for v in sums.indices { sums[v] += ready[v] }
        nextBlock += 1
      }
    }
  }

  var total: [Double] { queue.sync { sums } }
}

/// A thread-safe counter handing out block numbers.
final class Counter: @unchecked Sendable {
  private var value = 0
  private let queue = DispatchQueue(label: "siloscope.counter")
  func next() -> Int { queue.sync { value += 1; return value - 1 } }
}

/// Per-thread state of Brandes' algorithm: the search arrays, reused from source to source.
struct BrandesKernel {
  let graph: CollaborationGraph
  let lengths: [Double]?
  let inLengths: [Double]?
  let ties: PathTieRule
  var sums: [Double]
  private var hops: [Int32]
  private var distance: [Double]
  private var sigma: [Double]
  private var delta: [Double]
  private var order: [Int32]
  /// Predecessors on shortest paths, in the slots of each node's (incoming) adjacency row.
  private var predecessors: [Int32]
  private var predecessorCount: [Int32]
  private let queue: IndexedHeap

  init(graph: CollaborationGraph, lengths: [Double]?, inLengths: [Double]?, ties: PathTieRule) {
    self.graph = graph
    self.lengths = lengths
    self.inLengths = inLengths
    self.ties = ties
    let n = graph.nodeCount
    sums = Array(repeating: 0, count: n)
    hops = Array(repeating: -1, count: n)
    distance = Array(repeating: .infinity, count: n)
    sigma = Array(repeating: 0, count: n)
    delta = Array(repeating: 0, count: n)
    order = Array(repeating: 0, count: n)
    predecessors = Array(repeating: 0, count: graph.isDirected ? graph.inColumns.count : graph.columns.count)
    predecessorCount = Array(repeating: 0, count: n)
    queue = IndexedHeap(nodeCount: n)
  }

  /// The sums so far, leaving zeros behind for the next block.
  mutating func takeSums() -> [Double] {
    let taken = sums
    sums = Array(repeating: 0, count: taken.count)
    return taken
  }

  mutating func accumulate(from source: Int) {
    if lengths == nil { accumulateUnweighted(from: source) } else { accumulateWeighted(from: source) }
  }

  /// Breadth-first Brandes. Predecessors are stored in the slots of each node's own
  /// (incoming) adjacency row, as the plain C reference does, so the backward pass walks the
  /// shortest-path DAG only.
  private mutating func accumulateUnweighted(from s: Int) {
    let directed = graph.isDirected
    graph.rowOffsets.withUnsafeBufferPointer { offsets in
      graph.columns.withUnsafeBufferPointer { columns in
        (directed ? graph.inRowOffsets : graph.rowOffsets).withUnsafeBufferPointer { predOffsets in
          hops.withUnsafeMutableBufferPointer { hops in
            sigma.withUnsafeMutableBufferPointer { sigma in
              delta.withUnsafeMutableBufferPointer { delta in
                sums.withUnsafeMutableBufferPointer { sums in
                  predecessors.withUnsafeMutableBufferPointer { predecessors in
                    predecessorCount.withUnsafeMutableBufferPointer { predecessorCount in
                      order.withUnsafeMutableBufferPointer { order in
                        order[0] = Int32(s)
                        var tail = 1
                        hops[s] = 0
                        sigma[s] = 1
                        var head = 0
                        while head < tail {
                          let v32 = order[head]
                          let v = Int(v32)
                          head += 1
                          let next = hops[v] + 1
                          let sv = sigma[v]
                          for i in offsets[v] ..< offsets[v + 1] {
                            let w = Int(columns[i].rawValue)
                            var hw = hops[w]
                            if hw < 0 {
                              hw = next
                              hops[w] = next
                              order[tail] = Int32(w)
                              tail += 1
                            }
                            if hw == next {
                              sigma[w] += sv
                              predecessors[predOffsets[w] + Int(predecessorCount[w])] = v32
                              predecessorCount[w] += 1
                            }
                          }
                        }
                        var k = tail - 1
                        while k > 0 {
                          let w = Int(order[k])
                          k -= 1
                          let coefficient = (1 + delta[w]) / sigma[w]
                          let start = predOffsets[w]
                          for j in start ..< start + Int(predecessorCount[w]) {
                            let v = Int(predecessors[j])
                            delta[v] += sigma[v] * coefficient
                          }
                          sums[w] += delta[w]
                        }
                        for k in 0 ..< tail {
                          let v = Int(order[k])
                          hops[v] = -1
                          sigma[v] = 0
                          delta[v] = 0
                          predecessorCount[v] = 0
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }

  /// Dijkstra Brandes. The search fixes the distances; path counts and dependencies then
  /// follow from them in settling order (distance, then node id), with predecessors decided
  /// by ``PathTieRule``.
  ///
  /// The priority queue is an indexed binary heap with decrease-key over preallocated arrays
  /// (``IndexedHeap``) rather than swift-collections' `Heap`: the same Brandes over `Heap`
  /// with lazy deletion takes 0.47 s for every source of the peers' 1,000-person graph, this
  /// one 0.19 s (Tests/Benchmarks `HeapChoice`, `run.sh heap`).
  private mutating func accumulateWeighted(from s: Int) {
    let lengths = self.lengths!, inLengths = self.inLengths!
    let directed = graph.isDirected
    let exact = ties == .exact
    graph.rowOffsets.withUnsafeBufferPointer { offsets in
      graph.columns.withUnsafeBufferPointer { columns in
        (directed ? graph.inRowOffsets : graph.rowOffsets).withUnsafeBufferPointer { inOffsets in
          (directed ? graph.inColumns : graph.columns).withUnsafeBufferPointer { inColumns in
            lengths.withUnsafeBufferPointer { lengths in
              inLengths.withUnsafeBufferPointer { inLengths in
                distance.withUnsafeMutableBufferPointer { distance in
                  sigma.withUnsafeMutableBufferPointer { sigma in
                    delta.withUnsafeMutableBufferPointer { delta in
                      sums.withUnsafeMutableBufferPointer { sums in
                        hops.withUnsafeMutableBufferPointer { settled in
                          predecessors.withUnsafeMutableBufferPointer { predecessors in
                            predecessorCount.withUnsafeMutableBufferPointer { predecessorCount in
                              order.withUnsafeMutableBufferPointer { order in
                                var count = 0
                                distance[s] = 0
                                sigma[s] = 1
                                queue.push(Int32(s), key: 0)
                                // Dijkstra. With exact ties, path counts and predecessors are
                                // gathered while relaxing, as NetworkX does: every v with
                                // d(v) + ℓ = d(w) settles before w and relaxes w.
                                while let (v32, dv) = queue.pop() {
                                  let v = Int(v32)
                                  settled[v] = 1
                                  order[count] = v32
                                  count += 1
                                  let sv = sigma[v]
                                  for i in offsets[v] ..< offsets[v + 1] {
                                    let w = Int(columns[i].rawValue)
                                    let candidate = dv + lengths[i]
                                    let dw = distance[w]
                                    if candidate < dw {
                                      distance[w] = candidate
                                      queue.push(Int32(w), key: candidate)
                                      if exact {
                                        sigma[w] = sv
                                        predecessors[inOffsets[w]] = v32
                                        predecessorCount[w] = 1
                                      }
                                    } else if exact && candidate == dw && settled[w] < 0 {
                                      sigma[w] += sv
                                      predecessors[inOffsets[w] + Int(predecessorCount[w])] = v32
                                      predecessorCount[w] += 1
                                    }
                                  }
                                }
                                if !exact {
                                  // Tolerant ties: decide predecessors from the final distances.
                                  for k in 1 ..< max(count, 1) {
                                    let u = Int(order[k])
                                    let du = distance[u]
                                    var paths = 0.0
                                    var found: Int32 = 0
                                    for i in inOffsets[u] ..< inOffsets[u + 1] {
                                      let v32 = inColumns[i].rawValue
                                      let dv = distance[Int(v32)]
                                      if dv < du && Self.tolerantlyEqual(dv + inLengths[i], du) {
                                        paths += sigma[Int(v32)]
                                        predecessors[inOffsets[u] + Int(found)] = v32
                                        found += 1
                                      }
                                    }
                                    sigma[u] = paths
                                    predecessorCount[u] = found
                                  }
                                }
                                var k = count - 1
                                while k > 0 {
                                  let w = Int(order[k])
                                  k -= 1
                                  let coefficient = (1 + delta[w]) / sigma[w]
                                  let start = inOffsets[w]
                                  for j in start ..< start + Int(predecessorCount[w]) {
                                    let v = Int(predecessors[j])
                                    delta[v] += sigma[v] * coefficient
                                  }
                                  sums[w] += delta[w]
                                }
                                for k in 0 ..< count {
                                  let v = Int(order[k])
                                  distance[v] = .infinity
                                  sigma[v] = 0
                                  delta[v] = 0
                                  settled[v] = -1
                                  predecessorCount[v] = 0
                                }
                              }
                            }
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
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

/// A binary min-heap of node ids keyed by distance, with decrease-key: each node is in the
/// heap at most once, and its position is tracked. Ties between equal keys pop the smaller
/// node id first, so the settling order is (distance, node). Storage is allocated once per
/// thread for all nodes (the heap never holds more than *n* entries), which keeps the hot
/// loop free of array bounds and uniqueness checks.
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
