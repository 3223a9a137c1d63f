import Foundation
import Testing
@testable import SiloRender

@Suite struct ColourTests {
  /// Paul Tol, "Colour schemes" (SRON/EPS/TN/09-002, 2021), fig. 6, the *light* scheme:
  /// light blue, orange, light yellow, pink, light cyan, mint, pear, olive (pale grey #DDDDDD
  /// is the ninth colour, kept for "no department").
  static let tolLight = ["#77AADD", "#EE8866", "#EEDD88", "#FFAABB", "#99DDFF", "#44BB99", "#BBCC33", "#AAAA00"]

  /// ColorBrewer 2.0 (colorbrewer2.org), RdBu, 9 classes, from red to blue.
  static let rdBu9 = ["#B2182B", "#D6604D", "#F4A582", "#FDDBC7", "#F7F7F7", "#D1E5F0", "#92C5DE", "#4393C3", "#2166AC"]

  /// The twelve colours after the light scheme, from Tol's muted (indigo #332288, wine
  /// #882255, purple #AA4499), medium-contrast (dark red #994455, dark blue #004488, dark
  /// yellow #997700), vibrant (blue #0077BB, red #CC3311, teal #009988, magenta #EE3377,
  /// cyan #33BBEE) and bright (green #228833) schemes, figs. 1–5 of the same note.
  static let tolOthers: Set = [
    "#332288", "#882255", "#AA4499", "#994455", "#004488", "#997700", "#0077BB", "#CC3311", "#009988", "#EE3377", "#33BBEE",
    "#228833",
  ]

  @Test("categories: Tol's eight light hues first, then twelve of his other schemes, twenty distinct, valid hex")
  func categories() {
    #expect(Array(Colour.categories.prefix(8)) == Self.tolLight)
    #expect(Set(Colour.categories.dropFirst(8)) == Self.tolOthers)
    #expect(Colour.categories.count == 20)
    #expect(Set(Colour.categories).count == 20)
    #expect(!Colour.categories.contains(Colour.neutral))
    for colour in Colour.categories { #expect(Colour.checked(colour) == colour, "\(colour) is #RRGGBB") }
    for i in 0 ..< 8 { #expect(Colour.category(i) == Self.tolLight[i]) }
    #expect(Colour.category(20) == Colour.category(0))
    #expect(Colour.neutral == "#DDDDDD")
  }

  @Test("category styles: no two of 100 categories look the same (colour, marker, outlines)")
  func categoryStyles() {
    struct Look: Hashable { var colour: String; var shape: String; var outlines: Int }
    let looks = (0 ..< 100).map { i in
      let style = Colour.categoryStyle(i)
      return Look(colour: style.colour, shape: style.shape.description, outlines: style.outlines)
    }
    #expect(Set(looks).count == 100)
    #expect(Colour.categoryStyle(0).shape.description == "circle" && !Colour.categoryStyle(19).dashedBox)
    #expect(Colour.categoryStyle(20).shape.description == "diamond" && Colour.categoryStyle(20).dashedBox)
    #expect(Colour.categoryStyle(20).legendSymbol == "◆" && Colour.categoryStyle(0).legendSymbol == "■")
    #expect(Colour.categoryStyle(80).outlines == 2)
  }

  @Test("text colour on every category colour has a WCAG contrast of at least 4.5")
  func categoryTextContrast() {
    func luminance(_ colour: String) -> Double {
      let (r, g, b) = Colour.components(colour)!
      func linear(_ c: Int) -> Double {
        let s = Double(c) / 255
        return s <= 0.03928 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
      }
      return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
    }
    for colour in Colour.categories {
      let l = luminance(colour)
      let contrast = Colour.prefersDarkText(on: colour) ? (l + 0.05) / 0.05 : 1.05 / (l + 0.05)
      #expect(contrast >= 4.5, "\(colour): \(contrast)")
    }
  }

  @Test("E-I index: red for −1, near-white for 0, blue for +1, neutral when undefined")
  func eiIndex() {
    #expect(Colour.eiIndex(-1) == "#B2182B")
    #expect(Colour.eiIndex(0) == "#F7F7F7")
    #expect(Colour.eiIndex(1) == "#2166AC")
    #expect(Colour.eiIndex(nil) == Colour.neutral)
    #expect(Colour.eiIndex(.nan) == Colour.neutral)
    // Nine classes over [−1, 1]: class i is centred on −1 + i/4.
    for i in 0 ..< 9 { #expect(Colour.eiIndex(-1 + Double(i) / 4) == Self.rdBu9[i]) }
    #expect(Colour.eiIndex(-0.5) == "#F4A582")
    #expect(Colour.eiIndex(0.5) == "#92C5DE")
    #expect(Colour.eiIndex(0.1) == "#F7F7F7")
    #expect(Colour.eiIndex(0.13) == "#D1E5F0")
  }

  @Test("E-I values beyond ±1 are clamped to the ends of the scale")
  func eiIndexClamped() {
    #expect(Colour.eiIndex(1.5) == "#2166AC")
    #expect(Colour.eiIndex(1e300) == "#2166AC")
    #expect(Colour.eiIndex(.infinity) == "#2166AC")
    #expect(Colour.eiIndex(-1.0000001) == "#B2182B")
    #expect(Colour.eiIndex(-7) == "#B2182B")
    #expect(Colour.eiIndex(-.infinity) == "#B2182B")
  }

  @Test("text colour: black on the light fills, white on the dark ends of the E-I scale")
  func darkText() {
    for colour in Self.tolLight + ["#F7F7F7", "#DDDDDD", "#FFFFFF"] {
      #expect(Colour.prefersDarkText(on: colour), "\(colour)")
    }
    for colour in ["#B2182B", "#2166AC", "#000000"] { #expect(!Colour.prefersDarkText(on: colour), "\(colour)") }
  }

  @Test("tinted: 85 % white mixed in, per channel")
  func tinted() {
    // #77AADD: 0x77 = 119 → 119·0.15 + 255·0.85 = 234.6 → 235 = EB; 0xAA = 170 → 242.25 → F2;
    // 0xDD = 221 → 249.9 → FA.
    #expect(Colour.tinted("#77AADD") == "#EBF2FA")
    #expect(Colour.tinted("#000000") == "#D9D9D9")
    #expect(Colour.tinted("#FFFFFF") == "#FFFFFF")
  }
}
