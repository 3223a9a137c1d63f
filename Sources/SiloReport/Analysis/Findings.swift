import SiloGraph
import SiloMetrics

/// The key findings: what a consultant says first, each sentence resting on numbers that
/// are in `report.json` at the paths the parts name, in the report's language.
///
/// What is said (the words are the language's ``ReportWording``):
/// - the organization: its share of collaboration inside departments, with the bootstrap
///   margin, and its verdict (SiloMetrics' `SiloVerdict`, the same rule as the scorecard);
/// - silos: every department whose verdict is `silo`, most closed first (the first six
///   named, then how many more); when there is none, the most closed departments against the
///   organization's median, so "the most closed departments" is always answered;
/// - the most open department, when its verdict is `open`;
/// - reliance on bridge people: the betweenness of the top three;
/// - dependence: department pairs that lose every direct tie, people cut off and reach lost
///   without the top bridge person, each clause only when it is not zero;
/// - people whose ties all stay inside their department;
/// - groups (communities) against departments, the largest group that joins several
///   departments, and the department split over the most groups.
enum Findings {
  typealias Part = Finding.Part

  /// The most silos named in the finding before "and N more".
  static let namedSilos = 6

  static func make(
    silos: SilosDocument, communities: CommunitiesDocument, brokers: BrokersDocument, trend: TrendDocument? = nil,
    teams: TeamsDocument? = nil, hierarchy: HierarchyDocument? = nil, focused: Bool = false, language: ReportLanguage = .en
  ) -> [Finding] {
    let w = language.wording
    var findings: [Finding] = []
    if let finding = organization(silos, w) { findings.append(finding) }
    findings += departments(silos, w, focused: focused)
    if let finding = open(silos, w) { findings.append(finding) }
    if let teams, let finding = self.teams(teams, language) { findings.append(finding) }
    if let finding = brokerReliance(brokers, w) { findings.append(finding) }
    if let finding = brokerDependence(brokers, w) { findings.append(finding) }
    if let finding = isolated(silos, w) { findings.append(finding) }
    if let hierarchy, let finding = self.hierarchy(hierarchy, language) { findings.append(finding) }
    findings += self.communities(communities, w)
    if let trend, let finding = change(trend, w) { findings.append(finding) }
    return findings
  }

  /// The advisor's teams: how many department pairs without any tie they would leave; none
  /// when they would not change that number.
  static func teams(_ teams: TeamsDocument, _ language: ReportLanguage) -> Finding? {
    let before = teams.before.untiedPairs, after = teams.after.untiedPairs, n = language.numbers
    guard after < before, let size = teams.request?.size else { return nil }
    return Finding(
      kind: "teams",
      parts: language.teamsWording.finding(
        teams: teams.teams.count, size: size,
        before: .number(Double(before), at: "teams.before.untied_pairs", shown: n.integer(before)),
        after: .number(Double(after), at: "teams.after.untied_pairs", shown: n.integer(after))))
  }

  /// The org chart against the collaboration: the shares along reporting lines and within
  /// teams, and the units side by side that never work together (when there are such pairs).
  static func hierarchy(_ h: HierarchyDocument, _ language: ReportLanguage) -> Finding? {
    let o = h.organization, n = language.numbers
    guard let along = o.shareAlongReportingLines, let within = o.shareWithinTeams else { return nil }
    let untied: Part? = o.siblingUnitPairs > 0
      ? .number(Double(o.untiedSiblingUnitPairs), at: "hierarchy.organization.untied_sibling_unit_pairs", shown: n.integer(o.untiedSiblingUnitPairs))
      : nil
    return Finding(
      kind: "hierarchy",
      parts: language.hierarchyWording.finding(
        along: .number(along, at: "hierarchy.organization.share_along_reporting_lines", shown: n.percent(along)),
        within: .number(within, at: "hierarchy.organization.share_within_teams", shown: n.percent(within)),
        untied: untied, pairs: o.siblingUnitPairs))
  }

  /// The most departments named in the change finding before "and N more".
  static let namedChanges = 3

  /// Change over time: the organization and the departments that opened up or closed up
  /// beyond the uncertainty between the first and the last period (SiloMetrics'
  /// `ChangeDirection`), largest change first; or that none did.
  static func change(_ trend: TrendDocument, _ w: any ReportWording) -> Finding? {
    guard let change = trend.change else { return nil }
    let from = w.periodLabel(change.from), to = w.periodLabel(change.to)
    func described(_ c: ChangePart, _ base: String) -> ChangeWords? {
      guard let direction = c.direction, direction != .unclear, let before = c.before?.shareInside, let after = c.after?.shareInside
      else { return nil }
      return ChangeWords(
        name: c.name, direction: direction,
        before: .number(before, at: "\(base).before.share_inside", shown: w.numbers.percent(before)),
        after: .number(after, at: "\(base).after.share_inside", shown: w.numbers.percent(after)))
    }
    let organization = described(change.organization, "trend.change.organization")
    let departments = change.groups.indices
      .filter { change.groups[$0].direction == .opened || change.groups[$0].direction == .closed }
      .sorted { (-abs(change.groups[$0].shareInsideChange ?? 0), $0) < (-abs(change.groups[$1].shareInsideChange ?? 0), $1) }
    let named = departments.prefix(namedChanges).compactMap { described(change.groups[$0], "trend.change.groups[\($0)]") }
    return Finding(
      kind: "change",
      parts: w.findingChange(organization: organization, departments: named, more: departments.count - named.count, from: from, to: to))
  }

  static func organization(_ silos: SilosDocument, _ w: any ReportWording) -> Finding? {
    let g = silos.graph
    guard let inside = g.shareInside else { return nil }
    let share = Part.number(inside, at: "silos.graph.share_inside", shown: w.numbers.percent(inside))
    return Finding(kind: "organization", parts: w.findingOrganization(share: share, margin: margin(g.shareInsideCiLow, g.shareInsideCiHigh, "silos.graph", w), verdict: g.verdict))
  }

  /// The margin of a share inside as "94–97%": each end a number with its path; one
  /// number when both ends round to the same percentage.
  static func margin(_ low: Double?, _ high: Double?, _ base: String, _ w: any ReportWording) -> [Part]? {
    guard let low, let high else { return nil }
    let a = w.numbers.percent(low), b = w.numbers.percent(high)
    let highPart = Part.number(high, at: "\(base).share_inside_ci_high", shown: b)
    if a == b { return [highPart] }
    return [.number(low, at: "\(base).share_inside_ci_low", shown: a.replacing("%", with: "")), .text("–"), highPart]
  }

  static func departments(_ silos: SilosDocument, _ w: any ReportWording, focused: Bool = false) -> [Finding] {
    let ranked = silos.groups.indices.filter { silos.groups[$0].closedRank != nil }
      .sorted { silos.groups[$0].closedRank! < silos.groups[$1].closedRank! }
    func share(_ i: Int) -> Part {
      let inside = silos.groups[i].shareInside ?? .nan
      return .number(inside, at: "silos.groups[\(i)].share_inside", shown: w.numbers.percent(inside))
    }
    let siloIndices = ranked.filter { silos.groups[$0].verdict == .silo }
    if !siloIndices.isEmpty {
      let named = siloIndices.prefix(namedSilos).map { (name: silos.groups[$0].name, share: share($0), range: silos.groups[$0].verdictRange) }
      return [Finding(kind: "silo", parts: w.findingSilos(named, more: siloIndices.count - named.count, departments: silos.groups.count, inView: focused))]
    }
    guard !silos.groups.isEmpty else { return [] }
    // The two most closed, as far as they keep more inside than the department in the middle.
    let middle = silos.graph.medianShareInside ?? -1
    let closed = ranked.prefix(2).filter { (silos.groups[$0].shareInside ?? -1) > middle + 1e-12 }
      .map { (name: silos.groups[$0].name, share: share($0)) }
    let median = silos.graph.medianShareInside.map {
      Part.number($0, at: "silos.graph.median_share_inside", shown: w.numbers.percent($0))
    }
    return [Finding(kind: "no-silo", parts: w.findingNoSilo(mostClosed: closed, median: median))]
  }

  static func open(_ silos: SilosDocument, _ w: any ReportWording) -> Finding? {
    let open = silos.groups.indices.filter { silos.groups[$0].verdict == .open }
    guard let i = open.max(by: { silos.groups[$0].closedRank! < silos.groups[$1].closedRank! }),
      let inside = silos.groups[i].shareInside
    else { return nil }
    let share = Part.number(inside, at: "silos.groups[\(i)].share_inside", shown: w.numbers.percent(inside))
    return Finding(kind: "open", parts: w.findingOpen(name: silos.groups[i].name, share: share))
  }

  static func brokerReliance(_ brokers: BrokersDocument, _ w: any ReportWording) -> Finding? {
    let top = brokers.brokers.prefix(3).enumerated().filter { ($0.element.betweenness ?? 0) > 0 }
    guard !top.isEmpty else { return nil }
    // An estimate is shown as the broker table shows it, with a decimal below 10%.
    let estimated = brokers.graph.betweennessMethod != .exact
    let people = top.map { rank, broker in
      let shown = estimated ? w.numbers.finePercent(broker.betweenness!) : w.numbers.percent(broker.betweenness!)
      return (person: broker.id, department: broker.group,
        share: Part.number(broker.betweenness!, at: "brokers.brokers[\(rank)].betweenness", shown: shown))
    }
    return Finding(kind: "broker-reliance", parts: w.findingBrokerReliance(people, estimated: estimated))
  }

  static func brokerDependence(_ brokers: BrokersDocument, _ w: any ReportWording) -> Finding? {
    guard let first = brokers.brokers.first else { return nil }
    let pairs = first.pairsLosingAllTies
    let cutOff = first.peopleCutOff > 0
      ? Part.number(Double(first.peopleCutOff), at: "brokers.brokers[0].people_cut_off", shown: w.numbers.integer(first.peopleCutOff)) : nil
    let reach = first.crossDepartmentReachLost
    // "<1%" is still a loss; a share that is 0 is left out of the sentence.
    let reachLost = reach > 0
      ? Part.number(reach, at: "brokers.brokers[0].cross_department_reach_lost", shown: w.numbers.percent(reach)) : nil
    guard !pairs.isEmpty || cutOff != nil || reachLost != nil else { return nil }
    return Finding(kind: "broker-dependence", parts: w.findingBrokerDependence(
      person: first.id, pairs: pairs.prefix(3).map { $0.joined(separator: " – ") }, pairCount: pairs.count,
      cutOff: cutOff, reachLost: reachLost))
  }

  static func isolated(_ silos: SilosDocument, _ w: any ReportWording) -> Finding? {
    let g = silos.graph
    let inside = g.nodes - g.peopleWithOutsideTie - g.peopleWithoutTies
    guard g.nodes > 0, inside > 0 else { return nil }
    let without = g.peopleWithoutTies > 0
      ? Part.number(Double(g.peopleWithoutTies), at: "silos.graph.people_without_ties", shown: w.numbers.integer(g.peopleWithoutTies)) : nil
    // The people with ties inside only are the difference of the numbers above: text, not a path.
    return Finding(kind: "isolated", parts: w.findingIsolated(
      withOutsideTie: .number(Double(g.peopleWithOutsideTie), at: "silos.graph.people_with_outside_tie", shown: w.numbers.integer(g.peopleWithOutsideTie)),
      people: .number(Double(g.nodes), at: "silos.graph.nodes", shown: w.numbers.integer(g.nodes)),
      insideOnly: .text(w.numbers.integer(inside)), withoutTies: without))
  }

  static func communities(_ c: CommunitiesDocument, _ w: any ReportWording) -> [Finding] {
    guard let comparison = c.comparison else { return [] }
    var findings: [Finding] = []
    let count = Part.number(Double(c.communities.count), at: "communities.communities.count", shown: w.numbers.integer(c.communities.count))
    let agreement = comparison.nmi.map { Part.number($0, at: "communities.comparison.nmi", shown: w.numbers.fixed($0, 2)) }
    let level = (comparison.nmi ?? 0) >= 0.7 ? 2 : (comparison.nmi ?? 0) >= 0.4 ? 1 : 0
    findings.append(Finding(kind: "communities", parts: w.findingCommunities(count: count, agreement: agreement, level: level)))
    if let (index, merge) = comparison.merges.enumerated().max(by: {
      ($0.element.departments.reduce(0) { $0 + $1.people }, -$0.offset) < ($1.element.departments.reduce(0) { $0 + $1.people }, -$1.offset)
    }), merge.departments.count >= 2 {
      let departments = merge.departments.prefix(3).enumerated().map { j, share in
        (name: share.name, share: Part.number(share.share, at: "communities.comparison.merges[\(index)].departments[\(j)].share", shown: w.numbers.percent(share.share)))
      }
      findings.append(Finding(kind: "community-merge", parts: w.findingMerge(community: merge.community + 1, departments: departments)))
    }
    if let (index, split) = comparison.splits.enumerated().max(by: {
      ($0.element.communities.count, -$0.offset) < ($1.element.communities.count, -$1.offset)
    }), split.communities.count >= 2 {
      findings.append(Finding(kind: "community-split", parts: splitParts(index, split, w)))
    }
    return findings
  }

  /// The three largest parts of a split department; the rest as one share over the other groups.
  static func splitParts(_ index: Int, _ split: CommunitiesDocument.ComparisonPart.Split, _ w: any ReportWording) -> [Part] {
    let shown = split.communities.prefix(3).enumerated().map { j, share in
      (community: share.name,
       share: Part.number(share.share, at: "communities.comparison.splits[\(index)].communities[\(j)].share", shown: w.numbers.percent(share.share)))
    }
    let others = split.communities.dropFirst(3)
    let rest = others.reduce(0) { $0 + $1.share }
    // The rest is not a number of report.json: it is shown as text, summed from the parts there.
    let restPart = others.isEmpty ? nil : Part.text(w.numbers.percent(rest))
    return w.findingSplit(department: split.department, groups: split.communities.count, shares: shown, rest: restPart, restGroups: others.count)
  }
}
