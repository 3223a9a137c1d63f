import SiloDesign

extension HTMLReport {
  /// "Teams that would open the silos": per team its members with the reason for each, and
  /// the measures now and with the team; then all teams together, the objective, the
  /// guarantee and that this is structure, not a forecast.
  static func teams(_ page: inout Page, _ result: AnalysisResult, _ document: ReportDocument) {
    let language = result.options.language, tw = language.teamsWording
    guard document.teams != nil || result.teamsUnavailable != nil else { return }
    page.add("<section id=\"teams\">\n<h2>\(tw.heading)</h2>\n")
    guard let t = document.teams else {
      page.add("<p>\(tw.unavailable(result.teamsUnavailable!))</p>\n</section>\n")
      return
    }
    page.add("<p>\(tw.intro(teams: t.teams.count, size: t.request?.size ?? t.teams.first?.members.count ?? 0))</p>\n")
    for (i, team) in t.teams.enumerated() {
      page.add("<div class=\"team\">\n<h3>\(tw.teamTitle(team.index, departments: team.departments))</h3>\n")
      page.add("<table class=\"members\">\n<thead><tr><th>\(tw.memberColumn)</th><th>\(tw.departmentColumn)</th>")
      page.add("<th>\(tw.reasonColumn)</th></tr></thead>\n<tbody>\n")
      for m in team.members {
        page.add("<tr><th scope=\"row\">\(m.id)</th><td>\(m.department)</td><td>\(m.reason)</td></tr>\n")
      }
      page.add("</tbody>\n</table>\n")
      measures(&page, t.measureRows(before: team.before, after: team.after, language: language), "teams.teams[\(i)]", tw)
      page.add("</div>\n")
    }
    if t.teams.count > 1 {
      page.add("<div class=\"team\">\n<h3>\(tw.allTeams)</h3>\n")
      measures(&page, t.measureRows(before: t.before, after: t.after, language: language), "teams", tw)
      page.add("</div>\n")
    }
    page.add("<p class=\"note\">\(t.objectiveText.capitalizedFirst). \(t.guarantee ?? "") \(t.note)</p>\n</section>\n")
  }

  /// A before/after table; numbers carry their paths under `base` (`.before.` / `.after.`).
  private static func measures(_ page: inout Page, _ rows: [TeamsDocument.MeasureRow], _ base: String, _ tw: any TeamsWording) {
    page.add("<table class=\"measures\">\n<thead><tr><th>\(tw.measureColumn)</th><th class=\"num\">\(tw.beforeColumn)</th>")
    page.add("<th class=\"num\">\(tw.afterColumn)</th></tr></thead>\n<tbody>\n")
    for (i, row) in rows.enumerated() {
      if row.department && (i == 0 || !rows[i - 1].department) {
        page.add("<tr class=\"group\"><th scope=\"rowgroup\" colspan=\"3\">\(tw.insideByDepartment)</th></tr>\n")
      }
      page.add(row.department ? "<tr class=\"department\"><th scope=\"row\">\(row.label)</th>" : "<tr><th scope=\"row\">\(row.label)</th>")
      page.cell(row.before, "\(base).before.\(row.key)", row.beforeText)
      page.cell(row.after, "\(base).after.\(row.key)", row.afterText)
      page.add("</tr>\n")
    }
    page.add("</tbody>\n</table>\n")
  }
}
