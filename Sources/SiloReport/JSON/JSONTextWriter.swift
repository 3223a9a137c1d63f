/// The text of ``JSONStreamEncoder``: a buffer handed on in pieces, the layout of objects and
/// arrays, and the scalars as `JSONEncoder` writes them.
final class JSONTextWriter {
  private var buffer: [UInt8] = []
  private let flushing: ([UInt8]) throws -> Void
  let compactArrayElements: Bool
  let userInfo: [CodingUserInfoKey: Any]
  /// Whether an array element is being written on trial in compact form (it is taken back
  /// if it holds an array).
  private var onTrial = false
  /// How many objects and trials are open whose text must stay in the buffer (to be sorted or
  /// taken back); nothing is handed on while any is.
  private var holding = 0
  /// Whether each type met is a `[String: …]` dictionary (a cast per value costs more than
  /// the writing).
  private var dictionaryTypes: [ObjectIdentifier: Bool] = [:]
  /// The sorted order of the keys of each object type met, by the keys in encoding order.
  private var keyOrders: [ObjectIdentifier: (keys: [String], order: [Int])] = [:]
  /// snake_case of each key seen, with its quotes.
  private var keyText: [String: (converted: String, pretty: [UInt8], compact: [UInt8])] = [:]

  /// Thrown inside an array element written on trial when it holds an array.
  struct HoldsArray: Error {}

  init(compactArrayElements: Bool, userInfo: [CodingUserInfoKey: any Sendable], flush: @escaping ([UInt8]) throws -> Void) {
    self.compactArrayElements = compactArrayElements
    self.userInfo = userInfo
    flushing = flush
    buffer.reserveCapacity(1 << 20)
  }

  func append(_ byte: UInt8) { buffer.append(byte) }
  func append(_ bytes: [UInt8]) { buffer.append(contentsOf: bytes) }
  func append(_ text: StaticString) {
    text.withUTF8Buffer { buffer.append(contentsOf: $0) }
  }

  /// Hands the text on once a megabyte has gathered (never while text is held).
  func flushIfFull() throws {
    guard holding == 0, buffer.count >= 1 << 20 else { return }
    try flushing(buffer)
    buffer.removeAll(keepingCapacity: true)
  }

  func finish() throws {
    if !buffer.isEmpty { try flushing(buffer) }
    buffer.removeAll()
  }

  func newline(depth: Int) {
    buffer.append(UInt8(ascii: "\n"))
    for _ in 0 ..< depth { buffer.append(contentsOf: [0x20, 0x20]) }
  }

  /// Writes `value` at `depth`, compact or pretty. An object inside an array is written in
  /// one encoding and its entries sorted in the buffer; an object outside every array (the
  /// document and its parts, which hold the long arrays) over several passes
  /// (``keyedPasses(_:keys:depth:compact:)``), so that its text is never held.
  func value<T: Encodable>(_ value: T, depth: Int, compact: Bool, inArray: Bool) throws {
    if try scalar(value) { return }
    if isDictionary(T.self), let dictionary = value as? any JSONStringKeyedDictionary {
      return try object(dictionary.sortedJSONEntries, depth: depth, compact: compact, inArray: inArray)
    }
    let encoder = JSONValueEncoder(writer: self, depth: depth, compact: compact, inArray: inArray, pass: nil)
    if inArray { holding += 1 }
    defer { if inArray { holding -= 1 } }
    try value.encode(to: encoder)
    switch encoder.opened {
    case .none: try object([], depth: depth, compact: compact, inArray: inArray)
    case .single: return
    case .unkeyed(let count):
      if count == 0 { try encoder.openEmptyArray() }
      close(UInt8(ascii: "]"), isEmpty: count == 0, depth: depth, compact: compact)
    case .keyed(let keys): try keyedPasses(value, keys: keys, depth: depth, compact: compact)
    case .recorded(let start, let entries):
      sortRecorded(from: start, entries, type: ObjectIdentifier(T.self), depth: depth, compact: compact)
    }
  }

  /// An element of an array: on one line when asked and it holds no array, else pretty.
  func element<T: Encodable>(_ value: T, depth: Int, compact: Bool) throws {
    guard compactArrayElements && !compact && !onTrial else {
      return try self.value(value, depth: depth, compact: compact, inArray: true)
    }
    let start = buffer.count
    onTrial = true
    holding += 1
    defer { holding -= 1 }
    do {
      try self.value(value, depth: depth, compact: true, inArray: true)
      onTrial = false
    } catch is HoldsArray {
      onTrial = false
      buffer.removeSubrange(start...)
      try self.value(value, depth: depth, compact: false, inArray: true)
    }
  }

  /// Whether the element on trial must be taken back because it holds an array.
  func refuseArrayOnTrial(compact: Bool) throws {
    if compact && onTrial { throw HoldsArray() }
  }

  /// Where the text of an entry recorded in one encoding starts (its separator not written).
  var position: Int { buffer.count }

  /// Writes a recorded entry: its line, key and value (the separator comes when sorted).
  func recordedEntry<T: Encodable>(_ key: String, _ value: T, depth: Int, compact: Bool) throws -> (key: String, start: Int, end: Int) {
    let start = buffer.count
    if !compact { newline(depth: depth + 1) }
    let text = quotedKey(key)
    append(compact ? text.compact : text.pretty)
    try self.value(value, depth: depth + 1, compact: compact, inArray: true)
    return (converted(key), start, buffer.count)
  }

  private func isDictionary<T>(_ type: T.Type) -> Bool {
    let id = ObjectIdentifier(type)
    if let known = dictionaryTypes[id] { return known }
    let answer = type is any JSONStringKeyedDictionary.Type
    dictionaryTypes[id] = answer
    return answer
  }

  /// The positions of `keys` in sorted order (UTF-8 bytes), remembered per type.
  private func sortedOrder(of keys: [String], type: ObjectIdentifier) -> [Int] {
    if let known = keyOrders[type], known.keys == keys { return known.order }
    let order = keys.indices.sorted { keys[$0].utf8.lexicographicallyPrecedes(keys[$1].utf8) }
    keyOrders[type] = (keys, order)
    return order
  }

  /// Rewrites the entries recorded from `start` in sorted key order, as an object.
  private func sortRecorded(
    from start: Int, _ entries: [(key: String, start: Int, end: Int)], type: ObjectIdentifier, depth: Int, compact: Bool
  ) {
    let region = Array(buffer[start...])
    buffer.removeSubrange(start...)
    append(UInt8(ascii: "{"))
    for (i, k) in sortedOrder(of: entries.map(\.key), type: type).enumerated() {
      if i > 0 { append(UInt8(ascii: ",")) }
      buffer.append(contentsOf: region[(entries[k].start - start) ..< (entries[k].end - start)])
    }
    close(UInt8(ascii: "}"), isEmpty: entries.isEmpty, depth: depth, compact: compact)
  }

  /// Writes an object's keys in sorted order, over as many encoding passes as it takes.
  private func keyedPasses<T: Encodable>(_ value: T, keys: [String], depth: Int, compact: Bool) throws {
    let sorted = Array(Set(keys)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    guard !sorted.isEmpty else { return try object([], depth: depth, compact: compact, inArray: false) }
    append(UInt8(ascii: "{"))
    let pass = KeyedPass(expected: sorted)
    while pass.next < sorted.count {
      let before = pass.next
      try value.encode(to: JSONValueEncoder(writer: self, depth: depth, compact: compact, inArray: false, pass: pass))
      guard pass.next > before else {
        throw EncodingError.invalidValue(
          value, .init(codingPath: [], debugDescription: "\(T.self) encoded other keys on a second pass"))
      }
    }
    close(UInt8(ascii: "}"), isEmpty: false, depth: depth, compact: compact)
  }

  /// Writes one entry of an object: the separator, the key and the value.
  func entry<T: Encodable>(_ key: String, _ value: T, first: Bool, depth: Int, compact: Bool) throws {
    if !first { append(UInt8(ascii: ",")) }
    if !compact { newline(depth: depth + 1) }
    let text = quotedKey(key)
    append(compact ? text.compact : text.pretty)
    try self.value(value, depth: depth + 1, compact: compact, inArray: false)
    try flushIfFull()
  }

  /// Writes an object given as entries (already in order).
  private func object(_ entries: [(key: String, value: any Encodable)], depth: Int, compact: Bool, inArray: Bool) throws {
    append(UInt8(ascii: "{"))
    for (i, entry) in entries.enumerated() {
      if i > 0 { append(UInt8(ascii: ",")) }
      if !compact { newline(depth: depth + 1) }
      string(entry.key)
      append(compact ? ":" : " : ")
      try value(entry.value, depth: depth + 1, compact: compact, inArray: inArray)
    }
    close(UInt8(ascii: "}"), isEmpty: entries.isEmpty, depth: depth, compact: compact)
  }

  /// Ends an object or array whose opening and entries are written: pretty, on a line of its
  /// own (after an empty line when it has no entry, as `JSONEncoder` writes `[\n\n]`).
  func close(_ bracket: UInt8, isEmpty: Bool, depth: Int, compact: Bool) {
    if !compact {
      if isEmpty { newline(depth: 0) }
      newline(depth: depth)
    }
    append(bracket)
  }

  /// The key converted to snake_case (as `JSONEncoder.KeyEncodingStrategy.convertToSnakeCase`).
  func converted(_ key: String) -> String {
    if let known = keyText[key] { return known.converted }
    return remember(key).converted
  }

  private func quotedKey(_ key: String) -> (pretty: [UInt8], compact: [UInt8]) {
    let known = keyText[key] ?? remember(key)
    return (known.pretty, known.compact)
  }

  private func remember(_ key: String) -> (converted: String, pretty: [UInt8], compact: [UInt8]) {
    let converted = SnakeCase.converted(key)
    let start = buffer.count
    string(converted)
    let quoted = Array(buffer[start...])
    buffer.removeSubrange(start...)
    let entry = (converted, quoted + Array(" : ".utf8), quoted + [UInt8(ascii: ":")])
    keyText[key] = entry
    return entry
  }
}

/// The keys of one object and how far the passes have written them.
final class KeyedPass {
  let expected: [String]
  var next = 0
  init(expected: [String]) { self.expected = expected }
}
