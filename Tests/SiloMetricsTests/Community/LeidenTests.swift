import SiloGraph
import SiloMetrics
import Testing
import _SiloTestSupport

@Suite struct LeidenTests {
  /// Tests/References/silos_reference.md §7: python-igraph 1.0.0
  /// `community_leiden(objective_function='modularity', n_iterations=-1)` reaches 1277/3042 =
  /// 0.4197896120973044 on unweighted karate for all 100 seeds (the proven optimum, Brandes et al.
  /// 2008), with the partition listed there (4 communities). Our Leiden reaches it with the default
  /// seed 1.
  @Test func karateUnweightedReachesTheOptimum() throws {
    let (_, graph, _) = try Ref.karate_u.load()
    let found = try Leiden(weighted: false).communities(in: graph)
    #expect(found.seed == 1)
    #expect(isClose(found.modularity, 1277.0 / 3042, tolerance: 1e-12))
    #expect(found.quality == found.modularity)
    #expect(Partition(renumbering: found.partition.membership) == Partition(membership: ReferenceNetworks.karateBest))
  }

  /// Tests/References/silos_reference.md §7: on weighted karate igraph's Leiden reaches 323/726 =
  /// 0.44490358126721763 (95 of 100 seeds; the others 0.44385412567230753), with the same
  /// 4-community partition as the unweighted optimum.
  @Test func karateWeightedReaches323Over726() throws {
    let (_, graph, _) = try Ref.karate_w.load()
    let found = try Leiden(weighted: true).communities(in: graph)
    #expect(isClose(found.modularity, 323.0 / 726, tolerance: 1e-12))
    #expect(isClose(try graph.modularity(of: found.partition, weighted: true).value, 323.0 / 726, tolerance: 1e-12))
    #expect(Partition(renumbering: found.partition.membership) == Partition(membership: ReferenceNetworks.karateBest))
  }

  /// Leiden's guarantee (Traag, Waltman & van Eck 2019): every community is connected.
  /// Checked on karate, Lazega cowork (undirected and directed) and a planted-partition
  /// graph, for modularity at several resolutions and for CPM.
  @Test(arguments: [Ref.karate_u, .karate_w, .lazega_cow_u, .lazega_cow_uw, .lazega_cow_d])
  func communitiesAreConnected(_ key: Ref) throws {
    let (_, graph, _) = try key.load()
    for seed in UInt64(1) ... 5 {
      for resolution in [0.5, 1, 2] {
        let found = try Leiden(resolution: resolution, weighted: key.weighted).communities(in: graph, seed: seed)
        #expect(CommunityCheck.disconnectedCommunities(found.partition, in: graph).isEmpty, "seed \(seed) γ \(resolution)")
      }
      let cpm = try Leiden(resolution: 0.1, objective: .cpm, weighted: false).communities(in: graph, seed: seed)
      #expect(CommunityCheck.disconnectedCommunities(cpm.partition, in: graph).isEmpty, "CPM seed \(seed)")
    }
  }

  @Test(arguments: [UInt64(1), 2, 3])
  func communitiesAreConnectedOnAGeneratedGraph(_ seed: UInt64) throws {
    // 8 blocks of 25, p_in 0.2, p_out 0.02: blocks sparse enough that a bad community can
    // fall apart.
    let (graph, _) = CommunityCheck.plantedPartition(blocks: 8, size: 25, pIn: 0.2, pOut: 0.02, seed: seed)
    for resolution in [0.5, 1, 3] {
      let found = try Leiden(resolution: resolution).communities(in: graph, seed: seed)
      #expect(CommunityCheck.disconnectedCommunities(found.partition, in: graph).isEmpty)
      #expect(isClose(found.modularity, try graph.modularity(of: found.partition, resolution: resolution).value, tolerance: 1e-12))
    }
  }

  /// Regression (found by `SiloPropertyTests.communitySearchBeatsSingletons`): on this graph,
  /// CPM γ = 0.5 with weights, seed 0, local moving left persons 1 and 3 — tied only to 0 —
  /// together after 0 moved to 9's community, because a node could not move to a community of
  /// its own; the refinement kept them apart, merged nothing else, and the result had the
  /// disconnected community {1, 3}. Traag et al.'s MoveNodesFast and igraph's fastmovenodes
  /// offer the empty community; with it, 1 and 3 leave.
  @Test(arguments: Directedness.allCases)
  func cpmLeavesNoStrandedPair(_ directedness: Directedness) throws {
    var builder = GraphBuilder(nodeCount: 10, directedness: directedness)
    let ties: [(Int, Int, Double)] = [
      (0, 1, 1.000000000001), (0, 3, 0.5000000000010001), (9, 4, 1.000000000001), (2, 9, 1.5000000000020002),
      (9, 0, 2.0000000000030003),
    ]
    for (u, v, w) in ties { builder.addEdge(NodeID(u), NodeID(v), weight: w) }
    let graph = builder.build()
    for weighted in [false, true] {
      for seed in UInt64(0) ... 9 {
        let found = try Leiden(resolution: 0.5, objective: .cpm, weighted: weighted).communities(in: graph, seed: seed)
        #expect(CommunityCheck.disconnectedCommunities(found.partition, in: graph).isEmpty, "seed \(seed)")
        #expect(isClose(found.quality, try graph.cpmQuality(of: found.partition, resolution: 0.5, weighted: weighted), tolerance: 1e-12))
      }
    }
  }

  @Test(arguments: [Ref.karate_u, .karate_w, .lazega_cow_d, .krack_fri_d])
  func sameSeedSameResult(_ key: Ref) throws {
    let (_, graph, _) = try key.load()
    for objective in CommunityObjective.allCases {
      let leiden = Leiden(resolution: objective == .cpm ? 0.1 : 1, objective: objective, weighted: key.weighted)
      let a = try leiden.communities(in: graph, seed: 5)
      let b = try leiden.communities(in: graph, seed: 5)
      #expect(a == b)
      #expect(a.method == "leiden")
      #expect(a.objective == objective)
    }
  }

  @Test(arguments: [Ref.karate_u, .karate_w, .lazega_cow_u, .lazega_adv_d])
  func levels(_ key: Ref) throws {
    let (_, graph, _) = try key.load()
    for seed in UInt64(1) ... 5 {
      let found = try Leiden(weighted: key.weighted).communities(in: graph, seed: seed)
      #expect(!found.levels.isEmpty)
      #expect(found.levels.last == found.partition)
      let counts = found.levels.map(\.groupCount)
      #expect(zip(counts, counts.dropFirst()).allSatisfy { $0 >= $1 }, "\(counts)")
    }
  }

  /// CPM on unweighted karate, γ = 0.1 (the vivainsights setting: its `network_p2p` example passes
  /// resolution 0.1 to igraph's Leiden, whose default objective is CPM). Quality is Traag's H = Σ_c
  /// (e_c − γ n_c(n_c − 1)/2) (`cpmQuality`); Tests/References/silos_reference.md §7 "CPM" gives
  /// igraph 1.0.0 `community_leiden(objective_function='CPM', resolution=0.1)` results, whose best
  /// H is 431/10 = 43.1 (igraph's own `quality` is normalized differently, 69/130). Regression:
  /// this call never returned before the refinement fallback (a level whose refinement merged
  /// nothing was aggregated into itself, forever).
  @Test(arguments: [UInt64(1), 2, 3, 4, 5])
  func cpmOnKarate(_ seed: UInt64) throws {
    let (_, graph, groups) = try Ref.karate_u.load()
    let found = try Leiden(resolution: 0.1, objective: .cpm, weighted: false).communities(in: graph, seed: seed)
    let quality = try graph.cpmQuality(of: found.partition, resolution: 0.1, weighted: false)
    #expect(isClose(found.quality, quality, tolerance: 1e-12))
    let singletons = Partition(membership: (0 ..< Int32(graph.nodeCount)).map { $0 })
    #expect(try graph.cpmQuality(of: singletons, resolution: 0.1, weighted: false) == 0)
    #expect(found.quality >= 0)
    // Club split: e = 35 + 32 = 67 ties inside, 2 · C(17, 2) = 272 pairs: H = 67 − 27.2 = 39.8.
    let club = try graph.cpmQuality(of: groups, resolution: 0.1, weighted: false)
    #expect(isClose(club, 39.8, tolerance: 1e-12))
    #expect(found.quality >= club)
    // `modularity` is Newman–Girvan modularity at γ = 1 of the partition found.
    #expect(isClose(found.modularity, try graph.modularity(of: found.partition, resolution: 1, weighted: false).value, tolerance: 1e-12))
    #expect(found.objective == .cpm)
    #expect(found.resolution == 0.1)
  }

  @Test(arguments: [0.0, -1, Double.nan, -Double.infinity])
  func invalidResolutionThrows(_ resolution: Double) throws {
    let graph = ReferenceNetworks.twoK4().graph
    for objective in CommunityObjective.allCases {
      let error = #expect(throws: MetricError.self) {
        try Leiden(resolution: resolution, objective: objective).communities(in: graph)
      }
      #expect(error?.isInvalidArgument == true, "expected invalidArgument, got \(String(describing: error))")
    }
  }

  @Test func invalidRandomnessThrows() throws {
    var leiden = Leiden()
    leiden.randomness = 0
    let error = #expect(throws: MetricError.self) { try leiden.communities(in: ReferenceNetworks.twoK4().graph) }
    #expect(error?.isInvalidArgument == true, "expected invalidArgument, got \(String(describing: error))")
  }

  /// Two K4 with a bridge: the two cliques, Q = 11/26 (Tests/References/silos_reference.md §9).
  @Test(arguments: [UInt64(1), 2, 3, 4, 5])
  func twoK4FindsTheCliques(_ seed: UInt64) throws {
    let network = ReferenceNetworks.twoK4()
    let found = try Leiden().communities(in: network.graph, seed: seed)
    #expect(Partition(renumbering: found.partition.membership) == Partition(renumbering: network.groups!.membership))
    #expect(isClose(found.modularity, 11.0 / 26, tolerance: 1e-12))
  }
}
