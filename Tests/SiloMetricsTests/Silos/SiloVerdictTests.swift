import SiloGraph
import SiloMetrics
import Testing
import _SiloTestSupport

/// The verdict rule: bands on the E-I (5:1 and 2:1 either way), a silo only below what random
/// assignment gives a department of its size.
@Suite struct SiloVerdictTests {
  /// The band edges, converted from ratios of ties inside to ties outside with
  /// E-I = (1 − r)/(1 + r): r = 5 → −2/3, r = 2 → −1/3, r = 1/2 → +1/3.
  @Test func bandsFollowTheRatios() {
    func ei(inside: Double, outside: Double) -> Double { (outside - inside) / (outside + inside) }
    #expect(SiloVerdict(ei: ei(inside: 5, outside: 1)) == .silo)
    #expect(SiloVerdict(ei: ei(inside: 6, outside: 1)) == .silo)
    #expect(SiloVerdict(ei: ei(inside: 49, outside: 10)) == .inward)
    #expect(SiloVerdict(ei: ei(inside: 2, outside: 1)) == .inward)
    #expect(SiloVerdict(ei: ei(inside: 19, outside: 10)) == .balanced)
    #expect(SiloVerdict(ei: 0) == .balanced)
    #expect(SiloVerdict(ei: ei(inside: 10, outside: 19)) == .balanced)
    #expect(SiloVerdict(ei: ei(inside: 1, outside: 2)) == .open)
    #expect(SiloVerdict(ei: 1) == .open)
    #expect(SiloVerdict(ei: -1) == .silo)
    #expect(SiloVerdict(ei: .nan) == nil)
  }

  /// A department that keeps 5:1 inside only because it is most of the organization (random
  /// assignment gives it as much) is inward, not a silo; an undefined expectation holds nothing back.
  @Test func sizeAloneMakesNoSilo() {
    #expect(SiloVerdict(ei: -0.8, expected: -0.5) == .silo)
    #expect(SiloVerdict(ei: -0.8, expected: -0.85) == .inward)
    #expect(SiloVerdict(ei: -0.8, expected: -0.8) == .inward)
    #expect(SiloVerdict(ei: -0.8, expected: .nan) == .silo)
    #expect(SiloVerdict(ei: 0.5, expected: 0.9) == .open)
    #expect(SiloVerdict(ei: .nan, expected: 0.9) == nil)
  }

  /// An interval lists every band it touches, in order; reversed ends read the same.
  @Test func intervalsSpanBands() {
    #expect(SiloVerdict.bands(from: -0.9, to: -0.7) == [.silo])
    #expect(SiloVerdict.bands(from: -0.75, to: -0.5) == [.silo, .inward])
    #expect(SiloVerdict.bands(from: 0.4, to: -0.7) == [.silo, .inward, .balanced, .open])
    #expect(SiloVerdict.bands(from: .nan, to: 0).isEmpty)
  }

  /// On the karate club (Datasets/zachary_karate, weighted; the E-I per faction as checked in
  /// SiloScorecardTests.karateWeighted: Mr. Hi −81/131 ≈ −0.62, Officer −3/5; the whole club
  /// −181/231 ≈ −0.78): both factions are inward, Mr. Hi's is the more closed, the median is
  /// their mean, and the club as a whole keeps more than 5:1 inside its factions.
  @Test func scorecardCarriesVerdictsAndRanks() throws {
    let (network, _, _) = try Ref.karate_w.load()
    let card = try network.siloScorecard(permutations: 200, seed: 3)
    #expect(card.departments.map(\.verdict) == [.inward, .inward])
    let ranks = card.departments.map(\.closedRank)
    let mrHi = card.departments.firstIndex { $0.eiIndex == -81.0 / 131 }!
    #expect(ranks[mrHi] == 1 && ranks[1 - mrHi] == 2)
    #expect(isClose(card.organization.medianEI, (-81.0 / 131 - 3.0 / 5) / 2, tolerance: 1e-15))
    #expect(card.organization.verdict == .silo)
  }
}
