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
    let plan = LayoutPlan.choose(nodes: members.count, clusters: false, requested: options.engine, seed: options.seed)
    var notes = [plan.note]
    let scale = NodeScale(count: members.count)
    let groupColour: (Int) -> String = { group in
      input.departments?.unassignedGroup == group ? Colour.neutral : Colour.category(group)
    }
    let colours: (NodeID) -> String = { v in input.departments.map { groupColour($0.group(of: v)) } ?? Colour.category(0) }
    // Contacts labelled: all up to the label limit, otherwise the strongest ties.
    var labelled = contacts
    if contacts.count > options.maximumLabels {
      let strongest = contacts.sorted {
        let (a, b) = (graph.weight(from: ego, to: $0) ?? 0, graph.weight(from: ego, to: $1) ?? 0)
        return a != b ? a > b : $0 < $1
      }
      labelled = Set(strongest.prefix(options.maximumLabels))
      notes.append("Names are shown for the \(options.maximumLabels) contacts with the strongest ties (of \(contacts.count)); every name is in its tooltip.")
    }
    let maxSize = members.map { input.size[$0.index] }.filter(\.isFinite).max() ?? 0
    let brokerRank = Dictionary(uniqueKeysWithValues: input.brokers.enumerated().map { ($1, $0 + 1) })

    var dot = personGraph(name: "ego", directed: graph.isDirected, plan: plan, scale: scale, fontSize: nil)
    dot.edgeDefaults = ["arrowsize": .number(0.5)]
    dot.nodes = members.map { v in
      var attributes: DOTAttributes = [
        "width": .number(scale.diameter(input.size[v.index], largest: maxSize)),
        "fillcolor": .text(colours(v)), "tooltip": .text(tooltip(input, v, rank: brokerRank[v])),
      ]
      if v == ego {
        attributes["width"] = .number(max(scale.maximum, 0.5))
        attributes["penwidth"] = .number(3.5)
        attributes["color"] = .text("#000000")
        attributes["xlabel"] = .html(.text(shortened(input.names[v.index]), bold: true, pointSize: scale.fontSize + 3))
      } else if labelled.contains(v) {
        attributes["xlabel"] = .text(shortened(input.names[v.index]))
      }
      return DOTNode(id: "p\(v.rawValue)", attributes: attributes)
    }
    let inside = Set(members)
    let (maxWeight, allEqual) = weightRange(
      members.lazy.flatMap { v in graph.neighbors(of: v).lazy.filter { inside.contains($0.node) }.map(\.weight) })
    for v in members {
      for (u, w) in graph.neighbors(of: v) where inside.contains(u) && (graph.isDirected || u > v) {
        let share = lineShare(w, maximum: maxWeight, allEqual: allEqual)
        let touchesEgo = u == ego || v == ego
        dot.edges.append(DOTEdge(tail: "p\(v.rawValue)", head: "p\(u.rawValue)", attributes: [
          "penwidth": .number((touchesEgo ? 0.8 : 0.4) + (scale.maximumLine - 0.4) * share),
          "color": .text(touchesEgo ? "#333333CC" : "#9E9E9E99"),
        ]))
      }
    }
    var legend: [(colour: String, text: String)] = []
    if let departments = input.departments {
      var counts: [Int: Int] = [:]
      for v in contacts { counts[departments.group(of: v), default: 0] += 1 }
      legend = counts.keys.sorted().map { (groupColour($0), "\(departments.name(of: $0)) (\(counts[$0]!) contact\(counts[$0]! == 1 ? "" : "s"))") }
    }
    let name = TextSafety.cleaned(input.names[ego.index])
    let title = "Ego network of \(name)"
    dot.attributes["label"] = .html(legendLabel(
      heading: options.heading.map { "\(title): \($0)" } ?? title, legendTitle: input.departments == nil ? nil : "Contacts by department",
      entries: legend,
      key: "Circle area: \(input.sizeMeaning). Dark lines: ties of \(shortened(name)); grey lines: ties among the contacts."))
    dot.attributes["labelloc"] = .keyword("b")
    dot.attributes["labeljust"] = .keyword("l")
    return Diagram(
      graph: dot, engine: plan.engine, seed: options.seed, title: title,
      summary: "\(name) and their \(contacts.count) contacts, coloured by department, with the ties among the contacts. "
        + "Contacts that are not tied to each other are held together only through \(name).",
      notes: notes)
  }
}
