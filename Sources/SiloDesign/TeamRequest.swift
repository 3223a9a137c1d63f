import SiloGraph

/// What a consultant asks of the team advisor: how many teams of how many people, under which
/// constraints, improving which objective.
public struct TeamRequest: Sendable, Hashable, Codable {
  /// How many teams to propose.
  public var teams = 3
  /// People per team.
  public var size = 5
  /// At most this many members of one department in a team.
  public var maximumPerDepartment = 2
  /// At least this many departments in a team; `nil` for as many as the size allows (every
  /// member from another department where the pool has that many), lowered one at a time
  /// when no team can meet it (``TeamAdvice/minimumDepartments`` says what was used).
  public var minimumDepartments: Int? = nil
  /// People who cannot be in a team.
  public var excluded: Set<NodeID> = []
  /// When given, the only people who can be in a team.
  public var only: Set<NodeID>? = nil
  /// Departments to open in particular (group indices): every team has a member of one of
  /// them, and the pair objectives count only pairs with at least one of them. Empty for all.
  public var departments: Set<Int> = []
  /// How far apart (in steps through the collaboration network, weights ignored) members may
  /// be: every member is within this many steps of another member and the team is one
  /// connected group under that relation. `nil` for no limit.
  public var reach: Int? = 2
  /// What the teams are chosen to improve.
  public var objective = TeamObjective.untiedPairs

  /// The defaults: 3 teams of 5, at most 2 per department, members within two steps,
  /// department pairs without ties.
  public init() {}
}

/// Why the advisor or the simulator cannot do what was asked. The values let a caller word
/// the message; the command line names its own options.
public enum TeamError: Error, Sendable, Hashable {
  /// A request value outside its range: which one, the value, and the range allowed.
  case invalidRequest(field: Field, value: Int, allowed: ClosedRange<Int>)
  /// The pool (people with at least one tie, not excluded, in `only`) has fewer people than
  /// one team needs.
  case poolTooSmall(pool: Int, size: Int)
  /// No team of the size meets the constraints (departments per team, the reach, the
  /// departments to open); `found` teams could be formed before that (0 for the first).
  case noTeamMeetsConstraints(found: Int)
  /// A person named in a team is not in the network.
  case unknownPerson(String)
  /// A person is named twice in one team, or in two teams.
  case personTwice(String)
  /// A team of fewer than two people (a project of one person makes no tie).
  case teamTooSmall(index: Int)
  /// A person named in a team is in a group that privacy leaves out of every person-level
  /// output (a merged group still smaller than the minimum size).
  case personHidden(String)
  /// A department named to open is not one of the network's.
  case unknownDepartment(String)
  /// The network has no departments or is directed, or the input is not a project log the
  /// teams can be added to.
  case needsLogWithDepartments

  /// What kind of failure this is: an input the teams cannot be added to is invalid data;
  /// everything else is a request that cannot be met as asked.
  public var kind: FailureKind {
    if case .needsLogWithDepartments = self { return .invalidData }
    return .invalidRequest
  }

  /// The request fields ``invalidRequest(field:value:allowed:)`` names.
  public enum Field: String, Sendable, Hashable {
    case teams, size, maximumPerDepartment, minimumDepartments, reach
  }
}
