import Foundation
import Testing
@testable import SiloRender

/// The C path end to end on the smallest diagram: one cluster, two people, one tie.
@Test func rendersTwoPeopleInOneCluster() throws {
  let graph = DOTGraph(
    name: "t", attributes: ["layout": .text("fdp")],
    clusters: [DOTCluster(id: "0", attributes: ["label": .text("Financiën")], nodes: [DOTNode(id: "a"), DOTNode(id: "b")])],
    edges: [DOTEdge(tail: "a", head: "b")])
  let svg = String(decoding: try Graphviz.render(dot: DOTEncoder.encode(graph), engine: .fdp, format: .svg), as: UTF8.self)
  #expect(svg.contains("<svg"))
  #expect(svg.components(separatedBy: "class=\"cluster\"").count == 2)
  #expect(svg.components(separatedBy: "class=\"node\"").count == 3)
  #expect(svg.contains("Financiën"))
}
