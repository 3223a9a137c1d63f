import Dispatch
import SiloGraph

/// The records of a delimited log read in stretches on several threads and joined into what
/// one pass over the file reads: the same names in the same order, the same entries, the same
/// counts, skipped rows and lines.
///
/// The text after the header is cut into stretches of about equal size, each cut just after a
/// line break. Every stretch is read at the same time by its own scanner into its own name
/// tables and counts, its lines counted from 1. A cut is the start of a record unless a quoted
/// field that holds a line break spans it, and a stretch cannot tell; so the stretches are
/// joined in order, and a stretch's reading is used only when the reading before it ended
/// exactly at its cut and the stretch read without an error. Otherwise the reading before it
/// goes on over the stretch as one pass would (and meets any error where one pass meets it):
/// a wrong guess costs time, never a different result.
///
/// Joining a stretch (``DelimitedLogRows/append(_:report:laterReport:lineOffset:threads:)``) numbers
/// its names in the first stretch's tables in the order the stretch first read them and moves
/// its lines down; repeated rows are looked for once all are joined.
struct DelimitedLogStretches {
  /// Stretches are at least this long, so that a small file is read in one pass.
  static let minimumBytes = 1 << 20

  private let file: InputFile
  private let delimiter: UInt8
  /// Where each stretch starts, and the end of the file last.
  let cuts: [Int]
  /// The line on which the first stretch starts.
  private let line: Int

  /// The text of `file` from `start` (the first record after the header, on line `line`) cut
  /// into at most `parts` stretches of at least `minimumBytes` bytes.
  init(file: InputFile, delimiter: UInt8, start: Int, line: Int, parts: Int, minimumBytes: Int = Self.minimumBytes) {
    self.file = file
    self.delimiter = delimiter
    self.line = line
    let count = file.bytes.count
    let parts = max(1, min(parts, (count - start) / max(1, minimumBytes)))
    var cuts = [start]
    for part in 1 ..< parts {
      let cut = Self.lineStart(in: file.bytes, from: start + (count - start) * part / parts)
      if cut > cuts.last! && cut < count { cuts.append(cut) }
    }
    cuts.append(count)
    self.cuts = cuts
  }

  /// Stretches cut at the given offsets (anywhere: a cut inside a record is found out and
  /// read over), for tests.
  init(file: InputFile, delimiter: UInt8, start: Int, line: Int, cuts: [Int]) {
    self.file = file
    self.delimiter = delimiter
    self.line = line
    self.cuts = [start] + Set(cuts).sorted().filter { $0 > start && $0 < file.bytes.count } + [file.bytes.count]
  }

  /// The first offset at or after `offset` that follows a line break (LF, or a CR not
  /// followed by LF), or the end of the bytes.
  static func lineStart(in bytes: [UInt8], from offset: Int) -> Int {
    var i = max(1, offset)
    while i < bytes.count {
      let previous = bytes[i - 1]
      if previous == 0x0A || (previous == 0x0D && bytes[i] != 0x0A) { return i }
      i += 1
    }
    return bytes.count
  }

  /// One stretch as read on its own: its rows, its counts, and where its reading ended.
  private struct Stretch {
    var rows: DelimitedLogRows
    var report: IngestReport
    /// The offset and the line (counted in the stretch) after its last record.
    let end: Int
    let endLine: Int
  }

  /// The rows of every stretch, joined; the counts and places go into `report`.
  func read(_ layout: DelimitedLogLayout, report: inout IngestReport, threads: Int) throws(IngestError) -> DelimitedLogRows {
    // Each stretch is taken out of the list when it is used, so that the rows grow in place
    // (the first stretch's arrays have no other owner) and a joined stretch's storage goes.
    var stretches = readAll(layout, threads: threads)
    let first = try stretches[0].take()!.get()
    report.append(stretch: first.report, lineOffset: 0)
    var position = first.end, line = first.endLine
    var rows = (consume first).rows
    for k in 1 ..< stretches.count {
      if position == cuts[k], case .success(let stretch)? = stretches[k].take() {
        rows.append(stretch.rows, report: &report, laterReport: stretch.report, lineOffset: line - 1, threads: threads)
        position = stretch.end
        line += stretch.endLine - 1
      } else if position < cuts[k + 1] {
        let scanner = DelimitedScanner(file: file, delimiter: delimiter, start: position, end: cuts[k + 1], line: line)
        try rows.scan(scanner, report: &report)
        position = scanner.offset
        line = scanner.nextLine
      }
      stretches[k] = nil
    }
    return rows
  }

  /// Every stretch read on its own, `threads` at a time.
  private func readAll(_ layout: DelimitedLogLayout, threads: Int) -> [Result<Stretch, IngestError>?] {
    let count = cuts.count - 1
    let results = ThreadSlots<Result<Stretch, IngestError>?>(count: count, initial: nil)
    let threadCount = max(1, min(threads, count))
    let work: @Sendable (Int) -> Void = { [self] t in
      for k in stride(from: t, to: count, by: threadCount) {
        results.set(k, Result { () throws(IngestError) in try readStretch(k, layout) })
      }
    }
    if threadCount == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: threadCount, execute: work) }
    return results.take()
  }

  private func readStretch(_ k: Int, _ layout: DelimitedLogLayout) throws(IngestError) -> Stretch {
    let scanner = DelimitedScanner(
      file: file, delimiter: delimiter, start: cuts[k], end: cuts[k + 1], line: k == 0 ? line : 1)
    // The first stretch's rows receive the later stretches' when they are joined: room for
    // the whole text is reserved (memory not written is not used).
    var rows = DelimitedLogRows(layout: layout, bytes: (k == 0 ? cuts[cuts.count - 1] : cuts[k + 1]) - cuts[k])
    var report = IngestReport(file: layout.file, format: "")
    try rows.scan(scanner, report: &report)
    return Stretch(rows: rows, report: report, end: scanner.offset, endLine: scanner.nextLine)
  }
}
