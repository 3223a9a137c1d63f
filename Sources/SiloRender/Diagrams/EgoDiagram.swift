import SiloGraph

extension Diagram {
  /// One person's ego network: the person, everyone they have a tie with, and the ties among
  /// those contacts, coloured by department. Lines from the person are dark; ties among the
  /// contacts are grey. Contacts in departments the person connects, with no tie among each
  /// other, are the structural holes the person spans.
  ///
  /// - Complexity: O(*d* log *d* + Σ degree of the contacts) for *d* contacts.
  public static func ego(_ input: PeopleDiagramInput, person ego: NodeID, options: DiagramOptions = DiagramOptions()) -> Diagram {
    let graph = input.graph
    var contacts = Set(graph.neighbors(of: ego).nodes)
    if graph.isDirected { contacts.formUnion(graph.inNeighbors(of: ego).nodes) }
    contacts.remove(ego)
    let members = [ego] + contacts.sorted()
    let l = options.language
    let plan = LayoutPlan.choose(nodes: members.count, clusters: false, requested: options.engine, seed: options.seed, language: l)
    var notes = [plan.note]
    let scale = NodeScale(count: members.count)
    // Contacts labelled: all up to the label limit, otherwise the strongest ties.
    var labelled = contacts
    let strongest = contacts.sorted {
      let (a, b) = (graph.weight(from: ego, to: $0) ?? 0, graph.weight(from: ego, to: $1) ?? 0)
      return a != b ? a > b : $0 < $1
    }
    if contacts.count > options.maximumLabels {
      labelled = Set(strongest.prefix(options.maximumLabels))
      notes.append(l.text(.noteEgoNames, "\(options.maximumLabels)", "\(contacts.count)"))
    }
    var dot = personGraph(name: "ego", directed: graph.isDirected, plan: plan, scale: scale, fontSize: nil)
    dot.edgeDefaults = ["arrowsize": .number(0.5)]
    dot.nodes = egoNodes(input, ego: ego, members: members, labelled: labelled, scale: scale, language: l)
    dot.edges = egoEdges(graph, ego: ego, members: members, scale: scale)
    let name = TextSafety.cleaned(input.names[ego.index])
    let title = l.text(.egoTitle, name)
    var key = l.text(.egoKey, l.translated(input.sizeMeaning), NameLines.lines(name, width: 32).joined(separator: " "))
    if (input.departments?.groupCount ?? 0) > Colour.categories.count { key += "\n" + l.text(.noteRepeatedColours, "\(Colour.categories.count)") }
    dot.attributes["label"] = .html(legendLabel(
      heading: options.heading.map { "\(title): \($0)" } ?? title, legendTitle: input.departments == nil ? nil : l.text(.legendContacts),
      entries: egoLegend(input, contacts: contacts, language: l), key: key))
    dot.attributes["labelloc"] = .keyword("b")
    dot.attributes["labeljust"] = .keyword("l")
    var diagram = Diagram(
      graph: dot, engine: plan.engine, seed: options.seed, title: title,
      summary: l.text(.egoSummary, name, "\(contacts.count)"),
      notes: notes)
    // The person first, then the contacts with the strongest ties.
    diagram.nameFitting = NameFitting(
      priority: ([ego] + strongest.filter(labelled.contains)).map { "p\($0.rawValue)" }, people: members.count,
      sizeMeaning: input.weightMeaning, language: l)
    return diagram
  }

  /// A department's look in the ego diagram: its category, or the neutral grey for people
  /// without a department.
  private static func egoStyle(_ input: PeopleDiagramInput, group: Int?) -> CategoryStyle {
    guard let departments = input.departments, let group else { return Colour.categoryStyle(0) }
    return departments.unassignedGroup == group ? CategoryStyle(colour: Colour.neutral, round: 0) : Colour.categoryStyle(group)
  }

  /// The person (large, outlined, named in bold) and the contacts, named when labelled.
  private static func egoNodes(
    _ input: PeopleDiagramInput, ego: NodeID, members: [NodeID], labelled: Set<NodeID>, scale: NodeScale, language l: DiagramLanguage
  ) -> [DOTNode] {
    let maxSize = members.map { input.size[$0.index] }.filter(\.isFinite).max() ?? 0
    let brokerRank = Dictionary(uniqueKeysWithValues: input.brokers.enumerated().map { ($1, $0 + 1) })
    return members.map { v in
      let look = egoStyle(input, group: input.departments?.group(of: v))
      var attributes: DOTAttributes = [
        "width": .number(scale.diameter(input.size[v.index], largest: maxSize) * look.areaFactor),
        "fillcolor": .text(look.colour), "tooltip": .text(tooltip(input, v, rank: brokerRank[v], language: l)),
      ]
      if look.round > 0 { attributes["shape"] = .keyword(look.shape) }
      if look.outlines > 1 { attributes["peripheries"] = .number(Double(look.outlines)) }
      if v == ego {
        attributes["width"] = .number(max(scale.maximum, 0.5))
        attributes["penwidth"] = .number(3.5)
        attributes["color"] = .text("#000000")
        attributes["xlabel"] = .html(.lines(NameLines.lines(input.names[v.index], width: 32).map {
          .text($0, bold: true, pointSize: scale.fontSize + 3)
        }))
      } else if labelled.contains(v) {
        attributes["xlabel"] = .text(NameLines.lines(input.names[v.index], width: 32).joined(separator: "\n"))
      }
      return DOTNode(id: "p\(v.rawValue)", attributes: attributes)
    }
  }

  /// The ties among the members: dark from the person, grey among the contacts, wider for
  /// heavier ties.
  private static func egoEdges(_ graph: CollaborationGraph, ego: NodeID, members: [NodeID], scale: NodeScale) -> [DOTEdge] {
    let inside = Set(members)
    let (maxWeight, allEqual) = weightRange(
      members.lazy.flatMap { v in graph.neighbors(of: v).lazy.filter { inside.contains($0.node) }.map(\.weight) })
    var edges: [DOTEdge] = []
    for v in members {
      for (u, w) in graph.neighbors(of: v) where inside.contains(u) && (graph.isDirected || u > v) {
        let share = lineShare(w, maximum: maxWeight, allEqual: allEqual)
        let touchesEgo = u == ego || v == ego
        edges.append(DOTEdge(tail: "p\(v.rawValue)", head: "p\(u.rawValue)", attributes: [
          "penwidth": .number((touchesEgo ? 0.8 : 0.4) + (scale.maximumLine - 0.4) * share),
          "color": .text(touchesEgo ? "#333333CC" : "#9E9E9E99"),
        ]))
      }
    }
    return edges
  }

  /// The contacts' departments with their counts.
  private static func egoLegend(_ input: PeopleDiagramInput, contacts: Set<NodeID>, language l: DiagramLanguage) -> [LegendEntry] {
    guard let departments = input.departments else { return [] }
    var counts: [Int: Int] = [:]
    for v in contacts { counts[departments.group(of: v), default: 0] += 1 }
    return counts.keys.sorted().map {
      let style = egoStyle(input, group: $0)
      return LegendEntry(
        colour: style.colour, text: "\(departments.name(of: $0)) (\(l.count(counts[$0]!, one: .contactOne, many: .contactMany)))",
        symbol: style.legendSymbol)
    }
  }
}
