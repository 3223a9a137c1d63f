import SiloGraph
import SiloIngest
import Testing

/// A delimited log read in stretches (on several threads) is the log one pass reads: the same
/// names in the same order, entries, departments, counts, skipped rows and lines, and the same
/// error, wherever the cuts fall (inside a quoted field, inside a record, at a line break).
@Suite("Reading in stretches")
struct StretchReadingTests {
  @Test("Random logs with bad rows, repeats, respelled names and quoted line breaks, cut anywhere")
  func randomLogsCutAnywhere() throws {
    var generator = SeededGenerator(seed: 16)
    var read = 0
    for round in 0 ..< 300 {
      let text = Self.randomLog(using: &generator)
      let bytes = Array(text.utf8)
      var options = LogReadOptions()
      options.duplicates = round % 2 == 0 ? .keep : .drop
      let whole = Result { () throws(IngestError) in try ProjectLogReader.read(bytes: bytes, name: "log.csv", options: options) }
      if case .success = whole { read += 1 }
      for _ in 0 ..< 6 {
        let cuts = (0 ..< Int.random(in: 1 ... 4, using: &generator)).map { _ in Int.random(in: 0 ... bytes.count, using: &generator) }
        let stretched = Result { () throws(IngestError) in
          try ProjectLogReader.read(bytes: bytes, name: "log.csv", options: options, cuttingAt: cuts)
        }
        #expect(stretched == whole, "round \(round), cuts \(cuts.sorted()):\n\(text)")
      }
    }
    // Most logs are read; the others check that the same error is thrown.
    #expect(read > 200, "\(read) of 300 logs read")
  }

  @Test("Every cut of a small log with a repeat across the cut, a bad row after it and a new spelling")
  func everyCut() throws {
    let text = """
      person,department,project,date,hours
      Ana,Zorg,P1,2025-01-02,3
      Bob,Zorg,P1,2025-01-02,2
      "Carl
      Jansen",Wijk,P2,2025-01-03,1
      Ana,Zorg,P1,2025-01-02,3
      Zoe\u{0308},Wijk,P2,2025-01-04,-1
      Zoë,Zorg,P2,2025-01-04,1
      Bob,Wijk,P3,2025-01-05,2
      Zoe\u{0308},Wijk,P3,2025-01-06,1

      Ana,Zorg,P1,2025-01-02,3,extra

      """
    let bytes = Array(text.utf8)
    for policy in DuplicatePolicy.allCases {
      var options = LogReadOptions()
      options.duplicates = policy
      let whole = try ProjectLogReader.read(bytes: bytes, name: "log.csv", options: options)
      #expect(whole.report.duplicateRows == 1)
      for cut in 0 ... bytes.count {
        let stretched = try ProjectLogReader.read(bytes: bytes, name: "log.csv", options: options, cuttingAt: [cut])
        #expect(stretched == whole, "cut at \(cut), \(policy)")
      }
    }
  }

  @Test("An unclosed quote in a later stretch is the error one pass gives, with its line")
  func errorInALaterStretch() throws {
    let text = "person,project,hours\nAna,P1,1\nBob,P1,2\nCarl,\"P2,3\nDirk,P3,4\n"
    let bytes = Array(text.utf8)
    let whole = Result { () throws(IngestError) in try ProjectLogReader.read(bytes: bytes, name: "log.csv", options: LogReadOptions()) }
    guard case .failure(let error) = whole else {
      Issue.record("one pass read an unclosed quote")
      return
    }
    #expect(error.description.contains("log.csv:4:6"))
    for cut in 0 ... bytes.count {
      let stretched = Result { () throws(IngestError) in
        try ProjectLogReader.read(bytes: bytes, name: "log.csv", options: LogReadOptions(), cuttingAt: [cut])
      }
      #expect(stretched == whole, "cut at \(cut)")
    }
  }

  @Test("A log of several mebibytes read on 1, 2 and 3 threads")
  func threads() throws {
    var lines = ["person,department,project,date,hours"]
    var generator = SeededGenerator(seed: 3)
    for row in 0 ..< 120_000 {
      let person = Int.random(in: 0 ..< 5000, using: &generator)
      let project = Int.random(in: 0 ..< 800, using: &generator)
      let quoted = row % 997 == 0 ? "\"Team \(project),\nnieuw\"" : "P\(project)"
      lines.append("M\(person),Afdeling \(person % 40),\(quoted),2025-0\(1 + row % 9)-1\(row % 10),\(1 + row % 7)")
      if row % 5003 == 0 { lines.append(lines[lines.count - 1]) }
    }
    let bytes = Array((lines.joined(separator: "\n") + "\n").utf8)
    #expect(bytes.count > 3 << 20)
    let files = Files()
    defer { files.remove() }
    let path = files.bytes("big.csv", bytes)
    var options = LogReadOptions()
    let one = try ProjectLogReader.read(path: path, options: options)
    // 24 rows written twice on purpose, and a few random rows that happen to repeat.
    #expect(one.report.duplicateRows >= 24)
    for threads in [2, 3] {
      options.threads = threads
      #expect(try ProjectLogReader.read(path: path, options: options) == one, "\(threads) threads")
    }
  }

  /// A small random log: names from a few people written in several ways (decomposed,
  /// with spaces, a zero-width space), departments that change, bad hours and dates, blank
  /// lines, rows with a field too many, quoted fields with commas and line breaks, repeats.
  static func randomLog(using generator: inout SeededGenerator) -> String {
    let people = ["Ana", "Bob", "Zoë", "Zoe\u{0308}", " Ana ", "Bo\u{200B}b", "\"Jansen, K.\"", "\"Line\nBreak\"", "Éva", "E\u{0301}va"]
    let projects = ["P1", "P2", "\"P,3\"", "P4", "\"P\n5\"", "p1"]
    let departments = ["Zorg", "Wijk", "", "Z\u{00F6}rg", "\"Wijk, Noord\""]
    let dates = ["2025-01-02", "2025-03-04", "", "2025-13-01", "2025-02-28"]
    let hours = ["1", "2.5", "-1", "", "x", "0", "7"]
    var rows = ["person,department,project,date,hours"]
    for _ in 0 ..< Int.random(in: 0 ... 30, using: &generator) {
      let kind = Int.random(in: 0 ..< 20, using: &generator)
      if kind == 0 {
        rows.append("")
      } else if kind == 1, rows.count > 1 {
        rows.append(rows[Int.random(in: 1 ..< rows.count, using: &generator)])
      } else {
        var fields = [people, departments, projects, dates, hours].map { $0.randomElement(using: &generator)! }
        if kind == 2 { fields.append("extra") }
        if kind == 3 { fields.removeLast() }
        rows.append(fields.joined(separator: ","))
      }
    }
    return rows.joined(separator: Bool.random(using: &generator) ? "\n" : "\r\n") + (Bool.random(using: &generator) ? "\n" : "")
  }
}

/// The UTF-8 check on several threads finds the byte one pass finds.
@Suite("UTF-8 check in parts")
struct UTF8PartsTests {
  @Test("Random text with two-, three- and four-byte characters and stray bytes, checked in 2–5 parts")
  func partsFindTheFirstInvalidByte() {
    var generator = SeededGenerator(seed: 8)
    let pieces: [[UInt8]] = [
      Array("a,b\n".utf8), Array("ë".utf8), Array("€".utf8), Array("😀".utf8), [0x80], [0xC3], [0xF0, 0x9F], [0xFF],
    ]
    var invalid = 0
    for round in 0 ..< 500 {
      var bytes: [UInt8] = []
      for _ in 0 ..< Int.random(in: 1 ... 60, using: &generator) {
        // Mostly valid text, now and then a stray or cut-off byte.
        let piece = Int.random(in: 0 ..< 100, using: &generator) < 97
          ? pieces[Int.random(in: 0 ..< 4, using: &generator)] : pieces[Int.random(in: 4 ..< 8, using: &generator)]
        bytes += piece
      }
      let whole = UTF8Validation.firstInvalidByte(in: bytes)
      if whole != nil { invalid += 1 }
      for threads in 2 ... 5 {
        #expect(UTF8Validation.firstInvalidByte(in: bytes, threads: threads, minimumBytes: 1) == whole, "round \(round)")
      }
    }
    #expect(invalid > 100 && invalid < 450, "\(invalid) of 500 texts invalid")
  }
}
