// A hand-written RFC 4180 scanner over the bytes of a whole file.
//
// Why not yaslab/CSV.swift or SwiftCSV: both build a `String` per field (and SwiftCSV a
// dictionary per row); the ingest goal is a 1,000,000-row log read and projected in under 2 s
// on one core, and the log reader interns names straight from bytes without creating a
// `String` per field. The benchmark in Tests/Benchmarks (Ingest suite) and the closing note of
// the foundation issue give the measured difference.

/// Reads records of delimiter-separated text (CSV, semicolon-separated, TSV) field by field.
///
/// Rules, after RFC 4180 with the leniencies of real exports:
/// - A record ends at LF, CRLF or a lone CR outside quotes; the end of the file ends the last
///   record (a final line break is optional).
/// - A field that starts with `"` is quoted: it runs to the next `"` that is not doubled, and
///   may contain delimiters, line breaks and `""` (one quote). After the closing quote only a
///   delimiter or the end of the record may follow, otherwise the file is malformed.
/// - A quote inside an unquoted field is kept as text (`5" monitor`), as Excel does.
/// - A quote that is never closed is an error naming the line and column where it opened.
package struct DelimitedScanner {
  package let file: InputFile
  package let delimiter: UInt8
  private var position = 0
  /// The physical line the scanner is on (1-based).
  private var line = 1
  /// Decoded bytes of the current record's fields, back to back.
  package private(set) var fieldData: [UInt8] = []
  /// End offset in `fieldData` of each field of the current record.
  package private(set) var fieldEnds: [Int] = []
  /// Byte offset in the file where each field of the current record starts.
  private var fieldStarts: [Int] = []
  /// The line on which the current record starts.
  package private(set) var recordLine = 0

  package init(file: InputFile, delimiter: UInt8) {
    self.file = file
    self.delimiter = delimiter
    fieldData.reserveCapacity(4096)
  }

  /// The number of fields of the current record.
  package var fieldCount: Int { fieldEnds.count }

  /// Whether every field of the current record is empty or white space (a blank line, a line
  /// of spaces, or `;;;;`). A line of spaces counts as blank, as it does for JSON Lines and
  /// for an empty file: otherwise a few such lines at the end of a short file were rows with
  /// the wrong number of fields, enough to call the whole file malformed.
  package var isBlank: Bool { fieldData.allSatisfy(Self.isSpace) }

  /// The byte range of field `index` in ``fieldData``.
  @inline(__always)
  package func fieldRange(_ index: Int) -> Range<Int> {
    (index == 0 ? 0 : fieldEnds[index - 1]) ..< fieldEnds[index]
  }

  /// Field `index` as a string.
  package func string(_ index: Int) -> String {
    String(decoding: fieldData[fieldRange(index)], as: UTF8.self)
  }

  /// Field `index` as a string with surrounding white space removed.
  package func trimmedString(_ index: Int) -> String {
    let range = fieldRange(index)
    var low = range.lowerBound, high = range.upperBound
    while low < high && Self.isSpace(fieldData[low]) { low += 1 }
    while high > low && Self.isSpace(fieldData[high - 1]) { high -= 1 }
    return String(decoding: fieldData[low ..< high], as: UTF8.self)
  }

  @inline(__always)
  package static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

  /// The location (line and character column) where field `index` of the current record
  /// starts. Computed on demand: only messages need it.
  package func location(ofField index: Int) -> SourceLocation {
    let offset = index < fieldStarts.count ? fieldStarts[index] : (fieldStarts.last ?? 0)
    return location(ofOffset: offset)
  }

  private func location(ofOffset offset: Int) -> SourceLocation {
    let bytes = file.bytes
    var lineStart = offset
    while lineStart > 0 && bytes[lineStart - 1] != 0x0A && bytes[lineStart - 1] != 0x0D { lineStart -= 1 }
    // Count the line breaks between the record's start and the offset (quoted line breaks).
    var line = recordLine
    var i = fieldStarts.first ?? offset
    while i < lineStart {
      if bytes[i] == 0x0A || (bytes[i] == 0x0D && (i + 1 >= bytes.count || bytes[i + 1] != 0x0A)) { line += 1 }
      i += 1
    }
    return SourceLocation(
      file: file.name, line: line, column: TextPosition.column(of: offset, lineStart: lineStart, in: bytes))
  }

  /// Reads the next record. Returns `false` at the end of the file.
  package mutating func next() throws(IngestError) -> Bool {
    let count = file.bytes.count
    guard position < count else { return false }
    fieldData.removeAll(keepingCapacity: true)
    fieldEnds.removeAll(keepingCapacity: true)
    fieldStarts.removeAll(keepingCapacity: true)
    recordLine = line
    let delimiter = self.delimiter
    return try file.bytes.withUnsafeBufferPointer { bytes throws(IngestError) -> Bool in
      while true {
        fieldStarts.append(position)
        if position < count && bytes[position] == 0x22 {
          let open = position
          position += 1
          var runStart = position
          while true {
            guard position < count else {
              fieldStarts.removeLast()
              fieldStarts.append(open)
              throw IngestError.malformed(
                location(ofOffset: open),
                reason: "a quoted field starts here but its closing quote is missing")
            }
            let b = bytes[position]
            if b == 0x22 {
              fieldData.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart ..< position]))
              if position + 1 < count && bytes[position + 1] == 0x22 {
                fieldData.append(0x22)
                position += 2
                runStart = position
                continue
              }
              position += 1
              break
            }
            if b == 0x0A || (b == 0x0D && (position + 1 >= count || bytes[position + 1] != 0x0A)) { line += 1 }
            position += 1
          }
          if position < count {
            let b = bytes[position]
            if b != delimiter && b != 0x0A && b != 0x0D {
              throw IngestError.malformed(
                location(ofOffset: position),
                reason: "unexpected text after a closing quote; a quote inside a quoted field must be doubled (\"\")")
            }
          }
        } else {
          let runStart = position
          while position < count {
            let b = bytes[position]
            if b == delimiter || b == 0x0A || b == 0x0D { break }
            position += 1
          }
          fieldData.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart ..< position]))
        }
        fieldEnds.append(fieldData.count)
        if position >= count { return true }
        let b = bytes[position]
        if b == delimiter {
          position += 1
          if position >= count {
            // A delimiter at the very end: one more, empty field.
            fieldStarts.append(position)
            fieldEnds.append(fieldData.count)
            return true
          }
          continue
        }
        position += 1
        if b == 0x0D && position < count && bytes[position] == 0x0A { position += 1 }
        line += 1
        return true
      }
    }
  }
}

/// Chooses the delimiter of a text table among comma, semicolon and tab.
package enum DelimiterDetection {
  package static let candidates: [UInt8] = [0x2C, 0x3B, 0x09]

  /// Picks the candidate that splits the header into the most fields and gives the same number
  /// of fields on the following lines (up to 50 records, quotes respected). Returns `nil` when
  /// no candidate occurs in the header.
  package static func detect(in bytes: [UInt8]) -> UInt8? {
    var counts: [[Int]] = [[0, 0, 0]]
    // Whether each line has a byte other than white space, quotes and candidate delimiters:
    // the reader skips lines without one before the header (see
    // `ProjectLogReader.header(_:file:)`), so the header is the first line that has one.
    var hasText = [false]
    var inQuotes = false
    var i = 0
    let limit = min(bytes.count, 1 << 20)
    while i < limit && counts.count <= 51 {
      let b = bytes[i]
      if b == 0x22 {
        inQuotes.toggle()
      } else if !inQuotes {
        if b == 0x0A || b == 0x0D {
          if b == 0x0D && i + 1 < limit && bytes[i + 1] == 0x0A { i += 1 }
          counts.append([0, 0, 0])
          hasText.append(false)
        } else if let k = candidates.firstIndex(of: b) {
          counts[counts.count - 1][k] += 1
        } else if b != 0x20 {
          hasText[hasText.count - 1] = true
        }
      } else {
        hasText[hasText.count - 1] = true
      }
      i += 1
    }
    guard let headerLine = hasText.firstIndex(of: true) else { return nil }
    let header = counts[headerLine]
    let rows = counts[(headerLine + 1)...].filter { $0 != [0, 0, 0] }
    var best: (index: Int, consistent: Int, fields: Int)? = nil
    for k in 0 ..< 3 where header[k] > 0 {
      let consistent = rows.filter { $0[k] == header[k] }.count
      if best == nil || consistent > best!.consistent || (consistent == best!.consistent && header[k] > best!.fields) {
        best = (k, consistent, header[k])
      }
    }
    return best.map { candidates[$0.index] }
  }

  /// A readable name for a delimiter byte.
  package static func name(of delimiter: UInt8) -> String {
    switch delimiter {
    case 0x2C: return "comma"
    case 0x3B: return "semicolon"
    case 0x09: return "tab"
    default: return "'\(Character(Unicode.Scalar(delimiter)))'"
    }
  }
}
