import SiloGraph

extension TeamAdvisor {
  /// The teams with what each member brings, each on the links the teams before it leave.
  static func explain(_ teams: [TeamSearch.Found], search: TeamSearch, links: DepartmentLinks) -> [ProposedTeam] {
    var current = links
    return teams.map { found in
      let team = found.team
      let members = team.map { m -> ProposedTeam.Member in
        let a = Int(search.membership[Int(m)])
        var joins: [Int] = [], secures: [Int] = []
        for other in team where other != m {
          let b = Int(search.membership[Int(other)])
          guard b != a, !joins.contains(b), !secures.contains(b) else { continue }
          if !current.isTied(a, b) {
            joins.append(b)
          } else if current.robustAfter(a, b, current.ends(of: team, a, b)) {
            secures.append(b)
          }
        }
        let ball = Set(search.ball(of: m))
        let others = team.filter { $0 != m }
        let direct = others.filter { search.graph.weight(from: NodeID(rawValue: m), to: NodeID(rawValue: $0)) != nil }
        return ProposedTeam.Member(
          node: NodeID(rawValue: m), department: a, joins: joins, secures: secures,
          worksWith: direct.map(NodeID.init(rawValue:)),
          near: others.filter { !direct.contains($0) && ball.contains($0) }.map(NodeID.init(rawValue:)))
      }
      current = current.adding(team, model: search.model, graph: search.graph)
      return ProposedTeam(members: members, modelGain: found.gain)
    }
  }
}

extension TeamAdvisor {
  /// Given teams with what each member brings, as ``propose(network:request:model:weighted:eligible:)``
  /// explains its own: each team on the links the teams before it leave, the members' reach
  /// as `request` sets it. The model gains are the search's model for these teams.
  ///
  /// - Throws: ``TeamError/needsLogWithDepartments`` for a network without departments or a
  ///   directed one.
  public static func describe(
    _ teams: [[NodeID]], network: Network, request: TeamRequest, model: TieModel, weighted: Bool = true
  ) throws(TeamError) -> [ProposedTeam] {
    guard let groups = network.groups, !network.graph.isDirected else { throw .needsLogWithDepartments }
    let links = DepartmentLinks(graph: network.graph, membership: groups.membership, k: groups.groupCount, weighted: weighted)
    let search = TeamSearch(
      graph: network.graph, membership: groups.membership, request: request, model: model,
      weights: PairWeights(closedness: links.closedness, counted: request.departments))
    var current = links
    let found = teams.map { team -> TeamSearch.Found in
      let members = team.map(\.rawValue)
      defer { current = current.adding(members, model: model, graph: network.graph) }
      return TeamSearch.Found(team: members, gain: search.gain(of: members, links: current))
    }
    return explain(found, search: search, links: links)
  }
}
