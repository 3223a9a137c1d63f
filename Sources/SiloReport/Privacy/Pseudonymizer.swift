import Crypto
import SiloGraph
import SiloIngest

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A secret key for pseudonyms; never written to any output.
///
/// Whoever holds the key can recompute every pseudonym from a list of names, so the key must
/// stay with the analyst: it is not part of any report, and its ``description`` (what string
/// interpolation, `print` and `dump` show) is redacted.
///
/// ```swift
/// let key = try PseudonymKey.load(file: "pseudonym.key", environment: ProcessInfo.processInfo.environment)
/// let pseudonymizer = Pseudonymizer(key: key)
/// ```
public struct PseudonymKey: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
  /// The key's bytes. (Crypto's `SymmetricKey` is not `Sendable` in swift-crypto 3.12, so the
  /// bytes are kept and a `SymmetricKey` is made for each use.)
  private let bytes: [UInt8]

  /// The key as HMAC takes it.
  var symmetricKey: SymmetricKey { SymmetricKey(data: bytes) }

  /// The fewest bytes a key may have: 16 bytes (128 bits), so that the key cannot be found by
  /// trying keys. (HMAC-SHA-256 accepts any length; RFC 2104 §3 recommends at least the hash's
  /// output length, 32 bytes, which is what `openssl rand -hex 32` gives as 64 characters.)
  public static let minimumByteCount = 16

  /// The environment variable that holds the key when no key file is given.
  public static let environmentVariable = "SILOSCOPE_PSEUDONYM_KEY"

  /// Creates a key from raw bytes.
  ///
  /// - Throws: ``PrivacyError/keyTooShort(_:)`` when `bytes` has fewer than
  ///   ``minimumByteCount`` (16) bytes.
  public init(bytes: [UInt8]) throws(PrivacyError) {
    guard bytes.count >= Self.minimumByteCount else { throw .keyTooShort(bytes.count) }
    self.bytes = bytes
  }

  /// The largest key file read: 4,096 bytes. A key is a short secret (`openssl rand -hex 32`
  /// gives 64 characters); a larger file is the wrong file, and reading `/dev/urandom` by
  /// mistake must not fill the memory.
  public static let maximumFileByteCount = 4096

  /// The key from `file` or, without a file, from the environment variable
  /// ``environmentVariable``. The file wins when both are given.
  ///
  /// Both are read by one rule: the bytes as they are (text or binary), with every line end at
  /// the end removed (any run of "\n" and "\r"), because editors and `echo` add one, Windows
  /// editors add "\r\n", and `export VARIABLE="$(cat file)"` removes trailing "\n" but keeps
  /// "\r". So a key file and the variable set from it give the same key, and the same
  /// pseudonyms. An environment variable that is set but empty counts as not set.
  ///
  /// - Parameters:
  ///   - file: The path of a key file, or `nil`: a regular file of at most
  ///     ``maximumFileByteCount`` bytes.
  ///   - environment: The process environment (`ProcessInfo.processInfo.environment`); a
  ///     parameter so that callers and tests choose it.
  /// - Throws: ``PrivacyError/noKey`` when neither is there,
  ///   ``PrivacyError/unreadableKeyFile(path:reason:)`` when the file cannot be read, is not a
  ///   regular file or is too large, ``PrivacyError/keyTooShort(_:)`` when the key is shorter
  ///   than 16 bytes.
  /// - Complexity: O(*b*), where *b* is the size of the key.
  public static func load(file: String?, environment: [String: String]) throws(PrivacyError) -> PseudonymKey {
    if let file {
      return try PseudonymKey(bytes: withoutLineEnds(try readKeyFile(file)))
    }
    if let value = environment[environmentVariable], !value.isEmpty {
      return try PseudonymKey(bytes: withoutLineEnds(Array(value.utf8)))
    }
    throw .noKey
  }

  /// `bytes` without the "\n" and "\r" at their end.
  static func withoutLineEnds(_ bytes: [UInt8]) -> [UInt8] {
    var bytes = bytes
    while let last = bytes.last, last == 0x0A || last == 0x0D { bytes.removeLast() }
    return bytes
  }

  /// What the user should know about a key file: a warning when other users may read it
  /// (group or others have any permission, as in the common mode 0644). Empty when the file
  /// is private (0600 or 0400) or cannot be checked.
  public static func warnings(forKeyFile path: String) -> [String] {
    var info = stat()
    guard stat(path, &info) == 0 else { return [] }
    let mode = info.st_mode & 0o777
    guard mode & 0o077 != 0 else { return [] }
    return ["\(path): the pseudonym key file can be read by other users (mode \(String(mode, radix: 8))); whoever reads the key can recompute every pseudonym: restrict it with chmod 600"]
  }

  /// The whole file, read with POSIX calls so that the reason for a failure is the system's.
  private static func readKeyFile(_ path: String) throws(PrivacyError) -> [UInt8] {
    var info = stat()
    if stat(path, &info) != 0 {
      let reason = errno == ENOENT || errno == ENOTDIR ? "no such file" : String(cString: strerror(errno))
      throw .unreadableKeyFile(path: path, reason: reason)
    }
    if (info.st_mode & S_IFMT) == S_IFDIR {
      throw .unreadableKeyFile(path: path, reason: "it is a folder, not a file")
    }
    if (info.st_mode & S_IFMT) != S_IFREG {
      throw .unreadableKeyFile(path: path, reason: "it is not a regular file (a device, a pipe or a socket)")
    }
    let fd = open(path, O_RDONLY | O_NONBLOCK)
    if fd < 0 { throw .unreadableKeyFile(path: path, reason: String(cString: strerror(errno))) }
    defer { close(fd) }
    if fstat(fd, &info) != 0 || (info.st_mode & S_IFMT) != S_IFREG {
      throw .unreadableKeyFile(path: path, reason: "it is not a regular file (a device, a pipe or a socket)")
    }
    var result: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
      let got = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if got < 0 {
        if errno == EINTR { continue }
        throw .unreadableKeyFile(path: path, reason: String(cString: strerror(errno)))
      }
      if got == 0 { break }
      result.append(contentsOf: chunk[0 ..< got])
      if result.count > maximumFileByteCount {
        throw .unreadableKeyFile(
          path: path,
          reason: "it holds more than \(maximumFileByteCount) bytes; a key is 16 to \(maximumFileByteCount) bytes, "
            + "for example the 64 characters of `openssl rand -hex 32`")
      }
    }
    return result
  }

  /// HMAC-SHA-256(key, UTF-8 of `text`) in lowercase hexadecimal, for a key that is text (what
  /// a SQL engine is given to compute the same pseudonyms: `siloscope sql --pseudonymize`).
  ///
  /// - Throws: ``PrivacyError/keyNotText`` when the key's bytes are not UTF-8 or hold control
  ///   characters.
  public func textKeyHMAC(of text: String) throws(PrivacyError) -> String {
    guard let decoded = String(validating: bytes, as: UTF8.self), !decoded.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
    else { throw .keyNotText }
    let code = HMAC<SHA256>.authenticationCode(for: Array(text.utf8), using: symmetricKey)
    return code.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
  }

  /// `PseudonymKey(redacted)`: the key's bytes are never shown.
  public var description: String { "PseudonymKey(redacted)" }
  /// `PseudonymKey(redacted)`: the key's bytes are never shown.
  public var debugDescription: String { description }
  /// A mirror without children, so that `dump` and debuggers do not show the key.
  public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}

/// Keyed, stable pseudonyms: HMAC-SHA-256(key, UTF-8 of the normalized id), first 50 bits in Crockford
/// base32 (digits and capitals without I, L, O, U), prefixed "P-": "P-7K2M9QXW4D". Same key +
/// same id → same pseudonym across runs and files; without the key the mapping cannot be
/// recomputed or reversed.
///
/// ```
/// pseudonym(id) = "P-" + crockford32(HMAC-SHA-256(key, utf8(id)))[0 ..< 10]
/// ```
///
/// Conventions:
/// - The HMAC is taken over the UTF-8 bytes of the id normalized as every reader normalizes
///   names (SiloIngest's `Names.normalized(_:)`: Unicode NFC, invisible characters removed,
///   spaces collapsed), with no case folding. "José" written with a precomposed "é" (U+00E9)
///   and with "e" + U+0301 therefore has one pseudonym, as it is one person.
/// - Base32 digits take the HMAC's bits most significant first: digit *i* is bits
///   5*i* ..< 5*i* + 5 of the 256-bit HMAC read as one big-endian number; the 52nd (last)
///   digit holds bit 255 followed by four zero bits. The alphabet is Crockford's,
///   `0123456789ABCDEFGHJKMNPQRSTVWXYZ`.
/// - 50 bits make accidental equal pseudonyms rare (about *n*²/2⁵¹ for *n* people: 1 in
///   2,250 for 1,000,000 people); ``pseudonyms(for:)`` removes the rest by lengthening.
///
/// HMAC is a pseudorandom function as long as SHA-256's compression function is one
/// ([Bellare 2006]; HMAC itself: [Bellare, Canetti & Krawczyk 1996], RFC 2104), so without the
/// key a pseudonym says nothing about the id, and nobody can check a guessed name against a
/// pseudonym. A plain hash of the id could be reversed by hashing a list of staff names; a
/// keyed hash cannot. The pseudonyms are still personal data under the GDPR (Article 4(5),
/// Recital 26) for whoever holds the key.
///
/// [Bellare 2006]: <https://eprint.iacr.org/2006/043>
/// [Bellare, Canetti & Krawczyk 1996]: <https://doi.org/10.1007/3-540-68697-5_1>
///
/// > M. Bellare. "New Proofs for NMAC and HMAC: Security without Collision-Resistance."
/// > *CRYPTO 2006*, LNCS 4117.
/// > M. Bellare, R. Canetti, H. Krawczyk. "Keying Hash Functions for Message Authentication."
/// > *CRYPTO '96*, LNCS 1109, pp. 1–15.
public struct Pseudonymizer: Sendable {
  private let key: PseudonymKey

  /// The prefix of every pseudonym.
  static let prefix = "P-"
  /// The number of base32 digits of a pseudonym that clashes with no other (50 bits).
  static let shortLength = 10
  /// The number of base32 digits that hold all 256 bits of the HMAC.
  static let fullLength = 52
  /// Crockford's base32 alphabet.
  private static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)

  /// Creates a pseudonymizer that uses `key`.
  public init(key: PseudonymKey) { self.key = key }

  /// The pseudonym of `id`: "P-" and the first 10 base32 digits (50 bits) of
  /// HMAC-SHA-256(key, UTF-8 of `id` normalized).
  ///
  /// The empty id has a pseudonym too. Two ids can share a pseudonym (with probability 2⁻⁵⁰
  /// per pair); use ``pseudonyms(for:)`` for a set of ids that must stay apart.
  ///
  /// - Complexity: O(*b*), where *b* is the length of `id` in UTF-8 bytes.
  public func pseudonym(for id: String) -> String {
    Self.pseudonym(of: Self.digest(of: id, using: key.symmetricKey), length: Self.shortLength)
  }

  /// Pseudonyms for `ids` (distinct ids), each as ``pseudonym(for:)``; where two would collide,
  /// both are lengthened (more base32 characters of the same HMAC: 12, 14, … up to the full 256
  /// bits) until unique, so the result is deterministic and injective.
  ///
  /// Ids that would share a pseudonym are lengthened two digits at a time, only as far as they
  /// need: of three ids sharing 10 digits, where two also share the next two, one gets 12 digits
  /// and two get 14. A pseudonym depends only on its id and on the other ids in `ids`, never on
  /// their order. An id given twice (the same UTF-8 bytes) gets the same pseudonym both times.
  ///
  /// A lengthened pseudonym depends on which other ids were given: the same person can be
  /// `P-NBP9GJ6VT6JQ` in a run where someone clashes with them and `P-NBP9GJ6VT6` in a run
  /// where nobody does. The first ten digits never change, so match people across runs on
  /// "P-" and ten digits.
  ///
  /// - Returns: One pseudonym per element of `ids`, in the same order.
  /// - Complexity: O(*B*) for the HMACs, *B* the total UTF-8 length of the ids, plus expected
  ///   O(*n*) for finding clashes.
  public func pseudonyms(for ids: [String]) -> [String] {
    let key = key.symmetricKey
    return Self.pseudonyms(forDigests: ids.map { Self.digest(of: $0, using: key) })
  }

  /// The network with every person id replaced by its pseudonym. Node attributes: `department`
  /// (`NodeAttribute.department`) is kept; `manager` (a person id) is mapped through the same
  /// pseudonyms (a manager who is not a node gets ``pseudonym(for:)`` too); `role` is dropped
  /// unless `keepingRole`, because a role held by one person ("Burgemeester", "Hoofd
  /// Juridische Zaken") names that person as surely as their name; every other attribute
  /// (label, e-mail, free columns) is dropped because it may hold names. The graph and the
  /// groups (departments) are unchanged.
  ///
  /// The ids are pseudonymized together with ``pseudonyms(for:)``, managers who are not nodes
  /// included, so no two people (nodes or managers) share a pseudonym. A manager value names a
  /// node when `NodeTable.node(withID:)` finds it; an empty manager value stays empty.
  /// Attributes are matched by their exact names (`department`, `role`, `manager`); a column
  /// named otherwise (`Manager`, `team_lead`) is dropped. Node numbering is unchanged, so the
  /// order of the nodes is still the order of the input: if the input was sorted by name, sort
  /// by pseudonym before showing people in that order.
  ///
  /// - Complexity: O(*n* + *a*·*n*) plus the HMACs, for *n* nodes and *a* attributes.
  ///
  /// `units` are attributes kept as the department is: the organization's levels and unit
  /// paths (SiloIngest's `GroupingSummary`), which name units, not people.
  public func apply(to network: Network, keepingRole: Bool = false, units: Set<String> = []) -> Network {
    let table = network.nodes
    let managerColumn = table.attributeColumn(NodeAttribute.manager)
    // Managers who are not nodes, each once, in order of first appearance.
    var outsideManagers: [String] = []
    var outsideIndex: [String: Int] = [:]
    for case let value? in managerColumn ?? [] where !value.isEmpty && table.node(withID: value) == nil {
      if outsideIndex[value] == nil {
        outsideIndex[value] = table.count + outsideManagers.count
        outsideManagers.append(value)
      }
    }
    let names = pseudonyms(for: table.ids + outsideManagers)
    var result = NodeTable(ids: Array(names[0 ..< table.count]))
    for attribute in table.attributeNames {
      switch attribute {
      case NodeAttribute.department:
        result.setAttributeColumn(attribute, table.attributeColumn(attribute)!)
      case NodeAttribute.role where keepingRole:
        result.setAttributeColumn(attribute, table.attributeColumn(attribute)!)
      case _ where units.contains(attribute):
        result.setAttributeColumn(attribute, table.attributeColumn(attribute)!)
      case NodeAttribute.manager:
        result.setAttributeColumn(
          attribute,
          managerColumn!.map { value in
            guard let value, !value.isEmpty else { return value }
            if let node = table.node(withID: value) { return names[node.index] }
            return names[outsideIndex[value]!]
          })
      default:
        continue
      }
    }
    return Network(graph: network.graph, nodes: result, groups: network.groups)
  }

  /// The roles held by exactly one person in `network` (`role` attribute): under pseudonyms
  /// such a role identifies its holder, so keeping roles deserves a warning.
  public static func uniqueRoles(in network: Network) -> Int {
    guard let roles = network.nodes.attributeColumn(NodeAttribute.role) else { return 0 }
    var counts: [String: Int] = [:]
    for case let role? in roles where !role.isEmpty { counts[role, default: 0] += 1 }
    return counts.values.filter { $0 == 1 }.count
  }

  /// HMAC-SHA-256(key, UTF-8 of `id` normalized): 32 bytes.
  private static func digest(of id: String, using key: SymmetricKey) -> [UInt8] {
    Array(HMAC<SHA256>.authenticationCode(for: Array(Names.normalized(id).utf8), using: key))
  }

  /// "P-" and the first `length` Crockford base32 digits of `digest`, most significant bit
  /// first; bits past the end of `digest` count as zeros.
  static func pseudonym(of digest: [UInt8], length: Int) -> String {
    var text: [UInt8] = Array(prefix.utf8)
    text.reserveCapacity(prefix.utf8.count + length)
    for i in 0 ..< length {
      var value = 0
      for bit in 5 * i ..< 5 * i + 5 {
        let byte = bit / 8
        let set = byte < digest.count && digest[byte] & (0x80 >> UInt8(bit % 8)) != 0
        value = value << 1 | (set ? 1 : 0)
      }
      text.append(alphabet[value])
    }
    return String(decoding: text, as: UTF8.self)
  }

  /// The collision-free pseudonyms of a list of HMACs (the lengthening behind
  /// ``pseudonyms(for:)``), internal so that tests can hand it digests that clash on purpose.
  ///
  /// Equal digests get equal pseudonyms. Distinct digests start with ``shortLength`` digits;
  /// every group that shares its digits is lengthened by two, and split again, until each is
  /// alone or all 256 bits (``fullLength`` digits) are used, where distinct digests differ.
  ///
  /// - Precondition: every digest has 32 bytes.
  static func pseudonyms(forDigests digests: [[UInt8]]) -> [String] {
    precondition(digests.allSatisfy { $0.count == 32 }, "an HMAC-SHA-256 digest has 32 bytes")
    var distinct: [[UInt8]] = []
    var number: [[UInt8]: Int] = [:]
    let slot = digests.map { digest in
      if let n = number[digest] { return n }
      number[digest] = distinct.count
      distinct.append(digest)
      return distinct.count - 1
    }
    // The number of digits each distinct digest needs. First round: group by the top 50 bits
    // as one integer (10 digits); the rare groups that share them are split again by their
    // digits, two more at a time.
    var length = [Int](repeating: shortLength, count: distinct.count)
    var byTopBits: [UInt64: [Int]] = [:]
    for (i, digest) in distinct.enumerated() {
      let top = digest[0 ..< 8].reduce(0) { $0 << 8 | UInt64($1) } >> (64 - 5 * UInt64(shortLength))
      byTopBits[top, default: []].append(i)
    }
    var pending = byTopBits.values.filter { $0.count > 1 }
    while let members = pending.popLast() {
      // Every member shares its first `length[members[0]]` digits with the others.
      let longer = length[members[0]] + 2
      for i in members { length[i] = longer }
      guard longer < fullLength else { continue }  // all 256 bits: distinct digests now differ
      var byDigits: [String: [Int]] = [:]
      for i in members { byDigits[pseudonym(of: distinct[i], length: longer), default: []].append(i) }
      pending += byDigits.values.filter { $0.count > 1 }
    }
    let names = distinct.indices.map { pseudonym(of: distinct[$0], length: length[$0]) }
    return slot.map { names[$0] }
  }
}
