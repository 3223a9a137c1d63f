import SiloGraph
import SiloRender

extension Network {
  /// The most boxes an org chart draws: about what a printed page holds legibly.
  static let orgChartBoxLimit = 40

  /// The org chart of `tree` with this network's collaboration over it.
  ///
  /// Up to ``orgChartBoxLimit`` people in the chart, every person is a box. Above, the boxes
  /// are managers: the deepest level `d` is chosen at which the managers down to depth `d`
  /// number at most the limit (at least the tops); a person belongs to the nearest manager
  /// above or at them down to that depth (so at depth `d` a box holds a manager's whole unit),
  /// and a box states its head's unit: the head and everybody below them. Links are the ties
  /// between boxes that are not manager and report, summed per pair of boxes.
  ///
  /// - Parameter shown: Who may be named (all when `nil`); a box of somebody else is titled
  ///   `wording.notShown`.
  ///   - levels: The person attributes of the organization's levels, top first (SiloIngest's
  ///     `GroupingSummary`): a box is named after the deepest level's unit that holds the
  ///     head's whole unit ("Directie Samenleving" for a directorate's head), else after the
  ///     head's department.
  func orgChartInput(
    tree: ReportingTree, weighted: Bool, weightMeaning: String, wording: any HierarchyWording, shown: [Bool]? = nil,
    levels: [String] = []
  ) -> OrgChartInput {
    let n = graph.nodeCount
    let cut = orgChartCut(tree)
    // The box of each person of the chart (a node index), in order of depth.
    var boxOf = [Int32](repeating: -1, count: n)
    let byDepth = (0 ..< n).filter { tree.depths[$0] >= 0 }.sorted { (tree.depths[$0], $0) < (tree.depths[$1], $1) }
    for v in byDepth {
      let own = cut == nil || (tree.span(of: NodeID(v)) > 0 && tree.depths[v] <= cut!)
      boxOf[v] = own ? Int32(v) : boxOf[tree.managerIndex[v] >= 0 ? Int(tree.managerIndex[v]) : v]
    }
    let heads = byDepth.filter { boxOf[$0] == Int32($0) }
    var boxIndex = [Int: Int]()
    for (i, v) in heads.enumerated() { boxIndex[v] = i }
    // Each box counts its head and everybody below them.
    var unit = [Int](repeating: 1, count: n)
    for v in byDepth.reversed() where tree.managerIndex[v] >= 0 { unit[Int(tree.managerIndex[v])] += unit[v] }
    let unitNames = wholeUnitNames(tree, levels: levels, order: byDepth)
    let boxes = heads.enumerated().map { i, v in
      let node = NodeID(v)
      // With levels, a top that no level's unit holds whole leads the whole organization.
      let whole = !levels.isEmpty && tree.manager(of: node) == nil ? wording.wholeOrganization : nil
      let department = unitNames[v] ?? whole ?? groups.map { $0.name(of: $0.group(of: node)) }
      return OrgChartInput.Box(
        title: shown?[v] == false ? wording.notShown : displayNames[v],
        subtitle: cut == nil ? department : wording.boxSubtitle(department: department, people: unit[v]),
        category: groups.map { $0.group(of: node) }, parent: tree.manager(of: node).flatMap { boxIndex[Int(boxOf[$0.index])] })
    }
    return OrgChartInput(
      boxes: boxes, links: orgChartLinks(boxOf: boxOf, boxIndex: boxIndex, boxes: boxes, weighted: weighted),
      categories: groups.map { g in (0 ..< g.groupCount).map { g.name(of: $0) } } ?? [], weightMeaning: weightMeaning,
      footnote: cut.map { wording.boxesFootnote(levels: $0 + 1) })
  }

  /// For each person, the unit of the deepest level at which everybody below them (and they)
  /// are in their unit; `nil` when no level holds them all, or without levels.
  private func wholeUnitNames(_ tree: ReportingTree, levels: [String], order: [Int]) -> [String?] {
    let columns = levels.compactMap { nodes.attributeColumn($0) }
    var names = [String?](repeating: nil, count: nodes.count)
    guard !columns.isEmpty else { return names }
    // deepest[v]: the deepest level at which v's whole unit shares v's unit (−1: none).
    var deepest = (0 ..< nodes.count).map { v in (columns.lastIndex { $0[v] != nil }) ?? -1 }
    for v in order.reversed() {
      guard let m = tree.manager(of: NodeID(v))?.index else { continue }
      let agree = (columns.firstIndex { $0[v] == nil || $0[v] != $0[m] } ?? columns.count) - 1
      deepest[m] = min(deepest[m], min(deepest[v], agree))
    }
    for v in 0 ..< nodes.count where deepest[v] >= 0 { names[v] = columns[deepest[v]][v] }
    return names
  }

  /// The deepest level whose managers (down to it) fit the box limit; `nil` when every
  /// person of the chart fits.
  private func orgChartCut(_ tree: ReportingTree) -> Int? {
    guard tree.chartSize > Self.orgChartBoxLimit, let height = tree.height else { return nil }
    var managersAt = [Int](repeating: 0, count: height + 1)
    for v in 0 ..< tree.nodeCount where tree.span(of: NodeID(v)) > 0 { managersAt[Int(tree.depths[v])] += 1 }
    var cut = 0, total = managersAt[0]
    while cut + 1 <= height && total + managersAt[cut + 1] <= Self.orgChartBoxLimit {
      cut += 1
      total += managersAt[cut]
    }
    return cut
  }

  /// The ties between boxes that are not manager and report, per pair of boxes.
  private func orgChartLinks(
    boxOf: [Int32], boxIndex: [Int: Int], boxes: [OrgChartInput.Box], weighted: Bool
  ) -> [OrgChartInput.Link] {
    var links: [Int: OrgChartInput.Link] = [:]
    let k = boxes.count
    for edge in graph.edges where boxOf[edge.source.index] >= 0 && boxOf[edge.target.index] >= 0 {
      let a = boxIndex[Int(boxOf[edge.source.index])]!, b = boxIndex[Int(boxOf[edge.target.index])]!
      guard a != b, boxes[a].parent != b, boxes[b].parent != a else { continue }
      let (low, high) = (min(a, b), max(a, b))
      links[low * k + high, default: .init(a: low, b: high, ties: 0, weight: 0)].ties += 1
      links[low * k + high, default: .init(a: low, b: high, ties: 0, weight: 0)].weight += weighted ? edge.weight : 1
    }
    return links.keys.sorted().map { links[$0]! }
  }
}
