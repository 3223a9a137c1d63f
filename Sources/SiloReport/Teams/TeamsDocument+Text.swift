import SiloDesign

extension TeamsDocument {
  /// The before/after rows every output shows, in one order: label, before, after.
  public func measureRows(before: MeasuresPart, after: MeasuresPart, language: ReportLanguage) -> [(String, String, String)] {
    let w = language.teamsWording, n = language.numbers
    func number(_ v: Double?, _ places: Int) -> String { v.map { n.fixed($0, places) } ?? "—" }
    var rows: [(String, String, String)] = [
      (w.untiedPairs, n.integer(before.untiedPairs), n.integer(after.untiedPairs)),
      (w.pairsOnOnePerson, n.integer(before.pairsOnOnePerson), n.integer(after.pairsOnOnePerson)),
      (w.shareInside, before.shareInside.map(n.percent) ?? "—", after.shareInside.map(n.percent) ?? "—"),
      (w.silos, n.integer(before.silos), n.integer(after.silos)),
      (w.modularity, number(before.modularity, 3), number(after.modularity, 3)),
    ]
    if objective != .modularity { rows.append((w.objectiveValue, number(before.objective, 2), number(after.objective, 2))) }
    for (b, a) in zip(before.departments, after.departments) {
      rows.append(("  " + b.name, b.shareInside.map(n.percent) ?? "—", a.shareInside.map(n.percent) ?? "—"))
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

  private func table(_ rows: [(String, String, String)], language: ReportLanguage) -> String {
    let w = language.teamsWording
    let all = [(w.measureColumn, w.beforeColumn, w.afterColumn)] + rows
    let a = all.map(\.0.count).max()!, b = all.map(\.1.count).max()!
    return all.map { "  " + pad($0.0, a) + "  " + String(repeating: " ", count: b - $0.1.count) + $0.1 + "  →  " + $0.2 }
      .joined(separator: "\n") + "\n"
  }

  private func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
}
