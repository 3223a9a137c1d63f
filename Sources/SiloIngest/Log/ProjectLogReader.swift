import Foundation

/// How to read a project log. The defaults detect everything; each choice can be forced.
public struct LogReadOptions: Sendable, Hashable {
  /// Header names for fields whose column has an unusual name.
  public var columns = ColumnOverrides()
  /// Levels, the level analysed, or another column as the department (people file columns).
  public var grouping = GroupingOptions()
  /// The delimiter; `nil` detects it among comma, semicolon and tab.
  public var delimiter: Character? = nil
  /// Whether numbers use a decimal comma; `nil` means yes for semicolon- and tab-separated
  /// files and no for comma-separated ones.
  public var decimalComma: Bool? = nil
  /// What to do with rows identical to an earlier row in every field.
  public var duplicates: DuplicatePolicy = .keep
  /// The format; `nil` detects it (JSON Lines when the file starts with `{`).
  public var format: LogFormat? = nil
  /// The sheet of an Excel workbook to read; `nil` reads the first.
  public var sheet: String? = nil

  /// Options that detect everything: columns by their usual names, the delimiter, the
  /// decimal separator and the format; rows that repeat an earlier row are kept.
  public init() {}
}

/// What to do with rows that repeat an earlier row exactly.
public enum DuplicatePolicy: String, Sendable, Hashable, Codable, CaseIterable {
  /// Keep them (their weights add up) and count them in the report.
  case keep
  /// Skip them, counted in the report as skipped rows.
  case drop
}

/// The formats of a project log.
public enum LogFormat: String, Sendable, Hashable, Codable, CaseIterable {
  /// Delimiter-separated text with a header: CSV, semicolon-separated, TSV.
  case csv
  /// JSON Lines: one JSON object per line, keys named like the CSV header.
  case jsonl
}

/// Reads project logs (the main input of SiloScope) from delimited text or JSON Lines.
///
/// Each row is one participation: a person, a project, optionally a department, a date and a
/// weight (hours). Rows that cannot be used are skipped and counted by reason in the
/// ``IngestReport`` (an empty name, hours that are not a number or negative, a date that is not
/// a date, a wrong number of fields). A file that cannot be read as a whole throws an
/// ``IngestError`` naming the file, line and column.
public enum ProjectLogReader {
  /// Names longer than this many bytes are not names (a pasted document, a broken export):
  /// such rows are skipped.
  public static let maximumNameBytes = 1024

  /// Reads the log at `path`.
  public static func read(path: String, options: LogReadOptions = LogReadOptions()) throws(IngestError) -> ProjectLog {
    try located(InputFile(path: path, sheet: options.sheet), options: options)
  }

  /// Reads a log from bytes already in memory; `name` is used in messages.
  public static func read(bytes: [UInt8], name: String, options: LogReadOptions = LogReadOptions()) throws(IngestError) -> ProjectLog {
    try located(InputFile(name: name, raw: bytes, sheet: options.sheet), options: options)
  }

  /// ``read(_:options:)`` with its messages placed in a folder's parts and a workbook's sheet.
  private static func located(_ file: InputFile, options: LogReadOptions) throws(IngestError) -> ProjectLog {
    try PartFiles.Index([file]).locating({ () throws(IngestError) in try read(file, options: options) }) {
      $0.reports = $0.reports.map($1)
    }
  }

  package static func read(_ file: InputFile, options: LogReadOptions) throws(IngestError) -> ProjectLog {
    if file.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
      throw .emptyFile(file: file.name)
    }
    let format = options.format ?? detectFormat(file)
    switch format {
    case .jsonl: return try JSONLinesLogReader.read(file, options: options)
    case .csv: return try readDelimited(file, options: options)
    }
  }

  private static func detectFormat(_ file: InputFile) -> LogFormat {
    let lower = file.name.lowercased()
    if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") { return .jsonl }
    let first = file.bytes.first { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }
    return first == UInt8(ascii: "{") ? .jsonl : .csv
  }

  /// Resolves the delimiter: the option, else detection; throws when the header is one column.
  package static func delimiter(of file: InputFile, option: Character?) throws(IngestError) -> UInt8 {
    if let option {
      guard let ascii = option.asciiValue, ascii != 0x22, ascii != 0x0A, ascii != 0x0D else {
        throw .invalidOption("--delimiter must be one ASCII character other than a quote or a line break")
      }
      return ascii
    }
    guard let detected = DelimiterDetection.detect(in: file.bytes) else {
      let scanner = DelimitedScanner(file: file, delimiter: 0x2C)
      _ = try? scanner.next()
      let header = scanner.fieldCount > 0 ? scanner.trimmedString(0) : ""
      throw .malformed(
        SourceLocation(file: file.name, line: 1, column: 1),
        reason: "the header \"\(header.prefix(80))\" is a single column; expected columns separated by "
          + "commas, semicolons or tabs (or name the delimiter with --delimiter)")
    }
    return detected
  }

  /// Reads the header: the first record that is not blank. Returns trimmed names.
  package static func header(_ scanner: DelimitedScanner, file: InputFile) throws(IngestError) -> [String] {
    while try scanner.next() {
      if scanner.isBlank { continue }
      return (0 ..< scanner.fieldCount).map { scanner.trimmedString($0) }
    }
    throw .emptyFile(file: file.name)
  }

  /// The row hash of the current record with its name fields replaced by the names they
  /// spell (an empty field stays empty).
  private static func normalizedRowHash(_ scanner: DelimitedScanner, names: [(column: Int, table: NameTable, name: Int32)]) -> UInt64 {
    var bytes: [UInt8] = []
    var ends: [Int] = []
    let record = scanner.recordBytes
    for field in 0 ..< scanner.fieldCount {
      if let entry = names.first(where: { $0.column == field }), entry.name >= 0 {
        bytes.append(contentsOf: entry.table.bytes(of: entry.name))
      } else {
        bytes.append(contentsOf: record[scanner.fieldRange(field)])
      }
      ends.append(bytes.count)
    }
    return bytes.withUnsafeBufferPointer { b in ends.withUnsafeBufferPointer { RowHashSet.hash(bytes: b, ends: $0) } }
  }

  private static func readDelimited(_ file: InputFile, options: LogReadOptions) throws(IngestError) -> ProjectLog {
    let delimiter = try delimiter(of: file, option: options.delimiter)
    let decimalComma = options.decimalComma ?? (delimiter != 0x2C)
    let scanner = DelimitedScanner(file: file, delimiter: delimiter)
    let header = try header(scanner, file: file)
    let name = file.name
    let personColumn = try HeaderMatching.index(of: .person, in: header, overrides: options.columns, file: name, required: true)!
    let projectColumn = try HeaderMatching.index(of: .project, in: header, overrides: options.columns, file: name, required: true)!
    let departmentColumn = try HeaderMatching.index(of: .department, in: header, overrides: options.columns, file: name, required: false)
    let dateColumn = try HeaderMatching.index(of: .date, in: header, overrides: options.columns, file: name, required: false)
    let weightColumn = try HeaderMatching.index(of: .weight, in: header, overrides: options.columns, file: name, required: false)
    let used: [(LogColumn, Int?)] = [
      (.person, personColumn), (.department, departmentColumn), (.project, projectColumn),
      (.date, dateColumn), (.weight, weightColumn),
    ]
    var seen: [Int: LogColumn] = [:]
    for case let (role, index?) in used {
      if let other = seen[index] {
        throw .invalidOption(
          "\(name): the column \"\(header[index])\" cannot be both the \(other.rawValue) and the \(role.rawValue)")
      }
      seen[index] = role
    }

    var report = IngestReport(file: name, format: delimiter == 0x09 ? "tsv" : delimiter == 0x3B ? "ssv" : "csv")
    report.encoding = file.encoding
    report.delimiter = DelimiterDetection.name(of: delimiter)
    report.decimalComma = decimalComma
    for case let (role, index?) in used { report.columns[role.rawValue] = header[index] }
    report.otherColumns = header.indices.filter { seen[$0] == nil }.map { header[$0] }
    if weightColumn == nil { report.warnings.append("no weight column: every row weighs 1") }

    var people = NameTable(capacity: 4096)
    var projects = NameTable(capacity: 4096)
    var departments = NameTable(capacity: 64)
    var votes = DepartmentVotes()
    var entryPerson: [Int32] = [], entryProject: [Int32] = [], entryDay: [Int32] = [], entryWeight: [Double] = []
    let estimate = file.bytes.count / 40
    entryPerson.reserveCapacity(estimate); entryProject.reserveCapacity(estimate)
    entryDay.reserveCapacity(estimate); entryWeight.reserveCapacity(estimate)
    var rowHashes = RowHashSet()
    var wrongFieldCount = 0
    var firstWrongFieldCount: (SourceLocation, Int)? = nil
    let headerCount = header.count

    while try scanner.next() {
      report.rowsRead += 1
      if scanner.isBlank {
        report.skip("empty row", at: SourceLocation(file: name, line: scanner.recordLine))
        continue
      }
      if scanner.fieldCount != headerCount {
        wrongFieldCount += 1
        if firstWrongFieldCount == nil {
          firstWrongFieldCount = (SourceLocation(file: name, line: scanner.recordLine), scanner.fieldCount)
        }
        report.skip(
          "the row has a different number of fields than the header (\(headerCount))",
          at: SourceLocation(file: name, line: scanner.recordLine))
        continue
      }
      // Fields are read through pointers into the scanner's record buffer (valid until the
      // next record); no closure per row, so the tables below are not boxed.
      let personBytes = scanner.field(personColumn)
      if personBytes.isEmpty { report.skip("no person", at: scanner.location(ofField: personColumn)); continue }
      if personBytes.count > maximumNameBytes {
        report.skip("the person's name is longer than \(maximumNameBytes) bytes", at: scanner.location(ofField: personColumn))
        continue
      }
      let projectBytes = scanner.field(projectColumn)
      if projectBytes.isEmpty { report.skip("no project", at: scanner.location(ofField: projectColumn)); continue }
      if projectBytes.count > maximumNameBytes {
        report.skip("the project's name is longer than \(maximumNameBytes) bytes", at: scanner.location(ofField: projectColumn))
        continue
      }
      var weight = 1.0
      if let weightColumn {
        switch FieldParsing.weight(scanner.field(weightColumn), decimalComma: decimalComma) {
        case .success(let value): weight = value
        case .failure(let problem):
          report.skip(problem.reason(inLog: true), at: scanner.location(ofField: weightColumn))
          continue
        }
      }
      var day = ProjectLog.noDay
      if let dateColumn {
        let bytes = scanner.field(dateColumn)
        if !bytes.isEmpty {
          guard let parsed = FieldParsing.day(bytes) else {
            report.skip("the date is not a date (expected yyyy-mm-dd or dd-mm-yyyy)", at: scanner.location(ofField: dateColumn))
            continue
          }
          day = parsed
        }
      }
      let departmentBytes = departmentColumn.map { scanner.field($0) }
      if let departmentColumn, let departmentBytes, departmentBytes.count > maximumNameBytes {
        report.skip("the department's name is longer than \(maximumNameBytes) bytes", at: scanner.location(ofField: departmentColumn))
        continue
      }
      let (person, personChanged) = people.internNoting(personBytes)
      if person < 0 { report.skip("no person (only invisible characters)", at: scanner.location(ofField: personColumn)); continue }
      let (project, projectChanged) = projects.internNoting(projectBytes)
      if project < 0 { report.skip("no project (only invisible characters)", at: scanner.location(ofField: projectColumn)); continue }
      var department: Int32 = -1, departmentChanged = false
      if let departmentBytes, !departmentBytes.isEmpty { (department, departmentChanged) = departments.internNoting(departmentBytes) }
      // Rows are compared as read, except that names are compared by their normalized form:
      // the same row exported once in NFC and once in NFD is a repeated row.
      let rowHash =
        personChanged || projectChanged || departmentChanged
        ? normalizedRowHash(
          scanner, names: [(personColumn, people, person), (projectColumn, projects, project)]
            + (departmentColumn.map { [($0, departments, department)] } ?? []))
        : RowHashSet.hash(bytes: scanner.recordBytes, ends: scanner.fieldEnds)
      if !rowHashes.insert(rowHash) {
        report.duplicateRows += 1
        if options.duplicates == .drop {
          report.skip("the row repeats an earlier row exactly (--duplicates drop)", at: SourceLocation(file: name, line: scanner.recordLine))
          continue
        }
      }
      votes.vote(person: person, department: department, day: day)
      entryPerson.append(person)
      entryProject.append(project)
      entryDay.append(day)
      entryWeight.append(weight)
      report.rowsUsed += 1
    }

    if report.rowsRead == 0 { throw .noDataRows(file: name) }
    if wrongFieldCount * 2 > report.rowsRead, let (location, count) = firstWrongFieldCount {
      throw .malformed(
        location,
        reason: "this row has \(count) field\(count == 1 ? "" : "s") but the header has \(headerCount); "
          + "\(wrongFieldCount) of the \(report.rowsRead) data rows differ from the header like this: the delimiter (\(DelimiterDetection.name(of: delimiter))) may be wrong, "
          + "or numbers with a decimal comma are not quoted; name the delimiter with --delimiter")
    }
    if report.rowsUsed == 0 {
      throw .noUsableRows(file: name, rowsRead: report.rowsRead, reasons: report.skipped.map { "\($0.count) × \($0.reason)" }.joined(separator: "; "))
    }
    if report.duplicateRows > 0 && options.duplicates == .keep {
      report.warnings.append(
        "\(report.duplicateRows) row\(report.duplicateRows == 1 ? " repeats" : "s repeat") an earlier row exactly and "
          + "\(report.duplicateRows == 1 ? "was" : "were") kept (weights add up); use --duplicates drop to skip them")
    }
    report.warnings += (people.counter + projects.counter + departments.counter).warnings
    report.noteDepartmentConflicts(votes)
    let (sortedDepartments, personDepartment) = votes.assign(departments: departments.strings(), personCount: people.count)
    return ProjectLog(
      people: people.strings(), projects: projects.strings(), departments: sortedDepartments,
      personDepartment: personDepartment, entryPerson: entryPerson, entryProject: entryProject,
      entryDay: entryDay, entryWeight: entryWeight, reports: [report])
  }
}
