/// SiloScope's layout for a tree with other lines over it (the org chart): `dot` lays out the
/// tree alone (every edge without `constraint=false`), and `nop` draws the whole graph with
/// the boxes where `dot` put them, the other lines routed around the boxes as splines. The
/// other lines thus cannot pull the boxes out of their places under their managers, which
/// they do when `dot` sees them (its crossing minimization and placement count every edge).
enum TreeLayout {
  /// `graph` with every node pinned at its place in the tree and every cluster's box given,
  /// for `nop`.
  static func pinned(_ graph: DOTGraph) throws(RenderError) -> DOTGraph {
    var tree = graph
    tree.edges = graph.edges.filter { $0.attributes["constraint"] != .keyword("false") }
    tree.attributes["layout"] = .text("dot")
    let boxes = try layout(tree)
    var pinned = graph
    pinned.attributes["layout"] = .text("nop")
    pinned.attributes["splines"] = .keyword("true")
    for key: StaticString in ["compound", "ordering", "rankdir", "nodesep", "ranksep"] { pinned.attributes[key] = nil }
    func place(_ node: DOTNode) -> DOTNode {
      var node = node
      if let box = boxes[node.id] { node.attributes["pos"] = .text("\(rounded(box.x)),\(rounded(box.y))!") }
      return node
    }
    pinned.nodes = graph.nodes.map(place)
    for i in graph.clusters.indices {
      pinned.clusters[i].nodes = graph.clusters[i].nodes.map(place)
      let members = graph.clusters[i].nodes.compactMap { boxes[$0.id] }
      guard !members.isEmpty else { continue }
      let margin = 6.0
      let corners = [
        members.map { $0.x - $0.width / 2 }.min()! - margin, members.map { $0.y - $0.height / 2 }.min()! - margin,
        members.map { $0.x + $0.width / 2 }.max()! + margin, members.map { $0.y + $0.height / 2 }.max()! + margin,
      ]
      pinned.clusters[i].attributes["bb"] = .text(corners.map(rounded).joined(separator: ","))
    }
    // `lhead` is `dot`'s: under `nop` the line ends at the column's first box.
    pinned.edges = graph.edges.map { edge in
      var edge = edge
      edge.attributes["lhead"] = nil
      return edge
    }
    return pinned
  }

  /// Node centres and sizes, in points, from Graphviz's `plain` output.
  private static func layout(_ graph: DOTGraph) throws(RenderError) -> [String: (x: Double, y: Double, width: Double, height: Double)] {
    let plain = try Graphviz.render(dot: DOTEncoder.encode(graph), engine: .dot, device: "plain", plugin: "core (libgvplugin_core)")
    var boxes: [String: (x: Double, y: Double, width: Double, height: Double)] = [:]
    for line in String(decoding: plain, as: UTF8.self).split(separator: "\n") where line.hasPrefix("node ") {
      let fields = line.split(separator: " ", maxSplits: 6)
      guard fields.count >= 6, let x = Double(fields[2]), let y = Double(fields[3]), let w = Double(fields[4]), let h = Double(fields[5]) else {
        continue
      }
      var name = String(fields[1])
      if name.hasPrefix("\"") && name.hasSuffix("\"") && name.count >= 2 { name = String(name.dropFirst().dropLast()) }
      boxes[name] = (72 * x, 72 * y, 72 * w, 72 * h)
    }
    return boxes
  }

  private static func rounded(_ value: Double) -> String { DOTEncoder.number((value * 100).rounded() / 100) }
}
