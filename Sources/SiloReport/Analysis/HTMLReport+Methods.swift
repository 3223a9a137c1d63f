import SiloIngest

extension HTMLReport {
  /// The methods: how the network was made, the rules behind the words, and the settings.
  static func methods(_ page: inout Page, _ result: AnalysisResult, _ document: ReportDocument) {
    let w = page.w, n = w.numbers, m = w.methods, settings = document.methods, summary = document.input
    page.add("<section id=\"methods\">\n<h2>\(w.methodsHeading)</h2>\n<dl>\n")
    if let projection = summary.projection {
      page.add("<dt>\(m.fromLog)</dt><dd>\(m.weighting(projection.weighting)) \(m.projects)")
      page.number(Double(projection.projects), "input.projection.projects", n.integer(projection.projects))
      if let maximum = projection.maximumProjectSize { page.text(m.largeProjectsLeftOut(maximum)) }
      if let minimum = projection.minimumWeight { page.text(m.lightTiesLeftOut(n.fixed(minimum, 2))) }
      if let from = projection.from { page.text(m.from + dateText(from, w)) }
      if let to = projection.to { page.text(m.to + dateText(to, w)) }
      page.add(".</dd>\n")
    }
    page.add("<dt>\(m.names)</dt><dd>\(m.namesText)</dd>\n")
    rows(&page, summary)
    page.add("<dt>\(m.weights)</dt><dd>\(m.weightsText(settings.weighted))</dd>\n")
    page.add("<dt>\(m.verdict)</dt><dd>\(w.verdictRule())</dd>\n")
    if let bootstrap = document.silos.graph.bootstrap {
      page.add("<dt>\(m.margin)</dt><dd>\(m.marginText(bootstrap.replicates, bootstrap.unit, bootstrap.seed))</dd>\n")
    }
    page.add("<dt>\(m.eiIndex)</dt><dd>\(m.eiText(settings.permutations, settings.seed))</dd>\n")
    if let guarantee = document.brokers.graph.betweennessGuarantee {
      let text = m.kadabraText(
        n.integer(guarantee.samples), guarantee.k, n.fixed(guarantee.epsilon, 3), n.percent(guarantee.probability), settings.seed,
        n.integer(settings.exactBetweennessLimit))
      page.add("<dt>\(m.betweenness)</dt><dd>\(text)</dd>\n")
    } else {
      page.add("<dt>\(m.betweenness)</dt><dd>\(m.betweennessText(settings.betweennessMethod == .exact, settings.sampledSources, settings.seed, n.integer(settings.exactBetweennessLimit)))</dd>\n")
    }
    page.add("<dt>\(m.brokers)</dt><dd>\(m.brokersText)</dd>\n")
    page.add("<dt>\(m.communities)</dt><dd>\(m.communitiesText(n.fixed(settings.resolution, 2), settings.seed))</dd>\n")
    page.add("<dt>\(m.privacy)</dt><dd>\(m.privacyText(document.privacy))</dd>\n")
    page.add("<dt>\(m.diagrams)</dt><dd>\(m.diagramsText(graphvizVersion()))</dd>\n</dl>\n")
    if !summary.warnings.isEmpty {
      page.add("<h3>\(w.warningsHeading)</h3>\n<ul class=\"warnings\">\n")
      for warning in summary.warnings { page.add("<li>\(w.message(warning))</li>\n") }
      page.add("</ul>\n")
    }
    page.add("</section>\n")
  }

  /// The rows read, used and skipped, per input file.
  private static func rows(_ page: inout Page, _ summary: NetworkSummary) {
    let m = page.w.methods, n = page.w.numbers
    page.add("<dt>\(m.rows)</dt><dd><ul class=\"rows\">")
    for (i, report) in summary.inputs.enumerated() {
      page.add("<li>\(lastComponent(report.file)) (\(report.format), \(report.encoding)): ")
      page.number(Double(report.rowsRead), "input.inputs[\(i)].rows_read", n.integer(report.rowsRead))
      page.text(m.rowsRead)
      page.number(Double(report.rowsUsed), "input.inputs[\(i)].rows_used", n.integer(report.rowsUsed))
      page.text(m.rowsUsed)
      for (j, skipped) in report.skipped.enumerated() {
        page.add("; ")
        page.number(Double(skipped.count), "input.inputs[\(i)].skipped[\(j)].count", n.integer(skipped.count))
        page.text(m.skipped + page.w.message(skipped.reason))
        if let line = skipped.examples.first?.line { page.text(m.firstAtLine(line)) }
      }
      page.add(".</li>")
    }
    if summary.inputs.isEmpty { page.add("<li>\(m.inMemory)</li>") }
    page.add("</ul></dd>\n")
  }
}
