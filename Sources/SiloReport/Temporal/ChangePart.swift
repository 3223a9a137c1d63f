import SiloGraph
import SiloMetrics

/// One department (or the organization) in two periods: its measures in each, and the change
/// in the share of ties it keeps inside with the bootstrap test of that change
/// (SiloMetrics' `EIDifference`, `ChangeDirection`). Shared by `trend` (first against last
/// period) and `compare` (before against after).
public struct ChangePart: Sendable, Hashable, Codable {
  /// The department; `null` for the organization.
  @Null public var name: String?
  /// The measures before and after; `null` where the department has no people in that period.
  @Null public var before: Side?
  @Null public var after: Side?
  /// after − before, as shares of ties (or weight) kept inside.
  @Null public var shareInsideChange: Double?
  /// The 95% bootstrap interval of that change.
  @Null public var shareInsideChangeLow: Double?
  @Null public var shareInsideChangeHigh: Double?
  /// after − before of the E-I index (−2 × the change in share inside), with its interval.
  @Null public var eiChange: Double?
  @Null public var eiChangeLow: Double?
  @Null public var eiChangeHigh: Double?
  /// Whether the interval excludes no change; `null` without an interval.
  @Null public var beyondUncertainty: Bool?
  /// `opened`, `closed` or `unclear` (SiloMetrics' `ChangeDirection`); `null` where the share is
  /// undefined in either period.
  @Null public var direction: ChangeDirection?

  /// A department or the organization in one period.
  public struct Side: Sendable, Hashable, Codable {
    public var people: Int
    /// Ties inside, and with one end outside (the organization: all ties, and those between
    /// departments).
    public var internalTies: Int
    public var externalTies: Int
    @Null public var shareInside: Double?
    @Null public var eiIndex: Double?
    @Null public var verdict: SiloVerdict?
    /// The department's term in the modularity (the organization: the modularity).
    @Null public var modularity: Double?
    /// The share of its people with at least one tie to another department.
    @Null public var shareWithOutsideTie: Double?

    enum CodingKeys: String, CodingKey {
      case people, internalTies = "internal_ties", externalTies = "external_ties", shareInside = "share_inside"
      case eiIndex = "ei_index", verdict, modularity, shareWithOutsideTie = "share_with_outside_tie"
    }
  }

  enum CodingKeys: String, CodingKey {
    case name, before, after, shareInsideChange = "share_inside_change", shareInsideChangeLow = "share_inside_change_low"
    case shareInsideChangeHigh = "share_inside_change_high", eiChange = "ei_change", eiChangeLow = "ei_change_low"
    case eiChangeHigh = "ei_change_high", beyondUncertainty = "beyond_uncertainty", direction
  }
}

extension ChangePart {
  /// The organization's row.
  static func organization(before: PeriodSnapshot, after: PeriodSnapshot) -> ChangePart {
    var part = ChangePart(name: nil, before: .organization(before.scorecard), after: .organization(after.scorecard))
    if let b = before.replicates, let a = after.replicates, b.replicates == a.replicates {
      part.add(EIDifference(before: b, group: nil, after: a, group: nil))
    } else {
      part.add(EIDifference(before: part.before?.eiIndex, after: part.after?.eiIndex))
    }
    return part
  }

  /// The rows of every department in either period, by name: the organization's order of the
  /// later period, then departments found only before. A change is judged only for a
  /// department with at least two people on both sides, as only those have a verdict.
  static func departments(before: PeriodSnapshot, after: PeriodSnapshot) -> [ChangePart] {
    let beforeIndex = Dictionary(uniqueKeysWithValues: before.scorecard.departments.map { ($0.name, $0.index) })
    let afterIndex = Dictionary(uniqueKeysWithValues: after.scorecard.departments.map { ($0.name, $0.index) })
    let names = after.scorecard.departments.map(\.name) + before.scorecard.departments.map(\.name).filter { afterIndex[$0] == nil }
    return names.map { name in
      let b = beforeIndex[name], a = afterIndex[name]
      var part = ChangePart(
        name: name, before: b.map { .department(before.scorecard.departments[$0]) },
        after: a.map { .department(after.scorecard.departments[$0]) })
      // A department of one person has no verdict (SiloScorecard), and no change is judged.
      let judged = (part.before?.people ?? 0) >= 2 && (part.after?.people ?? 0) >= 2
      if judged, let b, let a, let rb = before.replicates, let ra = after.replicates, rb.replicates == ra.replicates {
        part.add(EIDifference(before: rb, group: b, after: ra, group: a))
      } else if judged {
        part.add(EIDifference(before: part.before?.eiIndex, after: part.after?.eiIndex))
      }
      return part
    }
  }

  mutating func add(_ difference: EIDifference) {
    let share = difference.shareInsideChange
    shareInsideChange = share.change
    shareInsideChangeLow = share.low
    shareInsideChangeHigh = share.high
    eiChange = difference.change
    eiChangeLow = difference.changeLow
    eiChangeHigh = difference.changeHigh
    beyondUncertainty = difference.beyondUncertainty
    direction = ChangeDirection(difference)
  }
}

extension ChangePart.Side {
  static func organization(_ s: SiloScorecard) -> ChangePart.Side {
    let o = s.organization
    let between = s.departments.reduce(0) { $0 + $1.externalTies } / 2
    return .init(
      people: o.people, internalTies: o.ties - between, externalTies: between, shareInside: defined(o.shareInside),
      eiIndex: defined(o.eiIndex), verdict: o.verdict, modularity: defined(o.modularity),
      shareWithOutsideTie: o.people > 0 ? Double(o.peopleWithOutsideTie) / Double(o.people) : nil)
  }

  static func department(_ d: SiloScorecard.Department) -> ChangePart.Side {
    .init(
      people: d.size, internalTies: d.internalTies, externalTies: d.externalTies, shareInside: defined(d.shareInside),
      eiIndex: defined(d.eiIndex), verdict: d.verdict, modularity: defined(d.modularityContribution),
      shareWithOutsideTie: d.size > 0 ? Double(d.peopleWithOutsideTie) / Double(d.size) : nil)
  }
}
