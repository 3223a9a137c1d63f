import SiloGraph
/// A people file: one row per person with their department and, optionally, role, manager and
/// any other attributes. It names departments the log does not have, and adds people who
/// appear in no project (they become isolates: in the organization, outside every
/// collaboration).
public struct PeopleFile: Sendable, Hashable {
  public var ids: [String]
  public var departments: [String?]
  /// Other columns (role, manager, anything extra) by header name, each indexed like ``ids``.
  public var attributes: [String: [String?]]
  /// Attribute names in file order.
  public var attributeNames: [String]
  public var report: IngestReport
  /// Where each person's row is, indexed like ``ids`` (for messages about the rows, such as
  /// reporting lines that do not form a tree).
  public var rows: [SourceLocation] = []

  /// Header names recognised for the person id.
  public static let idAliases = ["id", "person", "employee", "official", "name", "medewerker", "persoon", "naam", "personeelsnummer"]
  /// Header names recognised for the role (stored as attribute `role`).
  public static let roleAliases = ["role", "function", "functie", "title", "rol", "job"]
  /// Header names recognised for the manager (stored as attribute `manager`).
  public static let managerAliases = ["manager", "leidinggevende", "supervisor", "boss", "reports_to"]

  /// Reads a people file.
  ///
  /// - Parameters:
  ///   - path: The file to read: CSV, TSV or semicolon-separated, UTF-8 (with or without a
  ///     byte-order mark) or UTF-16.
  ///   - idColumn: The id column's name, when it is none of ``idAliases``.
  ///   - departmentColumn: The department column's name, when it is none of the department
  ///     aliases of ``LogColumn/department``.
  ///   - delimiter: The field separator, one ASCII character other than a quote or a line
  ///     break; `nil` detects comma, semicolon or tab from the header and the rows after it.
  public static func read(
    path: String, idColumn: String? = nil, departmentColumn: String? = nil, delimiter: Character? = nil
  ) throws(IngestError) -> PeopleFile {
    try located(InputFile(path: path), idColumn: idColumn, departmentColumn: departmentColumn, delimiter: delimiter)
  }

  /// Reads a people file from bytes already in memory; `name` is used in messages.
  public static func read(
    bytes: [UInt8], name: String, idColumn: String? = nil, departmentColumn: String? = nil, delimiter: Character? = nil
  ) throws(IngestError) -> PeopleFile {
    try located(InputFile(name: name, raw: bytes), idColumn: idColumn, departmentColumn: departmentColumn, delimiter: delimiter)
  }

  /// ``read(_:idColumn:departmentColumn:delimiter:)`` with its messages placed in a folder's
  /// parts and a workbook's sheet.
  private static func located(
    _ file: InputFile, idColumn: String?, departmentColumn: String?, delimiter: Character?
  ) throws(IngestError) -> PeopleFile {
    try PartFiles.Index([file]).locating({ () throws(IngestError) in
      try read(file, idColumn: idColumn, departmentColumn: departmentColumn, delimiter: delimiter)
    }) { $0.report = $1($0.report) }
  }

  package static func read(
    _ input: InputFile, idColumn: String?, departmentColumn: String?, delimiter: Character?
  ) throws(IngestError) -> PeopleFile {
    var table = try TextTable(input, delimiter: delimiter)
    let header = table.header
    let id = try HeaderMatching.index(ofAny: idAliases, override: idColumn, in: header, file: table.file, role: "id", required: true)!
    let department = try HeaderMatching.index(
      ofAny: LogColumn.department.aliases, override: departmentColumn, in: header, file: table.file,
      role: "department", required: false)
    let role = try HeaderMatching.index(ofAny: roleAliases, override: nil, in: header, file: table.file, role: "role", required: false)
    let manager = try HeaderMatching.index(ofAny: managerAliases, override: nil, in: header, file: table.file, role: "manager", required: false)
    table.report.columns["id"] = header[id]
    if let department { table.report.columns["department"] = header[department] }
    if let role { table.report.columns["role"] = header[role] }
    if let manager { table.report.columns["manager"] = header[manager] }
    var names: [String] = []
    var sourceColumn: [Int] = []
    for i in header.indices where i != id && i != department {
      let name = i == role ? NodeAttribute.role : i == manager ? NodeAttribute.manager : header[i]
      if name.isEmpty || names.contains(name) { continue }
      names.append(name)
      sourceColumn.append(i)
    }
    table.report.warnings += table.nameCounter.warnings
    var people = PeopleFile(ids: [], departments: [], attributes: [:], attributeNames: names, report: table.report)
    for name in names { people.attributes[name] = [] }
    var firstLine: [String: Int] = [:]
    for (row, line) in zip(table.rows, table.lines) {
      let location = SourceLocation(file: table.file, line: line)
      guard !row[id].isEmpty else { people.report.skip(.missing(.id), at: location); continue }
      if let tooLong = NameLimit.check(row, id: id, group: department) { people.report.skip(tooLong, at: location); continue }
      if let earlier = firstLine[row[id]] {
        people.report.skip(.repeated(.person, firstLine: earlier), at: location)
        continue
      }
      firstLine[row[id]] = line
      people.ids.append(row[id])
      people.rows.append(location)
      people.departments.append(department.flatMap { row[$0].isEmpty ? nil : row[$0] })
      for (name, column) in zip(names, sourceColumn) {
        people.attributes[name]!.append(row[column].isEmpty ? nil : row[column])
      }
      people.report.rowsUsed += 1
    }
    if people.report.rowsUsed == 0 {
      throw .noUsableRows(
        file: table.file, rowsRead: people.report.rowsRead,
        skipped: people.report.skipped)
    }
    return people
  }
}

extension ProjectLog {
  /// The log with a people file's departments and attributes merged in.
  ///
  /// The people file wins where it names a department; the log's department stays where the
  /// people file has none. People in the file but not in the log are added without entries.
  /// Differences are counted in the people file's report.
  public func merging(_ file: PeopleFile) -> ProjectLog {
    var result = self
    var report = file.report
    var index: [String: Int] = [:]
    for (i, name) in people.enumerated() { index[name] = i }
    var personDepartmentName: [String?] = personDepartment.map { $0 < 0 ? nil : departments[Int($0)] }
    var added = 0, changed = 0
    var rowOf = [Int](repeating: -1, count: people.count)
    for (row, id) in file.ids.enumerated() {
      let person: Int
      if let existing = index[id] {
        person = existing
      } else {
        person = result.people.count
        result.people.append(id)
        personDepartmentName.append(nil)
        rowOf.append(-1)
        index[id] = person
        added += 1
      }
      rowOf[person] = row
      if let department = file.departments[row] {
        if let old = personDepartmentName[person], old != department { changed += 1 }
        personDepartmentName[person] = department
      }
    }
    result.setDepartments(personDepartmentName)
    result.mergeAttributes(of: file, rowOf: rowOf)
    let missing = rowOf.filter { $0 < 0 }.count
    if added > 0 { report.warnings.append(.peopleWithoutRows(added)) }
    if changed > 0 { report.warnings.append(.departmentsOverridden(changed)) }
    if missing > 0 { report.warnings.append(.peopleNotInPeopleFile(missing, logHasDepartments: !departments.isEmpty)) }
    result.reports.append(report)
    return result
  }

  /// Each person's department by name (`nil`: unknown), as sorted department numbers.
  private mutating func setDepartments(_ names: [String?]) {
    let sorted = Set(departments + names.compactMap { $0 }).sorted()
    var sortedIndex: [String: Int32] = [:]
    for (i, name) in sorted.enumerated() { sortedIndex[name] = Int32(i) }
    departments = sorted
    personDepartment = names.map { $0.map { sortedIndex[$0]! } ?? -1 }
  }

  /// `file`'s attribute columns merged in (`rowOf`: each person's row in the file, or −1),
  /// and the rows of its people kept when it names managers.
  private mutating func mergeAttributes(of file: PeopleFile, rowOf: [Int]) {
    // Attribute columns must stay as long as `people`: columns from an earlier merge grow with
    // the people added here. Like a department, a value this file does not give (no row for
    // the person, or an empty cell) keeps the value an earlier people file gave.
    for name in personAttributeNames {
      let missing = people.count - personAttributes[name]!.count
      if missing > 0 { personAttributes[name]!.append(contentsOf: repeatElement(nil, count: missing)) }
    }
    for name in file.attributeNames {
      let values = file.attributes[name]!
      let earlier = personAttributes[name] ?? Array(repeating: nil, count: people.count)
      personAttributes[name] = rowOf.indices.map { rowOf[$0] < 0 ? earlier[$0] : values[rowOf[$0]] ?? earlier[$0] }
      if !personAttributeNames.contains(name) { personAttributeNames.append(name) }
    }
    if file.attributeNames.contains(NodeAttribute.manager) {
      for (row, id) in file.ids.enumerated() where row < file.rows.count { personRows[id] = file.rows[row] }
    }
  }
}
