import Foundation
import SiloGraph
import SiloIngest
import Testing
@testable import SiloReport

/// A summary's warnings: structured, worded in the library's English without options, and
/// by a caller's wording in the text and the JSON.
@Suite("Summary warnings")
struct SummaryWarningTests {
  @Test(
    "every warning has its English wording, in the library's words",
    arguments: [
      (SummaryWarning.input(file: "edges.csv", .noTieWeightColumn), "edges.csv: no weight column: every tie weighs 1"),
      (.projection(.undatedEntriesLeftOut(2)), "2 entries without a date are left out because a date window is set"),
      (.noDepartments(.log), "no departments: the log has no department column and no people file was given"),
      (.noDepartments(.network), "no departments: no node list with a department or group column was given"),
      (.peopleWithoutDepartment(1, group: "(unknown)"), "1 person has no department and is placed in the group \"(unknown)\""),
      (.peopleWithoutDepartment(1200, group: "(unknown)"), "1,200 people have no department and are placed in the group \"(unknown)\""),
    ])
  func english(warning: SummaryWarning, text: String) {
    #expect(warning.description == text)
    #expect(ReportLanguage.en.wording.message(warning) == text)
  }

  /// A wording that marks what it words: the summary's own warnings and the readers'.
  struct Marked: SummaryMessageWording {
    func message(_ warning: IngestWarning) -> String { "<\(warning)>" }
    func message(_ warning: SummaryWarning) -> String {
      if case .noDepartments = warning { return "[\(warning)]" }
      return warning.message(in: self)
    }
  }

  @Test("a network without departments says so, in the summary's text and JSON in the caller's wording")
  func noDepartments() throws {
    var builder = GraphBuilder(nodeCount: 2, directedness: .undirected)
    builder.addEdge(NodeID(rawValue: 0), NodeID(rawValue: 1), weight: 1)
    var nodes = NodeTable()
    _ = nodes.add(id: "a")
    _ = nodes.add(id: "b")
    var report = IngestReport(file: "edges.csv", format: "csv")
    report.warnings = [.noTieWeightColumn]
    let summary = NetworkSummary(network: Network(graph: builder.build(), nodes: nodes, groups: nil), source: .network, inputs: [report])
    #expect(summary.warnings == [.input(file: "edges.csv", .noTieWeightColumn), .noDepartments(.network)])
    #expect(summary.text().contains("  ! no departments: no node list with a department or group column was given\n"))
    let text = summary.text(wording: Marked())
    #expect(text.contains("  ! edges.csv: <no weight column: every tie weighs 1>\n"), "\(text)")
    #expect(text.contains("  ! [no departments: no node list with a department or group column was given]\n"), "\(text)")
    let encoder = JSONEncoder()
    encoder.userInfo[.inputMessageWording] = Marked()
    let json = String(decoding: try encoder.encode(summary.warnings), as: UTF8.self)
    #expect(json == #"["edges.csv: <no weight column: every tie weighs 1>","[no departments: no node list with a department or group column was given]"]"#)
  }
}
