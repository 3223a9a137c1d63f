import Foundation

/// What a line chart of measures over time needs: the periods, one series per line, and the
/// horizontal lines to compare against. Plain values; SiloRender computes nothing itself.
///
/// A series holds one value per period (`nil` where there is none: the line breaks there),
/// optionally a band from ``Series/low`` to ``Series/high`` (an uncertainty range), and may be
/// ``Series/emphasized`` (the organization as a whole: drawn thicker and dark). Values past the
/// last period are ignored; missing ones count as `nil`.
public struct LineChartInput: Sendable, Hashable {
  /// The chart's title, drawn above it and written as the SVG's `<title>` ("Share of ties kept
  /// inside the department").
  public var title: String
  /// The x axis's labels, one per period, oldest first ("2024", "2025-Q1", "jan 2025").
  public var periods: [String]
  /// What the y axis measures, drawn above it ("Ties inside (%)").
  public var yAxisTitle: String
  /// How values are read and written.
  public var valueStyle: ValueStyle
  /// The y axis's range; `nil` for 0…1 with ``ValueStyle/percent`` and a range fitted to the
  /// data (and reference lines) with round ticks with ``ValueStyle/decimal(places:)``. A range
  /// that does not hold every value is widened to hold it.
  public var yRange: ClosedRange<Double>?
  /// The lines, in the order their colours and markers are given out.
  public var series: [Series]
  /// Horizontal dashed lines with a label ("silo threshold": 5/6 of ties inside).
  public var referenceLines: [ReferenceLine]

  /// How a chart's values are read and written.
  public enum ValueStyle: Sendable, Hashable {
    /// Shares from 0 to 1, written as percentages ("83%", in Dutch too).
    case percent
    /// Numbers written with `places` decimals (an E-I index, −1 to +1), with a minus sign
    /// (U+2212) and, on an axis that spans zero, a plus sign; Dutch with a decimal comma
    /// ("−0,33").
    case decimal(places: Int)
  }

  /// One line of the chart.
  public struct Series: Sendable, Hashable {
    /// The name at the line's right end and in its tooltip (escaped when drawn).
    public var name: String
    /// One value per period; `nil` (or a value that is not finite) leaves the period out and
    /// breaks the line there.
    public var values: [Double?]
    /// The low end of each period's band, or `nil` for no band.
    public var low: [Double?]?
    /// The high end of each period's band, or `nil` for no band. A band is drawn where both
    /// ends are given, as a light area between them (a whisker for a lone period).
    public var high: [Double?]?
    /// Whether this is the line to read first (the organization): dark grey, thicker, a filled
    /// circle as marker, its name in bold.
    public var emphasized: Bool
    /// The index of the colour in ``Colour/categories`` (to match a department's colour in the
    /// other diagrams), or `nil` for the series' place among the lines that are not emphasized.
    public var category: Int?

    /// A series of `values`, optionally with a band and emphasized.
    public init(
      name: String, values: [Double?], low: [Double?]? = nil, high: [Double?]? = nil, emphasized: Bool = false,
      category: Int? = nil
    ) {
      self.name = name
      self.values = values
      self.low = low
      self.high = high
      self.emphasized = emphasized
      self.category = category
    }
  }

  /// A horizontal dashed line across the chart, with its label inside the plot.
  public struct ReferenceLine: Sendable, Hashable {
    /// Where the line is, in the series' units (a share for ``ValueStyle/percent``).
    public var value: Double
    /// What it marks (escaped when drawn).
    public var label: String

    /// A line at `value` labelled `label`.
    public init(value: Double, label: String) {
      self.value = value
      self.label = label
    }
  }

  /// A chart of `series` over `periods`.
  public init(
    title: String, periods: [String], yAxisTitle: String, valueStyle: ValueStyle = .percent, yRange: ClosedRange<Double>? = nil,
    series: [Series], referenceLines: [ReferenceLine] = []
  ) {
    self.title = title
    self.periods = periods
    self.yAxisTitle = yAxisTitle
    self.valueStyle = valueStyle
    self.yRange = yRange
    self.series = series
    self.referenceLines = referenceLines
  }
}

/// A chart drawn by SiloRender itself as SVG (no Graphviz): for measures over time, where a
/// layout engine has nothing to lay out.
///
/// ```swift
/// let chart = Chart.lineChart(input, language: .nl)
/// let svg = chart.svg()            // 505 pt wide, as the report prints it
/// ```
///
/// The SVG is standalone (`xmlns`, `viewBox`, `width` and `height` in points, `role="img"`,
/// ``title`` as its `<title>` and ``summary`` with the ``notes`` as its `<desc>`), uses no
/// element ids (several charts can be inlined in one page), and is the same bytes for the
/// same chart and width.
public struct Chart: Sendable, Hashable {
  /// The chart's title: its SVG `<title>`.
  public var title: String
  /// One sentence that says what the chart shows, for screen readers (the text alternative):
  /// each line's first and last value.
  public var summary: String
  /// How to read the chart (bands, dashed lines, gaps, thinned axis labels): appended to the
  /// summary in the SVG's `<desc>`.
  public var notes: [String]
  /// The language of the texts the chart writes itself (numbers included).
  public var language: DiagramLanguage
  /// What is drawn.
  var input: LineChartInput

  /// The narrowest drawing, in points: below it there is no room for 9 pt labels.
  public static let minimumWidth = 240.0

  /// The line chart of `input`, its own texts (summary, notes, tooltips, numbers) in
  /// `language`. Draw it with ``svg(width:)``.
  public static func lineChart(_ input: LineChartInput, language: DiagramLanguage = .en) -> Chart {
    let layout = LineChartLayout(input, language: language, width: PrintFrame.reportPage.width)
    return Chart(title: input.title, summary: layout.summary, notes: layout.notes, language: language, input: input)
  }

  /// The chart as an SVG `width` points wide (at least ``minimumWidth``) and about 0.6 ×
  /// `width` high (more for a title on two lines), every text at 9 pt or more when drawn at
  /// that width: the report inlines it 505 pt wide, ``PrintFrame/reportPage``.
  ///
  /// - Complexity: O(*s* · *p* + *s* log *s*) for *s* series over *p* periods.
  public func svg(width: Double = PrintFrame.reportPage.width) -> [UInt8] {
    let layout = LineChartLayout(input, language: language, width: width)
    return SVGWriter.document(
      width: layout.width, height: layout.height, title: title, description: ([summary] + layout.notes).joined(separator: " "),
      body: layout.draw())
  }
}

/// The places of everything a line chart draws at one width, in points from the top left.
///
/// Conventions:
/// - Vertical: the title (12 pt bold, at most two lines), the y axis's title (9.5 pt, above
///   the axis, not rotated), the plot, the period labels (9 pt) under it.
/// - Horizontal: the y tick labels (9 pt), the plot, and a right margin as wide as the widest
///   line name (9 pt, cut at 24 characters with "…" and wrapped at about 14 characters onto at
///   most two lines).
/// - The y axis: ticks at a round step (1, 2 or 5 × 10ᵏ, about five intervals; Heckbert,
///   "Nice numbers for graph labels", Graphics Gems, 1990), the range rounded out to the step
///   when it is fitted to the data.
/// - The x axis: periods evenly spaced; a label every *k* periods, *k* the first of 1, 2, 3, 4, 6,
///   12, 24, … for which neighbouring labels keep 6 pt apart and at most 12 are shown, counted
///   from the first period; the last period is labelled too when it fits.
/// - Line names: each at the y of its line's last value, moved apart vertically by the least
///   squares that keeps them in order without overlap (pool-adjacent-violators on the
///   positions less their cumulative minimum spacing), within the plot's height.
struct LineChartLayout {
  static let titleSize = 12.0
  static let axisTitleSize = 9.5
  static let textSize = 9.0
  static let lineHeight = 1.2
  static let pad = 4.0

  let input: LineChartInput
  let language: DiagramLanguage
  let width: Double
  private(set) var height = 0.0
  private(set) var titleLines: [String] = []
  private(set) var axisTitleLines: [String] = []
  private(set) var plot = (left: 0.0, right: 0.0, top: 0.0, bottom: 0.0)
  let axis: ValueAxis
  /// Every period's x.
  private(set) var xs: [Double] = []
  /// The periods whose label is drawn.
  private(set) var labelledPeriods: [Int] = []
  private(set) var looks: [SeriesLook] = []
  /// The names at the right, in series order (`nil` for a series without values).
  private(set) var labels: [SeriesLabel?] = []
  private(set) var summary = ""
  private(set) var notes: [String] = []

  /// How one series is drawn.
  struct SeriesLook {
    var colour: String
    var lineWidth: Double
    var marker: ChartMarker
    var hollow: Bool
    var bold: Bool
  }

  /// A series' name at the right: its lines, the y of its line's end and of the label's centre.
  struct SeriesLabel {
    var lines: [String]
    var ideal: Double
    var y: Double
    var height: Double
    /// The x where the line ends (its last value).
    var endX: Double
  }

  init(_ input: LineChartInput, language: DiagramLanguage, width requested: Double) {
    self.input = input
    self.language = language
    let width = max(Chart.minimumWidth, requested.isFinite ? requested : PrintFrame.reportPage.width)
    self.width = width
    axis = ValueAxis(input)

    let top = layOutTitles()
    let names = Self.rightNames(input, maxWidth: 0.3 * width)
    layOutPlot(top: top, widestName: names.widest)
    layOutPeriods(widestName: names.widest)
    looks = Self.looks(input.series)
    placeLabels(names.lines)
    (summary, notes) = Self.texts(input, axis: axis, language: language, labelled: labelledPeriods.count)
  }

  // MARK: Layout steps

  /// Wraps the title and the y axis's title, sets the chart's height before the names at the
  /// right are placed, and returns the plot's top.
  private mutating func layOutTitles() -> Double {
    let lh = Self.lineHeight
    titleLines = Self.wrapped(input.title, maxWidth: width - 2 * Self.pad, size: Self.titleSize, bold: true, maxLines: 2)
    axisTitleLines = Self.wrapped(input.yAxisTitle, maxWidth: width - 2 * Self.pad, size: Self.axisTitleSize, bold: false, maxLines: 2)
    var top = Self.pad + Double(titleLines.count) * Self.titleSize * lh
    if !axisTitleLines.isEmpty { top += 3 + Double(axisTitleLines.count) * Self.axisTitleSize * lh }
    top += 8
    height = (0.6 * width).rounded() + Double(max(0, titleLines.count - 1)) * Self.titleSize * lh
      + Double(max(0, axisTitleLines.count - 1)) * Self.axisTitleSize * lh
    return top
  }

  /// Every series' name as drawn at the right (`nil` for a series without values), and the
  /// width of the widest line among them (0 when there is none).
  private static func rightNames(_ input: LineChartInput, maxWidth: Double) -> (lines: [[String]?], widest: Double) {
    let p = input.periods.count
    var names: [[String]?] = []
    var widest = 0.0
    for s in input.series {
      guard Self.hasValues(s, periods: p) else {
        names.append(nil)
        continue
      }
      let lines = Self.nameLines(s.name, maxWidth: maxWidth, bold: s.emphasized)
      widest = max(widest, lines.map { TextWidth.of($0, size: Self.textSize, bold: s.emphasized) }.max() ?? 0)
      names.append(lines)
    }
    return (names, widest)
  }

  /// Sets the plot's rectangle below `top`: the tick labels on its left, the names at the right
  /// (the widest `widestName` points wide) and the period labels under it.
  private mutating func layOutPlot(top: Double, widestName widest: Double) {
    let t = Self.textSize
    let tickWidth = axis.ticks.map { TextWidth.of(axis.format($0, decimals: axis.tickDecimals, language: language), size: t) }.max() ?? 0
    let left = Self.pad + tickWidth + 5
    let right = width - Self.pad - (widest > 0 ? widest + 22 : 0)
    let bottom = height - Self.pad - 3 - 2 - t
    plot = (left, right, top, bottom)
  }

  /// Spaces the periods evenly along the x axis, inset so that the first and last labels fit,
  /// and picks the periods whose label is drawn.
  private mutating func layOutPeriods(widestName widest: Double) {
    let p = input.periods.count
    let (left, right) = (plot.left, plot.right)
    let periodWidths = input.periods.map { TextWidth.of(TextSafety.cleaned($0), size: Self.textSize) }
    let insetLeft = max(8, (periodWidths.first ?? 0) / 2 - (left - Self.pad))
    let insetRight = widest > 0 ? 8 : max(8, (periodWidths.last ?? 0) / 2 - Self.pad)
    if p == 1 {
      xs = [(left + right) / 2]
    } else if p > 1 {
      let step = (right - insetRight - left - insetLeft) / Double(p - 1)
      xs = (0 ..< p).map { left + insetLeft + Double($0) * step }
    }
    labelledPeriods = Self.thinned(xs: xs, widths: periodWidths)
  }

  /// The colour, marker and width of each series: the emphasized dark and thick, the others
  /// in their category's colour (or their place's) with the next marker.
  private static func looks(_ series: [LineChartInput.Series]) -> [SeriesLook] {
    var looks: [SeriesLook] = []
    var plain = 0, emphasized = 0
    for s in series {
      if s.emphasized {
        looks.append(SeriesLook(colour: "#222222", lineWidth: 2.6, marker: .circle, hollow: emphasized > 0, bold: true))
        emphasized += 1
      } else {
        let marker = ChartMarker.sequence[plain % ChartMarker.sequence.count]
        looks.append(SeriesLook(
          colour: Colour.category(s.category ?? plain), lineWidth: 1.6, marker: marker,
          hollow: plain >= ChartMarker.sequence.count, bold: false))
        plain += 1
      }
    }
    return looks
  }

  /// Places the names at the right end of their lines, moved apart so that they do not
  /// overlap, and makes the chart tall enough for the lowest.
  private mutating func placeLabels(_ nameLines: [[String]?]) {
    let p = input.periods.count
    var placed: [(index: Int, label: SeriesLabel)] = []
    for (i, s) in input.series.enumerated() {
      guard let lines = nameLines[i], let last = Self.lastValue(s, periods: p) else { continue }
      let y = self.y(last.value)
      placed.append((i, SeriesLabel(
        lines: lines, ideal: y, y: y, height: Double(lines.count) * Self.textSize * Self.lineHeight, endX: xs[last.period])))
    }
    placed.sort { ($0.label.ideal, $0.index) < ($1.label.ideal, $1.index) }
    let ys = Self.dodge(
      ideal: placed.map(\.label.ideal), heights: placed.map(\.label.height), gap: 1.5, low: plot.top - 4, high: plot.bottom + 4)
    labels = Array(repeating: nil, count: input.series.count)
    for (k, entry) in placed.enumerated() {
      var label = entry.label
      label.y = ys[k]
      labels[entry.index] = label
      height = max(height, ys[k] + label.height / 2 + Self.pad)
    }
  }

  /// The y of `value`.
  func y(_ value: Double) -> Double {
    let span = axis.high - axis.low
    guard span > 0 else { return (plot.top + plot.bottom) / 2 }
    return plot.bottom - (value - axis.low) / span * (plot.bottom - plot.top)
  }

  // MARK: Drawing

  /// The SVG elements of the chart.
  func draw() -> String {
    var svg = SVGWriter()
    svg.rect(x: 0, y: 0, width: width, height: height, fill: "#FFFFFF")
    drawTitles(into: &svg)
    drawYAxis(into: &svg)
    drawXAxis(into: &svg)

    // Reference lines under the data, their labels over it.
    let references = input.referenceLines.filter { $0.value.isFinite && $0.value >= axis.low && $0.value <= axis.high }
    drawReferenceLines(references, into: &svg)
    drawData(into: &svg)
    drawReferenceLabels(references, into: &svg)

    // Names at the right.
    for (i, s) in input.series.enumerated() {
      guard let label = labels[i] else { continue }
      drawLabel(s, look: looks[i], label: label, into: &svg)
    }
    return svg.body
  }

  /// Draws the title and, under it, the y axis's title.
  private func drawTitles(into svg: inout SVGWriter) {
    var baseline = Self.pad + Self.titleSize * 0.95
    for line in titleLines {
      svg.text(line, x: Self.pad, y: baseline, size: Self.titleSize, bold: true, fill: "#000000")
      baseline += Self.titleSize * Self.lineHeight
    }
    baseline += 3 - Self.titleSize * Self.lineHeight + Self.axisTitleSize * Self.lineHeight
    for line in axisTitleLines {
      svg.text(line, x: Self.pad, y: baseline, size: Self.axisTitleSize, fill: "#444444")
      baseline += Self.axisTitleSize * Self.lineHeight
    }
  }

  /// Draws the grid and the y ticks' labels; a darker line at zero when the axis spans it.
  private func drawYAxis(into svg: inout SVGWriter) {
    let t = Self.textSize
    var grid = SVGWriter.Path()
    for tick in axis.ticks {
      let y = self.y(tick)
      if tick != 0 || axis.low >= 0 {
        grid.move(plot.left, y)
        grid.line(plot.right, y)
      }
      svg.text(
        axis.format(tick, decimals: axis.tickDecimals, language: language), x: plot.left - 5, y: y + 0.35 * t, size: t,
        anchor: .end, fill: "#555555")
    }
    svg.path(grid, stroke: "#DDDDDD", width: 0.6)
    if axis.low < 0 && axis.high > 0 {
      var zero = SVGWriter.Path()
      zero.move(plot.left, y(0))
      zero.line(plot.right, y(0))
      svg.path(zero, stroke: "#888888", width: 0.8)
    }
  }

  /// Draws the x axis: its line, a tick per period (longer where labelled), the labels that fit.
  private func drawXAxis(into svg: inout SVGWriter) {
    let t = Self.textSize
    var baseLine = SVGWriter.Path()
    baseLine.move(plot.left, plot.bottom)
    baseLine.line(plot.right, plot.bottom)
    svg.path(baseLine, stroke: "#666666", width: 0.8)
    var ticks = SVGWriter.Path()
    for (i, x) in xs.enumerated() {
      let long = labelledPeriods.contains(i)
      ticks.move(x, plot.bottom)
      ticks.line(x, plot.bottom + (long ? 3 : 2))
    }
    svg.path(ticks, stroke: "#666666", width: 0.6)
    for i in labelledPeriods {
      svg.text(TextSafety.cleaned(input.periods[i]), x: xs[i], y: plot.bottom + 5 + 0.8 * t, size: t, anchor: .middle, fill: "#333333")
    }
  }

  /// Draws the dashed reference lines across the plot (under the data).
  private func drawReferenceLines(_ references: [LineChartInput.ReferenceLine], into svg: inout SVGWriter) {
    for reference in references {
      var line = SVGWriter.Path()
      line.move(plot.left, y(reference.value))
      line.line(plot.right, y(reference.value))
      svg.path(line, stroke: "#444444", width: 1, dash: .reference)
    }
  }

  /// Draws the series: bands, then lines (the emphasized last, on top), then markers.
  private func drawData(into svg: inout SVGWriter) {
    for (i, s) in input.series.enumerated() { drawBand(s, look: looks[i], into: &svg) }
    let order = input.series.indices.filter { !input.series[$0].emphasized } + input.series.indices.filter { input.series[$0].emphasized }
    for i in order { drawSeries(input.series[i], look: looks[i], label: labels[i], into: &svg) }
  }

  /// Draws the reference lines' labels over the data, where they cover the fewest of its points.
  private func drawReferenceLabels(_ references: [LineChartInput.ReferenceLine], into svg: inout SVGWriter) {
    for place in referenceLabelPlaces(references) {
      svg.text(place.text, x: place.x, y: place.y, size: Self.textSize, anchor: place.anchor, fill: "#333333", halo: true)
    }
  }

  /// Where the reference lines' labels go: just above or below their line, at its left end,
  /// right end, middle or quarter points, whichever covers the fewest points of the lines and
  /// markers (sampled every 2 pt) and no label placed before it; ties go to the first of
  /// left, right, middle, first quarter, last quarter, above before below.
  func referenceLabelPlaces(_ references: [LineChartInput.ReferenceLine]) -> [(text: String, x: Double, y: Double, anchor: SVGWriter.Anchor)] {
    let t = Self.textSize
    var points: [(x: Double, y: Double)] = []
    for s in input.series {
      let values = xs.indices.map { Self.finite(s.values, $0) }
      for i in xs.indices {
        guard let value = values[i] else { continue }
        let (x0, y0) = (xs[i], y(value))
        points.append((x0, y0))
        guard i + 1 < xs.count, let next = values[i + 1] else { continue }
        let (x1, y1) = (xs[i + 1], y(next))
        let steps = max(1, Int((((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0)).squareRoot() / 2).rounded(.up)))
        for k in 1 ..< steps { points.append((x0 + (x1 - x0) * Double(k) / Double(steps), y0 + (y1 - y0) * Double(k) / Double(steps))) }
      }
    }
    var taken: [(left: Double, right: Double, top: Double, bottom: Double)] = []
    var out: [(text: String, x: Double, y: Double, anchor: SVGWriter.Anchor)] = []
    for reference in references.sorted(by: { $0.value > $1.value }) {
      let text = TextSafety.cleaned(reference.label)
      let width = TextWidth.of(text, size: t)
      let lineY = y(reference.value)
      var best: (score: Int, place: (text: String, x: Double, y: Double, anchor: SVGWriter.Anchor))?
      for above in [true, false] {
        let baseline = above ? lineY - 3 : lineY + 3 + 0.8 * t
        let top = baseline - 0.8 * t - 1, bottom = baseline + 0.25 * t + 1
        guard top >= plot.top - 2, bottom <= plot.bottom else { continue }
        for (anchor, fraction) in [(SVGWriter.Anchor.start, 0.0), (.end, 1), (.middle, 0.5), (.middle, 0.25), (.middle, 0.75)] {
          let x = anchor == .start ? plot.left + 4 : anchor == .end ? plot.right - 4 : plot.left + fraction * (plot.right - plot.left)
          let left = anchor == .start ? x - 1 : anchor == .end ? x - width - 1 : x - width / 2 - 1
          let box = (left: left, right: left + width + 2, top: top, bottom: bottom)
          guard anchor != .middle || (box.left >= plot.left && box.right <= plot.right) else { continue }
          var score = points.filter { $0.x >= box.left - 2 && $0.x <= box.right + 2 && $0.y >= box.top - 2 && $0.y <= box.bottom + 2 }.count
          if taken.contains(where: { $0.left < box.right && box.left < $0.right && $0.top < box.bottom && box.top < $0.bottom }) {
            score += 10_000
          }
          if best == nil || score < best!.score { best = (score, (text, x, baseline, anchor)) }
        }
      }
      guard let best else { continue }
      out.append(best.place)
      let left = best.place.anchor == .start ? best.place.x : best.place.anchor == .end ? best.place.x - width : best.place.x - width / 2
      taken.append((left - 1, left + width + 1, best.place.y - 0.8 * t - 1, best.place.y + 0.25 * t + 1))
    }
    return out
  }

  private func drawBand(_ s: LineChartInput.Series, look: SeriesLook, into svg: inout SVGWriter) {
    guard let low = s.low, let high = s.high else { return }
    let fill = s.emphasized ? "#222222" : look.colour
    let opacity = s.emphasized ? 0.13 : 0.22
    var run: [(x: Double, low: Double, high: Double)] = []
    func flush() {
      defer { run = [] }
      if run.count == 1 {
        var whisker = SVGWriter.Path()
        whisker.move(run[0].x, y(run[0].low))
        whisker.line(run[0].x, y(run[0].high))
        svg.path(whisker, stroke: fill, width: 3, fillOpacity: nil)
        return
      }
      guard run.count > 1 else { return }
      var area = SVGWriter.Path()
      for (k, point) in run.enumerated() {
        if k == 0 { area.move(point.x, y(point.high)) } else { area.line(point.x, y(point.high)) }
      }
      for point in run.reversed() { area.line(point.x, y(point.low)) }
      area.closePath()
      svg.path(area, fill: fill, fillOpacity: opacity)
    }
    for i in xs.indices {
      if let a = Self.finite(low, i), let b = Self.finite(high, i) {
        run.append((xs[i], min(a, b), max(a, b)))
      } else {
        flush()
      }
    }
    flush()
  }

  private func drawSeries(_ s: LineChartInput.Series, look: SeriesLook, label: SeriesLabel?, into svg: inout SVGWriter) {
    let points = xs.indices.map { Self.finite(s.values, $0) }
    guard points.contains(where: { $0 != nil }) else { return }
    svg.open(title: TextSafety.cleaned(s.name))
    // Each run of consecutive values is one stroke; a lone value only its marker.
    var line = SVGWriter.Path()
    for (i, value) in points.enumerated() {
      guard let value else { continue }
      let follows = i > 0 && points[i - 1] != nil, followed = i + 1 < points.count && points[i + 1] != nil
      if follows { line.line(xs[i], y(value)) } else if followed { line.move(xs[i], y(value)) }
    }
    if Colour.isLight(look.colour) { svg.path(line, stroke: "#777777", width: look.lineWidth + 1.2, round: true) }
    svg.path(line, stroke: look.colour, width: look.lineWidth, round: true)
    // A dotted leader from a line that ends before the last period to its name.
    if let label, let last = points.lastIndex(where: { $0 != nil }), last < xs.count - 1 {
      var leader = SVGWriter.Path()
      leader.move(xs[last] + 5, label.ideal)
      leader.line(plot.right + 1, label.ideal)
      svg.path(leader, stroke: "#999999", width: 0.7, dash: .dotted)
    }
    // Markers: at every value when periods are at least 9 pt apart, else at labelled periods,
    // lone values and the last value.
    let spacing = xs.count > 1 ? xs[1] - xs[0] : .infinity
    let labelled = Set(labelledPeriods)
    let last = points.lastIndex { $0 != nil }
    for (i, value) in points.enumerated() {
      guard let value else { continue }
      let lone = (i == 0 || points[i - 1] == nil) && (i == points.count - 1 || points[i + 1] == nil)
      guard spacing >= 9 || labelled.contains(i) || lone || i == last else { continue }
      let tooltip = pointTooltip(s, period: i, value: value)
      look.marker.draw(at: xs[i], y(value), look: look, emphasized: s.emphasized, tooltip: tooltip, into: &svg)
    }
    svg.close()
  }

  private func pointTooltip(_ s: LineChartInput.Series, period i: Int, value: Double) -> String {
    let l = language
    let text = axis.format(value, decimals: axis.valueDecimals, language: l)
    let name = TextSafety.cleaned(s.name), period = TextSafety.cleaned(input.periods[i])
    if let low = s.low.flatMap({ Self.finite($0, i) }), let high = s.high.flatMap({ Self.finite($0, i) }) {
      return l.text(
        .chartPointBandTooltip, name, period, text, axis.format(min(low, high), decimals: axis.valueDecimals, language: l),
        axis.format(max(low, high), decimals: axis.valueDecimals, language: l))
    }
    return l.text(.chartPointTooltip, name, period, text)
  }

  private func drawLabel(_ s: LineChartInput.Series, look: SeriesLook, label: SeriesLabel, into svg: inout SVGWriter) {
    let t = Self.textSize
    if abs(label.y - label.ideal) > 2 {
      var connector = SVGWriter.Path()
      connector.move(plot.right + 1, label.ideal)
      connector.line(plot.right + 9, label.y)
      svg.path(connector, stroke: "#999999", width: 0.7)
    }
    let firstLine = label.y - label.height / 2 + t * Self.lineHeight / 2
    look.marker.draw(at: plot.right + 15, firstLine, look: look, emphasized: s.emphasized, tooltip: nil, into: &svg)
    var baseline = firstLine + 0.35 * t
    for line in label.lines {
      svg.text(line, x: plot.right + 22, y: baseline, size: t, bold: look.bold, fill: s.emphasized ? "#000000" : "#222222")
      baseline += t * Self.lineHeight
    }
  }

  // MARK: Texts

  /// The summary sentence and the notes.
  static func texts(
    _ input: LineChartInput, axis: ValueAxis, language l: DiagramLanguage, labelled: Int
  ) -> (summary: String, notes: [String]) {
    let p = input.periods.count
    let periods = input.periods.map { TextSafety.cleaned($0) }
    let title = TextSafety.cleaned(input.title)
    let parts = input.series.map { s -> String in
      let name = TextSafety.cleaned(s.name)
      let values = (0 ..< p).compactMap { i in finite(s.values, i).map { (i, $0) } }
      guard let first = values.first, let last = values.last else { return l.text(.chartSeriesNone, name) }
      let a = axis.format(first.1, decimals: axis.valueDecimals, language: l)
      guard first.0 != last.0 else { return l.text(.chartSeriesOne, name, a, periods[first.0]) }
      return l.text(.chartSeriesChange, name, a, periods[first.0], axis.format(last.1, decimals: axis.valueDecimals, language: l), periods[last.0])
    }
    let summary: String
    if p == 0 || input.series.isEmpty {
      summary = l.text(.chartSummaryEmpty, title)
    } else if p == 1 {
      summary = l.text(.chartSummaryOnePeriod, title, periods[0], parts.joined(separator: "; "))
    } else {
      summary = l.text(.chartSummary, title, periods[0], periods[p - 1], parts.joined(separator: "; "))
    }
    var notes: [String] = []
    if input.series.contains(where: { $0.low != nil && $0.high != nil }) { notes.append(l.text(.chartNoteBand)) }
    for reference in input.referenceLines where reference.value.isFinite {
      notes.append(l.text(.chartNoteReference, TextSafety.cleaned(reference.label), axis.format(reference.value, decimals: axis.valueDecimals, language: l)))
    }
    let gaps = input.series.contains { s in
      let present = (0 ..< p).map { finite(s.values, $0) != nil }
      guard let first = present.firstIndex(of: true), let last = present.lastIndex(of: true) else { return false }
      return present[first ... last].contains(false)
    }
    if gaps { notes.append(l.text(.chartNoteGaps)) }
    if labelled < p { notes.append(l.text(.chartNoteThinned, "\(labelled)", "\(p)")) }
    return (summary, notes)
  }

  // MARK: Helpers

  /// The value at `i`, or `nil` when there is none or it is not finite.
  static func finite(_ values: [Double?], _ i: Int) -> Double? {
    guard i < values.count, let value = values[i], value.isFinite else { return nil }
    return value
  }

  static func hasValues(_ s: LineChartInput.Series, periods: Int) -> Bool { lastValue(s, periods: periods) != nil }

  static func lastValue(_ s: LineChartInput.Series, periods: Int) -> (period: Int, value: Double)? {
    for i in stride(from: min(periods, s.values.count) - 1, through: 0, by: -1) {
      if let value = finite(s.values, i) { return (i, value) }
    }
    return nil
  }

  /// A series' name for the right margin: cleaned, cut at 24 characters with "…" (at a space
  /// when one is near), on one line when it is at most 14 characters or one word, else on two
  /// broken near the middle (see ``NameLines``); a line wider than `maxWidth` is cut with "…".
  static func nameLines(_ name: String, maxWidth: Double, bold: Bool) -> [String] {
    let shown = NameLines.cut(TextSafety.cleaned(name).trimmingCharacters(in: .whitespaces), at: 24)
    // One word ("Klantcontactcentrum") stays whole on one line, cut to the margin if need be,
    // rather than broken inside the word.
    let breakable = shown.contains { $0 == " " || $0 == "-" || $0 == "/" }
    let lines = breakable ? NameLines.lines(shown, width: 14) : [shown]
    return lines.map { cut($0, maxWidth: maxWidth, size: textSize, bold: bold) }
  }

  /// `text` shortened with "…" until it is at most `maxWidth` points wide.
  static func cut(_ text: String, maxWidth: Double, size: Double, bold: Bool) -> String {
    guard TextWidth.of(text, size: size, bold: bold) > maxWidth else { return text }
    var characters = Array(text)
    while characters.count > 1 && TextWidth.of(String(characters) + "…", size: size, bold: bold) > maxWidth { characters.removeLast() }
    return String(characters).trimmingCharacters(in: .whitespaces) + "…"
  }

  /// `text` (cleaned) in lines at most `maxWidth` points wide, broken at spaces, at most
  /// `maxLines` (the last cut with "…" when more would be needed).
  static func wrapped(_ text: String, maxWidth: Double, size: Double, bold: Bool, maxLines: Int) -> [String] {
    let words = TextSafety.cleaned(text).split(separator: " ").map(String.init)
    var lines: [String] = []
    var line = ""
    for word in words {
      let candidate = line.isEmpty ? word : line + " " + word
      if line.isEmpty || TextWidth.of(candidate, size: size, bold: bold) <= maxWidth {
        line = candidate
      } else {
        lines.append(line)
        line = word
      }
    }
    if !line.isEmpty { lines.append(line) }
    if lines.count > maxLines { lines = Array(lines.prefix(maxLines - 1)) + [lines[(maxLines - 1)...].joined(separator: " ")] }
    return lines.map { cut($0, maxWidth: maxWidth, size: size, bold: bold) }
  }

  /// The periods whose labels are drawn (see ``LineChartLayout``).
  static func thinned(xs: [Double], widths: [Double]) -> [Int] {
    let n = xs.count
    guard n > 1 else { return Array(0 ..< n) }
    func fits(_ a: Int, _ b: Int) -> Bool { xs[b] - xs[a] >= (widths[a] + widths[b]) / 2 + 6 }
    var step = 1
    var candidates = [1, 2, 3, 4, 6, 12]
    while candidates.last! < n { candidates.append(candidates.last! * 2) }
    for k in candidates {
      step = k
      let shown = Array(stride(from: 0, to: n, by: k))
      if shown.count <= 12 && zip(shown, shown.dropFirst()).allSatisfy({ fits($0, $1) }) { break }
    }
    var shown = Array(stride(from: 0, to: n, by: step))
    if let previous = shown.last, previous != n - 1, fits(previous, n - 1), shown.count < 12 { shown.append(n - 1) }
    return shown
  }

  /// Centres for boxes of `heights` wanting to be at `ideal` (ascending), in order, at least
  /// `gap` apart, inside `low`…`high` when they fit, as close to their ideals (least
  /// squares) as that allows.
  ///
  /// With *s*ᵢ the least distance from the first centre to the *i*-th, the centres are
  /// *z*ᵢ + *s*ᵢ for the non-decreasing *z* closest to *ideal*ᵢ − *s*ᵢ (pool-adjacent-violators),
  /// clamped to the range. O(*n*).
  static func dodge(ideal: [Double], heights: [Double], gap: Double, low: Double, high: Double) -> [Double] {
    let n = ideal.count
    guard n > 0 else { return [] }
    var offsets = [0.0]
    for i in 1 ..< max(1, n) where n > 1 { offsets.append(offsets[i - 1] + (heights[i - 1] + heights[i]) / 2 + gap) }
    // Pool adjacent violators on the targets ideal − offset.
    var blocks: [(sum: Double, count: Int)] = []
    for i in 0 ..< n {
      blocks.append((ideal[i] - offsets[i], 1))
      while blocks.count > 1 {
        let b = blocks[blocks.count - 1], a = blocks[blocks.count - 2]
        guard a.sum / Double(a.count) > b.sum / Double(b.count) else { break }
        blocks.removeLast(2)
        blocks.append((a.sum + b.sum, a.count + b.count))
      }
    }
    let lower = low + heights[0] / 2
    let upper = max(lower, high - heights[n - 1] / 2 - offsets[n - 1])
    var out: [Double] = []
    var i = 0
    for block in blocks {
      let z = min(upper, max(lower, block.sum / Double(block.count)))
      for _ in 0 ..< block.count {
        out.append(z + offsets[i])
        i += 1
      }
    }
    return out
  }
}

/// The y axis: its range, ticks and how its numbers are written.
struct ValueAxis: Hashable {
  var low: Double
  var high: Double
  var ticks: [Double]
  var step: Double
  /// Decimals of the tick labels (of the percentage for ``LineChartInput/ValueStyle/percent``).
  var tickDecimals: Int
  /// Decimals of values in tooltips and the summary.
  var valueDecimals: Int
  var percent: Bool
  /// Whether positive numbers get a plus sign (a decimal axis that spans zero).
  var signed: Bool

  init(_ input: LineChartInput) {
    var data: [Double] = []
    for s in input.series {
      for list in [s.values, s.low ?? [], s.high ?? []] {
        data += list.prefix(input.periods.count).compactMap { $0 }.filter(\.isFinite)
      }
    }
    let references = input.referenceLines.map(\.value).filter(\.isFinite)
    percent = input.valueStyle == .percent
    var places = 0
    if case .decimal(let p) = input.valueStyle { places = max(0, p) }

    let dataLow = data.min(), dataHigh = data.max()
    var low: Double, high: Double, step: Double
    if let range = input.yRange ?? (percent ? 0 ... 1 : nil), range.lowerBound.isFinite, range.upperBound.isFinite,
      range.upperBound > range.lowerBound
    {
      low = min(range.lowerBound, dataLow ?? range.lowerBound)
      high = max(range.upperBound, dataHigh ?? range.upperBound)
      step = Self.niceStep(high - low)
      if low < range.lowerBound { low = (low / step).rounded(.down) * step }
      if high > range.upperBound { high = (high / step).rounded(.up) * step }
    } else {
      let all = data + references
      low = all.min() ?? 0
      high = all.max() ?? 1
      if high - low < 1e-9 {
        let pad = max(abs(low) * 0.1, 0.1)
        (low, high) = (low - pad, high + pad)
      }
      step = Self.niceStep(high - low)
      low = (low / step - 1e-9).rounded(.down) * step
      high = (high / step + 1e-9).rounded(.up) * step
    }
    self.low = low
    self.high = high
    self.step = step
    let first = Int((low / step - 1e-9).rounded(.up)), last = Int((high / step + 1e-9).rounded(.down))
    ticks = first <= last ? (first ... last).map { k in k == 0 ? 0 : Double(k) * step } : []
    let shown = percent ? step * 100 : step
    tickDecimals = max(0, Int((-log10(shown) - 1e-9).rounded(.up)))
    valueDecimals = percent ? tickDecimals : max(places, tickDecimals)
    signed = !percent && low < 0 && high > 0
  }

  /// A round step (1, 2 or 5 × 10ᵏ) giving about five intervals over `span`.
  static func niceStep(_ span: Double) -> Double {
    guard span > 0, span.isFinite else { return 1 }
    let rough = span / 5
    let magnitude = pow(10, (log10(rough)).rounded(.down))
    let residual = rough / magnitude
    let nice: Double = residual < 1.5 ? 1 : residual < 3 ? 2 : residual < 7 ? 5 : 10
    return nice * magnitude
  }

  /// `value` as the axis writes it: a percentage ("83%") or a number with a minus sign
  /// (U+2212), a plus sign on a signed axis, and the language's decimal separator.
  func format(_ value: Double, decimals: Int, language: DiagramLanguage) -> String {
    if percent { return language.number(value * 100, decimals: decimals) + "%" }
    let text = language.number(value, decimals: decimals)
    let rounded = (value * pow(10, Double(decimals))).rounded()
    return signed && rounded > 0 ? "+" + text : text
  }
}

/// The marker shapes of chart lines, so that lines are told apart without colour.
enum ChartMarker: Hashable {
  case circle, square, diamond, triangle, invertedTriangle, pentagon, star, plus, cross

  /// The markers of lines that are not emphasized, in the order they are given out (the
  /// emphasized line has the circle).
  static let sequence: [ChartMarker] = [.square, .diamond, .triangle, .invertedTriangle, .pentagon, .star, .plus, .cross]

  /// Draws the marker centred at (`x`, `y`).
  func draw(
    at x: Double, _ y: Double, look: LineChartLayout.SeriesLook, emphasized: Bool, tooltip: String?, into svg: inout SVGWriter
  ) {
    let fill = look.hollow ? "#FFFFFF" : look.colour
    let stroke = emphasized ? "#000000" : (look.hollow ? look.colour : "#333333")
    let strokeWidth = look.hollow ? 1.4 : 0.7
    let r = emphasized ? 3.8 : 3.4
    var path = SVGWriter.Path()
    func polygon(_ points: [(Double, Double)]) {
      for (k, point) in points.enumerated() {
        if k == 0 { path.move(x + point.0, y + point.1) } else { path.line(x + point.0, y + point.1) }
      }
      path.closePath()
    }
    func regular(_ count: Int, radius: Double, rotation: Double) -> [(Double, Double)] {
      (0 ..< count).map { k in
        let angle = rotation + 2 * Double.pi * Double(k) / Double(count)
        return (radius * sin(angle), -radius * cos(angle))
      }
    }
    switch self {
    case .circle:
      if let tooltip {
        svg.open(title: tooltip)
        svg.circle(x: x, y: y, radius: r, fill: fill, stroke: stroke, width: strokeWidth)
        svg.close()
      } else {
        svg.circle(x: x, y: y, radius: r, fill: fill, stroke: stroke, width: strokeWidth)
      }
      return
    case .square:
      let h = r * 0.88
      polygon([(-h, -h), (h, -h), (h, h), (-h, h)])
    case .diamond:
      polygon(regular(4, radius: r * 1.25, rotation: 0))
    case .triangle:
      polygon(regular(3, radius: r * 1.3, rotation: 0).map { ($0.0, $0.1 + r * 0.2) })
    case .invertedTriangle:
      polygon(regular(3, radius: r * 1.3, rotation: Double.pi).map { ($0.0, $0.1 - r * 0.2) })
    case .pentagon:
      polygon(regular(5, radius: r * 1.12, rotation: 0))
    case .star:
      let outer = regular(5, radius: r * 1.45, rotation: 0), inner = regular(5, radius: r * 0.62, rotation: Double.pi / 5)
      polygon((0 ..< 5).flatMap { [outer[$0], inner[$0]] })
    case .plus, .cross:
      let a = r * 1.25, b = r * 0.42
      var arms: [(Double, Double)] = [(-b, -a), (b, -a), (b, -b), (a, -b), (a, b), (b, b), (b, a), (-b, a), (-b, b), (-a, b), (-a, -b), (-b, -b)]
      if self == .cross {
        let c = (0.5).squareRoot()
        arms = arms.map { ((($0.0 - $0.1) * c), (($0.0 + $0.1) * c)) }
      }
      polygon(arms)
    }
    if let tooltip { svg.open(title: tooltip) }
    svg.path(path, stroke: stroke, width: strokeWidth, fill: fill)
    if tooltip != nil { svg.close() }
  }
}

extension Colour {
  /// Whether `colour` is light enough that a thin line of it needs a darker edge on white
  /// (WCAG relative luminance above 0.45: Tol's light yellow, light cyan, pink, pear).
  static func isLight(_ colour: String) -> Bool {
    guard let (r, g, b) = components(colour) else { return false }
    func linear(_ c: Int) -> Double {
      let s = Double(c) / 255
      return s <= 0.03928 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
    }
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b) > 0.45
  }
}
