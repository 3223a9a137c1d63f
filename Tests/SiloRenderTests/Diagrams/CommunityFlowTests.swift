import Foundation
import Testing
@testable import SiloRender

/// The alluvial diagram of communities over time, laid out by `dot`.
@Suite("community flow")
struct CommunityFlowTests {
  /// Five periods with a merge (C1 and C2 in 2024), a split (C1 into twelve in 2025) and
  /// twelve communities in 2025.
  static func input(maximum: Int = 8) -> CommunityFlowInput {
    let late = (2 ... 12).map { CommunityFlowInput.Community(id: $0 + 10, size: 14 - $0) }
    var flows: [CommunityFlowInput.Flow] = [
      .init(period: 0, from: 1, to: 1, people: 38), .init(period: 0, from: 2, to: 2, people: 23), .init(period: 0, from: 2, to: 1, people: 7),
      .init(period: 0, from: 3, to: 3, people: 20),
      .init(period: 1, from: 1, to: 1, people: 45), .init(period: 1, from: 2, to: 1, people: 25), .init(period: 1, from: 3, to: 3, people: 12),
      .init(period: 2, from: 1, to: 1, people: 30),
    ]
    flows += (2 ... 12).map { .init(period: 2, from: $0 % 2 == 0 ? 1 : 3, to: $0 + 10, people: 14 - $0) }
    flows += (2 ... 12).map { .init(period: 3, from: $0 + 10, to: $0 % 3 == 0 ? 5 : 1, people: 14 - $0) }
    flows.append(.init(period: 3, from: 1, to: 1, people: 30))
    return CommunityFlowInput(
      periods: ["2022", "2023", "2024", "2025", "2026"],
      communities: [
        [.init(id: 1, size: 40, label: "Finance 60%"), .init(id: 2, size: 30, label: "ICT 80%"), .init(id: 3, size: 20)],
        [.init(id: 1, size: 45), .init(id: 2, size: 25), .init(id: 3, size: 15)],
        [.init(id: 1, size: 70, label: "Finance + ICT"), .init(id: 3, size: 12)],
        [.init(id: 1, size: 30)] + late,
        [.init(id: 1, size: 60), .init(id: 5, size: 25)],
      ],
      flows: flows, maximumPerPeriod: maximum)
  }

  @Test("gathering the smaller communities keeps every person, in the boxes and on the lines")
  func conservation() {
    let input = Self.input()
    let gathered = GatheredFlow(input)
    #expect(gathered.unknown == 0)
    #expect(gathered.boxes.map(\.count) == [3, 3, 2, 9, 2])
    let rest = gathered.boxes[3].last!
    #expect(rest.id == nil && rest.communities == 4)
    for p in input.periods.indices {
      #expect(gathered.boxes[p].reduce(0) { $0 + $1.size } == input.communities[p].reduce(0) { $0 + $1.size }, "period \(p)")
    }
    // The largest eight of 2025 are kept: C1 (30) and C12…C18 (12 down to 6 people).
    #expect(gathered.boxes[3].compactMap(\.id) == [1, 12, 13, 14, 15, 16, 17, 18])
    #expect(rest.size == 5 + 4 + 3 + 2)
    // Per period and per box, the people on the lines are those of the flows it stands for.
    #expect(gathered.links.reduce(0) { $0 + $1.people } == input.flows.reduce(0) { $0 + $1.people })
    let kept = Set(gathered.boxes[3].compactMap(\.id))
    let intoRest = input.flows.filter { $0.period == 2 && !kept.contains($0.to) }.reduce(0) { $0 + $1.people }
    #expect(gathered.links.filter { $0.period == 2 && $0.to == nil }.reduce(0) { $0 + $1.people } == intoRest)
    let outOfRest = input.flows.filter { $0.period == 3 && !kept.contains($0.from) }.reduce(0) { $0 + $1.people }
    #expect(gathered.links.filter { $0.period == 3 && $0.from == nil }.reduce(0) { $0 + $1.people } == outOfRest)
    // One line per pair of boxes.
    #expect(Set(gathered.links.map { "\($0.period) \(String(describing: $0.from)) \(String(describing: $0.to))" }).count == gathered.links.count)
    // A limit of one: each period one community and one grey box; still every person.
    let tight = GatheredFlow(Self.input(maximum: 1))
    #expect(tight.boxes.map(\.count) == [2, 2, 2, 2, 2])
    #expect(tight.links.reduce(0) { $0 + $1.people } == input.flows.reduce(0) { $0 + $1.people })
  }

  @Test("flows naming a community or period that is not there are left out and counted")
  func unknownFlows() {
    var input = Self.input()
    input.flows += [.init(period: 0, from: 99, to: 1, people: 5), .init(period: 4, from: 1, to: 1, people: 5), .init(period: 0, from: 1, to: 2, people: 0)]
    let gathered = GatheredFlow(input)
    #expect(gathered.unknown == 2)
    #expect(gathered.links.reduce(0) { $0 + $1.people } == Self.input().flows.reduce(0) { $0 + $1.people })
    #expect(Diagram.communityFlow(input).notes.contains("2 flows name a community that is not listed in its period and are left out."))
  }

  @Test("rendered by dot: a box per community, the period labels, lines with tooltips, title and desc")
  func rendered() throws {
    let diagram = Diagram.communityFlow(Self.input())
    #expect(diagram.engine == .dot)
    let bytes = try diagram.render(.svg)
    let scan = SVGScan(bytes)
    try #require(scan.parsed, "\(String(describing: scan.error))")
    #expect(scan.rootFirstChildren == ["title", "desc"])
    #expect(scan.rootTitle == "Communities over time")
    #expect(scan.rootDescription?.hasPrefix("Communities of the collaboration in 5 periods, 2022 to 2026") == true)
    #expect(scan.count("node") == 19 + 5)
    for text in ["2022", "2026", "C1 (40)", "Finance 60%", "C12 (12)", "Communities over time"] {
      #expect(scan.texts.contains(text), "\(text)")
    }
    #expect(scan.texts.joined(separator: " ").contains("4 smaller communities (14)"))
    #expect(scan.tooltips.contains("38 people from C1 to C1"))
    #expect(scan.tooltips.contains("7 people from C2 to C1"))
    #expect(scan.tooltips.contains { $0.hasSuffix("people from smaller communities to C1") })
    #expect(scan.tooltips.contains("C1, 2022: 40 people\nFinance 60%"))
    // The period labels sit in one row above the columns.
    let svg = String(decoding: bytes, as: UTF8.self)
    let headerYs = Set(Self.input().periods.compactMap { period in
      svg.firstRange(of: "font-weight=\"bold\" font-size=\"12.00\">\(period)</text>").map { range in
        let tag = svg[..<range.lowerBound].suffix(200)
        return tag.range(of: " y=\"", options: .backwards).map { String(tag[$0.upperBound...].prefix { $0 != "\"" }) }
      } ?? nil
    })
    #expect(headerYs.count == 1, "\(headerYs)")
  }

  @Test("the same community keeps its colour in every period; box height grows with people")
  func identity() throws {
    let graph = Diagram.communityFlow(Self.input()).graph
    func node(_ id: String) -> DOTNode? { graph.nodes.first { $0.id == id } }
    let colours = (0 ..< 5).compactMap { node("p\($0)c1")?.attributes["fillcolor"] }
    #expect(colours.count == 5 && Set(colours.map { "\($0)" }).count == 1)
    #expect(node("p0c2")?.attributes["fillcolor"] != node("p0c1")?.attributes["fillcolor"])
    let big = try #require(node("p2c1")?.attributes["height"]?.number), small = try #require(node("p2c3")?.attributes["height"]?.number)
    #expect(abs(big / small - 70.0 / 12) < 0.01)
    #expect(node("p3rest")?.attributes["fillcolor"] == .text(Colour.neutral))
    // Ids from 20 on reuse a colour with a marker and a dashed box.
    let far = Diagram.communityFlow(CommunityFlowInput(periods: ["a"], communities: [[.init(id: 23, size: 5)]], flows: [])).graph
    #expect(far.nodes[1].attributes["style"] == .text("rounded,filled,dashed"))
    #expect(try #require(far.nodes[1].attributes["label"]?.html).markup.contains("◆ C23 (5)"))
  }

  @Test("the same input gives the same bytes")
  func deterministic() throws {
    let a = try Diagram.communityFlow(Self.input()).render(.svg)
    let b = try Diagram.communityFlow(Self.input()).render(.svg)
    #expect(lineDifference(a, b) == nil)
  }

  @Test("fitted to the report page, every text prints at 9 pt or more", arguments: DiagramLanguage.allCases)
  func printedSize(language: DiagramLanguage) throws {
    let (_, svg) = try Diagram.communityFlow(Self.input(), options: DiagramOptions(language: language)).fittedSVG(to: .reportPage)
    let measured = SVGMeasure(svg)
    let scale = PrintFrame.reportPage.scale(width: measured.width, height: measured.height)
    #expect(measured.smallestFont * scale >= 9 - 0.005, "\(measured.smallestFont) × \(scale) (\(measured.width) × \(measured.height))")
  }

  @Test("user text in labels and period names is text, never markup")
  func hostile() throws {
    let input = CommunityFlowInput(
      periods: ["<b>2024</b>", #"2025 "Q1" & \N"#],
      communities: [[.init(id: 1, size: 10, label: #"<script>&""#)], [.init(id: 1, size: 10, label: "Eve\u{202E}kcah")]],
      flows: [.init(period: 0, from: 1, to: 1, people: 10)])
    let scan = SVGScan(try Diagram.communityFlow(input).render(.svg))
    try #require(scan.parsed, "\(String(describing: scan.error))")
    #expect(scan.texts.contains(#"<script>&""#))
    #expect(scan.texts.contains("<b>2024</b>") && scan.texts.contains(#"2025 "Q1" & \N"#))
    #expect(scan.texts.contains("Evekcah"))
    #expect(scan.tooltips.contains("C1, <b>2024</b>: 10 people\n<script>&\""))
    #expect(scan.count("b") == 0 && scan.count("script") == 0)
  }

  @Test("Dutch: numbers are G3, the caption and tooltips are Dutch")
  func dutch() throws {
    let diagram = Diagram.communityFlow(Self.input(), options: DiagramOptions(language: .nl))
    let scan = SVGScan(try diagram.render(.svg))
    try #require(scan.parsed)
    #expect(scan.texts.contains("G1 (40)"))
    #expect(scan.rootTitle == "Samenwerkingsgroepen door de tijd")
    #expect(scan.tooltips.contains("38 personen van G1 naar G1"))
    #expect(scan.texts.joined(separator: " ").contains("4 kleinere groepen (14)"))
    #expect(!scan.texts.contains { $0.contains("people") || $0.contains("Communities") })
  }

  @Test("edge cases render: no periods, a period without communities, eight periods, one community")
  func edgeCases() throws {
    let inputs = [
      CommunityFlowInput(periods: [], communities: [], flows: []),
      CommunityFlowInput(periods: ["a", "b", "c"], communities: [[.init(id: 0, size: 3)], [], [.init(id: 0, size: 0)]], flows: []),
      CommunityFlowInput(
        periods: (2019 ... 2026).map { "\($0)" }, communities: (0 ..< 8).map { _ in [.init(id: 1, size: 10), .init(id: 2, size: 5)] },
        flows: (0 ..< 7).flatMap { [.init(period: $0, from: 1, to: 1, people: 9), .init(period: $0, from: 2, to: 1, people: 1)] }),
    ]
    for input in inputs {
      let (_, svg) = try Diagram.communityFlow(input).fittedSVG(to: .reportPage)
      let scan = SVGScan(svg)
      try #require(scan.parsed)
      #expect(scan.count("node") == input.periods.count + input.communities.reduce(0) { $0 + $1.count })
    }
  }

  @Test("DOT: rank groups are written as anonymous subgraphs")
  func sameRank() {
    var graph = DOTGraph(name: "g")
    graph.nodes = [DOTNode(id: "a"), DOTNode(id: "b\"x")]
    graph.sameRank = [["a", "b\"x"], []]
    #expect(DOTEncoder.encode(graph) == "graph \"g\" {\n  \"a\";\n  \"b\\\"x\";\n  { rank=\"same\"; \"a\"; \"b\\\"x\"; }\n}\n")
  }
}
