import Foundation
import SiloKit
import Testing
import _SiloTestSupport

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Every output file of `analyze --pseudonymize --min-group-size 5`, checked against the
/// privacy rules:
/// - no person of a group below 5 appears at person level (row, node, tooltip, list entry);
/// - no name, role or manager name survives, in any byte of any file;
/// - NFC and NFD spellings of one name share one pseudonym;
/// - the key from a file and from the environment variable give the same pseudonyms.
@Suite("Privacy of every output")
struct PrivacySuiteTests {
  /// "Zoë Jansen" precomposed and decomposed.
  static let zoeNFC = "Zo\u{00EB} Jansen"
  static let zoeNFD = "Zoe\u{0308} Jansen"
  static let key = "gemeente-sleutel-2026-niet-geheim"

  /// Departments: Financiën 8, Sociaal Domein 7 (kept); Bestuur 1 and Juridische Zaken 2,
  /// merged into a group of 3, below 5: suppressed.
  static let financien = ["Jan de Vries", zoeNFC, "Sanne Bakker", "Kees Visser", "Lotte Smit", "Bram Mulder", "Eva de Groot", "Ruud Ünal"]
  static let sociaal = ["Fatima El Amrani", "Pieter van den Berg", "Anouk de Jong", "Mohammed Yilmaz", "Daan Hendriks", "Femke Bos", "Thijs Kok"]
  static let bestuur = ["Burgemeester Willem Dekker"]
  static let juridisch = ["Mr. Ingrid Post", "Mr. Hassan Bouali"]
  static let roles = ["Burgemeester", "Hoofd Juridische Zaken", "Jurist", "Beleidsadviseur", "Teamleider Financiën"]
  static let hiddenDepartments = ["Bestuur", "Juridische Zaken"]

  static func write(_ folder: TemporaryFolder) -> (log: String, people: String) {
    let everyone = financien + sociaal + bestuur + juridisch
    var log = "medewerker;afdeling;project;uren\n"
    var rng = SystemRandomNumberGeneratorSeeded(seed: 11)
    func department(_ name: String) -> String {
      financien.contains(name) ? "Financiën" : sociaal.contains(name) ? "Sociaal Domein" : bestuur.contains(name) ? "Bestuur" : "Juridische Zaken"
    }
    for project in 0 ..< 40 {
      var members = Set<Int>()
      while members.count < 3 { members.insert(Int(rng.next() % UInt64(everyone.count))) }
      for member in members.sorted() {
        // Zoë is written decomposed on every other row.
        let name = everyone[member] == zoeNFC && project % 2 == 1 ? zoeNFD : everyone[member]
        log += "\(name);\(department(everyone[member]));Project \(project);\(1 + rng.next() % 8)\n"
      }
    }
    // The mayor works with everyone in Juridische Zaken and a few others.
    for (i, name) in (juridisch + ["Jan de Vries", "Fatima El Amrani"]).enumerated() {
      log += "\(bestuur[0]);Bestuur;Overleg \(i);2\n\(name);\(department(name));Overleg \(i);2\n"
    }
    var people = "id;afdeling;functie;leidinggevende;email\n"
    for name in everyone {
      let role =
        bestuur.contains(name) ? "Burgemeester" : name == juridisch[0] ? "Hoofd Juridische Zaken" : juridisch.contains(name) ? "Jurist"
        : name == financien[0] ? "Teamleider Financiën" : "Beleidsadviseur"
      let manager = bestuur.contains(name) ? "" : juridisch.contains(name) ? bestuur[0] : financien.contains(name) ? financien[0] : bestuur[0]
      // The people file writes Zoë decomposed.
      let id = name == zoeNFC ? zoeNFD : name
      people += "\(id);\(department(name));\(role);\(manager);\(name.lowercased().replacing(" ", with: "."))@gemeente.nl\n"
    }
    return (folder.write("uren.csv", log), folder.write("medewerkers.csv", people))
  }

  /// Runs analyze into `out` with the key from `keyFile` or from the environment.
  static func analyze(
    _ folder: TemporaryFolder, out: String, keyFile: String?, variable: String?, minimumGroupSize: Int = 5, extra: [String] = []
  ) throws -> CommandResult {
    let (log, people) = (folder.file("uren.csv"), folder.file("medewerkers.csv"))
    var environment = ProcessInfo.processInfo.environment
    environment["SILOSCOPE_PSEUDONYM_KEY"] = variable
    environment["COLUMNS"] = "80"
    var arguments = ["analyze", log, "--people", people, "--pseudonymize", "--min-group-size", String(minimumGroupSize), "--out", out, "--quiet"]
    if let keyFile { arguments += ["--pseudonym-key-file", keyFile] }
    arguments += extra
    let run = try BuiltExecutable.run(arguments, environment: environment, currentDirectory: folder.path)
    return CommandResult(status: run.status, out: run.out, err: run.err)
  }

  @Test("no name, role, manager, e-mail, small department or suppressed person in any byte of any file")
  func everyFile() throws {
    try withTemporaryFolder { folder in
      _ = Self.write(folder)
      let keyFile = folder.write("sleutel.txt", Self.key + "\r\n")
      #expect(chmod(keyFile, 0o600) == 0)
      let run = try Self.analyze(folder, out: "rapport", keyFile: keyFile, variable: nil)
      #expect(run.status == 0, "\(run)")
      let everyone = Self.financien + Self.sociaal + Self.bestuur + Self.juridisch + [Self.zoeNFD]
      let pseudonymizer = Pseudonymizer(key: try PseudonymKey(bytes: Array(Self.key.utf8)))
      let suppressed = (Self.bestuur + Self.juridisch).map { pseudonymizer.pseudonym(for: $0) }
      var forbidden = everyone + everyone.map { $0.lowercased() } + Self.roles + Self.hiddenDepartments + suppressed
      forbidden += [Self.key, "gemeente.nl", "Dekker", "Bouali", "Willem"]
      let folderPath = folder.file("rapport")
      let files = try FileManager.default.contentsOfDirectory(atPath: folderPath).filter { !$0.hasPrefix(".") }
      #expect(Set(files).isSuperset(of: ["report.html", "report.json", "people.csv", "network.graphml", "people.svg", "departments.svg"]))
      for file in files {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: folderPath + "/" + file))
        for word in forbidden {
          for spelling in [word, TextSafety.xmlEscaped(word), word.decomposedStringWithCanonicalMapping] {
            #expect(bytes.range(of: Data(spelling.utf8)) == nil, "\(file) contains \"\(word)\"")
          }
        }
      }
      for text in [run.out, run.err] {
        for word in forbidden { #expect(!text.contains(word), "the terminal shows \"\(word)\"") }
      }

      // Person level: every person shown belongs to a group of at least 5 people shown.
      let peopleCSV = try String(contentsOfFile: folderPath + "/people.csv", encoding: .utf8)
      let rows = peopleCSV.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
      #expect(rows.count == Self.financien.count + Self.sociaal.count)
      let departments = Dictionary(grouping: rows, by: { String($0[1]) }).mapValues(\.count)
      #expect(departments == ["Financiën": 8, "Sociaal Domein": 7], "\(departments)")
      let graphML = try String(contentsOfFile: folderPath + "/network.graphml", encoding: .utf8)
      #expect(graphML.components(separatedBy: "<node ").count - 1 == 15)
      #expect(!graphML.contains("Other departments"))
      let report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folderPath + "/report.json"))) as? [String: Any])
      for (part, key) in [("silos", "nodes"), ("communities", "nodes"), ("brokers", "nodes"), ("brokers", "brokers")] {
        let list = try #require((report[part] as? [String: Any])?[key] as? [[String: Any]])
        let groups = list.compactMap { $0["group"] as? String }
        #expect(!groups.contains("Other departments"), "\(part).\(key)")
        #expect(Set(groups).isSubset(of: ["Financiën", "Sociaal Domein"]), "\(part).\(key): \(Set(groups))")
      }
      let brokers = try #require((report["brokers"] as? [String: Any])?["brokers"] as? [[String: Any]])
      #expect(brokers.compactMap { $0["rank"] as? Int } == Array(1 ... brokers.count))
      let privacy = try #require(report["privacy"] as? [String: Any])
      #expect(privacy["suppressed"] as? Bool == true)
      #expect((privacy["merged_departments"] as? [Any])?.isEmpty == true)
      #expect(privacy["merged_department_count"] as? Int == 2)
      #expect(privacy["roles_kept"] as? Bool == false)
      // The totals keep everyone.
      #expect((report["input"] as? [String: Any])?["people"] as? Int == 18)
      // The person diagrams draw 15 people; the department map 2 departments.
      for svg in ["people.svg", "communities.svg", "top-broker.svg"] where files.contains(svg) {
        let text = try String(contentsOfFile: folderPath + "/" + svg, encoding: .utf8)
        #expect(!text.contains("Other departments"), "\(svg)")
      }
      // Managers are pseudonyms of shown people, or nothing: the mayor and the head of
      // Juridische Zaken are suppressed.
      let managers = Set(graphML.matches(of: /<data key="n\d+">(P-[0-9A-Z]+)<\/data>/).map { String($0.1) })
      let shown = Set(rows.map { String($0[0]) })
      #expect(managers.isSubset(of: shown), "\(managers.subtracting(shown))")
    }
  }

  @Test("NFC and NFD spellings of one name share one pseudonym")
  func oneSpellingOnePseudonym() throws {
    try withTemporaryFolder { folder in
      _ = Self.write(folder)
      let run = try Self.analyze(folder, out: "rapport", keyFile: nil, variable: Self.key)
      #expect(run.status == 0, "\(run)")
      let pseudonymizer = Pseudonymizer(key: try PseudonymKey(bytes: Array(Self.key.utf8)))
      let zoe = pseudonymizer.pseudonym(for: Self.zoeNFC)
      #expect(zoe == pseudonymizer.pseudonym(for: Self.zoeNFD))
      let peopleCSV = try String(contentsOfFile: folder.file("rapport/people.csv"), encoding: .utf8)
      let ids = peopleCSV.split(separator: "\n").dropFirst().map { String($0.prefix { $0 != "," }) }
      #expect(ids.filter { $0 == zoe }.count == 1)
      #expect(Set(ids).count == ids.count)
    }
  }

  @Test("the key from a file (any line ends) and from the variable set from it give the same report")
  func fileAndVariable() throws {
    try withTemporaryFolder { folder in
      _ = Self.write(folder)
      let keyFile = folder.write("sleutel.txt", Self.key + "\r\n\n")
      #expect(chmod(keyFile, 0o600) == 0)
      // What `export SILOSCOPE_PSEUDONYM_KEY="$(cat sleutel.txt)"` sets: the trailing "\n"
      // removed by the shell, the "\r" kept.
      let fromFile = try Self.analyze(folder, out: "a", keyFile: keyFile, variable: nil)
      let fromVariable = try Self.analyze(folder, out: "b", keyFile: nil, variable: Self.key + "\r")
      #expect(fromFile.status == 0 && fromVariable.status == 0, "\(fromFile)\n\(fromVariable)")
      for file in ["people.csv", "network.graphml", "departments.csv"] {
        let a = try Data(contentsOf: URL(fileURLWithPath: folder.file("a/\(file)")))
        let b = try Data(contentsOf: URL(fileURLWithPath: folder.file("b/\(file)")))
        #expect(a == b, "\(file) differs")
      }
    }
  }

  @Test("--keep-role keeps roles and warns that a role held by one person names them")
  func keepRole() throws {
    try withTemporaryFolder { folder in
      let (log, _) = Self.write(folder)
      let run = try Self.analyze(folder, out: "r", keyFile: nil, variable: Self.key, minimumGroupSize: 1, extra: ["--keep-role"])
      #expect(run.status == 0, "\(run)")
      #expect(run.err.contains("--keep-role: 4 roles are held by one person only"), "\(run.err)")
      let graphML = try String(contentsOfFile: folder.file("r/network.graphml"), encoding: .utf8)
      #expect(graphML.contains("Beleidsadviseur"))
      let usage = try BuiltExecutable.run(["analyze", log, "--keep-role", "--out", "r2"], currentDirectory: folder.path)
      #expect(usage.status == 64)
    }
  }

  @Test("a key file others may read gets a warning on standard error")
  func keyFileMode() throws {
    try withTemporaryFolder { folder in
      _ = Self.write(folder)
      let keyFile = folder.write("sleutel.txt", Self.key)
      #expect(chmod(keyFile, 0o644) == 0)
      let run = try Self.analyze(folder, out: "r", keyFile: keyFile, variable: nil)
      #expect(run.status == 0)
      #expect(run.err.contains("the pseudonym key file can be read by other users (mode 644)"), "\(run.err)")
    }
  }
}
