import Foundation
import Testing
@testable import SiloRender

/// The line chart of the report's "Change over time" section: standalone SVG written by
/// Swift, read back with an XML parser.
@Suite("line chart")
struct LineChartTests {
  static let years = (2020 ... 2026).map { "\($0)" }

  /// Six series of shares over seven years: the organization emphasized with a band, a
  /// department with a gap, a long name, a name with markup, a lone value; the silo threshold.
  static let six = LineChartInput(
    title: "Share of ties kept inside the department", periods: years, yAxisTitle: "Ties inside the department (%)",
    series: [
      .init(
        name: "Organization", values: [0.71, 0.72, 0.74, 0.73, 0.75, 0.76, 0.77], low: [0.68, 0.69, 0.71, 0.70, 0.72, 0.73, 0.74],
        high: [0.74, 0.75, 0.77, 0.76, 0.78, 0.79, 0.80], emphasized: true),
      .init(name: "Finance", values: [0.60, 0.65, 0.70, 0.74, 0.79, 0.81, 0.83]),
      .init(name: "Sociaal Domein", values: [0.88, 0.87, nil, 0.86, 0.85, 0.84, 0.84]),
      .init(name: "Ruimtelijke Ontwikkeling en Vergunningen, Toezicht en Handhaving", values: [0.5, 0.52, 0.55, 0.58, 0.60, 0.62, 0.63]),
      .init(name: "ICT & <Beheer>", values: [0.40, 0.42, 0.41, 0.43, 0.45, 0.46, 0.64]),
      .init(name: "Providence", values: [nil, nil, nil, 0.08, nil, nil, nil]),
    ],
    referenceLines: [.init(value: 5.0 / 6, label: "Silo: 5 of 6 ties inside")])

  /// The paths of `svg` stroked in `colour` without fill, as their `d` values.
  static func strokes(_ svg: String, colour: String) -> [String] {
    svg.split(separator: "\n").filter { $0.hasPrefix("<path ") && $0.contains("fill=\"none\" stroke=\"\(colour)\"") }.compactMap { line in
      guard let start = line.firstRange(of: "d=\"") else { return nil }
      return String(line[start.upperBound...].prefix { $0 != "\"" })
    }
  }

  @Test("a standalone SVG: namespace, size in points, viewBox, role, title and desc first")
  func standalone() throws {
    let chart = Chart.lineChart(Self.six)
    let bytes = chart.svg()
    let scan = SVGScan(bytes)
    try #require(scan.parsed, "\(String(describing: scan.error))")
    let svg = String(decoding: bytes, as: UTF8.self)
    #expect(svg.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"505pt\" height=\"303pt\" viewBox=\"0 0 505 303\" role=\"img\">"))
    #expect(scan.rootName == "svg")
    #expect(scan.rootFirstChildren == ["title", "desc"])
    #expect(scan.rootTitle == "Share of ties kept inside the department")
    #expect(scan.rootDescription == ([chart.summary] + chart.notes).joined(separator: " "))
    #expect(!svg.contains(" id=\""), "no ids: several charts inline in one page")
    // Labelled axes: the y title, the ticks 0–100 %, every year.
    for text in ["Ties inside the department (%)", "0%", "20%", "100%", "Silo: 5 of 6 ties inside"] + Self.years {
      #expect(scan.texts.contains(text), "\(text)")
    }
    // Every series named at the right; a long name cut at a space and wrapped.
    for name in ["Organization", "Finance", "Sociaal Domein", "ICT & <Beheer>", "Providence", "Ruimtelijke", "Ontwikkeling…"] {
      #expect(scan.texts.contains(name), "\(name)")
    }
  }

  @Test("the same chart gives the same bytes, in both languages and at other widths")
  func deterministic() {
    for language in DiagramLanguage.allCases {
      for width in [505.0, 300, 800] {
        let a = Chart.lineChart(Self.six, language: language).svg(width: width)
        let b = Chart.lineChart(Self.six, language: language).svg(width: width)
        #expect(lineDifference(a, b) == nil, "\(language) \(width)")
      }
    }
  }

  @Test("names from user data are text, never markup: series, title, periods, axis and reference labels")
  func hostileNames() throws {
    let hostile = #"<script>&""#
    let input = LineChartInput(
      title: "Q3 <script>alert(\"x\")</script> & 's-Hertogenbosch", periods: ["<b>2024</b>", "2025 & later"],
      yAxisTitle: "</text><text>injected", series: [
        .init(name: hostile, values: [0.2, 0.3]), .init(name: "Eve\u{202E}kcah", values: [0.4, 0.5], emphasized: true),
      ], referenceLines: [.init(value: 0.5, label: "]]><!--")])
    let bytes = Chart.lineChart(input).svg()
    let scan = SVGScan(bytes)
    try #require(scan.parsed, "\(String(describing: scan.error))")
    let svg = String(decoding: bytes, as: UTF8.self)
    #expect(!svg.contains("<script") && !svg.contains("<b>") && !svg.contains("<!--"))
    #expect(!svg.unicodeScalars.contains("\u{202E}"))
    #expect(scan.texts.contains(hostile))
    #expect(scan.texts.contains("Evekcah"))
    #expect(scan.texts.contains("<b>2024</b>") && scan.texts.contains("2025 & later"))
    #expect(scan.texts.contains("</text><text>injected"))
    #expect(scan.texts.contains("]]><!--"))
    #expect(scan.rootTitle == input.title)
    #expect(scan.rootDescription?.contains(hostile) == true)
  }

  @Test("a missing value breaks the line; a lone value is only a marker")
  func gaps() {
    let input = LineChartInput(
      title: "Gaps", periods: ["a", "b", "c", "d", "e"], yAxisTitle: "%",
      series: [.init(name: "Broken", values: [0.1, 0.2, nil, 0.4, 0.5]), .init(name: "Lone", values: [nil, 0.6, nil, nil, nil])])
    let chart = Chart.lineChart(input)
    let svg = String(decoding: chart.svg(), as: UTF8.self)
    let broken = Self.strokes(svg, colour: Colour.category(0))
    #expect(broken.count == 1)
    #expect(broken.first?.filter { $0 == "M" }.count == 2, "\(broken)")
    #expect(broken.first?.filter { $0 == "L" }.count == 2, "\(broken)")
    // The lone value: no stroke of its colour (#EE8866), but its marker and its name.
    #expect(Self.strokes(svg, colour: Colour.category(1)).isEmpty)
    #expect(svg.contains("fill=\"#EE8866\""))
    #expect(SVGScan(Array(svg.utf8)).texts.contains("Lone"))
    #expect(chart.notes.contains("A gap in a line: no value for that period."))
  }

  @Test("every text prints at 9 pt or more at the report's width, in the named typeface", arguments: [false, true])
  func printedSize(monthly: Bool) throws {
    let input = monthly ? Self.monthly : Self.six
    let svg = Chart.lineChart(input).svg(width: PrintFrame.reportPage.width)
    let measured = SVGMeasure(svg)
    let scale = PrintFrame.reportPage.scale(width: measured.width, height: measured.height)
    #expect(measured.width == 505)
    #expect(measured.smallestFont * scale >= 9, "\(measured.smallestFont) × \(scale)")
    let text = String(decoding: svg, as: UTF8.self)
    let families = Set(text.split(separator: "font-family=\"").dropFirst().map { $0.prefix { $0 != "\"" } })
    #expect(families == [Substring(Typeface.family)])
    #expect(text.components(separatedBy: "<text ").count - 1 == text.components(separatedBy: "font-size=\"").count - 1)
  }

  /// Four series of E-I indices over twelve months.
  static let monthly: LineChartInput = {
    let names = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
    func line(_ start: Double, _ slope: Double) -> [Double?] { (0 ..< 12).map { start + slope * Double($0) } }
    return LineChartInput(
      title: "E-I index by department", periods: names.map { $0 + " 2025" }, yAxisTitle: "E-I index", valueStyle: .decimal(places: 2),
      series: [
        .init(name: "Organization", values: line(-0.4, 0.02), emphasized: true), .init(name: "Finance", values: line(-0.7, 0.03)),
        .init(name: "Sales", values: line(-0.1, 0.005)), .init(name: "R&D", values: line(0.1, -0.02)),
      ],
      referenceLines: [.init(value: -2.0 / 3, label: "Silo threshold")])
  }()

  @Test("Dutch numbers: a decimal comma, a true minus sign, a plus on a diverging axis; percentages as in English")
  func dutchNumbers() throws {
    let scan = SVGScan(Chart.lineChart(Self.monthly, language: .nl).svg())
    try #require(scan.parsed)
    #expect(scan.texts.contains("−0,4") && scan.texts.contains("+0,2") && scan.texts.contains("0"))
    #expect(!scan.texts.contains { $0.contains("-0") || $0.contains("0.") })
    let chart = Chart.lineChart(Self.six, language: .nl)
    #expect(chart.summary.hasPrefix("Share of ties kept inside the department, 2020 tot en met 2026: Organization van 71% (2020) naar 77% (2026); "))
    #expect(chart.summary.contains("Providence 8% (2023)"))
    #expect(chart.notes.contains("Stippellijn: Silo: 5 of 6 ties inside, bij 83%."))
    let english = Chart.lineChart(Self.monthly)
    #expect(english.summary.contains("Finance from −0.7 (jan 2025) to −0.37 (dec 2025)"))
  }

  @Test("the y axis: 0–100 % for shares; round ticks fitted to decimal data and reference lines")
  func axis() {
    let percent = ValueAxis(Self.six)
    #expect(percent.low == 0 && percent.high == 1)
    #expect(percent.ticks == [0, 0.2, 0.4, 0.6000000000000001, 0.8, 1])
    let decimal = ValueAxis(Self.monthly)
    #expect(decimal.low == -0.8 && abs(decimal.high - 0.2) < 1e-12)
    #expect(decimal.signed && decimal.tickDecimals == 1 && decimal.valueDecimals == 2)
    #expect(ValueAxis.niceStep(1.1) == 0.2 && ValueAxis.niceStep(0.03) == 0.005 && ValueAxis.niceStep(7) == 1)
  }

  @Test("names at the right never overlap and stay in the order of their lines' ends, with eight lines close together")
  func labelsApart() {
    let input = LineChartInput(
      title: "Eight", periods: ["2025-Q1", "2025-Q2", "2025-Q3"], yAxisTitle: "%",
      series: (0 ..< 8).map { k in .init(name: "Department with a long name \(k)", values: [0.5, 0.55, 0.6 + 0.005 * Double(k)], emphasized: k == 0) })
    let layout = LineChartLayout(input, language: .en, width: 505)
    let labels = layout.labels.compactMap { $0 }.sorted { $0.y < $1.y }
    #expect(labels.count == 8)
    for (a, b) in zip(labels, labels.dropFirst()) {
      #expect(a.y + a.height / 2 <= b.y - b.height / 2 + 1e-9)
      #expect(a.ideal <= b.ideal, "higher values higher up")
    }
    #expect(labels.allSatisfy { $0.y - $0.height / 2 >= layout.plot.top - 4 && $0.lines.count <= 2 })
    #expect(labels.allSatisfy { $0.lines.joined(separator: " ").count <= 25 })
  }

  @Test("label dodging: least squares in order, inside the range")
  func dodge() {
    #expect(LineChartLayout.dodge(ideal: [10, 50], heights: [10, 10], gap: 0, low: 0, high: 100) == [10, 50])
    #expect(LineChartLayout.dodge(ideal: [50, 50], heights: [10, 10], gap: 0, low: 0, high: 100) == [45, 55])
    #expect(LineChartLayout.dodge(ideal: [0, 0, 0], heights: [10, 10, 10], gap: 0, low: 0, high: 100) == [5, 15, 25])
    #expect(LineChartLayout.dodge(ideal: [99, 99], heights: [10, 10], gap: 2, low: 0, high: 100) == [83, 95])
  }

  @Test("many periods: at most 12 labels, never overlapping, every period a tick; the note says so")
  func thinnedAxis() {
    let months = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
    let periods = (0 ..< 36).map { "\(months[$0 % 12]) \(2023 + $0 / 12)" }
    let input = LineChartInput(
      title: "Three years", periods: periods, yAxisTitle: "%", series: [.init(name: "Organization", values: (0 ..< 36).map { _ in 0.5 })])
    let layout = LineChartLayout(input, language: .en, width: 505)
    let shown = layout.labelledPeriods
    #expect(shown.count <= 12 && shown.count >= 4 && shown.first == 0)
    for (a, b) in zip(shown, shown.dropFirst()) {
      let room = (TextWidth.of(periods[a], size: 9) + TextWidth.of(periods[b], size: 9)) / 2
      #expect(layout.xs[b] - layout.xs[a] >= room)
    }
    let svg = String(decoding: Chart.lineChart(input).svg(), as: UTF8.self)
    #expect(Chart.lineChart(input).notes.contains("The axis names \(shown.count) of the 36 periods; every period has a tick mark."))
    #expect(!svg.contains("rotate"))
  }

  @Test("edge cases draw a valid chart: no periods, no series, no values, one period, a flat line, values outside the range")
  func edgeCases() throws {
    let inputs = [
      LineChartInput(title: "Empty", periods: [], yAxisTitle: "", series: []),
      LineChartInput(title: "No series", periods: ["2025"], yAxisTitle: "%", series: []),
      LineChartInput(title: "No values", periods: ["a", "b"], yAxisTitle: "E-I", valueStyle: .decimal(places: 2), series: [.init(name: "x", values: [nil, .nan])]),
      LineChartInput(title: "One period", periods: ["2025"], yAxisTitle: "%", series: [.init(name: "x", values: [0.5], low: [0.4], high: [0.6])]),
      LineChartInput(title: "Flat", periods: ["a", "b"], yAxisTitle: "E-I", valueStyle: .decimal(places: 2), series: [.init(name: "x", values: [0.3, 0.3])]),
      LineChartInput(title: "Outside", periods: ["a", "b"], yAxisTitle: "%", yRange: 0.2 ... 0.8, series: [.init(name: "x", values: [0.1, 1.2, 7])]),
    ]
    for input in inputs {
      let chart = Chart.lineChart(input, language: .nl)
      let scan = SVGScan(chart.svg(width: 100))
      try #require(scan.parsed, "\(input.title)")
      #expect(scan.rootDescription?.hasPrefix(input.title) == true)
      let axis = ValueAxis(input)
      #expect(axis.low < axis.high && !axis.ticks.isEmpty, "\(input.title)")
    }
    #expect(ValueAxis(inputs[5]).low <= 0.1 && ValueAxis(inputs[5]).high >= 1.2 && ValueAxis(inputs[5]).high < 7, "widened to the values of the periods")
    #expect(Chart.lineChart(inputs[2]).summary == "No values, a to b: x no values.")
  }

  @Test("each series its own colour and marker; the organization dark, thicker, bold")
  func looks() {
    let layout = LineChartLayout(Self.six, language: .en, width: 505)
    let looks = layout.looks
    #expect(looks[0].colour == "#222222" && looks[0].lineWidth > looks[1].lineWidth && looks[0].bold && looks[0].marker == .circle)
    #expect(Set(looks.map(\.marker)).count == 6)
    #expect(Set(looks.map(\.colour)).count == 6)
    #expect(looks[1].colour == Colour.category(0))
    var input = Self.six
    input.series[1].category = 7
    #expect(LineChartLayout(input, language: .en, width: 505).looks[1].colour == Colour.category(7))
  }
}
