import Foundation
import Testing
import _SiloTestSupport

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// What one run of the built `siloscope` binary did.
struct CommandResult: CustomStringConvertible {
  var status: Int32
  var out: String
  var err: String

  var description: String { "exit \(status)\n--- stdout\n\(out)\n--- stderr\n\(err)" }

  /// Standard error without the trailing line break.
  var errorLine: String { err.trimmingCharacters(in: .newlines) }
}

/// Runs the built executable with `folder` as its current folder.
///
/// The environment is the test's own with `COLUMNS=80`, so help is laid out for an 80-column
/// terminal whatever terminal (or none) runs the tests.
func siloscope(_ arguments: [String], in folder: TemporaryFolder, environment extra: [String: String] = [:]) throws -> CommandResult {
  try siloscope(arguments, inPath: folder.path, environment: extra)
}

/// Runs the built executable with `path` (a folder inside a ``TemporaryFolder``) as its
/// current folder.
func siloscope(_ arguments: [String], inPath path: String, environment extra: [String: String] = [:]) throws -> CommandResult {
  var environment = ProcessInfo.processInfo.environment
  environment["COLUMNS"] = "80"
  environment["LINES"] = nil
  environment["SILOSCOPE_LANGUAGE"] = nil
  environment["SOURCE_DATE_EPOCH"] = nil
  environment.merge(extra) { $1 }
  let result = try BuiltExecutable.run(arguments, environment: environment, currentDirectory: path)
  return CommandResult(status: result.status, out: result.out, err: result.err)
}

/// Runs `body` with a fresh temporary folder, removed afterwards.
func withTemporaryFolder<T>(_ body: (TemporaryFolder) throws -> T) rethrows -> T {
  let folder = TemporaryFolder()
  defer { folder.remove() }
  return try body(folder)
}

enum Inputs {
  /// The OpenTelemetry Swift commit log: 1,347 rows, 88 people, 28 projects.
  static let otelLog = TestDatasets.path("opentelemetry_swift_commits/log.csv")
  static let lazegaEdges = TestDatasets.path("lazega_lawfirm/edges.csv")
  static let lazegaNodes = TestDatasets.path("lazega_lawfirm/nodes.csv")
}

/// Every file and folder under `path` (hidden ones too), relative path → contents (folders
/// map to an empty value and end in `/`), to check that a refused command touched nothing.
func snapshot(_ path: String) -> [String: Data] {
  var result: [String: Data] = [:]
  let manager = FileManager.default
  guard let enumerator = manager.enumerator(atPath: path) else { return result }
  while let relative = enumerator.nextObject() as? String {
    let full = (path as NSString).appendingPathComponent(relative)
    var isFolder: ObjCBool = false
    _ = manager.fileExists(atPath: full, isDirectory: &isFolder)
    if isFolder.boolValue {
      result[relative + "/"] = Data()
    } else {
      result[relative] = manager.contents(atPath: full) ?? Data("<unreadable>".utf8)
    }
  }
  return result
}

/// The names in a folder, hidden ones included, sorted.
func entries(_ path: String) -> [String] {
  ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
}

func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

func contents(_ path: String) -> String? {
  FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
}

/// The lines of a text, without the empty string after a final line break.
func lines(_ text: String) -> [String] {
  var parts = text.components(separatedBy: "\n")
  if parts.last == "" { parts.removeLast() }
  return parts
}

/// Parses `--format json` output (or summary.json) into a dictionary.
func jsonObject(_ text: String) throws -> [String: Any] {
  let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
  return try #require(value as? [String: Any], "not a JSON object: \(text.prefix(200))")
}

/// A JSON number as a Double.
func number(_ value: Any?) -> Double? {
  if let n = value as? NSNumber { return n.doubleValue }
  if let d = value as? Double { return d }
  if let i = value as? Int { return Double(i) }
  return nil
}

/// A JSON integer.
func integer(_ value: Any?) -> Int? {
  guard let d = number(value), d == d.rounded() else { return nil }
  return Int(d)
}

/// A JSON boolean.
func boolean(_ value: Any?) -> Bool? {
  if let b = value as? Bool { return b }
  if let n = value as? NSNumber { return n.boolValue }
  return nil
}

/// The value of a row of the summary's overview table ("people   88" → "88").
func overviewValue(_ text: String, _ label: String) -> String? {
  for line in lines(text) where line.hasPrefix(label + "  ") {
    return line.dropFirst(label.count).trimmingCharacters(in: .whitespaces)
  }
  return nil
}

/// Counts the elements of a GraphML file with Foundation's XML parser, and collects the node
/// ids, so that what Gephi, NetworkX or igraph will read is checked, not just the text.
final class GraphMLCounter: NSObject, XMLParserDelegate {
  var nodes = 0
  var edges = 0
  var nodeIDs: [String] = []
  var edgeDefault: String?
  var parseError: String?

  /// Parses `data`; `false` when the XML is not well formed.
  func parse(_ data: Data) -> Bool {
    let parser = XMLParser(data: data)
    parser.delegate = self
    let ok = parser.parse()
    if !ok { parseError = parser.parserError.map { "\($0)" } ?? "unknown error" }
    return ok
  }

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
    attributes attributeDict: [String: String] = [:]
  ) {
    switch elementName {
    case "node":
      nodes += 1
      if let id = attributeDict["id"] { nodeIDs.append(id) }
    case "edge":
      edges += 1
    case "graph":
      edgeDefault = attributeDict["edgedefault"]
    default:
      break
    }
  }
}
