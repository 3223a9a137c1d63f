import SiloGraph
import SiloIngest
import Testing
import _SiloTestSupport

/// The projects behind a projected network (ProjectAffiliations): the projects the projection
/// used, with members as node indices of its network.
@Suite("Project affiliations")
struct ProjectAffiliationsTests {
  /// Members of each project by id, as sets of person ids, with hours.
  static func byProject(_ affiliations: ProjectAffiliations, _ network: Network) -> [String: [String: Double]] {
    var result: [String: [String: Double]] = [:]
    for p in 0 ..< affiliations.projectCount {
      var members: [String: Double] = [:]
      for j in affiliations.projectStart[p] ..< affiliations.projectStart[p + 1] {
        members[network.nodes.ids[Int(affiliations.members[j])]] = affiliations.hours[j]
      }
      result[affiliations.projectIDs[p]] = members
    }
    return result
  }

  @Test("Every project the projection used, in log order, with summed hours; single-person projects kept")
  func projectsOfALog() throws {
    let log = try readLog(
      "person,project,date,hours\nAna,P1,2025-01-05,2\nBob,P1,2025-01-06,3\nAna,P1,2025-01-07,1.5\nCor,P2,2025-02-01,1\n"
        + "Ana,P3,2025-03-01,4\nBob,P3,2025-03-02,1\nCor,P3,2025-03-03,1\nDirk,P3,2025-03-04,1\nEva,P4,2025-06-01,8\n"
        + "Bob,P5,2025-12-01,1\nCor,P5,2025-12-02,2\n")
    let all = try log.projected(projectionOptions(.newman, minimumWeight: 0.4))
    #expect(all.affiliations.projectIDs == ["P1", "P2", "P3", "P4", "P5"])
    #expect(all.affiliations.nodeCount == all.network.graph.nodeCount)
    #expect(all.affiliations.weighting == .newman && all.affiliations.minimumWeight == 0.4)
    let members = Self.byProject(all.affiliations, all.network)
    #expect(members["P1"] == ["Ana": 3.5, "Bob": 3])
    #expect(members["P2"] == ["Cor": 1])
    #expect(members["P3"] == ["Ana": 4, "Bob": 1, "Cor": 1, "Dirk": 1])
    #expect(members["P4"] == ["Eva": 8])

    // The window drops P1 and P5 (no entry left), the maximum size P3; a project of one
    // person in the window stays.
    let window = try log.projected(projectionOptions(.jaccard, from: "2025-02-01", to: "2025-11-30", maximumProjectSize: 3))
    #expect(window.affiliations.projectIDs == ["P2", "P4"])
    #expect(window.affiliations.projectStart == [0, 1, 2])
    #expect(window.affiliations.weighting == .jaccard && window.affiliations.minimumWeight == nil)
    #expect(Self.byProject(window.affiliations, window.network) == ["P2": ["Cor": 1], "P4": ["Eva": 8]])
  }

  @Test("The projection with every project once is what the affiliations give, for each weighting")
  func affiliationsReproduceTheProjection() throws {
    let log = try ProjectLogReader.read(path: TestDatasets.path("davis_southern_women/log.csv"))
    for weighting in ProjectionWeighting.allCases {
      let projected = try log.projected(projectionOptions(weighting, maximumProjectSize: 10))
      let a = projected.affiliations
      #expect(a.weighting.rawValue == weighting.rawValue)
      #expect(a.projectCount == projected.summary.projects - projected.summary.projectsLeftOut.count)
      // Shared projects of every pair, from the affiliations.
      var shared: [Int: Int] = [:]
      var count = [Int](repeating: 0, count: a.nodeCount)
      for p in 0 ..< a.projectCount {
        let members = a.members(of: p).map(Int.init)
        for u in members { count[u] += 1 }
        for u in members { for v in members where u < v { shared[u * a.nodeCount + v, default: 0] += 1 } }
      }
      #expect(shared.count == projected.network.graph.edgeCount)
      for (key, c) in shared {
        let u = key / a.nodeCount, v = key % a.nodeCount
        let w = try #require(projected.network.graph.weight(from: NodeID(u), to: NodeID(v)))
        if weighting == .sharedProjects { #expect(w == Double(c)) }
        if weighting == .jaccard { #expect(w == Double(c) / (Double(count[u] + count[v]) - Double(c))) }
      }
    }
  }

  @Test("A log source carries its affiliations, an edge list none")
  func loadedInput() throws {
    let files = Files()
    defer { files.remove() }
    let log = files.text("log.csv", "person,project\nAna,P1\nBob,P1\nCor,P2\n")
    let loaded = try NetworkSource.log(path: log, people: nil, read: LogReadOptions(), projection: projectionOptions()).load()
    let affiliations = try #require(loaded.affiliations)
    #expect(affiliations.projectIDs == ["P1", "P2"])
    #expect(affiliations.members.map { loaded.network.nodes.ids[Int($0)] } == ["Ana", "Bob", "Cor"])
    let edges = try NetworkSource.edges(
      path: TestDatasets.path("zachary_karate/edges.csv"), nodes: nil, read: NetworkReadOptions()
    ).load()
    #expect(edges.affiliations == nil)
  }

  @Test("Renumbering maps every member through the new order and keeps the rest")
  func renumbering() {
    let a = ProjectAffiliations(
      nodeCount: 4, projectIDs: ["x", "y"], projectStart: [0, 3, 4], members: [0, 2, 3, 1], hours: [1, 2, 3, 4],
      weighting: .hoursOverlap)
    let b = a.renumbered([3, 0, 1, 2])
    #expect(b.members == [3, 1, 2, 0])
    #expect(b.hours == a.hours && b.projectStart == a.projectStart && b.projectIDs == a.projectIDs && b.weighting == a.weighting)
    #expect(Array(b.members(of: 1)) == [0])
    #expect(b.renumbered([1, 2, 3, 0]) == a)
  }
}
