/// A small, fast, seedable random number generator (SplitMix64), so that every randomized
/// result in SiloScope is the same for the same seed on every platform.
///
/// SplitMix64 (Steele, Lea & Flood 2014, doi:10.1145/2714064.2660195) passes BigCrush and is
/// what swift-algorithms' and swift-collections' test suites use as their repeatable
/// generator. The standard library's `SystemRandomNumberGenerator` cannot be seeded.
public struct SeededGenerator: RandomNumberGenerator, Sendable, Hashable {
  private var state: UInt64

  /// Creates a generator whose sequence is fixed by `seed`: the same seed gives the same
  /// numbers on every platform. Every value, 0 included, is a valid seed.
  public init(seed: UInt64) { state = seed }

  @inline(__always)
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z &>> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z &>> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z &>> 31)
  }

  /// A uniform double in `[0, 1)` with 53 random bits.
  @inline(__always)
  public mutating func nextUnit() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }
}
