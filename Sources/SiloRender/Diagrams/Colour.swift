/// The colours of SiloScope's diagrams.
///
/// Categories (departments, communities) take their colours from Paul Tol's qualitative
/// schemes (Tol, "Colour schemes", SRON/EPS/TN/09-002, 2021): first the eight hues of the
/// *light* scheme (fig. 6; made for filled shapes with labels on them, distinct under the
/// common forms of colour blindness), then twelve hues of his *muted*, *medium-contrast*,
/// *vibrant* and *bright* schemes (figs. 4, 5, 3 and 1), twenty in all. The twelve were chosen
/// greedily from those schemes: each next one the farthest, under simulated deuteranopia and
/// protanopia (Machado, Oliveira and Fernandes 2009, severity 1), from the colours before it,
/// among those at least 10 CIEDE2000 units from all of them in normal vision. Any two of the
/// twenty differ by at least 9.3 CIEDE2000 units in normal vision (the light scheme's own
/// closest pair); the first fourteen also by at least 7.9 under deuteranopia and protanopia
/// (again the light scheme's own minimum), the last six less: there, colour-blind readers rely
/// on the names (boxes carry their department's name, legends name every colour).
///
/// Tol's pale grey is kept for "no department". Beyond twenty categories colours repeat, but
/// never the look: ``categoryStyle(_:)`` draws the 21st to 40th category as diamonds in dashed
/// boxes, the next twenty as triangles, and so on, and the legends show the marker and say so.
///
/// The E-I index of a department uses ColorBrewer's RdBu diverging scheme (Brewer,
/// colorbrewer2.org, 9 classes; listed there as colour-blind safe): red for a silo
/// (E-I = −1), near-white for balance (0), blue for open (+1).
public enum Colour {
  /// The twenty category colours: Tol's light scheme without its pale grey (light blue,
  /// orange, light yellow, pink, light cyan, mint, pear, olive), then indigo, wine and purple
  /// (muted), dark red, dark blue and dark yellow (medium-contrast), blue, red, teal, magenta
  /// and cyan (vibrant) and green (bright), in the order chosen (see ``Colour``).
  public static let categories = [
    "#77AADD", "#EE8866", "#EEDD88", "#FFAABB", "#99DDFF", "#44BB99", "#BBCC33", "#AAAA00",
    "#332288", "#994455", "#0077BB", "#CC3311", "#882255", "#009988", "#EE3377", "#AA4499",
    "#228833", "#004488", "#33BBEE", "#997700",
  ]

  /// Tol's pale grey: for people without a department, and for values that are undefined.
  public static let neutral = "#DDDDDD"

  /// The colour of category `index` (0-based), reused after twenty: draw with
  /// ``categoryStyle(_:)``, which tells reused colours apart.
  public static func category(_ index: Int) -> String {
    categories[((index % categories.count) + categories.count) % categories.count]
  }

  /// The look of category `index` (0-based; negative counts as 0): its colour, and how many
  /// times the palette was used up before it (``CategoryStyle/round``), which sets its
  /// marker and outline so that no two categories of one figure look the same.
  public static func categoryStyle(_ index: Int) -> CategoryStyle {
    let index = max(0, index)
    return CategoryStyle(colour: categories[index % categories.count], round: index / categories.count)
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

/// How one category (a department, a community) is drawn: a colour, and from the second use
/// of the palette on (``round`` ≥ 1) a marker other than a circle and a dashed department box.
///
/// Round 0 is circles, 1 diamonds, 2 triangles, 3 inverted triangles; from round 4 on the
/// markers repeat with one more outline per four rounds (``outlines``). So category *i* and
/// category *j* ≠ *i* differ in colour, marker or outline count.
public struct CategoryStyle: Sendable, Hashable {
  /// The fill, `#RRGGBB`.
  public var colour: String
  /// How many times the palette of ``Colour/categories`` was used up before this category.
  public var round: Int

  /// The Graphviz shape of a person in this category.
  public var shape: StaticString { Self.shapes[round % Self.shapes.count] }
  /// The symbol that stands for it in a legend: a square colour chip in round 0 (every
  /// person is a circle then), else the marker.
  public var legendSymbol: String { round == 0 ? "■" : Self.symbols[round % Self.symbols.count] }
  /// How many outlines a person's marker gets (Graphviz `peripheries`).
  public var outlines: Int { 1 + round / Self.shapes.count }
  /// Whether department boxes of this category are dashed.
  public var dashedBox: Bool { round > 0 }
  /// The factor on a marker's width that gives it the area of a circle of the same width
  /// (a diamond or triangle of width and height *w* covers *w*²/2, a circle π*w*²/4), so that
  /// area still shows the size score: √(π/2) for diamonds and triangles.
  public var areaFactor: Double { round % Self.shapes.count == 0 ? 1 : (Double.pi / 2).squareRoot() }

  private static let shapes: [StaticString] = ["circle", "diamond", "triangle", "invtriangle"]
  private static let symbols = ["■", "◆", "▲", "▼"]
}
