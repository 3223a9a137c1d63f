import SiloGraph

/// What merging small departments did, for the report's methods section and JSON.
///
/// A department of two people is two people: its head count, its ties and its E-I index
/// describe them, and anyone who knows the organization knows who they are. Merging the
/// departments below a minimum size into one group before any department-level output keeps
/// such figures from pointing at individuals (the "minimum cell size" rule of statistical
/// disclosure control).
///
/// Encoded as JSON with snake_case keys and `null` for ``mergedInto`` when nothing was merged:
///
/// ```json
/// {"minimum_size": 5, "merged": [{"name": "Legal", "people": 2}, {"name": "Travel", "people": 1}],
///  "merged_into": "Other departments", "suppressed": true}
/// ```
public struct SmallDepartments: Sendable, Hashable, Codable {
  /// The minimum size asked for: departments with fewer people were merged.
  public var minimumSize: Int
  /// Departments that had fewer than minimumSize people, by original name, sorted, with their sizes.
  public var merged: [Department]
  /// The name of the group they were merged into (nil when none was merged).
  @Null public var mergedInto: String?
  /// True when the merged group itself has fewer than minimumSize people: every department-level
  /// output must then leave that group out ("suppressed").
  public var suppressed: Bool

  /// A department as it was before merging.
  public struct Department: Sendable, Hashable, Codable {
    /// The department's name in the input (or `Network.noGroupName`).
    public var name: String
    /// Its head count.
    public var people: Int

    public init(name: String, people: Int) {
      self.name = name
      self.people = people
    }
  }

  /// The name of the group the small departments are merged into, unless a real department
  /// already has it (see ``SiloGraph/Network/mergingSmallDepartments(minimum:)``).
  public static let mergedGroupName = "Other departments"

  /// The number of people in the merged group: the sum of ``merged``'s sizes.
  public var mergedPeople: Int { merged.reduce(0) { $0 + $1.people } }

  public init(minimumSize: Int, merged: [Department] = [], mergedInto: String? = nil, suppressed: Bool = false) {
    self.minimumSize = minimumSize
    self.merged = merged
    self.mergedInto = mergedInto
    self.suppressed = suppressed
  }

  enum CodingKeys: String, CodingKey {
    case minimumSize = "minimum_size", merged, mergedInto = "merged_into", suppressed
  }
}

extension Network {
  /// Departments with fewer than `minimum` people merged into one group named
  /// ``SmallDepartments/mergedGroupName`` (if a real department already has that name, append
  /// " (merged)"). The people keep their ties; only the partition (and the `department`
  /// attribute column of the node table, where present) change. "(no department)"
  /// (`Network.noGroupName`) is treated like any other group. minimum ≤ 1 or no groups:
  /// unchanged, empty report. Group order in the new partition: the kept departments in their
  /// old order, then the merged group last.
  ///
  /// ```swift
  /// // Departments Finance (6), Legal (2), ICT (9), Travel (1); minimum 5:
  /// let (merged, report) = network.mergingSmallDepartments(minimum: 5)
  /// merged.groups!.names      // ["Finance", "ICT", "Other departments"]
  /// report.merged             // [Legal: 2, Travel: 1]
  /// report.suppressed         // true: 3 people are still fewer than 5
  /// ```
  ///
  /// Edge cases:
  /// - A single small department is merged too: it becomes the merged group on its own, so its
  ///   name no longer appears (and it is suppressed, being still small).
  /// - Every department small: all people end up in the merged group.
  /// - No department small: the network is returned unchanged, and the report lists nothing.
  /// - If " (merged)" still clashes, it is appended again until the name is new.
  /// - An empty group (possible in a `Partition` built from a membership vector) has fewer
  ///   than `minimum` people and is listed with 0 people; it adds no one to the merged group.
  /// - Unnamed groups are named by their number (`Partition.name(of:)`) in the new partition.
  /// - In the `department` column, the members of merged departments get the merged group's
  ///   name, those without a department included; everyone else keeps their value.
  ///
  /// - Parameter minimum: The smallest head count a department may have to be shown on its own.
  /// - Returns: The network with the new partition, and what was merged.
  /// - Complexity: O(*n* + *k* log *k*), for *n* people and *k* departments.
  public func mergingSmallDepartments(minimum: Int) -> (network: Network, report: SmallDepartments) {
    guard minimum > 1, let groups, groups.groupCount > 0 else { return (self, SmallDepartments(minimumSize: minimum)) }
    let sizes = groups.sizes
    let small = (0 ..< groups.groupCount).filter { sizes[$0] < minimum }
    guard !small.isEmpty else { return (self, SmallDepartments(minimumSize: minimum)) }

    let allNames = (0 ..< groups.groupCount).map(groups.name(of:))
    let taken = Set(allNames)
    var mergedName = SmallDepartments.mergedGroupName
    while taken.contains(mergedName) { mergedName += " (merged)" }

    // New numbers: kept groups in their old order, then the merged group.
    var newNumber = [Int32](repeating: -1, count: groups.groupCount)
    var names: [String] = []
    for g in 0 ..< groups.groupCount where sizes[g] >= minimum {
      newNumber[g] = Int32(names.count)
      names.append(allNames[g])
    }
    let mergedNumber = Int32(names.count)
    for g in small { newNumber[g] = mergedNumber }
    names.append(mergedName)
    let membership = groups.membership.map { newNumber[Int($0)] }

    var result = self
    result.groups = Partition(
      membership: membership, groupCount: names.count, names: names,
      unassignedGroup: groups.unassignedGroup.flatMap { sizes[$0] >= minimum ? Int(newNumber[$0]) : nil })
    if let column = nodes.attributeColumn(NodeAttribute.department) {
      var values = column
      for v in values.indices where membership[v] == mergedNumber { values[v] = mergedName }
      result.nodes.setAttributeColumn(NodeAttribute.department, values)
    }

    let merged = small.map { SmallDepartments.Department(name: allNames[$0], people: sizes[$0]) }
      .sorted { ($0.name, $0.people) < ($1.name, $1.people) }
    let mergedPeople = small.reduce(0) { $0 + sizes[$1] }
    let report = SmallDepartments(
      minimumSize: minimum, merged: merged, mergedInto: mergedName, suppressed: mergedPeople < minimum)
    return (result, report)
  }
}
