import Foundation
import Testing
@testable import SiloMetrics

/// Leiden's own eˣ (the refinement's random choice must not depend on a platform's libm):
/// the power of two it scales by is exact, so it equals the series scaled by repeated halving,
/// bit for bit, and stays within 1e-12 (relative) of the C library's exp: the range reduction
/// with one double for ln 2 loses up to a few hundred ulps near −700, where the probabilities
/// it gives are negligible anyway.
@Suite("Leiden's exp")
struct LeidenExpTests {
  /// The definition the scaling replaced: the same series, scaled by halving or doubling k times.
  static func byHalving(_ x: Double) -> Double {
    if x < -700 { return 0 }
    let k = (x / 0.6931471805599453).rounded()
    let r = x - k * 0.6931471805599453
    var term = 1.0, sum = 1.0
    for n in 1 ... 18 {
      term *= r / Double(n)
      sum += term
    }
    var scale = 1.0
    if k < 0 { for _ in 0 ..< Int(-k) { scale /= 2 } } else { for _ in 0 ..< Int(k) { scale *= 2 } }
    return sum * scale
  }

  @Test("equal bit for bit to scaling by repeated halving, from −700 to 0, subnormal results included")
  func sameBits() {
    var x = -700.0
    while x <= 0 {
      #expect(Leiden.exp(x).bitPattern == Self.byHalving(x).bitPattern, "x = \(x)")
      x += 0.0137
    }
    #expect(Leiden.exp(-699.9).bitPattern == Self.byHalving(-699.9).bitPattern)
    #expect(Leiden.exp(-701) == 0)
  }

  @Test("within 1e-12 of the C library's exp from −700 to 0")
  func closeToLibm() {
    for x in stride(from: -700.0, through: 0, by: 0.731) {
      let ours = Leiden.exp(x), theirs = Foundation.exp(x)
      #expect(abs(ours - theirs) <= 1e-12 * theirs, "x = \(x)")
    }
  }
}
