import ArgumentParser
import Foundation
import SiloKit

struct Summary: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Checks how a log is read and shows the size and shape of its collaboration network.",
    discussion: """
      Counts people, departments, projects and ties, the density of the network, its \
      components and the people without any tie, and accounts for every row of the input: \
      read, used, or skipped with the reason and line number.

      Examples:
        siloscope summary uren-2025.csv
        siloscope summary uren-2025.csv --people medewerkers.csv
        siloscope summary uren-2025.csv --from 2025-01-01 --to 2025-06-30
        siloscope summary --edges edges.csv --nodes nodes.csv --format json
      """)

  @OptionGroup var input: InputOptions
  @OptionGroup(title: "Projection (logs only)") var projection: ProjectionArguments

  @Option(help: "table (for people) or json (for programs).")
  var format: SummaryFormat = .table

  func run() throws {
    try reportingErrors {
      let loaded = try input.source(projection: projection).load()
      let summary = NetworkSummary(
        network: loaded.network, source: loaded.kind, projects: loaded.projects, dateRange: loaded.dateRange,
        projection: loaded.projection, inputs: loaded.reports, grouping: loaded.grouping)
      switch format {
      case .table: printText(summary.text(wording: CommandLineWording()), terminator: "")
      case .json: print(try JSONOutput.encode(summary))
      }
    }
  }
}

enum SummaryFormat: String, ExpressibleByArgument, CaseIterable { case table, json }

enum JSONOutput {
  static func encode<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.userInfo[.inputMessageWording] = CommandLineWording()
    // Every document's keys are snake_case (the documents with CodingKeys say so
    // themselves; the summary relies on this strategy).
    encoder.keyEncodingStrategy = .convertToSnakeCase
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }
}
