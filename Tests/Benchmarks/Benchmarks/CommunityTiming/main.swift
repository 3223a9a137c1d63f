// Not an ordo-one benchmark: a plain program timing Louvain and Leiden (modularity, γ = 1,
// tie weights, seed 1; Leiden until stable and with two iterations, as igraph's n_iterations
// = −1 and 2) on edge lists (the peers' generated organizations,
// .peers/data/org_n10000_edges.csv and org_n100000_edges.csv; `run.sh silos` makes them),
// best of `runs` (default 3), with the modularity reached. Run in release mode:
//   swift run -c release --package-path Tests/Benchmarks CommunityTiming [--runs N] EDGES ...
// Run it on two commits in turn to compare them on the same files in the same session;
// Tests/Benchmarks/peers_silos.py times igraph's and networkit's Leiden on the same files.
import BenchmarkTiming
import Foundation
import SiloGraph
import SiloIngest
import SiloMetrics

let arguments = BenchmarkArguments()
let runs = arguments.count("--runs", default: 3)
let files = arguments.files(usage: "CommunityTiming [--runs N] EDGES ...")
print("| method, people (ties), best of \(runs) | wall (s) | communities | modularity |")
print("|---|---:|---:|---:|")
for path in files {
  let graph = try NetworkReader.read(edgesPath: path).network.graph
  let searches: [(String, (CollaborationGraph) throws -> CommunityDetection)] = [
    ("Louvain", { try Louvain().communities(in: $0, seed: 1) }),
    ("Leiden", { try Leiden().communities(in: $0, seed: 1) }),
    // As igraph's n_iterations = 2 (the consensus runs of the change over time use this).
    ("Leiden, 2 iterations", {
      var leiden = Leiden()
      leiden.maxIterations = 2
      return try leiden.communities(in: $0, seed: 1)
    }),
  ]
  for (name, search) in searches {
    var fastest = Double.infinity
    var result: CommunityDetection?
    for _ in 0 ..< runs { fastest = min(fastest, try seconds { result = try search(graph) }) }
    print("| \(name), \(graph.nodeCount) (\(graph.edgeCount)) | \(String(format: "%.3f", fastest)) | \(result!.partition.groupCount) | \(String(format: "%.17g", result!.modularity)) |")
  }
}
