import Foundation
import Testing
import _SiloTestSupport

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// `siloscope analyze`: the consultant's one command, end to end.
@Suite("analyze")
struct AnalyzeCommandTests {
  static let otel = TestDatasets.path("opentelemetry_swift_commits/log.csv")
  static let schemaPath = TestDatasets.root.appendingPathComponent("Schemas/report.schema.json").path
  static let reportFiles = [
    "report.html", "report.json", "people.csv", "departments.csv", "department-matrix.csv", "network.graphml",
    "departments.svg", "people.svg", "communities.svg", "top-broker.svg",
  ]

  static func json(_ path: String) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
  }

  /// Every `<span class="n" data-path=… data-value=…>` of the page.
  static func numberSpans(_ html: String) -> [(path: String, value: String)] {
    let pattern = #/<span class="n" data-path="([^"]+)" data-value="([^"]+)">/#
    return html.matches(of: pattern).map { (String($0.output.1), String($0.output.2)) }
  }

  /// The checks every report must pass: files, schema, and HTML numbers equal to JSON ones.
  static func checkReport(_ folder: String) throws {
    for file in reportFiles {
      #expect(FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(file)), "missing \(file)")
    }
    let report = try json((folder as NSString).appendingPathComponent("report.json"))
    let schema = try #require(try json(schemaPath) as? [String: Any])
    let problems = JSONSchemaCheck.violations(of: report, against: schema)
    #expect(problems.isEmpty, "report.json does not fit Schemas/report.schema.json: \(problems.prefix(5))")

    let html = try String(contentsOfFile: (folder as NSString).appendingPathComponent("report.html"), encoding: .utf8)
    let spans = numberSpans(html)
    #expect(spans.count > 40, "only \(spans.count) traced numbers in the HTML")
    for span in spans {
      let stored = jsonValue(at: span.path, in: report) as? NSNumber
      #expect(stored != nil, "\(span.path) is not a number in report.json")
      // The HTML's text is read with the same JSON parser, so that equal decimal text gives
      // equal doubles (swift-corelibs-foundation's parser is not correctly rounded in the
      // last bit: "0.2826585179526356" becomes 0.28265851795263564 there, and Double("…")
      // gives the correctly rounded 0.2826585179526356).
      let shown = (try? JSONSerialization.jsonObject(with: Data("[\(span.value)]".utf8)) as? [NSNumber])?.first
      if let stored { #expect(stored.doubleValue == shown?.doubleValue, "\(span.path): HTML \(span.value), JSON \(stored)") }
    }
    // Each finding's numbers are the JSON's, and each finding is on the page.
    let findings = try #require((report as? [String: Any])?["findings"] as? [[String: Any]])
    #expect(!findings.isEmpty)
    for finding in findings {
      for part in finding["parts"] as? [[String: Any]] ?? [] {
        guard let path = part["path"] as? String else { continue }
        let stored = jsonValue(at: path, in: report) as? NSNumber
        #expect(stored?.doubleValue == (part["value"] as? NSNumber)?.doubleValue, "finding number \(path)")
      }
    }
    // Self-contained: nothing fetched from elsewhere.
    #expect(!html.contains("src=\"http"))
    #expect(!html.contains("<script"))
    #expect(!html.contains("<link"))
    #expect(html.contains("<svg"))
  }

  @Test("a real log: every file, the schema, and the HTML's numbers equal the JSON's")
  func realDataset() throws {
    try withTemporaryFolder { folder in
      // OpenTelemetry's employers mostly have one or two developers
      // (Datasets/opentelemetry_swift_commits/README.md), so every department is kept.
      let run = try siloscope(["analyze", Self.otel, "--out", "rapport", "--min-group-size", "1"], in: folder)
      #expect(run.status == 0, "\(run)")
      try Self.checkReport(folder.file("rapport"))
      #expect(run.out.hasPrefix("wrote rapport/report.html"))
      #expect(run.out.contains("88 people, 20 departments, 1,533 ties"))
      // Progress with elapsed time on standard error.
      #expect(run.err.contains("s] brokers (betweenness"))
      #expect(run.err.contains("done in"))
    }
  }

  @Test("SOURCE_DATE_EPOCH: the same bytes on every run, dated, without run time; SILOSCOPE_LANGUAGE=nl gives a Dutch report")
  func reproducibleDutch() throws {
    try withTemporaryFolder { folder in
      let environment = ["SOURCE_DATE_EPOCH": "1764892800", "SILOSCOPE_LANGUAGE": "nl"]
      for name in ["a", "b"] {
        let run = try siloscope(["analyze", Self.otel, "--out", name, "--quiet", "--min-group-size", "1"], in: folder, environment: environment)
        #expect(run.status == 0, "\(run)")
        #expect(run.out.contains("andere bestanden geschreven"))
      }
      for file in Self.reportFiles {
        let a = try Data(contentsOf: URL(fileURLWithPath: folder.file("a/\(file)")))
        let b = try Data(contentsOf: URL(fileURLWithPath: folder.file("b/\(file)")))
        #expect(a == b, "\(file) differs between two runs")
      }
      let json = try String(contentsOfFile: folder.file("a/report.json"), encoding: .utf8)
      #expect(json.contains("\"elapsed_seconds\" : null") && json.contains("\"report_date\" : \"2025-12-05\""))
      #expect(json.contains("\"language\" : \"nl\""))
      let html = try String(contentsOfFile: folder.file("a/report.html"), encoding: .utf8)
      #expect(html.contains("<html lang=\"nl\">") && html.contains("Rapport van 5 december 2025"))
      // --language wins over the environment.
      let english = try siloscope(
        ["analyze", Self.otel, "--out", "c", "--quiet", "--min-group-size", "1", "--language", "en"], in: folder, environment: environment)
      #expect(english.status == 0 && english.out.hasPrefix("wrote c/report.html"))
    }
  }

  @Test("the same input and seed give the same report, in separate processes")
  func repeatable() throws {
    try withTemporaryFolder { folder in
      for name in ["a", "b"] {
        let run = try siloscope(["analyze", Self.otel, "--out", name, "--quiet", "--min-group-size", "1"], in: folder)
        #expect(run.status == 0, "\(run)")
      }
      for file in Self.reportFiles {
        var a = try String(contentsOfFile: folder.file("a/\(file)"), encoding: .utf8)
        var b = try String(contentsOfFile: folder.file("b/\(file)"), encoding: .utf8)
        if file == "report.json" || file == "report.html" {
          // The run time is the only thing allowed to differ.
          a = a.replacing(#/"elapsed_seconds" : [0-9.]+|data-path="elapsed_seconds" data-value="[^"]*">[^<]*|"report_date" : "[0-9-]+"|(Report of|on) [0-9]+ [A-Za-z]+ [0-9]+/#, with: "")
          b = b.replacing(#/"elapsed_seconds" : [0-9.]+|data-path="elapsed_seconds" data-value="[^"]*">[^<]*|"report_date" : "[0-9-]+"|(Report of|on) [0-9]+ [A-Za-z]+ [0-9]+/#, with: "")
        }
        #expect(a == b, "\(file) differs between two runs")
      }
    }
  }

  @Test("a generated organization: the same guarantees, and silos found")
  func generated() throws {
    try withTemporaryFolder { folder in
      #expect(try siloscope(["generate", "--people", "300", "--seed", "4", "--output", "org.csv"], in: folder).status == 0)
      let run = try siloscope(["analyze", "org.csv", "--out", "rapport", "--quiet"], in: folder)
      #expect(run.status == 0, "\(run)")
      #expect(run.err.isEmpty, "--quiet printed: \(run.err)")
      try Self.checkReport(folder.file("rapport"))
      let report = try Self.json(folder.file("rapport/report.json"))
      let kinds = ((report as? [String: Any])?["findings"] as? [[String: Any]])?.compactMap { $0["kind"] as? String } ?? []
      // The generator makes departments that keep to themselves (SyntheticOrganization).
      #expect(kinds.contains("silo"))
      #expect(kinds.first == "organization")
    }
  }

  @Test("above the exact limit: KADABRA's ranges and marks in report.json, report.html and brokers, within the schema")
  func guaranteedBrokers() throws {
    try withTemporaryFolder { folder in
      #expect(try siloscope(["generate", "--people", "400", "--seed", "5", "--output", "org.csv"], in: folder).status == 0)
      let run = try siloscope(["analyze", "org.csv", "--out", "rapport", "--quiet", "--exact-limit", "100"], in: folder)
      #expect(run.status == 0, "\(run)")
      try Self.checkReport(folder.file("rapport"))
      let report = try #require(try Self.json(folder.file("rapport/report.json")) as? [String: Any])
      #expect((report["methods"] as? [String: Any])?["betweenness_method"] as? String == "kadabra")
      let brokers = try #require(report["brokers"] as? [String: Any])
      let guarantee = try #require((brokers["graph"] as? [String: Any])?["betweenness_guarantee"] as? [String: Any])
      #expect(guarantee["k"] as? Int == 10 && guarantee["probability"] as? Double == 0.9)
      #expect((guarantee["samples"] as? Int ?? 0) > 0)
      for broker in brokers["brokers"] as? [[String: Any]] ?? [] {
        let value = try #require(broker["betweenness"] as? Double)
        let low = try #require(broker["betweenness_lower"] as? Double), high = try #require(broker["betweenness_upper"] as? Double)
        #expect(low <= value && value <= high)
        #expect(broker["certain_in_top"] is Bool && broker["ahead_of_next"] is Bool)
      }
      let html = try String(contentsOfFile: folder.file("rapport/report.html"), encoding: .utf8)
      #expect(html.contains("with a probability of 90%, each person’s true share lies within the range shown"))
      #expect(html.contains("estimated with KADABRA (Borassi and Natale 2016)"))
      let dutch = try siloscope(["analyze", "org.csv", "--out", "nl", "--quiet", "--exact-limit", "100", "--language", "nl"], in: folder)
      #expect(dutch.status == 0, "\(dutch)")
      let nl = try String(contentsOfFile: folder.file("nl/report.html"), encoding: .utf8)
      #expect(nl.contains("met een kans van 90% ligt het werkelijke aandeel van ieder binnen de getoonde marge"))
      #expect(nl.contains("ligt op naar schatting"))

      let table = try siloscope(["brokers", "org.csv", "--betweenness", "kadabra", "--distance", "hops"], in: folder)
      #expect(table.status == 0, "\(table)")
      #expect(table.out.contains("every exact score lies in its interval (KADABRA"))
      let json = try siloscope(["brokers", "org.csv", "--betweenness", "kadabra", "--format", "json", "--delta", "0.05"], in: folder)
      let document = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
      let stated = (document["graph"] as? [String: Any])?["betweenness_guarantee"] as? [String: Any]
      #expect(stated?["delta"] as? Double == 0.05)
      let bad = try siloscope(["brokers", "org.csv", "--betweenness", "kadabra", "--delta", "1"], in: folder)
      #expect(bad.status == 64 && bad.err.contains("--delta"))
    }
  }

  static let names = [
    "Jan de Vries", "Ruud Ünal", "Fatima El Amrani", "Sanne Bakker", "Pieter van den Berg", "Zoë Jansen", "Mohammed Yilmaz",
    "Anouk de Jong", "Kees Visser", "Lotte Smit", "Bram Mulder", "Eva de Groot",
  ]

  /// A small organization with real-looking names, e-mail addresses and managers.
  static func writeOrganization(_ folder: TemporaryFolder) -> (log: String, people: String) {
    var log = "medewerker;project;uren\n"
    var rng = SystemRandomNumberGeneratorSeeded(seed: 7)
    for project in 0 ..< 30 {
      var members = Set<Int>()
      while members.count < 3 { members.insert(Int(rng.next() % UInt64(names.count))) }
      for member in members.sorted() { log += "\(names[member]);P\(project);\(1 + rng.next() % 8)\n" }
    }
    var people = "id;afdeling;manager;email\n"
    for (i, name) in names.enumerated() {
      let department = i < 6 ? "Financiën" : "Burgerzaken"
      let email = name.lowercased().replacing(" ", with: ".") + "@gemeente.nl"
      people += "\(name);\(department);\(names[i < 6 ? 0 : 6]);\(email)\n"
    }
    return (folder.write("uren.csv", log), folder.write("medewerkers.csv", people))
  }

  @Test("--pseudonymize: no name, e-mail address or key in any byte of any output")
  func pseudonymized() throws {
    try withTemporaryFolder { folder in
      let (log, people) = Self.writeOrganization(folder)
      let key = "geheime-sleutel-voor-de-test-2026"
      var environment = ProcessInfo.processInfo.environment
      environment["SILOSCOPE_PSEUDONYM_KEY"] = key
      environment["COLUMNS"] = "80"
      for name in ["a", "b"] {
        let run = try BuiltExecutable.run(
          ["analyze", log, "--people", people, "--pseudonymize", "--out", name, "--quiet"], environment: environment,
          currentDirectory: folder.path)
        #expect(run.status == 0, "\(run)")
        #expect(!Self.names.contains { run.out.contains($0) || run.err.contains($0) })
      }
      let forbidden = Self.names + Self.names.map { $0.lowercased().replacing(" ", with: ".") } + [key, "gemeente.nl"]
      let files = try FileManager.default.contentsOfDirectory(atPath: folder.file("a"))
      #expect(files.count >= Self.reportFiles.count)
      for file in files {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: folder.file("a/\(file)")))
        for word in forbidden {
          #expect(bytes.range(of: Data(word.utf8)) == nil, "\(file) contains \"\(word)\"")
          // Also as XML/HTML would escape it (the apostrophe-free names only differ in ë/Ü).
          #expect(bytes.range(of: Data(word.replacing("ë", with: "&#235;").utf8)) == nil)
        }
      }
      // Keyed and stable: the same key gives the same pseudonyms; they look like P-….
      let a = try String(contentsOfFile: folder.file("a/people.csv"), encoding: .utf8)
      let b = try String(contentsOfFile: folder.file("b/people.csv"), encoding: .utf8)
      #expect(a == b)
      #expect(a.split(separator: "\n").dropFirst().allSatisfy { $0.hasPrefix("P-") })
      // People are listed in pseudonym order, not in the input's (alphabetical) order.
      let ids = a.split(separator: "\n").dropFirst().map { String($0.prefix { $0 != "," }) }
      #expect(ids == ids.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
      try Self.checkReport(folder.file("a"))
    }
  }

  @Test("--pseudonymize without a key is a usage error, and nothing is written")
  func pseudonymizeWithoutKey() throws {
    try withTemporaryFolder { folder in
      let (log, people) = Self.writeOrganization(folder)
      var environment = ProcessInfo.processInfo.environment
      environment["SILOSCOPE_PSEUDONYM_KEY"] = nil
      let run = try BuiltExecutable.run(
        ["analyze", log, "--people", people, "--pseudonymize", "--out", "r"], environment: environment, currentDirectory: folder.path)
      #expect(run.status == 64, "\(run.status) \(run.err)")
      #expect(run.err.contains("SILOSCOPE_PSEUDONYM_KEY"))
      #expect(run.err.contains("--pseudonym-key-file"))
      #expect(!FileManager.default.fileExists(atPath: folder.file("r")))
    }
  }

  @Test("--min-group-size: a department too small even when merged is left out of every department-level output")
  func suppressed() throws {
    try withTemporaryFolder { folder in
      var log = "person,department,project\n"
      for p in 0 ..< 20 {
        for i in 0 ..< 3 { log += "A\((p + i) % 8),Alpha,p\(p)\n" }
        log += "B\(p % 8),Beta,p\(p)\n"
        log += "B\((p + 3) % 8),Beta,q\(p)\nB\((p + 5) % 8),Beta,q\(p)\n"
      }
      log += "G1,Gamma,p1\nG2,Gamma,p2\nG1,Gamma,q3\nG2,Gamma,q3\n"
      folder.write("uren.csv", log)
      let run = try siloscope(["analyze", "uren.csv", "--out", "r", "--quiet"], in: folder)
      #expect(run.status == 0, "\(run)")
      let report = try #require(try Self.json(folder.file("r/report.json")) as? [String: Any])
      let privacy = try #require(report["privacy"] as? [String: Any])
      #expect(privacy["suppressed"] as? Bool == true)
      #expect(privacy["merged_into"] as? String == "Other departments")
      for file in ["departments.csv", "department-matrix.csv"] {
        let text = try String(contentsOfFile: folder.file("r/\(file)"), encoding: .utf8)
        #expect(!text.contains("Other departments") && !text.contains("Gamma"), "\(file) shows the small group")
      }
      // The department map draws Alpha and Beta only, and says under its legend what is left out.
      let map = try String(contentsOfFile: folder.file("r/departments.svg"), encoding: .utf8)
      #expect(map.components(separatedBy: "class=\"node\"").count - 1 == 2)
      // The legend's note is wrapped: its lines read as one text.
      let legend = map.matches(of: #/<text[^>]*>([^<]*)</text>/#).map { String($0.1) }.joined(separator: " ")
      #expect(legend.contains("Other departments (fewer than 5 people) is left out."))
      #expect(!map.contains("Gamma"))
      let silos = try #require(report["silos"] as? [String: Any])
      let groups = (silos["groups"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
      #expect(groups == ["Alpha", "Beta"])
      let html = try String(contentsOfFile: folder.file("r/report.html"), encoding: .utf8)
      #expect(html.contains("so it and its people are left out of every table, list, file and diagram that shows departments or people"))
      #expect(!html.contains("Gamma"))
      // Its people are in no person-level output.
      let people = try String(contentsOfFile: folder.file("r/people.csv"), encoding: .utf8)
      #expect(!people.contains("G1") && !people.contains("G2") && !people.contains("Other departments"))
      try Self.checkReport(folder.file("r"))
    }
  }

  @Test("--csv excel-nl: semicolons, decimal commas, a BOM, headings in the report's language and 4 significant digits")
  func dutchExcel() throws {
    try withTemporaryFolder { folder in
      let run = try siloscope(
        ["analyze", TestDatasets.path("davis_southern_women/log.csv"), "--out", "r", "--quiet", "--csv", "excel-nl", "--min-group-size", "1",
         "--language", "nl"],
        in: folder)
      #expect(run.status == 0, "\(run)")
      let bytes = try Data(contentsOf: URL(fileURLWithPath: folder.file("r/people.csv")))
      #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
      let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
      let lines = text.split(separator: "\n")
      #expect(lines.first == "Persoon;Afdeling;Samenwerkingsgroep;Contacten;Gewicht relaties;Tussenpositie;Constraint;Effectieve omvang;Makelaarsrol;Scharnierpunt")
      // No measure carries more than 4 significant digits ("0,2345", never 17 digits).
      for line in lines.dropFirst() {
        for cell in line.split(separator: ";").dropFirst(5).prefix(3) where cell.contains(",") {
          let digits = cell.filter(\.isNumber).drop { $0 == "0" }
          #expect(digits.count <= 4, "\(cell)")
        }
      }
      let departments = try String(contentsOfFile: folder.file("r/departments.csv"), encoding: .utf8)
      #expect(departments.split(separator: "\n").first?.hasSuffix("Afdeling;Medewerkers;Relaties binnen;Relaties buiten;Aandeel binnen;Oordeel;E-I;E-I marge laag;E-I marge hoog;E-I bij toeval;p;Dichtheid binnen;Bijdrage modulariteit") == true)
      // Davis: 18 women (Datasets/davis_southern_women/README.md), each with a decimal-comma
      // constraint such as 0,2345 and no decimal point anywhere.
      #expect(lines.count == 19)
      #expect(lines.dropFirst().allSatisfy { $0.split(separator: ";", omittingEmptySubsequences: false).count == 10 })
      #expect(lines.dropFirst().contains { $0.contains(",") })
      #expect(!lines.dropFirst().contains { $0.contains(".") })
      // The standard dialect stays RFC 4180.
      let standard = try siloscope(
        ["analyze", TestDatasets.path("davis_southern_women/log.csv"), "--out", "s", "--quiet", "--min-group-size", "1"], in: folder)
      #expect(standard.status == 0)
      let plain = try String(contentsOfFile: folder.file("s/people.csv"), encoding: .utf8)
      #expect(plain.hasPrefix("id,department,community"))
    }
  }

  @Test("names are escaped in HTML and SVG and defused in CSV")
  func hostileNames() throws {
    try withTemporaryFolder { folder in
      var log = "person,department,project\n"
      let hostile = ["<script>alert(1)</script>", "=HYPERLINK(\"http://x\")", "Ruud & <Ünal>", "@SUM(A1)"]
      for p in 0 ..< 12 {
        log += "\"\(hostile[p % 4].replacing("\"", with: "\"\""))\",Team <A>,p\(p)\n"
        for i in 0 ..< 5 { log += "a\((p + i) % 6),Team <A>,p\(p)\n" }
        for i in 0 ..< 5 { log += "b\((p + i) % 6),Team & B,p\(p)\n" }
      }
      folder.write("uren.csv", log)
      let run = try siloscope(["analyze", "uren.csv", "--out", "r", "--quiet"], in: folder)
      #expect(run.status == 0, "\(run)")
      let html = try String(contentsOfFile: folder.file("r/report.html"), encoding: .utf8)
      #expect(!html.contains("<script>"))
      #expect(!html.contains("<Ünal>"))
      #expect(!html.contains("Team <A>"))
      let people = try String(contentsOfFile: folder.file("r/people.csv"), encoding: .utf8)
      #expect(!people.contains("\n=") && !people.contains("\n@") && !people.contains("\n\"="))
      #expect(people.contains("'=HYPERLINK") && people.contains("'@SUM(A1)"))
      for svg in ["people.svg", "departments.svg"] {
        let data = try Data(contentsOf: URL(fileURLWithPath: folder.file("r/\(svg)")))
        let parser = XMLParser(data: data)
        #expect(parser.parse(), "\(svg) is not well-formed XML")
      }
    }
  }

  struct BadInput: Sendable, CustomTestStringConvertible {
    var name: String
    var log: String?
    var status: Int32
    var message: String
    var testDescription: String { name }
  }

  static let badInputs: [BadInput] = [
    BadInput(name: "missing file", log: nil, status: 66, message: "uren.csv: no such file"),
    BadInput(name: "no department column, no people file", log: "person,project\na,p\nb,p\n", status: 65, message: "no departments"),
    BadInput(name: "one department", log: "person,department,project\na,X,p\nb,X,p\nc,X,q\n", status: 65, message: "one department"),
    BadInput(name: "one person", log: "person,department,project\na,X,p\na,X,q\n", status: 65, message: "one person"),
    BadInput(name: "no ties at all", log: "person,department,project\na,X,p\nb,Y,q\nc,Y,r\n", status: 65, message: "no ties at all"),
    BadInput(name: "not a log", log: "\"unterminated,quote\n", status: 65, message: "uren.csv:"),
  ]

  @Test("bad input: a clear message, a sysexits code and no output folder", arguments: badInputs)
  func badInput(_ bad: BadInput) throws {
    try withTemporaryFolder { folder in
      if let log = bad.log { folder.write("uren.csv", log) }
      let run = try siloscope(["analyze", "uren.csv", "--out", "r", "--quiet"], in: folder)
      #expect(run.status == bad.status, "\(run)")
      #expect(run.err.contains(bad.message), "\(run.err)")
      #expect(!FileManager.default.fileExists(atPath: folder.file("r")))
      let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != "uren.csv" }
      #expect(leftovers.isEmpty, "left behind: \(leftovers)")
    }
  }

  @Test("an unreadable log (a folder) exits 66 and writes nothing")
  func unreadable() throws {
    try withTemporaryFolder { folder in
      try FileManager.default.createDirectory(atPath: folder.file("uren.csv"), withIntermediateDirectories: false)
      let run = try siloscope(["analyze", "uren.csv", "--out", "r"], in: folder)
      #expect(run.status == 66, "\(run)")
      #expect(!FileManager.default.fileExists(atPath: folder.file("r")))
    }
  }

  @Test("an existing folder SiloScope did not write is left alone (73); its own report is replaced")
  func existingFolder() throws {
    try withTemporaryFolder { folder in
      try FileManager.default.createDirectory(atPath: folder.file("mijn-map"), withIntermediateDirectories: false)
      folder.write("mijn-map/notities.txt", "van mij")
      let refused = try siloscope(["analyze", Self.otel, "--out", "mijn-map", "--quiet", "--min-group-size", "1"], in: folder)
      #expect(refused.status == 73, "\(refused)")
      #expect(try String(contentsOfFile: folder.file("mijn-map/notities.txt"), encoding: .utf8) == "van mij")
      for _ in 0 ..< 2 {
        let run = try siloscope(["analyze", Self.otel, "--out", "r", "--quiet", "--min-group-size", "1"], in: folder)
        #expect(run.status == 0, "\(run)")
      }
    }
  }
}

/// SplitMix64 for test data that must be the same on every run.
struct SystemRandomNumberGeneratorSeeded: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
