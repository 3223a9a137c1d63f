#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A folder of part files read as one file: what Spark writes for a table
/// (`edges.csv/part-00000-….csv`, `_SUCCESS`, `.crc` files), what BigQuery's `EXPORT DATA`
/// writes (`part-000000000000.csv`), compressed with gzip or not.
///
/// The parts are the files whose names start with `part-` (hidden files, `.crc` checksums
/// and markers such as `_SUCCESS` are not parts), read in name order, which is the order the
/// engine wrote them. Each part may repeat the header: a part's first line is dropped when it
/// equals the first part's. Messages name the part and its own line
/// (``located(_:in:)``).
package enum PartFiles {
  /// Where one part starts in the joined text.
  package struct Part: Sendable, Hashable {
    /// The part's path, for messages.
    package var name: String
    /// The line of the joined text where the part's kept lines start.
    package var firstLine: Int
    /// The part's own number of that line: 2 when its header was dropped, else 1.
    package var ownFirstLine: Int
  }

  package static func isFolder(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
  }

  /// The names of the parts in `folder`, in name order.
  package static func partNames(in folder: String) -> [String] {
    guard let directory = opendir(folder) else { return [] }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name.hasPrefix("part-") && !name.hasSuffix(".crc") { names.append(name) }
    }
    return names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
  }

  /// The parts of `folder` joined into one file named `name`.
  package static func read(folder: String, name: String) throws(IngestError) -> InputFile {
    let names = partNames(in: folder)
    guard !names.isEmpty else {
      throw .unreadable(
        file: name,
        reason: "it is a folder, not a file, and holds no part files (part-*) as Spark or BigQuery write a table")
    }
    var joined: [UInt8] = []
    var parts: [Part] = []
    var header: [UInt8]? = nil
    var line = 1
    for partName in names {
      let path = folder.hasSuffix("/") ? folder + partName : folder + "/" + partName
      let file = try InputFile(path: path)
      var bytes = file.bytes[...]
      if bytes.isEmpty { continue }
      let firstLine = bytes.prefix { $0 != 0x0A && $0 != 0x0D }
      var ownFirstLine = 1
      if let header {
        if firstLine.elementsEqual(header) {
          bytes = bytes.dropFirst(firstLine.count)
          if bytes.first == 0x0D { bytes = bytes.dropFirst() }
          if bytes.first == 0x0A { bytes = bytes.dropFirst() }
          ownFirstLine = 2
        }
      } else {
        header = Array(firstLine)
      }
      if bytes.isEmpty { continue }
      parts.append(Part(name: path, firstLine: line, ownFirstLine: ownFirstLine))
      joined.append(contentsOf: bytes)
      if joined.last != 0x0A && joined.last != 0x0D { joined.append(0x0A) }
      line += lineCount(bytes)
    }
    return InputFile(name: name, utf8: joined, parts: parts)
  }

  /// The lines of `bytes`, ended by LF, CRLF or a lone CR as the scanner ends them (the last
  /// line counts whether or not it is ended).
  private static func lineCount(_ bytes: ArraySlice<UInt8>) -> Int {
    var count = 0
    var previous: UInt8 = 0
    for b in bytes {
      if b == 0x0A && previous != 0x0D { count += 1 }
      if b == 0x0D { count += 1 }
      previous = b
    }
    if let last = bytes.last, last != 0x0A && last != 0x0D { count += 1 }
    return count
  }

  /// `location` in the joined text as the part and its own line.
  package static func located(_ location: SourceLocation, in parts: [Part]) -> SourceLocation {
    guard let line = location.line, let part = parts.last(where: { $0.firstLine <= line }) else { return location }
    return SourceLocation(file: part.name, line: line - part.firstLine + part.ownFirstLine, column: location.column)
  }

  /// What the readers' reports and errors need to know about the files read: the parts of a
  /// folder (for locations) and the sheet of a workbook (for the description).
  package struct Index: Sendable {
    var files: [(name: String, parts: [Part])] = []
    /// The sheet read from each workbook, by file name.
    var sheets: [String: String] = [:]

    package init(_ files: [InputFile?]) {
      for case let file? in files {
        if !file.parts.isEmpty { self.files.append((file.name, file.parts)) }
        if let sheet = file.sheet { sheets[file.name] = sheet }
      }
    }

    private func parts(of name: String) -> [Part]? { files.first { $0.name == name }?.parts }

    /// `error` with its location in the part it came from.
    package func located(_ error: IngestError) -> IngestError {
      switch error {
      case .invalidEncoding(let location, let reason):
        guard let parts = parts(of: location.file) else { return error }
        return .invalidEncoding(PartFiles.located(location, in: parts), reason: reason)
      case .malformed(let location, let reason):
        guard let parts = parts(of: location.file) else { return error }
        return .malformed(PartFiles.located(location, in: parts), reason: reason)
      default: return error
      }
    }

    /// What `read` returns, with the reports `relocate` hands each report to placed by
    /// ``located(_:)-(IngestReport)``, or the error it throws placed by
    /// ``located(_:)-(IngestError)``: the one wrapper of every reader's entry points.
    package func locating<T>(
      _ read: () throws(IngestError) -> T, reports relocate: (inout T, (IngestReport) -> IngestReport) -> Void
    ) throws(IngestError) -> T {
      do {
        var value = try read()
        relocate(&value, located)
        return value
      } catch {
        throw located(error)
      }
    }

    /// `report` with the examples of skipped rows in their parts, and a workbook described
    /// as one (format `xlsx`, the sheet in place of the encoding) rather than as the
    /// tab-separated text it was read as.
    package func located(_ report: IngestReport) -> IngestReport {
      var report = report
      if let sheet = sheets[report.file] {
        report.format = "xlsx"
        report.delimiter = nil
        report.encoding = "sheet \"\(sheet)\""
      }
      guard let parts = parts(of: report.file) else { return report }
      for index in report.skipped.indices {
        report.skipped[index].examples = report.skipped[index].examples.map { PartFiles.located($0, in: parts) }
      }
      return report
    }
  }
}
