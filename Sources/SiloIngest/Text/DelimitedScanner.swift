// A hand-written RFC 4180 scanner over the bytes of a whole file.
//
// Why not yaslab/CSV.swift or SwiftCSV: both build a `String` per field (and SwiftCSV a
// dictionary per row); the ingest goal is a 1,000,000-row log read and projected in under 2 s
// on one core, and the log reader interns names straight from bytes without creating a
// `String` per field. Neither library is kept, so no benchmark here compares them; the Ingest
// suite in Tests/Benchmarks (`run.sh ingest`) times this reader against pandas' `read_csv`.

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
///
/// The scanner is a class that owns the buffers of the current record, so that callers read
/// fields through plain pointers (``field(_:)``) without a closure per row: closures that
/// capture the reader's tables made Swift box them and check exclusive access on every row,
/// which cost more than the scanning itself (perf, 1,000,000-row log).
package final class DelimitedScanner {
  package let file: InputFile
  package let delimiter: UInt8
  /// Where reading stops: ``next()`` reads no record that starts at or after this offset (a
  /// record that starts before it is read to its end).
  package let end: Int
  private var position: Int
  /// The physical line the scanner is on (1-based).
  private var line: Int
  /// Decoded bytes of the current record's fields, back to back.
  private var data: UnsafeMutablePointer<UInt8>
  private var dataCount = 0
  private var dataCapacity = 4096
  /// End offset in `data` of each field, and the byte offset in the file where it starts.
  private var ends: UnsafeMutablePointer<Int>
  private var starts: UnsafeMutablePointer<Int>
  private var fieldsCount = 0
  private var fieldsCapacity = 64
  /// The line on which the current record starts.
  package private(set) var recordLine = 0

  /// A scanner over the whole of `file`.
  package convenience init(file: InputFile, delimiter: UInt8) {
    self.init(file: file, delimiter: delimiter, start: 0, end: file.bytes.count, line: 1)
  }

  /// A scanner over the records that start in `start ..< end` of `file`; `start` is the start
  /// of a record, on physical line `line` (or of what is taken to be one: see
  /// ``DelimitedLogStretches``).
  package init(file: InputFile, delimiter: UInt8, start: Int, end: Int, line: Int) {
    self.file = file
    self.delimiter = delimiter
    self.end = end
    position = start
    self.line = line
    data = .allocate(capacity: dataCapacity)
    ends = .allocate(capacity: fieldsCapacity)
    starts = .allocate(capacity: fieldsCapacity)
  }

  deinit {
    data.deallocate()
    ends.deallocate()
    starts.deallocate()
  }

  /// The number of fields of the current record.
  package var fieldCount: Int { fieldsCount }

  /// The byte offset where the next record starts (after the current one).
  package var offset: Int { position }

  /// The physical line on which the next record starts.
  package var nextLine: Int { line }

  /// The decoded bytes of the whole record (fields back to back), valid until ``next()``.
  package var recordBytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: data, count: dataCount) }

  /// The end offsets of the fields in ``recordBytes``, valid until ``next()``.
  package var fieldEnds: UnsafeBufferPointer<Int> { UnsafeBufferPointer(start: ends, count: fieldsCount) }

  /// Whether every field of the current record is empty or white space (a blank line, a line
  /// of spaces, or `;;;;`). A line of spaces counts as blank, as it does for JSON Lines and
  /// for an empty file: otherwise a few such lines at the end of a short file were rows with
  /// the wrong number of fields, enough to call the whole file malformed.
  package var isBlank: Bool {
    for i in 0 ..< dataCount where !Self.isSpace(data[i]) { return false }
    return true
  }

  /// The byte range of field `index` in ``recordBytes``.
  @inline(__always)
  package func fieldRange(_ index: Int) -> Range<Int> {
    (index == 0 ? 0 : ends[index - 1]) ..< ends[index]
  }

  /// Field `index` without surrounding white space, valid until ``next()``.
  @inline(__always)
  package func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
    let range = fieldRange(index)
    var low = range.lowerBound, high = range.upperBound
    while low < high && Self.isSpace(data[low]) { low += 1 }
    while high > low && Self.isSpace(data[high - 1]) { high -= 1 }
    return UnsafeBufferPointer(start: data + low, count: high - low)
  }

  /// Field `index` as a string.
  package func string(_ index: Int) -> String {
    let range = fieldRange(index)
    return String(decoding: UnsafeBufferPointer(start: data + range.lowerBound, count: range.count), as: UTF8.self)
  }

  /// Field `index` as a string with surrounding white space removed.
  package func trimmedString(_ index: Int) -> String {
    String(decoding: field(index), as: UTF8.self)
  }

  @inline(__always)
  package static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

  /// The location (line and character column) where field `index` of the current record
  /// starts. Computed on demand: only messages need it.
  package func location(ofField index: Int) -> SourceLocation {
    let offset = index < fieldsCount ? starts[index] : (fieldsCount > 0 ? starts[fieldsCount - 1] : position)
    return location(ofOffset: offset)
  }

  private func location(ofOffset offset: Int) -> SourceLocation {
    let bytes = file.bytes
    var lineStart = offset
    while lineStart > 0 && bytes[lineStart - 1] != 0x0A && bytes[lineStart - 1] != 0x0D { lineStart -= 1 }
    // Count the line breaks between the record's start and the offset (quoted line breaks).
    var line = recordLine
    var i = fieldsCount > 0 ? starts[0] : offset
    while i < lineStart {
      if bytes[i] == 0x0A || (bytes[i] == 0x0D && (i + 1 >= bytes.count || bytes[i + 1] != 0x0A)) { line += 1 }
      i += 1
    }
    return SourceLocation(
      file: file.name, line: line, column: TextPosition.column(of: offset, lineStart: lineStart, in: bytes))
  }

  @inline(__always)
  private func appendData(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) {
    let count = end - start
    if dataCount + count + 16 > dataCapacity {
      var capacity = dataCapacity * 2
      while capacity < dataCount + count + 16 { capacity *= 2 }
      let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
      grown.update(from: data, count: dataCount)
      data.deallocate()
      data = grown
      dataCapacity = capacity
    }
    if count <= 16 && start + 16 <= bytes.count {
      // Most fields are short: two 8-byte moves (the bytes after the field are overwritten
      // by the next field or ignored) cost less than a call to memmove.
      let source = UnsafeRawPointer(bytes.baseAddress! + start), target = UnsafeMutableRawPointer(data + dataCount)
      target.storeBytes(of: source.loadUnaligned(as: UInt64.self), as: UInt64.self)
      target.storeBytes(of: source.loadUnaligned(fromByteOffset: 8, as: UInt64.self), toByteOffset: 8, as: UInt64.self)
    } else if count > 0 {
      (data + dataCount).update(from: bytes.baseAddress! + start, count: count)
    }
    dataCount += count
  }

  @inline(__always)
  private func appendByte(_ byte: UInt8) {
    var one = byte
    withUnsafePointer(to: &one) { appendData(UnsafeBufferPointer(start: $0, count: 1), from: 0, to: 1) }
  }

  @inline(__always)
  private func beginField(at offset: Int) {
    if fieldsCount == fieldsCapacity {
      let capacity = fieldsCapacity * 2
      let grownEnds = UnsafeMutablePointer<Int>.allocate(capacity: capacity)
      let grownStarts = UnsafeMutablePointer<Int>.allocate(capacity: capacity)
      grownEnds.update(from: ends, count: fieldsCount)
      grownStarts.update(from: starts, count: fieldsCount)
      ends.deallocate()
      starts.deallocate()
      ends = grownEnds
      starts = grownStarts
      fieldsCapacity = capacity
    }
    starts[fieldsCount] = offset
    ends[fieldsCount] = dataCount
    fieldsCount += 1
  }

  @inline(__always)
  private func endField() { ends[fieldsCount - 1] = dataCount }

  /// The offset of the first delimiter, LF or CR at or after `offset` (the end of an unquoted
  /// field), or the end of the bytes. Eight bytes at a time: a byte equal to one of the three
  /// is a zero byte of the word XOR that byte repeated, and the lowest zero byte of a word `v`
  /// is the lowest bit set in `(v − 0x01…01) & ~v & 0x80…80` (bits above it may be set falsely,
  /// never below).
  @inline(__always)
  private static func fieldEnd(in bytes: UnsafeBufferPointer<UInt8>, from offset: Int, delimiter: UInt8) -> Int {
    let count = bytes.count
    var position = offset
    let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
    let d = UInt64(delimiter) &* ones, lf = 0x0A &* ones, cr = 0x0D &* ones
    @inline(__always) func zeros(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & highs }
    let raw = UnsafeRawPointer(bytes.baseAddress!)
    while position + 8 <= count {
      let word = raw.loadUnaligned(fromByteOffset: position, as: UInt64.self)
      let found = zeros(word ^ d) | zeros(word ^ lf) | zeros(word ^ cr)
      if found != 0 { return position + (found.trailingZeroBitCount >> 3) }
      position += 8
    }
    while position < count {
      let b = bytes[position]
      if b == delimiter || b == 0x0A || b == 0x0D { break }
      position += 1
    }
    return position
  }

  /// Reads a quoted field that starts at the current position (its opening quote) up to and
  /// including its closing quote, `""` read as one quote; throws when the quote is never
  /// closed or text follows the closing quote.
  @inline(__always)
  private func quotedField(_ bytes: UnsafeBufferPointer<UInt8>) throws(IngestError) {
    let count = bytes.count
    let open = position
    position += 1
    var runStart = position
    while true {
      guard position < count else {
        throw IngestError.malformed(
          location(ofOffset: open),
          reason: "a quoted field starts here but its closing quote is missing")
      }
      let b = bytes[position]
      if b == 0x22 {
        appendData(bytes, from: runStart, to: position)
        if position + 1 < count && bytes[position + 1] == 0x22 {
          appendByte(0x22)
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
  }

  /// Reads the next record. Returns `false` at the end of the file.
  package func next() throws(IngestError) -> Bool {
    let count = file.bytes.count
    guard position < end else { return false }
    dataCount = 0
    fieldsCount = 0
    recordLine = line
    let delimiter = self.delimiter
    return try file.bytes.withUnsafeBufferPointer { bytes throws(IngestError) -> Bool in
      while true {
        beginField(at: position)
        if position < count && bytes[position] == 0x22 {
          try quotedField(bytes)
        } else {
          let runStart = position
          position = Self.fieldEnd(in: bytes, from: position, delimiter: delimiter)
          appendData(bytes, from: runStart, to: position)
        }
        endField()
        if position >= count { return true }
        let b = bytes[position]
        if b == delimiter {
          position += 1
          if position >= count {
            // A delimiter at the very end: one more, empty field.
            beginField(at: position)
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

extension DelimitedScanner {
  /// The weight in `column` of the current record (1 without a weight column), or `nil` once
  /// the row is counted in `report` as skipped because its weight cannot be read (`hours`:
  /// the field holds a log's hours rather than a tie's weight).
  package func weight(in column: Int?, decimalComma: Bool, hours: Bool, report: inout IngestReport) -> Double? {
    guard let column else { return 1 }
    switch FieldParsing.weight(field(column), decimalComma: decimalComma) {
    case .success(let value): return value
    case .failure(let problem):
      report.skip(.unusableWeight(problem, hours: hours), at: location(ofField: column))
      return nil
    }
  }
}
