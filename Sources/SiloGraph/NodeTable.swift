/// The people (or departments) behind the node ids of a graph: their ids as given in the
/// input, and their attributes (department, role, manager, anything extra in the input).
///
/// A graph stores only dense ``NodeID``s; a `NodeTable` maps them back to what the user knows.
/// Attributes are stored column-wise, one optional string per node, in the order the input
/// named them.
///
/// ```swift
/// var table = NodeTable()
/// let ana = table.add(id: "Ana de Vries")            // NodeID(0)
/// table.setAttribute("department", to: "Financiën", for: ana)
/// table.node(withID: "Ana de Vries")                 // NodeID(0)
/// ```
public struct NodeTable: Sendable, Hashable, Codable {
  /// The node ids as given in the input, indexed by ``NodeID``.
  public private(set) var ids: [String] = []
  /// Attribute names in the order they were first set.
  public private(set) var attributeNames: [String] = []
  private var columns: [String: [String?]] = [:]
  private var index: [String: Int32] = [:]

  /// Creates an empty table: no nodes and no attributes.
  public init() {}

  /// Creates a table of the given ids, in order.
  ///
  /// - Precondition: the ids are distinct.
  public init(ids: [String]) {
    self.ids = ids
    index.reserveCapacity(ids.count)
    for (i, id) in ids.enumerated() {
      let previous = index.updateValue(Int32(i), forKey: id)
      precondition(previous == nil, "duplicate node id \(id)")
    }
  }

  /// The number of nodes.
  public var count: Int { ids.count }

  /// The id as given in the input of `node`.
  public subscript(node: NodeID) -> String { ids[node.index] }

  /// The node with the given input id, or `nil`.
  public func node(withID id: String) -> NodeID? { index[id].map(NodeID.init(rawValue:)) }

  /// Adds a node with the given id, or returns the existing node with that id.
  @discardableResult
  public mutating func add(id: String) -> NodeID {
    if let existing = index[id] { return NodeID(rawValue: existing) }
    let node = NodeID(ids.count)
    ids.append(id)
    index[id] = node.rawValue
    for name in attributeNames { columns[name]!.append(nil) }
    return node
  }

  /// The value of attribute `name` for `node`, or `nil` when unset.
  public func attribute(_ name: String, of node: NodeID) -> String? {
    columns[name]?[node.index]
  }

  /// All values of attribute `name`, indexed by ``NodeID``; `nil` when no node has it.
  public func attributeColumn(_ name: String) -> [String?]? { columns[name] }

  /// Sets attribute `name` of `node` (`nil` clears it).
  public mutating func setAttribute(_ name: String, to value: String?, for node: NodeID) {
    if columns[name] == nil {
      attributeNames.append(name)
      columns[name] = Array(repeating: nil, count: ids.count)
    }
    columns[name]![node.index] = value
  }

  /// Sets a whole attribute column at once.
  ///
  /// - Precondition: `values.count == count`.
  public mutating func setAttributeColumn(_ name: String, _ values: [String?]) {
    precondition(values.count == ids.count, "attribute column has \(values.count) values for \(ids.count) nodes")
    if columns[name] == nil { attributeNames.append(name) }
    columns[name] = values
  }
}

/// Well-known attribute names used across SiloScope.
public enum NodeAttribute {
  /// The formal group of a person: department, team or unit.
  public static let department = "department"
  public static let role = "role"
  public static let manager = "manager"
  /// A display label, when it differs from the id.
  public static let label = "label"
}
