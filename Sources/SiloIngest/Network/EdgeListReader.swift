import SiloGraph
/// How to read a pre-built network: an edge list plus an optional node list, or GraphML.
public struct NetworkReadOptions: Sendable, Hashable {
  /// Whether ties have a direction. Undirected by default: a tie given in both directions is
  /// one tie whose weight is the sum of both.
  public var directedness: Directedness = .undirected
  /// Levels, the level analysed, or another column as the group (node list columns).
  public var grouping = GroupingOptions()
  /// The node-list column that holds the formal group; `nil` detects `department`,
  /// `afdeling`, `dept`, `group`, `team`, `unit` and the like.
  public var groupColumn: String? = nil
  /// The delimiter; `nil` detects it.
  public var delimiter: Character? = nil
  /// The edge-list column that holds the weight; `nil` detects `weight`, `hours`, ….
  public var weightColumn: String? = nil
  /// Keep only ties whose `relation` column (also `type`, `relatie`) has this value, for edge
  /// lists that hold several relations (advice, friendship, cowork). Other rows are counted
  /// as skipped under "another relation". `nil` keeps every row.
  public var relation: String? = nil

  /// Options that read ties as undirected (unless a GraphML file's `edgedefault` says
  /// directed), detect the group column, the delimiter and the weight column, and keep every
  /// relation.
  public init() {}
}

/// Reads networks that were built elsewhere: `source,target[,weight]` edge lists with a node
/// list, and GraphML (Gephi, NetworkX, igraph).
public enum NetworkReader {
  public static let sourceAliases = ["source", "from", "src", "ego", "person1", "sender", "van", "node1", "u"]
  public static let targetAliases = ["target", "to", "dst", "alter", "person2", "receiver", "naar", "node2", "v"]
  public static let weightAliases = ["weight", "hours", "uren", "count", "value", "strength", "gewicht"]
  public static let nodeIDAliases = ["id", "node", "person", "name", "medewerker", "naam"]
  public static let groupAliases = LogColumn.department.aliases + ["faction", "club", "practice", "office"]
  public static let relationAliases = ["relation", "type", "relatie", "tie", "kind"]

  /// Reads an edge list, and a node list when `nodesPath` is given. A file whose name ends in
  /// `.graphml` (or that starts with XML) is read as GraphML.
  public static func read(
    edgesPath: String, nodesPath: String? = nil, options: NetworkReadOptions = NetworkReadOptions()
  ) throws(IngestError) -> LoadedNetwork {
    let nodes = try nodesPath.map { path throws(IngestError) in try InputFile(path: path) }
    let edges = try InputFile(path: edgesPath)
    // The edge file is handed over, not kept here, so its bytes can be freed before the graph
    // is built (a 1,000,000-tie edge list is 14 MB).
    return try PartFiles.Index([edges, nodes]).locating({ () throws(IngestError) in
      try read(edges: edges, nodes: nodes, options: options)
    }) { $0.reports = $0.reports.map($1) }
  }

  /// Reads an edge list (or GraphML), and a node list when given, from bytes already in
  /// memory; the names are used in messages.
  public static func read(
    edgeBytes: [UInt8], name: String, nodeBytes: [UInt8]? = nil, nodesName: String = "nodes",
    options: NetworkReadOptions = NetworkReadOptions()
  ) throws(IngestError) -> LoadedNetwork {
    let nodes = try nodeBytes.map { bytes throws(IngestError) in try InputFile(name: nodesName, raw: bytes) }
    return try read(edges: InputFile(name: name, raw: edgeBytes), nodes: nodes, options: options)
  }

  package static func read(edges: consuming InputFile, nodes: InputFile?, options: NetworkReadOptions) throws(IngestError) -> LoadedNetwork {
    if edges.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
      throw .emptyFile(file: edges.name)
    }
    let isXML = edges.name.lowercased().hasSuffix(".graphml") || edges.bytes.first { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D } == UInt8(ascii: "<")
    if isXML {
      return try GraphMLReader.read(edges, options: options)
    }
    var table = NodeTable()
    var reports: [IngestReport] = []
    var groupAttribute: String? = nil
    var personRows: [String: SourceLocation] = [:]
    if let nodes {
      let (nodeTable, report, group, rows) = try readNodes(nodes, options: options)
      personRows = rows
      table = nodeTable
      reports.append(report)
      groupAttribute = group
    }
    let knownNodes = table.count
    var (builder, report) = try readEdges(edges, table: &table, options: options, nodeFileGiven: nodes != nil)
    _ = consume edges
    let built = builder.buildWithStatistics()
    builder = GraphBuilder()
    if built.selfLoopTies > 0 {
      report.warnings.append(.selfLoopsSetAside(built.selfLoopTies))
    }
    if built.parallelTiesMerged > 0 {
      report.warnings.append(.repeatedPairsSummed(built.parallelTiesMerged, eitherDirection: options.directedness == .undirected))
    }
    reports.insert(report, at: 0)
    if nodes != nil && table.count > knownNodes {
      reports[0].warnings.append(.idsNotInNodeList(table.count - knownNodes))
    }
    var graphBuilderGraph = built.graph
    if graphBuilderGraph.nodeCount < table.count {
      // Isolates from the node list: rebuild with the full node count.
      var builder = GraphBuilder(nodeCount: table.count, directedness: options.directedness)
      for edge in graphBuilderGraph.edges { builder.addEdge(edge.source, edge.target, weight: edge.weight) }
      for loop in graphBuilderGraph.selfLoops { builder.addEdge(loop.source, loop.target, weight: loop.weight) }
      graphBuilderGraph = builder.build()
    }
    let groups = groupAttribute.flatMap { Network.partition(of: table, by: $0) }
    return LoadedNetwork(
      network: Network(graph: graphBuilderGraph, nodes: table, groups: groups), groupAttribute: groupAttribute,
      parallelTiesMerged: built.parallelTiesMerged, selfLoopTies: built.selfLoopTies, reports: reports, personRows: personRows)
  }

  private static func readNodes(
    _ input: InputFile, options: NetworkReadOptions
  ) throws(IngestError) -> (NodeTable, IngestReport, String?, [String: SourceLocation]) {
    var file = try TextTable(input, delimiter: options.delimiter)
    let id = try HeaderMatching.index(ofAny: nodeIDAliases, override: nil, in: file.header, file: file.file, role: "id", required: true)!
    let group = try HeaderMatching.index(
      ofAny: groupAliases, override: options.groupColumn, in: file.header, file: file.file, role: "group", required: false)
    file.report.columns["id"] = file.header[id]
    file.report.warnings += file.nameCounter.warnings
    var groupName: String? = nil
    if let group {
      file.report.columns["group"] = file.header[group]
      groupName = NodeAttribute.department
    } else {
      file.report.warnings.append(.noGroupColumn)
    }
    // The group is stored as the attribute `department`. When another column chosen with
    // --group-column is the group, a column literally named "department" keeps its values
    // under a name of its own: otherwise the two would overwrite each other, and which one
    // ended up as the group would depend on the order of the columns.
    let attributeNames = file.header.indices.map { i -> String in
      if i == group { return NodeAttribute.department }
      if group != nil && file.header[i] == NodeAttribute.department { return "\(file.header[i]) (column \(i + 1))" }
      return file.header[i]
    }
    if let group, let i = file.header.indices.first(where: { $0 != group && file.header[$0] == NodeAttribute.department }) {
      file.report.warnings.append(.departmentColumnRenamed(column: file.header[i], keptAs: attributeNames[i], groupColumn: file.header[group]))
    }
    var table = NodeTable()
    var rows: [String: SourceLocation] = [:]
    let namesManagers = attributeNames.contains(NodeAttribute.manager)
    for (row, line) in zip(file.rows, file.lines) {
      let location = SourceLocation(file: file.file, line: line)
      guard !row[id].isEmpty else { file.report.skip(.missing(.id), at: location); continue }
      if let tooLong = NameLimit.check(row, id: id, group: group) { file.report.skip(tooLong, at: location); continue }
      if table.node(withID: row[id]) != nil {
        file.report.skip(.repeated(.id, firstLine: nil), at: location)
        continue
      }
      let node = table.add(id: row[id])
      if namesManagers { rows[row[id]] = location }
      for (i, value) in row.enumerated() where i != id && !value.isEmpty {
        table.setAttribute(attributeNames[i], to: value, for: node)
      }
      file.report.rowsUsed += 1
    }
    return (table, file.report, groupName, rows)
  }

  /// The columns of an edge list, found in its header.
  private struct EdgeColumns {
    var header: [String]
    var source: Int
    var target: Int
    var weight: Int?
    var relation: Int?
  }

  private static func readEdges(
    _ input: InputFile, table: inout NodeTable, options: NetworkReadOptions, nodeFileGiven: Bool
  ) throws(IngestError) -> (GraphBuilder, IngestReport) {
    let delimiter = try ProjectLogReader.delimiter(of: input, option: options.delimiter)
    let decimalComma = delimiter != 0x2C
    let scanner = DelimitedScanner(file: input, delimiter: delimiter)
    let (columns, startReport) = try edgeColumns(scanner, input: input, delimiter: delimiter, options: options)
    var report = startReport
    let name = input.name, header = columns.header
    var relationsSeen = Set<String>()
    var ids = EdgeIDs(table)
    var builder = GraphBuilder(nodeCount: table.count, directedness: options.directedness)
    builder.reserveCapacity(edges: input.bytes.count / 16)
    var wrong = 0
    while try scanner.next() {
      report.rowsRead += 1
      if scanner.isBlank { report.skip(.emptyRow, at: SourceLocation(file: name, line: scanner.recordLine)); continue }
      if scanner.fieldCount != header.count {
        wrong += 1
        report.skip(.fieldCountMismatch(headerFields: header.count), at: SourceLocation(file: name, line: scanner.recordLine))
        continue
      }
      guard let (a, b, w) = edge(scanner, columns, options, decimalComma, relationsSeen: &relationsSeen, report: &report) else { continue }
      let u = ids.node(a), v = ids.node(b)
      if u < 0 { report.skip(.onlyInvisible(.source), at: scanner.location(ofField: columns.source)); continue }
      if v < 0 { report.skip(.onlyInvisible(.target), at: scanner.location(ofField: columns.target)); continue }
      builder.addEdge(NodeID(rawValue: u), NodeID(rawValue: v), weight: w)
      report.rowsUsed += 1
    }
    try checkRows(&report, columns: columns, wrong: wrong, relationsSeen: relationsSeen, options: options, nodeFileGiven: nodeFileGiven)
    report.warnings += ids.warnings
    for id in ids.newIDs { table.add(id: id) }
    builder.ensureNodeCount(table.count)
    return (builder, report)
  }

  /// The source and target ids and the weight of the scanner's current record, or `nil`
  /// (counted in the report) for another relation than the one asked for, an empty or too
  /// long id, or a weight that cannot be read. Notes the first 100 relations seen.
  @inline(__always)
  private static func edge(
    _ scanner: DelimitedScanner, _ columns: EdgeColumns, _ options: NetworkReadOptions, _ decimalComma: Bool,
    relationsSeen: inout Set<String>, report: inout IngestReport
  ) -> (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>, Double)? {
    if let relation = columns.relation {
      let value = String(decoding: scanner.field(relation), as: UTF8.self)
      if relationsSeen.count < 100 { relationsSeen.insert(value) }
      if let wanted = options.relation, HeaderMatching.normalized(value) != HeaderMatching.normalized(wanted) {
        report.skip(.otherRelation(wanted: wanted), at: scanner.location(ofField: relation))
        return nil
      }
    }
    let source = columns.source, target = columns.target
    let a = scanner.field(source), b = scanner.field(target)
    if a.isEmpty { report.skip(.missing(.source), at: scanner.location(ofField: source)); return nil }
    if b.isEmpty { report.skip(.missing(.target), at: scanner.location(ofField: target)); return nil }
    let limit = ProjectLogReader.maximumNameBytes
    if a.count > limit { report.skip(.nameTooLong(.source, limit: limit), at: scanner.location(ofField: source)); return nil }
    if b.count > limit { report.skip(.nameTooLong(.target, limit: limit), at: scanner.location(ofField: target)); return nil }
    guard let w = scanner.weight(in: columns.weight, decimalComma: decimalComma, hours: false, report: &report) else { return nil }
    return (a, b, w)
  }

  /// The node numbers of an edge list's ids: interned from bytes under the names rule; ids
  /// already in the node table (which are normalized) keep their numbers, and new ids are
  /// numbered after them in the order met.
  private struct EdgeIDs {
    private var interner: NameTable
    private var toNode: [Int32] = []
    private let tableCount: Int
    /// The ids not in the node table, in the order met.
    private(set) var newIDs: [String] = []

    init(_ table: NodeTable) {
      tableCount = table.count
      interner = NameTable(capacity: max(1024, table.count))
      for id in table.ids {
        var copy = id
        _ = copy.withUTF8 { interner.intern($0) }
        toNode.append(Int32(toNode.count))
      }
    }

    /// The node of an id, or −1 when it is nothing but invisible characters.
    @inline(__always)
    mutating func node(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
      let key = interner.intern(bytes)
      if key < 0 { return -1 }
      if Int(key) == toNode.count {
        toNode.append(Int32(tableCount + newIDs.count))
        newIDs.append(String(decoding: interner.bytes(of: key), as: UTF8.self))
      }
      return toNode[Int(key)]
    }

    /// What the interning says about the ids it normalized.
    var warnings: [IngestWarning] { interner.counter.warnings }
  }

  /// The header's columns (source and target required, weight and relation when present or
  /// asked for) and the report they start: format, columns, columns ignored.
  private static func edgeColumns(
    _ scanner: DelimitedScanner, input: InputFile, delimiter: UInt8, options: NetworkReadOptions
  ) throws(IngestError) -> (EdgeColumns, IngestReport) {
    let header = try ProjectLogReader.header(scanner, file: input)
    let name = input.name
    let source = try HeaderMatching.index(ofAny: sourceAliases, override: nil, in: header, file: name, role: "source", required: true)!
    let target = try HeaderMatching.index(ofAny: targetAliases, override: nil, in: header, file: name, role: "target", required: true)!
    let weight = try HeaderMatching.index(ofAny: weightAliases, override: options.weightColumn, in: header, file: name, role: "weight", required: false)
    let relation = try HeaderMatching.index(
      ofAny: relationAliases, override: nil, in: header, file: name, role: "relation", required: options.relation != nil)
    var report = IngestReport(file: name, format: delimiter == 0x09 ? "tsv" : delimiter == 0x3B ? "ssv" : "csv")
    report.encoding = input.encoding
    report.delimiter = DelimiterDetection.name(of: delimiter)
    report.decimalComma = delimiter != 0x2C
    if let relation { report.columns["relation"] = header[relation] }
    report.columns["source"] = header[source]
    report.columns["target"] = header[target]
    if let weight { report.columns["weight"] = header[weight] } else { report.warnings.append(.noTieWeightColumn) }
    report.otherColumns = header.indices.filter { $0 != source && $0 != target && $0 != weight && $0 != relation }.map { header[$0] }
    if !report.otherColumns.isEmpty {
      report.warnings.append(.columnsIgnored(report.otherColumns))
    }
    return (EdgeColumns(header: header, source: source, target: target, weight: weight, relation: relation), report)
  }

  /// The checks after the last row: no rows, most rows with the wrong number of fields (the
  /// delimiter is wrong), no usable row without a node list; a warning when several
  /// relations were merged.
  private static func checkRows(
    _ report: inout IngestReport, columns: EdgeColumns, wrong: Int, relationsSeen: Set<String>, options: NetworkReadOptions,
    nodeFileGiven: Bool
  ) throws(IngestError) {
    let name = report.file
    if report.rowsRead == 0 { throw .noDataRows(file: name) }
    if wrong * 2 > report.rowsRead {
      throw .fieldCountMismatch(
        report.skipped.first { if case .fieldCountMismatch = $0.reason { true } else { false } }!.examples[0], fields: nil,
        headerFields: columns.header.count, differing: wrong, rows: report.rowsRead, delimiter: report.delimiter!)
    }
    if report.rowsUsed == 0 && !nodeFileGiven {
      throw .noUsableRows(file: name, rowsRead: report.rowsRead, skipped: report.skipped)
    }
    if options.relation == nil, let relation = columns.relation, relationsSeen.count > 1 {
      report.warnings.append(
        .severalRelations(column: columns.header[relation], count: relationsSeen.count, shown: Array(relationsSeen.sorted().prefix(10))))
    }
  }
}

/// A network read from files, with what happened to their rows.
public struct LoadedNetwork: Sendable, Hashable {
  public var network: Network
  /// The node attribute that holds the formal group, when there is one.
  public var groupAttribute: String?
  /// Ties merged into an earlier tie of the same pair.
  public var parallelTiesMerged: Int
  /// Ties from a node to itself, set aside.
  public var selfLoopTies: Int
  /// One report per file read.
  public var reports: [IngestReport]
  /// The node list row of each person, by id, when the node list names managers: where
  /// messages about reporting lines point.
  public var personRows: [String: SourceLocation] = [:]
}
