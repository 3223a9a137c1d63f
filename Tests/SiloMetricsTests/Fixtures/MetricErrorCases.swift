import SiloMetrics

extension MetricError {
  /// Whether this is `.invalidArgument`, whatever its message (for `#expect`).
  var isInvalidArgument: Bool {
    if case .invalidArgument = self { return true }
    return false
  }
}
