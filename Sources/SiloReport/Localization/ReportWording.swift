import SiloGraph
import SiloIngest
import SiloMetrics

/// One language's words for the report. Sentences that carry numbers are built from
/// ``Finding/Part`` values, so that every number keeps the JSON path it comes from and each
/// language can put it where its word order wants it.
///
/// Kept apart from the code that decides *what* to say (`Findings`, ``HTMLReport``): the
/// catalogs decide only *how*. The readers' messages (why rows were skipped, warnings) are
/// worded through ``SummaryMessageWording``, whose English defaults are the library's words.
public protocol ReportWording: SummaryMessageWording {
  typealias Part = Finding.Part

  var numbers: NumberStyle { get }

  // MARK: Words and lists

  /// "A, B and C".
  func list(_ items: [[Part]]) -> [Part]
  /// The verdict as a word for a table cell ("silo", "inward", …).
  func verdict(_ verdict: SiloVerdict) -> String
  /// The verdict's ratio in words ("more than five ties inside for every tie outside").
  func verdictMeaning(_ verdict: SiloVerdict) -> String
  /// "silo or inward".
  func verdictRange(_ verdicts: [SiloVerdict]) -> String
  /// A date: "5 December 2026".
  func date(year: Int, month: Int, day: Int) -> String

  // MARK: Findings

  func findingOrganization(share: Part, margin: [Part]?, verdict: SiloVerdict?) -> [Part]
  /// Departments that are silos: name, share inside, and the verdicts the margin spans when more than one.
  /// `inView`: the departments counted are those a focused report shows (`--focus`).
  func findingSilos(_ silos: [(name: String, share: Part, range: [SiloVerdict])], more: Int, departments: Int, inView: Bool) -> [Part]
  func findingNoSilo(mostClosed: [(name: String, share: Part)], median: Part?) -> [Part]
  func findingOpen(name: String, share: Part) -> [Part]
  func findingBrokerReliance(_ brokers: [(person: String, department: String?, share: Part)], estimated: Bool) -> [Part]
  func findingBrokerDependence(person: String, pairs: [String], pairCount: Int, cutOff: Part?, reachLost: Part?) -> [Part]
  func findingIsolated(withOutsideTie: Part, people: Part, insideOnly: Part, withoutTies: Part?) -> [Part]
  func findingCommunities(count: Part, agreement: Part?, level: Int) -> [Part]
  /// The change finding: the organization and departments that opened up or closed up beyond
  /// the uncertainty between `from` and `to` (period labels as ``periodLabel(_:)`` words
  /// them), or that none did.
  func findingChange(organization: ChangeWords?, departments: [ChangeWords], more: Int, from: String, to: String) -> [Part]
  /// A period's label for readers: `2025-Q1` → "Q1 2025" / "K1 2025", `2025-03` → "Mar 2025"
  /// / "mrt 2025"; years and rolling windows' first days (ISO dates) as dates.
  func periodLabel(_ label: String) -> String
  /// Months as period labels abbreviate them ("Mar", "mrt"), January first.
  var monthAbbreviations: [String] { get }
  /// The letter before a quarter's number: "Q" / "K" (kwartaal).
  var quarterLetter: String { get }
  func findingMerge(community: Int, departments: [(name: String, share: Part)]) -> [Part]
  func findingSplit(department: String, groups: Int, shares: [(community: String, share: Part)], rest: Part?, restGroups: Int) -> [Part]

  // MARK: Page

  var defaultHeading: String { get }
  var titleSuffix: String { get }
  func subtitle(people: Part, departments: Part, ties: Part, from: String?, to: String?) -> [Part]
  func reportDate(_ date: String) -> String
  var pseudonymNotice: String { get }
  /// The header's note on a report kept to one unit (`--focus`).
  func focusNotice(_ unit: String) -> String
  var keyFindings: String { get }
  /// `@page` footer: text before the page number and between it and the page count.
  var pageWord: String { get }
  var pageOf: String { get }

  var scorecardHeading: String { get }
  var scorecardIntro: String { get }
  var scorecardColumns: ScorecardColumns { get }
  func scorecardNote(modularity: Part?, median: Part?, confidence: Int?, replicates: Int?, unit: EIBootstrap.Unit?) -> [Part]
  func verdictRule() -> String

  var brokersHeading: String { get }
  func brokersIntro(sampled: String?, hops: Bool) -> String
  /// What an estimate of the top brokers guarantees (KADABRA): the probability that every
  /// exact score lies in its range, and what the marks ≈ (order with the next not certain)
  /// and ? (may not belong in the top k, `contenders` others may) mean; only the marks used.
  func brokersGuarantee(probability: String, k: Int, settled: Bool, orderMarked: Bool, membershipMarked: Bool, contenders: Int) -> String
  var brokerColumns: BrokerColumns { get }
  func connects(own: String?, others: [String], count: Int) -> String
  var noDependence: String { get }
  var none: String { get }

  var communitiesHeading: String { get }
  func communitiesIntro(count: Part, agreement: Part?) -> [Part]
  var mergesHeading: String { get }
  var splitsHeading: String { get }
  func group(_ community: String) -> String

  var trendHeading: String { get }
  /// The section's first paragraph: how many periods of which kind, from when to when.
  func trendIntro(periods: Int, kind: String, from: String, to: String) -> String
  var trendColumns: TrendColumns { get }
  /// The line chart's title, y axis and silo line.
  var trendChartTitle: String { get }
  var trendChartAxis: String { get }
  var siloLineLabel: String { get }
  /// The second line chart's title and y axis: people with a tie outside.
  var outsideChartTitle: String { get }
  var outsideChartAxis: String { get }
  /// The row of the whole organization in tables.
  var organizationWord: String { get }
  /// "to" between the ends of a margin.
  var toWord: String { get }
  /// A change of a share in percentage points, with its sign: "−18 pts" / "−18 %-punt".
  func points(_ change: Double) -> String
  /// The unit of ``points(_:)``, for the end of a range: "pts" / "%-punt".
  var pointsUnit: String { get }
  /// "opened up", "closed up", "no clear change".
  func changeWord(_ direction: ChangeDirection) -> String
  /// The rule that turns a change into those words.
  func changeRule(replicates: Int) -> String
  /// The communities' events in one sentence.
  func trendCommunities(first: Int, last: Int, continued: Int, merges: Int, splits: Int, births: Int, deaths: Int) -> String
  var diagramsHeading: String { get }
  var diagramsIntro: String { get }
  func figure(_ number: Int) -> String
  func caption(_ view: String) -> String
  /// The department map's footnote for a merged group that privacy leaves out.
  func leftOutFootnote(_ name: String, minimum: Int) -> String
  /// The department map's footnote for departments merged into one group.
  func mergedFootnote(_ name: String, count: Int, minimum: Int) -> String

  var methodsHeading: String { get }
  var methods: MethodsWording { get }
  var glossaryHeading: String { get }
  var glossary: [(term: String, meaning: String)] { get }
  var warningsHeading: String { get }
  /// Column headings of the report's CSV files for Excel (`--csv excel-nl`), by the
  /// snake_case key the standard files use; "yes" and "no" as cell values.
  var csvHeaders: [String: String] { get }
  var yes: String { get }
  var no: String { get }
  /// The command line's summary after `analyze`: the folder, the files, the counts.
  func wrote(folder: String, moreFiles: Int, people: Int, departments: Int, ties: Int) -> String
  func footer(generator: String, date: String) -> String
  var dataPathNote: String { get }
}

/// Column headings of the scorecard.
public struct ScorecardColumns: Sendable {
  public var department, people, inside, margin, verdict, tiesInside, tiesAcross, ei, chance, partners: String
}

/// Column headings of the change table.
public struct TrendColumns: Sendable {
  public var department, first, last, change, margin, verdict: String
}

/// Column headings of the broker table.
public struct BrokerColumns: Sendable {
  public var rank, person, department, routes, connects, pairsLost, cutOff, reachLost: String
}

/// The methods section's sentences.
public struct MethodsWording: Sendable {
  public var fromLog: String
  public var weighting: @Sendable (AffiliationWeighting) -> String
  public var projects: String
  public var largeProjectsLeftOut: @Sendable (Int) -> String
  public var lightTiesLeftOut: @Sendable (String) -> String
  public var from: String
  public var to: String
  public var names: String
  public var namesText: String
  public var rows: String
  public var rowsRead: String
  public var rowsUsed: String
  public var skipped: String
  public var firstAtLine: @Sendable (Int) -> String
  public var inMemory: String
  public var weights: String
  public var weightsText: @Sendable (Bool) -> String
  public var verdict: String
  public var margin: String
  public var marginText: @Sendable (_ replicates: Int, _ unit: EIBootstrap.Unit, _ seed: UInt64) -> String
  public var eiIndex: String
  public var eiText: @Sendable (_ permutations: Int, _ seed: UInt64) -> String
  public var betweenness: String
  public var betweennessText: @Sendable (_ exact: Bool, _ sources: Int, _ seed: UInt64, _ limit: String) -> String
  /// Betweenness estimated by KADABRA above the exact limit.
  public var kadabraText: @Sendable (_ samples: String, _ k: Int, _ epsilon: String, _ probability: String, _ seed: UInt64, _ limit: String) -> String
  public var brokers: String
  public var brokersText: String
  public var communities: String
  public var communitiesText: @Sendable (_ resolution: String, _ seed: UInt64) -> String
  public var privacy: String
  public var privacyText: @Sendable (ReportDocument.Privacy) -> String
  public var diagrams: String
  public var diagramsText: @Sendable (_ graphviz: String) -> String
}

/// One department (or the organization, without a name) that opened up or closed up, for
/// ``ReportWording/findingChange(organization:departments:more:from:to:)``.
public struct ChangeWords: Sendable {
  /// The department; `nil` for the organization.
  public var name: String?
  public var direction: ChangeDirection
  /// The share of ties inside in the first and the last period.
  public var before: Finding.Part
  public var after: Finding.Part
}

extension ReportWording {
  func points(_ change: Double) -> String {
    guard change.isFinite else { return "—" }
    return signedPoints(change) + " " + pointsUnit
  }

  /// A change in whole percentage points with its sign and no unit: "+18", "−4", "0".
  func signedPoints(_ change: Double) -> String {
    let p = Int((change * 100).rounded())
    return (p > 0 ? "+" : p < 0 ? "−" : "") + "\(abs(p))"
  }

  func periodLabel(_ label: String) -> String {
    guard let p = periodParts(label) else { return label }
    if let quarter = p.quarter { return "\(quarterLetter)\(quarter) \(p.year)" }
    guard let month = p.month, (1 ... 12).contains(month) else { return "\(p.year)" }
    let monthYear = "\(monthAbbreviations[month - 1]) \(p.year)"
    return p.day.map { "\($0) \(monthYear)" } ?? monthYear
  }

  /// The calendar parts of a period label (`2025`, `2025-Q1`, `2025-03`, `2025-03-15`), or
  /// `nil` for another text.
  func periodParts(_ label: String) -> (year: Int, quarter: Int?, month: Int?, day: Int?)? {
    let parts = label.split(separator: "-")
    guard let year = parts.first.flatMap({ Int($0) }), parts[0].count == 4 else { return nil }
    switch parts.count {
    case 1: return (year, nil, nil, nil)
    case 2 where parts[1].hasPrefix("Q"): return Int(parts[1].dropFirst()).map { (year, $0, nil, nil) }
    case 2: return Int(parts[1]).map { (year, nil, $0, nil) }
    case 3: return Int(parts[1]).flatMap { m in Int(parts[2]).map { (year, nil, m, $0) } }
    default: return nil
    }
  }
}
