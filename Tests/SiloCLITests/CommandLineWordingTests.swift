import Foundation
import Testing
import _SiloTestSupport

/// The readers' messages in the command line's words: the library's English with the option
/// that changes the setting, the same on the terminal and in the JSON.
@Suite("command-line wording")
struct CommandLineWordingTests {
  /// The skipped rows of the first input of `summary --format json`, by reason.
  func skippedReasons(_ json: [String: Any]) -> [String] {
    let inputs = json["inputs"] as? [[String: Any]] ?? []
    return (inputs.first?["skipped"] as? [[String: Any]] ?? []).compactMap { $0["reason"] as? String }
  }

  @Test("a row dropped as a repeat names --duplicates drop, on the terminal and in the JSON")
  func duplicateRow() throws {
    try withTemporaryFolder { folder in
      let log = folder.write("log.csv", "person,project,department\nAna,P1,A\nAna,P1,A\nBob,P1,B\n")
      let arguments = ["summary", log, "--duplicates", "drop"]
      let run = try siloscope(arguments, in: folder)
      #expect(run.status == 0, "\(run)")
      #expect(run.out.contains("    skipped 1 row: the row repeats an earlier row exactly (--duplicates drop) (line 3)\n"), "\(run)")
      let json = try jsonObject(try siloscope(arguments + ["--format", "json"], in: folder).out)
      #expect(skippedReasons(json) == ["the row repeats an earlier row exactly (--duplicates drop)"])
    }
  }

  @Test("a tie of another relation names --relation, on the terminal, in the JSON and in the error when no tie is left")
  func otherRelation() throws {
    try withTemporaryFolder { folder in
      let edges = folder.write("edges.csv", "source,target,relation\na,b,advice\nb,c,cowork\n")
      let arguments = ["summary", "--edges", edges, "--relation", "cowork"]
      let run = try siloscope(arguments, in: folder)
      #expect(run.status == 0, "\(run)")
      #expect(run.out.contains("    skipped 1 row: another relation than \"cowork\" (--relation) (line 2)\n"), "\(run)")
      let json = try jsonObject(try siloscope(arguments + ["--format", "json"], in: folder).out)
      #expect(skippedReasons(json) == ["another relation than \"cowork\" (--relation)"])
      let none = try siloscope(["summary", "--edges", edges, "--relation", "friendship"], in: folder)
      #expect(none.status == 65, "\(none)")
      #expect(
        none.errorLine == "siloscope: error: \(edges): none of the 2 data rows could be used "
          + "(2 × another relation than \"friendship\" (--relation))", "\(none)")
    }
  }
}
