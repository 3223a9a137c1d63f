import Testing
import SiloGraph
@testable import SiloReport

/// ``Pseudonymizer/apply(to:)``: every identifying string leaves the network, the structure
/// stays.
@Suite("Pseudonymizing a network")
struct PrivacyApplyTests {
  /// Four people with a label, an e-mail address, a phone column, a manager (one manager,
  /// "Eva Smit", is not a node), a department and a role.
  static func network() -> Network {
    var table = NodeTable()
    let rows: [(id: String, label: String, manager: String?, email: String, phone: String?, department: String?, role: String)] = [
      ("Ana de Vries", "Ana", nil, "ana.devries@example.org", "+31 6 1111", "Finance", "head"),
      ("Bram Bakker", "Bram B.", "Ana de Vries", "b.bakker@example.org", nil, "Finance", "analyst"),
      ("Chen Wei", "Wei", "Ana de Vries", "chen.wei@example.org", "+31 6 3333", "ICT", "engineer"),
      ("Dilan Y\u{131}ld\u{131}z", "Dilan", "Eva Smit", "dilan@example.org", "+31 6 4444", nil, "engineer"),
    ]
    for row in rows {
      let v = table.add(id: row.id)
      // Attribute order as an input would give it: label, manager, email, department, phone, role.
      table.setAttribute(NodeAttribute.label, to: row.label, for: v)
      table.setAttribute(NodeAttribute.manager, to: row.manager, for: v)
      table.setAttribute("email", to: row.email, for: v)
      table.setAttribute(NodeAttribute.department, to: row.department, for: v)
      table.setAttribute("Phone", to: row.phone, for: v)
      table.setAttribute(NodeAttribute.role, to: row.role, for: v)
    }
    var builder = GraphBuilder(nodeCount: 4)
    builder.addEdge(NodeID(0), NodeID(1), weight: 2)
    builder.addEdge(NodeID(1), NodeID(2))
    builder.addEdge(NodeID(2), NodeID(3), weight: 0.5)
    return Network(graph: builder.build(), nodes: table, groups: Network.partition(of: table, by: NodeAttribute.department))
  }

  /// Every string that could identify someone in ``network()``.
  static let identifying = [
    "Ana de Vries", "Bram Bakker", "Chen Wei", "Dilan Y\u{131}ld\u{131}z", "Eva Smit", "Ana", "Bram", "Wei", "Dilan",
    "Eva", "Vries", "Bakker", "example.org", "@", "+31",
  ]

  /// Python (see ``PseudonymTests``): `ps(b'siloscope-test-key-not-a-secret!', id)` for
  /// Ana de Vries, Bram Bakker, Chen Wei, Dilan Yıldız (ı = U+0131) and Eva Smit.
  static let ana = "P-ZCNYF9JCDQ", bram = "P-53FMATWA50", chen = "P-E5D5AFAB2B", dilan = "P-RQ3QCF4S1P"
  static let eva = "P-YPPSJCTJYJ"

  @Test("ids become the known pseudonyms; the graph and the groups are identical")
  func idsAndStructure() throws {
    let original = Self.network()
    let result = try pseudonymizer(testKeyText).apply(to: original)
    #expect(result.nodes.ids == [Self.ana, Self.bram, Self.chen, Self.dilan])
    #expect(result.graph == original.graph)
    #expect(result.groups == original.groups)
    // Groups built by `Network.partition` from the input: sorted names, Dilan without one.
    #expect(result.groups?.names == ["(no department)", "Finance", "ICT"])
  }

  @Test("department kept, manager mapped, role and every other attribute dropped")
  func attributes() throws {
    let original = Self.network()
    let result = try pseudonymizer(testKeyText).apply(to: original)
    // Input order label, manager, email, department, Phone, role, without the dropped ones.
    #expect(result.nodes.attributeNames == ["manager", "department"])
    #expect(result.nodes.attributeColumn("department")! == ["Finance", "Finance", "ICT", nil])
    // A role held by one person ("head") would name her: roles go unless asked for.
    #expect(result.nodes.attributeColumn("role") == nil)
    let keeping = try pseudonymizer(testKeyText).apply(to: original, keepingRole: true)
    #expect(keeping.nodes.attributeNames == ["manager", "department", "role"])
    #expect(keeping.nodes.attributeColumn("role")! == ["head", "analyst", "engineer", "engineer"])
    #expect(Pseudonymizer.uniqueRoles(in: keeping) == 2)
    // Bram's and Chen's manager is Ana (a node): her pseudonym. Dilan's, Eva Smit, is no node:
    // `pseudonym(for: "Eva Smit")`. Ana has none.
    #expect(result.nodes.attributeColumn("manager")! == [nil, Self.ana, Self.ana, Self.eva])
    #expect(result.nodes.attributeColumn("label") == nil)
    #expect(result.nodes.attributeColumn("email") == nil)
    #expect(result.nodes.attributeColumn("Phone") == nil)
  }

  @Test("managers point at the managed person's node after pseudonymizing")
  func managerConsistent() throws {
    let result = try pseudonymizer(testKeyText).apply(to: Self.network())
    for v in 0 ..< result.nodes.count {
      guard let manager = result.nodes.attribute(NodeAttribute.manager, of: NodeID(v)) else { continue }
      // The manager's pseudonym is a node's id exactly when the manager was a node before.
      let wasNode = Self.network().nodes.attribute(NodeAttribute.manager, of: NodeID(v)) != "Eva Smit"
      #expect((result.nodes.node(withID: manager) != nil) == wasNode)
    }
  }

  @Test("no original id, label, address or phone number is left anywhere, nor in the CSV export")
  func nothingLeaks() throws {
    let result = try pseudonymizer(testKeyText).apply(to: Self.network())
    var texts = result.nodes.ids + (result.groups?.names ?? [])
    for name in result.nodes.attributeNames {
      texts.append(name)
      texts += result.nodes.attributeColumn(name)!.compactMap { $0 }
    }
    texts.append(CSVExport.nodes(result))
    texts.append(CSVExport.edges(result))
    for text in texts {
      for secret in Self.identifying {
        #expect(!text.contains(secret), "\"\(secret)\" in \"\(text)\"")
      }
    }
    // The check itself can fail: the original's export holds them.
    #expect(CSVExport.nodes(Self.network()).contains("Ana de Vries"))
  }

  @Test("a manager who is a node, spelled in the other Unicode form, is still that node")
  func managerCanonicalEquivalence() throws {
    var table = NodeTable(ids: ["Jos\u{E9}", "Ana"])
    table.setAttribute(NodeAttribute.manager, to: "Jose\u{301}", for: NodeID(1))  // NFD spelling of node 0
    table.setAttribute(NodeAttribute.manager, to: "", for: NodeID(0))  // empty: stays empty
    let network = Network(graph: GraphBuilder(nodeCount: 2).build(), nodes: table)
    let result = try pseudonymizer(testKeyText).apply(to: network)
    // Python: ps(K, 'Jos\u00e9') (known answers in PseudonymTests); the NFD spelling's own
    // pseudonym, P-V8WQ44M1SY, must not appear.
    #expect(result.nodes.ids[0] == "P-DC3S7JX4MC")
    #expect(result.nodes.attributeColumn(NodeAttribute.manager)! == ["", "P-DC3S7JX4MC"])
  }

  @Test("a network without attributes or groups keeps only pseudonyms")
  func bare() throws {
    let network = Network(graph: GraphBuilder(nodeCount: 1).build(), nodes: NodeTable(ids: ["Ana de Vries"]))
    let result = try pseudonymizer(testKeyText).apply(to: network)
    #expect(result.nodes.ids == [Self.ana])
    #expect(result.nodes.attributeNames.isEmpty)
    #expect(result.groups == nil)
  }
}
