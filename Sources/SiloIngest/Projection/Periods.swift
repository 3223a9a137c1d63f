import SiloGraph

/// How a log's time is cut into periods for a trend.
public enum PeriodSpec: Sendable, Hashable, Codable {
  /// Calendar months, quarters or years: every calendar period from the one holding the first
  /// dated entry to the one holding the last, empty ones in between included.
  case calendar(CalendarUnit)
  /// Rolling windows of `windowDays` days, one starting every `stepDays` days from the first
  /// dated entry, the last one the first that reaches the last dated entry. Windows overlap
  /// when the step is shorter than the window.
  case rolling(windowDays: Int, stepDays: Int)

  /// A calendar unit.
  public enum CalendarUnit: String, Sendable, Hashable, Codable, CaseIterable {
    case month, quarter, year
  }
}

/// One period of a trend: the days from ``start`` up to (not including) ``end``.
public struct LogPeriod: Sendable, Hashable, Codable {
  /// The first day.
  public var start: LogDate
  /// The day after the last: the period is `start ..< end`.
  public var end: LogDate
  /// A short name: `2025` (year), `2025-Q1` (quarter), `2025-01` (month), or the first day
  /// (`2025-01-01`) of a rolling window.
  public var label: String

  public init(start: LogDate, end: LogDate, label: String) {
    precondition(start < end, "a period must have at least one day")
    self.start = start
    self.end = end
    self.label = label
  }

  /// The last day of the period.
  public var lastDay: LogDate { LogDate(dayNumber: end.dayNumber - 1) }
}

extension PeriodSpec {
  /// The periods that cover `range` (the first and last dated entries of a log).
  ///
  /// - Precondition: a rolling window and step of at least one day.
  /// - Complexity: O(number of periods).
  public func periods(covering range: ClosedRange<LogDate>) -> [LogPeriod] {
    switch self {
    case .calendar(let unit):
      var result: [LogPeriod] = []
      var (year, month) = Self.periodStart(of: range.lowerBound, unit: unit)
      while true {
        let start = LogDate(year: year, month: month, day: 1)!
        if start > range.upperBound { break }
        let months = unit == .month ? 1 : unit == .quarter ? 3 : 12
        var nextYear = year, nextMonth = month + months
        if nextMonth > 12 {
          nextMonth -= 12
          nextYear += 1
        }
        // A year past 9999 cannot be a LogDate; the log's dates cannot reach it.
        let end = LogDate(year: nextYear, month: nextMonth, day: 1) ?? LogDate(dayNumber: start.dayNumber + 366)
        result.append(LogPeriod(start: start, end: end, label: Self.label(year: year, month: month, unit: unit)))
        (year, month) = (nextYear, nextMonth)
      }
      return result
    case .rolling(let window, let step):
      precondition(window >= 1 && step >= 1, "a rolling window and its step must be at least one day")
      var result: [LogPeriod] = []
      var start = range.lowerBound.dayNumber
      while true {
        let end = start + Int32(window)
        let first = LogDate(dayNumber: start)
        result.append(LogPeriod(start: first, end: LogDate(dayNumber: end), label: first.description))
        if end > range.upperBound.dayNumber { break }
        start += Int32(step)
      }
      return result
    }
  }

  /// The year and first month of the calendar period holding `date`.
  static func periodStart(of date: LogDate, unit: CalendarUnit) -> (year: Int, month: Int) {
    let (y, m, _) = date.components
    switch unit {
    case .month: return (y, m)
    case .quarter: return (y, (m - 1) / 3 * 3 + 1)
    case .year: return (y, 1)
    }
  }

  static func label(year: Int, month: Int, unit: CalendarUnit) -> String {
    switch unit {
    case .year: return "\(year)"
    case .quarter: return "\(year)-Q\((month - 1) / 3 + 1)"
    case .month: return "\(year)-\(month < 10 ? "0" : "")\(month)"
    }
  }
}

/// The part of a log that falls in one period.
public struct PeriodLog: Sendable, Hashable {
  /// The entries dated in the period, over the people who have one; people keep the
  /// department the whole log gives them.
  public var log: ProjectLog
  /// For each person of ``log``, their number in the whole log: people keep their identity
  /// across periods through it.
  public var personInWholeLog: [Int32]
}

extension ProjectLog {
  /// The entries dated from `period.start` up to `period.end` (exclusive), over only the people
  /// who have one, for projecting one period of a trend without reading the file again.
  ///
  /// People, projects and departments keep their names; people keep the department the whole
  /// log (and the people file) gives them, so that a department's membership does not change
  /// between periods with the rows one person happens to have in each (a reorganization is
  /// seen by comparing two logs, each with its own departments). Entries without a date are in
  /// no period. Projects keep the whole log's numbers (a project without entries in the period
  /// makes no tie).
  ///
  /// - Complexity: O(*E* + *n*) for *E* entries and *n* people.
  public func restricted(to period: LogPeriod) -> PeriodLog {
    let low = period.start.dayNumber, high = period.end.dayNumber
    return selecting { day in day != Self.noDay && day >= low && day < high }
  }

  /// Every entry, dated or not, over only the people who have one (a people file may list
  /// people without entries), as ``restricted(to:)`` makes a period's part: for comparing
  /// two logs as two periods of one.
  ///
  /// - Complexity: O(*E* + *n*) for *E* entries and *n* people.
  public func restrictedToPeopleWithEntries() -> PeriodLog { selecting { _ in true } }

  /// The entries whose day `keeps`, over only the people who have one.
  fileprivate func selecting(_ keeps: (Int32) -> Bool) -> PeriodLog {
    var newPerson = [Int32](repeating: -1, count: people.count)
    var personInWholeLog: [Int32] = []
    var entryPerson: [Int32] = [], entryProject: [Int32] = [], entryDay: [Int32] = [], entryWeight: [Double] = []
    for i in 0 ..< entryCount {
      let day = self.entryDay[i]
      guard keeps(day) else { continue }
      let p = Int(self.entryPerson[i])
      if newPerson[p] < 0 {
        newPerson[p] = Int32(personInWholeLog.count)
        personInWholeLog.append(Int32(p))
      }
      entryPerson.append(newPerson[p])
      entryProject.append(self.entryProject[i])
      entryDay.append(day)
      entryWeight.append(self.entryWeight[i])
    }
    // People in the order of the whole log, so that a period's node order follows it.
    let order = personInWholeLog.sorted()
    var rank = [Int32](repeating: -1, count: people.count)
    for (r, p) in order.enumerated() { rank[Int(p)] = Int32(r) }
    for i in entryPerson.indices { entryPerson[i] = rank[Int(personInWholeLog[Int(entryPerson[i])])] }
    var log = ProjectLog(
      people: order.map { people[Int($0)] }, projects: projects, departments: departments,
      personDepartment: order.map { personDepartment[Int($0)] }, entryPerson: entryPerson, entryProject: entryProject,
      entryDay: entryDay, entryWeight: entryWeight, reports: [])
    log.personAttributeNames = personAttributeNames
    log.personAttributes = personAttributes.mapValues { column in order.map { column[Int($0)] } }
    return PeriodLog(log: log, personInWholeLog: order)
  }

  /// The number of entries without a date: they belong to no period of a trend.
  public var undatedEntries: Int { entryDay.reduce(0) { $0 + ($1 == Self.noDay ? 1 : 0) } }
}

extension ProjectLog {
  /// The log with some departments renamed (several names may become one).
  package func renamingDepartments(_ renaming: [String: String]) -> ProjectLog {
    guard !renaming.isEmpty else { return self }
    let renamed = departments.map { renaming[$0] ?? $0 }
    let (sorted, _) = DepartmentVotes.sortedNames(Array(Set(renamed)))
    var number: [String: Int32] = [:]
    for (i, name) in sorted.enumerated() { number[name] = Int32(i) }
    var copy = self
    copy.departments = sorted
    copy.personDepartment = personDepartment.map { $0 < 0 ? -1 : number[renamed[Int($0)]]! }
    return copy
  }
}

extension ProjectLog {
  /// The log within the projection's date window (`from`, `to`, both days included) as
  /// ``restricted(to:)`` makes it; the log itself when no window is set. With a window,
  /// entries without a date are left out, as the projection leaves them out.
  public func windowed(_ options: ProjectionOptions) -> ProjectLog {
    guard options.from != nil || options.to != nil else { return self }
    let low = options.from?.dayNumber ?? Int32.min, high = options.to?.dayNumber ?? Int32.max
    return selecting { day in day != Self.noDay && day >= low && day <= high }.log
  }
}
