import Foundation
import SiloGraph
import SiloIngest
import SiloRender
import _SiloTestSupport

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// What an SVG holds once an XML parser has read it: the `g` elements by their `class`
/// attribute, every element's text, every attribute value, and the root's `<title>` and
/// `<desc>`. Tests look at names through this, never at raw bytes, so an escaping mistake
/// that still parses (a name turned into markup) shows up as a missing or changed value.
final class SVGScan: NSObject, XMLParserDelegate {
  /// The `class` attribute of every `g` element, in document order.
  private(set) var groupClasses: [String] = []
  /// For each `g` element with a `class`, the text of its first `<title>` child (Graphviz
  /// writes the node or cluster id there), by class.
  private(set) var groupTitles: [String: [String]] = [:]
  /// The `id` of every `g` element with a `class`, by class, in document order.
  private(set) var groupIDs: [String: [String]] = [:]
  /// The text of every `<text>` element (Graphviz draws labels with them).
  private(set) var texts: [String] = []
  /// Every `xlink:title` (tooltip) value.
  private(set) var tooltips: [String] = []
  /// Every attribute value of every element.
  private(set) var attributeValues: [String] = []
  /// The names of the root element's first two child elements.
  private(set) var rootFirstChildren: [String] = []
  /// The text of the root's `<title>` and `<desc>` children.
  private(set) var rootTitle: String?
  private(set) var rootDescription: String?
  private(set) var rootName: String?
  /// The parse error, when the bytes are not well-formed XML.
  private(set) var error: (any Error)?

  private var stack: [String] = []
  private var textBuffers: [String] = []
  private var pendingGroupClass: [String?] = []
  private var titleWanted: String?

  /// Parses `bytes`; check ``error`` before anything else.
  init(_ bytes: [UInt8]) {
    super.init()
    let parser = XMLParser(data: Data(bytes))
    parser.shouldResolveExternalEntities = false
    parser.delegate = self
    if !parser.parse() { error = parser.parserError ?? CocoaError(.fileReadCorruptFile) }
  }

  var parsed: Bool { error == nil }

  /// How many `g` elements have this class.
  func count(_ groupClass: String) -> Int { groupClasses.filter { $0 == groupClass }.count }

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    if stack.isEmpty { rootName = name }
    if stack.count == 1 && rootFirstChildren.count < 2 { rootFirstChildren.append(name) }
    attributeValues.append(contentsOf: attributes.values)
    if let tooltip = attributes["xlink:title"] { tooltips.append(tooltip) }
    if name == "g", let groupClass = attributes["class"] {
      groupClasses.append(groupClass)
      groupIDs[groupClass, default: []].append(attributes["id"] ?? "")
      titleWanted = groupClass
    } else if name != "title" {
      titleWanted = nil
    }
    stack.append(name)
    textBuffers.append("")
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if !textBuffers.isEmpty { textBuffers[textBuffers.count - 1] += string }
  }

  func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
    let text = textBuffers.removeLast()
    stack.removeLast()
    switch name {
    case "text": texts.append(text)
    case "title":
      if stack.count == 1 && rootTitle == nil { rootTitle = text }
      if let groupClass = titleWanted {
        groupTitles[groupClass, default: []].append(text)
        titleWanted = nil
      }
    case "desc":
      if stack.count == 1 && rootDescription == nil { rootDescription = text }
    default: break
    }
  }

  func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) { error = parseError }
}

/// Whether `bytes` begin with `prefix`.
func starts(_ bytes: [UInt8], with prefix: [UInt8]) -> Bool {
  bytes.count >= prefix.count && Array(bytes.prefix(prefix.count)) == prefix
}

/// The eight-byte PNG signature (PNG specification, 5.2).
let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

/// Networks read from the real datasets in `Datasets/`.
enum RenderFixtures {
  /// Lazega's law firm, cowork relation, undirected (ties in both directions merged), with
  /// the practice (`group` column: litigation, corporate) as departments and `label`
  /// (`L01`…) as names.
  static func lazegaCowork() throws -> Network {
    var options = NetworkReadOptions()
    options.relation = "cowork"
    return try NetworkSource.edges(
      path: TestDatasets.path("lazega_lawfirm/edges.csv"), nodes: TestDatasets.path("lazega_lawfirm/nodes.csv"),
      read: options
    ).load().network
  }

  /// Krackhardt's high-tech managers, advice relation, directed, departments from `group`.
  static func krackhardtAdvice() throws -> Network {
    var options = NetworkReadOptions()
    options.relation = "advice"
    options.directedness = .directed
    return try NetworkSource.edges(
      path: TestDatasets.path("krackhardt_hightech/edges.csv"), nodes: TestDatasets.path("krackhardt_hightech/nodes.csv"),
      read: options
    ).load().network
  }

  /// The opentelemetry-swift commit log projected onto developers (shared components).
  static func openTelemetry() throws -> Network {
    try NetworkSource.log(
      path: TestDatasets.path("opentelemetry_swift_commits/log.csv"), people: nil, read: LogReadOptions(),
      projection: ProjectionOptions()
    ).load().network
  }

  /// A network of `names` (ids) in `departments`, with ties `edges` of weight 1.
  static func network(
    names: [String], departments: [String]?, edges: [(Int, Int)], directedness: Directedness = .undirected
  ) -> Network {
    var builder = GraphBuilder(nodeCount: names.count, directedness: directedness)
    for (a, b) in edges { builder.addEdge(NodeID(a), NodeID(b)) }
    return Network(graph: builder.build(), nodes: NodeTable(ids: names), groups: departments.map { Partition(labels: $0) })
  }
}

/// `nil` when `a` and `b` are the same bytes; otherwise a short account of how their lines
/// differ (whether they are the same lines in another order, and the first lines that are
/// only in one of them), for a test's failure message.
func lineDifference(_ a: [UInt8], _ b: [UInt8]) -> String? {
  guard a != b else { return nil }
  let first = String(decoding: a, as: UTF8.self).split(separator: "\n").map(String.init)
  let second = String(decoding: b, as: UTF8.self).split(separator: "\n").map(String.init)
  let onlyFirst = first.filter { !Set(second).contains($0) }
  let onlySecond = second.filter { !Set(first).contains($0) }
  func clip(_ lines: [String]) -> String { lines.prefix(3).map { String($0.prefix(160)) }.joined(separator: " ‖ ") }
  return "lines \(first.count) vs \(second.count); same lines in another order: \(first.sorted() == second.sorted()); "
    + "\(onlyFirst.count) lines only in the first, e.g. \(clip(onlyFirst)); \(onlySecond.count) only in the second, e.g. \(clip(onlySecond))"
}

extension DOTValue {
  /// The label of an `.html` value, else `nil` (for `try #require`).
  var html: HTMLLabel? {
    if case .html(let label) = self { return label }
    return nil
  }

  /// The text of a `.text` value, else `nil`.
  var text: String? {
    if case .text(let text) = self { return text }
    return nil
  }

  /// The number of a `.number` value, else `nil`.
  var number: Double? {
    if case .number(let number) = self { return number }
    return nil
  }
}

extension RenderError {
  /// The stage and message of a `.graphviz` error, else `nil` (for `try #require`).
  var graphvizFailure: (stage: String, message: String)? {
    if case .graphviz(let stage, let message) = self { return (stage, message) }
    return nil
  }
}
