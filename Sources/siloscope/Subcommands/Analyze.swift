import ArgumentParser
import Foundation
import SiloKit

struct Analyze: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "From a project log to a report in one step: silos, brokers, communities, diagrams.",
    discussion: """
      Writes into the folder given with --out:
        report.html             the report: key findings, silo scorecard, brokers and
                                what depends on them, communities against departments,
                                teams that would open the silos (a log; --no-teams
                                leaves them out; `siloscope teams` for more control),
                                the org chart against the collaboration (with a
                                manager column; --no-hierarchy leaves it out),
                                diagrams, methods (one file; opens from disk, prints)
        report.json             every number of the report (Schemas/report.schema.json)
        people.csv              per person: department, community, betweenness, …
                                (--csv excel-nl: semicolons and decimal commas for a
                                Dutch Excel)
        departments.csv         per department: ties inside and across, E-I with p
        department-matrix.csv   ties between departments
        network.graphml         the person network for Gephi, NetworkX, igraph
        *.svg                   the diagrams

      Privacy: --pseudonymize replaces every name by a keyed pseudonym (HMAC-SHA-256) \
      in every file and diagram, maps managers to their pseudonyms and drops roles \
      (--keep-role keeps them); the key comes from --pseudonym-key-file or the \
      environment variable SILOSCOPE_PSEUDONYM_KEY and is never written anywhere. \
      Departments smaller than --min-group-size (default 5) are merged into one group; \
      if that group is still too small, it and its people are left out of every result \
      that shows departments or people (they count in the totals).

      The folder is written completely or not at all; an existing report folder is \
      replaced only once the new one is complete. Progress goes to standard error \
      (--quiet silences it), a short summary to standard output.

      Examples:
        siloscope analyze uren-2025.csv --out rapport
        siloscope analyze uren-2025.csv --people medewerkers.csv --out rapport
        siloscope analyze uren.csv --pseudonymize --pseudonym-key-file k.txt -o r
        siloscope analyze --edges edges.csv --nodes nodes.csv --out rapport
      """)

  @OptionGroup var input: InputOptions
  @OptionGroup(title: "Projection (logs only)") var projection: ProjectionArguments

  @Option(name: [.customLong("out"), .customShort("o")], help: ArgumentHelp("The report folder to write.", valueName: "folder"))
  var out: String

  @Flag(help: "Replace every name by a keyed pseudonym in every output.")
  var pseudonymize = false

  @Option(help: ArgumentHelp("The file holding the pseudonym key (16 to 4,096 bytes).", valueName: "file"))
  var pseudonymKeyFile: String?

  @Flag(help: "With --pseudonymize, keep each person's role (dropped by default: a role held by one person names them).")
  var keepRole = false

  @Option(parsing: .unconditional, help: "Departments with fewer people are merged (privacy); 1 keeps all (\(OptionRanges.describe(OptionRanges.people))).")
  var minGroupSize: Int = 5

  @Option(help: ArgumentHelp("A heading for the report (organization, period).", valueName: "text"))
  var heading: String?

  @Flag(help: "Ignore tie weights: count ties, shortest paths in steps.")
  var unweighted = false

  @Option(parsing: .unconditional, help: "The random seed: the same seed gives the same report.")
  var seed: UInt64 = 1

  @Option(parsing: .unconditional, help: "Random relabellings for the E-I permutation test (\(OptionRanges.describe(OptionRanges.permutations))).")
  var permutations: Int = 1000

  @Option(parsing: .unconditional, help: "How many top brokers the report follows (\(OptionRanges.describe(OptionRanges.brokers))).")
  var brokers: Int = 10

  @Option(parsing: .unconditional, help: "Exact betweenness up to this many people; above, the top brokers are estimated with a guarantee (KADABRA) (\(OptionRanges.describe(OptionRanges.people))).")
  var exactLimit: Int = 10_000

  @Option(parsing: .unconditional, help: "Threads for betweenness, \(OptionRanges.describe(OptionRanges.threads)) (the result is the same for any number).")
  var threads: Int = SystemThreads.count

  @Option(help: "CSV files for: standard (commas, decimal points) or excel-nl (semicolons, decimal commas, BOM, headings in the report's language).")
  var csv: CSVChoice = .standard

  @Option(help: "The language of the report, the findings and this summary: en or nl (default: SILOSCOPE_LANGUAGE, else en).")
  var language: ReportLanguage?

  @Option(help: "Periods of the \"Change over time\" section for a dated log: auto (years, quarters or months, whichever gives at least three), month, quarter, year, or none.")
  var period: ReportPeriodChoice = .auto

  @Flag(help: "Leave out the section \"Teams that would open the silos\" (3 teams of 5 from a log; see `siloscope teams`).")
  var noTeams = false

  @Option(help: "The org chart from the manager column of --people or --nodes: several tops allowed, or one (several are an error).")
  var tops: ReportingLines = .severalTops

  @Flag(help: "Leave out the section \"The org chart and the real collaboration\" and do not read the manager column.")
  var noHierarchy = false

  @Option(help: ArgumentHelp(
    "Keep the report to one department: it, the departments it works with, its people and the brokers in it or tied into it (every number is still the whole organization's).",
    valueName: "department"))
  var focus: String?

  @Flag(help: "No progress on standard error.")
  var quiet = false

  func validate() throws {
    if out.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--out needs a folder name.") }
    try OptionRanges.check(minGroupSize, OptionRanges.people, option: "min-group-size")
    try OptionRanges.check(permutations, OptionRanges.permutations, option: "permutations")
    try OptionRanges.check(brokers, OptionRanges.brokers, option: "brokers")
    try OptionRanges.check(threads, OptionRanges.threads, option: "threads")
    try OptionRanges.check(exactLimit, OptionRanges.people, option: "exact-limit")
    if pseudonymKeyFile != nil && !pseudonymize { throw ValidationError("--pseudonym-key-file goes with --pseudonymize.") }
    if keepRole && !pseudonymize { throw ValidationError("--keep-role goes with --pseudonymize (without it every role is kept).") }
  }

  func run() throws {
    try reportingErrors {
      var options = SiloAnalysis.Options()
      options.weighted = !unweighted
      options.seed = seed
      options.permutations = permutations
      options.brokers = brokers
      options.exactBetweennessLimit = exactLimit
      options.threads = threads
      options.minimumGroupSize = minGroupSize
      options.heading = heading
      let environment = ProcessInfo.processInfo.environment
      options.language = language ?? ReportLanguage.fromEnvironment(environment) ?? .en
      options.trend = period.trend
      if noTeams { options.teams = nil }
      options.reportingLines = noHierarchy ? nil : tops
      options.focus = focus
      // Reproducible builds' convention (reproducible-builds.org): with SOURCE_DATE_EPOCH the
      // report states that date and no run time, so the same input gives the same bytes.
      if let epoch = environment["SOURCE_DATE_EPOCH"].flatMap({ Int64($0) }) {
        options.reportDate = LogDate(dayNumber: Int32(clamping: epoch / 86_400))
        options.recordsTiming = false
      }
      if pseudonymize { options.pseudonymizer = Pseudonymizer(key: try pseudonymKey(file: pseudonymKeyFile)) }
      if !quiet { options.progress = { ProgressPrinter.print($0) } }
      options.keepRole = keepRole
      let result = try SiloAnalysis.run(source: try input.source(projection: projection, minimumUnitSize: minGroupSize, threads: threads), options: options)
      if keepRole, case let unique = Pseudonymizer.uniqueRoles(in: result.network), unique > 0 {
        printWarning(
          "--keep-role: \(unique) \(unique == 1 ? "role is" : "roles are") held by one person only; "
            + "in the report such a role names its holder as surely as a name")
      }
      let folder = ReportFolder(result, dialect: csv.dialect, messageWording: CommandLineWording())
      let started = ContinuousClock.now
      if !quiet { ProgressPrinter.print(AnalysisProgress(step: .writing, finished: false, elapsed: result.elapsed, seconds: nil)) }
      let notes = try folder.write(
        to: out, protecting: [input.log, input.people, input.edges, input.nodes, pseudonymKeyFile].compactMap { $0 }, threads: threads)
      notes.forEach(printNote)
      if !quiet {
        let seconds = ContinuousClock.now - started
        ProgressPrinter.print(AnalysisProgress(
          step: .writing, finished: true, elapsed: result.elapsed + seconds.inSeconds, seconds: seconds.inSeconds))
      }
      for warning in folder.document.input.commandLineWarnings { printWarning(warning) }
      let s = folder.document.input
      printText(options.language.wording.wrote(
        folder: out, moreFiles: folder.document.diagrams.count + 6, people: s.people, departments: s.departments ?? 0, ties: s.ties))
      for finding in folder.document.findings.prefix(5) { printText("  • " + finding.text) }
    }
  }
}

extension ReportLanguage: ExpressibleByArgument {}

enum CSVChoice: String, ExpressibleByArgument, CaseIterable {
  case standard
  case excelNL = "excel-nl"

  var dialect: CSVDialect { self == .standard ? .standard : .excelDutch }
}

/// Progress lines on standard error: `[  2.1 s] brokers (betweenness, …) … about 6 s`.
enum ProgressPrinter {
  static func print(_ event: AnalysisProgress) {
    let stamp = "[" + pad(format(event.elapsed)) + " s] "
    if event.finished {
      printNote(stamp + event.step.rawValue + ": done in " + format(event.seconds ?? 0) + " s")
    } else if let estimate = event.seconds {
      printNote(stamp + event.step.rawValue + " … (about " + format(estimate) + " s)")
    } else {
      printNote(stamp + event.step.rawValue + " …")
    }
  }

  private static func format(_ seconds: Double) -> String {
    let tenths = Int((seconds * 10).rounded())
    return "\(tenths / 10).\(tenths % 10)"
  }

  private static func pad(_ text: String) -> String { String(repeating: " ", count: max(0, 5 - text.count)) + text }
}

/// The periods of the report's trend section, as the command line names them.
enum ReportPeriodChoice: String, ExpressibleByArgument, CaseIterable {
  case auto, month, quarter, year, none

  var trend: TrendPeriods {
    switch self {
    case .auto: return .automatic
    case .none: return .none
    case .month: return .period(.calendar(.month))
    case .quarter: return .period(.calendar(.quarter))
    case .year: return .period(.calendar(.year))
    }
  }
}
