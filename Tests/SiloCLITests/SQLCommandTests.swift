import Foundation
import Testing
import _SiloTestSupport

/// `siloscope sql`: the script on standard output, or a message and a sysexits code and
/// nothing on standard output. That the script gives the ties `build` gives is checked by
/// Tests/Warehouse/check_sql.py, which make test runs with DuckDB.
@Suite("The sql command")
struct SQLCommandTests {
  static let log = Inputs.otelLog

  @Test("A log gives one script per engine that reads it and writes edges.csv and nodes.csv", arguments: ["duckdb", "spark", "bigquery"])
  func script(engine: String) throws {
    try withTemporaryFolder { folder in
      let result = try siloscope(["sql", Self.log, "--engine", engine, "--output", "netwerk", "--weighting", "newman"], in: folder)
      #expect(result.status == 0, "\(result)")
      #expect(result.err.isEmpty)
      #expect(result.out.hasPrefix("-- SiloScope: the projection of a project log onto people"))
      #expect(result.out.contains("netwerk/edges.csv") && result.out.contains("netwerk/nodes.csv"))
      #expect(result.out.contains("opentelemetry_swift_commits/log.csv"))
      #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "nothing written here")
    }
  }

  struct Refusal: Sendable, CustomTestStringConvertible {
    var name: String
    var arguments: [String]
    var status: Int32
    var message: String
    var testDescription: String { name }
  }

  static let refusals: [Refusal] = [
    Refusal(name: "an unknown engine", arguments: ["sql", log, "--engine", "oracle", "-o", "o"], status: 64, message: "duckdb, spark, bigquery"),
    Refusal(name: "no log and no source", arguments: ["sql", "-o", "o"], status: 64, message: "--source or --table"),
    Refusal(name: "--source and --table", arguments: ["sql", log, "--source", "a.csv", "--table", "t", "-o", "o"], status: 64, message: "not both"),
    Refusal(
      name: "a table without its columns", arguments: ["sql", "--table", "hr.uren", "-o", "o"], status: 64,
      message: "cannot look at its header: name the person column"),
    Refusal(
      name: "dropping repeated rows of a table", arguments: ["sql", "--table", "hr.uren", "--person-column", "p", "--project-column", "q", "--duplicates", "drop", "-o", "o"],
      status: 64, message: "compares every column of a row"),
    Refusal(
      name: "a table name that is not a name", arguments: ["sql", "--table", "uren; DROP TABLE x", "--person-column", "p", "--project-column", "q", "-o", "o"],
      status: 64, message: "is not a plain name"),
    Refusal(
      name: "a column mapping the log does not have", arguments: ["sql", log, "--person-column", "medewerker", "-o", "o"], status: 65,
      message: "no person column: looked for \"medewerker\""),
    Refusal(
      name: "a people file, which the SQL does not read", arguments: ["sql", log, "--people", "medewerkers.csv", "-o", "o"], status: 64,
      message: "The SQL reads no people file"),
    Refusal(name: "a log that is not there", arguments: ["sql", "nothing.csv", "-o", "o"], status: 66, message: "nothing.csv: no such file"),
    Refusal(
      name: "pseudonyms without a key", arguments: ["sql", log, "--pseudonymize", "-o", "o"], status: 64, message: "pseudonyms need a secret key"),
    Refusal(
      name: "a Parquet source read for its header", arguments: ["sql", log, "--input-format", "parquet", "-o", "o"], status: 64,
      message: "give the Parquet files with --source"),
  ]

  @Test("What the SQL cannot do, or a wrong mapping, is refused: a message, the exit code, no script", arguments: refusals)
  func refused(_ refusal: Refusal) throws {
    try withTemporaryFolder { folder in
      let result = try siloscope(refusal.arguments, in: folder, environment: ["SILOSCOPE_PSEUDONYM_KEY": ""])
      #expect(result.status == refusal.status, "\(result)")
      #expect(result.out.isEmpty, "no script on a refusal")
      #expect(result.err.contains(refusal.message), "\(result)")
    }
  }

  @Test("An Excel workbook is refused with what to do: the engines read CSV and Parquet")
  func workbook() throws {
    try withTemporaryFolder { folder in
      let result = try siloscope(["sql", OtherFormatTests.workbook, "-o", "o"], in: folder)
      #expect(result.status == 64, "\(result)")
      #expect(result.out.isEmpty)
      #expect(result.err.contains("an Excel workbook cannot be read by the SQL engines"))
    }
  }

  @Test("A JSON Lines log is refused with what to do")
  func jsonLines() throws {
    try withTemporaryFolder { folder in
      let path = folder.write("log.jsonl", "{\"person\": \"a\", \"project\": \"p\"}\n")
      let result = try siloscope(["sql", path, "-o", "o"], in: folder)
      #expect(result.status == 64, "\(result)")
      #expect(result.out.isEmpty)
      #expect(result.err.contains("the SQL reads CSV and Parquet"))
    }
  }

  @Test("With pseudonyms the key is bound when the script runs: it is never in the script")
  func keyNeverPrinted() throws {
    try withTemporaryFolder { folder in
      let key = "4a7c2e91b0d35f68a1c4e7b20d93f56a8c1e4b7d0a3f6c9e2b5d8a1c4f7e0b3d"
      let file = folder.write("key.txt", key + "\n")
      chmod(file, 0o600)
      for engine in ["duckdb", "spark", "bigquery"] {
        let result = try siloscope(["sql", Self.log, "--engine", engine, "--pseudonymize", "--pseudonym-key-file", file, "-o", "o"], in: folder)
        #expect(result.status == 0, "\(result)")
        #expect(!result.out.contains(key) && !result.out.contains(String(key.prefix(16))))
        #expect(result.out.contains("P-") && result.out.contains("not the key this script was written for"))
      }
    }
  }

  @Test("What an engine writes is read as it is: a folder of part files, gzip-compressed files", arguments: ["silos", "brokers", "summary"])
  func engineOutput(command: String) throws {
    try withTemporaryFolder { folder in
      try FileManager.default.createDirectory(atPath: folder.path + "/out/edges.csv", withIntermediateDirectories: true)
      folder.write("out/edges.csv/part-00000-a1-c000.csv", "source,target,weight\na,b,1.0\nb,c,2.5\n")
      folder.write("out/edges.csv/part-00001-a1-c000.csv", "source,target,weight\nc,d,1.0E-5\na,d,3.0\n")
      folder.write("out/edges.csv/_SUCCESS", "")
      folder.write("out/nodes.csv.gz", bytes: gzipBytes("id,department\na,Wonen\nb,Wonen\nc,Zorg\nd,Zorg\ne,Zorg\n"))
      let result = try siloscope([command, "--edges", "out/edges.csv", "--nodes", "out/nodes.csv.gz"], in: folder)
      #expect(result.status == 0, "\(result)")
      if command == "summary" {
        let lines = result.out.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("people ") && $0.hasSuffix(" 5") }, "\(result)")
        #expect(lines.contains { $0.hasPrefix("ties ") && $0.hasSuffix(" 4") }, "\(result)")
      }
    }
  }
}

/// `text` as one gzip member, made with the system's gzip.
func gzipBytes(_ text: String) -> [UInt8] {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/bin/gzip")
  process.arguments = ["-c", "-n"]
  let input = Pipe(), output = Pipe()
  process.standardInput = input
  process.standardOutput = output
  try! process.run()
  input.fileHandleForWriting.write(Data(text.utf8))
  try! input.fileHandleForWriting.close()
  let data = output.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return Array(data)
}
