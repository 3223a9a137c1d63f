import SiloGraph
import SiloIngest
import SiloMetrics
import Testing
import _SiloTestSupport

/// Networks built elsewhere: an edge list with an optional node list (NetworkReader.read).
@Suite("Edge and node lists")
struct NetworkReaderTests {
  static let edges = """
    source,target,weight,note,since
    a,b,2,x,2019
    b,a,3,y,2020
    b,c,1.5,z,2021

    """
  static let nodes = """
    id,label,department
    a,Ana,Financiën
    b,Bob,ICT
    c,Carl,ICT
    d,Dirk,HR

    """

  static func options(
    _ directedness: Directedness = .undirected, group: String? = nil, relation: String? = nil, weight: String? = nil
  ) -> NetworkReadOptions {
    var options = NetworkReadOptions()
    options.directedness = directedness
    options.groupColumn = group
    options.relation = relation
    options.weightColumn = weight
    return options
  }

  @Test("Undirected by default: a pair given in both directions is one tie with the summed weight")
  func undirectedDefault() throws {
    let files = Files()
    defer { files.remove() }
    let loaded = try NetworkReader.read(edgesPath: files.text("edges.csv", Self.edges), nodesPath: files.text("nodes.csv", Self.nodes))
    let network = loaded.network
    #expect(!network.graph.isDirected)
    #expect(network.nodes.ids == ["a", "b", "c", "d"])
    #expect(network.graph.edgeCount == 2)
    #expect(network.weight("a", "b") == 5)
    #expect(network.weight("b", "a") == 5)
    #expect(network.weight("b", "c") == 1.5)
    #expect(network.degree("d") == 0)
    #expect(loaded.parallelTiesMerged == 1)
    #expect(loaded.selfLoopTies == 0)
    #expect(loaded.reports.count == 2)
    #expect(loaded.reports[0].rowsRead == 3)
    #expect(loaded.reports[0].rowsUsed == 3)
    #expect(loaded.reports[0].warningTexts.contains { $0.hasPrefix("1 ") && $0.contains("repeat a pair given earlier (in either direction)") })
  }

  @Test("Directed on request: the two directions stay two ties")
  func directedOption() throws {
    let files = Files()
    defer { files.remove() }
    let loaded = try NetworkReader.read(
      edgesPath: files.text("edges.csv", Self.edges), nodesPath: files.text("nodes.csv", Self.nodes), options: Self.options(.directed))
    let graph = loaded.network.graph
    #expect(graph.isDirected)
    #expect(graph.edgeCount == 3)
    #expect(loaded.network.weight("a", "b") == 2)
    #expect(loaded.network.weight("b", "a") == 3)
    #expect(loaded.network.weight("c", "b") == nil)
    #expect(loaded.parallelTiesMerged == 0)
  }

  @Test("Extra edge-list columns are ignored and reported")
  func extraColumnsReported() throws {
    let files = Files()
    defer { files.remove() }
    let loaded = try NetworkReader.read(edgesPath: files.text("edges.csv", Self.edges))
    let report = loaded.reports[0]
    #expect(report.columns["source"] == "source")
    #expect(report.columns["target"] == "target")
    #expect(report.columns["weight"] == "weight")
    #expect(report.otherColumns == ["note", "since"])
    #expect(report.warningTexts.contains("columns ignored: note, since"))
  }

  @Test("Without a node list the ids come from the edges, in order of appearance, without groups")
  func edgesOnly() throws {
    let files = Files()
    defer { files.remove() }
    let loaded = try NetworkReader.read(edgesPath: files.text("edges.tsv", "van\tnaar\tgewicht\nAna\tBob\t2,5\nBob\tCarl\t1\n"))
    #expect(loaded.network.nodes.ids == ["Ana", "Bob", "Carl"])
    #expect(loaded.network.weight("Ana", "Bob") == 2.5)
    #expect(loaded.network.groups == nil)
    #expect(loaded.groupAttribute == nil)
    #expect(loaded.reports.count == 1)
  }

  @Test("The node list's group column is detected by name", arguments: ["department", "Afdeling", "group", "TEAM", "faction", "unit"])
  func groupColumnDetected(header: String) throws {
    let files = Files()
    defer { files.remove() }
    let loaded = try NetworkReader.read(
      edgesPath: files.text("edges.csv", Self.edges),
      nodesPath: files.text("nodes.csv", "id,\(header)\na,Financiën\nb,ICT\nc,ICT\nd,\n"))
    #expect(loaded.groupAttribute == NodeAttribute.department)
    #expect(loaded.reports[1].columns["group"] == header)
    let groups = try #require(loaded.network.groups)
    #expect(groups.names == [Network.noGroupName, "Financiën", "ICT"])
    #expect(groups.membership == [1, 2, 2, 0])
  }

  @Test("Without a group column there are no groups, and a warning says so")
  func noGroupColumn() throws {
    let files = Files()
    defer { files.remove() }
    let loaded = try NetworkReader.read(
      edgesPath: files.text("edges.csv", Self.edges), nodesPath: files.text("nodes.csv", "id,label\na,A\nb,B\n"))
    #expect(loaded.network.groups == nil)
    #expect(loaded.groupAttribute == nil)
    #expect(loaded.reports[1].warningTexts.contains { $0.hasPrefix("no group column") })
    #expect(loaded.network.nodes.attribute("label", of: try #require(loaded.network.node("a"))) == "A")
  }

  @Test("The group column chosen by option wins, whatever the order of the columns", arguments: [false, true])
  func groupColumnChosenByOption(officeFirst: Bool) throws {
    let files = Files()
    defer { files.remove() }
    let header = officeFirst ? "id,office,department" : "id,department,office"
    let rows = [("a", "Boston", "litigation"), ("b", "Hartford", "corporate"), ("c", "Boston", "corporate")]
    let text = header + "\n" + rows.map { officeFirst ? "\($0.0),\($0.1),\($0.2)" : "\($0.0),\($0.2),\($0.1)" }.joined(separator: "\n")
    let loaded = try NetworkReader.read(
      edgesPath: files.text("edges.csv", "source,target\na,b\nb,c\n"), nodesPath: files.text("nodes.csv", text),
      options: Self.options(group: "Office"))
    let groups = try #require(loaded.network.groups)
    #expect(groups.names == ["Boston", "Hartford"])
    #expect(groups.membership == [0, 1, 0])
    #expect(loaded.reports[1].columns["group"] == "office")
    // The other column, whose name is taken by the group, is still there under another name.
    let a = try #require(loaded.network.node("a"))
    #expect(loaded.network.nodes.attributeNames.contains { loaded.network.nodes.attribute($0, of: a) == "litigation" })
  }

  @Test("A chosen group column missing from the node list is a missing column")
  func chosenGroupColumnMissing() throws {
    let files = Files()
    defer { files.remove() }
    let nodes = files.text("nodes.csv", Self.nodes)
    #expect(throws: IngestError.missingColumn(file: nodes, role: "group", tried: ["\"office\""], header: ["id", "label", "department"])) {
      try NetworkReader.read(edgesPath: files.text("edges.csv", Self.edges), nodesPath: nodes, options: Self.options(group: "office"))
    }
  }

  @Test("Ids in the edge list missing from the node list are added without a group, with a warning")
  func idsMissingFromNodeList() throws {
    let files = Files()
    defer { files.remove() }
    let loaded = try NetworkReader.read(
      edgesPath: files.text("edges.csv", "source,target\na,b\nb,x\ny,a\n"),
      nodesPath: files.text("nodes.csv", "id,team\na,ICT\nb,HR\n"))
    let network = loaded.network
    #expect(network.nodes.ids == ["a", "b", "x", "y"])
    #expect(network.graph.nodeCount == 4)
    #expect(network.weight("b", "x") == 1)
    #expect(network.weight("a", "y") == 1)
    #expect(loaded.reports[0].warningTexts.contains("2 ids in the edge list are not in the node list: they are kept without a department"))
    let groups = try #require(network.groups)
    #expect(groups.names == [Network.noGroupName, "HR", "ICT"])
    #expect(groups.membership == [2, 1, 0, 0])
  }

  @Test("Self-loops are set aside and counted; zero, negative and missing weights skip the row")
  func selfLoopsAndBadWeights() throws {
    let files = Files()
    defer { files.remove() }
    let loaded = try NetworkReader.read(
      edgesPath: files.text("edges.csv", "source,target,weight\na,a,2\na,b,0\na,b,-1\na,b,\na,b,veel\n,b,1\na,,1\na,b,4\n"))
    #expect(loaded.selfLoopTies == 1)
    #expect(loaded.network.graph.selfLoops == [Edge(source: NodeID(0), target: NodeID(0), weight: 2)])
    #expect(loaded.network.weight("a", "b") == 4)
    let report = loaded.reports[0]
    #expect(report.lines("the weight is zero (no tie)") == [3])
    #expect(report.lines("the weight is negative") == [4])
    #expect(report.lines("no weight") == [5])
    #expect(report.lines("the weight is not a number") == [6])
    #expect(report.lines("no source") == [7])
    #expect(report.lines("no target") == [8])
    #expect(report.rowsUsed + report.rowsSkipped == report.rowsRead)
    #expect(report.warningTexts.contains { $0.contains("ties from a person to themselves are set aside") })
  }

  @Test("The weight column can be named explicitly")
  func weightColumnOption() throws {
    let files = Files()
    defer { files.remove() }
    let loaded = try NetworkReader.read(
      edgesPath: files.text("edges.csv", "source,target,weight,messages\na,b,1,12\n"), options: Self.options(weight: "messages"))
    #expect(loaded.network.weight("a", "b") == 12)
  }

  @Test("--relation keeps one relation of Lazega's law firm; the other rows are skipped as another relation")
  func relationFilterOnLazega() throws {
    let edges = TestDatasets.path("lazega_lawfirm/edges.csv"), nodes = TestDatasets.path("lazega_lawfirm/nodes.csv")
    let undirected = try NetworkReader.read(edgesPath: edges, nodesPath: nodes, options: Self.options(relation: "cowork"))
    // Python 3 csv module on Datasets/lazega_lawfirm/edges.csv: 1,104 cowork arcs among 71
    // lawyers, 378 pairs in both directions, so 1,104 − 378 = 726 undirected ties; 892 advice
    // + 575 friendship rows are another relation. Datasets/lazega_lawfirm/README.md: 1,104 /
    // 892 / 575 arcs, practice litigation 41, corporate 30.
    #expect(undirected.network.graph.nodeCount == 71)
    #expect(undirected.network.graph.edgeCount == 726)
    #expect(undirected.parallelTiesMerged == 378)
    #expect(undirected.network.weight("1", "17") == 2)
    let report = undirected.reports[0]
    #expect(report.rowsRead == 2_571)
    #expect(report.rowsUsed == 1_104)
    #expect(report.skipped(.otherRelation(wanted: "cowork"))?.count == 892 + 575)
    #expect(report.columns["relation"] == "relation")
    let groups = try #require(undirected.network.groups)
    #expect(groups.names == ["corporate", "litigation"])
    #expect(groups.sizes == [30, 41])

    let directed = try NetworkReader.read(edgesPath: edges, nodesPath: nodes, options: Self.options(.directed, relation: "Cowork"))
    #expect(directed.network.graph.edgeCount == 1_104)
    #expect(ConnectedComponents(of: directed.network.graph).count == ConnectedComponents(of: undirected.network.graph).count)
  }

  @Test("--relation on an edge list without a relation column is a missing column")
  func relationWithoutColumn() throws {
    let files = Files()
    defer { files.remove() }
    let path = files.text("edges.csv", "source,target\na,b\n")
    #expect(throws: IngestError.missingColumn(file: path, role: "relation", tried: NetworkReader.relationAliases, header: ["source", "target"])) {
      try NetworkReader.read(edgesPath: path, options: Self.options(relation: "advice"))
    }
  }

  @Test("Zachary's karate club: 34 members, 78 weighted ties, two factions of 17")
  func zacharyKarateClub() throws {
    let loaded = try NetworkReader.read(
      edgesPath: TestDatasets.path("zachary_karate/edges.csv"), nodesPath: TestDatasets.path("zachary_karate/nodes.csv"))
    let network = loaded.network
    // networkx 3.6.1: G = nx.karate_club_graph(); G.number_of_edges() == 78,
    // G.size(weight="weight") == 231.0, G.degree(0) == 16, G.degree(33) == 17,
    // G[0][31]["weight"] == 2, G[32][33]["weight"] == 5.
    #expect(network.graph.nodeCount == 34)
    #expect(network.graph.edgeCount == 78)
    #expect(network.graph.totalWeight == 231)
    #expect(network.degree("0") == 16)
    #expect(network.degree("33") == 17)
    #expect(network.weight("0", "31") == 2)
    #expect(network.weight("32", "33") == 5)
    #expect(loaded.parallelTiesMerged == 0)
    // networkx 3.6.1: Counter(nx.get_node_attributes(G, "club").values()) == {"Mr. Hi": 17, "Officer": 17}
    let groups = try #require(network.groups)
    #expect(groups.names == ["Mr. Hi", "Officer"])
    #expect(groups.sizes == [17, 17])
  }
}
