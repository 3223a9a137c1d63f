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
  public static func text(_ value: String) -> String { text(value, dialect: .standard) }

  /// One text cell in `dialect`: control, invisible and direction characters removed
  /// (SiloIngest's `Names.printable(_:)`, as in every output), quoted when it holds the
  /// delimiter, a quote or a line break, and defused against formula injection.
  public static func text(_ value: String, dialect: CSVDialect) -> String {
    var value = Names.printable(value)
    if let first = value.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
      value = "'" + value
    }
    if value.contains(where: { $0 == dialect.delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
      var escaped = "\""
      for c in value { escaped += c == "\"" ? "\"\"" : String(c) }
      return escaped + "\""
    }
    return value
  }

  /// One number cell; empty when undefined.
  public static func number(_ value: Double) -> String { number(value, dialect: .standard) }

  /// One number cell in `dialect` (a decimal comma for Dutch Excel); empty when undefined.
  public static func number(_ value: Double, dialect: CSVDialect) -> String {
    guard value.isFinite else { return "" }
    if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
    let text = String(value)
    return dialect.decimalComma ? text.replacing(".", with: ",") : text
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
    departmentMatrix(departments, weights: weights, dialect: .standard, leavingOut: nil)
  }

  /// The same in `dialect`, without the department named `leftOut` (a group privacy
  /// suppresses) in either direction.
  public static func departmentMatrix(
    _ departments: DepartmentNetwork, weights: Bool = false, dialect: CSVDialect, leavingOut leftOut: String?
  ) -> String {
    let keep = departments.names.indices.filter { departments.names[$0] != leftOut }
    var out = dialect.start + dialect.line((["department", "people"] + keep.map { departments.names[$0] }).map { text($0, dialect: dialect) })
    for a in keep {
      var cells = [text(departments.names[a], dialect: dialect), String(departments.headCounts[a])]
      for b in keep {
        cells.append(weights ? number(departments.weight(a, b), dialect: dialect) : String(departments.ties(a, b)))
      }
      out += dialect.line(cells)
    }
    return out
  }
}

/// How CSV files are written.
public struct CSVDialect: Sendable, Hashable {
  /// The field delimiter.
  public var delimiter: Character
  /// Numbers with a decimal comma (7,5) instead of a point.
  public var decimalComma: Bool
  /// Start the file with a UTF-8 byte-order mark, so that Excel reads it as UTF-8.
  public var byteOrderMark: Bool

  public init(delimiter: Character, decimalComma: Bool, byteOrderMark: Bool) {
    self.delimiter = delimiter
    self.decimalComma = decimalComma
    self.byteOrderMark = byteOrderMark
  }

  /// RFC 4180: commas, decimal points, no byte-order mark; for programs and English Excel.
  public static let standard = CSVDialect(delimiter: ",", decimalComma: false, byteOrderMark: false)
  /// What Excel with Dutch (or German, French…) regional settings opens by double-click:
  /// semicolons, decimal commas, and a UTF-8 byte-order mark so that "Financiën" stays
  /// "Financiën".
  public static let excelDutch = CSVDialect(delimiter: ";", decimalComma: true, byteOrderMark: true)

  /// `cells` joined by the delimiter.
  public func line(_ cells: [String]) -> String { cells.joined(separator: String(delimiter)) + "\n" }

  /// The file's start: the byte-order mark when asked for.
  public var start: String { byteOrderMark ? "\u{FEFF}" : "" }
}
