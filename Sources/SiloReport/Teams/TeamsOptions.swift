import Foundation
import SiloDesign
import SiloGraph
import SiloIngest

/// The team advisor's request as a consultant gives it: people and departments by name (as in
/// the log, or as pseudonyms), resolved against the analysed network.
public struct TeamsOptions: Sendable, Hashable {
  /// Teams, size, per department, minimum of departments, reach, objective; its people and
  /// departments are set from the names below.
  public var request = TeamRequest()
  /// People who cannot be in a team (names not in the log are counted, not refused: a list
  /// of people on leave may name people without projects).
  public var excluded: [String] = []
  /// The only people who may be in a team; every name must be in the log.
  public var only: [String]? = nil
  /// Departments to open in particular, by name.
  public var departments: [String] = []
  /// Hours each member is assumed to spend on the team's project; `nil` for the log's
  /// typical hours per person and project (`ProjectLog.typicalHours`).
  public var hours: Double? = nil

  public init() {}
}

/// People named by a consultant, found in the analysed network.
struct PeopleNames {
  let network: Network
  let pseudonymizer: Pseudonymizer?

  /// The node of a name as the log writes it (under the readers' name rule), or of a
  /// pseudonym when the network has pseudonyms.
  func node(_ name: String) -> NodeID? {
    let normalized = Names.normalized(name)
    if let pseudonymizer, let node = network.nodes.node(withID: pseudonymizer.pseudonym(for: normalized)) { return node }
    return network.nodes.node(withID: normalized)
  }

  /// The request with its people and departments resolved; `notFound` counts excluded names
  /// that are not in the network.
  func resolve(_ options: TeamsOptions) throws(TeamError) -> (request: TeamRequest, notFound: Int) {
    var request = options.request
    var notFound = 0
    for name in options.excluded {
      if let node = node(name) { request.excluded.insert(node) } else { notFound += 1 }
    }
    if let only = options.only {
      var nodes: Set<NodeID> = []
      for name in only {
        guard let node = node(name) else { throw .unknownPerson(name) }
        nodes.insert(node)
      }
      request.only = nodes
    }
    for entry in options.departments {
      for name in try departmentNames(in: entry) { request.departments.insert(name) }
    }
    return (request, notFound)
  }

  /// The departments an entry names: the whole entry when it is a department's name, else a
  /// comma-separated list whose pieces are joined again where a department's name has a
  /// comma ("Vergunningen, Toezicht en Handhaving").
  func departmentNames(in entry: String) throws(TeamError) -> [Int] {
    let groups = network.groups!
    let names = (0 ..< groups.groupCount).map { groups.name(of: $0) }
    func index(_ name: String) -> Int? { names.firstIndex(of: Names.normalized(name)) }
    if let whole = index(entry) { return [whole] }
    let pieces = entry.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    var found: [Int] = [], start = 0
    while start < pieces.count {
      // The longest run of pieces from `start` that names a department.
      guard let end = (start ..< pieces.count).reversed().first(where: { index(pieces[start ... $0].joined(separator: ",")) != nil }) else {
        throw .unknownDepartment(pieces[start].trimmingCharacters(in: .whitespaces))
      }
      found.append(index(pieces[start ... end].joined(separator: ","))!)
      start = end + 1
    }
    return found
  }

  /// Teams given by name: each a list of people, none twice, each in the network.
  func teams(_ named: [[String]]) throws(TeamError) -> [[NodeID]] {
    var seen: Set<NodeID> = []
    var teams: [[NodeID]] = []
    for (i, names) in named.enumerated() {
      guard names.count >= 2 else { throw .teamTooSmall(index: i + 1) }
      var team: [NodeID] = []
      for name in names {
        guard let node = node(name) else { throw .unknownPerson(name) }
        guard seen.insert(node).inserted else { throw .personTwice(name) }
        team.append(node)
      }
      teams.append(team)
    }
    return teams
  }
}
