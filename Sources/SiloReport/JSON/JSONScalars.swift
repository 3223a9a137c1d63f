/// Scalars as `JSONEncoder` writes them.
extension JSONTextWriter {
  /// Writes `value` when it is a string, a number or a Boolean; `false` for anything else.
  /// The type is compared, not cast: a cast costs more than the writing.
  func scalar<T>(_ value: T) throws -> Bool {
    switch ObjectIdentifier(T.self) {
    case ObjectIdentifier(String.self): string(unsafeBitCast(value, to: String.self))
    case ObjectIdentifier(Double.self): try double(unsafeBitCast(value, to: Double.self))
    case ObjectIdentifier(Int.self): integer(unsafeBitCast(value, to: Int.self))
    case ObjectIdentifier(Int32.self): integer(unsafeBitCast(value, to: Int32.self))
    case ObjectIdentifier(Bool.self): append(unsafeBitCast(value, to: Bool.self) ? "true" : "false")
    case ObjectIdentifier(Float.self): try float(unsafeBitCast(value, to: Float.self))
    case ObjectIdentifier(Int64.self): integer(unsafeBitCast(value, to: Int64.self))
    case ObjectIdentifier(UInt64.self): integer(unsafeBitCast(value, to: UInt64.self))
    case ObjectIdentifier(UInt32.self): integer(unsafeBitCast(value, to: UInt32.self))
    case ObjectIdentifier(UInt.self): integer(unsafeBitCast(value, to: UInt.self))
    case ObjectIdentifier(Int16.self): integer(unsafeBitCast(value, to: Int16.self))
    case ObjectIdentifier(UInt16.self): integer(unsafeBitCast(value, to: UInt16.self))
    case ObjectIdentifier(Int8.self): integer(unsafeBitCast(value, to: Int8.self))
    case ObjectIdentifier(UInt8.self): integer(unsafeBitCast(value, to: UInt8.self))
    default: return false
    }
    return true
  }

  func integer(_ number: some BinaryInteger) { append(Array(String(number).utf8)) }

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
