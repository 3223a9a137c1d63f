import SiloGraph

/// Cleaning and escaping of user text (people's and departments' names) for the formats
/// SiloScope draws in.
public enum TextSafety {
  /// `text` without the characters that could change how the text *around* it is shown:
  ///
  /// - the characters of SiloGraph's `InvisibleCharacters`: C0 and C1 control characters
  ///   (tab becomes a space; line breaks are kept only when `keepingLineBreaks`, otherwise
  ///   they become a space), zero-width and invisible characters, the Unicode direction marks,
  ///   embeddings, overrides and isolates (a name holding U+202E, RIGHT-TO-LEFT OVERRIDE,
  ///   would otherwise turn the rest of a label around), the byte-order mark, and the
  ///   noncharacters (U+FFFE and U+FFFF would make an SVG invalid XML).
  ///
  /// Letters of every script, diacritics, right-to-left text (which the Unicode
  /// bidirectional algorithm still orders correctly within the name), emoji and the joiners
  /// inside emoji sequences and Arabic or Indic words are kept.
  public static func cleaned(_ text: String, keepingLineBreaks: Bool = false) -> String {
    let visible = InvisibleCharacters.removed(from: text) { isLineBreak($0) || $0 == "\t" }
    func isSpaced(_ scalar: Unicode.Scalar) -> Bool { scalar == "\t" || (!keepingLineBreaks && isLineBreak(scalar)) }
    guard visible.unicodeScalars.contains(where: isSpaced) else { return visible }
    var out = String.UnicodeScalarView()
    for scalar in visible.unicodeScalars { out.append(isSpaced(scalar) ? " " : scalar) }
    return String(out)
  }

  /// `text` for XML and HTML (SVG `<title>`/`<desc>`, Graphviz's HTML-like labels, the
  /// report): `&`, `<`, `>`, `"` and `'` as entities, after ``cleaned(_:keepingLineBreaks:)``.
  public static func xmlEscaped(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in cleaned(text).unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  private static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}" || scalar == "\u{85}"
  }
}

/// An HTML-like label for Graphviz (legends, multi-line node labels), built only from
/// escaped parts: text goes in through ``TextSafety/xmlEscaped(_:)``, so a name such as
/// `José "Pepe" <b>Müller</b> & Zoë` is shown as written, never read as markup.
public struct HTMLLabel: Sendable, Hashable {
  /// The markup, without the outer `<` `>` that DOT puts around it.
  public let markup: String

  private init(markup: String) { self.markup = markup }

  /// Plain text (escaped), optionally bold, in a point size and colour.
  ///
  /// Besides the XML escaping, a backslash is doubled: Graphviz 2.42 expands its escapes
  /// (`\N` the node's id, `\G` the graph's name, …) in the text of HTML-like labels too, even
  /// when written as `&#92;`, and turns `\\` into one backslash, so that a period named
  /// `2025 \N` would otherwise show the node's id.
  public static func text(_ text: String, bold: Bool = false, pointSize: Double? = nil, colour: String? = nil) -> HTMLLabel {
    var markup = TextSafety.xmlEscaped(text).replacing("\\", with: "\\\\")
    if bold { markup = "<b>" + markup + "</b>" }
    if pointSize != nil || colour != nil || bold {
      // The face is named every time: a <font> without one falls back to Times in 2.42.
      var font = "<font face=\"\(Typeface.family)\""
      if let pointSize { font += " point-size=\"\(DOTEncoder.number(pointSize))\"" }
      if let colour { font += " color=\"\(Colour.checked(colour))\"" }
      markup = font + ">" + markup + "</font>"
    }
    return HTMLLabel(markup: markup)
  }

  /// Lines, one below the other.
  public static func lines(_ lines: [HTMLLabel]) -> HTMLLabel {
    HTMLLabel(markup: lines.map(\.markup).joined(separator: "<br/>"))
  }

  /// This label with every `point-size` below `floor` raised to `floor`; text without a
  /// point size takes its owner's `fontsize` (see ``DOTGraph/raisingFontSizes(toAtLeast:)``).
  ///
  /// Safe by construction: text is escaped when a label is built, so `point-size="` occurs
  /// in the markup only as an attribute this type wrote (a quote in text is `&quot;`).
  func raisingPointSizes(toAtLeast floor: Double) -> HTMLLabel {
    let key = "point-size=\""
    var out = ""
    var rest = Substring(markup)
    while let range = rest.firstRange(of: key) {
      out += rest[..<range.upperBound]
      rest = rest[range.upperBound...]
      guard let close = rest.firstIndex(of: "\""), let size = Double(rest[..<close]) else { continue }
      out += DOTEncoder.number(max(size, floor))
      rest = rest[close...]
    }
    return HTMLLabel(markup: out + rest)
  }

  /// A legend: a heading, a title row, one row per entry with a swatch of its colour and
  /// its text (`columns` entries side by side), and a note; one table, since Graphviz does
  /// not mix text and tables at the top of a label.
  public static func legend(
    heading: String? = nil, title: String?, entries: [(colour: String, text: String)], columns: Int = 1, note: String? = nil,
    scale: Double = 1
  ) -> HTMLLabel {
    legend(
      heading: heading, title: title, items: entries.map { LegendEntry(colour: $0.colour, text: $0.text) }, columns: columns,
      note: note, scale: scale)
  }

  /// A legend whose entries carry their own symbols (``LegendEntry/symbol``); otherwise as
  /// the legend of `(colour, text)` pairs. A heading and a note may
  /// hold line breaks (`\n`): each line is a line of the legend.
  public static func legend(
    heading: String? = nil, title: String?, items entries: [LegendEntry], columns: Int = 1, note: String? = nil, scale: Double = 1
  ) -> HTMLLabel {
    let columns = max(1, entries.isEmpty ? 1 : min(columns, entries.count))
    // The outer table stacks heading, entries and note; the entries sit in a table of their
    // own so that a long note does not widen the swatch columns.
    var markup = "<table border=\"0\" cellborder=\"0\" cellspacing=\"0\" cellpadding=\"2\">"
    func row(_ content: String) { markup += "<tr><td align=\"left\" balign=\"left\">" + content + "</td></tr>" }
    func multiline(_ text: String, bold: Bool = false, pointSize: Double, colour: String? = nil) -> String {
      lines(text.split(separator: "\n", omittingEmptySubsequences: false).map {
        .text(String($0), bold: bold, pointSize: pointSize, colour: colour)
      }).markup
    }
    if let heading { row(multiline(heading, bold: true, pointSize: 16 * scale)) }
    if let title, !entries.isEmpty { row(text(title, bold: true, pointSize: 12 * scale).markup) }
    if !entries.isEmpty { row(entryTable(entries, columns: columns, scale: scale)) }
    if let note { row(multiline(note, pointSize: 10 * scale, colour: "#444444")) }
    markup += "</table>"
    return HTMLLabel(markup: markup)
  }

  /// The entries, `columns` side by side. Each entry is one cell: its symbol in its colour (a
  /// hollow grey one for near-white) and the text. (Swatch cells of their own get stretched by
  /// Graphviz when a heading is wider than the entries, leaving a gap between swatch and text.)
  private static func entryTable(_ entries: [LegendEntry], columns: Int, scale: Double) -> String {
    var table = "<table border=\"0\" cellborder=\"0\" cellspacing=\"0\" cellpadding=\"1\">"
    var index = 0
    while index < entries.count {
      table += "<tr>"
      for entry in entries[index ..< min(entries.count, index + columns)] {
        let light = Colour.isNearWhite(entry.colour)
        let symbol = light && entry.symbol == "■" ? "□" : entry.symbol
        let swatch = "<font face=\"\(Typeface.family)\" point-size=\"\(DOTEncoder.number(15 * scale))\" color=\"\(light ? "#999999" : Colour.checked(entry.colour))\">"
          + TextSafety.xmlEscaped(symbol) + "</font>"
        table += "<td align=\"left\" cellpadding=\"\(DOTEncoder.number(2 * scale))\">" + swatch + " "
          + text(entry.text, pointSize: 12 * scale).markup + "</td><td width=\"\(DOTEncoder.number(14 * scale))\"></td>"
      }
      table += "</tr>"
      index += columns
    }
    return table + "</table>"
  }
}

/// One entry of a diagram's legend: a symbol in a colour, and what it stands for.
public struct LegendEntry: Sendable, Hashable {
  /// The colour, `#RRGGBB`.
  public var colour: String
  /// What it stands for (escaped when the legend is built).
  public var text: String
  /// The symbol drawn in the colour: "■" (a colour chip) unless the entry's marker differs
  /// (see ``CategoryStyle/legendSymbol``).
  public var symbol: String

  public init(colour: String, text: String, symbol: String = "■") {
    self.colour = colour
    self.text = text
    self.symbol = symbol
  }
}
