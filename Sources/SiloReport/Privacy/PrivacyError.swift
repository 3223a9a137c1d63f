import SiloGraph
/// Why pseudonymization could not start: no key, a key too short to be secret, or a key file
/// that cannot be read.
///
/// The messages say what to do, and never show a key or any part of one.
///
/// | case | kind (exit code of `siloscope`) |
/// |---|---|
/// | ``noKey``, ``keyTooShort(_:)``, ``keyNotText`` | invalid request (64, `EX_USAGE`) |
/// | ``unreadableKeyFile(path:reason:)`` | input unavailable (66, `EX_NOINPUT`) |
public enum PrivacyError: Error, Sendable, Hashable, CustomStringConvertible {
  /// Pseudonyms were asked for, but neither a key file nor the environment variable
  /// ``PseudonymKey/environmentVariable`` gives a key.
  case noKey
  /// The key has this many bytes, fewer than ``PseudonymKey/minimumByteCount``.
  case keyTooShort(Int)
  /// The key is needed as text (to be bound into a SQL script) but its bytes are not UTF-8
  /// text without control characters.
  case keyNotText
  /// The key file cannot be read: it does not exist, is a folder, or may not be opened.
  case unreadableKeyFile(path: String, reason: String)

  /// The message for the user, naming the variable that gives a key (the command line adds
  /// its option for a key file).
  public var description: String {
    switch self {
    case .noKey:
      return "pseudonyms need a secret key: give a file holding it, or set "
        + "\(PseudonymKey.environmentVariable); use at least \(PseudonymKey.minimumByteCount) random bytes "
        + "(for example from `openssl rand -hex 32`), keep the key secret, and keep the same key to get "
        + "the same pseudonyms in later runs"
    case .keyTooShort(let count):
      return "the pseudonym key has \(count) \(count == 1 ? "byte" : "bytes"); it needs at least "
        + "\(PseudonymKey.minimumByteCount) (for example the output of `openssl rand -hex 32`), "
        + "or the pseudonyms could be recomputed by trying every short key"
    case .keyNotText:
      return "the pseudonym key is not text, and a SQL engine takes the key as text: use a text key "
        + "(for example the 64 characters of `openssl rand -hex 32`)"
    case .unreadableKeyFile(let path, let reason):
      return "\(path): cannot read the pseudonym key: \(reason)"
    }
  }

  /// What kind of failure this is: a missing or unusable key is a wrong request, a key file
  /// that cannot be read an unavailable input.
  public var kind: FailureKind {
    switch self {
    case .noKey, .keyTooShort, .keyNotText: return .invalidRequest
    case .unreadableKeyFile: return .inputUnavailable
    }
  }
}
