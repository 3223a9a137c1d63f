import Foundation
import SiloGraph
import SiloMetrics
import Testing
import _SiloTestSupport

/// The E-I index (Krackhardt & Stern 1988) at the level of the organization, each group and each
/// person (reference values: Tests/References/silos_reference.md §2, §2b, §2c). Every value is a
/// ratio of integer counts or integer weight sums, so `Double(E − I) / Double(E + I)` is the
/// correctly rounded value that silos_reference.md prints beside the fraction, and the comparisons
/// are exact (`==`).
@Suite struct ExternalInternalIndexTests {
  struct NetworkRow: Sendable, CustomTestStringConvertible {
    var key: Ref
    var external: Double
    var `internal`: Double
    /// E-I exact = numerator / denominator (unweighted).
    var numerator: Double
    var denominator: Double
    /// (E_w, I_w, numerator, denominator) with weights, for the weighted keys.
    var weighted: (Double, Double, Double, Double)?
    init(
      _ key: Ref, external: Double, internal: Double, _ numerator: Double, _ denominator: Double,
      weighted: (Double, Double, Double, Double)? = nil
    ) {
      (self.key, self.external, self.internal, self.numerator, self.denominator, self.weighted) =
        (key, external, `internal`, numerator, denominator, weighted)
    }
    var testDescription: String { key.rawValue }
  }

  /// Tests/References/silos_reference.md §2 (E = ties between groups, I = within; directed: arcs;
  /// weighted: sums of weights), equal to netseg `ei()` (mbojan/netseg R/ei.R, re-implemented by
  /// Tests/References/silos_reference.py).
  static let networks: [NetworkRow] = [
    NetworkRow(.karate_u, external: 11, internal: 67, -28, 39),
    NetworkRow(.karate_w, external: 11, internal: 67, -28, 39, weighted: (25, 206, -181, 231)),
    NetworkRow(.krack_adv_d, external: 144, internal: 46, 49, 95),
    NetworkRow(.krack_adv_u, external: 110, internal: 35, 15, 29),
    NetworkRow(.krack_adv_uw, external: 110, internal: 35, 15, 29, weighted: (144, 46, 49, 95)),
    NetworkRow(.krack_fri_d, external: 64, internal: 38, 13, 51),
    NetworkRow(.lazega_cow_d, external: 271, internal: 833, -281, 552),
    NetworkRow(.lazega_cow_u, external: 192, internal: 534, -57, 121),
    NetworkRow(.lazega_cow_uw, external: 192, internal: 534, -57, 121, weighted: (271, 833, -281, 552)),
    NetworkRow(.lazega_adv_d, external: 231, internal: 661, -215, 446),
  ]

  @Test(arguments: networks)
  func networkLevel(_ row: NetworkRow) throws {
    let (_, graph, groups) = try row.key.load()
    let ei = try graph.externalInternalIndex(of: groups, weighted: false)
    #expect(ei.external == row.external)
    #expect(ei.internal == row.internal)
    #expect(ei.overall == row.numerator / row.denominator)
    #expect(!ei.weighted)
    if let (external, inside, numerator, denominator) = row.weighted {
      let w = try graph.externalInternalIndex(of: groups, weighted: true)
      #expect(w.external == external)
      #expect(w.internal == inside)
      #expect(w.overall == numerator / denominator)
      #expect(w.weighted)
    } else {
      // Every tie weighs 1: weights change nothing.
      let w = try graph.externalInternalIndex(of: groups, weighted: true)
      #expect(w.overall == row.numerator / row.denominator)
    }
  }

  /// Tests/References/silos_reference.md §2 identity: with weight = number of arcs between the
  /// pair, the weighted undirected E-I equals the directed arc E-I (Krackhardt advice 49/95, Lazega
  /// cowork −281/552) and differs from the OR-undirected one (15/29, −57/121).
  static let sumOfArcs: [(Ref, Ref, Double, Double)] = [
    (.krack_adv_d, .krack_adv_uw, 49.0 / 95, 15.0 / 29), (.lazega_cow_d, .lazega_cow_uw, -281.0 / 552, -57.0 / 121),
  ]

  @Test(arguments: sumOfArcs)
  func sumOfArcsIdentity(_ directed: Ref, _ summed: Ref, _ arcs: Double, _ or: Double) throws {
    let d = try directed.load(), u = try summed.load()
    #expect(try d.graph.externalInternalIndex(of: d.groups).overall == arcs)
    #expect(try u.graph.externalInternalIndex(of: u.groups, weighted: true).overall == arcs)
    #expect(try u.graph.externalInternalIndex(of: u.groups, weighted: false).overall == or)
  }

  struct GroupRow: Sendable, CustomTestStringConvertible {
    var key: Ref
    var name: String
    var size: Int
    /// I_g: ties inside g, once each.
    var `internal`: Double
    /// E_g: ties with exactly one end in g (directed: arcs out of or into g).
    var external: Double
    var perTie: (Double, Double)
    var perEndpoint: (Double, Double)
    init(
      _ key: Ref, _ name: String, size: Int, internal: Double, external: Double, perTie: (Double, Double),
      perEndpoint: (Double, Double)
    ) {
      (self.key, self.name, self.size, self.internal, self.external, self.perTie, self.perEndpoint) =
        (key, name, size, `internal`, external, perTie, perEndpoint)
    }
    var testDescription: String { "\(key.rawValue) \(name)" }
  }

  /// Tests/References/silos_reference.md §2b: per tie (E_g − I_g)/(E_g + I_g), per endpoint
  /// (E_g − 2I_g)/(E_g + 2I_g), as exact fractions; the `_w`/`_uw` rows with weights (§2b "(w)").
  static let groups: [GroupRow] = [
    GroupRow(.karate_u, "Mr. Hi", size: 17, internal: 35, external: 11, perTie: (-12, 23), perEndpoint: (-59, 81)),
    GroupRow(.karate_u, "Officer", size: 17, internal: 32, external: 11, perTie: (-21, 43), perEndpoint: (-53, 75)),
    GroupRow(.karate_w, "Mr. Hi", size: 17, internal: 106, external: 25, perTie: (-81, 131), perEndpoint: (-187, 237)),
    GroupRow(.karate_w, "Officer", size: 17, internal: 100, external: 25, perTie: (-3, 5), perEndpoint: (-7, 9)),
    GroupRow(.krack_adv_d, "0", size: 1, internal: 0, external: 21, perTie: (1, 1), perEndpoint: (1, 1)),
    GroupRow(.krack_adv_d, "1", size: 5, internal: 9, external: 60, perTie: (17, 23), perEndpoint: (7, 13)),
    GroupRow(.krack_adv_d, "2", size: 8, internal: 25, external: 90, perTie: (13, 23), perEndpoint: (2, 7)),
    GroupRow(.krack_adv_d, "3", size: 3, internal: 4, external: 61, perTie: (57, 65), perEndpoint: (53, 69)),
    GroupRow(.krack_adv_d, "4", size: 4, internal: 8, external: 56, perTie: (3, 4), perEndpoint: (5, 9)),
    GroupRow(.krack_adv_u, "0", size: 1, internal: 0, external: 14, perTie: (1, 1), perEndpoint: (1, 1)),
    GroupRow(.krack_adv_u, "1", size: 5, internal: 5, external: 47, perTie: (21, 26), perEndpoint: (37, 57)),
    GroupRow(.krack_adv_u, "2", size: 8, internal: 21, external: 74, perTie: (53, 95), perEndpoint: (8, 29)),
    GroupRow(.krack_adv_u, "3", size: 3, internal: 3, external: 39, perTie: (6, 7), perEndpoint: (11, 15)),
    GroupRow(.krack_adv_u, "4", size: 4, internal: 6, external: 46, perTie: (10, 13), perEndpoint: (17, 29)),
    GroupRow(.krack_adv_uw, "0", size: 1, internal: 0, external: 21, perTie: (1, 1), perEndpoint: (1, 1)),
    GroupRow(.krack_adv_uw, "1", size: 5, internal: 9, external: 60, perTie: (17, 23), perEndpoint: (7, 13)),
    GroupRow(.krack_adv_uw, "2", size: 8, internal: 25, external: 90, perTie: (13, 23), perEndpoint: (2, 7)),
    GroupRow(.krack_adv_uw, "3", size: 3, internal: 4, external: 61, perTie: (57, 65), perEndpoint: (53, 69)),
    GroupRow(.krack_adv_uw, "4", size: 4, internal: 8, external: 56, perTie: (3, 4), perEndpoint: (5, 9)),
    GroupRow(.krack_fri_d, "0", size: 1, internal: 0, external: 3, perTie: (1, 1), perEndpoint: (1, 1)),
    GroupRow(.krack_fri_d, "1", size: 5, internal: 11, external: 37, perTie: (13, 24), perEndpoint: (15, 59)),
    GroupRow(.krack_fri_d, "2", size: 8, internal: 17, external: 33, perTie: (8, 25), perEndpoint: (-1, 67)),
    GroupRow(.krack_fri_d, "3", size: 3, internal: 1, external: 30, perTie: (29, 31), perEndpoint: (7, 8)),
    GroupRow(.krack_fri_d, "4", size: 4, internal: 9, external: 25, perTie: (8, 17), perEndpoint: (7, 43)),
    GroupRow(.lazega_cow_d, "corporate", size: 30, internal: 327, external: 271, perTie: (-28, 299), perEndpoint: (-383, 925)),
    GroupRow(.lazega_cow_d, "litigation", size: 41, internal: 506, external: 271, perTie: (-235, 777), perEndpoint: (-741, 1283)),
    GroupRow(.lazega_cow_u, "corporate", size: 30, internal: 206, external: 192, perTie: (-7, 199), perEndpoint: (-55, 151)),
    GroupRow(.lazega_cow_u, "litigation", size: 41, internal: 328, external: 192, perTie: (-17, 65), perEndpoint: (-29, 53)),
    GroupRow(.lazega_cow_uw, "corporate", size: 30, internal: 327, external: 271, perTie: (-28, 299), perEndpoint: (-383, 925)),
    GroupRow(.lazega_cow_uw, "litigation", size: 41, internal: 506, external: 271, perTie: (-235, 777), perEndpoint: (-741, 1283)),
    GroupRow(.lazega_adv_d, "corporate", size: 30, internal: 241, external: 231, perTie: (-5, 236), perEndpoint: (-251, 713)),
    GroupRow(.lazega_adv_d, "litigation", size: 41, internal: 420, external: 231, perTie: (-9, 31), perEndpoint: (-29, 51)),
  ]

  @Test(arguments: groups)
  func groupLevel(_ row: GroupRow) throws {
    let (_, graph, partition) = try row.key.load()
    let g = try #require(partition.names?.firstIndex(of: row.name))
    #expect(partition.sizes[g] == row.size)
    let perTie = try graph.externalInternalIndex(of: partition, weighted: row.key.weighted, convention: .perTie)
    #expect(perTie.convention == .perTie)
    #expect(perTie.perGroup[g].external == row.external)
    #expect(perTie.perGroup[g].internal == row.internal)
    #expect(perTie.perGroup[g].index == row.perTie.0 / row.perTie.1)
    let perEndpoint = try graph.externalInternalIndex(
      of: partition, weighted: row.key.weighted, convention: .perEndpoint)
    #expect(perEndpoint.convention == .perEndpoint)
    #expect(perEndpoint.perGroup[g].external == row.external)
    #expect(perEndpoint.perGroup[g].internal == 2 * row.internal)
    #expect(perEndpoint.perGroup[g].index == row.perEndpoint.0 / row.perEndpoint.1)
    // The network level does not depend on the group convention.
    #expect(perEndpoint.overall == perTie.overall)
  }

  /// The weighted graphs evaluated without weights give the group values of their unweighted
  /// sibling (Tests/References/silos_reference.md §2b, `karate_u`, `krack_adv_u`, `lazega_cow_u`
  /// rows).
  @Test(arguments: [(Ref.karate_w, Ref.karate_u), (.krack_adv_uw, .krack_adv_u), (.lazega_cow_uw, .lazega_cow_u)])
  func weightedGraphsCountingTies(_ weightedKey: Ref, _ sibling: Ref) throws {
    let (_, graph, partition) = try weightedKey.load()
    let ei = try graph.externalInternalIndex(of: partition, weighted: false)
    let rows = Self.groups.filter { $0.key == sibling }
    #expect(rows.count == partition.groupCount)
    for row in rows {
      let g = try #require(partition.names?.firstIndex(of: row.name))
      #expect(ei.perGroup[g].index == row.perTie.0 / row.perTie.1)
    }
  }

  /// Person level against the Tests/References/silos_reference.md §2c tables (undirected) and
  /// SiloScope's directed convention (every arc at the person once, out and in), see `PersonEI`.
  @Test(arguments: Ref.allCases.filter { PersonEI.counts($0) != nil })
  func personLevel(_ key: Ref) throws {
    let (_, graph, partition) = try key.load()
    let expected = try #require(PersonEI.counts(key))
    let ei = try graph.externalInternalIndex(of: partition, weighted: key.weighted)
    #expect(ei.perNode.count == expected.count)
    for (v, (e, i)) in expected.enumerated() {
      let value = ei.perNode[v]
      #expect(value == (e - i) / (e + i), "node \(v) (E \(e), I \(i)): \(value)")
    }
    // Per endpoint is the sum of the members' person counts (a tie between groups has one end
    // in g, a tie inside two): Σ_{i∈g} E_i = E_g and Σ_{i∈g} I_i = 2 I_g.
    let perEndpoint = try graph.externalInternalIndex(of: partition, weighted: key.weighted, convention: .perEndpoint)
    for g in 0 ..< partition.groupCount {
      let members = partition.members[g].map(\.index)
      #expect(members.reduce(0) { $0 + expected[$1].0 } == perEndpoint.perGroup[g].external)
      #expect(members.reduce(0) { $0 + expected[$1].1 } == perEndpoint.perGroup[g].internal)
    }
  }

  /// The directed convention recounted from the raw CSV rows (own parsing, no SiloScope
  /// reader): for each arc u→v of the relation, both u and v get one external arc when
  /// their groups (nodes.csv `group`) differ, one internal arc otherwise.
  @Test(arguments: [
    ("krackhardt_hightech", "advice", Ref.krack_adv_d), ("krackhardt_hightech", "friendship", .krack_fri_d),
    ("lazega_lawfirm", "cowork", .lazega_cow_d), ("lazega_lawfirm", "advice", .lazega_adv_d),
  ])
  func directedPersonLevelFromTheRawFiles(_ folder: String, _ relation: String, _ key: Ref) throws {
    let nodeLines = try String(contentsOfFile: TestDatasets.path("\(folder)/nodes.csv"), encoding: .utf8)
      .split(separator: "\n").dropFirst()
    var group: [String: Substring] = [:]
    var order: [String] = []
    for line in nodeLines {
      let fields = line.split(separator: ",", omittingEmptySubsequences: false)
      group[String(fields[0])] = fields[2]
      order.append(String(fields[0]))
    }
    var external: [String: Double] = [:], inside: [String: Double] = [:]
    var arcs = 0
    for line in try String(contentsOfFile: TestDatasets.path("\(folder)/edges.csv"), encoding: .utf8)
      .split(separator: "\n").dropFirst()
    {
      let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      guard f[3] == relation, f[0] != f[1] else { continue }
      arcs += 1
      if group[f[0]] == group[f[1]] {
        inside[f[0], default: 0] += 1; inside[f[1], default: 0] += 1
      } else {
        external[f[0], default: 0] += 1; external[f[1], default: 0] += 1
      }
    }
    let (network, graph, partition) = try key.load()
    #expect(arcs == graph.edgeCount)
    #expect(network.nodes.ids == order)
    let ei = try graph.externalInternalIndex(of: partition)
    for (v, id) in order.enumerated() {
      let e = external[id, default: 0], i = inside[id, default: 0]
      let expected = e + i > 0 ? (e - i) / (e + i) : .nan
      #expect(isClose(ei.perNode[v], expected, tolerance: 0), "id \(id): E \(e), I \(i)")
    }
    // Krackhardt friendship id 7 (the CEO, group 0) has no out-arcs: NaN in the out-arc convention
    // of silos_reference.md §2c, 1.0 in ours (3 incoming arcs, all external).
    if key == .krack_fri_d { #expect(ei.perNode[6] == 1) }
  }

  /// Two K4 joined by a bridge, Tests/References/silos_reference.md §9 closed form.
  @Test func twoK4ClosedForm() throws {
    let network = ReferenceNetworks.twoK4()
    let ei = try network.graph.externalInternalIndex(of: network.groups!)
    #expect(ei.overall == -11.0 / 13)  // E = 1, I = 12
    for g in ei.perGroup {
      #expect(g.index == -5.0 / 7)  // E_g = 1, I_g = 6
    }
    let perEndpoint = try network.graph.externalInternalIndex(of: network.groups!, convention: .perEndpoint)
    for g in perEndpoint.perGroup {
      #expect(g.index == -11.0 / 13)  // E_g = 1, 2 I_g = 12
    }
    #expect(ei.perNode == [-1, -1, -1, -0.5, -0.5, -1, -1, -1])  // E 0 / I 3; bridge ends E 1 / I 3
  }

  /// A person without ties, a group whose members have no ties, and a graph without ties
  /// have no E-I (NaN), weighted or not, in both conventions and directions.
  @Test(arguments: Directedness.allCases, [false, true])
  func isolatesAreNaN(_ directedness: Directedness, _ weighted: Bool) throws {
    var builder = GraphBuilder(nodeCount: 5, directedness: directedness)
    builder.addEdge(NodeID(0), NodeID(1), weight: 2)
    builder.addEdge(NodeID(1), NodeID(2), weight: 3)
    builder.addEdge(NodeID(4), NodeID(4), weight: 5)  // a self-loop is not a tie
    let graph = builder.build()
    // Groups: {0, 1}, {2}, {3, 4}: node 3 and 4 have no ties, so group 2 has none.
    let partition = Partition(membership: [0, 0, 1, 2, 2])
    for convention in EIGroupConvention.allCases {
      let ei = try graph.externalInternalIndex(of: partition, weighted: weighted, convention: convention)
      #expect(ei.perNode[3].isNaN)
      #expect(ei.perNode[4].isNaN)
      #expect(ei.perGroup[2].index.isNaN)
      // Node 0: one internal tie; node 2: one external tie.
      #expect(ei.perNode[0] == -1)
      #expect(ei.perNode[2] == 1)
      #expect(ei.perGroup[1].index == 1)
      // (E − I)/(E + I) with E = 3 (or 1), I = 2 (or 1).
      #expect(ei.overall == (weighted ? 1.0 / 5 : 0))
    }
    let empty = CollaborationGraph(isolatedNodes: 3, directedness: directedness)
    let none = try empty.externalInternalIndex(of: Partition(membership: [0, 1, 1]), weighted: weighted)
    #expect(none.overall.isNaN)
    #expect(none.external == 0 && none.internal == 0)
    #expect(none.perNode.allSatisfy { $0.isNaN })
    #expect(none.perGroup.allSatisfy { $0.index.isNaN })
  }

  @Test func partitionOfAnotherSizeThrows() throws {
    let graph = ReferenceNetworks.twoK4().graph
    #expect(throws: MetricError.notAPartition(expected: 8, actual: 3)) {
      try graph.externalInternalIndex(of: Partition(membership: [0, 1, 0]))
    }
  }
}
