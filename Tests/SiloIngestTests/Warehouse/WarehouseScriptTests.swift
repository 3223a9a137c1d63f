import Foundation
import Testing
import SiloGraph
import _SiloTestSupport

@testable import SiloIngest

/// The SQL of `siloscope sql`. That the engines give the same ties as `siloscope build` is
/// checked by Tests/Warehouse/check_sql.py (DuckDB in make test, Spark in make check-spark);
/// these tests check what can be checked without an engine.
@Suite("Warehouse SQL")
struct WarehouseScriptTests {
  static func input(_ header: String, options: LogReadOptions = LogReadOptions()) throws -> WarehouseInput {
    let folder = TemporaryFolder()
    defer { folder.remove() }
    let path = folder.write("log.csv", header + "\nM1;Wonen;P1;2025-01-01;7,5\n")
    return try WarehouseInput(sample: path, location: .files("/data/log.csv"), options: options)
  }

  @Test("The sample's header decides the columns, delimiter and decimal comma, as the reader does")
  func sampleHeader() throws {
    let input = try Self.input("Medewerker;Afdeling;Zaak;Datum;Uren")
    #expect(input.columns == [.person: "Medewerker", .department: "Afdeling", .project: "Zaak", .date: "Datum", .weight: "Uren"])
    #expect(input.delimiter == ";")
    #expect(input.decimalComma)
    #expect(input.header?.count == 5)
  }

  @Test("A header without a project column is the reader's error")
  func missingProject() throws {
    #expect(throws: IngestError.self) { try Self.input("Medewerker;Afdeling;Datum") }
  }

  @Test("Named columns without a sample need the person and the project")
  func namedColumns() throws {
    #expect(throws: IngestError.self) {
      try WarehouseInput(location: .table("hr.uren"), columns: [.person: "medewerker"], options: LogReadOptions())
    }
    let input = try WarehouseInput(
      location: .table("hr.uren"), columns: [.person: "medewerker", .project: "zaak"], options: LogReadOptions())
    #expect(input.header == nil)
    #expect(input.decimalComma == false)
  }

  @Test("What the SQL cannot do exactly is refused with the reason", arguments: WarehouseEngine.allCases)
  func inexpressible(engine: WarehouseEngine) throws {
    var options = LogReadOptions()
    options.duplicates = .drop
    let table = try WarehouseInput(location: .table("hr.uren"), columns: [.person: "p", .project: "q"], options: options)
    #expect(throws: WarehouseError.self) {
      try WarehouseScript(engine: engine, input: table, projection: ProjectionOptions(), output: "out").text()
    }
    let badName = try WarehouseInput(location: .table("hr.uren; DROP TABLE x"), columns: [.person: "p", .project: "q"], options: LogReadOptions())
    #expect(throws: WarehouseError.self) {
      try WarehouseScript(engine: engine, input: badName, projection: ProjectionOptions(), output: "out").text()
    }
  }

  @Test("Names and paths in the header comment cannot end the comment")
  func commentLines() {
    let line = WarehouseScript.commentLine("-- Reads: /data/a\nDROP TABLE x;\r\u{2028}b")
    #expect(!line.contains("\n") && !line.contains("\r") && !line.contains("\u{2028}"))
  }

  @Test("Pseudonyms: the script holds the key check, never the key", arguments: WarehouseEngine.allCases)
  func keyNotInScript(engine: WarehouseEngine) throws {
    let input = try Self.input("person;department;project;date;hours")
    let check = String(repeating: "ab", count: 32)
    let text = try WarehouseScript(
      engine: engine, input: input, projection: ProjectionOptions(), output: "out",
      pseudonyms: WarehousePseudonyms(keyCheck: check)
    ).text()
    #expect(text.contains(check))
    #expect(text.contains(engine.dialect.keyParameter))
  }

  @Test("Every weighting and option gives a script for every engine", arguments: WarehouseEngine.allCases)
  func everyOption(engine: WarehouseEngine) throws {
    var options = LogReadOptions()
    options.duplicates = .drop
    let input = try Self.input("person;department;project;date;hours;note", options: options)
    for weighting in ProjectionWeighting.allCases {
      var projection = ProjectionOptions()
      projection.weighting = weighting
      projection.minimumWeight = 0.25
      projection.from = LogDate("2025-01-01")
      projection.to = LogDate("2025-12-31")
      projection.maximumProjectSize = 40
      let text = try WarehouseScript(engine: engine, input: input, projection: projection, output: "out").text()
      #expect(text.contains("DATE '2025-01-01'") && text.contains("<= 40") && text.contains("'0.25'"))
    }
  }
}

/// A one-scalar string (Swift refuses noncharacters in literals).
private func scalar(_ value: UInt32) -> String { String(Unicode.Scalar(value)!) }

/// The name rule's regular expressions (NameRuleClasses and the patterns WarehouseScript
/// applies) give what ``Names/normalized(_:)`` gives. ICU's regular expressions read `\x{…}`
/// and `$1` as Java's (Spark) and, for these patterns, as RE2 (DuckDB, BigQuery).
@Suite("Warehouse SQL: the name rule as regular expressions")
struct NameRuleClassesTests {
  @Test("The classes computed from the candidates equal those computed from every code point")
  func candidatesSuffice() {
    let every = Array(UInt32(0) ... 0x10FFFF)
    let predicates: [(Unicode.Scalar) -> Bool] = [
      { Names.isSpace($0) },
      { InvisibleCharacters.contains($0) && !Names.isSpace($0) && $0.value != 0x200C && $0.value != 0x200D },
      { $0.value < 0x590 || InvisibleCharacters.contains($0) || $0.properties.isWhitespace },
    ]
    for predicate in predicates {
      #expect(NameRuleClasses.ranges(where: predicate) == NameRuleClasses.ranges(where: predicate, among: every))
    }
  }

  static func replace(_ text: String, _ pattern: String, _ template: String) -> String {
    let expression = try! NSRegularExpression(pattern: pattern)
    return expression.stringByReplacingMatches(
      in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
  }

  /// The steps of WarehouseScript.normalizedName(_:_:), with ICU, without NFC's last step.
  static func ruleWithoutNFC(_ text: String) -> String {
    var s = replace(text, "(^|" + NameRuleClasses.joinerDoesNotShowAfter + ")[\\x{200C}\\x{200D}]+", "$1")
    s = replace(s, NameRuleClasses.invisible, "")
    s = replace(s, NameRuleClasses.space + "+", " ")
    return replace(s, "^ | $", "")
  }

  @Test(
    "Hostile spellings normalize as the readers normalize them",
    arguments: [
      "Zoë de Vries", " Zoë\u{00A0}de  Vries ", "Zo\u{200B}ë", "\u{FEFF}Jan\tJansen", "Pim\u{200D} Jansen",
      "\u{0628}\u{200C}\u{0627}", "\u{0628}\u{200C}\u{200C}\u{0627}", "\u{200D}\u{200D}a", "a\u{200B}\u{200D}b",
      "\u{202E}evil\u{202C}", "x" + scalar(0xFDD0) + "y" + scalar(0x10FFFF) + "z", "\u{0085}a\u{2028}b\u{3000}", "👩🏽\u{200D}💻", "a\u{00AD}b",
      "\u{1680}Ogham\u{180E}", "\u{0001}ctrl\u{007F}", scalar(0xFFFE), "",
    ])
  func hostile(_ text: String) {
    #expect(Self.ruleWithoutNFC(text).precomposedStringWithCanonicalMapping == Names.normalized(text))
  }
}
