import Foundation
import SiloGraph
import SiloIngest
import _SiloTestSupport

/// One used log entry in words, for comparing a read log with what the file says.
struct LogRow: Hashable, CustomStringConvertible {
  var person: String
  var project: String
  var date: String?
  var weight: Double

  init(_ person: String, _ project: String, _ date: String? = nil, _ weight: Double = 1) {
    self.person = person
    self.project = project
    self.date = date
    self.weight = weight
  }

  var description: String { "(\(person), \(project), \(date ?? "–"), \(weight))" }
}

extension ProjectLog {
  /// The entries in file order, in words.
  var rows: [LogRow] {
    (0 ..< entryCount).map { i in
      LogRow(
        people[Int(entryPerson[i])], projects[Int(entryProject[i])],
        entryDay[i] == ProjectLog.noDay ? nil : LogDate(dayNumber: entryDay[i]).description, entryWeight[i])
    }
  }

  /// Each person's department (`nil` when unknown), by name.
  var departmentOfPerson: [String: String?] {
    Dictionary(uniqueKeysWithValues: people.indices.map { (people[$0], department(ofPerson: $0)) })
  }

  /// The report of the first file read.
  var report: IngestReport { reports[0] }
}

extension IngestReport {
  /// The warnings in the library's English.
  var warningTexts: [String] { warnings.map(\.description) }

  /// The skipped rows of one reason, or `nil` when no row was skipped for it.
  func skipped(_ reason: SkipReason) -> SkippedRows? { skipped.first { $0.reason == reason } }

  /// The skipped rows of the reason worded `description` in English, or `nil`.
  func skipped(_ description: String) -> SkippedRows? { skipped.first { $0.reason.description == description } }

  /// The line numbers of the examples of one reason.
  func lines(_ reason: SkipReason) -> [Int] { skipped(reason)?.examples.compactMap(\.line) ?? [] }

  /// The line numbers of the examples of the reason worded `description` in English.
  func lines(_ description: String) -> [Int] { skipped(description)?.examples.compactMap(\.line) ?? [] }
}

extension Network {
  /// The node with input id `id`.
  func node(_ id: String) -> NodeID? { nodes.node(withID: id) }

  /// The weight of the tie between the nodes with input ids `a` and `b`, or `nil`.
  func weight(_ a: String, _ b: String) -> Double? {
    guard let u = node(a), let v = node(b) else { return nil }
    return graph.weight(from: u, to: v)
  }

  /// The degree of the node with input id `id` (-1 when there is no such node).
  func degree(_ id: String) -> Int { node(id).map { graph.degree(of: $0) } ?? -1 }
}

/// A temporary folder with files, removed when the test ends (`defer { files.remove() }`).
struct Files {
  let folder = TemporaryFolder()

  /// Writes UTF-8 text and returns the path.
  func text(_ name: String, _ text: String) -> String { folder.write(name, text) }

  /// Writes raw bytes and returns the path.
  func bytes(_ name: String, _ bytes: [UInt8]) -> String { folder.write(name, bytes: bytes) }

  func remove() { folder.remove() }
}

/// Reads `text` as a project log from a temporary file named `name`.
func readLog(_ text: String, name: String = "log.csv", options: LogReadOptions = LogReadOptions()) throws(IngestError) -> ProjectLog {
  try readLog(bytes: Array(text.utf8), name: name, options: options)
}

/// Reads `bytes` as a project log from a temporary file named `name`.
func readLog(bytes: [UInt8], name: String = "log.csv", options: LogReadOptions = LogReadOptions()) throws(IngestError) -> ProjectLog {
  let files = Files()
  defer { files.remove() }
  return try ProjectLogReader.read(path: files.bytes(name, bytes), options: options)
}

/// `text` as UTF-16 little-endian bytes with a byte-order mark, as Excel's "Unicode text" writes.
func utf16LE(_ text: String, bom: Bool = true) -> [UInt8] {
  var bytes: [UInt8] = bom ? [0xFF, 0xFE] : []
  for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
  return bytes
}

/// `text` as UTF-16 big-endian bytes with a byte-order mark.
func utf16BE(_ text: String) -> [UInt8] {
  var bytes: [UInt8] = [0xFE, 0xFF]
  for unit in text.utf16 { bytes += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
  return bytes
}

/// Log options with some fields set.
func logOptions(
  columns: [LogColumn: String] = [:], delimiter: Character? = nil, decimalComma: Bool? = nil,
  duplicates: DuplicatePolicy = .keep, format: LogFormat? = nil
) -> LogReadOptions {
  var options = LogReadOptions()
  options.columns = ColumnOverrides(columns)
  options.delimiter = delimiter
  options.decimalComma = decimalComma
  options.duplicates = duplicates
  options.format = format
  return options
}

/// Projection options with some fields set.
func projectionOptions(
  _ weighting: ProjectionWeighting = .sharedProjects, minimumWeight: Double? = nil, from: String? = nil, to: String? = nil,
  maximumProjectSize: Int? = nil
) -> ProjectionOptions {
  var options = ProjectionOptions()
  options.weighting = weighting
  options.minimumWeight = minimumWeight
  options.from = from.flatMap(LogDate.init)
  options.to = to.flatMap(LogDate.init)
  options.maximumProjectSize = maximumProjectSize
  return options
}

/// Whether `a` and `b` agree within a relative tolerance.
func isRelativelyClose(_ a: Double, _ b: Double, tolerance: Double = 1e-12) -> Bool {
  abs(a - b) <= tolerance * max(abs(a), abs(b))
}

extension IngestError {
  /// The location and reason of a `.malformed` error, else `nil` (for `try #require`).
  var malformed: (location: SourceLocation, reason: String)? {
    if case .malformed(let location, let reason) = self { return (location, reason) }
    return nil
  }

  /// The location and reason of an `.invalidEncoding` error, else `nil`.
  var invalidEncoding: (location: SourceLocation, reason: String)? {
    if case .invalidEncoding(let location, let reason) = self { return (location, reason) }
    return nil
  }
}

extension ProjectionSummary {
  /// The warnings in the library's English.
  var warningTexts: [String] { warnings.map(\.description) }
}
