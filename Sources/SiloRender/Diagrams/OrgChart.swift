/// What the org chart needs: boxes (people, or managers' units), the reporting lines between
/// them, and the collaboration between boxes that the lines do not join.
public struct OrgChartInput: Sendable, Hashable {
  /// One box of the chart: a person, or a manager with everybody below them.
  public struct Box: Sendable, Hashable {
    /// The first line (a name), bold.
    public var title: String
    /// The second line (department, head count), when there is one.
    public var subtitle: String?
    /// The colour category (a department's number), or `nil` for neutral.
    public var category: Int?
    /// The box this one reports to.
    public var parent: Int?

    public init(title: String, subtitle: String? = nil, category: Int? = nil, parent: Int? = nil) {
      self.title = title
      self.subtitle = subtitle
      self.category = category
      self.parent = parent
    }
  }

  /// Collaboration between two boxes, neither the other's parent.
  public struct Link: Sendable, Hashable {
    public var a: Int
    public var b: Int
    public var ties: Int
    public var weight: Double

    public init(a: Int, b: Int, ties: Int, weight: Double) {
      self.a = a
      self.b = b
      self.ties = ties
      self.weight = weight
    }
  }

  public var boxes: [Box]
  public var links: [Link]
  /// The names of the colour categories, for the legend (index = ``Box/category``).
  public var categories: [String]
  /// What a link's weight means, for the legend.
  public var weightMeaning: String
  /// The links drawn in red: the heaviest this many.
  public var highlighted: Int
  /// At most this many links are drawn, heaviest first (the legend says so when more exist).
  public var drawnLinks: Int
  /// A line for the legend (how people were grouped into boxes).
  public var footnote: String?

  public init(
    boxes: [Box], links: [Link], categories: [String], weightMeaning: String = "weight", highlighted: Int = 5,
    drawnLinks: Int = 20, footnote: String? = nil
  ) {
    self.boxes = boxes
    self.links = links
    self.categories = categories
    self.weightMeaning = weightMeaning
    self.highlighted = highlighted
    self.drawnLinks = drawnLinks
    self.footnote = footnote
  }
}

extension Diagram {
  /// The org chart with the real collaboration over it, as Krackhardt and Hanson (1993)
  /// drew "the company behind the chart": the reporting lines as a tree from the top down
  /// (`dot`, grey), and the collaboration between boxes that no reporting line joins as
  /// curves that do not move the tree (`constraint=false`): blue, wider for more weight, the
  /// heaviest ``OrgChartInput/highlighted`` in dark red. Boxes are filled in their
  /// department's colour.
  public static func orgChart(_ input: OrgChartInput, options: DiagramOptions = DiagramOptions()) -> Diagram {
    let l = options.language
    var dot = DOTGraph(name: "orgchart", directed: true)
    dot.attributes = [
      "layout": .text("dot"), "rankdir": .keyword("TB"), "nodesep": .number(0.25), "ranksep": .number(0.4),
      "fontname": .text(Typeface.family), "bgcolor": .text("#FFFFFF"), "pad": .number(0.1), "outputorder": .keyword("edgesfirst"),
    ]
    dot.nodeDefaults = [
      "shape": .keyword("box"), "style": .text("rounded,filled"), "fontname": .text(Typeface.family), "fontsize": .number(11),
      "color": .text("#444444"), "margin": .text("0.08,0.04"),
    ]
    dot.edgeDefaults = ["arrowhead": .keyword("none")]
    let boxes = input.boxes.indices.map { box(input, $0) }
    let (lines, columns) = reportingLines(input, nodes: boxes)
    let inColumns = Set(columns.flatMap { $0.nodes.map(\.id) })
    dot.attributes["compound"] = .keyword("true")
    dot.attributes["ordering"] = .keyword("out")
    dot.clusters = columns
    dot.nodes = boxes.filter { !inColumns.contains($0.id) }
    dot.edges = lines
    let drawn = input.links.sorted { ($1.weight, $0.a, $0.b) < ($0.weight, $1.a, $1.b) }.prefix(input.drawnLinks)
    let heaviest = drawn.first?.weight ?? 0
    let meaning = l.translated(input.weightMeaning)
    for (rank, link) in drawn.enumerated() {
      let share = heaviest > 0 ? link.weight / heaviest : 1
      let red = rank < input.highlighted
      dot.edges.append(DOTEdge(tail: "b\(link.a)", head: "b\(link.b)", attributes: [
        "constraint": .keyword("false"), "weight": .number(0), "color": .text(red ? "#B2182BCC" : "#2166AC77"),
        "penwidth": .number((red ? 1.0 : 0.5) + 3 * share.squareRoot()),
        "tooltip": .text(l.text(
          .orgChartLinkTooltip, input.boxes[link.a].title, input.boxes[link.b].title, l.count(link.ties, one: .tieOne, many: .tieMany),
          meaning, l.number(link.weight, decimals: 2))),
      ]))
    }
    var key = l.text(.orgChartKey, meaning, "\(min(input.highlighted, drawn.count))")
    if input.links.count > drawn.count { key += " " + l.text(.orgChartLinksLeftOut, "\(drawn.count)", "\(input.links.count)") }
    if let footnote = input.footnote { key += " " + footnote }
    let used = Set(input.boxes.compactMap(\.category)).sorted()
    let entries = used.map { LegendEntry(colour: Colour.category($0), text: $0 < input.categories.count ? input.categories[$0] : "") }
    let title = l.text(.orgChartTitle)
    dot.attributes["label"] = .html(legendLabel(
      heading: options.heading ?? title, legendTitle: entries.isEmpty ? nil : l.text(.orgChartLegend), entries: entries, key: key))
    dot.attributes["labelloc"] = .keyword("b")
    dot.attributes["labeljust"] = .keyword("l")
    var diagram = Diagram(
      graph: dot, engine: .tree, seed: options.seed, title: options.heading.map { "\(title): \($0)" } ?? title,
      summary: l.text(.orgChartSummary, "\(input.boxes.count)"), notes: [l.text(.layoutOrgChart)])
    diagram.fixedGeometry = true
    return diagram
  }

  /// The reporting lines, grey, and the teams listed in columns. A manager whose reports
  /// (two or more) manage nobody gets them in a framed column below, as org charts list a
  /// team: one line from the manager to the column, the reports one below the other.
  private static func reportingLines(_ input: OrgChartInput, nodes: [DOTNode]) -> (edges: [DOTEdge], columns: [DOTCluster]) {
    var children = [[Int]](repeating: [], count: input.boxes.count)
    for (i, box) in input.boxes.enumerated() { if let p = box.parent { children[p].append(i) } }
    let line: DOTAttributes = ["color": .text("#888888"), "penwidth": .number(1.5)]
    var edges: [DOTEdge] = []
    var columns: [DOTCluster] = []
    for (m, reports) in children.enumerated() where !reports.isEmpty {
      guard reports.count > 1, reports.allSatisfy({ children[$0].isEmpty }) else {
        edges += reports.map { DOTEdge(tail: "b\(m)", head: "b\($0)", attributes: line) }
        continue
      }
      var attributes = line
      attributes["lhead"] = .text("cluster_team\(m)")
      edges.append(DOTEdge(tail: "b\(m)", head: "b\(reports[0])", attributes: attributes))
      for (previous, next) in zip(reports, reports.dropFirst()) {
        edges.append(DOTEdge(tail: "b\(previous)", head: "b\(next)", attributes: ["style": .keyword("invis"), "weight": .number(10)]))
      }
      columns.append(DOTCluster(
        id: "team\(m)", attributes: ["label": .text(""), "color": .text("#888888"), "style": .keyword("rounded"), "margin": .number(6)],
        nodes: reports.map { nodes[$0] }))
    }
    return (edges, columns)
  }

  /// Box `i`: title in bold, subtitle below, filled in its department's colour.
  private static func box(_ input: OrgChartInput, _ i: Int) -> DOTNode {
    let b = input.boxes[i]
    let fill = b.category.map(Colour.category) ?? Colour.neutral
    let ink = Colour.prefersDarkText(on: fill) ? "#000000" : "#FFFFFF"
    var lines: [HTMLLabel] = NameLines.wrapped(b.title, width: 18).map { .text($0, bold: true, colour: ink) }
    if let subtitle = b.subtitle { lines += NameLines.wrapped(subtitle, width: 22).map { .text($0, pointSize: 9, colour: ink) } }
    return DOTNode(id: "b\(i)", attributes: [
      "label": .html(.lines(lines)), "fillcolor": .text(fill),
      "tooltip": .text(([b.title] + (b.subtitle.map { [$0] } ?? [])).joined(separator: "\n")),
    ])
  }
}
