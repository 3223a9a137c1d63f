import Foundation
import Testing
@testable import SiloRender

/// The engine and settings chosen by size. The thresholds are the ones Tests/References/graphviz.md §3 derives
/// from its measurements (dot 466 s at 1,000 people; neato 8 s at 1,000 and minutes at
/// 5,000; fdp keeps clusters; sfdp scales furthest).
@Suite struct LayoutPlanTests {
  private func text(_ plan: LayoutPlan) -> String { DOTEncoder.encode(DOTGraph(name: "g", attributes: plan.attributes)) }

  @Test("clusters → SiloScope's repeatable clustered layout, whatever the size", arguments: [1, 71, 1_000, 5_000, 20_000])
  func clustersUseClusteredLayout(_ nodes: Int) {
    // Graphviz's fdp keeps clusters but is not repeatable (ClusteredLayout.swift, measured for
    // this project); the clustered layout is neato per cluster and for the arrangement.
    let plan = LayoutPlan.choose(nodes: nodes, clusters: true, requested: nil, seed: 1)
    #expect(plan.engine == .clustered)
    // No `layout` attribute: "clustered" is no Graphviz engine; the pinned graph gets `nop`.
    #expect(plan.attributes["layout"] == nil)
    #expect(plan.note.contains("neato inside each department"))
  }

  @Test("fdp, when asked for, keeps its seed and says it is not repeatable")
  func fdpRequested() {
    let plan = LayoutPlan.choose(nodes: 50, clusters: true, requested: .fdp, seed: 9)
    #expect(plan.engine == .fdp)
    #expect(plan.attributes["layout"] == .text("fdp"))
    #expect(plan.attributes["start"] == .number(9))
    #expect(plan.attributes["overlap"] == .keyword("false"))
    #expect(plan.note.contains("does not give the same drawing twice"))
  }

  @Test("no clusters: neato up to 1,000 nodes, sfdp above")
  func bySize() {
    for nodes in [0, 1, 21, 1_000] {
      let plan = LayoutPlan.choose(nodes: nodes, clusters: false, requested: nil, seed: 1)
      #expect(plan.engine == .neato, "\(nodes) nodes")
      #expect(plan.attributes["overlap"] == .keyword("false"))
      #expect(plan.attributes["maxiter"] == nil)
    }
    for nodes in [1_001, 2_000, 20_000] {
      let plan = LayoutPlan.choose(nodes: nodes, clusters: false, requested: nil, seed: 1)
      #expect(plan.engine == .sfdp, "\(nodes) nodes")
      #expect(plan.attributes["layout"] == .text("sfdp"))
    }
    // sfdp: prism overlap removal up to 2,000 nodes, scaling above (prism takes minutes).
    #expect(LayoutPlan.choose(nodes: 2_000, clusters: false, requested: nil, seed: 1).attributes["overlap"] == .keyword("prism"))
    #expect(LayoutPlan.choose(nodes: 2_001, clusters: false, requested: nil, seed: 1).attributes["overlap"] == .keyword("scale"))
  }

  @Test("a requested engine wins over clusters and size")
  func requestedWins() {
    for (engine, clusters, nodes) in [(LayoutEngine.dot, true, 50), (.circo, true, 10), (.neato, true, 5_000), (.sfdp, false, 10), (.twopi, false, 3)] {
      let plan = LayoutPlan.choose(nodes: nodes, clusters: clusters, requested: engine, seed: 1)
      #expect(plan.engine == engine)
      #expect(plan.attributes["layout"] == .text(engine.rawValue))
      #expect(plan.note.contains("as requested"))
    }
    // neato asked for above 1,000 nodes gets its iterations capped and overlap scaling.
    let big = LayoutPlan.choose(nodes: 5_000, clusters: false, requested: .neato, seed: 1)
    #expect(big.attributes["maxiter"] == .number(200))
    #expect(big.attributes["overlap"] == .keyword("scale"))
  }

  @Test("dot above 300 nodes gets limits on crossing minimization and network simplex")
  func dotLimits() {
    let small = LayoutPlan.choose(nodes: 300, clusters: false, requested: .dot, seed: 1)
    #expect(small.attributes["nslimit"] == nil && small.attributes["mclimit"] == nil)
    #expect(text(small) == "graph \"g\" {\n  graph [layout=\"dot\"];\n}\n")

    let large = LayoutPlan.choose(nodes: 301, clusters: true, requested: .dot, seed: 1)
    // Tests/References/graphviz.md §3: mclimit=0.1, nslimit=1, nslimit1=1, searchsize=10 took n = 1,000 from 466 s to 10.6 s.
    #expect(large.attributes["mclimit"] == .number(0.1))
    #expect(large.attributes["nslimit"] == .number(1))
    #expect(large.attributes["nslimit1"] == .number(1))
    #expect(large.attributes["searchsize"] == .number(10))
    #expect(text(large) == "graph \"g\" {\n  graph [layout=\"dot\", mclimit=0.1, nslimit=1, nslimit1=1, searchsize=10];\n}\n")
    #expect(large.note.contains("300"))
    // dot has no random start: no seed attribute.
    #expect(large.attributes["start"] == nil)
  }

  @Test("the seed appears as `start` for the force-directed engines, and in the note")
  func seed() {
    for (engine, clusters, nodes) in [(LayoutEngine?.some(.fdp), true, 10), (nil, false, 10), (nil, false, 1_500)] {
      let plan = LayoutPlan.choose(nodes: nodes, clusters: clusters, requested: engine, seed: 42)
      #expect(plan.attributes["start"] == .number(42), "\(plan.engine)")
      #expect(text(plan).contains("start=42"))
      #expect(plan.note.hasSuffix("seed 42."))
    }
    // Seeds are reduced modulo 1,000,000,007 so that Graphviz reads a small integer:
    // 18446744073709551615 mod 1000000007 = 582344007 (Python: (2**64 - 1) % 1000000007).
    let plan = LayoutPlan.choose(nodes: 10, clusters: false, requested: nil, seed: .max)
    #expect(text(plan).contains("start=582344007,"))
    #expect(plan.note.contains("seed 18446744073709551615"))
    #expect(LayoutPlan.choose(nodes: 10, clusters: false, requested: nil, seed: 1).attributes["start"] == .number(1))
  }
}
