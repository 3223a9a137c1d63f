/// SiloScope's layout for people in department boxes: repeatable, unlike Graphviz's `fdp`.
///
/// Graphviz 2.42's `fdp` is the engine that keeps clusters, but with clusters it does not
/// give the same drawing twice for the same input and seed, not even in a fresh process
/// with address-space randomization off (measured for this project: five runs of the same
/// DOT text through the C API gave four different drawings; see also
/// ellson/MOTHBALLED-graphviz#1214). `neato` is repeatable. So clustered diagrams are laid
/// out in three Graphviz passes, each repeatable:
///
/// 1. each cluster's nodes and the ties among them with `neato` (stress majorization,
///    overlap removal), read back in Graphviz's `plain` format;
/// 2. the clusters as boxes of the sizes found, tied by the number of ties between them,
///    with `neato` and overlap removal, so that departments that work together sit close;
/// 3. the whole graph with every node pinned (`pos="x,y!"`) and every cluster box given
///    (`bb`), drawn by `nop` (neato's "already laid out" mode), which routes the ties and
///    places labels.
///
/// The DOT text of pass 3 is what `--format dot` writes: `neato -n` or any Graphviz tool
/// draws it the same.
enum ClusteredLayout {
  /// A graph whose clusters and nodes all have positions, drawn by the `nop` engine.
  ///
  /// - Complexity: dominated by `neato` on the largest cluster (stress majorization is
  ///   about quadratic in the nodes of one cluster); the cluster arrangement is small.
  static func pinned(_ graph: DOTGraph, seed: UInt64) throws(RenderError) -> DOTGraph {
    var groups = Groups(graph, seedValue: Double(seed % 1_000_000_007))
    try groups.layOutEach()
    return groups.pinned(at: try groups.arranged())
  }

  /// The groups of a clustered graph (each cluster, and each top-level node on its own) and
  /// what the passes find out about them.
  private struct Groups {
    let graph: DOTGraph
    let seedValue: Double
    let members: [[DOTNode]]
    /// Ties inside each group, and the number of ties between two groups (lower index first).
    let inside: [[DOTEdge]]
    let between: [Int: [Int: Int]]
    /// Whether a group draws names beside its circles.
    let named: [Bool]
    /// Pass 1: each node's position inside its group, and each group's bounding box.
    var local: [[String: Point]] = []
    var boxes: [Box] = []

    init(_ graph: DOTGraph, seedValue: Double) {
      self.graph = graph
      self.seedValue = seedValue
      // Every top-level node becomes a cluster of its own for the arrangement.
      let members = graph.clusters.map(\.nodes) + graph.nodes.map { [$0] }
      let groupOf = Dictionary(
        members.enumerated().flatMap { index, nodes in nodes.map { ($0.id, index) } }, uniquingKeysWith: { a, _ in a })
      var inside = Array(repeating: [DOTEdge](), count: members.count)
      var between: [Int: [Int: Int]] = [:]
      for edge in graph.edges {
        guard let a = groupOf[edge.tail], let b = groupOf[edge.head] else { continue }
        if a == b {
          inside[a].append(DOTEdge(tail: edge.tail, head: edge.head))
        } else {
          between[min(a, b), default: [:]][max(a, b), default: 0] += 1
        }
      }
      self.members = members
      self.inside = inside
      self.between = between
      named = members.map { $0.contains { $0.attributes["xlabel"] != nil } }
    }

    /// Pass 1: each group laid out on its own (neato with overlap removal), with its box.
    mutating func layOutEach() throws(RenderError) {
      let defaultWidth = graph.nodeDefaults["width"].flatMap(number) ?? 0.3
      for (index, nodes) in members.enumerated() {
        let radius = Dictionary(uniqueKeysWithValues: nodes.map { ($0.id, 36 * ($0.attributes["width"].flatMap(number) ?? defaultWidth)) })
        var positions: [String: Point] = [:]
        if nodes.count == 1 {
          positions[nodes[0].id] = Point(x: 0, y: 0)
        } else if !nodes.isEmpty {
          positions = try layout(part(nodes, radius: radius, inside: inside[index]), engine: .neato)
        }
        local.append(positions)
        var box = Box.empty
        for node in nodes { box.include(positions[node.id] ?? Point(x: 0, y: 0), radius: radius[node.id]!) }
        boxes.append(box.width > 0 || box.height > 0 ? box : Box(minX: 0, minY: 0, maxX: 0, maxY: 0))
      }
    }

    /// One group as a graph of its own for pass 1.
    private func part(_ nodes: [DOTNode], radius: [String: Double], inside: [DOTEdge]) -> DOTGraph {
      var attributes: DOTAttributes = [
        "layout": .text("neato"), "start": .number(seedValue), "overlap": .keyword("false"),
        "sep": graph.attributes["sep"] ?? .text("+6"), "splines": .keyword("false"),
      ]
      // Stress majorization costs about n² per iteration: large departments get fewer
      // iterations (neato's default is 200), which bounds the time at a small cost in
      // polish (1,000 people: under 2 s; 5,000: about 20 s on this project's machine).
      if nodes.count > 1_000 { attributes["maxiter"] = .number(nodes.count > 3_000 ? 40 : 80) }
      return DOTGraph(
        name: "part",
        attributes: attributes,
        nodeDefaults: ["shape": .keyword("circle"), "fixedsize": .keyword("true"), "label": .text("")],
        nodes: nodes.map { DOTNode(id: $0.id, attributes: ["width": .number(radius[$0.id]! / 36)]) },
        edges: inside)
    }

    // Room around each group: for name labels beside the circles (four characters each side
    // where a name is drawn, one elsewhere) and, in clusters, the cluster's own label on top.

    /// The room beside group `i`'s content.
    func side(_ i: Int) -> Double {
      let fontSize = graph.nodeDefaults["fontsize"].flatMap(number) ?? 11
      return (named[i] ? 4 : 1) * fontSize
    }

    /// Group `i`'s outer box: its content, the room beside it and a cluster's label on top.
    func outer(_ i: Int) -> (width: Double, height: Double) {
      let clusterFontSize = graph.clusters.first?.attributes["fontsize"].flatMap(number) ?? 14
      let isCluster = i < graph.clusters.count
      let label = isCluster ? labelEstimate(graph.clusters[i], fontSize: clusterFontSize) : (width: 0, lines: 0)
      // Room for the cluster's label on top: its lines and one more.
      let top = Double(label.lines + 1) * clusterFontSize
      return (max(boxes[i].width, label.width) + 2 * side(i), boxes[i].height + side(i) + (isCluster ? top : side(i)))
    }

    /// Pass 2: the groups' centres, their outer boxes arranged by neato, groups that work
    /// together pulled closer.
    func arranged() throws(RenderError) -> [Point] {
      guard members.count > 1 else { return [Point(x: 0, y: 0)] }
      var arrangement = DOTGraph(
        name: "arrangement",
        attributes: [
          "layout": .text("neato"), "start": .number(seedValue), "overlap": .keyword("false"), "sep": .text("+12"),
          "splines": .keyword("false"),
        ],
        nodeDefaults: ["shape": .keyword("box"), "fixedsize": .keyword("true"), "label": .text("")])
      arrangement.nodes = members.indices.map { i in
        let size = outer(i)
        return DOTNode(id: "g\(i)", attributes: ["width": .number(size.width / 72), "height": .number(size.height / 72)])
      }
      let heaviest = between.values.flatMap(\.values).max() ?? 1
      for (a, row) in between.sorted(by: { $0.key < $1.key }) {
        for (b, count) in row.sorted(by: { $0.key < $1.key }) {
          // Stronger collaboration pulls harder (neato's `weight` scales a pair's stress term).
          let strength = 1 + 4 * Double(count) / Double(heaviest)
          // The ideal distance: the two boxes side by side (half their diagonals), so that
          // the arrangement is compact before overlap removal.
          let length = (diagonal(outer(a)) + diagonal(outer(b))) / 2 / 72 * 0.8
          arrangement.edges.append(DOTEdge(
            tail: "g\(a)", head: "g\(b)", attributes: ["weight": .number(strength), "len": .number(length)]))
        }
      }
      let placed = try layout(arrangement, engine: .neato)
      return members.indices.map { placed["g\($0)"] ?? Point(x: 0, y: 0) }
    }

    /// Pass 3: the whole graph with every node pinned and every cluster's box given, for `nop`.
    func pinned(at centres: [Point]) -> DOTGraph {
      var pinned = graph
      var attributes: DOTAttributes = ["layout": .text("nop")]
      for (name, value) in graph.attributes {
        switch name.description {
        case "layout", "start", "overlap", "sep", "maxiter", "mode": continue
        default: attributes[name] = value
        }
      }
      attributes["splines"] = .keyword("false")
      pinned.attributes = attributes
      func place(_ node: DOTNode, group i: Int) -> DOTNode {
        var node = node
        let size = outer(i)
        let p = local[i][node.id] ?? Point(x: 0, y: 0)
        // The group's content sits in its outer box: centred across, below the label room.
        let x = centres[i].x - size.width / 2 + (size.width - boxes[i].width) / 2 + (p.x - boxes[i].minX)
        let y = centres[i].y - size.height / 2 + side(i) + (p.y - boxes[i].minY)
        node.attributes["pos"] = .text(coordinate(x) + "," + coordinate(y) + "!")
        return node
      }
      for i in graph.clusters.indices {
        let size = outer(i)
        pinned.clusters[i].nodes = graph.clusters[i].nodes.map { place($0, group: i) }
        let (x0, y0) = (centres[i].x - size.width / 2, centres[i].y - size.height / 2)
        pinned.clusters[i].attributes["bb"] = .text(
          [x0, y0, x0 + size.width, y0 + size.height].map(coordinate).joined(separator: ","))
      }
      pinned.nodes = graph.nodes.enumerated().map { place($1, group: graph.clusters.count + $0) }
      return pinned
    }
  }

  /// Lays out `graph` and reads the node centres (in points) from Graphviz's `plain` output.
  static func layout(_ graph: DOTGraph, engine: LayoutEngine) throws(RenderError) -> [String: Point] {
    let plain = try Graphviz.render(dot: DOTEncoder.encode(graph), engine: engine, device: "plain", plugin: "core (libgvplugin_core)")
    var positions: [String: Point] = [:]
    for line in String(decoding: plain, as: UTF8.self).split(separator: "\n") where line.hasPrefix("node ") {
      let fields = line.split(separator: " ", maxSplits: 5)
      guard fields.count >= 4, let x = Double(fields[2]), let y = Double(fields[3]) else { continue }
      var name = String(fields[1])
      if name.hasPrefix("\"") && name.hasSuffix("\"") && name.count >= 2 { name = String(name.dropFirst().dropLast()) }
      positions[name] = Point(x: 72 * x, y: 72 * y)
    }
    return positions
  }

  private static func diagonal(_ size: (width: Double, height: Double)) -> Double {
    (size.width * size.width + size.height * size.height).squareRoot()
  }

  private static func number(_ value: DOTValue) -> Double? {
    if case .number(let x) = value { return x }
    return nil
  }

  /// A rough width of a cluster's label in points (sans-serif text averages about 0.62 em),
  /// and its number of lines: plain text or an HTML-like label, lines split at `<br/>`, tags
  /// not counted, an entity counted as one character.
  static func labelEstimate(_ cluster: DOTCluster, fontSize: Double) -> (width: Double, lines: Int) {
    guard let label = cluster.attributes["label"] else { return (0, 1) }
    return textEstimate(label, fontSize: fontSize)
  }

  /// A rough width in points and the number of lines of a label (``labelEstimate(_:fontSize:)``),
  /// with every character at `fontSize`; (0, 1) for a value that is not text.
  static func textEstimate(_ label: DOTValue, fontSize: Double) -> (width: Double, lines: Int) {
    let lines: [String]
    switch label {
    case .text(let label): lines = label.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    case .html(let label): lines = label.markup.split(separator: "<br/>", omittingEmptySubsequences: false).map { visibleText(String($0)) }
    default: return (0, 1)
    }
    return (Double(lines.map(\.count).max() ?? 0) * fontSize * 0.62, max(1, lines.count))
  }

  /// The text of HTML-like markup as shown: tags dropped, each entity one character.
  private static func visibleText(_ markup: String) -> String {
    var out = ""
    var inTag = false, inEntity = false
    for character in markup {
      switch character {
      case "<": inTag = true
      case ">" where inTag: inTag = false
      case "&" where !inTag: inEntity = true; out.append("x")
      case ";" where inEntity: inEntity = false
      default: if !inTag && !inEntity { out.append(character) }
      }
    }
    return out
  }

  private static func coordinate(_ value: Double) -> String { DOTEncoder.number((value * 100).rounded() / 100) }

  struct Point: Hashable {
    var x: Double
    var y: Double
  }

  struct Box {
    var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
    static let empty = Box()
    var width: Double { maxX >= minX ? maxX - minX : 0 }
    var height: Double { maxY >= minY ? maxY - minY : 0 }
    mutating func include(_ p: Point, radius: Double) {
      minX = min(minX, p.x - radius)
      maxX = max(maxX, p.x + radius)
      minY = min(minY, p.y - radius)
      maxY = max(maxY, p.y + radius)
    }
  }
}
