import SiloGraph
import SiloIngest
import SiloMetrics

/// The files of `siloscope analyze`, written into one folder all at once or not at all
/// (see ``OutputDirectory``):
///
/// | file | what |
/// |---|---|
/// | `report.html` | the report: findings, scorecard, brokers, communities, diagrams, methods |
/// | `report.json` | every number of the report (``ReportDocument``, `Schemas/report.schema.json`) |
/// | `people.csv` | per person: department, unit path (with levels), manager (when the input names managers), community, ties, betweenness, constraint, role |
/// | `departments.csv` | per department: head count, ties inside and across, E-I with p |
/// | `department-matrix.csv` | ties between departments (inside on the diagonal) |
/// | `network.graphml` | the person network for Gephi, NetworkX, igraph |
/// | `*.svg` | the diagrams |
///
/// Department-level files leave out a group that privacy suppresses.
public struct ReportFolder: Sendable {
  public let result: AnalysisResult
  public let document: ReportDocument
  /// How the CSV files are written (``CSVDialect/standard`` or ``CSVDialect/excelDutch``).
  public var dialect: CSVDialect
  /// The wording of the readers' messages (why rows were skipped, warnings) in `report.json`;
  /// `nil` writes them in the library's English. (The report itself words them in its own
  /// language.)
  public var messageWording: (any InputMessageWording)?

  public init(_ result: AnalysisResult, dialect: CSVDialect = .standard, messageWording: (any InputMessageWording)? = nil) {
    self.result = result
    self.dialect = dialect
    self.messageWording = messageWording
    document = ReportDocument(result)
  }

  /// The files by name, in the order written, each held whole in memory
  /// (``write(to:protecting:threads:)`` writes report.json and network.graphml piece by piece
  /// instead).
  public func files() throws -> [(name: String, text: String)] {
    try entries().map { entry in
      switch entry.content {
      case .text(let text): return (entry.name, text)
      case .stream(let write):
        let text = TextCollector()
        try write(text)
        return (entry.name, text.text)
      }
    }
  }

  /// Writes the folder; `protecting` are the input paths it must never replace. `threads`
  /// files are made and written at the same time (the files are the same for any number).
  ///
  /// - Returns: Notes for the user (leftovers of an interrupted earlier run, removed).
  @discardableResult
  public func write(to path: String, protecting inputs: [String] = [], threads: Int = 1) throws(AnalysisError) -> [String] {
    var folder = OutputDirectory(path: path, protecting: inputs)
    folder.threads = threads
    for entry in entries() {
      switch entry.content {
      case .text(let text): folder.add(entry.name, text: text)
      case .stream(let write): folder.add(entry.name) { out in try write(out) }
      }
    }
    do { return try folder.commit() } catch { throw .output(error) }
  }

  /// A file's text: made now, or written piece by piece into a stream.
  enum Content {
    case text(String)
    case stream(@Sendable (any ByteOutput) throws -> Void)
  }

  /// The files, in the order written; each is made when it is written.
  func entries() -> [(name: String, content: Content)] {
    let document = self.document, wording = messageWording
    // The people the person-level files may show, made once for both.
    let shown = result.personLevelNetwork
    let folder = self
    var files: [(String, Content)] = [
      ("report.html", .stream { out in out.append(HTMLReport.html(folder.result, document: document)) }),
      ("report.json", .stream { out in try document.writeJSON(to: out, wording: wording) }),
      ("people.csv", .stream { out in out.append(folder.peopleCSV(shown: shown.nodes)) }),
      ("departments.csv", .stream { out in out.append(folder.departmentsCSV()) }),
      ("department-matrix.csv", .stream { out in out.append(folder.matrixCSV()) }),
      ("network.graphml", .stream { out in Self.graphML(shown, into: out) }),
    ]
    for figure in result.trendFigures { files.append((figure.file, .text(String(decoding: figure.svg, as: UTF8.self)))) }
    for drawn in result.diagrams { files.append((drawn.file, .text(String(decoding: drawn.svg, as: UTF8.self)))) }
    return files
  }

  /// network.graphml, written into `out` node by node. (A function of its own: opening the
  /// `any ByteOutput` for the `inout` parameter inside the closure crashes Swift 6.3's debug
  /// build.)
  static func graphML(_ network: Network, into out: some ByteOutput) {
    var text = out
    GraphMLWriter.write(network, to: &text)
  }

  /// Whether the CSV files are for people in a spreadsheet (`--csv excel-nl`): headings and
  /// words in the report's language. The standard files keep snake_case keys for programs.
  var forSpreadsheets: Bool { dialect == .excelDutch }

  func header(_ keys: [String]) -> [String] {
    guard forSpreadsheets else { return keys }
    let headers = result.options.language.wording.csvHeaders
    return keys.map { CSVExport.text(headers[$0] ?? $0, dialect: dialect) }
  }

  /// `people.csv`; `shown` are the attributes of the people it may show
  /// (``AnalysisResult/personLevelNetwork``), in their order.
  func peopleCSV(shown: NodeTable) -> String {
    let network = result.network
    let b = result.brokers
    let community = result.detection.partition
    let d = dialect
    let w = result.options.language.wording
    // The manager column when the input names managers; a manager who may not be shown is
    // left empty, as in network.graphml.
    let managers = shown.attributeColumn(NodeAttribute.manager)
    // The unit path when the input has levels (cut above units too small to name).
    let paths = shown.attributeColumn(UnitLevels.pathAttribute)
    var out = d.start + d.line(header(
      ["id", "department"] + (paths == nil ? [] : ["unit_path"]) + (managers == nil ? [] : ["manager"]) + [
        "community", "degree", "strength", "betweenness", "constraint", "effective_size", "brokerage_role", "articulation_point",
      ]))
    let articulation = Set(b.cutPoints.articulationPoints)
    var shownRow = 0
    for v in 0 ..< network.graph.nodeCount where result.personLevel[v] {
      let node = NodeID(v)
      let manager = managers.map { [CSVExport.text($0[shownRow] ?? "", dialect: d)] } ?? []
      let path = paths.map { [CSVExport.text($0[shownRow] ?? "", dialect: d)] } ?? []
      shownRow += 1
      out += d.line([
        CSVExport.text(network.nodes.ids[v], dialect: d),
        CSVExport.text(network.groups.map { $0.name(of: $0.group(of: node)) } ?? "", dialect: d),
      ] + path + manager + [
        String(community.group(of: node) + 1),
        String(network.graph.degree(of: node)),
        CSVExport.number(network.graph.strength(of: node), dialect: d),
        CSVExport.number(b.betweenness.scores[node], dialect: d),
        CSVExport.number(b.holes.constraint[node], dialect: d),
        CSVExport.number(b.holes.effectiveSize[node], dialect: d),
        CSVExport.text(b.mainRole(of: node)?.rawValue ?? "", dialect: d),
        articulation.contains(node) ? (forSpreadsheets ? w.yes : "yes") : (forSpreadsheets ? w.no : "no"),
      ])
    }
    return out
  }

  func departmentsCSV() -> String {
    let d = dialect
    let w = result.options.language.wording
    var out = d.start + d.line(header([
      "department", "people", "ties_inside", "ties_across", "share_inside", "verdict", "ei_index", "ei_ci_low", "ei_ci_high",
      "ei_expected", "ei_p_value", "internal_density", "modularity_contribution",
    ]))
    let number: (Double?) -> String = { $0.map { CSVExport.number($0, dialect: d) } ?? "" }
    for g in document.silos.groups {
      out += d.line([
        CSVExport.text(g.name, dialect: d), String(g.size), String(g.internalTies), String(g.externalTies),
        number(g.shareInside), g.verdict.map { forSpreadsheets ? CSVExport.text(w.verdict($0), dialect: d) : $0.rawValue } ?? "",
        number(g.eiIndex), number(g.eiCiLow), number(g.eiCiHigh), number(g.eiExpected), number(g.eiPValue),
        number(g.internalDensity), number(g.modularityContribution),
      ])
    }
    return out
  }

  func matrixCSV() -> String {
    guard let groups = result.network.groups else { return dialect.start + dialect.line(["department", "people"]) }
    return CSVExport.departmentMatrix(
      DepartmentNetwork(aggregating: result.network, by: groups), dialect: dialect,
      leavingOut: result.smallDepartments.suppressed ? result.smallDepartments.mergedInto : nil,
      labels: forSpreadsheets
        ? (result.options.language.wording.csvHeaders["department"]!, result.options.language.wording.csvHeaders["people"]!)
        : ("department", "people"))
  }
}

