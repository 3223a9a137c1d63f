/// How a tie between two people is weighed when the person × project log is projected onto
/// people: what one project adds to the tie of two of its members. The one description of
/// each weighting; SiloIngest's projection (`ProjectionWeighting` is this type), the
/// bootstrap of the E-I index (which resamples projects and re-adds their terms), the report
/// and the command line all read it. See Tests/References/conventions.md §3 and the NetworkX
/// functions named below.
///
/// With P(u) the projects of u, n_p the people on project p and h_up u's hours on p:
///
/// | case | w_uv |
/// |---|---|
/// | ``sharedProjects`` | Σ_{p ∈ P(u) ∩ P(v)} 1 |
/// | ``newman`` | Σ_{p ∈ P(u) ∩ P(v)} 1 / (n_p − 1) |
/// | ``hoursOverlap`` | Σ_{p ∈ P(u) ∩ P(v)} min(h_up, h_vp) |
/// | ``jaccard`` | \|P(u) ∩ P(v)\| / \|P(u) ∪ P(v)\| |
///
/// The first three are sums of one term per shared project (*additive over projects*); the
/// Jaccard weight is not.
public enum AffiliationWeighting: String, Sendable, Hashable, Codable, CaseIterable {
  /// The number of projects both worked on, w_uv = |P(u) ∩ P(v)|: one per shared project.
  /// NetworkX `bipartite.weighted_projected_graph(B, people)`.
  case sharedProjects = "shared-projects"
  /// Newman's collaboration weight: each project splits one unit of tie among the pairs of
  /// its members, 1/(n_p − 1) per shared project, so a tie from a two-person project weighs
  /// 1 and one from a 50-person meeting weighs 1/49 (projects of one person are skipped).
  /// M. E. J. Newman, "Scientific collaboration networks. II.", Phys. Rev. E 64, 016132
  /// (2001), doi:10.1103/PhysRevE.64.016132; NetworkX
  /// `bipartite.collaboration_weighted_projected_graph`.
  case newman
  /// The hours two people spent on the same projects, counted on the side of the one who
  /// spent fewer: min(h_up, h_vp) per shared project, with h_up the sum of the weights (hours)
  /// of u's rows on p. No NetworkX equivalent; the "time investor" idea of Microsoft Viva's
  /// collaboration metrics is the same in spirit.
  case hoursOverlap = "hours-overlap"
  /// The Jaccard similarity of two people's sets of projects, |P(u) ∩ P(v)| / |P(u) ∪ P(v)|;
  /// not a sum over projects. NetworkX
  /// `bipartite.overlap_weighted_projected_graph(B, people, jaccard=True)`.
  case jaccard

  /// Whether the weight of a tie is a sum of one term per shared project, so that sums of
  /// weights over ties are sums over projects.
  public var isAdditiveOverProjects: Bool { self != .jaccard }

  /// The weighting in a sentence (English), for text outputs, help and SQL comments.
  public var explanation: String {
    switch self {
    case .sharedProjects: return "the number of projects two people share"
    case .newman: return "Newman's collaboration weight: Σ 1/(n_p − 1) over shared projects, n_p = people on project p"
    case .hoursOverlap: return "hours overlap: Σ min(h_up, h_vp) over shared projects"
    case .jaccard: return "Jaccard: shared projects / projects of either person"
    }
  }
}

/// The projects behind a projected person network: for each project its members (as node
/// indices of the network) and their hours on it, with the weighting the projection used.
///
/// Stored in compressed sparse row form: the members of project `p` are
/// `members[projectStart[p] ..< projectStart[p + 1]]`, and `hours` runs in lock step (the sum
/// of the member's hours, or weights, over their log entries on the project). A member
/// appears once per project; members are in the order the log first names them.
///
/// The projects are exactly those the projection used: after the date window and the
/// maximum project size, and in the log's order of projects. Projects of one person are
/// kept: they make no tie, but they count in a person's projects (the Jaccard weight's
/// denominator), and they are units of a bootstrap over projects like any other. Projects
/// without an entry in the window are not.
///
/// An edge list has no projects, so a network read from one has no affiliations.
///
/// - Complexity: memory `8(P + 1) + 12·E` bytes for P projects and E memberships, plus the
///   project ids.
public struct ProjectAffiliations: Sendable, Hashable, Codable {
  /// The number of nodes of the network the member indices refer to.
  public let nodeCount: Int
  /// The id (name) of each project, as in the log.
  public let projectIDs: [String]
  /// Offsets into ``members`` and ``hours``: `projectCount + 1` values, starting at 0.
  public let projectStart: [Int]
  /// The members of every project, project after project: node indices.
  public let members: [Int32]
  /// Each member's hours (summed weights of their entries) on the project, in lock step with
  /// ``members``.
  public let hours: [Double]
  /// How the projection weighed a tie.
  public let weighting: AffiliationWeighting
  /// The projection's minimum tie weight (ties lighter were left out), or `nil`.
  public let minimumWeight: Double?

  /// Creates affiliations from their arrays.
  ///
  /// - Precondition: `projectStart` starts at 0, never decreases and ends at
  ///   `members.count`; `projectIDs` has one id per project; `hours` has one value per
  ///   member; every member lies in `0 ..< nodeCount` and appears at most once per project.
  public init(
    nodeCount: Int, projectIDs: [String], projectStart: [Int], members: [Int32], hours: [Double],
    weighting: AffiliationWeighting, minimumWeight: Double? = nil
  ) {
    precondition(projectStart.first == 0 && projectStart.last == members.count, "projectStart must run from 0 to members.count")
    precondition(projectIDs.count == projectStart.count - 1, "one id per project")
    precondition(hours.count == members.count, "one hours value per member")
    precondition(zip(projectStart, projectStart.dropFirst()).allSatisfy { $0 <= $1 }, "projectStart must not decrease")
    precondition(members.allSatisfy { $0 >= 0 && Int($0) < nodeCount }, "member out of range")
    self.nodeCount = nodeCount
    self.projectIDs = projectIDs
    self.projectStart = projectStart
    self.members = members
    self.hours = hours
    self.weighting = weighting
    self.minimumWeight = minimumWeight
  }

  /// The number of projects.
  public var projectCount: Int { projectStart.count - 1 }

  /// The members of project `p`, as node indices.
  public func members(of p: Int) -> ArraySlice<Int32> { members[projectStart[p] ..< projectStart[p + 1]] }

  /// The same affiliations for the same network with its nodes renumbered: member `v`
  /// becomes `newIndex[v]`. Use it with a network whose nodes were reordered (for example
  /// sorted by id for the outputs), passing the same map from old to new node index.
  ///
  /// - Precondition: `newIndex` has one value per node and is a permutation of
  ///   `0 ..< nodeCount`.
  /// - Complexity: O(*n* + *E*).
  public func renumbered(_ newIndex: [Int]) -> ProjectAffiliations {
    precondition(newIndex.count == nodeCount, "newIndex has \(newIndex.count) values for \(nodeCount) nodes")
    var seen = [Bool](repeating: false, count: nodeCount)
    for v in newIndex {
      precondition(v >= 0 && v < nodeCount && !seen[v], "newIndex is not a permutation")
      seen[v] = true
    }
    return ProjectAffiliations(
      nodeCount: nodeCount, projectIDs: projectIDs, projectStart: projectStart,
      members: members.map { Int32(truncatingIfNeeded: newIndex[Int($0)]) }, hours: hours,
      weighting: weighting, minimumWeight: minimumWeight)
  }
}
