import SiloGraph
import SiloMetrics
import Testing
import _SiloTestSupport

/// The silo scorecard: every number is the measure it names, on the formal groups.
@Suite struct SiloScorecardTests {
  static let tolerance = 1e-12

  /// People with at least one tie to the other faction, counted by hand from the 78 rows of
  /// Datasets/zachary_karate/edges.csv (the persons with E_i > 0 in
  /// Tests/References/silos_reference.md §2c `karate_u`): Mr. Hi 0, 1, 2, 8, 13, 19 (6);
  /// Officer 9, 27, 28, 30, 31, 32, 33 (7).
  static let karateOutside = (mrHi: [0, 1, 2, 8, 13, 19], officer: [9, 27, 28, 30, 31, 32, 33])

  /// Weighted (the default): Tests/References/silos_reference.md §1 (Q 13925/35574, Q_c
  /// 0.19571878338112103 each), §2 (E-I −181/231, E_w 25, I_w 206), §2b (w) (Mr. Hi I 106 E 25 →
  /// −81/131; Officer I 100 E 25 → −3/5; counts 35/11 and 32/11 from `karate_u`), §3 (Freeman
  /// 321/442, ties counted), §4 (r 557/711 weighted), §5 (w) (Coleman 1068/1343, 40/51), §6
  /// (densities 35/136, 4/17; between 11 ties weighing 25).
  @Test func karateWeighted() throws {
    let (network, graph, groups) = try Ref.karate_w.load()
    let card = try network.siloScorecard(permutations: 300, seed: 4)
    #expect(card.weighted)
    #expect(card.permutations == 300 && card.seed == 4)
    let org = card.organization
    #expect(org.people == 34 && org.departments == 2 && org.ties == 78 && !org.directed)
    #expect(isClose(org.modularity, 13925.0 / 35574, tolerance: Self.tolerance))
    #expect(org.eiIndex == -181.0 / 231)
    #expect(isClose(org.assortativity, 557.0 / 711, tolerance: Self.tolerance))
    #expect(isClose(org.freemanSegregation, 321.0 / 442, tolerance: Self.tolerance))
    #expect(org.shareInside == 206.0 / 231)
    #expect(org.peopleWithOutsideTie == 13)
    #expect(org.peopleWithoutTies == 0)

    // Organization numbers equal the individual measures, called with the same arguments.
    #expect(org.modularity == (try graph.modularity(of: groups, weighted: true)).value)
    #expect(org.eiIndex == (try graph.externalInternalIndex(of: groups, weighted: true)).overall)
    #expect(org.assortativity == (try graph.nominalAssortativity(of: groups, weighted: true)).r)
    #expect(org.freemanSegregation == (try graph.freemanSegregation(of: groups)))
    let test = try graph.eiPermutationTest(of: groups, weighted: true, permutations: 300, seed: 4)
    #expect(org.eiExpected == test.overall.mean)
    #expect(org.eiPValue == test.overall.pLower)
    // The club split is a silo beyond chance: no relabelling of 300 comes near −0.78.
    #expect(org.eiPValue == 1.0 / 301)

    #expect(card.departments.map(\.name) == ["Mr. Hi", "Officer"])
    let hi = card.departments[0], officer = card.departments[1]
    #expect(hi.index == 0 && officer.index == 1)
    #expect(hi.size == 17 && officer.size == 17)
    #expect((hi.internalTies, hi.externalTies) == (35, 11))
    #expect((officer.internalTies, officer.externalTies) == (32, 11))
    #expect((hi.internalWeight, hi.externalWeight) == (106, 25))
    #expect((officer.internalWeight, officer.externalWeight) == (100, 25))
    #expect(hi.internalDensity == 35.0 / 136)
    #expect(officer.internalDensity == 4.0 / 17)
    #expect(hi.shareInside == 106.0 / 131)
    #expect(officer.shareInside == 100.0 / 125)
    #expect(hi.eiIndex == -81.0 / 131)
    #expect(officer.eiIndex == -3.0 / 5)
    #expect(isClose(hi.colemanHomophily, 1068.0 / 1343, tolerance: Self.tolerance))
    #expect(isClose(officer.colemanHomophily, 40.0 / 51, tolerance: Self.tolerance))
    #expect(isClose(hi.modularityContribution, 0.19571878338112103, tolerance: Self.tolerance))
    #expect(isClose(officer.modularityContribution, 0.19571878338112103, tolerance: Self.tolerance))
    #expect(hi.peopleWithOutsideTie == Self.karateOutside.mrHi.count)
    #expect(officer.peopleWithOutsideTie == Self.karateOutside.officer.count)
    #expect(hi.peopleWithoutTies == 0 && officer.peopleWithoutTies == 0)
    #expect(hi.partners.map(\.name) == ["Officer"] && hi.partners.map(\.index) == [1])
    #expect(hi.partners.map(\.ties) == [11] && hi.partners.map(\.weight) == [25])
    #expect(officer.partners.map(\.name) == ["Mr. Hi"] && officer.partners.map(\.ties) == [11])
    for (g, department) in card.departments.enumerated() {
      #expect(department.eiExpected == test.perGroup[g].mean)
      #expect(department.eiPValue == test.perGroup[g].pLower)
    }
  }

  /// Unweighted: Tests/References/silos_reference.md §1 (Q 1453/4056), §2 (−28/39), §2b (−12/23,
  /// −21/43), §4 (1453/2025), §5 (338/459, 304/425); shares of ties 67/78, 35/46, 32/43.
  @Test func karateUnweighted() throws {
    let (network, _, _) = try Ref.karate_w.load()
    let card = try network.siloScorecard(weighted: false, permutations: 100, seed: 1)
    #expect(!card.weighted)
    let org = card.organization
    #expect(isClose(org.modularity, 1453.0 / 4056, tolerance: Self.tolerance))
    #expect(org.eiIndex == -28.0 / 39)
    #expect(isClose(org.assortativity, 1453.0 / 2025, tolerance: Self.tolerance))
    #expect(isClose(org.freemanSegregation, 321.0 / 442, tolerance: Self.tolerance))
    #expect(org.shareInside == 67.0 / 78)
    let hi = card.departments[0], officer = card.departments[1]
    #expect(hi.shareInside == 35.0 / 46)
    #expect(officer.shareInside == 32.0 / 43)
    #expect(hi.eiIndex == -12.0 / 23)
    #expect(officer.eiIndex == -21.0 / 43)
    #expect(isClose(hi.colemanHomophily, 338.0 / 459, tolerance: Self.tolerance))
    #expect(isClose(officer.colemanHomophily, 304.0 / 425, tolerance: Self.tolerance))
    // Weights are still reported, as sums.
    #expect((hi.internalWeight, hi.externalWeight) == (106, 25))
  }

  /// People with an outside tie, recounted from the edges independently of the scorecard.
  @Test(arguments: [Ref.karate_u, .krack_adv_d, .krack_fri_d, .lazega_cow_d, .lazega_adv_d])
  func peopleWithOutsideTie(_ key: Ref) throws {
    let (network, graph, groups) = try key.load()
    var outside = Set<Int>(), tied = Set<Int>()
    for edge in graph.edges {
      tied.formUnion([edge.source.index, edge.target.index])
      if groups.group(of: edge.source) != groups.group(of: edge.target) {
        outside.formUnion([edge.source.index, edge.target.index])
      }
    }
    let card = try network.siloScorecard(permutations: 10)
    #expect(card.organization.peopleWithOutsideTie == outside.count)
    #expect(card.organization.peopleWithoutTies == graph.nodeCount - tied.count)
    for department in card.departments {
      #expect(department.peopleWithOutsideTie == outside.filter { groups.group(of: NodeID($0)) == department.index }.count)
    }
    if key == .karate_u {
      #expect(outside.sorted() == (Self.karateOutside.mrHi + Self.karateOutside.officer).sorted())
    }
    // Krackhardt advice: all 21 reach outside; Lazega cowork: 67 of 71 (the 4 litigators
    // 54, 59, 67, 69 with E_i = 0 in silos_reference.md §2c `lazega_cow_u`).
    if key == .krack_adv_d { #expect(outside.count == 21) }
    if key == .lazega_cow_d { #expect(outside.count == 67) }
  }

  /// Directed partners: ties both ways add up. Krackhardt advice,
  /// Tests/References/silos_reference.md §6 `krack_adv_d` counts: group 2 ↔ 0: 6 + 1 = 7,
  /// ↔ 1: 25 + 3 = 28, ↔ 3: 19 + 14 = 33, ↔ 4: 21 + 1 = 22, so the top three are 3, 1, 4 (the
  /// `krack_adv_uw` weights row 2: 7, 28, 33, 22). The CEO (group 0, alone) has no internal
  /// density (NaN, §6) and partners 1 (8), 2 (7), 3 (4).
  @Test func krackhardtPartners() throws {
    let (network, _, _) = try Ref.krack_adv_d.load()
    let card = try network.siloScorecard(permutations: 10)
    #expect(card.organization.directed)
    #expect(card.organization.ties == 190)
    let production = card.departments[2]
    #expect(production.partners.map(\.index) == [3, 1, 4])
    #expect(production.partners.map(\.ties) == [33, 28, 22])
    #expect(production.partners.map(\.weight) == [33, 28, 22])
    #expect(production.partners.map(\.name) == ["3", "1", "4"])
    let ceo = card.departments[0]
    #expect(ceo.size == 1)
    #expect(ceo.internalDensity.isNaN)
    #expect(ceo.partners.map(\.index) == [1, 2, 3])
    #expect(ceo.partners.map(\.ties) == [8, 7, 4])
    // Densities of the other groups: silos_reference.md §6 `krack_adv_d` diagonal.
    let densities: [Double] = [9.0 / 20, 25.0 / 56, 2.0 / 3, 2.0 / 3]
    #expect(card.departments[1...].map(\.internalDensity) == densities)
    // Coleman NaN for the CEO (silos_reference.md §5).
    #expect(ceo.colemanHomophily.isNaN)
  }

  /// A person without ties, and a department of such people.
  @Test func peopleWithoutTies() throws {
    var builder = GraphBuilder(nodeCount: 5)
    builder.addEdge(NodeID(0), NodeID(1))
    builder.addEdge(NodeID(1), NodeID(2))
    let network = SiloGraph.Network(
      graph: builder.build(), nodes: NodeTable(ids: ["a", "b", "c", "d", "e"]),
      groups: Partition(labels: ["x", "x", "y", "z", "x"]))
    let card = try network.siloScorecard(permutations: 10)
    #expect(card.organization.peopleWithoutTies == 2)
    #expect(card.organization.peopleWithOutsideTie == 2)
    #expect(card.departments.map(\.peopleWithoutTies) == [1, 0, 1])
    #expect(card.departments.map(\.peopleWithOutsideTie) == [1, 1, 0])
    #expect(card.departments[2].eiIndex.isNaN)
    #expect(card.departments[2].shareInside.isNaN)
    #expect(card.departments[2].partners.isEmpty)
  }

  @Test func networkWithoutGroupsThrows() throws {
    let network = SiloGraph.Network(graph: ReferenceNetworks.twoK4().graph, nodes: NodeTable(ids: (0 ..< 8).map(String.init)))
    let error = #expect(throws: MetricError.self) { try network.siloScorecard() }
    #expect(error?.isInvalidArgument == true, "expected invalidArgument, got \(String(describing: error))")
  }
}
