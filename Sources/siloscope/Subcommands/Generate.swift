import ArgumentParser
import SiloKit

struct Generate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Writes a synthetic project log of an invented, municipality-like organization.",
    usage: "siloscope generate --people <n> --output <file> [<options>]",
    discussion: """
      The data are SYNTHETIC: no real person or organization is described. The log has \
      departments of uneven size, mostly within-department projects, some cross-department \
      programmes, a few people who bridge departments, dates over one year, and hours. The \
      same --people, --seed and --year always give the same file. Use it to try SiloScope \
      and to test it at scale (1,000, 10,000 or 100,000 people). An existing file is never \
      replaced: name a new file.

      --people-output also writes the organization's people file: each person's \
      directorate, department and team (about ten people) and manager (team leads report \
      to the department's head, heads to their directorate's head, directorates to the top).

      Examples:
        siloscope generate --people 1000 --seed 7 --output voorbeeld.csv
        siloscope generate --people 1000 --output uren.csv --people-output medewerkers.csv
      """)

  @Option(parsing: .unconditional, help: ArgumentHelp("How many people the organization has (\(OptionRanges.describe(OptionRanges.generatedPeople))).", valueName: "n"))
  var people: Int

  @Option(help: "The random seed: the same seed gives the same log.")
  var seed: UInt64 = 42

  @Option(parsing: .unconditional, help: "The calendar year the log covers (\(OptionRanges.describe(OptionRanges.years))).")
  var year: Int = 2025

  @Option(name: [.short, .long], help: ArgumentHelp("The CSV file to write.", valueName: "file"))
  var output: String

  @Option(help: ArgumentHelp("Also write the people file (id, directorate, department, team, manager) here.", valueName: "file"))
  var peopleOutput: String?

  func validate() throws {
    if output.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--output needs a file name.") }
    if let peopleOutput, peopleOutput.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--people-output needs a file name.") }
    if peopleOutput == output { throw ValidationError("--people-output and --output name the same file.") }
    try OptionRanges.check(people, OptionRanges.generatedPeople, option: "people")
    try OptionRanges.check(year, OptionRanges.years, option: "year")
  }

  func run() throws {
    try reportingErrors {
      let organization = SyntheticOrganization(people: people, seed: seed, year: year)
      let rows = try Self.write(output) { organization.generateCSV($0) }
      printText("wrote \(counted(rows, "row", "rows")) for \(counted(people, "person", "people")) to \(output) (synthetic data, seed \(seed))")
      if let peopleOutput {
        _ = try Self.write(peopleOutput) { organization.generatePeopleCSV($0) }
        printText("wrote the people file of \(counted(people, "person", "people")) to \(peopleOutput)")
      }
    }
  }

  /// Writes a new file (never replacing one) from a generator that hands over its bytes in
  /// chunks; the generator's count. The first failed write stops the writing and is thrown.
  private static func write(_ path: String, _ generate: ((inout [UInt8]) -> Void) -> Int) throws -> Int {
    var count = 0
    let notes = try AtomicFile.write(path: path, replacing: false) { append in
      var failure: (any Error)? = nil
      withoutActuallyEscaping(append) { append in
        count = generate { bytes in
          guard failure == nil else { return }
          do { try append(&bytes) } catch { failure = error }
        }
      }
      if let failure { throw failure }
    }
    notes.forEach(printNote)
    return count
  }
}
