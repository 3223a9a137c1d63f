import Foundation
import Testing
import _SiloTestSupport
@testable import SiloReport

/// Loading the pseudonym key, and the errors when there is none.
///
/// Expected pseudonyms come from Python (`ps` in ``PseudonymTests``):
/// `ps(key, 'Ana de Vries')` for each key named below, so a test passes only when the key that
/// was loaded is exactly those bytes.
@Suite("Pseudonym keys")
struct PrivacyKeyTests {
  /// `ps(b'siloscope-test-key-not-a-secret!', 'Ana de Vries')`.
  static let anaWithTestKey = "P-ZCNYF9JCDQ"
  /// `ps(b'another-key-0123456789abcdef', 'Ana de Vries')`.
  static let anaWithOtherKey = "P-DAKRNC4AGY"

  static func ana(_ key: PseudonymKey) -> String { Pseudonymizer(key: key).pseudonym(for: "Ana de Vries") }

  @Test(
    "the file wins over the environment, and every trailing line end is removed",
    arguments: ["\n", "\r\n", "", "\n\n", "\r\n\r\n", "\r", "\n\r\n"])
  func fileWins(_ lineEnd: String) throws {
    let folder = TemporaryFolder()
    defer { folder.remove() }
    let file = folder.write("pseudonym.key", testKeyText + lineEnd)
    let key = try PseudonymKey.load(file: file, environment: [PseudonymKey.environmentVariable: otherKeyText])
    #expect(Self.ana(key) == Self.anaWithTestKey)
  }

  /// The README's `export SILOSCOPE_PSEUDONYM_KEY="$(cat file)"` keeps a "\r" that the shell's
  /// command substitution does not remove; the file and the variable must still agree.
  @Test(
    "a key file and the variable set from it give the same key, whatever the line ends",
    arguments: ["\n", "\r\n", "", "\n\n", "\r\n\r\n", "\r"])
  func fileAndVariableAgree(_ lineEnd: String) throws {
    let folder = TemporaryFolder()
    defer { folder.remove() }
    let file = folder.write("pseudonym.key", testKeyText + lineEnd)
    let fromFile = try PseudonymKey.load(file: file, environment: [:])
    // What `"$(cat file)"` gives: every trailing "\n" removed, "\r" kept.
    var substituted = testKeyText + lineEnd
    while substituted.hasSuffix("\n") { substituted.removeLast() }
    let fromVariable = try PseudonymKey.load(file: nil, environment: [PseudonymKey.environmentVariable: substituted])
    #expect(Self.ana(fromFile) == Self.ana(fromVariable))
    #expect(Self.ana(fromFile) == Self.anaWithTestKey)
  }

  @Test("a line end inside the key is part of it; only the ones at the end are removed")
  func lineEndInside() throws {
    let folder = TemporaryFolder()
    defer { folder.remove() }
    let file = folder.write("pseudonym.key", "siloscope-test-key\nnot-a-secret!\n")
    let key = try PseudonymKey.load(file: file, environment: [:])
    // Python: ps(b'siloscope-test-key\nnot-a-secret!', 'Ana de Vries')
    #expect(Self.ana(key) == "P-TT96KMSYH3")
  }

  @Test("a key file larger than 4,096 bytes, or not a regular file, is refused (exit 66)")
  func boundedKeyFile() throws {
    let folder = TemporaryFolder()
    defer { folder.remove() }
    let large = folder.write("large.key", String(repeating: "k", count: 4097))
    let error = #expect(throws: PrivacyError.self) { try PseudonymKey.load(file: large, environment: [:]) }
    #expect(error?.kind == .inputUnavailable)
    #expect("\(error!)".contains("more than 4096 bytes"))
    let exact = folder.write("exact.key", String(repeating: "k", count: 4096))
    #expect(throws: Never.self) { try PseudonymKey.load(file: exact, environment: [:]) }
    for device in ["/dev/zero", "/dev/urandom", "/dev/null"] {
      let refused = #expect(throws: PrivacyError.self) { try PseudonymKey.load(file: device, environment: [:]) }
      #expect("\(refused!)".contains("not a regular file"), "\(device)")
    }
    let fifo = folder.file("key.fifo")
    #expect(mkfifo(fifo, 0o600) == 0)
    let refused = #expect(throws: PrivacyError.self) { try PseudonymKey.load(file: fifo, environment: [:]) }
    #expect("\(refused!)".contains("not a regular file"))
  }

  @Test("a key file other users may read gets a warning; 0600 and 0400 do not")
  func permissions() throws {
    let folder = TemporaryFolder()
    defer { folder.remove() }
    let file = folder.write("pseudonym.key", testKeyText)
    for (mode, warned) in [(0o644, true), (0o640, true), (0o604, true), (0o600, false), (0o400, false)] {
      #expect(chmod(file, mode_t(mode)) == 0)
      let warnings = PseudonymKey.warnings(forKeyFile: file)
      #expect(warnings.isEmpty != warned, "mode \(String(mode, radix: 8))")
      if warned { #expect(warnings[0].contains("chmod 600")) }
    }
  }

  @Test("a binary key file is used byte for byte")
  func binaryKey() throws {
    let folder = TemporaryFolder()
    defer { folder.remove() }
    // 16 bytes with NUL, 0xFF and a line feed inside, then a trailing line feed to remove.
    let bytes: [UInt8] = [0x00, 0xFF, 0x0A, 0x0D] + [UInt8](repeating: 0x80, count: 12)
    let file = folder.write("binary.key", bytes: bytes + [0x0A])
    let key = try PseudonymKey.load(file: file, environment: [:])
    // Python: ps(bytes([0x00, 0xFF, 0x0A, 0x0D]) + bytes([0x80]) * 12, 'Ana de Vries')
    #expect(Self.ana(key) == "P-BVXEFPC871")
  }

  @Test("without a file the environment variable is used, as its UTF-8 bytes")
  func environment() throws {
    #expect(PseudonymKey.environmentVariable == "SILOSCOPE_PSEUDONYM_KEY")  // the brief's name
    let key = try PseudonymKey.load(file: nil, environment: ["SILOSCOPE_PSEUDONYM_KEY": otherKeyText, "HOME": "/root"])
    #expect(Self.ana(key) == Self.anaWithOtherKey)
  }

  @Test("no file and no (or an empty) variable: noKey", arguments: [[:], ["SILOSCOPE_PSEUDONYM_KEY": ""], ["OTHER": testKeyText]])
  func noKey(_ environment: [String: String]) {
    #expect(throws: PrivacyError.noKey) { try PseudonymKey.load(file: nil, environment: environment) }
  }

  @Test("a key shorter than 16 bytes is refused, from bytes, file and environment")
  func tooShort() throws {
    // 15 and 16 bytes: the boundary the brief sets ("at least 16 bytes").
    #expect(throws: PrivacyError.keyTooShort(15)) { try PseudonymKey(bytes: Array("0123456789abcde".utf8)) }
    #expect(throws: PrivacyError.keyTooShort(0)) { try PseudonymKey(bytes: []) }
    // Python: ps(b'0123456789abcdef', 'Ana de Vries')
    #expect(Self.ana(try PseudonymKey(bytes: Array("0123456789abcdef".utf8))) == "P-9469X79VN4")

    let folder = TemporaryFolder()
    defer { folder.remove() }
    // 15 bytes after the line end is removed.
    let short = folder.write("short.key", "0123456789abcde\r\n")
    #expect(throws: PrivacyError.keyTooShort(15)) { try PseudonymKey.load(file: short, environment: [:]) }
    let empty = folder.write("empty.key", "")
    #expect(throws: PrivacyError.keyTooShort(0)) { try PseudonymKey.load(file: empty, environment: [:]) }
    // "ß" is 2 bytes in UTF-8: 7 × 2 = 14 bytes, although 7 characters.
    #expect(throws: PrivacyError.keyTooShort(14)) {
      try PseudonymKey.load(file: nil, environment: [PseudonymKey.environmentVariable: String(repeating: "ß", count: 7)])
    }
  }

  @Test("a key file that cannot be read: unreadableKeyFile, even when the environment has a key")
  func unreadable() throws {
    let folder = TemporaryFolder()
    defer { folder.remove() }
    let environment = [PseudonymKey.environmentVariable: testKeyText]
    let missing = folder.file("no-such.key")
    #expect(throws: PrivacyError.unreadableKeyFile(path: missing, reason: "no such file")) {
      try PseudonymKey.load(file: missing, environment: environment)
    }
    #expect(throws: PrivacyError.unreadableKeyFile(path: folder.path, reason: "it is a folder, not a file")) {
      try PseudonymKey.load(file: folder.path, environment: environment)
    }
    // A path through a regular file (ENOTDIR) counts as missing too.
    let file = folder.write("plain", testKeyText)
    #expect(throws: PrivacyError.unreadableKeyFile(path: file + "/key", reason: "no such file")) {
      try PseudonymKey.load(file: file + "/key", environment: environment)
    }
  }

  @Test("the key never shows in descriptions, dumps or reflection")
  func redacted() throws {
    let key = try PseudonymKey(bytes: Array(testKeyText.utf8))
    var dumped = ""
    dump(key, to: &dumped)
    #expect("\(key)" == "PseudonymKey(redacted)")
    #expect(String(reflecting: key) == "PseudonymKey(redacted)")
    // Neither as text nor as byte values: "sil" is 115, 105, 108 (ASCII).
    for text in ["\(key)", String(reflecting: key), dumped] {
      #expect(!text.contains("siloscope-test-key") && !text.contains("115"), "\(text)")
      #expect(text.contains("PseudonymKey"))
    }
    #expect(Mirror(reflecting: key).children.isEmpty)
  }

  @Test("messages name what to do without naming a flag; the kinds are a wrong request and an unavailable input")
  func errors() {
    let noKey = PrivacyError.noKey.description
    // The command line adds --pseudonym-key-file (SiloCLITests).
    #expect(noKey.contains("a file holding it") && noKey.contains("SILOSCOPE_PSEUDONYM_KEY") && !noKey.contains("--"))
    #expect(PrivacyError.keyTooShort(3).description.contains("3 bytes"))
    #expect(PrivacyError.keyTooShort(1).description.contains("1 byte;"))
    #expect(PrivacyError.keyTooShort(3).description.contains("16"))
    #expect(PrivacyError.unreadableKeyFile(path: "/k", reason: "no such file").description == "/k: cannot read the pseudonym key: no such file")
    // The command line exits with sysexits.h's EX_USAGE 64 and EX_NOINPUT 66 for these kinds.
    #expect(PrivacyError.noKey.kind == .invalidRequest)
    #expect(PrivacyError.keyTooShort(3).kind == .invalidRequest)
    #expect(PrivacyError.unreadableKeyFile(path: "/k", reason: "x").kind == .inputUnavailable)
  }
}
