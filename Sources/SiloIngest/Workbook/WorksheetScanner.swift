/// Reads a worksheet part (`xl/worksheets/sheetN.xml`) from its bytes, element by element,
/// into a ``WorksheetPart/Content``.
///
/// A worksheet is a long, flat list of `row`, `c`, `v` and `is`/`t` elements; the scanner
/// reads just that grammar, with what XML allows around it: namespace prefixes (`x:c`),
/// attributes in either quote and any order, self-closing elements, comments, processing
/// instructions, CDATA sections, the five named entities and character references, and line
/// ends normalized as XML normalizes them (CR LF and CR become LF). Foundation's `XMLParser`,
/// which reads the workbook's other, small parts, makes a String and a dictionary for every
/// element: only collecting the cell texts of a million-row sheet with it takes 1.5 times as
/// long as the whole read of the workbook as a log with this scanner (11.5 s against 7.6 s,
/// Tests/Benchmarks `WorkbookRead`), and given a large sheet at once rather than as a stream
/// it fails near the end.
enum WorksheetScanner {
  /// Scans `bytes` into `sheet`.
  ///
  /// - Throws: ``WorkbookProblem`` when the part is not well-formed where the scanner looks
  ///   (a tag or a comment that is never closed, an unknown entity).
  static func scan(_ bytes: [UInt8], into sheet: WorksheetPart.Content, part: String) throws {
    try bytes.withUnsafeBufferPointer { b in
      var scanner = Cursor(b: b, part: part)
      try scanner.run(sheet)
    }
  }

  struct Cursor {
    let b: UnsafeBufferPointer<UInt8>
    let part: String
    var i = 0
    /// Inside `rPh` (a phonetic run, not part of the text).
    var phonetic = 0
    var inlineString = false

    init(b: UnsafeBufferPointer<UInt8>, part: String) {
      self.b = b
      self.part = part
    }

    func damaged(_ what: String) -> WorkbookProblem {
      WorkbookProblem(reason: "the workbook is damaged (\(part): \(what)); open it in Excel and save it again, or save it as CSV UTF-8")
    }

    func starts(_ text: StaticString, at k: Int) -> Bool {
      let n = text.utf8CodeUnitCount
      guard k + n <= b.count else { return false }
      let p = text.utf8Start
      for j in 0 ..< n where b[k + j] != p[j] { return false }
      return true
    }

    /// The offset just past the next `end` from `k`.
    func past(_ end: StaticString, from k: Int) throws -> Int {
      var j = k
      while j < b.count {
        if b[j] == end.utf8Start[0] && starts(end, at: j) { return j + end.utf8CodeUnitCount }
        j += 1
      }
      throw damaged("\(end) is missing")
    }

    mutating func run(_ sheet: WorksheetPart.Content) throws {
      let n = b.count
      while i < n {
        guard b[i] == 0x3C else { i += 1; continue }  // "<"
        if starts("<!--", at: i) { i = try past("-->", from: i + 4); continue }
        if starts("<![CDATA[", at: i) { i = try past("]]>", from: i + 9); continue }
        if starts("<?", at: i) { i = try past("?>", from: i + 2); continue }
        if starts("<!", at: i) { i = try past(">", from: i + 2); continue }
        try tag(sheet)
      }
    }

    /// The tag at `i`: its local name, whether it closes or is self-closing, and its
    /// attributes' range; moves `i` past it and reads a `v` or `t` element's text.
    mutating func tag(_ sheet: WorksheetPart.Content) throws {
      let closing = i + 1 < b.count && b[i + 1] == 0x2F
      var j = i + (closing ? 2 : 1)
      var nameStart = j
      while j < b.count, !Self.endsName(b[j]) {
        if b[j] == 0x3A { nameStart = j + 1 }  // a prefix ends at ":"
        j += 1
      }
      let name = UnsafeBufferPointer(rebasing: b[nameStart ..< j])
      var k = j, quote: UInt8 = 0
      while k < b.count {
        let c = b[k]
        if quote != 0 {
          if c == quote { quote = 0 }
        } else if c == 0x22 || c == 0x27 {
          quote = c
        } else if c == 0x3E {
          break
        }
        k += 1
      }
      guard k < b.count else { throw damaged("a tag is never closed") }
      let selfClosing = !closing && b[k - 1] == 0x2F
      let attributes = j ..< (selfClosing ? k - 1 : k)
      i = k + 1
      try element(Self.kind(name), closing: closing, selfClosing: selfClosing, attributes: attributes, sheet)
    }

    enum Kind { case row, cell, value, text, inlineString, phonetic, mergeCell, other }

    static func kind(_ name: UnsafeBufferPointer<UInt8>) -> Kind {
      switch name.count {
      case 1: return name[0] == 0x63 ? .cell : name[0] == 0x76 ? .value : name[0] == 0x74 ? .text : .other  // c v t
      case 2: return name[0] == 0x69 && name[1] == 0x73 ? .inlineString : .other  // is
      case 3:
        if name.elementsEqual("row".utf8) { return .row }
        return name.elementsEqual("rPh".utf8) ? .phonetic : .other
      case 9: return name.elementsEqual("mergeCell".utf8) ? .mergeCell : .other
      default: return .other
      }
    }

    static func endsName(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x3E || c == 0x2F }

    mutating func element(_ kind: Kind, closing: Bool, selfClosing: Bool, attributes: Range<Int>, _ sheet: WorksheetPart.Content) throws {
      switch (kind, closing) {
      case (.row, false):
        sheet.startRow(try attribute("r", in: attributes).flatMap { Self.integer($0) })
      case (.cell, false):
        let r = try attribute("r", in: attributes).flatMap { WorksheetPart.reference(bytes: $0) }
        let type = try attribute("t", in: attributes).map { String(decoding: $0, as: UTF8.self) }
        sheet.startCell(column: r?.column, type: type, style: try attribute("s", in: attributes).flatMap { Self.integer($0) })
        if selfClosing { sheet.endCell() }
      case (.cell, true):
        sheet.endCell()
      case (.value, false) where !selfClosing:
        try readText(into: &sheet.value)
      case (.text, false) where !selfClosing:
        if inlineString && phonetic == 0 { try readText(into: &sheet.value) } else { var ignored: [UInt8] = []; try readText(into: &ignored) }
      case (.inlineString, false): inlineString = !selfClosing
      case (.inlineString, true): inlineString = false
      case (.phonetic, false): if !selfClosing { phonetic += 1 }
      case (.phonetic, true): phonetic = max(0, phonetic - 1)
      case (.mergeCell, false):
        if let ref = try attribute("ref", in: attributes) {
          let ends = ref.split(separator: 0x3A).map { WorksheetPart.reference(bytes: $0) }
          if ends.count == 2, let a = ends[0], let c = ends[1] { sheet.merge(a, c) }
        }
      default: break
      }
    }

    /// The text from `i` to the next end tag, entities and CDATA decoded, line ends
    /// normalized; `i` is left at the end tag.
    mutating func readText(into out: inout [UInt8]) throws {
      while i < b.count {
        let c = b[i]
        if c == 0x3C {
          if starts("<![CDATA[", at: i) {
            let end = try past("]]>", from: i + 9)
            out += b[(i + 9) ..< (end - 3)]
            i = end
            continue
          }
          if starts("<!--", at: i) { i = try past("-->", from: i + 4); continue }
          return
        }
        if c == 0x26 {  // "&"
          try entity(into: &out)
          continue
        }
        if c == 0x0D {  // CR LF and CR are LF
          out.append(0x0A)
          i += (i + 1 < b.count && b[i + 1] == 0x0A) ? 2 : 1
          continue
        }
        out.append(c)
        i += 1
      }
    }

    /// The entity or character reference at `i`, decoded into `out`.
    mutating func entity(into out: inout [UInt8]) throws {
      var end = i + 1
      while end < b.count && b[end] != 0x3B && end - i < 12 { end += 1 }
      guard end < b.count, b[end] == 0x3B else { throw damaged("an & that starts no entity") }
      let name = UnsafeBufferPointer(rebasing: b[(i + 1) ..< end])
      i = end + 1
      switch String(decoding: name, as: UTF8.self) {
      case "amp": out.append(0x26)
      case "lt": out.append(0x3C)
      case "gt": out.append(0x3E)
      case "quot": out.append(0x22)
      case "apos": out.append(0x27)
      case let reference where reference.hasPrefix("#"):
        let hex = reference.hasPrefix("#x") || reference.hasPrefix("#X")
        guard let value = UInt32(reference.dropFirst(hex ? 2 : 1), radix: hex ? 16 : 10), let scalar = Unicode.Scalar(value) else {
          throw damaged("the character reference &\(reference); is no character")
        }
        out += Array(String(scalar).utf8)
      case let other:
        throw damaged("the entity &\(other); is not XML's")
      }
    }

    /// The value of the attribute whose local name is `name` in `range`, decoded.
    func attribute(_ name: StaticString, in range: Range<Int>) throws -> [UInt8]? {
      var k = range.lowerBound
      let end = range.upperBound
      while k < end {
        while k < end && (b[k] == 0x20 || b[k] == 0x09 || b[k] == 0x0A || b[k] == 0x0D) { k += 1 }
        var nameStart = k
        while k < end && b[k] != 0x3D && b[k] != 0x20 {
          if b[k] == 0x3A { nameStart = k + 1 }
          k += 1
        }
        let attributeName = UnsafeBufferPointer(rebasing: b[nameStart ..< k])
        while k < end && b[k] != 0x22 && b[k] != 0x27 { k += 1 }
        guard k < end else { return nil }
        let quote = b[k]
        let valueStart = k + 1
        k = valueStart
        while k < end && b[k] != quote { k += 1 }
        if attributeName.elementsEqual(UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)) {
          var cursor = Cursor(b: b, part: part)
          cursor.i = valueStart
          var value: [UInt8] = []
          while cursor.i < k {
            if b[cursor.i] == 0x26 { try cursor.entity(into: &value) } else { value.append(b[cursor.i]); cursor.i += 1 }
          }
          return value
        }
        k += 1
      }
      return nil
    }

    /// A decimal number of at most 9 digits, or `nil`.
    static func integer(_ bytes: [UInt8]) -> Int? {
      guard !bytes.isEmpty, bytes.count <= 9, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
      return bytes.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }
  }
}
