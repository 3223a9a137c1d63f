extension HTMLReport {
  /// "The organization level by level": each level's units, modularity, share inside, E-I and
  /// silos, the analysed level marked.
  static func levels(_ page: inout Page, _ result: AnalysisResult, _ document: ReportDocument) {
    guard let levels = document.levels, let grouping = document.input.grouping, let level = grouping.level else { return }
    let lw = result.options.language.levelsWording, n = page.w.numbers
    page.add("<section id=\"levels\">\n<h2>\(lw.heading)</h2>\n<p>\(lw.intro(level: level, automatic: grouping.automatic))</p>\n")
    page.add("<div class=\"scroll\"><table class=\"levels\">\n<thead><tr><th>\(lw.levelColumn)</th><th class=\"num\">\(lw.unitsColumn)</th>")
    page.add("<th class=\"num\">\(lw.modularityColumn)</th><th class=\"num\">\(lw.insideColumn)</th><th class=\"num\">\(lw.eiColumn)</th>")
    page.add("<th class=\"num\">\(lw.silosColumn)</th></tr></thead>\n<tbody>\n")
    for (i, part) in levels.enumerated() {
      let base = "levels[\(i)]"
      page.add("<tr><th scope=\"row\">\(part.name)\(part.analysed ? " " + lw.analysedMark : "")</th>")
      page.cell(Double(part.units), "\(base).units", n.integer(part.units))
      page.cell(part.modularity, "\(base).modularity", part.modularity.map { n.fixed($0, 2) })
      page.cell(part.shareInside, "\(base).share_inside", part.shareInside.map(n.percent))
      page.cell(part.eiIndex, "\(base).ei_index", part.eiIndex.map(n.signed))
      page.cell(part.silos.map(Double.init), "\(base).silos", part.silos.map(n.integer))
      page.add("</tr>\n")
    }
    page.add("</tbody>\n</table></div>\n</section>\n")
  }
}
