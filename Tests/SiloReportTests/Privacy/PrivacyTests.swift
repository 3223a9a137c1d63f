import Testing
import SiloGraph
@testable import SiloReport

/// The test key: 32 ASCII bytes, `b'siloscope-test-key-not-a-secret!'` in the Python below.
let testKeyText = "siloscope-test-key-not-a-secret!"
/// A second key, `b'another-key-0123456789abcdef'` (28 bytes).
let otherKeyText = "another-key-0123456789abcdef"

func pseudonymizer(_ keyText: String) throws -> Pseudonymizer {
  Pseudonymizer(key: try PseudonymKey(bytes: Array(keyText.utf8)))
}

/// Known answers, stability and key sensitivity of ``Pseudonymizer``.
///
/// Provenance of every expected pseudonym: Python 3, independently of the Swift code:
///
/// ```python
/// import hmac, hashlib, unicodedata
/// A = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"                       # Crockford base32
/// def b32(d, n):                                               # first n digits, MSB first
///     v = int.from_bytes(d, 'big') << 4                        # 260 bits = 52 digits
///     return ''.join(A[(v >> (255 - 5*i)) & 31] for i in range(52))[:n]
/// def ps(key, id, n=10):                                      # ids in NFC, as SiloScope reads them
///     id = unicodedata.normalize("NFC", id)
///     return "P-" + b32(hmac.new(key, id.encode(), hashlib.sha256).digest(), n)
/// ```
///
/// (SiloScope's name rule does more than NFC, see `Names`; none of it changes these ids.)
///
/// `b32` was itself checked against the standard library on 1,000 random digests:
/// `base64.b32encode(d).decode().rstrip('=').translate(str.maketrans(RFC4648, A))` (RFC 4648
/// uses the same bit order with another alphabet).
@Suite("Pseudonyms")
struct PseudonymTests {
  /// (id, `ps(b'siloscope-test-key-not-a-secret!', id)`, `ps(b'another-key-0123456789abcdef', id)`).
  /// Non-ASCII ids are written with escapes so the exact code points (and so the UTF-8 bytes
  /// Python hashed) are visible.
  static let knownAnswers: [(id: String, testKey: String, otherKey: String)] = [
    ("Ana de Vries", "P-ZCNYF9JCDQ", "P-DAKRNC4AGY"),
    ("ana de vries", "P-83MPGEYHNY", "P-9WFM9TNTPH"),  // case matters
    ("Ruud \u{DC}nal", "P-QHNXN6CDNN", "P-AF3NMA051F"),  // Ü precomposed
    ("M\u{FC}ller", "P-B90M547DJB", "P-WBETPNJJ2R"),
    ("Jos\u{E9}", "P-DC3S7JX4MC", "P-N77XA4WMR5"),  // é precomposed (NFC)
    ("Jose\u{301}", "P-DC3S7JX4MC", "P-N77XA4WMR5"),  // e + combining acute (NFD): one person with the NFC id
    // Arabic (right to left): مريم العلي
    ("\u{645}\u{631}\u{64A}\u{645} \u{627}\u{644}\u{639}\u{644}\u{64A}", "P-1GKPDJP4Y6", "P-CT5QAV1DWK"),
    // Hebrew (right to left): אבי כהן
    ("\u{5D0}\u{5D1}\u{5D9} \u{5DB}\u{5D4}\u{5DF}", "P-4QCRMSHXDX", "P-TA2ZYSQEYQ"),
    // Emoji ZWJ sequence (woman technologist, medium skin tone) and ASCII
    ("\u{1F469}\u{1F3FD}\u{200D}\u{1F4BB} dev", "P-BCYMY84RX7", "P-796YZ7850F"),
    ("", "P-5454BZ6HY9", "P-81PKCPRE42"),
    ("e.jansen@example.org", "P-D3TGPCT2K2", "P-CV5TQZNJZG"),
  ]

  @Test("known answers from Python's hmac", arguments: knownAnswers.indices)
  func knownAnswer(_ i: Int) throws {
    let (id, expected, _) = Self.knownAnswers[i]
    #expect(try pseudonymizer(testKeyText).pseudonym(for: id) == expected, "id \(id.unicodeScalars.map { String($0.value, radix: 16) })")
  }

  @Test("another key gives other pseudonyms, again as Python computes them", arguments: knownAnswers.indices)
  func otherKey(_ i: Int) throws {
    let (id, first, expected) = Self.knownAnswers[i]
    let other = try pseudonymizer(otherKeyText).pseudonym(for: id)
    #expect(other == expected)
    #expect(other != first)
  }

  @Test("the same key gives the same pseudonyms, from separate key and pseudonymizer values")
  func stable() throws {
    let ids = Self.knownAnswers.map(\.id)
    let first = try pseudonymizer(testKeyText)
    let second = try pseudonymizer(String(testKeyText))  // a fresh key value from the same bytes
    #expect(ids.map(first.pseudonym(for:)) == ids.map(second.pseudonym(for:)))
    #expect(first.pseudonyms(for: ids) == second.pseudonyms(for: ids))
  }

  @Test("a key differing in one byte changes every pseudonym")
  func keySensitivity() throws {
    // The test key with its last byte "!" replaced by "?": a different key of the same length.
    let nearby = try pseudonymizer(String(testKeyText.dropLast()) + "?")
    let original = try pseudonymizer(testKeyText)
    for (id, _, _) in Self.knownAnswers {
      #expect(nearby.pseudonym(for: id) != original.pseudonym(for: id))
    }
  }

  @Test("pseudonyms have the documented shape: P- and 10 Crockford digits")
  func shape() throws {
    let p = try pseudonymizer(testKeyText)
    // Crockford's alphabet: digits and capitals without I, L, O, U (crockford.com/base32.html).
    let alphabet = Set("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    for i in 0 ..< 2000 {
      let name = p.pseudonym(for: "person-\(i)")
      #expect(name.hasPrefix("P-") && name.count == 12)
      #expect(name.dropFirst(2).allSatisfy(alphabet.contains), "\(name)")
    }
  }

  @Test("canonically equal spellings are one id: the HMAC is over the name in NFC")
  func unicodeNormalization() throws {
    let p = try pseudonymizer(testKeyText)
    // Swift compares NFC and NFD "José" equal although their UTF-8 bytes differ; they are one
    // person, with one pseudonym.
    #expect("Jos\u{E9}" == "Jose\u{301}")
    #expect(p.pseudonyms(for: ["Jos\u{E9}", "Jose\u{301}"]) == ["P-DC3S7JX4MC", "P-DC3S7JX4MC"])  // Python, above
    #expect(p.pseudonym(for: "Jos\u{E9}\u{200B}") == "P-DC3S7JX4MC")
  }

  // MARK: - Lengthening

  /// Artificial digests, 32 bytes each, chosen so that their base32 digits clash on purpose.
  /// Expected digits: Python `b32(d, n)` from the suite comment, for n = 10, 12, 14 and 52.
  enum Digest {
    /// All zero bits: `0000000000`, 12 → `000000000000`, 14 → `00000000000000`.
    static let a = [UInt8](repeating: 0, count: 32)
    /// Bit 50 set (byte 6 = 0x20): shares 10 digits with `a`; 12 → `0000000000G0`.
    static let b: [UInt8] = { var d = a; d[6] = 0x20; return d }()
    /// Bit 60 set (byte 7 = 0x08): shares 12 digits with `a`; 14 → `000000000000G0`.
    static let c: [UInt8] = { var d = a; d[7] = 0x08; return d }()
    /// Bit 49 set (byte 6 = 0x40): shares 49 bits with `a` but not 50, so its tenth digit
    /// differs: `0000000001`.
    static let e: [UInt8] = { var d = a; d[6] = 0x40; return d }()
    /// All one bits: `ZZZZZZZZZZ`, clashes with nothing above.
    static let d = [UInt8](repeating: 0xFF, count: 32)
    /// 0xAB repeated: 52 → `NENTQAXBNENTQAXBNENTQAXBNENTQAXBNENTQAXBNENTQAXBNENG`.
    static let f = [UInt8](repeating: 0xAB, count: 32)
    /// `f` with its last bit (bit 255) cleared: 52 → `…NEN0`; differs from `f` only in the last digit.
    static let g: [UInt8] = { var d = f; d[31] = 0xAA; return d }()
  }

  @Test("three digests sharing 10 digits: one lengthened to 12, two (still clashing) to 14")
  func lengtheningSplitsAsFarAsNeeded() {
    let names = Pseudonymizer.pseudonyms(forDigests: [Digest.a, Digest.b, Digest.c, Digest.d, Digest.e])
    // Python b32: a and c agree on 12 digits, b leaves at 12; d clashes with no one; e shares
    // 49 bits with a, b and c, one short of a clash, and keeps its 10 digits.
    #expect(names == ["P-00000000000000", "P-0000000000G0", "P-000000000000G0", "P-ZZZZZZZZZZ", "P-0000000001"])
  }

  @Test("digests differing only in the last bit are lengthened to the full 256 bits (52 digits)")
  func fullLength() {
    let names = Pseudonymizer.pseudonyms(forDigests: [Digest.f, Digest.g])
    // Python b32(d, 52) of 0xAB × 32 and of 0xAB × 31 + 0xAA.
    #expect(
      names == [
        "P-NENTQAXBNENTQAXBNENTQAXBNENTQAXBNENTQAXBNENTQAXBNENG",
        "P-NENTQAXBNENTQAXBNENTQAXBNENTQAXBNENTQAXBNENTQAXBNEN0",
      ])
    #expect(Set(names).count == 2)
  }

  @Test("the same digest twice gets the same short pseudonym, not a lengthened one")
  func repeatedDigest() {
    let names = Pseudonymizer.pseudonyms(forDigests: [Digest.d, Digest.a, Digest.d])
    // Python b32(d, 10) = ZZZZZZZZZZ, b32(a, 10) = 0000000000: equal digests are one id.
    #expect(names == ["P-ZZZZZZZZZZ", "P-0000000000", "P-ZZZZZZZZZZ"])
  }

  @Test("the result does not depend on the order of the ids", arguments: 0 ..< 7)
  func orderIndependent(_ rotation: Int) {
    let digests = [Digest.a, Digest.b, Digest.c, Digest.d, Digest.e, Digest.f, Digest.g]
    let reference = Dictionary(
      uniqueKeysWithValues: zip(digests, Pseudonymizer.pseudonyms(forDigests: digests)))
    let rotated = Array((digests[rotation...] + digests[..<rotation]).reversed())
    let names = Pseudonymizer.pseudonyms(forDigests: rotated)
    #expect(names == rotated.map { reference[$0]! })
  }

  /// Real 50-bit clashes under the test key: (id, id, shared 10 digits, 12 digits of each).
  ///
  /// Found by a birthday search over "person-0" … "person-99999999" (C with OpenSSL's SHA-256,
  /// HMAC's inner and outer states precomputed; 7 pairs found, 3 used here), then confirmed in
  /// Python: `ps(K, x) == ps(K, y)` gives the shared value, and `ps(K, x, 12)`, `ps(K, y, 12)`
  /// the lengthened ones, with K = b'siloscope-test-key-not-a-secret!'.
  static let realClashes: [(x: String, y: String, short: String, longX: String, longY: String)] = [
    ("person-57315272", "person-65272221", "P-NBP9GJ6VT6", "P-NBP9GJ6VT6JQ", "P-NBP9GJ6VT6AR"),
    ("person-10545066", "person-84735603", "P-T0MZ3V5JAX", "P-T0MZ3V5JAXPB", "P-T0MZ3V5JAXVR"),
    ("person-69594187", "person-78253304", "P-861GCNXFG8", "P-861GCNXFG8W0", "P-861GCNXFG828"),
  ]

  @Test("real 50-bit clashes between ids, found by search, lengthen both ids of each pair", arguments: realClashes.indices)
  func realCollision(_ i: Int) throws {
    let p = try pseudonymizer(testKeyText)
    let (x, y, short, longX, longY) = Self.realClashes[i]
    #expect(p.pseudonym(for: x) == short)
    #expect(p.pseudonym(for: y) == short)
    // Ana de Vries (known answer above) clashes with neither and stays at 10 digits.
    #expect(p.pseudonyms(for: [x, "Ana de Vries", y]) == [longX, "P-ZCNYF9JCDQ", longY])
    #expect(p.pseudonyms(for: [y, x]) == [longY, longX])
  }

  @Test("all clashing ids together: each pair lengthened, the result injective")
  func realCollisionsTogether() throws {
    let p = try pseudonymizer(testKeyText)
    let ids = Self.realClashes.flatMap { [$0.x, $0.y] }
    let names = p.pseudonyms(for: ids)
    #expect(names == Self.realClashes.flatMap { [$0.longX, $0.longY] })  // Python, as above
    #expect(Set(names).count == ids.count)
  }

  @Test("20,000 ids get 20,000 distinct pseudonyms, each its short pseudonym")
  func manyIDs() throws {
    let p = try pseudonymizer(testKeyText)
    let ids = (0 ..< 20_000).map { "employee \($0)" }
    let names = p.pseudonyms(for: ids)
    #expect(Set(names).count == ids.count)
    // A clash among 20,000 50-bit values has probability about 20,000² / 2⁵¹ ≈ 2·10⁻⁷.
    #expect(names == ids.map(p.pseudonym(for:)))
  }

  @Test("no ids, no pseudonyms")
  func empty() throws {
    #expect(try pseudonymizer(testKeyText).pseudonyms(for: []) == [])
  }
}
