import SiloIngest

/// One warning of a ``NetworkSummary``: a reader's warning with its file, the projection's,
/// or one about the network as a whole. A structured value, so that every caller can word it
/// in its own terms (``SummaryMessageWording``); encoded as JSON it is one string.
public enum SummaryWarning: Sendable, Hashable, Encodable, CustomStringConvertible {
  /// A reader's warning about the input file `file`.
  case input(file: String, IngestWarning)
  /// The projection's warning about the log.
  case projection(ProjectionWarning)
  /// The network has no departments: a log without a department column and no people file,
  /// or a network without a node list that names a group.
  case noDepartments(InputKind)
  /// This many people have no department and are placed in the group `group`.
  case peopleWithoutDepartment(Int, group: String)

  /// The warning in English, in the library's words.
  public var description: String { message(in: nil) }

  /// The warning with the readers' and the projection's messages in `wording` (in the
  /// library's English when `nil`); the summary's own warnings in English.
  public func message(in wording: (any InputMessageWording)?) -> String {
    switch self {
    case .input(let file, let warning): return "\(file): \(wording?.message(warning) ?? warning.description)"
    case .projection(let warning): return wording?.message(warning) ?? warning.description
    case .noDepartments(.log): return "no departments: the log has no department column and no people file was given"
    case .noDepartments(.network): return "no departments: no node list with a department or group column was given"
    case .peopleWithoutDepartment(let count, let group):
      return count == 1
        ? "1 person has no department and is placed in the group \"\(group)\""
        : "\(NumberText.integer(count)) people have no department and are placed in the group \"\(group)\""
    }
  }

  /// Encodes the warning as one string: in the wording the encoder carries
  /// (`CodingUserInfoKey.inputMessageWording`), else the ``description``.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    let wording = encoder.userInfo[.inputMessageWording]
    if let summaryWording = wording as? any SummaryMessageWording {
      try container.encode(summaryWording.message(self))
    } else {
      try container.encode(message(in: wording as? any InputMessageWording))
    }
  }
}

/// Words the warnings of a ``NetworkSummary`` as well as the readers' and the projection's
/// messages. The default words a summary's own warnings in the library's English
/// (``SummaryWarning/message(in:)``).
public protocol SummaryMessageWording: InputMessageWording {
  /// A warning of a summary.
  func message(_ warning: SummaryWarning) -> String
}

extension SummaryMessageWording {
  public func message(_ warning: SummaryWarning) -> String { warning.message(in: self) }
}
