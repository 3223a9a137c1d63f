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
    let file = try InputFile(path: path)
    let text = String(decoding: file.bytes, as: UTF8.self)
    var ids: [String] = []
    for (number, line) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).enumerated() {
      let field = line.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "," || $0 == ";" || $0 == "\t" }).first ?? ""
      let id = field.trimmingCharacters(in: [" ", "\"", "\u{FEFF}"])
      if id.isEmpty || id.hasPrefix("#") { continue }
      if number == 0 && (LogColumn.person.aliases + ["id"]).contains(id.lowercased()) { continue }
      ids.append(String(id))
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
    let file = try InputFile(path: path)
    let text = String(decoding: file.bytes, as: UTF8.self)
    var teams: [[String]] = []
    for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
      let ids = line.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\t" })
        .map { String($0.trimmingCharacters(in: [" ", "\"", "\u{FEFF}"])) }.filter { !$0.isEmpty }
      if ids.isEmpty || ids[0].hasPrefix("#") { continue }
      teams.append(ids)
    }
    if teams.isEmpty { throw .noDataRows(file: path) }
    return teams
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
