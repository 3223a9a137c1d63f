import ArgumentParser
import Foundation
import SiloKit

@main
struct SiloCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "siloscope",
    abstract: "Shows an organization where it is siloed, from the project logs it already has.",
    discussion: """
      SiloScope reads who worked on which project (a project log exported from a timesheet, \
      project or case system), builds the collaboration network between people and between \
      departments, and measures how much each department keeps to itself.

      Start with `siloscope summary LOG` to check that the log is read as you expect, \
      then `siloscope analyze LOG --out FOLDER` writes the whole report.

      Examples:
        siloscope analyze uren-2025.csv --out rapport
        siloscope summary uren-2025.csv
        siloscope build uren-2025.csv --output netwerk
        siloscope generate --people 1000 --seed 7 --output voorbeeld.csv

      Exit codes (sysexits.h):
        0   success
        64  the command was used wrongly (EX_USAGE)
        65  the input data is malformed (EX_DATAERR)
        66  an input file is missing or cannot be read (EX_NOINPUT)
        69  a Graphviz engine or output format is missing (EX_UNAVAILABLE)
        70  Graphviz failed, or an internal error (EX_SOFTWARE)
        73  an output cannot be written (EX_CANTCREAT)
      """,
    version: "0.1.0",
    subcommands: [
      Analyze.self, Summary.self, Silos.self, Trend.self, Compare.self, Communities.self, Brokers.self, Teams.self, Simulate.self,
      Hierarchy.self, Render.self, Build.self, SQL.self, Generate.self,
    ])
}

/// Runs `body`, printing SiloScope's own errors as one line on standard error and exiting
/// with their sysexits code.
func reportingErrors<T>(_ body: () throws -> T) throws -> T {
  do {
    return try body()
  } catch let error as IngestError {
    printError(commandLineMessage(error))
    throw ExitCode(error.kind.exitCode)
  } catch let error as MetricError {
    printError(error.description)
    throw ExitCode(error.kind.exitCode)
  } catch let error as OutputError {
    printError(error.description)
    throw ExitCode(error.kind.exitCode)
  } catch let error as RenderError {
    printError(commandLineMessage(error))
    throw ExitCode(error.kind.exitCode)
  } catch let error as AnalysisError {
    printError(commandLineMessage(error))
    throw ExitCode(error.kind.exitCode)
  } catch let error as WarehouseError {
    printError(error.description)
    throw ExitCode(error.kind.exitCode)
  } catch let error as PrivacyError {
    printError(commandLineMessage(error))
    throw ExitCode(error.kind.exitCode)
  } catch let error as EncodingError {
    // SiloScope never writes a number that JSON cannot hold (NaN or ±∞ become null or are
    // refused at ingest); if one slips through it is SiloScope's fault, not the input's.
    printError("internal error: a value could not be written as JSON (\(encodingReason(error))); please report this")
    throw ExitCode(70)
  } catch let error as ExitCode {
    throw error
  } catch {
    printError("internal error: \(error)")
    throw ExitCode(70)
  }
}

extension FailureKind {
  /// The `sysexits.h` code the command line exits with for a failure of this kind (the
  /// table in `siloscope --help`).
  var exitCode: Int32 {
    switch self {
    case .invalidRequest: return 64  // EX_USAGE
    case .invalidData: return 65  // EX_DATAERR
    case .inputUnavailable: return 66  // EX_NOINPUT
    case .capabilityUnavailable: return 69  // EX_UNAVAILABLE
    case .internalFailure: return 70  // EX_SOFTWARE
    case .cannotWrite: return 73  // EX_CANTCREAT
    }
  }
}

/// An analysis error in the command line's words: the options that answer it named.
func commandLineMessage(_ error: AnalysisError) -> String {
  switch error {
  case .input(let input):
    return commandLineMessage(input)
  case .render(let render):
    return commandLineMessage(render)
  case .privacy(let privacy):
    return commandLineMessage(privacy)
  case .noDepartments(let source):
    return source == .log
      ? "no departments: the log has no department column and no people file was given (--people FILE with id and department columns)"
      : "no departments: give a node list with a department or group column (--nodes FILE, --group-column NAME)"
  case .oneGroupAfterMerging(let minimum):
    return "after merging departments smaller than \(minimum) people there is one group left: "
      + "silo measures compare departments; lower --min-group-size (privacy permitting)"
  case .noTies:
    return "there are no ties at all: no two people share a project (check the project column, --min-weight, --from/--to)"
  case .onePeriod(let first, let last):
    return "the dated entries (\(first) to \(last)) fall in one period: a trend needs at least two; "
      + "choose a shorter period (--period quarter or month) or rolling windows (--window)"
  default:
    return error.description
  }
}

/// A diagram error in the command line's words.
func commandLineMessage(_ error: RenderError) -> String {
  switch error {
  case .noDepartments:
    return "the input has no departments (no department column and no --people or --nodes file)"
  case .tooManyPeople:
    return error.description + "; raise the limit (--max-people) to draw them all"
  default:
    return error.description
  }
}

/// A privacy error in the command line's words: the key file's option named.
func commandLineMessage(_ error: PrivacyError) -> String {
  guard case .noKey = error else { return error.description }
  return error.description + "; name the key file with --pseudonym-key-file"
}

/// An input error in the command line's words: the library's message with the option that
/// answers it, or a message about the option itself.
func commandLineMessage(_ error: IngestError) -> String {
  switch error {
  case .invalidDelimiter:
    return "--delimiter must be one ASCII character other than a quote or a line break"
  case .emptyDateWindow(let from, let to):
    return "the date window is empty: --from \(from) is after --to \(to)"
  default:
    return error.message(wording: CommandLineWording()) + flagHint(error)
  }
}

/// The option that answers an input error, when there is one.
private func flagHint(_ error: IngestError) -> String {
  switch error {
  case .reportingLines(let problem) where problem.kind == .severalTops: return ", or allow several with --tops several"
  case .unknownColumn(_, _, _, inLog: true): return "; a column of the log can be the department instead (--department-column)"
  case .unknownColumn(_, _, _, inLog: false): return "; the group column is \"department\" here (choose another with --group-column)"
  case .missingColumn(_, let role, _, _):
    return "; name the column with --\(role)-column" + (error.headerLooksUnsplit ? " or the delimiter with --delimiter" : "")
  case .singleColumnHeader: return " (or name the delimiter with --delimiter)"
  case .fieldCountMismatch: return "; name the delimiter with --delimiter"
  case .projectionTooLarge(_, _, _, let suggestion?):
    return "; leave such projects out with --max-project-size \(suggestion)\(suggestion > 2 ? " (or a smaller size)" : "")"
  default: return ""
  }
}

private func encodingReason(_ error: EncodingError) -> String {
  switch error {
  case .invalidValue(let value, let context):
    let path = context.codingPath.map(\.stringValue).joined(separator: ".")
    return "\(value) at \(path.isEmpty ? "the top" : path)"
  @unknown default:
    return "\(error)"
  }
}

/// The pseudonym key that `--pseudonym-key-file` (or the environment variable
/// `SILOSCOPE_PSEUDONYM_KEY`) gives, with the warnings about the key file printed: one
/// place for every command that pseudonymizes.
func pseudonymKey(file: String?) throws -> PseudonymKey {
  let key = try PseudonymKey.load(file: file, environment: ProcessInfo.processInfo.environment)
  if let file { PseudonymKey.warnings(forKeyFile: file).forEach(printWarning) }
  return key
}

func printError(_ message: String) {
  var standardError = StandardError()
  print("siloscope: error: \(TerminalText.safe(message, keepingLineBreaks: false))", to: &standardError)
}

func printWarning(_ message: String) {
  var standardError = StandardError()
  print("siloscope: warning: \(TerminalText.safe(message, keepingLineBreaks: false))", to: &standardError)
}

/// Prints text for people (tables, summaries, findings) on standard output, with control
/// characters shown as escapes (``TerminalText``).
func printText(_ text: String, terminator: String = "\n") {
  print(TerminalText.safe(text), terminator: terminator)
}

struct StandardError: TextOutputStream {
  mutating func write(_ string: String) {
    FileHandleStandardError.write(string)
  }
}
