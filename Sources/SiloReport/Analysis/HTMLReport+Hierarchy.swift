extension HTMLReport {
  /// The most managers the section lists (report.json lists all).
  static let listedManagers = 15
  /// The most pairs of untied units the section names.
  static let listedUntiedUnits = 10

  /// "The org chart and the real collaboration": the chart's measures, the managers with the
  /// most people below them, and units side by side that never work together. The org chart
  /// itself is a figure of the diagrams section.
  static func hierarchy(_ page: inout Page, _ result: AnalysisResult, _ document: ReportDocument) {
    guard let h = document.hierarchy else { return }
    let hw = result.options.language.hierarchyWording, n = page.w.numbers, o = h.organization
    page.add("<section id=\"hierarchy\">\n<h2>\(hw.heading)</h2>\n<p>\(hw.intro)</p>\n")
    page.add("<table class=\"measures\">\n<thead><tr><th>\(hw.measureColumn)</th><th class=\"num\">\(hw.valueColumn)</th></tr></thead>\n<tbody>\n")
    for row in h.measureRows(language: result.options.language) {
      page.add("<tr><th scope=\"row\">\(row.label)</th>")
      page.cell(row.value, "hierarchy.organization.\(row.key)", row.shown)
      page.add("</tr>\n")
    }
    if o.siblingUnitPairs > 0 {
      page.add("<tr><th scope=\"row\">\(hw.measure("untied_sibling_unit_pairs"))</th><td class=\"num\">")
      page.number(Double(o.untiedSiblingUnitPairs), "hierarchy.organization.untied_sibling_unit_pairs", n.integer(o.untiedSiblingUnitPairs))
      page.add(" / ")
      page.number(Double(o.siblingUnitPairs), "hierarchy.organization.sibling_unit_pairs", n.integer(o.siblingUnitPairs))
      page.add("</td></tr>\n")
    }
    page.add("</tbody>\n</table>\n")
    if h.listsLeftOut { page.add("<p class=\"note\">\(hw.listsLeftOut)</p>\n") }
    managers(&page, h, hw)
    untied(&page, h, hw)
    page.add("<p class=\"note\">\(hw.definitions)</p>\n</section>\n")
  }

  /// The managers with the most people below them (then the highest, then file order).
  private static func managers(_ page: inout Page, _ h: HierarchyDocument, _ hw: any HierarchyWording) {
    guard !h.managers.isEmpty else { return }
    let n = page.w.numbers
    let order = h.largestManagers(listedManagers)
    page.add("<h3>\(hw.managersHeading)</h3>\n<div class=\"scroll\"><table class=\"managers\">\n<thead><tr><th>\(hw.managerColumn)</th>")
    page.add("<th>\(hw.departmentColumn)</th><th class=\"num\">\(hw.spanColumn)</th><th class=\"num\">\(hw.belowColumn)</th>")
    page.add("<th class=\"num\">\(hw.withinTeamColumn)</th><th class=\"num\">\(hw.reportsWorkedWithColumn)</th></tr></thead>\n<tbody>\n")
    for i in order {
      let m = h.managers[i], base = "hierarchy.managers[\(i)]"
      page.add("<tr><th scope=\"row\">\(m.id)</th><td>\(m.department ?? "—")</td>")
      page.cell(Double(m.span), "\(base).span", n.integer(m.span))
      page.cell(Double(m.peopleBelow), "\(base).people_below", n.integer(m.peopleBelow))
      page.cell(m.shareWithinTeam, "\(base).share_within_team", m.shareWithinTeam.map(n.percent))
      page.cell(Double(m.reportsWorkedWith), "\(base).reports_worked_with", n.integer(m.reportsWorkedWith))
      page.add("</tr>\n")
    }
    page.add("</tbody>\n</table></div>\n")
    let note = hw.managersNote(shown: order.count, of: h.managers.count)
    if !note.isEmpty { page.add("<p class=\"note\">\(note)</p>\n") }
  }

  /// The largest pairs of units side by side under one manager without a tie.
  private static func untied(_ page: inout Page, _ h: HierarchyDocument, _ hw: any HierarchyWording) {
    guard !h.untiedSiblingUnits.isEmpty else { return }
    page.add("<h3>\(hw.untiedHeading)</h3>\n<ul class=\"untied\">\n")
    for p in h.untiedSiblingUnits.prefix(listedUntiedUnits) {
      page.add("<li>\(hw.untiedPair(a: p.a, b: p.b, above: p.above, departmentA: p.departmentA, departmentB: p.departmentB, sizeA: p.sizeA, sizeB: p.sizeB).capitalizedFirst)</li>\n")
    }
    let more = h.organization.untiedSiblingUnitPairs - min(listedUntiedUnits, h.untiedSiblingUnits.count)
    page.add("</ul>\n")
    if more > 0 { page.add("<p class=\"note\">\(hw.untiedMore(more).capitalizedFirst)</p>\n") }
  }
}
