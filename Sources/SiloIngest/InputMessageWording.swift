import Foundation

/// Words the readers' messages for one audience: a report in another language, or a
/// program that names its own options for the settings the messages are about.
///
/// Every requirement has a default: the value's English `description`, in the library's
/// words. A conforming type words only what it words differently.
///
/// An encoder that carries a wording under `CodingUserInfoKey.inputMessageWording` writes
/// the messages of the documents it encodes (``IngestReport``'s reasons and warnings,
/// ``ProjectionSummary``'s warnings) in that wording:
///
/// ```swift
/// let encoder = JSONEncoder()
/// encoder.userInfo[.inputMessageWording] = MyWording()
/// ```
public protocol InputMessageWording: Sendable {
  /// Why rows were skipped.
  func message(_ reason: SkipReason) -> String
  /// What a reader tells about an input.
  func message(_ warning: IngestWarning) -> String
  /// What the projection tells about a log.
  func message(_ warning: ProjectionWarning) -> String
}

extension InputMessageWording {
  public func message(_ reason: SkipReason) -> String { reason.description }
  public func message(_ warning: IngestWarning) -> String { warning.description }
  public func message(_ warning: ProjectionWarning) -> String { warning.description }
}

extension CodingUserInfoKey {
  /// The ``InputMessageWording`` in which an encoder writes the readers' messages; without
  /// one they are written in the library's English.
  public static let inputMessageWording = CodingUserInfoKey(rawValue: "SiloIngest.inputMessageWording")!
}

extension Encoder {
  /// The wording this encoder writes the readers' messages in, when it carries one.
  package var inputMessageWording: (any InputMessageWording)? {
    userInfo[.inputMessageWording] as? any InputMessageWording
  }
}
