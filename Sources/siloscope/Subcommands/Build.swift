import ArgumentParser
import SiloKit

struct Build: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Turns a project log into network files for spreadsheets, Gephi, NetworkX and igraph.",
    discussion: """
      Writes into the output folder:
        edges.csv               one line per tie: source,target,weight
        nodes.csv               one line per person: id, department, degree, …
        network.graphml         the person network for Gephi, NetworkX, igraph
        departments.csv         per department: people, ties inside, across
        department-matrix.csv   ties between departments (inside: diagonal)
        department-weights.csv  the same, as summed tie weights
        summary.json            what `siloscope summary --format json` prints

      The department files are written only when the people have departments. \
      The folder is written completely or not at all. An existing folder is replaced only \
      when SiloScope wrote it (it holds the file .siloscope-output and nothing else of \
      yours), and only once the new one is complete; any other folder is left alone.

      Examples:
        siloscope build uren-2025.csv --output netwerk
        siloscope build uren-2025.csv --weighting newman --output netwerk
        siloscope build uren-2025.csv --max-project-size 40 --output netwerk
      """)

  @OptionGroup var input: InputOptions
  @OptionGroup(title: "Projection (logs only)") var projection: ProjectionArguments

  @Option(name: [.short, .long], help: ArgumentHelp("The folder to write.", valueName: "folder"))
  var output: String

  func validate() throws {
    if output.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--output needs a folder name.") }
  }

  func run() throws {
    try reportingErrors {
      let loaded = try input.source(projection: projection).load()
      let network = loaded.network
      let summary = NetworkSummary(
        network: network, source: loaded.kind, projects: loaded.projects, dateRange: loaded.dateRange,
        projection: loaded.projection, inputs: loaded.reports)
      var folder = OutputDirectory(path: output, protecting: [input.log, input.people, input.edges, input.nodes].compactMap { $0 })
      folder.add("edges.csv", text: CSVExport.edges(network))
      folder.add("nodes.csv", text: CSVExport.nodes(network))
      folder.add("network.graphml", text: GraphMLWriter.graphML(network))
      if let groups = network.groups {
        let departments = DepartmentNetwork(aggregating: network, by: groups)
        folder.add("department-matrix.csv", text: CSVExport.departmentMatrix(departments))
        folder.add("department-weights.csv", text: CSVExport.departmentMatrix(departments, weights: true))
        var lines = "department,people,ties_inside,ties_across\n"
        for line in summary.departmentTable {
          lines += "\(CSVExport.text(line.name)),\(line.people),\(line.internalTies),\(line.externalTies)\n"
        }
        folder.add("departments.csv", text: lines)
      }
      folder.add("summary.json", text: try JSONOutput.encode(summary) + "\n")
      try folder.commit().forEach(printNote)
      for warning in summary.commandLineWarnings { printWarning(warning) }
      printText(
        "wrote \(folder.fileNames.count) files to \(output): \(counted(summary.people, "person", "people")), "
          + counted(summary.ties, "tie", "ties"))
    }
  }
}

/// "1 person", "2 people", "1,533 ties".
func counted(_ count: Int, _ singular: String, _ plural: String) -> String {
  "\(NumberText.integer(count)) \(count == 1 ? singular : plural)"
}
