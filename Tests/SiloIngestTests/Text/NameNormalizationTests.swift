import Foundation
import SiloGraph
import SiloIngest
import Testing
import _SiloTestSupport

/// The one rule for names (``Names``): every spelling of a name is one person, project or
/// department, in every reader.
@Suite("Names: one rule for every reader")
struct NameNormalizationTests {
  /// "Zoë" with a precomposed ë (U+00EB) and with e + U+0308.
  static let composed = "Zo\u{00EB}"
  static let decomposed = "Zoe\u{0308}"

  @Test("NFC and NFD spellings are one name; ASCII is untouched")
  func forms() throws {
    #expect(Array(Names.normalized(Self.decomposed).utf8) == [0x5A, 0x6F, 0xC3, 0xAB])
    #expect(bytes([Names.normalized(Self.composed)]) == bytes([Self.composed]))
    #expect(Names.normalized("Ana de Vries") == "Ana de Vries")
    // Latin letters below U+0300 are in NFC already and take the fast path unchanged.
    #expect(Names.normalized("Çelik Ødegård Łukasz") == "Çelik Ødegård Łukasz")
    // Hangul and other compositions.
    #expect(bytes([Names.normalized("\u{1100}\u{1161}")]) == bytes(["\u{AC00}"]))
  }

  @Test(
    "Invisible characters, controls and odd spaces are removed or read as one space",
    arguments: [
      ("Ana\u{200B}", "Ana"), ("\u{FEFF}Ana", "Ana"), ("An\u{200D}a", "Ana"), ("Ana\u{00AD}", "Ana"),
      ("Ana\u{202E}", "Ana"), ("A\u{0}n\u{1B}a\u{7}\u{8}", "Ana"), ("Ana\u{FFFE}\u{FFFF}", "Ana"),
      ("Ana\u{00A0}de\u{2009}Vries", "Ana de Vries"), ("Ana  de\tVries", "Ana de Vries"), ("Ana\nde\r\nVries", "Ana de Vries"),
      ("  Ana ", "Ana"), ("\u{200B}", ""), ("Ana\u{85}", "Ana"), ("Ana\u{9F}x", "Anax"),
    ])
  func cleaning(input: String, expected: String) throws {
    #expect(bytes([Names.normalized(input)]) == bytes([expected]))
  }

  @Test("Letters of every script, emoji and case are kept")
  func kept() throws {
    // Zero-width joiners that join an emoji sequence or shape Persian letters show, and stay.
    let technologist = "\u{1F469}\u{1F3FD}\u{200D}\u{1F4BB}", persian = "\u{645}\u{6CC}\u{200C}\u{62E}\u{648}\u{627}\u{647}\u{645}"
    for name in ["de Vries", "De Vries", "محمد", "שרה", "李明", "Zoë 🙂", "O'Brien-Smith", "Jan (2)", technologist, persian] {
      #expect(bytes([Names.normalized(name)]) == bytes([name.precomposedStringWithCanonicalMapping]))
    }
  }

  @Test("A CSV log with NFC and NFD spellings of one person reads one person (no crash)")
  func csvLog() throws {
    let files = Files()
    defer { files.remove() }
    let path = files.text("log.csv", "person,department,project\n\(Self.composed),D1,X\n\(Self.decomposed),D1,X\nBob,D2,X\n")
    let log = try ProjectLogReader.read(path: path)
    #expect(bytes(log.people) == bytes([Self.composed, "Bob"]))
    #expect(bytes(log.rows.map(\.person)) == bytes([Self.composed, Self.composed, "Bob"]))
    // The two rows are the same row once the names are normalized.
    #expect(log.report.duplicateRows == 1)
    #expect(log.report.warningTexts.contains { $0.contains("1 name is written in more than one way") })
    let network = try log.projected().network
    #expect(network.graph.nodeCount == 2)
    #expect(bytes(network.nodes.ids) == bytes([Self.composed, "Bob"]))
  }

  @Test("Projects and departments follow the same rule in a CSV log")
  func csvProjectsAndDepartments() throws {
    let files = Files()
    defer { files.remove() }
    let path = files.text(
      "log.csv",
      "person,department,project\nAna,Financi\u{00EB}n,Proj\u{00E9}ct\nBob,Financie\u{0308}n,Proje\u{0301}ct\nCas,\u{200B},X\n")
    let log = try ProjectLogReader.read(path: path)
    #expect(bytes(log.departments) == bytes(["Financi\u{00EB}n"]))
    #expect(bytes(log.projects) == bytes(["Proj\u{00E9}ct", "X"]))
    // A department of only invisible characters is no department.
    #expect(log.department(ofPerson: 2) == nil)
    #expect(try log.projected().network.graph.edgeCount == 1)
  }

  @Test("A name of only invisible characters is no name: the row is skipped with its reason")
  func invisibleOnly() throws {
    let files = Files()
    defer { files.remove() }
    let path = files.text("log.csv", "person,project\nAna,X\n\u{200B}\u{FEFF},X\nBob,\u{200D}\nBob,X\n")
    let log = try ProjectLogReader.read(path: path)
    #expect(bytes(log.people) == bytes(["Ana", "Bob"]))
    #expect(log.report.lines("no person (only invisible characters)") == [3])
    #expect(log.report.lines("no project (only invisible characters)") == [4])
  }

  @Test("JSON Lines, people files, edge lists, node lists and GraphML agree with the CSV log")
  func everyReader() throws {
    let files = Files()
    defer { files.remove() }
    let c = Self.composed, d = Self.decomposed
    let jsonl = files.text(
      "log.jsonl",
      "{\"person\":\"\(c)\",\"department\":\"D1\",\"project\":\"X\"}\n{\"person\":\"\(d)\",\"department\":\"D1\",\"project\":\"X\"}\n"
        + "{\"person\":\"Bob\",\"department\":\"D2\",\"project\":\"X\"}\n")
    let fromJSON = try ProjectLogReader.read(path: jsonl)
    #expect(bytes(fromJSON.people) == bytes([c, "Bob"]))
    #expect(fromJSON.report.duplicateRows == 1)
    #expect(fromJSON.report.warningTexts.contains { $0.contains("written in more than one way") })

    // A people file naming the NFD spelling finds the NFC person of the log; its second
    // spelling of the same person is a repeat of the first.
    let people = files.text("people.csv", "id,department,manager\n\(d),Sociaal Domein,Bob\n\(c),Other,Bob\nBob,D2,\n")
    let merged = try ProjectLogReader.read(path: files.text("log.csv", "person,project\n\(c),X\nBob,X\n"))
      .merging(try PeopleFile.read(path: people))
    #expect(bytes(merged.people) == bytes([c, "Bob"]))
    #expect(merged.department(ofPerson: 0) == "Sociaal Domein")
    #expect(merged.reports[1].skipped.map(\.reason) == [.repeated(.person, firstLine: 2)])
    #expect(merged.reports[1].skipped.map(\.reason.description) == ["the person appears earlier in the file (first on line 2)"])

    // Edge list and node list.
    let edges = files.text("edges.csv", "source,target\n\(c),Bob\n\(d),Cas\n")
    let nodes = files.text("nodes.csv", "id,department\n\(d),D1\nBob,D2\nCas,D2\n")
    let network = try NetworkReader.read(edgesPath: edges, nodesPath: nodes).network
    #expect(bytes(network.nodes.ids) == bytes([c, "Bob", "Cas"]))
    #expect(network.graph.degree(of: NodeID(0)) == 2)

    // GraphML.
    let graphML = files.text(
      "g.graphml",
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
        <key id="d0" for="node" attr.name="department" attr.type="string"/>
        <graph edgedefault="undirected">
          <node id="\(d)"><data key="d0">D1</data></node>
          <node id="Bob"><data key="d0">D2</data></node>
          <edge source="\(c)" target="Bob"/>
        </graph>
      </graphml>
      """)
    let fromGraphML = try NetworkReader.read(edgesPath: graphML).network
    #expect(bytes(fromGraphML.nodes.ids) == bytes([c, "Bob"]))
    #expect(fromGraphML.graph.edgeCount == 1)
  }

  @Test("A name with a byte-order mark or a zero-width joiner is the person without it, with a warning")
  func lookalikes() throws {
    let files = Files()
    defer { files.remove() }
    let path = files.text("log.csv", "person,department,project\nAna,D1,X\n\u{FEFF}Ana,D1,Y\nAn\u{200D}a,D1,Z\nBob,D2,X\n")
    let log = try ProjectLogReader.read(path: path)
    #expect(bytes(log.people) == bytes(["Ana", "Bob"]))
    #expect(log.report.warningTexts.contains { $0.contains("2 names hold control or invisible characters") })
    #expect(log.report.warningTexts.contains { $0.contains("1 name is written in more than one way") })
  }

  @Test("Logs built from values follow the rule too")
  func entries() throws {
    let log = ProjectLog(entries: [
      .init(person: Self.composed, project: "X"), .init(person: Self.decomposed, project: "X"), .init(person: "Bob", project: "X"),
    ])
    #expect(bytes(log.people) == bytes([Self.composed, "Bob"]))
  }
}

/// The UTF-8 bytes of each string: `String`'s `==` compares canonically equivalent spellings
/// equal, so tests of normalization compare bytes.
func bytes(_ strings: [String]) -> [[UInt8]] { strings.map { Array($0.utf8) } }
