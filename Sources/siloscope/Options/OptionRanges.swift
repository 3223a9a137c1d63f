import ArgumentParser
import SiloKit

/// The range of every numeric option, checked when the command line is parsed (exit 64), and
/// named in the option's help. One table, so help and check cannot disagree.
///
/// The upper bounds keep a run within memory and within hours on an ordinary machine, far
/// above any value a real analysis needs:
/// - `--permutations`: the E-I test's p-value cannot be smaller than 1/(1 + R); 100,000
///   relabellings resolve p to 10⁻⁵, and take about 40 s at 10,000 people.
/// - `--brokers`/`--top`: each top broker is removed and the reach between departments
///   recounted; 100 keeps that step under a minute at 100,000 people.
/// - `--threads`: no more threads than a large server has cores.
/// - Counts of people (`--exact-limit`, `--max-people`, `--min-group-size`,
///   `--max-project-size`, `generate --people`): ten million, beyond any organization.
/// - `--min-weight`: the largest usable weight (SiloIngest's `WeightRange`).
enum OptionRanges {
  static let permutations = 1 ... 100_000
  static let replicates = 0 ... 100_000
  static let brokers = 1 ... 100
  static let drawnBrokers = 0 ... 100
  static let samples = 1 ... 10_000_000
  static let threads = 1 ... 256
  static let people = 0 ... 10_000_000
  static let maxPeople = 1 ... 10_000_000
  static let maxProjectSize = 2 ... 10_000_000
  static let generatedPeople = 2 ... 10_000_000
  static let years = 1000 ... 9998
  static let minWeight = 0.0 ... 1e100
  static let resolution = 1e-9 ... 1e6
  /// Rolling windows and steps: a day to a century.
  static let days = 1 ... 36_500
  /// Leiden runs per consensus round: each costs one community search.
  static let consensusRuns = 1 ... 1000
  /// The team advisor: teams, people per team, how many steps apart members may be, hours.
  static let teams = 1 ... 100
  static let teamSize = 2 ... 30
  static let reach = 1 ... 6
  static let hours = 0.01 ... 10_000.0

  /// Throws a usage error naming the option and its range when `value` is outside `range`.
  static func check<Value: Comparable>(_ value: Value, _ range: ClosedRange<Value>, option: String) throws {
    guard range.contains(value) else {
      throw ValidationError("--\(option) must be from \(text(range.lowerBound)) to \(text(range.upperBound)).")
    }
  }

  /// The range as help shows it: "1 to 100,000".
  static func describe<Value>(_ range: ClosedRange<Value>) -> String {
    "\(text(range.lowerBound)) to \(text(range.upperBound))"
  }

  private static func text<Value>(_ value: Value) -> String {
    if let integer = value as? Int {
      // Thousands grouped from 10,000 on, so that years read as years.
      return integer >= 10_000 ? NumberText.integer(integer) : String(integer)
    }
    if let number = value as? Double {
      if number == 0 { return "0" }
      if number >= 1e6 || number < 1e-3 { return "1e\(Int(log10(number).rounded()))" }
      return number == number.rounded() ? String(Int(number)) : String(number)
    }
    return "\(value)"
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
