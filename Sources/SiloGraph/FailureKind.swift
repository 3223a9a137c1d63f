/// What kind of failure an error of SiloScope's libraries is: enough for a caller to decide
/// what to do (ask for another file, correct the request, clean the data, install something,
/// free the output place, report a bug). Every error type of the libraries has a `kind`; the
/// command line maps each kind to its `sysexits.h` exit code in one table.
public enum FailureKind: String, Sendable, Hashable, Codable, CaseIterable {
  /// An input cannot be found or opened (a missing file, a key file that cannot be read).
  case inputUnavailable = "input-unavailable"
  /// The request is wrong as asked: an option's value, a combination of options, a name
  /// (column, level, department, engine) that is not there.
  case invalidRequest = "invalid-request"
  /// The data cannot give what was asked: a broken file, no usable row, a network that does
  /// not suit the measure.
  case invalidData = "invalid-data"
  /// A capability of this machine is missing (a Graphviz plugin or output format).
  case capabilityUnavailable = "capability-unavailable"
  /// An output cannot be written.
  case cannotWrite = "cannot-write"
  /// A dependency or SiloScope itself failed (Graphviz reported an error it should not).
  case internalFailure = "internal-failure"
}
