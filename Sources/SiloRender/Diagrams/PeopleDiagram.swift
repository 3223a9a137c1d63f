import SiloGraph

/// What a person-level diagram needs: the network and the numbers to show on it. The render
/// layer computes no metrics; SiloReport's `DiagramInputs` fills this from SiloMetrics.
public struct PeopleDiagramInput: Sendable, Hashable {
  /// The ties (undirected or directed) and their weights.
  public var graph: CollaborationGraph
  /// Each person's name (or pseudonym), by node.
  public var names: [String]
  /// The departments: one cluster each. `nil` draws no clusters.
  public var departments: Partition?
  /// Each person's node area is proportional to this score (betweenness); zero gets the
  /// smallest circle.
  public var size: [Double]
  /// What ``size`` is, for the legend ("betweenness").
  public var sizeMeaning: String
  /// The top brokers, most central first: outlined and labelled with their rank.
  public var brokers: [NodeID]
  /// Extra facts per person for the tooltip (name, values by node).
  public var facts: [Fact]
  /// What a tie's weight means, for the legend ("shared projects").
  public var weightMeaning: String

  /// One column of numbers shown in every person's tooltip.
  public struct Fact: Sendable, Hashable {
    public var name: String
    public var values: [Double]
    /// Decimals shown.
    public var decimals: Int

    public init(name: String, values: [Double], decimals: Int = 3) {
      self.name = name
      self.values = values
      self.decimals = decimals
    }
  }

  public init(
    graph: CollaborationGraph, names: [String], departments: Partition?, size: [Double], sizeMeaning: String,
    brokers: [NodeID], facts: [Fact] = [], weightMeaning: String = "weight"
  ) {
    precondition(names.count == graph.nodeCount && size.count == graph.nodeCount, "one name and one size per node")
    self.graph = graph
    self.names = names
    self.departments = departments
    self.size = size
    self.sizeMeaning = sizeMeaning
    self.brokers = brokers
    self.facts = facts
    self.weightMeaning = weightMeaning
  }
}

/// Settings shared by every view.
public struct DiagramOptions: Sendable, Hashable {
  /// The engine; `nil` lets ``LayoutPlan`` choose by size.
  public var engine: LayoutEngine?
  /// The seed of the force-directed engines.
  public var seed: UInt64 = 1
  /// The most people a person-level view (people, communities) is drawn for by SiloReport's
  /// `Network.diagram(_:metrics:)`: above it, that call draws the department map instead and
  /// says so in the notes. ``Diagram/people(_:options:)`` and
  /// ``Diagram/communities(_:communities:describing:options:)`` do not read it: they draw
  /// everyone they are given.
  public var maximumPeople = 2_000
  /// Up to this many people every name is shown; above it only the brokers'.
  public var maximumLabels = 150
  /// A heading above the diagram (the data set, the period); `nil` for none.
  public var heading: String?
  /// The language of the texts the diagram writes itself (titles, legends, notes,
  /// tooltips); the heading and names are shown as given.
  public var language: DiagramLanguage = .en

  /// Creates options with the default limits: every name shown up to 150 people
  /// (``maximumLabels``), person-level views up to 2,000 people (``maximumPeople``).
  ///
  /// - Parameters:
  ///   - engine: The layout engine; `nil` lets ``LayoutPlan`` choose by size.
  ///   - seed: The seed of the layout: the same seed gives the same drawing (for `fdp`, not
  ///     even then).
  ///   - heading: A heading above the diagram, or `nil` for none.
  ///   - language: The language of the diagram's own texts (English by default).
  public init(engine: LayoutEngine? = nil, seed: UInt64 = 1, heading: String? = nil, language: DiagramLanguage = .en) {
    self.engine = engine
    self.seed = seed
    self.heading = heading
    self.language = language
  }
}

extension Diagram {
  /// The person network clustered by department: one box per department, a circle per
  /// person with its area proportional to ``PeopleDiagramInput/size`` (betweenness) and
  /// its colour the department's, ties as lines whose width grows with their weight, the
  /// top brokers outlined in black and labelled with their rank, and a legend.
  public static func people(_ input: PeopleDiagramInput, options: DiagramOptions = DiagramOptions()) -> Diagram {
    let l = options.language
    let styles = (0 ..< (input.departments?.groupCount ?? 0)).map { group in
      input.departments?.unassignedGroup == group ? CategoryStyle(colour: Colour.neutral, round: 0) : Colour.categoryStyle(group)
    }
    var legend: [LegendEntry] = []
    if let departments = input.departments {
      let sizes = departments.sizes
      legend = (0 ..< departments.groupCount).map {
        LegendEntry(colour: styles[$0].colour, text: "\(departments.name(of: $0)) (\(sizes[$0]))", symbol: styles[$0].legendSymbol)
      }
    }
    return personDiagram(
      input, options: options, name: "people",
      title: l.text(input.departments == nil ? .peopleTitle : .peopleByDepartmentTitle),
      style: { node in input.departments.map { styles[$0.group(of: node)] } ?? Colour.categoryStyle(0) },
      clusterStyle: { group in
        [
          "style": styles[group].dashedBox ? .text("rounded,dashed") : .keyword("rounded"), "color": .text("#888888"),
          "penwidth": .number(1.2), "bgcolor": .text(Colour.tinted(styles[group].colour)),
        ]
      },
      legendTitle: input.departments == nil ? nil : l.text(.legendDepartments), legend: legend,
      summary: l.text(input.departments == nil ? .peopleSummary : .peopleSummaryDepartments)
        + l.text(.peopleSummarySizes, l.translated(input.sizeMeaning), l.translated(input.weightMeaning)))
  }

  /// Communities over the org chart: people inside their department boxes, coloured by the
  /// community the collaboration places them in. Where a department's box holds several
  /// colours, or a colour spreads over several boxes, the informal structure departs from
  /// the formal one.
  public static func communities(
    _ input: PeopleDiagramInput, communities: Partition, describing: [String], options: DiagramOptions = DiagramOptions()
  ) -> Diagram {
    precondition(communities.nodeCount == input.graph.nodeCount, "one community per node")
    let l = options.language
    let sizes = communities.sizes
    let legend = (0 ..< communities.groupCount).map { c in
      LegendEntry(
        colour: Colour.categoryStyle(c).colour,
        text: l.text(.communityEntry, "\(c + 1)", "\(sizes[c])") + (c < describing.count ? ": " + describing[c] : ""),
        symbol: Colour.categoryStyle(c).legendSymbol)
    }
    return personDiagram(
      input, options: options, name: "communities",
      title: l.text(input.departments == nil ? .communitiesTitle : .communitiesOverDepartmentsTitle),
      style: { Colour.categoryStyle(communities.group(of: $0)) },
      clusterStyle: { _ in
        ["style": .keyword("rounded"), "color": .text("#666666"), "penwidth": .number(1.2), "bgcolor": .text("#FAFAFA")]
      },
      legendTitle: l.text(.legendCommunities), legend: legend,
      summary: l.text(.communitiesSummary, "\(communities.groupCount)"))
  }

  private static func personDiagram(
    _ input: PeopleDiagramInput, options: DiagramOptions, name: String, title: String,
    style: (NodeID) -> CategoryStyle, clusterStyle: (Int) -> DOTAttributes, legendTitle: String?,
    legend: [LegendEntry], summary: String
  ) -> Diagram {
    let l = options.language
    let graph = input.graph
    let n = graph.nodeCount
    let plan = LayoutPlan.choose(nodes: n, clusters: input.departments != nil, requested: options.engine, seed: options.seed, language: l)
    var notes = [plan.note]
    let labelAll = n <= options.maximumLabels
    if !labelAll {
      notes.append(l.text(.noteBrokerNamesOnly, "\(input.brokers.count)", "\(n)", "\(options.maximumLabels)"))
    }
    let scale = NodeScale(count: n)
    let maxSize = input.size.filter(\.isFinite).max() ?? 0
    let brokerRank = Dictionary(uniqueKeysWithValues: input.brokers.enumerated().map { ($1, $0 + 1) })

    func node(_ v: NodeID) -> DOTNode {
      let look = style(v)
      var attributes: DOTAttributes = [
        "width": .number(scale.diameter(input.size[v.index], largest: maxSize) * look.areaFactor), "fillcolor": .text(look.colour),
        "tooltip": .text(tooltip(input, v, rank: brokerRank[v], language: l)),
      ]
      if look.round > 0 { attributes["shape"] = .keyword(look.shape) }
      if look.outlines > 1 { attributes["peripheries"] = .number(Double(look.outlines)) }
      if let rank = brokerRank[v] {
        attributes["penwidth"] = .number(scale.brokerOutline)
        attributes["color"] = .text("#000000")
        let lines = NameLines.lines("\(rank). " + TextSafety.cleaned(input.names[v.index]), width: 32)
        attributes["xlabel"] = .html(.lines(lines.map { .text($0, bold: true, pointSize: scale.brokerFontSize) }))
      } else if labelAll {
        attributes["xlabel"] = .text(NameLines.lines(input.names[v.index], width: 32).joined(separator: "\n"))
      }
      return DOTNode(id: "p\(v.rawValue)", attributes: attributes)
    }

    var dot = personGraph(name: name, directed: graph.isDirected, plan: plan, scale: scale, fontSize: 12 * scale.legend)
    dot.edgeDefaults = ["color": .text(scale.edgeColour), "arrowsize": .number(0.5)]
    if let departments = input.departments {
      dot.clusters = departmentClusters(departments, scale: scale, language: l, style: clusterStyle, node: node)
    } else {
      dot.nodes = graph.nodes.map { node(NodeID($0)) }
    }
    dot.edges = edges(graph, scale: scale)

    dot.attributes["label"] = .html(legendLabel(
      heading: options.heading ?? title, legendTitle: legendTitle, entries: shortened(legend, language: l),
      key: personKey(input, legendEntries: legend.count, language: l), scale: scale.legend))
    dot.attributes["labelloc"] = .keyword("b")
    dot.attributes["labeljust"] = .keyword("l")
    var diagram = Diagram(
      graph: dot, engine: plan.engine, seed: options.seed, title: options.heading.map { "\(title): \($0)" } ?? title,
      summary: summary, notes: notes)
    diagram.nameFitting = NameFitting(
      priority: namePriority(input, labelAll: labelAll).map { "p\($0.rawValue)" }, people: n, sizeMeaning: input.sizeMeaning,
      language: l)
    return diagram
  }

  /// One cluster per department, titled with its name, its people inside.
  private static func departmentClusters(
    _ departments: Partition, scale: NodeScale, language l: DiagramLanguage, style: (Int) -> DOTAttributes, node: (NodeID) -> DOTNode
  ) -> [DOTCluster] {
    let members = departments.members
    return (0 ..< departments.groupCount).map { group in
      var attributes = style(group)
      let lines = Diagram.nameLines(departments.name(of: group))
      attributes["label"] = .html(.lines(lines.map { .text($0, bold: true) }))
      attributes["fontname"] = .text(Typeface.family)
      attributes["fontsize"] = .number(scale.clusterFontSize)
      attributes["tooltip"] = .text(l.text(.clusterTooltip, departments.name(of: group), l.count(members[group].count, one: .personOne, many: .personMany)))
      // Clusters inherit the root graph's label placement, which is the legend's (bottom left).
      attributes["labelloc"] = .keyword("t")
      attributes["labeljust"] = .keyword("c")
      return DOTCluster(id: "d\(group)", attributes: attributes, nodes: members[group].map(node))
    }
  }

  /// The legend's entries, at most 24: the first 23 and "N more".
  private static func shortened(_ legend: [LegendEntry], language l: DiagramLanguage) -> [LegendEntry] {
    guard legend.count > 24 else { return legend }
    let rest = legend.count - 23
    return Array(legend.prefix(23)) + [LegendEntry(colour: Colour.neutral, text: l.text(.legendMore, "\(rest)"))]
  }

  /// The key under the legend: what sizes and lines mean, the numbered brokers, and repeated
  /// colours when the legend has more entries than colours.
  private static func personKey(_ input: PeopleDiagramInput, legendEntries: Int, language l: DiagramLanguage) -> String {
    let (size, weight) = (l.translated(input.sizeMeaning), l.translated(input.weightMeaning))
    var key = l.text(.keySizes, size, weight)
    if !input.brokers.isEmpty { key += l.text(.keyBrokers, "\(input.brokers.count)", size) }
    if legendEntries > Colour.categories.count { key += "\n" + l.text(.noteRepeatedColours, "\(Colour.categories.count)") }
    return key
  }

  /// The people whose names are drawn, in the order ``fitted(to:)`` keeps them: the brokers
  /// by rank, then (when every name is drawn) everyone else by size, largest first, ties by
  /// node.
  static func namePriority(_ input: PeopleDiagramInput, labelAll: Bool) -> [NodeID] {
    let brokers = Set(input.brokers)
    guard labelAll else { return input.brokers }
    let rest = input.graph.nodes.map { NodeID($0) }.filter { !brokers.contains($0) }.sorted {
      let (a, b) = (input.size[$0.index], input.size[$1.index])
      let (x, y) = (a.isFinite ? a : -.infinity, b.isFinite ? b : -.infinity)
      return x != y ? x > y : $0 < $1
    }
    return input.brokers + rest
  }

  /// The legend under a diagram: heading, colour key and a line on sizes and widths.
  ///
  /// Kept narrow, so that it does not make the drawing wider when its text is enlarged
  /// for print (``fitted(to:)``): at most two columns of entries, and the heading and note
  /// wrapped at ``legendWidth`` characters.
  static func legendLabel(
    heading: String, legendTitle: String?, entries: [LegendEntry], key: String, columns: Int? = nil,
    scale: Double = 1, width: Int = legendWidth
  ) -> HTMLLabel {
    .legend(
      heading: NameLines.wrapped(heading, width: width).joined(separator: "\n"), title: legendTitle,
      items: legendTitle == nil ? [] : entries, columns: columns ?? (entries.count > 5 ? 2 : 1),
      note: NameLines.wrapped(key, width: width).joined(separator: "\n"), scale: scale)
  }

  /// The most characters on a line of a legend's heading or note: about 45 em, below the
  /// 56 em that 9 pt text allows across a 505 pt page.
  static let legendWidth = 72

  /// A person's tooltip: name, department, the size score with rank, the extra facts, ties.
  static func tooltip(_ input: PeopleDiagramInput, _ v: NodeID, rank: Int?, language l: DiagramLanguage) -> String {
    var lines = [input.names[v.index]]
    if let departments = input.departments { lines.append(l.text(.tooltipDepartment, departments.name(of: departments.group(of: v)))) }
    lines.append("\(l.translated(input.sizeMeaning).capitalizedFirst): \(l.number(input.size[v.index], decimals: 4))"
      + (rank.map { l.text(.tooltipBrokerRank, "\($0)") } ?? ""))
    for fact in input.facts { lines.append("\(l.translated(fact.name).capitalizedFirst): \(l.number(fact.values[v.index], decimals: fact.decimals))") }
    lines.append(l.text(
      .tooltipTies, "\(input.graph.degree(of: v))", l.translated(input.weightMeaning), l.number(input.graph.strength(of: v), decimals: 2)))
    return lines.joined(separator: "\n")
  }

  /// Edges once per tie (the lower id first for undirected graphs), width by weight.
  static func edges(_ graph: CollaborationGraph, scale: NodeScale) -> [DOTEdge] {
    let (maxWeight, allEqual) = weightRange(graph.nodes.lazy.flatMap { graph.neighbors(of: NodeID($0)).lazy.map(\.weight) })
    var edges: [DOTEdge] = []
    edges.reserveCapacity(graph.edgeCount)
    for v in graph.nodes {
      for (u, w) in graph.neighbors(of: NodeID(v)) where graph.isDirected || u.index > v {
        let share = lineShare(w, maximum: maxWeight, allEqual: allEqual)
        edges.append(DOTEdge(
          tail: "p\(v)", head: "p\(u.rawValue)",
          attributes: ["penwidth": .number(scale.minimumLine + (scale.maximumLine - scale.minimumLine) * share)]))
      }
    }
    return edges
  }

  /// The heaviest of `weights`, and whether they are all the same (also when there are none).
  static func weightRange<Weights: Sequence<Double>>(_ weights: Weights) -> (maximum: Double, allEqual: Bool) {
    var maximum = 0.0, minimum = Double.infinity
    for w in weights { (maximum, minimum) = (max(maximum, w), min(minimum, w)) }
    return (maximum, minimum == maximum)
  }

  /// A graph with what every person-level view shares: the layout plan's attributes,
  /// edges under nodes, every name placed, white background, and filled fixed-size
  /// circles without text inside (names go beside them as `xlabel`s).
  static func personGraph(name: String, directed: Bool, plan: LayoutPlan, scale: NodeScale, fontSize: Double?) -> DOTGraph {
    var dot = DOTGraph(name: name, directed: directed)
    dot.attributes = plan.attributes
    dot.attributes["outputorder"] = .keyword("edgesfirst")
    dot.attributes["forcelabels"] = .keyword("true")
    dot.attributes["fontname"] = .text(Typeface.family)
    if let fontSize { dot.attributes["fontsize"] = .number(fontSize) }
    dot.attributes["bgcolor"] = .text("#FFFFFF")
    dot.attributes["pad"] = .number(0.3)
    dot.nodeDefaults = [
      "shape": .keyword("circle"), "fixedsize": .keyword("true"), "style": .keyword("filled"), "label": .text(""),
      "color": .text("#555555"), "penwidth": .number(0.6), "fontname": .text(Typeface.family),
      "fontsize": .number(scale.fontSize),
    ]
    return dot
  }

  /// Where a tie of weight `w` sits between the thinnest and widest line: the square root
  /// of its share of the heaviest tie (so that area-like perception follows weight); a
  /// quarter when every tie weighs the same, so that unweighted networks get thin lines.
  static func lineShare(_ w: Double, maximum: Double, allEqual: Bool) -> Double {
    if allEqual || !(maximum > 0) { return 0.25 }
    return (max(0, w) / maximum).squareRoot()
  }

  /// A number with at most `decimals` decimals and a true minus sign, as the diagrams show it.
  public static func formattedNumber(_ value: Double, decimals: Int) -> String { formatted(value, decimals: decimals) }

  static func formatted(_ value: Double, decimals: Int, undefined: String = "undefined") -> String {
    guard value.isFinite else { return value.isNaN ? undefined : (value > 0 ? "∞" : "−∞") }
    if abs(value) >= 1e15 {
      let text = DOTEncoder.number(value)
      return text.hasPrefix("-") ? "−" + text.dropFirst() : text
    }
    var factor = 1.0
    for _ in 0 ..< decimals { factor *= 10 }
    let text = DOTEncoder.number((value * factor).rounded() / factor)
    return text.hasPrefix("-") ? "−" + text.dropFirst() : text
  }
}

/// Sizes in inches and points that keep a drawing readable at its size.
struct NodeScale {
  var minimum: Double
  var maximum: Double
  var fontSize: Double
  var minimumLine: Double
  var maximumLine: Double
  var brokerOutline: Double
  var edgeColour: String
  /// How much larger legends and department names are than at small sizes: large drawings
  /// are shown scaled down, and their legends must stay readable.
  var legend: Double

  var clusterFontSize: Double { 14 * legend }

  /// The diameter of a circle whose area grows with `score` (relative to the `largest`
  /// score; zero, negative or undefined scores get the smallest circle).
  func diameter(_ score: Double, largest: Double) -> Double {
    let share = largest > 0 && score.isFinite ? max(0, score) / largest : 0
    return minimum + (maximum - minimum) * share.squareRoot()
  }
  var brokerFontSize: Double { max(fontSize + 1, 12 * legend) }

  init(count: Int) {
    switch count {
    case ..<60:
      (minimum, maximum, fontSize, minimumLine, maximumLine, brokerOutline) = (0.18, 0.9, 11, 0.6, 5, 3)
      edgeColour = "#7F7F7FAA"
      legend = 1
    case ..<400:
      (minimum, maximum, fontSize, minimumLine, maximumLine, brokerOutline) = (0.12, 0.7, 10, 0.4, 3.5, 2.5)
      edgeColour = "#7F7F7F80"
      legend = 1.2
    default:
      (minimum, maximum, fontSize, minimumLine, maximumLine, brokerOutline) = (0.08, 0.6, 12, 0.2, 2.5, 2.5)
      edgeColour = "#7F7F7F40"
      legend = count < 2_000 ? 2.5 : 4
    }
  }
}

extension String {
  var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

extension Colour {
  /// A very light version of `colour` (mixed 85 % with white), for cluster backgrounds.
  static func tinted(_ colour: String) -> String {
    guard let (r, g, b) = components(colour) else { return "#FFFFFF" }
    var out = "#"
    for value in [r, g, b] {
      let mixed = Int((Double(value) * 0.15 + 255 * 0.85).rounded())
      let digits = String(mixed, radix: 16, uppercase: true)
      out += digits.count == 1 ? "0" + digits : digits
    }
    return out
  }
}
