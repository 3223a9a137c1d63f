import SiloGraph
import SiloIngest
import Testing
import _SiloTestSupport

/// People files (PeopleFile.read) and merging them into a log (ProjectLog.merging).
@Suite("People files")
struct PeopleFileTests {
  static let logText = """
    person,department,project,hours
    Ana,Fin,P1,2
    Bob,ICT,P1,3
    Carl,,P2,1
    Dirk,ICT,P2,1

    """
  static let peopleText = """
    id,afdeling,functie,leidinggevende,kamer
    Ana,Financiën,adviseur,Bob,2.14
    Bob,ICT,teamleider,,3.01
    Carl,Burgerzaken,,Bob,
    Eva,HR,directeur,,1.01

    """

  @Test("PeopleFile.read finds id, department, role and manager through aliases and keeps other columns")
  func readPeopleFile() throws {
    let files = Files()
    defer { files.remove() }
    let people = try PeopleFile.read(path: files.text("people.csv", Self.peopleText))
    #expect(people.ids == ["Ana", "Bob", "Carl", "Eva"])
    #expect(people.departments == ["Financiën", "ICT", "Burgerzaken", "HR"])
    #expect(people.attributeNames == ["role", "manager", "kamer"])
    #expect(people.attributes["role"] == ["adviseur", "teamleider", nil, "directeur"])
    #expect(people.attributes["manager"] == ["Bob", nil, "Bob", nil])
    #expect(people.attributes["kamer"] == ["2.14", "3.01", nil, "1.01"])
    #expect(people.report.columns["id"] == "id")
    #expect(people.report.columns["department"] == "afdeling")
    #expect(people.report.rowsRead == 4)
    #expect(people.report.rowsUsed == 4)
  }

  @Test("Repeated and empty ids in a people file are skipped with their lines")
  func repeatedIDs() throws {
    let files = Files()
    defer { files.remove() }
    let people = try PeopleFile.read(path: files.text("people.csv", "naam;team\nAna;ICT\n;HR\nAna;HR\n"))
    #expect(people.ids == ["Ana"])
    #expect(people.departments == ["ICT"])
    #expect(people.report.lines("no id") == [3])
    #expect(people.report.lines("the person appears earlier in the file (first on line 2)") == [4])
  }

  @Test("The id and department columns can be named explicitly")
  func columnOverrides() throws {
    let files = Files()
    defer { files.remove() }
    let path = files.text("people.csv", "personeelsnr,name,dienst\n17,Ana,ICT\n")
    let people = try PeopleFile.read(path: path, idColumn: "Personeelsnr", departmentColumn: "dienst")
    #expect(people.ids == ["17"])
    #expect(people.departments == ["ICT"])
    #expect(people.attributeNames == ["name"])
    #expect(throws: IngestError.missingColumn(file: path, role: "department", tried: ["\"unit\""], header: ["personeelsnr", "name", "dienst"])) {
      try PeopleFile.read(path: path, departmentColumn: "unit")
    }
  }

  @Test("Merging: the people file's departments win, people without log rows are added, attributes are kept")
  func merging() throws {
    let files = Files()
    defer { files.remove() }
    let log = try ProjectLogReader.read(path: files.text("log.csv", Self.logText))
    let people = try PeopleFile.read(path: files.text("people.csv", Self.peopleText))
    let merged = log.merging(people)

    #expect(merged.people == ["Ana", "Bob", "Carl", "Dirk", "Eva"])
    #expect(
      merged.departmentOfPerson == ["Ana": "Financiën", "Bob": "ICT", "Carl": "Burgerzaken", "Dirk": "ICT", "Eva": "HR"])
    #expect(merged.departments == merged.departments.sorted())
    #expect(merged.entryCount == log.entryCount)
    #expect(merged.entryPerson == log.entryPerson)
    #expect(merged.personAttributeNames == ["role", "manager", "kamer"])
    #expect(merged.personAttributes["role"] == ["adviseur", "teamleider", nil, nil, "directeur"])
    #expect(merged.personAttributes["manager"] == ["Bob", nil, "Bob", nil, nil])
    #expect(merged.personAttributes["kamer"] == ["2.14", "3.01", nil, nil, "1.01"])
    #expect(merged.reports.count == 2)
    let warnings = merged.reports[1].warnings
    #expect(warnings.count == 3)
    // Eva has no log rows; Ana's department differs (Fin → Financiën); Dirk is not in the file.
    #expect(Set(warnings) == [.peopleWithoutRows(1), .departmentsOverridden(1), .peopleNotInPeopleFile(1, logHasDepartments: true)])
  }

  @Test("In the person network, people without log rows are isolates with their department and attributes")
  func mergedProjection() throws {
    let files = Files()
    defer { files.remove() }
    let log = try ProjectLogReader.read(path: files.text("log.csv", Self.logText))
      .merging(try PeopleFile.read(path: files.text("people.csv", Self.peopleText)))
    let network = try log.projected().network
    #expect(network.nodes.ids == ["Ana", "Bob", "Carl", "Dirk", "Eva"])
    #expect(network.degree("Eva") == 0)
    #expect(network.weight("Ana", "Bob") == 1)
    #expect(network.weight("Carl", "Dirk") == 1)
    #expect(network.graph.edgeCount == 2)
    let eva = try #require(network.node("Eva"))
    #expect(network.nodes.attribute(NodeAttribute.department, of: eva) == "HR")
    #expect(network.nodes.attribute(NodeAttribute.role, of: eva) == "directeur")
    #expect(network.nodes.attribute("kamer", of: eva) == "1.01")
    let groups = try #require(network.groups)
    #expect(groups.names == ["Burgerzaken", "Financiën", "HR", "ICT"])
    #expect(groups.sizes == [1, 1, 1, 2])
  }

  @Test("Merging two people files one after the other keeps every attribute column aligned with the people")
  func mergingTwice() throws {
    let files = Files()
    defer { files.remove() }
    let log = try ProjectLogReader.read(path: files.text("log.csv", Self.logText))
    let first = try PeopleFile.read(path: files.text("people.csv", Self.peopleText))
    let second = try PeopleFile.read(path: files.text("more.csv", "id,department,functie\nFrank,HR,stagiair\nAna,,senior adviseur\n"))
    let merged = log.merging(first).merging(second)
    #expect(merged.people == ["Ana", "Bob", "Carl", "Dirk", "Eva", "Frank"])
    for name in merged.personAttributeNames {
      #expect(merged.personAttributes[name]?.count == merged.people.count, "attribute \(name)")
    }
    // The second file names Ana's role anew and Frank's; where it says nothing, the first file's values stay.
    #expect(merged.personAttributes["role"] == ["senior adviseur", "teamleider", nil, nil, "directeur", "stagiair"])
    #expect(merged.personAttributes["manager"] == ["Bob", nil, "Bob", nil, nil, nil])
    #expect(merged.departmentOfPerson["Ana"] == "Financiën")
    #expect(merged.departmentOfPerson["Frank"] == "HR")
    let network = try merged.projected().network
    #expect(network.nodes.count == 6)
    #expect(network.nodes.attribute("kamer", of: try #require(network.node("Frank"))) == nil)
  }
}
