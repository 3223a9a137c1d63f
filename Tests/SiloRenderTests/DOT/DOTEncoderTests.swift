import Foundation
import SiloGraph
import SiloReport
import Testing
@testable import SiloRender

/// The DOT text SiloScope hands to Graphviz, checked against text written out by hand from
/// the DOT grammar (graphviz.org/doc/info/lang.html): statements end in `;`, attribute lists
/// are `[name=value, …]`, every id is a double-quoted string, HTML-like labels are `<…>`.
@Suite struct DOTEncoderTests {
  @Test("undirected graph with graph, node and edge defaults")
  func undirectedWithDefaults() {
    let graph = DOTGraph(
      name: "people",
      attributes: ["layout": .text("neato"), "overlap": .keyword("false"), "start": .number(7)],
      nodeDefaults: ["shape": .keyword("circle"), "width": .number(0.5), "label": .text("")],
      edgeDefaults: ["color": .text("#7F7F7FAA"), "arrowsize": .number(0.5)],
      nodes: [DOTNode(id: "p0", attributes: ["xlabel": .text("Ruud Ünal"), "width": .number(1 / 3)]), DOTNode(id: "p1")],
      edges: [
        DOTEdge(tail: "p0", head: "p1", attributes: ["penwidth": .number(2.5)]),
        DOTEdge(tail: "p1", head: "p0"),
      ])
    let expected = """
      graph "people" {
        graph [layout="neato", overlap=false, start=7];
        node [shape=circle, width=0.5, label=""];
        edge [color="#7F7F7FAA", arrowsize=0.5];
        "p0" [xlabel="Ruud Ünal", width=0.3333];
        "p1";
        "p0" -- "p1" [penwidth=2.5];
        "p1" -- "p0";
      }

      """
    #expect(DOTEncoder.encode(graph) == expected)
    #expect(graph.nodeCount == 2)
  }

  @Test("directed graph with a cluster and an HTML label")
  func directedWithClusterAndHTML() {
    // HTML-like labels are written between < and > as they are (their markup is
    // HTMLLabel's, tested in TextSafetyTests); this one is plain escaped text.
    let heading = HTMLLabel.text("Financiën & ICT")
    #expect(heading.markup == "Financiën &amp; ICT")
    let lines = HTMLLabel.lines([.text("a < b"), .text("c")])
    #expect(lines.markup == "a &lt; b<br/>c")
    let graph = DOTGraph(
      name: "org", directed: true,
      attributes: ["label": .html(heading), "labelloc": .keyword("b")],
      clusters: [
        DOTCluster(
          id: "d0", attributes: ["label": .text("Financiën"), "bgcolor": .text("#EBF2FA")],
          nodes: [DOTNode(id: "p0", attributes: ["tooltip": .text("José \"Pepe\"\nDepartment: Financiën")]), DOTNode(id: "p2")]),
        DOTCluster(id: "d1", nodes: [DOTNode(id: "p3")]),
      ],
      nodes: [DOTNode(id: "p1", attributes: ["xlabel": .html(lines)])],
      edges: [DOTEdge(tail: "p0", head: "p1"), DOTEdge(tail: "p1", head: "p3", attributes: ["penwidth": .number(-0.75)])])
    // Clusters come first (their nodes inside), then loose nodes, then every edge at the top
    // level; a cluster without attributes gets no `graph [...]` line.
    let expected = #"""
      digraph "org" {
        graph [label=<Financiën &amp; ICT>, labelloc=b];
        subgraph "cluster_d0" {
          graph [label="Financiën", bgcolor="#EBF2FA"];
          "p0" [tooltip="José \"Pepe\"\nDepartment: Financiën"];
          "p2";
        }
        subgraph "cluster_d1" {
          "p3";
        }
        "p1" [xlabel=<a &lt; b<br/>c>];
        "p0" -> "p1";
        "p1" -> "p3" [penwidth=-0.75];
      }

      """#
    #expect(DOTEncoder.encode(graph) == expected)
    #expect(graph.nodeCount == 4)
  }

  @Test("a graph with nothing in it")
  func emptyGraph() {
    #expect(DOTEncoder.encode(DOTGraph(name: "e")) == "graph \"e\" {\n}\n")
    #expect(DOTEncoder.encode(DOTGraph(name: "e", directed: true)) == "digraph \"e\" {\n}\n")
  }

  @Test("attributes keep the order they were set in; replacing keeps the place, nil removes")
  func attributeOrder() {
    var attributes: DOTAttributes = ["b": .number(1), "a": .number(2)]
    attributes["c"] = .text("x")
    attributes["b"] = .number(3)
    attributes["a"] = nil
    #expect(attributes.map { $0.name.description } == ["b", "c"])
    #expect(attributes["b"] == .number(3))
    #expect(attributes["a"] == nil)
    let graph = DOTGraph(name: "g", attributes: attributes)
    #expect(DOTEncoder.encode(graph) == "graph \"g\" {\n  graph [b=3, c=\"x\"];\n}\n")
    // Same pairs in another order are another value (the DOT text differs).
    #expect(DOTAttributes(dictionaryLiteral: ("c", .text("x")), ("b", .number(3))) != attributes)
  }

  @Test("tooltips and links double every backslash again: Graphviz unescapes them twice")
  func tooltipBackslashes() {
    #expect(DOTEncoder.quoted(#"a\N"#, for: "label") == #""a\\N""#)
    #expect(DOTEncoder.quoted(#"a\N"#, for: "xlabel") == #""a\\N""#)
    #expect(DOTEncoder.quoted(#"a\N"#, for: "tooltip") == #""a\\\\N""#)
    #expect(DOTEncoder.quoted(#"a\N"#, for: "URL") == #""a\\\\N""#)
    // A line break stays one escape in both.
    #expect(DOTEncoder.quoted("a\nb", for: "tooltip") == #""a\nb""#)
    let graph = DOTGraph(name: "g", nodes: [DOTNode(id: "p0", attributes: ["label": .text(#"\G"#), "tooltip": .text(#"\G"#)])])
    #expect(DOTEncoder.encode(graph).contains(#""p0" [label="\\G", tooltip="\\\\G"];"#))
  }

  @Test("a hostile name stays one node: no statement, attribute or comment can be injected")
  func injectionStaysInsideTheString() {
    let hostile = "a ]; node [shape=box] \"x"
    let graph = DOTGraph(name: "g", nodes: [DOTNode(id: "p0", attributes: ["label": .text(hostile)])])
    #expect(DOTEncoder.encode(graph) == #"graph "g" {"# + "\n" + #"  "p0" [label="a ]; node [shape=box] \"x"];"# + "\n}\n")
  }

  // MARK: - quoted(_:)

  /// Each input and the DOT string it must become, written out by hand: `"` and `\` are
  /// escaped with a backslash, line breaks become the two characters `\n`, and every other
  /// character is kept or removed as TextSafety documents.
  static let quotedCases: [(String, String)] = [
    ("plain", #""plain""#),
    (#"say "hi""#, #""say \"hi\"""#),
    (#"DOMAIN\jan"#, #""DOMAIN\\jan""#),
    (#"C:\new\tmp"#, #""C:\\new\\tmp""#),
    (#"\N \G \l"#, #""\\N \\G \\l""#),
    ("a\nb", #""a\nb""#),
    ("a\rb", #""a\nb""#),
    ("a\r\nb", #""a\nb""#),
    ("a\n\nb", #""a\n\nb""#),
    ("a\r\r\nb", #""a\n\nb""#),
    ("a\u{2028}b", #""a\nb""#),
    ("a\u{2029}b", #""a\nb""#),
    ("a < b & c > d", #""a < b & c > d""#),
    ("<b>x</b>", #""<b>x</b>""#),
    ("node", #""node""#),
    ("graph", #""graph""#),
    ("subgraph", #""subgraph""#),
    ("strict", #""strict""#),
    ("digraph", #""digraph""#),
    ("edge", #""edge""#),
    ("", #""""#),
    ("-- comment", #""-- comment""#),
    ("// c", #""// c""#),
    ("محمد العربي", "\"محمد العربي\""),
    ("Eve\u{202E}kcah.exe", #""Evekcah.exe""#),
    ("\u{202A}\u{202B}x\u{202C}\u{202D}\u{2066}\u{2067}\u{2068}\u{2069}", #""x""#),
    ("\u{FEFF}bom", #""bom""#),
    ("mark\u{200F}gone", #""markgone""#),
    ("nonchar\u{FFFE}\u{FFFF}", #""nonchar""#),
    ("back\\slash \\N \\G", #""back\\slash \\N \\G""#),
    ("nul\u{0}bel\u{7}esc\u{1B}del\u{7F}csi\u{9B}", #""nulbelescdelcsi""#),
    ("a\tb", #""a b""#),
    ("Gemeente 's-Hertogenbosch", #""Gemeente 's-Hertogenbosch""#),
    ("Ünal", #""Ünal""#),
    ("Zoë", #""Zoë""#),
    ("Zoe\u{308}", "\"Zoe\u{308}\""),
    ("👩🏽‍💻 team 🇳🇱", "\"👩🏽‍💻 team 🇳🇱\""),
  ]

  @Test("quoted strings", arguments: quotedCases)
  func quoted(_ input: String, _ expected: String) {
    let output = DOTEncoder.quoted(input)
    #expect(output == expected)
    // Scalar by scalar too, so that canonically equivalent strings (Zoë precomposed or with a
    // combining diaeresis) cannot pass for each other.
    #expect(Array(output.unicodeScalars) == Array(expected.unicodeScalars))
  }

  @Test("the combining and precomposed forms of ë are both kept as given")
  func normalizationKept() {
    #expect(Array(DOTEncoder.quoted("Zo\u{EB}").utf8) == [0x22, 0x5A, 0x6F, 0xC3, 0xAB, 0x22])
    #expect(Array(DOTEncoder.quoted("Zoe\u{308}").utf8) == [0x22, 0x5A, 0x6F, 0x65, 0xCC, 0x88, 0x22])
  }

  /// U+0085 NEXT LINE is a C1 control character and a line break for TextSafety (it is in
  /// `isLineBreak`), but `quoted` has no case for it, so it is written into the DOT string raw.
  @Test(
    "NEL (U+0085) becomes a line break or disappears")
  func nextLine() {
    let output = DOTEncoder.quoted("a\u{85}b")
    #expect(output == #""a\nb""# || output == #""a b""# || output == #""ab""#)
  }

  // MARK: - number(_:)

  /// Expected text written by hand: at most four decimals, rounded half away from zero, no
  /// trailing zeros, no exponent, `0` for what Graphviz could not read.
  static let numberCases: [(Double, String)] = [
    (0, "0"), (-0.0, "0"), (1, "1"), (-1, "-1"), (0.5, "0.5"), (-0.5, "-0.5"), (2.5, "2.5"),
    (1.0 / 3, "0.3333"), (2.0 / 3, "0.6667"), (-1.0 / 3, "-0.3333"), (-2.0 / 3, "-0.6667"),
    (0.05, "0.05"), (0.0001, "0.0001"), (0.00004, "0"), (-0.00004, "0"), (1e-9, "0"), (-1e-9, "0"),
    (0.1 + 0.2, "0.3"), (1.23456, "1.2346"), (10, "10"), (1_000_000, "1000000"),
    (123456.78901, "123456.789"), (-123456.78901, "-123456.789"), (1e-5, "0"), (0.99999, "1"), (-0.99999, "-1"),
    (1e12, "1000000000000"), (.nan, "0"), (.infinity, "0"), (-.infinity, "0"),
  ]

  @Test("numbers", arguments: numberCases)
  func number(_ value: Double, _ expected: String) {
    #expect(DOTEncoder.number(value) == expected)
  }

  @Test("numbers do not depend on the locale (no decimal comma)")
  func numberHasAPoint() {
    for value in [0.5, 1234.5678, -3.25] { #expect(!DOTEncoder.number(value).contains(",")) }
  }

  /// `number` converts `value.rounded()` to `Int64` once `value × 10⁴ ≥ 10¹⁵`; from 2⁶³
  /// (≈ 9.22 × 10¹⁸) on that conversion traps and the process dies. Run in a child process
  /// (an exit test), so that the suite survives when it is enabled before the fix.
  @Test(
    "very large finite numbers are written without crashing")
  func hugeNumbers() async {
    #expect(DOTEncoder.number(9.2e18) == "9200000000000000000")
    await #expect(processExitsWith: .success) {
      _ = DOTEncoder.number(1e19)
      _ = DOTEncoder.number(-1e300)
    }
  }

  /// The same crash from data: edge lists accept any finite positive weight
  /// (FieldParsing.checkedWeight), and a person's tooltip prints their total weight.
  @Test(
    "a tie weight of 1e19 does not crash the people diagram")
  func hugeWeightDiagram() async {
    await #expect(processExitsWith: .success) {
      var builder = GraphBuilder(nodeCount: 2)
      builder.addEdge(NodeID(0), NodeID(1), weight: 1e19)
      let network = Network(graph: builder.build(), nodes: NodeTable(ids: ["a", "b"]))
      _ = try? network.diagram(DiagramRequest(view: .people))
    }
  }
}
