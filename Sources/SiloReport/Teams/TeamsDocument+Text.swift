import SiloDesign

extension TeamsDocument {
  /// One row of a before/after table: what it measures, where its numbers are in the
  /// measures part (`untied_pairs`, `departments[2].share_inside`), the numbers and their text.
  public struct MeasureRow: Sendable {
    public var label: String
    public var key: String
    public var before: Double?
    public var after: Double?
    public var beforeText: String
    public var afterText: String
    /// A department's row (indented under the organization's).
    public var department: Bool
  }

  /// The before/after rows every output shows, in one order: the organization's measures,
  /// then each department's share inside.
  public func measureRows(before: MeasuresPart, after: MeasuresPart, language: ReportLanguage) -> [MeasureRow] {
    let w = language.teamsWording, n = language.numbers
    func count(_ label: String, _ key: String, _ b: Int, _ a: Int) -> MeasureRow {
      MeasureRow(label: label, key: key, before: Double(b), after: Double(a), beforeText: n.integer(b), afterText: n.integer(a), department: false)
    }
    func value(_ label: String, _ key: String, _ b: Double?, _ a: Double?, _ text: (Double) -> String, department: Bool = false) -> MeasureRow {
      MeasureRow(label: label, key: key, before: b, after: a, beforeText: b.map(text) ?? "—", afterText: a.map(text) ?? "—", department: department)
    }
    var rows = [
      count(w.untiedPairs, "untied_pairs", before.untiedPairs, after.untiedPairs),
      count(w.pairsOnOnePerson, "pairs_on_one_person", before.pairsOnOnePerson, after.pairsOnOnePerson),
      value(w.shareInside, "share_inside", before.shareInside, after.shareInside, n.percent),
      count(w.silos, "silos", before.silos, after.silos),
      value(w.modularity, "modularity", before.modularity, after.modularity) { n.fixed($0, 3) },
    ]
    if objective != .modularity {
      rows.append(value(w.objectiveValue(objective), "objective", before.objective, after.objective) { n.fixed($0, 2) })
    }
    for (j, (b, a)) in zip(before.departments, after.departments).enumerated() {
      rows.append(value(b.name, "departments[\(j)].share_inside", b.shareInside, a.shareInside, n.percent, department: true))
    }
    return rows
  }

  /// The document as text for a terminal: each team with its members and reasons, the
  /// measures before and after, all teams together, the guarantee and the note.
  public func text(language: ReportLanguage) -> String {
    let w = language.teamsWording
    var out = w.heading + "\n" + w.objective(objective).prefix(1).uppercased() + w.objective(objective).dropFirst() + ".\n\n"
    for team in teams {
      out += w.teamTitle(team.index, departments: team.departments) + "\n"
      let idWidth = max(w.memberColumn.count, team.members.map(\.id.count).max() ?? 0)
      let departmentWidth = max(w.departmentColumn.count, team.members.map(\.department.count).max() ?? 0)
      out += "  " + pad(w.memberColumn, idWidth) + "  " + pad(w.departmentColumn, departmentWidth) + "  " + w.reasonColumn + "\n"
      for m in team.members {
        out += "  " + pad(m.id, idWidth) + "  " + pad(m.department, departmentWidth) + "  " + m.reason + "\n"
      }
      out += table(measureRows(before: team.before, after: team.after, language: language), language: language) + "\n"
    }
    if teams.count > 1 {
      out += w.allTeams + "\n" + table(measureRows(before: before, after: after, language: language), language: language) + "\n"
    }
    if let guarantee { out += guarantee + "\n" }
    return out + note + "\n"
  }

  private func table(_ rows: [MeasureRow], language: ReportLanguage) -> String {
    let w = language.teamsWording
    var all = [(w.measureColumn, w.beforeColumn, w.afterColumn)]
    for (i, row) in rows.enumerated() {
      if row.department && (i == 0 || !rows[i - 1].department) { all.append((w.insideByDepartment, "", "")) }
      all.append(((row.department ? "  " : "") + row.label, row.beforeText, row.afterText))
    }
    let a = all.map(\.0.count).max()!, b = all.map(\.1.count).max()!
    return all.map { $0.1.isEmpty ? "  " + $0.0 : "  " + pad($0.0, a) + "  " + String(repeating: " ", count: b - $0.1.count) + $0.1 + "  →  " + $0.2 }
      .joined(separator: "\n") + "\n"
  }

  private func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
}
