import Foundation
import SiloGraph
import SiloIngest
import SiloMetrics
import SiloReport
import Testing

/// `SiloTrend` on constructed logs whose changes are known: departments that open up,
/// communities that merge, split and persist, the refusals, and determinism.
@Suite("Silo trend")
struct SiloTrendTests {
  static func group(_ period: TrendDocument.PeriodPart, _ name: String) throws -> SilosDocument.GroupPart {
    try #require(period.groups.first { $0.name == name }, "no department \(name) in \(period.label)")
  }

  static func ties(_ period: TrendDocument.PeriodPart, _ x: String, _ y: String) -> Int {
    period.mixing.filter { ($0.from == x && $0.to == y) || ($0.from == y && $0.to == x) }.reduce(0) { $0 + $1.ties }
  }

  static let opening = Result { () throws(AnalysisError) in try SiloTrend.compute(log: TemporalLogs.opening, options: TemporalLogs.options()) }

  @Test("A and B start working together: four quarters, everybody in each, all entries counted")
  func openingPeriods() throws {
    // Truth: 118 projects of two in Q1 and Q2, 218 in Q3 and Q4; all 28 people work in every quarter.
    let document = try Self.opening.get()
    #expect(document.periodKind == "quarter")
    #expect(document.periods.map(\.label) == ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"])
    #expect(document.periods.map(\.entries) == [236, 236, 436, 436])
    #expect(document.periods.map(\.people) == [28, 28, 28, 28])
    #expect(document.periods.map(\.ties) == [118, 118, 218, 218])
    #expect(document.undatedEntries == 0)
    #expect(document.warnings.isEmpty)
  }

  @Test("A and B start working together: their share inside falls from 1 to 45/145, C's stays 1")
  func openingShareInside() throws {
    // Truth: in Q4 each of A and B has 45 ties inside and 100 to the other; C never has a tie outside.
    let document = try Self.opening.get()
    let first = document.periods[0], last = document.periods[3]
    for name in ["A", "B"] {
      #expect(try Self.group(first, name).shareInside == 1)
      #expect(abs(try #require(try Self.group(last, name).shareInside) - 45.0 / 145.0) < 1e-12)
    }
    #expect(try Self.group(first, "C").shareInside == 1)
    #expect(try Self.group(last, "C").shareInside == 1)
  }

  @Test("A and B start working together: the departments' modularity and the communities' modularity fall")
  func openingModularity() throws {
    // Truth: three separate cliques (10, 10, 8) give Q = 1 − 2·(90/236)² − (56/236)²; in Q4 the
    // departments give Q = 118/218 − 2·(190/436)² − (56/436)², the communities (A ∪ B, C) 1 − (380/436)² − (56/436)².
    let document = try Self.opening.get()
    func square(_ x: Double) -> Double { x * x }
    let q1: Double = 1 - 2 * square(90.0 / 236) - square(56.0 / 236)
    let q4: Double = 118.0 / 218 - 2 * square(190.0 / 436) - square(56.0 / 436)
    let communitiesQ4: Double = 1 - square(380.0 / 436) - square(56.0 / 436)
    #expect(abs(try #require(document.periods[0].graph?.modularity) - q1) < 1e-9)
    #expect(abs(try #require(document.periods[3].graph?.modularity) - q4) < 1e-9)
    #expect(abs(try #require(document.periods[0].communityModularity) - q1) < 1e-9)
    #expect(abs(try #require(document.periods[3].communityModularity) - communitiesQ4) < 1e-9)
  }

  @Test("A and B start working together: the ties between them rise from 0 to 100")
  func openingMixing() throws {
    // Truth: no A–B project in Q1 and Q2, every one of the 10 × 10 pairs in Q3 and Q4.
    let document = try Self.opening.get()
    #expect(document.periods.map { Self.ties($0, "A", "B") } == [0, 0, 100, 100])
    #expect(document.periods.map { Self.ties($0, "A", "C") } == [0, 0, 0, 0])
  }

  @Test("A and B start working together: the change from Q1 to Q4 is 'opened', beyond the uncertainty, for both")
  func openingChange() throws {
    // Truth: every replicate keeps all of A's and B's ties inside in Q1 and about 31% in Q4; C is unchanged.
    let change = try #require(try Self.opening.get().change)
    #expect(change.from == "2025-Q1")
    #expect(change.to == "2025-Q4")
    for name in ["A", "B"] {
      let part = try #require(change.groups.first { $0.name == name })
      #expect(part.direction == .opened)
      #expect(part.beyondUncertainty == true)
      #expect(abs(try #require(part.shareInsideChange) - (45.0 / 145.0 - 1)) < 1e-12)
      #expect(try #require(part.shareInsideChangeHigh) < 0)
    }
    let c = try #require(change.groups.first { $0.name == "C" })
    #expect(c.shareInsideChange == 0)
    #expect(c.beyondUncertainty == false)
    #expect(c.direction == .unclear)
    #expect(change.organization.direction == .opened)
  }

  @Test("A and B start working together: their two communities merge into one; C continues")
  func openingMerge() throws {
    // Truth: A (C1), B (C2) and C (C3) in Q1 and Q2; A ∪ B matches A and B with Jaccard 10/20 each,
    // so it keeps the earlier id, C1, and C3 goes on.
    let document = try Self.opening.get()
    #expect(document.periods.map { $0.communities.map(\.id) } == [[1, 2, 3], [1, 2, 3], [1, 3], [1, 3]])
    #expect(document.periods.map { $0.communities.map(\.size) } == [[10, 10, 8], [10, 10, 8], [20, 8], [20, 8]])
    let merged = try #require(document.periods[2].communities.first)
    #expect(Set(merged.departments.map(\.name)) == ["A", "B"])
    #expect(merged.departments.map(\.people) == [10, 10])
    let merges = document.events.filter { $0.kind == .merge }
    #expect(merges.count == 1)
    #expect(merges.first?.period == "2025-Q3")
    #expect(merges.first?.from == [1, 2])
    #expect(merges.first?.to == [1])
    #expect(!document.events.contains { [.split, .birth, .death].contains($0.kind) })
    #expect(document.periods.allSatisfy { $0.consensusConverged })
  }

  @Test("two half-year windows: the same opening, one merge, A and B opened")
  func openingHalfYears() throws {
    // Truth: rolling windows of 181 days from 1 January split the year at 1 July (2025 is no leap year).
    let document = try SiloTrend.compute(log: TemporalLogs.opening, options: TemporalLogs.options(periods: .rolling(windowDays: 181, stepDays: 181)))
    #expect(document.periods.map(\.label) == ["2025-01-01", "2025-07-01"])
    #expect(document.periodKind == "rolling")
    #expect(document.windowDays == 181)
    #expect(document.events.filter { $0.kind == .merge }.map(\.from) == [[1, 2]])
    let change = try #require(document.change)
    for name in ["A", "B"] { #expect(change.groups.first { $0.name == name }?.direction == .opened) }
  }

  @Test("a department whose people split into two groups that stop working together: a split event")
  func split() throws {
    // Truth: D (C1, 12 people) becomes two groups of 6 with Jaccard 6/12 each: one keeps C1, the other is C3; E (C2) continues.
    let document = try SiloTrend.compute(log: TemporalLogs.splitting, options: TemporalLogs.options())
    #expect(document.periods.map(\.label) == ["2025-Q1", "2025-Q2"])
    #expect(document.periods.map { $0.communities.map(\.size) } == [[12, 8], [8, 6, 6]])
    let splits = document.events.filter { $0.kind == .split }
    #expect(splits.count == 1)
    #expect(splits.first?.from == [1])
    #expect(splits.first?.to == [1, 3])
    #expect(document.events.filter { $0.kind == .continue }.map(\.from) == [[2]])
    #expect(!document.events.contains { $0.kind == .merge || $0.kind == .birth || $0.kind == .death })
  }

  @Test("a community that persists while a third of its people are replaced keeps its id: a continue event")
  func persistence() throws {
    // Truth: f00…f11 then f04…f15 share 8 of 16 people (Jaccard 0.5 ≥ 0.3).
    let document = try SiloTrend.compute(log: TemporalLogs.renewing, options: TemporalLogs.options())
    #expect(document.periods.map { $0.communities.map(\.id) } == [[1, 2], [1, 2]])
    #expect(document.periods.map(\.people) == [20, 20])
    let continued = document.events.filter { $0.kind == .continue }
    #expect(continued.map(\.from) == [[1], [2]])
    #expect(continued.map(\.to) == [[1], [2]])
    #expect(continued.first?.similarity == 0.5)
    #expect(continued.last?.similarity == 1)
    #expect(document.events.count == 2)
  }

  @Test("a log whose dates fall in one period is unsuitable: a trend needs at least two periods")
  func onePeriod() throws {
    // Truth: all of Q1's rows lie in one quarter.
    let log = ProjectLog(entries: TemporalLogs.openingEntries(quarters: [1]))
    do {
      let document = try SiloTrend.compute(log: log, options: TemporalLogs.options())
      Issue.record("expected the log to be refused, got \(document.periods.count) periods")
    } catch {
      guard case .onePeriod(let first, let last) = error else {
        Issue.record("expected onePeriod, got \(error)")
        return
      }
      #expect(first < last)
      #expect(error.description.contains("a trend needs at least two"))
      #expect(!error.description.contains("--"))
      #expect(error.kind == .invalidData)
    }
    // Truth: the same rows cut by month fall in three months, which is enough.
    #expect(throws: Never.self) { try SiloTrend.compute(log: log, options: TemporalLogs.options(periods: .calendar(.month))) }
  }

  @Test("a log without dates is unsuitable")
  func noDates() throws {
    // Truth: without a date no row is in any period.
    let log = ProjectLog(entries: TemporalLogs.openingEntries(quarters: [1]).map { var e = $0; e.date = nil; return e })
    do {
      _ = try SiloTrend.compute(log: log, options: TemporalLogs.options())
      Issue.record("expected the log to be refused")
    } catch {
      let message = try #require(error.unsuitableMessage, "expected unsuitable, got \(error)")
      #expect(message.contains("no entry of the log has a date"))
    }
  }

  @Test("an empty date window (to before from) is refused as an input error, not a crash")
  func emptyWindow() throws {
    // Truth: no day lies on or after 1 June and on or before 1 March.
    var options = TemporalLogs.options()
    options.projection.from = LogDate(year: 2025, month: 6, day: 1)
    options.projection.to = LogDate(year: 2025, month: 3, day: 1)
    do {
      _ = try SiloTrend.compute(log: TemporalLogs.opening, options: options)
      Issue.record("expected the empty window to be refused")
    } catch {
      guard case .input(let input) = error else {
        Issue.record("expected an input error, got \(error)")
        return
      }
      #expect(input == .emptyDateWindow(from: options.projection.from!, to: options.projection.to!))
      #expect(input.kind == .invalidRequest)
    }
  }

  @Test("a date window narrows the trend: periods cut by it keep their label and lose the days outside")
  func dateWindow() throws {
    // Truth: 15 February to 15 November keeps Q1 from 02-15, Q2, Q3 and Q4 up to 11-15 (end 11-16).
    var options = TemporalLogs.options()
    options.projection.from = LogDate(year: 2025, month: 2, day: 15)
    options.projection.to = LogDate(year: 2025, month: 11, day: 15)
    let document = try SiloTrend.compute(log: TemporalLogs.opening, options: options)
    #expect(document.periods.map(\.label) == ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"])
    #expect(document.periods.first?.start == options.projection.from)
    #expect(document.periods.last?.end == LogDate(year: 2025, month: 11, day: 16))
    // Truth: Q1's rows are dated 1 January + (i mod 80), so days 45…79 of each 80 are kept.
    #expect(document.periods[0].entries < 236)
    #expect(document.periods[1].entries == 236)
  }

  @Test("undated rows mixed in are left out, counted in undated_entries and warned about")
  func undatedRows() throws {
    // Truth: 3 undated rows (for people who also have dated rows) are in no period; the dated rows are as before.
    let undated: [ProjectLog.Entry] = [
      .init(person: "a00", department: "A", project: "loose"), .init(person: "c01", department: "C", project: "loose"),
      .init(person: "b03", department: "B", project: "other"),
    ]
    let log = ProjectLog(entries: Array(TemporalLogs.openingEntries(quarters: [1, 4]).prefix(50)) + undated + TemporalLogs.openingEntries(quarters: [1, 4]).dropFirst(50))
    let document = try SiloTrend.compute(log: log, options: TemporalLogs.options())
    #expect(document.undatedEntries == 3)
    #expect(document.warnings.contains { $0.contains("3 entries without a date") })
    #expect(document.periods.map(\.entries) == [236, 0, 0, 436])
    #expect(document.periods.map(\.ties) == [118, 0, 0, 218])
    let json = try #require(try JSONSerialization.jsonObject(with: TemporalLogs.json(document)) as? [String: Any])
    #expect((json["undated_entries"] as? NSNumber)?.intValue == 3)
  }

  @Test("empty middle quarters are listed without entries, and the communities continue across them")
  func emptyMiddlePeriods() throws {
    // Truth: only Q1 and Q4 have rows; Q2 and Q3 have none, so Q4 is matched against Q1.
    let document = try SiloTrend.compute(log: ProjectLog(entries: TemporalLogs.openingEntries(quarters: [1, 4])), options: TemporalLogs.options())
    #expect(document.periods.map(\.label) == ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"])
    #expect(document.periods[1].graph == nil)
    #expect(document.periods[1].communities.isEmpty)
    #expect(document.events.filter { $0.kind == .merge }.map(\.period) == ["2025-Q4"])
    #expect(document.change?.from == "2025-Q1")
    #expect(document.change?.to == "2025-Q4")
  }

  @Test("deterministic: the same log twice gives the same JSON bytes")
  func deterministic() throws {
    // Truth: every random step is seeded from the options.
    let again = try SiloTrend.compute(log: TemporalLogs.opening, options: TemporalLogs.options())
    #expect(try TemporalLogs.json(again) == TemporalLogs.json(try Self.opening.get()))
  }

  @Test("threads 1 and 2 give the same JSON bytes")
  func threadsDoNotMatter() throws {
    // Truth: the bootstrap and the consensus runs share out over threads without sharing state.
    let two = try SiloTrend.compute(log: TemporalLogs.opening, options: TemporalLogs.options(threads: 2))
    #expect(try TemporalLogs.json(two) == TemporalLogs.json(try Self.opening.get()))
  }

  @Test("another seed gives the same communities and events")
  func seedChangesOnlyTheChance() throws {
    // Truth: with clear structure the consensus is the same for any seed; the bootstrap draws are not.
    var options = TemporalLogs.options()
    options.seed = 12_345
    let other = try SiloTrend.compute(log: TemporalLogs.opening, options: options)
    let reference = try Self.opening.get()
    #expect(other.periods.map(\.communities) == reference.periods.map(\.communities))
    #expect(other.events == reference.events)
    #expect(other.seed == 12_345)
  }

  @Test("the CSV has a row for the organization and each department in every period")
  func csvRows() throws {
    // Truth: 4 periods × (1 organization + 3 departments) rows after the header.
    let csv = try Self.opening.get().csv()
    let rows = csv.split(separator: "\n")
    #expect(rows.first?.hasPrefix("period,start,end,department,") == true)
    #expect(rows.count == 1 + 4 * 4)
    #expect(rows.contains { $0.hasPrefix("2025-Q4,2025-10-01,2025-12-31,A,10,45,100,") })
  }
}
