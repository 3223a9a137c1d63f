import Foundation
import SiloGraph
import SiloIngest
import SiloMetrics
import SiloReport

/// Constructed logs whose truth is known, for trends and comparisons: every project is two
/// people, dated in one quarter of 2025, every row weighs 1, so each tie weighs the number of
/// projects two people share and a group that works on every pair is a clique of equal ties.
enum TemporalLogs {
  /// People `prefix0`, `prefix1`, … (two digits).
  static func people(_ prefix: String, _ count: Int, from first: Int = 0) -> [String] {
    (first ..< first + count).map { "\(prefix)\($0 < 10 ? "0" : "")\($0)" }
  }

  /// Every pair of `people`.
  static func pairs(_ people: [String]) -> [(String, String)] {
    people.indices.flatMap { i in people[(i + 1)...].map { (people[i], $0) } }
  }

  /// The first day of 2025's quarter `q` (1…4).
  static func quarterStart(_ q: Int) -> LogDate { LogDate(year: 2025, month: 3 * (q - 1) + 1, day: 1)! }

  /// A project for each pair, dated over the quarter's first 80 days; each person in the
  /// department named by their name's first letter, in capitals.
  static func entries(quarter q: Int, _ pairs: [(String, String)], projectPrefix: String = "") -> [ProjectLog.Entry] {
    let start = quarterStart(q).dayNumber
    var entries: [ProjectLog.Entry] = []
    for (i, (x, y)) in pairs.enumerated() {
      let date = LogDate(dayNumber: start + Int32(i % 80))
      for person in [x, y] {
        entries.append(.init(
          person: person, department: person.prefix(1).uppercased(), project: "\(projectPrefix)q\(q)-p\(i)", date: date))
      }
    }
    return entries
  }

  static let a = people("a", 10)
  static let b = people("b", 10)
  static let c = people("c", 8)

  /// A and B work only inside in Q1 and Q2 (each a clique of 10) and on every pair of A ∪ B
  /// in Q3 and Q4 (one clique of 20); C is a clique of 8 throughout. 118 projects in each of
  /// the first two quarters, 218 in each of the last two.
  static func openingEntries(quarters: [Int] = [1, 2, 3, 4]) -> [ProjectLog.Entry] {
    quarters.flatMap { q in
      q <= 2 ? entries(quarter: q, pairs(a) + pairs(b) + pairs(c)) : entries(quarter: q, pairs(a + b) + pairs(c))
    }
  }

  static let opening = ProjectLog(entries: openingEntries())

  /// D (12 people) works on every pair in Q1, then as two groups of six that no longer work
  /// together in Q2; E (8 people) is a clique in both.
  static let splitting: ProjectLog = {
    let d = people("d", 12), e = people("e", 8)
    return ProjectLog(entries:
      entries(quarter: 1, pairs(d) + pairs(e)) + entries(quarter: 2, pairs(Array(d[0 ..< 6])) + pairs(Array(d[6...])) + pairs(e)))
  }()

  /// F is f00…f11 in Q1 and f04…f15 in Q2 (a third of its people replaced, all in F), each a
  /// clique; G (8 people) is a clique in both.
  static let renewing: ProjectLog = {
    let g = people("g", 8)
    return ProjectLog(entries:
      entries(quarter: 1, pairs(people("f", 12)) + pairs(g)) + entries(quarter: 2, pairs(people("f", 12, from: 4)) + pairs(g)))
  }()

  /// Fewer relabellings and replicates than the command's defaults, enough for these logs.
  static func options(threads: Int = 1, periods: PeriodSpec = .calendar(.quarter)) -> TemporalOptions {
    var options = TemporalOptions()
    options.periods = periods
    options.permutations = 99
    options.bootstrapReplicates = 200
    options.threads = threads
    return options
  }

  /// The document as sorted-key JSON bytes.
  static func json<T: Encodable>(_ document: T) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return try encoder.encode(document)
  }
}
