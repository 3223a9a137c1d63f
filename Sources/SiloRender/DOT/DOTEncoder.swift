/// Writes a ``DOTGraph`` as DOT text.
///
/// Every id and every text value is written as a quoted string through ``quoted(_:)``, so
/// no name can close a string, start an attribute or a comment, or be read as a DOT keyword
/// (`node`, `graph`, `subgraph`, `strict`). The output is the same bytes for the same graph.
///
/// ```
/// graph "people" {
///   graph [layout="fdp", label=<...>];
///   node [shape="circle"];
///   subgraph "cluster_0" { graph [label="Financiën"]; "p0" [label="Ruud Ünal"]; }
///   "p0" -- "p1" [penwidth=2.5];
/// }
/// ```
public enum DOTEncoder {
  /// The DOT text of `graph`, ending with a line break.
  public static func encode(_ graph: DOTGraph) -> String {
    var out = ""
    out.reserveCapacity(64 * (graph.nodeCount + graph.edges.count) + 256)
    out += graph.directed ? "digraph " : "graph "
    out += quoted(graph.name)
    out += " {\n"
    if !graph.attributes.isEmpty { out += "  graph" + list(graph.attributes) + ";\n" }
    if !graph.nodeDefaults.isEmpty { out += "  node" + list(graph.nodeDefaults) + ";\n" }
    if !graph.edgeDefaults.isEmpty { out += "  edge" + list(graph.edgeDefaults) + ";\n" }
    for cluster in graph.clusters {
      out += "  subgraph " + quoted("cluster_" + cluster.id) + " {\n"
      if !cluster.attributes.isEmpty { out += "    graph" + list(cluster.attributes) + ";\n" }
      for node in cluster.nodes { out += "    " + statement(node) }
      out += "  }\n"
    }
    for node in graph.nodes { out += "  " + statement(node) }
    for group in graph.sameRank where !group.isEmpty {
      out += "  { rank=\"same\"; " + group.map { quoted($0) + "; " }.joined() + "}\n"
    }
    let connector = graph.directed ? " -> " : " -- "
    for edge in graph.edges {
      out += "  " + quoted(edge.tail) + connector + quoted(edge.head)
      out += edge.attributes.isEmpty ? ";\n" : list(edge.attributes) + ";\n"
    }
    out += "}\n"
    return out
  }

  /// `text` as a DOT quoted string, shown literally by Graphviz.
  ///
  /// - `"` becomes `\"`, and `\` becomes `\\`: in labels Graphviz reads a backslash as an
  ///   escape (`\n`, `\l`, `\N`, …), so `DOMAIN\jan` would lose its backslash.
  /// - A line break (LF, CR, CR LF, and the Unicode line and paragraph separators) becomes
  ///   `\n`, a centred line break in a label.
  /// - Other control characters, and the Unicode direction overrides and isolates
  ///   (U+202A–U+202E, U+2066–U+2069), are removed by
  ///   ``TextSafety/cleaned(_:keepingLineBreaks:)``: a name cannot reorder the text around
  ///   it. Right-to-left names keep their own direction.
  /// - Everything else, diacritics and non-Latin scripts included, is kept as UTF-8.
  ///
  /// Tooltips and links are read for escapes twice (once as labels are, once when the SVG
  /// writes them out), so there a backslash is written four times: ``quoted(_:for:)``.
  public static func quoted(_ text: String) -> String { quoted(text, backslash: "\\\\") }

  /// `text` as a DOT quoted string for the attribute `name`, shown literally by Graphviz.
  ///
  /// Graphviz 2.42 turns `\\` into `\` once in labels (`label`, `xlabel`, cluster labels),
  /// and twice in tooltips and links (``twiceEscaped``): a name `\N` is written `\\N` in a
  /// label and `\\\\N` in a tooltip, or Graphviz shows the node's id in its place (`\G` the
  /// graph's name, `\\` a single backslash). Measured through libgvc by
  /// `Tests/References/graphviz-escapes.sh` (table in `Tests/References/graphviz.md` §4).
  public static func quoted(_ text: String, for name: String) -> String {
    quoted(text, backslash: twiceEscaped.contains(name) ? "\\\\\\\\" : "\\\\")
  }

  /// The attributes whose text Graphviz unescapes twice.
  public static let twiceEscaped: Set<String> = [
    "tooltip", "edgetooltip", "headtooltip", "labeltooltip", "tailtooltip", "URL", "href", "edgeURL", "edgehref",
    "headURL", "headhref", "tailURL", "tailhref", "labelURL", "labelhref",
  ]

  private static func quoted(_ text: String, backslash: String) -> String {
    var out = "\""
    out.reserveCapacity(text.utf8.count + 2)
    var previousWasCR = false
    for scalar in TextSafety.cleaned(text, keepingLineBreaks: true).unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += backslash
      case "\r": out += "\\n"
      case "\n": if !previousWasCR { out += "\\n" }
      case "\u{2028}", "\u{2029}", "\u{85}": out += "\\n"
      default: out.unicodeScalars.append(scalar)
      }
      previousWasCR = scalar == "\r"
    }
    out += "\""
    return out
  }

  /// A number as Graphviz reads it: a point, at most four decimals, no exponent up to
  /// 9.22 × 10¹⁸ (beyond, Swift's shortest form with an exponent, which C's `atof` reads).
  public static func number(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    if abs(value) > 9.22e18 { return value.description }
    let scaled = (value * 10_000).rounded()
    if abs(scaled) >= 1e15 { return String(Int64(value.rounded())) }
    let whole = Int64(scaled)
    let sign = whole < 0 ? "-" : ""
    let magnitude = whole.magnitude
    let integer = magnitude / 10_000
    var fraction = magnitude % 10_000
    if fraction == 0 { return sign + String(integer) }
    var digits = 4
    while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
    let text = String(fraction)
    return sign + String(integer) + "." + String(repeating: "0", count: digits - text.count) + text
  }

  private static func encodeValue(_ value: DOTValue, for name: String) -> String {
    switch value {
    case .text(let text): return quoted(text, for: name)
    case .number(let x): return number(x)
    case .html(let label): return "<" + label.markup + ">"
    case .keyword(let keyword): return keyword.description
    }
  }

  private static func list(_ attributes: DOTAttributes) -> String {
    " [" + attributes.map { "\($0.name)=" + encodeValue($0.value, for: "\($0.name)") }.joined(separator: ", ") + "]"
  }

  private static func statement(_ node: DOTNode) -> String {
    quoted(node.id) + (node.attributes.isEmpty ? "" : list(node.attributes)) + ";\n"
  }
}
