/// The frame a diagram is printed in, and the smallest text it must keep there.
///
/// A drawing of *w* × *h* points shown whole in a frame of ``width`` × ``height`` points
/// (proportions kept, as SVG's `preserveAspectRatio="xMidYMid meet"`) is scaled by
/// *s* = min(``width`` / *w*, ``height`` / *h*): text set in *f* points prints at *f* · *s*.
public struct PrintFrame: Sendable, Hashable {
  /// The frame's width in points.
  public var width: Double
  /// The frame's height in points.
  public var height: Double
  /// The smallest text size, in points, once the drawing is scaled into the frame.
  public var minimumPointSize: Double

  /// A frame of `width` × `height` points (both > 0) whose text prints at
  /// `minimumPointSize` points or more.
  public init(width: Double, height: Double, minimumPointSize: Double) {
    precondition(width > 0 && height > 0 && minimumPointSize > 0, "a frame of positive size and a positive text size")
    self.width = width
    self.height = height
    self.minimumPointSize = minimumPointSize
  }

  /// SiloScope's report on A4: the text width between 16 mm margins (178 mm, about 505 pt)
  /// and a figure at most 215 mm (about 609 pt) high (report.html's print frame), text at 9 pt or more.
  public static let reportPage = PrintFrame(width: 505, height: 609, minimumPointSize: 9)

  /// The factor a drawing of `width` × `height` points is scaled by to fit the frame.
  public func scale(width drawingWidth: Double, height drawingHeight: Double) -> Double {
    guard drawingWidth > 0, drawingHeight > 0 else { return 1 }
    return min(width / drawingWidth, height / drawingHeight)
  }
}

/// Which names a person-level view may leave out when they do not fit, most important first.
struct NameFitting: Sendable, Hashable {
  /// The ids of the nodes that carry a name (`xlabel`), in the order they are kept.
  var priority: [String]
  /// How many people the view draws, for the note.
  var people: Int
  /// What orders the names after the brokers ("betweenness"), for the note.
  var sizeMeaning: String
  var language: DiagramLanguage
}

extension Diagram {
  /// This diagram with every text large enough to read when the whole drawing is printed
  /// in `frame`, and with fewer names when they would not fit.
  ///
  /// The rule: lay out and measure the final SVG (*w* × *h* points, scale *s* =
  /// min(frame width / *w*, frame height / *h*)); while its smallest text *f* gives
  /// *f* · *s* below ``PrintFrame/minimumPointSize``, raise every text below
  /// *t* = minimum / *s* (plus 1 %, rounded up to whole points) to *t*, leaving larger texts as they are, and lay out
  /// again: department boxes, label room and legends grow with the text, so *t* is found by
  /// a few rounds (at most twelve; each round's *t* is at least 2 % above the last). Names
  /// beside people (person-level views) are kept, brokers first and then by size, while
  /// their estimated area at *t* stays within 12 % of the drawing; when names are left out,
  /// the notes say how many are shown (``DiagramLanguage`` text `noteNamesFitted`).
  ///
  /// The result is as deterministic as the layout: the same diagram and frame give the same
  /// sizes. A diagram that already fits is returned unchanged. A drawing whose text sets its
  /// size (long department names side by side, labels inside circles) grows as fast as its
  /// text and may never reach the minimum: the rounds stop when one gains less than 3 % in
  /// printed size, and the best round is returned.
  ///
  /// - Complexity: up to thirteen layouts and SVG renderings of the diagram.
  public func fitted(to frame: PrintFrame = .reportPage) throws(RenderError) -> Diagram {
    try fittedSVG(to: frame).diagram
  }

  /// ``fitted(to:)`` with the SVG of the diagram it returns, which the fitting has already
  /// rendered: a caller that needs the SVG does not lay the diagram out once more.
  public func fittedSVG(to frame: PrintFrame = .reportPage) throws(RenderError) -> (diagram: Diagram, svg: [UInt8]) {
    if fixedGeometry { return (self, try render(.svg)) }
    var diagram = self
    var floor = 0.0
    var best: (diagram: Diagram, svg: [UInt8], printed: Double)?
    for _ in 0 ... 12 {
      let svg = try diagram.render(.svg)
      let measured = SVGMeasure(svg)
      let scale = frame.scale(width: measured.width, height: measured.height)
      let printed = measured.smallestFont * scale
      if printed >= frame.minimumPointSize - 0.005 { return (diagram, svg) }
      // Text that grows the drawing as fast as itself gains nothing from another round.
      if let best, printed < best.printed * 1.03 { return printed > best.printed ? (diagram, svg) : (best.diagram, best.svg) }
      best = (diagram, svg, printed)
      // Whole points: Graphviz 2.42 writes the text of HTML-like labels in whole points.
      floor = max(floor * 1.02, frame.minimumPointSize / scale * 1.01).rounded(.up)
      diagram = raised(toAtLeast: floor, drawingArea: measured.width * measured.height)
    }
    return (diagram, try diagram.render(.svg))
  }

  /// This diagram (as built by its view) with texts below `floor` points raised to it and
  /// the names that fit in 12 % of `drawingArea` (square points) kept.
  func raised(toAtLeast floor: Double, drawingArea: Double) -> Diagram {
    var diagram = self
    diagram.graph = graph.raisingFontSizes(toAtLeast: floor)
    guard let names = nameFitting else { return diagram }
    var budget = 0.12 * drawingArea
    var kept = Set<String>()
    for id in names.priority {
      guard let node = diagram.graph.node(id), let label = node.attributes["xlabel"] else { continue }
      let (width, lines) = ClusteredLayout.textEstimate(label, fontSize: floor)
      let area = (width + floor) * Double(lines) * 1.2 * floor
      guard area <= budget else { break }
      budget -= area
      kept.insert(id)
    }
    guard kept.count < names.priority.count else { return diagram }
    diagram.graph.removeLabels { !kept.contains($0) }
    let l = names.language
    diagram.notes.append(l.text(.noteNamesFitted, "\(kept.count)", "\(names.people)", l.translated(names.sizeMeaning)))
    return diagram
  }
}

extension DOTGraph {
  /// This graph with every font size below `floor` raised to `floor`: the `fontsize` of the
  /// graph, the node defaults and the clusters (Graphviz's 14 where none is set), of every
  /// node and edge that sets one, and the point sizes inside HTML-like labels.
  func raisingFontSizes(toAtLeast floor: Double) -> DOTGraph {
    var graph = self
    func raise(_ attributes: inout DOTAttributes, orDefault size: Double?) {
      if case .number(let current)? = attributes["fontsize"] {
        attributes["fontsize"] = .number(max(current, floor))
      } else if let size {
        attributes["fontsize"] = .number(max(size, floor))
      }
      for key: StaticString in ["label", "xlabel"] {
        if case .html(let label)? = attributes[key] { attributes[key] = .html(label.raisingPointSizes(toAtLeast: floor)) }
      }
    }
    var graphSize = 14.0
    if case .number(let size)? = attributes["fontsize"] { graphSize = size }
    raise(&graph.attributes, orDefault: 14)
    raise(&graph.nodeDefaults, orDefault: 14)
    raise(&graph.edgeDefaults, orDefault: nil)
    for c in graph.clusters.indices {
      raise(&graph.clusters[c].attributes, orDefault: graphSize)
      for n in graph.clusters[c].nodes.indices { raise(&graph.clusters[c].nodes[n].attributes, orDefault: nil) }
    }
    for n in graph.nodes.indices { raise(&graph.nodes[n].attributes, orDefault: nil) }
    for e in graph.edges.indices { raise(&graph.edges[e].attributes, orDefault: nil) }
    return graph
  }

  /// The node of `id`, at the top level or in a cluster.
  func node(_ id: String) -> DOTNode? {
    nodes.first { $0.id == id } ?? clusters.lazy.compactMap { $0.nodes.first { $0.id == id } }.first
  }

  /// Removes the `xlabel` of every node whose id `dropping` accepts.
  mutating func removeLabels(_ dropping: (String) -> Bool) {
    for n in nodes.indices where dropping(nodes[n].id) { nodes[n].attributes["xlabel"] = nil }
    for c in clusters.indices {
      for n in clusters[c].nodes.indices where dropping(clusters[c].nodes[n].id) { clusters[c].nodes[n].attributes["xlabel"] = nil }
    }
  }
}

/// The size of an SVG written by Graphviz (its root's `width` and `height` in points) and
/// the smallest `font-size` of its texts.
struct SVGMeasure {
  var width = 0.0
  var height = 0.0
  /// The smallest `font-size` of a `<text>`; infinity without text.
  var smallestFont = Double.infinity

  init(_ svg: [UInt8]) {
    let text = String(decoding: svg, as: UTF8.self)
    if let root = text.firstRange(of: "<svg") {
      let tag = text[root.upperBound...].prefix { $0 != ">" }
      width = Self.value(of: "width", in: tag) ?? 0
      height = Self.value(of: "height", in: tag) ?? 0
    }
    var rest = Substring(text)
    while let start = rest.firstRange(of: "<text ") {
      let tag = rest[start.upperBound...].prefix { $0 != ">" }
      if let size = Self.value(of: "font-size", in: tag) { smallestFont = min(smallestFont, size) }
      rest = rest[tag.endIndex...]
    }
  }

  /// The number in `name="…"` of `tag`, without a `pt` unit.
  private static func value(of name: String, in tag: Substring) -> Double? {
    guard let range = tag.firstRange(of: " " + name + "=\"") else { return nil }
    let number = tag[range.upperBound...].prefix { $0 != "\"" }
    return Double(number.hasSuffix("pt") ? number.dropLast(2) : number)
  }
}
