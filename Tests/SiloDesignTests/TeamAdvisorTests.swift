import PropertyBased
import SiloGraph
import Testing
import _SiloTestSupport

@testable import SiloDesign

/// The advisor against exhaustive search on constructed organizations, and its constraints on
/// random ones. The reference evaluator here is written from the objectives' definitions
/// (``TeamObjective``), independently of `DepartmentLinks`.
@Suite struct TeamAdvisorTests {
  /// An organization: people in departments, weighted ties.
  struct Organization: CustomStringConvertible {
    var departments: [Int]
    var ties: [(Int, Int, Double)]
    var description: String { "Organization(departments: \(departments), ties: \(ties))" }

    var network: Network {
      var builder = GraphBuilder(nodeCount: departments.count)
      for (u, v, w) in ties where u != v { builder.addEdge(NodeID(u), NodeID(v), weight: w) }
      let k = (departments.max() ?? 0) + 1
      return Network(
        graph: builder.build(), nodes: NodeTable(ids: departments.indices.map { "p\($0)" }),
        groups: Partition(membership: departments.map(Int32.init), groupCount: k, names: (0 ..< k).map { "D\($0)" }))
    }

    /// Closedness per department: weight inside / (inside + outside).
    var closedness: [Double] {
      let k = (departments.max() ?? 0) + 1
      var inside = [Double](repeating: 0, count: k), outside = inside
      var seen: Set<[Int]> = []
      for (u, v, w) in ties where u != v {
        let key = [min(u, v), max(u, v)]
        _ = seen.insert(key)
        if departments[u] == departments[v] {
          inside[departments[u]] += w
        } else {
          outside[departments[u]] += w
          outside[departments[v]] += w
        }
      }
      return (0 ..< k).map { inside[$0] + outside[$0] > 0 ? inside[$0] / (inside[$0] + outside[$0]) : 1 }
    }

    /// The untied-pairs gain of a set of teams, from the definition.
    func untiedPairsGain(_ teams: [[Int]]) -> Double {
      var tied: Set<[Int]> = []
      for (u, v, _) in ties where departments[u] != departments[v] {
        tied.insert([min(departments[u], departments[v]), max(departments[u], departments[v])])
      }
      var joined: Set<[Int]> = []
      for team in teams {
        for a in team {
          for b in team where departments[a] < departments[b] { joined.insert([departments[a], departments[b]]) }
        }
      }
      let c = closedness
      return joined.subtracting(tied).reduce(0) { $0 + (c[$1[0]] + c[$1[1]]) / 2 }
    }

    /// Whether a team meets the request, from the definitions.
    func meets(_ team: [Int], _ request: TeamRequest, minimumDepartments: Int) -> Bool {
      guard team.count == request.size, Set(team).count == team.count else { return false }
      var counts: [Int: Int] = [:]
      for m in team { counts[departments[m], default: 0] += 1 }
      guard counts.values.allSatisfy({ $0 <= request.maximumPerDepartment }), counts.count >= minimumDepartments else { return false }
      guard team.allSatisfy({ !request.excluded.contains(NodeID($0)) && (request.only?.contains(NodeID($0)) ?? true) }) else { return false }
      guard team.allSatisfy({ m in ties.contains { ($0.0 == m || $0.1 == m) && $0.0 != $0.1 } }) else { return false }
      if !request.departments.isEmpty && !team.contains(where: { request.departments.contains(departments[$0]) }) { return false }
      guard let reach = request.reach else { return true }
      let d = distances()
      return TeamSearch.isConnected(team.count) { d[team[$0]][team[$1]] <= reach }
    }

    /// Hop distances between everyone (Floyd–Warshall).
    func distances() -> [[Int]] {
      let n = departments.count, far = 1_000
      var d = (0 ..< n).map { i in (0 ..< n).map { $0 == i ? 0 : far } }
      for (u, v, _) in ties where u != v {
        d[u][v] = 1
        d[v][u] = 1
      }
      for k in 0 ..< n { for i in 0 ..< n { for j in 0 ..< n where d[i][k] + d[k][j] < d[i][j] { d[i][j] = d[i][k] + d[k][j] } } }
      return d
    }
  }

  /// Four departments of three: A and B tied, C and D tied, nothing else; within each
  /// department a triangle.
  static let fourIslands: Organization = {
    let departments = [0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3]
    var ties: [(Int, Int, Double)] = []
    for d in 0 ..< 4 { ties += [(3 * d, 3 * d + 1, 1), (3 * d + 1, 3 * d + 2, 1), (3 * d, 3 * d + 2, 1)] }
    ties += [(2, 3, 1), (8, 9, 1), (1, 7, 1)]
    return Organization(departments: departments, ties: ties)
  }()

  /// Every team of `size` people from `people`.
  static func teams(of people: [Int], size: Int) -> [[Int]] {
    guard size > 0 else { return [[]] }
    guard people.count >= size else { return [] }
    let first = people[0], rest = Array(people.dropFirst())
    return teams(of: rest, size: size - 1).map { [first] + $0 } + teams(of: rest, size: size)
  }

  @Test func oneTeamIsTheExhaustiveOptimum() throws {
    let org = Self.fourIslands
    for reach in [nil, 1, 2, 3] as [Int?] {
      for size in 2 ... 4 {
        var request = TeamRequest()
        request.teams = 1
        request.size = size
        request.reach = reach
        request.minimumDepartments = 1
        let feasible = Self.teams(of: Array(0 ..< 12), size: size).filter { org.meets($0, request, minimumDepartments: 1) }
        let best = feasible.map { org.untiedPairsGain([$0]) }.max()
        guard let best else {
          #expect(throws: TeamError.self) { try TeamAdvisor.propose(network: org.network, request: request, model: TieModel(.constant(1))) }
          continue
        }
        let advice = try TeamAdvisor.propose(network: org.network, request: request, model: TieModel(.constant(1)))
        #expect(advice.exhaustive)
        let team = advice.teams[0].members.map(\.node.index)
        #expect(org.meets(team, request, minimumDepartments: 1))
        #expect(isClose(org.untiedPairsGain([team]), best, tolerance: 1e-12), "reach \(String(describing: reach)), size \(size)")
        #expect(isClose(advice.teams[0].modelGain, best, tolerance: 1e-12))
      }
    }
  }

  @Test func greedyTeamsAreWithinTheGuarantee() throws {
    let org = Self.fourIslands
    var request = TeamRequest()
    request.teams = 2
    request.size = 3
    request.minimumDepartments = 2
    request.reach = nil
    let all = Self.teams(of: Array(0 ..< 12), size: 3).filter { org.meets($0, request, minimumDepartments: 2) }
    var optimum = 0.0
    for (i, a) in all.enumerated() {
      for b in all[(i + 1)...] where Set(a).isDisjoint(with: b) { optimum = max(optimum, org.untiedPairsGain([a, b])) }
    }
    let advice = try TeamAdvisor.propose(network: org.network, request: request, model: TieModel(.constant(1)))
    let teams = advice.teams.map { $0.members.map(\.node.index) }
    let gain = org.untiedPairsGain(teams)
    #expect(advice.exhaustive && advice.submodular)
    #expect(gain >= (1 - 1 / 2.718281828459045) * optimum - 1e-12)
    // Here two teams of three can join all four untied pairs (A–C, A–D, B–C, B–D): the
    // refinement reaches the optimum.
    #expect(isClose(gain, optimum, tolerance: 1e-12))
    #expect(isClose(advice.modelGain, gain, tolerance: 1e-12))
  }
}

extension TeamAdvisorTests {
  /// Random organizations: 6–40 people in 2–6 departments, 0–80 ties.
  static var organizations: Generator<Organization, AnySequence<Any>> {
    zip(
      Gen<Int>.int(in: 6 ... 40), Gen<Int>.int(in: 2 ... 6),
      zip(Gen<Int>.int(in: 0 ... 39), Gen<Int>.int(in: 0 ... 39), Gen<Double>.double(in: 0.5 ... 4)).array(of: 0 ... 80),
      Gen<Int>.int(in: 0 ... 1_000).array(of: 40 ... 40)
    ).map { n, k, ties, labels in
      Organization(departments: (0 ..< n).map { labels[$0] % k }, ties: ties.map { ($0.0 % n, $0.1 % n, $0.2) })
    }.eraseToAny()
  }

  /// Random requests on random organizations: either proposals that meet every constraint
  /// (sizes, per department, departments, exclusions, the pool, the reach, nobody twice) or a
  /// typed error; the constraints are checked from their definitions.
  @Test func proposalsNeverBreakTheConstraints() async {
    await propertyCheck(
      input: Self.organizations, Gen<Int>.int(in: 1 ... 3), Gen<Int>.int(in: 2 ... 5), Gen<Int>.int(in: 1 ... 3),
      Gen<Int>.int(in: 0 ... 3), Gen<Int>.int(in: 0 ... 6), Gen<UInt64>.uint64()
    ) { org, teams, size, perDepartment, reach, objective, bits in
      var request = TeamRequest()
      request.teams = teams
      request.size = size
      request.maximumPerDepartment = min(perDepartment, size)
      request.reach = reach == 0 ? nil : reach
      request.objective = TeamObjective.allCases[objective % 3]
      request.excluded = Set((0 ..< org.departments.count).filter { bits >> UInt64($0 % 64) & 1 == 1 && $0 % 3 == 0 }.map(NodeID.init))
      if objective >= 3 { request.only = Set((0 ..< org.departments.count).filter { $0 % 2 == 0 }.map(NodeID.init)) }
      if objective == 6 { request.departments = [0] }
      do {
        let advice = try TeamAdvisor.propose(network: org.network, request: request, model: TieModel(.constant(1)))
        let proposed = advice.teams.map { $0.members.map(\.node.index) }
        #expect(proposed.count == teams)
        #expect(Set(proposed.joined()).count == teams * size, "nobody twice")
        for team in proposed { #expect(org.meets(team, request, minimumDepartments: advice.minimumDepartments), "\(team)") }
      } catch {
        // Allowed: a typed refusal. Whether a refusal is right is checked where it is known.
      }
    }
  }

  /// When a team exists, the advisor finds one: on a random organization with one team
  /// asked for and an exhaustive pool, an error means no team meets the constraints.
  @Test func refusesOnlyWhenNoTeamExists() async {
    await propertyCheck(input: Self.organizations, Gen<Int>.int(in: 2 ... 4), Gen<Int>.int(in: 0 ... 2)) { org, size, reach in
      guard org.departments.count <= 20 else { return }
      var request = TeamRequest()
      request.teams = 1
      request.size = size
      request.reach = reach == 0 ? nil : reach
      request.minimumDepartments = 2
      let exists = Self.teams(of: Array(org.departments.indices), size: size).contains { org.meets($0, request, minimumDepartments: 2) }
      let advice = try? TeamAdvisor.propose(network: org.network, request: request, model: TieModel(.constant(1)))
      #expect((advice != nil) == exists, "\(org)")
    }
  }

  /// A pool too large to try every team (C(60, 5) ≈ 5.5 million) is searched greedily; on
  /// this organization (twelve departments of five, a ring of ties between neighbouring
  /// departments) the best team joins five departments no two of which are neighbours, and
  /// the greedy search finds such a team.
  @Test func greedySearchFindsTheBestTeamOnARing() throws {
    var departments: [Int] = [], ties: [(Int, Int, Double)] = []
    for d in 0 ..< 12 {
      for i in 0 ..< 5 {
        departments.append(d)
        if i > 0 { ties.append((5 * d + i - 1, 5 * d + i, 1)) }
      }
      ties.append((5 * d + 4, (5 * d + 5) % 60, 1))
    }
    let org = Organization(departments: departments, ties: ties)
    var request = TeamRequest()
    request.teams = 1
    request.reach = nil
    let advice = try TeamAdvisor.propose(network: org.network, request: request, model: TieModel(.constant(1)))
    #expect(!advice.exhaustive)
    let team = advice.teams[0].members.map(\.node.index)
    let joined = Set(team.map { departments[$0] })
    #expect(joined.count == 5)
    #expect(joined.allSatisfy { !joined.contains(($0 + 1) % 12) }, "\(joined)")
    #expect(isClose(org.untiedPairsGain([team]), advice.teams[0].modelGain, tolerance: 1e-12))
  }

  /// Fragile pairs: A and B are tied only through a0; a team with a0 leaves them fragile, a
  /// team with another member of A frees them.
  @Test func fragilePairsNeedATieWithoutTheirOnePerson() throws {
    let org = Organization(
      departments: [0, 0, 0, 1, 1, 1],
      ties: [(0, 3, 1), (0, 4, 1), (0, 1, 1), (1, 2, 1), (3, 4, 1), (4, 5, 1)])
    var request = TeamRequest()
    request.teams = 1
    request.size = 2
    request.objective = .fragilePairs
    request.minimumDepartments = 2
    let advice = try TeamAdvisor.propose(network: org.network, request: request, model: TieModel(.constant(1)))
    let team = advice.teams[0].members.map(\.node.index)
    #expect(!team.contains(0))
    #expect(advice.teams[0].modelGain > 0)
    #expect(advice.teams[0].members.allSatisfy { $0.secures.count == 1 })
    #expect(!advice.submodular)
  }

  /// The modularity model with a constant increment is exact: the gain equals the drop in
  /// modularity of the network with the team's ties added.
  @Test func modularityModelIsExactForAdditiveWeights() throws {
    let org = Self.fourIslands
    var request = TeamRequest()
    request.teams = 1
    request.size = 4
    request.objective = .modularity
    let network = org.network
    let advice = try TeamAdvisor.propose(network: network, request: request, model: TieModel(.constant(0.5)))
    let team = advice.teams[0].members.map(\.node.index)
    var ties = org.ties
    for i in team { for j in team where i < j { ties.append((i, j, 0.5)) } }
    let after = Organization(departments: org.departments, ties: ties).network
    let before = try network.graph.modularity(of: network.groups!).value
    let changed = try after.graph.modularity(of: after.groups!).value
    #expect(isClose(advice.teams[0].modelGain, before - changed, tolerance: 1e-12))
    #expect(advice.teams[0].modelGain > 0)
  }
}
