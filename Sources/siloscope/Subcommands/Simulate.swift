import ArgumentParser
import SiloKit

struct Simulate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "What if these teams worked together? Adds each as a project and shows the silos and brokers before and after.",
    discussion: """
      Each --team (people by id as in the log, comma-separated; or one team per line of \
      --teams-file) becomes a new project of its members (--hours each, on the log's last \
      date). The log is analysed again with the same settings as `analyze`: the silo \
      scorecard and the top brokers before and after, for each team alone and for all \
      together, with what each member brings. This is structural (who would be \
      connected), not a prediction of behaviour.

      Examples:
        siloscope simulate uren-2025.csv --team "M000017,M000342,M000120"
        siloscope simulate uren-2025.csv --teams-file teams.txt --format json
      """)

  @OptionGroup var input: InputOptions
  @OptionGroup(title: "Projection (logs only)") var projection: ProjectionArguments
  @OptionGroup(title: "Teams and measures") var team: TeamArguments

  @Option(name: .customLong("team"), help: ArgumentHelp("A team: people's ids separated by commas (repeat for more teams).", valueName: "ids"))
  var teams: [String] = []

  @Option(help: ArgumentHelp("A file with one team per line: ids separated by commas or semicolons.", valueName: "file"))
  var teamsFile: String?

  @Flag(help: "Skip the top brokers before and after (faster on large organizations).")
  var noBrokers = false

  func validate() throws {
    if teams.isEmpty && teamsFile == nil { throw ValidationError("Give at least one --team \"id,id,…\" or a --teams-file.") }
  }

  func run() throws {
    try reportingErrors {
      let options = try team.analysisOptions()
      var named = teams.map { $0.split(separator: ",").map { String($0) } }
      if let teamsFile { named += try TeamsFile.read(path: teamsFile) }
      var request = TeamRequest()
      team.apply(to: &request)
      let document = try SiloAnalysis.simulateTeams(
        source: try input.source(projection: projection), teams: named, request: request, hours: team.hours, brokers: !noBrokers,
        options: options)
      try team.emit(document, language: options.language)
    }
  }
}
