/// What the community flow needs: the communities found in each period, and how many people
/// moved from a community of one period to a community of the next.
///
/// A community's ``Community/id`` is stable across periods (the same group of people keeps its
/// number), so the same id is drawn in the same colour and with the same number in every
/// period.
public struct CommunityFlowInput: Sendable, Hashable {
  /// The periods' labels, oldest first: one column each, left to right.
  public var periods: [String]
  /// The communities of each period, one list per period (as many as ``periods``).
  public var communities: [[Community]]
  /// People moving from a community of period *p* to one of period *p* + 1.
  public var flows: [Flow]
  /// The most communities drawn in one period: the largest that many (by size, then lower
  /// id), the rest gathered into one grey box per period, their flows added up. At least 1.
  public var maximumPerPeriod: Int = 8

  /// A community in one period.
  public struct Community: Sendable, Hashable {
    /// Its number, the same in every period it is found in; shown as "C3" (Dutch "G3").
    public var id: Int
    /// Its people in that period.
    public var size: Int
    /// A short description for its box ("Finance 60%"; escaped, cut at 24 characters), or `nil`.
    public var label: String?

    /// Community `id` of `size` people, optionally described by `label`.
    public init(id: Int, size: Int, label: String? = nil) {
      self.id = id
      self.size = size
      self.label = label
    }
  }

  /// People moving between two periods.
  public struct Flow: Sendable, Hashable {
    /// The index of the left period (0-based); the people move to period `period` + 1.
    public var period: Int
    /// The community they come from, in period ``period``.
    public var from: Int
    /// The community they move to, in period ``period`` + 1.
    public var to: Int
    /// How many people (zero or fewer draws nothing).
    public var people: Int

    /// `people` moving from community `from` of period `period` to community `to` of the next.
    public init(period: Int, from: Int, to: Int, people: Int) {
      self.period = period
      self.from = from
      self.to = to
      self.people = people
    }
  }

  /// Communities over `periods` (one list of communities per period) and the flows between them.
  public init(periods: [String], communities: [[Community]], flows: [Flow], maximumPerPeriod: Int = 8) {
    precondition(communities.count == periods.count, "one list of communities per period")
    self.periods = periods
    self.communities = communities
    self.flows = flows
    self.maximumPerPeriod = maximumPerPeriod
  }
}

/// The communities and flows as drawn: per period the largest communities and at most one box
/// of the rest, the flows added up between those boxes.
struct GatheredFlow: Hashable {
  /// One box of a period.
  struct Box: Hashable {
    /// The community's id, or `nil` for the box of smaller communities.
    var id: Int?
    var size: Int
    var label: String?
    /// How many communities the box holds (1 for a community's own box).
    var communities: Int
  }

  /// People moving between two boxes; `nil` is the period's box of smaller communities.
  struct Link: Hashable {
    var period: Int
    var from: Int?
    var to: Int?
    var people: Int
  }

  /// Per period, the kept communities by id, then the box of smaller ones (when any).
  var boxes: [[Box]]
  /// The links, ordered by period, then source, then target (smaller communities last).
  var links: [Link]
  /// Flows left out because a community or the period is not in the input.
  var unknown: Int

  /// The boxes and links of `input` (see ``CommunityFlowInput/maximumPerPeriod``).
  ///
  /// People are conserved: the links carry exactly the people of the flows that name a
  /// listed community in a listed period, whatever is gathered. A community listed twice in
  /// a period counts once, with the sizes added. O(*c* log *c* + *f* log *f*) for *c*
  /// communities and *f* flows.
  init(_ input: CommunityFlowInput) {
    let limit = max(1, input.maximumPerPeriod)
    var kept: [Set<Int>] = []
    var listed: [Set<Int>] = []
    boxes = []
    for list in input.communities {
      var merged: [Int: Box] = [:]
      for community in list {
        merged[community.id, default: Box(id: community.id, size: 0, label: community.label, communities: 1)].size += max(0, community.size)
      }
      let ordered = merged.values.sorted { $0.size != $1.size ? $0.size > $1.size : $0.id! < $1.id! }
      let keep = Array(ordered.prefix(limit)).sorted { $0.id! < $1.id! }
      let rest = ordered.dropFirst(limit)
      var period = keep
      if !rest.isEmpty {
        period.append(Box(id: nil, size: rest.reduce(0) { $0 + $1.size }, label: nil, communities: rest.count))
      }
      boxes.append(period)
      kept.append(Set(keep.map { $0.id! }))
      listed.append(Set(merged.keys))
    }
    var people: [Link: Int] = [:]
    var unknown = 0
    for flow in input.flows where flow.people > 0 {
      let p = flow.period
      guard p >= 0, p + 1 < boxes.count, listed[p].contains(flow.from), listed[p + 1].contains(flow.to) else {
        unknown += 1
        continue
      }
      let key = Link(
        period: p, from: kept[p].contains(flow.from) ? flow.from : nil, to: kept[p + 1].contains(flow.to) ? flow.to : nil, people: 0)
      people[key, default: 0] += flow.people
    }
    self.unknown = unknown
    func order(_ id: Int?) -> (Int, Int) { id.map { (0, $0) } ?? (1, 0) }
    links = people.map { Link(period: $0.key.period, from: $0.key.from, to: $0.key.to, people: $0.value) }.sorted {
      ($0.period, order($0.from).0, order($0.from).1, order($0.to).0, order($0.to).1)
        < ($1.period, order($1.from).0, order($1.from).1, order($1.to).0, order($1.to).1)
    }
  }
}

extension Diagram {
  /// The communities over time as an alluvial diagram laid out by Graphviz's `dot`: one
  /// column per period, left to right, under a row of period labels; one box per community,
  /// its height proportional to its people (at least room for its label), its colour and
  /// number its id's (the same community keeps both in every period; ids 20 and up get a
  /// marker, ◆ ▲ ▼, as ``Colour/categoryStyle(_:)`` gives); lines behind the boxes from a
  /// community to one of the next period, their width proportional to the people moving, their
  /// colour the source's, with a tooltip ("12 people from C3 to C5").
  ///
  /// Conventions, with text at 12 pt (1 em): box height = *u* · size points, *u* = 460 / (the
  /// most people in one period), so that the fullest column is about 460 pt of boxes; line
  /// width = max(0.75, *v* · people), *v* = min(*u*, 24 / the most people on one line). Beyond
  /// ``CommunityFlowInput/maximumPerPeriod`` communities in a period the smaller ones are one
  /// grey box, their flows added up (people are conserved), and a note says so. The space
  /// between columns is what 56 em (505 pt of 9 pt text) leaves after the columns' widths
  /// (estimated from DejaVu Sans's advance widths), between 2 and 9 em: up to about five
  /// periods the drawing prints at 9 pt or more on ``PrintFrame/reportPage``, and
  /// ``fitted(to:)`` enlarges the text where the estimate falls short; with many periods the
  /// text prints smaller. Box labels are "C3 (45)" (number, people) and the community's label
  /// cut at 24 characters, wrapped at 12. The legend is a caption like the department map's.
  /// ``DiagramOptions/engine`` is not read: the drawing is always `dot`'s, which is
  /// deterministic.
  ///
  /// - Complexity: building is O(*c* log *c* + *f* log *f*); `dot`'s layout dominates rendering.
  public static func communityFlow(_ input: CommunityFlowInput, options: DiagramOptions = DiagramOptions()) -> Diagram {
    let l = options.language
    let flow = CommunityFlowBuilder(input, language: l)
    var dot = flow.graph()
    let title = l.text(.flowTitle)
    flow.addCaption(to: &dot, heading: options.heading ?? title)
    let periods = flow.periods
    let P = periods.count
    let summary = P == 0 ? title : l.text(.flowSummary, "\(P)", periods[0], periods[P - 1])
    return Diagram(
      graph: dot, engine: .dot, seed: options.seed, title: options.heading.map { "\(title): \($0)" } ?? title, summary: summary,
      notes: flow.notes(maximumPerPeriod: input.maximumPerPeriod))
  }
}

/// The DOT graph of ``Diagram/communityFlow(_:options:)``, built in steps: the gathered boxes
/// and links (``GatheredFlow``), their scales and labels, then the graph's settings, the
/// columns of boxes under their period's label, the lines between them, and the caption.
private struct CommunityFlowBuilder {
  /// A box's label: its lines (the first in bold for a community's box) and their colour.
  struct BoxLabel {
    var lines: [String]
    var colour: String
  }

  /// The text's size in points (1 em).
  static let fontSize = 12.0

  let language: DiagramLanguage
  let gathered: GatheredFlow
  /// The periods' labels, cleaned.
  let periods: [String]
  /// Points of box height per person.
  let unit: Double
  /// Points of line width per person.
  let lineUnit: Double
  /// Every box's label, per period as in ``GatheredFlow/boxes``.
  private(set) var labels: [[BoxLabel]] = []

  /// Gathers the communities of `input`, and sets the scales and the boxes' labels.
  init(_ input: CommunityFlowInput, language: DiagramLanguage) {
    self.language = language
    gathered = GatheredFlow(input)
    periods = input.periods.map { TextSafety.cleaned($0) }

    // Scales: points per person for boxes and lines.
    let fullest = gathered.boxes.map { $0.reduce(0) { $0 + $1.size } }.max() ?? 0
    let unit = fullest > 0 ? 460 / Double(fullest) : 1
    self.unit = unit
    let heaviest = gathered.links.map(\.people).max() ?? 0
    lineUnit = heaviest > 0 ? min(unit, 24 / Double(heaviest)) : 1

    labels = gathered.boxes.map { boxes in boxes.map { boxLabel($0) } }
  }

  /// A box's name: "C3" for a community, the gathered box's name for `nil`.
  func boxName(_ id: Int?) -> String { id.map { language.text(.flowCommunity, "\($0)") } ?? language.text(.flowSmallerName) }

  /// The DOT node id of a box of period `period`.
  func nodeID(_ period: Int, _ id: Int?) -> String { id.map { "p\(period)c\($0)" } ?? "p\(period)rest" }

  /// The label of `box`: the number and people in bold, then its description (or, for the
  /// gathered box, how many communities it holds).
  func boxLabel(_ box: GatheredFlow.Box) -> BoxLabel {
    guard let community = box.id else {
      let text = language.text(.flowSmaller, "\(box.communities)") + " (\(box.size))"
      return BoxLabel(lines: NameLines.wrapped(text, width: 12), colour: "#000000")
    }
    let style = Colour.categoryStyle(community)
    let marker = style.round > 0 ? style.legendSymbol + " " : ""
    var lines = [marker + boxName(community) + " (\(box.size))"]
    if let label = box.label.map({ TextSafety.cleaned($0) }), !label.isEmpty {
      lines += NameLines.lines(NameLines.cut(label, at: 24), width: 12)
    }
    return BoxLabel(lines: lines, colour: Colour.prefersDarkText(on: style.colour) ? "#000000" : "#FFFFFF")
  }

  /// The space between columns, in points. Geometry in units of the text: the drawing is at
  /// most 56 em wide (505 pt of 9 pt text) when the columns leave room for 2 em between them,
  /// so that it prints at 9 pt or more.
  func columnGap() -> Double {
    let em = Self.fontSize
    let P = periods.count
    let columns = (0 ..< P).map { p in
      let boxes = labels[p].map { label in
        label.lines.enumerated().map { TextWidth.of($1, size: em, bold: $0 == 0) }.max() ?? 0
      }
      return ((boxes + [TextWidth.of(periods[p], size: em, bold: true)]).max() ?? 0) + 0.16 * 72 + 10
    }
    let room = 56 * em - columns.reduce(0, +) - 0.2 * 72
    return P > 1 ? min(9 * em, max(2 * em, room / Double(P - 1))) : 6 * em
  }

  /// The graph without its caption: its settings, the columns and the lines between them.
  func graph() -> DOTGraph {
    let em = Self.fontSize
    var dot = DOTGraph(name: "communityflow")
    dot.attributes = [
      "layout": .text("dot"), "rankdir": .keyword("LR"), "ranksep": .number(columnGap() / 72), "nodesep": .number(0.6 * em / 72),
      "outputorder": .keyword("edgesfirst"), "fontname": .text(Typeface.family), "bgcolor": .text("#FFFFFF"), "pad": .number(0.1),
    ]
    dot.nodeDefaults = [
      "shape": .keyword("box"), "style": .text("rounded,filled"), "fontname": .text(Typeface.family), "fontsize": .number(Self.fontSize),
      "color": .text("#444444"), "penwidth": .number(0.8), "margin": .text("0.08,0.04"), "width": .number(0.3),
    ]
    dot.edgeDefaults = ["arrowhead": .keyword("none")]
    addColumns(to: &dot)
    addLinks(to: &dot)
    return dot
  }

  /// Adds one column per period: the period's label on top (the header row, kept first on
  /// its rank by invisible edges), then its boxes, all on one rank.
  func addColumns(to dot: inout DOTGraph) {
    var ranks: [[String]] = []
    for (p, boxes) in gathered.boxes.enumerated() {
      let header = "h\(p)"
      dot.nodes.append(DOTNode(id: header, attributes: [
        "shape": .keyword("plaintext"), "style": .keyword("solid"), "height": .number(0.3),
        "label": .html(.text(periods[p], bold: true)),
      ]))
      var rank = [header]
      for b in boxes.indices {
        let node = boxNode(period: p, box: b)
        dot.nodes.append(node)
        rank.append(node.id)
        // The period's label above its column: flat edges keep it first on its rank.
        dot.edges.append(DOTEdge(tail: header, head: node.id, attributes: ["style": .keyword("invis")]))
      }
      if p > 0 {
        dot.edges.append(DOTEdge(tail: "h\(p - 1)", head: header, attributes: ["style": .keyword("invis"), "weight": .number(1000)]))
      }
      ranks.append(rank)
    }
    dot.sameRank = ranks
  }

  /// The node of box `b` of period `p`: its height by its people, its label, its community's
  /// colour (grey for the gathered box) and a tooltip.
  func boxNode(period p: Int, box b: Int) -> DOTNode {
    let l = language
    let box = gathered.boxes[p][b]
    let people = l.count(box.size, one: .personOne, many: .personMany)
    let label = labels[p][b]
    var attributes: DOTAttributes = [
      "height": .number(max(0.2, unit * Double(box.size) / 72)),
      "label": .html(.lines(label.lines.enumerated().map { .text($1, bold: $0 == 0 && box.id != nil, colour: label.colour) })),
    ]
    if let community = box.id {
      let style = Colour.categoryStyle(community)
      attributes["fillcolor"] = .text(style.colour)
      if style.dashedBox { attributes["style"] = .text("rounded,filled,dashed") }
      var tooltip = l.text(.flowNodeTooltip, boxName(community), periods[p], people)
      if let text = box.label.map({ TextSafety.cleaned($0) }), !text.isEmpty { tooltip += "\n" + text }
      attributes["tooltip"] = .text(tooltip)
    } else {
      attributes["fillcolor"] = .text(Colour.neutral)
      attributes["color"] = .text("#888888")
      attributes["tooltip"] = .text(l.text(.flowNodeTooltip, l.text(.flowSmaller, "\(box.communities)"), periods[p], people))
    }
    return DOTNode(id: nodeID(p, box.id), attributes: attributes)
  }

  /// Adds the lines between boxes of neighbouring periods: width by people, the source's
  /// colour (grey from the gathered box), and a tooltip.
  func addLinks(to dot: inout DOTGraph) {
    let l = language
    for link in gathered.links {
      let colour = link.from.map { Colour.categoryStyle($0).colour } ?? "#AAAAAA"
      let people = l.count(link.people, one: .personOne, many: .personMany)
      dot.edges.append(DOTEdge(tail: nodeID(link.period, link.from), head: nodeID(link.period + 1, link.to), attributes: [
        "penwidth": .number(max(0.75, lineUnit * Double(link.people))), "color": .text(colour + "B3"),
        "weight": .number(Double(min(1000, max(1, link.people)))),
        "tooltip": .text(l.text(.flowFlowTooltip, people, boxName(link.from), boxName(link.to))),
      ]))
    }
  }

  /// The periods that have a box of smaller communities.
  var gatheredPeriods: [Int] { gathered.boxes.indices.filter { gathered.boxes[$0].contains { $0.id == nil } } }

  /// Adds the caption under the drawing: `heading` and the key (which mentions the gathered
  /// boxes when there are any).
  func addCaption(to dot: inout DOTGraph, heading: String) {
    var key = language.text(.flowKey)
    if !gatheredPeriods.isEmpty { key += language.text(.flowKeySmaller) }
    dot.attributes["label"] = .html(
      Diagram.legendLabel(heading: heading, legendTitle: nil, entries: [], key: key, scale: 1.2, width: 60))
    dot.attributes["labelloc"] = .keyword("b")
    dot.attributes["labeljust"] = .keyword("l")
  }

  /// The notes: how it was laid out, which periods have gathered boxes (beyond
  /// `maximumPerPeriod` communities), and how many flows were left out.
  func notes(maximumPerPeriod: Int) -> [String] {
    let l = language
    var notes = [l.text(.layoutFlow)]
    let gatheredPeriods = self.gatheredPeriods
    if !gatheredPeriods.isEmpty {
      notes.append(l.text(.flowNoteGathered, "\(max(1, maximumPerPeriod))", gatheredPeriods.map { periods[$0] }.joined(separator: ", ")))
    }
    if gathered.unknown > 0 { notes.append(l.text(.flowNoteUnknown, "\(gathered.unknown)")) }
    return notes
  }
}
