import SiloGraph
import SiloMetrics

/// The key findings: what a consultant says first, each sentence resting on numbers that
/// are in `report.json` at the paths the parts name.
///
/// The rules (all thresholds are conventional, and stated in the report's methods):
/// - the organization: share of ties inside departments, E-I against chance, modularity;
/// - silos: departments whose E-I is below what random assignment gives with p < 0.05
///   (one-sided permutation test), most inward first, at most three;
/// - the most open department, when its E-I is above chance with p < 0.05;
/// - reliance on brokers: the betweenness of the top three;
/// - dependence: department pairs that lose every direct tie, and people cut off, without
///   the top broker;
/// - people without any tie outside their department;
/// - communities against departments (NMI, adjusted Rand), the largest community that
///   joins several departments, and the largest department split over communities.
enum Findings {
  static func make(silos: SilosDocument, communities: CommunitiesDocument, brokers: BrokersDocument) -> [Finding] {
    var findings: [Finding] = []
    let g = silos.graph

    // The organization.
    if let inside = g.shareInside, let ei = g.eiIndex {
      var parts: [Finding.Part] = [
        .text("Across the organization "), .number(inside, at: "silos.graph.share_inside", shown: percent(inside)),
        .text(" of ties stay inside a department (E-I "), .number(ei, at: "silos.graph.ei_index", shown: signed(ei)),
      ]
      if let expected = g.eiExpected, let p = g.eiPValue {
        parts += [
          .text("; random assignment of people to departments would give "),
          .number(expected, at: "silos.graph.ei_expected", shown: signed(expected)), .text(", "),
          .number(p, at: "silos.graph.ei_p_value", shown: pValue(p)),
        ]
      }
      parts.append(.text(")"))
      if let q = g.modularity {
        parts += [.text("; the modularity of the departments is "), .number(q, at: "silos.graph.modularity", shown: fixed(q, 2))]
        parts.append(.text(q >= 0.3 ? ", a clearly departmental structure." : q >= 0.1 ? ", a moderately departmental structure." : ", little departmental structure."))
      } else {
        parts.append(.text("."))
      }
      findings.append(Finding(kind: "organization", parts: parts))
    }

    // Silos.
    let inward = silos.groups.enumerated().filter { _, group in
      guard let ei = group.eiIndex, let expected = group.eiExpected, let p = group.eiPValue else { return false }
      return group.size >= 2 && ei < expected && p < 0.05
    }.sorted { ($0.element.eiIndex!, $0.offset) < ($1.element.eiIndex!, $1.offset) }
    for (index, group) in inward.prefix(3) {
      let base = "silos.groups[\(index)]"
      var parts: [Finding.Part] = [.text("\(group.name) keeps ")]
      if let inside = group.shareInside {
        parts += [.number(inside, at: "\(base).share_inside", shown: percent(inside)), .text(" of its ties inside (")]
      } else {
        parts.append(.text("to itself ("))
      }
      parts += [
        .text("E-I "), .number(group.eiIndex!, at: "\(base).ei_index", shown: signed(group.eiIndex!)),
        .text(", chance "), .number(group.eiExpected!, at: "\(base).ei_expected", shown: signed(group.eiExpected!)),
        .text(", "), .number(group.eiPValue!, at: "\(base).ei_p_value", shown: pValue(group.eiPValue!)),
        .text(group.eiIndex! < 0 ? "): a silo." : "): more inward than chance, though most of its ties go outside."),
      ]
      findings.append(Finding(kind: "silo", parts: parts))
    }
    if inward.isEmpty && !silos.groups.isEmpty {
      findings.append(Finding(kind: "no-silo", parts: [
        .text("No department keeps to itself more than chance would give (every department's E-I permutation test has p ≥ 0.05)."),
      ]))
    }

    // The most open department.
    let outward = silos.groups.enumerated().filter { _, group in
      guard let ei = group.eiIndex, let expected = group.eiExpected, let p = group.eiPValue else { return false }
      return group.size >= 2 && ei > expected && p < 0.05
    }.max { ($0.element.eiIndex!, -$0.offset) < ($1.element.eiIndex!, -$1.offset) }
    if let (index, group) = outward {
      let base = "silos.groups[\(index)]"
      var parts: [Finding.Part] = [.text("\(group.name) works most across the organization: ")]
      if let inside = group.shareInside {
        parts += [.text("only "), .number(inside, at: "\(base).share_inside", shown: percent(inside)), .text(" of its ties stay inside (")]
      } else {
        parts.append(.text("("))
      }
      parts += [.text("E-I "), .number(group.eiIndex!, at: "\(base).ei_index", shown: signed(group.eiIndex!)), .text(").")]
      findings.append(Finding(kind: "open", parts: parts))
    }

    // Reliance on brokers.
    let top = brokers.brokers.prefix(3).enumerated().filter { ($0.element.betweenness ?? 0) > 0 }
    if !top.isEmpty {
      var parts: [Finding.Part] = [
        .text("The collaboration leans on few people: "),
      ]
      for (position, (rank, broker)) in top.enumerated() {
        if position > 0 { parts.append(.text(position == top.count - 1 ? " and " : ", ")) }
        parts += [
          .text("\(broker.id)\(broker.group.map { " (\($0))" } ?? "") lies on "),
          .number(broker.betweenness!, at: "brokers.brokers[\(rank)].betweenness", shown: percent(broker.betweenness!)),
        ]
      }
      parts.append(.text(" of the shortest paths between two other people (normalized betweenness)."))
      findings.append(Finding(kind: "broker-reliance", parts: parts))
    }

    // What depends on the top broker.
    if let first = brokers.brokers.first {
      let lose = first.pairsLosingAllTies
      if !lose.isEmpty || first.peopleCutOff > 0 {
        var parts: [Finding.Part] = [.text("Without \(first.id), ")]
        if !lose.isEmpty {
          let named = lose.prefix(3).map { $0.joined(separator: " – ") }.joined(separator: ", ")
          parts.append(.text(
            "\(lose.count) pair\(lose.count == 1 ? "" : "s") of departments would lose every direct tie (\(named)\(lose.count > 3 ? ", …" : ""))"))
          parts.append(.text(first.peopleCutOff > 0 ? " and " : ""))
        }
        if first.peopleCutOff > 0 {
          parts += [
            .number(Double(first.peopleCutOff), at: "brokers.brokers[0].people_cut_off", shown: "\(first.peopleCutOff)"),
            .text(first.peopleCutOff == 1 ? " person would be cut off from the rest" : " people would be cut off from the rest"),
          ]
        }
        parts += [
          .text("; "),
          .number(first.crossDepartmentReachLost, at: "brokers.brokers[0].cross_department_reach_lost", shown: percent(first.crossDepartmentReachLost)),
          .text(" of the pairs of people in different departments who can reach each other would no longer."),
        ]
        findings.append(Finding(kind: "broker-dependence", parts: parts))
      }
    }

    // People with no tie outside.
    let without = g.nodes - g.peopleWithOutsideTie - g.peopleWithoutTies
    if without > 0 && g.nodes > 0 {
      findings.append(Finding(kind: "isolated", parts: [
        .text("Only "), .number(Double(g.peopleWithOutsideTie), at: "silos.graph.people_with_outside_tie", shown: integer(g.peopleWithOutsideTie)),
        .text(" of "), .number(Double(g.nodes), at: "silos.graph.nodes", shown: integer(g.nodes)),
        .text(" people have a tie outside their own department"),
        .text(g.peopleWithoutTies > 0 ? "; " : "."),
      ] + (g.peopleWithoutTies > 0 ? [
        .number(Double(g.peopleWithoutTies), at: "silos.graph.people_without_ties", shown: integer(g.peopleWithoutTies)),
        .text(" have no tie at all."),
      ] : [])))
    }

    // Communities against departments.
    if let comparison = communities.comparison {
      var parts: [Finding.Part] = [
        .text("The collaboration forms "),
        .number(Double(communities.communities.count), at: "communities.communities.count", shown: integer(communities.communities.count)),
        .text(" communities"),
      ]
      if let nmi = comparison.nmi {
        parts += [
          .text(nmi >= 0.7 ? " that follow the departments closely" : nmi >= 0.4 ? " that follow the departments in part" : " that cut across the departments"),
          .text(" (NMI "), .number(nmi, at: "communities.comparison.nmi", shown: fixed(nmi, 2)),
        ]
        if let ari = comparison.adjustedRand {
          parts += [.text(", adjusted Rand "), .number(ari, at: "communities.comparison.adjusted_rand", shown: fixed(ari, 2))]
        }
        parts.append(.text(")."))
      } else {
        parts.append(.text("."))
      }
      findings.append(Finding(kind: "communities", parts: parts))

      if let (index, merge) = comparison.merges.enumerated().max(by: {
        ($0.element.departments.reduce(0) { $0 + $1.people }, -$0.offset) < ($1.element.departments.reduce(0) { $0 + $1.people }, -$1.offset)
      }), merge.departments.count >= 2 {
        var parts: [Finding.Part] = [.text("Community \(merge.community + 1) brings together ")]
        for (j, share) in merge.departments.prefix(3).enumerated() {
          if j > 0 { parts.append(.text(j == min(3, merge.departments.count) - 1 ? " and " : ", ")) }
          parts += [
            .text("\(share.name) ("),
            .number(share.share, at: "communities.comparison.merges[\(index)].departments[\(j)].share", shown: percent(share.share)),
            .text(")"),
          ]
        }
        parts.append(.text(": people who work together across the org chart."))
        findings.append(Finding(kind: "community-merge", parts: parts))
      }
      if let (index, split) = comparison.splits.enumerated().max(by: {
        ($0.element.communities.count, -$0.offset) < ($1.element.communities.count, -$1.offset)
      }), split.communities.count >= 2 {
        var parts: [Finding.Part] = [.text("\(split.department) works as \(split.communities.count) separate groups: ")]
        for (j, share) in split.communities.prefix(3).enumerated() {
          if j > 0 { parts.append(.text(", ")) }
          parts += [
            .number(share.share, at: "communities.comparison.splits[\(index)].communities[\(j)].share", shown: percent(share.share)),
            .text(" in community \(share.name)"),
          ]
        }
        parts.append(.text(split.communities.count > 3 ? ", …." : "."))
        findings.append(Finding(kind: "community-split", parts: parts))
      }
    }
    return findings
  }

  static func percent(_ share: Double) -> String {
    guard share.isFinite else { return "—" }
    let value = share * 100
    if value > 0 && value < 1 { return "<1%" }
    return "\(Int(value.rounded()))%"
  }

  static func signed(_ value: Double) -> String {
    guard value.isFinite else { return "—" }
    let text = fixed(abs(value), 2)
    if text == "0.00" { return "0.00" }
    return (value < 0 ? "−" : "+") + text
  }

  /// `NumberText.decimal` with a true minus sign and no "−0.00".
  static func fixed(_ value: Double, _ decimals: Int) -> String {
    let text = NumberText.decimal(abs(value), places: decimals)
    guard value < 0, text.contains(where: { $0 != "0" && $0 != "." }) else { return text }
    return "−" + text
  }

  static func pValue(_ p: Double) -> String {
    if p < 0.001 { return "p < 0.001" }
    if p < 0.01 { return "p < 0.01" }
    return "p = " + fixed(p, 2)
  }

  static func integer(_ value: Int) -> String { NumberText.integer(value) }
}
