import Benchmark
import Foundation
import SiloKit

// Broker measures on the shared peer-benchmark organizations (Tests/Benchmarks/peers), the files the
// C reference (limit.c) and igraph are timed on. Exact betweenness at 10,000 people takes
// seconds per run, so those benchmarks run a few iterations only.

let dataFolder = ProcessInfo.processInfo.environment["SILOSCOPE_PEER_DATA"]
  ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../../.peers/data").standardized.path

func graph(_ n: Int) -> CollaborationGraph? {
  let edges = "\(dataFolder)/org_n\(n)_edges.csv"
  guard FileManager.default.fileExists(atPath: edges) else {
    print("missing \(edges): run `PEERS_WORK=$PWD/.peers python3 Tests/Benchmarks/peers/peers.py gen` at the repository root")
    return nil
  }
  return try? NetworkReader.read(edgesPath: edges).network.graph
}

let benchmarks: @Sendable () -> Void = {
  let slow = Benchmark.Configuration(
    metrics: [.wallClock, .cpuTotal, .peakMemoryResident], timeUnits: .seconds, maxDuration: .seconds(120), maxIterations: 3)
  let quick = Benchmark.Configuration(
    metrics: [.wallClock, .cpuTotal, .peakMemoryResident], timeUnits: .milliseconds, maxDuration: .seconds(20), maxIterations: 10)

  for n in [1_000, 10_000] {
    guard let g = graph(n) else { continue }
    let config = n >= 10_000 ? slow : quick
    Benchmark("betweenness exact, unweighted, 1 thread (n=\(n))", configuration: config) { benchmark in
      for _ in benchmark.scaledIterations { blackHole(g.betweenness(BetweennessOptions(distance: .hops, threads: 1))) }
    }
    Benchmark("betweenness exact, unweighted, 2 threads (n=\(n))", configuration: config) { benchmark in
      for _ in benchmark.scaledIterations { blackHole(g.betweenness(BetweennessOptions(distance: .hops, threads: 2))) }
    }
    Benchmark("betweenness exact, weighted 1/w, 1 thread (n=\(n))", configuration: config) { benchmark in
      for _ in benchmark.scaledIterations { blackHole(g.betweenness(BetweennessOptions(distance: .inverseWeight, threads: 1))) }
    }
    Benchmark("betweenness exact, weighted 1/w, 2 threads (n=\(n))", configuration: config) { benchmark in
      for _ in benchmark.scaledIterations { blackHole(g.betweenness(BetweennessOptions(distance: .inverseWeight, threads: 2))) }
    }
  }
  if let g = graph(100_000) {
    Benchmark("betweenness, 256 sampled sources, unweighted, 1 thread (n=100000)", configuration: slow) { benchmark in
      for _ in benchmark.scaledIterations { blackHole(g.sampledBetweenness(sources: 256, seed: 1, options: BetweennessOptions(distance: .hops))) }
    }
    Benchmark("Burt constraint, weighted (n=100000)", configuration: quick) { benchmark in
      for _ in benchmark.scaledIterations { blackHole(g.structuralHoles(weighted: true)) }
    }
  }
}
