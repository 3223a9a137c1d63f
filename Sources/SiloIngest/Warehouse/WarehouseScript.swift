import Foundation
import SiloGraph

/// Why a script cannot be written: the SQL cannot express what was asked.
public enum WarehouseError: Error, Sendable, Hashable, CustomStringConvertible {
  /// A choice the engine's SQL cannot carry out exactly as SiloScope does; `reason` says why
  /// and what to do instead.
  case inexpressible(String)

  public var description: String {
    switch self {
    case .inexpressible(let reason): return reason
    }
  }

  /// Always `FailureKind.invalidRequest`: the script cannot say what was asked.
  public var kind: FailureKind { .invalidRequest }
}

/// How the script pseudonymizes people: the key is never in the script; the user binds it
/// (DuckDB: the variable `siloscope_key`; Spark SQL: the session variable `siloscope_key`;
/// BigQuery: the query parameter `@siloscope_key`) and the script checks it against
/// ``keyCheck``.
public struct WarehousePseudonyms: Sendable, Hashable {
  /// The text whose HMAC under the key the script compares with ``keyCheck`` before it
  /// writes anything, so that a wrong key stops the script instead of giving other
  /// pseudonyms.
  public static let keyCheckMessage = "SiloScope pseudonym key check"
  /// HMAC-SHA-256(key, ``keyCheckMessage``) in lowercase hexadecimal. HMAC is a
  /// pseudorandom function, so this value tells nothing about the key.
  public var keyCheck: String

  public init(keyCheck: String) { self.keyCheck = keyCheck }
}

/// The log-to-ties projection as one SQL script for DuckDB, Spark SQL or BigQuery.
///
/// The script reads the log where it lives and writes two CSV outputs that SiloScope reads as
/// they are (`--edges OUT/edges.csv --nodes OUT/nodes.csv`):
/// - `edges.csv`: `source,target,weight`, one line per tie, the person first seen in the log
///   as source, in SiloScope's order;
/// - `nodes.csv`: `id` and, when the log has departments, `department`, everyone in the log
///   (people without ties included) in order of first appearance;
/// - with ``period``, `log.csv`: the log reduced to one row per person, project and calendar
///   period, which `trend` and `analyze` read as the whole log (for periods of that length or
///   longer: they give the same measures, margins and communities; only row counts differ).
///
/// It applies SiloScope's own rules, step by step, and is tested against `siloscope build`
/// (same pairs, weights equal to 10⁻¹² relative) on real and generated logs:
/// - reading (``ProjectLogReader``): fields trimmed of spaces and tabs; rows without a person
///   or a project, with a name over 1,024 bytes, with a weight that is missing, not a
///   number, zero, negative or outside ``WeightRange``, or with a date that is not a date
///   are skipped; numbers with a decimal comma where asked; dates `yyyy-mm-dd` or
///   `dd-mm-yyyy` (also with `/` or `.`, a time cut off); rows repeating an earlier row
///   kept or dropped (``DuplicatePolicy``); names under ``Names``' rule;
/// - each person's department by majority (``ProjectLog/init(entries:)``);
/// - the projection (``ProjectLog/projected(_:threads:)`` and ``ProjectionWeighting``): the date
///   window, a person's hours on a project summed, the project-size cut, the weighting, the
///   minimum weight.
///
/// Where an engine cannot do a step exactly, ``WarehouseEngine`` says so.
public struct WarehouseScript: Sendable {
  public var engine: WarehouseEngine
  public var input: WarehouseInput
  public var projection: ProjectionOptions
  /// The folder (or URI prefix) the engine writes `edges.csv` and `nodes.csv` into.
  public var output: String
  public var pseudonyms: WarehousePseudonyms?
  /// Whether the engine compresses what it writes with gzip (`edges.csv.gz` in DuckDB,
  /// `part-*.csv.gz` in Spark and BigQuery); SiloScope reads both as they are.
  public var gzip = false
  /// When set, the script also writes `log.csv`: the log reduced to one row per person,
  /// project and calendar period of this unit, with the period's first day as the date, the
  /// hours summed and each person's department on every row. `siloscope trend` and `analyze`
  /// read it as a log and give what they give on the whole log, for periods of this unit or
  /// coarser ones (months nest in quarters, quarters in years).
  public var period: PeriodSpec.CalendarUnit? = nil
  /// The first line of the script's header, naming the program that wrote it.
  public var generator = "SiloScope"

  public init(
    engine: WarehouseEngine, input: WarehouseInput, projection: ProjectionOptions, output: String,
    pseudonyms: WarehousePseudonyms? = nil
  ) {
    self.engine = engine
    self.input = input
    self.projection = projection
    self.output = output
    self.pseudonyms = pseudonyms
  }

  /// The script.
  ///
  /// - Throws: ``WarehouseError/inexpressible(_:)`` for rows compared whole (`drop`
  ///   duplicates) when the log's columns are unknown, for a table name that is not a plain
  ///   name, and for UTF-16 files in BigQuery.
  public func text() throws(WarehouseError) -> String {
    try check()
    let d = engine.dialect
    var statements: [String] = []
    statements += d.readSource(resolvedInput(d))
    if let pseudonyms { statements += keyStatements(d, pseudonyms) }
    statements.append(d.materialize("siloscope_fields", fieldsSelect(d)))
    statements.append(d.materialize("siloscope_rows", rowsSelect(d)))
    if !engine.normalizesNames { statements.append(decomposedNamesCheck(d)) }
    statements.append(d.materialize("siloscope_people", peopleSelect(d)))
    if pseudonyms != nil {
      statements.append(
        d.fail(
          when: "pseudonyms < people",
          message: "two people got the same pseudonym (a chance of about n²/2⁵¹); let SiloScope pseudonymize this log",
          from: "(SELECT COUNT(DISTINCT pseudonym) AS pseudonyms, COUNT(*) AS people FROM siloscope_people) AS counted"))
    }
    if input.columns[.department] != nil { statements.append(d.materialize("siloscope_departments", departmentsSelect())) }
    statements.append(d.materialize("siloscope_hours", hoursSelect()))
    statements.append(d.materialize("siloscope_members", membersSelect()))
    statements.append(d.materialize("siloscope_ties", tiesSelect(d)))
    statements.append(d.write(edgesSelect(d), to: outputPath("edges.csv"), gzip: gzip))
    statements.append(d.write(nodesSelect(d), to: outputPath("nodes.csv"), gzip: gzip))
    if let period { statements.append(d.write(reducedLogSelect(d, period), to: outputPath("log.csv"), gzip: gzip)) }
    return header(d).map(Self.commentLine).joined(separator: "\n") + "\n\n" + statements.joined(separator: "\n\n") + "\n"
  }

  private func check() throws(WarehouseError) {
    if input.duplicates == .drop && input.header == nil {
      throw .inexpressible(
        "dropping repeated rows compares every column of a row, and SiloScope has not seen the log's columns: "
          + "give a local copy of the log (its header is enough), or keep repeated rows")
    }
    if case .table(let name) = input.location, !Self.isPlainTableName(name) {
      throw .inexpressible(
        "the table name \"\(name)\" is not a plain name: letters, digits, _ and -, parts separated by dots")
    }
    if engine == .bigquery && input.encoding == .utf16 && input.format == .csv {
      throw .inexpressible("BigQuery reads UTF-16 only without a byte-order mark; save the log as CSV UTF-8")
    }
  }

  static func isPlainTableName(_ name: String) -> Bool {
    !name.isEmpty && !name.hasPrefix(".") && !name.hasSuffix(".") && !name.contains("..")
      && name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0" ... "9").contains($0) || "_-.".unicodeScalars.contains($0) }
  }

  /// The input with a table name quoted for the engine.
  private func resolvedInput(_ d: any SQLDialect) -> WarehouseInput {
    guard case .table(let name) = input.location else { return input }
    var resolved = input
    let parts = name.split(separator: ".").map(String.init)
    resolved.location = .table(engine == .bigquery ? d.identifier(name) : parts.map(d.identifier).joined(separator: "."))
    return resolved
  }

  /// The name of an output as the engine writes it: a file in DuckDB (`.gz` when compressed),
  /// a folder of part files in Spark and BigQuery.
  private func outputName(_ file: String) -> String { gzip && engine == .duckdb ? file + ".gz" : file }

  private func outputPath(_ file: String) -> String {
    output.hasSuffix("/") ? output + file : output + "/" + file
  }

  // MARK: - Reading

  /// A field as text, as read ("" when empty or NULL).
  private func raw(_ column: String, _ d: any SQLDialect) -> String {
    "COALESCE(\(d.text("siloscope_source.\(column)")), '')"
  }

  /// A field as text without the spaces and tabs around it ("" when empty or NULL).
  private func trimmed(_ column: String, _ d: any SQLDialect) -> String {
    d.replaceAll(raw(column, d), pattern: "^[ \\t]+|[ \\t]+$", replacement: "")
  }

  /// Step 1: each row's number and its fields as trimmed text; with `drop`, every column.
  private func fieldsSelect(_ d: any SQLDialect) -> String {
    var columns = ["\(d.rowNumber) AS r"]
    for role in LogColumn.allCases {
      let value = input.column(role, d).map { trimmed($0, d) } ?? "''"
      columns.append("\(value) AS \(role.rawValue)_text")
    }
    if input.duplicates == .drop {
      for role in Self.nameRoles.sorted(by: { $0.rawValue < $1.rawValue }) {
        let value = input.column(role, d).map { raw($0, d) } ?? "''"
        columns.append("\(value) AS \(role.rawValue)_raw")
      }
    }
    for index in otherColumns() {
      columns.append("\(raw(input.column(at: index, d), d)) AS \(Self.otherName(index))")
    }
    return "SELECT " + columns.joined(separator: ",\n  ") + "\nFROM siloscope_source"
  }

  private static let nameRoles: Set<LogColumn> = [.person, .project, .department]

  /// Step 2: the rows the reader uses, names normalized, weight and day parsed; with `drop`,
  /// the first of each set of repeated rows.
  private func rowsSelect(_ d: any SQLDialect) -> String {
    let limit = ProjectLogReader.maximumNameBytes
    let hasWeight = input.columns[.weight] != nil
    var keep = [
      "person_text <> ''", "\(d.byteLength("person_text")) <= \(limit)",
      "project_text <> ''", "\(d.byteLength("project_text")) <= \(limit)",
      "\(d.byteLength("department_text")) <= \(limit)",
      "(date_text = '' OR day IS NOT NULL)",
    ]
    if hasWeight { keep.append("weight >= \(WeightRange.smallest) AND weight <= \(WeightRange.largest)") }
    let others = otherColumns().map(Self.otherName)
    let carried = (input.duplicates == .drop ? ["person_raw", "project_raw", "department_raw"] + others : []).map { ", " + $0 }.joined()
    let cut = d.replaceAll("date_text", pattern: "[T ].*$", replacement: "")
    let parsed = """
      SELECT r, person_text, project_text, department_text, date_text, \(hasWeight ? weightExpression(d) : d.double("1")) AS weight, \(dayExpression(d)) AS day\(carried)
      FROM (
        SELECT *, \(datePartsColumns(d))
        FROM (SELECT *, \(d.replaceAll(cut, pattern: "[/.]", replacement: "-")) AS date_dashed, \(d.matches(cut, pattern: Self.datePattern)) AS date_shaped FROM siloscope_fields) AS cut
      ) AS parts
      """
    let named = """
      SELECT r, \(normalizedName("person_text", d)) AS person, \(normalizedName("project_text", d)) AS project,
        CASE WHEN department_text = '' THEN '' ELSE \(normalizedName("department_text", d)) END AS department_name,
        person_text, project_text, department_text, weight, day\(carried)
      FROM (\(parsed)) AS parsed
      WHERE \(keep.joined(separator: " AND "))
      """
    let columns = "r, person, project, CASE WHEN department_name = '' THEN NULL ELSE department_name END AS department, weight, day"
    guard input.duplicates == .drop else {
      return "SELECT \(columns)\nFROM (\(named)) AS named\nWHERE person <> '' AND project <> ''"
    }
    // Rows are compared as read; when one of its names is not written as its normalized form,
    // the row's names are compared normalized (an empty department as read), as the reader
    // does: the first of each set of equal rows stays.
    let changed = "(person <> person_text OR project <> project_text OR (department_text <> '' AND department_name <> department_text))"
    let partition = [
      "CASE WHEN \(changed) THEN person ELSE person_raw END",
      "CASE WHEN \(changed) THEN project ELSE project_raw END",
      "CASE WHEN \(changed) AND department_name <> '' THEN department_name ELSE department_raw END",
    ] + others
    return """
      SELECT r, person, project, department, weight, day FROM (
        SELECT \(columns), ROW_NUMBER() OVER (PARTITION BY \(partition.joined(separator: ", ")) ORDER BY r) AS copy
        FROM (\(named)) AS named
        WHERE person <> '' AND project <> ''
      ) AS numbered
      WHERE copy = 1
      """
  }

  /// For an engine without Unicode normalization: stop when a name holds a combining
  /// diacritical mark (U+0300–U+036F), the form in which a name such as "Zoë" may be written
  /// decomposed ("e" + U+0308); without NFC the two spellings would be two people.
  private func decomposedNamesCheck(_ d: any SQLDialect) -> String {
    let mark = "[\\x{300}-\\x{36f}]"
    let names = ["person", "project", "department"].map { "\(d.matches("COALESCE(\($0), '')", pattern: mark))" }
    return d.fail(
      when: "decomposed > 0",
      message: "a name holds a combining mark (such as e + U+0308 for ë): \(engine.displayName) cannot put names in Unicode NFC "
        + "as SiloScope does, so two spellings of one name would count as two people; convert the log to NFC first "
        + "(uconv -x any-nfc, or Python's unicodedata.normalize), or run the DuckDB or BigQuery script",
      from: "(SELECT COUNT(*) AS decomposed FROM siloscope_rows WHERE \(names.joined(separator: " OR "))) AS marks")
  }

  /// The header's columns other than the names, which ``fieldsSelect(_:)`` carries for
  /// comparing rows.
  private func otherColumns() -> [Int] {
    guard input.duplicates == .drop, let header = input.header else { return [] }
    return header.indices.filter { index in
      !Self.nameRoles.contains { input.columns[$0] == header[index] }
    }
  }

  /// The name under which the steps carry the header's column `index` for comparing rows.
  private static func otherName(_ index: Int) -> String { "k\(index)" }

  /// `yyyy-mm-dd` or `dd-mm-yyyy` with one separator (`-`, `/` or `.`) used twice, numbers of
  /// one to four digits (``FieldParsing``'s date rule).
  static let datePattern =
    "^([0-9]{1,4}-[0-9]{1,4}-[0-9]{1,4}|[0-9]{1,4}/[0-9]{1,4}/[0-9]{1,4}|[0-9]{1,4}[.][0-9]{1,4}[.][0-9]{1,4})$"

  private func datePartsColumns(_ d: any SQLDialect) -> String {
    let first = d.extract("date_dashed", pattern: "^([0-9]+)")
    let second = d.extract("date_dashed", pattern: "^[0-9]+-([0-9]+)")
    let third = d.extract("date_dashed", pattern: "([0-9]+)$")
    return "\(first) AS date_first, \(second) AS date_second, \(third) AS date_third"
  }

  /// The day of a row: the ISO date its parts spell, year first when the first part has four
  /// digits, day first when the last has; NULL for no date and for anything else.
  private func dayExpression(_ d: any SQLDialect) -> String {
    let yearFirst = "date_first || '-' || LPAD(date_second, 2, '0') || '-' || LPAD(date_third, 2, '0')"
    let dayFirst = "date_third || '-' || LPAD(date_second, 2, '0') || '-' || LPAD(date_first, 2, '0')"
    let iso = """
      CASE WHEN LENGTH(date_first) = 4 AND LENGTH(date_second) <= 2 AND LENGTH(date_third) <= 2 THEN \(yearFirst) \
      WHEN LENGTH(date_third) = 4 AND LENGTH(date_first) <= 2 AND LENGTH(date_second) <= 2 THEN \(dayFirst) END
      """
    return "CASE WHEN date_text <> '' AND date_shaped AND (\(iso)) >= '1000' THEN \(d.tryDate(iso)) END"
  }

  /// A row's weight: the number in the weight field (``FieldParsing/number(_:decimalComma:)``):
  /// with a decimal comma, dots before it are thousands separators; without, a comma makes it
  /// no number.
  private func weightExpression(_ d: any SQLDialect) -> String {
    let text: String
    if input.decimalComma {
      text = "CASE WHEN \(d.matches("weight_text", pattern: ",")) THEN REPLACE(REPLACE(weight_text, '.', ''), ',', '.') ELSE weight_text END"
    } else {
      text = "CASE WHEN \(d.matches("weight_text", pattern: ",")) THEN '' ELSE weight_text END"
    }
    let number = "^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$"
    return "CASE WHEN \(d.matches("(\(text))", pattern: number)) THEN \(d.tryDouble("(\(text))")) END"
  }

  /// `text` under ``Names``' rule; printable ASCII words with single spaces are names already.
  private func normalizedName(_ text: String, _ d: any SQLDialect) -> String {
    let joiners = d.replaceAll(text, pattern: "(^|" + NameRuleClasses.joinerDoesNotShowAfter + ")[\\x{200C}\\x{200D}]+", replacement: "$1")
    let visible = d.replaceAll(joiners, pattern: NameRuleClasses.invisible, replacement: "")
    let spaced = d.replaceAll(d.replaceAll(visible, pattern: NameRuleClasses.space + "+", replacement: " "), pattern: "^ | $", replacement: "")
    return "CASE WHEN \(d.matches(text, pattern: "^[!-~]+( [!-~]+)*$")) THEN \(text) ELSE \(d.nfc(spaced)) END"
  }

  // MARK: - People and departments

  private var peopleOrder: String { "first_row, person" }

  /// Step 3: everyone in the log, numbered in order of first appearance (by name where the
  /// engine has no row order), with their pseudonyms.
  private func peopleSelect(_ d: any SQLDialect) -> String {
    let numbered = """
      SELECT person, first_row, ROW_NUMBER() OVER (ORDER BY \(peopleOrder)) - 1 AS idx
      FROM (SELECT person, MIN(r) AS first_row FROM siloscope_rows GROUP BY person) AS firsts
      """
    guard pseudonyms != nil else { return numbered }
    let top = d.hex13ToInteger("SUBSTR(\(hmac("p.person", d)), 1, 13)")
    let digits = (0 ..< 10).map { "SUBSTR('0123456789ABCDEFGHJKMNPQRSTVWXYZ', \(d.fiveBits("bits", shift: 47 - 5 * $0)) + 1, 1)" }
    return """
      SELECT person, first_row, idx, 'P-' || \(digits.joined(separator: " || ")) AS pseudonym
      FROM (SELECT p.person, p.first_row, p.idx, \(top) AS bits FROM (\(numbered)) AS p CROSS JOIN siloscope_key) AS hashed
      """
  }

  /// Step 4: each person's department: the one on most of their rows; on a tie the one with
  /// the latest dated row, then the first they were seen with, then the first seen in the log
  /// (``DepartmentVotes``).
  private func departmentsSelect() -> String {
    """
    SELECT person, department FROM (
      SELECT v.person, v.department, ROW_NUMBER() OVER (
        PARTITION BY v.person
        ORDER BY v.votes DESC, v.last_day DESC NULLS LAST, CASE WHEN v.first_row = v.first_vote THEN 0 ELSE 1 END, o.seen, v.department
      ) AS choice
      FROM (
        SELECT person, department, votes, last_day, first_row, MIN(first_row) OVER (PARTITION BY person) AS first_vote
        FROM (
          SELECT person, department, COUNT(*) AS votes, MAX(day) AS last_day, MIN(r) AS first_row
          FROM siloscope_rows WHERE department IS NOT NULL GROUP BY person, department
        ) AS counted
      ) AS v
      JOIN (SELECT department, MIN(r) AS seen FROM siloscope_rows WHERE department IS NOT NULL GROUP BY department) AS o
        ON o.department = v.department
    ) AS ranked
    WHERE choice = 1
    """
  }

  // MARK: - Projection

  /// Step 5: each person's hours on each project in the date window.
  private func hoursSelect() -> String {
    var window: [String] = []
    if let from = projection.from { window.append("r.day >= DATE '\(from)'") }
    if let to = projection.to { window.append("r.day <= DATE '\(to)'") }
    return """
      SELECT r.project, p.idx, SUM(r.weight) AS hours
      FROM siloscope_rows AS r JOIN siloscope_people AS p ON p.person = r.person
      \(window.isEmpty ? "" : "WHERE " + window.joined(separator: " AND ") + "\n")GROUP BY r.project, p.idx
      """
  }

  /// Step 6: the members of the projects within the size limit, with the project's size.
  private func membersSelect() -> String {
    let limit = projection.maximumProjectSize.map { " HAVING COUNT(*) <= \($0)" } ?? ""
    return """
      SELECT h.project, h.idx, h.hours, s.size
      FROM siloscope_hours AS h
      JOIN (SELECT project, COUNT(*) AS size FROM siloscope_hours GROUP BY project\(limit)) AS s ON s.project = h.project
      """
  }

  /// Step 7: the ties, one per pair (u < v), weighed as ``ProjectionWeighting`` says.
  private func tiesSelect(_ d: any SQLDialect) -> String {
    let pairs = "siloscope_members AS a JOIN siloscope_members AS b ON b.project = a.project AND a.idx < b.idx"
    switch projection.weighting {
    case .sharedProjects:
      return "SELECT a.idx AS u, b.idx AS v, \(d.double("COUNT(*)")) AS weight\nFROM \(pairs)\nGROUP BY a.idx, b.idx"
    case .newman:
      return "SELECT a.idx AS u, b.idx AS v, SUM(1 / \(d.double("a.size - 1"))) AS weight\nFROM \(pairs)\nGROUP BY a.idx, b.idx"
    case .hoursOverlap:
      return "SELECT a.idx AS u, b.idx AS v, SUM(LEAST(a.hours, b.hours)) AS weight\nFROM \(pairs)\nGROUP BY a.idx, b.idx"
    case .jaccard:
      // Each person's projects (those of one person included) against the shared ones.
      return """
        SELECT t.u, t.v, \(d.double("t.shared")) / (\(d.double("du.projects + dv.projects")) - \(d.double("t.shared"))) AS weight
        FROM (SELECT a.idx AS u, b.idx AS v, COUNT(*) AS shared FROM \(pairs) GROUP BY a.idx, b.idx) AS t
        JOIN (SELECT idx, COUNT(*) AS projects FROM siloscope_members GROUP BY idx) AS du ON du.idx = t.u
        JOIN (SELECT idx, COUNT(*) AS projects FROM siloscope_members GROUP BY idx) AS dv ON dv.idx = t.v
        """
    }
  }

  // MARK: - Output

  private func edgesSelect(_ d: any SQLDialect) -> String {
    let id = pseudonyms == nil ? "person" : "pseudonym"
    let minimum = projection.minimumWeight.map { "\nWHERE t.weight >= \(d.double("'\($0)'"))" } ?? ""
    return """
      SELECT pu.\(id) AS source, pv.\(id) AS target, t.weight AS weight
      FROM siloscope_ties AS t
      JOIN siloscope_people AS pu ON pu.idx = t.u
      JOIN siloscope_people AS pv ON pv.idx = t.v\(minimum)
      ORDER BY t.u, t.v
      """
  }

  private func nodesSelect(_ d: any SQLDialect) -> String {
    let id = pseudonyms == nil ? "p.person" : "p.pseudonym"
    guard input.columns[.department] != nil else { return "SELECT \(id) AS id FROM siloscope_people AS p ORDER BY p.idx" }
    return """
      SELECT \(id) AS id, dp.department AS department
      FROM siloscope_people AS p LEFT JOIN siloscope_departments AS dp ON dp.person = p.person
      ORDER BY p.idx
      """
  }

  /// The log reduced to one row per person, project and period: every row SiloScope reads
  /// (before the date window and the project-size cut, which `trend` and `analyze` apply per
  /// period themselves), the person's department on every row (so their majority is the same),
  /// the period's first day as the date (rows without a date stay without), the hours summed,
  /// in order of each group's first row (so people and projects appear in the same order).
  private func reducedLogSelect(_ d: any SQLDialect, _ unit: PeriodSpec.CalendarUnit) -> String {
    let id = pseudonyms == nil ? "r.person" : "p.pseudonym"
    let start = d.periodStart("r.day", unit)
    let hasDepartment = input.columns[.department] != nil
    let department = hasDepartment ? "dp.department AS department, " : ""
    let join = hasDepartment ? "\nLEFT JOIN siloscope_departments AS dp ON dp.person = r.person" : ""
    return """
      SELECT \(id) AS person, \(department)r.project AS project, \(start) AS date, SUM(r.weight) AS hours
      FROM siloscope_rows AS r JOIN siloscope_people AS p ON p.person = r.person\(join)
      GROUP BY \(id), \(hasDepartment ? "dp.department, " : "")r.project, \(start)
      ORDER BY MIN(r.r), \(id), r.project, \(start)
      """
  }

  // MARK: - Pseudonyms

  /// The key's inner and outer HMAC pads (RFC 2104: the key, hashed first when longer than
  /// SHA-256's 64-byte block, padded with zeros, XOR 0x36 and 0x5c), and the check that the
  /// bound key is the one the script was written for.
  private func keyStatements(_ d: any SQLDialect, _ pseudonyms: WarehousePseudonyms) -> [String] {
    let key = d.keyParameter
    let block = "RPAD(CASE WHEN \(d.byteLength(key)) > 64 THEN \(d.sha256Hex(d.bytes(key))) ELSE \(d.hex(d.bytes(key))) END, 128, '0')"
    func pad(_ mask: UInt32) -> String {
      (0 ..< 16).map { d.xorHex8("SUBSTR(block, \(8 * $0 + 1), 8)", mask: mask) }.joined(separator: " || ")
    }
    let pads = "SELECT \(pad(0x3636_3636)) AS inner_pad, \(pad(0x5c5c_5c5c)) AS outer_pad\nFROM (SELECT \(block) AS block) AS k"
    return [
      d.fail(
        when: "\(key) IS NULL OR \(d.byteLength(key)) < 16",
        message: "bind the pseudonym key (16 bytes or more) before running this script: see its first lines",
        from: "(SELECT 1 AS one) AS one"),
      d.materialize("siloscope_key", pads),
      d.fail(
        when: "\(hmac(d.literal(WarehousePseudonyms.keyCheckMessage), d)) <> '\(pseudonyms.keyCheck)'",
        message: "the bound pseudonym key is not the key this script was written for: the pseudonyms would differ from SiloScope's",
        from: "siloscope_key"),
    ]
  }

  /// HMAC-SHA-256(key, UTF-8 of `text`) in hexadecimal, with `siloscope_key`'s pads in scope.
  private func hmac(_ text: String, _ d: any SQLDialect) -> String {
    let inner = d.sha256Hex("\(d.unhex("inner_pad")) || \(d.bytes(text))")
    return d.sha256Hex(d.unhex("outer_pad || \(inner)"))
  }

  // MARK: - Header

  private func header(_ d: any SQLDialect) -> [String] {
    var lines = [
      "-- \(generator): the projection of a project log onto people, for \(engine.displayName).",
      "--",
      "-- Reads:  \(describe(input.location)) (\(input.format.rawValue))",
      "-- Writes: \(outputPath(outputName("edges.csv"))) (source,target,weight) and \(outputPath(outputName("nodes.csv"))) (id\(input.columns[.department] == nil ? "" : ",department"))\(gzip ? ", compressed with gzip" : ""),",
      "--         which SiloScope reads as they are: siloscope analyze --edges …/edges.csv --nodes …/nodes.csv",
    ]
    if let period {
      lines.append(
        "--         and \(outputPath(outputName("log.csv"))): the log reduced to one row per person, project and \(period.rawValue), for siloscope trend")
    }
    lines += [
      "--",
      "-- Columns: " + LogColumn.allCases.compactMap { role in input.columns[role].map { "\(role.rawValue) = \"\($0)\"" } }.joined(separator: ", "),
      "-- Weighting: \(projection.weighting.rawValue) (\(projection.weighting.explanation))",
    ]
    var choices: [String] = []
    if let minimum = projection.minimumWeight { choices.append("ties of weight \(minimum) or more") }
    if let from = projection.from { choices.append("rows from \(from)") }
    if let to = projection.to { choices.append("rows to \(to)") }
    if let size = projection.maximumProjectSize { choices.append("projects of at most \(size) people") }
    if let period { choices.append("log.csv reduced to one row per person, project and \(period.rawValue)") }
    choices.append("repeated rows: \(input.duplicates.rawValue)")
    if input.format == .csv { choices.append("decimal comma: \(input.decimalComma ? "yes" : "no")") }
    lines.append("-- Choices: " + choices.joined(separator: "; "))
    lines += [
      "--",
      "-- Every step applies SiloScope's own rules, documented where SiloScope implements them:",
      "-- reading rows and names: ProjectLogReader and Names (Sources/SiloIngest/Log, Sources/SiloIngest/Text);",
      "-- departments: DepartmentVotes (Sources/SiloIngest/Log/ProjectLog.swift); the projection and its",
      "-- weightings: ProjectLog.projected(_:threads:) and ProjectionWeighting (Sources/SiloIngest/Projection/Projection.swift).",
    ]
    if !engine.normalizesNames {
      lines.append("-- \(engine.displayName) has no Unicode normalization: names are not put in NFC (see WarehouseEngine.normalizesNames).")
    }
    if !engine.keepsRowOrder {
      lines.append("-- \(engine.displayName) keeps no row order: people are numbered by name, not by first appearance.")
    }
    if pseudonyms != nil {
      lines += [
        "-- People are written as SiloScope's keyed pseudonyms (HMAC-SHA-256). The key is not in this script:",
        "-- bind it as \(d.keyParameter) (the text of the key file, without the line end); the script stops",
        "-- before writing anything when the key is missing or not the one it was written for.",
      ]
    }
    lines.append("--")
    lines.append("-- Run:")
    lines += d.howToRun(output: output, pseudonyms: pseudonyms != nil).map { "--   " + $0 }
    return lines
  }

  /// A header line that stays one comment line whatever names and paths it shows: line
  /// breaks and other invisible characters become spaces.
  static func commentLine(_ line: String) -> String {
    String(String.UnicodeScalarView(line.unicodeScalars.map { InvisibleCharacters.contains($0) || $0 == "\u{2028}" || $0 == "\u{2029}" || $0 == "\u{85}" ? " " : $0 }))
  }

  private func describe(_ location: WarehouseInput.Location) -> String {
    switch location {
    case .files(let path): return path
    case .table(let name): return "the table \(name)"
    }
  }
}
