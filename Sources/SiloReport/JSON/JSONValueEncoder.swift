/// The `Encoder` one value of a ``JSONStreamEncoder`` document is encoded with. On the first
/// encoding (`pass == nil`) a single value or an array is written at once and an object's
/// keys are only collected; on a pass (``KeyedPass``) the object's entries that come next in
/// sorted order are written.
final class JSONValueEncoder: Encoder {
  enum Opened {
    case none
    case single
    case unkeyed(count: Int)
    case keyed(keys: [String])
    case recorded(start: Int, entries: [(key: String, start: Int, end: Int)])
  }

  let writer: JSONTextWriter
  let depth: Int
  let compact: Bool
  /// Inside an array: objects are written in one encoding and sorted in the buffer.
  let inArray: Bool
  let pass: KeyedPass?
  var opened = Opened.none
  var codingPath: [any CodingKey] { [] }
  var userInfo: [CodingUserInfoKey: Any] { writer.userInfo }

  init(writer: JSONTextWriter, depth: Int, compact: Bool, inArray: Bool, pass: KeyedPass?) {
    self.writer = writer
    self.depth = depth
    self.compact = compact
    self.inArray = inArray
    self.pass = pass
  }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    if case .none = opened { opened = inArray ? .recorded(start: writer.position, entries: []) : .keyed(keys: []) }
    return KeyedEncodingContainer(JSONKeyedContainer<Key>(encoder: self))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    opened = .unkeyed(count: 0)
    return JSONUnkeyedContainer(encoder: self)
  }

  func singleValueContainer() -> any SingleValueEncodingContainer {
    opened = .single
    return JSONSingleValueContainer(encoder: self)
  }

  /// Inside an array, writes the entry where it comes and records where; outside, records
  /// the key on the first encoding, and on a pass writes the entry if its key is next.
  func keyed<T: Encodable>(_ key: String, _ value: T) throws {
    guard let pass else {
      switch opened {
      case .keyed(var keys):
        keys.append(writer.converted(key))
        opened = .keyed(keys: keys)
      case .recorded(let start, var entries):
        opened = .none
        entries.append(try writer.recordedEntry(key, value, depth: depth, compact: compact))
        opened = .recorded(start: start, entries: entries)
      default: break
      }
      return
    }
    guard pass.next < pass.expected.count, writer.converted(key) == pass.expected[pass.next] else { return }
    try writer.entry(key, value, first: pass.next == 0, depth: depth, compact: compact)
    pass.next += 1
  }

  /// Writes an array element (the array's opening before the first).
  func element<T: Encodable>(_ value: T) throws {
    guard case .unkeyed(let count) = opened else { return }
    if count == 0 {
      try writer.refuseArrayOnTrial(compact: compact)
      writer.append(UInt8(ascii: "["))
    } else {
      writer.append(UInt8(ascii: ","))
    }
    if !compact { writer.newline(depth: depth + 1) }
    try writer.element(value, depth: depth + 1, compact: compact)
    opened = .unkeyed(count: count + 1)
    try writer.flushIfFull()
  }

  /// An array's opening when it has no element (after the encoding, before it is closed).
  func openEmptyArray() throws {
    try writer.refuseArrayOnTrial(compact: compact)
    writer.append(UInt8(ascii: "["))
  }
}

struct JSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let encoder: JSONValueEncoder
  var codingPath: [any CodingKey] { [] }

  mutating func encodeNil(forKey key: Key) throws { try encoder.keyed(key.stringValue, JSONNull()) }
  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try encoder.keyed(key.stringValue, value) }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
    -> KeyedEncodingContainer<NestedKey>
  { preconditionFailure("JSONStreamEncoder does not support nested containers") }
  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    preconditionFailure("JSONStreamEncoder does not support nested containers")
  }
  mutating func superEncoder() -> any Encoder { preconditionFailure("JSONStreamEncoder does not support super encoders") }
  mutating func superEncoder(forKey key: Key) -> any Encoder {
    preconditionFailure("JSONStreamEncoder does not support super encoders")
  }
}

struct JSONUnkeyedContainer: UnkeyedEncodingContainer {
  let encoder: JSONValueEncoder
  var codingPath: [any CodingKey] { [] }
  var count: Int {
    if case .unkeyed(let count) = encoder.opened { return count }
    return 0
  }

  mutating func encodeNil() throws { try encoder.element(JSONNull()) }
  mutating func encode<T: Encodable>(_ value: T) throws { try encoder.element(value) }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
    preconditionFailure("JSONStreamEncoder does not support nested containers")
  }
  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    preconditionFailure("JSONStreamEncoder does not support nested containers")
  }
  mutating func superEncoder() -> any Encoder { preconditionFailure("JSONStreamEncoder does not support super encoders") }
}

struct JSONSingleValueContainer: SingleValueEncodingContainer {
  let encoder: JSONValueEncoder
  var codingPath: [any CodingKey] { [] }

  mutating func encodeNil() throws { encoder.writer.append("null") }
  mutating func encode<T: Encodable>(_ value: T) throws {
    try encoder.writer.value(value, depth: encoder.depth, compact: encoder.compact, inArray: encoder.inArray)
  }
}

/// `null`, as a value of a keyed or unkeyed container.
struct JSONNull: Encodable {
  func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encodeNil()
  }
}
