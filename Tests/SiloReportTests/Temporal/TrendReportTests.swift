import Foundation
import SiloGraph
import SiloIngest
import SiloMetrics
import Testing
import _SiloTestSupport
@testable import SiloReport

/// The trend in the report: the change finding, the minimum cell size per period, the
/// period labels, and the "Change over time" section of a whole analysis.
@Suite("Change over time in the report")
struct TrendReportTests {
  static let opening = try! SiloTrend.compute(log: TemporalLogs.opening, options: TemporalLogs.options())

  /// The finding of the log in which A and B start working together names both as opened up,
  /// with numbers whose paths hold those numbers in the trend document.
  @Test("the change finding names the departments that opened up, with paths to their numbers")
  func changeFinding() throws {
    let finding = try #require(Findings.change(Self.opening, ReportLanguage.en.wording))
    #expect(finding.kind == "change")
    #expect(finding.text.hasPrefix("From Q1 2025 to Q4 2025, "))
    #expect(finding.text.contains("A opened up (from 100% to 31% inside)"))
    #expect(finding.text.contains("B opened up (from 100% to 31% inside)"))
    #expect(finding.text.contains("the organization as a whole opened up"))
    #expect(!finding.text.contains("C "))
    let groups = try #require(Self.opening.change?.groups)
    for part in finding.parts {
      guard let path = part.path, let value = part.value, path.hasPrefix("trend.change.groups[") else { continue }
      let index = Int(path.dropFirst("trend.change.groups[".count).prefix { $0.isNumber })!
      let side = path.hasSuffix("before.share_inside") ? groups[index].before : groups[index].after
      #expect(side?.shareInside == value, "\(path)")
    }
  }

  /// Two quarters in which nobody changes how they work: no department changed, in words.
  @Test("without a change beyond the margin the finding says so, in English and Dutch")
  func noChange() throws {
    let log = ProjectLog(entries: TemporalLogs.openingEntries(quarters: [1, 2]))
    let trend = try SiloTrend.compute(log: log, options: TemporalLogs.options())
    let english = try #require(Findings.change(trend, ReportLanguage.en.wording))
    #expect(english.text == "From Q1 2025 to Q2 2025 no department opened up or closed up by 5 points or more and by more than the margin of uncertainty.")
    let dutch = try #require(Findings.change(trend, ReportLanguage.nl.wording))
    #expect(dutch.text.hasPrefix("Van K1 2025 tot K2 2025 is geen afdeling aantoonbaar opener"))
  }

  /// A and B have 10 people, C 8: a minimum of 9 leaves out C's rows, mixing and change, a
  /// minimum of 11 every department's, and the organization stays.
  @Test("departments below the minimum size are left out of every period, the organization stays")
  func minimumCellSize() throws {
    var nine = Self.opening
    nine.leaveOutSmallGroups(minimum: 9)
    for period in nine.periods {
      #expect(Set(period.groups.map(\.name)) == ["A", "B"])
      #expect(!period.mixing.contains { $0.from == "C" || $0.to == "C" })
      #expect(period.graph != nil)
    }
    #expect(nine.change?.groups.compactMap(\.name).sorted() == ["A", "B"])
    var eleven = Self.opening
    eleven.leaveOutSmallGroups(minimum: 11)
    #expect(eleven.periods.allSatisfy { $0.groups.isEmpty })
    #expect(eleven.change?.groups.isEmpty == true)
    #expect(eleven.change?.organization.direction == .opened)
  }

  /// Period labels as readers write them.
  @Test("period labels read as quarters, months and dates in each language")
  func periodLabels() {
    let en = ReportLanguage.en.wording, nl = ReportLanguage.nl.wording
    #expect(en.periodLabel("2025-Q1") == "Q1 2025")
    #expect(nl.periodLabel("2025-Q4") == "K4 2025")
    #expect(en.periodLabel("2025-03") == "Mar 2025")
    #expect(nl.periodLabel("2025-03") == "mrt 2025")
    #expect(nl.periodLabel("2025-05-17") == "17 mei 2025")
    #expect(en.periodLabel("2025") == "2025")
    #expect(en.periodLabel("Q1") == "Q1")
  }

  /// The whole analysis of the opening log, written as a CSV file: report.json carries the
  /// trend, the page has the section with A and B marked as opened up and both figures, and
  /// the figures are files of the report.
  @Test("analyze on a dated log adds the section, its figures and the trend in report.json")
  func wholeReport() throws {
    let folder = TemporaryFolder()
    defer { folder.remove() }
    var csv = "person,department,project,date\n"
    for entry in TemporalLogs.openingEntries() {
      csv += "\(entry.person),\(entry.department!),\(entry.project),\(entry.date!)\n"
    }
    let path = folder.write("log.csv", csv)
    var options = SiloAnalysis.Options()
    options.permutations = 99
    options.bootstrapReplicates = 200
    options.recordsTiming = false
    options.reportDate = LogDate(year: 2026, month: 1, day: 1)
    let result = try SiloAnalysis.run(
      source: .log(path: path, people: nil, read: LogReadOptions(), projection: ProjectionOptions()), options: options)
    let trend = try #require(result.trend)
    #expect(trend.periodKind == "quarter" && trend.periods.count == 4)
    #expect(result.trendFigures.map(\.file) == ["trend.svg", "trend-outside-ties.svg", "communities-over-time.svg"])
    #expect(result.findings.contains { $0.kind == "change" })
    let document = ReportDocument(result)
    #expect(document.diagrams.prefix(3).map(\.view) == ["trend", "trend-outside-ties", "community-flow"])
    let html = HTMLReport.html(result, document: document)
    let section = try #require(html.firstRange(of: "<section id=\"trend\">")).lowerBound
    let rest = html[section...]
    let end = try #require(rest.firstRange(of: "</section>")).lowerBound
    let text = String(rest[..<end])
    #expect(text.contains("<tr class=\"c-opened\"><th scope=\"row\">A</th>"))
    #expect(text.contains("<tr class=\"c-opened\"><th scope=\"row\">B</th>"))
    #expect(text.contains("<tr class=\"c-unclear\"><th scope=\"row\">C</th>"))
    #expect(text.contains("<figure id=\"figure-1\" class=\"wide\">") && text.contains("<figure id=\"figure-3\" class=\"wide\">"))
    #expect(html.contains("<figure id=\"figure-4\">"))
    let json = try document.json()
    #expect(json.contains("\"period_kind\" : \"quarter\""))
  }
}
