import ArgumentParser
import Foundation
import SiloKit

/// What `teams` and `simulate` share: the analysis settings the measures use and how a team's
/// project is put into the log.
struct TeamArguments: ParsableArguments {
  @Option(help: "What the teams improve: untied-pairs (department pairs without any tie that get one, weighted by how closed they are), fragile-pairs (pairs that hang on one person or none and no longer do), modularity (its drop).")
  var objective: TeamObjective = .untiedPairs

  @Option(parsing: .unconditional, help: ArgumentHelp("How many steps apart (through the collaboration network) team members may be, \(OptionRanges.describe(OptionRanges.reach)), or any.", valueName: "steps"))
  var reach: ReachChoice = .steps(2)

  @Option(parsing: .unconditional, help: ArgumentHelp("Hours each member spends on the team's project (default: the log's median hours per person and project).", valueName: "hours"))
  var hours: Double?

  @Option(parsing: .unconditional, help: "Departments with fewer people are merged (privacy), as in analyze (\(OptionRanges.describe(OptionRanges.people))).")
  var minGroupSize: Int = 5

  @Option(parsing: .unconditional, help: "Random relabellings for the E-I permutation test behind the verdicts (\(OptionRanges.describe(OptionRanges.permutations))).")
  var permutations: Int = 1000

  @Flag(help: "Replace every name by a keyed pseudonym in the output (names in --team, --exclude, --only may be either).")
  var pseudonymize = false

  @Option(help: ArgumentHelp("The file holding the pseudonym key (16 to 4,096 bytes).", valueName: "file"))
  var pseudonymKeyFile: String?

  @Flag(help: "Ignore tie weights: count ties.")
  var unweighted = false

  @Option(parsing: .unconditional, help: "The random seed of the permutation test.")
  var seed: UInt64 = 1

  @Option(help: "table (for people) or json (for programs).")
  var format: TeamFormat = .table

  @Option(help: "The language of the reasons and the table: en or nl (default: SILOSCOPE_LANGUAGE, else en).")
  var language: ReportLanguage?

  func validate() throws {
    if case .steps(let n) = reach { try OptionRanges.check(n, OptionRanges.reach, option: "reach") }
    if let hours { try OptionRanges.check(hours, OptionRanges.hours, option: "hours") }
    try OptionRanges.check(minGroupSize, OptionRanges.people, option: "min-group-size")
    try OptionRanges.check(permutations, OptionRanges.permutations, option: "permutations")
    if pseudonymKeyFile != nil && !pseudonymize { throw ValidationError("--pseudonym-key-file goes with --pseudonymize.") }
  }

  /// The analysis settings the measures use.
  func analysisOptions() throws -> SiloAnalysis.Options {
    var options = SiloAnalysis.Options()
    options.weighted = !unweighted
    options.seed = seed
    options.permutations = permutations
    options.minimumGroupSize = minGroupSize
    options.diagrams = false
    options.threads = SystemThreads.count
    let environment = ProcessInfo.processInfo.environment
    options.language = language ?? ReportLanguage.fromEnvironment(environment) ?? .en
    if pseudonymize { options.pseudonymizer = Pseudonymizer(key: try pseudonymKey(file: pseudonymKeyFile)) }
    return options
  }

  /// The request's objective and reach.
  func apply(to request: inout TeamRequest) {
    request.objective = objective
    if case .steps(let n) = reach { request.reach = n } else { request.reach = nil }
  }

  /// Prints the document as a table or as JSON.
  func emit(_ document: TeamsDocument, language: ReportLanguage) throws {
    switch format {
    case .json: print(try JSONOutput.encode(document))
    case .table: printText(document.text(language: language), terminator: "")
    }
  }
}

enum TeamFormat: String, ExpressibleByArgument, CaseIterable { case table, json }

/// `--reach 2` or `--reach any`.
enum ReachChoice: ExpressibleByArgument, Equatable {
  case steps(Int)
  case any

  init?(argument: String) {
    if argument.lowercased() == "any" {
      self = .any
    } else if let n = Int(argument) {
      self = .steps(n)
    } else {
      return nil
    }
  }

  var defaultValueDescription: String {
    switch self {
    case .steps(let n): return String(n)
    case .any: return "any"
    }
  }
}

extension TeamObjective: ExpressibleByArgument {}
