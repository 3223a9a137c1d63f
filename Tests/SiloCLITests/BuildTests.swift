import Foundation
import Testing
import _SiloTestSupport

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// `siloscope build`: the files a consultant opens in a spreadsheet, Gephi, NetworkX.
@Suite("build")
struct BuildTests {
  static let log = Inputs.otelLog
  static let expectedEntries = [
    ".siloscope-output", "department-matrix.csv", "department-weights.csv", "departments.csv", "edges.csv",
    "network.graphml", "nodes.csv", "summary.json",
  ]

  @Test("writes the 7 files and the marker, and says so")
  func writesTheFiles() throws {
    try withTemporaryFolder { folder in
      let run = try siloscope(["build", Self.log, "--output", "out"], in: folder)
      #expect(run.status == 0, "\(run)")
      #expect(run.out == "wrote 7 files to out: 88 people, 1,533 ties\n")
      #expect(run.err.isEmpty, "\(run)")
      #expect(entries(folder.file("out")) == Self.expectedEntries)
      #expect(entries(folder.path) == ["out"])

      let edges = lines(try #require(contents(folder.file("out/edges.csv"))))
      #expect(edges.first == "source,target,weight")
      #expect(edges.count == 1 + 1533)
      #expect(edges.dropFirst().allSatisfy { $0.split(separator: ",").count == 3 })

      let nodes = lines(try #require(contents(folder.file("out/nodes.csv"))))
      #expect(nodes.first == "id,department,degree,strength")
      #expect(nodes.count == 1 + 88)
      #expect(nodes.contains("dev002,Datadog,82,262"))

      let departments = lines(try #require(contents(folder.file("out/departments.csv"))))
      #expect(departments.first == "department,people,ties_inside,ties_across")
      #expect(departments.count == 1 + 20)
      #expect(departments.contains("Unaffiliated/unknown,64,555,779"))

      let matrix = lines(try #require(contents(folder.file("out/department-matrix.csv"))))
      #expect(matrix.count == 1 + 20)
      #expect(matrix.allSatisfy { $0.split(separator: ",").count == 2 + 20 })
      let weights = lines(try #require(contents(folder.file("out/department-weights.csv"))))
      #expect(weights.count == 1 + 20)

      #expect(contents(folder.file("out/.siloscope-output"))?.isEmpty == false)
    }
  }

  @Test("summary.json is what summary --format json prints")
  func summaryJSON() throws {
    try withTemporaryFolder { folder in
      let run = try siloscope(["build", Self.log, "--output", "out"], in: folder)
      #expect(run.status == 0, "\(run)")
      let written = try #require(contents(folder.file("out/summary.json")))
      let printed = try siloscope(["summary", Self.log, "--format", "json"], in: folder)
      #expect(written == printed.out)
      let json = try jsonObject(written)
      #expect(integer(json["people"]) == 88)
      #expect(integer(json["ties"]) == 1533)
    }
  }

  @Test("network.graphml parses as XML with 88 nodes and 1,533 edges")
  func graphML() throws {
    try withTemporaryFolder { folder in
      let run = try siloscope(["build", Self.log, "--output", "out"], in: folder)
      #expect(run.status == 0, "\(run)")
      let data = try #require(FileManager.default.contents(atPath: folder.file("out/network.graphml")))
      let counter = GraphMLCounter()
      #expect(counter.parse(data), "\(counter.parseError ?? "")")
      #expect(counter.nodes == 88)
      #expect(counter.edges == 1533)
      #expect(counter.edgeDefault == "undirected")
      #expect(Set(counter.nodeIDs).count == 88)
    }
  }

  @Test("the GraphML reads back as the same network")
  func graphMLRoundTrip() throws {
    try withTemporaryFolder { folder in
      #expect(try siloscope(["build", Self.log, "--output", "out"], in: folder).status == 0)
      let run = try siloscope(["summary", "--edges", folder.file("out/network.graphml"), "--format", "json"], in: folder)
      #expect(run.status == 0, "\(run)")
      let json = try jsonObject(run.out)
      #expect(integer(json["people"]) == 88)
      #expect(integer(json["ties"]) == 1533)
      #expect(integer(json["departments"]) == 20)
      #expect(number(json["total_weight"]) == 2618)
      let text = try siloscope(["summary", "--edges", "out/network.graphml"], in: folder)
      #expect(text.out.contains("  out/network.graphml (GraphML, UTF-8): "), "\(text)")
    }
  }

  @Test("names that a spreadsheet would run as formulas are written as text ('=…)")
  func formulaInjection() throws {
    try withTemporaryFolder { folder in
      let log = folder.write(
        "log.csv",
        """
        person,department,project
        "=HYPERLINK(""http://evil"")",=Sales,p1
        @SUM(A1),Finance,p1
        +31 6 12345678,-Ops,p1
        -2+3,Finance,p1
        Ann,Finance,p1

        """)
      let run = try siloscope(["build", log, "--output", "out"], in: folder)
      #expect(run.status == 0, "\(run)")
      let nodes = lines(try #require(contents(folder.file("out/nodes.csv"))))
      #expect(nodes.contains("\"'=HYPERLINK(\"\"http://evil\"\")\",'=Sales,4,4"), "\(nodes)")
      #expect(nodes.contains("'@SUM(A1),Finance,4,4"), "\(nodes)")
      #expect(nodes.contains("'+31 6 12345678,'-Ops,4,4"), "\(nodes)")
      #expect(nodes.contains("'-2+3,Finance,4,4"), "\(nodes)")
      #expect(nodes.contains("Ann,Finance,4,4"), "\(nodes)")
      let edges = lines(try #require(contents(folder.file("out/edges.csv"))))
      #expect(edges.count == 1 + 10)
      #expect(edges.contains("'@SUM(A1),'+31 6 12345678,1"), "\(edges)")
      // No cell of any CSV starts with a formula character.
      for name in ["nodes.csv", "edges.csv", "departments.csv", "department-matrix.csv", "department-weights.csv"] {
        for line in lines(try #require(contents(folder.file("out/\(name)")))) {
          for cell in line.split(separator: ",", omittingEmptySubsequences: false) {
            let bare = cell.hasPrefix("\"") ? cell.dropFirst() : cell[...]
            #expect(!(bare.first.map { "=+-@".contains($0) } ?? false), "\(name): \(line)")
          }
        }
      }
      let departments = lines(try #require(contents(folder.file("out/departments.csv"))))
      #expect(departments.contains("'=Sales,1,0,4"), "\(departments)")
      let matrix = try #require(contents(folder.file("out/department-matrix.csv")))
      #expect(lines(matrix).first == "department,people,'-Ops,'=Sales,Finance")
      // GraphML is not a spreadsheet: the names are kept exactly.
      let counter = GraphMLCounter()
      #expect(counter.parse(try #require(FileManager.default.contents(atPath: folder.file("out/network.graphml")))))
      #expect(Set(counter.nodeIDs) == ["=HYPERLINK(\"http://evil\")", "@SUM(A1)", "+31 6 12345678", "-2+3", "Ann"])
    }
  }

  @Test("building twice into the same folder replaces it")
  func buildTwice() throws {
    try withTemporaryFolder { folder in
      let first = try siloscope(["build", Self.log, "--output", "out"], in: folder)
      #expect(first.status == 0, "\(first)")
      let countWeights = try #require(contents(folder.file("out/edges.csv")))
      let second = try siloscope(["build", Self.log, "--weighting", "newman", "--output", "out"], in: folder)
      #expect(second.status == 0, "\(second)")
      let newmanWeights = try #require(contents(folder.file("out/edges.csv")))
      #expect(newmanWeights != countWeights)
      #expect(lines(newmanWeights).count == 1 + 1533)
      let json = try jsonObject(try #require(contents(folder.file("out/summary.json"))))
      #expect((json["projection"] as? [String: Any])?["weighting"] as? String == "newman")
      #expect(entries(folder.file("out")) == Self.expectedEntries)
      #expect(entries(folder.path) == ["out"])
    }
  }

  @Test("build from an edge list writes the same kind of folder")
  func buildFromEdges() throws {
    try withTemporaryFolder { folder in
      let run = try siloscope(
        ["build", "--edges", Inputs.lazegaEdges, "--nodes", Inputs.lazegaNodes, "--relation", "cowork", "--output", "lazega"],
        in: folder)
      #expect(run.status == 0, "\(run)")
      #expect(run.out == "wrote 7 files to lazega: 71 people, 726 ties\n")
      #expect(lines(try #require(contents(folder.file("lazega/edges.csv")))).count == 1 + 726)
      let nodes = lines(try #require(contents(folder.file("lazega/nodes.csv"))))
      #expect(nodes.count == 1 + 71)
      #expect(nodes.first?.hasPrefix("id,") == true)
    }
  }

  @Test("warnings go to standard error, the result line to standard output")
  func warningsOnStandardError() throws {
    try withTemporaryFolder { folder in
      let log = folder.write("log.csv", "person,project\nann,p1\nbob,p1\n")
      let run = try siloscope(["build", log, "--output", "out"], in: folder)
      #expect(run.status == 0, "\(run)")
      #expect(run.out == "wrote 4 files to out: 2 people, 1 tie\n", "\(run)")
      #expect(run.err.contains("siloscope: warning: \(log): no weight column: every row weighs 1\n"), "\(run)")
      #expect(run.err.contains("siloscope: warning: no departments:"), "\(run)")
      #expect(entries(folder.file("out")) == [".siloscope-output", "edges.csv", "network.graphml", "nodes.csv", "summary.json"])
    }
  }
}
