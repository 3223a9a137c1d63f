import ArgumentParser
import SiloKit

struct Teams: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Proposes cross-department teams that would most open the silos, with the measures before and after.",
    discussion: """
      Proposes --teams teams of --size people who, working together on one project each, \
      would most improve --objective: by default the pairs of departments without any tie \
      that get one, weighted by how closed the two departments are. Members come from \
      different departments (at most --max-per-department from one), are within --reach \
      steps of each other through the collaboration network, and have at least one tie; \
      nobody is in two teams. Each member's role is explained.

      Every team is then added to the log as a project of its members (--hours each, on \
      the log's last date) and the log is analysed again: the measures "after" are what \
      `analyze` gives on the log with those rows appended. This is structural (who would \
      be connected), not a prediction of behaviour.

      Examples:
        siloscope teams uren-2025.csv
        siloscope teams uren-2025.csv --teams 5 --size 6 --exclude verlof.txt
        siloscope teams uren-2025.csv --departments "Sociaal Domein" --format json
      """)

  @OptionGroup var input: InputOptions
  @OptionGroup(title: "Projection (logs only)") var projection: ProjectionArguments
  @OptionGroup(title: "Teams and measures") var team: TeamArguments

  @Option(name: .customLong("teams"), parsing: .unconditional, help: "How many teams (\(OptionRanges.describe(OptionRanges.teams))).")
  var count: Int = 3

  @Option(parsing: .unconditional, help: "People per team (\(OptionRanges.describe(OptionRanges.teamSize))).")
  var size: Int = 5

  @Option(parsing: .unconditional, help: "At most this many people of one department in a team.")
  var maxPerDepartment: Int = 2

  @Option(parsing: .unconditional, help: "At least this many departments in a team (default: every member from another department, as far as the pool allows).")
  var minDepartments: Int?

  @Option(help: ArgumentHelp("A file of people who cannot be in a team (one id per line).", valueName: "file"))
  var exclude: String?

  @Option(help: ArgumentHelp("A file of the only people who can be in a team (one id per line).", valueName: "file"))
  var only: String?

  @Option(help: ArgumentHelp("Departments to open in particular (comma-separated, or repeat the option): every team has a member of one.", valueName: "names"))
  var departments: [String] = []

  func validate() throws {
    try OptionRanges.check(count, OptionRanges.teams, option: "teams")
    try OptionRanges.check(size, OptionRanges.teamSize, option: "size")
    try OptionRanges.check(maxPerDepartment, 1 ... size, option: "max-per-department")
    if let minDepartments { try OptionRanges.check(minDepartments, 1 ... size, option: "min-departments") }
  }

  func run() throws {
    try reportingErrors {
      let options = try team.analysisOptions()
      var teams = TeamsOptions()
      teams.request.teams = count
      teams.request.size = size
      teams.request.maximumPerDepartment = maxPerDepartment
      teams.request.minimumDepartments = minDepartments
      team.apply(to: &teams.request)
      teams.hours = team.hours
      teams.departments = departments
      if let exclude { teams.excluded = try PeopleList.read(path: exclude) }
      if let only { teams.only = try PeopleList.read(path: only) }
      let document = try SiloAnalysis.proposeTeams(source: try input.source(projection: projection), teams: teams, options: options)
      try team.emit(document, language: options.language)
    }
  }
}
