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

  @Option(help: ArgumentHelp(
    "exact; kadabra (the top brokers with a guarantee); adaptive (every score within ε); sampled (random sources); or auto.",
    discussion: "auto is exact up to 10,000 people and kadabra above: it samples shortest paths until the top --top are told apart or every score is within --epsilon, with probability 1 − --delta, and marks the brokers whose place is not certain."))
  var betweenness: BrokerAnalysis.Method = .auto

  @Option(parsing: .unconditional, help: "Random sources for --betweenness sampled; \(OptionRanges.describe(OptionRanges.samples)).")
  var samples: Int = 256

  @Option(parsing: .unconditional, help: "Largest error ε of --betweenness kadabra and adaptive (normalized scores).")
  var epsilon: Double = 0.01

  @Option(parsing: .unconditional, help: "The probability δ that kadabra or adaptive claims too much (between 0 and 1).")
  var delta: Double = 0.1

  @Option(help: "Equal weighted path lengths: exact (as NetworkX) or tolerant (within 1e-10, as igraph).")
  var ties: PathTieRule = .exact

  @Option(parsing: .unconditional, help: "Threads for betweenness, \(OptionRanges.describe(OptionRanges.threads)) (results are the same for any number).")
  var threads: Int = SystemThreads.count

  func validate() throws {
    try OptionRanges.check(top, OptionRanges.brokers, option: "top")
    try OptionRanges.check(samples, OptionRanges.samples, option: "samples")
    if !(epsilon > 0 && epsilon < 1) { throw ValidationError("--epsilon must lie between 0 and 1.") }
    if !(delta > 0 && delta < 1) { throw ValidationError("--delta must lie between 0 and 1.") }
    try OptionRanges.check(threads, OptionRanges.threads, option: "threads")
  }

  func run() throws {
    try reportingErrors {
      let loaded = try input.source(projection: projection, threads: threads).load()
      let network = loaded.network
      let weighted = !analysis.unweighted
      var options = BetweennessOptions(distance: weighted ? distance : .hops, normalized: !raw, threads: threads)
      options.ties = ties
      let result = try BrokerAnalysis(
        network: network, top: top, options: options, method: betweenness, samples: samples, epsilon: epsilon,
        delta: delta, weighted: weighted, seed: analysis.seed)
      var warnings = NetworkSummary(network: network, source: loaded.kind, projection: loaded.projection, inputs: loaded.reports).commandLineWarnings
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
