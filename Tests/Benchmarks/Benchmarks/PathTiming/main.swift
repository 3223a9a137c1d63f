// Not an ordo-one benchmark: a plain program timing everything that runs on SiloMetrics'
// shortest-path searches, on a network read from an edge list and a node list (the peers'
// generated organizations, .peers/data/org_n10000_edges.csv and _nodes.csv; `run.sh paths`
// makes them): exact betweenness in hops and with lengths 1/w on 1 and 2 threads, 256
// sampled sources, Riondato and Kornaropoulos' sampled paths (with their vertex-diameter
// bound), the dependence on
// the top 10 brokers and the local bridges. Best of `runs` (default 3) per row. Run in
// release mode:
//   swift run -c release --package-path Tests/Benchmarks PathTiming EDGES NODES [runs]
// Run it on two commits in turn to compare them on the same files in the same session.
import BenchmarkTiming
import Foundation
import SiloGraph
import SiloIngest
import SiloMetrics

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count == 2 || arguments.count == 3 else {
  FileHandle.standardError.write(Data("usage: PathTiming EDGES NODES [runs]\n".utf8))
  exit(64)
}
let runs = arguments.count == 3 ? max(1, Int(arguments[2]) ?? 3) : 3
let network = try NetworkReader.read(edgesPath: arguments[0], nodesPath: arguments[1]).network
let graph = network.graph

/// The best of `runs` timings of `body`, and a checksum of what the last run returned.
func best(_ body: () throws -> Double) rethrows -> (Double, Double) {
  var fastest = Double.infinity, check = 0.0
  for _ in 0 ..< runs { fastest = min(fastest, try seconds { check = try body() }) }
  return (fastest, check)
}

func row(_ name: String, _ result: (Double, Double)) {
  print("| \(name) | \(String(format: "%.3f", result.0)) | \(String(format: "%.17g", result.1)) |")
}

print("| step (\(graph.nodeCount) people, \(graph.edgeCount) ties), best of \(runs) | wall (s) | checksum |")
print("|---|---:|---:|")
for distance in [EdgeDistance.hops, .inverseWeight] {
  for threads in [1, 2] {
    let options = BetweennessOptions(distance: distance, threads: threads)
    row("betweenness exact, \(distance.rawValue), \(threads) thread\(threads == 1 ? "" : "s")", best {
      graph.betweenness(options).scores.values.reduce(0, +)
    })
  }
}
row("betweenness, 256 sampled sources, hops, 1 thread", best {
  graph.sampledBetweenness(sources: 256, seed: 1).scores.values.reduce(0, +)
})
for distance in [EdgeDistance.hops, .inverseWeight] {
  row("betweenness, Riondato–Kornaropoulos ε = 0.05, \(distance.rawValue), 1 thread", try best {
    try graph.adaptiveBetweenness(epsilon: 0.05, delta: 0.1, seed: 1, options: BetweennessOptions(distance: distance)).scores.values.reduce(0, +)
  })
}
let top = Array(graph.betweenness(BetweennessOptions(threads: 2)).scores.ranked().prefix(10))
for threads in [1, 2] {
  row("dependence on the top 10 (2,000 sources), \(threads) thread\(threads == 1 ? "" : "s")", try best {
    try network.brokerDependence(brokers: top, maxSources: 2000, seed: 1, threads: threads).pairs.reduce(0) { $0 + ($1.shareThroughBrokers.isNaN ? 0 : $1.shareThroughBrokers) }
  })
}
row("local bridges, span ≤ 6, 1 thread", best { Double(graph.localBridges(maximumSpan: 6).reduce(0) { $0 + ($1.span ?? 0) }) })
