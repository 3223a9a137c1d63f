import Foundation
import Testing
import _SiloTestSupport

/// `siloscope trend` and `siloscope compare` end to end: the periods of a real log, the
/// refusals with their exit codes, and the CSV of a comparison.
@Suite("trend, compare")
struct TrendCommandTests {
  static let people = TestDatasets.path("opentelemetry_swift_commits/persons.csv")
  /// Fewer relabellings and replicates than the defaults: the tests check the layout, not the margins.
  static let quick = ["--permutations", "99", "--bootstrap", "100", "--threads", "1"]

  /// A log whose rows all fall in the first quarter of 2025.
  static let oneQuarter = """
    person,department,project,date
    ann,A,p1,2025-01-05
    bob,A,p1,2025-01-05
    cas,B,p2,2025-02-10
    dan,B,p2,2025-02-10
    ann,A,p3,2025-03-30
    cas,B,p3,2025-03-30

    """

  @Test("trend on the OpenTelemetry log by year: exit 0 and the seven years 2020 to 2026")
  func otelByYear() throws {
    // Truth: the log's commits are dated from 2020-02-18 into 2026 (Datasets/opentelemetry_swift_commits).
    try withTemporaryFolder { folder in
      let run = try siloscope(["trend", Inputs.otelLog, "--people", Self.people, "--period", "year", "--format", "json"] + Self.quick, in: folder)
      #expect(run.status == 0, "\(run)")
      let json = try jsonObject(run.out)
      #expect(json["command"] as? String == "trend")
      #expect(json["period_kind"] as? String == "year")
      let periods = try #require(json["periods"] as? [[String: Any]])
      #expect(periods.map { $0["label"] as? String } == (2020 ... 2026).map { "\($0)" })
      #expect(periods.first?["start"] as? String == "2020-01-01")
      #expect(periods.last?["end"] as? String == "2027-01-01")
      // Truth: every row has a date, and the periods' entries add up to the log's 1,347 rows.
      #expect(integer(json["undated_entries"]) == 0)
      #expect(periods.compactMap { integer($0["entries"]) }.reduce(0, +) == 1347)
    }
  }

  @Test("trend on a log whose dates fall in one period: exit 65 and the reason on standard error")
  func onePeriod() throws {
    // Truth: AnalysisError.onePeriod is invalid data, exit code 65 (EX_DATAERR); three months of 2025 are one quarter.
    try withTemporaryFolder { folder in
      let log = folder.write("log.csv", Self.oneQuarter)
      let run = try siloscope(["trend", log, "--period", "quarter"] + Self.quick, in: folder)
      #expect(run.status == 65, "\(run)")
      #expect(run.err.contains("a trend needs at least two"), "\(run)")
      #expect(run.out.isEmpty)
      // Truth: by month the same rows fall in three periods, and the trend is made.
      let monthly = try siloscope(["trend", log, "--period", "month"] + Self.quick, in: folder)
      #expect(monthly.status == 0, "\(monthly)")
    }
  }

  @Test("trend with both --period and --window is a usage error (64)")
  func periodAndWindow() throws {
    // Truth: calendar periods and rolling windows exclude each other.
    try withTemporaryFolder { folder in
      let run = try siloscope(["trend", Inputs.otelLog, "--period", "year", "--window", "90"], in: folder)
      #expect(run.status == 64, "\(run)")
      #expect(run.err.contains("Give either --period or --window, not both."), "\(run)")
      #expect(run.out.isEmpty)
    }
  }

  @Test("trend with --step but no --window is a usage error (64)")
  func stepWithoutWindow() throws {
    // Truth: a step only means something for rolling windows.
    try withTemporaryFolder { folder in
      let run = try siloscope(["trend", Inputs.otelLog, "--step", "30"], in: folder)
      #expect(run.status == 64, "\(run)")
      #expect(run.err.contains("--step goes with --window."), "\(run)")
    }
  }

  @Test("compare with --before but no --after is a usage error (64)")
  func compareBeforeOnly() throws {
    // Truth: one log needs two ranges.
    try withTemporaryFolder { folder in
      let run = try siloscope(["compare", Inputs.otelLog, "--before", "2020-01-01..2022-12-31"], in: folder)
      #expect(run.status == 64, "\(run)")
      #expect(run.err.contains("Give both --before and --after, or two logs."), "\(run)")
      #expect(run.out.isEmpty)
    }
  }

  @Test("compare on two halves of the OpenTelemetry log: exit 0, the CSV header, the organization and departments")
  func compareHalves() throws {
    // Truth: ComparisonDocument.csv() starts with this header; the organization's row has an empty name.
    try withTemporaryFolder { folder in
      let run = try siloscope(
        ["compare", Inputs.otelLog, "--people", Self.people, "--before", "2020-01-01..2022-12-31", "--after", "2023-01-01..2026-12-31", "--format", "csv"]
          + Self.quick, in: folder)
      #expect(run.status == 0, "\(run)")
      let rows = lines(run.out)
      #expect(rows.first == "department,people_before,people_after,share_inside_before,share_inside_after,change,change_ci_low,change_ci_high,beyond_uncertainty,direction,verdict_before,verdict_after")
      #expect(rows.count >= 3)
      #expect(rows.dropFirst().first?.hasPrefix(",") == true)
    }
  }

  @Test("compare: two logs cut at a date give the same people and changes as one log with two ranges, with --people too")
  func twoLogsEqualRanges() throws {
    // Truth: the two files hold exactly the rows of the two ranges; people listed only in the
    // people file, without a row on a side, are not on that side.
    try withTemporaryFolder { folder in
      let text = try #require(contents(Inputs.otelLog))
      let rows = lines(text)
      let header = rows[0], data = rows.dropFirst()
      let early = data.filter { $0.split(separator: ",")[3] < "2023-01-01" }, late = data.filter { $0.split(separator: ",")[3] >= "2023-01-01" }
      let before = folder.write("before.csv", ([header] + early).joined(separator: "\n") + "\n")
      let after = folder.write("after.csv", ([header] + late).joined(separator: "\n") + "\n")
      let options = ["--people", Self.people, "--format", "json"] + Self.quick
      let ranges = try siloscope(
        ["compare", Inputs.otelLog, "--before", "2020-01-01..2022-12-31", "--after", "2023-01-01..2026-12-31"] + options, in: folder)
      let files = try siloscope(["compare", before, after] + options, in: folder)
      #expect(ranges.status == 0, "\(ranges)")
      #expect(files.status == 0, "\(files)")
      let r = try jsonObject(ranges.out), f = try jsonObject(files.out)
      for key in ["people_in_both", "people_only_before", "people_only_after", "only_before", "only_after"] {
        #expect("\(r[key] ?? "-")" == "\(f[key] ?? "-")", "\(key)")
      }
      for side in ["before", "after"] {
        let x = try #require(r[side] as? [String: Any]), y = try #require(f[side] as? [String: Any])
        #expect(integer(x["people"]) == integer(y["people"]), "\(side)")
        #expect(integer(x["ties"]) == integer(y["ties"]), "\(side)")
      }
      let rGroups = try #require(r["groups"] as? [[String: Any]]), fGroups = try #require(f["groups"] as? [[String: Any]])
      #expect(rGroups.map { $0["name"] as? String } == fGroups.map { $0["name"] as? String })
      #expect(rGroups.map { "\($0["direction"] ?? "-")" } == fGroups.map { "\($0["direction"] ?? "-")" })
    }
  }

  @Test("compare on two halves as JSON: both sides cover their ranges and people are counted once")
  func compareHalvesJSON() throws {
    // Truth: each side's source is its range; people on both sides plus those on one side only are the people of either.
    try withTemporaryFolder { folder in
      let run = try siloscope(
        ["compare", Inputs.otelLog, "--people", Self.people, "--before", "2020-01-01..2022-12-31", "--after", "2023-01-01..2026-12-31", "--format", "json"]
          + Self.quick, in: folder)
      #expect(run.status == 0, "\(run)")
      let json = try jsonObject(run.out)
      let before = try #require(json["before"] as? [String: Any]), after = try #require(json["after"] as? [String: Any])
      #expect(before["source"] as? String == "2020-01-01..2022-12-31")
      #expect(after["source"] as? String == "2023-01-01..2026-12-31")
      // Truth: 149 + 412 + 87 rows are dated 2020–2022, 222 + 118 + 281 + 78 from 2023 (the log's date column).
      #expect(integer(before["entries"]) == 648)
      #expect(integer(after["entries"]) == 699)
      let both = try #require(integer(json["people_in_both"]))
      let onlyBefore = try #require(integer(json["people_only_before"])), onlyAfter = try #require(integer(json["people_only_after"]))
      #expect(both + onlyBefore == integer(before["people"]))
      #expect(both + onlyAfter == integer(after["people"]))
    }
  }
}
