import SiloIngest
import SiloMetrics

extension TrendDocument {
  /// Tables for the terminal: the organization by period, each department's share of ties
  /// inside by period, the community events, and the change from the first period to the last.
  public func text() -> String {
    var organization = PlainTable(
      header: ["period", "first day", "last day", "people", "ties", "inside", "95% margin", "E-I", "modularity", "communities"],
      rightAligned: [3, 4, 5, 6, 7, 8, 9])
    for p in periods {
      organization.append([
        p.label, p.start.description, p.lastDay.description, NumberText.integer(p.people), NumberText.integer(p.ties),
        percent(p.graph?.shareInside), margin(p.graph?.shareInsideCiLow, p.graph?.shareInsideCiHigh),
        NumberText.decimal(p.graph?.eiIndex, places: 2), NumberText.decimal(p.graph?.modularity, places: 3),
        NumberText.integer(p.communities.count),
      ])
    }
    var out = "Organization by period (inside: share of ties kept inside departments)\n" + organization.rendered()
    let names = departmentNames
    if !names.isEmpty {
      var departments = PlainTable(header: ["department"] + periods.map(\.label), rightAligned: Set(1 ... periods.count))
      for name in names {
        departments.append([name] + periods.map { p in percent(p.groups.first { $0.name == name }?.shareInside) })
      }
      out += "\nShare of each department's ties kept inside, by period\n" + departments.rendered()
    }
    if periods.contains(where: { !$0.communities.isEmpty }) {
      var table = PlainTable(
        header: ["period", "communities", "largest", "continue", "merge", "split", "birth", "death"], rightAligned: Set(1 ... 7))
      for p in periods {
        let here = events.filter { $0.period == p.label }
        table.append(
          [p.label, NumberText.integer(p.communities.count), p.communities.first.map { "C\($0.id) (\($0.size))" } ?? "—"]
            + CommunityEvent.Kind.allCases.map { kind in NumberText.integer(here.filter { $0.kind == kind }.count) })
      }
      out += "\nCommunities by period (C1, C2, …: the same number is the same community in every period; events against the previous period; --format json lists them)\n"
      out += table.rendered()
    }
    if let change {
      out += "\nChange from \(change.from) to \(change.to)\n" + ChangePart.table([change.organization] + change.groups)
    }
    return out
  }

  /// One row per period for the organization and per period and department: for spreadsheets.
  public func csv() -> String {
    var out = "period,start,end,department,people,ties_inside,ties_outside,share_inside,share_inside_ci_low,share_inside_ci_high,ei_index,verdict,modularity,people_with_outside_tie\n"
    func n(_ v: Double?) -> String { v.map(CSVExport.number) ?? "" }
    for p in periods {
      let head = "\(CSVExport.text(p.label)),\(p.start),\(p.lastDay)"
      if let g = p.graph {
        let between = p.groups.reduce(0) { $0 + $1.externalTies } / 2
        out += "\(head),,\(p.people),\(p.ties - between),\(between),\(n(g.shareInside)),\(n(g.shareInsideCiLow)),\(n(g.shareInsideCiHigh)),"
          + "\(n(g.eiIndex)),\(g.verdict?.rawValue ?? ""),\(n(g.modularity)),\(g.peopleWithOutsideTie)\n"
      }
      for d in p.groups {
        out += "\(head),\(CSVExport.text(d.name)),\(d.size),\(d.internalTies),\(d.externalTies),\(n(d.shareInside)),"
          + "\(n(d.shareInsideCiLow)),\(n(d.shareInsideCiHigh)),\(n(d.eiIndex)),\(d.verdict?.rawValue ?? ""),"
          + "\(n(d.modularityContribution)),\(d.peopleWithOutsideTie)\n"
      }
    }
    return out
  }

  /// Every department of any period, in order of first appearance.
  var departmentNames: [String] {
    var seen = Set<String>()
    return periods.flatMap { $0.groups.map(\.name) }.filter { seen.insert($0).inserted }
  }
}

extension TrendDocument.PeriodPart {
  /// The last day of the period.
  var lastDay: LogDate { LogDate(dayNumber: end.dayNumber - 1) }
}

extension ComparisonDocument {
  /// Tables for the terminal.
  public func text() -> String {
    var out = "Before: \(before.source) (\(NumberText.integer(before.people)) people, \(NumberText.integer(before.ties)) ties)\n"
    out += "After:  \(after.source) (\(NumberText.integer(after.people)) people, \(NumberText.integer(after.ties)) ties)\n"
    out += "People on both sides: \(NumberText.integer(peopleInBoth)); only before: \(NumberText.integer(peopleOnlyBefore)); only after: \(NumberText.integer(peopleOnlyAfter))\n\n"
    out += ChangePart.table([organization] + groups)
    if !onlyBefore.isEmpty { out += "\nDepartments only before: " + onlyBefore.joined(separator: ", ") + "\n" }
    if !onlyAfter.isEmpty { out += "Departments only after: " + onlyAfter.joined(separator: ", ") + "\n" }
    out += "\nTest: \(test).\n"
    return out
  }

  /// One row for the organization and one per department.
  public func csv() -> String {
    var out = "department,people_before,people_after,share_inside_before,share_inside_after,change,change_ci_low,change_ci_high,beyond_uncertainty,direction,verdict_before,verdict_after\n"
    func n(_ v: Double?) -> String { v.map(CSVExport.number) ?? "" }
    for c in [organization] + groups {
      out += "\(CSVExport.text(c.name ?? "")),\(c.before.map { "\($0.people)" } ?? ""),\(c.after.map { "\($0.people)" } ?? ""),"
        + "\(n(c.before?.shareInside)),\(n(c.after?.shareInside)),\(n(c.shareInsideChange)),\(n(c.shareInsideChangeLow)),"
        + "\(n(c.shareInsideChangeHigh)),\(c.beyondUncertainty.map { "\($0)" } ?? ""),\(c.direction?.rawValue ?? ""),"
        + "\(c.before?.verdict?.rawValue ?? ""),\(c.after?.verdict?.rawValue ?? "")\n"
    }
    return out
  }
}

extension ChangePart {
  /// The change table shared by `trend` and `compare`.
  static func table(_ rows: [ChangePart]) -> String {
    var table = PlainTable(
      header: ["", "people before", "after", "inside before", "after", "change", "95% margin", "verdict before", "after", "change"],
      rightAligned: [1, 2, 3, 4, 5, 6])
    for c in rows {
      table.append([
        c.name ?? ReportLanguage.en.wording.organizationWord, c.before.map { NumberText.integer($0.people) } ?? "—",
        c.after.map { NumberText.integer($0.people) } ?? "—", percent(c.before?.shareInside), percent(c.after?.shareInside),
        points(c.shareInsideChange), margin(c.shareInsideChangeLow, c.shareInsideChangeHigh, points: true),
        c.before?.verdict?.rawValue ?? "—", c.after?.verdict?.rawValue ?? "—", c.direction.map { ReportLanguage.en.wording.changeWord($0) } ?? "—",
      ])
    }
    return table.rendered()
  }
}

/// A share as a whole percentage, "—" when undefined (as the `silos` table writes it).
private func percent(_ value: Double?) -> String { SiloScorecard.percent(value ?? .nan) }

/// A change in percentage points with its sign, as the report writes it: "+18 pts".
private func points(_ value: Double?) -> String { value.map { ReportLanguage.en.wording.points($0) } ?? "—" }

/// An interval as "64–71%" (shares) or "−9 to −2 pts" (changes), as the report writes it.
private func margin(_ low: Double?, _ high: Double?, points asPoints: Bool = false) -> String {
  guard let low, let high, low.isFinite, high.isFinite else { return "—" }
  let w = ReportLanguage.en.wording
  return asPoints ? "\(w.signedPoints(low)) \(w.toWord) \(w.points(high))" : w.numbers.percentRange(low, high)
}
