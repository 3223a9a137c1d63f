import SiloGraph

/// ``Names``' rule as regular-expression character classes, computed from the same predicates
/// the readers use (``InvisibleCharacters`` and `Names.isSpace`), so the SQL cannot drift from
/// them. The classes use `\x{…}`, which RE2 (DuckDB, BigQuery) and Java (Spark) both read.
enum NameRuleClasses {
  /// Step 1's spaces: tabs, line breaks and the Unicode space separators.
  static let space = characterClass { Names.isSpace($0) }

  /// Step 2's characters that show nothing, except the spaces (step 3 handles them) and the
  /// zero-width non-joiner and joiner (handled with ``joinerDoesNotShowAfter``).
  static let invisible = characterClass {
    InvisibleCharacters.contains($0) && !Names.isSpace($0) && $0.value != 0x200C && $0.value != 0x200D
  }

  /// The characters after which a zero-width non-joiner or joiner shows nothing and is
  /// removed: below U+0590, invisible, or white space (``InvisibleCharacters/joinerShows(_:after:)``).
  static let joinerDoesNotShowAfter = characterClass {
    $0.value < 0x590 || InvisibleCharacters.contains($0) || $0.properties.isWhitespace
  }

  /// The code points looked at: the Basic Multilingual Plane and the two noncharacters at the
  /// end of every other plane. Outside them the predicates above hold for nothing (a test
  /// checks this against every code point), and looking at 65,568 code points instead of
  /// 1,114,112 keeps `siloscope sql` instant.
  static let candidates: [UInt32] = Array(0 ... 0xFFFF) + (1 ... 16).flatMap { plane in [plane << 16 | 0xFFFE, plane << 16 | 0xFFFF] }

  /// The ranges of scalars among `values` (ascending) for which `belongs` holds.
  static func ranges(where belongs: (Unicode.Scalar) -> Bool, among values: [UInt32] = candidates) -> [ClosedRange<UInt32>] {
    var result: [ClosedRange<UInt32>] = []
    var start: UInt32? = nil
    var previous: UInt32 = 0
    for value in values {
      guard let scalar = Unicode.Scalar(value), belongs(scalar) else { continue }
      let continues = start != nil && (value == previous + 1 || (previous == 0xD7FF && value == 0xE000))
      if !continues {
        if let low = start { result.append(low ... previous) }
        start = value
      }
      previous = value
    }
    if let low = start { result.append(low ... previous) }
    return result
  }

  /// `[\x{…}-\x{…}…]` for the scalars for which `belongs` holds. A range never spans the
  /// surrogates (which are not scalars): it is split around them.
  static func characterClass(_ belongs: (Unicode.Scalar) -> Bool) -> String {
    var text = "["
    for range in ranges(where: belongs) {
      let pieces: [ClosedRange<UInt32>] =
        range.contains(0xD7FF) && range.contains(0xE000)
        ? [range.lowerBound ... 0xD7FF, 0xE000 ... range.upperBound] : [range]
      for piece in pieces {
        text += "\\x{\(String(piece.lowerBound, radix: 16))}"
        if piece.upperBound > piece.lowerBound { text += "-\\x{\(String(piece.upperBound, radix: 16))}" }
      }
    }
    return text + "]"
  }
}
