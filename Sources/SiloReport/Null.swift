/// Encodes an optional as JSON `null` when it is `nil`, instead of leaving the key out (what
/// `JSONEncoder` does for optionals by default): SiloScope's documents promise every key,
/// with `null` for an undefined value, so that other tools can rely on the layout. Decodable
/// when the value is.
@propertyWrapper
public struct Null<Value: Encodable & Hashable & Sendable>: Encodable, Hashable, Sendable {
  public var wrappedValue: Value?

  public init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
  }
}

extension Null: Decodable where Value: Decodable {
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    wrappedValue = container.decodeNil() ? nil : try container.decode(Value.self)
  }
}

extension KeyedDecodingContainer {
  /// A missing key decodes as `nil` too, so older documents still read.
  public func decode<Value: Decodable>(_ type: Null<Value>.Type, forKey key: Key) throws -> Null<Value> {
    try decodeIfPresent(type, forKey: key) ?? Null(wrappedValue: nil)
  }
}
