import SiloGraph

/// Where a network comes from: a project log (projected onto people), or a network built
/// elsewhere. Every SiloScope command takes one of these.
public enum NetworkSource: Sendable, Hashable {
  /// A project log, an optional people file, and how to read and project them.
  case log(path: String, people: String?, read: LogReadOptions, projection: ProjectionOptions)
  /// An edge list (or GraphML) with an optional node list.
  case edges(path: String, nodes: String?, read: NetworkReadOptions)
}

/// What an input was: a person × project log (projected onto people) or a network (an edge
/// list with its node list, or GraphML). The raw values are what JSON outputs write.
public enum InputKind: String, Sendable, Hashable, Codable {
  case log
  case network
}

/// A network loaded from a ``NetworkSource``, with everything that happened on the way.
public struct LoadedInput: Sendable, Hashable {
  public var network: Network
  /// The projection's account, for a log.
  public var projection: ProjectionSummary?
  /// Projects in the log (`nil` for an edge list).
  public var projects: Int?
  /// First and last dated log entries.
  public var dateRange: ClosedRange<LogDate>?
  /// One report per file read.
  public var reports: [IngestReport]
  /// Whether the input was a project log or a network.
  public var kind: InputKind
  /// The projects behind ``network`` for a log: each project the projection used with its
  /// members as node indices of ``network`` (see SiloGraph's `ProjectAffiliations`); `nil`
  /// for an edge list, which has no projects. When the network's nodes are reordered, reorder
  /// these with `ProjectAffiliations.renumbered(_:)` and the same map.
  public var affiliations: ProjectAffiliations?
  /// The log itself (`nil` for an edge list), for measures that project it again, such as a
  /// trend over periods; the network was projected from it with ``projectionOptions``.
  public var log: ProjectLog?
  /// The options the network was projected with (`nil` for an edge list).
  public var projectionOptions: ProjectionOptions?
  /// The people file (or node list) row of each person, by id, when it names managers: where
  /// messages about reporting lines point (``reportingTree(oneTop:)``).
  public var personRows: [String: SourceLocation] = [:]
  /// The levels and the grouping used, when they differ from the department as given.
  public var grouping: GroupingSummary?

  /// Creates a loaded input from its parts; `affiliations` only for a network projected from
  /// a log, over the same nodes.
  public init(
    network: Network, projection: ProjectionSummary?, projects: Int?, dateRange: ClosedRange<LogDate>?,
    reports: [IngestReport], kind: InputKind, affiliations: ProjectAffiliations? = nil
  ) {
    precondition(affiliations == nil || affiliations!.nodeCount == network.graph.nodeCount, "affiliations over other nodes")
    self.affiliations = affiliations
    self.network = network
    self.projection = projection
    self.projects = projects
    self.dateRange = dateRange
    self.reports = reports
    self.kind = kind
  }
}

extension LoadedInput {
  /// A log projected onto people, with the log and the options kept: what
  /// ``NetworkSource/load()`` gives for a log file, for a log already in memory (for
  /// example one with a what-if project appended).
  ///
  /// `threads` threads project (the network is the same for any number).
  ///
  /// - Throws: ``IngestError`` from the projection.
  public init(projecting log: ProjectLog, with projection: ProjectionOptions, threads: Int = 1) throws(IngestError) {
    let projected = try log.projected(projection, threads: threads)
    self.init(
      network: projected.network, projection: projected.summary, projects: projected.summary.projects,
      dateRange: log.dateRange, reports: log.reports, kind: .log, affiliations: projected.affiliations)
    self.log = log
    projectionOptions = projection
    personRows = log.personRows
    grouping = log.grouping
  }
}

extension NetworkSource {
  /// Reads the project log and the people file, without projecting; `nil` for an edge list.
  public func readLog() throws(IngestError) -> ProjectLog? {
    guard case .log(let path, let people, let read, _) = self else { return nil }
    var log = try ProjectLogReader.read(path: path, options: read)
    if let people {
      log = log.merging(try PeopleFile.read(path: people, departmentColumn: read.columns[.department], delimiter: read.delimiter))
    }
    let grouped = try log.grouped(read.grouping, file: people ?? path)
    log = grouped.log
    log.grouping = grouped.summary
    return log
  }

  /// Reads the files and builds the person network, on the log reader's threads.
  public func load() throws(IngestError) -> LoadedInput {
    switch self {
    case .log(_, _, let read, let projection):
      let log = try readLog()!
      if let from = projection.from, let to = projection.to, to < from {
        throw .emptyDateWindow(from: from, to: to)
      }
      return try LoadedInput(projecting: log, with: projection, threads: read.threads)
    case .edges(let path, let nodes, let read):
      let loaded = try NetworkReader.read(edgesPath: path, nodesPath: nodes, options: read)
      let grouped = try loaded.network.grouped(read.grouping, file: nodes ?? path)
      var input = LoadedInput(
        network: grouped.network, projection: nil, projects: nil, dateRange: nil, reports: loaded.reports, kind: .network)
      input.personRows = loaded.personRows
      input.grouping = grouped.summary
      return input
    }
  }
}
