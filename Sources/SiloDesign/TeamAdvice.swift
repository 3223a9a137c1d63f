import SiloGraph

/// The advisor's proposal: teams in the order they were chosen, each with what its members
/// bring.
public struct TeamAdvice: Sendable, Hashable, Codable {
  public var objective: TeamObjective
  public var teams: [ProposedTeam]
  /// The fewest departments per team the proposal used (the request's, or the default as far
  /// as the pool allowed).
  public var minimumDepartments: Int
  /// People who could be in a team (with a tie, not excluded, allowed).
  public var pool: Int
  /// Whether every team was the best one available, found by trying every team the
  /// constraints allow; `false` when the pool was too large and the search was greedy growth
  /// with swaps.
  public var exhaustive: Bool
  /// Whether the objective's gain is submodular, so that the greedy order of teams carries
  /// the (1 − 1/e) guarantee (``TeamObjective``).
  public var submodular: Bool

  /// The model's gain of all teams together (the objective's value before minus after, as
  /// the search computed it).
  public var modelGain: Double { teams.reduce(0) { $0 + $1.modelGain } }
}

/// One proposed team.
public struct ProposedTeam: Sendable, Hashable, Codable {
  public var members: [Member]
  /// The gain the search's model gives this team, added after the teams before it.
  public var modelGain: Double

  /// A member and why they are in the team.
  public struct Member: Sendable, Hashable, Codable {
    public var node: NodeID
    /// The member's department (group index).
    public var department: Int
    /// Departments of other members with which the member's department had no tie (before
    /// this team and after the teams before it): the team joins them.
    public var joins: [Int]
    /// Departments whose ties with the member's department all involved one person and no
    /// longer do with this team.
    public var secures: [Int]
    /// Members they already have a tie with.
    public var worksWith: [NodeID]
    /// Members within the request's reach but without a direct tie.
    public var near: [NodeID]
  }

  /// The members' departments, each once, in order of first member.
  public var departments: [Int] {
    var seen: [Int] = []
    for m in members where !seen.contains(m.department) { seen.append(m.department) }
    return seen
  }
}
