import SiloGraph
import SiloIngest
import SiloMetrics
import SiloRender

/// `report.html`: one self-contained page (inline CSS and SVG, no scripts, nothing fetched)
/// that opens from disk, reads on a phone and prints on A4, in the report's language
/// (``ReportLanguage``).
///
/// Every number taken from `report.json` is written as
/// `<span class="n" data-path="silos.groups[2].ei_index" data-value="-0.7213">−0.72</span>`:
/// the path in the JSON and the exact value behind the rounded text, so that a reader (or
/// a test) can check that the page and the JSON agree. The page is written as ``HTML``, so
/// every name is escaped by construction.
public enum HTMLReport {
  public static func html(_ result: AnalysisResult, document: ReportDocument) -> String {
    let language = result.options.language
    let w = language.wording
    var page = Page(w: w)
    let heading = result.options.heading ?? w.defaultHeading
    let date = dateText(result.options.reportDate, w)
    page.add("<!doctype html>\n<html lang=\"\(language.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n")
    page.add("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
    page.add("<meta name=\"generator\" content=\"\(document.generator)\">\n")
    page.add("<title>\(heading) – \(w.titleSuffix)</title>\n<style>\(css)\(pageMargins(w, date: date))</style>\n</head>\n<body>\n")
    header(&page, result, document, heading: heading, date: date)
    page.add("<main>\n<section id=\"findings\">\n<h2>\(w.keyFindings)</h2>\n<ol class=\"findings\">\n")
    for finding in document.findings {
      page.add("<li class=\"\(finding.kind)\">")
      page.parts(finding.parts)
      page.add("</li>\n")
    }
    page.add("</ol>\n</section>\n")
    scorecard(&page, document)
    levels(&page, result, document)
    brokers(&page, document)
    communities(&page, document)
    trend(&page, result, document)
    teams(&page, result, document)
    hierarchy(&page, result, document)
    diagrams(&page, result)
    methods(&page, result, document)
    glossary(&page)
    page.add("</main>\n<footer>\(w.footer(generator: document.generator, date: date))")
    if let seconds = document.elapsedSeconds {
      page.add(" (")
      page.number(seconds, "elapsed_seconds", w.numbers.fixed(seconds, 1))
      page.add(" s.)")
    }
    page.add("\(w.dataPathNote)</footer>\n</body>\n</html>\n")
    return page.out.description
  }

  static func dateText(_ date: LogDate, _ w: any ReportWording) -> String {
    let (y, m, d) = date.components
    return w.date(year: y, month: m, day: d)
  }

  /// The printed page's margin boxes: the report date at the bottom left, "Page 2 of 8" at
  /// the bottom right.
  static func pageMargins(_ w: any ReportWording, date: String) -> HTML {
    "\n@page { @bottom-left { content: \(css: date); font: 9pt sans-serif; color: #555; } "
      + "@bottom-right { content: \(css: w.pageWord) counter(page) \(css: w.pageOf) counter(pages); font: 9pt sans-serif; color: #555; } }\n"
  }

  // MARK: - Sections

  private static func header(_ page: inout Page, _ result: AnalysisResult, _ document: ReportDocument, heading: String, date: String) {
    let w = page.w, n = w.numbers, s = document.input
    page.add("<header>\n<h1>\(heading)</h1>\n<p class=\"sub\">")
    page.parts(w.subtitle(
      people: .number(Double(s.people), at: "input.people", shown: n.integer(s.people)),
      departments: .number(Double(s.departments ?? 0), at: "input.departments", shown: n.integer(s.departments ?? 0)),
      ties: .number(Double(s.ties), at: "input.ties", shown: n.integer(s.ties)),
      from: s.firstDate.map { dateText($0, w) }, to: s.lastDate.map { dateText($0, w) }))
    page.add("</p>\n<p class=\"date\">\(w.reportDate(date))</p>\n")
    if result.pseudonymized { page.add("<p class=\"privacy\">\(w.pseudonymNotice)</p>\n") }
    if let focus = result.options.focus { page.add("<p class=\"privacy\">\(w.focusNotice(focus))</p>\n") }
    page.add("</header>\n")
  }

  private static func scorecard(_ page: inout Page, _ document: ReportDocument) {
    let w = page.w, n = w.numbers, silos = document.silos, c = w.scorecardColumns
    page.add("<section id=\"scorecard\">\n<h2>\(w.scorecardHeading)</h2>\n<p>\(w.scorecardIntro)</p>\n")
    page.add("<div class=\"scroll\"><table class=\"scorecard\">\n<thead><tr><th>\(c.department)</th><th class=\"num\">\(c.people)</th>")
    page.add("<th class=\"num\">\(c.inside)</th><th class=\"num\">\(c.margin)</th><th>\(c.verdict)</th><th class=\"num\">\(c.tiesInside)</th>")
    page.add("<th class=\"num\">\(c.tiesAcross)</th><th class=\"num\">\(c.ei)</th><th class=\"num\">\(c.chance)</th><th>\(c.partners)</th></tr></thead>\n<tbody>\n")
    let order = silos.groups.indices.sorted {
      (silos.groups[$0].closedRank ?? Int.max, $0) < (silos.groups[$1].closedRank ?? Int.max, $1)
    }
    for i in order {
      let g = silos.groups[i], base = "silos.groups[\(i)]"
      page.add("<tr class=\"\(g.verdict.map { "v-" + $0.rawValue } ?? "v-none")\"><th scope=\"row\">\(g.name)</th>")
      page.cell(Double(g.size), "\(base).size", n.integer(g.size))
      page.cell(g.shareInside, "\(base).share_inside", g.shareInside.map(n.percent))
      page.add("<td class=\"num\">")
      page.parts(Findings.margin(g.shareInsideCiLow, g.shareInsideCiHigh, base, w) ?? [.text("—")])
      page.add("</td><td>\(verdictTag(g.verdict, g.verdictRange, w))</td>")
      page.cell(Double(g.internalTies), "\(base).internal_ties", n.integer(g.internalTies))
      page.cell(Double(g.externalTies), "\(base).external_ties", n.integer(g.externalTies))
      page.cell(g.eiIndex, "\(base).ei_index", g.eiIndex.map(n.signed))
      page.cell(g.eiExpected, "\(base).ei_expected", g.eiExpected.map(n.signed))
      page.add("<td>\(g.partners.prefix(2).map(\.name).joined(separator: ", "))</td></tr>\n")
    }
    page.add("</tbody>\n</table></div>\n<p class=\"note\">")
    let o = silos.graph
    page.parts(w.scorecardNote(
      modularity: o.modularity.map { .number($0, at: "silos.graph.modularity", shown: n.fixed($0, 2)) },
      median: o.medianShareInside.map { .number($0, at: "silos.graph.median_share_inside", shown: n.percent($0)) },
      confidence: o.bootstrap.map { Int(($0.confidence * 100).rounded()) }, replicates: o.bootstrap?.replicates, unit: o.bootstrap?.unit))
    page.add("</p>\n</section>\n")
  }

  /// The verdict as a coloured tag; "silo or inward" when the margin spans two bands.
  static func verdictTag(_ verdict: SiloVerdict?, _ range: [SiloVerdict], _ w: any ReportWording) -> HTML {
    guard let verdict else { return "—" }
    let text = range.count > 1 ? w.verdictRange(range) : w.verdict(verdict)
    return "<span class=\"verdict v-\(verdict.rawValue)\">\(text)</span>"
  }

  private static func brokers(_ page: inout Page, _ document: ReportDocument) {
    let w = page.w, n = w.numbers, b = document.brokers, c = w.brokerColumns
    page.add("<section id=\"brokers\">\n<h2>\(w.brokersHeading)</h2>\n")
    let guarantee = b.graph.betweennessGuarantee
    let statement = guarantee == nil ? b.graph.betweennessStatement : nil
    page.add("<p>\(w.brokersIntro(sampled: statement, hops: b.graph.distance == .hops))</p>\n")
    if let guarantee {
      let probability = n.percent(guarantee.probability)
      page.add("<p class=\"note\">")
      page.text(w.brokersGuarantee(
        probability: probability, k: guarantee.k, settled: guarantee.settled,
        orderMarked: b.brokers.contains(where: \.orderUncertain), membershipMarked: b.brokers.contains(where: \.mayNotBelong),
        contenders: guarantee.contenderCount))
      page.add("</p>\n")
    }
    // A column that is the same for everyone says nothing: each dependence column is shown only
    // when some broker's absence would cost that.
    let pairsColumn = b.brokers.contains { !$0.pairsLosingAllTies.isEmpty }
    let cutOffColumn = b.brokers.contains { $0.peopleCutOff > 0 }
    let reachColumn = b.brokers.contains { $0.crossDepartmentReachLost > 0 }
    let dependence = pairsColumn || cutOffColumn || reachColumn
    page.add("<div class=\"scroll\"><table class=\"brokers\">\n<thead><tr><th class=\"num\">\(c.rank)</th><th>\(c.person)</th><th>\(c.department)</th>")
    page.add("<th class=\"num\">\(c.routes)</th><th>\(c.connects)</th>")
    if pairsColumn { page.add("<th>\(c.pairsLost)</th>") }
    if cutOffColumn { page.add("<th class=\"num\">\(c.cutOff)</th>") }
    if reachColumn { page.add("<th class=\"num\">\(c.reachLost)</th>") }
    page.add("</tr></thead>\n<tbody>\n")
    for (r, broker) in b.brokers.enumerated() {
      let base = "brokers.brokers[\(r)]"
      page.add("<tr><td class=\"num\">\(String(broker.rank) + BrokersDocument.mark(broker))</td><td>\(broker.id)</td><td>\(broker.group ?? "—")</td>")
      if let low = broker.betweennessLower, let high = broker.betweennessUpper, let value = broker.betweenness {
        page.add("<td class=\"num\">")
        page.number(value, "\(base).betweenness", n.finePercent(value))
        page.add(" <span class=\"range\">(")
        page.number(low, "\(base).betweenness_lower", n.finePercent(low).replacing("%", with: ""))
        page.add("–")
        page.number(high, "\(base).betweenness_upper", n.finePercent(high))
        page.add(")</span></td>")
      } else {
        page.cell(broker.betweenness, "\(base).betweenness", broker.betweenness.map(n.percent))
      }
      let others = broker.otherDepartments
      page.add("<td>\(w.connects(own: broker.group, others: others.map(\.name), count: others.count))</td>")
      if pairsColumn {
        let pairs = broker.pairsLosingAllTies.map { $0.joined(separator: " – ") }
        page.add("<td>\(pairs.isEmpty ? w.none : pairs.prefix(4).joined(separator: "; ") + (pairs.count > 4 ? "; …" : ""))</td>")
      }
      if cutOffColumn { page.cell(Double(broker.peopleCutOff), "\(base).people_cut_off", n.integer(broker.peopleCutOff)) }
      if reachColumn {
        page.cell(broker.crossDepartmentReachLost, "\(base).cross_department_reach_lost", n.percent(broker.crossDepartmentReachLost))
      }
      page.add("</tr>\n")
    }
    page.add("</tbody>\n</table></div>\n")
    if !dependence && !b.brokers.isEmpty { page.add("<p class=\"note\">\(w.noDependence)</p>\n") }
    page.add("</section>\n")
  }

  private static func communities(_ page: inout Page, _ document: ReportDocument) {
    let w = page.w, n = w.numbers, c = document.communities
    page.add("<section id=\"communities\">\n<h2>\(w.communitiesHeading)</h2>\n<p>")
    page.parts(w.communitiesIntro(
      count: .number(Double(c.communities.count), at: "communities.communities.count", shown: n.integer(c.communities.count)),
      agreement: c.comparison?.nmi.map { .number($0, at: "communities.comparison.nmi", shown: n.fixed($0, 2)) }))
    page.add("</p>\n")
    guard let comparison = c.comparison else { page.add("</section>\n"); return }
    if !comparison.merges.isEmpty {
      page.add("<h3>\(w.mergesHeading)</h3>\n<ul>\n")
      for (i, merge) in comparison.merges.enumerated().prefix(8) {
        page.add("<li>\(w.group("\(merge.community + 1)").capitalizedFirst): ")
        for (j, share) in merge.departments.enumerated().prefix(5) {
          if j > 0 { page.add(", ") }
          page.text(share.name + " ")
          page.number(share.share, "communities.comparison.merges[\(i)].departments[\(j)].share", n.percent(share.share))
        }
        page.add("</li>\n")
      }
      page.add("</ul>\n")
    }
    if !comparison.splits.isEmpty {
      page.add("<h3>\(w.splitsHeading)</h3>\n<ul>\n")
      for (i, split) in comparison.splits.enumerated().prefix(8) {
        page.add("<li>\(split.department): ")
        for (j, share) in split.communities.enumerated().prefix(5) {
          if j > 0 { page.add(", ") }
          page.number(share.share, "communities.comparison.splits[\(i)].communities[\(j)].share", n.percent(share.share))
          page.text(" " + w.group(share.name))
        }
        page.add("</li>\n")
      }
      page.add("</ul>\n")
    }
    page.add("</section>\n")
  }

  /// "Change over time": the first period against the last for the organization and each
  /// department judged in both, the communities' events, and the trend figures.
  private static func trend(_ page: inout Page, _ result: AnalysisResult, _ document: ReportDocument) {
    guard let trend = document.trend, let change = trend.change, let first = trend.periods.first, let last = trend.periods.last else { return }
    let replicates = trend.bootstrapReplicates
    let w = page.w, n = w.numbers, c = w.trendColumns
    page.add("<section id=\"trend\">\n<h2>\(w.trendHeading)</h2>\n<p>")
    page.text(w.trendIntro(periods: trend.periods.count, kind: trend.periodKind, from: w.periodLabel(first.label), to: w.periodLabel(last.label)))
    page.add("</p>\n<div class=\"scroll\"><table class=\"trend\">\n<thead><tr><th>\(c.department)</th>")
    page.add("<th class=\"num\">\(c.first)<br>\(w.periodLabel(change.from))</th><th class=\"num\">\(c.last)<br>\(w.periodLabel(change.to))</th>")
    page.add("<th class=\"num\">\(c.change)</th><th class=\"num\">\(c.margin)</th><th>\(c.verdict)</th></tr></thead>\n<tbody>\n")
    let rows = [(change.organization, "trend.change.organization")]
      + change.groups.enumerated().filter { $0.element.direction != nil }.map { ($0.element, "trend.change.groups[\($0.offset)]") }
    for (row, base) in rows {
      page.add("<tr class=\"\(row.direction.map { "c-" + $0.rawValue } ?? "c-none")\"><th scope=\"row\">")
      if let name = row.name { page.text(name) } else { page.add("\(w.organizationWord)") }
      page.add("</th>")
      page.cell(row.before?.shareInside, "\(base).before.share_inside", row.before?.shareInside.map(n.percent))
      page.cell(row.after?.shareInside, "\(base).after.share_inside", row.after?.shareInside.map(n.percent))
      page.cell(row.shareInsideChange, "\(base).share_inside_change", row.shareInsideChange.map(w.points))
      page.add("<td class=\"num\">")
      if let low = row.shareInsideChangeLow, let high = row.shareInsideChangeHigh {
        page.number(low, "\(base).share_inside_change_low", w.signedPoints(low))
        page.add(" \(w.toWord) ")
        page.number(high, "\(base).share_inside_change_high", w.points(high))
      } else {
        page.add("—")
      }
      page.add("</td><td>\(row.direction.map { w.changeWord($0) } ?? "—")</td></tr>\n")
    }
    page.add("</tbody>\n</table></div>\n<p class=\"note\">")
    page.text(w.changeRule(replicates: replicates))
    page.add("</p>\n<p>")
    let count = { (kind: CommunityEvent.Kind) in trend.events.filter { $0.kind == kind }.count }
    page.text(w.trendCommunities(
      first: first.communities.count, last: last.communities.count, continued: count(.continue), merges: count(.merge),
      splits: count(.split), births: count(.birth), deaths: count(.death)))
    page.add("</p>\n")
    for (k, f) in result.trendFigures.enumerated() {
      // Wider than tall: printed at the page's width, as tall as that makes it.
      figure(&page, number: k + 1, wide: true, file: f.file, svg: f.svg, caption: page.w.caption(f.view), summary: f.summary, notes: f.notes)
    }
    page.add("</section>\n")
  }

  private static func diagrams(_ page: inout Page, _ result: AnalysisResult) {
    guard !result.diagrams.isEmpty else { return }
    let w = page.w
    page.add("<section id=\"diagrams\">\n<h2>\(w.diagramsHeading)</h2>\n<p>\(w.diagramsIntro)</p>\n")
    // The trend section's figures come first in the page and are numbered first.
    let first = result.trend?.change == nil ? 1 : result.trendFigures.count + 1
    for (k, drawn) in result.diagrams.enumerated() {
      figure(
        &page, number: first + k, wide: false, file: drawn.file, svg: drawn.svg, caption: drawn.caption,
        summary: drawn.diagram.summary, notes: drawn.diagram.notes)
    }
    page.add("</section>\n")
  }

  /// One numbered figure: the SVG inline, linking to its file, and its caption.
  private static func figure(
    _ page: inout Page, number: Int, wide: Bool, file: String, svg: [UInt8], caption: String, summary: String, notes: [String]
  ) {
    let w = page.w
    let layout: HTML = wide ? " class=\"wide\"" : ""
    page.add("<figure id=\"figure-\(number)\"\(layout)>\n<a class=\"full\" href=\"\(file)\">\(HTML.inlineSVG(svg, figure: number))</a>\n")
    page.add("<figcaption><b>\(w.figure(number))</b> \(caption). \(summary) ")
    page.add("<span class=\"note\">\(notes.joined(separator: " "))</span> ")
    page.add("(<a href=\"\(file)\">\(file)</a>)</figcaption>\n</figure>\n")
  }

  private static func glossary(_ page: inout Page) {
    page.add("<section id=\"glossary\">\n<h2>\(page.w.glossaryHeading)</h2>\n<dl>\n")
    for (term, meaning) in page.w.glossary { page.add("<dt>\(term)</dt><dd>\(meaning)</dd>\n") }
    page.add("</dl>\n</section>\n")
  }

  // MARK: - Pieces

  /// A file name without its folders.
  static func lastComponent(_ path: String) -> String {
    String(path.split(separator: "/").last ?? Substring(path))
  }

  static func graphvizVersion() -> String { (try? Graphviz.version()) ?? "2.42" }

  /// The page being written, in one language.
  struct Page {
    let w: any ReportWording
    var out = HTML.empty
    mutating func add(_ html: HTML) { out += html }
    mutating func text(_ text: String) { out += HTML(text: text) }
    mutating func number(_ value: Double, _ path: String, _ shown: String) {
      out += "<span class=\"n\" data-path=\"\(path)\" data-value=\"\(exact: value)\">\(shown)</span>"
    }
    mutating func parts(_ parts: [Finding.Part]) {
      for part in parts {
        if let path = part.path, let value = part.value { number(value, path, part.text) } else { text(part.text) }
      }
    }
    mutating func cell(_ value: Double?, _ path: String, _ shown: String?) {
      out += "<td class=\"num\">"
      if let value, let shown { number(value, path, shown) } else { out += "—" }
      out += "</td>"
    }
  }
}

extension String {
  /// The string with its first letter in capitals ("groep 3" → "Groep 3").
  var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
