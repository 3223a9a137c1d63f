import SiloGraph
import Foundation
#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Writes a network as GraphML, which Gephi, NetworkX (`read_graphml`), igraph
/// (`Graph.Read_GraphML`) and yEd read.
///
/// Node ids are the ids of the input; every node attribute becomes a string-typed `<key>`;
/// tie weights are a double-typed key named `weight`. Extra per-node numbers (such as a
/// centrality) can be added as double-typed keys with `nodeScores`.
public enum GraphMLWriter {
  public static func graphML(
    _ network: Network, graphName: String = "SiloScope", nodeScores: [(name: String, values: [Double])] = []
  ) -> String {
    var out = ""
    write(network, graphName: graphName, nodeScores: nodeScores, to: &out)
    return out
  }

  /// Writes the document ``graphML(_:graphName:nodeScores:)`` makes into `out`, node by node
  /// and tie by tie (for a file: nothing held whole in memory).
  public static func write(
    _ network: Network, graphName: String = "SiloScope", nodeScores: [(name: String, values: [Double])] = [],
    to out: inout some TextOutputStream
  ) {
    let graph = network.graph
    out.write("""
      <?xml version="1.0" encoding="UTF-8"?>
      <graphml xmlns="http://graphml.graphdrawing.org/xmlns" \
      xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
      xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">

      """)
    let attributes = network.nodes.attributeNames
    for (i, name) in attributes.enumerated() {
      out.write("  <key id=\"n\(i)\" for=\"node\" attr.name=\"\(escape(name))\" attr.type=\"string\"/>\n")
    }
    for (i, score) in nodeScores.enumerated() {
      out.write("  <key id=\"s\(i)\" for=\"node\" attr.name=\"\(escape(score.name))\" attr.type=\"double\"/>\n")
    }
    out.write("  <key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n")
    out.write("  <graph id=\"\(escape(graphName))\" edgedefault=\"\(graph.isDirected ? "directed" : "undirected")\">\n")
    let columns = attributes.map { network.nodes.attributeColumn($0)! }
    for v in 0 ..< graph.nodeCount {
      out.write("    <node id=\"\(escape(network.nodes.ids[v]))\">")
      for (i, column) in columns.enumerated() {
        if let value = column[v] { out.write("<data key=\"n\(i)\">\(escape(value))</data>") }
      }
      for (i, score) in nodeScores.enumerated() where !score.values[v].isNaN {
        out.write("<data key=\"s\(i)\">\(score.values[v])</data>")
      }
      out.write("</node>\n")
    }
    for edge in graph.edges {
      out.write(
        "    <edge source=\"\(escape(network.nodes.ids[edge.source.index]))\" "
          + "target=\"\(escape(network.nodes.ids[edge.target.index]))\"><data key=\"w\">\(edge.weight)</data></edge>\n")
    }
    out.write("  </graph>\n</graphml>\n")
  }

  /// Escapes text for XML content and attribute values, after removing the characters
  /// ``Names/printable(_:)`` removes (among them every character XML 1.0 forbids).
  public static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in Names.printable(text).unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      case "\t", "\n", "\r": out += "&#\(scalar.value);"
      default:
        if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
          out.unicodeScalars.append("\u{FFFD}")
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }
}

/// Reads GraphML written by Gephi, NetworkX, igraph or SiloScope.
///
/// Node attributes become node-table attributes (by `attr.name`); the edge key named `weight`
/// (or the one chosen with ``NetworkReadOptions/weightColumn``) gives tie weights, 1 where
/// absent. The group attribute is chosen like a node list's group column. `edgedefault`
/// decides directedness unless the options ask for directed ties.
enum GraphMLReader {
  static func read(_ input: InputFile, options: NetworkReadOptions) throws(IngestError) -> LoadedNetwork {
    let delegate = try parsed(input)
    var report = IngestReport(file: input.name, format: "graphml")
    report.encoding = input.encoding
    let groupKey = try self.groupKey(delegate, options: options, file: input.name)
    var table = NodeTable()
    var names = StringNameTable()
    readNodes(delegate, groupKey: groupKey, file: input.name, into: &table, names: &names, report: &report)
    let directed = options.directedness == .directed || delegate.edgeDefaultDirected
    var builder = GraphBuilder(nodeCount: table.count, directedness: directed ? .directed : .undirected)
    readEdges(delegate, options: options, file: input.name, into: &builder, table: &table, names: &names, report: &report)
    report.warnings += names.counter.warnings
    if report.rowsRead == 0 { throw .noDataRows(file: input.name) }
    let built = builder.buildWithStatistics()
    if built.parallelTiesMerged > 0 { report.warnings.append(.parallelTiesMerged(built.parallelTiesMerged)) }
    let groups = groupKey.flatMap { _ in Network.partition(of: table, by: NodeAttribute.department) }
    return LoadedNetwork(
      network: Network(graph: built.graph, nodes: table, groups: groups),
      groupAttribute: groupKey == nil ? nil : NodeAttribute.department,
      parallelTiesMerged: built.parallelTiesMerged, selfLoopTies: built.selfLoopTies, reports: [report])
  }

  /// The document parsed into keys, nodes and edges; a document that is not well-formed XML
  /// or not GraphML is an error at its line and column.
  private static func parsed(_ input: InputFile) throws(IngestError) -> Delegate {
    let delegate = Delegate()
    let parser = XMLParser(data: Data(blankingProcessingInstructions(input.bytes)))
    parser.delegate = delegate
    // FoundationXML on Linux returns `true` from `parse()` for a document that ends before its
    // elements are closed (a file cut off), setting only `parserError`: check both.
    if !parser.parse() || parser.parserError != nil {
      let message = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "not well-formed XML"
      throw .malformed(
        SourceLocation(file: input.name, line: parser.lineNumber, column: parser.columnNumber),
        reason: "not valid GraphML: \(delegate.failure ?? message)")
    }
    if let failure = delegate.failure {
      throw .malformed(SourceLocation(file: input.name, line: delegate.failureLine), reason: failure)
    }
    return delegate
  }

  /// The node key holding the group: the one the options name (an error when none has that
  /// name), else the first of the group aliases; `nil` without one.
  private static func groupKey(_ delegate: Delegate, options: NetworkReadOptions, file: String) throws(IngestError) -> String? {
    let names = delegate.keys.values.filter { $0.domain != "edge" }.map(\.name)
    guard let chosen = options.groupColumn else {
      return NetworkReader.groupAliases.lazy.compactMap { alias in names.first { HeaderMatching.normalized($0) == alias } }.first
    }
    guard let key = names.first(where: { HeaderMatching.normalized($0) == HeaderMatching.normalized(chosen) }) else {
      throw .missingColumn(file: file, role: "group", tried: [chosen], header: names.sorted())
    }
    return key
  }

  /// The declared nodes with their attributes (the group key as the department), skipping
  /// nodes without an id, with too long an id or declared twice.
  private static func readNodes(
    _ delegate: Delegate, groupKey: String?, file: String, into table: inout NodeTable, names: inout StringNameTable,
    report: inout IngestReport
  ) {
    let limit = ProjectLogReader.maximumNameBytes
    for node in delegate.nodes {
      report.rowsRead += 1
      let location = SourceLocation(file: file, line: node.line)
      let id = names.normalize(node.id)
      if id.isEmpty { report.skip(.missing(.id), at: location); continue }
      if id.utf8.count > limit { report.skip(.nameTooLong(.id, limit: limit), at: location); continue }
      if table.node(withID: id) != nil {
        report.skip(.repeated(.node, firstLine: nil), at: location)
        continue
      }
      let v = table.add(id: id)
      for (key, value) in node.data.sorted(by: { $0.key < $1.key }) {
        guard let info = delegate.keys[key] else { continue }
        // A key literally named "department" that is not the group keeps its own name (with
        // its key id), so that it does not overwrite the group, as in a node list.
        let name =
          info.name == groupKey
          ? NodeAttribute.department
          : groupKey != nil && info.name == NodeAttribute.department ? "\(info.name) (key \(key))" : info.name
        table.setAttribute(names.normalize(name), to: names.normalize(value), for: v)
      }
      report.rowsUsed += 1
    }
  }

  /// The edges with their weights (the `weight` key, or the one the options name; 1 where
  /// absent), adding endpoints not declared as nodes (with a warning) and skipping edges
  /// with an unusable weight or endpoint.
  private static func readEdges(
    _ delegate: Delegate, options: NetworkReadOptions, file: String, into builder: inout GraphBuilder, table: inout NodeTable,
    names: inout StringNameTable, report: inout IngestReport
  ) {
    let limit = ProjectLogReader.maximumNameBytes
    let weightKey = delegate.keys.first { $0.value.domain != "node" && $0.value.name == (options.weightColumn ?? "weight") }?.key
    var added = 0
    for edge in delegate.edges {
      report.rowsRead += 1
      let location = SourceLocation(file: file, line: edge.line)
      var weight = 1.0
      if let weightKey, let text = edge.data[weightKey] {
        var copy = text
        switch FieldParsing.checkedWeight(copy.withUTF8 { FieldParsing.number($0, decimalComma: false) }) {
        case .success(let value): weight = value
        case .failure(let problem): report.skip(.unusableWeight(problem, hours: false), at: location); continue
        }
      }
      let source = names.normalize(edge.source), target = names.normalize(edge.target)
      if source.isEmpty || target.isEmpty { report.skip(.missing(.sourceOrTarget), at: location); continue }
      if source.utf8.count > limit || target.utf8.count > limit {
        report.skip(.nameTooLong(.sourceOrTarget, limit: limit), at: location)
        continue
      }
      let before = table.count
      let u = table.add(id: source), v = table.add(id: target)
      added += table.count - before
      builder.ensureNodeCount(table.count)
      builder.addEdge(u, v, weight: weight)
      report.rowsUsed += 1
    }
    if added > 0 { report.warnings.append(.endpointsNotDeclared(added)) }
  }

  /// `bytes` with every processing instruction (`<?target data?>`) but the XML declaration
  /// turned into spaces (line breaks kept, so lines and columns stay right).
  ///
  /// GraphML has no use for processing instructions, and FoundationXML on Linux
  /// (swift-corelibs-foundation, Swift 6.3) dereferences a null pointer for one without data
  /// (`<?foo?>`): the process dies with SIGSEGV inside `XMLParser.parse()`, found by fuzzing
  /// (Tests/Fuzz). Comments and CDATA sections, where `<?` is text, are left as they are.
  static func blankingProcessingInstructions(_ bytes: [UInt8]) -> [UInt8] {
    var out = bytes
    let n = bytes.count
    func starts(_ text: String, at i: Int) -> Bool {
      let pattern = Array(text.utf8)
      return i + pattern.count <= n && bytes[i ..< i + pattern.count].elementsEqual(pattern)
    }
    func find(_ text: String, from i: Int) -> Int {
      var k = i
      while k < n && !starts(text, at: k) { k += 1 }
      return k
    }
    var i = 0
    while i < n {
      guard bytes[i] == UInt8(ascii: "<") else { i += 1; continue }
      if starts("<!--", at: i) {
        i = find("-->", from: i + 4) + 3
      } else if starts("<![CDATA[", at: i) {
        i = find("]]>", from: i + 9) + 3
      } else if starts("<?", at: i) {
        // An instruction that is never closed stays: libxml2 reports it as an error.
        let close = find("?>", from: i + 2)
        let end = min(n, close + 2)
        let declaration = i == 0 && starts("<?xml", at: 0) && n > 5 && [0x20, 0x09, 0x0A, 0x0D].contains(bytes[5])
        if !declaration && close < n {
          for k in i ..< end where bytes[k] != 0x0A && bytes[k] != 0x0D { out[k] = 0x20 }
        }
        i = end
      } else {
        i += 1
      }
    }
    return out
  }

  struct Key { var name: String; var domain: String }
  struct Item { var id = ""; var source = ""; var target = ""; var data: [String: String] = [:]; var line = 0 }

  final class Delegate: NSObject, XMLParserDelegate {
    var keys: [String: Key] = [:]
    var nodes: [Item] = []
    var edges: [Item] = []
    var edgeDefaultDirected = false
    var failure: String? = nil
    var failureLine: Int? = nil
    private var current: Item? = nil
    private var isEdge = false
    private var dataKey: String? = nil
    private var text = ""
    private var depthInGraph = 0
    private var graphs = 0

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
      switch element {
      case "key":
        if let id = attributes["id"] {
          keys[id] = Key(name: attributes["attr.name"] ?? id, domain: attributes["for"] ?? "all")
        }
      case "graph":
        depthInGraph += 1
        graphs += 1
        if depthInGraph > 1 && failure == nil {
          failure = "nested graphs are not supported"
          failureLine = parser.lineNumber
        } else if graphs > 1 && failure == nil {
          // Its edgedefault would decide the direction of the first graph's ties too, and its
          // nodes would join the first graph's: one network per file.
          failure = "the file holds more than one <graph>; SiloScope reads one network per file: save each graph to a file of its own"
          failureLine = parser.lineNumber
        }
        edgeDefaultDirected = attributes["edgedefault"] == "directed"
      case "node":
        guard let id = attributes["id"] else {
          if failure == nil { failure = "a <node> without an id"; failureLine = parser.lineNumber }
          return
        }
        current = Item(id: id, line: parser.lineNumber)
        isEdge = false
      case "edge":
        guard let source = attributes["source"], let target = attributes["target"] else {
          if failure == nil { failure = "an <edge> without source or target"; failureLine = parser.lineNumber }
          return
        }
        current = Item(source: source, target: target, line: parser.lineNumber)
        isEdge = true
      case "data":
        dataKey = attributes["key"]
        text = ""
      default: break
      }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      if dataKey != nil { text += string }
    }

    /// A `<data>` value written as `<![CDATA[…]]>` (yEd and some exporters do this).
    func parser(_ parser: XMLParser, foundCDATA block: Data) {
      if dataKey != nil { text += String(decoding: block, as: UTF8.self) }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
      switch element {
      case "data":
        if let key = dataKey { current?.data[key] = text }
        dataKey = nil
      case "node":
        if let item = current, !isEdge { nodes.append(item) }
        current = nil
      case "edge":
        if let item = current, isEdge { edges.append(item) }
        current = nil
      case "graph":
        depthInGraph -= 1
      default: break
      }
    }
  }
}
