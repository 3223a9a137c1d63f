import Foundation
import Testing
import _SiloTestSupport

/// `silos`, `communities` and `brokers` end to end: the JSON layout other tools rely on
/// (`graph`, `groups`, `nodes`), `null` for undefined values, and the numbers against the
/// library's references.
@Suite("silos, communities, brokers")
struct AnalysisCommandTests {
  static let karateEdges = TestDatasets.path("zachary_karate/edges.csv")
  static let karateNodes = TestDatasets.path("zachary_karate/nodes.csv")

  func karate(_ command: String, _ extra: [String] = [], in folder: TemporaryFolder) throws -> [String: Any] {
    let run = try siloscope(
      [command, "--edges", Self.karateEdges, "--nodes", Self.karateNodes, "--group-column", "group", "--relation", "interaction", "--format", "json"] + extra,
      in: folder)
    #expect(run.status == 0, "\(run)")
    return try jsonObject(run.out)
  }

  @Test("silos --format json: graph, groups and nodes as documented; karate's club split")
  func silosJSON() throws {
    try withTemporaryFolder { folder in
      let json = try karate("silos", in: folder)
      #expect(integer(json["schema_version"]) == 1)
      let graph = try #require(json["graph"] as? [String: Any])
      #expect(integer(graph["nodes"]) == 34)
      #expect(integer(graph["edges"]) == 78)
      #expect(boolean(graph["directed"]) == false)
      // Weighted modularity of the club split: 0.391438 (networkx 3.6.1
      // community.modularity(G, parts, weight="weight"); Tests/References/reference_values.md, Silos §1).
      #expect(abs(try #require(number(graph["modularity"])) - 0.39143756676224206) < 1e-12)
      // Weighted E-I: (E − I)/(E + I) over tie weights; weighted assortativity 557/711 (reference_values.md, Silos §4).
      #expect(abs(try #require(number(graph["assortativity"])) - 557.0 / 711.0) < 1e-12)
      for key in ["ei_index", "freeman_segregation", "ei_p_value"] { #expect(number(graph[key]) != nil, "\(key)") }
      let groups = try #require(json["groups"] as? [[String: Any]])
      #expect(groups.map { $0["name"] as? String } == ["Mr. Hi", "Officer"])
      for group in groups {
        for key in ["size", "internal", "external", "ei_index"] { #expect(number(group[key]) != nil, "\(key)") }
      }
      let nodes = try #require(json["nodes"] as? [[String: Any]])
      #expect(nodes.count == 34)
      #expect(nodes.first?["id"] as? String == "0")
      #expect(nodes.first?["group"] as? String == "Mr. Hi")
    }
  }

  @Test("silos --unweighted: unweighted modularity of the club split is 0.358235")
  func silosUnweighted() throws {
    try withTemporaryFolder { folder in
      let json = try karate("silos", ["--unweighted"], in: folder)
      let graph = try #require(json["graph"] as? [String: Any])
      // networkx 3.6.1 community.modularity(G, parts, weight=None) = 0.3582347140039448.
      #expect(abs(try #require(number(graph["modularity"])) - 0.3582347140039448) < 1e-12)
      #expect(boolean(graph["weighted"]) == false)
    }
  }

  @Test("a department of one person has no internal density: null, not 0")
  func nullForUndefined() throws {
    try withTemporaryFolder { folder in
      let log = folder.write("log.csv", "person,department,project\nann,A,p1\nbob,A,p1\ncid,B,p1\ncid,B,p2\nann,A,p2\n")
      let run = try siloscope(["silos", log, "--format", "json"], in: folder)
      #expect(run.status == 0, "\(run)")
      let json = try jsonObject(run.out)
      let groups = try #require(json["groups"] as? [[String: Any]])
      let b = try #require(groups.first { $0["name"] as? String == "B" })
      #expect(b["internal_density"] is NSNull)
      #expect(integer(b["size"]) == 1)
    }
  }

  @Test("communities --format json: Leiden finds 323/726 on weighted karate and compares with the clubs")
  func communitiesJSON() throws {
    try withTemporaryFolder { folder in
      let json = try karate("communities", in: folder)
      let communities = try #require(json["communities"] as? [String: Any])
      // python-igraph 1.0.0 community_leiden(objective_function="modularity", weights=…) best: 323/726.
      #expect(abs(try #require(number(communities["modularity"])) - 323.0 / 726.0) < 1e-12)
      #expect(communities["method"] as? String == "leiden")
      let comparison = try #require(json["comparison"] as? [String: Any])
      for key in ["nmi", "adjusted_rand", "variation_of_information"] { #expect(number(comparison[key]) != nil, "\(key)") }
      let nodes = try #require(json["nodes"] as? [[String: Any]])
      #expect(nodes.count == 34)
      #expect(nodes.allSatisfy { integer($0["community"]) != nil && $0["group"] is String })
      let louvain = try karate("communities", ["--method", "louvain", "--seed", "3"], in: folder)
      #expect((louvain["communities"] as? [String: Any])?["method"] as? String == "louvain")
    }
  }

  @Test("brokers --format json: per-person betweenness and Burt measures; the isolate-free karate ranks person 0 first")
  func brokersJSON() throws {
    try withTemporaryFolder { folder in
      let json = try karate("brokers", ["--distance", "hops", "--top", "3"], in: folder)
      let graph = try #require(json["graph"] as? [String: Any])
      #expect(graph["distance"] as? String == "hops")
      #expect(graph["betweenness_method"] as? String == "exact")
      let nodes = try #require(json["nodes"] as? [[String: Any]])
      #expect(nodes.count == 34)
      for key in ["betweenness", "constraint", "effective_size", "efficiency"] {
        #expect(nodes.allSatisfy { number($0[key]) != nil }, "\(key)")
      }
      // Hierarchy is undefined for one contact (karate's person 11): null, with the key kept.
      let eleven = try #require(nodes.first { $0["id"] as? String == "11" })
      #expect(eleven["hierarchy"] is NSNull)
      #expect(nodes.allSatisfy { $0["hierarchy"] != nil })
      // networkx 3.6.1 betweenness_centrality(karate_club_graph()) normalized: node 0
      // 0.43763528138528146, the largest (Tests/References/reference_values.md, Silos §5).
      let zero = try #require(nodes.first { $0["id"] as? String == "0" })
      #expect(abs(try #require(number(zero["betweenness"])) - 0.43763528138528146) < 1e-12)
      let brokers = try #require(json["brokers"] as? [[String: Any]])
      #expect(brokers.count == 3)
      #expect(brokers.first?["id"] as? String == "0")
    }
  }
}
