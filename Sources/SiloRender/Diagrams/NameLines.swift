/// Names as the diagrams show them: whole, on one or two lines.
///
/// A name up to `width` characters is one line. A longer one is broken at the space (or
/// after the hyphen or slash) that makes the longer of the two lines shortest, and shown
/// whole when that line has at most `width` + `width`/4 characters: "Ruimtelijke Ontwikkeling
/// en Vergunningen, Toezicht en Handhaving" (64 characters) at width 32 becomes "Ruimtelijke
/// Ontwikkeling en" and "Vergunningen, Toezicht en Handhaving". Only a name that needs more
/// than two such lines is shortened: the first line takes the words that fit in `width`, the
/// second the rest, cut to `width` characters with "…".
enum NameLines {
  /// The lines of `name` (cleaned by ``TextSafety/cleaned(_:keepingLineBreaks:)``).
  static func lines(_ name: String, width: Int) -> [String] {
    let text = Array(TextSafety.cleaned(name))
    let width = max(4, width)
    guard text.count > width else { return [String(text)] }
    // Break candidates: a space (dropped) or just after a hyphen or slash (kept on line one).
    var best: (first: ArraySlice<Character>, second: ArraySlice<Character>)?
    for i in text.indices.dropFirst() where i < text.count - 1 {
      let split: (ArraySlice<Character>, ArraySlice<Character>)
      if text[i] == " " {
        split = (text[..<i], text[(i + 1)...])
      } else if text[i - 1] == "-" || text[i - 1] == "/" {
        split = (text[..<i], text[i...])
      } else {
        continue
      }
      if best == nil || max(split.0.count, split.1.count) < max(best!.first.count, best!.second.count) { best = split }
    }
    if let best, max(best.first.count, best.second.count) <= width + width / 4 {
      return [trimmed(best.first), trimmed(best.second)]
    }
    return shortened(text, width: width)
  }

  /// `text` broken into lines of at most `width` characters at spaces (a longer word stays
  /// whole on a line of its own), keeping the line breaks it has; for legend notes and
  /// headings, which are shown whole.
  static func wrapped(_ text: String, width: Int) -> [String] {
    let width = max(4, width)
    var out: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var line = ""
      for word in paragraph.split(separator: " ") {
        if line.isEmpty {
          line = String(word)
        } else if line.count + 1 + word.count <= width {
          line += " " + word
        } else {
          out.append(line)
          line = String(word)
        }
      }
      out.append(line)
    }
    return out
  }

  /// `text` when it has at most `limit` characters, else cut with "…": at its last space
  /// within the first `limit` + 1 characters when that keeps at least half of them (so
  /// "Ruimtelijke Ontwikkeling en Vergunningen" at 24 is "Ruimtelijke Ontwikkeling…"),
  /// else after `limit` − 1 characters.
  static func cut(_ text: String, at limit: Int) -> String {
    let characters = Array(text)
    guard characters.count > limit, limit > 1 else { return text }
    let space = characters[...limit].lastIndex(of: " ").flatMap { $0 >= limit / 2 ? $0 : nil }
    return trimmed(characters[..<(space ?? limit - 1)]) + "…"
  }

  /// The words that fit in `width` on the first line, the rest cut with "…" on the second.
  private static func shortened(_ text: [Character], width: Int) -> [String] {
    var cut = width
    if let space = text[..<min(text.count, width + 1)].lastIndex(of: " "), space > 0 { cut = space }
    let first = text[..<cut]
    var second = Array(text[cut...].drop { $0 == " " })
    if second.count > width { second = Array(second.prefix(width - 1)) + ["…"] }
    return [trimmed(first), String(second)]
  }

  private static func trimmed(_ part: ArraySlice<Character>) -> String {
    String(part.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}
