import SiloReport

extension AnalysisError {
  /// The message of an `.unsuitable` error, else `nil` (for `try #require`).
  var unsuitableMessage: String? {
    if case .unsuitable(let message) = self { return message }
    return nil
  }
}
