/// What happened to every row of an input: read, used, or skipped and why.
///
/// Nothing the user gave is dropped silently: each skipped row is counted under its reason,
/// and the first rows of each reason are listed with their line numbers.
///
/// Encoded as JSON (`summary --format json`, `report.json`), each reason and warning is a
/// string: its English `description`, or the wording the encoder carries
/// (``InputMessageWording``).
public struct IngestReport: Sendable, Hashable, Encodable {
  /// The file as the user named it.
  public var file: String
  /// `csv`, `tsv`, `ssv` (semicolon), `jsonl` or `graphml`.
  public var format: String
  /// `UTF-8`, `UTF-8 with BOM`, `UTF-16LE`, `UTF-16BE`.
  public var encoding: String = "UTF-8"
  /// The delimiter for text tables: `comma`, `semicolon`, `tab`.
  public var delimiter: String?
  /// Whether numbers were read with a decimal comma ("7,5").
  public var decimalComma = false
  /// Which header column fed which field (`person` → `Medewerker`).
  public var columns: [String: String] = [:]
  /// Header columns not used for any field (kept as attributes where that applies).
  public var otherColumns: [String] = []
  /// Data rows read (the header not counted).
  public var rowsRead = 0
  /// Data rows that went into the result.
  public var rowsUsed = 0
  /// Skipped rows by reason.
  public var skipped: [SkippedRows] = []
  /// Rows identical to an earlier row in every field. They are kept (their weights add up)
  /// unless the reader was asked to drop them, and always counted here.
  public var duplicateRows = 0
  /// Things the user should know that did not stop the reading.
  public var warnings: [IngestWarning] = []

  public init(file: String, format: String) {
    self.file = file
    self.format = format
  }

  /// The number of data rows skipped.
  public var rowsSkipped: Int { skipped.reduce(0) { $0 + $1.count } }

  /// Rows skipped for one reason.
  public struct SkippedRows: Sendable, Hashable, Encodable {
    /// Why the rows were skipped.
    public var reason: SkipReason
    /// How many rows were skipped for this reason.
    public var count: Int
    /// The first locations (at most ``IngestReport/examplesPerReason``), for the user to look at.
    public var examples: [SourceLocation]

    /// Rows skipped for `reason`: `count` of them, the first at `examples`.
    public init(reason: SkipReason, count: Int, examples: [SourceLocation]) {
      self.reason = reason
      self.count = count
      self.examples = examples
    }
  }

  /// How many example locations are kept per reason.
  public static let examplesPerReason = 10

  package mutating func skip(_ reason: SkipReason, at location: @autoclosure () -> SourceLocation) {
    if let i = skipped.firstIndex(where: { $0.reason == reason }) {
      skipped[i].count += 1
      if skipped[i].examples.count < Self.examplesPerReason { skipped[i].examples.append(location()) }
    } else {
      skipped.append(SkippedRows(reason: reason, count: 1, examples: [location()]))
    }
  }

  /// Rows skipped for `reason` at `lines` of `file`, found after rows further down were
  /// counted (rows that repeat an earlier row, found once all rows are read): the examples
  /// stay the first lines, and the reasons stay in the order of their first line.
  package mutating func skip(_ reason: SkipReason, atLines lines: [Int], file: String) {
    let locations = lines.map { SourceLocation(file: file, line: $0) }
    if let i = skipped.firstIndex(where: { $0.reason == reason }) {
      skipped[i].count += lines.count
      let merged = (skipped[i].examples + locations).sorted { ($0.line ?? 0) < ($1.line ?? 0) }
      skipped[i].examples = Array(merged.prefix(Self.examplesPerReason))
    } else {
      skipped.append(SkippedRows(reason: reason, count: lines.count, examples: Array(locations.prefix(Self.examplesPerReason))))
    }
    skipped.sort { ($0.examples.first?.line ?? 0) < ($1.examples.first?.line ?? 0) }
  }

  /// Adds the rows of a later stretch of the same file, counted in `later` with lines counted
  /// from its first line: its counts, and its skipped rows with their lines moved down by
  /// `lineOffset`.
  package mutating func append(stretch later: IngestReport, lineOffset: Int) {
    rowsRead += later.rowsRead
    rowsUsed += later.rowsUsed
    duplicateRows += later.duplicateRows
    for entry in later.skipped {
      add(SkippedRows(reason: entry.reason, count: entry.count, examples: entry.examples.map { $0.movedDown(by: lineOffset) }))
    }
  }

  /// Adds rows skipped for a reason, after those already counted: their count, and their
  /// examples while there is room.
  private mutating func add(_ rows: SkippedRows) {
    if let i = skipped.firstIndex(where: { $0.reason == rows.reason }) {
      skipped[i].count += rows.count
      skipped[i].examples += rows.examples.prefix(Self.examplesPerReason - skipped[i].examples.count)
    } else {
      skipped.append(SkippedRows(reason: rows.reason, count: rows.count, examples: Array(rows.examples.prefix(Self.examplesPerReason))))
    }
  }

  /// The warning every log reader gives at the end about people in more than one department.
  package mutating func noteDepartmentConflicts(_ votes: DepartmentVotes) {
    if !votes.conflicted.isEmpty {
      warnings.append(.departmentConflicts(people: votes.conflicted.count))
    }
  }

  static func grouped(_ value: Int) -> String {
    let digits = String(value)
    var out = ""
    for (i, c) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(c)
    }
    return out
  }

  /// One line per reason: "3 rows: the weight (hours) is negative (lines 4, 9, 12)".
  public var skippedSummary: [String] { skippedSummary(wording: nil) }

  /// One line per reason, each reason in `wording` (the English `description` when `nil`).
  public func skippedSummary(wording: (any InputMessageWording)?) -> [String] {
    skipped.map { entry in
      let lines = entry.examples.compactMap(\.line).map(String.init).joined(separator: ", ")
      let more = entry.count > entry.examples.count ? ", …" : ""
      let reason = wording?.message(entry.reason) ?? entry.reason.description
      return "\(Self.grouped(entry.count)) row\(entry.count == 1 ? "" : "s"): \(reason) (line\(entry.examples.count == 1 ? "" : "s") \(lines)\(more))"
    }
  }
}
