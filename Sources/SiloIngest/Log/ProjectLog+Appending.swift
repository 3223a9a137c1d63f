import SiloGraph

extension ProjectLog {
  /// The log with one new project appended: one entry per member, each with the member's
  /// department, `day` and `hours`, after every existing entry.
  ///
  /// The result is the log the readers would give for the same file with these rows added at
  /// its end: people keep their numbers, the project is numbered after the others, and no
  /// member's department changes (the new row votes for the department the member already has,
  /// so the majority only grows). This is how a what-if team is put into a log.
  ///
  /// - Parameters:
  ///   - project: the new project's name; use ``unusedProjectName(_:)`` for one no project has.
  ///   - members: person numbers, each at most once.
  ///   - day: the entries' ``LogDate/dayNumber``, or ``noDay``.
  ///   - hours: the weight of each entry.
  /// - Precondition: `project` is a name no project of the log has; members are person numbers
  ///   of this log, each once; `hours` is usable (``WeightRange``).
  public func appending(project: String, members: [Int], day: Int32, hours: Double) -> ProjectLog {
    precondition(!projects.contains(project), "project \(project) is in the log already")
    precondition(Set(members).count == members.count && members.allSatisfy { people.indices.contains($0) }, "members")
    precondition(WeightRange.contains(hours), "hours must be between 1e-100 and 1e100")
    var log = self
    let q = Int32(log.projects.count)
    log.projects.append(project)
    for member in members {
      log.entryPerson.append(Int32(member))
      log.entryProject.append(q)
      log.entryDay.append(day)
      log.entryWeight.append(hours)
    }
    return log
  }

  /// `base` when no project of the log has that name, else `base` with the first free
  /// suffix " (2)", " (3)", ….
  public func unusedProjectName(_ base: String) -> String {
    let taken = Set(projects)
    guard taken.contains(base) else { return base }
    var n = 2
    while taken.contains("\(base) (\(n))") { n += 1 }
    return "\(base) (\(n))"
  }

  /// The typical hours one person spends on one project: the median over (person, project)
  /// pairs of the summed weights of their entries (the lower middle value for an even count);
  /// 1 for an empty log. What a what-if team is assumed to spend, unless told otherwise.
  ///
  /// - Complexity: O(E log E) for E entries.
  public var typicalHours: Double {
    guard entryCount > 0 else { return 1 }
    var sums: [Int64: Double] = [:]
    for e in 0 ..< entryCount {
      sums[Int64(entryPerson[e]) << 32 | Int64(entryProject[e]), default: 0] += entryWeight[e]
    }
    let sorted = sums.values.sorted()
    return sorted[(sorted.count - 1) / 2]
  }
}
