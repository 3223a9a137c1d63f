import SiloGraph

/// What the department map needs: per department its head count and E-I index, and the
/// collaboration between departments.
public struct DepartmentMapInput: Sendable, Hashable {
  public var names: [String]
  public var headCounts: [Int]
  /// The E-I index of each department, (external − internal)/(external + internal) over its
  /// ties; `nil` (or NaN) for a department without ties.
  public var eiIndex: [Double?]
  /// Ties inside each department.
  public var internalTies: [Int]
  /// Ties between departments (each pair once).
  public var between: [Tie]
  /// What a tie's weight means, for the legend.
  public var weightMeaning: String
  /// A line about departments merged or left out (privacy thresholds), for the legend.
  public var footnote: String?

  public struct Tie: Sendable, Hashable {
    public var a: Int
    public var b: Int
    /// Person ties between the two departments.
    public var ties: Int
    /// Their summed weight.
    public var weight: Double

    public init(a: Int, b: Int, ties: Int, weight: Double) {
      self.a = a
      self.b = b
      self.ties = ties
      self.weight = weight
    }
  }

  public init(
    names: [String], headCounts: [Int], eiIndex: [Double?], internalTies: [Int], between: [Tie],
    weightMeaning: String = "weight", footnote: String? = nil
  ) {
    precondition(headCounts.count == names.count && eiIndex.count == names.count && internalTies.count == names.count)
    self.names = names
    self.headCounts = headCounts
    self.eiIndex = eiIndex
    self.internalTies = internalTies
    self.between = between
    self.weightMeaning = weightMeaning
    self.footnote = footnote
  }
}

extension Diagram {
  /// The department map: one circle per department, its area proportional to its head
  /// count, its colour its E-I index on a diverging scale from red ("silo", −1) over white
  /// to blue ("open", +1), with name, E-I value and head count in its label; lines between
  /// departments are wider for more collaboration (summed tie weight).
  public static func departments(_ input: DepartmentMapInput, options: DiagramOptions = DiagramOptions()) -> Diagram {
    let k = input.names.count
    let plan = LayoutPlan.choose(nodes: k, clusters: false, requested: options.engine, seed: options.seed)
    let largest = max(1, input.headCounts.max() ?? 1)
    // Labels sit inside the circles, so the smallest circle still fits three short lines.
    let (minimum, maximum) = k <= 30 ? (1.1, 2.6) : (0.8, 1.8)

    var dot = DOTGraph(name: "departments")
    dot.attributes = plan.attributes
    dot.attributes["fontname"] = .text("Helvetica")
    dot.attributes["bgcolor"] = .text("#FFFFFF")
    dot.attributes["pad"] = .number(0.4)
    dot.attributes["outputorder"] = .keyword("edgesfirst")
    if plan.engine == .neato || plan.engine == .fdp || plan.engine == .sfdp { dot.attributes["sep"] = .text("+12") }
    dot.nodeDefaults = [
      "shape": .keyword("circle"), "fixedsize": .keyword("true"), "style": .keyword("filled"),
      "fontname": .text("Helvetica"), "fontsize": .number(11), "color": .text("#444444"), "penwidth": .number(1),
    ]
    dot.edgeDefaults = ["color": .text("#55555599")]

    dot.nodes = (0 ..< k).map { d in
      let share = Double(input.headCounts[d]) / Double(largest)
      let fill = Colour.eiIndex(input.eiIndex[d])
      let textColour = Colour.prefersDarkText(on: fill) ? "#000000" : "#FFFFFF"
      let ei = input.eiIndex[d].flatMap { $0.isNaN ? nil : $0 }
      let label = HTMLLabel.lines([
        .text(shortened(input.names[d], limit: 22), bold: true, colour: textColour),
        .text("E-I " + (ei.map { signed($0) } ?? "n/a"), colour: textColour),
        .text(input.headCounts[d] == 1 ? "1 person" : "\(input.headCounts[d]) people", pointSize: 9, colour: textColour),
      ])
      let tooltip = [
        input.names[d], input.headCounts[d] == 1 ? "1 person" : "\(input.headCounts[d]) people",
        "E-I index: " + (ei.map { signed($0) } ?? "undefined (no ties)"),
        "Ties inside: \(input.internalTies[d])",
      ].joined(separator: "\n")
      return DOTNode(id: "d\(d)", attributes: [
        "width": .number(minimum + (maximum - minimum) * share.squareRoot()), "fillcolor": .text(fill),
        "label": .html(label), "tooltip": .text(tooltip),
      ])
    }
    let heaviest = input.between.map(\.weight).max() ?? 0
    dot.edges = input.between.sorted { ($0.a, $0.b) < ($1.a, $1.b) }.map { tie in
      let share = heaviest > 0 ? tie.weight / heaviest : 1
      return DOTEdge(tail: "d\(tie.a)", head: "d\(tie.b)", attributes: [
        "penwidth": .number(0.5 + 9.5 * share.squareRoot()),
        "tooltip": .text("\(input.names[tie.a]) – \(input.names[tie.b]): \(tie.ties) tie\(tie.ties == 1 ? "" : "s"), \(input.weightMeaning) \(formatted(tie.weight, decimals: 2))"),
      ])
    }
    let scale: [(colour: String, text: String)] = [
      (Colour.eiIndex(-1), "−1 silo: every tie inside"), (Colour.eiIndex(-0.5), "−0.5"),
      (Colour.eiIndex(0), "0 as many ties inside as outside"), (Colour.eiIndex(0.5), "+0.5"),
      (Colour.eiIndex(1), "+1 open: every tie outside"), (Colour.neutral, "no ties"),
    ]
    var key = "Circle area: head count. Line width: \(input.weightMeaning) between departments."
    if let footnote = input.footnote { key += " " + footnote }
    dot.attributes["label"] = .html(legendLabel(
      heading: options.heading ?? "Departments and the collaboration between them", legendTitle: "Colour: E-I index",
      entries: scale, key: key, columns: 1))
    dot.attributes["labelloc"] = .keyword("b")
    dot.attributes["labeljust"] = .keyword("l")
    let title = "Departments and the collaboration between them"
    return Diagram(
      graph: dot, engine: plan.engine, seed: options.seed, title: options.heading.map { "\(title): \($0)" } ?? title,
      summary: "Each circle is a department (\(k)); its area shows its head count and its colour its E-I index, "
        + "from red (−1, a silo keeping every tie inside) to blue (+1, every tie outside). Lines are collaboration "
        + "between departments, wider for more.",
      notes: [plan.note])
  }

  static func signed(_ value: Double) -> String {
    let text = formatted(value, decimals: 2)
    return value > 0.005 ? "+" + text : text
  }
}
