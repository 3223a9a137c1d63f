import Foundation
import SiloGraph
import SiloReport
import Testing
import _SiloTestSupport
@testable import SiloRender

/// The error thrown by `body`, or `nil` when it returns.
func renderError(_ body: () throws(RenderError) -> [UInt8]) -> RenderError? {
  do {
    _ = try body()
    return nil
  } catch {
    return error
  }
}

/// Graphviz through its C API: errors come back as values, the shared context survives
/// them, and every engine this project uses lays out.
@Suite struct GraphvizTests {
  static let valid = "graph \"g\" { a -- b; b -- c; }"
  // Named: Graphviz names an anonymous graph %1, %3, … from a global counter, which would
  // make two renders of the same text differ in the SVG's <title>.
  /// The Graphviz layout plugins SiloScope uses (LayoutEngine.known without "clustered", and
  /// nop, which draws the clustered layout's pinned graph).
  static let graphvizEngines: [LayoutEngine] = [.dot, .neato, .fdp, .sfdp, .circo, .twopi, .nop]

  /// A render that must succeed after an error: three nodes, parsed as SVG.
  private func expectRecovered(_ engine: LayoutEngine = .neato, sourceLocation: SourceLocation = #_sourceLocation) {
    do {
      let scan = SVGScan(try Graphviz.render(dot: Self.valid, engine: engine, format: .svg))
      #expect(scan.parsed, sourceLocation: sourceLocation)
      #expect(scan.count("node") == 3, sourceLocation: sourceLocation)
      #expect(scan.count("edge") == 2, sourceLocation: sourceLocation)
    } catch {
      Issue.record("a valid render failed after an error: \(error)", sourceLocation: sourceLocation)
    }
  }

  @Test("the plugins this project needs are loaded")
  func plugins() throws {
    // Tests/References/graphviz.md §5: Debian's libgvc6 offers these layouts, and svg (core) plus png and pdf (cairo).
    let engines = try Graphviz.availableEngines()
    for engine in Self.graphvizEngines { #expect(engines.contains(engine.rawValue), "\(engine)") }
    // "clustered" is SiloScope's own three-pass layout, not a Graphviz plugin.
    #expect(!engines.contains(LayoutEngine.clustered.rawValue))
    #expect(engines == engines.sorted())
    let formats = try Graphviz.availableFormats()
    for format in ["svg", "png", "pdf"] { #expect(formats.contains(format)) }
    #expect(!formats.contains { $0.contains(":") })
    let version = try Graphviz.version()
    #expect(version.first?.isNumber == true && version.contains("."), "\(version)")
  }

  @Test("an unknown engine is an error listing the engines there are")
  func unknownEngine() throws {
    let bogus = LayoutEngine(rawValue: "bogus")
    let error = renderError { () throws(RenderError) in try Graphviz.render(dot: Self.valid, engine: bogus, format: .svg) }
    guard case .unknownEngine(let name, let available)? = error else {
      Issue.record("expected unknownEngine, got \(String(describing: error))")
      return
    }
    #expect(name == "bogus")
    #expect(available.contains("fdp") && available.contains("neato") && available.contains("sfdp"))
    #expect(error?.kind == .invalidRequest)
    #expect(error?.description.contains("fdp") == true)
    // Through a diagram too.
    var diagram = Diagram(graph: DOTGraph(name: "g", nodes: [DOTNode(id: "a")]), engine: bogus, title: "t", summary: "s", notes: [])
    #expect(renderError { () throws(RenderError) in try diagram.render(.png) } == error)
    diagram.engine = .neato
    #expect(renderError { () throws(RenderError) in try diagram.render(.svg) } == nil)
    expectRecovered()
  }

  @Test("an unknown output device is formatUnavailable, naming the plugin")
  func unknownDevice() throws {
    let error = renderError { () throws(RenderError) in
      try Graphviz.render(dot: Self.valid, engine: .neato, device: "bogus", plugin: "bogus plugin")
    }
    guard case .formatUnavailable(let format, let plugin, let available)? = error else {
      Issue.record("expected formatUnavailable, got \(String(describing: error))")
      return
    }
    #expect(format == "bogus")
    #expect(plugin == "bogus plugin")
    #expect(available.contains("svg"))
    #expect(error?.kind == .capabilityUnavailable)
    expectRecovered()
  }

  @Test("DOT text with a syntax error fails while reading, with Graphviz's message")
  func syntaxError() throws {
    for text in ["graph { a -- ; }", "digraph { a -> ; }", "graph {", "not dot at all"] {
      let error = renderError { () throws(RenderError) in try Graphviz.render(dot: text, engine: .neato, format: .svg) }
      let (stage, message) = try #require(error?.graphvizFailure, "expected a graphviz error for \(text), got \(String(describing: error))")
      #expect(stage.contains("reading"), "\(text)")
      #expect(!message.isEmpty && message != "no message", "\(text)")
      #expect(message.localizedCaseInsensitiveContains("syntax"), "\(text): \(message)")
      #expect(error?.kind == .internalFailure)
      expectRecovered()
    }
  }

  @Test("an invalid HTML-like label is an error, not a silently different label")
  func invalidHTMLLabel() throws {
    // Tests/References/graphviz.md §6: Graphviz logs "not well-formed", falls back to the node name and still
    // returns 0 from gvLayout; the wrapper must notice the logged error.
    for text in ["graph { a [label=<<b>x</i>>]; }", "graph { a [label=<<b>x>]; }", "graph { a [label=<x & y>]; }"] {
      let error = renderError { () throws(RenderError) in try Graphviz.render(dot: text, engine: .neato, format: .svg) }
      let (stage, message) = try #require(error?.graphvizFailure, "expected a graphviz error for \(text), got \(String(describing: error))")
      #expect(stage.contains("laying out") || stage.contains("reading"), "\(stage)")
      #expect(!message.isEmpty && message != "no message")
      expectRecovered()
    }
  }

  @Test("empty DOT text, and an error message longer than 1 KB, come back as errors")
  func emptyTextAndLongMessage() throws {
    for text in ["", "   \n"] {
      let error = renderError { () throws(RenderError) in try Graphviz.render(dot: text, engine: .neato, format: .svg) }
      let stage = try #require(error?.graphvizFailure, "expected a graphviz error for empty text, got \(String(describing: error))").stage
      #expect(stage.contains("reading"))
    }
    // Tests/References/graphviz.md §6: with a message callback, 2.42 corrupts or crashes on messages over about
    // 1 KB; the wrapper reads them with aglasterr instead. Graphviz quotes the label in the message.
    let long = String(repeating: "x", count: 5_000)
    let error = renderError { () throws(RenderError) in
      try Graphviz.render(dot: "graph { a [label=<<b>\(long)</i>>]; }", engine: .neato, format: .svg)
    }
    let message = try #require(error?.graphvizFailure, "expected a graphviz error, got \(String(describing: error))").message
    #expect(message.contains("mismatched tag") || message.contains("not well-formed"), "\(message.prefix(200))")
    expectRecovered()
  }

  @Test("errors in a row, each followed by a good render, leave the context working")
  func recoversAfterManyErrors() throws {
    for round in 0 ..< 3 {
      for engine in [LayoutEngine.fdp, .neato, .sfdp, .dot] {
        #expect(renderError { () throws(RenderError) in try Graphviz.render(dot: "graph { a -- ; }", engine: engine, format: .svg) } != nil)
        #expect(renderError { () throws(RenderError) in try Graphviz.render(dot: "graph { a [label=<<b>x</i>>]; }", engine: engine, format: .png) } != nil)
        #expect(renderError { () throws(RenderError) in try Graphviz.render(dot: Self.valid, engine: engine, device: "bogus", plugin: "p") } != nil)
        expectRecovered(engine)
        let png = try Graphviz.render(dot: Self.valid, engine: engine, format: .png)
        #expect(starts(png, with: pngSignature), "round \(round), \(engine)")
      }
    }
  }

  @Test("a graph with no nodes lays out with every engine", arguments: graphvizEngines)
  func emptyGraphEveryEngine(_ engine: LayoutEngine) throws {
    // Tests/References/graphviz.md §6: 0 nodes → rc 0 and a small valid SVG for all six engines.
    let scan = SVGScan(try Graphviz.render(dot: "graph \"empty\" { }", engine: engine, format: .svg))
    #expect(scan.parsed)
    #expect(scan.rootName == "svg")
    #expect(scan.count("node") == 0)
    #expect(scan.count("graph") == 1)
  }

  @Test("warnings are not errors")
  func warningsPass() throws {
    // Tests/References/graphviz.md §6: an unknown shape and an unknown colour are warnings (rc 0).
    let scan = SVGScan(try Graphviz.render(dot: "graph { a [shape=blob, fillcolor=notacolor, style=filled]; }", engine: .neato, format: .svg))
    #expect(scan.parsed)
    #expect(scan.count("node") == 1)
  }

  @Test("concurrent callers are serialized and all get their drawing")
  func concurrentRenders() async throws {
    let expected = try Graphviz.render(dot: Self.valid, engine: .neato, format: .svg)
    let results = await withTaskGroup(of: [UInt8]?.self) { group in
      for i in 0 ..< 8 {
        group.addTask {
          let engine: LayoutEngine = i % 2 == 0 ? .neato : .fdp
          return try? Graphviz.render(dot: Self.valid, engine: engine, format: .svg)
        }
      }
      var all: [[UInt8]?] = []
      for await result in group { all.append(result) }
      return all
    }
    #expect(results.count == 8)
    for result in results {
      guard let result else {
        Issue.record("a concurrent render failed")
        continue
      }
      let scan = SVGScan(result)
      #expect(scan.parsed && scan.count("node") == 3)
    }
    // Tests/References/graphviz.md §6: neato is repeatable when calls are serialized.
    #expect(results.filter { $0 == expected }.count >= 4)
  }

  // MARK: - Determinism

  /// Renders the Lazega people diagram twice with `engine` (nil: the view's own choice) and
  /// returns a description of the difference, or nil when the bytes are equal.
  private func renderTwice(_ engine: LayoutEngine?) throws -> String? {
    var request = DiagramRequest(view: .people)
    request.options.engine = engine
    let diagram = try RenderFixtures.lazegaCowork().diagram(request)
    let first = try diagram.render(.svg)
    let second = try diagram.render(.svg)
    return lineDifference(first, second).map { "\(diagram.engine): \($0)" }
  }

  @Test("the same diagram renders to the same SVG bytes twice in one process: clustered (the people view's default) and neato")
  func sameBytesTwice() throws {
    let clustered = try renderTwice(nil)
    #expect(clustered == nil, "\(clustered ?? "")")
    let neato = try renderTwice(.neato)
    #expect(neato == nil, "\(neato ?? "")")
  }

  @Test("fdp with clusters is not repeatable in Graphviz 2.42 (why the people view does not use it)")
  func fdpTwice() throws {
    // ClusteredLayout.swift: five runs of the same DOT text gave four drawings. Recorded as a
    // known issue so that the suite notices if a Graphviz upgrade makes fdp repeatable.
    let fdp = try renderTwice(.fdp)
    withKnownIssue("Graphviz fdp with clusters gives a different drawing on a second layout", isIntermittent: true) {
      #expect(fdp == nil, "\(fdp ?? "")")
    }
  }

  @Test("the same network and seed give the same drawing when the diagram is built again; another seed another")
  func sameDOTRebuilt() throws {
    let network = try RenderFixtures.lazegaCowork()
    let a = try network.diagram(DiagramRequest(view: .people))
    let b = try network.diagram(DiagramRequest(view: .people))
    #expect(a.dotText == b.dotText)
    #expect(try a.render(.dot) == b.render(.dot))
    var other = DiagramRequest(view: .people)
    other.options.seed = 2
    let c = try network.diagram(other)
    #expect(c.seed == 2)
    #expect(try c.render(.dot) != a.render(.dot))
  }
}
