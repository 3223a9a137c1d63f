import SiloMetrics
import SiloRender

/// The figures of the report's "Change over time" section, drawn from the trend document.
enum TrendFigures {
  /// The most departments drawn beside the organization in the line chart.
  static let chartDepartments = 5

  /// The line chart of the share of ties kept inside and the flow of communities.
  static func draw(
    _ trend: TrendDocument, language: ReportLanguage, minimumGroupSize: Int, seed: UInt64
  ) throws(RenderError) -> [AnalysisResult.TrendFigure] {
    let w = language.wording
    let l = language.diagramLanguage
    var figures: [AnalysisResult.TrendFigure] = []
    for measure in Measure.allCases {
      let chart = Chart.lineChart(chartInput(trend, w, measure: measure, minimumGroupSize: minimumGroupSize), language: l)
      figures.append(.init(
        file: measure.file, view: measure.view, title: chart.title, summary: chart.summary, notes: chart.notes, svg: chart.svg()))
    }
    if trend.periods.contains(where: { !$0.communities.isEmpty }) {
      var options = DiagramOptions(seed: seed, language: l)
      options.heading = nil
      let flow = try Diagram.communityFlow(flowInput(trend, w), options: options).fittedSVG(to: .reportPage)
      figures.append(.init(
        file: "communities-over-time.svg", view: "community-flow", title: flow.diagram.title, summary: flow.diagram.summary,
        notes: flow.diagram.notes, svg: flow.svg))
    }
    return figures
  }

  /// What a line chart shows.
  enum Measure: CaseIterable {
    /// The share of ties (or weight) kept inside, with the margin and the silo line.
    case shareInside
    /// The share of people with at least one tie to another department.
    case outsideTie

    var file: String { self == .shareInside ? "trend.svg" : "trend-outside-ties.svg" }
    var view: String { self == .shareInside ? "trend" : "trend-outside-ties" }

    func organization(_ p: TrendDocument.PeriodPart) -> Double? {
      switch self {
      case .shareInside: return p.graph?.shareInside
      case .outsideTie: return p.graph.flatMap { $0.nodes > 0 ? Double($0.peopleWithOutsideTie) / Double($0.nodes) : nil }
      }
    }

    func department(_ g: SilosDocument.GroupPart) -> Double? {
      switch self {
      case .shareInside: return g.shareInside
      case .outsideTie: return g.size > 0 ? Double(g.peopleWithOutsideTie) / Double(g.size) : nil
      }
    }
  }

  /// The organization's measure (the share inside with its margin) and that of the
  /// departments whose share inside changed most from the first period to the last (judged
  /// ones only; the same departments in both charts), each shown only in periods where it has
  /// at least `minimumGroupSize` people (the report's privacy rule); the share inside with the
  /// silo line: more than five ties inside per tie outside.
  static func chartInput(
    _ trend: TrendDocument, _ w: any ReportWording, measure: Measure = .shareInside, minimumGroupSize: Int
  ) -> LineChartInput {
    let periods = trend.periods
    let margin = measure == .shareInside
    var series = [LineChartInput.Series(
      name: w.organizationWord, values: periods.map { measure.organization($0) },
      low: margin ? periods.map { $0.graph?.shareInsideCiLow } : nil, high: margin ? periods.map { $0.graph?.shareInsideCiHigh } : nil,
      emphasized: true)]
    let changed = (trend.change?.groups ?? []).filter { $0.direction != nil && $0.shareInsideChange != nil }
      .sorted { (abs($0.shareInsideChange!), $1.name ?? "") > (abs($1.shareInsideChange!), $0.name ?? "") }
      .prefix(chartDepartments)
    for department in changed {
      guard let name = department.name else { continue }
      let values = periods.map { p -> Double? in
        guard let g = p.groups.first(where: { $0.name == name }), g.size >= max(2, minimumGroupSize) else { return nil }
        return measure.department(g)
      }
      series.append(.init(name: name, values: values))
    }
    return LineChartInput(
      title: margin ? w.trendChartTitle : w.outsideChartTitle, periods: periods.map { w.periodLabel($0.label) },
      yAxisTitle: margin ? w.trendChartAxis : w.outsideChartAxis, valueStyle: .percent, yRange: 0 ... 1, series: series,
      referenceLines: margin ? [.init(value: 5.0 / 6.0, label: w.siloLineLabel)] : [])
  }

  /// The communities of each period with their largest department, and the people moving
  /// between communities of consecutive periods.
  static func flowInput(_ trend: TrendDocument, _ w: any ReportWording) -> CommunityFlowInput {
    let periods = trend.periods
    let communities = periods.map { p in
      p.communities.map { c -> CommunityFlowInput.Community in
        let label = c.departments.first.map { "\($0.name) \(w.numbers.percent(Double($0.people) / Double(max(1, c.size))))" }
        return .init(id: c.id, size: c.size, label: label)
      }
    }
    var flows: [CommunityFlowInput.Flow] = []
    var previous: Int? = nil
    for (p, period) in periods.enumerated() {
      if let q = previous {
        flows += period.inflows.map { .init(period: q, from: $0.from, to: $0.to, people: $0.people) }
      }
      if !period.communities.isEmpty { previous = p }
    }
    return CommunityFlowInput(periods: periods.map { w.periodLabel($0.label) }, communities: communities, flows: flows)
  }
}
