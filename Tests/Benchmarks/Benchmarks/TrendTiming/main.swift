// Not an ordo-one benchmark: a plain program timing `siloscope trend`'s computation
// (SiloReport's `SiloTrend.compute`) on generated logs of one year (`siloscope generate
// --people N --seed 3`, the same bytes as SyntheticOrganization(people: N, seed: 3)), in
// monthly periods, with 1 and 2 threads; and measuring how far each month's communities
// depend on the seed: the adjusted Rand index between the partitions of seeds 1 and 2, for
// the consensus (ConsensusCommunities) and for single Leiden runs. Run in release mode:
//   swift run -c release --package-path Tests/Benchmarks TrendTiming [N ...]
// (default 10000 100000; the seed comparison on the first size only). Prints Markdown tables.
import BenchmarkTiming
import Foundation
import SiloGraph
import SiloIngest
import SiloMetrics
import SiloReport

/// The peak resident memory of this process so far, in MB.
func peakMegabytes() -> Double {
  var usage = rusage()
  getrusage(RUSAGE_SELF.rawValue, &usage)
  return Double(usage.ru_maxrss) / 1024
}

func f(_ x: Double, _ places: Int = 2) -> String { String(format: "%.\(places)f", x) }

let sizes = CommandLine.arguments.dropFirst().compactMap { Int($0) }
var logs: [(people: Int, log: ProjectLog)] = []
for people in sizes.isEmpty ? [10_000, 100_000] : sizes {
  var bytes: [UInt8] = []
  _ = SyntheticOrganization(people: people, seed: 3).generateCSV { bytes.append(contentsOf: $0) }
  logs.append((people, try ProjectLogReader.read(bytes: bytes, name: "generated.csv")))
}

print("| people | rows | periods | threads | trend --period month (s) | peak memory so far (MB) |")
print("|---:|---:|---:|---:|---:|---:|")
for (people, log) in logs {
  for threads in [1, 2] {
    var options = TemporalOptions()
    options.periods = .calendar(.month)
    options.threads = threads
    var document: TrendDocument?
    let time = try seconds { document = try SiloTrend.compute(log: log, options: options) }
    print("| \(people) | \(log.entryCount) | \(document!.periods.count) | \(threads) | \(f(time)) | \(f(peakMegabytes(), 0)) |")
  }
}

// Seed dependence, month by month, on the first size.
guard let (people, log) = logs.first else { exit(0) }
print()
print("| month (\(people) people) | people with a tie | consensus ARI seeds 1–2 | consensus modularity | Leiden (2 iterations) ARI | Leiden (until stable) ARI |")
print("|---|---:|---:|---:|---:|---:|")
var sums = [0.0, 0.0, 0.0]
var months = 0
for period in PeriodSpec.calendar(.month).periods(covering: log.dateRange!) {
  let graph = try log.restricted(to: period).log.projected().network.graph
  let tied = (0 ..< graph.nodeCount).map { graph.degree(of: NodeID($0)) > 0 }
  func ari(_ a: Partition, _ b: Partition) throws -> Double {
    try a.keeping(tied).compared(with: b.keeping(tied)).adjustedRand
  }
  let consensus = ConsensusCommunities()
  let c1 = try consensus.communities(in: graph, seed: 1, threads: 2), c2 = try consensus.communities(in: graph, seed: 2, threads: 2)
  var two = Leiden()
  two.maxIterations = 2
  let stable = Leiden()
  let values = [
    try ari(c1.partition, c2.partition),
    try ari(try two.communities(in: graph, seed: 1).partition, try two.communities(in: graph, seed: 2).partition),
    try ari(try stable.communities(in: graph, seed: 1).partition, try stable.communities(in: graph, seed: 2).partition),
  ]
  for i in 0 ..< 3 { sums[i] += values[i] }
  months += 1
  print("| \(period.label) | \(tied.filter { $0 }.count) | \(f(values[0], 3)) | \(f(c1.modularity, 3)) | \(f(values[1], 3)) | \(f(values[2], 3)) |")
}
print("| mean | | \(f(sums[0] / Double(months), 3)) | | \(f(sums[1] / Double(months), 3)) | \(f(sums[2] / Double(months), 3)) |")
