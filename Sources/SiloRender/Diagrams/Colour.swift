/// The colours of SiloScope's diagrams.
///
/// Categories (departments, communities) use Paul Tol's *light* qualitative scheme, made for
/// filled shapes with black labels on them and distinct under the common forms of colour
/// blindness (Tol, "Colour schemes", SRON/EPS/TN/09-002, 2021, fig. 6). Its nine colours are
/// eight hues and a pale grey; the grey is kept for "no department", so a ninth category and
/// beyond reuse the eight hues in order, so diagrams never rely on colour alone:
/// clusters carry their department's name, and legends name every colour.
///
/// The E-I index of a department uses ColorBrewer's RdBu diverging scheme (Brewer,
/// colorbrewer2.org, 9 classes; listed there as colour-blind safe): red for a silo
/// (E-I = −1), near-white for balance (0), blue for open (+1).
public enum Colour {
  /// Paul Tol's light scheme, without its pale grey (kept for "no department").
  public static let categories = ["#77AADD", "#EE8866", "#EEDD88", "#FFAABB", "#99DDFF", "#44BB99", "#BBCC33", "#AAAA00"]

  /// Tol's pale grey: for people without a department, and for values that are undefined.
  public static let neutral = "#DDDDDD"

  /// The colour of category `index` (0-based), reused after eight.
  public static func category(_ index: Int) -> String {
    categories[((index % categories.count) + categories.count) % categories.count]
  }

  /// ColorBrewer RdBu, 9 classes, from −1 (red) to +1 (blue).
  static let diverging = [
    "#B2182B", "#D6604D", "#F4A582", "#FDDBC7", "#F7F7F7", "#D1E5F0", "#92C5DE", "#4393C3", "#2166AC",
  ]

  /// The colour of an E-I index on the silo–open scale; neutral for `nil` or NaN.
  public static func eiIndex(_ value: Double?) -> String {
    guard let value, !value.isNaN else { return neutral }
    let clamped = min(1, max(-1, value))
    let index = Int(((clamped + 1) / 2 * Double(diverging.count - 1)).rounded())
    return diverging[index]
  }

  /// Whether black text is readable on `colour` (WCAG relative luminance above 0.18).
  public static func prefersDarkText(on colour: String) -> Bool {
    guard let (r, g, b) = components(colour) else { return true }
    func linear(_ c: Int) -> Double {
      let s = Double(c) / 255
      return s <= 0.03928 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
    }
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b) > 0.18
  }

  /// Whether `colour` is too light to show on white (relative luminance above 0.85).
  static func isNearWhite(_ colour: String) -> Bool {
    guard let (r, g, b) = components(colour) else { return false }
    return 0.2126 * Double(r) / 255 + 0.7152 * Double(g) / 255 + 0.0722 * Double(b) / 255 > 0.92
  }

  /// `colour` when it is `#RRGGBB` or `#RRGGBBAA`; SiloScope only passes its own colours,
  /// so anything else is a programming error and becomes black.
  static func checked(_ colour: String) -> String {
    let hex = colour.utf8.dropFirst()
    guard colour.utf8.first == UInt8(ascii: "#"), hex.count == 6 || hex.count == 8,
      hex.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 70) || ($0 >= 97 && $0 <= 102) })
    else { return "#000000" }
    return colour
  }

  static func components(_ colour: String) -> (Int, Int, Int)? {
    let checked = checked(colour)
    guard checked == colour else { return nil }
    let digits = Array(colour.utf8.dropFirst())
    func byte(_ i: Int) -> Int { Int(String(decoding: digits[i ..< i + 2], as: UTF8.self), radix: 16) ?? 0 }
    return (byte(0), byte(2), byte(4))
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
