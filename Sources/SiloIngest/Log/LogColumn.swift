/// The fields of a project log and the header names that identify them.
///
/// Header names are matched case-insensitively after trimming white space, in the order of
/// ``aliases``: when a header has both `person` and `name`, `person` is used. Every role can
/// be named explicitly instead (``ColumnOverrides``).
public enum LogColumn: String, Sendable, Hashable, Codable, CaseIterable {
  /// Who: the official or employee.
  case person
  /// The formal group of the person: department, team, unit.
  case department
  /// What they worked on: project, task, case, ticket.
  case project
  /// When.
  case date
  /// How much: hours or another intensity. Rows without a weight column weigh 1.
  case weight

  /// Header names recognised for this field, in order of preference (English and Dutch).
  public var aliases: [String] {
    switch self {
    case .person: return ["person", "employee", "official", "name", "medewerker", "persoon", "naam"]
    case .department: return ["department", "dept", "team", "unit", "afdeling", "group", "groep", "organisatieonderdeel"]
    case .project: return ["project", "task", "case", "ticket", "zaak", "taak", "opdracht"]
    case .date: return ["date", "datum", "day", "dag"]
    case .weight: return ["weight", "hours", "uren", "effort", "hrs", "tijd", "duration"]
    }
  }
}

/// Header names chosen by the user for some fields, overriding the aliases.
public struct ColumnOverrides: Sendable, Hashable, Codable {
  public var names: [LogColumn: String] = [:]

  public init(_ names: [LogColumn: String] = [:]) { self.names = names }

  public subscript(column: LogColumn) -> String? {
    get { names[column] }
    set { names[column] = newValue }
  }
}

package enum HeaderMatching {
  package static func normalized(_ name: String) -> String {
    name.trimmingSpaces().lowercased()
  }

  /// The index of the header column for `role`: the override when given (an error when it is
  /// not in the header), else the first alias present.
  package static func index(
    of role: LogColumn, in header: [String], overrides: ColumnOverrides, file: String, required: Bool
  ) throws(IngestError) -> Int? {
    try index(
      ofAny: role.aliases, override: overrides[role], in: header, file: file, role: role.rawValue, required: required)
  }

  /// Resolves the column of each alias list.
  package static func index(
    ofAny aliases: [String], override: String?, in header: [String], file: String, role: String, required: Bool
  ) throws(IngestError) -> Int? {
    let normalizedHeader = header.map(normalized)
    if let name = override {
      if let i = normalizedHeader.firstIndex(of: normalized(name)) { return i }
      throw .missingColumn(file: file, role: role, tried: ["\"\(name)\""], header: header)
    }
    for alias in aliases {
      if let i = normalizedHeader.firstIndex(of: alias) { return i }
    }
    if required { throw .missingColumn(file: file, role: role, tried: aliases, header: header) }
    return nil
  }
}

extension String {
  package func trimmingSpaces() -> String {
    var scalars = Substring(self).unicodeScalars[...]
    while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
    while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
    return String(String.UnicodeScalarView(scalars))
  }
}
