import ArgumentParser
import SiloKit

struct Brokers: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Shows who holds the departments together, and what depends on them.",
    discussion: """
      Ranks people by betweenness (how many shortest paths between others run through \
      them) and shows for the top brokers their constraint (Burt: low means their \
      contacts are not tied to each other), their main Gould–Fernandez brokerage role, \
      and what the organization loses if they leave: department pairs that lose all \
      their direct ties, people cut off, and the share of cross-department reach lost.

      Collaboration weights are strengths; shortest paths need distances. By default a \
      tie's length is 1/weight (inverse-weight); --distance hops ignores weights.

      Examples:
        siloscope brokers uren-2025.csv
        siloscope brokers uren-2025.csv --top 20 --distance hops
        siloscope brokers --edges edges.csv --nodes nodes.csv --format json
      """)

  @OptionGroup var input: InputOptions
  @OptionGroup(title: "Projection (logs only)") var projection: ProjectionArguments
  @OptionGroup(title: "Analysis") var analysis: AnalysisOptions

  @Option(parsing: .unconditional, help: "How many brokers to show (\(OptionRanges.describe(OptionRanges.brokers))).")
  var top: Int = 10

  @Option(help: "Path length of a tie: inverse-weight (1/w), hops, or weight (w is a distance).")
  var distance: EdgeDistance = .inverseWeight

  @Flag(help: "Raw betweenness (pairs of people) instead of the normalized score.")
  var raw = false

  @Option(help: "exact, sampled (random sources), adaptive (error-bounded), or auto (exact up to 10,000 people).")
  var betweenness: BrokerAnalysis.Method = .auto

  @Option(parsing: .unconditional, help: "Random sources for --betweenness sampled (and auto above 10,000 people); \(OptionRanges.describe(OptionRanges.samples)).")
  var samples: Int = 256

  @Option(parsing: .unconditional, help: "Largest error ε of --betweenness adaptive, with probability 0.9.")
  var epsilon: Double = 0.01

  @Option(help: "Equal weighted path lengths: exact (as NetworkX) or tolerant (within 1e-10, as igraph).")
  var ties: PathTieRule = .exact

  @Option(parsing: .unconditional, help: "Threads for betweenness, \(OptionRanges.describe(OptionRanges.threads)) (results are the same for any number).")
  var threads: Int = SystemThreads.count

  func validate() throws {
    try OptionRanges.check(top, OptionRanges.brokers, option: "top")
    try OptionRanges.check(samples, OptionRanges.samples, option: "samples")
    if !(epsilon > 0 && epsilon < 1) { throw ValidationError("--epsilon must lie between 0 and 1.") }
    try OptionRanges.check(threads, OptionRanges.threads, option: "threads")
  }

  func run() throws {
    try reportingErrors {
      let loaded = try input.source(projection: projection).load()
      let network = loaded.network
      let weighted = !analysis.unweighted
      var options = BetweennessOptions(distance: weighted ? distance : .hops, normalized: !raw, threads: threads)
      options.ties = ties
      let result = try BrokerAnalysis(
        network: network, top: top, options: options, method: betweenness, samples: samples, epsilon: epsilon,
        weighted: weighted, seed: analysis.seed)
      var warnings = NetworkSummary(network: network, source: loaded.kind, projection: loaded.projection, inputs: loaded.reports).warnings
      if analysis.unweighted && distance != .hops { warnings.append("--unweighted: betweenness uses hops") }
      let document = BrokersDocument(network: network, analysis: result, weighted: weighted, warnings: warnings)
      try analysis.emit(table: document.text(), csv: document.csv(), json: { document }, warnings: warnings)
    }
  }
}

extension EdgeDistance: ExpressibleByArgument {}
extension PathTieRule: ExpressibleByArgument {}
extension BrokerAnalysis.Method: ExpressibleByArgument {}

enum SystemThreads {
  static var count: Int { max(1, min(64, ProcessInfoCount.activeProcessors)) }
}
