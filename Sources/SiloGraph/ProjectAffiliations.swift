/// What one project adds to the tie of two of its members, as the projection that built a
/// person network weighed it: the meaning of the weights, for measures that must go back to
/// the projects (the bootstrap of the E-I index resamples projects and re-adds their terms).
///
/// The cases and raw values are those of SiloIngest's `ProjectionWeighting`; SiloGraph holds
/// this copy so that SiloMetrics can read it without depending on SiloIngest. With P(u) the
/// projects of u, n_p the people on project p and h_up u's hours on p:
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
  /// One per shared project.
  case sharedProjects = "shared-projects"
  /// 1/(n_p − 1) per shared project (Newman 2001, doi:10.1103/PhysRevE.64.016132).
  case newman
  /// min(h_up, h_vp) per shared project.
  case hoursOverlap = "hours-overlap"
  /// Shared projects over the projects of either person; not a sum over projects.
  case jaccard

  /// Whether the weight of a tie is a sum of one term per shared project, so that sums of
  /// weights over ties are sums over projects.
  public var isAdditiveOverProjects: Bool { self != .jaccard }
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
