/// The change in an E-I index between two periods, with a bootstrap interval of the change.
///
/// **Test.** Each period's projects are resampled on their own
/// (``SiloGraph/CollaborationGraph/eiReplicates(of:affiliations:weighted:replicates:seed:threads:)``,
/// with different seeds, so the two samples are independent, as the two periods' projects
/// are), and replicate r's change is after_r − before_r. The interval runs from the
/// (1 − confidence)/2 to the (1 + confidence)/2 percentile of those changes
/// (``EIBootstrap/percentile(sorted:_:)``); the change is *beyond the uncertainty* when the
/// interval does not contain 0: a percentile-interval test of "no change" at level
/// 1 − confidence (Efron & Tibshirani 1993, ch. 16, on bootstrap tests with two independent
/// samples). Replicates in which either period's index is undefined are left out; with fewer
/// than half of them left, there is no interval.
///
/// The E-I and the share of ties kept inside say the same thing (share = (1 − E-I)/2), so the
/// change in the share inside is −½ of the change in E-I, its interval likewise.
public struct EIDifference: Sendable, Hashable, Codable {
  /// The E-I before and after; `nil` where undefined (no tie).
  public var before: Double?
  public var after: Double?
  /// after − before; `nil` when either is undefined.
  public var change: Double?
  /// The interval of the change; `nil` without enough defined replicates.
  public var changeLow: Double?
  public var changeHigh: Double?

  /// Whether the interval excludes 0; `nil` without an interval.
  public var beyondUncertainty: Bool? {
    guard let changeLow, let changeHigh else { return nil }
    return changeLow > 0 || changeHigh < 0
  }

  /// The change as a share of ties kept inside (−½ of the E-I's), with its interval.
  public var shareInsideChange: (change: Double?, low: Double?, high: Double?) {
    (change.map { -$0 / 2 }, changeHigh.map { -$0 / 2 }, changeLow.map { -$0 / 2 })
  }

  /// The change between two E-I indices without a bootstrap: no interval, so never beyond the
  /// uncertainty (`nil`).
  public init(before: Double?, after: Double?) {
    self.before = before
    self.after = after
    if let before, let after { change = after - before }
  }

  /// The change in the organization's (`group == nil`) or one group's E-I between two
  /// bootstraps of the same number of replicates.
  ///
  /// - Precondition: both have the same number of replicates; `confidence` lies in (0, 1).
  public init(before: EIReplicates, group beforeGroup: Int?, after: EIReplicates, group afterGroup: Int?, confidence: Double = 0.95) {
    precondition(before.replicates == after.replicates, "both periods need the same number of replicates")
    precondition(confidence > 0 && confidence < 1, "the confidence must lie between 0 and 1")
    func observed(_ r: EIReplicates, _ g: Int?) -> Double? {
      let value = g.map { r.observed.perGroup[$0].index } ?? r.observed.overall
      return value.isNaN ? nil : value
    }
    self.before = observed(before, beforeGroup)
    self.after = observed(after, afterGroup)
    guard let b = self.before, let a = self.after else { return }
    change = a - b
    var changes: [Double] = []
    changes.reserveCapacity(before.replicates)
    for r in 0 ..< before.replicates {
      let x = before.value(replicate: r, group: beforeGroup), y = after.value(replicate: r, group: afterGroup)
      if !x.isNaN && !y.isNaN { changes.append(y - x) }
    }
    guard 2 * changes.count >= before.replicates else { return }
    changes.sort()
    changeLow = EIBootstrap.percentile(sorted: changes, (1 - confidence) / 2)
    changeHigh = EIBootstrap.percentile(sorted: changes, (1 + confidence) / 2)
  }
}

/// What a change in how much a department keeps to itself means, in one word.
///
/// The rule: *opened up* when the share of ties kept inside fell (E-I rose) by at least
/// ``minimumShareChange`` (5 percentage points) and the change is beyond the uncertainty
/// (``EIDifference/beyondUncertainty``: its interval lies above zero); *closed up* when it rose
/// likewise; *no clear change* otherwise, including when there is no interval.
///
/// Both conditions are needed. The uncertainty, not a fixed number of points, decides whether
/// a change is more than chance: a department of 8 people can move 10 points by chance, one of
/// 800 cannot. The minimum keeps a real but negligible change from being named: with thousands
/// of ties, a move of half a point is beyond the uncertainty, yet it does not change how the
/// department works. 5 points is SiloScope's choice: the report shows whole percentages, and
/// the verdict bands (``SiloVerdict``) are 17 points of share wide, so a smaller change is less
/// than a third of a band.
public enum ChangeDirection: String, Sendable, Hashable, Codable, CaseIterable {
  case opened
  case closed
  case unclear

  /// The least change in the share of ties kept inside that is named: 0.05 (5 points), an
  /// E-I change of 0.1.
  public static let minimumShareChange = 0.05

  /// The direction of `difference` under the rule above; `nil` when either side is undefined.
  public init?(_ difference: EIDifference) {
    guard let change = difference.change else { return nil }
    // The side of zero the interval lies on decides, so the word never contradicts the margin.
    let material = abs(change) / 2 >= Self.minimumShareChange - 1e-12
    if material, let low = difference.changeLow, low > 0 {
      self = .opened
    } else if material, let high = difference.changeHigh, high < 0 {
      self = .closed
    } else {
      self = .unclear
    }
  }
}
