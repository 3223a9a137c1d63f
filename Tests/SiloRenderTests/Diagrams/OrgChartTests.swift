import Foundation
import Testing
@testable import SiloRender

/// The org chart: the tree laid out alone, the collaboration drawn over it without moving it.
@Suite("org chart")
struct OrgChartTests {
  /// A top (0) with two managers (1, 2); 1 leads a team of three (3, 4, 5), 2 a team of two
  /// (6, 7); heavy collaboration between the far ends of the two teams.
  static var input: OrgChartInput {
    let parents: [Int?] = [nil, 0, 0, 1, 1, 1, 2, 2]
    let boxes = parents.enumerated().map { i, p in OrgChartInput.Box(title: "P\(i)", subtitle: "D\(i % 2)", category: i % 2, parent: p) }
    return OrgChartInput(
      boxes: boxes, links: [.init(a: 5, b: 6, ties: 4, weight: 40), .init(a: 3, b: 7, ties: 1, weight: 1), .init(a: 0, b: 4, ties: 1, weight: 2)],
      categories: ["D0", "D1"], highlighted: 1)
  }

  @Test("teams in framed columns, links that do not constrain, the heaviest in red")
  func structure() {
    let diagram = Diagram.orgChart(Self.input)
    #expect(diagram.engine == .tree)
    #expect(diagram.graph.clusters.map(\.id) == ["team1", "team2"])
    #expect(diagram.graph.clusters.map { $0.nodes.map(\.id) } == [["b3", "b4", "b5"], ["b6", "b7"]])
    let links = diagram.graph.edges.filter { $0.attributes["constraint"] == .keyword("false") }
    #expect(links.map { "\($0.tail)-\($0.head)" } == ["b5-b6", "b0-b4", "b3-b7"])
    #expect(links.map { $0.attributes["color"] } == [.text("#B2182BCC"), .text("#2166AC77"), .text("#2166AC77")])
  }

  /// Box centres from the pinned graph's `pos` attributes.
  static func positions(_ graph: DOTGraph) -> [String: (x: Double, y: Double)] {
    var out: [String: (x: Double, y: Double)] = [:]
    for node in graph.nodes + graph.clusters.flatMap(\.nodes) {
      guard let pos = node.attributes["pos"]?.text else { continue }
      let parts = pos.dropLast().split(separator: ",").compactMap { Double($0) }
      out[node.id] = (parts[0], parts[1])
    }
    return out
  }

  @Test("the tree alone sets the places: each team below its manager, top to bottom, whatever the links")
  func pinnedTree() throws {
    let pinned = try TreeLayout.pinned(Diagram.orgChart(Self.input).graph)
    var withoutLinks = Self.input
    withoutLinks.links = []
    let alone = try TreeLayout.pinned(Diagram.orgChart(withoutLinks).graph)
    let p = Self.positions(pinned), q = Self.positions(alone)
    #expect(p.count == 8)
    for id in p.keys { #expect(p[id]!.x == q[id]!.x && p[id]!.y == q[id]!.y, "\(id) moved") }
    // Graphviz's y grows upwards: a report is lower than their manager.
    #expect(p["b1"]!.y < p["b0"]!.y && p["b3"]!.y < p["b1"]!.y && p["b4"]!.y < p["b3"]!.y && p["b5"]!.y < p["b4"]!.y)
    // A team's column is under its manager, left of the other team when its manager is.
    #expect(abs(p["b3"]!.x - p["b1"]!.x) < 2 && abs(p["b6"]!.x - p["b2"]!.x) < 2)
    #expect(pinned.clusters.allSatisfy { $0.attributes["bb"] != nil })
    #expect(pinned.attributes["layout"] == .text("nop"))
    // And it draws.
    let svg = String(decoding: try Diagram.orgChart(Self.input).render(.svg), as: UTF8.self)
    #expect(svg.contains("<title>b7</title>") && svg.contains("cluster_team1"))
  }
}
