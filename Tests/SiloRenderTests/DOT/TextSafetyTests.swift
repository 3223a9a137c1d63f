import Foundation
import Testing
@testable import SiloRender

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The elements and text of an XML fragment, read by Foundation's XMLParser.
private final class FragmentScan: NSObject, XMLParserDelegate {
  var elements: [String] = []
  var attributes: [[String: String]] = []
  var text = ""
  var error: (any Error)?

  /// Parses `markup` wrapped in a root element, as Graphviz reads an HTML-like label (XML).
  init(_ markup: String) {
    super.init()
    let parser = XMLParser(data: Data(("<root>" + markup + "</root>").utf8))
    parser.delegate = self
    if !parser.parse() { error = parser.parserError ?? CocoaError(.fileReadCorruptFile) }
  }

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    elements.append(name)
    self.attributes.append(attributes)
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
  func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) { error = parseError }

  func count(_ name: String) -> Int { elements.filter { $0 == name }.count }
}

@Suite struct TextSafetyTests {
  static let pepe = #"José "Pepe" <b>Müller</b> & Zoë"#

  @Test("cleaned: controls and direction overrides go, letters of every script stay")
  func cleaned() {
    #expect(TextSafety.cleaned("Eve\u{202E}kcah") == "Evekcah")
    #expect(TextSafety.cleaned("a\tb") == "a b")
    #expect(TextSafety.cleaned("a\nb\r\nc") == "a b  c")
    #expect(TextSafety.cleaned("a\nb", keepingLineBreaks: true) == "a\nb")
    #expect(TextSafety.cleaned("x\u{0}\u{1F}\u{7F}\u{80}\u{9F}y") == "xy")
    #expect(TextSafety.cleaned("\u{FEFF}id") == "id")
    #expect(TextSafety.cleaned("محمد العربي") == "محمد العربي")
    #expect(TextSafety.cleaned("Gemeente 's-Hertogenbosch") == "Gemeente 's-Hertogenbosch")
    // The implicit direction marks are invisible, so they go too (one list with the readers:
    // InvisibleCharacters); joiners inside an emoji sequence stay.
    #expect(TextSafety.cleaned("a\u{200E}b") == "ab")
    #expect(TextSafety.cleaned("a\u{FFFE}b\u{FFFF}c" + String(Unicode.Scalar(0xFDD0 as UInt32)!)) == "abc")
    #expect(TextSafety.cleaned("An\u{200D}a\u{200B}") == "Ana")
    #expect(TextSafety.cleaned("🧑‍🚀") == "🧑‍🚀")
  }

  @Test("xmlEscaped: the five XML specials become entities, text is cleaned first")
  func xmlEscaped() {
    #expect(TextSafety.xmlEscaped(Self.pepe) == "José &quot;Pepe&quot; &lt;b&gt;Müller&lt;/b&gt; &amp; Zoë")
    #expect(TextSafety.xmlEscaped("Gemeente 's-Hertogenbosch") == "Gemeente &#39;s-Hertogenbosch")
    #expect(TextSafety.xmlEscaped("&amp;") == "&amp;amp;")
    #expect(TextSafety.xmlEscaped("a\nb\u{202E}c") == "a bc")
    #expect(TextSafety.xmlEscaped(#"DOMAIN\jan"#) == #"DOMAIN\jan"#)
    #expect(TextSafety.xmlEscaped("") == "")
  }

  @Test("an escaped name reads back unchanged from XML, as element text and as attribute value")
  func xmlRoundTrip() throws {
    for name in [Self.pepe, "Gemeente 's-Hertogenbosch", #"DOMAIN\jan"#, "محمد العربي", #"=HYPERLINK("x")"#, "]]> <!-- -->"] {
      let escaped = TextSafety.xmlEscaped(name)
      let scan = FragmentScan(#"<e a=""# + escaped + #"">"# + escaped + "</e>")
      #expect(scan.error == nil, "\(name)")
      #expect(scan.text == name)
      #expect(scan.attributes.last?["a"] == name)
      #expect(scan.elements == ["root", "e"])
    }
  }

  @Test("HTMLLabel.text: a name appears only escaped, never as markup")
  func htmlText() throws {
    let label = HTMLLabel.text(Self.pepe)
    #expect(label.markup == "José &quot;Pepe&quot; &lt;b&gt;Müller&lt;/b&gt; &amp; Zoë")
    #expect(!label.markup.contains("<b>"))
    let scan = FragmentScan(label.markup)
    #expect(scan.error == nil)
    #expect(scan.elements == ["root"])
    #expect(scan.text == Self.pepe)
  }

  @Test("HTMLLabel.text with bold, size and colour: one <b>, one <font> with exactly those attributes")
  func htmlTextStyled() throws {
    let label = HTMLLabel.text(Self.pepe, bold: true, pointSize: 12.5, colour: "#444444")
    let scan = FragmentScan(label.markup)
    #expect(scan.error == nil)
    #expect(scan.count("b") == 1)
    #expect(scan.count("font") == 1)
    #expect(Set(scan.elements) == ["root", "font", "b"])
    let font = try #require(zip(scan.elements, scan.attributes).first { $0.0 == "font" }?.1)
    #expect(font["point-size"] == "12.5")
    #expect(font["color"] == "#444444")
    #expect(Set(font.keys).isSubset(of: ["point-size", "color", "face"]))
    #expect(scan.text == Self.pepe)
    // Bold only: no size or colour set.
    let bold = FragmentScan(HTMLLabel.text("x", bold: true).markup)
    #expect(bold.error == nil && bold.count("b") == 1 && bold.text == "x")
    #expect(zip(bold.elements, bold.attributes).allSatisfy { $0.0 != "font" || ($0.1["point-size"] == nil && $0.1["color"] == nil) })
  }

  @Test("HTMLLabel.text: a colour that is not #RRGGBB(AA) becomes black, so it cannot break out")
  func htmlColourChecked() throws {
    for (colour, expected) in [(#"red" onload="x"#, "#000000"), ("#12345G", "#000000"), ("", "#000000"), ("#7F7F7FAA", "#7F7F7FAA"), ("#abcdef", "#abcdef")] {
      let scan = FragmentScan(HTMLLabel.text("x", colour: colour).markup)
      #expect(scan.error == nil, "\(colour)")
      let fonts = zip(scan.elements, scan.attributes).filter { $0.0 == "font" }.map(\.1)
      #expect(fonts.count == 1)
      #expect(fonts.first?["color"] == expected, "\(colour)")
      #expect(fonts.first?["onload"] == nil)
      #expect(scan.text == "x")
    }
  }

  @Test("HTMLLabel.text doubles backslashes, which Graphviz would read as its escapes (\\N, \\G)")
  func htmlBackslashes() {
    #expect(HTMLLabel.text(#"2025 \N"#).markup == #"2025 \\N"#)
    #expect(HTMLLabel.text(#"C:\new"#, bold: true).markup.contains(#"<b>C:\\new</b>"#))
  }

  @Test("HTMLLabel.lines joins with <br/>")
  func htmlLines() throws {
    let parts: [HTMLLabel] = [.text("ICT & <Beheer>", bold: true), .text("E-I −0.5"), .text("3 people", pointSize: 9)]
    let label = HTMLLabel.lines(parts)
    #expect(label.markup == parts.map(\.markup).joined(separator: "<br/>"))
    let scan = FragmentScan(label.markup)
    #expect(scan.error == nil)
    #expect(scan.count("br") == 2)
    #expect(scan.count("b") == 1)
    #expect(scan.attributes.contains { $0["point-size"] == "9" })
    #expect(scan.text == "ICT & <Beheer>E-I −0.53 people")
    #expect(HTMLLabel.lines([]).markup == "")
  }

  @Test("HTMLLabel.legend: well-formed, every text escaped, one row per entry")
  func legend() throws {
    let entries: [(colour: String, text: String)] = [
      ("#77AADD", Self.pepe + " (3)"), ("#EE8866", "ICT & <Beheer> (4)"), ("#F7F7F7", "balance"),
    ]
    let label = HTMLLabel.legend(heading: "Org <chart>", title: "Departments & teams", entries: entries, note: "Line width: \"hours\"")
    let scan = FragmentScan(label.markup)
    #expect(scan.error == nil)
    // Outer table: heading, title, entries, note (4 rows); inner table: 3 rows of 1 entry.
    #expect(scan.count("table") == 2)
    #expect(scan.count("tr") == 4 + 3)
    // Bold only where the legend puts it (heading and title), none from the name's <b>.
    #expect(scan.count("b") == 2)
    #expect(scan.text.contains(Self.pepe + " (3)"))
    #expect(scan.text.contains("ICT & <Beheer> (4)"))
    #expect(scan.text.contains("Org <chart>"))
    #expect(scan.text.contains("Departments & teams"))
    #expect(scan.text.contains("Line width: \"hours\""))
    // Swatches: filled squares in the entry colour, a hollow grey one for the near-white entry.
    let swatches = scan.attributes.compactMap { $0["color"] }
    #expect(swatches.contains("#77AADD") && swatches.contains("#EE8866") && swatches.contains("#999999"))
    #expect(!swatches.contains("#F7F7F7"))
    #expect(scan.text.components(separatedBy: "■").count - 1 == 2)
    #expect(scan.text.components(separatedBy: "□").count - 1 == 1)
  }

  @Test("HTMLLabel.legend: columns side by side, no title row without entries")
  func legendColumns() throws {
    let five = (0 ..< 5).map { (colour: Colour.category($0), text: "D\($0)") }
    let scan = FragmentScan(HTMLLabel.legend(title: "T", entries: five, columns: 2).markup)
    #expect(scan.error == nil)
    // Outer: title + entries = 2 rows; inner: ⌈5/2⌉ = 3 rows, 5 entry cells each followed by
    // an empty spacer cell; the outer rows have 1 cell each.
    #expect(scan.count("tr") == 2 + 3)
    #expect(scan.count("td") == 2 + 2 * 5)

    let empty = FragmentScan(HTMLLabel.legend(heading: "H", title: "T", entries: [], columns: 3, note: "n").markup)
    #expect(empty.error == nil)
    #expect(empty.count("table") == 1)
    #expect(empty.count("tr") == 2)
    #expect(!empty.text.contains("T"))
  }
}
