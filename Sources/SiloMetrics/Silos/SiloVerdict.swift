/// The word for how much a department keeps to itself: one rule, used by the scorecard, the
/// findings, the department map, `report.json` and the command line.
///
/// **The rule in one sentence**: a department is a *silo* when it keeps more than five ties
/// inside for every tie outside (E-I ≤ −2/3) and more than random assignment of people to
/// departments would give a department of its size; *inward* from two to five inside per
/// outside (−2/3 < E-I ≤ −1/3); *balanced* when neither side has more than twice the other
/// (−1/3 < E-I < +1/3); *open* when at least two of every three ties go outside (E-I ≥ +1/3).
///
/// - The silo threshold is Leonardi & Contractor's "more than 5 internal for every external
///   interaction" for a detrimentally siloed group (P. Leonardi, N. Contractor, "Better People
///   Analytics", *Harvard Business Review*, Nov–Dec 2018), converted with
///   E-I = (1 − r)/(1 + r) for r inside per outside: r = 5 gives −2/3. Like their ratio, the
///   bands read the E-I as people experience it (per tie, weighted when ties are).
/// - The other bands are SiloScope's own, chosen for symmetry and a plain reading: 2:1 either
///   way (E-I = ∓1/3) separates "more on one side" from "balanced".
/// - Size: a large department has more colleagues inside by arithmetic alone. The reference
///   for its size is the E-I that random assignment of people to departments gives it (the
///   mean of the permutation test, ``SiloGraph/CollaborationGraph/eiPermutationTest(of:weighted:permutations:seed:threads:)``):
///   a department that keeps 5:1 inside only because it is most of the organization is
///   *inward*, not a silo. That expectation and its p-value are information, not the verdict:
///   against random assignment nearly every department of a real organization is
///   "significantly inward" (its expected E-I is about 1 − 2/g for g departments of equal
///   size), so the test cannot tell which one is a silo.
/// - Not UCINET's rescaled E-I: rescaling to the range a department's size and tie count allow
///   calls a team of five that works with every colleague inside and has fifty ties outside a
///   silo (−1), because it has no more colleagues inside to work with.
public enum SiloVerdict: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
  case silo
  case inward
  case balanced
  case open

  /// E-I at or below which a department is a silo: 5 inside per 1 outside.
  public static let siloLimit = -2.0 / 3
  /// E-I at or below which a department is inward: 2 inside per 1 outside.
  public static let inwardLimit = -1.0 / 3
  /// E-I at or above which a department is open: 2 outside per 1 inside.
  public static let openLimit = 1.0 / 3

  /// The verdict for a department's E-I and the E-I random assignment gives a department of its
  /// size: the band of `ei`, except that a silo needs `ei` below `expected` (else *inward*);
  /// `nil` when `ei` is NaN. A NaN `expected` does not hold a silo back.
  public init?(ei: Double, expected: Double) {
    guard let band = SiloVerdict(ei: ei) else { return nil }
    self = band == .silo && !(ei < expected || expected.isNaN) ? .inward : band
  }

  /// The band of an E-I index; `nil` for NaN (a department without ties or of one person).
  public init?(ei: Double) {
    guard !ei.isNaN else { return nil }
    if ei <= Self.siloLimit + 1e-12 {
      self = .silo
    } else if ei <= Self.inwardLimit + 1e-12 {
      self = .inward
    } else if ei < Self.openLimit - 1e-12 {
      self = .balanced
    } else {
      self = .open
    }
  }

  /// The bands an interval touches, from most closed to most open (one band when the
  /// interval lies inside it); empty when either end is NaN.
  public static func bands(from low: Double, to high: Double) -> [SiloVerdict] {
    guard let a = SiloVerdict(ei: min(low, high)), let b = SiloVerdict(ei: max(low, high)) else { return [] }
    return allCases.filter { $0 >= a && $0 <= b }
  }

  public static func < (a: SiloVerdict, b: SiloVerdict) -> Bool {
    allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
  }
}
