import SiloGraph
import SiloIngest
import SiloMetrics

/// The overview of a network and of how it was made: what `siloscope summary` prints.
///
/// Encoded as JSON with `null` for undefined numbers (the density of a one-person network)
/// and snake_case keys (`schema_version`, `total_weight`; the command line's encoder converts
/// the property names), like every other SiloScope document.
public struct NetworkSummary: Sendable, Hashable, Encodable {
  /// Bumped when a field changes meaning or is removed; new fields may appear in any version.
  /// Version 2: keys are snake_case, as in the other documents (version 1 wrote
  /// the property names in camelCase).
  public var schemaVersion = 2
  /// `log` (a project log projected onto people) or `network` (an edge list or GraphML).
  public var source: InputKind
  public var directed: Bool
  public var people: Int
  @Null public var departments: Int?
  @Null public var projects: Int?
  public var ties: Int
  public var totalWeight: Double
  @Null public var density: Double?
  public var components: Int
  public var largestComponent: Int
  public var isolates: Int
  /// Ties from a person to themselves, set aside (no measure uses them).
  public var selfLoops: Int
  /// Log entries by date, when the log has dates.
  @Null public var firstDate: LogDate?
  @Null public var lastDate: LogDate?
  @Null public var projection: ProjectionSummary?
  /// One report per input file: rows read, used and skipped with reasons.
  public var inputs: [IngestReport]
  /// Per department: head count and ties inside and across.
  public var departmentTable: [DepartmentLine]
  /// Everything the user should know, from every step.
  public var warnings: [SummaryWarning]
  /// The levels and the grouping used instead of the department as given (`--levels`,
  /// `--level`, `--group-by`); `null` for the department as given.
  @Null public var grouping: GroupingSummary?

  public struct DepartmentLine: Sendable, Hashable, Codable {
    public var name: String
    public var people: Int
    /// Ties with both ends in the department.
    public var internalTies: Int
    /// Ties with one end in the department.
    public var externalTies: Int
  }

  /// Summarizes a network and the inputs it came from.
  public init(
    network: Network, source: InputKind, projects: Int? = nil, dateRange: ClosedRange<LogDate>? = nil,
    projection: ProjectionSummary? = nil, inputs: [IngestReport], grouping: GroupingSummary? = nil
  ) {
    self.grouping = grouping
    let graph = network.graph
    let components = ConnectedComponents(of: graph)
    self.source = source
    directed = graph.isDirected
    people = graph.nodeCount
    self.projects = projects
    ties = graph.edgeCount
    totalWeight = graph.totalWeight
    density = graph.density.isNaN ? nil : graph.density
    self.components = components.count
    largestComponent = components.largestSize
    isolates = components.isolates
    selfLoops = graph.selfLoops.count
    firstDate = dateRange?.lowerBound
    lastDate = dateRange?.upperBound
    self.projection = projection
    self.inputs = inputs
    if let groups = network.groups {
      departments = groups.groupCount
      let aggregate = DepartmentNetwork(aggregating: network, by: groups)
      var external = [Int](repeating: 0, count: groups.groupCount)
      for tie in aggregate.between {
        external[tie.source] += tie.ties
        external[tie.target] += tie.ties
      }
      departmentTable = (0 ..< groups.groupCount).map {
        DepartmentLine(
          name: aggregate.names[$0], people: aggregate.headCounts[$0], internalTies: aggregate.internalTies[$0],
          externalTies: external[$0])
      }
    } else {
      departments = nil
      departmentTable = []
    }
    var warnings = inputs.flatMap { report in report.warnings.map { SummaryWarning.input(file: report.file, $0) } }
    warnings += (projection?.warnings ?? []).map(SummaryWarning.projection)
    if network.groups == nil {
      warnings.append(.noDepartments(source))
    } else if let groups = network.groups, let group = groups.unassignedGroup,
      let unknown = departmentTable.first(where: { $0.name == groups.name(of: group) })
    {
      warnings.append(.peopleWithoutDepartment(unknown.people, group: unknown.name))
    }
    self.warnings = warnings
  }
}
