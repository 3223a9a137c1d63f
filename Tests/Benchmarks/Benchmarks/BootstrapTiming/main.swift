// Not an ordo-one benchmark: a plain program timing the bootstrap of the E-I index
// (SiloMetrics' `eiBootstrap`) and what the projection spends on the project affiliations,
// on generated logs (`siloscope generate --people N --seed 3`, the same bytes as
// SyntheticOrganization(people: N, seed: 3)). Run in release mode:
//   swift run -c release --package-path Tests/Benchmarks BootstrapTiming [N ...]
// (default 10000 100000). Prints a Markdown table of wall-clock times, best of 3.
import BenchmarkTiming
import Foundation
import SiloGraph
import SiloIngest
import SiloMetrics

func best(_ runs: Int = 3, _ body: () throws -> Void) rethrows -> Double {
  var result = Double.infinity
  for _ in 0 ..< runs { result = min(result, try seconds(body)) }
  return result
}

let sizes = CommandLine.arguments.dropFirst().compactMap { Int($0) }
print("| people | rows | projects | ties | step | 1 thread (s) | 2 threads (s) |")
print("|---:|---:|---:|---:|---|---:|---:|")
for people in sizes.isEmpty ? [10_000, 100_000] : sizes {
  var bytes: [UInt8] = []
  let rows = SyntheticOrganization(people: people, seed: 3).generateCSV { bytes.append(contentsOf: $0) }
  let log = try ProjectLogReader.read(bytes: bytes, name: "generated.csv")
  bytes = []
  var projected = try log.projected()
  let project = try best { projected = try log.projected() }
  var capped = ProjectionOptions()
  capped.maximumProjectSize = 8
  let projectCapped = try best { _ = try log.projected(capped) }
  // What the affiliations add to the projection: building them from the projection's arrays
  // with every project active (the arrays are shared, only the checks run), and compacting
  // them when --max-project-size leaves projects out (a copy of the kept memberships).
  let a = projected.affiliations
  let share = best {
    _ = ProjectAffiliations(
      nodeCount: a.nodeCount, projectIDs: a.projectIDs, projectStart: a.projectStart, members: a.members, hours: a.hours,
      weighting: a.weighting)
  }
  let network = projected.network
  let groups = network.groups!
  let graph = network.graph
  let label = "| \(people) | \(rows) | \(a.projectCount) | \(graph.edgeCount) |"
  func f(_ x: Double) -> String { String(format: "%.3f", x) }
  print("\(label) projection (shared projects, affiliations included) | \(f(project)) | |")
  print("\(label) projection, --max-project-size 8 (affiliations compacted) | \(f(projectCapped)) | |")
  print("\(label) affiliations' checks alone (no projects left out) | \(f(share)) | |")
  let point = try best { _ = try graph.externalInternalIndex(of: groups, weighted: true) }
  print("\(label) E-I index once (for scale) | \(f(point)) | |")
  for (name, weighted, runs) in [("bootstrap 1,000, weighted, shared projects (additive)", true, 3), ("bootstrap 1,000, ties counted (per pair)", false, 1)] {
    var times: [Double] = []
    for threads in [1, 2] {
      var result: EIBootstrap?
      times.append(try best(runs) {
        result = try graph.eiBootstrap(of: groups, affiliations: a, weighted: weighted, replicates: 1000, seed: 1, threads: threads)
      })
      if threads == 2, let org = result?.organization {
        FileHandle.standardError.write(Data("n=\(people) \(name): E-I \(org.eiIndex!) [\(org.eiCILow!), \(org.eiCIHigh!)]\n".utf8))
      }
    }
    print("\(label) \(name) | \(f(times[0])) | \(f(times[1])) |")
  }
}
