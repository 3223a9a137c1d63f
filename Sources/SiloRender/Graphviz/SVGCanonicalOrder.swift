/// Puts the clusters of Graphviz's SVG in a fixed order.
///
/// Graphviz 2.42 emits clusters in the order of its subgraph dictionary, which is keyed by
/// the addresses of the interned subgraph names: the order (and the `clustN` ids that
/// number them) changes from run to run while the drawing does not. SiloScope's clusters
/// never overlap (``ClusteredLayout`` places them apart), so their drawing order does not
/// change the picture; sorting the cluster elements by their `<title>` (the cluster's DOT
/// id, `cluster_d0`, `cluster_d1`, … compared by number) and renumbering their ids makes the
/// same diagram the same bytes.
///
/// The cluster elements are the consecutive `<g id="clustN" class="cluster">` blocks
/// Graphviz writes before any node or edge; anything unexpected leaves the SVG unchanged.
enum SVGCanonicalOrder {
  static func clustersSorted(_ svg: [UInt8]) -> [UInt8] {
    let text = String(decoding: svg, as: UTF8.self)
    let opening = "<g id=\"clust"
    guard let first = text.firstRange(of: opening) else { return svg }
    var blocks: [(key: Int, title: String, body: Substring)] = []
    var cursor = first.lowerBound
    while text[cursor...].hasPrefix(opening) {
      guard let end = blockEnd(text, from: cursor) else { return svg }
      let body = text[cursor ..< end]
      guard let titleStart = body.firstRange(of: "<title>"), let titleEnd = body[titleStart.upperBound...].firstRange(of: "</title>")
      else { return svg }
      let title = String(body[titleStart.upperBound ..< titleEnd.lowerBound])
      blocks.append((sortKey(title), title, body))
      cursor = end
      while cursor < text.endIndex, text[cursor] == "\n" { cursor = text.index(after: cursor) }
    }
    let sorted = blocks.enumerated().sorted { ($0.element.key, $0.element.title, $0.offset) < ($1.element.key, $1.element.title, $1.offset) }
    var out = String(text[..<first.lowerBound])
    for (position, block) in sorted.enumerated() {
      out += renumbered(block.element.body, to: position + 1) + "\n"
    }
    out += text[cursor...]
    return Array(out.utf8)
  }

  /// The index just after the `</g>` that closes the `<g` at `start`.
  private static func blockEnd(_ text: String, from start: String.Index) -> String.Index? {
    var depth = 0
    var i = start
    while let next = text[i...].firstRange(of: "<") {
      let rest = text[next.lowerBound...]
      if rest.hasPrefix("<g ") || rest.hasPrefix("<g>") {
        depth += 1
      } else if rest.hasPrefix("</g>") {
        depth -= 1
        if depth == 0 { return text.index(next.lowerBound, offsetBy: 4) }
      }
      i = next.upperBound
    }
    return nil
  }

  /// `cluster_d12` → 12; titles without a number sort after, by text.
  private static func sortKey(_ title: String) -> Int {
    let digits = title.reversed().prefix { $0.isASCII && $0.isNumber }
    guard !digits.isEmpty, let number = Int(String(digits.reversed())) else { return Int.max }
    return number
  }

  /// The block with its `id="clustN"` and `id="a_clustN"` set to `number`.
  private static func renumbered(_ block: Substring, to number: Int) -> String {
    var out = ""
    var rest = block[...]
    for prefix in ["id=\"clust", "id=\"a_clust"] {
      guard let found = rest.firstRange(of: prefix), let quote = rest[found.upperBound...].firstIndex(of: "\"") else { continue }
      out += rest[..<found.upperBound] + String(number)
      rest = rest[quote...]
    }
    return out + rest
  }
}
