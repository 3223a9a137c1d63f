import Foundation
import Testing
import _SiloTestSupport

/// The report's diagrams are readable in print: every text at 9 pt or more when the whole
/// SVG is scaled to fit the report's A4 frame (505 × 609 pt, proportions kept).
@Suite("printed label sizes")
struct PrintedLabelTests {
  /// The frame of `PrintFrame.reportPage`, written out so that a change there fails here.
  static let (frameWidth, frameHeight, minimum) = (505.0, 609.0, 9.0)

  /// Per text of an SVG: its font size times the scale that fits the drawing in the frame.
  static func printedSizes(_ svg: String) -> [(text: String, size: Double)] {
    func number(_ name: String, in tag: Substring) -> Double? {
      guard let range = tag.range(of: " \(name)=\"") else { return nil }
      let value = tag[range.upperBound...].prefix { $0 != "\"" }
      return Double(value.hasSuffix("pt") ? value.dropLast(2) : value)
    }
    guard let root = svg.range(of: "<svg") else { return [] }
    let tag = svg[root.upperBound...].prefix { $0 != ">" }
    guard let width = number("width", in: tag), let height = number("height", in: tag) else { return [] }
    let scale = min(frameWidth / width, frameHeight / height)
    var out: [(String, Double)] = []
    var rest = svg[...]
    while let start = rest.range(of: "<text ") {
      let open = rest[start.upperBound...].prefix { $0 != ">" }
      let body = rest[open.endIndex...].dropFirst().prefix { $0 != "<" }
      if let size = number("font-size", in: open) { out.append((String(body), size * scale)) }
      rest = rest[body.endIndex...]
    }
    return out
  }

  /// The texts of every SVG in `folder` that print below the minimum, as "file: text (size)".
  static func tooSmall(in folder: String) throws -> (files: Int, texts: Int, small: [String]) {
    let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".svg") }.sorted()
    var (texts, small) = (0, [String]())
    for file in files {
      let sizes = printedSizes(try String(contentsOfFile: folder + "/" + file, encoding: .utf8))
      texts += sizes.count
      small += sizes.filter { $0.size < minimum - 0.01 }.map { "\(file): \($0.text) (\(String(format: "%.2f", $0.size)) pt)" }
    }
    return (files.count, texts, small)
  }

  @Test("the measure reads a drawing too large to print readably")
  func measureCanFail() throws {
    let svg = "<svg width=\"1010pt\" height=\"100pt\"><text x=\"0\" font-size=\"14.00\">A</text><text x=\"0\" font-size=\"20\">B</text></svg>"
    let sizes = Self.printedSizes(svg)
    try #require(sizes.map(\.text) == ["A", "B"])
    #expect(abs(sizes[0].size - 7) < 1e-9)
    #expect(sizes[1].size >= Self.minimum)
  }

  @Test("a small firm (Lazega, 71 lawyers): every text of every diagram prints at 9 pt or more")
  func lazega() throws {
    try withTemporaryFolder { folder in
      let run = try siloscope(
        ["analyze", "--edges", Inputs.lazegaEdges, "--nodes", Inputs.lazegaNodes, "--out", "r", "--quiet"], in: folder)
      #expect(run.status == 0, "\(run)")
      let result = try Self.tooSmall(in: folder.file("r"))
      #expect(result.files == 4)
      #expect(result.texts > 100)
      #expect(result.small.isEmpty, "\(result.small.prefix(10))")
    }
  }

  @Test("a generated organization of 600 people: every text of every diagram prints at 9 pt or more")
  func sixHundred() throws {
    try withTemporaryFolder { folder in
      let generated = try siloscope(["generate", "--people", "600", "--seed", "7", "--output", "org.csv"], in: folder)
      #expect(generated.status == 0, "\(generated)")
      let run = try siloscope(["analyze", "org.csv", "--out", "r", "--quiet"], in: folder)
      #expect(run.status == 0, "\(run)")
      let result = try Self.tooSmall(in: folder.file("r"))
      // The four diagrams and, for a log dated over a year, the two trend charts and the flow
      // of communities (quarters), which must reach 9 pt themselves.
      #expect(result.files == 7)
      let trendFigures = result.small.filter { $0.hasPrefix("trend") || $0.hasPrefix("communities-over-time.svg") }
      #expect(trendFigures.isEmpty, "\(trendFigures.prefix(5))")
      // Reached by the department map and the top broker's network; not yet by the people and
      // communities views: fifteen department boxes side by side make the clustered layout
      // wider than 56 em of 9 pt text (about 7 pt now; see Diagram.fitted).
      withKnownIssue("the clustered layout of 600 people is too wide for 9 pt in print") {
        #expect(result.small.count == 0, "e.g. \(result.small.prefix(5))")
      }
    }
  }
}
