import Dispatch
import SiloGraph

/// Which field of a delimited log holds each part of a row, from the header and the options.
struct DelimitedLogColumns {
  let person: Int
  let project: Int
  let department: Int?
  let date: Int?
  let weight: Int?

  /// Finds the columns; throws when a required one is missing or one column is given two
  /// parts.
  init(header: [String], options: LogReadOptions, file name: String) throws(IngestError) {
    let overrides = options.columns
    person = try HeaderMatching.index(of: .person, in: header, overrides: overrides, file: name, required: true)!
    project = try HeaderMatching.index(of: .project, in: header, overrides: overrides, file: name, required: true)!
    department = try HeaderMatching.index(of: .department, in: header, overrides: overrides, file: name, required: false)
    date = try HeaderMatching.index(of: .date, in: header, overrides: overrides, file: name, required: false)
    weight = try HeaderMatching.index(of: .weight, in: header, overrides: overrides, file: name, required: false)
    var seen: [Int: LogColumn] = [:]
    for case let (role, index?) in used {
      if let other = seen[index] {
        throw .invalidOption(
          "\(name): the column \"\(header[index])\" cannot be both the \(other.rawValue) and the \(role.rawValue)")
      }
      seen[index] = role
    }
  }

  /// Every part with its field, in the order the report lists them.
  var used: [(LogColumn, Int?)] {
    [(.person, person), (.department, department), (.project, project), (.date, date), (.weight, weight)]
  }

  /// The report of a file read with these columns: its format, the columns used and the
  /// others, and a warning when no column holds weights.
  func report(of file: InputFile, header: [String], delimiter: UInt8, decimalComma: Bool) -> IngestReport {
    var report = IngestReport(file: file.name, format: delimiter == 0x09 ? "tsv" : delimiter == 0x3B ? "ssv" : "csv")
    report.encoding = file.encoding
    report.delimiter = DelimiterDetection.name(of: delimiter)
    report.decimalComma = decimalComma
    for case let (role, index?) in used { report.columns[role.rawValue] = header[index] }
    let usedFields = Set(used.compactMap(\.1))
    report.otherColumns = header.indices.filter { !usedFields.contains($0) }.map { header[$0] }
    if weight == nil { report.warnings.append(.noWeightColumn) }
    return report
  }
}

/// The three name tables of a log, held by the threads that number a later stretch's names.
private final class NameTables: @unchecked Sendable {
  var people: NameTable
  var projects: NameTable
  var departments: NameTable

  init(people: NameTable, projects: NameTable, departments: NameTable) {
    self.people = people
    self.projects = projects
    self.departments = departments
  }
}

/// Room for a block of rows, column by column, on their way from the scanner into the
/// columns of ``DelimitedLogRows`` (see ``DelimitedLogRows/scan(_:report:)``).
private struct RowBlock {
  static let capacity = 1024
  let person = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
  let project = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
  let department = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
  let day = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
  let weight = UnsafeMutablePointer<Double>.allocate(capacity: capacity)
  let hash = UnsafeMutablePointer<UInt64>.allocate(capacity: capacity)
  let line = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)

  func release() {
    for pointer in [person, project, department, day, line] { pointer.deallocate() }
    weight.deallocate()
    hash.deallocate()
  }
}

/// How the rows of a delimited log are read: the file, its columns, its number format and
/// what to do with repeated rows.
struct DelimitedLogLayout: Sendable {
  let file: String
  let columns: DelimitedLogColumns
  let headerCount: Int
  let decimalComma: Bool
  let duplicates: DuplicatePolicy
}

/// The rows of a delimited log (or of a stretch of it) as they are read: names numbered,
/// entries and row hashes kept; a row that cannot be used is counted in the report with its
/// reason and place. Rows that repeat an earlier row are found, and each person's department
/// voted, once all rows are in (``log(report:delimiter:threads:)``).
///
/// Fields are read through pointers into the scanner's record buffer (valid until the next
/// record); no closure per row, so the name tables are not boxed.
struct DelimitedLogRows {
  private let layout: DelimitedLogLayout
  private var people = NameTable(capacity: 4096)
  private var projects = NameTable(capacity: 4096)
  private var departments = NameTable(capacity: 64)
  private var entryPerson: [Int32] = [], entryProject: [Int32] = [], entryDepartment: [Int32] = []
  private var entryDay: [Int32] = [], entryWeight: [Double] = []
  /// Each entry's row hash (``RowHashes``) and the line its record starts on.
  private var entryHash: [UInt64] = [], entryLine: [Int32] = []
  /// Rows whose number of fields differs from the header's, and the first of them.
  private var wrongFieldCount = 0
  private var firstWrongFieldCount: (SourceLocation, Int)? = nil

  private var file: String { layout.file }
  private var columns: DelimitedLogColumns { layout.columns }
  private var headerCount: Int { layout.headerCount }
  private var decimalComma: Bool { layout.decimalComma }
  private var duplicates: DuplicatePolicy { layout.duplicates }

  /// The fields of one usable row.
  private struct Fields {
    let person: UnsafeBufferPointer<UInt8>
    let project: UnsafeBufferPointer<UInt8>
    let department: UnsafeBufferPointer<UInt8>?
    let day: Int32
    let weight: Double
  }

  /// Rows read with `layout` from about `bytes` bytes of text.
  init(layout: DelimitedLogLayout, bytes: Int) {
    self.layout = layout
    let estimate = bytes / 40
    func reserve<T>(_ column: inout [T]) {
      column.reserveCapacity(estimate)
      HugePages.advise(capacityOf: &column)
    }
    reserve(&entryPerson)
    reserve(&entryProject)
    reserve(&entryDepartment)
    reserve(&entryDay)
    reserve(&entryWeight)
    reserve(&entryHash)
    reserve(&entryLine)
  }

  /// Adds every record the scanner has left.
  ///
  /// The rows go into a block of ``RowBlock/capacity`` rows and from there into the columns a
  /// block at a time: seven appends per row, each checking its array's uniqueness and capacity
  /// through calls, were 6% of reading and projecting a log on one thread (perf).
  mutating func scan(_ scanner: DelimitedScanner, report: inout IngestReport) throws(IngestError) {
    let block = RowBlock()
    var filled = 0
    defer {
      append(block, count: filled)
      block.release()
    }
    while try scanner.next() {
      guard add(scanner, report: &report, into: block, at: filled) else { continue }
      filled += 1
      if filled == RowBlock.capacity {
        append(block, count: filled)
        filled = 0
      }
    }
  }

  /// Appends the first `count` rows of `block` to the columns.
  private mutating func append(_ block: RowBlock, count: Int) {
    guard count > 0 else { return }
    entryPerson.append(contentsOf: UnsafeBufferPointer(start: block.person, count: count))
    entryProject.append(contentsOf: UnsafeBufferPointer(start: block.project, count: count))
    entryDepartment.append(contentsOf: UnsafeBufferPointer(start: block.department, count: count))
    entryDay.append(contentsOf: UnsafeBufferPointer(start: block.day, count: count))
    entryWeight.append(contentsOf: UnsafeBufferPointer(start: block.weight, count: count))
    entryHash.append(contentsOf: UnsafeBufferPointer(start: block.hash, count: count))
    entryLine.append(contentsOf: UnsafeBufferPointer(start: block.line, count: count))
  }

  /// Puts the scanner's current record into row `row` of `block` and returns `true`, or counts
  /// it in the report as skipped and returns `false`.
  @inline(__always)
  private mutating func add(_ scanner: DelimitedScanner, report: inout IngestReport, into block: RowBlock, at row: Int) -> Bool {
    report.rowsRead += 1
    if scanner.isBlank {
      report.skip(.emptyRow, at: SourceLocation(file: file, line: scanner.recordLine))
      return false
    }
    if scanner.fieldCount != headerCount {
      wrongFieldCount += 1
      if firstWrongFieldCount == nil {
        firstWrongFieldCount = (SourceLocation(file: file, line: scanner.recordLine), scanner.fieldCount)
      }
      report.skip(.fieldCountMismatch(headerFields: headerCount), at: SourceLocation(file: file, line: scanner.recordLine))
      return false
    }
    guard let fields = fields(of: scanner, report: &report) else { return false }
    let (person, personChanged) = people.internNoting(fields.person)
    if person < 0 { report.skip(.onlyInvisible(.person), at: scanner.location(ofField: columns.person)); return false }
    let (project, projectChanged) = projects.internNoting(fields.project)
    if project < 0 { report.skip(.onlyInvisible(.project), at: scanner.location(ofField: columns.project)); return false }
    var department: Int32 = -1, departmentChanged = false
    if let bytes = fields.department, !bytes.isEmpty { (department, departmentChanged) = departments.internNoting(bytes) }
    // Rows are compared as read, except that names are compared by their normalized form:
    // the same row exported once in NFC and once in NFD is a repeated row.
    block.hash[row] =
      personChanged || projectChanged || departmentChanged
      ? normalizedRowHash(scanner, person: person, project: project, department: department)
      : RowHashes.hash(bytes: scanner.recordBytes, ends: scanner.fieldEnds)
    block.person[row] = person
    block.project[row] = project
    block.department[row] = department
    block.day[row] = fields.day
    block.weight[row] = fields.weight
    block.line[row] = Int32(truncatingIfNeeded: scanner.recordLine)
    report.rowsUsed += 1
    return true
  }

  /// The fields of the current record, or `nil` (counted in the report) when a name is
  /// empty or too long, or the weight or date cannot be read.
  @inline(__always)
  private func fields(of scanner: DelimitedScanner, report: inout IngestReport) -> Fields? {
    let maximum = ProjectLogReader.maximumNameBytes
    let person = scanner.field(columns.person)
    if person.isEmpty { report.skip(.missing(.person), at: scanner.location(ofField: columns.person)); return nil }
    if person.count > maximum {
      report.skip(.nameTooLong(.person, limit: maximum), at: scanner.location(ofField: columns.person))
      return nil
    }
    let project = scanner.field(columns.project)
    if project.isEmpty { report.skip(.missing(.project), at: scanner.location(ofField: columns.project)); return nil }
    if project.count > maximum {
      report.skip(.nameTooLong(.project, limit: maximum), at: scanner.location(ofField: columns.project))
      return nil
    }
    guard let weight = scanner.weight(in: columns.weight, decimalComma: decimalComma, hours: true, report: &report) else { return nil }
    var day = ProjectLog.noDay
    if let column = columns.date, case let bytes = scanner.field(column), !bytes.isEmpty {
      guard let parsed = FieldParsing.day(bytes) else {
        report.skip(.invalidDate, at: scanner.location(ofField: column))
        return nil
      }
      day = parsed
    }
    let department = columns.department.map { scanner.field($0) }
    if let column = columns.department, let department, department.count > maximum {
      report.skip(.nameTooLong(.department, limit: maximum), at: scanner.location(ofField: column))
      return nil
    }
    return Fields(person: person, project: project, department: department, day: day, weight: weight)
  }

  /// The row hash of the current record with its name fields replaced by the names they
  /// spell (an empty field stays empty).
  private func normalizedRowHash(_ scanner: DelimitedScanner, person: Int32, project: Int32, department: Int32) -> UInt64 {
    var names: [(column: Int, table: NameTable, name: Int32)] = [(columns.person, people, person), (columns.project, projects, project)]
    if let column = columns.department { names.append((column, departments, department)) }
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
    return bytes.withUnsafeBufferPointer { b in ends.withUnsafeBufferPointer { RowHashes.hash(bytes: b, ends: $0) } }
  }

  /// Adds the rows of `later`, read on their own from the stretch of the same file that
  /// follows these rows, so that the result is what reading on would have given: `later`'s
  /// names are numbered here in the order it first read them (on two threads when `threads`
  /// > 1), and its counts and places (lines counted from `lineOffset` + 1) go into `report`.
  mutating func append(
    _ later: DelimitedLogRows, report: inout IngestReport, laterReport: IngestReport, lineOffset: Int, threads: Int
  ) {
    let maps = absorbNames(of: later, threads: threads)
    wrongFieldCount += later.wrongFieldCount
    if firstWrongFieldCount == nil, let (location, fields) = later.firstWrongFieldCount {
      firstWrongFieldCount = (location.movedDown(by: lineOffset), fields)
    }
    report.append(stretch: laterReport, lineOffset: lineOffset)
    Self.append(later.entryPerson, to: &entryPerson) { maps.people[Int($0)] }
    Self.append(later.entryProject, to: &entryProject) { maps.projects[Int($0)] }
    Self.append(later.entryDepartment, to: &entryDepartment) { $0 < 0 ? $0 : maps.departments[Int($0)] }
    entryDay.append(contentsOf: later.entryDay)
    entryWeight.append(contentsOf: later.entryWeight)
    entryHash.append(contentsOf: later.entryHash)
    Self.append(later.entryLine, to: &entryLine) { $0 + Int32(lineOffset) }
  }

  /// Numbers `later`'s names in these tables (``NameTable/absorb(_:)``): the people on one
  /// thread while the projects and departments are numbered on another, when `threads` > 1
  /// (the tables are independent).
  private mutating func absorbNames(
    of later: DelimitedLogRows, threads: Int
  ) -> (people: [Int32], projects: [Int32], departments: [Int32]) {
    guard threads > 1 else {
      return (people.absorb(later.people), projects.absorb(later.projects), departments.absorb(later.departments))
    }
    // Moved into a box and back, so that each table stays the only owner of its storage.
    let tables = NameTables(people: people, projects: projects, departments: departments)
    (people, projects, departments) = (NameTable(), NameTable(), NameTable())
    let maps = ThreadSlots<[Int32]>(count: 3, initial: [])
    let work: @Sendable (Int) -> Void = { part in
      if part == 0 {
        maps.set(0, tables.people.absorb(later.people))
      } else {
        maps.set(1, tables.projects.absorb(later.projects))
        maps.set(2, tables.departments.absorb(later.departments))
      }
    }
    DispatchQueue.concurrentPerform(iterations: 2, execute: work)
    swap(&people, &tables.people)
    swap(&projects, &tables.projects)
    swap(&departments, &tables.departments)
    let numbers = maps.take()
    return (numbers[0], numbers[1], numbers[2])
  }

  /// Appends `values`, each changed by `change`, to `target`: one copy, then the changes in
  /// place.
  @inline(__always)
  private static func append(_ values: [Int32], to target: inout [Int32], _ change: (Int32) -> Int32) {
    let start = target.count
    target.append(contentsOf: values)
    target.withUnsafeMutableBufferPointer { target in
      for i in start ..< target.count { target[i] = change(target[i]) }
    }
  }

  /// Counts the rows that repeat an earlier row, and with ``DuplicatePolicy/drop`` skips them;
  /// `threads` threads look for them.
  private mutating func checkRepeats(_ report: inout IngestReport, threads: Int) {
    let repeats = RowHashes.repeats(in: entryHash, threads: threads)
    report.duplicateRows += repeats.count
    guard duplicates == .drop, !repeats.isEmpty else { return }
    report.rowsUsed -= repeats.count
    report.skip(.duplicateRow, atLines: repeats.map { Int(entryLine[$0]) }, file: file)
    var kept = [Bool](repeating: true, count: entryPerson.count)
    for i in repeats { kept[i] = false }
    func keep<T>(_ values: inout [T]) { values = values.indices.compactMap { kept[$0] ? values[$0] : nil } }
    keep(&entryPerson)
    keep(&entryProject)
    keep(&entryDepartment)
    keep(&entryDay)
    keep(&entryWeight)
    keep(&entryHash)
    keep(&entryLine)
  }

  /// The log of the rows read, after the checks of the whole file: rows that repeat an
  /// earlier row (looked for by `threads` threads), no data rows, most rows split unlike the
  /// header (the delimiter is likely wrong), no usable row; repeated rows that were kept and
  /// the names normalized are noted in the report.
  func log(report: IngestReport, delimiter: UInt8, threads: Int) throws(IngestError) -> ProjectLog {
    var rows = self
    var report = report
    rows.checkRepeats(&report, threads: threads)
    return try rows.finished(report: report, delimiter: delimiter)
  }

  /// ``log(report:delimiter:threads:)`` once the repeated rows are counted.
  private func finished(report: IngestReport, delimiter: UInt8) throws(IngestError) -> ProjectLog {
    var report = report
    if report.rowsRead == 0 { throw .noDataRows(file: file) }
    if wrongFieldCount * 2 > report.rowsRead, let (location, count) = firstWrongFieldCount {
      throw .fieldCountMismatch(
        location, fields: count, headerFields: headerCount, differing: wrongFieldCount, rows: report.rowsRead,
        delimiter: DelimiterDetection.name(of: delimiter))
    }
    if report.rowsUsed == 0 {
      throw .noUsableRows(file: file, rowsRead: report.rowsRead, skipped: report.skipped)
    }
    if report.duplicateRows > 0 && duplicates == .keep {
      report.warnings.append(.duplicateRowsKept(report.duplicateRows))
    }
    report.warnings += (people.counter + projects.counter + departments.counter).warnings
    var votes = DepartmentVotes()
    for i in entryPerson.indices { votes.vote(person: entryPerson[i], department: entryDepartment[i], day: entryDay[i]) }
    report.noteDepartmentConflicts(votes)
    let (sortedDepartments, personDepartment) = votes.assign(departments: departments.strings(), personCount: people.count)
    return ProjectLog(
      people: people.strings(), projects: projects.strings(), departments: sortedDepartments,
      personDepartment: personDepartment, entryPerson: entryPerson, entryProject: entryProject,
      entryDay: entryDay, entryWeight: entryWeight, reports: [report])
  }
}
