import Foundation
import SiloDesign
import SiloGraph
import SiloIngest
import SiloMetrics
import SiloRender

/// Everything ``SiloAnalysis`` found, as values.
public struct AnalysisResult: Sendable {
  /// The network analysed: pseudonymized when asked, small departments merged.
  public var network: Network
  /// Whether each person may appear in person-level outputs (people.csv, network.graphml,
  /// the per-person lists of the JSON, the person diagrams): `false` for the members of a
  /// group that privacy suppresses (``SmallDepartments/suppressed``). Every measure and total
  /// includes them.
  public var personLevel: [Bool]
  /// Input, rows, projection and department head counts.
  public var summary: NetworkSummary
  /// Whether every person's id was replaced by a pseudonym.
  public var pseudonymized: Bool
  /// Which departments were merged for privacy.
  public var smallDepartments: SmallDepartments
  public var scorecard: SiloScorecard
  /// The JSON of the scorecard, as `siloscope silos --format json` writes it.
  public var silos: SilosDocument
  public var detection: CommunityDetection
  /// The JSON of the communities, as `siloscope communities --format json` writes it.
  public var communities: CommunitiesDocument
  public var brokers: BrokerAnalysis
  /// The JSON of the brokers, as `siloscope brokers --format json` writes it.
  public var brokersDocument: BrokersDocument
  /// The organization period by period, for a dated log that spans at least two periods
  /// (``SiloAnalysis/Options/trend``); `nil` otherwise.
  public var trend: TrendDocument?
  /// The figures of the "Change over time" section (empty without a trend or diagrams).
  public var trendFigures: [TrendFigure] = []
  /// The teams that would open the silos, measured before and after (a log, unless
  /// ``SiloAnalysis/Options/teams`` is `nil`).
  public var teams: TeamsDocument?
  /// Why no teams are proposed when the advisor could not meet its request.
  public var teamsUnavailable: TeamError?
  /// The org chart against the collaboration, when the input names managers
  /// (``SiloAnalysis/Options/reportingLines``).
  public var hierarchy: HierarchyDocument?
  /// Every level of the organization measured as a whole, when the input has levels.
  public var levels: [LevelPart]?
  /// The key findings in plain language, most important first.
  public var findings: [Finding]
  /// The diagrams, drawn.
  public var diagrams: [DrawnDiagram]
  /// The settings used, for the methods section.
  public var options: Settings
  /// Seconds the analysis took.
  public var elapsed: Double

  /// The network of the people who may appear in person-level outputs (``personLevel``), with
  /// the ties among them: the whole network unless privacy suppresses a group.
  /// A manager who is left out is not named either: the `manager` values that point at them
  /// are cleared.
  ///
  /// Under pseudonyms, a unit of the organization's levels with fewer people than the minimum
  /// group size is not named (its level's value is cleared, and the unit path ends above it):
  /// a unit of one or two people would tell whose pseudonym is whose.
  public var personLevelNetwork: Network {
    var shown = network.keeping(personLevel).network
    if pseudonymized { shown.nodes = clearingSmallUnits(shown.nodes, keep: personLevel) }
    guard personLevel.contains(false) else { return shown }
    if let managers = shown.nodes.attributeColumn(NodeAttribute.manager) {
      shown.nodes.setAttributeColumn(
        NodeAttribute.manager,
        managers.map { value in
          guard let value, let node = network.nodes.node(withID: value) else { return value }
          return personLevel[node.index] ? value : nil
        })
    }
    return shown
  }

  /// `table` (the people `keep` marks) with the units of every level smaller than the minimum
  /// group size cleared, counted over everybody; the unit path cut above the first such unit.
  private func clearingSmallUnits(_ table: NodeTable, keep: [Bool]) -> NodeTable {
    guard let levels = summary.grouping?.levels, !levels.isEmpty else { return table }
    let minimum = smallDepartments.minimumSize
    var table = table
    var small = [[Bool]](repeating: [], count: levels.count)
    for (i, level) in levels.enumerated() {
      guard let whole = network.nodes.attributeColumn(level.attribute) else { continue }
      var sizes: [String: Int] = [:]
      for case let unit? in whole { sizes[unit, default: 0] += 1 }
      small[i] = whole.indices.filter { keep[$0] }.map { whole[$0].map { sizes[$0]! < minimum } ?? false }
      table.setAttributeColumn(level.attribute, zip(table.attributeColumn(level.attribute)!, small[i]).map { $1 ? nil : $0 })
    }
    guard let paths = table.attributeColumn(UnitLevels.pathAttribute) else { return table }
    // The path's parts are the levels' parts in order: keep those above the first small unit.
    // (A part that holds the separator itself splits into more parts, so fewer levels are
    // kept: never more.)
    let separator = summary.grouping?.separator ?? " / "
    table.setAttributeColumn(UnitLevels.pathAttribute, paths.enumerated().map { person, path in
      guard let path else { return nil }
      let depth = small.firstIndex { $0.indices.contains(person) && $0[person] } ?? small.count
      let parts = path.components(separatedBy: separator).prefix(depth)
      return parts.isEmpty ? nil : parts.joined(separator: separator)
    })
    return table
  }

  /// A diagram and its SVG.
  public struct DrawnDiagram: Sendable {
    /// The file name in the report folder.
    public var file: String
    /// A one-line caption.
    public var caption: String
    public var view: DiagramView
    public var diagram: Diagram
    public var svg: [UInt8]
  }

  /// A figure of the "Change over time" section (a line chart or the communities' flow) and
  /// its SVG.
  public struct TrendFigure: Sendable {
    /// The file name in the report folder.
    public var file: String
    /// `trend` (the line chart) or `community-flow`.
    public var view: String
    public var title: String
    /// One sentence for readers who cannot see it.
    public var summary: String
    public var notes: [String]
    public var svg: [UInt8]
  }

  /// The settings of a run, as the report states them.
  public struct Settings: Sendable, Hashable, Codable {
    public var weighted: Bool
    public var seed: UInt64
    public var permutations: Int
    public var brokers: Int
    public var betweennessMethod: BrokerAnalysis.Method
    public var exactBetweennessLimit: Int
    public var sampledSources: Int
    /// The error ε and the probability δ of KADABRA above the exact limit.
    public var betweennessEpsilon: Double
    public var betweennessDelta: Double
    public var distance: String
    public var resolution: Double
    public var communityMethod: String
    public var minimumGroupSize: Int
    /// Whether roles were kept under pseudonyms (`--keep-role`).
    public var keepRole: Bool
    @Null public var heading: String?
    /// The language of the report and its findings (`en`, `nl`).
    public var language: ReportLanguage
    /// The date of the report (ISO 8601).
    public var reportDate: LogDate
    /// Whether `elapsed_seconds` is stated.
    public var recordsTiming: Bool
    /// The unit the report is kept to (``SiloAnalysis/Options/focus``), or `null`.
    @Null public var focus: String?

    init(_ options: SiloAnalysis.Options, method: BrokerAnalysis.Method) {
      weighted = options.weighted
      seed = options.seed
      permutations = options.permutations
      brokers = options.brokers
      betweennessMethod = method
      exactBetweennessLimit = options.exactBetweennessLimit
      sampledSources = options.sampledSources
      betweennessEpsilon = options.betweennessEpsilon
      betweennessDelta = options.betweennessDelta
      distance = options.weighted ? EdgeDistance.inverseWeight.rawValue : EdgeDistance.hops.rawValue
      resolution = options.resolution
      communityMethod = "leiden"
      minimumGroupSize = options.minimumGroupSize
      keepRole = options.keepRole
      focus = options.focus
      heading = options.heading
      language = options.language
      reportDate = options.reportDate ?? LogDate(dayNumber: Int32((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
      recordsTiming = options.recordsTiming
    }
  }
}

/// A finding in plain language, made of text and the numbers it rests on. Each number
/// names the place in `report.json` it comes from (``Part/path``), so that a reader (or a
/// test) can trace it.
public struct Finding: Sendable, Hashable, Codable {
  /// A stable identifier of the kind of finding: `organization`, `silo`, `no-silo`, `open`,
  /// `broker-reliance`, `broker-dependence`, `communities`, `community-merge`,
  /// `community-split`, `isolated`, `change`, `teams`.
  public var kind: String
  public var parts: [Part]

  /// Text, or a number with its JSON path and how it is shown.
  public struct Part: Sendable, Hashable, Codable {
    public var text: String
    /// The JSON path of the number in `report.json` (`silos.groups[2].ei_index`); `nil` for text.
    public var path: String?
    /// The number as stored at ``path``.
    public var value: Double?

    public static func text(_ text: String) -> Part { Part(text: text, path: nil, value: nil) }
    public static func number(_ value: Double, at path: String, shown: String) -> Part { Part(text: shown, path: path, value: value) }
  }

  /// The finding as one line of text.
  public var text: String { parts.map(\.text).joined() }

  enum CodingKeys: String, CodingKey { case kind, parts, text }

  public init(kind: String, parts: [Part]) {
    self.kind = kind
    self.parts = parts
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    kind = try container.decode(String.self, forKey: .kind)
    parts = try container.decode([Part].self, forKey: .parts)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(kind, forKey: .kind)
    try container.encode(text, forKey: .text)
    try container.encode(parts, forKey: .parts)
  }
}

/// `report.json`: every number of the report, under one versioned schema
/// (`Schemas/report.schema.json`). Keys are snake_case; undefined numbers are `null`.
///
/// - `input`: what `siloscope summary --format json` gives (rows read, used, skipped with
///   reasons; projection; departments);
/// - `privacy`: pseudonymized or not, the minimum group size, the departments merged and
///   whether the merged group was left out;
/// - `methods`: the settings;
/// - `findings`: the key findings, each with the JSON paths of its numbers;
/// - `silos`, `communities`, `brokers`: what `siloscope silos|communities|brokers
///   --format json` give for the same network and settings;
/// - `diagrams`: the SVG files written with the report.
public struct ReportDocument: Sendable, Encodable {
  /// Version 1 is the first; additions keep the version, renames or removals raise it.
  /// Version 2: the silo verdicts and their bootstrap margins, `elapsed_seconds` may be
  /// `null`, findings in the report's language.
  public var schemaVersion = 2
  public var generator = "siloscope 0.1.0"
  @Null public var heading: String?
  public var input: NetworkSummary
  public var privacy: Privacy
  public var methods: AnalysisResult.Settings
  public var findings: [Finding]
  public var silos: SilosDocument
  public var communities: CommunitiesDocument
  public var brokers: BrokersDocument
  /// What `siloscope trend --format json` gives for the report's periods; `null` for an
  /// input without dates over at least two periods.
  @Null public var trend: TrendDocument?
  /// What `siloscope teams --format json` gives for the report's settings; `null` for an edge
  /// list, without the section, or when no team meets the request.
  @Null public var teams: TeamsDocument?
  /// What `siloscope hierarchy --format json` gives; `null` when the input names no managers.
  @Null public var hierarchy: HierarchyDocument?
  /// Every level of the organization (top first) measured as a whole; `null` without levels
  /// (`--levels`, `--unit-separator`).
  @Null public var levels: [LevelPart]?
  public var diagrams: [DiagramEntry]
  /// Seconds the analysis took; `null` when the report must be reproducible
  /// (``AnalysisResult/Settings/recordsTiming``).
  @Null public var elapsedSeconds: Double?

  public struct Privacy: Sendable, Hashable, Codable {
    public var pseudonymized: Bool
    public var minimumGroupSize: Int
    /// The departments merged, with their head counts; empty when the merged group is
    /// suppressed, so that no small department is named with its head count.
    public var mergedDepartments: [SmallDepartments.Department]
    /// How many departments were merged (also when they are not listed).
    public var mergedDepartmentCount: Int
    /// Whether people's roles are in the outputs: always without pseudonyms, with them only on
    /// request (`--keep-role`).
    public var rolesKept: Bool
    @Null public var mergedInto: String?
    public var suppressed: Bool
  }

  public struct DiagramEntry: Sendable, Hashable, Codable {
    public var file: String
    public var view: String
    public var title: String
    public var notes: [String]
  }

  public init(_ result: AnalysisResult) {
    heading = result.options.heading
    input = result.summary
    let small = result.smallDepartments
    privacy = Privacy(
      pseudonymized: result.pseudonymized, minimumGroupSize: small.minimumSize,
      mergedDepartments: small.suppressed ? [] : small.merged, mergedDepartmentCount: small.merged.count,
      rolesKept: !result.pseudonymized || result.options.keepRole,
      mergedInto: small.mergedInto, suppressed: small.suppressed)
    methods = result.options
    findings = result.findings
    silos = result.silos
    communities = result.communities
    brokers = result.brokersDocument
    trend = result.trend
    teams = result.teams
    hierarchy = result.hierarchy
    levels = result.levels
    diagrams = result.trendFigures.map { DiagramEntry(file: $0.file, view: $0.view, title: $0.title, notes: $0.notes) }
      + result.diagrams.map { DiagramEntry(file: $0.file, view: $0.view.rawValue, title: $0.diagram.title, notes: $0.diagram.notes) }
    elapsedSeconds = result.options.recordsTiming ? (result.elapsed * 1000).rounded() / 1000 : nil
  }

  /// The JSON text: snake_case keys, sorted, pretty-printed, except that an element of an
  /// array that holds no array (a person, a department, a pair) takes one line, in compact
  /// form: a report of 100,000 people lists them in 100,000 lines, in a file of about two
  /// thirds the size it would have with every key on a line of its own. The readers'
  /// messages (why rows were skipped, warnings) are in `wording`, or in the library's English
  /// when `nil`.
  public func json(wording: (any InputMessageWording)? = nil) throws -> String {
    try Self.encoder(wording).text(self)
  }

  /// Writes the JSON text of ``json(wording:)`` into `out` while it is encoded, without
  /// holding it.
  public func writeJSON(to out: some ByteOutput, wording: (any InputMessageWording)? = nil) throws {
    try Self.encoder(wording).encode(self) { out.write(bytes: $0) }
  }

  static func encoder(_ wording: (any InputMessageWording)?) -> JSONStreamEncoder {
    var encoder = JSONStreamEncoder()
    encoder.compactArrayElements = true
    if let wording { encoder.userInfo[.inputMessageWording] = wording }
    return encoder
  }
}
