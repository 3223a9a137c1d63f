import SiloGraph

/// Proposes the cross-department teams that would most open an organization's silos.
///
/// ```swift
/// var request = TeamRequest()
/// request.teams = 5
/// request.size = 6
/// let advice = try TeamAdvisor.propose(network: network, request: request, model: TieModel(.constant(1)))
/// for team in advice.teams { print(team.members.map { network.nodes[$0.node] }) }
/// ```
///
/// The search, one team at a time (greedy over teams, see ``TeamObjective`` for what that
/// guarantees):
/// 1. the pool: people with at least one tie (someone without a tie bridges nothing), not
///    excluded, allowed, not in an earlier team;
/// 2. the best team on the links left by the earlier teams: every team the constraints allow
///    when there are at most ``exhaustiveLimit``; else greedy growth from the two most
///    bridging people of each department (each step the candidate within reach with the
///    largest gain), the three best grown teams improved by swapping one member at a time;
/// 3. when all teams are chosen, each is searched again with the others fixed and replaced
///    when that gains more (this never lowers the total);
/// 4. why each member is there: the departments their department is joined to, pairs no
///    longer hanging on one person, the members they already work with.
///
/// The gains are the search's model (``TieModel``); the numbers to report come from
/// projecting the log again with the teams added (``TeamMeasures``). Deterministic: the same
/// network and request give the same teams.
public enum TeamAdvisor {
  /// The most candidate teams (C(pool, size)) tried one by one; larger pools are searched by
  /// greedy growth and swaps.
  public static let exhaustiveLimit = 200_000

  /// Proposes ``TeamRequest/teams`` teams.
  ///
  /// - Parameters:
  ///   - network: the people, their ties and their departments (undirected, as a projected log is).
  ///   - request: the teams wanted and their constraints.
  ///   - model: what a team's project adds to a tie.
  ///   - weighted: whether closedness and modularity use tie weights (as the analysis does).
  ///   - eligible: per person, whether they may appear in a proposal at all (for example
  ///     not the members of a group too small to show); `nil` for everyone.
  /// - Throws: ``TeamError``: a request out of range, a pool smaller than a team, or
  ///   constraints no team (or not enough teams) can meet.
  /// - Complexity: for the greedy search about T · 2k · K · B for T teams of K, k departments
  ///   and B people within reach of a member.
  public static func propose(
    network: Network, request: TeamRequest, model: TieModel, weighted: Bool = true, eligible: [Bool]? = nil
  ) throws(TeamError) -> TeamAdvice {
    try check(request)
    guard let groups = network.groups, !network.graph.isDirected else { throw .needsLogWithDepartments }
    let graph = network.graph
    let links = DepartmentLinks(graph: graph, membership: groups.membership, k: groups.groupCount, weighted: weighted)
    let weights = PairWeights(closedness: links.closedness, counted: request.departments)
    let pool = (0 ..< graph.nodeCount).map { v in
      graph.degree(of: NodeID(v)) > 0 && (eligible?[v] ?? true) && !request.excluded.contains(NodeID(v))
        && (request.only?.contains(NodeID(v)) ?? true)
    }
    let poolSize = pool.filter { $0 }.count
    guard poolSize >= request.size else { throw .poolTooSmall(pool: poolSize, size: request.size) }
    let search = TeamSearch(graph: graph, membership: groups.membership, request: request, model: model, weights: weights)
    var (teams, minimum, exhaustive) = try choose(search, links: links, pool: pool)
    exhaustive = refine(&teams, search: search, links: links, pool: pool, minimumDepartments: minimum) && exhaustive
    return TeamAdvice(
      objective: request.objective, teams: explain(teams, search: search, links: links), minimumDepartments: minimum,
      pool: poolSize, exhaustive: exhaustive, submodular: request.objective.isSubmodular)
  }

  private static func check(_ request: TeamRequest) throws(TeamError) {
    if !(1 ... 100).contains(request.teams) { throw .invalidRequest(field: .teams, value: request.teams, allowed: 1 ... 100) }
    if !(2 ... 30).contains(request.size) { throw .invalidRequest(field: .size, value: request.size, allowed: 2 ... 30) }
    if !(1 ... request.size).contains(request.maximumPerDepartment) {
      throw .invalidRequest(field: .maximumPerDepartment, value: request.maximumPerDepartment, allowed: 1 ... request.size)
    }
    if let m = request.minimumDepartments, !(1 ... request.size).contains(m) {
      throw .invalidRequest(field: .minimumDepartments, value: m, allowed: 1 ... request.size)
    }
    if let reach = request.reach, !(1 ... 6).contains(reach) { throw .invalidRequest(field: .reach, value: reach, allowed: 1 ... 6) }
  }

  /// The teams one at a time, each the best on the links the ones before leave. Without a
  /// requested minimum of departments, the first team starts from every member in another
  /// department and lowers that until a team is found; the later teams keep what it used.
  private static func choose(_ search: TeamSearch, links: DepartmentLinks, pool: [Bool]) throws(TeamError) -> (
    [TeamSearch.Found], minimum: Int, exhaustive: Bool
  ) {
    let request = search.request
    let departmentsInPool = Set(pool.indices.filter { pool[$0] }.map { search.membership[$0] }).count
    let floor = (request.size + request.maximumPerDepartment - 1) / request.maximumPerDepartment
    var minimum = request.minimumDepartments ?? max(floor, min(request.size, departmentsInPool))
    var available = pool, current = links, teams: [TeamSearch.Found] = [], exhaustive = true
    while teams.count < request.teams {
      guard let (found, wasExhaustive) = search.best(
        links: current, available: available, minimumDepartments: minimum, exhaustiveLimit: exhaustiveLimit)
      else {
        if teams.isEmpty && request.minimumDepartments == nil && minimum > floor {
          minimum -= 1
          continue
        }
        throw .noTeamMeetsConstraints(found: teams.count)
      }
      teams.append(found)
      exhaustive = exhaustive && wasExhaustive
      for m in found.team { available[Int(m)] = false }
      current = current.adding(found.team, model: search.model, graph: search.graph)
    }
    return (teams, minimum, exhaustive)
  }

  /// Searches each team again with the others fixed, keeping the better; then the gains in
  /// order. Returns whether every search was exhaustive.
  private static func refine(
    _ teams: inout [TeamSearch.Found], search: TeamSearch, links: DepartmentLinks, pool: [Bool], minimumDepartments: Int
  ) -> Bool {
    var exhaustive = true
    for i in teams.indices where teams.count > 1 {
      var others = links, available = pool
      for (j, team) in teams.enumerated() where j != i {
        others = others.adding(team.team, model: search.model, graph: search.graph)
        for m in team.team { available[Int(m)] = false }
      }
      let current = others.gain(
        of: teams[i].team, objective: search.request.objective, weights: search.weights, model: search.model, graph: search.graph)
      if let (found, wasExhaustive) = search.best(
        links: others, available: available, minimumDepartments: minimumDepartments, exhaustiveLimit: exhaustiveLimit)
      {
        exhaustive = exhaustive && wasExhaustive
        if found.gain > current + 1e-12 { teams[i] = found }
      }
    }
    var current = links
    for i in teams.indices {
      teams[i].gain = search.gain(of: teams[i].team, links: current)
      current = current.adding(teams[i].team, model: search.model, graph: search.graph)
    }
    return exhaustive
  }
}
