import SiloGraph
import SiloIngest
import Testing
import _SiloTestSupport

@testable import SiloDesign

/// The advisor against chance on a generated 600-person municipality: its three teams of five
/// join more closed department pairs than the best of 1,000 random sets of three teams of the
/// same shape under the same constraints (five departments each, members within two steps,
/// nobody twice).
@Suite struct RandomTeamsTests {
  static func municipality() throws -> Network {
    var bytes: [UInt8] = []
    _ = SyntheticOrganization(people: 600).generateCSV { bytes += $0; $0.removeAll() }
    return try ProjectLogReader.read(bytes: bytes, name: "municipality.csv").projected().network
  }

  /// Random teams: a random member with a tie, then random people within reach of the team
  /// from departments not yet in it, until five; a stuck team starts again.
  static func randomTeams(_ network: Network, search: TeamSearch, teams: Int, size: Int, generator: inout SeededGenerator) -> [[Int32]] {
    let membership = network.groups!.membership
    var taken: Set<Int32> = [], result: [[Int32]] = []
    let pool = (0 ..< Int32(network.graph.nodeCount)).filter { network.graph.degree(of: NodeID(rawValue: $0)) > 0 }
    while result.count < teams {
      var team = [pool.randomElement(using: &generator)!]
      guard !taken.contains(team[0]) else { continue }
      while team.count < size {
        let near = Set(team.flatMap { search.ball(of: $0) }).filter { c in
          !taken.contains(c) && !team.contains(c) && !team.contains { membership[Int($0)] == membership[Int(c)] }
            && network.graph.degree(of: NodeID(rawValue: c)) > 0
        }
        guard let next = near.sorted().randomElement(using: &generator) else { break }
        team.append(next)
      }
      if team.count == size {
        result.append(team)
        taken.formUnion(team)
      }
    }
    return result
  }

  @Test func proposalBeatsTheBestOfAThousandRandomTeams() throws {
    let network = try Self.municipality()
    let groups = network.groups!
    let request = TeamRequest()
    let model = TieModel(.constant(1))
    let advice = try TeamAdvisor.propose(network: network, request: request, model: model)
    #expect(advice.minimumDepartments == 5)
    let links = DepartmentLinks(graph: network.graph, membership: groups.membership, k: groups.groupCount, weighted: true)
    let weights = PairWeights(closedness: links.closedness, counted: [])
    func gain(_ teams: [[Int32]]) -> Double {
      let after = teams.reduce(links) { $0.adding($1, model: model, graph: network.graph) }
      return links.value(of: .untiedPairs, weights: weights) - after.value(of: .untiedPairs, weights: weights)
    }
    let proposed = gain(advice.teams.map { $0.members.map(\.node.rawValue) })
    let search = TeamSearch(
      graph: network.graph, membership: groups.membership, request: request, model: model, weights: weights)
    var generator = SeededGenerator(seed: 7)
    var bestRandom = 0.0
    for _ in 0 ..< 1_000 {
      bestRandom = max(bestRandom, gain(Self.randomTeams(network, search: search, teams: 3, size: 5, generator: &generator)))
    }
    // Seen on 2026-12-05: proposed 18.8, best of 1,000 random 10.0 (of 34.5 to gain: 49 of the
    // 105 department pairs have no tie).
    print("teams on the 600-person municipality: proposed \(proposed), best of 1,000 random \(bestRandom)")
    #expect(proposed > bestRandom)
    #expect(isClose(proposed, advice.modelGain, tolerance: 1e-9))
  }
}
