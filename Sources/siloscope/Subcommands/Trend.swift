import ArgumentParser
import SiloKit

struct Trend: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Shows how the silos change over time: every measure period by period, and communities followed across periods.",
    discussion: """
      Cuts the log's dated rows into periods (calendar months, quarters or years, or \
      rolling windows) and measures each period as `silos` does: the share of ties each \
      department keeps inside with its 95% margin, the E-I index and verdict, its part of \
      the modularity, how many of its people have a tie outside, the ties between \
      departments. Communities are found in each period by a consensus of seeded Leiden \
      runs (the same log gives the same communities whatever the seed's luck) and \
      followed across periods: a community that keeps enough of its people (Jaccard \
      similarity of at least --match-threshold) keeps its number (C1, C2, …); merges, \
      splits, births and deaths are listed. The change from the first period to the last \
      is tested against the uncertainty (bootstrap over projects). Rows without a date \
      are in no period (counted). A person stays in one department throughout: the one \
      the whole log (or --people) gives them.

      Examples:
        siloscope trend uren-2023-2025.csv --period quarter
        siloscope trend uren.csv --period year --format json
        siloscope trend uren.csv --window 90 --step 30 --format csv
      """)

  @OptionGroup var input: InputOptions
  @OptionGroup(title: "Projection") var projection: ProjectionArguments
  @OptionGroup(title: "Analysis") var analysis: AnalysisOptions
  @OptionGroup(title: "Over time") var temporal: TemporalArguments

  @Option(help: "Calendar periods: month, quarter or year (default quarter; or give --window).")
  var period: PeriodSpec.CalendarUnit?

  @Option(parsing: .unconditional, help: ArgumentHelp("Rolling windows of this many days (90 or 90d) instead of calendar periods (\(OptionRanges.describe(OptionRanges.days))).", valueName: "days"))
  var window: DayCount?

  @Option(parsing: .unconditional, help: ArgumentHelp("Days from one rolling window's start to the next (default: the window, so windows do not overlap).", valueName: "days"))
  var step: DayCount?

  @Option(parsing: .unconditional, help: "Seeded Leiden runs per consensus round (\(OptionRanges.describe(OptionRanges.consensusRuns))).")
  var consensusRuns: Int = 10

  @Option(parsing: .unconditional, help: "The least Jaccard similarity of their people for a community to continue one of the previous period (0.05 to 1).")
  var matchThreshold: Double = 0.3

  func validate() throws {
    if period != nil && window != nil { throw ValidationError("Give either --period or --window, not both.") }
    if step != nil && window == nil { throw ValidationError("--step goes with --window.") }
    if let window { try OptionRanges.check(window.days, OptionRanges.days, option: "window") }
    if let step { try OptionRanges.check(step.days, OptionRanges.days, option: "step") }
    try OptionRanges.check(consensusRuns, OptionRanges.consensusRuns, option: "consensus-runs")
    try OptionRanges.check(matchThreshold, 0.05 ... 1, option: "match-threshold")
    if input.edges != nil { throw ValidationError("trend needs a project log with dates, not --edges.") }
  }

  func run() throws {
    try reportingErrors {
      let log = try input.source(projection: projection, threads: temporal.threads).readLog()!
      var options = temporal.options(projection: projection, analysis: analysis)
      if let window {
        options.periods = .rolling(windowDays: window.days, stepDays: (step ?? window).days)
      } else {
        options.periods = .calendar(period ?? .quarter)
      }
      options.consensus.runs = consensusRuns
      options.tracker.threshold = matchThreshold
      let document = try SiloTrend.compute(log: log, options: options)
      try analysis.emit(table: document.text(), csv: document.csv(), json: { document }, warnings: document.warnings)
    }
  }
}

/// Options shared by `trend` and `compare`.
struct TemporalArguments: ParsableArguments {
  @Option(parsing: .unconditional, help: "Random relabellings for the E-I permutation test in each period (\(OptionRanges.describe(OptionRanges.permutations))).")
  var permutations: Int = 200

  @Option(parsing: .unconditional, help: "Bootstrap replicates for the margins and the change test; 0 for none (\(OptionRanges.describe(OptionRanges.replicates))).")
  var bootstrap: Int = 1000

  @Option(parsing: .unconditional, help: "The resolution γ of the community search (\(OptionRanges.describe(OptionRanges.resolution))).")
  var resolution: Double = 1

  @Option(parsing: .unconditional, help: "Threads, \(OptionRanges.describe(OptionRanges.threads)) (the result is the same for any number).")
  var threads: Int = SystemThreads.count

  func validate() throws {
    try OptionRanges.check(permutations, OptionRanges.permutations, option: "permutations")
    try OptionRanges.check(bootstrap, OptionRanges.replicates, option: "bootstrap")
    try OptionRanges.check(resolution, OptionRanges.resolution, option: "resolution")
    try OptionRanges.check(threads, OptionRanges.threads, option: "threads")
  }

  func options(projection: ProjectionArguments, analysis: AnalysisOptions) -> TemporalOptions {
    var options = TemporalOptions()
    options.projection = projection.options
    options.weighted = !analysis.unweighted
    options.permutations = permutations
    options.bootstrapReplicates = bootstrap
    options.seed = analysis.seed
    options.threads = threads
    options.consensus.leiden.resolution = resolution
    options.consensus.leiden.weighted = !analysis.unweighted
    return options
  }
}

extension PeriodSpec.CalendarUnit: ExpressibleByArgument {}

/// A number of days: `90` or `90d`.
struct DayCount: ExpressibleByArgument {
  var days: Int

  init?(argument: String) {
    let digits = argument.hasSuffix("d") ? String(argument.dropLast()) : argument
    guard let days = Int(digits) else { return nil }
    self.days = days
  }
}
