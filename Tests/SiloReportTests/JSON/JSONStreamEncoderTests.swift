import Foundation
import Testing

@testable import SiloReport

/// The streaming JSON encoder against Foundation's `JSONEncoder` with the settings of every
/// SiloScope document: the same text, byte for byte, for every shape a document has.
@Suite("JSON written while encoded")
struct JSONStreamEncoderTests {
  struct Inner: Codable, Equatable {
    var zeta = 1.5
    var alphaBeta: Int? = nil
    var nodeID = "n/1"
    var eiCILow: Double? = -0.25
  }

  struct Outer: Codable, Equatable {
    var title = "Kwaliteit \"en\" \\ tijd\n\t\u{1}\u{1F}é😀\u{7F}"
    var items: [Inner] = [Inner(), Inner(zeta: 2, alphaBeta: 3, nodeID: "b", eiCILow: nil), Inner(zeta: 1e-7)]
    var empty: [Int] = []
    var emptyObject: [String: Int] = [:]
    var byName: [String: Double] = ["camelCase": 1, "Z": 2, "a_b": 0.1, "ab": 1e21, "é": -0.0]
    var nested: [[Int]] = [[1, 2], [], [3]]
    var flags: [Bool] = [true, false]
    var nothing: Null<Double> = Null(wrappedValue: nil)
    var something: Null<Double> = Null(wrappedValue: 100)
    var numbers: [Double] = [1, 0.1, 1e16, 123456.789, 2.5e-7, .leastNonzeroMagnitude, 1.2345678901234567e20]
    var small: [Int32] = [-3, 7]
    var big: UInt64 = .max
    var inside: Inner = Inner()
    var insideList: [String: [Inner]] = ["x": [Inner()], "a": []]
  }

  static func foundation<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.keyEncodingStrategy = .convertToSnakeCase
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.nonConformingFloatEncodingStrategy = .throw
    return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
  }

  @Test("the same text as JSONEncoder: objects in and outside arrays, dictionaries, empty containers, escapes, numbers, null")
  func sameAsFoundation() throws {
    // Truth: Foundation's JSONEncoder with prettyPrinted, sortedKeys, withoutEscapingSlashes, convertToSnakeCase.
    let value = Outer()
    #expect(try JSONStreamEncoder().text(value) == (try Self.foundation(value)))
    #expect(try JSONStreamEncoder().text([value, value]) == (try Self.foundation([value, value])))
    #expect(try JSONStreamEncoder().text(Inner()) == (try Self.foundation(Inner())))
  }

  @Test("snake_case as JSONEncoder converts keys")
  func snakeCase() {
    // Truth: JSONEncoder.KeyEncodingStrategy.convertToSnakeCase's documented examples and its word rules.
    let cases = [
      ("oneTwoThree", "one_two_three"), ("myURLProperty", "my_url_property"), ("eiCILow", "ei_ci_low"), ("aURL", "a_url"),
      ("x2Y", "x2_y"), ("xY2", "x_y2"), ("aBCd", "a_b_cd"), ("A", "a"), ("AB", "a_b"), ("already_snake", "already_snake"), ("", ""),
    ]
    for (key, expected) in cases { #expect(SnakeCase.converted(key) == expected, "\(key)") }
  }

  @Test("pieces of any size give the same text; a number that is not finite is refused")
  func piecesAndRefusal() throws {
    // Truth: the pieces handed on concatenate to the text; JSONEncoder's .throw strategy refuses NaN.
    let many = (0 ..< 20_000).map { Inner(zeta: Double($0), alphaBeta: $0, nodeID: "p\($0)", eiCILow: nil) }
    var pieces = 0
    var bytes: [UInt8] = []
    try JSONStreamEncoder().encode(["people": many]) {
      pieces += 1
      bytes.append(contentsOf: $0)
    }
    #expect(pieces > 1)
    #expect(String(decoding: bytes, as: UTF8.self) == (try Self.foundation(["people": many])))
    #expect(throws: EncodingError.self) { try JSONStreamEncoder().text([Double.nan]) }
  }

  @Test("compact array elements: the same values, and each element that holds no array on one line")
  func compactElements() throws {
    // Truth: the same document decoded from JSONEncoder's text; an Inner (no array) is one line.
    var encoder = JSONStreamEncoder()
    encoder.compactArrayElements = true
    let text = try encoder.text(Outer())
    let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? NSDictionary
    let reference = try JSONSerialization.jsonObject(with: Data(try Self.foundation(Outer()).utf8)) as? NSDictionary
    #expect(parsed != nil && parsed == reference)
    #expect(text.contains(#"    {"ei_ci_low":-0.25,"node_id":"n/1","zeta":1.5},"#))
    #expect(text.contains("  \"nested\" : [\n    [\n      1,"))
    let lines = text.split(separator: "\n").filter { $0.contains("\"zeta\"") }
    #expect(lines.count == 5)
  }
}
