import SiloGraph
import SiloIngest
import SiloMetrics
import SiloRender

/// One level of the organization measured as a whole, for `report.json`'s `levels`: the
/// analysed level's numbers are the scorecard's; the others are measured the same way
/// (modularity, E-I with its permutation test, the verdict of each unit by the scorecard's
/// rule) on their units as given, without privacy's merging (only totals are stated). A level
/// of more than `UnitLevels.automaticUnitLimit` units (500) gets no permutation test, so no
/// expected E-I, verdicts or silo count: nobody reads a verdict for each of thousands of
/// teams, and the test would cost as much as the scorecard itself.
public struct LevelPart: Sendable, Hashable, Codable {
  public var name: String
  public var units: Int
  /// Whether this is the level every other part of the report analyses.
  public var analysed: Bool
  @Null public var modularity: Double?
  @Null public var eiIndex: Double?
  @Null public var eiExpected: Double?
  @Null public var shareInside: Double?
  /// Units whose verdict is `silo` (SiloMetrics' `SiloVerdict`, the scorecard's rule); `nil`
  /// for a level of more than 500 units.
  @Null public var silos: Int?
  @Null public var verdict: SiloVerdict?
}

extension SiloAnalysis {
  /// Every level's measures, top first; `nil` without levels.
  static func levels(
    _ network: Network, grouping: GroupingSummary?, scorecard: SiloScorecard, options: Options, threads: Int
  ) throws(AnalysisError) -> [LevelPart]? {
    var options = options
    options.threads = threads
    guard let grouping, !grouping.levels.isEmpty else { return nil }
    var parts: [LevelPart] = []
    for level in grouping.levels {
      if level.name == grouping.level {
        let o = scorecard.organization
        parts.append(LevelPart(
          name: level.name, units: o.departments, analysed: true, modularity: defined(o.modularity), eiIndex: defined(o.eiIndex),
          eiExpected: defined(o.eiExpected), shareInside: defined(o.shareInside),
          silos: scorecard.departments.filter { $0.verdict == .silo }.count, verdict: o.verdict))
        continue
      }
      guard let partition = Network.partition(of: network.nodes, by: level.attribute) else { continue }
      do {
        parts.append(try measure(network.graph, partition, name: level.name, options: options))
      } catch {
        throw .metric(error)
      }
    }
    return parts
  }

  /// A level's modularity, E-I and verdicts.
  private static func measure(
    _ graph: CollaborationGraph, _ partition: Partition, name: String, options: Options
  ) throws(MetricError) -> LevelPart {
    let modularity = try graph.modularity(of: partition, resolution: options.resolution, weighted: options.weighted)
    let ei = try graph.externalInternalIndex(of: partition, weighted: options.weighted)
    let total = ei.internal + ei.external
    var part = LevelPart(
      name: name, units: partition.groupCount, analysed: false, modularity: defined(modularity.value), eiIndex: defined(ei.overall),
      eiExpected: nil, shareInside: total > 0 ? ei.internal / total : nil, silos: nil, verdict: nil)
    guard partition.groupCount <= UnitLevels.automaticUnitLimit else { return part }
    let test = try graph.eiPermutationTest(
      of: partition, weighted: options.weighted, permutations: options.permutations, seed: options.seed, threads: max(1, options.threads))
    let sizes = partition.sizes
    part.silos = (0 ..< partition.groupCount).filter { g in
      sizes[g] >= 2 && SiloVerdict(ei: ei.perGroup[g].index, expected: test.perGroup[g].mean) == .silo
    }.count
    part.eiExpected = defined(test.overall.mean)
    part.verdict = SiloVerdict(ei: ei.overall, expected: test.overall.mean)
    return part
  }
}

extension SiloAnalysis {
  /// The most units one department map draws: about what a printed page holds legibly.
  static let mapUnitLimit = 30

  /// With levels below the top analysed: the top level's map (`departments.svg`, its small
  /// units merged as privacy merges departments) and one map per top-level unit of the
  /// analysed level's units inside it (`departments-1.svg`, …), or of a level above when the
  /// analysed level has more than ``mapUnitLimit`` units there (the map says so). A unit
  /// belongs to the top-level unit of most of its people. `nil` without levels, or when the
  /// top level is the one analysed.
  static func levelMaps(
    _ network: Network, grouping: GroupingSummary?, silos: SilosDocument, smallDepartments: SmallDepartments, options: Options
  ) throws(RenderError) -> [AnalysisResult.DrawnDiagram]? {
    guard let grouping, grouping.levels.count >= 2, let analysed = grouping.levels.firstIndex(where: { $0.name == grouping.level }),
      analysed > 0, let topPartition = Network.partition(of: network.nodes, by: grouping.levels[0].attribute)
    else { return nil }
    var maker = LevelMaps(
      network: network, levels: grouping.levels, analysed: analysed, top: topPartition, silos: silos, options: options)
    let top = Network(graph: network.graph, nodes: network.nodes, groups: topPartition).mergingSmallDepartments(minimum: options.minimumGroupSize)
    var drawn = [try maker.topMap(top)]
    for t in 0 ..< topPartition.groupCount {
      let name = topPartition.name(of: t)
      if top.report.suppressed && top.report.merged.contains(where: { $0.name == name }) { continue }
      let leftOut = smallDepartments.suppressed ? smallDepartments.mergedInto : nil
      guard let map = try maker.drillDown(t, leavingOut: leftOut) else { continue }
      drawn.append(.init(file: "departments-\(drawn.count).svg", caption: map.title, view: .departments, diagram: map.diagram, svg: map.svg))
    }
    return drawn
  }

  /// The top-level unit of most of each group's people (ties: the lower number).
  static func majorityTop(_ partition: Partition, _ top: Partition) -> [Int] {
    var counts = [[Int: Int]](repeating: [:], count: partition.groupCount)
    for v in 0 ..< partition.membership.count { counts[Int(partition.membership[v])][Int(top.membership[v]), default: 0] += 1 }
    return counts.map { c in c.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key ?? -1 }
  }
}

/// The maps of ``SiloAnalysis/levelMaps(_:grouping:silos:smallDepartments:options:)``, with
/// each level's map input and top-level owners computed once.
private struct LevelMaps {
  let network: Network
  let levels: [GroupingSummary.Level]
  let analysed: Int
  let top: Partition
  let silos: SilosDocument
  let options: SiloAnalysis.Options
  private var inputs: [Int: DepartmentMapInput] = [:]
  private var partitions: [Int: Partition] = [:]
  private var owners: [Int: [Int]] = [:]

  init(network: Network, levels: [GroupingSummary.Level], analysed: Int, top: Partition, silos: SilosDocument, options: SiloAnalysis.Options) {
    self.network = network
    self.levels = levels
    self.analysed = analysed
    self.top = top
    self.silos = silos
    self.options = options
  }

  private var meaning: String { options.language.diagramLanguage.term(.tieWeight) }

  /// The map titled `title`, fitted to the report's page.
  private func draw(_ input: DepartmentMapInput, title: String) throws(RenderError) -> (diagram: Diagram, svg: [UInt8]) {
    let heading = options.heading.map { "\($0): \(title)" } ?? title
    let diagramOptions = DiagramOptions(seed: options.seed, heading: heading, language: options.language.diagramLanguage)
    return try Diagram.departments(input, options: diagramOptions).fittedSVG(to: .reportPage)
  }

  /// The top level's map (`departments.svg`), its small units merged (and left out when
  /// privacy suppresses the merged group).
  func topMap(_ top: (network: Network, report: SmallDepartments)) throws(RenderError) -> AnalysisResult.DrawnDiagram {
    var map = try top.network.departmentMap(weighted: options.weighted, weightMeaning: meaning)
    if top.report.suppressed, let name = top.report.mergedInto {
      map = map.leavingOut(name, footnote: options.language.wording.leftOutFootnote(name, minimum: options.minimumGroupSize))
    }
    let title = options.language.levelsWording.topMap(level: levels[0].name)
    let fitted = try draw(map, title: title)
    return .init(file: "departments.svg", caption: title, view: .departments, diagram: fitted.diagram, svg: fitted.svg)
  }

  /// The map of top-level unit `t`: the analysed level's units in it, or a level above's
  /// when they are more than ``SiloAnalysis/mapUnitLimit``; `nil` for fewer than two units.
  mutating func drillDown(_ t: Int, leavingOut merged: String?) throws(RenderError) -> (title: String, diagram: Diagram, svg: [UInt8])? {
    var level = analysed, footnote: String? = nil
    var (partition, inside) = units(at: level, in: t)
    while inside.count > SiloAnalysis.mapUnitLimit && level > 1 {
      level -= 1
      (partition, inside) = units(at: level, in: t)
      footnote = options.language.levelsWording.groupedAbove(level: levels[level].name, analysed: levels[analysed].name)
    }
    if level == analysed, let merged { inside.removeAll { partition.name(of: $0) == merged } }
    guard inside.count >= 2 else { return nil }
    let map = try input(level)
    let kept = inside.map(partition.name(of:)).compactMap { map.names.firstIndex(of: $0) }
    let title = options.language.levelsWording.drillDown(unit: top.name(of: t), level: levels[level].name)
    let fitted = try draw(map.keeping(kept, footnote: footnote), title: title)
    return (title, fitted.diagram, fitted.svg)
  }

  /// Level `level`'s partition (the analysed level's with privacy's merging) and its units
  /// whose people are mostly in top-level unit `t`.
  private mutating func units(at level: Int, in t: Int) -> (Partition, [Int]) {
    let partition = self.partition(level)
    let owner = owners[level] ?? SiloAnalysis.majorityTop(partition, top)
    owners[level] = owner
    return (partition, (0 ..< partition.groupCount).filter { owner[$0] == t })
  }

  /// Level `level`'s partition: the analysed level's with privacy's merging, the others' as
  /// given; each made once.
  private mutating func partition(_ level: Int) -> Partition {
    if level == analysed { return network.groups! }
    if let done = partitions[level] { return done }
    let partition = Network.partition(of: network.nodes, by: levels[level].attribute)!
    partitions[level] = partition
    return partition
  }

  /// Level `level`'s map over the whole network (E-I counts every tie), with the scorecard's
  /// verdicts for the analysed level.
  private mutating func input(_ level: Int) throws(RenderError) -> DepartmentMapInput {
    if let done = inputs[level] { return done }
    var input: DepartmentMapInput
    if level == analysed {
      input = try network.departmentMap(weighted: options.weighted, weightMeaning: meaning)
      input.verdicts = SiloAnalysis.verdicts(of: input.names, in: silos, wording: options.language.wording)
    } else {
      input = try Network(graph: network.graph, nodes: network.nodes, groups: partition(level)).departmentMap(weighted: options.weighted, weightMeaning: meaning)
    }
    inputs[level] = input
    return input
  }
}
