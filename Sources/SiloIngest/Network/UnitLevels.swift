import SiloGraph

/// How people are grouped: the organization's levels (directorate → department → team), the
/// level analysed, or any other column in place of the department.
///
/// Levels come from columns of the people file or node list, top first (`levels`), or from a
/// unit path split at `separator` ("Sociaal Domein/Jeugd/Team Noord"): the department column,
/// or the one column `levels` names. Each level becomes a person attribute named after the
/// level; the analysed level (or the `groupBy` column) becomes the department of every measure.
public struct GroupingOptions: Sendable, Hashable {
  /// Columns holding the levels, top first; with ``separator``, one column holding paths, or
  /// the names of the path's levels.
  public var levels: [String] = []
  /// The separator of a unit path.
  public var separator: String? = nil
  /// The level analysed: a level's name, or its number from the top (1 for the top); `nil`
  /// chooses (``UnitLevels/automaticLevel(minimumSize:)``).
  public var level: String? = nil
  /// A column to group by instead of the department or a level (a location, a role, a grade).
  public var groupBy: String? = nil
  /// The smallest unit the automatic choice is content with (the privacy minimum).
  public var minimumUnitSize = 5

  public init() {}

  /// Whether anything differs from grouping by the department as given.
  public var isDefault: Bool { levels.isEmpty && separator == nil && level == nil && groupBy == nil }
}

/// The levels of the people: for each level its name and each person's unit (a unique name:
/// the unit's own name, or its path when the same name occurs under two parents).
public struct UnitLevels: Sendable, Hashable {
  public var names: [String]
  /// `units[level][person]`: the person's unit at that level, `nil` when not given.
  public var units: [[String?]]
  /// Each person's units from the top, joined with ``separator`` ("Sociaal Domein/Jeugd/Team
  /// Noord"); `nil` without any.
  public var paths: [String?]
  /// What joins the parts of ``paths`` and a unit to its parent's name: the unit paths'
  /// separator, " / " for level columns.
  public var separator: String

  /// The person attribute that holds ``paths``.
  public static let pathAttribute = "unit path"

  /// The most units a level may have to be chosen automatically: a scorecard of more is read
  /// by nobody, and the department mixing grows with the square of the count.
  public static let automaticUnitLimit = 500

  /// The level analysed when none is named: the deepest (most units) at which at least 95% of
  /// the people with a unit are in units of at least `minimumSize` people (the rest privacy
  /// merges), and which has at most ``automaticUnitLimit`` units; the top level when none
  /// qualifies.
  public func automaticLevel(minimumSize: Int) -> Int {
    var best = 0
    for level in names.indices {
      var sizes: [String: Int] = [:]
      for case let unit? in units[level] { sizes[unit, default: 0] += 1 }
      let people = sizes.values.reduce(0, +)
      let inSmall = sizes.values.filter { $0 < minimumSize }.reduce(0, +)
      if sizes.count <= Self.automaticUnitLimit && people > 0 && Double(inSmall) <= 0.05 * Double(people) { best = level }
    }
    return best
  }

  /// The level `choice` names: a level name (any case), or a number from 1 (the top).
  public func level(named choice: String) -> Int? {
    if let number = Int(choice), number >= 1, number <= names.count { return number - 1 }
    return names.firstIndex { HeaderMatching.normalized($0) == HeaderMatching.normalized(choice) }
  }

  /// Levels from path strings (one per person) split at `separator`; the levels are named
  /// `names` when there are as many, else "level 1", "level 2", ….
  public init(paths: [String?], separator: String, names: [String]) {
    let split = paths.map { path in
      path.map { $0.split(separator: separator, omittingEmptySubsequences: false).map { String($0).trimmingSpaces() } } ?? []
    }
    let depth = split.map(\.count).max() ?? 0
    self.init(components: (0 ..< depth).map { level in split.map { level < $0.count && !$0[level].isEmpty ? $0[level] : nil } },
      names: names.count == depth ? names : (0 ..< depth).map { "level \($0 + 1)" }, separator: separator)
  }

  /// Levels from one column per level, top first.
  public init(columns: [[String?]], names: [String]) {
    self.init(components: columns, names: names, separator: " / ")
  }

  /// The person attribute that holds level `level`'s units: "level 2: department".
  public func attributeName(_ level: Int) -> String { "level \(level + 1): \(names[level])" }

  /// Unique unit names: a component alone, or prefixed with its parent unit's name (joined
  /// with `separator`) when the same component occurs under two different parents ("Team A"
  /// of two departments: "Burgerzaken / Team A", "Financiën / Team A").
  private init(components: [[String?]], names: [String], separator: String) {
    self.names = names
    self.separator = separator
    paths = (0 ..< (components.first?.count ?? 0)).map { person in
      let parts = components.compactMap { $0[person] }
      return parts.isEmpty ? nil : parts.joined(separator: separator)
    }
    var units: [[String?]] = []
    for level in components.indices {
      let parent = level == 0 ? nil : units[level - 1]
      var parents: [String: Set<String>] = [:]
      for (person, component) in components[level].enumerated() {
        if let component { parents[component, default: []].insert(parent?[person] ?? "") }
      }
      units.append(components[level].enumerated().map { person, component in
        guard let component else { return nil }
        guard parents[component]!.count > 1, let above = parent?[person] else { return component }
        return above + separator + component
      })
    }
    self.units = units
  }
}

/// What grouping was used, for the summary and the report.
public struct GroupingSummary: Sendable, Hashable, Codable {
  /// The column grouped by instead of the department (`--group-by`), or `nil`.
  public var groupBy: String?
  /// The organization's levels, top first; empty without levels.
  public var levels: [Level]
  /// The level analysed (its name), or `nil` without levels or with `groupBy`.
  public var level: String?
  /// Whether the level was chosen automatically.
  public var automatic: Bool
  /// What joins the parts of a person's unit path (``UnitLevels/separator``); not written to
  /// JSON.
  public var separator = " / "

  public struct Level: Sendable, Hashable, Codable {
    public var name: String
    /// The person attribute holding the level's units ("level 2: department").
    public var attribute: String
    public var units: Int
  }

  enum CodingKeys: String, CodingKey { case groupBy, levels, level, automatic }

  /// Every key is written, `null` where there is no value (as in every SiloScope document).
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(groupBy, forKey: .groupBy)
    try container.encode(levels, forKey: .levels)
    try container.encode(level, forKey: .level)
    try container.encode(automatic, forKey: .automatic)
  }
}

extension GroupingOptions {
  /// The levels and the groups of people whose department is `department` and whose other
  /// columns `column(name)` gives (matched by name in any case; `nil` when absent).
  ///
  /// - Returns: the levels (`nil` without), each person's group, and the summary; `nil` when
  ///   the options change nothing.
  /// - Throws: ``IngestError/unknownColumn(name:file:columns:inLog:)``,
  ///   ``IngestError/unknownLevel(name:levels:)``.
  func groups(
    department: [String?], column: (String) -> [String?]?, columnNames: [String], file: String, inLog: Bool
  ) throws(IngestError) -> (levels: UnitLevels?, groups: [String?], summary: GroupingSummary)? {
    guard !isDefault else { return nil }
    func find(_ name: String) throws(IngestError) -> [String?] {
      // The department's own column (read under one of its names: "unit", "afdeling", …).
      let key = HeaderMatching.normalized(name)
      if key == NodeAttribute.department { return department }
      if let values = column(name) { return values }
      if LogColumn.department.aliases.contains(key) { return department }
      throw .unknownColumn(name: name, file: file, columns: columnNames, inLog: inLog)
    }
    if let groupBy {
      return (nil, try find(groupBy), GroupingSummary(groupBy: groupBy, levels: [], level: nil, automatic: false))
    }
    let levels: UnitLevels
    if let separator {
      let source = self.levels.count == 1 ? try find(self.levels[0]) : department
      levels = UnitLevels(paths: source, separator: separator, names: self.levels.count > 1 ? self.levels : [])
    } else {
      var columns: [[String?]] = []
      for name in self.levels { columns.append(try find(name)) }
      levels = UnitLevels(columns: columns, names: self.levels)
    }
    guard !levels.names.isEmpty else { throw .invalidOption("no levels: every unit path is empty") }
    let chosen: Int
    if let level {
      guard let found = levels.level(named: level) else { throw .unknownLevel(name: level, levels: levels.names) }
      chosen = found
    } else {
      chosen = levels.automaticLevel(minimumSize: minimumUnitSize)
    }
    let summary = GroupingSummary(
      groupBy: nil,
      levels: levels.names.indices.map { i in
        .init(name: levels.names[i], attribute: levels.attributeName(i), units: Set(levels.units[i].compactMap { $0 }).count)
      },
      level: levels.names[chosen], automatic: level == nil, separator: levels.separator)
    return (levels, levels.units[chosen], summary)
  }
}

extension ProjectLog {
  /// The log grouped as `options` say: each level's units as a person attribute
  /// (``UnitLevels/attributeName(_:)``), and the analysed level (or the `groupBy` column) as
  /// every person's department. `file` names where the columns were looked for, in messages.
  public func grouped(_ options: GroupingOptions, file: String) throws(IngestError) -> (log: ProjectLog, summary: GroupingSummary?) {
    let names = personAttributeNames
    let found = try options.groups(
      department: personDepartment.map { $0 < 0 ? nil : departments[Int($0)] },
      column: { name in names.first { HeaderMatching.normalized($0) == HeaderMatching.normalized(name) }.flatMap { personAttributes[$0] } },
      columnNames: ["department"] + names, file: file, inLog: true)
    guard let found else { return (self, nil) }
    var log = self
    if let levels = found.levels {
      for (name, values) in zip(levels.names.indices.map(levels.attributeName) + [UnitLevels.pathAttribute], levels.units + [levels.paths]) {
        log.personAttributes[name] = values
        if !log.personAttributeNames.contains(name) { log.personAttributeNames.append(name) }
      }
    }
    let sorted = Set(found.groups.compactMap { $0 }).sorted()
    var index: [String: Int32] = [:]
    for (i, name) in sorted.enumerated() { index[name] = Int32(i) }
    log.departments = sorted
    log.personDepartment = found.groups.map { $0.flatMap { index[$0] } ?? -1 }
    return (log, found.summary)
  }
}

extension Network {
  /// The network grouped as `options` say (see ``ProjectLog/grouped(_:file:)``): levels as
  /// node attributes, the analysed level (or the `groupBy` column) as the department and the
  /// groups.
  public func grouped(_ options: GroupingOptions, file: String) throws(IngestError) -> (network: Network, summary: GroupingSummary?) {
    let names = nodes.attributeNames.filter { $0 != NodeAttribute.department }
    let found = try options.groups(
      department: nodes.attributeColumn(NodeAttribute.department) ?? Array(repeating: nil, count: nodes.count),
      column: { name in names.first { HeaderMatching.normalized($0) == HeaderMatching.normalized(name) }.flatMap { nodes.attributeColumn($0) } },
      columnNames: ["department"] + names, file: file, inLog: false)
    guard let found else { return (self, nil) }
    var network = self
    if let levels = found.levels {
      for i in levels.names.indices { network.nodes.setAttributeColumn(levels.attributeName(i), levels.units[i]) }
      network.nodes.setAttributeColumn(UnitLevels.pathAttribute, levels.paths)
    }
    network.nodes.setAttributeColumn(NodeAttribute.department, found.groups)
    network.groups = Network.partition(of: network.nodes, by: NodeAttribute.department)
    return (network, found.summary)
  }
}
