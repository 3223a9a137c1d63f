import Foundation
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
  /// Each department's verdict as the scorecard words it, in the order of ``names``; empty
  /// (the default) draws no verdicts. A shorter array leaves the departments after it
  /// without one, as does `nil`.
  public var verdicts: [DepartmentVerdict?] = []

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
    weightMeaning: String = "weight", footnote: String? = nil, verdicts: [DepartmentVerdict?] = []
  ) {
    precondition(headCounts.count == names.count && eiIndex.count == names.count && internalTies.count == names.count)
    self.names = names
    self.headCounts = headCounts
    self.eiIndex = eiIndex
    self.internalTies = internalTies
    self.between = between
    self.weightMeaning = weightMeaning
    self.footnote = footnote
    self.verdicts = verdicts
  }
}

/// A department's silo verdict on the department map: the word the report uses for it
/// ("silo", "verkokerd", "silo or inward"), and whether it counts as a silo, which draws
/// the department with a heavy dark-red outline.
public struct DepartmentVerdict: Sendable, Hashable {
  /// The verdict as shown, in the report's language (escaped when drawn).
  public var word: String
  /// Whether the department is a silo.
  public var isSilo: Bool

  public init(word: String, isSilo: Bool) {
    self.word = word
    self.isSilo = isSilo
  }
}

extension Diagram {
  /// The outline of a silo department on the map: ColorBrewer RdBu's darkest red.
  static let siloOutline = (colour: "#B2182B", width: 3.0)

  /// The department map: one circle per department, its area proportional to its head
  /// count, its colour its E-I index on a diverging scale from red ("silo", −1) over white
  /// to blue ("open", +1), with name, verdict (when given), E-I value and head count in its
  /// label; lines between departments are wider for more collaboration (summed tie weight).
  /// Silo departments (``DepartmentVerdict/isSilo``) get a heavy dark-red outline, and the
  /// legend says so when any verdict is given. A circle is at least as large as its label,
  /// so that the label stays inside when ``fitted(to:)`` enlarges the text.
  public static func departments(_ input: DepartmentMapInput, options: DiagramOptions = DiagramOptions()) -> Diagram {
    let l = options.language
    let k = input.names.count
    let labels = (0 ..< k).map { label(input, $0, language: l) }
    let layout = CircleLayout(input: input, labels: labels)

    var dot = DOTGraph(name: "departments")
    dot.attributes = ["layout": .text("neato"), "inputscale": .number(72), "splines": .keyword("false")]
    dot.attributes["fontname"] = .text(Typeface.family)
    dot.attributes["bgcolor"] = .text("#FFFFFF")
    dot.attributes["pad"] = .number(0.1)
    dot.attributes["outputorder"] = .keyword("edgesfirst")
    dot.nodeDefaults = [
      "shape": .keyword("circle"), "fixedsize": .keyword("true"), "style": .keyword("filled"),
      "fontname": .text(Typeface.family), "fontsize": .number(CircleLayout.fontSize), "color": .text("#444444"), "penwidth": .number(1),
    ]
    dot.edgeDefaults = ["color": .text("#55555599")]

    dot.nodes = (0 ..< k).map { d in node(input, d, label: labels[d], language: l, at: layout.centres[d], diameter: layout.diameters[d]) }
    let heaviest = input.between.map(\.weight).max() ?? 0
    let weightMeaning = l.translated(input.weightMeaning)
    dot.edges = input.between.sorted { ($0.a, $0.b) < ($1.a, $1.b) }.map { tie in
      let share = heaviest > 0 ? tie.weight / heaviest : 1
      return DOTEdge(tail: "d\(tie.a)", head: "d\(tie.b)", attributes: [
        "penwidth": .number(0.5 + 9.5 * share.squareRoot()),
        "tooltip": .text(l.text(
          .departmentTieTooltip, input.names[tie.a], input.names[tie.b], l.count(tie.ties, one: .tieOne, many: .tieMany),
          weightMeaning, l.number(tie.weight, decimals: 2))),
      ])
    }
    var scale: [LegendEntry] = [
      LegendEntry(colour: Colour.eiIndex(-1), text: l.text(.eiSilo)), LegendEntry(colour: Colour.eiIndex(-0.5), text: l.number(-0.5, decimals: 1)),
      LegendEntry(colour: Colour.eiIndex(0), text: l.text(.eiBalanced)), LegendEntry(colour: Colour.eiIndex(0.5), text: "+" + l.number(0.5, decimals: 1)),
      LegendEntry(colour: Colour.eiIndex(1), text: l.text(.eiOpen)), LegendEntry(colour: Colour.neutral, text: l.text(.noTies)),
    ]
    if input.verdicts.contains(where: { $0 != nil }) {
      scale.append(LegendEntry(colour: siloOutline.colour, text: l.text(.legendSiloOutline), symbol: "○"))
    }
    var key = l.text(.keyDepartments, weightMeaning)
    if let footnote = input.footnote { key += " " + footnote }
    let title = l.text(.departmentsTitle)
    dot.attributes["label"] = .html(legendLabel(
      heading: options.heading ?? title, legendTitle: l.text(.legendEIIndex), entries: scale, key: key, columns: 2, scale: 1.1, width: 44))
    dot.attributes["labelloc"] = .keyword("b")
    dot.attributes["labeljust"] = .keyword("l")
    var diagram = Diagram(
      graph: dot, engine: .neato, seed: options.seed, title: options.heading.map { "\(title): \($0)" } ?? title,
      summary: l.text(.departmentsSummary, "\(k)"), notes: [l.text(.layoutCircle)])
    diagram.fixedGeometry = true
    return diagram
  }

  /// Department `d`'s label: its name wrapped at 12 characters and its verdict (when given),
  /// else its head count; the head count is also the circle's area, the E-I its colour, and
  /// both are in the tooltip.
  static func label(_ input: DepartmentMapInput, _ d: Int, language l: DiagramLanguage) -> [String] {
    let verdict = d < input.verdicts.count ? input.verdicts[d] : nil
    return nameLines(input.names[d])
      + (verdict.map { NameLines.wrapped(TextSafety.cleaned($0.word), width: 12) }
        ?? [l.count(input.headCounts[d], one: .personOne, many: .personMany)])
  }

  /// A department's name wrapped at 12 characters; a single word longer than 15 (a Dutch
  /// compound such as "Informatievoorziening") is broken in the middle with a hyphen, so that
  /// the circle keeps the size its head count gives instead of growing around one word.
  static func nameLines(_ name: String) -> [String] {
    NameLines.wrapped(name, width: 12).flatMap { line -> [String] in
      guard line.count > 15, !line.contains(" ") else { return [line] }
      let middle = line.index(line.startIndex, offsetBy: line.count / 2)
      return [String(line[..<middle]) + "-", String(line[middle...])]
    }
  }

  /// Department `d`'s circle at its place on the map: the label in black or white as the
  /// fill needs (name in bold), a tooltip with the numbers.
  private static func node(
    _ input: DepartmentMapInput, _ d: Int, label lines: [String], language l: DiagramLanguage, at centre: (x: Double, y: Double),
    diameter: Double
  ) -> DOTNode {
    let fill = Colour.eiIndex(input.eiIndex[d])
    let textColour = Colour.prefersDarkText(on: fill) ? "#000000" : "#FFFFFF"
    let ei = input.eiIndex[d].flatMap { $0.isNaN ? nil : $0 }
    let people = l.count(input.headCounts[d], one: .personOne, many: .personMany)
    let verdict = d < input.verdicts.count ? input.verdicts[d] : nil
    let nameLines = Self.nameLines(input.names[d]).count
    let label = HTMLLabel.lines(lines.enumerated().map { i, line in .text(line, bold: i < nameLines, colour: textColour) })
    var tooltip = [input.names[d], people, l.text(.eiTooltip, ei.map { signed($0, language: l) } ?? l.text(.eiUndefined))]
    if let verdict { tooltip.append(l.text(.verdictTooltip, TextSafety.cleaned(verdict.word))) }
    tooltip.append(l.text(.tiesInside, "\(input.internalTies[d])"))
    var attributes: DOTAttributes = [
      "width": .number(diameter / 72), "fillcolor": .text(fill), "label": .html(label), "tooltip": .text(tooltip.joined(separator: "\n")),
      "pos": .text("\(CircleLayout.rounded(centre.x)),\(CircleLayout.rounded(centre.y))!"),
    ]
    if verdict?.isSilo == true {
      attributes["color"] = .text(siloOutline.colour)
      attributes["penwidth"] = .number(siloOutline.width)
    }
    return DOTNode(id: "d\(d)", attributes: attributes)
  }

  static func signed(_ value: Double, language: DiagramLanguage = .en) -> String {
    let text = language.number(value, decimals: 2)
    return value > 0.005 ? "+" + text : text
  }
}

/// The department map's places: the departments on one circle, clockwise from the top from the
/// lowest E-I (most closed) to the highest, each circle as large as its label (and larger for
/// more people), the circle's radius just large enough that neighbours do not touch.
///
/// Sizes are in points for a label of ``fontSize``; the whole map grows with the label text, so
/// the printed size of the text does not depend on the font size chosen but on the number of
/// departments: up to about 16 departments the map printed 505 pt wide shows its text at 9 pt
/// or more. Text widths are estimated (0.6 em per character, bold included) because the
/// layout is fixed before Graphviz measures.
struct CircleLayout {
  static let fontSize = 11.0
  var centres: [(x: Double, y: Double)]
  var diameters: [Double]

  init(input: DepartmentMapInput, labels: [[String]]) {
    let k = input.names.count
    let em = Self.fontSize
    let largest = Double(max(1, input.headCounts.max() ?? 1))
    diameters = (0 ..< k).map { d in
      let width = Double(labels[d].map(\.count).max() ?? 0) * 0.6 * em
      let height = Double(labels[d].count) * 1.2 * em
      let fitsLabel = (width * width + height * height).squareRoot() + 0.4 * em
      let byHeadCount = (2.5 + 4.5 * (Double(input.headCounts[d]) / largest).squareRoot()) * em
      return max(fitsLabel, byHeadCount)
    }
    let gap = 0.4 * em
    let order = (0 ..< k).sorted {
      let a = input.eiIndex[$0].flatMap { $0.isNaN ? nil : $0 } ?? 2, b = input.eiIndex[$1].flatMap { $0.isNaN ? nil : $0 } ?? 2
      return (a, $0) < (b, $1)
    }
    let circumference = diameters.reduce(0) { $0 + $1 + gap }
    let radius = k <= 1 ? 0 : max(circumference / (2 * Double.pi), (diameters.max() ?? 0) * (k == 2 ? 0.6 : 0.75))
    centres = Array(repeating: (0, 0), count: k)
    var travelled = 0.0
    for d in order {
      let arc = (diameters[d] + gap) / 2
      travelled += arc
      let angle = Double.pi / 2 - 2 * Double.pi * travelled / circumference
      centres[d] = (radius * cos(angle), radius * sin(angle))
      travelled += arc
    }
  }

  /// Two decimals, for `pos`.
  static func rounded(_ value: Double) -> String {
    let hundredths = (value * 100).rounded()
    return String(hundredths / 100)
  }
}
