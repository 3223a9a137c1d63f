import SiloGraph
import SiloIngest
import SiloMetrics
import Testing
import _SiloTestSupport

/// The bootstrap of the E-I index: each replicate's sums against projecting the resampled log
/// again, repeatability, and the intervals' sense.
@Suite struct EIBootstrapTests {
  /// A small log: 14 people in 4 departments, 12 projects of 1 to 6 people, pairs sharing up
  /// to three projects, hours that differ (halves, so that sums are exact) and are summed
  /// over two rows for some, one project of one person, projects inside one department, and
  /// one of 7 people that a maximum project size of 6 leaves out.
  static let rows: [ProjectLog.Entry] = {
    let department = [
      "a1": "A", "a2": "A", "a3": "A", "a4": "A", "b1": "B", "b2": "B", "b3": "B", "c1": "C", "c2": "C", "c3": "C",
      "c4": "C", "d1": "D", "d2": "D", "d3": "D",
    ]
    let projects: [(String, [(String, Double)])] = [
      ("p1", [("a1", 2), ("a2", 1.5), ("b1", 4)]),
      ("p2", [("a1", 1), ("a2", 3), ("a3", 0.5)]),
      ("p3", [("b1", 2), ("b2", 2), ("c1", 1), ("a4", 6)]),
      ("p4", [("c1", 1), ("c2", 2.5), ("c3", 1), ("c4", 3), ("d1", 0.5)]),
      ("p5", [("a1", 1)]),
      ("p6", [("a1", 8), ("a2", 2), ("b1", 1), ("c1", 1.5), ("d1", 2), ("d2", 2)]),
      ("p7", [("d1", 1), ("d2", 4), ("d3", 1)]),
      ("p8", [("b2", 1), ("b3", 2.5)]),
      ("p9", [("a1", 3), ("a2", 3), ("b1", 0.5), ("c4", 1)]),
      ("p10", [("c2", 2), ("c3", 2), ("d3", 5)]),
      ("p11", [("a3", 1), ("a4", 1), ("b3", 1), ("c2", 1), ("c3", 1), ("c4", 1), ("d2", 1)]),
      ("p12", [("c1", 1), ("c2", 2), ("a1", 1.5)]),
    ]
    var rows: [ProjectLog.Entry] = []
    for (project, members) in projects {
      for (person, hours) in members {
        // Two rows for some people, so that hours are summed per project.
        if hours >= 2 {
          rows.append(.init(person: person, department: department[person], project: project, weight: hours / 2))
          rows.append(.init(person: person, department: department[person], project: project, weight: hours / 2))
        } else {
          rows.append(.init(person: person, department: department[person], project: project, weight: hours))
        }
      }
    }
    return rows
  }()

  /// Projection options for every case the bootstrap distinguishes.
  static let cases: [(options: ProjectionOptions, weighted: Bool, method: EIBootstrap.Method)] = {
    func options(_ weighting: ProjectionWeighting, minimum: Double? = nil, maximumSize: Int? = nil) -> ProjectionOptions {
      var options = ProjectionOptions()
      options.weighting = weighting
      options.minimumWeight = minimum
      options.maximumProjectSize = maximumSize
      return options
    }
    return [
      (options(.sharedProjects), true, .additiveOverProjects),
      (options(.newman), true, .additiveOverProjects),
      (options(.hoursOverlap), true, .additiveOverProjects),
      (options(.hoursOverlap, maximumSize: 6), true, .additiveOverProjects),
      (options(.jaccard), true, .perPair),
      (options(.sharedProjects), false, .perPair),
      (options(.newman), false, .perPair),
      (options(.sharedProjects, minimum: 2), true, .perPair),
      (options(.sharedProjects, minimum: 2), false, .perPair),
      // 0.7 is no sum of 1/(n − 1) terms for these sizes, so rounding cannot decide a tie.
      (options(.newman, minimum: 0.7), true, .perPair),
      (options(.hoursOverlap, minimum: 2.5), true, .perPair),
      (options(.jaccard, minimum: 0.3), false, .perPair),
    ]
  }()

  static func close(_ a: Double, _ b: Double) -> Bool { isClose(a, b, relative: 1e-12) }

  /// The resampled log: every row of a project drawn m times, m times, each copy a project of
  /// its own (`p#0`, `p#1`, …); rows of projects the projection did not use are left as they
  /// are (the same options leave them out again).
  static func resampledRows(_ affiliations: ProjectAffiliations, _ m: [Int32]) -> [ProjectLog.Entry] {
    var index: [String: Int] = [:]
    for (p, id) in affiliations.projectIDs.enumerated() { index[id] = p }
    var result: [ProjectLog.Entry] = []
    for row in rows {
      guard let p = index[row.project] else {
        result.append(row)
        continue
      }
      for copy in 0 ..< Int(m[p]) {
        var row = row
        row.project = "\(row.project)#\(copy)"
        result.append(row)
      }
    }
    return result
  }

  /// (a) Each replicate's sums equal those of projecting the resampled log with SiloIngest and
  /// computing the E-I index, for every weighting, counted ties and minimum weights.
  @Test(arguments: 0 ..< 12)
  func replicateEqualsProjectingTheResampledLog(_ caseIndex: Int) throws {
    let (options, weighted, method) = Self.cases[caseIndex]
    let projected = try ProjectLog(entries: Self.rows).projected(options)
    let network = projected.network
    let groups = try #require(network.groups)
    let resampler = try EIResampler(
      graph: network.graph, partition: groups, affiliations: projected.affiliations, weighted: weighted)
    #expect(resampler.method == method)
    #expect(resampler.unit == .projects)
    var draws = (0 ..< 6).map { resampler.multiplicities(seed: 11, replicate: $0) }
    draws.append([Int32](repeating: 1, count: resampler.unitCount))
    draws.append((0 ..< resampler.unitCount).map { Int32($0 % 4) })
    var sawZero = false, sawRepeat = false
    for m in draws {
      sawZero = sawZero || m.contains(0)
      sawRepeat = sawRepeat || m.contains { $0 > 1 }
      let sums = resampler.sums(m)
      let again = try ProjectLog(entries: Self.resampledRows(projected.affiliations, m)).projected(options).network
      let brute = try again.graph.externalInternalIndex(of: try #require(again.groups), weighted: weighted)
      #expect(Self.close(sums.internal, brute.internal), "I \(sums.internal) vs \(brute.internal), m \(m)")
      #expect(Self.close(sums.external, brute.external), "E \(sums.external) vs \(brute.external), m \(m)")
      let bruteNames = try #require(again.groups?.names)
      for (g, name) in try #require(groups.names).enumerated() {
        if let h = bruteNames.firstIndex(of: name) {
          #expect(Self.close(sums.groupInternal[g], brute.perGroup[h].internal), "\(name) I, m \(m)")
          #expect(Self.close(sums.groupExternal[g], brute.perGroup[h].external), "\(name) E, m \(m)")
        } else {
          #expect(sums.groupInternal[g] == 0 && sums.groupExternal[g] == 0, "\(name) is in no drawn project")
        }
      }
    }
    #expect(sawZero && sawRepeat)
  }

  /// The weights as the projection makes them (per pair) and as the fast path adds them (per
  /// project and group) agree: a minimum weight below every tie changes the method, not the
  /// sums.
  @Test(arguments: [ProjectionWeighting.sharedProjects, .newman, .hoursOverlap])
  func additiveAndPerPairAgree(_ weighting: ProjectionWeighting) throws {
    var options = ProjectionOptions()
    options.weighting = weighting
    let plain = try ProjectLog(entries: Self.rows).projected(options)
    options.minimumWeight = 1e-9
    let floored = try ProjectLog(entries: Self.rows).projected(options)
    #expect(plain.network.graph == floored.network.graph)
    let groups = try #require(plain.network.groups)
    let fast = try EIResampler(graph: plain.network.graph, partition: groups, affiliations: plain.affiliations, weighted: true)
    let slow = try EIResampler(graph: floored.network.graph, partition: groups, affiliations: floored.affiliations, weighted: true)
    #expect(fast.method == .additiveOverProjects && slow.method == .perPair)
    for r in 0 ..< 20 {
      let m = fast.multiplicities(seed: 3, replicate: r)
      #expect(m == slow.multiplicities(seed: 3, replicate: r))
      let a = fast.sums(m), b = slow.sums(m)
      #expect(Self.close(a.internal, b.internal) && Self.close(a.external, b.external))
      for g in 0 ..< groups.groupCount {
        #expect(Self.close(a.groupInternal[g], b.groupInternal[g]) && Self.close(a.groupExternal[g], b.groupExternal[g]))
      }
    }
  }

  /// (b) The same seed gives the same intervals, for one thread or two; another seed other
  /// intervals.
  @Test(arguments: [0, 4, 5])
  func repeatableForAnySeedAndThreads(_ caseIndex: Int) throws {
    let (options, weighted, _) = Self.cases[caseIndex]
    let projected = try ProjectLog(entries: Self.rows).projected(options)
    let graph = projected.network.graph, groups = try #require(projected.network.groups)
    func run(seed: UInt64, threads: Int) throws -> EIBootstrap {
      try graph.eiBootstrap(
        of: groups, affiliations: projected.affiliations, weighted: weighted, replicates: 301, seed: seed, threads: threads)
    }
    let one = try run(seed: 5, threads: 1)
    #expect(try run(seed: 5, threads: 1) == one)
    #expect(try run(seed: 5, threads: 2) == one)
    #expect(try run(seed: 5, threads: 3) == one)
    #expect(try run(seed: 6, threads: 2) != one)
    #expect(one.unit == .projects && one.units == 12 && one.replicates == 301 && one.seed == 5 && one.confidence == 0.95)
    #expect(one.perGroup.count == groups.groupCount)
  }

  /// (c) On a generated organization of 2,000 people the interval contains the index of the
  /// data, for the organization and every department, and is narrower for the organization
  /// than for any department.
  @Test func intervalsContainTheEstimateOnAGeneratedOrganization() throws {
    var bytes: [UInt8] = []
    _ = SyntheticOrganization(people: 2000, seed: 3).generateCSV { bytes.append(contentsOf: $0) }
    let log = try ProjectLogReader.read(bytes: bytes, name: "generated.csv")
    let projected = try log.projected()
    let graph = projected.network.graph, groups = try #require(projected.network.groups)
    let result = try graph.eiBootstrap(of: groups, affiliations: projected.affiliations, threads: 2)
    #expect(result.method == .additiveOverProjects && result.replicates == 1000)
    let observed = try graph.externalInternalIndex(of: groups, weighted: true)
    let org = result.organization
    #expect(org.eiIndex == observed.overall)
    let low = try #require(org.eiCILow), high = try #require(org.eiCIHigh)
    #expect(low < observed.overall && observed.overall < high, "\(low) \(observed.overall) \(high)")
    #expect(high - low < 0.2)
    for (g, interval) in result.perGroup.enumerated() {
      let low = try #require(interval.eiCILow), high = try #require(interval.eiCIHigh)
      #expect(interval.eiIndex == observed.perGroup[g].index)
      #expect(low <= observed.perGroup[g].index && observed.perGroup[g].index <= high, "group \(g): \(low) \(high)")
      #expect(high - low > org.eiCIHigh! - org.eiCILow!)
      #expect(interval.undefinedReplicates == 0)
    }
  }

  /// (d) An edge list has no projects: ties are resampled, and a replicate equals the E-I of
  /// the graph whose ties weigh their multiplicity times their weight.
  @Test(arguments: [true, false])
  func edgeListsResampleTies(_ weighted: Bool) throws {
    let edges: [(Int, Int, Double)] = [
      (0, 1, 2), (0, 2, 1), (1, 2, 3), (2, 3, 0.5), (3, 4, 1), (3, 5, 2), (4, 5, 1), (5, 6, 4), (6, 7, 1), (1, 7, 2.5),
    ]
    var builder = GraphBuilder(nodeCount: 8)
    for (u, v, w) in edges { builder.addEdge(NodeID(u), NodeID(v), weight: w) }
    let graph = builder.build()
    let groups = Partition(membership: [0, 0, 0, 1, 1, 1, 2, 2])
    let resampler = try EIResampler(graph: graph, partition: groups, affiliations: nil, weighted: weighted)
    #expect(resampler.unit == .ties && resampler.method == .ties && resampler.unitCount == 10)
    for r in 0 ..< 10 {
      let m = resampler.multiplicities(seed: 2, replicate: r)
      #expect(m.reduce(0, +) == 10)
      var again = GraphBuilder(nodeCount: 8)
      // Ties are the units in the order of `graph.edges` (by first end, then second).
      for (t, edge) in graph.edges.enumerated() where m[t] > 0 {
        again.addEdge(edge.source, edge.target, weight: Double(m[t]) * (weighted ? edge.weight : 1))
      }
      let brute = try again.build().externalInternalIndex(of: groups, weighted: true)
      let sums = resampler.sums(m)
      #expect(Self.close(sums.internal, brute.internal) && Self.close(sums.external, brute.external))
      for g in 0 ..< 3 {
        #expect(Self.close(sums.groupInternal[g], brute.perGroup[g].internal))
        #expect(Self.close(sums.groupExternal[g], brute.perGroup[g].external))
      }
    }
    let result = try graph.eiBootstrap(of: groups, affiliations: nil, weighted: weighted, replicates: 200, seed: 9)
    #expect(result.unit == .ties && result.units == 10)
    #expect(try graph.eiBootstrap(of: groups, affiliations: nil, weighted: weighted, replicates: 200, seed: 9, threads: 2) == result)
    let org = result.organization
    #expect(org.eiCILow! <= org.eiIndex! && org.eiIndex! <= org.eiCIHigh!)
  }

  /// Affiliations follow a reordering of the nodes through `renumbered`; without it the
  /// bootstrap refuses them.
  @Test func renumberedAffiliationsFollowReorderedNodes() throws {
    let projected = try ProjectLog(entries: Self.rows).projected()
    let network = projected.network
    let n = network.graph.nodeCount
    // Reverse the node order.
    let newIndex = (0 ..< n).map { n - 1 - $0 }
    var builder = GraphBuilder(nodeCount: n)
    for edge in network.graph.edges {
      builder.addEdge(NodeID(newIndex[edge.source.index]), NodeID(newIndex[edge.target.index]), weight: edge.weight)
    }
    let graph = builder.build()
    let old = try #require(network.groups)
    var membership = [Int32](repeating: 0, count: n)
    for v in 0 ..< n { membership[newIndex[v]] = old.membership[v] }
    let groups = Partition(membership: membership, groupCount: old.groupCount, names: old.names)
    let expected = try network.graph.eiBootstrap(of: old, affiliations: projected.affiliations, replicates: 200)
    let renumbered = projected.affiliations.renumbered(newIndex)
    #expect(renumbered.members(of: 0).map { newIndex.firstIndex(of: Int($0))! } == projected.affiliations.members(of: 0).map { Int($0) })
    #expect(try graph.eiBootstrap(of: groups, affiliations: renumbered, replicates: 200) == expected)
    #expect(throws: MetricError.self) { try graph.eiBootstrap(of: groups, affiliations: projected.affiliations, replicates: 200) }
  }

  /// Undefined indices: a department without ties has no interval, and is counted undefined
  /// in every replicate; bad arguments are refused.
  @Test func undefinedAndInvalid() throws {
    var rows = Self.rows
    rows.append(.init(person: "e1", department: "E", project: "solo"))
    let projected = try ProjectLog(entries: rows).projected()
    let graph = projected.network.graph, groups = try #require(projected.network.groups)
    let result = try graph.eiBootstrap(of: groups, affiliations: projected.affiliations, replicates: 50)
    let e = try #require(groups.names?.firstIndex(of: "E"))
    #expect(result.perGroup[e] == .init(eiIndex: nil, eiCILow: nil, eiCIHigh: nil, undefinedReplicates: 50))
    #expect(throws: MetricError.self) { try graph.eiBootstrap(of: groups, affiliations: projected.affiliations, replicates: 0) }
    #expect(throws: MetricError.self) {
      try graph.eiBootstrap(of: groups, affiliations: projected.affiliations, confidence: 1)
    }
  }

  /// The percentile is Hyndman & Fan's type 7 (NumPy's default "linear"): values from
  /// `numpy.percentile([1, 2, 3, 4, 10], [0, 2.5, 25, 50, 97.5, 100])` = 1, 1.1, 2, 3, 9.4, 10.
  @Test func percentileIsLinearInterpolation() {
    let x: [Double] = [1, 2, 3, 4, 10]
    let p = [0, 0.025, 0.25, 0.5, 0.975, 1].map { EIBootstrap.percentile(sorted: x, $0) }
    #expect(p[0] == 1 && p[2] == 2 && p[3] == 3 && p[5] == 10)
    #expect(abs(p[1] - 1.1) < 1e-12 && abs(p[4] - 9.4) < 1e-12)
    #expect(EIBootstrap.percentile(sorted: [7], 0.975) == 7)
    #expect(EIBootstrap.percentile(sorted: [], 0.5).isNaN)
  }
}
