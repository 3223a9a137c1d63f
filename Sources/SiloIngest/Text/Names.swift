import Foundation
import SiloGraph

/// The one rule by which SiloScope reads a name: a person's id, a project, a department, a
/// node id, and every attribute value of a people file or node list.
///
/// The same person is often written in more than one way when exports come from different
/// systems: "Zoë" with a precomposed "ë" (U+00EB) from one, "e" + U+0308 (a combining
/// diaeresis) from another (macOS file names, some HR systems); a name pasted from a web page
/// with a zero-width space, a no-break space or a byte-order mark inside it. They look the
/// same in every report, so they must be the same person. Every reader applies, in order:
///
/// 1. Tabs, line breaks (LF, CR, NEL, U+2028, U+2029) and the Unicode space separators
///    (no-break space U+00A0, U+2000–U+200A, U+202F, U+205F, U+3000) become a space.
/// 2. Characters that show nothing are removed: C0 and C1 control characters and DEL; the
///    soft hyphen U+00AD; the zero-width space and the implicit direction marks (U+200B,
///    U+200E, U+200F); the zero-width non-joiner and joiner (U+200C, U+200D) except after a
///    character from U+0590 on, where they shape Arabic, Persian or Indic letters or join an
///    emoji sequence; the direction embeddings, overrides and isolates
///    (U+202A–U+202E, U+2066–U+2069); the word joiner and invisible operators
///    (U+2060–U+2064); the Arabic letter mark U+061C and the Mongolian vowel separator
///    U+180E; the byte-order mark U+FEFF; the noncharacters (U+FDD0–U+FDEF and the last two
///    code points of every plane, which XML forbids).
/// 3. Runs of spaces become one space, and spaces at either end are removed.
/// 4. The result is put in Unicode Normalization Form C (canonical composition, UAX #15).
///
/// Two names are the same when their normalized forms are byte for byte equal. NFC is
/// canonical: two strings that Swift (or any Unicode-aware program) compares equal have the
/// same NFC, so byte comparison after step 4 agrees with `String` equality, and pseudonyms,
/// which are keyed hashes of the bytes, agree for every spelling of a name.
///
/// Letters, digits, punctuation and symbols of every script, emoji and right-to-left text are
/// kept as they are; case is kept ("de Vries" and "De Vries" stay two names, since a reader
/// cannot know whether they are one person).
///
/// Complexity: O(*b*) for a name of *b* bytes. Names whose bytes are printable ASCII and
/// Latin letters below U+0300 with single inner spaces (the common case) are recognized
/// without decoding: every character below U+0300 is already in NFC.
public enum Names {
  /// `text` under the rule above.
  public static func normalized(_ text: String) -> String {
    var copy = text
    let bytes = copy.withUTF8 { needsWork($0) }
    return bytes ? slowPath(text) : text
  }

  /// `text` without the characters step 2 removes (controls, invisible and direction
  /// characters, noncharacters), line breaks and tabs kept: the text safety of every output
  /// file (CSV, GraphML), for names that did not come through a reader.
  public static func printable(_ text: String) -> String {
    InvisibleCharacters.removed(from: text, keeping: isKeptInOutput)
  }

  private static func isKeptInOutput(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "\t" || scalar == "\n" || scalar == "\r"
  }

  /// The normalized bytes of `field`, or `nil` when `field` is already normalized.
  package static func normalizedBytes(_ field: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
    guard needsWork(field) else { return nil }
    let result = Array(slowPath(String(decoding: field, as: UTF8.self)).utf8)
    return result.elementsEqual(field) ? nil : result
  }

  /// Whether the bytes may change under the rule. `false` is exact: such bytes are already
  /// normalized. `true` may be a false alarm (the slow path then returns the same text).
  @inline(__always)
  static func needsWork(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let count = bytes.count
    if count == 0 { return false }
    if bytes[0] == 0x20 || bytes[count - 1] == 0x20 { return true }
    var previous: UInt8 = 0
    var i = 0
    while i < count {
      let b = bytes[i]
      switch b {
      case 0x21 ... 0x7E: break
      case 0x20: if previous == 0x20 { return true }
      case 0xC2:
        // U+0080–U+00A0 (C1 controls, no-break space) and U+00AD (soft hyphen).
        guard i + 1 < count else { return true }
        let next = bytes[i + 1]
        if next <= 0xA0 || next == 0xAD { return true }
      case 0x80 ... 0xBF, 0xC3 ... 0xCB: break  // continuation bytes, U+00C0–U+02FF
      default: return true  // controls, DEL, anything from U+0300 on
      }
      previous = b
      i += 1
    }
    return false
  }

  private static func slowPath(_ text: String) -> String {
    var scalars = String.UnicodeScalarView()
    var pendingSpace = false
    for scalar in InvisibleCharacters.removed(from: text, keeping: isSpace).unicodeScalars {
      if isSpace(scalar) {
        pendingSpace = !scalars.isEmpty
      } else {
        if pendingSpace { scalars.append(" ") }
        pendingSpace = false
        scalars.append(scalar)
      }
    }
    return String(scalars).precomposedStringWithCanonicalMapping
  }

  /// Whether step 1 of the rule turns `scalar` into a space.
  package static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000 ... 0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
      return true
    default:
      return false
    }
  }

}

/// Numbers names under ``Names``' rule: every spelling of a name gets the number of the name.
///
/// Interns the bytes of each spelling first (a hash lookup without a `String`), and normalizes
/// each distinct spelling once, so a million rows that repeat a few thousand names normalize
/// only those few thousand.
package struct NameTable {
  /// Every byte string seen: the spellings read, and the normalized names made from them.
  private var spellings: ByteInterner
  /// For each spelling, the number of its name; −1 when nothing is left of it; −2 − *name*
  /// for a normalized name that has not been read as a spelling itself yet.
  private var nameOfSpelling: [Int32] = []
  private var spellingChanged: [Bool] = []
  /// For each name, the spelling that is the name itself.
  private var spellingOfName: [Int32] = []
  package private(set) var counter = SpellingCounter()

  package init(capacity: Int = 1024) {
    spellings = ByteInterner(capacity: capacity)
  }

  /// The number of distinct names.
  package var count: Int { spellingOfName.count }

  /// The number of the name `field` spells; −1 when nothing is left of it after
  /// normalization (only invisible characters).
  @inline(__always)
  package mutating func intern(_ field: UnsafeBufferPointer<UInt8>) -> Int32 { internNoting(field).name }

  /// The number of the name `field` spells (−1 when nothing is left of it), and whether the
  /// spelling differs from the name.
  @inline(__always)
  package mutating func internNoting(_ field: UnsafeBufferPointer<UInt8>) -> (name: Int32, changed: Bool) {
    let spelling = Int(spellings.intern(field))
    if spelling < nameOfSpelling.count {
      let name = nameOfSpelling[spelling]
      if name >= -1 { return (name, spellingChanged[spelling]) }
      // A normalized name, read as it is for the first time: one more spelling of it.
      nameOfSpelling[spelling] = -2 - name
      counter.spelling(of: -2 - name)
      return (-2 - name, false)
    }
    guard let normalized = Names.normalizedBytes(field) else {
      let name = Int32(spellingOfName.count)
      spellingOfName.append(Int32(spelling))
      nameOfSpelling.append(name)
      spellingChanged.append(false)
      counter.spelling(of: name)
      return (name, false)
    }
    counter.normalized(from: String(decoding: field, as: UTF8.self), to: String(decoding: normalized, as: UTF8.self))
    nameOfSpelling.append(-1)
    spellingChanged.append(true)
    guard !normalized.isEmpty else { return (-1, true) }
    let canonical = Int(normalized.withUnsafeBufferPointer { spellings.intern($0) })
    let name: Int32
    if canonical == nameOfSpelling.count {
      name = Int32(spellingOfName.count)
      spellingOfName.append(Int32(canonical))
      nameOfSpelling.append(-2 - name)
      spellingChanged.append(false)
    } else {
      let known = nameOfSpelling[canonical]
      name = known >= 0 ? known : -2 - known
    }
    nameOfSpelling[spelling] = name
    counter.spelling(of: name)
    return (name, true)
  }

  /// Numbers `other`'s names in this table as if `other`'s spellings had been read here after
  /// this table's own, in the order `other` first read them (its spellings' numbers, in which
  /// a normalized name made from a spelling comes right after it): the same names, numbers
  /// and counts as one table that read both. Returns the number here of each of `other`'s
  /// names.
  package mutating func absorb(_ other: NameTable) -> [Int32] {
    var numbers = [Int32](repeating: -1, count: other.count)
    for spelling in 0 ..< other.nameOfSpelling.count {
      let theirs = other.nameOfSpelling[spelling]
      guard theirs >= -1 else { continue }  // a normalized name not read as it is
      let ours = other.spellings.withBytes(of: spelling) { internNoting($0).name }
      if theirs >= 0 { numbers[Int(theirs)] = ours }
    }
    return numbers
  }

  /// The bytes of name `name`.
  package func bytes(of name: Int32) -> ArraySlice<UInt8> { spellings.bytes(Int(spellingOfName[Int(name)])) }

  /// The names, in order of their numbers.
  package func strings() -> [String] { spellingOfName.map { spellings.string(Int($0)) } }

  /// What the reader says about the names it normalized.
  package var warnings: [IngestWarning] { counter.warnings }
}

/// Numbers names given as strings under ``Names``' rule (the JSON Lines, people-file, node-list
/// and GraphML readers, and logs built from values).
package struct StringNameTable {
  private var index: [String: Int32] = [:]
  private var nameOfSpelling: [[UInt8]: Int32] = [:]
  package private(set) var names: [String] = []
  package private(set) var counter = SpellingCounter()

  package init() {}

  /// The number of the name `spelling` spells; −1 when nothing is left of it after
  /// normalization (only invisible characters).
  package mutating func intern(_ spelling: String) -> Int32 {
    let bytes = Array(spelling.utf8)
    if let known = nameOfSpelling[bytes] { return known }
    let name = normalize(spelling)
    var number: Int32 = -1
    if let existing = index[name] {
      number = existing
    } else if !name.isEmpty {
      number = Int32(names.count)
      index[name] = number
      names.append(name)
    }
    nameOfSpelling[bytes] = number
    if number >= 0 { counter.spelling(of: number) }
    return number
  }

  /// `spelling` normalized (for values that are not numbered: attributes, headers), counting
  /// what changed.
  package mutating func normalize(_ spelling: String) -> String {
    let name = Names.normalized(spelling)
    counter.normalized(from: spelling, to: name)
    return name
  }

  /// What the reader says about the names it normalized.
  package var warnings: [IngestWarning] { counter.warnings }
}

/// Counts what normalizing did, for the readers' warnings: spellings from which characters
/// were removed or replaced (not just recomposed to NFC), and names written in more than one way.
package struct SpellingCounter {
  private var spellingsPerName: [Int32] = []
  private var cleaned = 0
  private var merged = 0

  package init() {}

  /// The counts of several tables together, for one set of warnings per file.
  package static func + (a: SpellingCounter, b: SpellingCounter) -> SpellingCounter {
    var sum = SpellingCounter()
    sum.cleaned = a.cleaned + b.cleaned
    sum.merged = a.merged + b.merged
    return sum
  }

  mutating func spelling(of name: Int32) {
    while spellingsPerName.count <= Int(name) { spellingsPerName.append(0) }
    spellingsPerName[Int(name)] += 1
    if spellingsPerName[Int(name)] == 2 { merged += 1 }
  }

  mutating func normalized(from spelling: String, to name: String) {
    guard !name.utf8.elementsEqual(spelling.utf8) else { return }
    let recomposed = spelling.trimmingCharacters(in: [" "]).precomposedStringWithCanonicalMapping
    if !recomposed.utf8.elementsEqual(name.utf8) { cleaned += 1 }
  }

  package var warnings: [IngestWarning] {
    var out: [IngestWarning] = []
    if merged > 0 { out.append(.namesSpelledSeveralWays(merged)) }
    if cleaned > 0 { out.append(.namesCleaned(cleaned)) }
    return out
  }
}
