import Foundation
import SiloGraph
import SiloIngest
import SiloMetrics
import SiloReport
import Testing

/// `SiloComparison` on constructed logs: the direction of a known change, departments and
/// people found on one side only, and one log cut in two ranges against two logs.
@Suite("Silo comparison")
struct SiloComparisonTests {
  /// A and B inside only (Q1), and A and B working together (Q4), as two logs.
  static let closedLog = ProjectLog(entries: TemporalLogs.openingEntries(quarters: [1]))
  static let openLog = ProjectLog(entries: TemporalLogs.openingEntries(quarters: [4]))

  static func part(_ document: ComparisonDocument, _ name: String) throws -> ChangePart {
    try #require(document.groups.first { $0.name == name }, "no department \(name)")
  }

  @Test("two logs with a known change: A and B opened up beyond the uncertainty; C unchanged")
  func opened() throws {
    // Truth: A's and B's share inside falls from 1 to 45/145; C keeps all its ties inside.
    let document = try SiloComparison.compare(
      before: .init(log: Self.closedLog, source: "q1.csv"), after: .init(log: Self.openLog, source: "q4.csv"), options: TemporalLogs.options())
    for name in ["A", "B"] {
      let part = try Self.part(document, name)
      #expect(part.before?.shareInside == 1)
      #expect(abs(try #require(part.after?.shareInside) - 45.0 / 145.0) < 1e-12)
      #expect(part.beyondUncertainty == true)
      #expect(part.direction == .opened)
    }
    #expect(try Self.part(document, "C").direction == .unclear)
    #expect(document.organization.direction == .opened)
    #expect(document.before.source == "q1.csv")
    #expect(document.before.ties == 118)
    #expect(document.after.ties == 218)
  }

  @Test("without a bootstrap: the changes are given without a margin, and none is named")
  func withoutBootstrap() throws {
    // Truth: the same change as above (A: 1 → 45/145 inside), but with no replicates there is
    // no interval, so nothing is beyond the uncertainty, for the organization as for A.
    var options = TemporalLogs.options()
    options.bootstrapReplicates = 0
    let document = try SiloComparison.compare(
      before: .init(log: Self.closedLog, source: "q1.csv"), after: .init(log: Self.openLog, source: "q4.csv"), options: options)
    for part in [try Self.part(document, "A"), document.organization] {
      let change = try #require(part.shareInsideChange)
      #expect(abs(change - ((try #require(part.after?.shareInside)) - (try #require(part.before?.shareInside)))) < 1e-12)
      #expect(part.shareInsideChangeLow == nil && part.beyondUncertainty == nil)
      #expect(part.direction == .unclear)
    }
    #expect(abs(try #require(Self.part(document, "A").shareInsideChange) - (45.0 / 145.0 - 1)) < 1e-12)
  }

  @Test("the same logs the other way round: A and B closed up")
  func closed() throws {
    // Truth: going from Q4 to Q1 the share inside rises from 45/145 to 1.
    let document = try SiloComparison.compare(
      before: .init(log: Self.openLog, source: "q4.csv"), after: .init(log: Self.closedLog, source: "q1.csv"), options: TemporalLogs.options())
    for name in ["A", "B"] {
      let part = try Self.part(document, name)
      #expect(part.direction == .closed)
      #expect(part.beyondUncertainty == true)
      #expect(try #require(part.shareInsideChangeLow) > 0)
    }
  }

  /// The Q4 log without c07, with X (x0, x1) working with each other and with c00.
  static let laterLog = ProjectLog(entries: TemporalLogs.entries(
    quarter: 4,
    TemporalLogs.pairs(TemporalLogs.a + TemporalLogs.b) + TemporalLogs.pairs(Array(TemporalLogs.c.prefix(7)))
      + [("x0", "x1"), ("x0", "c00"), ("x1", "c00")]))

  @Test("a department found on one side only is listed in only_after (or only_before) and has null on the other side")
  func departmentOnOneSide() throws {
    // Truth: X has people only in the later log.
    let forward = try SiloComparison.compare(
      before: .init(log: Self.closedLog, source: "q1"), after: .init(log: Self.laterLog, source: "q4"), options: TemporalLogs.options())
    #expect(forward.onlyAfter == ["X"])
    #expect(forward.onlyBefore == [])
    let x = try Self.part(forward, "X")
    #expect(x.before == nil)
    #expect(x.after?.people == 2)
    #expect(x.direction == nil)
    let backward = try SiloComparison.compare(
      before: .init(log: Self.laterLog, source: "q4"), after: .init(log: Self.closedLog, source: "q1"), options: TemporalLogs.options())
    #expect(backward.onlyBefore == ["X"])
    #expect(backward.onlyAfter == [])
    #expect(try Self.part(backward, "X").after == nil)
    let json = try #require(try JSONSerialization.jsonObject(with: TemporalLogs.json(forward)) as? [String: Any])
    #expect(json["only_after"] as? [String] == ["X"])
  }

  @Test("people are matched by id: counts on both sides and on one side only")
  func peopleMatchedByID() throws {
    // Truth: the later log has 27 of the 28 earlier people (c07 left) and 2 new ones (x0, x1).
    let document = try SiloComparison.compare(
      before: .init(log: Self.closedLog, source: "q1"), after: .init(log: Self.laterLog, source: "q4"), options: TemporalLogs.options())
    #expect(document.peopleInBoth == 27)
    #expect(document.peopleOnlyBefore == 1)
    #expect(document.peopleOnlyAfter == 2)
    #expect(document.before.people == 28)
    #expect(document.after.people == 29)
  }

  @Test("one log with two ranges gives the same comparison as two logs cut the same way")
  func rangesEqualTwoLogs() throws {
    // Truth: a range of one log holds exactly the rows of that range, measured the same way.
    let q1 = LogDate(year: 2025, month: 1, day: 1)! ... LogDate(year: 2025, month: 3, day: 31)!
    let q4 = LogDate(year: 2025, month: 10, day: 1)! ... LogDate(year: 2025, month: 12, day: 31)!
    let ranges = try SiloComparison.compare(
      before: .init(log: TemporalLogs.opening, range: q1), after: .init(log: TemporalLogs.opening, range: q4), options: TemporalLogs.options())
    let logs = try SiloComparison.compare(
      before: .init(log: Self.closedLog, source: "q1"), after: .init(log: Self.openLog, source: "q4"), options: TemporalLogs.options())
    #expect(ranges.organization == logs.organization)
    #expect(ranges.groups == logs.groups)
    #expect(ranges.peopleInBoth == logs.peopleInBoth)
    #expect(ranges.before.ties == logs.before.ties)
    #expect(ranges.after.entries == logs.after.entries)
    #expect(ranges.before.source == "2025-01-01..2025-03-31")
    #expect(ranges.before.start == q1.lowerBound)
    #expect(ranges.after.end == q4.upperBound)
    #expect(ranges.csv() == logs.csv())
  }

  @Test("a side without entries is refused as unsuitable")
  func emptySide() throws {
    // Truth: no row of the log is dated in 2024.
    let empty = LogDate(year: 2024, month: 1, day: 1)! ... LogDate(year: 2024, month: 12, day: 31)!
    do {
      _ = try SiloComparison.compare(
        before: .init(log: TemporalLogs.opening, range: empty), after: .init(log: Self.openLog, source: "q4"), options: TemporalLogs.options())
      Issue.record("expected the empty side to be refused")
    } catch {
      let message = try #require(error.unsuitableMessage, "expected unsuitable, got \(error)")
      #expect(message.contains("before side"))
    }
  }

  @Test("the CSV: a header, the organization and each department")
  func csv() throws {
    // Truth: one row for the organization (empty name) and one per department A, B, C.
    let document = try SiloComparison.compare(
      before: .init(log: Self.closedLog, source: "q1"), after: .init(log: Self.openLog, source: "q4"), options: TemporalLogs.options())
    let rows = document.csv().split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    #expect(rows.first == "department,people_before,people_after,share_inside_before,share_inside_after,change,change_ci_low,change_ci_high,beyond_uncertainty,direction,verdict_before,verdict_after")
    #expect(rows.count == 5)
    #expect(rows.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).first.map(String.init) } == ["", "A", "B", "C"])
    #expect(rows.contains { $0.hasPrefix("A,10,10,1,") && $0.contains(",true,opened,") })
  }
}
