import SiloKit

/// The readers' messages in the command line's words: the library's English, with the option
/// that changes the setting a message is about (`--duplicates drop`, `--relation`,
/// `--group-column`, `--max-project-size`, `--people`, `--nodes`). Used for what the command
/// line prints and for the JSON it writes (`summary --format json`, `report.json`), so that
/// both say the same.
struct CommandLineWording: SummaryMessageWording {
  func message(_ reason: SkipReason) -> String {
    switch reason {
    case .duplicateRow: return reason.description + " (--duplicates drop)"
    case .otherRelation: return reason.description + " (--relation)"
    default: return reason.description
    }
  }

  func message(_ warning: IngestWarning) -> String {
    switch warning {
    case .duplicateRowsKept: return warning.description + "; use --duplicates drop to skip them"
    case .noGroupColumn: return warning.description + "; name it with --group-column"
    case .severalRelations: return warning.description + "; keep one with --relation"
    default: return warning.description
    }
  }

  func message(_ warning: ProjectionWarning) -> String {
    warning.message { "--max-project-size \($0)" }
  }

  func message(_ warning: SummaryWarning) -> String {
    switch warning {
    case .noDepartments(.log): return warning.description + " (--people)"
    case .noDepartments(.network): return warning.description + " (--nodes)"
    default: return warning.message(in: self)
    }
  }
}

extension NetworkSummary {
  /// The summary's warnings in the command line's words.
  var commandLineWarnings: [String] { warnings.map(CommandLineWording().message) }
}
