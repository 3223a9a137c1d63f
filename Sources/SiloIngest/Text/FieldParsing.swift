/// Parses numbers and dates straight from the bytes of a field.
package enum FieldParsing {
  private static let powersOfTen: [Double] = (0 ... 15).map { pow10($0) }
  private static func pow10(_ k: Int) -> Double { (0 ..< k).reduce(1.0) { r, _ in r * 10 } }

  /// Parses a decimal number: optional sign, digits, an optional fraction, an optional
  /// exponent. With `decimalComma`, a comma is the decimal separator and dots before it are
  /// thousands separators ("1.234,5" is 1234.5); a field with dots only is still read with a
  /// decimal point ("7.5"). White space around the number is ignored. Returns `nil` for
  /// anything else, including "NaN" and "inf"; a number too large for a double ("1e400") is
  /// ±∞.
  package static func number(_ field: UnsafeBufferPointer<UInt8>, decimalComma: Bool) -> Double? {
    var low = 0, high = field.count
    while low < high && DelimitedScanner.isSpace(field[low]) { low += 1 }
    while high > low && DelimitedScanner.isSpace(field[high - 1]) { high -= 1 }
    guard low < high else { return nil }
    // Fast path: plain integers, the common case for hours and counts.
    var value = 0.0
    var i = low
    var negative = false
    if field[i] == 0x2D || field[i] == 0x2B {
      negative = field[i] == 0x2D
      i += 1
    }
    var digits = 0
    var integer: UInt64 = 0
    while i < high && field[i] >= 0x30 && field[i] <= 0x39 && digits < 18 {
      integer = integer * 10 + UInt64(field[i] - 0x30)
      digits += 1
      i += 1
    }
    if i == high && digits > 0 {
      value = Double(integer)
      return negative ? -value : value
    }
    // Fast path: a short decimal such as "7.5" or "7,5". Both the scaled integer and the power
    // of ten are exact doubles, so one division gives the correctly rounded value.
    if i < high && (field[i] == 0x2E || (decimalComma && field[i] == 0x2C)) && digits > 0 {
      var k = i + 1
      var fractionDigits = 0
      while k < high && field[k] >= 0x30 && field[k] <= 0x39 && digits + fractionDigits < 15 {
        integer = integer * 10 + UInt64(field[k] - 0x30)
        fractionDigits += 1
        k += 1
      }
      if k == high && fractionDigits > 0 {
        value = Double(integer) / Self.powersOfTen[fractionDigits]
        return negative ? -value : value
      }
    }
    return generalNumber(field, low ..< high, decimalComma: decimalComma)
  }

  /// ``number(_:decimalComma:)`` for what its fast paths do not read (`range` trimmed):
  /// normalised to an ASCII string with '.' and parsed by `Double`.
  private static func generalNumber(_ field: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, decimalComma: Bool) -> Double? {
    let low = range.lowerBound, high = range.upperBound
    var text = ""
    text.reserveCapacity(high - low)
    var hasComma = false
    for k in low ..< high where field[k] == 0x2C { hasComma = true }
    for k in low ..< high {
      let b = field[k]
      switch b {
      case 0x30 ... 0x39, 0x2B, 0x2D, 0x65, 0x45: text.unicodeScalars.append(Unicode.Scalar(b))
      case 0x2E:
        if decimalComma && hasComma { continue }  // thousands separator
        text.append(".")
      case 0x2C:
        guard decimalComma else { return nil }
        text.append(".")
      default: return nil
      }
    }
    // "1e400" is a number too large for a double: +∞, which the weight check refuses as out
    // of range rather than as "not a number".
    guard let parsed = Double(text) else { return nil }
    return parsed
  }

  /// Parses a calendar date: ISO `yyyy-mm-dd` (a time after `T` or a space is ignored), or
  /// day first `dd-mm-yyyy`, `dd/mm/yyyy`, `dd.mm.yyyy` as European exports write it.
  /// Returns the day number since 1970-01-01, or `nil` when the text is not a valid date.
  package static func day(_ field: UnsafeBufferPointer<UInt8>) -> Int32? {
    if let iso = isoDay(field) { return iso }
    var low = 0, high = field.count
    while low < high && DelimitedScanner.isSpace(field[low]) { low += 1 }
    while high > low && DelimitedScanner.isSpace(field[high - 1]) { high -= 1 }
    // Cut a time part.
    var end = low
    while end < high && field[end] != 0x54 && field[end] != 0x20 { end += 1 }
    // Three numbers separated by one repeated separator, read without allocating.
    var parts = (0, 0, 0), lengths = (0, 0, 0)
    var part = 0
    var separator: UInt8 = 0
    var current = 0, length = 0
    for k in low ..< end {
      let b = field[k]
      if b >= 0x30 && b <= 0x39 {
        current = current * 10 + Int(b - 0x30)
        length += 1
        if length > 4 { return nil }
      } else if b == 0x2D || b == 0x2F || b == 0x2E {
        guard length > 0, part < 2 else { return nil }
        if part == 0 { separator = b } else if b != separator { return nil }
        if part == 0 { parts.0 = current; lengths.0 = length } else { parts.1 = current; lengths.1 = length }
        part += 1
        current = 0; length = 0
      } else {
        return nil
      }
    }
    guard length > 0, part == 2 else { return nil }
    parts.2 = current; lengths.2 = length
    let year, month, day: Int
    if lengths.0 == 4 && lengths.1 <= 2 && lengths.2 <= 2 {
      (year, month, day) = (parts.0, parts.1, parts.2)
    } else if lengths.2 == 4 && lengths.0 <= 2 && lengths.1 <= 2 {
      (year, month, day) = (parts.2, parts.1, parts.0)
    } else {
      return nil
    }
    return LogDate(year: year, month: month, day: day)?.dayNumber
  }
}

extension FieldParsing {
  /// The day of a field that is exactly `YYYY-MM-DD` (what most exports write), read without
  /// the general loop; `nil` for anything else, which ``day(_:)`` then reads (or rejects).
  @inline(__always)
  static func isoDay(_ field: UnsafeBufferPointer<UInt8>) -> Int32? {
    guard field.count == 10, field[4] == 0x2D, field[7] == 0x2D else { return nil }
    @inline(__always) func digit(_ k: Int) -> Int? {
      let d = Int(field[k]) &- 0x30
      return d >= 0 && d <= 9 ? d : nil
    }
    guard let y0 = digit(0), let y1 = digit(1), let y2 = digit(2), let y3 = digit(3),
      let m0 = digit(5), let m1 = digit(6), let d0 = digit(8), let d1 = digit(9)
    else { return nil }
    return LogDate(year: y0 * 1000 + y1 * 100 + y2 * 10 + y3, month: m0 * 10 + m1, day: d0 * 10 + d1)?.dayNumber
  }
}

/// A calendar date (proleptic Gregorian), stored as days since 1970-01-01.
public struct LogDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  public let dayNumber: Int32

  public init(dayNumber: Int32) { self.dayNumber = dayNumber }

  /// A date from its parts, or `nil` when the parts are not a real date (year 1000 to 9999).
  public init?(year: Int, month: Int, day: Int) {
    guard (1000 ... 9999).contains(year), (1 ... 12).contains(month) else { return nil }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    guard (1 ... lengths[month - 1]).contains(day) else { return nil }
    // Days from civil (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms").
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    dayNumber = Int32(era * 146_097 + doe - 719_468)
  }

  /// Parses `yyyy-mm-dd` or `dd-mm-yyyy` (also with `/` or `.`).
  public init?(_ text: String) {
    var copy = text
    guard let day = copy.withUTF8({ FieldParsing.day($0) }) else { return nil }
    dayNumber = day
  }

  /// Year, month and day.
  public var components: (year: Int, month: Int, day: Int) {
    let z = Int(dayNumber) + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }

  /// ISO 8601, `yyyy-mm-dd`.
  public var description: String {
    let (y, m, d) = components
    func two(_ x: Int) -> String { x < 10 ? "0\(x)" : "\(x)" }
    return "\(y)-\(two(m))-\(two(d))"
  }

  public static func < (a: LogDate, b: LogDate) -> Bool { a.dayNumber < b.dayNumber }

  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let date = LogDate(text) else {
      throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a date: \(text)"))
    }
    self = date
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}

/// The weights SiloScope computes with: finite numbers from 10⁻¹⁰⁰ to 10¹⁰⁰.
///
/// Every reader refuses a row whose weight (hours, tie strength) lies outside, naming the row.
/// Within the range nothing SiloScope computes can overflow or lose its meaning in double
/// precision (largest finite value about 1.8·10³⁰⁸, smallest normal about 2.2·10⁻³⁰⁸):
/// - sums of up to 10⁹ weights (a person's strength, the weight between two departments,
///   the total 2*m*) stay below 10¹⁰⁹;
/// - products of two such sums (modularity's *k*ᵢ*k*ⱼ / 2*m*, the E-I's expected value) stay
///   below 10²¹⁸;
/// - the inverse of a weight (a tie's length in weighted betweenness and closeness) is at
///   most 10¹⁰⁰, and sums of such lengths stay finite; a subnormal weight such as 10⁻³²⁰ would
///   make its inverse infinite and every path through it "unreachable".
///
/// Real weights are hours (0.01 to 10⁴ per row), counts, or shares between 0 and 1, many
/// orders of magnitude inside the range. Weights are not rescaled: the reports give strengths
/// and department weights in the input's unit.
public enum WeightRange {
  /// The smallest usable weight, 10⁻¹⁰⁰.
  public static let smallest = 1e-100
  /// The largest usable weight, 10¹⁰⁰.
  public static let largest = 1e100

  /// Whether `weight` is a usable weight.
  @inline(__always)
  public static func contains(_ weight: Double) -> Bool { weight >= smallest && weight <= largest }
}

extension FieldParsing {
  /// A usable weight from a field: a positive number in ``WeightRange``; an empty field is
  /// `.missing`.
  @inline(__always)
  package static func weight(_ field: UnsafeBufferPointer<UInt8>, decimalComma: Bool) -> Result<Double, WeightProblem> {
    if field.isEmpty { return .failure(.missing) }
    return checkedWeight(number(field, decimalComma: decimalComma))
  }

  /// A usable weight from an already parsed value (`nil` when it was not a number).
  @inline(__always)
  package static func checkedWeight(_ value: Double?) -> Result<Double, WeightProblem> {
    guard let value, !value.isNaN else { return .failure(.notANumber) }
    if value < 0 { return .failure(.negative) }
    if value == 0 { return .failure(.zero) }
    if !WeightRange.contains(value) { return .failure(.outOfRange) }
    return .success(value)
  }
}
