/// Why a row of an input was skipped: a structured value, so that every caller can word it
/// in its own terms (the English ``description``, a report in another language, a command
/// line that names its options).
///
/// ``IngestReport`` counts skipped rows by reason (``IngestReport/SkippedRows``). Encoded as
/// JSON it is one string: the ``description``, or the wording an encoder carries under
/// `CodingUserInfoKey.inputMessageWording` (``InputMessageWording``).
public enum SkipReason: Sendable, Hashable, Encodable, CustomStringConvertible {
  /// The row is empty.
  case emptyRow
  /// The row splits into another number of fields than the header, which has `headerFields`.
  case fieldCountMismatch(headerFields: Int)
  /// The field is empty (for ``Field/sourceOrTarget``: either end of an edge is).
  case missing(Field)
  /// The field holds nothing but invisible characters, so names nothing.
  case onlyInvisible(Field)
  /// The name or id in the field is longer than `limit` bytes
  /// (``ProjectLogReader/maximumNameBytes``): a pasted document rather than a name.
  case nameTooLong(Field, limit: Int)
  /// The id (or person) in the field appears earlier in the file, first on `firstLine`
  /// where it is known.
  case repeated(Field, firstLine: Int?)
  /// The row repeats an earlier row exactly and repeated rows are dropped
  /// (``DuplicatePolicy/drop``).
  case duplicateRow
  /// The tie is of another relation than `wanted` (``NetworkReadOptions/relation``).
  case otherRelation(wanted: String)
  /// The date is not a date in one of the forms read.
  case invalidDate
  /// A JSON Lines line is not a JSON object.
  case notJSONObject
  /// The weight cannot be used; `hours` tells whether it is a log's hours (else a tie's
  /// strength).
  case unusableWeight(WeightProblem, hours: Bool)

  /// The field of a row a reason is about.
  public enum Field: String, Sendable, Hashable, CaseIterable {
    /// A log's person.
    case person
    /// A log's project.
    case project
    /// A log's or a people file's department (a node list's group).
    case department
    /// An edge's source.
    case source
    /// An edge's target.
    case target
    /// Either end of an edge (GraphML).
    case sourceOrTarget
    /// The id of a node list, a people file or a GraphML node.
    case id
    /// The id of a GraphML node, when the row is a node declaration.
    case node

    /// The field in words: "person", "source or target", "node id".
    public var noun: String {
      switch self {
      case .sourceOrTarget: return "source or target"
      case .node: return "node id"
      default: return rawValue
      }
    }

    /// What is too long when this field's value is: "the person's name", "the source's id".
    var tooLongNoun: String {
      switch self {
      case .person, .project, .department: return "the \(rawValue)'s name"
      case .source, .target: return "the \(rawValue)'s id"
      case .sourceOrTarget: return "the source's or target's id"
      case .id, .node: return "the id"
      }
    }
  }

  /// The reason in English, in the library's words: "no person", "the weight (hours) is
  /// negative", "another relation than \"cowork\"".
  public var description: String {
    switch self {
    case .emptyRow: return "empty row"
    case .fieldCountMismatch(let headerFields): return "the row has a different number of fields than the header (\(headerFields))"
    case .missing(let field): return "no \(field.noun)"
    case .onlyInvisible(let field): return "no \(field.noun) (only invisible characters)"
    case .nameTooLong(let field, let limit): return "\(field.tooLongNoun) is longer than \(limit) bytes"
    case .repeated(let field, let firstLine):
      let first = firstLine.map { " (first on line \($0))" } ?? ""
      return "the \(field.noun) appears earlier in the file\(first)"
    case .duplicateRow: return "the row repeats an earlier row exactly"
    case .otherRelation(let wanted): return "another relation than \"\(wanted)\""
    case .invalidDate: return "the date is not a date (expected yyyy-mm-dd or dd-mm-yyyy)"
    case .notJSONObject: return "the line is not a JSON object"
    case .unusableWeight(let problem, let hours): return problem.reason(hours: hours)
    }
  }

  /// Encodes the reason as one string: the wording the encoder carries, else the
  /// ``description``.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(encoder.inputMessageWording?.message(self) ?? description)
  }
}

/// Why a weight (hours, tie strength) cannot be used; the row is then skipped
/// (``SkipReason/unusableWeight(_:hours:)``). Shared by every reader so that they agree on
/// what a usable weight is.
public enum WeightProblem: Error, Sendable, Hashable {
  /// The field is empty.
  case missing
  /// The field is not a number.
  case notANumber
  /// The number is negative.
  case negative
  /// The number is zero (for a tie: no tie).
  case zero
  /// The number is outside ``WeightRange``.
  case outOfRange

  /// The reason in English: for a log the weight is hours, for a network a tie's strength.
  func reason(hours: Bool) -> String {
    let noun = hours ? "the weight (hours)" : "the weight"
    switch self {
    case .missing: return hours ? "no weight (hours)" : "no weight"
    case .notANumber: return "\(noun) is not a number"
    case .negative: return "\(noun) is negative"
    case .zero: return hours ? "\(noun) is zero" : "\(noun) is zero (no tie)"
    case .outOfRange: return "\(noun) is outside the range SiloScope computes with (1e-100 to 1e100)"
    }
  }
}
