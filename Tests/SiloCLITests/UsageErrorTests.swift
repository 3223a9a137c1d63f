import Foundation
import Testing
import _SiloTestSupport

/// Wrong use of the command line: exit 64 (EX_USAGE), a message on standard error, nothing
/// on standard output, nothing written.
@Suite("Usage errors exit 64")
struct UsageErrorTests {
  struct UsageCase: Sendable, CustomTestStringConvertible {
    var name: String
    var arguments: [String]
    /// A fragment of the message, as the user should read it.
    var message: String
    var testDescription: String { name }
  }

  static let log = Inputs.otelLog
  static let edges = Inputs.lazegaEdges
  static let nodes = Inputs.lazegaNodes

  static let cases: [UsageCase] = [
    UsageCase(name: "no input", arguments: ["summary"], message: "Give a project log, or a network with --edges."),
    UsageCase(name: "no input (build)", arguments: ["build", "--output", "out"], message: "Give a project log, or a network with --edges."),
    UsageCase(
      name: "a log and --edges", arguments: ["summary", log, "--edges", edges],
      message: "Give either a project log or --edges, not both."),
    UsageCase(
      name: "--nodes without --edges", arguments: ["summary", "--nodes", nodes],
      message: "--nodes goes with --edges"),
    UsageCase(
      name: "--nodes with a log", arguments: ["summary", log, "--nodes", nodes],
      message: "--nodes goes with --edges"),
    UsageCase(
      name: "--people with --edges", arguments: ["summary", "--edges", edges, "--people", nodes],
      message: "--people goes with a project log; with --edges use --nodes."),
    UsageCase(
      name: "--relation without --edges", arguments: ["summary", log, "--relation", "cowork"],
      message: "--relation goes with --edges."),
    UsageCase(
      name: "--directed with a log", arguments: ["summary", log, "--directed"],
      message: "--directed goes with --edges"),
    UsageCase(
      name: "--group-column with a log", arguments: ["summary", log, "--group-column", "afdeling"],
      message: "--group-column goes with --edges; for a log use --department-column."),
    UsageCase(
      name: "a quote as delimiter", arguments: ["summary", log, "--delimiter", "\""],
      message: "--delimiter must be comma, semicolon, tab or one ASCII character other than a quote or a line break."),
    UsageCase(
      name: "two characters as delimiter", arguments: ["summary", log, "--delimiter", "::"],
      message: "--delimiter must be comma, semicolon, tab or one ASCII character"),
    UsageCase(
      name: "--from after --to", arguments: ["summary", log, "--from", "2025-06-01", "--to", "2025-01-01"],
      message: "--from 2025-06-01 is after --to 2025-01-01: the window is empty."),
    UsageCase(
      name: "--from after --to, day first", arguments: ["build", log, "--from", "01-06-2025", "--to", "31-05-2025", "--output", "out"],
      message: "--from 2025-06-01 is after --to 2025-05-31"),
    UsageCase(
      name: "not a date", arguments: ["summary", log, "--from", "2025-13-01"],
      message: "The value '2025-13-01' is invalid for '--from <date>'"),
    UsageCase(
      name: "--max-project-size 1", arguments: ["summary", log, "--max-project-size", "1"],
      message: "--max-project-size must be from 2 to 10,000,000."),
    UsageCase(
      name: "negative --min-weight", arguments: ["summary", log, "--min-weight", "-1"],
      message: "--min-weight must be from 0 to 1e100."),
    UsageCase(
      name: "negative --max-project-size", arguments: ["summary", log, "--max-project-size", "-3"],
      message: "--max-project-size must be from 2 to 10,000,000."),
    UsageCase(
      name: "generate --people -5", arguments: ["generate", "--people", "-5", "--output", "synthetic.csv"],
      message: "--people must be from 2 to 10,000,000."),
    UsageCase(
      name: "--min-weight not a number", arguments: ["summary", log, "--min-weight", "nan"],
      message: "--min-weight must be from 0 to 1e100."),
    UsageCase(
      name: "unknown weighting", arguments: ["summary", log, "--weighting", "cosine"],
      message: "The value 'cosine' is invalid for '--weighting <weighting>'. Please provide one of 'shared-projects', 'newman', 'hours-overlap' or 'jaccard'."),
    UsageCase(
      name: "unknown format", arguments: ["summary", log, "--format", "xml"],
      message: "The value 'xml' is invalid for '--format <format>'"),
    UsageCase(
      name: "generate without --people", arguments: ["generate", "--output", "synthetic.csv"],
      message: "Missing expected argument '--people <n>'"),
    UsageCase(
      name: "generate --people 1", arguments: ["generate", "--people", "1", "--output", "synthetic.csv"],
      message: "--people must be from 2 to 10,000,000."),
    UsageCase(
      name: "generate --year out of range", arguments: ["generate", "--people", "10", "--year", "99999", "--output", "synthetic.csv"],
      message: "--year must be from 1000 to 9998."),
    UsageCase(
      name: "generate without --output", arguments: ["generate", "--people", "10"],
      message: "Missing expected argument '--output <file>'"),
    UsageCase(
      name: "build without --output", arguments: ["build", log],
      message: "Missing expected argument '--output <folder>'"),
    UsageCase(name: "build --output ''", arguments: ["build", log, "--output", ""], message: "--output needs a folder name."),
    UsageCase(name: "build --output '  '", arguments: ["build", log, "--output", "  "], message: "--output needs a folder name."),
    UsageCase(
      name: "generate --output ''", arguments: ["generate", "--people", "10", "--output", ""],
      message: "--output needs a file name."),
    UsageCase(name: "unknown subcommand", arguments: ["analyse", log], message: "unexpected arguments: 'analyse'"),
    UsageCase(name: "unknown option", arguments: ["summary", log, "--colour"], message: "Unknown option '--colour'"),
  ]

  @Test("exits 64 with the message on standard error", arguments: cases)
  func usageError(_ usage: UsageCase) throws {
    try withTemporaryFolder { folder in
      let run = try siloscope(usage.arguments, in: folder)
      #expect(run.status == 64, "\(run)")
      #expect(run.out.isEmpty, "\(run)")
      #expect(run.err.contains(usage.message), "\(run)")
      #expect(run.err.contains("Usage: siloscope"), "\(run)")
      // Nothing was written into the current folder.
      #expect(entries(folder.path).isEmpty, "\(entries(folder.path))")
    }
  }
}
