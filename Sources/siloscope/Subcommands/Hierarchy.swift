import ArgumentParser
import Foundation
import SiloKit

struct Hierarchy: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Sets the org chart (who reports to whom) against who really works with whom.",
    discussion: """
      Reads the reporting lines from the manager column (manager, leidinggevende, \
      supervisor, reports_to) of the people file (--people) or node list (--nodes): each \
      person's manager as a person id (a person who is their own manager is at the top). A \
      manager who is not in the file, a circle of people reporting to each other, and \
      (with --tops one) more than one person at the top are errors that name the rows to fix.

      Measures: span of control, levels, the share of the collaboration along reporting \
      lines and within teams (a manager with their direct reports), ties that skip a \
      level, the steps through the chart between collaborators, and pairs of units side \
      by side under one manager that have no tie at all. `analyze` puts the same in its \
      report, with the org chart drawn and the collaboration over it \
      (`siloscope render --view org-chart` draws it alone).

      Examples:
        siloscope hierarchy uren-2025.csv --people medewerkers.csv
        siloscope hierarchy --edges advies.csv --nodes managers.csv --format json
      """)

  @OptionGroup var input: InputOptions
  @OptionGroup(title: "Projection (logs only)") var projection: ProjectionArguments

  @Flag(help: "Ignore tie weights: every tie counts 1.")
  var unweighted = false

  @Option(help: "several (any number of people at the top) or one (a single person at the top; several are an error).")
  var tops: ReportingLines = .severalTops

  @Option(help: "table (for people) or json (for programs).")
  var format: HierarchyFormat = .table

  @Option(help: "The language of the table: en or nl (default: SILOSCOPE_LANGUAGE, else en).")
  var language: ReportLanguage?

  func run() throws {
    try reportingErrors {
      let loaded = try input.source(projection: projection).load()
      guard let tree = try loaded.reportingTree(oneTop: tops == .oneTop), tree.chartSize > 0 else {
        throw AnalysisError.unsuitable(
          "the input has no reporting lines: give a people file (--people) or node list (--nodes) with a manager column")
      }
      let measures = loaded.network.hierarchyMeasures(tree: tree, weighted: !unweighted)
      let document = HierarchyDocument(measures, network: loaded.network)
      let warnings = NetworkSummary(network: loaded.network, source: loaded.kind, projection: loaded.projection, inputs: loaded.reports).commandLineWarnings
      switch format {
      case .table:
        let language = language ?? ReportLanguage.fromEnvironment(ProcessInfo.processInfo.environment) ?? .en
        printText(document.text(language: language), terminator: "")
        for warning in warnings { printWarning(warning) }
      case .json:
        print(try JSONOutput.encode(document))
      }
    }
  }
}

enum HierarchyFormat: String, ExpressibleByArgument, CaseIterable { case table, json }
extension ReportingLines: ExpressibleByArgument {}
