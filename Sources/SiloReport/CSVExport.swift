import Foundation
import SiloGraph
import SiloIngest

/// CSV files for spreadsheets: RFC 4180 quoting, UTF-8, `\n` line ends.
///
/// Text cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`,
/// tab or carriage return) are prefixed with an apostrophe, as OWASP's "CSV injection"
/// guidance recommends, so opening an export never executes anything. Numbers are written
/// as numbers: measures rounded to 4 significant digits (``number(_:dialect:)``: more is
/// noise in a spreadsheet), tie weights of a network export in full (``weight(_:)``: they are
/// data another program reads back).
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

  /// One number cell in `dialect` (a decimal comma for Dutch Excel), rounded to 4
  /// significant digits without trailing zeros (0.955026 → 0.955, 1234.567 → 1235,
  /// 0.000123456 → 0.0001235); whole numbers as integers; empty when undefined.
  public static func number(_ value: Double, dialect: CSVDialect) -> String {
    guard value.isFinite else { return "" }
    if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
    let text = significant(value, digits: 4)
    return dialect.decimalComma ? text.replacing(".", with: ",") : text
  }

  /// A tie weight in full (Swift's shortest representation that reads back to the same
  /// double), for network exports.
  public static func weight(_ value: Double) -> String {
    guard value.isFinite else { return "" }
    if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
    return String(value)
  }

  /// `value` with `digits` significant digits, in plain decimal notation (no exponent down
  /// to 1e-15; below, Swift's shortest form).
  static func significant(_ value: Double, digits: Int) -> String {
    let magnitude = Int((abs(value)).log10Floor)
    let places = digits - 1 - magnitude
    guard places <= 15 else { return String(value) }
    if places <= 0 {
      var scale = 1.0
      for _ in 0 ..< -places { scale *= 10 }
      let rounded = (value / scale).rounded() * scale
      return rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int64(rounded)) : String(rounded)
    }
    var text = NumberText.decimal(value, places: places)
    if text.contains(".") {
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    return text == "-0" ? "0" : text
  }

  /// `source,target,weight`, one line per tie (undirected ties once), ids as in the input.
  public static func edges(_ network: Network) -> String {
    var out = "source,target,weight\n"
    for edge in network.graph.edges {
      out += text(network.nodes[edge.source]) + "," + text(network.nodes[edge.target]) + "," + weight(edge.weight) + "\n"
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
      cells.append(weight(network.graph.strength(of: NodeID(v))))
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
  /// suppresses) in either direction, with `labels` over the first two columns.
  public static func departmentMatrix(
    _ departments: DepartmentNetwork, weights: Bool = false, dialect: CSVDialect, leavingOut leftOut: String?,
    labels: (department: String, people: String) = ("department", "people")
  ) -> String {
    let keep = departments.names.indices.filter { departments.names[$0] != leftOut }
    let heading = [labels.department, labels.people] + keep.map { departments.names[$0] }
    var out = dialect.start + dialect.line(heading.map { text($0, dialect: dialect) })
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

extension Double {
  /// ⌊log₁₀ |x|⌋ for a finite non-zero x, corrected for the rounding of `log10` at powers of ten.
  fileprivate var log10Floor: Double {
    guard self != 0 else { return 0 }
    var e = (Foundation.log10(self)).rounded(.down)
    if Foundation.pow(10, e) > self { e -= 1 } else if Foundation.pow(10, e + 1) <= self { e += 1 }
    return e
  }
}
