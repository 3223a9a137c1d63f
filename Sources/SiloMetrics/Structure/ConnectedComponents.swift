import DequeModule
import SiloGraph

/// The connected components of a graph: groups of people linked by some chain of ties.
///
/// For a directed graph these are the *weakly* connected components (direction ignored), as
/// NetworkX `number_weakly_connected_components` and igraph `components(mode="weak")` count.
/// Components are numbered in order of their smallest node, so the numbering is the same for
/// the same graph however it was built.
public struct ConnectedComponents: Sendable, Hashable, Codable {
  /// The component of each node.
  public let partition: Partition
  /// Nodes without any tie (self-loops do not count as ties).
  public let isolates: Int

  /// The number of components, isolates included.
  public var count: Int { partition.groupCount }
  /// The size of the largest component (0 for an empty graph).
  public var largestSize: Int { partition.sizes.max() ?? 0 }

  /// Finds the components by breadth-first search.
  ///
  /// - Parameters:
  ///   - graph: The network; a directed graph's components are its weak components.
  ///   - skipped: A node treated as if all its ties were removed (it becomes an
  ///     isolate): the components the others form without it, as broker dependence asks.
  /// - Complexity: O(*n* + *m*).
  public init(of graph: CollaborationGraph, skipping skipped: NodeID? = nil) {
    let n = graph.nodeCount
    var membership = [Int32](repeating: -1, count: n)
    var queue = Deque<Int32>()
    var next: Int32 = 0
    // An isolate is a component of one: a node with ties always shares its component.
    var isolates = 0
    let skip = skipped.map { Int32($0.rawValue) } ?? -1
    for start in 0 ..< n where membership[start] < 0 {
      let id = next
      next += 1
      membership[start] = id
      if Int32(start) == skip || (graph.degree(of: NodeID(start)) == 0 && graph.inDegree(of: NodeID(start)) == 0) {
        isolates += 1
        continue
      }
      var size = 1
      queue.append(Int32(start))
      while let u = queue.popFirst() {
        for v in graph.neighbors(of: NodeID(rawValue: u)).nodes where membership[v.index] < 0 && v.rawValue != skip {
          membership[v.index] = id
          queue.append(v.rawValue)
          size += 1
        }
        if graph.isDirected {
          for v in graph.inNeighbors(of: NodeID(rawValue: u)).nodes where membership[v.index] < 0 && v.rawValue != skip {
            membership[v.index] = id
            queue.append(v.rawValue)
            size += 1
          }
        }
      }
      if size == 1 { isolates += 1 }
    }
    self.partition = Partition(membership: membership, groupCount: Int(next))
    self.isolates = isolates
  }
}
