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
    var line = 0
    var start = 0
    let bytes = file.bytes
    var warnedWeight = false
    while start < bytes.count {
      var end = start
      while end < bytes.count && bytes[end] != 0x0A { end += 1 }
      line += 1
      defer { start = end + 1 }
      var slice = bytes[start ..< end]
      if slice.last == 0x0D { slice = slice.dropLast() }
      if slice.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
      report.rowsRead += 1
      let location = SourceLocation(file: file.name, line: line, column: 1)
      let data = Data(slice)
      guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
        report.skip("the line is not a JSON object", at: location)
        continue
      }
      // Resolve roles once per distinct key set.
      let signature = object.keys.sorted().joined(separator: "\u{1F}")
      if keyForRole[signature] == nil {
        let keys = object.keys.sorted()
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
        keyForRole[signature] = map
      }
      let roles = keyForRole[signature]!
      func text(_ role: LogColumn) -> String? {
        guard let key = roles[role] ?? nil, let value = object[key] else { return nil }
        switch value {
        case let s as String: return s.trimmingSpaces()
        case let n as NSNumber: return n.stringValue
        default: return nil
        }
      }
      guard let person = text(.person), !person.isEmpty else { report.skip("no person", at: location); continue }
      guard let project = text(.project), !project.isEmpty else { report.skip("no project", at: location); continue }
      let department = text(.department)
      // The same limit as in a CSV log, for every name the row gives.
      let limit = ProjectLogReader.maximumNameBytes
      if person.utf8.count > limit { report.skip("the person's name is longer than \(limit) bytes", at: location); continue }
      if project.utf8.count > limit { report.skip("the project's name is longer than \(limit) bytes", at: location); continue }
      if let department, department.utf8.count > limit {
        report.skip("the department's name is longer than \(limit) bytes", at: location)
        continue
      }
      var weight = 1.0
      if let key = roles[.weight] ?? nil, let value = object[key] {
        let parsed: Double?
        if let n = value as? NSNumber, !Self.isBoolean(n) {
          parsed = n.doubleValue
        } else if let s = value as? String {
          var copy = s
          parsed = copy.withUTF8 { FieldParsing.number($0, decimalComma: options.decimalComma ?? true) }
        } else {
          parsed = nil
        }
        switch FieldParsing.checkedWeight(parsed) {
        case .success(let value): weight = value
        case .failure(let problem): report.skip(problem.reason(inLog: true), at: location); continue
        }
      } else if !warnedWeight && roles[.weight] ?? nil == nil {
        warnedWeight = true
        report.warnings.append("no weight field: every row weighs 1")
      }
      var day = ProjectLog.noDay
      if let dateText = text(.date), !dateText.isEmpty {
        guard let date = LogDate(dateText) else {
          report.skip("the date is not a date (expected yyyy-mm-dd or dd-mm-yyyy)", at: location)
          continue
        }
        day = date.dayNumber
      }
      var hasher = Hasher()
      // Lines are compared with their names normalized (the same row once in NFC and once
      // in NFD repeats it); a 64-bit hash of the line stands for the line: two different rows
      // collide with a chance of about 2⁻⁶⁴ per pair.
      if let normalized = slice.withUnsafeBufferPointer({ Names.normalizedBytes($0) }) {
        normalized.withUnsafeBytes { hasher.combine(bytes: $0) }
      } else {
        slice.withUnsafeBytes { hasher.combine(bytes: $0) }
      }
      if !seenRows.insert(hasher.finalize()).inserted {
        report.duplicateRows += 1
        if options.duplicates == .drop {
          report.skip("the row repeats an earlier row exactly (--duplicates drop)", at: location)
          continue
        }
      }
      do {
        try accumulator.add(person: person, department: department, project: project, day: day, weight: weight)
      } catch {
        report.skip(error == .noPerson ? "no person (only invisible characters)" : "no project (only invisible characters)", at: location)
        continue
      }
      report.rowsUsed += 1
    }
    for role in LogColumn.allCases {
      if let key = keyForRole.values.lazy.compactMap({ $0[role] ?? nil }).first { report.columns[role.rawValue] = key }
    }
    if report.rowsRead == 0 { throw .noDataRows(file: file.name) }
    if report.rowsUsed == 0 {
      throw .noUsableRows(
        file: file.name, rowsRead: report.rowsRead,
        reasons: report.skipped.map { "\($0.count) × \($0.reason)" }.joined(separator: "; "))
    }
    if report.duplicateRows > 0 && options.duplicates == .keep {
      report.warnings.append("\(report.duplicateRows) rows repeat an earlier row exactly and were kept (weights add up); use --duplicates drop to skip them")
    }
    report.warnings += accumulator.nameWarnings
    report.noteDepartmentConflicts(accumulator.votes)
    return accumulator.finish(reports: [report])
  }
}
