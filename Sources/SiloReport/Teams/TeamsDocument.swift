import SiloDesign
import SiloGraph
import SiloIngest
import SiloMetrics

/// The JSON of `siloscope teams` and `siloscope simulate`, and the `teams` part of
/// report.json: the teams, why each member is there, and the organization's measures before
/// and after (each team alone, and all together). Keys are snake_case; undefined numbers are
/// `null`.
public struct TeamsDocument: Sendable, Hashable, Codable {
  public var schemaVersion = 1
  /// `teams` (proposed by the advisor) or `simulate` (given).
  public var command: String
  public var objective: TeamObjective
  /// What the objective counts, in the report's language.
  public var objectiveText: String
  /// Whether the objective's gain is submodular (the greedy choice carries 1 − 1/e).
  public var submodular: Bool
  /// Whether each team was found by trying every team the constraints allow; `null` for
  /// teams that were given.
  @Null public var exhaustive: Bool?
  /// What the search guarantees, in the report's language; `null` for teams that were given.
  @Null public var guarantee: String?
  /// The request (`null` for teams that were given).
  @Null public var request: RequestPart?
  /// What each team's project is assumed to be: the hours per member and the date of its rows.
  public var hours: Double
  @Null public var date: LogDate?
  /// The organization before any team and with all teams.
  public var before: MeasuresPart
  public var after: MeasuresPart
  /// The drop of the objective's value from before to after (positive: better).
  @Null public var gain: Double?
  public var teams: [TeamPart]
  /// That this is about structure, not behaviour, in the report's language.
  public var note: String

  public struct RequestPart: Sendable, Hashable, Codable {
    public var teams: Int
    public var size: Int
    public var maxPerDepartment: Int
    /// The fewest departments per team the proposal used.
    public var minDepartments: Int
    /// How many steps apart members may be; `null` for no limit.
    @Null public var reach: Int?
    /// Departments to open in particular (empty for all).
    public var departments: [String]
    /// People excluded, and of them how many are not in the log.
    public var excluded: Int
    public var excludedNotFound: Int
    /// The size of the `only` list; `null` without one.
    @Null public var only: Int?
    /// People who could be in a team.
    public var pool: Int
  }

  public struct TeamPart: Sendable, Hashable, Codable {
    /// 1, 2, … in the order chosen (or given).
    public var index: Int
    /// The project name the team's rows carry in the simulation.
    public var project: String
    public var members: [MemberPart]
    public var departments: [String]
    /// The gain the search's model gave it after the teams before it; `null` for a given team.
    @Null public var modelGain: Double?
    /// The measures before any team and with this team alone (departments: the team's).
    public var before: MeasuresPart
    public var after: MeasuresPart
    @Null public var gain: Double?
  }

  public struct MemberPart: Sendable, Hashable, Codable {
    public var id: String
    public var department: String
    /// Why they are in the team, in the report's language.
    public var reason: String
    /// Departments the member's department had no tie with and now has.
    public var joins: [String]
    /// Departments whose ties with the member's department hung on one person and no longer do.
    public var secures: [String]
    /// Members they already work with, and members within reach without a tie.
    public var worksWith: [String]
    public var near: [String]
  }

  public struct MeasuresPart: Sendable, Hashable, Codable {
    /// The objective's value (what is left to gain; the modularity for `modularity`).
    @Null public var objective: Double?
    @Null public var modularity: Double?
    @Null public var eiIndex: Double?
    @Null public var shareInside: Double?
    public var silos: Int
    public var untiedPairs: Int
    public var pairsOnOnePerson: Int
    public var departments: [DepartmentPart]
    /// The top brokers (`siloscope simulate` only; `null` otherwise).
    @Null public var brokers: [BrokerPart]?
  }

  public struct DepartmentPart: Sendable, Hashable, Codable {
    public var name: String
    @Null public var eiIndex: Double?
    @Null public var shareInside: Double?
    @Null public var verdict: SiloVerdict?
  }

  public struct BrokerPart: Sendable, Hashable, Codable {
    public var id: String
    public var department: String
    public var betweenness: Double
  }
}

extension TeamsDocument.MeasuresPart {
  /// The measures, with the departments of `departments` (group indices) only.
  init(_ m: TeamMeasures, departments: [Int], brokers: [TeamsDocument.BrokerPart]? = nil) {
    objective = defined(m.objective)
    modularity = defined(m.modularity)
    eiIndex = defined(m.eiIndex)
    shareInside = defined(m.shareInside)
    silos = m.silos
    untiedPairs = m.untiedPairs
    pairsOnOnePerson = m.pairsOnOnePerson
    self.departments = departments.map { d in
      let part = m.departments[d]
      return TeamsDocument.DepartmentPart(
        name: part.name, eiIndex: defined(part.eiIndex), shareInside: defined(part.shareInside), verdict: part.verdict)
    }
    self.brokers = brokers
  }
}
