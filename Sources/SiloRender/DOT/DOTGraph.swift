/// A graph in Graphviz's DOT language, as a value: what SiloScope draws, before any C code
/// sees it.
///
/// SiloScope never builds Graphviz's own graph objects attribute by attribute. It builds a
/// `DOTGraph`, encodes it to text with ``DOTEncoder`` (pure Swift, testable without
/// Graphviz), and hands the text to Graphviz once. So the `.dot` file a user saves is
/// exactly what was laid out, and every name passes through one escaping routine.
///
/// Node ids are SiloScope's own (`p0`, `p1`, … or `d0`, …); people's names go only into
/// labels and tooltips, which ``DOTEncoder`` escapes.
public struct DOTGraph: Sendable, Hashable {
  /// The graph's name (an id; it appears in Graphviz's SVG comment, so keep it ASCII).
  public var name: String
  /// `digraph` instead of `graph`.
  public var directed: Bool
  /// Graph attributes, in the order given.
  public var attributes: DOTAttributes
  /// Defaults for every node (`node [...]`).
  public var nodeDefaults: DOTAttributes
  /// Defaults for every edge (`edge [...]`).
  public var edgeDefaults: DOTAttributes
  /// Clusters (subgraphs whose id starts with `cluster`), drawn as boxes around their nodes.
  public var clusters: [DOTCluster]
  /// Nodes outside any cluster.
  public var nodes: [DOTNode]
  /// All edges, at the top level (Graphviz routes edges between clusters from there).
  public var edges: [DOTEdge]
  /// Groups of node ids that `dot` puts on one rank (`{ rank="same"; … }`, drawn as nothing);
  /// other engines ignore them.
  public var sameRank: [[String]]

  public init(
    name: String, directed: Bool = false, attributes: DOTAttributes = [:], nodeDefaults: DOTAttributes = [:],
    edgeDefaults: DOTAttributes = [:], clusters: [DOTCluster] = [], nodes: [DOTNode] = [], edges: [DOTEdge] = [],
    sameRank: [[String]] = []
  ) {
    self.name = name
    self.directed = directed
    self.attributes = attributes
    self.nodeDefaults = nodeDefaults
    self.edgeDefaults = edgeDefaults
    self.clusters = clusters
    self.nodes = nodes
    self.edges = edges
    self.sameRank = sameRank
  }

  /// Every node, clustered or not.
  public var nodeCount: Int { nodes.count + clusters.reduce(0) { $0 + $1.nodes.count } }
}

/// A cluster subgraph.
public struct DOTCluster: Sendable, Hashable {
  /// The subgraph id; ``DOTEncoder`` prefixes `cluster_` so that Graphviz draws a box.
  public var id: String
  public var attributes: DOTAttributes
  public var nodes: [DOTNode]

  public init(id: String, attributes: DOTAttributes = [:], nodes: [DOTNode] = []) {
    self.id = id
    self.attributes = attributes
    self.nodes = nodes
  }
}

/// A node statement.
public struct DOTNode: Sendable, Hashable {
  public var id: String
  public var attributes: DOTAttributes

  public init(id: String, attributes: DOTAttributes = [:]) {
    self.id = id
    self.attributes = attributes
  }
}

/// An edge statement.
public struct DOTEdge: Sendable, Hashable {
  public var tail: String
  public var head: String
  public var attributes: DOTAttributes

  public init(tail: String, head: String, attributes: DOTAttributes = [:]) {
    self.tail = tail
    self.head = head
    self.attributes = attributes
  }
}

/// An attribute value.
public enum DOTValue: Sendable, Hashable {
  /// Text, written as a quoted DOT string. Line breaks become `\n` (centred lines); the
  /// text is otherwise shown as given (see ``DOTEncoder/quoted(_:)``).
  case text(String)
  /// A number, written with up to four decimals and a point, whatever the locale.
  case number(Double)
  /// An HTML-like label, already built from escaped parts (see ``HTMLLabel``).
  case html(HTMLLabel)
  /// A value written without quotes or escaping; only for SiloScope's own keywords
  /// (`true`, `filled`, `circle`), never for user data.
  case keyword(StaticString)

  public static func == (a: DOTValue, b: DOTValue) -> Bool {
    switch (a, b) {
    case (.text(let x), .text(let y)): return x == y
    case (.number(let x), .number(let y)): return x == y
    case (.html(let x), .html(let y)): return x == y
    case (.keyword(let x), .keyword(let y)): return x.description == y.description
    default: return false
    }
  }

  public func hash(into hasher: inout Hasher) {
    switch self {
    case .text(let x): hasher.combine(0); hasher.combine(x)
    case .number(let x): hasher.combine(1); hasher.combine(x)
    case .html(let x): hasher.combine(2); hasher.combine(x)
    case .keyword(let x): hasher.combine(3); hasher.combine(x.description)
    }
  }
}

/// Attributes in the order they were set (so that the DOT text is the same on every run).
public struct DOTAttributes: Sendable, Hashable, ExpressibleByDictionaryLiteral, Sequence {
  public private(set) var pairs: [(name: StaticString, value: DOTValue)] = []

  public init() {}

  public init(dictionaryLiteral elements: (StaticString, DOTValue)...) {
    for (name, value) in elements { self[name] = value }
  }

  /// The value of `name`; setting replaces it in place or appends it.
  public subscript(name: StaticString) -> DOTValue? {
    get { pairs.first { $0.name.description == name.description }?.value }
    set {
      let index = pairs.firstIndex { $0.name.description == name.description }
      switch (index, newValue) {
      case (let i?, let v?): pairs[i].value = v
      case (let i?, nil): pairs.remove(at: i)
      case (nil, let v?): pairs.append((name, v))
      case (nil, nil): break
      }
    }
  }

  public var isEmpty: Bool { pairs.isEmpty }

  public func makeIterator() -> IndexingIterator<[(name: StaticString, value: DOTValue)]> { pairs.makeIterator() }

  public static func == (a: DOTAttributes, b: DOTAttributes) -> Bool {
    a.pairs.count == b.pairs.count
      && zip(a.pairs, b.pairs).allSatisfy { $0.name.description == $1.name.description && $0.value == $1.value }
  }

  public func hash(into hasher: inout Hasher) {
    for (name, value) in pairs {
      hasher.combine(name.description)
      hasher.combine(value)
    }
  }
}
