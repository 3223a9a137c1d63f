import SiloGraph
import SiloIngest
import Testing
import _SiloTestSupport

/// NetworkSource.load(): a log (with a people file) or an edge list, read and turned into a network.
@Suite("Loading a network source")
struct InputLoaderTests {
  @Test("A log with a people file: projected network, projects, date range and one report per file")
  func logWithPeople() throws {
    let files = Files()
    defer { files.remove() }
    let log = files.text("log.csv", "person;project;date;uren\nAna;P1;01-03-2025;7,5\nBob;P1;2025-03-04;2\nBob;P2;;1\n")
    let people = files.text("people.csv", "naam;afdeling\nAna;Financiën\nBob;ICT\nEva;HR\n")
    let loaded = try NetworkSource.log(path: log, people: people, read: LogReadOptions(), projection: projectionOptions(.hoursOverlap)).load()
    #expect(loaded.kind == .log)
    #expect(loaded.projects == 2)
    #expect(loaded.dateRange == LogDate("2025-03-01")! ... LogDate("2025-03-04")!)
    #expect(loaded.reports.map(\.file) == [log, people])
    #expect(loaded.network.nodes.ids == ["Ana", "Bob", "Eva"])
    #expect(loaded.network.weight("Ana", "Bob") == 2)
    #expect(loaded.network.groups?.names == ["Financiën", "HR", "ICT"])
    #expect(loaded.projection?.weighting == .hoursOverlap)
  }

  @Test("An empty date window is an invalid option (exit code 64)")
  func emptyWindow() throws {
    let files = Files()
    defer { files.remove() }
    let log = files.text("log.csv", "person,project,date\nAna,P1,2025-03-01\n")
    let error = #expect(throws: IngestError.emptyDateWindow(from: LogDate(year: 2025, month: 3, day: 2)!, to: LogDate(year: 2025, month: 3, day: 1)!)) {
      try NetworkSource.log(path: log, people: nil, read: LogReadOptions(), projection: projectionOptions(from: "2025-03-02", to: "2025-03-01")).load()
    }
    #expect(error?.kind == .invalidRequest)
    // A one-day window is not empty.
    let oneDay = try NetworkSource.log(path: log, people: nil, read: LogReadOptions(), projection: projectionOptions(from: "2025-03-01", to: "2025-03-01")).load()
    #expect(oneDay.projection?.entriesUsed == 1)
  }

  @Test("An edge list source gives a network without projection")
  func edgeSource() throws {
    let loaded = try NetworkSource.edges(
      path: TestDatasets.path("zachary_karate/edges.csv"), nodes: TestDatasets.path("zachary_karate/nodes.csv"), read: NetworkReadOptions()
    ).load()
    #expect(loaded.kind == .network)
    #expect(loaded.projection == nil)
    #expect(loaded.projects == nil)
    #expect(loaded.dateRange == nil)
    #expect(loaded.reports.count == 2)
    #expect(loaded.network.graph.edgeCount == 78)
  }
}
