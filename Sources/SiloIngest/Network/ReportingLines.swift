import SiloGraph

/// Why the `manager` column of a people file (or node list) does not describe a tree, with
/// the rows to fix.
///
/// Messages point at rows by file and line and do not repeat names, so that they can be
/// shown where names must not be (a run with pseudonyms); a person whose row is unknown (a
/// network built in memory) is named by id.
public struct ReportingLineProblem: Sendable, Hashable, CustomStringConvertible {
  public enum Kind: String, Sendable, Hashable {
    /// A manager who is not a person of the file.
    case unknownManager
    /// People who report to each other in a circle.
    case cycle
    /// More than one person with reports but no manager, where one top was expected.
    case severalTops
  }

  public var kind: Kind
  /// The people concerned, by id: the person whose manager is unknown or who is their own
  /// manager; the circle in reporting order (each reports to the next, the last to the
  /// first); the tops in file order.
  public var people: [String]
  /// The row of each of ``people``, when known.
  public var rows: [SourceLocation?]

  public init(kind: Kind, people: [String], rows: [SourceLocation?]) {
    precondition(people.count == rows.count)
    self.kind = kind
    self.people = people
    self.rows = rows
  }

  /// The first row concerned, where the message points.
  public var location: SourceLocation? { rows.compactMap { $0 }.first }

  public var description: String {
    let place = location.map { "\($0): " } ?? ""
    let named = zip(people, rows).map { id, row in row?.line.map { "line \($0)" } ?? "\"\(id)\"" }
    switch kind {
    case .unknownManager:
      return place + "the manager in this row is not a person of the file: add a row for the manager, or leave the cell empty "
        + "for a person at the top"
    case .cycle:
      let chain = (named + [named[0]]).joined(separator: " → ")
      return place + "the reporting lines go round in a circle (\(chain), each row reporting to the next): "
        + "one of them needs another manager, or none"
    case .severalTops:
      let shown = named.prefix(5).joined(separator: ", ") + (named.count > 5 ? " and \(named.count - 5) more" : "")
      return place + "the chart has \(people.count) tops, people with reports but without a manager (\(shown)); "
        + "one top was expected: give them a common manager"
    }
  }
}

extension ReportingLineProblem {
  /// The problem of `error`, its people placed in their rows.
  package init(_ error: ReportingTreeError, nodes: NodeTable, rows: [String: SourceLocation]) {
    let (kind, people): (Kind, [NodeID]) =
      switch error {
      case .unknownManager(let person, _): (.unknownManager, [person])
      case .cycle(let circle): (.cycle, circle)
      case .severalTops(let tops): (.severalTops, tops)
      }
    let ids = people.map { nodes[$0] }
    self.init(kind: kind, people: ids, rows: ids.map { rows[$0] })
  }
}

extension LoadedInput {
  /// The reporting lines of the people, when a people file or node list gave managers
  /// (`nil` otherwise).
  ///
  /// - Parameter oneTop: Whether several tops are an error (see `ReportingTree`).
  /// - Throws: ``IngestError/reportingLines(_:)`` naming the rows to fix.
  public func reportingTree(oneTop: Bool) throws(IngestError) -> ReportingTree? {
    guard network.nodes.attributeColumn(NodeAttribute.manager) != nil else { return nil }
    do {
      return try ReportingTree(nodes: network.nodes, oneTop: oneTop)
    } catch {
      throw .reportingLines(ReportingLineProblem(error, nodes: network.nodes, rows: personRows))
    }
  }
}
