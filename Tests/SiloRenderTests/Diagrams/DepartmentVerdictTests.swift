import Testing

@testable import SiloRender

/// The department map shows the scorecard's verdicts when given, and nothing of them when not.
@Suite("department map verdicts")
struct DepartmentVerdictTests {
  static func input(verdicts: [DepartmentVerdict?]) -> DepartmentMapInput {
    DepartmentMapInput(
      names: ["Sales", "R&D"], headCounts: [4, 6], eiIndex: [-0.9, 0.2], internalTies: [5, 2],
      between: [.init(a: 0, b: 1, ties: 1, weight: 1)], verdicts: verdicts)
  }

  @Test("a silo gets its word, a dark-red outline and a legend entry; another department only its word")
  func shown() throws {
    let dot = Diagram.departments(
      Self.input(verdicts: [DepartmentVerdict(word: "verkokerd", isSilo: true), DepartmentVerdict(word: "open", isSilo: false)]),
      options: DiagramOptions(language: .nl)).graph
    let silo = dot.nodes[0].attributes, open = dot.nodes[1].attributes
    #expect(silo["color"] == .text("#B2182B"))
    #expect(silo["penwidth"] == .number(3))
    #expect(open["color"] == nil)
    #expect(try #require(silo["label"]?.html).markup.contains("verkokerd"))
    #expect(try #require(silo["tooltip"]?.text).contains("Oordeel: verkokerd"))
    #expect(try #require(dot.attributes["label"]?.html).markup.contains("Rode rand: verkokerd"))
  }

  @Test("without verdicts nothing of them is drawn")
  func absent() throws {
    let dot = Diagram.departments(Self.input(verdicts: [])).graph
    #expect(dot.nodes.allSatisfy { $0.attributes["color"] == nil })
    #expect(try !#require(dot.attributes["label"]?.html).markup.contains("Red outline"))
  }
}
