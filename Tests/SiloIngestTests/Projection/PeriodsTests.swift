import SiloGraph
import SiloIngest
import Testing
import _SiloTestSupport

/// Periods of a trend: calendar months, quarters and years, rolling windows, and the part of a
/// log that falls in one period (`ProjectLog.restricted(to:)`, `windowed(_:)`).
@Suite("Periods")
struct PeriodsTests {
  static func day(_ text: String) -> LogDate { LogDate(text)! }

  static func periods(_ spec: PeriodSpec, _ first: String, _ last: String) -> [LogPeriod] {
    spec.periods(covering: day(first) ... day(last))
  }

  // MARK: - Calendar periods

  @Test("months: every month from the first date's to the last's, labelled yyyy-mm, end exclusive")
  func months() {
    // Truth: 15 Jan to 2 Apr touches four months; each runs from the 1st to the next month's 1st.
    let result = Self.periods(.calendar(.month), "2025-01-15", "2025-04-02")
    #expect(result.map(\.label) == ["2025-01", "2025-02", "2025-03", "2025-04"])
    #expect(result.map(\.start) == ["2025-01-01", "2025-02-01", "2025-03-01", "2025-04-01"].map(Self.day))
    #expect(result.map(\.end) == ["2025-02-01", "2025-03-01", "2025-04-01", "2025-05-01"].map(Self.day))
    #expect(result.map(\.lastDay) == ["2025-01-31", "2025-02-28", "2025-03-31", "2025-04-30"].map(Self.day))
  }

  @Test("months across a year end: December is followed by January of the next year")
  func monthsAcrossYearEnd() {
    // Truth: 2024-12 ends on 2025-01-01 and the next label is 2025-01.
    let result = Self.periods(.calendar(.month), "2024-12-31", "2025-01-01")
    #expect(result.map(\.label) == ["2024-12", "2025-01"])
    #expect(result[0].end == Self.day("2025-01-01"))
    #expect(result[1].start == Self.day("2025-01-01"))
  }

  @Test("quarters: yyyy-Qn, starting on the quarter's first month, across a year end")
  func quarters() {
    // Truth: 20 Nov 2024 lies in 2024-Q4 (Oct–Dec), 1 May 2025 in 2025-Q2 (Apr–Jun).
    let result = Self.periods(.calendar(.quarter), "2024-11-20", "2025-05-01")
    #expect(result.map(\.label) == ["2024-Q4", "2025-Q1", "2025-Q2"])
    #expect(result.map(\.start) == ["2024-10-01", "2025-01-01", "2025-04-01"].map(Self.day))
    #expect(result.map(\.end) == ["2025-01-01", "2025-04-01", "2025-07-01"].map(Self.day))
  }

  @Test("a date on a quarter's first day starts that quarter; the day before its end is still in it")
  func quarterBoundaries() {
    // Truth: 2025-04-01 is Q2's first day, 2025-03-31 Q1's last.
    #expect(Self.periods(.calendar(.quarter), "2025-04-01", "2025-04-01").map(\.label) == ["2025-Q2"])
    #expect(Self.periods(.calendar(.quarter), "2025-03-31", "2025-03-31").map(\.label) == ["2025-Q1"])
  }

  @Test("years: every year from the first to the last, the empty ones between included")
  func yearsWithEmptyMiddle() {
    // Truth: dates in 2023 and 2025 only still give 2024 as a period of its own.
    let result = Self.periods(.calendar(.year), "2023-06-01", "2025-01-01")
    #expect(result.map(\.label) == ["2023", "2024", "2025"])
    #expect(result.map(\.start) == ["2023-01-01", "2024-01-01", "2025-01-01"].map(Self.day))
    #expect(result.last?.end == Self.day("2026-01-01"))
  }

  @Test("leap years: February 2024 has 29 days, 2024 has 366 days, February 2025 has 28")
  func leapYears() {
    // Truth: 2024 is a leap year (divisible by 4, not by 100), 2025 is not; 2000 was one (by 400), 1900 was not.
    let february = Self.periods(.calendar(.month), "2024-02-10", "2024-02-10")[0]
    #expect(february.end == Self.day("2024-03-01"))
    #expect(february.lastDay == Self.day("2024-02-29"))
    #expect(february.end.dayNumber - february.start.dayNumber == 29)
    let year = Self.periods(.calendar(.year), "2024-07-01", "2024-07-01")[0]
    #expect(year.end.dayNumber - year.start.dayNumber == 366)
    #expect(Self.periods(.calendar(.month), "2025-02-10", "2025-02-10")[0].lastDay == Self.day("2025-02-28"))
    #expect(Self.periods(.calendar(.month), "2000-02-10", "2000-02-10")[0].lastDay == Self.day("2000-02-29"))
    #expect(Self.periods(.calendar(.month), "1900-02-10", "1900-02-10")[0].lastDay == Self.day("1900-02-28"))
  }

  // MARK: - Rolling windows

  @Test("rolling windows of 90 days every 30: starts 30 days apart, the last the first to reach the last date")
  func rollingWindows() {
    // Truth: 2025-01-01 … 2025-06-30 is days 0…180; windows [0,90), [30,120), [60,150), [90,180)
    // miss day 180, [120,210) is the first to hold it.
    let first = Self.day("2025-01-01")
    let result = Self.periods(.rolling(windowDays: 90, stepDays: 30), "2025-01-01", "2025-06-30")
    #expect(result.map { $0.start.dayNumber - first.dayNumber } == [0, 30, 60, 90, 120])
    #expect(result.allSatisfy { $0.end.dayNumber - $0.start.dayNumber == 90 })
    #expect(result.map(\.label) == ["2025-01-01", "2025-01-31", "2025-03-02", "2025-04-01", "2025-05-01"])
    let last = Self.day("2025-06-30")
    #expect(result.last!.start <= last && last < result.last!.end)
    #expect(result[result.count - 2].end <= last)
  }

  @Test("a rolling window that already holds the last date is the only one")
  func rollingSingleWindow() {
    // Truth: days 0…89 fit in one window of 90 days.
    let result = Self.periods(.rolling(windowDays: 90, stepDays: 30), "2025-01-01", "2025-03-31")
    #expect(result.count == 1)
    #expect(result[0].lastDay == Self.day("2025-03-31"))
  }

  @Test("rolling windows with the step equal to the window do not overlap")
  func rollingWithoutOverlap() {
    // Truth: windows of 30 every 30 days touch end to start.
    let result = Self.periods(.rolling(windowDays: 30, stepDays: 30), "2025-01-01", "2025-03-15")
    #expect(result.count == 3)
    for (a, b) in zip(result, result.dropFirst()) { #expect(a.end == b.start) }
  }

  // MARK: - A log restricted to a period

  /// carol's first row is in Q2, so in Q1 people appear as alice, bob, carol while the whole
  /// log numbers them carol (0), alice (1), bob (2), dave (3). alice has two rows in Y and one
  /// in X: the whole log puts her in Y.
  static let log = ProjectLog(entries: [
    .init(person: "carol", department: "X", project: "p1", date: day("2025-04-10")),
    .init(person: "alice", department: "X", project: "p1", date: day("2025-01-01")),
    .init(person: "bob", department: "X", project: "p1", date: day("2025-02-10")),
    .init(person: "carol", department: "X", project: "p2", date: day("2025-03-31")),
    .init(person: "alice", department: "Y", project: "p2", date: day("2025-04-01")),
    .init(person: "alice", department: "Y", project: "p3", date: day("2025-05-01")),
    .init(person: "dave", department: "Z", project: "p3"),
  ])

  static let q1 = LogPeriod(start: day("2025-01-01"), end: day("2025-04-01"), label: "2025-Q1")

  @Test("restricted(to:) keeps only the period's entries (start included, end excluded, undated left out)")
  func restrictedEntries() {
    // Truth: Q1 holds the rows dated 01-01, 02-10 and 03-31; 04-01 is the next period's first day.
    let part = Self.log.restricted(to: Self.q1)
    #expect(part.log.rows == [LogRow("alice", "p1", "2025-01-01"), LogRow("bob", "p1", "2025-02-10"), LogRow("carol", "p2", "2025-03-31")])
  }

  @Test("restricted(to:) keeps the people with an entry in the whole log's order, with their whole-log numbers")
  func restrictedPeopleOrder() {
    // Truth: whole-log order is carol, alice, bob; dave has no entry in Q1.
    let part = Self.log.restricted(to: Self.q1)
    #expect(part.log.people == ["carol", "alice", "bob"])
    #expect(part.personInWholeLog == [0, 1, 2])
    for (i, whole) in part.personInWholeLog.enumerated() { #expect(Self.log.people[Int(whole)] == part.log.people[i]) }
  }

  @Test("restricted(to:) keeps the whole log's departments and each person's whole-log department")
  func restrictedDepartments() {
    // Truth: alice's only Q1 row says X, but two of her three rows say Y; Z has nobody in Q1 but stays listed.
    let part = Self.log.restricted(to: Self.q1)
    #expect(part.log.departments == Self.log.departments)
    #expect(part.log.departments == ["X", "Y", "Z"])
    #expect(part.log.departmentOfPerson == ["carol": "X", "alice": "Y", "bob": "X"])
    #expect(part.log.projects == Self.log.projects)
  }

  @Test("a period without entries gives an empty log")
  func restrictedEmpty() {
    // Truth: no row is dated in 2024.
    let part = Self.log.restricted(to: LogPeriod(start: Self.day("2024-01-01"), end: Self.day("2025-01-01"), label: "2024"))
    #expect(part.log.entryCount == 0)
    #expect(part.log.people.isEmpty)
    #expect(part.personInWholeLog.isEmpty)
  }

  @Test("restrictedToPeopleWithEntries drops people a people file lists without a row and keeps every entry, undated too")
  func peopleWithEntries() throws {
    // Truth: erin is only in the people file; dave's row has no date but is an entry.
    let files = Files()
    defer { files.remove() }
    let people = files.text("people.csv", "person,department\ncarol,X\nerin,Z\n")
    let merged = Self.log.merging(try PeopleFile.read(path: people))
    #expect(merged.people.contains("erin"))
    let part = merged.restrictedToPeopleWithEntries()
    #expect(part.log.people == ["carol", "alice", "bob", "dave"])
    #expect(part.log.rows == Self.log.rows)
    #expect(part.log.departments == merged.departments)
    #expect(part.log.departmentOfPerson == ["carol": "X", "alice": "Y", "bob": "X", "dave": "Z"])
  }

  @Test("undatedEntries counts the rows without a date")
  func undatedCount() {
    // Truth: only dave's row has no date.
    #expect(Self.log.undatedEntries == 1)
    #expect(ProjectLog(entries: [.init(person: "a", project: "p", date: Self.day("2025-01-01"))]).undatedEntries == 0)
  }

  @Test("windowed: from and to both included; no window is the log itself; an empty window keeps nothing")
  func windowed() {
    // Truth: 2025-01-01 … 2025-03-31 holds the three Q1 rows; with no window the undated row stays.
    let q1 = Self.log.windowed(projectionOptions(from: "2025-01-01", to: "2025-03-31"))
    #expect(q1 == Self.log.restricted(to: Self.q1).log)
    let lastDayOnly = Self.log.windowed(projectionOptions(from: "2025-05-01", to: "2025-05-01"))
    #expect(lastDayOnly.rows == [LogRow("alice", "p3", "2025-05-01")])
    let fromOnly = Self.log.windowed(projectionOptions(from: "2025-04-01"))
    #expect(fromOnly.rows.map(\.date) == ["2025-04-10", "2025-04-01", "2025-05-01"])
    #expect(Self.log.windowed(ProjectionOptions()) == Self.log)
    #expect(Self.log.windowed(ProjectionOptions()).undatedEntries == 1)
    #expect(Self.log.windowed(projectionOptions(from: "2025-05-01", to: "2025-04-01")).entryCount == 0)
  }
}
