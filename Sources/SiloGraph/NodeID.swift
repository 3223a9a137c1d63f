/// The dense identifier of a node (a person, or a department) in a ``CollaborationGraph``.
///
/// Node ids run from `0` to `nodeCount − 1` without gaps, so that every per-node result is a
/// plain array indexed by `NodeID`. They are stored as `Int32`, which halves the memory of the
/// adjacency arrays compared with `Int` and still allows two billion nodes.
///
/// The identifier a user gave in the input (a name, an employee number) is kept in the
/// ``NodeTable``, never in the graph.
public struct NodeID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
  public var rawValue: Int32

  @inline(__always)
  public init(rawValue: Int32) { self.rawValue = rawValue }

  /// Creates a node id from an index.
  ///
  /// - Precondition: `0 ≤ index ≤ Int32.max`.
  @inline(__always)
  public init(_ index: Int) {
    precondition(index >= 0 && index <= Int(Int32.max), "NodeID \(index) is out of range")
    self.rawValue = Int32(truncatingIfNeeded: index)
  }

  /// The id as an array index.
  @inline(__always)
  public var index: Int { Int(rawValue) }

  @inline(__always)
  public static func < (lhs: NodeID, rhs: NodeID) -> Bool { lhs.rawValue < rhs.rawValue }

  public var description: String { "#\(rawValue)" }

  public init(from decoder: any Decoder) throws {
    rawValue = try decoder.singleValueContainer().decode(Int32.self)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
}

/// Whether the ties of a graph have a direction.
public enum Directedness: String, Sendable, Hashable, Codable, CaseIterable {
  /// A tie between *u* and *v* is the same as a tie between *v* and *u*.
  case undirected
  /// A tie from *u* to *v* is not a tie from *v* to *u*.
  case directed
}

/// One tie of a graph, as returned by ``CollaborationGraph/edges``.
public struct Edge: Sendable, Hashable, Codable {
  public var source: NodeID
  public var target: NodeID
  /// The tie's weight as a *strength* (hours, shared projects, messages): larger is closer.
  public var weight: Double

  /// Creates a tie from `source` to `target` with the given weight, as given: nothing is
  /// checked here (``GraphBuilder/addEdge(_:_:weight:)`` checks the weight).
  public init(source: NodeID, target: NodeID, weight: Double) {
    self.source = source
    self.target = target
    self.weight = weight
  }
}
