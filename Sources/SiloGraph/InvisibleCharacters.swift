/// The characters that show nothing, or that change how the text around them shows: the one
/// list behind reading names (SiloIngest's `Names`) and writing them into every output
/// (SiloRender's `TextSafety`, the CSV and GraphML writers).
///
/// - C0 and C1 control characters and DEL (U+0000–U+001F, U+007F–U+009F);
/// - the soft hyphen U+00AD, the Arabic letter mark U+061C, the Mongolian vowel separator
///   U+180E;
/// - the zero-width space U+200B, the implicit direction marks U+200E and U+200F, and the
///   zero-width non-joiner and joiner U+200C and U+200D (but see
///   ``joinerShows(_:after:)``);
/// - the direction embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which
///   would turn the text after a name around;
/// - the word joiner and the invisible operators (U+2060–U+2064), the byte-order mark U+FEFF;
/// - the noncharacters U+FDD0–U+FDEF and the last two code points of every plane (U+FFFE and
///   U+FFFF among them, which XML forbids: an SVG holding one is not well-formed).
public enum InvisibleCharacters {
  /// Whether `scalar` is on the list.
  @inline(__always)
  public static func contains(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00 ... 0x1F, 0x7F ... 0x9F, 0xAD, 0x61C, 0x180E, 0x200B ... 0x200F, 0x202A ... 0x202E, 0x2060 ... 0x2064,
      0x2066 ... 0x2069, 0xFEFF, 0xFDD0 ... 0xFDEF:
      return true
    default:
      return scalar.value & 0xFFFE == 0xFFFE
    }
  }

  /// Whether a zero-width non-joiner or joiner (U+200C, U+200D) changes how the text shows,
  /// and so must be kept: after a visible character from U+0590 on (Hebrew, Arabic, Persian,
  /// the Indic scripts, emoji), where it shapes letters or joins an emoji sequence such as
  /// 👩🏽‍💻. After Latin, Greek or Cyrillic letters, digits and punctuation it shows nothing.
  @inline(__always)
  public static func joinerShows(_ scalar: Unicode.Scalar, after previous: Unicode.Scalar?) -> Bool {
    guard scalar.value == 0x200C || scalar.value == 0x200D, let previous else { return false }
    return previous.value >= 0x590 && !contains(previous) && !previous.properties.isWhitespace
  }

  /// `text` without the characters on the list, except the joiners that show
  /// (``joinerShows(_:after:)``) and those `kept` keeps (line breaks and tabs, which a caller
  /// turns into something else): the one removal behind reading names and every output.
  ///
  /// - Complexity: O(*n*) scalars; `text` itself when there is nothing to remove.
  public static func removed(from text: String, keeping kept: (Unicode.Scalar) -> Bool = { _ in false }) -> String {
    guard text.unicodeScalars.contains(where: { contains($0) && !kept($0) }) else { return text }
    var out = String.UnicodeScalarView()
    var previous: Unicode.Scalar? = nil
    for scalar in text.unicodeScalars {
      if !contains(scalar) || kept(scalar) || joinerShows(scalar, after: previous) { out.append(scalar) }
      previous = scalar
    }
    return String(out)
  }
}
