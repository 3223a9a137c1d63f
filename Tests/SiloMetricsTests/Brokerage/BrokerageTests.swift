import SiloGraph
import SiloMetrics
import Testing
import _SiloTestSupport

/// Gould–Fernandez brokerage against `sna::brokerage` (re-implemented from cran/sna
/// `R/roles.R` and `src/gli.c` in Tests/References/brokers_reference.py, `brokerage()`, which
/// gives the sna values below, with exp and var as exact fractions). Role columns in the
/// order of ``BrokerageRole`` plus the total: w_I coordinator, w_O itinerant, b_IO
/// representative, b_OI gatekeeper, b_O liaison, t.
@Suite("Brokerage")
struct BrokerageTests {
  typealias F = BrokersFixtures
  typealias R = BrokersReference

  static func expectRows(
    _ actual: [[Double]], _ expected: [[Double]], _ what: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(actual.count == expected.count, "\(what): \(actual.count) rows", sourceLocation: sourceLocation)
    for (i, (a, e)) in zip(actual, expected).enumerated() {
      BrokersCheck.expectClose(a, e, "\(what), row \(i)", sourceLocation: sourceLocation)
    }
  }

  /// Nodes 1…7 as 0…6, groups A A A B B C C.
  static var small: (graph: CollaborationGraph, groups: Partition) {
    let arcs = [(1, 2), (2, 1), (2, 3), (4, 1), (1, 5), (3, 6), (7, 5), (5, 4), (5, 6), (6, 1), (6, 7), (5, 7)]
    return (F.graph(7, arcs.map { ($0.0 - 1, $0.1 - 1) }, .directed), Partition(labels: ["A", "A", "A", "B", "B", "C", "C"]))
  }

  @Test("Small 3-group directed graph: raw counts of every role")
  func smallRaw() throws {
    let (graph, groups) = Self.small
    let brokerage = try graph.brokerage(of: groups)
    // sna::brokerage raw.nli (brokers_reference.py brokerage(); each open two-path a → v → b
    // counts once for v).
    let raw: [[Double]] = [
      [0, 1, 1, 2, 1, 5],
      [1, 0, 0, 0, 0, 1],
      [0, 0, 1, 0, 0, 1],
      [0, 0, 1, 0, 0, 1],
      [0, 1, 0, 2, 2, 5],
      [0, 1, 0, 1, 1, 3],
      [0, 0, 1, 0, 0, 1],
    ]
    #expect(brokerage.raw == raw)
    #expect(!brokerage.undirected)
    // Each role once by name: 2 coordinates 1 → 2 → 3; 6 (C) is itinerant on 3 → 6 → 1 (A);
    // 3 represents A on 2 → 3 → 6; 5 (B) gatekeeps 1 → 5 → 4; 5 is liaison on 1 → 5 → 6.
    #expect(brokerage.count(.coordinator, of: NodeID(1)) == 1)
    #expect(brokerage.count(.itinerant, of: NodeID(5)) == 1)
    #expect(brokerage.count(.representative, of: NodeID(2)) == 1)
    #expect(brokerage.count(.gatekeeper, of: NodeID(4)) == 2)
    #expect(brokerage.count(.liaison, of: NodeID(4)) == 2)
    // The closed two-path 5 → 6 → 7 (5 → 7 exists) is not counted: 6 has 3, not 4.
    #expect(brokerage.raw[5][5] == 3)
  }

  @Test("Small 3-group directed graph: expectations, sd and z per node and for the network")
  func smallMoments() throws {
    let (graph, groups) = Self.small
    let brokerage = try graph.brokerage(of: groups)
    // sna exp.grp / sd.grp (brokerage(): exact fractions, sd = sqrt(float(var))); d = 2/7.
    let expectedA: [Double] = [40.0 / 343, 80.0 / 343, 160.0 / 343, 160.0 / 343, 160.0 / 343, 600.0 / 343]
    let sdA: [Double] = [0.3313882737815235, 0.4686537911932389, 0.8433672178082586, 0.8433672178082586, 0.7584658911491126, 1.9202185189591967]
    let expectedBC: [Double] = [0, 160.0 / 343, 100.0 / 343, 100.0 / 343, 240.0 / 343, 600.0 / 343]
    let sdBC: [Double] = [0, 0.7357112674326532, 0.666740328048354, 0.666740328048354, 0.982295311544698, 1.9202185189591967]
    Self.expectRows(brokerage.expected, [expectedA, expectedA, expectedA, expectedBC, expectedBC, expectedBC, expectedBC], "expected")
    Self.expectRows(brokerage.standardDeviation, [sdA, sdA, sdA, sdBC, sdBC, sdBC, sdBC], "sd")
    // sna z.nli in double; NaN where sd = 0 (no coordinator roles in groups of two).
    let z: [[Double]] = [
      [-0.3519076715388934, 1.6360986783959324, 0.632616119677421, 1.8183392292367402, 0.7034300461220249, 1.692895277739396],
      [2.665700611907118, -0.4976726017934395, -0.5531069898818981, -0.5531069898818981, -0.61502080535259, -0.3902009743309639],
      [-0.3519076715388934, -0.4976726017934395, 0.632616119677421, -0.5531069898818981, -0.61502080535259, -0.3902009743309639],
      [.nan, -0.6340426249482414, 1.0625648107553012, -0.4372694694466261, -0.7123198559404469, -0.3902009743309639],
      [.nan, 0.7251862522845511, -0.4372694694466261, 2.5623990909572285, 1.3237277322893304, 1.692895277739396],
      [.nan, 0.7251862522845511, -0.4372694694466261, 1.0625648107553012, 0.3057039381744418, 0.6513471517042161],
      [.nan, -0.6340426249482414, 1.0625648107553012, -0.4372694694466261, -0.7123198559404469, -0.3902009743309639],
    ]
    Self.expectRows(brokerage.z, z, "z")
    // Network level, sna raw.gli, exp.gli, sd.gli, z.gli (brokerage()).
    #expect(brokerage.networkRaw == [1, 3, 4, 5, 4, 17])
    BrokersCheck.expectClose(
      brokerage.networkExpected, [120.0 / 343, 880.0 / 343, 880.0 / 343, 880.0 / 343, 1440.0 / 343, 600.0 / 49], "network expected")
    BrokersCheck.expectClose(
      brokerage.networkStandardDeviation,
      [0.6568507296391343, 1.9956688817397261, 1.9861054639303326, 1.9861054639303326, 2.603222653428818, 5.777451795327886],
      "network sd")
    BrokersCheck.expectClose(
      brokerage.networkZ,
      [0.9897922667330129, 0.21767254895653101, 0.7222186124612722, 1.225716547571468, -0.07615588647473111, 0.8230448663650792],
      "network z")
  }

  @Test("Krackhardt advice by department: raw counts of all 21 managers")
  func krackhardtRaw() throws {
    let network = try F.krackhardtAdvice()
    let groups = try #require(network.groups)
    // Departments 0…4 as groups 0…4 (Partition(labels:) numbers them in sorted order).
    #expect(groups.names == ["0", "1", "2", "3", "4"])
    let brokerage = try network.graph.brokerage(of: groups)
    #expect(brokerage.raw == R.krackRaw)
    // Σ_v t_v = 500 open two-paths (krackRaw, brokers_reference.py krackhardt_brokerage()).
    #expect(brokerage.raw.reduce(0) { $0 + $1[5] } == 500)
  }

  @Test("Krackhardt advice by department: expectations and sd per department, z per manager")
  func krackhardtMoments() throws {
    let network = try F.krackhardtAdvice()
    let groups = try #require(network.groups)
    let brokerage = try network.graph.brokerage(of: groups)
    // sna exp.grp and sd.grp (brokers_reference.py brokerage(): exact fractions;
    // sd = sqrt(float(var))), indexed by department; d = 190/420 = 19/42.
    let t = 788785.0 / 18522, sdT = 15.678010770752753
    let expected: [[Double]] = [
      [0, 390241.0 / 37044, 0, 0, 1187329.0 / 37044, t],
      [8303.0 / 6174, 307211.0 / 37044, 66424.0 / 9261, 66424.0 / 9261, 689149.0 / 37044, t],
      [8303.0 / 1764, 157757.0 / 37044, 107939.0 / 10584, 107939.0 / 10584, 489877.0 / 37044, t],
      [8303.0 / 37044, 91333.0 / 9261, 8303.0 / 2058, 8303.0 / 2058, 905027.0 / 37044, t],
      [8303.0 / 12348, 340423.0 / 37044, 141151.0 / 24696, 141151.0 / 24696, 788785.0 / 37044, t],
    ]
    let sd: [[Double]] = [
      [0, 4.7230772758776665, 0, 0, 12.103766114012409, sdT],
      [1.387045373540604, 4.300327954842866, 4.887050762284785, 4.887050762284785, 8.173884932628113, sdT],
      [3.2503781412081496, 2.5530445826144645, 5.827436626822529, 5.827436626822529, 6.421627051076614, sdT],
      [0.44611629334558406, 4.639822800071603, 3.6652880717135883, 3.6652880717135883, 9.884914056003469, sdT],
      [0.8828948622841246, 4.514816063324353, 4.362565405689071, 4.362565405689071, 8.966076981049106, sdT],
    ]
    Self.expectRows(brokerage.expected, (0 ..< 21).map { expected[groups.group(of: NodeID($0))] }, "expected")
    Self.expectRows(brokerage.standardDeviation, (0 ..< 21).map { sd[groups.group(of: NodeID($0))] }, "sd")
    // sna z.nli; the CEO (node 7, department 0 alone) has NaN for w_I, b_IO, b_OI (0/0).
    Self.expectRows(brokerage.z, R.krackZ, "z")
    #expect(brokerage.z[6][0].isNaN && brokerage.z[6][2].isNaN && brokerage.z[6][3].isNaN)
    // Node 18: liaison z 5.01459737259455, node 21: coordinator z 6.960959614457467.
    #expect(BrokersCheck.close(brokerage.z[17][4], 5.01459737259455))
    #expect(BrokersCheck.close(brokerage.z[20][0], 6.960959614457467))
  }

  @Test("Krackhardt advice by department: network-level raw, expectation, sd and z")
  func krackhardtNetwork() throws {
    let network = try F.krackhardtAdvice()
    let brokerage = try network.graph.brokerage(of: try #require(network.groups))
    // sna raw.gli / exp.gli / sd.gli / z.gli (brokers_reference.py brokerage()).
    #expect(brokerage.networkRaw == [28, 69, 95, 62, 246, 500])
    BrokersCheck.expectClose(
      brokerage.networkExpected,
      [589513.0 / 12348, 1411510.0 / 9261, 1411510.0 / 9261, 1411510.0 / 9261, 1602479.0 / 4116, 788785.0 / 882],
      "network expected")
    BrokersCheck.expectClose(
      brokerage.networkStandardDeviation,
      [9.672680066721044, 25.730787902303604, 23.835950974566483, 23.835950974566483, 33.28447026924806, 63.61013795659034],
      "network sd")
    BrokersCheck.expectClose(
      brokerage.networkZ,
      [-2.0409625302645353, -3.2418139080936426, -2.408732345068086, -3.793195672552346, -4.306188500233967, -6.198918468405289],
      "network z")
  }

  /// Open two-paths a − v − b through v without direction: unordered pairs of v's neighbours
  /// that are not tied to each other.
  static func openPairs(_ graph: CollaborationGraph, _ v: Int) -> Int {
    let neighbours = Array(graph.neighbors(of: NodeID(v)).nodes)
    var count = 0
    for i in neighbours.indices {
      for j in neighbours.indices where j > i && graph.weight(from: neighbours[i], to: neighbours[j]) == nil { count += 1 }
    }
    return count
  }

  @Test("Undirected graphs: representative = gatekeeper for every node; each open two-path counts both ways")
  func undirected() throws {
    let karate = try F.karate()
    let lazega = try F.lazegaDirected()
    let cases: [(CollaborationGraph, Partition, String)] = [
      (karate.graph, try #require(karate.groups), "karate"),
      (F.orSymmetrized(lazega.graph), try #require(lazega.groups), "lazega cowork undirected"),
      (F.kite, Partition(membership: [0, 0, 1, 1, 2, 2, 0, 1, 2, 0]), "kite"),
    ]
    for (graph, groups, name) in cases {
      let brokerage = try graph.brokerage(of: groups)
      #expect(brokerage.undirected)
      for v in 0 ..< graph.nodeCount {
        #expect(brokerage.raw[v][2] == brokerage.raw[v][3], "\(name) node \(v)")
        #expect(brokerage.raw[v][5] == Double(2 * Self.openPairs(graph, v)), "\(name) node \(v)")
      }
      #expect(brokerage.networkRaw[2] == brokerage.networkRaw[3])
      // sna counts a symmetric matrix: m = 2 arcs per tie, d = the graph's density.
      let d = graph.density, N = Double(graph.nodeCount)
      #expect(BrokersCheck.close(brokerage.expected[0][5], d * d * (1 - d) * (N - 1) * (N - 2)), "\(name)")
    }
  }

  @Test("A partition that does not cover the graph is rejected")
  func partitionMismatch() {
    #expect(throws: MetricError.self) { try F.kite.brokerage(of: Partition(membership: [0, 1, 0])) }
  }
}

/// The liaison role's network variance, summed in O(k²) through Σ n and Σ n², against the
/// sum over ordered triples of distinct groups it replaces.
@Suite("Brokerage: the liaison variance over many groups")
struct BrokerageLiaisonVarianceTests {
  @Test("equal to the triple sum within 1e-12, for 40 groups of uneven size")
  func tripleSum() throws {
    // Truth: the triple sum of Gould & Fernandez's liaison variance term, written out.
    let graph = BrokersFixtures.randomGraph(nodes: 600, ties: 2_400, seed: 3)
    let membership: [Int32] = (0 ..< 600).map { (v: Int) -> Int32 in Int32((v * 7 + v / 13) % 40) }
    let partition = Partition(membership: membership)
    let brokerage = try graph.brokerage(of: partition)
    let sizes: [Double] = partition.sizes.map { Double($0) }
    let k = sizes.count
    let N: Double = 600
    let density: Double = 2 * Double(graph.edgeCount) / (N * (N - 1))
    let absent: Double = 1 - density
    let p: Double = density * density * absent
    let a3: Double = density * density * density * absent * absent * absent
    let a4: Double = density * density * density * density * absent * absent
    let a5: Double = density * density * density * density * density * absent
    var liaison: Double = 0
    for x in sizes { for y in sizes { liaison += x * y * (N - x - y) } }
    var sameGroup: Double = 0
    for x in sizes { sameGroup += x * x * (N - 2 * x) }
    let expected: Double = p * (liaison - sameGroup)
    var variance: Double = expected * (1 - p)
    for i in 0 ..< k {
      for j in 0 ..< k where j != i {
        for l in 0 ..< k where l != j && l != i {
          let (ni, nj, nl) = (sizes[i], sizes[j], sizes[l])
          let first: Double = (4 * (N - nj) - 2 * (ni + nl + 1)) * a3
          let second: Double = (4 * (N - nl) - 2 * (ni + nj + 1)) * a4
          let third: Double = (N - (ni + nl + 1)) * a5
          variance += ni * nj * nl * (first - second + third)
        }
      }
    }
    let sd = brokerage.networkStandardDeviation[4]
    #expect(abs(sd - variance.squareRoot()) <= 1e-12 * variance.squareRoot())
    #expect(abs(brokerage.networkExpected[4] - expected) <= 1e-12 * expected)
  }
}
