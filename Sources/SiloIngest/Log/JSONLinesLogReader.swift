import Foundation

/// Reads a project log in JSON Lines: one object per line, with the same field names as a
/// CSV header (`{"person": "Ana", "project": "P1", "hours": 7.5, "date": "2025-03-01"}`).
/// Values may be strings or numbers. Blank lines are skipped; a line that is not a JSON
/// object is skipped and counted with its line number.
enum JSONLinesLogReader {
  /// Whether a number from `JSONSerialization` is JSON's `true` or `false`. (`value is Bool`
  /// cannot tell: an `NSNumber` 0 or 1 casts to `Bool` as well, so `"hours": 1` and
  /// `"hours": 0` were taken for Booleans and skipped as "not a number".)
  private static func isBoolean(_ number: NSNumber) -> Bool {
    String(cString: number.objCType) == "c"
  }

  static func read(_ file: InputFile, options: LogReadOptions) throws(IngestError) -> ProjectLog {
    var report = IngestReport(file: file.name, format: "jsonl")
    report.encoding = file.encoding
    var accumulator = LogAccumulator()
    var seenRows = Set<Int>()
    var keyForRole: [String: [LogColumn: String?]] = [:]
    var warnedWeight = false
    for (line, slice) in lines(of: file.bytes) {
      if slice.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
      report.rowsRead += 1
      let location = SourceLocation(file: file.name, line: line, column: 1)
      guard let object = (try? JSONSerialization.jsonObject(with: Data(slice))) as? [String: Any] else {
        report.skip(.notJSONObject, at: location)
        continue
      }
      // Roles are resolved once per distinct key set.
      let signature = object.keys.sorted().joined(separator: "\u{1F}")
      if keyForRole[signature] == nil { keyForRole[signature] = roles(of: object.keys.sorted(), options: options) }
      let parsed = self.row(object, roles: keyForRole[signature]!, options: options)
      // Warned at the first row that gets as far as its weight (as a CSV log's header is).
      if !warnedWeight && parsed.weightless {
        warnedWeight = true
        report.warnings.append(.noWeightField)
      }
      let row: Row
      switch parsed {
      case .failure(let skip):
        report.skip(skip.reason, at: location)
        continue
      case .success(let value): row = value
      }
      if !seenRows.insert(lineKey(slice)).inserted {
        report.duplicateRows += 1
        if options.duplicates == .drop {
          report.skip(.duplicateRow, at: location)
          continue
        }
      }
      do {
        try accumulator.add(person: row.person, department: row.department, project: row.project, day: row.day, weight: row.weight)
      } catch {
        report.skip(.onlyInvisible(error == .noPerson ? .person : .project), at: location)
        continue
      }
      report.rowsUsed += 1
    }
    for role in LogColumn.allCases {
      if let key = keyForRole.values.lazy.compactMap({ $0[role] ?? nil }).first { report.columns[role.rawValue] = key }
    }
    return try finish(accumulator, report: report, file: file.name, options: options)
  }

  /// The lines of the file with their numbers (from 1), without the line break (LF, or CR LF).
  private static func lines(of bytes: [UInt8]) -> [(Int, ArraySlice<UInt8>)] {
    var lines: [(Int, ArraySlice<UInt8>)] = []
    var start = 0
    while start < bytes.count {
      var end = start
      while end < bytes.count && bytes[end] != 0x0A { end += 1 }
      var slice = bytes[start ..< end]
      if slice.last == 0x0D { slice = slice.dropLast() }
      lines.append((lines.count + 1, slice))
      start = end + 1
    }
    return lines
  }

  /// The key each role is read from, for one set of keys: the key the options name, else the
  /// first alias present; `nil` for a role without one.
  private static func roles(of keys: [String], options: LogReadOptions) -> [LogColumn: String?] {
    var map: [LogColumn: String?] = [:]
    for role in LogColumn.allCases {
      // `found` is typed on purpose: assigned straight to `map[role]` (a `String??`), the
      // `compactMap` below is inferred to return `String??` and keeps the nil of every
      // alias that is absent, so that only the first alias of each field was ever matched.
      let found: String?
      if let override = options.columns[role] {
        found = keys.first { HeaderMatching.normalized($0) == HeaderMatching.normalized(override) }
      } else {
        found = role.aliases.lazy.compactMap { alias in keys.first { HeaderMatching.normalized($0) == alias } }.first
      }
      map[role] = .some(found)
    }
    return map
  }

  /// One row's fields.
  fileprivate struct Row {
    var person: String
    var department: String?
    var project: String
    var day: Int32
    var weight: Double
    /// The row has no weight field (so weighs 1).
    var weightless: Bool
  }

  /// Why a row is skipped, and whether it got as far as finding it has no weight field.
  fileprivate struct Skip: Error {
    var reason: SkipReason
    var weightless = false
  }

  /// The row's fields, or why it is skipped: no person or project, a name over the limit, a
  /// weight that is not a usable number, a date that is not a date.
  private static func row(_ object: [String: Any], roles: [LogColumn: String?], options: LogReadOptions) -> Result<Row, Skip> {
    func text(_ role: LogColumn) -> String? {
      guard let key = roles[role] ?? nil, let value = object[key] else { return nil }
      switch value {
      case let s as String: return s.trimmingSpaces()
      case let n as NSNumber: return n.stringValue
      default: return nil
      }
    }
    guard let person = text(.person), !person.isEmpty else { return .failure(Skip(reason: .missing(.person))) }
    guard let project = text(.project), !project.isEmpty else { return .failure(Skip(reason: .missing(.project))) }
    let department = text(.department)
    // The same limit as in a CSV log, for every name the row gives.
    let limit = ProjectLogReader.maximumNameBytes
    if person.utf8.count > limit { return .failure(Skip(reason: .nameTooLong(.person, limit: limit))) }
    if project.utf8.count > limit { return .failure(Skip(reason: .nameTooLong(.project, limit: limit))) }
    if let department, department.utf8.count > limit {
      return .failure(Skip(reason: .nameTooLong(.department, limit: limit)))
    }
    var weight = 1.0
    let weightKey = roles[.weight] ?? nil
    if let weightKey, let value = object[weightKey] {
      switch FieldParsing.checkedWeight(number(value, decimalComma: options.decimalComma ?? true)) {
      case .success(let value): weight = value
      case .failure(let problem): return .failure(Skip(reason: .unusableWeight(problem, hours: true)))
      }
    }
    var day = ProjectLog.noDay
    if let dateText = text(.date), !dateText.isEmpty {
      guard let date = LogDate(dateText) else {
        return .failure(Skip(reason: .invalidDate, weightless: weightKey == nil))
      }
      day = date.dayNumber
    }
    return .success(Row(person: person, department: department, project: project, day: day, weight: weight, weightless: weightKey == nil))
  }

  /// A JSON number (not a Boolean), or a string read as a number; `nil` otherwise.
  private static func number(_ value: Any, decimalComma: Bool) -> Double? {
    if let n = value as? NSNumber, !isBoolean(n) { return n.doubleValue }
    guard let s = value as? String else { return nil }
    var copy = s
    return copy.withUTF8 { FieldParsing.number($0, decimalComma: decimalComma) }
  }

  /// What stands for the line when rows are compared: a 64-bit hash of it with its names
  /// normalized (the same row once in NFC and once in NFD repeats it); two different rows
  /// collide with a chance of about 2⁻⁶⁴ per pair.
  private static func lineKey(_ slice: ArraySlice<UInt8>) -> Int {
    var hasher = Hasher()
    if let normalized = slice.withUnsafeBufferPointer({ Names.normalizedBytes($0) }) {
      normalized.withUnsafeBytes { hasher.combine(bytes: $0) }
    } else {
      slice.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
    return hasher.finalize()
  }

  /// The log from the rows used, or an error when none was read or none could be used; the
  /// warnings about repeated rows and names.
  private static func finish(
    _ accumulator: LogAccumulator, report: IngestReport, file: String, options: LogReadOptions
  ) throws(IngestError) -> ProjectLog {
    var report = report
    if report.rowsRead == 0 { throw .noDataRows(file: file) }
    if report.rowsUsed == 0 {
      throw .noUsableRows(
        file: file, rowsRead: report.rowsRead, skipped: report.skipped)
    }
    if report.duplicateRows > 0 && options.duplicates == .keep {
      report.warnings.append(.duplicateRowsKept(report.duplicateRows))
    }
    report.warnings += accumulator.nameWarnings
    report.noteDepartmentConflicts(accumulator.votes)
    return accumulator.finish(reports: [report])
  }
}

extension Result where Success == JSONLinesLogReader.Row, Failure == JSONLinesLogReader.Skip {
  /// Whether the row, used or skipped, got as far as finding it has no weight field.
  fileprivate var weightless: Bool {
    switch self {
    case .success(let row): return row.weightless
    case .failure(let skip): return skip.weightless
    }
  }
}
