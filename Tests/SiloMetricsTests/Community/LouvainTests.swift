import SiloGraph
import SiloMetrics
import Testing

@Suite struct LouvainTests {
  @Test func karateReachesTheKnownOptimumRange() throws {
    let karate = try ReferenceNetworks.karate()
    let graph = ReferenceNetworks.unweighted(karate.graph)
    var best = -1.0
    for seed in UInt64(1) ... 20 {
      let found = try Louvain(weighted: false).communities(in: graph, seed: seed)
      best = max(best, found.modularity)
      #expect(found.modularity >= 0.40)
    }
    // Best unweighted modularity 1277/3042 = 0.4197896120973044 (python-igraph 1.0.0
    // community_leiden(objective_function="modularity"); /work/refs/silos.md §7).
    #expect(best >= 0.4188)
    print("best", best)
  }
}

@Suite struct LeidenTests {
  @Test func karate() throws {
    let karate = try ReferenceNetworks.karate()
    let graph = ReferenceNetworks.unweighted(karate.graph)
    var best = -1.0
    for seed in UInt64(1) ... 20 {
      let found = try Leiden(weighted: false).communities(in: graph, seed: seed)
      best = max(best, found.modularity)
      print(seed, found.modularity, found.partition.groupCount, found.levels.count)
    }
    #expect(best >= 0.4188)
  }
}
