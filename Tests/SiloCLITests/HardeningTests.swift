import Foundation
#if canImport(FoundationXML)
  import FoundationXML
#endif
import Testing
import _SiloTestSupport

/// The hostile and unusual inputs of the hardening review, end to end on the built binary:
/// each ends with a clear message and a documented exit code, or a correct result; never a
/// signal and never an exit status outside the sysexits set.
@Suite("Hardening: ordinary input that used to crash")
struct HardeningTests {
  /// The exit statuses SiloScope documents (`siloscope --help`).
  static let documented: Set<Int32> = [0, 64, 65, 66, 69, 70, 73]

  /// Runs and checks that the process ended by itself with a documented status.
  static func run(_ arguments: [String], in folder: TemporaryFolder) throws -> CommandResult {
    let run = try siloscope(arguments, in: folder)
    #expect(documented.contains(run.status), "\(arguments): \(run)")
    #expect(!run.err.contains("Program crashed") && !run.err.contains("Fatal error"), "\(run)")
    return run
  }

  // MARK: - Names in two Unicode forms (one person)

  @Test("The same name in NFC and NFD is one person in summary, silos, analyze and with --edges")
  func twoForms() throws {
    try withTemporaryFolder { folder in
      let log = folder.write("log.csv", "person,department,project\nZo\u{00EB},D1,X\nZoe\u{0308},D1,X\nBob,D2,X\n")
      let summary = try Self.run(["summary", log, "--format", "json"], in: folder)
      #expect(summary.status == 0, "\(summary)")
      let json = try jsonObject(summary.out)
      #expect(json["people"] as? Int == 2, "\(summary.out)")
      let silos = try Self.run(["silos", log], in: folder)
      #expect(silos.status == 0, "\(silos)")
      let edges = folder.write("edges.csv", "source,target\nZo\u{00EB},Bob\nZoe\u{0308},Cas\n")
      let nodes = folder.write("nodes.csv", "id,department\nZoe\u{0308},D1\nBob,D2\nCas,D2\n")
      let fromEdges = try Self.run(["summary", "--edges", edges, "--nodes", nodes, "--format", "json"], in: folder)
      #expect(fromEdges.status == 0, "\(fromEdges)")
      #expect(try jsonObject(fromEdges.out)["people"] as? Int == 3)
    }
  }

  // MARK: - Weights that overflow

  @Test("Hours of 1e308 are skipped with their row, under every weighting; nothing becomes infinite")
  func hugeHours() throws {
    try withTemporaryFolder { folder in
      let log = folder.write(
        "log.csv",
        "person,department,project,hours\nA,D1,X,1e308\nB,D2,X,1e308\nC,D1,X,2\nD,D2,X,3\nE,D1,Y,1\nF,D2,Y,4\n")
      for weighting in ["shared-projects", "hours-overlap", "newman", "jaccard"] {
        let run = try Self.run(["silos", log, "--weighting", weighting, "--format", "json"], in: folder)
        #expect(run.status == 0, "\(weighting): \(run)")
        #expect(!run.out.contains("inf") && !run.out.contains("nan"), "\(run.out)")
        _ = try jsonObject(run.out)
      }
      let summary = try Self.run(["summary", log], in: folder)
      #expect(summary.out.contains("2 rows: the weight (hours) is outside the range SiloScope computes with (1e-100 to 1e100) (lines 2, 3)"), "\(summary)")
    }
  }

  @Test("A log whose every weight is out of range is refused with exit 65, naming the reason")
  func onlyHugeHours() throws {
    try withTemporaryFolder { folder in
      let log = folder.write("log.csv", "person,department,project,hours\nA,D1,X,1e308\nB,D1,X,1e308\n")
      let run = try Self.run(["silos", log, "--format", "json"], in: folder)
      #expect(run.status == 65, "\(run)")
      #expect(run.err.contains("none of the 2 data rows could be used (2 × the weight (hours) is outside the range"), "\(run)")
    }
  }

  @Test("Two 1e308 ties between departments, and subnormal weights, are skipped in an edge list")
  func hugeAndTinyTies() throws {
    try withTemporaryFolder { folder in
      let edges = folder.write("edges.csv", "source,target,weight\na,b,1e308\nc,d,1e308\na,c,1e-320\nb,d,2\na,d,1\n")
      let nodes = folder.write("nodes.csv", "id,department\na,D1\nb,D2\nc,D1\nd,D2\n")
      let brokers = try Self.run(["brokers", "--edges", edges, "--nodes", nodes, "--format", "json"], in: folder)
      #expect(brokers.status == 0, "\(brokers)")
      let summary = try Self.run(["summary", "--edges", edges, "--nodes", nodes], in: folder)
      #expect(summary.out.contains("3 rows: the weight is outside the range SiloScope computes with (1e-100 to 1e100) (lines 2, 3, 4)"), "\(summary)")
    }
  }

  // MARK: - Numeric options

  struct OptionCase: Sendable, CustomTestStringConvertible {
    var arguments: [String]
    var message: String
    var testDescription: String { arguments.joined(separator: " ") }
  }

  static let outOfRange: [OptionCase] = [
    .init(arguments: ["silos", "LOG", "--permutations", "9223372036854775807"], message: "--permutations must be from 1 to 100,000."),
    .init(arguments: ["silos", "LOG", "--permutations", "2305843009213693952"], message: "--permutations must be from 1 to 100,000."),
    .init(arguments: ["silos", "LOG", "--permutations", "2000000000"], message: "--permutations must be from 1 to 100,000."),
    .init(arguments: ["silos", "LOG", "--permutations", "0"], message: "--permutations must be from 1 to 100,000."),
    .init(arguments: ["analyze", "LOG", "-o", "r", "--permutations", "100001"], message: "--permutations must be from 1 to 100,000."),
    .init(arguments: ["analyze", "LOG", "-o", "r", "--brokers", "1000000"], message: "--brokers must be from 1 to 100."),
    .init(arguments: ["analyze", "LOG", "-o", "r", "--threads", "100000"], message: "--threads must be from 1 to 256."),
    .init(arguments: ["analyze", "LOG", "-o", "r", "--exact-limit", "-1"], message: "--exact-limit must be from 0 to 10,000,000."),
    .init(arguments: ["analyze", "LOG", "-o", "r", "--min-group-size", "99999999999"], message: "--min-group-size must be from 0 to 10,000,000."),
    .init(arguments: ["brokers", "LOG", "--top", "0"], message: "--top must be from 1 to 100."),
    .init(arguments: ["brokers", "LOG", "--samples", "4611686018427387904"], message: "--samples must be from 1 to 10,000,000."),
    .init(arguments: ["brokers", "LOG", "--threads", "0"], message: "--threads must be from 1 to 256."),
    .init(arguments: ["communities", "LOG", "--resolution", "1e308"], message: "--resolution must be from 1e-9 to 1e6."),
    .init(arguments: ["communities", "LOG", "--resolution", "nan"], message: "--resolution must be from 1e-9 to 1e6."),
    .init(arguments: ["render", "LOG", "--brokers", "101"], message: "--brokers must be from 0 to 100."),
    .init(arguments: ["render", "LOG", "--max-people", "0"], message: "--max-people must be from 1 to 10,000,000."),
    .init(arguments: ["summary", "LOG", "--min-weight", "1e300"], message: "--min-weight must be from 0 to 1e100."),
    .init(arguments: ["summary", "LOG", "--max-project-size", "99999999999"], message: "--max-project-size must be from 2 to 10,000,000."),
    .init(arguments: ["generate", "--people", "9223372036854775807", "-o", "g.csv"], message: "--people must be from 2 to 10,000,000."),
    .init(arguments: ["silos", "LOG", "--seed", "-1"], message: "--seed"),
    .init(arguments: ["silos", "LOG", "--seed", "18446744073709551616"], message: "--seed"),
  ]

  @Test("Every numeric option outside its documented range exits 64 at parse time", arguments: outOfRange)
  func optionRanges(_ option: OptionCase) throws {
    try withTemporaryFolder { folder in
      let arguments = option.arguments.map { $0 == "LOG" ? Inputs.otelLog : $0 }
      let run = try Self.run(arguments, in: folder)
      #expect(run.status == 64, "\(run)")
      #expect(run.err.contains(option.message), "\(run)")
      #expect(entries(folder.path).isEmpty)
    }
  }

  @Test("The largest permutation count runs in bounded memory")
  func manyPermutations() throws {
    try withTemporaryFolder { folder in
      let log = folder.write("log.csv", "person,department,project\nA,D1,X\nB,D2,X\nC,D1,Y\nD,D2,Y\nE,D1,X\n")
      let run = try Self.run(["silos", log, "--permutations", "100000", "--format", "json"], in: folder)
      #expect(run.status == 0, "\(run)")
      let json = try jsonObject(run.out)
      let graph = try #require(json["graph"] as? [String: Any])
      #expect(graph["ei_p_value"] is Double)
    }
  }

  // MARK: - Unbounded reads

  @Test("Devices and pipes as inputs are refused at once with exit 66, never read or waited on")
  func nonRegularInputs() throws {
    try withTemporaryFolder { folder in
      let log = folder.write("log.csv", "person,department,project\nA,D1,X\nB,D2,X\n")
      let fifo = folder.file("log.fifo")
      #expect(mkfifo(fifo, 0o600) == 0)
      let cases: [[String]] = [
        ["summary", "/dev/zero"], ["summary", "/dev/urandom"], ["summary", fifo],
        ["summary", log, "--people", "/dev/zero"], ["summary", log, "--people", fifo],
        ["summary", "--edges", "/dev/urandom"], ["summary", "--edges", log, "--nodes", fifo],
        ["analyze", log, "-o", "r", "--pseudonymize", "--pseudonym-key-file", "/dev/zero"],
        ["analyze", log, "-o", "r", "--pseudonymize", "--pseudonym-key-file", fifo],
      ]
      for arguments in cases {
        let run = try Self.run(arguments, in: folder)
        #expect(run.status == 66, "\(arguments): \(run)")
        #expect(run.err.contains("not a regular file"), "\(run)")
      }
      #expect(!exists(folder.file("r")))
    }
  }

  // MARK: - The projection's size

  @Test("One project of 50,000 people is refused before projecting (65), naming it and the option that helps")
  func projectionTooLarge() throws {
    try withTemporaryFolder { folder in
      var text = "person,department,project\n"
      for i in 0 ..< 50_000 { text += "p\(i),D\(i % 7),Iedereen\n" }
      for i in 0 ..< 300 { text += "p\(i),D\(i % 7),Team \(i / 3)\n" }
      let log = folder.write("log.csv", text)
      let started = ContinuousClock.now
      let run = try Self.run(["analyze", log, "-o", "r"], in: folder)
      #expect(run.status == 65, "\(run)")
      #expect(run.err.contains("pairs of people on a common project, more than the 200,000,000"), "\(run)")
      #expect(run.err.contains("\"Iedereen\" (50,000 people)"), "\(run)")
      #expect(run.err.contains("--max-project-size 3"), "\(run)")
      #expect(ContinuousClock.now - started < .seconds(30))
      #expect(!exists(folder.file("r")))
      let limited = try Self.run(["summary", log, "--max-project-size", "3"], in: folder)
      #expect(limited.status == 0, "\(limited)")
    }
  }

  // MARK: - Output integrity

  @Test("Escape sequences in headers, file names and values never reach the terminal raw")
  func terminalEscapes() throws {
    try withTemporaryFolder { folder in
      let log = folder.write("log.csv", "person,department,project,x\u{1B}]0;HACKED\u{7}\nA,D1,X,1\nB\u{1B}[2J,D2,X,1\n")
      let missing = try Self.run(["summary", log, "--person-column", "na\u{1B}[31mme"], in: folder)
      #expect(missing.status == 64 || missing.status == 65, "\(missing)")
      let summary = try Self.run(["summary", log], in: folder)
      let weird = folder.write("e\u{1B}]0;x\u{7}.csv", "nope")
      let badFile = try Self.run(["summary", weird], in: folder)
      for run in [missing, summary, badFile] {
        #expect(!run.out.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(run)")
        #expect(!run.err.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(run)")
      }
      #expect(missing.err.contains("\\u{1B}"), "\(missing)")
    }
  }

  @Test("Noncharacters, controls and overrides in names leave every output well-formed and clean")
  func controlCharactersInOutputs() throws {
    try withTemporaryFolder { folder in
      let odd = "Ana\u{FFFE}\u{FFFF}\u{0}\u{1B}\u{7}\u{8}\u{202E}x"
      var text = "person,department,project\n"
      for (i, name) in [odd, "Bob", "Cas", "Dirk", "Eva", "Fay"].enumerated() { text += "\(name),D\(i % 2),P\(i % 3)\n\(name),D\(i % 2),Q\n" }
      let log = folder.write("log.csv", text)
      let run = try Self.run(["analyze", log, "-o", "r", "--quiet", "--min-group-size", "1"], in: folder)
      #expect(run.status == 0, "\(run)")
      for file in entries(folder.file("r")) where !file.hasPrefix(".") {
        let data = try Data(contentsOf: URL(fileURLWithPath: folder.file("r/\(file)")))
        let scalars = String(decoding: data, as: UTF8.self).unicodeScalars
        #expect(!scalars.contains { [0x0, 0x1B, 0x7, 0x8, 0x202E, 0xFFFE, 0xFFFF].contains($0.value) }, "\(file)")
        if ["people.csv", "network.graphml", "report.json", "people.svg"].contains(file) {
          #expect(String(decoding: data, as: UTF8.self).contains("Anax"), "\(file)")
        }
        if file.hasSuffix(".svg") || file.hasSuffix(".graphml") {
          let parser = XMLParser(data: data)
          #expect(parser.parse(), "\(file): \(String(describing: parser.parserError))")
        }
      }
    }
  }

  @Test("A literal department \"(no department)\" stays apart from rows without one")
  func literalNoDepartment() throws {
    try withTemporaryFolder { folder in
      let log = folder.write("log.csv", "person,department,project\nA,(no department),X\nB,,X\nC,D1,X\nD,D1,Y\n")
      let run = try Self.run(["silos", log, "--format", "json"], in: folder)
      #expect(run.status == 0, "\(run)")
      let groups = (try jsonObject(run.out)["groups"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
      #expect(groups == ["(no department given)", "(no department)", "D1"])
    }
  }

  @Test("GraphML with a second top-level graph is refused (65); CDATA values are read")
  func graphMLStructure() throws {
    try withTemporaryFolder { folder in
      let two = folder.write(
        "two.graphml",
        """
        <?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">
        <key id="d" for="node" attr.name="department" attr.type="string"/>
        <graph edgedefault="undirected"><node id="a"><data key="d">X</data></node><node id="b"><data key="d">Y</data></node><edge source="a" target="b"/></graph>
        <graph edgedefault="directed"><node id="c"/></graph>
        </graphml>
        """)
      let refused = try Self.run(["summary", "--edges", two], in: folder)
      #expect(refused.status == 65, "\(refused)")
      #expect(refused.err.contains("two.graphml:4: the file holds more than one <graph>"), "\(refused)")
      let cdata = folder.write(
        "cdata.graphml",
        """
        <?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">
        <key id="d" for="node" attr.name="department" attr.type="string"/>
        <graph edgedefault="undirected"><node id="a"><data key="d"><![CDATA[R&D <Noord>]]></data></node><node id="b"><data key="d">Y</data></node><edge source="a" target="b"/></graph>
        </graphml>
        """)
      let read = try Self.run(["silos", "--edges", cdata, "--format", "json"], in: folder)
      #expect(read.status == 0, "\(read)")
      let groups = (try jsonObject(read.out)["groups"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
      #expect(groups == ["R&D <Noord>", "Y"])
    }
  }

  @Test("JSON Lines caps names at 1,024 bytes as CSV does, the department's too")
  func jsonLinesNameCap() throws {
    try withTemporaryFolder { folder in
      let long = String(repeating: "x", count: 1_000_000)
      let log = folder.write(
        "log.jsonl",
        "{\"person\":\"A\",\"department\":\"\(long)\",\"project\":\"X\"}\n{\"person\":\"B\",\"department\":\"D\",\"project\":\"X\"}\n"
          + "{\"person\":\"C\",\"department\":\"E\",\"project\":\"X\"}\n")
      let run = try Self.run(["summary", log], in: folder)
      #expect(run.status == 0, "\(run)")
      #expect(run.out.contains("1 row: the department's name is longer than 1024 bytes (line 1)"), "\(run.out)")
      #expect(!run.out.contains(String(repeating: "x", count: 100)))
    }
  }
}
