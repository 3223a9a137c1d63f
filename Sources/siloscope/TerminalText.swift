/// Text for a terminal: every character that a terminal would act on instead of showing
/// (C0 and C1 controls such as ESC, which starts an escape sequence that can retitle the
/// window or rewrite the screen, and BEL) and every direction override or isolate (which
/// would turn the rest of the line around) is shown as a visible escape such as `\u{1B}`.
/// Line breaks are kept in multi-line output (tables), tabs everywhere.
///
/// Names reach the terminal cleaned already (the readers remove such characters); header
/// names, file names and values quoted in messages may not, so every message and table goes
/// through this.
enum TerminalText {
  static func safe(_ text: String, keepingLineBreaks: Bool = true) -> String {
    guard text.unicodeScalars.contains(where: { needsEscape($0, keepingLineBreaks: keepingLineBreaks) }) else { return text }
    var out = ""
    for scalar in text.unicodeScalars {
      if needsEscape(scalar, keepingLineBreaks: keepingLineBreaks) {
        out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  private static func needsEscape(_ scalar: Unicode.Scalar, keepingLineBreaks: Bool) -> Bool {
    switch scalar.value {
    case 0x09: return false
    case 0x0A: return !keepingLineBreaks
    case 0x00 ... 0x1F, 0x7F ... 0x9F, 0x202A ... 0x202E, 0x2066 ... 0x2069, 0x2028, 0x2029: return true
    default: return false
    }
  }
}
