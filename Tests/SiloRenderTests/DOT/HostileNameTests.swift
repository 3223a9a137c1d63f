import Foundation
import SiloGraph
import SiloReport
import Testing
import _SiloTestSupport
@testable import SiloRender

/// Names that break naive escaping, through every view and output format. Names are read
/// back through an XML parser: a name that came out as markup, lost a character or gained
/// one does not match.
@Suite struct HostileNameTests {
  static let names = [
    #"José "Pepe" <b>Müller</b> & Zoë"#,
    "Gemeente 's-Hertogenbosch",
    #"DOMAIN\jan"#,
    #"\N -- comment"#,
    #"a ]; node [shape=box] "x"#,
    "محمد العربي",
    "Eve\u{202E}kcah.exe",
    #"=HYPERLINK("x") \G \\ \E \T"#,
    #"C:\new\tmp"#,
    "Ünal 👩🏽‍💻",
  ]
  /// The names as they must appear: the U+202E RIGHT-TO-LEFT OVERRIDE removed.
  static let shown = names.map { $0.replacingOccurrences(of: "\u{202E}", with: "") }
  static let departments = ["ICT & <Beheer>", "ICT & <Beheer>", "ICT & <Beheer>", "Financiën", "Financiën", "Financiën",
    "ICT & <Beheer>", "Financiën", "Financiën", "ICT & <Beheer>"]

  /// A ring of the ten people with one chord, in two departments.
  static func network() -> Network {
    RenderFixtures.network(
      names: names, departments: departments, edges: [(0, 1), (1, 2), (2, 3), (3, 4), (4, 5), (5, 6), (6, 7), (7, 8), (8, 9), (9, 0), (0, 5)])
  }

  /// Whether `texts` show `name` as a label: alone, or after a broker's rank ("3. name").
  /// Whether `name` (or "k. name" for a broker) is a label, on one line or wrapped onto two
  /// consecutive text elements (broken at a space, or after a hyphen or slash).
  private func labelled(_ name: String, in texts: [String]) -> Bool {
    let shown = [name] + (1 ... 5).map { "\($0). \(name)" }
    let pairs = zip(texts, texts.dropFirst()).flatMap { [$0 + " " + $1, $0 + $1] }
    return shown.contains { texts.contains($0) || pairs.contains($0) }
  }

  @Test("people view: SVG parses, every name is a label and a tooltip, exactly")
  func peopleSVG() throws {
    let diagram = try Self.network().diagram(DiagramRequest(view: .people))
    let svg = try diagram.render(.svg)
    let scan = SVGScan(svg)
    try #require(scan.parsed, "\(String(describing: scan.error))")
    #expect(scan.count("node") == 10)
    #expect(scan.count("cluster") == 2)
    #expect(scan.count("edge") == 11)
    // No name became a node or an attribute of its own: node ids are ours.
    #expect(Set(scan.groupTitles["node"] ?? []) == Set((0 ..< 10).map { "p\($0)" }))
    for name in Self.shown {
      #expect(labelled(name, in: scan.texts), "label \(name)")
      #expect(scan.tooltips.contains { $0.components(separatedBy: "\n").first == name }, "tooltip \(name)")
    }
    // The backslashes survive Graphviz's escString processing, once each.
    #expect(scan.texts.contains(#"DOMAIN\jan"#))
    #expect(scan.texts.contains(#"C:\new\tmp"#))
    #expect(!scan.texts.contains { $0.contains("DOMAINjan") || $0.contains(#"DOMAIN\\jan"#) })
    // Graphviz's own escapes in a name (\N the node's id, \G the graph's name, \\ one
    // backslash) are shown as written, in labels and tooltips alike.
    #expect(scan.tooltips.contains { $0.hasPrefix(#"\N -- comment"# + "\n") })
    #expect(scan.tooltips.contains { $0.hasPrefix(#"=HYPERLINK("x") \G \\ \E \T"# + "\n") })
    #expect(scan.tooltips.contains { $0.hasPrefix(#"C:\new\tmp"# + "\n") })
    #expect(!scan.tooltips.contains { $0.hasPrefix("p") && $0.contains(" -- comment") })
    // The department with markup in its name: box label (wrapped at 12 characters), box tooltip, legend.
    #expect(scan.texts.contains("ICT &") && scan.texts.contains("<Beheer>"))
    #expect(scan.tooltips.contains("ICT & <Beheer>: 5 people"))
    #expect(scan.texts.contains("ICT & <Beheer> (5)"))
    #expect(scan.tooltips.contains { $0.contains("\nDepartment: ICT & <Beheer>\n") })
    // The override character is gone from every byte of the file.
    #expect(!String(decoding: svg, as: UTF8.self).unicodeScalars.contains("\u{202E}"))
    // Only Graphviz's own elements: no <b> from a name, no element named after one.
    #expect(scan.count("b") == 0)
  }

  @Test("people view: PNG and PDF render")
  func peopleBitmaps() throws {
    let diagram = try Self.network().diagram(DiagramRequest(view: .people))
    let png = try diagram.render(.png)
    #expect(starts(png, with: pngSignature))
    #expect(png.count > 1_000)
    let pdf = try diagram.render(.pdf)
    #expect(starts(pdf, with: Array("%PDF-".utf8)))
    // A PDF ends with %%EOF (ISO 32000-1, 7.5.5), possibly followed by a line break.
    #expect(String(decoding: pdf.suffix(8), as: UTF8.self).contains("%%EOF"))
  }

  @Test("departments, communities and ego views with hostile names", arguments: [DiagramView.departments, .communities, .ego])
  func otherViews(_ view: DiagramView) throws {
    let network = Self.network()
    let diagram = try network.diagram(DiagramRequest(view: view, person: view == .ego ? Self.names[0] : nil))
    let scan = SVGScan(try diagram.render(.svg))
    try #require(scan.parsed, "\(String(describing: scan.error))")
    switch view {
    case .departments:
      #expect(scan.count("node") == 2)
      // Wrapped at 12 characters in the circle, whole in the tooltip.
      #expect(scan.texts.contains("ICT &") && scan.texts.contains("<Beheer>"))
      #expect(scan.texts.contains("Financiën"))
      #expect(scan.tooltips.contains { $0.hasPrefix("ICT & <Beheer>\n5 people\n") })
    case .ego:
      // Person 0's contacts: 1, 5 and 9 (ring neighbours and the chord).
      #expect(scan.count("node") == 4)
      #expect(scan.rootTitle == "Ego network of " + Self.shown[0])
      #expect(scan.texts.contains(Self.shown[0]))
      for i in [1, 5, 9] { #expect(scan.texts.contains(Self.shown[i]), "\(Self.shown[i])") }
      // The legend note is wrapped: the phrase may run over two lines.
      #expect(scan.texts.joined(separator: " ").contains("Dark lines: ties of " + Self.shown[0]))
    default:
      #expect(scan.count("node") == 10)
      for name in Self.shown { #expect(labelled(name, in: scan.texts), "\(name)") }
    }
    for format in [DiagramFormat.png, .pdf] {
      let bytes = try diagram.render(format)
      #expect(format == .png ? starts(bytes, with: pngSignature) : starts(bytes, with: Array("%PDF".utf8)))
    }
  }

  @Test("a hostile heading ends up as text in the SVG's title and the legend")
  func hostileHeading() throws {
    var request = DiagramRequest(view: .people)
    request.options.heading = #"Q3 <script>alert("x")</script> & 's-Hertogenbosch"#
    let diagram = try Self.network().diagram(request)
    let scan = SVGScan(try diagram.render(.svg))
    try #require(scan.parsed)
    #expect(scan.rootTitle == "Collaboration between people, by department: " + request.options.heading!)
    #expect(scan.texts.contains(request.options.heading!))
    #expect(scan.count("script") == 0)
  }

  @Test("names longer than 32 characters are wrapped onto two lines in labels, whole; kept whole in tooltips")
  func longNames() throws {
    let long = "Maximiliaan Alexander van der Boschhuizen-Oudendijk"
    let network = RenderFixtures.network(names: [long, "b"], departments: ["X", "X"], edges: [(0, 1)])
    let scan = SVGScan(try network.diagram(DiagramRequest(view: .people)).render(.svg))
    try #require(scan.parsed)
    #expect(scan.texts.contains("Maximiliaan Alexander van"))
    #expect(scan.texts.contains("der Boschhuizen-Oudendijk"))
    #expect(!scan.texts.contains { $0.contains("…") })
    #expect(scan.tooltips.contains { $0.hasPrefix(long + "\n") })
  }
}
