import Foundation
import Testing
import _SiloTestSupport

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// `siloscope render`: the drawing as a consultant gets it, end to end through Graphviz.
@Suite("render")
struct RenderCommandTests {
  static let log = TestDatasets.path("opentelemetry_swift_commits/log.csv")
  static let lazega = [
    "--edges", TestDatasets.path("lazega_lawfirm/edges.csv"), "--nodes", TestDatasets.path("lazega_lawfirm/nodes.csv"),
    "--relation", "cowork",
  ]

  /// The `class` attribute of every `<g>` element of an SVG, counted.
  final class GroupCounter: NSObject, XMLParserDelegate {
    var classes: [String: Int] = [:]
    var titles: [String] = []
    var descriptions: [String] = []
    private var text = ""
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
      if name == "g", let kind = attributes["class"] { classes[kind, default: 0] += 1 }
      text = ""
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
      if name == "title" { titles.append(text) }
      if name == "desc" { descriptions.append(text) }
    }
  }

  static func parse(_ path: String) throws -> GroupCounter {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    let parser = XMLParser(data: data)
    let counter = GroupCounter()
    parser.delegate = counter
    #expect(parser.parse(), "SVG does not parse: \(String(describing: parser.parserError))")
    return counter
  }

  @Test("people view of a log: SVG with one box per employer and one circle per developer")
  func peopleView() throws {
    try withTemporaryFolder { folder in
      let run = try siloscope(["render", Self.log, "--view", "people", "-o", "mensen.svg"], in: folder)
      #expect(run.status == 0, "\(run)")
      let svg = try Self.parse(folder.file("mensen.svg"))
      // Datasets/opentelemetry_swift_commits/README.md: 88 developers of 20 employers.
      #expect(svg.classes["node"] == 88)
      #expect(svg.classes["cluster"] == 20)
      #expect(svg.titles.first == "Collaboration between people, by department")
      #expect(svg.descriptions.first?.contains("Circle area shows betweenness") == true)
      #expect(run.err.contains("Layout: neato inside each department"))
      #expect(run.err.contains("wrote mensen.svg"))
    }
  }

  @Test("the same input gives the same bytes, in separate processes", arguments: ["people", "communities", "departments", "ego"])
  func repeatable(_ view: String) throws {
    try withTemporaryFolder { folder in
      for name in ["a.svg", "b.svg"] {
        let run = try siloscope(["render", Self.log, "--view", view, "-o", name], in: folder)
        #expect(run.status == 0, "\(run)")
      }
      let a = try Data(contentsOf: URL(fileURLWithPath: folder.file("a.svg")))
      let b = try Data(contentsOf: URL(fileURLWithPath: folder.file("b.svg")))
      #expect(a == b)
    }
  }

  @Test("the format follows the file name: PNG, PDF, and DOT to standard output")
  func formats() throws {
    try withTemporaryFolder { folder in
      #expect(try siloscope(["render"] + Self.lazega + ["-o", "a.png"], in: folder).status == 0)
      #expect(try siloscope(["render"] + Self.lazega + ["-o", "a.pdf"], in: folder).status == 0)
      let png = try Data(contentsOf: URL(fileURLWithPath: folder.file("a.png")))
      let pdf = try Data(contentsOf: URL(fileURLWithPath: folder.file("a.pdf")))
      #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
      #expect(String(decoding: pdf.prefix(5), as: UTF8.self) == "%PDF-")
      let dot = try siloscope(["render"] + Self.lazega + ["--format", "dot"], in: folder)
      #expect(dot.status == 0)
      #expect(dot.out.hasPrefix("graph \"people\" {"))
      // The clustered layout's DOT carries every position, drawn by nop (neato -n).
      #expect(dot.out.contains("layout=\"nop\""))
      #expect(dot.out.contains("pos=\""))
      #expect(dot.out.contains("bb=\""))
    }
  }

  @Test("wrong usage: mismatched format, unknown engine, unknown view exit 64")
  func usageErrors() throws {
    try withTemporaryFolder { folder in
      let mismatch = try siloscope(["render", Self.log, "--format", "svg", "-o", "a.png"], in: folder)
      #expect(mismatch.status == 64)
      #expect(mismatch.err.contains("does not match"))
      let engine = try siloscope(["render", Self.log, "--engine", "bogus", "-o", "a.svg"], in: folder)
      #expect(engine.status == 64, "\(engine)")
      #expect(engine.err.contains("no layout engine \"bogus\""))
      #expect(engine.err.contains("neato"))
      let view = try siloscope(["render", Self.log, "--view", "orgchart"], in: folder)
      #expect(view.status == 64)
      #expect(!FileManager.default.fileExists(atPath: folder.file("a.png")))
      #expect(!FileManager.default.fileExists(atPath: folder.file("a.svg")))
    }
  }

  @Test("diagrams the data cannot give exit 65 and leave an existing drawing alone")
  func dataErrors() throws {
    try withTemporaryFolder { folder in
      folder.write("oud.svg", "<svg/>")
      let ego = try siloscope(["render", Self.log, "--view", "ego", "--person", "niemand", "-o", "oud.svg"], in: folder)
      #expect(ego.status == 65, "\(ego)")
      #expect(ego.err.contains("no person \"niemand\""))
      #expect(try String(contentsOfFile: folder.file("oud.svg"), encoding: .utf8) == "<svg/>")
      // The Paul Revere log's department column is empty (Datasets/paul_revere_whigs/README.md).
      let departments = try siloscope(
        ["render", TestDatasets.path("paul_revere_whigs/log.csv"), "--view", "departments", "-o", "d.svg"], in: folder)
      #expect(departments.status == 65)
      #expect(departments.err.contains("no departments"))
      #expect(!FileManager.default.fileExists(atPath: folder.file("d.svg")))
    }
  }

  @Test("an output that is an input, an existing file that is not a drawing, or any existing file without --force, is refused (73)")
  func outputSafety() throws {
    try withTemporaryFolder { folder in
      let log = folder.write("uren.csv", "person,department,project\na,X,p\nb,Y,p\n")
      let overInput = try siloscope(["render", log, "-o", "uren.csv", "--format", "svg"], in: folder)
      #expect(overInput.status == 73, "\(overInput)")
      #expect(try String(contentsOfFile: log, encoding: .utf8) == "person,department,project\na,X,p\nb,Y,p\n")
      folder.write("notities.txt", "mijn notities")
      let overNotes = try siloscope(["render", log, "-o", "notities.txt", "--format", "svg"], in: folder)
      #expect(overNotes.status == 73, "\(overNotes)")
      #expect(try String(contentsOfFile: folder.file("notities.txt"), encoding: .utf8) == "mijn notities")
      let overNotesForced = try siloscope(["render", log, "-o", "notities.txt", "--format", "svg", "--force"], in: folder)
      #expect(overNotesForced.status == 73, "\(overNotesForced)")
      #expect(try String(contentsOfFile: folder.file("notities.txt"), encoding: .utf8) == "mijn notities")
      // An existing drawing (a thesis.pdf is one too) is kept unless --force.
      folder.write("oud.svg", "<svg/>")
      let kept = try siloscope(["render", log, "-o", "oud.svg"], in: folder)
      #expect(kept.status == 73, "\(kept)")
      #expect(kept.err.contains("give --force to replace it"))
      #expect(try String(contentsOfFile: folder.file("oud.svg"), encoding: .utf8) == "<svg/>")
      #expect(try siloscope(["render", log, "-o", "oud.svg", "--force"], in: folder).status == 0)
      #expect(try String(contentsOfFile: folder.file("oud.svg"), encoding: .utf8) != "<svg/>")
      #expect(try siloscope(["render", log, "--force"], in: folder).status == 64)
    }
  }

  @Test("above --max-people the people view draws departments and says so")
  func aggregate() throws {
    try withTemporaryFolder { folder in
      let run = try siloscope(["render", Self.log, "--max-people", "10", "-o", "a.svg"], in: folder)
      #expect(run.status == 0, "\(run)")
      #expect(run.err.contains("88 people are too many to draw one by one (limit 10): drawn as departments"))
      // The library's note says the limit in words; the command line names the option.
      #expect(run.err.contains("drawn as departments. Raise the limit to draw every person.\n"), "\(run)")
      #expect(run.err.contains("siloscope: --max-people 88 draws every person\n"), "\(run)")
      let svg = try Self.parse(folder.file("a.svg"))
      #expect(svg.classes["node"] == 20)
      #expect(svg.classes["cluster"] == nil)
      #expect(svg.descriptions.first?.contains("too many to draw one by one") == true)
    }
  }

  @Test("the ego view without --person draws the top broker")
  func egoOfTopBroker() throws {
    try withTemporaryFolder { folder in
      let run = try siloscope(["render"] + Self.lazega + ["--view", "ego", "-o", "ego.svg"], in: folder)
      #expect(run.status == 0, "\(run)")
      #expect(run.err.contains("drawn for the top broker by betweenness"))
      let svg = try Self.parse(folder.file("ego.svg"))
      #expect((svg.classes["node"] ?? 0) > 1)
      #expect(svg.titles.first?.hasPrefix("Ego network of") == true)
    }
  }

  @Test("--engine fdp draws the boxes too and warns that it is not repeatable")
  func fdp() throws {
    try withTemporaryFolder { folder in
      let run = try siloscope(["render"] + Self.lazega + ["--engine", "fdp", "-o", "a.svg"], in: folder)
      #expect(run.status == 0, "\(run)")
      #expect(run.err.contains("fdp does not give the same drawing twice"))
      // Lazega's nodes.csv: 71 lawyers in two practices (litigation, corporate).
      let svg = try Self.parse(folder.file("a.svg"))
      #expect(svg.classes["node"] == 71)
      #expect(svg.classes["cluster"] == 2)
    }
  }

  @Test("binary formats are not written to a terminal but go into a pipe")
  func pipe() throws {
    try withTemporaryFolder { folder in
      let run = try siloscope(["render"] + Self.lazega + ["--format", "png"], in: folder)
      #expect(run.status == 0)
      #expect(run.out.utf8.count > 1000)
    }
  }
}

/// `render --aspect --dpi --language`: slides and Dutch diagrams from the command line.
@Suite("render for slides")
struct RenderSlideTests {
  @Test("--aspect 16:9 --dpi 300 writes a 4,000 × 2,250 PNG; the flags are checked")
  func slide() throws {
    try withTemporaryFolder { folder in
      let run = try siloscope(["render"] + RenderCommandTests.lazega + ["-o", "dia.png", "--aspect", "16:9", "--dpi", "300", "--language", "nl"], in: folder)
      #expect(run.status == 0, "\(run)")
      let png = Array(try Data(contentsOf: URL(fileURLWithPath: folder.file("dia.png"))))
      func word(_ at: Int) -> Int { png[at ..< at + 4].reduce(0) { $0 << 8 | Int($1) } }
      #expect(word(16) == 4_000 && word(20) == 2_250)
      #expect(run.err.contains("Opmaak:"), "\(run.err)")
      #expect(try siloscope(["render"] + RenderCommandTests.lazega + ["-o", "a.svg", "--dpi", "300"], in: folder).status == 64)
      #expect(try siloscope(["render"] + RenderCommandTests.lazega + ["-o", "b.png", "--aspect", "16x9"], in: folder).status == 64)
      #expect(try siloscope(["render"] + RenderCommandTests.lazega + ["-o", "c.png", "--dpi", "5"], in: folder).status == 64)
    }
  }
}
