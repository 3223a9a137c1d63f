import Foundation
import SiloGraph
import SiloReport
import Testing
@testable import SiloRender

/// Diagrams a client can read: colours that never repeat unmarked, names whole,
/// slides, a fixed font, Dutch texts.
@Suite struct ReadableDiagramTests {
  static let longDepartment = "Ruimtelijke Ontwikkeling en Vergunningen, Toezicht en Handhaving"

  /// `groups` departments of two people each, in a ring.
  static func departments(_ groups: Int, name: (Int) -> String = { String(format: "D%02d", $0) }) -> Network {
    let n = 2 * groups
    return RenderFixtures.network(
      names: (0 ..< n).map { "p\($0)" }, departments: (0 ..< n).map { name($0 / 2) }, edges: (0 ..< n).map { ($0, ($0 + 1) % n) })
  }

  @Test("25 departments in one figure: no two look the same (fill, marker, box style)")
  func twentyFiveGroups() throws {
    let diagram = try Self.departments(25).diagram(DiagramRequest(view: .people))
    struct Look: Hashable { var fill: DOTValue?; var shape: DOTValue?; var box: DOTValue? }
    var looks: [Look: Int] = [:]
    for cluster in diagram.graph.clusters {
      let node = try #require(cluster.nodes.first)
      looks[Look(fill: node.attributes["fillcolor"], shape: node.attributes["shape"], box: cluster.attributes["style"]), default: 0] += 1
    }
    #expect(diagram.graph.clusters.count == 25)
    #expect(looks.count == 25, "\(looks.filter { $0.value > 1 })")
    let scan = SVGScan(try diagram.render(.svg))
    try #require(scan.parsed)
    #expect(scan.texts.contains("◆"), "the legend shows the marker of the repeated colours")
    #expect(scan.texts.contains { $0.hasPrefix("Colours repeat after 20 groups") })
  }

  @Test("a long department name appears whole, wrapped, in the people view and the department map")
  func longDepartmentName() throws {
    let network = Self.departments(3) { $0 == 1 ? Self.longDepartment : "Financiën \($0)" }
    for view in [DiagramView.people, .departments] {
      let scan = SVGScan(try network.diagram(DiagramRequest(view: view)).render(.svg))
      try #require(scan.parsed)
      // Department boxes and the map: wrapped at 12 characters, long words hyphenated.
      let lines = Diagram.nameLines(Self.longDepartment)
      #expect(lines.joined(separator: " ").replacing("- ", with: "") == Self.longDepartment, "\(view): \(lines)")
      for line in lines { #expect(scan.texts.contains(line), "\(view): \(line)") }
      #expect(!scan.texts.contains { $0.contains("…") }, "\(view)")
    }
  }

  @Test("name lines: one up to the width, two broken near the middle, shortened only beyond two")
  func nameLines() {
    #expect(NameLines.lines("Financiën", width: 32) == ["Financiën"])
    #expect(NameLines.lines(Self.longDepartment, width: 32) == ["Ruimtelijke Ontwikkeling en", "Vergunningen, Toezicht en Handhaving"])
    #expect(NameLines.lines("Boschhuizen-Oudendijk", width: 12) == ["Boschhuizen-", "Oudendijk"])
    let tooLong = NameLines.lines(String(repeating: "woord ", count: 20), width: 20)
    #expect(tooLong.count == 2 && tooLong[1].hasSuffix("…") && tooLong.allSatisfy { $0.count <= 20 })
  }

  @Test("every text is set in the named font (DejaVu Sans, then Verdana, then any sans-serif)")
  func namedFont() throws {
    let svg = String(decoding: try RenderFixtures.lazegaCowork().diagram(DiagramRequest(view: .people)).render(.svg), as: UTF8.self)
    let families = Set(svg.split(separator: "font-family=\"").dropFirst().map { $0.prefix { $0 != "\"" } })
    #expect(families == ["DejaVu Sans,Verdana,sans-serif"])
    #expect(!svg.contains("Helvetica") && !svg.contains("Times"))
  }

  @Test("PNG for a 16:9 slide at 300 dpi: 4,000 × 2,250 pixels, the whole drawing on white")
  func slidePNG() throws {
    let diagram = try RenderFixtures.lazegaCowork().diagram(DiagramRequest(view: .people))
    let png = try diagram.render(.png, page: .slide(aspectWidth: 16, aspectHeight: 9, dpi: 300))
    #expect(starts(png, with: pngSignature))
    // IHDR is the first chunk: width and height, big-endian, at bytes 16–23.
    func word(_ at: Int) -> Int { png[at ..< at + 4].reduce(0) { $0 << 8 | Int($1) } }
    #expect(Array(png[12 ..< 16]) == Array("IHDR".utf8))
    #expect(word(16) == 4_000 && word(20) == 2_250)
    #expect(abs(Double(word(16)) * 9 / 16 - Double(word(20))) <= 1)
    let plain = try diagram.render(.png)
    #expect(word(16) != plain[16 ..< 20].reduce(0) { $0 << 8 | Int($1) }, "without a page the PNG has the drawing's own size")
  }

  @Test("Dutch: the legends, titles and notes are Dutch, with no English legend word left")
  func dutch() throws {
    var request = DiagramRequest(view: .people)
    request.options.language = .nl
    request.weightMeaning = "tie weight"
    let network = try RenderFixtures.lazegaCowork()
    var texts: [String] = []
    var descriptions: [String] = []
    for view in [DiagramView.people, .departments, .communities, .ego] {
      request.view = view
      let scan = SVGScan(try network.diagram(request).render(.svg))
      try #require(scan.parsed)
      texts += scan.texts
      descriptions.append(scan.rootDescription ?? "")
    }
    // Legend notes are wrapped: a phrase may run over two lines.
    let all = texts.joined(separator: " ")
    for dutch in ["Afdelingen (personen)", "Oppervlak van een cirkel", "Lijndikte", "verbindende rol", "Kleur: E-I-index",
                  "Samenwerkingsgroepen (personen)", "Contacten per afdeling", "gewicht van de relaties", "Persoonlijk netwerk van"] {
      #expect(all.contains(dutch), "\(dutch)")
    }
    for english in ["Department", "department", "Circle area", "Line width", "people", "ties", "betweenness", "tie weight",
                    "Colour", "Communities", "Community", "broker", "Contacts", "silo: every", "Ego network"] {
      let word = "(^|[^A-Za-z])" + english + "($|[^A-Za-z])"
      #expect(all.range(of: word, options: .regularExpression) == nil, "\(english) in the Dutch legends")
    }
    #expect(descriptions.prefix(3).allSatisfy { $0.hasPrefix("Elke cirkel is een") })
    #expect(descriptions[0].contains("Opmaak: neato binnen elke afdeling"))
  }

  @Test("every catalog key has a text in English and in Dutch, and the two differ where words are translated")
  func catalogs() {
    for key in TextKey.allCases {
      #expect(EnglishCatalog.texts[key]?.isEmpty == false, "en \(key)")
      #expect(DutchCatalog.texts[key]?.isEmpty == false, "nl \(key)")
    }
    #expect(DiagramLanguage.nl.term(.betweenness) == "verbindende rol")
    #expect(DiagramLanguage.nl.translated("tie weight") == "gewicht van de relaties")
    #expect(DiagramLanguage.nl.translated("hours of overtime") == "hours of overtime")
    #expect(DiagramLanguage.en.translated("betweenness") == "betweenness")
    #expect(DiagramLanguage.nl.number(0.0547, decimals: 4) == "0,0547")
    #expect(DiagramLanguage.nl.text(.personMany, "3") == "3 personen")
  }
}
