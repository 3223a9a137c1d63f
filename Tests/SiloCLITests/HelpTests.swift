import Foundation
import Testing
import _SiloTestSupport

/// `--help` and `--version`: what a consultant reads first.
@Suite("Help and version")
struct HelpTests {
  struct HelpCase: Sendable, CustomTestStringConvertible {
    var arguments: [String]
    var abstract: String
    /// Example lines, each expected whole on one line of the help (so: not wrapped).
    var examples: [String]
    var testDescription: String { (["siloscope"] + arguments).joined(separator: " ") }
  }

  static let cases: [HelpCase] = [
    HelpCase(
      arguments: ["--help"],
      abstract: "Shows an organization where it is siloed, from the project logs it",
      examples: [
        "siloscope summary uren-2025.csv",
        "siloscope build uren-2025.csv --output netwerk",
        "siloscope generate --people 1000 --seed 7 --output voorbeeld.csv",
      ]),
    HelpCase(
      arguments: ["summary", "--help"],
      abstract: "Checks how a log is read and shows the size and shape of its",
      examples: [
        "siloscope summary uren-2025.csv",
        "siloscope summary uren-2025.csv --people medewerkers.csv",
        "siloscope summary uren-2025.csv --from 2025-01-01 --to 2025-06-30",
        "siloscope summary --edges edges.csv --nodes nodes.csv --format json",
      ]),
    HelpCase(
      arguments: ["build", "--help"],
      abstract: "Turns a project log into network files for spreadsheets, Gephi,",
      examples: [
        "siloscope build uren-2025.csv --output netwerk",
        "siloscope build uren-2025.csv --weighting newman --output netwerk",
        "siloscope build uren-2025.csv --max-project-size 40 --output netwerk",
      ]),
    HelpCase(
      arguments: ["analyze", "--help"],
      abstract: "From a project log to a report in one step: silos, brokers,",
      examples: [
        "siloscope analyze uren-2025.csv --out rapport",
        "siloscope analyze uren-2025.csv --people medewerkers.csv --out rapport",
        "siloscope analyze uren.csv --pseudonymize --pseudonym-key-file k.txt -o r",
        "siloscope analyze --edges edges.csv --nodes nodes.csv --out rapport",
      ]),
    HelpCase(
      arguments: ["render", "--help"],
      abstract: "Draws the organization: people by department, the department map,",
      examples: [
        "siloscope render uren-2025.csv --view departments -o afdelingen.svg",
        "siloscope render uren-2025.csv --view people -o mensen.png",
        "siloscope render uren-2025.csv --view ego --person \"Ruud Ünal\" -o ruud.pdf",
        "siloscope render --edges edges.csv --nodes nodes.csv --view communities",
      ]),
    HelpCase(
      arguments: ["generate", "--help"],
      abstract: "Writes a synthetic project log of an invented, municipality-like",
      examples: ["siloscope generate --people 1000 --seed 7 --output voorbeeld.csv"]),
  ]

  @Test("help exits 0 with the abstract and examples on whole lines", arguments: cases)
  func helpContent(_ help: HelpCase) throws {
    try withTemporaryFolder { folder in
      let run = try siloscope(help.arguments, in: folder)
      #expect(run.status == 0, "\(run)")
      #expect(run.err.isEmpty, "\(run)")
      #expect(run.out.hasPrefix("OVERVIEW: " + help.abstract), "\(run)")
      let helpLines = lines(run.out).map { $0.trimmingCharacters(in: .whitespaces) }
      let exampleHeading = try #require(helpLines.firstIndex(where: { $0 == "Examples:" || $0 == "Example:" }), "\(run)")
      for example in help.examples {
        let index = try #require(helpLines.firstIndex(of: example), "example not on one line: \(example)\n\(run)")
        #expect(index > exampleHeading)
        // The line after an example is another example or a blank line, not a wrapped tail.
        let next = helpLines[index + 1]
        #expect(next.isEmpty || next.hasPrefix("siloscope "), "example wrapped: \(example) / \(next)")
      }
    }
  }

  @Test("every line of every help text fits in 80 columns", arguments: cases)
  func helpWidth(_ help: HelpCase) throws {
    try withTemporaryFolder { folder in
      let run = try siloscope(help.arguments, in: folder)
      #expect(run.status == 0)
      #expect(lines(run.out).count > 10)
      for line in lines(run.out) {
        #expect(line.count <= 80, "\(line.count) columns: \(line)")
      }
    }
  }

  @Test("the root help has the exit-code table")
  func exitCodeTable() throws {
    try withTemporaryFolder { folder in
      let run = try siloscope(["--help"], in: folder)
      #expect(run.status == 0)
      let helpLines = lines(run.out)
      let table = try #require(helpLines.firstIndex(of: "Exit codes (sysexits.h):"), "\(run)")
      let expected = [
        "  0   success",
        "  64  the command was used wrongly (EX_USAGE)",
        "  65  the input data is malformed (EX_DATAERR)",
        "  66  an input file is missing or cannot be read (EX_NOINPUT)",
        "  69  a Graphviz engine or output format is missing (EX_UNAVAILABLE)",
        "  70  Graphviz failed, or an internal error (EX_SOFTWARE)",
        "  73  an output cannot be written (EX_CANTCREAT)",
      ]
      #expect(Array(helpLines[(table + 1) ..< min(table + 1 + expected.count, helpLines.count)]) == expected)
      for name in ["analyze", "summary", "render", "build", "generate"] {
        #expect(helpLines.contains { $0.hasPrefix("  \(name) ") }, "subcommand \(name) not listed")
      }
    }
  }

  @Test("`siloscope help build` is the same text as `build --help`")
  func helpSubcommand() throws {
    try withTemporaryFolder { folder in
      let viaHelp = try siloscope(["help", "build"], in: folder)
      let viaFlag = try siloscope(["build", "--help"], in: folder)
      #expect(viaHelp.status == 0)
      #expect(viaHelp.out == viaFlag.out)
    }
  }

  @Test("generate's help says the data are synthetic")
  func generateSaysSynthetic() throws {
    try withTemporaryFolder { folder in
      let run = try siloscope(["generate", "--help"], in: folder)
      #expect(run.status == 0)
      let text = run.out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
      #expect(text.contains("The data are SYNTHETIC: no real person or organization is described."), "\(run)")
    }
  }

  @Test("--version prints the version and exits 0", arguments: [["--version"], ["summary", "--version"]])
  func version(_ arguments: [String]) throws {
    try withTemporaryFolder { folder in
      let run = try siloscope(arguments, in: folder)
      #expect(run.status == 0, "\(run)")
      #expect(run.out == "0.1.0\n")
      #expect(run.err.isEmpty)
    }
  }
}
