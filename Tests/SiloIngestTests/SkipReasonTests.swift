import Foundation
import SiloIngest
import Testing

/// Why rows are skipped: structured values, worded in the library's English (no command-line
/// option named), encoded as that string unless the encoder carries another wording.
@Suite("Skip reasons")
struct SkipReasonTests {
  @Test(
    "every reason has its English wording, in the library's words",
    arguments: [
      (SkipReason.emptyRow, "empty row"),
      (.fieldCountMismatch(headerFields: 3), "the row has a different number of fields than the header (3)"),
      (.missing(.person), "no person"),
      (.missing(.sourceOrTarget), "no source or target"),
      (.missing(.id), "no id"),
      (.onlyInvisible(.project), "no project (only invisible characters)"),
      (.onlyInvisible(.target), "no target (only invisible characters)"),
      (.nameTooLong(.person, limit: 1024), "the person's name is longer than 1024 bytes"),
      (.nameTooLong(.department, limit: 1024), "the department's name is longer than 1024 bytes"),
      (.nameTooLong(.source, limit: 1024), "the source's id is longer than 1024 bytes"),
      (.nameTooLong(.sourceOrTarget, limit: 1024), "the source's or target's id is longer than 1024 bytes"),
      (.nameTooLong(.id, limit: 1024), "the id is longer than 1024 bytes"),
      (.repeated(.id, firstLine: nil), "the id appears earlier in the file"),
      (.repeated(.node, firstLine: nil), "the node id appears earlier in the file"),
      (.repeated(.person, firstLine: 2), "the person appears earlier in the file (first on line 2)"),
      (.duplicateRow, "the row repeats an earlier row exactly"),
      (.otherRelation(wanted: "cowork"), "another relation than \"cowork\""),
      (.invalidDate, "the date is not a date (expected yyyy-mm-dd or dd-mm-yyyy)"),
      (.notJSONObject, "the line is not a JSON object"),
      (.unusableWeight(.missing, hours: true), "no weight (hours)"),
      (.unusableWeight(.missing, hours: false), "no weight"),
      (.unusableWeight(.notANumber, hours: true), "the weight (hours) is not a number"),
      (.unusableWeight(.negative, hours: false), "the weight is negative"),
      (.unusableWeight(.zero, hours: true), "the weight (hours) is zero"),
      (.unusableWeight(.zero, hours: false), "the weight is zero (no tie)"),
      (.unusableWeight(.outOfRange, hours: true), "the weight (hours) is outside the range SiloScope computes with (1e-100 to 1e100)"),
    ])
  func english(reason: SkipReason, text: String) {
    #expect(reason.description == text)
    #expect(!reason.description.contains("--"))
  }

  /// A wording that marks the reasons it words.
  struct Marked: InputMessageWording {
    func message(_ reason: SkipReason) -> String { "<\(reason)>" }
  }

  @Test("a report encodes each reason as its English wording, or as the encoder's wording")
  func encoding() throws {
    var report = IngestReport(file: "edges.csv", format: "csv")
    report.skip(.otherRelation(wanted: "cowork"), at: SourceLocation(file: "edges.csv", line: 4))
    let plain = String(decoding: try JSONEncoder().encode(report.skipped), as: UTF8.self)
    #expect(plain.contains(#""reason":"another relation than \"cowork\"""#), "\(plain)")
    let encoder = JSONEncoder()
    encoder.userInfo[.inputMessageWording] = Marked()
    let worded = String(decoding: try encoder.encode(report.skipped), as: UTF8.self)
    #expect(worded.contains(#""reason":"<another relation than \"cowork\">""#), "\(worded)")
    #expect(report.skippedSummary == ["1 row: another relation than \"cowork\" (line 4)"])
    #expect(report.skippedSummary(wording: Marked()) == ["1 row: <another relation than \"cowork\"> (line 4)"])
  }

  @Test("the reasons of an input none of whose rows can be used are worded in the error's message")
  func noUsableRows() {
    let rows = IngestReport.SkippedRows(reason: .duplicateRow, count: 2, examples: [])
    let error = IngestError.noUsableRows(file: "log.csv", rowsRead: 2, skipped: [rows])
    #expect(error.description == "log.csv: none of the 2 data rows could be used (2 × the row repeats an earlier row exactly)")
    #expect(error.message(wording: Marked()) == "log.csv: none of the 2 data rows could be used (2 × <the row repeats an earlier row exactly>)")
  }
}
