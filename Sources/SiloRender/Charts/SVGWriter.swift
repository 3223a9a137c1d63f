/// SVG written directly by Swift, text escaped by construction.
///
/// Element and attribute names are literals of this file; attribute values are numbers
/// (``coordinate(_:)``), colours checked by ``Colour/checked(_:)``, or keywords of this file.
/// Text, from the user or the catalogs, enters only through ``text(_:x:y:size:anchor:bold:fill:halo:)``
/// and ``open(title:)``, which pass it through ``TextSafety/xmlEscaped(_:)``: a department named
/// `<script>&"` is written as `&lt;script&gt;&amp;&quot;`, never as markup.
///
/// The writer uses no `id`s (no `<defs>`, no `url(#…)`), so that several drawings inlined in one
/// HTML page cannot clash. Every text names ``Typeface/family`` and its `font-size` (in user
/// units, which are points when the SVG is drawn at its own `width`).
struct SVGWriter {
  /// The elements written so far, one per line.
  private(set) var body = ""

  /// Where a text is anchored.
  enum Anchor: String {
    case start, middle, end
  }

  /// `value` with at most two decimals and a point, whatever the locale; `-0` is `0`.
  static func coordinate(_ value: Double) -> String {
    DOTEncoder.number((value * 100).rounded() / 100)
  }

  /// The drawing's root element, `title` and `desc` first, `body` inside.
  static func document(width: Double, height: Double, title: String, description: String, body: String) -> [UInt8] {
    let (w, h) = (coordinate(width), coordinate(height))
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(w)pt\" height=\"\(h)pt\" viewBox=\"0 0 \(w) \(h)\" role=\"img\">\n"
    out += "<title>" + TextSafety.xmlEscaped(title) + "</title>\n"
    out += "<desc>" + TextSafety.xmlEscaped(description) + "</desc>\n"
    out += body
    out += "</svg>\n"
    return Array(out.utf8)
  }

  /// Opens a group; with `title`, the group's tooltip (escaped).
  mutating func open(title: String? = nil) {
    body += "<g>"
    if let title { body += "<title>" + TextSafety.xmlEscaped(title) + "</title>" }
    body += "\n"
  }

  /// Closes the group opened last.
  mutating func close() { body += "</g>\n" }

  /// A filled rectangle.
  mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String) {
    body += "<rect x=\"\(Self.coordinate(x))\" y=\"\(Self.coordinate(y))\" width=\"\(Self.coordinate(width))\" "
      + "height=\"\(Self.coordinate(height))\" fill=\"\(Colour.checked(fill))\"/>\n"
  }

  /// A path: stroked when `stroke` is given, filled when `fill` is (else `fill="none"`).
  mutating func path(
    _ path: Path, stroke: String? = nil, width: Double = 1, fill: String? = nil, fillOpacity: Double? = nil,
    dash: Dash? = nil, round: Bool = false
  ) {
    guard !path.data.isEmpty else { return }
    body += "<path d=\"\(path.data)\" fill=\"\(fill.map(Colour.checked) ?? "none")\""
    if let fillOpacity { body += " fill-opacity=\"\(Self.coordinate(fillOpacity))\"" }
    if let stroke {
      body += " stroke=\"\(Colour.checked(stroke))\" stroke-width=\"\(Self.coordinate(width))\""
      if let dash { body += " stroke-dasharray=\"\(dash.rawValue)\"" }
      if round { body += " stroke-linejoin=\"round\" stroke-linecap=\"round\"" }
    }
    body += "/>\n"
  }

  /// A circle.
  mutating func circle(x: Double, y: Double, radius: Double, fill: String, stroke: String, width: Double) {
    body += "<circle cx=\"\(Self.coordinate(x))\" cy=\"\(Self.coordinate(y))\" r=\"\(Self.coordinate(radius))\" "
      + "fill=\"\(Colour.checked(fill))\" stroke=\"\(Colour.checked(stroke))\" stroke-width=\"\(Self.coordinate(width))\"/>\n"
  }

  /// One line of text (escaped) with its baseline at `y`, in ``Typeface/family`` at `size` points;
  /// with `halo`, a white outline under the letters keeps it readable over lines.
  mutating func text(
    _ content: String, x: Double, y: Double, size: Double, anchor: Anchor = .start, bold: Bool = false,
    fill: String = "#222222", halo: Bool = false
  ) {
    body += "<text x=\"\(Self.coordinate(x))\" y=\"\(Self.coordinate(y))\" font-family=\"\(Typeface.family)\" "
      + "font-size=\"\(Self.coordinate(size))\""
    if anchor != .start { body += " text-anchor=\"\(anchor.rawValue)\"" }
    if bold { body += " font-weight=\"bold\"" }
    body += " fill=\"\(Colour.checked(fill))\""
    if halo { body += " stroke=\"#FFFFFF\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\"" }
    body += ">" + TextSafety.xmlEscaped(content) + "</text>\n"
  }

  /// Dash patterns.
  enum Dash: String {
    /// Reference lines.
    case reference = "5 3"
    /// Leader lines from a line's end to its label.
    case dotted = "1.5 1.5"
  }

  /// Path data built from numbers only.
  struct Path {
    private(set) var data = ""

    mutating func move(_ x: Double, _ y: Double) { append("M", x, y) }
    mutating func line(_ x: Double, _ y: Double) { append("L", x, y) }
    mutating func closePath() { data += "Z" }

    private mutating func append(_ command: String, _ x: Double, _ y: Double) {
      if !data.isEmpty { data += " " }
      data += command + SVGWriter.coordinate(x) + " " + SVGWriter.coordinate(y)
    }
  }
}

/// Text widths in ``Typeface/family`` (DejaVu Sans), estimated from its advance widths, so
/// that a chart can make room for its labels before any renderer measures them.
///
/// Widths per character are DejaVu Sans Book's advances in em (digits 0.636, `a` 0.613, `m`
/// 0.974, `i` 0.278, capitals 0.3–1.0, `%` 0.95, the minus sign 0.838); characters not listed
/// count 0.65 em (letters with diacritics, most scripts), and wide ones (CJK, emoji) 1 em.
/// Bold is DejaVu Sans Bold, about 12 % wider. Viewers without DejaVu Sans fall back to Verdana,
/// of similar width.
enum TextWidth {
  /// The estimated width in points of `text` at `size` points.
  static func of(_ text: String, size: Double, bold: Bool = false) -> Double {
    var em = 0.0
    for scalar in text.unicodeScalars { em += advance(scalar) }
    return em * size * (bold ? 1.12 : 1)
  }

  private static func advance(_ scalar: Unicode.Scalar) -> Double {
    if scalar.value < 128, let width = ascii[Character(scalar)] { return width }
    switch scalar.value {
    case 0x2212, 0x2264, 0x2265: return 0.838  // −, ≤, ≥
    case 0x2026: return 1.0  // …
    case 0x2013: return 0.5  // –
    case 0x2014: return 1.0  // —
    case 0x2192: return 0.838  // →
    case 0x25A0 ... 0x25FF: return 0.77  // geometric shapes: ■ ◆ ▲ ▼
    case 0x1100 ... 0x11FF, 0x2E80 ... 0xA4CF, 0xAC00 ... 0xD7A3, 0xF900 ... 0xFAFF, 0xFE30 ... 0xFE4F, 0xFF00 ... 0xFF60,
      0x1F000 ... 0x1FAFF:
      return 1.0
    case 0x0300 ... 0x036F, 0x200D, 0xFE0F: return 0  // combining marks, joiners
    default: return 0.65
    }
  }

  private static let ascii: [Character: Double] = {
    var table: [Character: Double] = [:]
    let lower: [Double] = [
      0.613, 0.635, 0.550, 0.635, 0.615, 0.352, 0.635, 0.634, 0.278, 0.278, 0.579, 0.278, 0.974, 0.634, 0.612, 0.635, 0.635,
      0.411, 0.521, 0.392, 0.634, 0.592, 0.818, 0.592, 0.592, 0.525,
    ]
    let upper: [Double] = [
      0.684, 0.686, 0.698, 0.770, 0.632, 0.575, 0.775, 0.752, 0.295, 0.295, 0.656, 0.557, 0.863, 0.748, 0.787, 0.603, 0.787,
      0.695, 0.635, 0.611, 0.732, 0.684, 0.989, 0.685, 0.611, 0.685,
    ]
    for (i, width) in lower.enumerated() { table[Character(Unicode.Scalar(UInt8(97 + i)))] = width }
    for (i, width) in upper.enumerated() { table[Character(Unicode.Scalar(UInt8(65 + i)))] = width }
    for digit in "0123456789" { table[digit] = 0.636 }
    let punctuation: [Character: Double] = [
      " ": 0.318, ".": 0.318, ",": 0.318, ":": 0.337, ";": 0.337, "!": 0.400, "?": 0.531, "'": 0.275, "\"": 0.460,
      "%": 0.950, "-": 0.361, "+": 0.838, "=": 0.838, "(": 0.390, ")": 0.390, "[": 0.390, "]": 0.390, "{": 0.636,
      "}": 0.636, "/": 0.337, "\\": 0.337, "&": 0.780, "<": 0.838, ">": 0.838, "#": 0.838, "*": 0.500, "_": 0.500,
      "@": 1.000, "|": 0.337, "~": 0.838, "^": 0.838, "`": 0.500, "$": 0.636,
    ]
    table.merge(punctuation) { $1 }
    return table
  }()
}
