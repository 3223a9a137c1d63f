/// A diagram, ready to render: the DOT graph, the engine that lays it out, and what was
/// chosen on the way.
public struct Diagram: Sendable, Hashable {
  /// What is drawn.
  public var graph: DOTGraph
  /// The layout engine (also set as the graph's `layout` attribute, so that the DOT text
  /// renders the same with the Graphviz command line).
  public var engine: LayoutEngine
  /// A one-line title: the SVG's `<title>`.
  public var title: String
  /// What the diagram shows and how to read it: the SVG's `<desc>`.
  public var summary: String
  /// The choices made for this drawing (engine by size, labels left out, people drawn as
  /// departments…), in plain language, for the user and for the SVG's `<desc>`.
  public var notes: [String]

  /// The seed of the layout.
  public var seed: UInt64

  /// The names ``fitted(to:)`` may leave out, most important first; `nil` when a view has
  /// none to leave out.
  var nameFitting: NameFitting?
  /// Whether the drawing's places and sizes are fixed in units of its text (the department
  /// map): ``fitted(to:)`` leaves it as it is, since larger text would only overflow it.
  var fixedGeometry = false

  /// Creates a diagram from a DOT graph built by hand; the views (``people(_:options:)``
  /// and the others) build theirs with a ``LayoutPlan``.
  ///
  /// Everything is stored as given. `engine` is not written into the graph's attributes:
  /// ``render(_:)`` hands it to Graphviz, and for ``dotText`` to draw the same on the command
  /// line, set the graph's `layout` attribute too.
  ///
  /// - Parameters:
  ///   - graph: What is drawn.
  ///   - engine: The layout engine; ``LayoutEngine/clustered`` lays out the graph's clusters
  ///     itself and draws with `nop`.
  ///   - seed: The seed of the clustered layout (other engines take theirs from the graph's
  ///     `start` attribute).
  ///   - title: The SVG's `<title>`.
  ///   - summary: The first part of the SVG's `<desc>`.
  ///   - notes: The choices made, appended to the `<desc>`.
  public init(graph: DOTGraph, engine: LayoutEngine, seed: UInt64 = 1, title: String, summary: String, notes: [String]) {
    self.graph = graph
    self.engine = engine
    self.seed = seed
    self.title = title
    self.summary = summary
    self.notes = notes
  }

  /// The DOT text before layout (for ``LayoutEngine/clustered`` without positions; see
  /// ``render(_:)`` with `.dot` for the text with them).
  public var dotText: String { DOTEncoder.encode(graph) }

  /// The graph Graphviz draws and the engine that draws it: for ``LayoutEngine/clustered``
  /// the graph with every position pinned, drawn by `nop`.
  func laidOut() throws(RenderError) -> (text: String, engine: LayoutEngine) {
    switch engine {
    case .clustered: return (DOTEncoder.encode(try ClusteredLayout.pinned(graph, seed: seed)), .nop)
    case .tree: return (DOTEncoder.encode(try TreeLayout.pinned(graph)), .nop)
    default: return (dotText, engine)
    }
  }

  /// The diagram in `format`. SVG gets a `<title>` and a `<desc>` (the summary and the
  /// notes) right after its `<svg>` tag, for screen readers and for whoever opens the file
  /// later; DOT is the encoder's text and needs no Graphviz.
  ///
  /// Layout time grows with the engine and the size; the views choose engines and limits
  /// that keep a 5,000-person organization under a minute (see ``LayoutPlan``).
  public func render(_ format: DiagramFormat) throws(RenderError) -> [UInt8] {
    try render(format, page: PageLayout())
  }

  /// The diagram in `format` on `page`: at its resolution (PNG) and, when the page has a
  /// size, scaled to fit and centred on it (PNG, PDF, SVG; DOT text ignores the page).
  ///
  /// `render(.png, page: .slide(aspectWidth: 16, aspectHeight: 9, dpi: 300))` gives a
  /// 4,000 × 2,250 pixel image for a widescreen slide.
  public func render(_ format: DiagramFormat, page: PageLayout) throws(RenderError) -> [UInt8] {
    var diagram = self
    if format == .png, let dpi = page.dpi { diagram.graph.attributes["dpi"] = .number(dpi) }
    let (text, engine) = try diagram.laidOut()
    let size = page.width.flatMap { w in page.height.map { (width: 72 * w, height: 72 * $0) } }
    switch format {
    case .dot:
      return Array(text.utf8)
    case .svg:
      let svg = SVGCanonicalOrder.clustersSorted(try Graphviz.render(dot: text, engine: engine, format: .svg, page: size))
      return Diagram.describing(svg: svg, title: title, description: ([summary] + notes).joined(separator: " "))
    case .png, .pdf:
      return try Graphviz.render(dot: text, engine: engine, format: format, page: size)
    }
  }

  /// `svg` with a `<title>` and `<desc>` inserted as the first children of its root element.
  static func describing(svg: [UInt8], title: String, description: String) -> [UInt8] {
    let open = Array("<svg".utf8)
    guard let start = firstIndex(of: open, in: svg, from: 0),
      let end = svg[start...].firstIndex(of: UInt8(ascii: ">"))
    else { return svg }
    let insert = "\n<title>" + TextSafety.xmlEscaped(title) + "</title>\n<desc>" + TextSafety.xmlEscaped(description) + "</desc>"
    return Array(svg[...end]) + Array(insert.utf8) + Array(svg[(end + 1)...])
  }

  private static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
    guard needle.count <= bytes.count else { return nil }
    var i = from
    while i + needle.count <= bytes.count {
      if bytes[i] == needle[0] && Array(bytes[i ..< i + needle.count]) == needle { return i }
      i += 1
    }
    return nil
  }
}

/// The page a diagram is drawn on: its resolution, and optionally its size.
///
/// Without a size the page is the drawing's own. With one, the drawing is scaled (up or
/// down) to fit it, less a 2 % margin, and centred, the rest white: a slide gets the whole
/// drawing, however large the organization.
public struct PageLayout: Sendable, Hashable {
  /// Pixels per inch of a PNG (Graphviz's `dpi`); `nil` for Graphviz's own (96 with cairo).
  public var dpi: Double?
  /// The page's width in inches, or `nil` for the drawing's own size.
  public var width: Double?
  /// The page's height in inches, or `nil` for the drawing's own size.
  public var height: Double?

  /// A page of the drawing's own size at Graphviz's resolution, or as given.
  public init(dpi: Double? = nil, width: Double? = nil, height: Double? = nil) {
    self.dpi = dpi
    self.width = width
    self.height = height
  }

  /// A slide of aspect ratio `aspectWidth`:`aspectHeight`, 7.5 inches high as PowerPoint's
  /// (16:9 widescreen is 13.333 × 7.5 in, 4:3 is 10 × 7.5 in); at 300 dpi a 16:9 slide is
  /// 4,000 × 2,250 pixels.
  public static func slide(aspectWidth: Int, aspectHeight: Int, dpi: Double? = nil) -> PageLayout {
    precondition(aspectWidth > 0 && aspectHeight > 0, "an aspect ratio of two positive numbers")
    return PageLayout(dpi: dpi, width: 7.5 * Double(aspectWidth) / Double(aspectHeight), height: 7.5)
  }
}

/// How a view is laid out, chosen by size: the engine, its settings, and a note saying why.
///
/// Unless an engine is requested, department boxes get ``LayoutEngine/clustered`` (`neato`
/// inside each department, `neato` to arrange the departments, `nop` to draw: the same
/// network, options and seed give the same drawing); graphs without boxes get
/// ``LayoutEngine/neato`` up to 1,000 nodes and ``LayoutEngine/sfdp`` above. `dot` and `fdp`
/// are used only on request. Measured on this project's 2-core machine with Graphviz 2.42
/// (see `Tests/References/graphviz.md` §3), `dot` needs 466 s for 1,000 people at a realistic density,
/// so above 300 nodes its crossing minimization and ranking are limited; `fdp` keeps clusters
/// but, with them, gives a different drawing on every run, and the plan's note says so.
public struct LayoutPlan: Sendable, Hashable {
  public var engine: LayoutEngine
  public var attributes: DOTAttributes
  public var note: String

  /// The plan for a graph of `nodes` nodes that draws `clusters` (or not), unless the user
  /// asked for `requested`.
  ///
  /// The note is in `language` (English by default).
  public static func choose(
    nodes: Int, clusters: Bool, requested: LayoutEngine?, seed: UInt64, language l: DiagramLanguage = .en
  ) -> LayoutPlan {
    let engine: LayoutEngine
    var why: String
    if let requested {
      engine = requested
      why = l.text(.layoutRequested, "\(requested)")
    } else if clusters {
      engine = .clustered
      why = l.text(.layoutClustered)
    } else if nodes <= 1_000 {
      engine = .neato
      why = l.text(.layoutNeato)
    } else {
      engine = .sfdp
      why = l.text(.layoutSfdp)
    }
    var attributes: DOTAttributes = engine == .clustered ? [:] : ["layout": .text(engine.rawValue)]
    // A seed for the engines that start from random positions (fdp, neato, sfdp): the same
    // seed gives the same drawing.
    let seedValue = Double(seed % 1_000_000_007)
    switch engine {
    case .fdp:
      attributes["start"] = .number(seedValue)
      attributes["overlap"] = .keyword("false")
      attributes["splines"] = .keyword("false")
      why += l.text(.layoutFdp)
    case .neato:
      attributes["start"] = .number(seedValue)
      attributes["overlap"] = nodes <= 1_000 ? .keyword("false") : .keyword("scale")
      attributes["sep"] = .text(nodes <= 150 ? "+14" : "+6")
      if nodes > 1_000 {
        attributes["maxiter"] = .number(200)
        why += l.text(.layoutNeatoCapped)
      }
    case .sfdp:
      attributes["start"] = .number(seedValue)
      // Prism overlap removal takes minutes above a few thousand nodes (Tests/References/graphviz.md §3).
      attributes["overlap"] = nodes <= 2_000 ? .keyword("prism") : .keyword("scale")
    case .dot:
      if nodes > 300 {
        // Without limits dot took 466 s for 1,000 people; with them about 11 s.
        attributes["mclimit"] = .number(0.1)
        attributes["nslimit"] = .number(1)
        attributes["nslimit1"] = .number(1)
        attributes["searchsize"] = .number(10)
        why += l.text(.layoutDotLimited)
      }
    case .clustered:
      // Room between circles for the names beside them (all names are shown up to 150).
      attributes["sep"] = .text(nodes <= 150 ? "+14" : "+6")
    case .circo, .twopi:
      attributes["overlap"] = .keyword("false")
    default:
      break
    }
    return LayoutPlan(engine: engine, attributes: attributes, note: l.text(.layoutNote, why, "\(seed)"))
  }
}
