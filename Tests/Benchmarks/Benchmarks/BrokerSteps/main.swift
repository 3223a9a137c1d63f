// Not an ordo-one benchmark: a plain program timing each step of `siloscope brokers` on a
// network read from an edge list and a node list (the peers' generated organizations:
// `run.sh brokers` makes .peers/data/org_n100000_edges.csv and _nodes.csv), distances in
// hops, 1 and 2 threads where a step uses threads. Run in release mode:
//   swift run -c release --package-path Tests/Benchmarks BrokerSteps EDGES NODES
// Prints a Markdown table of wall-clock seconds, one run each.
import BenchmarkTiming
import Foundation
import SiloGraph
import SiloIngest
import SiloMetrics
import SiloReport

func f(_ x: Double) -> String { String(format: "%.2f", x) }

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count == 2 else {
  FileHandle.standardError.write(Data("usage: BrokerSteps EDGES NODES\n".utf8))
  exit(64)
}
var network: Network?
let read = try seconds { network = try NetworkReader.read(edgesPath: arguments[0], nodesPath: arguments[1]).network }
let graph = network!.graph
let groups = network!.groups!
print("| step (\(graph.nodeCount) people, \(graph.edgeCount) ties, hops) | 1 thread (s) | 2 threads (s) |")
print("|---|---:|---:|")
print("| read the edge and node lists | \(f(read)) | |")
var betweenness: Betweenness?
var times: [Double] = []
for threads in [1, 2] {
  var options = BetweennessOptions(distance: .hops, normalized: true, threads: threads)
  options.ties = .exact
  times.append(try seconds { betweenness = try graph.kadabraBetweenness(top: 10, epsilon: 0.01, delta: 0.1, seed: 1, options: options) })
}
print("| betweenness, KADABRA top 10 (ε = 0.01, δ = 0.1, \(betweenness!.approximation!.samples) paths) | \(f(times[0])) | \(f(times[1])) |")
print("| constraint (structural holes) | \(f(seconds { _ = graph.structuralHoles(weighted: false) })) | |")
print("| brokerage roles | \(f(try seconds { _ = try graph.brokerage(of: groups) })) | |")
print("| cut points and bridges | \(f(seconds { _ = graph.cutPoints() })) | |")
let spans = [1, 2].map { threads in seconds { _ = graph.localBridges(maximumSpan: 6, threads: threads) } }
print("| local bridges, span ≤ 6 (not part of brokers) | \(f(spans[0])) | \(f(spans[1])) |")
let top = Array(betweenness!.scores.ranked().prefix(10))
let steps = Double(graph.nodeCount + 2 * graph.edgeCount)
let sources = graph.nodeCount <= 1_000 ? 1_000 : min(2_000, max(256, Int(2e8 / max(1, steps))))
let dependence = try [1, 2].map { threads in
  try seconds { _ = try network!.brokerDependence(brokers: top, maxSources: sources, seed: 1, threads: threads) }
}
print("| dependence on the top 10 (\(sources) sources) | \(f(dependence[0])) | \(f(dependence[1])) |")
var options = BetweennessOptions(distance: .hops, normalized: true, threads: 2)
options.ties = .exact
var analysis: BrokerAnalysis?
let whole = try seconds {
  analysis = try BrokerAnalysis(network: network!, top: 10, options: options, method: .auto, samples: 256, weighted: false, seed: 1)
}
print("| the whole analysis (BrokerAnalysis) | | \(f(whole)) |")
let encode = try seconds {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.sortedKeys]
  _ = try encoder.encode(BrokersDocument(network: network!, analysis: analysis!, weighted: false))
}
print("| the JSON document | \(f(encode)) | |")
