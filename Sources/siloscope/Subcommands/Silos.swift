import ArgumentParser
import SiloKit

struct Silos: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Shows which departments are silos: how much each keeps to itself, and whether that is chance.",
    discussion: """
      For the organization and each department: the share of ties kept inside, the E-I \
      index (−1 a closed silo, +1 every tie outside) with its 95% margin from a \
      bootstrap over projects (ties for an edge list) and the verdict: silo (more than 5 \
      ties inside per tie outside, E-I ≤ −0.67, and below random assignment for its \
      size), inward (2 to 5), balanced, open (2 or more outside per inside); a permutation \
      test against random assignment of people to departments, internal density, Coleman's homophily, \
      the department's part of the modularity, how many of its people have any tie \
      outside, and whom it works with most. The organization line adds modularity, \
      assortativity and Freeman's segregation index.

      Examples:
        siloscope silos uren-2025.csv
        siloscope silos uren-2025.csv --people medewerkers.csv --format csv
        siloscope silos --edges edges.csv --nodes nodes.csv --format json
      """)

  @OptionGroup var input: InputOptions
  @OptionGroup(title: "Projection (logs only)") var projection: ProjectionArguments
  @OptionGroup(title: "Analysis") var analysis: AnalysisOptions

  @Option(parsing: .unconditional, help: "Random relabellings for the E-I permutation test (\(OptionRanges.describe(OptionRanges.permutations))).")
  var permutations: Int = 1000

  @Option(parsing: .unconditional, help: "Bootstrap replicates for the 95% margins of the E-I; 0 for none (\(OptionRanges.describe(OptionRanges.replicates))).")
  var bootstrap: Int = 1000

  func validate() throws {
    try OptionRanges.check(permutations, OptionRanges.permutations, option: "permutations")
    try OptionRanges.check(bootstrap, OptionRanges.replicates, option: "bootstrap")
  }

  func run() throws {
    try reportingErrors {
      let loaded = try input.source(projection: projection).load()
      let network = loaded.network
      guard network.groups != nil else {
        throw IngestError.invalidOption(
          "no departments: the input has no department column and no people file (--people); "
            + "silo measures compare departments")
      }
      let scorecard = try network.siloScorecard(
        weighted: !analysis.unweighted, permutations: permutations, seed: analysis.seed, threads: SystemThreads.count)
      let margins = bootstrap == 0 ? nil : try network.graph.eiBootstrap(
        of: network.groups!, affiliations: loaded.affiliations, weighted: !analysis.unweighted, replicates: bootstrap,
        seed: analysis.seed, threads: SystemThreads.count)
      let warnings = NetworkSummary(network: network, source: loaded.kind, projection: loaded.projection, inputs: loaded.reports).commandLineWarnings
      try analysis.emit(
        table: scorecard.text(bootstrap: margins), csv: scorecard.csv(bootstrap: margins),
        json: {
          var document = try SilosDocument(network: network, scorecard: scorecard, warnings: warnings)
          if let margins { document.add(margins) }
          return document
        }, warnings: warnings)
    }
  }
}

/// Options shared by the analysis commands.
struct AnalysisOptions: ParsableArguments {
  @Flag(help: "Ignore tie weights: count ties instead of summing their weights.")
  var unweighted = false

  @Option(help: "table (for people), json (for programs) or csv (for spreadsheets).")
  var format: AnalysisFormat = .table

  @Option(parsing: .unconditional, help: "The random seed: the same seed gives the same result.")
  var seed: UInt64 = 1
}

enum AnalysisFormat: String, ExpressibleByArgument, CaseIterable { case table, json, csv }

extension AnalysisOptions {
  /// Prints the result in the chosen format: tables and CSV on standard output with the
  /// warnings on standard error; JSON with the warnings inside the document.
  func emit<Document: Encodable>(
    table: @autoclosure () -> String, csv: @autoclosure () -> String, json: () throws -> Document, warnings: [String]
  ) throws {
    switch format {
    case .table, .csv:
      if format == .table { printText(table(), terminator: "") } else { print(csv(), terminator: "") }
      for warning in warnings { printWarning(warning) }
    case .json:
      print(try JSONOutput.encode(try json()))
    }
  }
}
