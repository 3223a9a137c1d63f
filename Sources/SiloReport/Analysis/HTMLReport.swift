import SiloGraph
import SiloIngest
import SiloMetrics
import SiloRender

/// `report.html`: one self-contained page (inline CSS and SVG, no scripts, nothing fetched)
/// that opens from disk and prints on A4.
///
/// Every number taken from `report.json` is written as
/// `<span class="n" data-path="silos.groups[2].ei_index" data-value="-0.7213">−0.72</span>`:
/// the path in the JSON and the exact value behind the rounded text, so that a reader (or
/// a test) can check that the page and the JSON agree. Every name is escaped.
public enum HTMLReport {
  public static func html(_ result: AnalysisResult, document: ReportDocument) -> String {
    var page = Page()
    let summary = document.input
    let heading = result.options.heading ?? "Silo report"
    page.add("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
    page.add("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
    page.add("<meta name=\"generator\" content=\"\(document.generator)\">\n")
    page.add("<title>\(heading) – where the organization is siloed</title>\n<style>\(css)</style>\n</head>\n<body>\n")

    // Header.
    page.add("<header>\n<h1>\(heading)</h1>\n<p class=\"sub\">Where the organization is siloed, and who bridges it: ")
    page.number(Double(summary.people), "input.people", integer(summary.people))
    page.add(" people, ")
    page.number(Double(summary.departments ?? 0), "input.departments", integer(summary.departments ?? 0))
    page.add(" departments, ")
    page.number(Double(summary.ties), "input.ties", integer(summary.ties))
    page.add(" ties")
    if let first = summary.firstDate, let last = summary.lastDate {
      page.add(", \(first.description) to \(last.description)")
    }
    page.add(".</p>\n")
    if result.pseudonymized {
      page.add("<p class=\"privacy\">Names are replaced by keyed pseudonyms (P-…).</p>\n")
    }
    page.add("</header>\n<main>\n")

    // Findings.
    page.add("<section id=\"findings\">\n<h2>Key findings</h2>\n<ol class=\"findings\">\n")
    for finding in document.findings {
      page.add("<li class=\"\(finding.kind)\">")
      for part in finding.parts {
        if let path = part.path, let value = part.value { page.number(value, path, part.text) } else { page.text(part.text) }
      }
      page.add("</li>\n")
    }
    page.add("</ol>\n</section>\n")

    scorecard(&page, document)
    brokers(&page, document)
    communities(&page, document)
    diagrams(&page, result)
    methods(&page, result, document)

    page.add("</main>\n<footer>Made with SiloScope (\(document.generator)) in ")
    page.number(document.elapsedSeconds, "elapsed_seconds", fixed(document.elapsedSeconds, 1))
    page.add(" s. Every number on this page is in report.json at the path in its <code>data-path</code>.</footer>\n</body>\n</html>\n")
    return page.out.description
  }

  // MARK: - Sections

  private static func scorecard(_ page: inout Page, _ document: ReportDocument) {
    let silos = document.silos
    page.add("<section id=\"scorecard\">\n<h2>Silo scorecard</h2>\n")
    page.add("<p>Per department: how many of its ties stay inside, the E-I index ((external − internal) / all ties; −1 a closed silo, +1 every tie outside), ")
    page.add("what random assignment of people to departments would give (the mean of \(silos.graph.permutations) relabellings) and how often it is as low (p). ")
    page.add("Departments are ordered from most inward to most open.</p>\n")
    page.add("<table>\n<thead><tr><th>Department</th><th class=\"num\">People</th><th class=\"num\">Ties inside</th><th class=\"num\">Ties across</th>")
    page.add("<th class=\"num\">Share inside</th><th class=\"num\">E-I</th><th class=\"num\">By chance</th><th class=\"num\">p</th>")
    page.add("<th class=\"num\">Density inside</th><th>Works most with</th></tr></thead>\n<tbody>\n")
    let order = silos.groups.indices.sorted {
      (silos.groups[$0].eiIndex ?? 2, $0) < (silos.groups[$1].eiIndex ?? 2, $1)
    }
    for i in order {
      let g = silos.groups[i]
      let base = "silos.groups[\(i)]"
      let inward = (g.eiIndex ?? 0) < (g.eiExpected ?? 0) && (g.eiPValue ?? 1) < 0.05
      page.add("<tr\(inward ? " class=\"silo\"" : "" as HTML)><td>\(g.name)</td>")
      page.cell(Double(g.size), "\(base).size", integer(g.size))
      page.cell(Double(g.internalTies), "\(base).internal_ties", integer(g.internalTies))
      page.cell(Double(g.externalTies), "\(base).external_ties", integer(g.externalTies))
      page.cell(g.shareInside, "\(base).share_inside", g.shareInside.map(Findings.percent))
      page.cell(g.eiIndex, "\(base).ei_index", g.eiIndex.map(Findings.signed))
      page.cell(g.eiExpected, "\(base).ei_expected", g.eiExpected.map(Findings.signed))
      page.cell(g.eiPValue, "\(base).ei_p_value", g.eiPValue.map { $0 < 0.001 ? "<0.001" : fixed($0, 3) })
      page.cell(g.internalDensity, "\(base).internal_density", g.internalDensity.map { fixed($0, 2) })
      page.add("<td>\(g.partners.prefix(2).map(\.name).joined(separator: ", "))</td></tr>\n")
    }
    page.add("</tbody>\n</table>\n")
    let o = silos.graph
    page.add("<p class=\"note\">Organization: modularity of the departments ")
    page.optional(o.modularity, "silos.graph.modularity") { fixed($0, 3) }
    page.add(", assortativity ")
    page.optional(o.assortativity, "silos.graph.assortativity") { fixed($0, 3) }
    page.add(", Freeman segregation ")
    page.optional(o.freemanSegregation, "silos.graph.freeman_segregation") { fixed($0, 3) }
    page.add(". Rows in red: departments significantly more inward than chance (p &lt; 0.05).</p>\n</section>\n")
  }

  private static func brokers(_ page: inout Page, _ document: ReportDocument) {
    let b = document.brokers
    page.add("<section id=\"brokers\">\n<h2>Brokers and what depends on them</h2>\n")
    page.add("<p>People ranked by betweenness: the share of shortest paths between two other people that runs through them ")
    page.add("(\(b.graph.betweennessStatement ?? "exact"); a tie's length is \(b.graph.distance == "hops" ? "one step" : "1/weight, so strong ties are short")). ")
    page.add("Constraint (Burt) is low for people whose contacts are not tied to each other. The last columns say what the organization ")
    page.add("loses without the person: department pairs left without any direct tie, people cut off, and the share of ")
    page.add("cross-department pairs that could reach each other and no longer can.</p>\n")
    page.add("<table>\n<thead><tr><th class=\"num\">#</th><th>Person</th><th>Department</th><th class=\"num\">Betweenness</th>")
    page.add("<th class=\"num\">Constraint</th><th>Brokerage role</th><th>Department pairs losing all ties</th>")
    page.add("<th class=\"num\">People cut off</th><th class=\"num\">Reach lost</th></tr></thead>\n<tbody>\n")
    let nodeIndex = Dictionary(b.nodes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    for (r, broker) in b.brokers.enumerated() {
      let base = "brokers.brokers[\(r)]"
      page.add("<tr><td class=\"num\">\(broker.rank)</td><td>\(broker.id)</td><td>\(broker.group ?? "—")</td>")
      page.cell(broker.betweenness, "\(base).betweenness", broker.betweenness.map { fixed($0, 4) })
      if let i = nodeIndex[broker.id] {
        let node = b.nodes[i]
        page.cell(node.constraint, "brokers.nodes[\(i)].constraint", node.constraint.map { fixed($0, 3) })
        page.add("<td>\(node.role ?? "—")</td>")
      } else {
        page.add("<td class=\"num\">—</td><td>—</td>")
      }
      let pairs = broker.pairsLosingAllTies.map { $0.joined(separator: " – ") }
      page.add("<td>\(pairs.isEmpty ? "none" : pairs.prefix(4).joined(separator: "; ") + (pairs.count > 4 ? "; …" : ""))</td>")
      page.cell(Double(broker.peopleCutOff), "\(base).people_cut_off", integer(broker.peopleCutOff))
      page.cell(broker.crossDepartmentReachLost, "\(base).cross_department_reach_lost", Findings.percent(broker.crossDepartmentReachLost))
      page.add("</tr>\n")
    }
    page.add("</tbody>\n</table>\n</section>\n")
  }

  private static func communities(_ page: inout Page, _ document: ReportDocument) {
    let c = document.communities
    page.add("<section id=\"communities\">\n<h2>Communities against the departments</h2>\n")
    page.add("<p>Leiden finds groups of people who work more with each other than with the rest, without looking at the org chart: ")
    page.number(Double(c.communities.count), "communities.communities.count", integer(c.communities.count))
    page.add(" communities (modularity ")
    page.optional(c.communities.modularity, "communities.communities.modularity") { fixed($0, 3) }
    page.add(").")
    if let comparison = c.comparison {
      page.add(" Agreement with the departments: normalized mutual information ")
      page.optional(comparison.nmi, "communities.comparison.nmi") { fixed($0, 2) }
      page.add(" (1 = the same grouping, 0 = unrelated), adjusted Rand index ")
      page.optional(comparison.adjustedRand, "communities.comparison.adjusted_rand") { fixed($0, 2) }
      page.add(".</p>\n")
      if !comparison.merges.isEmpty {
        page.add("<h3>Communities that join departments</h3>\n<ul>\n")
        for (i, merge) in comparison.merges.enumerated().prefix(8) {
          page.add("<li>Community \(merge.community + 1): ")
          for (j, share) in merge.departments.enumerated().prefix(5) {
            if j > 0 { page.add(", ") }
            page.text(share.name + " ")
            page.number(share.share, "communities.comparison.merges[\(i)].departments[\(j)].share", Findings.percent(share.share))
          }
          page.add("</li>\n")
        }
        page.add("</ul>\n")
      }
      if !comparison.splits.isEmpty {
        page.add("<h3>Departments that work as separate groups</h3>\n<ul>\n")
        for (i, split) in comparison.splits.enumerated().prefix(8) {
          page.add("<li>\(split.department): ")
          for (j, share) in split.communities.enumerated().prefix(5) {
            if j > 0 { page.add(", ") }
            page.number(share.share, "communities.comparison.splits[\(i)].communities[\(j)].share", Findings.percent(share.share))
            page.text(" in community " + share.name)
          }
          page.add("</li>\n")
        }
        page.add("</ul>\n")
      }
    } else {
      page.add("</p>\n")
    }
    page.add("</section>\n")
  }

  private static func diagrams(_ page: inout Page, _ result: AnalysisResult) {
    guard !result.diagrams.isEmpty else { return }
    page.add("<section id=\"diagrams\">\n<h2>Diagrams</h2>\n")
    page.add("<p>The same diagrams are in the report folder as SVG files. Hover over a circle for the person's or department's numbers.</p>\n")
    for (k, drawn) in result.diagrams.enumerated() {
      page.add("<figure id=\"figure-\(k + 1)\">\n")
      page.add(HTML.inlineSVG(drawn.svg, figure: k + 1))
      page.add("\n<figcaption><b>Figure \(k + 1).</b> \(drawn.caption). \(drawn.diagram.summary) ")
      page.add("<span class=\"note\">\(drawn.diagram.notes.joined(separator: " "))</span> ")
      page.add("(<a href=\"\(drawn.file)\">\(drawn.file)</a>)</figcaption>\n</figure>\n")
    }
    page.add("</section>\n")
  }

  private static func methods(_ page: inout Page, _ result: AnalysisResult, _ document: ReportDocument) {
    let m = document.methods
    let summary = document.input
    page.add("<section id=\"methods\">\n<h2>Methods</h2>\n<dl>\n")
    if let projection = summary.projection {
      page.add("<dt>From log to network</dt><dd>Two people are tied when they worked on the same project; ")
      switch projection.weighting {
      case .sharedProjects: page.add("a tie's weight is the number of projects they share.")
      case .newman: page.add("a tie's weight is Newman's collaboration weight, Σ 1/(n<sub>p</sub> − 1) over shared projects of n<sub>p</sub> people.")
      case .hoursOverlap: page.add("a tie's weight is the hours they spent on the same projects, Σ min(hours of each).")
      case .jaccard: page.add("a tie's weight is the Jaccard overlap of their projects.")
      }
      page.add(" Projects: ")
      page.number(Double(projection.projects), "input.projection.projects", integer(projection.projects))
      if let maximum = projection.maximumProjectSize { page.add("; projects of more than \(maximum) people left out") }
      if let minimum = projection.minimumWeight { page.add("; ties lighter than \(fixed(minimum, 2)) left out") }
      if let from = projection.from { page.add("; from \(from.description)") }
      if let to = projection.to { page.add(" to \(to.description)") }
      page.add(".</dd>\n")
    }
    page.add("<dt>Names</dt><dd>Names of people, projects and departments that differ only in Unicode form (a precomposed “ë” or “e” with a combining diaeresis), in invisible characters or in spaces are read as one name (Unicode NFC; invisible and control characters removed).</dd>\n")
    page.add("<dt>Rows</dt><dd><ul class=\"rows\">")
    for (i, report) in summary.inputs.enumerated() {
      page.add("<li>\(lastComponent(report.file)) (\(report.format), \(report.encoding)): ")
      page.number(Double(report.rowsRead), "input.inputs[\(i)].rows_read", integer(report.rowsRead))
      page.add(" rows read, ")
      page.number(Double(report.rowsUsed), "input.inputs[\(i)].rows_used", integer(report.rowsUsed))
      page.add(" used")
      for (j, skipped) in report.skipped.enumerated() {
        page.add("; ")
        page.number(Double(skipped.count), "input.inputs[\(i)].skipped[\(j)].count", integer(skipped.count))
        page.add(" skipped: \(skipped.reason)")
        if let line = skipped.examples.first?.line { page.add(" (first at line \(line))") }
      }
      page.add(".</li>")
    }
    if summary.inputs.isEmpty { page.add("<li>A network given in memory.</li>") }
    page.add("</ul></dd>\n")
    page.add("<dt>Weights</dt><dd>\(m.weighted ? "Tie weights are strengths: E-I and modularity sum them; for shortest paths a tie's length is 1/weight." : "Ties are counted, not weighed; shortest paths count steps." as HTML)</dd>\n")
    page.add("<dt>E-I index</dt><dd>Krackhardt and Stern (1988), per tie: each tie counts once, external if its ends are in different departments. ")
    page.add("Expected value and p from \(m.permutations) random relabellings of people over departments (sizes kept), seed \(m.seed); p is one-sided, (1 + as extreme) / (1 + relabellings).</dd>\n")
    page.add("<dt>Betweenness</dt><dd>Brandes (2001), normalized by the number of pairs of other people; ")
    page.add(m.betweennessMethod == "exact"
      ? "exact (every source)."
      : "estimated from \(m.sampledSources) random sources (seed \(m.seed)) because the organization has more than \(integer(m.exactBetweennessLimit)) people.")
    page.add(" Equal path lengths are compared exactly.</dd>\n")
    page.add("<dt>Brokers</dt><dd>Constraint and effective size after Burt (1992); brokerage roles after Gould and Fernandez (1989) with z-scores as R's sna; ")
    page.add("dependence by removing each top broker and recounting ties and reach between departments.</dd>\n")
    page.add("<dt>Communities</dt><dd>Leiden (Traag, Waltman and van Eck 2019) on modularity, resolution \(fixed(m.resolution, 2)), seed \(m.seed); ")
    page.add("compared with departments by NMI (arithmetic normalization), adjusted Rand (Hubert and Arabie 1985) and variation of information.</dd>\n")
    let p = document.privacy
    page.add("<dt>Privacy</dt><dd>")
    page.add(p.pseudonymized ? "Every name is replaced by a keyed pseudonym (HMAC-SHA-256 with a key that is not stored in the report); managers by their pseudonyms. " : "Names are shown as in the input. ")
    if p.pseudonymized { page.add(p.rolesKept ? "Roles are kept (--keep-role). " : "Roles are left out: a role held by one person names them. ") }
    page.add("Departments with fewer than \(p.minimumGroupSize) people ")
    if p.mergedDepartmentCount == 0 {
      page.add("would be merged; there were none.")
    } else if p.suppressed {
      // Neither the departments nor their sizes are named: the group is too small to show.
      page.add("are merged into one group (\(p.mergedDepartmentCount == 1 ? "1 department" : "\(p.mergedDepartmentCount) departments")). ")
      page.add("That group is itself smaller than \(p.minimumGroupSize) people, so it and its people are left out of every table, list, file and diagram that shows departments or people; they count in the totals.")
    } else {
      page.add("are merged into “\(p.mergedInto ?? "")”: \(p.mergedDepartments.map { "\($0.name) (\($0.people))" }.joined(separator: ", ")).")
    }
    page.add("</dd>\n")
    page.add("<dt>Diagrams</dt><dd>Graphviz \(graphvizVersion()): department boxes laid out with neato inside each department and to arrange them (repeatable for a seed); ")
    page.add("circle area by betweenness; above 2,000 people the person-level diagrams are replaced by the department map.</dd>\n")
    page.add("</dl>\n")
    if !summary.warnings.isEmpty {
      page.add("<h3>Warnings</h3>\n<ul class=\"warnings\">\n")
      for warning in summary.warnings { page.add("<li>\(warning)</li>\n") }
      page.add("</ul>\n")
    }
    page.add("</section>\n")
  }

  // MARK: - Pieces

  static func integer(_ value: Int) -> String { NumberText.integer(value) }

  static func fixed(_ value: Double, _ decimals: Int) -> String { Findings.fixed(value, decimals) }

  private static func lastComponent(_ path: String) -> String {
    String(path.split(separator: "/").last ?? Substring(path))
  }

  private static func graphvizVersion() -> String { (try? Graphviz.version()) ?? "2.42" }

  /// The page being written.
  struct Page {
    var out = HTML.empty
    mutating func add(_ html: HTML) { out += html }
    mutating func text(_ text: String) { out += HTML(text: text) }
    mutating func number(_ value: Double, _ path: String, _ shown: String) {
      out += "<span class=\"n\" data-path=\"\(path)\" data-value=\"\(exact: value)\">\(shown)</span>"
    }
    mutating func optional(_ value: Double?, _ path: String, _ shown: (Double) -> String) {
      if let value { number(value, path, shown(value)) } else { out += "—" }
    }
    mutating func cell(_ value: Double?, _ path: String, _ shown: String?) {
      out += "<td class=\"num\">"
      if let value, let shown { number(value, path, shown) } else { out += "—" }
      out += "</td>"
    }
  }

  static let css: HTML = """
    :root { --ink: #1b1b1b; --muted: #555; --rule: #d0d0d0; --silo: #b2182b; --open: #2166ac; }
    * { box-sizing: border-box; }
    body { font: 15px/1.5 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: var(--ink); margin: 0; background: #fff; }
    header, main, footer { max-width: 1100px; margin: 0 auto; padding: 0 24px; }
    header { padding-top: 28px; border-bottom: 3px solid var(--ink); }
    h1 { font-size: 28px; margin: 0 0 4px; }
    h2 { font-size: 21px; margin: 32px 0 8px; border-bottom: 1px solid var(--rule); padding-bottom: 4px; }
    h3 { font-size: 16px; margin: 18px 0 6px; }
    .sub { color: var(--muted); margin: 0 0 12px; }
    .privacy { background: #eef4fb; border-left: 4px solid var(--open); padding: 6px 10px; }
    ol.findings { padding-left: 22px; }
    ol.findings li { margin: 6px 0; }
    ol.findings li.silo::marker { color: var(--silo); font-weight: bold; }
    table { border-collapse: collapse; width: 100%; font-size: 13px; margin: 8px 0; }
    th, td { border-bottom: 1px solid var(--rule); padding: 4px 6px; text-align: left; vertical-align: top; }
    th { background: #f4f4f4; font-weight: 600; }
    .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    tr.silo td:first-child { border-left: 4px solid var(--silo); font-weight: 600; }
    .note { color: var(--muted); font-size: 13px; }
    figure { margin: 18px 0 28px; page-break-inside: avoid; break-inside: avoid; }
    figure svg { width: 100%; height: auto; max-height: 1100px; border: 1px solid var(--rule); }
    figcaption { font-size: 13px; margin-top: 6px; }
    dl dt { font-weight: 600; margin-top: 10px; }
    dl dd { margin: 2px 0 0 0; }
    ul.rows, ul.warnings { margin: 4px 0; padding-left: 18px; }
    footer { color: var(--muted); font-size: 12px; border-top: 1px solid var(--rule); margin-top: 36px; padding-top: 10px; padding-bottom: 28px; }
    code { font-size: 12px; }
    @media print {
      body { font-size: 11pt; }
      header, main, footer { max-width: none; padding: 0; }
      h2 { break-after: avoid; }
      table, figure, li { break-inside: avoid; }
      figure svg { max-height: 24cm; }
      a { color: inherit; text-decoration: none; }
    }
    @page { size: A4; margin: 16mm; }
    """
}
