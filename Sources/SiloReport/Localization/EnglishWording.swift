import SiloMetrics

/// The report in English: plain words for a management team, metric names only in the
/// glossary and the methods.
struct EnglishWording: ReportWording {
  let numbers = ReportLanguage.en.numbers

  func list(_ items: [[Part]]) -> [Part] {
    var out: [Part] = []
    for (i, item) in items.enumerated() {
      if i > 0 { out.append(.text(i == items.count - 1 ? " and " : ", ")) }
      out += item
    }
    return out
  }

  func verdict(_ verdict: SiloVerdict) -> String {
    switch verdict {
    case .silo: return "silo"
    case .inward: return "inward"
    case .balanced: return "balanced"
    case .open: return "open"
    }
  }

  func verdictMeaning(_ verdict: SiloVerdict) -> String {
    switch verdict {
    case .silo: return "more than five ties inside for every tie outside"
    case .inward: return "two to five ties inside for every tie outside"
    case .balanced: return "neither side more than twice the other"
    case .open: return "at least two ties outside for every tie inside"
    }
  }

  func verdictRange(_ verdicts: [SiloVerdict]) -> String {
    switch verdicts.count {
    case 0: return "—"
    case 1: return verdict(verdicts[0])
    case 2: return verdict(verdicts[0]) + " or " + verdict(verdicts[1])
    default: return verdict(verdicts.first!) + " to " + verdict(verdicts.last!)
    }
  }

  static let months = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
  ]

  func date(year: Int, month: Int, day: Int) -> String { "\(day) \(Self.months[month - 1]) \(year)" }

  // MARK: Findings

  func findingOrganization(share: Part, margin: [Part]?, verdict: SiloVerdict?) -> [Part] {
    var parts: [Part] = [.text("Across the organization "), share, .text(" of all collaboration stays inside people’s own department")]
    if let margin { parts += [.text(" (margin ")] + margin + [.text(")")] }
    if let verdict {
      parts.append(.text(": as a whole the organization is \(self.verdict(verdict)), with \(verdictMeaning(verdict))."))
    } else {
      parts.append(.text("."))
    }
    return parts
  }

  func findingSilos(_ silos: [(name: String, share: Part, range: [SiloVerdict])], more: Int, departments: Int, inView: Bool) -> [Part] {
    let count = silos.count + more, shown = inView ? " in view" : ""
    var parts: [Part] = [
      .text(count == 1
        ? "One of the \(departments) departments\(shown) is a silo, keeping \(verdictMeaning(.silo)): "
        : "\(count) of the \(departments) departments\(shown) are silos, keeping \(verdictMeaning(.silo)): "),
    ]
    var items: [[Part]] = silos.enumerated().map { i, silo in
      var item: [Part] = [.text("\(silo.name) ("), silo.share]
      item.append(.text(i == 0 ? " of its collaboration inside" : ""))
      if silo.range.count > 1 { item.append(.text("; \(verdictRange(silo.range))")) }
      item.append(.text(")"))
      return item
    }
    if more > 0 { items.append([.text("\(more) more (see the scorecard)")]) }
    parts += list(items)
    parts.append(.text("."))
    return parts
  }

  func findingNoSilo(mostClosed: [(name: String, share: Part)], median: Part?) -> [Part] {
    var parts: [Part] = [.text("No department is a silo by the rule of \(verdictMeaning(.silo)).")]
    guard !mostClosed.isEmpty else { return parts }
    parts.append(.text(mostClosed.count == 1 ? " The most closed department of this organization is " : " The most closed departments of this organization are "))
    parts += list(mostClosed.enumerated().map { i, d in
      [.text("\(d.name) ("), d.share, .text(i == 0 ? " of its collaboration inside)" : ")")]
    })
    if let median { parts += [.text(", against "), median, .text(" for the department in the middle")] }
    parts.append(.text("."))
    return parts
  }

  func findingChange(organization: ChangeWords?, departments: [ChangeWords], more: Int, from: String, to: String) -> [Part] {
    guard organization != nil || !departments.isEmpty else {
      return [.text("From \(from) to \(to) no department opened up or closed up by 5 points or more and by more than the margin of uncertainty.")]
    }
    var parts: [Part] = [.text("From \(from) to \(to), ")]
    var clauses: [[Part]] = []
    if let o = organization {
      clauses.append([.text("the organization as a whole \(o.direction == .opened ? "opened up" : "closed up") (from "), o.before, .text(" to "), o.after, .text(" of its collaboration inside departments)")])
    }
    for d in departments {
      clauses.append([.text("\(d.name ?? "") \(d.direction == .opened ? "opened up" : "closed up") (from "), d.before, .text(" to "), d.after, .text(" inside)")])
    }
    if more > 0 { clauses.append([.text("\(more) more department\(more == 1 ? "" : "s") changed as clearly")]) }
    parts += list(clauses)
    parts.append(.text(": changes of at least 5 points and larger than their margin of uncertainty."))
    return parts
  }

  let monthAbbreviations = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
  let quarterLetter = "Q"

  func findingOpen(name: String, share: Part) -> [Part] {
    [.text("\(name) works most across the organization: only "), share, .text(" of its collaboration stays inside the department.")]
  }

  func findingBrokerReliance(_ brokers: [(person: String, department: String?, share: Part)], estimated: Bool) -> [Part] {
    var parts: [Part] = [.text("The collaboration leans on a few people: ")]
    parts += list(brokers.enumerated().map { i, b in
      [.text(b.person + (b.department.map { " (\($0))" } ?? "") + (i == 0 ? (estimated ? " lies on an estimated " : " lies on ") : " on ")), b.share]
        + (i == 0 ? [.text(" of the shortest routes between two colleagues")] : [])
    })
    parts.append(.text("."))
    return parts
  }

  func findingBrokerDependence(person: String, pairs: [String], pairCount: Int, cutOff: Part?, reachLost: Part?) -> [Part] {
    var clauses: [[Part]] = []
    if pairCount > 0 {
      let named = pairs.joined(separator: "; ") + (pairCount > pairs.count ? "; …" : "")
      clauses.append([.text(pairCount == 1
        ? "one pair of departments would lose its last direct tie (\(named))"
        : "\(pairCount) pairs of departments would lose their last direct tie (\(named))")])
    }
    if let cutOff {
      clauses.append([cutOff, .text(cutOff.value == 1 ? " person would be cut off from everyone else" : " people would be cut off from everyone else")])
    }
    if let reachLost {
      clauses.append([reachLost, .text(" of the colleagues in different departments who can reach each other now could no longer do so")])
    }
    return [.text("Without \(person), ")] + list(clauses) + [.text(".")]
  }

  func findingIsolated(withOutsideTie: Part, people: Part, insideOnly: Part, withoutTies: Part?) -> [Part] {
    var parts: [Part] = [withOutsideTie, .text(" of the "), people, .text(" people work with someone outside their own department; ")]
    parts += [.text("the other "), insideOnly, .text(" only within it")]
    if let withoutTies {
      parts += [.text(", and "), withoutTies, .text(withoutTies.value == 1 ? " works with no one at all" : " work with no one at all")]
    }
    parts.append(.text("."))
    return parts
  }

  func findingCommunities(count: Part, agreement: Part?, level: Int) -> [Part] {
    var parts: [Part] = [.text("Leaving the org chart aside, the collaboration falls into "), count, .text(" groups of people who work more with each other than with the rest")]
    if let agreement {
      parts.append(.text(level == 2 ? "; they follow the departments closely" : level == 1 ? "; they follow the departments in part" : "; they cut across the departments"))
      parts += [.text(" (agreement "), agreement, .text(" on a scale from 0 to 1)")]
    }
    parts.append(.text("."))
    return parts
  }

  func findingMerge(community: Int, departments: [(name: String, share: Part)]) -> [Part] {
    [.text("Group \(community) brings together people of ")]
      + list(departments.map { [.text("\($0.name) ("), $0.share, .text(")")] })
      + [.text(": colleagues who work together across the org chart.")]
  }

  func findingSplit(department: String, groups: Int, shares: [(community: String, share: Part)], rest: Part?, restGroups: Int) -> [Part] {
    var items: [[Part]] = shares.enumerated().map { i, s in
      [s.share, .text((i == 0 ? " of its people in " : " in ") + group(s.community))]
    }
    if let rest { items.append([.text("the other "), rest, .text(restGroups == 1 ? " in one more group" : " in \(restGroups) more groups")]) }
    return [.text("\(department) works as \(groups) separate groups: ")] + list(items) + [.text(".")]
  }

  // MARK: Page

  let defaultHeading = "Silo report"
  let titleSuffix = "where the organization is siloed"

  func subtitle(people: Part, departments: Part, ties: Part, from: String?, to: String?) -> [Part] {
    var parts: [Part] = [
      .text("Where the organization is siloed, and who bridges it: "), people, .text(" people, "), departments,
      .text(" departments, "), ties, .text(" working ties"),
    ]
    if let from, let to { parts.append(.text(", \(from) to \(to)")) }
    parts.append(.text("."))
    return parts
  }

  func reportDate(_ date: String) -> String { "Report of \(date)" }
  func focusNotice(_ unit: String) -> String {
    "This report looks at \(unit): its people, the departments it works with and the people who connect it. Every number is computed on the whole organization."
  }
  let pseudonymNotice = "Names are replaced by keyed pseudonyms (P-…)."
  let keyFindings = "Key findings"
  let pageWord = "Page "
  let pageOf = " of "

  let scorecardHeading = "Silos by department"
  let scorecardIntro =
    "For each department: how much of its collaboration stays inside, with the margin the data allow, and the verdict. "
    + "Departments are ordered from most closed to most open."
  let scorecardColumns = ScorecardColumns(
    department: "Department", people: "People", inside: "Inside", margin: "Margin (95%)", verdict: "Verdict",
    tiesInside: "Ties inside", tiesAcross: "Ties outside", ei: "E-I", chance: "E-I by chance", partners: "Works most with")

  func scorecardNote(modularity: Part?, median: Part?, confidence: Int?, replicates: Int?, unit: EIBootstrap.Unit?) -> [Part] {
    var parts: [Part] = [.text(verdictRule())]
    if let median { parts += [.text(" The department in the middle keeps "), median, .text(" inside.")] }
    if let modularity { parts += [.text(" Modularity of the departments: "), modularity, .text(".")] }
    if let replicates, let unit {
      parts.append(.text(" The margin is the range in which the share falls in 95 of 100 resamplings of the \(unit == .ties ? "ties" : "projects") (\(numbers.integer(replicates)) in all)."))
    }
    parts.append(.text(" “E-I by chance” is what random assignment of people to departments would give; it is information, not the verdict."))
    return parts
  }

  func verdictRule() -> String {
    "Verdict: a silo keeps more than five ties inside for every tie outside (more than 83% inside; Leonardi and Contractor 2018) "
      + "and more than random assignment of people would give a department of its size; inward keeps two to five inside for every one outside (67–83%); "
      + "balanced, neither side more than twice the other (33–67%); open, at least two ties outside for every tie inside (less than 33%)."
  }

  let brokersHeading = "Bridge people and what depends on them"

  func brokersIntro(sampled: String?, hops: Bool) -> String {
    "The people through whom most of the collaboration between colleagues runs, ranked by the share of shortest routes between two colleagues that pass through them"
      + (hops ? " (a route counts steps)." : " (strong ties make short routes).")
      + (sampled.map { " Estimated: \($0)." } ?? "")
      + " The last columns say what the organization would lose without the person."
  }

  func brokersGuarantee(probability: String, k: Int, settled: Bool, orderMarked: Bool, membershipMarked: Bool, contenders: Int) -> String {
    var text = "Because the organization is large, these scores are estimated from a sample of shortest routes: "
      + "with a probability of \(probability), each person’s true share lies within the range shown."
    if settled { return text + " Who belongs in the top \(k), and in which order, is certain." }
    if orderMarked { text += " ≈ means it is not certain whether this person or the next ranks higher." }
    if membershipMarked {
      text += " ? means it is not certain that the person belongs in the top \(k): "
        + (contenders == 1 ? "one other person might instead." : "\(contenders) others might instead.")
    }
    return text
  }

  let brokerColumns = BrokerColumns(
    rank: "#", person: "Person", department: "Department", routes: "On shortest routes", connects: "Connects",
    pairsLost: "Department pairs left without a tie", cutOff: "People cut off", reachLost: "Reach lost")

  func connects(own: String?, others: [String], count: Int) -> String {
    guard count > 0 else { return "works only within " + (own ?? "the own department") }
    let named = others.prefix(3).joined(separator: ", ") + (count > 3 ? " and \(count - 3) more" : "")
    return "\(own ?? "own department") with \(named)"
  }

  let noDependence = "No single person’s absence would leave two departments without a direct tie or cut anyone off."
  let none = "none"

  let trendHeading = "Change over time"

  func trendIntro(periods: Int, kind: String, from: String, to: String) -> String {
    let unit = ["year": "years", "quarter": "quarters", "month": "months"][kind] ?? "periods"
    return "The log covers \(periods) \(unit), from \(from) to \(to). Each is measured on its own, with the people who worked in it; "
      + "everyone stays in the department the whole log gives them. The table compares the first period with the last."
  }

  let trendColumns = TrendColumns(department: "Department", first: "Inside, first", last: "Inside, last", change: "Change", margin: "Margin (95%)", verdict: "Verdict")

  let organizationWord = "Organization"
  let trendChartTitle = "Share of collaboration kept inside the department, by period"
  let trendChartAxis = "Ties inside"
  let siloLineLabel = "Silo line: 5 inside per 1 outside"
  let outsideChartTitle = "Share of people with a tie outside their department, by period"
  let outsideChartAxis = "People with a tie outside"
  let toWord = "to"

  let pointsUnit = "pts"

  func changeWord(_ direction: ChangeDirection) -> String {
    switch direction {
    case .opened: return "opened up"
    case .closed: return "closed up"
    case .unclear: return "no clear change"
    }
  }

  func changeRule(replicates: Int) -> String {
    guard replicates > 0 else { return "Without a bootstrap (0 replicates) no change is called larger than chance." }
    return "A department opened up (or closed up) when the share of its collaboration inside fell (or rose) by at least 5 points "
      + "and by more than the margin: the 95% range of the change when each period’s projects are drawn again at random "
      + "\(numbers.integer(replicates)) times. Small departments can move a lot by chance; the margin says how much."
  }

  func trendCommunities(first: Int, last: Int, continued: Int, merges: Int, splits: Int, births: Int, deaths: Int) -> String {
    "Groups that work together: \(first) in the first period, \(last) in the last. From one period to the next, "
      + "\(continued) carried on with most of their people, \(merges) times groups merged, \(splits) times a group split, "
      + "\(births) groups were new and \(deaths) ended. A group keeps its number while it carries on."
  }

  let communitiesHeading = "Groups that work together, against the departments"

  func communitiesIntro(count: Part, agreement: Part?) -> [Part] {
    var parts: [Part] = [
      .text("Without looking at the org chart, the collaboration falls into "), count,
      .text(" groups of people who work more with each other than with the rest."),
    ]
    if let agreement {
      parts += [.text(" Agreement with the departments: "), agreement, .text(" (1 = the same grouping, 0 = unrelated).")]
    }
    return parts
  }

  let mergesHeading = "Groups that join departments"
  let splitsHeading = "Departments that work as separate groups"
  func group(_ community: String) -> String { "group " + community.replacing("C", with: "") }

  let diagramsHeading = "Diagrams"
  let diagramsIntro =
    "The same diagrams are in the report folder as SVG files (click a diagram to open it full size). Hover over a circle for the person’s or department’s numbers."
  func figure(_ number: Int) -> String { "Figure \(number)." }

  func caption(_ view: String) -> String {
    switch view {
    case "departments": return "Departments and the collaboration between them"
    case "people": return "People by department, sized by how many routes run through them"
    case "communities": return "Groups that work together, over the departments"
    case "trend": return "How much collaboration stays inside, period by period"
    case "trend-outside-ties": return "Who works with other departments, period by period"
    case "community-flow": return "Groups that work together, followed from period to period"
    case "org-chart": return "The org chart, with the collaboration that crosses it"
    default: return "The network of the person through whom most routes run"
    }
  }

  func leftOutFootnote(_ name: String, minimum: Int) -> String { "\(name) (fewer than \(minimum) people) is left out." }
  func mergedFootnote(_ name: String, count: Int, minimum: Int) -> String {
    "\(name): \(count) departments of fewer than \(minimum) people, merged."
  }

  let methodsHeading = "Methods"
  let methods = MethodsWording(
    fromLog: "From log to network",
    weighting: { weighting in
      switch weighting {
      case .sharedProjects: return "Two people are tied when they worked on the same project; a tie’s weight is the number of projects they share."
      case .newman: return "Two people are tied when they worked on the same project; a tie’s weight is Newman’s collaboration weight, the sum of 1/(n − 1) over their shared projects of n people."
      case .hoursOverlap: return "Two people are tied when they worked on the same project; a tie’s weight is the hours they spent on the same projects, the smaller of the two on each."
      case .jaccard: return "Two people are tied when they worked on the same project; a tie’s weight is the Jaccard overlap of their projects."
      }
    },
    projects: "Projects: ",
    largeProjectsLeftOut: { "; projects of more than \($0) people left out" },
    lightTiesLeftOut: { "; ties lighter than \($0) left out" },
    from: "; from ", to: " to ",
    names: "Names",
    namesText: "Names of people, projects and departments that differ only in Unicode form (a precomposed “ë” or “e” with a combining diaeresis), in invisible characters or in spaces are read as one name (Unicode NFC; invisible and control characters removed).",
    rows: "Rows", rowsRead: " rows read, ", rowsUsed: " used", skipped: " skipped: ",
    firstAtLine: { " (first at line \($0))" },
    inMemory: "A network given in memory.",
    weights: "Weights",
    weightsText: { $0 ? "Tie weights are strengths: the shares inside and the modularity sum them; for shortest routes a tie’s length is 1/weight." : "Ties are counted, not weighed; shortest routes count steps." },
    verdict: "Verdict",
    margin: "Margin",
    marginText: { replicates, unit, seed in
      unit == .ties
        ? "A bootstrap over ties (the input has no projects): the ties are drawn again with replacement \(replicates) times (seed \(seed)) and the shares recomputed; the margin runs from the 2.5th to the 97.5th percentile (Efron and Tibshirani 1993, ch. 13). A verdict whose margin spans two bands names both."
        : "A bootstrap over projects, the units that create ties: the projects are drawn again with replacement \(replicates) times (seed \(seed)) and the shares recomputed; the margin runs from the 2.5th to the 97.5th percentile (Efron and Tibshirani 1993, ch. 13). A verdict whose margin spans two bands names both."
    },
    eiIndex: "E-I index",
    eiText: { permutations, seed in
      "Krackhardt and Stern (1988), per tie: (ties outside − ties inside) / all ties; each tie counts once, outside when its ends are in different departments. The share inside is (1 − E-I)/2. Expected value and p from \(permutations) random relabellings of people over departments (sizes kept), seed \(seed); p is one-sided, (1 + as extreme) / (1 + relabellings)."
    },
    betweenness: "Betweenness",
    betweennessText: { exact, sources, seed, limit in
      "Brandes (2001), normalized by the number of pairs of other people; "
        + (exact ? "exact (every source)." : "estimated from \(sources) random sources (seed \(seed)) because the organization has more than \(limit) people.")
        + " Equal path lengths are compared exactly."
    },
    kadabraText: { samples, k, epsilon, probability, seed, limit in
      "Brandes (2001), normalized by the number of pairs of other people; estimated with KADABRA (Borassi and Natale 2016) "
        + "because the organization has more than \(limit) people: \(samples) shortest routes between random pairs of people (seed \(seed)), "
        + "drawn until the top \(k) could be told apart or every share was known within ±\(epsilon), "
        + "so that with a probability of \(probability) every true share lies within the range shown. Equal path lengths are compared exactly."
    },
    brokers: "Bridge people",
    brokersText: "Constraint and effective size after Burt (1992); brokerage roles after Gould and Fernandez (1989) with z-scores as R's sna; dependence by removing each top bridge person and recounting ties and reach between departments.",
    communities: "Groups (communities)",
    communitiesText: { resolution, seed in
      "Leiden (Traag, Waltman and van Eck 2019) on modularity, resolution \(resolution), seed \(seed); compared with the departments by normalized mutual information (arithmetic normalization), adjusted Rand (Hubert and Arabie 1985) and variation of information."
    },
    privacy: "Privacy",
    privacyText: { p in EnglishWording.privacy(p) },
    diagrams: "Diagrams",
    diagramsText: { "Graphviz \($0): department boxes laid out with neato inside each department and to arrange them (repeatable for a seed); circle area by betweenness; above 2,000 people the person-level diagrams are replaced by the department map." })

  static func privacy(_ p: ReportDocument.Privacy) -> String {
    var out = p.pseudonymized
      ? "Every name is replaced by a keyed pseudonym (HMAC-SHA-256 with a key that is not stored in the report); managers by their pseudonyms. "
      : "Names are shown as in the input. "
    if p.pseudonymized { out += p.rolesKept ? "Roles are kept, as asked. " : "Roles are left out: a role held by one person names them. " }
    out += "Departments with fewer than \(p.minimumGroupSize) people "
    if p.mergedDepartmentCount == 0 {
      out += "would be merged; there were none."
    } else if p.suppressed {
      out += "are merged into one group (\(p.mergedDepartmentCount == 1 ? "1 department" : "\(p.mergedDepartmentCount) departments")). "
      out += "That group is itself smaller than \(p.minimumGroupSize) people, so it and its people are left out of every table, list, file and diagram that shows departments or people; they count in the totals."
    } else {
      out += "are merged into “\(p.mergedInto ?? "")”: \(p.mergedDepartments.map { "\($0.name) (\($0.people))" }.joined(separator: ", "))."
    }
    return out
  }

  let csvHeaders = [
    "id": "Person", "department": "Department", "manager": "Manager", "unit_path": "Unit", "community": "Group", "degree": "Contacts", "strength": "Tie weight",
    "betweenness": "Betweenness", "constraint": "Constraint", "effective_size": "Effective size", "brokerage_role": "Brokerage role",
    "articulation_point": "Cut point", "people": "People", "ties_inside": "Ties inside", "ties_across": "Ties outside",
    "share_inside": "Share inside", "ei_index": "E-I", "ei_expected": "E-I by chance", "ei_p_value": "p",
    "internal_density": "Density inside", "modularity_contribution": "Modularity contribution", "verdict": "Verdict",
    "ei_ci_low": "E-I margin low", "ei_ci_high": "E-I margin high",
  ]
  let yes = "yes"
  let no = "no"

  let glossaryHeading = "Glossary"
  let glossary: [(term: String, meaning: String)] = [
    ("Share inside", "Of all the collaboration of a department’s people, the part that is with colleagues of the same department (ties or their weight)."),
    ("E-I index", "Ties outside minus ties inside, divided by all ties: −1 when everything stays inside, +1 when everything goes outside (Krackhardt and Stern 1988)."),
    ("Verdict", "Silo, inward, balanced or open, read from the share inside by the rule under the table."),
    ("Margin", "The range within which the share inside lies in 95 of 100 resamplings of the data: how firm the number is."),
    ("E-I by chance", "The E-I a department would have if people were assigned to departments at random, keeping the department sizes."),
    ("p", "How often random assignment gives an E-I as low as the real one; small means the department matters for who works with whom."),
    ("Modularity", "How much more the collaboration stays within the departments than random ties would (Newman); above 0.3 the departments clearly shape it."),
    ("Betweenness", "The share of shortest routes between two colleagues that pass through a person (Brandes 2001)."),
    ("Constraint", "Burt’s measure of how much a person’s contacts are tied to each other; low means the person bridges otherwise separate people."),
    ("Brokerage roles", "Gould and Fernandez’s five roles of a person between two others: coordinator (all in one department), itinerant, gatekeeper, representative and liaison (the three in different departments)."),
    ("Group (community)", "People who work more with each other than with the rest, found by the Leiden method without looking at the org chart."),
    ("Agreement (NMI, adjusted Rand)", "How closely the groups follow the departments: 1 the same grouping, 0 unrelated."),
  ]
  let warningsHeading = "Warnings"
  func wrote(folder: String, moreFiles: Int, people: Int, departments: Int, ties: Int) -> String {
    func counted(_ n: Int, _ one: String, _ many: String) -> String { "\(numbers.integer(n)) \(n == 1 ? one : many)" }
    return "wrote \(folder)/report.html and \(moreFiles) more files: \(counted(people, "person", "people")), "
      + "\(counted(departments, "department", "departments")), \(counted(ties, "tie", "ties"))"
  }

  func footer(generator: String, date: String) -> String { "Made with SiloScope (\(generator)) on \(date)." }
  let dataPathNote = " Every number on this page is in report.json at the path in its data-path attribute."
}
