import Foundation

/// A worksheet part as tab-separated lines, one per sheet row (see ``Workbook``).
enum WorksheetPart {
  static func read(_ parts: Parts, path: String, strings: [String], styles: [Bool], date1904: Bool) throws -> [UInt8] {
    guard let data = try parts.data(path) else {
      throw WorkbookProblem(reason: "the workbook is damaged (its sheet \(path) is missing); open it in Excel and save it again")
    }
    let sheet = Content(strings: strings, styles: styles, date1904: date1904)
    try WorksheetScanner.scan(Array(data), into: sheet, part: path)
    if let problem = sheet.problem { throw problem }
    try sheet.fillMergedRanges()
    return try sheet.text()
  }

  /// A cell reference's column and row ("C5" → (3, 5)); `nil` when it is not one.
  static func reference(_ text: String) -> (column: Int, row: Int)? { reference(bytes: text.utf8) }

  /// ``reference(_:)`` of the UTF-8 bytes of a reference.
  static func reference<Bytes: Sequence<UInt8>>(bytes: Bytes) -> (column: Int, row: Int)? {
    var column = 0, row = 0, letters = 0, digits = 0
    for byte in bytes {
      switch byte {
      case UInt8(ascii: "A") ... UInt8(ascii: "Z") where digits == 0:
        column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
        letters += 1
      case UInt8(ascii: "$"): continue
      case UInt8(ascii: "0") ... UInt8(ascii: "9") where letters > 0:
        row = row * 10 + Int(byte - UInt8(ascii: "0"))
        digits += 1
      default: return nil
      }
      if letters > 3 || digits > 7 { return nil }
    }
    return letters > 0 && digits > 0 && column <= 16_384 && row >= 1 ? (column, row) : nil
  }

  /// The date a serial number counts in the workbook's date system, as `yyyy-mm-dd`.
  static func date(serial: Double, date1904: Bool) -> String? {
    guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
    let day = Int(serial.rounded(.down))
    if date1904 { return LogDate(dayNumber: LogDate(year: 1904, month: 1, day: 1)!.dayNumber + Int32(day)).description }
    // Serial 60 is Lotus 1-2-3's 29 February 1900, which did not exist: no date.
    if day == 60 { return "1900-02-29" }
    let base = LogDate(year: 1899, month: 12, day: day < 60 ? 31 : 30)!.dayNumber
    return LogDate(dayNumber: base + Int32(day)).description
  }

  /// What the scanner reads from a sheet, cell by cell, and the text made of it.
  final class Content {
    let strings: [String]
    let styles: [Bool]
    let date1904: Bool
    /// The rows read: their sheet row number and their cells (column, text).
    var rows: [(number: Int, cells: [(column: Int, text: String)])] = []
    var merged: [(first: (column: Int, row: Int), last: (column: Int, row: Int))] = []
    var problem: WorkbookProblem? = nil

    // The cell being read.
    var rowNumber = 0
    var cellColumn = 0
    var cellType = "n"
    var cellStyle = 0
    var value: [UInt8] = []

    init(strings: [String], styles: [Bool], date1904: Bool) {
      self.strings = strings
      self.styles = styles
      self.date1904 = date1904
    }

    /// A `row` element: its number (`r`), or the one after the last.
    func startRow(_ number: Int?) {
      rowNumber = max(number ?? (rowNumber + 1), rowNumber + 1)
      rows.append((rowNumber, []))
      cellColumn = 0
    }

    /// A `c` element: its column (from `r`, or the one after the last), type and style.
    func startCell(column: Int?, type: String?, style: Int?) {
      cellColumn = column ?? (cellColumn + 1)
      cellType = type ?? "n"
      cellStyle = style ?? 0
      value.removeAll(keepingCapacity: true)
    }

    /// The end of a `c` element: its text joins the row.
    func endCell() {
      guard !rows.isEmpty, let text = cellText(), !text.isEmpty else { return }
      rows[rows.count - 1].cells.append((cellColumn, text))
    }

    /// A `mergeCell` element's range, written from either corner ("C5:A1").
    func merge(_ a: (column: Int, row: Int), _ b: (column: Int, row: Int)) {
      merged.append(((min(a.column, b.column), min(a.row, b.row)), (max(a.column, b.column), max(a.row, b.row))))
    }

    /// The text of the cell just read.
    func cellText() -> String? {
      let text = String(decoding: value, as: UTF8.self)
      switch cellType {
      case "s":
        guard let index = Int(text), strings.indices.contains(index) else {
          problem = WorkbookProblem(reason: "the workbook is damaged (a cell refers to shared string \(text), which is not there)")
          return nil
        }
        return strings[index]
      case "b": return text == "1" ? "TRUE" : "FALSE"
      case "n":
        if styles.indices.contains(cellStyle), styles[cellStyle], let serial = Double(text) {
          return WorksheetPart.date(serial: serial, date1904: date1904)
        }
        return text
      default: return text  // inlineStr, str (a formula's text), e (#N/A), d (ISO 8601)
      }
    }

    /// The most cells merged ranges may fill, and the most cells the text may have (rows ×
    /// the widest row): a sheet beyond either is not a log (a value in column XFD, a range
    /// merged over the whole sheet), and filling it would take gigabytes.
    static let cellLimit = 100_000_000

    /// Every cell of a merged range gets the range's top-left value.
    func fillMergedRanges() throws {
      guard !merged.isEmpty else { return }
      let area = merged.reduce(0) { $0 + ($1.last.column - $1.first.column + 1) * max(0, $1.last.row - $1.first.row + 1) }
      guard area <= Self.cellLimit else {
        throw WorkbookProblem(
          reason: "its merged cells cover \(area) cells, more than a log has; unmerge them (Home > Merge & Center) or save the sheet as CSV UTF-8")
      }
      var index: [Int: Int] = [:]
      for (i, row) in rows.enumerated() { index[row.number] = i }
      for range in merged {
        guard let top = index[range.first.row],
          let value = rows[top].cells.first(where: { $0.column == range.first.column })?.text
        else { continue }
        for number in range.first.row ... range.last.row {
          if index[number] == nil {
            index[number] = rows.count
            rows.append((number, []))
          }
          let i = index[number]!
          for column in range.first.column ... range.last.column where !rows[i].cells.contains(where: { $0.column == column }) {
            rows[i].cells.append((column, value))
          }
        }
      }
      rows.sort { $0.number < $1.number }
    }

    /// One tab-separated line per sheet row from 1 to the last, every line as wide as the
    /// widest row; empty rows are blank lines.
    func text() throws -> [UInt8] {
      let rows = self.rows.filter { !$0.cells.isEmpty }
      guard let lastRow = rows.last else { return [] }
      let width = rows.map { $0.cells.map(\.column).max()! }.max()!
      guard width * lastRow.number <= Self.cellLimit else {
        throw WorkbookProblem(
          reason: "its values span \(width) columns and \(lastRow.number) rows, more than a log has (is there a stray value far to the right or below?); delete it, or save the sheet as CSV UTF-8")
      }
      var out: [UInt8] = []
      var line = 1
      for row in rows {
        while line < row.number {
          out.append(0x0A)
          line += 1
        }
        var fields = [String](repeating: "", count: width)
        for cell in row.cells where cell.column <= width { fields[cell.column - 1] = cell.text }
        for (k, field) in fields.enumerated() {
          if k > 0 { out.append(0x09) }
          out += Self.field(field)
        }
        out.append(0x0A)
        line += 1
      }
      return out
    }

    /// A cell's text as one tab-separated field: a tab or line break becomes U+2028 (LINE
    /// SEPARATOR), which ends no line and splits no field, and which the name rule reads, as
    /// it reads tabs and line breaks, as a space with a warning; a text that starts with a
    /// quote is quoted (the reader would take the quote as quoting).
    static func field(_ text: String) -> [UInt8] {
      var bytes: [UInt8] = []
      bytes.reserveCapacity(text.utf8.count)
      for b in text.utf8 {
        if b == 0x09 || b == 0x0A || b == 0x0D { bytes += [0xE2, 0x80, 0xA8] } else { bytes.append(b) }
      }
      guard bytes.first == 0x22 else { return bytes }
      var quoted: [UInt8] = [0x22]
      for b in bytes {
        quoted.append(b)
        if b == 0x22 { quoted.append(0x22) }
      }
      quoted.append(0x22)
      return quoted
    }
  }
}
