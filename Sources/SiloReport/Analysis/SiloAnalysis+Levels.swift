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
    _ network: Network, grouping: GroupingSummary?, scorecard: SiloScorecard, options: Options
  ) throws(AnalysisError) -> [LevelPart]? {
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
    let w = options.language.wording, lw = options.language.levelsWording
    var diagramOptions = DiagramOptions(seed: options.seed, heading: options.heading, language: options.language.diagramLanguage)
    let meaning = diagramOptions.language.term(.tieWeight)
    // The top level, its small units merged.
    let top = Network(graph: network.graph, nodes: network.nodes, groups: topPartition).mergingSmallDepartments(minimum: options.minimumGroupSize)
    var topMap = try top.network.departmentMap(weighted: options.weighted, weightMeaning: meaning)
    if top.report.suppressed, let name = top.report.mergedInto {
      topMap = topMap.leavingOut(name, footnote: w.leftOutFootnote(name, minimum: options.minimumGroupSize))
    }
    let topTitle = lw.topMap(level: grouping.levels[0].name)
    diagramOptions.heading = options.heading.map { "\($0): \(topTitle)" } ?? topTitle
    let drawnTop = try Diagram.departments(topMap, options: diagramOptions).fittedSVG(to: .reportPage)
    var drawn: [AnalysisResult.DrawnDiagram] = [
      .init(file: "departments.svg", caption: topTitle, view: .departments, diagram: drawnTop.diagram, svg: drawnTop.svg)
    ]
    // Each level's map over the whole network (E-I counts every tie), kept to one top unit.
    var maps: [Int: DepartmentMapInput] = [:]
    func map(_ level: Int) throws(RenderError) -> DepartmentMapInput {
      if let done = maps[level] { return done }
      var input: DepartmentMapInput
      if level == analysed {
        input = try network.departmentMap(weighted: options.weighted, weightMeaning: meaning)
        input.verdicts = verdicts(of: input.names, in: silos, wording: w)
      } else {
        let partition = Network.partition(of: network.nodes, by: grouping.levels[level].attribute)!
        input = try Network(graph: network.graph, nodes: network.nodes, groups: partition).departmentMap(weighted: options.weighted, weightMeaning: meaning)
      }
      maps[level] = input
      return input
    }
    var owners: [Int: [Int]] = [:]
    for t in 0 ..< topPartition.groupCount {
      let name = topPartition.name(of: t)
      if top.report.suppressed && top.report.merged.contains(where: { $0.name == name }) { continue }
      var level = analysed, footnote: String? = nil
      var partition = network.groups!
      var owner = owners[level] ?? majorityTop(partition, topPartition)
      owners[level] = owner
      var inside = (0 ..< partition.groupCount).filter { owner[$0] == t }
      while inside.count > mapUnitLimit && level > 1 {
        level -= 1
        partition = Network.partition(of: network.nodes, by: grouping.levels[level].attribute)!
        owner = owners[level] ?? majorityTop(partition, topPartition)
        owners[level] = owner
        inside = (0 ..< partition.groupCount).filter { owner[$0] == t }
        footnote = lw.groupedAbove(level: grouping.levels[level].name, analysed: grouping.levels[analysed].name)
      }
      if smallDepartments.suppressed, level == analysed, let merged = smallDepartments.mergedInto {
        inside.removeAll { partition.name(of: $0) == merged }
      }
      guard inside.count >= 2 else { continue }
      let input = try map(level)
      let kept = inside.map(partition.name(of:)).compactMap { input.names.firstIndex(of: $0) }
      let title = lw.drillDown(unit: name, level: grouping.levels[level].name)
      diagramOptions.heading = options.heading.map { "\($0): \(title)" } ?? title
      let fitted = try Diagram.departments(input.keeping(kept, footnote: footnote), options: diagramOptions).fittedSVG(to: .reportPage)
      drawn.append(.init(file: "departments-\(drawn.count).svg", caption: title, view: .departments, diagram: fitted.diagram, svg: fitted.svg))
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
