import SiloRender

/// A piece of HTML, escaped by construction.
///
/// Markup can only come from string literals in SiloScope's source (the literal type is
/// `StaticString`); everything interpolated into a literal is escaped for HTML text and
/// double- or single-quoted attributes (`&`, `<`, `>`, `"`, `'`; control and invisible
/// characters removed, as in every output), unless it is itself `HTML`:
///
/// ```swift
/// let row: HTML = "<td title=\"\(name)\">\(name)</td>"   // name is a String: escaped twice over
/// page.add("<tr>\(row)</tr>")                             // row is HTML: kept as it is
/// ```
///
/// So a name from the input cannot reach a page unescaped by a forgotten call. The one
/// entry for markup that is not a literal is `inlineSVG(_:figure:)`, for the SVG that
/// SiloRender draws (whose labels are escaped by construction there).
public struct HTML: Sendable, Hashable, ExpressibleByStringInterpolation, CustomStringConvertible {
  /// The markup.
  public private(set) var description: String

  private init(markup: String) { description = markup }

  public init(stringLiteral literal: StaticString) { description = literal.description }

  public init(stringInterpolation: StringInterpolation) { description = stringInterpolation.out }

  /// Escaped text.
  public init(text: String) { description = Self.escaped(text) }

  /// Nothing.
  public static let empty = HTML(markup: "")

  public struct StringInterpolation: StringInterpolationProtocol {
    var out = ""

    public init(literalCapacity: Int, interpolationCount: Int) { out.reserveCapacity(literalCapacity + 16 * interpolationCount) }

    public mutating func appendLiteral(_ literal: StaticString) { out += literal.description }

    /// Text: escaped.
    public mutating func appendInterpolation(_ text: String) { out += HTML.escaped(text) }

    /// Markup: as it is.
    public mutating func appendInterpolation(_ html: HTML) { out += html.description }

    /// An integer in plain digits.
    public mutating func appendInterpolation<I: BinaryInteger>(_ value: I) { out += String(value) }

    /// A CSS string, quoted, inside a `<style>` element: quotes and backslashes escaped,
    /// line breaks and control characters cleaned away (as in every output), `<` written as
    /// `\3C ` so that no `</style>` can be formed.
    public mutating func appendInterpolation(css text: String) {
      out += "\""
      for scalar in TextSafety.cleaned(text).unicodeScalars {
        switch scalar {
        case "\"", "\\": out += "\\" + String(scalar)
        case "<": out += "\\3C "
        default: out.unicodeScalars.append(scalar)
        }
      }
      out += "\""
    }

    /// A double in Swift's shortest round-trip form (for `data-value` attributes).
    public mutating func appendInterpolation(exact value: Double) { out += HTML.escaped("\(value)") }
  }

  public static func + (a: HTML, b: HTML) -> HTML { HTML(markup: a.description + b.description) }

  public static func += (a: inout HTML, b: HTML) { a.description += b.description }

  /// The pieces with `separator` between them.
  public static func joined(_ pieces: some Sequence<HTML>, separator: HTML = .empty) -> HTML {
    HTML(markup: pieces.map(\.description).joined(separator: separator.description))
  }

  /// Text escaped for HTML text and quoted attributes (SiloRender's `TextSafety.xmlEscaped`).
  static func escaped(_ text: String) -> String { TextSafety.xmlEscaped(text) }

  /// Graphviz's SVG without its XML prolog, doctype and comments, with every id prefixed so
  /// that several drawings can share one page. The SVG comes from SiloRender, which writes
  /// every label through its own escaping types; this is the only way into `HTML` for
  /// markup that is not a literal.
  /// Ids are prefixed `f1-`, `f2-`, … by `figure`.
  static func inlineSVG(_ svg: [UInt8], figure: Int) -> HTML {
    var text = String(decoding: svg, as: UTF8.self)
    if let start = text.firstRange(of: "<svg") { text = String(text[start.lowerBound...]) }
    var out = ""
    out.reserveCapacity(text.utf8.count)
    var rest = text[...]
    while let comment = rest.firstRange(of: "<!--") {
      out += rest[..<comment.lowerBound]
      guard let end = rest[comment.upperBound...].firstRange(of: "-->") else { rest = rest[rest.endIndex...]; break }
      rest = rest[end.upperBound...]
    }
    out += rest
    return HTML(markup: out.replacing(" id=\"", with: " id=\"f\(figure)-"))
  }
}
