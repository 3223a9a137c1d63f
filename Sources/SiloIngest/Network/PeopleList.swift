/// A list of people by id, one per line, as a consultant keeps one (people on leave, the
/// people available for a team): the first field of each line (cut at a comma, semicolon
/// or tab), trimmed; empty lines and lines starting with `#` skipped, and a first line that
/// is a person column's name (`person`, `medewerker`, `id`, …) taken as a header. Read as
/// every input is (encodings, gzip, a workbook's first sheet).
public enum PeopleList {
  /// The ids in the file, in order.
  ///
  /// - Throws: ``IngestError`` when the file cannot be read or has an unusable encoding.
  public static func read(path: String) throws(IngestError) -> [String] {
    var ids: [String] = []
    for (number, fields) in try IDLines.read(path: path).enumerated() {
      let id = fields[0]
      if id.isEmpty || id.hasPrefix("#") { continue }
      if number == 0 && (LogColumn.person.aliases + ["id"]).contains(id.lowercased()) { continue }
      ids.append(id)
    }
    return ids
  }
}

/// Teams by id, one team per line, ids separated by commas, semicolons or tabs; empty
/// lines and lines starting with `#` skipped. Read as every input is.
public enum TeamsFile {
  /// The teams in the file, in order.
  ///
  /// - Throws: ``IngestError`` when the file cannot be read, or has no team.
  public static func read(path: String) throws(IngestError) -> [[String]] {
    var teams: [[String]] = []
    for fields in try IDLines.read(path: path) {
      let ids = fields.filter { !$0.isEmpty }
      if ids.isEmpty || ids[0].hasPrefix("#") { continue }
      teams.append(ids)
    }
    if teams.isEmpty { throw .noDataRows(file: path) }
    return teams
  }
}

/// The lines of a small list file (people, teams), each cut into its fields at commas,
/// semicolons and tabs, every field trimmed of spaces, quotes and a byte-order mark (empty
/// fields kept, so a line has at least one). Read as every input is.
private enum IDLines {
  static func read(path: String) throws(IngestError) -> [[String]] {
    let file = try InputFile(path: path)
    let text = String(decoding: file.bytes, as: UTF8.self)
    return text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).map { line in
      line.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "," || $0 == ";" || $0 == "\t" })
        .map { String($0.trimmingCharacters(in: [" ", "\"", "\u{FEFF}"])) }
    }
  }
}

extension Substring {
  fileprivate func trimmingCharacters(in set: Set<Character>) -> Substring {
    var s = self[...]
    while let first = s.first, set.contains(first) { s = s.dropFirst() }
    while let last = s.last, set.contains(last) { s = s.dropLast() }
    return s
  }
}
