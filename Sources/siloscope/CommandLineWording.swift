import SiloKit

/// The readers' messages in the command line's words: the library's English, with the option
/// that changes the setting a message is about (`--duplicates drop`, `--relation`). Used for
/// what the command line prints and for the JSON it writes (`summary --format json`,
/// `report.json`), so that both say the same.
struct CommandLineWording: InputMessageWording {
  func message(_ reason: SkipReason) -> String {
    switch reason {
    case .duplicateRow: return reason.description + " (--duplicates drop)"
    case .otherRelation: return reason.description + " (--relation)"
    default: return reason.description
    }
  }
}
