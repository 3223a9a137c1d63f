import Foundation
import SiloGraph
import SiloIngest
import SiloReport
import Testing
import _SiloTestSupport
@testable import SiloRender

/// The views on real data sets, drawn through Graphviz and read back with an XML parser.
@Suite struct DatasetDiagramTests {
  /// Lazega cowork (OR-symmetrized), normalized betweenness on hops, as the tooltip prints
  /// it (4 decimals, trailing zeros dropped), for L01…L71: networkx 3.6.1's raw betweenness of
  /// the OR-symmetrized cowork graph (`laz_u`; Tests/References/brokers_reference.py,
  /// `lazega_betweenness()`, in BrokersReference.lazUNxRaw) divided by (n−1)(n−2)/2 = 2415
  /// and rounded to 4 decimals.
  static let lazegaBetweenness = [
    "0.0022", "0.0059", "0.0004", "0.0227", "0.0063", "0.0136", "0.0054", "0.0018", "0.0054", "0.0113", "0.0055", "0.0056",
    "0.0356", "0.01", "0.0365", "0.0328", "0.0202", "0.0044", "0.0343", "0.0083", "0.0022", "0.0331", "0.0026", "0.0547",
    "0.0061", "0.0384", "0.0054", "0.031", "0.0127", "0.0278", "0.0411", "0.0247", "0.0033", "0.0082", "0.0088", "0.0069",
    "0.0014", "0.0157", "0.0099", "0.0052", "0.0051", "0.0025", "0.0165", "0.0013", "0.0114", "0.0021", "0.0027", "0.0005",
    "0.0094", "0.0084", "0.0023", "0.0074", "0.001", "0.0142", "0.0029", "0.0026", "0.0042", "0.0032", "0.0004", "0.0019",
    "0.0011", "0.0023", "0.0044", "0.0023", "0.0083", "0.018", "0.0008", "0.0099", "0.0009", "0.0055", "0.0038",
  ]
  /// The five highest of those (networkx 3.6.1 normalized, `laz_u`: L24 0.0547, L31 0.0411,
  /// L26 0.0384, L15 0.0365, L13 0.0356; the sixth, L19, has 0.0343).
  static let lazegaBrokers = ["L24", "L31", "L26", "L15", "L13"]

  @Test("Lazega, people view: one box per practice, one circle per lawyer, tooltips with betweenness")
  func lazegaPeople() throws {
    var request = DiagramRequest(view: .people)
    request.weighted = false  // hops, as the reference values of laz_u are computed
    let diagram = try RenderFixtures.lazegaCowork().diagram(request)
    let scan = SVGScan(try diagram.render(.svg))
    try #require(scan.parsed, "\(String(describing: scan.error))")

    // Our <title> and <desc> are the root's first children.
    #expect(scan.rootName == "svg")
    #expect(scan.rootFirstChildren == ["title", "desc"])
    #expect(scan.rootTitle == "Collaboration between people, by department")
    #expect(scan.rootDescription?.hasPrefix("Each circle is a person, inside the box of their department") == true)
    #expect(scan.rootDescription?.contains("Betweenness: normalized, exact, hops.") == true)

    // Datasets/lazega_lawfirm/README.md: 71 attorneys; practice (`group`) litigation 41,
    // corporate 30; cowork 1104 arcs, 756 reciprocated → 1104 − 756/2 = 726 undirected ties.
    #expect(scan.count("cluster") == 2)
    #expect(scan.count("node") == 71)
    #expect(scan.count("edge") == 726)
    #expect(scan.count("graph") == 1)
    #expect(Set(scan.groupTitles["node"] ?? []) == Set((0 ..< 71).map { "p\($0)" }))
    #expect(scan.tooltips.contains("corporate: 30 people"))
    #expect(scan.tooltips.contains("litigation: 41 people"))

    // One tooltip per lawyer, its first line the label, its third the betweenness line.
    var byName: [String: [String]] = [:]
    for tooltip in scan.tooltips where tooltip.contains("\n") {
      let lines = tooltip.components(separatedBy: "\n")
      #expect(byName[lines[0]] == nil, "one tooltip for \(lines[0])")
      byName[lines[0]] = lines
    }
    #expect(byName.count == 71)
    var departments: [String: Int] = [:]
    for (i, expected) in Self.lazegaBetweenness.enumerated() {
      let name = String(format: "L%02d", i + 1)
      guard let lines = byName[name] else {
        Issue.record("no tooltip for \(name)")
        continue
      }
      let rank = Self.lazegaBrokers.firstIndex(of: name).map { " (broker #\($0 + 1))" } ?? ""
      #expect(lines.count >= 4)
      #expect(lines[2] == "Betweenness: \(expected)\(rank)", "\(name)")
      departments[lines[1], default: 0] += 1
    }
    #expect(departments == ["Department: litigation": 41, "Department: corporate": 30])

    // The top five are labelled with their rank; everyone else by name (71 ≤ 150 labels).
    for (rank, name) in Self.lazegaBrokers.enumerated() { #expect(scan.texts.contains("\(rank + 1). \(name)")) }
    let ranked = scan.texts.filter { $0.range(of: #"^[0-9]+\. L[0-9]{2}$"#, options: .regularExpression) != nil }
    #expect(ranked.count == 5)
    for i in 1 ... 71 where !Self.lazegaBrokers.contains(String(format: "L%02d", i)) {
      #expect(scan.texts.contains(String(format: "L%02d", i)))
    }
    // The legend names both practices with their head counts.
    #expect(scan.texts.contains("corporate (30)"))
    #expect(scan.texts.contains("litigation (41)"))
    // Clusters in a fixed order (SVGCanonicalOrder): by department number, ids renumbered.
    #expect(scan.groupTitles["cluster"] == ["cluster_d0", "cluster_d1"])
    #expect(scan.groupIDs["cluster"] == ["clust1", "clust2"])
  }

  @Test("Lazega, people view with tie weights: the note says how betweenness was computed, five brokers labelled")
  func lazegaPeopleWeighted() throws {
    let diagram = try RenderFixtures.lazegaCowork().diagram(DiagramRequest(view: .people))
    #expect(diagram.notes.contains("Betweenness: normalized, exact, tie length 1/weight."))
    let scan = SVGScan(try diagram.render(.svg))
    try #require(scan.parsed)
    #expect(scan.count("node") == 71 && scan.count("cluster") == 2)
    let ranked = scan.texts.filter { $0.range(of: #"^[1-5]\. L[0-9]{2}$"#, options: .regularExpression) != nil }
    #expect(ranked.count == 5)
  }

  @Test("the clustered layout pins every node inside its department's box, and boxes do not overlap")
  func clusteredGeometry() throws {
    let diagram = try RenderFixtures.lazegaCowork().diagram(DiagramRequest(view: .people))
    #expect(diagram.engine == .clustered)
    let pinned = try ClusteredLayout.pinned(diagram.graph, seed: diagram.seed)
    #expect(pinned.attributes["layout"] == .text("nop"))
    func numbers(_ value: DOTValue?) -> [Double] {
      guard let text = value?.text else { return [] }
      return text.replacingOccurrences(of: "!", with: "").split(separator: ",").compactMap { Double($0) }
    }
    var boxes: [[Double]] = []
    for cluster in pinned.clusters {
      let bb = numbers(cluster.attributes["bb"])
      try #require(bb.count == 4, "cluster \(cluster.id) has a bb")
      #expect(bb[0] < bb[2] && bb[1] < bb[3])
      boxes.append(bb)
      for node in cluster.nodes {
        let pos = numbers(node.attributes["pos"])
        try #require(pos.count == 2, "\(node.id) has a pos")
        let width = try #require(node.attributes["width"]?.number, "\(node.id) has a width")
        let r = 36 * width - 0.05  // radius in points, less the 0.01 pt rounding of positions
        #expect(pos[0] - r >= bb[0] && pos[0] + r <= bb[2] && pos[1] - r >= bb[1] && pos[1] + r <= bb[3], "\(node.id) in \(cluster.id)")
      }
    }
    for i in boxes.indices {
      for j in boxes.indices where j > i {
        let (a, b) = (boxes[i], boxes[j])
        #expect(a[2] <= b[0] || b[2] <= a[0] || a[3] <= b[1] || b[3] <= a[1], "boxes \(i) and \(j) overlap")
      }
    }
    // The DOT text written for the user is this pinned graph, and Graphviz's nop draws it to
    // exactly the SVG the diagram renders.
    let dot = String(decoding: try diagram.render(.dot), as: UTF8.self)
    #expect(dot == DOTEncoder.encode(pinned))
    // (Up to the order of the cluster elements, which Graphviz takes from heap addresses and
    // SiloScope sorts.)
    let svg = SVGCanonicalOrder.clustersSorted(try Graphviz.render(dot: dot, engine: .nop, format: .svg))
    let described = Diagram.describing(svg: svg, title: diagram.title, description: ([diagram.summary] + diagram.notes).joined(separator: " "))
    let rendered = try diagram.render(.svg)
    #expect(described == rendered, "\(lineDifference(described, rendered) ?? "")")
  }

  @Test("Krackhardt advice, departments view: one circle per department with its E-I index")
  func krackhardtDepartments() throws {
    let network = try RenderFixtures.krackhardtAdvice()
    let diagram = try network.diagram(DiagramRequest(view: .departments))
    #expect(diagram.graph.name == "departments")
    let scan = SVGScan(try diagram.render(.svg))
    try #require(scan.parsed)
    // Datasets/krackhardt_hightech/README.md: department codes 0–4 (0 = the CEO alone):
    // five groups, of sizes 1, 5, 8, 3, 4.
    #expect(scan.count("node") == 5)
    #expect(scan.count("cluster") == 0)
    #expect(scan.rootTitle == "Departments and the collaboration between them")
    // Tests/References/silos_reference.md §2b, E-I per group of krack_adv_d, "per tie": 1, 17/23,
    // 13/23, 57/65, 3/4, printed with two decimals and a sign. The E-I is the circle's colour and
    // in its tooltip; the label names the head count.
    for text in ["E-I index: +1", "E-I index: +0.74", "E-I index: +0.57", "E-I index: +0.88", "E-I index: +0.75"] {
      #expect(scan.tooltips.contains { $0.contains(text) }, "\(text)")
    }
    for text in ["1 person", "5 people", "8 people", "3 people", "4 people"] {
      #expect(scan.texts.contains(text), "\(text)")
    }
    // Colours: RdBu class round((E-I + 1)/2 · 8): 8, 7, 6, 8, 7.
    let fills = diagram.graph.nodes.map { node -> String in
      if case .text(let fill)? = node.attributes["fillcolor"] { return fill }
      return ""
    }
    #expect(fills == ["#2166AC", "#4393C3", "#92C5DE", "#2166AC", "#4393C3"])
    // Tests/References/silos_reference.md §2: 144 advice arcs run between departments (E), 46
    // inside (I).
    var between = 0
    for tooltip in scan.tooltips {
      if let match = tooltip.firstMatch(of: #/^[0-4] – [0-4]: ([0-9]+) ties?, /#) { between += Int(match.1)! }
    }
    #expect(between == 144)
    let inside = scan.tooltips.compactMap { $0.firstMatch(of: #/Ties inside: ([0-9]+)/#).map { Int($0.1)! } }
    #expect(inside.reduce(0, +) == 46)
  }

  /// DepartmentMapInput.between is documented as "each pair once", and the department map is
  /// an undirected `graph`: a directed network's a → b and b → a must become one line.
  @Test("departments view of a directed network draws each pair of departments once")
  func krackhardtPairsOnce() throws {
    let diagram = try RenderFixtures.krackhardtAdvice().diagram(DiagramRequest(view: .departments))
    let pairs = Set(diagram.graph.edges.map { [$0.tail, $0.head].sorted() })
    #expect(!diagram.graph.directed)
    #expect(pairs.count == diagram.graph.edges.count)
    // Advice arcs between departments, both directions added, counted with Python's csv
    // module from Datasets/krackhardt_hightech/edges.csv and nodes.csv: all 10 pairs occur.
    #expect(pairs.count == 10)
    let expected = [
      "0 – 1": 8, "0 – 2": 7, "0 – 3": 4, "0 – 4": 2, "1 – 2": 28, "1 – 3": 8, "1 – 4": 16, "2 – 3": 33, "2 – 4": 22, "3 – 4": 16,
    ]
    var found: [String: Int] = [:]
    for edge in diagram.graph.edges {
      guard let match = edge.attributes["tooltip"]?.text?.firstMatch(of: #/^(. – .): ([0-9]+) ties/#) else {
        Issue.record("edge \(edge.tail)–\(edge.head) has no tooltip with a tie count")
        continue
      }
      found[String(match.1)] = Int(match.2)
    }
    #expect(found == expected)
  }

  @Test("OpenTelemetry log, communities view: developers in their employers' boxes")
  func openTelemetryCommunities() throws {
    let network = try RenderFixtures.openTelemetry()
    let diagram = try network.diagram(DiagramRequest(view: .communities))
    let scan = SVGScan(try diagram.render(.svg))
    try #require(scan.parsed, "\(String(describing: scan.error))")
    // Datasets/opentelemetry_swift_commits/README.md: 88 developers; 24 in 19 companies and
    // the rest "Unaffiliated/unknown" → 20 departments.
    #expect(scan.count("node") == 88)
    #expect(scan.count("cluster") == 20)
    #expect(scan.count("edge") == network.graph.edgeCount)
    #expect(scan.rootTitle == "Communities found in the collaboration, over the departments")
    #expect(scan.texts.contains("Communities (people)"))
    #expect(scan.texts.contains { $0.hasPrefix("Community 1 (") })
    // Clusters sorted by department number, not as text (d10 after d9), ids renumbered.
    #expect(scan.groupTitles["cluster"] == (0 ..< 20).map { "cluster_d\($0)" })
    #expect(scan.groupIDs["cluster"] == (1 ... 20).map { "clust\($0)" })
    #expect(diagram.notes.contains { $0.hasPrefix("Communities: Leiden on modularity") })
    #expect(scan.rootDescription?.contains("Leiden") == true)
  }

  @Test("OpenTelemetry log, ego view of dev008: the developer and everyone sharing a component")
  func openTelemetryEgo() throws {
    let network = try RenderFixtures.openTelemetry()
    let diagram = try network.diagram(DiagramRequest(view: .ego, person: "dev008"))
    let scan = SVGScan(try diagram.render(.svg))
    try #require(scan.parsed)
    // The contacts straight from log.csv: every other developer with a row on one of the
    // components dev008 has rows on (plain split on commas: the file has no quoted fields).
    let text = try String(contentsOfFile: TestDatasets.path("opentelemetry_swift_commits/log.csv"), encoding: .utf8)
    let rows = text.split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    let components = Set(rows.filter { $0[0] == "dev008" }.map { String($0[2]) })
    let contacts = Set(rows.filter { components.contains(String($0[2])) }.map { String($0[0]) }).subtracting(["dev008"])
    #expect(contacts.count == 84)  // computed as above; 24 components
    #expect(scan.count("node") == 1 + contacts.count)
    let drawn = Set((scan.groupTitles["node"] ?? []).compactMap { title -> String? in
      guard title.hasPrefix("p"), let index = Int(title.dropFirst()) else { return nil }
      return network.nodes.ids[index]
    })
    #expect(drawn == contacts.union(["dev008"]))
    #expect(scan.rootTitle == "Ego network of dev008")
    // The ego is labelled in bold and has the widest outline.
    let ego = try #require(network.nodes.node(withID: "dev008"))
    let egoNode = try #require(diagram.graph.nodes.first)
    #expect(egoNode.id == "p\(ego.rawValue)")
    #expect(egoNode.attributes["penwidth"] == .number(3.5))
  }
}

/// Views that cannot be drawn, and views of (almost) nothing.
@Suite struct DiagramEdgeCaseTests {
  @Test("the ego view of an unknown person is invalidDiagram, not a crash")
  func egoUnknownPerson() throws {
    let network = try RenderFixtures.lazegaCowork()
    for person in ["nobody", "l01", "L01", "", " 1"] {
      do {
        _ = try network.diagram(DiagramRequest(view: .ego, person: person))
        Issue.record("expected invalidDiagram for \"\(person)\"")
      } catch {
        guard case .invalidDiagram(let message) = error else {
          Issue.record("expected invalidDiagram, got \(error)")
          continue
        }
        #expect(message.contains("no person"))
        #expect(error.kind == .invalidData)
      }
    }
    // Ids are matched as in the input: Lazega's ids are 1…71 (labels L01… are display names).
    let first = try network.diagram(DiagramRequest(view: .ego, person: "1"))
    #expect(first.title == "Ego network of L01")
  }

  @Test("the ego view without a person draws the top broker; of an empty network it is invalidDiagram")
  func egoWithoutPerson() throws {
    var request = DiagramRequest(view: .ego)
    request.weighted = false
    let diagram = try RenderFixtures.lazegaCowork().diagram(request)
    // L24 has the highest betweenness of laz_u (lazegaBrokers above).
    #expect(diagram.title == "Ego network of L24")
    #expect(diagram.notes.contains { $0.contains("top broker") })
    let empty = Network(graph: GraphBuilder(nodeCount: 0).build(), nodes: NodeTable())
    #expect(throws: RenderError.self) { try empty.diagram(DiagramRequest(view: .ego)) }
  }

  @Test("an unknown person's id is cleaned in the message")
  func egoUnknownPersonMessage() {
    let network = RenderFixtures.network(names: ["a"], departments: nil, edges: [])
    do {
      _ = try network.diagram(DiagramRequest(view: .ego, person: "x\u{202E}y\u{1B}[31m"))
      Issue.record("expected an error")
    } catch {
      #expect(error.description.contains("\"xy[31m\""), "\(error.description)")
    }
  }

  @Test("the departments view of a network without departments is noDepartments, invalid data")
  func departmentsWithoutGroups() throws {
    let network = RenderFixtures.network(names: ["a", "b"], departments: nil, edges: [(0, 1)])
    let error = #expect(throws: RenderError.noDepartments) { try network.diagram(DiagramRequest(view: .departments)) }
    #expect(error?.kind == .invalidData)
  }

  @Test("above maximumPeople the people view draws the departments, and says so")
  func peopleFallBackToDepartments() throws {
    var request = DiagramRequest(view: .people)
    request.options.maximumPeople = 10
    let diagram = try RenderFixtures.lazegaCowork().diagram(request)
    #expect(diagram.graph.name == "departments")
    // Lazega has 71 people in 2 practices (README).
    #expect(diagram.graph.nodeCount == 2)
    #expect(diagram.notes.first?.contains("71 people are too many") == true)
    #expect(diagram.notes.first?.contains("limit 10") == true)
    let scan = SVGScan(try diagram.render(.svg))
    try #require(scan.parsed)
    #expect(scan.count("node") == 2)
    #expect(scan.rootDescription?.contains("limit 10") == true)
    // At the limit the people are drawn.
    request.options.maximumPeople = 71
    #expect(try RenderFixtures.lazegaCowork().diagram(request).graph.name == "people")
    // Without departments to fall back on, it is an error.
    let noGroups = RenderFixtures.network(names: (0 ..< 11).map { "n\($0)" }, departments: nil, edges: [])
    #expect(throws: RenderError.self) { try noGroups.diagram(request.with(maximumPeople: 10)) }
  }

  @Test("above maximumLabels only the brokers are named; every tooltip stays")
  func labelLimit() throws {
    var request = DiagramRequest(view: .people)
    request.options.maximumLabels = 10
    let diagram = try RenderFixtures.lazegaCowork().diagram(request)
    #expect(diagram.notes.contains { $0.hasPrefix("Names are shown for the 5 top brokers only (71 people") })
    let scan = SVGScan(try diagram.render(.svg))
    try #require(scan.parsed)
    let names = scan.texts.filter { $0.range(of: #"L[0-9]{2}$"#, options: .regularExpression) != nil }
    #expect(names.count == 5)
    #expect(names.allSatisfy { $0.range(of: #"^[1-5]\. L[0-9]{2}$"#, options: .regularExpression) != nil })
    #expect(scan.tooltips.filter { $0.hasPrefix("L") }.count == 71)
  }

  @Test("more than 24 departments: the legend lists 23 and counts the rest")
  func legendTruncated() throws {
    // 30 people in 30 departments D00…D29, in a ring.
    let names = (0 ..< 30).map { String(format: "p%02d", $0) }
    let network = RenderFixtures.network(
      names: names, departments: (0 ..< 30).map { String(format: "D%02d", $0) }, edges: (0 ..< 30).map { ($0, ($0 + 1) % 30) })
    let scan = SVGScan(try network.diagram(DiagramRequest(view: .people)).render(.svg))
    try #require(scan.parsed)
    #expect(scan.count("cluster") == 30)
    #expect(scan.texts.contains("D22 (1)"))
    #expect(!scan.texts.contains("D23 (1)"))
    #expect(scan.texts.contains("… 7 more, named on their boxes"))
  }

  @Test("people without a department are in a neutral grey box")
  func noDepartment() throws {
    var table = NodeTable(ids: ["a", "b", "c"])
    table.setAttribute(NodeAttribute.department, to: "ICT", for: NodeID(0))
    table.setAttribute(NodeAttribute.department, to: "ICT", for: NodeID(1))
    let groups = try #require(Network.partition(of: table, by: NodeAttribute.department))
    var builder = GraphBuilder(nodeCount: 3)
    builder.addEdge(NodeID(0), NodeID(2))
    let network = Network(graph: builder.build(), nodes: table, groups: groups)
    let diagram = try network.diagram(DiagramRequest(view: .people))
    let fill = diagram.graph.clusters.flatMap(\.nodes).first { $0.id == "p2" }?.attributes["fillcolor"]
    #expect(fill == .text(Colour.neutral))
    let ict = diagram.graph.clusters.flatMap(\.nodes).first { $0.id == "p0" }?.attributes["fillcolor"]
    #expect(ict != .text(Colour.neutral))
    let scan = SVGScan(try diagram.render(.svg))
    // The box label, wrapped at 12 characters: "(no" / "department)".
    #expect(scan.parsed && Diagram.nameLines(Network.noGroupName).allSatisfy(scan.texts.contains))
  }

  @Test("a network of nobody renders a valid, empty SVG", arguments: [false, true])
  func emptyNetwork(withDepartments: Bool) throws {
    let network = Network(
      graph: GraphBuilder(nodeCount: 0).build(), nodes: NodeTable(), groups: withDepartments ? Partition(labels: []) : nil)
    var views: [DiagramView] = [.people, .communities]
    if withDepartments { views.append(.departments) }
    for view in views {
      let diagram = try network.diagram(DiagramRequest(view: view))
      let scan = SVGScan(try diagram.render(.svg))
      #expect(scan.parsed, "\(view)")
      #expect(scan.rootFirstChildren == ["title", "desc"], "\(view)")
      #expect(scan.count("node") == 0 && scan.count("edge") == 0 && scan.count("cluster") == 0, "\(view)")
    }
  }

  @Test("people without ties: every person and department drawn, no lines")
  func noTies() throws {
    let network = RenderFixtures.network(names: ["a", "b", "c"], departments: ["X", "Y", "X"], edges: [])
    for view in [DiagramView.people, .communities] {
      let scan = SVGScan(try network.diagram(DiagramRequest(view: view)).render(.svg))
      try #require(scan.parsed)
      #expect(scan.count("node") == 3, "\(view)")
      #expect(scan.count("cluster") == 2, "\(view)")
      #expect(scan.count("edge") == 0, "\(view)")
      for name in ["a", "b", "c"] { #expect(scan.texts.contains(name), "\(view): \(name)") }
    }
    let departments = SVGScan(try network.diagram(DiagramRequest(view: .departments)).render(.svg))
    #expect(departments.parsed && departments.count("node") == 2 && departments.count("edge") == 0)
    // With no ties the E-I index is undefined: said in the tooltip, and the neutral colour.
    #expect(departments.tooltips.filter { $0.contains("E-I index: undefined (no ties)") }.count == 2)
  }

  @Test("the ego network of an isolate is the person alone")
  func egoOfIsolate() throws {
    let network = RenderFixtures.network(names: ["a", "b", "c"], departments: ["X", "Y", "X"], edges: [(0, 2)])
    let diagram = try network.diagram(DiagramRequest(view: .ego, person: "b"))
    let scan = SVGScan(try diagram.render(.svg))
    try #require(scan.parsed)
    #expect(scan.count("node") == 1)
    #expect(scan.count("edge") == 0)
    #expect(scan.groupTitles["node"] == ["p1"])
    #expect(scan.rootTitle == "Ego network of b")
    #expect(scan.rootDescription?.hasPrefix("b and their 0 contacts") == true)
  }

  @Test("a single person, alone in a department")
  func onePerson() throws {
    let network = RenderFixtures.network(names: ["solo"], departments: ["X"], edges: [])
    for view in [DiagramView.people, .departments, .communities, .ego] {
      let diagram = try network.diagram(DiagramRequest(view: view, person: view == .ego ? "solo" : nil))
      let scan = SVGScan(try diagram.render(.svg))
      #expect(scan.parsed && scan.count("node") == 1, "\(view)")
    }
  }

  @Test("a directed network's ego view counts contacts in both directions")
  func directedEgo() throws {
    // 0 → 1, 2 → 0: node 0 has one out- and one in-contact; 1 → 2 is a tie among contacts.
    let network = RenderFixtures.network(names: ["a", "b", "c", "d"], departments: nil, edges: [(0, 1), (2, 0), (1, 2)], directedness: .directed)
    let diagram = try network.diagram(DiagramRequest(view: .ego, person: "a"))
    #expect(diagram.graph.directed)
    #expect(diagram.graph.nodes.map(\.id) == ["p0", "p1", "p2"])
    #expect(Set(diagram.graph.edges.map { "\($0.tail)->\($0.head)" }) == ["p0->p1", "p2->p0", "p1->p2"])
    let scan = SVGScan(try diagram.render(.svg))
    #expect(scan.parsed && scan.count("node") == 3 && scan.count("edge") == 3)
  }
}

extension DiagramRequest {
  func with(maximumPeople: Int) -> DiagramRequest {
    var copy = self
    copy.options.maximumPeople = maximumPeople
    return copy
  }
}
