import ArgumentParser
import SiloKit

struct Communities: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Finds the groups the collaboration really forms, and compares them with the departments.",
    discussion: """
      Searches communities with Louvain or Leiden on the modularity (or, on request, the \
      Constant Potts Model), then compares them with the formal departments: normalized \
      mutual information, adjusted Rand index, variation of information, which \
      departments the collaboration merges or splits, and which departments each \
      community draws from. The same --seed gives the same communities.

      Examples:
        siloscope communities uren-2025.csv
        siloscope communities uren-2025.csv --method louvain --resolution 0.5
        siloscope communities --edges edges.csv --nodes nodes.csv --format json
      """)

  @OptionGroup var input: InputOptions
  @OptionGroup(title: "Projection (logs only)") var projection: ProjectionArguments
  @OptionGroup(title: "Analysis") var analysis: AnalysisOptions

  @Option(help: "The search: leiden (connected communities guaranteed) or louvain.")
  var method: CommunityMethod = .leiden

  @Option(help: "What the search maximizes: modularity, or cpm (Constant Potts Model; needs a small --resolution such as 0.05).")
  var objective: CommunityObjective = .modularity

  @Option(parsing: .unconditional, help: "The resolution γ: larger values give smaller communities (\(OptionRanges.describe(OptionRanges.resolution))).")
  var resolution: Double = 1

  func validate() throws {
    try OptionRanges.check(resolution, OptionRanges.resolution, option: "resolution")
  }

  func run() throws {
    try reportingErrors {
      let loaded = try input.source(projection: projection).load()
      let network = loaded.network
      let weighted = !analysis.unweighted
      let detection: CommunityDetection
      switch method {
      case .leiden:
        detection = try Leiden(resolution: resolution, objective: objective, weighted: weighted)
          .communities(in: network.graph, seed: analysis.seed)
      case .louvain:
        detection = try Louvain(resolution: resolution, objective: objective, weighted: weighted)
          .communities(in: network.graph, seed: analysis.seed)
      }
      let warnings = NetworkSummary(network: network, source: loaded.kind, projection: loaded.projection, inputs: loaded.reports).commandLineWarnings
      let document = try CommunitiesDocument(network: network, detection: detection, weighted: weighted, warnings: warnings)
      try analysis.emit(table: document.text(), csv: document.csv(), json: { document }, warnings: warnings)
    }
  }
}

enum CommunityMethod: String, ExpressibleByArgument, CaseIterable { case leiden, louvain }
extension CommunityObjective: ExpressibleByArgument {}
