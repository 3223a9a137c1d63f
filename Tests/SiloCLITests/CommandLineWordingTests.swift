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

  /// The warnings of `summary`'s table and of its JSON.
  func warnings(_ arguments: [String], in folder: TemporaryFolder) throws -> (table: [String], json: [String]) {
    let run = try siloscope(["summary"] + arguments, in: folder)
    #expect(run.status == 0, "\(run)")
    let table = run.out.split(separator: "\n").filter { $0.hasPrefix("  ! ") }.map { String($0.dropFirst(4)) }
    let json = try jsonObject(try siloscope(["summary"] + arguments + ["--format", "json"], in: folder).out)
    return (table, json["warnings"] as? [String] ?? [])
  }

  @Test("repeated rows kept, a log without departments and a project with everyone name --duplicates drop, --people and --max-project-size")
  func logWarnings() throws {
    try withTemporaryFolder { folder in
      let log = folder.write("log.csv", "person,project\n" + (1 ... 10).map { "p\($0),All\n" }.joined() + "p1,All\n")
      let expected = [
        "\(log): no weight column: every row weighs 1",
        "\(log): 1 row repeats an earlier row exactly and was kept (weights add up); use --duplicates drop to skip them",
        "one project, \"All\", has 10 of the 10 people: it ties them all to each other and hides the structure; "
          + "if it is an all-hands meeting or shared infrastructure, leave it out with --max-project-size 9",
        "no departments: the log has no department column and no people file was given (--people)",
      ]
      let (table, json) = try warnings([log], in: folder)
      #expect(table == expected)
      #expect(json == expected)
      let build = try siloscope(["build", log, "--output", "network"], in: folder)
      #expect(build.err.contains("siloscope: warning: no departments: the log has no department column and no people file was given (--people)\n"), "\(build)")
    }
  }

  @Test("a node list without a group column names --group-column and --nodes")
  func networkWarnings() throws {
    try withTemporaryFolder { folder in
      let edges = folder.write("edges.csv", "source,target\na,b\n")
      let nodes = folder.write("nodes.csv", "id,room\na,1\nb,2\n")
      let (table, json) = try warnings(["--edges", edges, "--nodes", nodes], in: folder)
      let expected = [
        "\(edges): no weight column: every tie weighs 1",
        "\(nodes): no group column (department, group, team, …): silo measures need one; name it with --group-column",
        "no departments: no node list with a department or group column was given (--nodes)",
      ]
      #expect(table == expected)
      #expect(json == expected)
    }
  }
}
