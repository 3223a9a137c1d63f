import ArgumentParser
import Foundation
import SiloKit

struct SQL: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sql",
    abstract: "Prints the log-to-ties step as SQL for DuckDB, Spark or BigQuery, for logs too large for one machine.",
    discussion: """
      The script reads the log where it lives and writes edges.csv (source,target,weight) \
      and nodes.csv (id,department) into --output, with SiloScope's own rules: the same \
      ties and weights as `siloscope build` gives. Then analyze what the engine wrote, as it \
      wrote it (a file, a gzip file, or a folder of part-* files as Spark and BigQuery write):
        siloscope analyze --edges OUT/edges.csv --nodes OUT/nodes.csv -o report

      Give a local copy of the log, or of its first lines: SiloScope reads its header \
      (columns, delimiter, encoding) and the script reads the log from --source or --table. \
      Without one, name the columns with --person-column and --project-column (and the \
      others the log has).

      Examples:
        siloscope sql uren.csv --engine duckdb --output netwerk > uren.sql
        siloscope sql eerste-regels.csv --source 's3://hr/uren/*.csv' --engine spark --output s3://hr/netwerk > uren.sql
        siloscope sql --table hr.uren --person-column medewerker --project-column zaak --engine bigquery --output gs://hr/netwerk > uren.sql
      """)

  @Argument(help: ArgumentHelp("A local copy of the log (CSV), or its first lines: SiloScope reads its header.", valueName: "log"))
  var log: String?

  @Option(help: "The engine that runs the script: duckdb, spark, bigquery.")
  var engine: WarehouseEngine = .duckdb

  @Option(help: ArgumentHelp("The path, glob or URI the engine reads the log from (default: the local log).", valueName: "path"))
  var source: String?

  @Option(help: ArgumentHelp("A table or view the engine reads the log from instead of files.", valueName: "name"))
  var table: String?

  @Option(help: "The format of --source: csv or parquet.")
  var inputFormat: WarehouseInput.FileFormat = .csv

  @Option(name: [.short, .long], help: ArgumentHelp("The folder or URI prefix the engine writes edges.csv and nodes.csv into.", valueName: "folder"))
  var output: String

  @Flag(help: "Compress what the engine writes with gzip (edges.csv.gz in DuckDB, part-*.csv.gz in Spark and BigQuery); SiloScope reads it as it is.")
  var gzip = false

  @Option(help: "Also write log.csv: the log reduced to one row per person, project and month, quarter or year, which `trend` (with periods of this length or longer) and `analyze` read as the whole log.")
  var period: PeriodSpec.CalendarUnit?

  @OptionGroup var logRead: LogReadArguments
  @OptionGroup(title: "Projection") var projection: ProjectionArguments

  @Option(help: .hidden)
  var people: String?

  @Flag(help: "Write people as SiloScope's keyed pseudonyms; the key is bound when the script runs, never written into it.")
  var pseudonymize = false

  @Option(help: ArgumentHelp("The file holding the pseudonym key (16 to 4,096 bytes).", valueName: "file"))
  var pseudonymKeyFile: String?

  func validate() throws {
    if output.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--output needs a folder name.") }
    if source != nil && table != nil { throw ValidationError("Give either --source or --table, not both.") }
    if log == nil && source == nil && table == nil {
      throw ValidationError("Give a local copy of the log, or say where the engine reads it with --source or --table.")
    }
    if table != nil && inputFormat != .csv { throw ValidationError("--input-format goes with files (--source), not with --table.") }
    if inputFormat == .parquet && log != nil && source == nil {
      throw ValidationError("The local log is read for its header only (CSV); give the Parquet files with --source.")
    }
    if people != nil {
      throw ValidationError(
        "The SQL reads no people file: SiloScope joins it. Give it to the analysis of the engine's output instead "
          + "(--edges OUT/edges.csv --nodes \(people!)); people it lacks then have no department.")
    }
    if pseudonymKeyFile != nil && !pseudonymize { throw ValidationError("--pseudonym-key-file goes with --pseudonymize.") }
  }

  func run() throws {
    try reportingErrors {
      var script = WarehouseScript(
        engine: engine, input: try input(), projection: projection.options, output: output,
        pseudonyms: try pseudonyms())
      script.gzip = gzip
      script.period = period
      FileHandle.standardOutput.write(Data(try script.text().utf8))
    }
  }

  private func input() throws -> WarehouseInput {
    let read = try logRead.options
    let location: WarehouseInput.Location? =
      if let table { .table(table) } else if let source { .files(source) } else { nil }
    if let log {
      let absolute = log.hasPrefix("/") ? log : FileManager.default.currentDirectoryPath + "/" + log
      return try WarehouseInput(sample: log, location: location ?? .files(absolute), format: inputFormat, options: read)
    }
    return try WarehouseInput(location: location!, format: inputFormat, columns: read.columns.names, options: read)
  }

  private func pseudonyms() throws -> WarehousePseudonyms? {
    guard pseudonymize else { return nil }
    let key = try pseudonymKey(file: pseudonymKeyFile)
    return WarehousePseudonyms(keyCheck: try key.textKeyHMAC(of: WarehousePseudonyms.keyCheckMessage))
  }
}

extension WarehouseEngine: ExpressibleByArgument {}
extension WarehouseInput.FileFormat: ExpressibleByArgument {}
