import SiloGraph
import SiloIngest
import SiloMetrics
import SiloRender

/// The diagrams SiloScope draws.
public enum DiagramView: String, Sendable, Hashable, Codable, CaseIterable {
  /// People clustered by department, sized by betweenness, brokers outlined.
  case people
  /// One circle per department, coloured by its E-I index.
  case departments
  /// People coloured by community, inside their department clusters.
  case communities
  /// One person, their contacts and the ties among them.
  case ego
  /// The formal reporting lines as a tree, with the collaboration across it.
  case orgChart = "org-chart"
}

/// What to draw and how.
public struct DiagramRequest: Sendable, Hashable {
  public var view: DiagramView
  /// The person of the ego view: their id as in the input; `nil` for the top broker.
  public var person: String?
  /// Use tie weights: betweenness with inverse-weight distances, weighted E-I, weighted
  /// communities.
  public var weighted = true
  /// How many top brokers to outline and label.
  public var brokers = 5
  /// What a tie's weight means, for legends.
  public var weightMeaning = "weight"
  /// Engine, seed, size limits, heading.
  public var options = DiagramOptions()

  public init(view: DiagramView, person: String? = nil, options: DiagramOptions = DiagramOptions()) {
    self.view = view
    self.person = person
    self.options = options
  }
}

/// Metrics a caller has already computed, so that drawing does not compute them again (the
/// analysis pipeline passes its own).
public struct DiagramMetrics: Sendable, Hashable {
  public var betweenness: Betweenness
  public var holes: StructuralHoles
  /// The top brokers, most central first.
  public var brokers: [NodeID]
  /// The communities, for the communities view.
  public var communities: CommunityDetection?

  public init(betweenness: Betweenness, holes: StructuralHoles, brokers: [NodeID], communities: CommunityDetection? = nil) {
    self.betweenness = betweenness
    self.holes = holes
    self.brokers = brokers
    self.communities = communities
  }
}

extension DiagramMetrics {
  /// The metrics of the people `keep` marks, renumbered as SiloGraph's `Network.keeping(_:)`
  /// renumbers them (`newNode`): the values are those computed on the whole network; brokers
  /// of people left out are dropped; communities keep their numbers.
  public func keeping(_ keep: [Bool], newNode: [NodeID?]) -> DiagramMetrics {
    if !keep.contains(false) { return self }
    var betweenness = betweenness
    betweenness.scores = betweenness.scores.keeping(keep)
    var holes = holes
    holes.constraint = holes.constraint.keeping(keep)
    holes.effectiveSize = holes.effectiveSize.keeping(keep)
    holes.efficiency = holes.efficiency.keeping(keep)
    holes.hierarchy = holes.hierarchy.keeping(keep)
    var communities = communities
    if let detection = communities {
      communities!.partition = detection.partition.keeping(keep, droppingEmptyGroups: false)
      communities!.levels = []
    }
    return DiagramMetrics(
      betweenness: betweenness, holes: holes, brokers: brokers.compactMap { newNode[$0.index] }, communities: communities)
  }
}

extension Network {
  /// Computes what the view needs (betweenness, constraint, E-I, communities) and builds the
  /// diagram.
  ///
  /// - Person-level views (`people`, `communities`) of more than
  ///   `DiagramOptions.maximumPeople` people draw the department map instead, and say so
  ///   in `Diagram.notes`: past a few thousand circles a drawing shows a cloud, not people.
  /// - Betweenness is exact up to 5,000 people and estimated from 256 sampled sources above
  ///   (the note says which), so that drawing stays within seconds.
  ///
  /// - Throws: `RenderError.invalidDiagram(_:)` when the view needs departments the
  ///   network does not have, or the ego view's person is not in it.
  public func diagram(_ request: DiagramRequest, metrics: DiagramMetrics? = nil) throws(RenderError) -> Diagram {
    var view = request.view
    var notes: [String] = []
    let n = graph.nodeCount
    if (view == .people || view == .communities) && n > request.options.maximumPeople {
      guard groups != nil else {
        throw .tooManyPeople(people: n, limit: request.options.maximumPeople)
      }
      notes.append(request.options.language.text(.drawnAsDepartments(people: n, limit: request.options.maximumPeople)))
      view = .departments
    }
    var diagram: Diagram
    switch view {
    case .departments:
      diagram = try Diagram.departments(departmentMap(weighted: request.weighted, weightMeaning: request.weightMeaning), options: request.options)
    case .people:
      let (input, note) = peopleInput(request, metrics: metrics)
      diagram = Diagram.people(input, options: request.options)
      diagram.notes.append(note)
    case .communities:
      let (input, note) = peopleInput(request, metrics: metrics)
      let detection: CommunityDetection
      if let given = metrics?.communities {
        detection = given
      } else {
        do {
          detection = try Leiden(weighted: request.weighted).communities(in: graph, seed: request.options.seed)
        } catch {
          throw .invalidDiagram("communities cannot be found: \(error)")
        }
      }
      diagram = Diagram.communities(
        input, communities: detection.partition, describing: describe(detection.partition), options: request.options)
      diagram.notes.append(note)
      diagram.notes.append(request.options.language.text(.communities(
        method: detection.method.prefix(1).uppercased() + detection.method.dropFirst(), objective: detection.objective.rawValue,
        resolution: detection.resolution, weighted: detection.weighted, seed: request.options.seed, modularity: detection.modularity)))
    case .ego:
      let (input, note) = peopleInput(request, metrics: metrics)
      let person = try egoPerson(request, input: input, notes: &notes)
      diagram = Diagram.ego(input, person: person, options: request.options)
      diagram.notes.append(note)
    case .orgChart:
      diagram = Diagram.orgChart(try orgChartInput(request), options: request.options)
    }
    diagram.notes = notes + diagram.notes
    return diagram
  }

  /// The person of the ego view: the one asked for, or the top broker (noted).
  private func egoPerson(_ request: DiagramRequest, input: PeopleDiagramInput, notes: inout [String]) throws(RenderError) -> NodeID {
    if let id = request.person {
      guard let found = nodes.node(withID: id) else {
        throw .invalidDiagram("there is no person \"\(TextSafety.cleaned(id))\" in the network (ids are matched exactly, as in the input)")
      }
      return found
    }
    guard let top = input.brokers.first ?? (graph.nodeCount > 0 ? NodeID(0) : nil) else {
      throw .invalidDiagram("the network has no people, so there is no ego network to draw")
    }
    notes.append(request.options.language.text(.noPersonGiven(name: nodes[top])))
    return top
  }

  /// The org chart's boxes and links, from the `manager` attribute of the people.
  private func orgChartInput(_ request: DiagramRequest) throws(RenderError) -> OrgChartInput {
    let tree: ReportingTree
    do {
      tree = try ReportingTree(nodes: nodes)
    } catch {
      throw .invalidDiagram(ReportingLineProblem(error, nodes: nodes, rows: [:]).description)
    }
    guard tree.chartSize > 0 else {
      throw .invalidDiagram("the input has no reporting lines: the org chart needs a manager column in the people file or node list")
    }
    let language = ReportLanguage(rawValue: request.options.language.rawValue) ?? .en
    return orgChartInput(tree: tree, weighted: request.weighted, weightMeaning: request.weightMeaning, wording: language.hierarchyWording)
  }

  /// The department map's numbers: head counts, E-I per department, ties between.
  public func departmentMap(weighted: Bool, weightMeaning: String) throws(RenderError) -> DepartmentMapInput {
    guard let groups else {
      throw .noDepartments
    }
    let aggregate = DepartmentNetwork(aggregating: self, by: groups)
    let ei: ExternalInternalIndex
    do { ei = try graph.externalInternalIndex(of: groups, weighted: weighted) } catch { throw .invalidDiagram("\(error)") }
    // One line per pair of departments: in a directed network the two directions are added.
    var pairs: [Int: DepartmentMapInput.Tie] = [:]
    let k = aggregate.names.count
    for tie in aggregate.between {
      let (a, b) = (min(tie.source, tie.target), max(tie.source, tie.target))
      pairs[a * k + b, default: .init(a: a, b: b, ties: 0, weight: 0)].ties += tie.ties
      pairs[a * k + b, default: .init(a: a, b: b, ties: 0, weight: 0)].weight += tie.weight
    }
    return DepartmentMapInput(
      names: aggregate.names, headCounts: aggregate.headCounts,
      eiIndex: ei.perGroup.map { $0.index.isNaN ? nil : $0.index },
      internalTies: aggregate.internalTies,
      between: pairs.keys.sorted().map { pairs[$0]! },
      weightMeaning: weightMeaning)
  }

  private func peopleInput(_ request: DiagramRequest, metrics: DiagramMetrics?) -> (PeopleDiagramInput, String) {
    let options = BetweennessOptions(distance: request.weighted ? .inverseWeight : .hops, normalized: true, threads: 2)
    let betweenness = metrics?.betweenness
      ?? (graph.nodeCount <= 5_000
        ? graph.betweenness(options) : graph.sampledBetweenness(sources: 256, seed: request.options.seed, options: options))
    let scores = betweenness.scores
    let brokers = metrics.map { Array($0.brokers.prefix(request.brokers)) }
      ?? Array(scores.ranked().prefix(request.brokers)).filter { scores[$0] > 0 }
    let holes = metrics?.holes ?? graph.structuralHoles(weighted: request.weighted)
    let input = PeopleDiagramInput(
      graph: graph, names: displayNames, departments: groups, size: scores.values, sizeMeaning: "betweenness",
      brokers: brokers,
      facts: [.init(name: "constraint (Burt)", values: holes.constraint.values), .init(name: "effective size", values: holes.effectiveSize.values, decimals: 2)],
      weightMeaning: request.weightMeaning)
    let length: DiagramNote.TieLength
    switch betweenness.distance {
    case .hops: length = .hops
    case .inverseWeight: length = .inverseWeight
    case .weight: length = .weight
    }
    let note = DiagramNote.betweenness(
      normalized: betweenness.normalized, estimate: betweenness.approximation.map { ($0.statement, $0.method.rawValue) }, distance: length)
    return (input, request.options.language.text(note))
  }

  /// Each person's label: the node list's `label` column where it has one, else the id.
  var displayNames: [String] {
    guard let labels = nodes.attributeColumn(NodeAttribute.label) else { return nodes.ids }
    return zip(nodes.ids, labels).map { id, label in (label?.isEmpty ?? true) ? id : label! }
  }

  /// For each community, the departments it draws from most ("Financiën 80%, ICT 20%").
  private func describe(_ communities: Partition) -> [String] {
    guard let groups else { return [] }
    var counts = Array(repeating: [Int: Int](), count: communities.groupCount)
    for v in 0 ..< graph.nodeCount { counts[Int(communities.membership[v])][Int(groups.membership[v]), default: 0] += 1 }
    return counts.map { tally in
      let total = tally.values.reduce(0, +)
      let top = tally.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(2)
      return top.map { "\(groups.name(of: $0.key)) \(Int((100 * Double($0.value) / Double(max(1, total))).rounded()))%" }
        .joined(separator: ", ")
    }
  }
}
