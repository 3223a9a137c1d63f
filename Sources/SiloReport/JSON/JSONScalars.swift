/// Scalars as `JSONEncoder` writes them.
extension JSONTextWriter {
  /// Writes `value` when it is a string, a number or a Boolean; `false` for anything else.
  func scalar<T>(_ value: T) throws -> Bool {
    switch value {
    case let text as String: string(text)
    case let number as Double: try double(number)
    case let number as Int: append(Array(String(number).utf8))
    case let number as Int32: append(Array(String(number).utf8))
    case let flag as Bool: append(flag ? "true" : "false")
    case let number as Float: try float(number)
    case let number as Int64: append(Array(String(number).utf8))
    case let number as UInt64: append(Array(String(number).utf8))
    case let number as UInt32: append(Array(String(number).utf8))
    case let number as UInt: append(Array(String(number).utf8))
    case let number as Int16: append(Array(String(number).utf8))
    case let number as UInt16: append(Array(String(number).utf8))
    case let number as Int8: append(Array(String(number).utf8))
    case let number as UInt8: append(Array(String(number).utf8))
    default: return false
    }
    return true
  }

  /// Swift's shortest round-trip digits, without a trailing `.0` (`1`, `0.5`, `1e-05`).
  func double(_ number: Double) throws {
    guard number.isFinite else { throw nonFinite(number) }
    var text = number.description
    if text.hasSuffix(".0") { text.removeLast(2) }
    append(Array(text.utf8))
  }

  func float(_ number: Float) throws {
    guard number.isFinite else { throw nonFinite(number) }
    var text = number.description
    if text.hasSuffix(".0") { text.removeLast(2) }
    append(Array(text.utf8))
  }

  private func nonFinite(_ number: Any) -> EncodingError {
    EncodingError.invalidValue(number, .init(codingPath: [], debugDescription: "Unable to encode \(number) directly in JSON."))
  }

  /// A quoted string: `"` and `\` escaped, the control characters as `\b`, `\f`, `\n`, `\r`,
  /// `\t` or `\u00xx`; everything else (`/` too) as it is.
  func string(_ text: String) {
    append(UInt8(ascii: "\""))
    var text = text
    text.withUTF8 { bytes in
      var plainStart = 0
      for (i, byte) in bytes.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
        append(Array(bytes[plainStart ..< i]))
        append(escaped(byte))
        plainStart = i + 1
      }
      append(Array(bytes[plainStart...]))
    }
    append(UInt8(ascii: "\""))
  }

  private func escaped(_ byte: UInt8) -> [UInt8] {
    switch byte {
    case 0x22: return Array(#"\""#.utf8)
    case 0x5C: return Array(#"\\"#.utf8)
    case 0x08: return Array(#"\b"#.utf8)
    case 0x0C: return Array(#"\f"#.utf8)
    case 0x0A: return Array(#"\n"#.utf8)
    case 0x0D: return Array(#"\r"#.utf8)
    case 0x09: return Array(#"\t"#.utf8)
    default:
      let hex = Array("0123456789abcdef".utf8)
      return Array(#"\u00"#.utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
    }
  }
}

/// `JSONEncoder.KeyEncodingStrategy.convertToSnakeCase`: words split where a lowercase
/// letter is followed by an uppercase one, and before the last capital of a run of capitals
/// followed by a lowercase letter; each word lowercased and joined by `_`
/// (`eiCILow` → `ei_ci_low`, `myURLProperty` → `my_url_property`).
enum SnakeCase {
  static func converted(_ key: String) -> String {
    let characters = Array(key)
    guard characters.count > 1 else { return key.lowercased() }
    var words: [String] = []
    var wordStart = 0
    var i = 1
    while i < characters.count {
      guard characters[i].isUppercase else {
        i += 1
        continue
      }
      words.append(String(characters[wordStart ..< i]))
      // The run of capitals from i, and the lowercase letter after it, if any.
      var j = i
      while j < characters.count && !characters[j].isLowercase { j += 1 }
      guard j < characters.count else {
        wordStart = i
        break
      }
      if j == i + 1 {
        wordStart = i
      } else {
        words.append(String(characters[i ..< j - 1]))
        wordStart = j - 1
      }
      i = j + 1
    }
    words.append(String(characters[wordStart...]))
    return words.map { $0.lowercased() }.joined(separator: "_")
  }
}
