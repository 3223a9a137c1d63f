import SiloGraph
import SiloIngest

/// CSV files for spreadsheets: RFC 4180 quoting, UTF-8, `\n` line ends.
///
/// Text cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`,
/// tab or carriage return) are prefixed with an apostrophe, as OWASP's "CSV injection"
/// guidance recommends, so opening an export never executes anything. Numbers are written
/// as numbers.
public enum CSVExport {
  /// One text cell, quoted when needed and defused against formula injection.
  public static func text(_ value: String) -> String {
    var value = value
    if let first = value.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
      value = "'" + value
    }
    if value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
      var escaped = "\""
      for c in value { escaped += c == "\"" ? "\"\"" : String(c) }
      return escaped + "\""
    }
    return value
  }

  /// One number cell; empty when undefined.
  public static func number(_ value: Double) -> String {
    guard value.isFinite else { return "" }
    if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
    return String(value)
  }

  /// `source,target,weight`, one line per tie (undirected ties once), ids as in the input.
  public static func edges(_ network: Network) -> String {
    var out = "source,target,weight\n"
    for edge in network.graph.edges {
      out += text(network.nodes[edge.source]) + "," + text(network.nodes[edge.target]) + "," + number(edge.weight) + "\n"
    }
    return out
  }

  /// `id,department,…attributes,degree,strength`, one line per person.
  public static func nodes(_ network: Network) -> String {
    let names = network.nodes.attributeNames
    let columns = names.map { network.nodes.attributeColumn($0)! }
    var out = (["id"] + names + ["degree", "strength"]).map(text).joined(separator: ",") + "\n"
    for v in 0 ..< network.graph.nodeCount {
      var cells = [text(network.nodes.ids[v])]
      for column in columns { cells.append(text(column[v] ?? "")) }
      cells.append(String(network.graph.degree(of: NodeID(v))))
      cells.append(number(network.graph.strength(of: NodeID(v))))
      out += cells.joined(separator: ",") + "\n"
    }
    return out
  }

  /// The department × department matrix of tie counts (inside on the diagonal), with head
  /// counts: the block-model view, ready for a spreadsheet's conditional formatting.
  public static func departmentMatrix(_ departments: DepartmentNetwork, weights: Bool = false) -> String {
    let k = departments.names.count
    var out = (["department", "people"] + departments.names).map(text).joined(separator: ",") + "\n"
    for a in 0 ..< k {
      var cells = [text(departments.names[a]), String(departments.headCounts[a])]
      for b in 0 ..< k {
        cells.append(weights ? number(departments.weight(a, b)) : String(departments.ties(a, b)))
      }
      out += cells.joined(separator: ",") + "\n"
    }
    return out
  }
}
