extension HierarchyDocument {
  /// One measure of the organization as the report and the terminal show it.
  struct MeasureRow {
    /// The key under `organization` in the JSON.
    var key: String
    var label: String
    var value: Double?
    var shown: String?
  }

  /// The organization's measures in the order of the report's table (the count of untied
  /// units side by side is shown apart, beside its total).
  func measureRows(language: ReportLanguage) -> [MeasureRow] {
    let o = organization, n = language.numbers, hw = language.hierarchyWording
    var rows: [(String, Double?, String?)] = [("people_in_chart", Double(o.peopleInChart), n.integer(o.peopleInChart))]
    // Several tops are worth a row: the chart is then several charts side by side.
    if o.tops > 1 { rows.append(("tops", Double(o.tops), n.integer(o.tops))) }
    rows += [
      ("levels", Double(o.levels), n.integer(o.levels)),
      ("managers", Double(o.managers), n.integer(o.managers)), ("mean_span", o.meanSpan, o.meanSpan.map { n.fixed($0, 1) }),
      ("largest_span", Double(o.largestSpan), n.integer(o.largestSpan)),
      ("share_along_reporting_lines", o.shareAlongReportingLines, o.shareAlongReportingLines.map(n.percent)),
      ("share_within_teams", o.shareWithinTeams, o.shareWithinTeams.map(n.percent)),
      ("share_skipping_levels", o.shareSkippingLevels, o.shareSkippingLevels.map(n.percent)),
      ("mean_tree_distance", o.meanTreeDistance, o.meanTreeDistance.map { n.fixed($0, 1) }),
    ]
    return rows.map { MeasureRow(key: $0.0, label: hw.measure($0.0), value: $0.1, shown: $0.2) }
  }

  /// The managers with the most people below them (then the highest in the chart, then file
  /// order), as indices into ``managers``.
  func largestManagers(_ count: Int) -> [Int] {
    Array(managers.indices.sorted {
      (-managers[$0].peopleBelow, managers[$0].depth, $0) < (-managers[$1].peopleBelow, managers[$1].depth, $1)
    }.prefix(count))
  }

  /// The terminal's tables: the measures, the 15 managers with the most people below them,
  /// and the largest pairs of units side by side without a tie.
  public func text(language: ReportLanguage = .en) -> String {
    let hw = language.hierarchyWording, n = language.numbers
    var measures = PlainTable(header: [hw.measureColumn, hw.valueColumn], rightAligned: [1])
    for row in measureRows(language: language) { measures.append([row.label, row.shown ?? "—"]) }
    let o = organization
    if o.siblingUnitPairs > 0 {
      measures.append([hw.measure("untied_sibling_unit_pairs"), "\(n.integer(o.untiedSiblingUnitPairs)) / \(n.integer(o.siblingUnitPairs))"])
    }
    var out = measures.rendered()
    if listsLeftOut { out += "\n" + hw.listsLeftOut + "\n" }
    let listed = largestManagers(15)
    if !listed.isEmpty {
      var table = PlainTable(
        header: [hw.managerColumn, hw.departmentColumn, hw.spanColumn, hw.belowColumn, hw.withinTeamColumn, hw.reportsWorkedWithColumn],
        rightAligned: [2, 3, 4, 5])
      for i in listed {
        let m = managers[i]
        table.append([
          m.id, m.department ?? "—", n.integer(m.span), n.integer(m.peopleBelow), m.shareWithinTeam.map(n.percent) ?? "—",
          n.integer(m.reportsWorkedWith),
        ])
      }
      out += "\n" + table.rendered()
      let note = hw.managersNote(shown: listed.count, of: managers.count)
      if !note.isEmpty { out += note + "\n" }
    }
    if !untiedSiblingUnits.isEmpty {
      out += "\n" + hw.untiedHeading + ":\n"
      for p in untiedSiblingUnits.prefix(10) { out += "  " + hw.untiedPair(a: p.a, b: p.b, above: p.above, departmentA: p.departmentA, departmentB: p.departmentB, sizeA: p.sizeA, sizeB: p.sizeB) + "\n" }
    }
    return out
  }
}
