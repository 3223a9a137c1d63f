/// Writes an `Encodable` value as JSON text while it is encoded, a piece at a time, so that a
/// document of any size needs no more memory than its deepest object: the text goes to
/// `flush` in pieces of about a megabyte.
///
/// The text is the one Foundation's `JSONEncoder` writes with `.prettyPrinted`, `.sortedKeys`,
/// `.withoutEscapingSlashes`, `.convertToSnakeCase` and non-finite numbers refused (the
/// settings of every SiloScope document), byte for byte: keys are converted to snake_case
/// (the keys of a `[String: …]` dictionary are left as they are, as `JSONEncoder` leaves
/// them) and sorted by their UTF-8 bytes; two spaces indent each level; `"key" : value`;
/// numbers as Swift prints them without a trailing `.0`; strings escaped as `JSONEncoder`
/// escapes them. Optionally (``compactArrayElements``), an element of an array that holds no
/// array is written on one line in `JSONEncoder`'s compact form, so that a list of 100,000
/// people takes 100,000 lines.
///
/// How keys are sorted without holding an object: `JSONEncoder` builds the whole document in
/// memory and sorts each object's keys when it writes it. Here an object is encoded once to
/// learn its keys (their values are not encoded), and then again as often as needed, each
/// pass writing the keys that come next in sorted order as they appear, until all are
/// written (as many passes as the declaration order has descents, at most one per key). The
/// value of each key is encoded exactly once. This relies on `encode(to:)` being free of side
/// effects and giving the same keys each time, as every synthesized and every SiloScope
/// conformance is.
///
/// Nested containers (`nestedContainer`, `superEncoder`) are not supported: no SiloScope
/// document uses them, and they stop the program.
struct JSONStreamEncoder {
  /// An array element holding no array is written on one line, in compact form.
  var compactArrayElements = false
  /// What every `Encoder` of the document offers as its `userInfo`.
  var userInfo: [CodingUserInfoKey: any Sendable] = [:]

  /// The text of `value`, followed by a line break, handed to `flush` in pieces.
  ///
  /// - Throws: `EncodingError.invalidValue` for a number that is not finite; what `flush` throws.
  func encode<T: Encodable>(_ value: T, flush: @escaping ([UInt8]) throws -> Void) throws {
    let writer = JSONTextWriter(compactArrayElements: compactArrayElements, userInfo: userInfo, flush: flush)
    try writer.value(value, depth: 0, compact: false, inArray: false)
    writer.append(UInt8(ascii: "\n"))
    try writer.finish()
  }

  /// The text of `value`, followed by a line break.
  func text<T: Encodable>(_ value: T) throws -> String {
    var bytes: [UInt8] = []
    try encode(value) { bytes.append(contentsOf: $0) }
    return String(decoding: bytes, as: UTF8.self)
  }
}

/// A `[String: Value]` dictionary, whose keys `JSONEncoder` writes unconverted.
protocol JSONStringKeyedDictionary {
  /// The entries, sorted by key.
  var sortedJSONEntries: [(key: String, value: any Encodable)] { get }
}

extension Dictionary: JSONStringKeyedDictionary where Key == String, Value: Encodable {
  var sortedJSONEntries: [(key: String, value: any Encodable)] {
    sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map { ($0.key, $0.value as any Encodable) }
  }
}
