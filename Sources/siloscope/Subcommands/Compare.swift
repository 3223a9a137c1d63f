import ArgumentParser
import SiloKit

struct Compare: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Compares two periods: did the departments open up or close up?",
    discussion: """
      Two logs (BEFORE and AFTER), or one log and two date ranges (--before and \
      --after), are each measured as `silos` does. For the organization and each \
      department: the share of ties kept inside before and after, the change in \
      percentage points with its 95% margin (each side's projects resampled on their \
      own), and the verdict: opened up or closed up when the share moved at least 5 \
      points and the margin does not include zero, else no clear change. Departments found on one side only are listed. \
      People are matched by id.

      Examples:
        siloscope compare uren-2024.csv uren-2025.csv
        siloscope compare uren.csv --before 2025-01-01..2025-06-30 --after 2025-07-01..2025-12-31
        siloscope compare uren-2024.csv uren-2025.csv --people medewerkers.csv --format json
      """)

  @OptionGroup var input: InputOptions

  @Argument(help: ArgumentHelp("The later log (without it, give --before and --after for two ranges of the first).", valueName: "after-log"))
  var afterLog: String?

  @Option(help: ArgumentHelp("The first range of one log: yyyy-mm-dd..yyyy-mm-dd (both days included).", valueName: "range"))
  var before: DateRange?

  @Option(help: ArgumentHelp("The second range of one log: yyyy-mm-dd..yyyy-mm-dd.", valueName: "range"))
  var after: DateRange?

  @OptionGroup(title: "Projection") var projection: ProjectionArguments
  @OptionGroup(title: "Analysis") var analysis: AnalysisOptions
  @OptionGroup(title: "Test") var temporal: TemporalArguments

  func validate() throws {
    if input.edges != nil { throw ValidationError("compare needs project logs, not --edges.") }
    if (before == nil) != (after == nil) { throw ValidationError("Give both --before and --after, or two logs.") }
    if afterLog != nil && before != nil { throw ValidationError("Give two logs or --before and --after for one log, not both.") }
    if afterLog == nil && before == nil { throw ValidationError("Give two logs (BEFORE AFTER), or one log with --before and --after.") }
  }

  func run() throws {
    try reportingErrors {
      let options = temporal.options(projection: projection, analysis: analysis)
      let first = try input.source(projection: projection).readLog()!
      let sides: (SiloComparison.Side, SiloComparison.Side)
      if let before, let after {
        sides = (.init(log: first, range: before.range), .init(log: first, range: after.range))
      } else {
        var later = input
        later.log = afterLog
        let second = try later.source(projection: projection).readLog()!
        sides = (.init(log: first.windowed(projection.options), source: input.log!),
                 .init(log: second.windowed(projection.options), source: afterLog!))
      }
      let document = try SiloComparison.compare(before: sides.0, after: sides.1, options: options)
      try analysis.emit(table: document.text(), csv: document.csv(), json: { document }, warnings: document.warnings)
    }
  }
}

/// `yyyy-mm-dd..yyyy-mm-dd`, both days included.
struct DateRange: ExpressibleByArgument {
  var range: ClosedRange<LogDate>

  init?(argument: String) {
    let parts = argument.components(separatedBy: "..")
    guard parts.count == 2, let low = LogDate(parts[0]), let high = LogDate(parts[1]), low <= high else { return nil }
    range = low ... high
  }
}
