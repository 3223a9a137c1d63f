import SiloGraph
import SiloMetrics
import Testing
import _SiloTestSupport

/// Articulation points, bridges and local bridges against networkx 3.6.1, and bridging
/// centrality (Hwang et al.) from networkx 3.6.1's normalized betweenness.
@Suite("Cut points, bridges and bridging centrality")
struct CutPointsTests {
  typealias F = BrokersFixtures

  struct Span: Equatable, CustomStringConvertible {
    var source: Int, target: Int, span: Int?
    var description: String { "(\(source), \(target), \(span.map(String.init) ?? "inf"))" }
  }

  /// The local bridges searched without a bound, as NetworkX reports them (a bridge's
  /// infinite span as nil); every nil span must be a bridge.
  static func spans(_ graph: CollaborationGraph, threads: Int = 1) -> [Span] {
    let local = graph.localBridges(maximumSpan: nil, threads: threads)
    #expect(local.allSatisfy { ($0.span == nil) == $0.isBridge })
    return local.map { Span(source: $0.source.index, target: $0.target.index, span: $0.span) }
      .sorted { ($0.source, $0.target) < ($1.source, $1.target) }
  }

  @Test("Florentine marriages (16 families): articulation points, bridges, local bridges with span")
  func florentine() throws {
    let graph = try F.florentine16().graph
    let cut = graph.cutPoints()
    // networkx 3.6.1 on `flo16` (BrokersFixtures.florentine16(), ids 1…16 as nodes 0…15):
    // sorted(nx.articulation_points(G)) = Albizzi 2, Guadagni 7, Medici 9, Salviati 14.
    #expect(cut.articulationPoints.map(\.index) == [1, 6, 8, 13])
    // sorted(nx.bridges(G)): (1,9), (2,6), (7,8), (9,14), (10,14).
    #expect(cut.bridges.map { [$0.source.index, $0.target.index] } == [[0, 8], [1, 5], [6, 7], [8, 13], [9, 13]])
    // nx.local_bridges(G, with_span=True); span inf (a bridge) is nil here.
    let expected = [
      Span(source: 0, target: 8, span: nil), Span(source: 1, target: 5, span: nil), Span(source: 1, target: 6, span: 3),
      Span(source: 1, target: 8, span: 3), Span(source: 2, target: 4, span: 4), Span(source: 2, target: 8, span: 4),
      Span(source: 3, target: 6, span: 4), Span(source: 6, target: 7, span: nil), Span(source: 6, target: 15, span: 3),
      Span(source: 8, target: 13, span: nil), Span(source: 9, target: 13, span: nil), Span(source: 12, target: 14, span: 4),
    ]
    #expect(Self.spans(graph) == expected)
    // The isolate Pucci is neither a cut point nor the end of a bridge.
    #expect(!cut.articulationPoints.contains(NodeID(F.pucci)))
  }

  @Test("Karate: one articulation point (node 0), one bridge (0–11), eleven local bridges")
  func karate() throws {
    let graph = try F.karate().graph
    let cut = graph.cutPoints()
    // networkx 3.6.1 nx.articulation_points, nx.bridges, nx.local_bridges(G, with_span=True).
    #expect(cut.articulationPoints == [NodeID(0)])
    #expect(cut.bridges.map { [$0.source.index, $0.target.index] } == [[0, 11]])
    #expect(cut.bridges.first?.weight == 3)  // the 0–11 tie weighs 3 in zachary_karate/edges.csv
    let expected = [
      Span(source: 0, target: 11, span: nil), Span(source: 0, target: 31, span: 3), Span(source: 1, target: 30, span: 3),
      Span(source: 2, target: 9, span: 3), Span(source: 2, target: 27, span: 3), Span(source: 2, target: 28, span: 3),
      Span(source: 9, target: 33, span: 3), Span(source: 13, target: 33, span: 3), Span(source: 19, target: 33, span: 3),
      Span(source: 23, target: 25, span: 3), Span(source: 24, target: 27, span: 3),
    ]
    #expect(Self.spans(graph) == expected)
    #expect(Self.spans(graph, threads: 2) == expected)
  }

  @Test("Hand graphs: a path, a cycle with a tail, direction ignored")
  func handGraphs() {
    // Path 0–1–2–3: inner nodes cut, every tie a bridge and a local bridge without span.
    let pathGraph = F.graph(4, [(0, 1), (1, 2), (2, 3)])
    let path = pathGraph.cutPoints()
    #expect(path.articulationPoints.map(\.index) == [1, 2])
    #expect(path.bridges.count == 3)
    let pathBridges = pathGraph.localBridges()
    #expect(pathBridges.allSatisfy { $0.span == nil && $0.isBridge } && pathBridges.count == 3)
    // Square 0–1–2–3–0 with a tail 3–4: node 3 is cut, 3–4 the bridge; square ties are local
    // bridges (no common neighbour) of span 3.
    let squareGraph = F.graph(5, [(0, 1), (1, 2), (2, 3), (3, 0), (3, 4)])
    let square = squareGraph.cutPoints()
    #expect(square.articulationPoints.map(\.index) == [3])
    #expect(square.bridges.map { [$0.source.index, $0.target.index] } == [[3, 4]])
    #expect(Self.spans(squareGraph) == [
      Span(source: 0, target: 1, span: 3), Span(source: 0, target: 3, span: 3), Span(source: 1, target: 2, span: 3),
      Span(source: 2, target: 3, span: 3), Span(source: 3, target: 4, span: nil),
    ])
    // Triangle: nothing.
    let triangleGraph = F.graph(3, [(0, 1), (1, 2), (0, 2)])
    let triangle = triangleGraph.cutPoints()
    #expect(triangle.articulationPoints.isEmpty && triangle.bridges.isEmpty && triangleGraph.localBridges().isEmpty)
    // Directed arcs 0 → 1 → 2 are read without direction: 1 is cut.
    let directed = F.graph(3, [(0, 1), (1, 2)], .directed).cutPoints()
    #expect(directed.articulationPoints.map(\.index) == [1])
    #expect(directed.bridges.count == 2)
    // A long chain does not overflow the stack (iterative search).
    let chain = F.graph(100_000, (0 ..< 99_999).map { ($0, $0 + 1) }).cutPoints()
    #expect(chain.articulationPoints.count == 99_998)
    #expect(chain.bridges.count == 99_999)
  }

  @Test("A span longer than the bound is reported as more than the bound, not as a bridge")
  func boundedSpan() {
    // Truth: a cycle of 10 nodes: every tie is a local bridge whose other path has 9 hops.
    let cycle = F.graph(10, (0 ..< 10).map { ($0, ($0 + 1) % 10) })
    let unbounded = cycle.localBridges(maximumSpan: nil)
    #expect(unbounded.count == 10 && unbounded.allSatisfy { $0.span == 9 && !$0.isBridge })
    let bounded = cycle.localBridges(maximumSpan: 6)
    #expect(bounded.count == 10 && bounded.allSatisfy { $0.span == nil && !$0.isBridge })
    #expect(cycle.localBridges(maximumSpan: 9).allSatisfy { $0.span == 9 })
    #expect(cycle.localBridges(maximumSpan: 8).allSatisfy { $0.span == nil })
    // Truth: cycles of 4 to 9 nodes sharing node 0 in one graph: spans 3 to 8, each found
    // exactly by the search from both ends, and the same with 2 threads.
    var ties: [(Int, Int)] = []
    var next = 1
    for length in 4 ... 9 {
      let ring = [0] + Array(next ..< next + length - 1)
      next += length - 1
      for i in ring.indices { ties.append((ring[i], ring[(i + 1) % ring.count])) }
    }
    let rings = F.graph(next, ties)
    let spans = rings.localBridges(maximumSpan: nil)
    #expect(Set(spans.compactMap(\.span)) == Set(3 ... 8))
    #expect(rings.localBridges(maximumSpan: nil, threads: 2) == spans)
    #expect(rings.localBridges(maximumSpan: 5).map { $0.span.map { $0 <= 5 } ?? true }.allSatisfy { $0 })
  }

  @Test("Bridging centrality on the Krackhardt kite")
  func bridgingKite() {
    let graph = F.kite
    let bridging = graph.bridgingCentrality(betweenness: graph.betweenness())
    // BrC = nx.betweenness_centrality(nx.krackhardt_kite_graph()) (networkx 3.6.1, normalized) ×
    // (1/d_v)/Σ_{u∈N(v)} 1/d_u, one double multiplication; Heather 0.14403292181069957.
    BrokersCheck.expectClose(
      bridging,
      [
        0.006091617933723196, 0.006091617933723196, 0.0, 0.010835303388494876, 0.0, 0.03607503607503607,
        0.03607503607503607, 0.14403292181069957, 0.08333333333333333, 0.0,
      ], "kite bridging")
  }

  /// `flo15`: BrC with networkx 3.6.1 normalized betweenness of the 15-node
  /// `florentine_families_graph()`, as for the kite (Medici 0.028998778998779).
  static let flo15Bridging: [Double] = [
    0.0, 0.04998922645981469, 0.09340659340659341, 0.04175824175824176, 0.0169061707523246, 0.0,
    0.03182234432234433, 0.0, 0.028998778998779, 0.0, 0.007992007992007992, 0.05046805046805047,
    0.06122448979591837, 0.019230769230769232, 0.04070004070004069,
  ]

  @Test("Bridging centrality on the Florentine marriages: 15 families, and 16 with Pucci")
  func bridgingFlorentine() throws {
    let graph15 = try F.florentine15()
    BrokersCheck.expectClose(graph15.bridgingCentrality(betweenness: graph15.betweenness()), Self.flo15Bridging, "flo15 bridging")
    // With the isolate the normalization is (15·14)/(14·13) larger: every score × 13/15, and
    // the isolate scores 0.
    let graph16 = try F.florentine16().graph
    var expected16 = Self.flo15Bridging.map { $0 * 13 / 15 }
    expected16.insert(0, at: F.pucci)
    BrokersCheck.expectClose(graph16.bridgingCentrality(betweenness: graph16.betweenness()), expected16, "flo16 bridging")
    // Raw betweenness gives the same bridging coefficients: BrC / C_B is independent of scale.
    let raw = graph15.betweenness(F.options(normalized: false))
    let rawBridging = graph15.bridgingCentrality(betweenness: raw)
    // Medici: bridging coefficient (1/6)/(1/1 + 1/2 + 1/2 + 1/3 + 1/3 + 1/3) = 1/18 (degree 6;
    // neighbours of degree 1, 2, 2, 3, 3, 3), raw betweenness 47.5 (networkx 3.6.1).
    #expect(BrokersCheck.close(rawBridging[8], 47.5 / 18))
  }
}
