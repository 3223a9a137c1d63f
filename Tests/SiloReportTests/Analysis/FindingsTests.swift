import Foundation
import SiloGraph
import SiloIngest
import SiloMetrics
import Testing
@testable import SiloReport

/// The findings and their sentence builders, without the command line: what is said follows
/// the verdicts, and every sentence is finished.
@Suite("Findings")
struct FindingsTests {
  /// Four departments of six: "Closed" keeps 15 ties inside and 1 outside (a silo), "Inward"
  /// 6 inside and 3 outside, "Mixed" 3 inside and 4 outside, "Open" 1 inside and 4 outside;
  /// every tie weighs 1.
  static func organization(closedName: String = "Closed") -> Network {
    let names = [closedName, "Inward", "Mixed", "Open"]
    var ids: [String] = [], departments: [String] = []
    for (d, name) in names.enumerated() {
      for i in 0 ..< 6 { ids.append("P\(d)\(i)"); departments.append(name) }
    }
    var builder = GraphBuilder(nodeCount: ids.count)
    func tie(_ d: Int, _ i: Int, _ e: Int, _ j: Int) { builder.addEdge(NodeID(6 * d + i), NodeID(6 * e + j), weight: 1) }
    // Inside: all 15 pairs of Closed; 6 in Inward; 3 in Mixed; 1 in Open.
    for i in 0 ..< 6 { for j in i + 1 ..< 6 { tie(0, i, 0, j) } }
    for (i, j) in [(0, 1), (1, 2), (2, 3), (3, 4), (4, 5), (0, 5)] { tie(1, i, 1, j) }
    for (i, j) in [(0, 1), (2, 3), (4, 5)] { tie(2, i, 2, j) }
    tie(3, 0, 3, 1)
    // Outside: Closed–Inward, Inward–Mixed, Mixed–Open twice, Open–Inward, Open–Mixed.
    tie(0, 0, 1, 0)
    tie(1, 1, 2, 0)
    tie(2, 1, 3, 0)
    tie(2, 2, 3, 1)
    tie(3, 2, 1, 3)
    tie(3, 3, 2, 4)
    var table = NodeTable(ids: ids)
    table.setAttributeColumn(NodeAttribute.department, departments)
    return Network(graph: builder.build(), nodes: table, groups: Network.partition(of: table, by: NodeAttribute.department))
  }

  static func analyze(_ network: Network, language: ReportLanguage = .en) throws -> AnalysisResult {
    var options = SiloAnalysis.Options()
    options.diagrams = false
    options.minimumGroupSize = 1
    options.permutations = 200
    options.bootstrapReplicates = 200
    options.language = language
    options.reportDate = LogDate(year: 2026, month: 12, day: 5)
    return try SiloAnalysis.run(network: network, options: options)
  }

  /// A finished sentence: starts with a capital or a digit, ends with a full stop, has
  /// balanced parentheses, and no empty or doubled punctuation.
  static func isFinished(_ text: String) -> Bool {
    guard let first = text.first, first.isUppercase || first.isNumber, text.hasSuffix(".") else { return false }
    let open = text.filter { $0 == "(" }.count, close = text.filter { $0 == ")" }.count
    return open == close && ![" .", ",.", ";.", "..", "()", " ,", "  "].contains { text.contains($0) }
  }

  @Test("the verdicts follow the rule, and the silo finding names exactly the silos")
  func silosNamed() throws {
    let result = try Self.analyze(Self.organization())
    let verdicts = Dictionary(uniqueKeysWithValues: result.silos.groups.map { ($0.name, $0.verdict) })
    // Closed: E-I (1 − 15)/16 = −0.875; Inward (3 − 6)/9 = −1/3, on the band's edge;
    // Mixed (4 − 3)/7 = +0.14; Open (4 − 1)/5 = +0.6.
    #expect(verdicts == ["Closed": .silo, "Inward": .inward, "Mixed": .balanced, "Open": .open])
    let silo = try #require(result.findings.first { $0.kind == "silo" })
    #expect(silo.text.contains("Closed ("))
    #expect(!silo.text.contains("Inward") && !silo.text.contains("Mixed"))
    #expect(silo.text.hasPrefix("One of the 4 departments is a silo"))
    #expect(result.findings.contains { $0.kind == "open" && $0.text.hasPrefix("Open works most across") })
    #expect(!result.findings.contains { $0.kind == "no-silo" })
  }

  @Test("every finding is a finished sentence, in English and in Dutch")
  func finishedSentences() throws {
    for language in ReportLanguage.allCases {
      let result = try Self.analyze(Self.organization(), language: language)
      #expect(!result.findings.isEmpty)
      for finding in result.findings { #expect(Self.isFinished(finding.text), "\(language): \(finding.text)") }
    }
  }

  @Test("without a silo, the most closed departments are named against the median")
  func noSilo() throws {
    var silos = try Self.analyze(Self.organization()).silos
    for i in silos.groups.indices where silos.groups[i].verdict == .silo { silos.groups[i].verdict = .inward }
    let findings = Findings.departments(silos, ReportLanguage.en.wording)
    #expect(findings.map(\.kind) == ["no-silo"])
    let text = findings[0].text
    #expect(text.hasPrefix("No department is a silo"))
    #expect(text.contains("The most closed departments of this organization are Closed (94% of its collaboration inside) and Inward (67%)"))
    #expect(text.contains("for the department in the middle"))
    #expect(Self.isFinished(text))
  }

  @Test("many silos: the first six are named, then how many more")
  func manySilos() {
    let w = ReportLanguage.en.wording
    let silos = (1 ... 6).map { (name: "D\($0)", share: Finding.Part.text("9\($0)%"), range: [SiloVerdict.silo]) }
    let text = w.findingSilos(silos, more: 3, departments: 20, inView: false).map(\.text).joined()
    #expect(text.hasPrefix("9 of the 20 departments are silos"))
    #expect(text.hasSuffix("D6 (96%) and 3 more (see the scorecard)."))
    let dutch = ReportLanguage.nl.wording.findingSilos(Array(silos.prefix(2)), more: 0, departments: 20, inView: false).map(\.text).joined()
    #expect(dutch.hasPrefix("Van de 20 afdelingen zijn er 2 verkokerd"))
    #expect(dutch.hasSuffix("D1 (91% van de samenwerking binnen de afdeling) en D2 (92%)."))
    // A focused report counts the departments it shows.
    #expect(w.findingSilos(silos, more: 0, departments: 8, inView: true).map(\.text).joined().hasPrefix("6 of the 8 departments in view are silos"))
    let inBeeld = ReportLanguage.nl.wording.findingSilos(Array(silos.prefix(1)), more: 0, departments: 8, inView: true)
    #expect(inBeeld.map(\.text).joined().hasPrefix("Van de 8 afdelingen in beeld is er 1 verkokerd"))
  }

  @Test("a margin over two or three bands is said so")
  func ranges() {
    let en = ReportLanguage.en.wording, nl = ReportLanguage.nl.wording
    #expect(en.verdictRange([.silo, .inward]) == "silo or inward")
    #expect(en.verdictRange([.silo, .inward, .balanced]) == "silo to balanced")
    #expect(nl.verdictRange([.inward, .balanced]) == "naar binnen gericht of in evenwicht")
    #expect(nl.verdictRange([.silo]) == "verkokerd")
    let silos = [(name: "ICT", share: Finding.Part.text("87%"), range: [SiloVerdict.silo, .inward])]
    #expect(en.findingSilos(silos, more: 0, departments: 5, inView: false).map(\.text).joined().hasSuffix("ICT (87% of its collaboration inside; silo or inward)."))
  }

  @Test("dependence on a bridge person: only the losses there are, in one sentence")
  func dependence() {
    let en = ReportLanguage.en.wording
    let reach = Finding.Part.number(0.04, at: "x", shown: "4%")
    let onlyReach = en.findingBrokerDependence(person: "P-1", pairs: [], pairCount: 0, cutOff: nil, reachLost: reach).map(\.text).joined()
    #expect(onlyReach == "Without P-1, 4% of the colleagues in different departments who can reach each other now could no longer do so.")
    let cut = Finding.Part.number(1, at: "y", shown: "1")
    let all = en.findingBrokerDependence(
      person: "P-1", pairs: ["A – B", "Vergunningen, Toezicht en Handhaving – C"], pairCount: 4, cutOff: cut, reachLost: reach
    ).map(\.text).joined()
    #expect(all.hasPrefix("Without P-1, 4 pairs of departments would lose their last direct tie (A – B; Vergunningen, Toezicht en Handhaving – C; …), 1 person would be cut off"))
    #expect(Self.isFinished(all))
  }

  @Test("a department split over more than three groups names three and sums the rest")
  func split() {
    let shares = ["C2": 0.5, "C4": 0.2, "C1": 0.15, "C3": 0.1, "C5": 0.05].sorted { $0.value > $1.value }
    let document = CommunitiesDocument.ComparisonPart.Split(
      department: "Wonen", communities: shares.map { .init(name: $0.key, people: Int($0.value * 100), share: $0.value) })
    let text = Findings.splitParts(0, document, ReportLanguage.en.wording).map(\.text).joined()
    #expect(text == "Wonen works as 5 separate groups: 50% of its people in group 2, 20% in group 4, 15% in group 1 and the other 15% in 2 more groups.")
    let dutch = Findings.splitParts(0, document, ReportLanguage.nl.wording).map(\.text).joined()
    #expect(dutch == "Wonen werkt als 5 aparte groepen: 50% van de medewerkers zit in groep 2, 20% in groep 4, 15% in groep 1 en de overige 15% in nog 2 andere groepen.")
  }

  @Test("numbers are written as each language writes them")
  func numbers() {
    let en = ReportLanguage.en.numbers, nl = ReportLanguage.nl.numbers
    #expect(en.integer(4032) == "4,032" && nl.integer(4032) == "4.032")
    #expect(en.signed(-0.9100) == "−0.91" && nl.signed(0.36) == "+0,36" && nl.signed(-0.001) == "0,00")
    #expect(nl.percentRange(0.73, 0.91) == "73–91%" && en.percent(0.004) == "<1%" && en.percent(0.996) == ">99%")
    #expect(nl.pValue(0.0004) == "p < 0,001")
  }
}
