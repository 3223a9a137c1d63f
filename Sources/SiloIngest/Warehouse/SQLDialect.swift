import Foundation

/// The pieces of SQL that differ between engines. ``WarehouseScript`` writes the steps once
/// and asks the dialect for each piece, so the rules live in one place.
protocol SQLDialect: Sendable {
  var engine: WarehouseEngine { get }
  /// A string literal holding `text` exactly.
  func literal(_ text: String) -> String
  /// A literal holding a regular expression (RE2 or Java syntax: both read `\x{…}`).
  func regexLiteral(_ pattern: String) -> String
  /// An identifier (a column or table name) quoted as the engine wants it.
  func identifier(_ name: String) -> String
  /// The engine's name of the text and the double types.
  var textType: String { get }
  var doubleType: String { get }
  /// Every match of `pattern` in `text` replaced; `$1` in `replacement` is the first group.
  func replaceAll(_ text: String, pattern: String, replacement: String) -> String
  /// Whether `pattern` matches somewhere in `text`.
  func matches(_ text: String, pattern: String) -> String
  /// The first group of `pattern`'s match in `text`, or the empty string.
  func extract(_ text: String, pattern: String) -> String
  /// `text` in Unicode Normalization Form C, or `text` when the engine cannot.
  func nfc(_ text: String) -> String
  /// The UTF-8 length of `text` in bytes.
  func byteLength(_ text: String) -> String
  /// `text` as a double, or NULL.
  func tryDouble(_ text: String) -> String
  /// An ISO `yyyy-mm-dd` text as a date, or NULL when it is no date.
  func tryDate(_ text: String) -> String
  /// A statement that makes `name` hold the rows of `select`, computed once.
  func materialize(_ name: String, _ select: String) -> String
  /// The number of a row in the order the engine read it (`0` where there is none).
  var rowNumber: String { get }
  /// The first day of the calendar period holding the date `day`, as `yyyy-mm-dd` text.
  func periodStart(_ day: String, _ unit: PeriodSpec.CalendarUnit) -> String
  /// A statement that stops the script with `message` when `condition` holds.
  func fail(when condition: String, message: String, from table: String) -> String
  /// The statements that make `siloscope_source` from what the engine reads.
  func readSource(_ input: WarehouseInput) -> [String]
  /// A statement that writes the rows of `select` as CSV with a header to `path` (a file or a
  /// folder of parts, as the engine writes), compressed with gzip when asked.
  func write(_ select: String, to path: String, gzip: Bool) -> String
  /// What the user runs, for the script's header comment.
  func howToRun(output: String, pseudonyms: Bool) -> [String]

  // HMAC-SHA-256 from SHA-256 over bytes (RFC 2104), for pseudonyms.
  /// The UTF-8 bytes of `text`.
  func bytes(_ text: String) -> String
  /// The SHA-256 of `bytes` as 64 lowercase hexadecimal digits.
  func sha256Hex(_ bytes: String) -> String
  /// The bytes spelled by the hexadecimal digits `hex`.
  func unhex(_ hex: String) -> String
  /// The bytes of `bytes` as lowercase hexadecimal digits.
  func hex(_ bytes: String) -> String
  /// Eight hexadecimal digits `hex8` XOR the 32-bit `mask`, as eight lowercase digits.
  func xorHex8(_ hex8: String, mask: UInt32) -> String
  /// Thirteen hexadecimal digits (52 bits) as a 64-bit integer.
  func hex13ToInteger(_ hex13: String) -> String
  /// `value >> shift & 31`, for base32 digits.
  func fiveBits(_ value: String, shift: Int) -> String
  /// The key the user binds (text), as the script reads it.
  var keyParameter: String { get }
}

extension SQLDialect {
  /// `CAST(value AS text)`.
  func text(_ value: String) -> String { "CAST(\(value) AS \(textType))" }
  /// `CAST(value AS double)`.
  func double(_ value: String) -> String { "CAST(\(value) AS \(doubleType))" }
}

/// A raw string literal (`r'…'`, Spark SQL and BigQuery): the pattern's backslashes reach the
/// regular expression as they are. The patterns the script uses hold no quote.
private func rawLiteral(_ pattern: String) -> String {
  precondition(!pattern.contains("'"), "patterns hold no quote")
  return "r'" + pattern + "'"
}

/// ` (c0 STRING, c1 STRING, …)`: the columns of a CSV whose header is known, named by
/// position; empty when the header is not known.
private func positionalSchema(_ input: WarehouseInput) -> String {
  guard let header = input.header else { return "" }
  return " (" + header.indices.map { "\(WarehouseInput.positionalName($0)) STRING" }.joined(separator: ", ") + ")"
}

/// SQL string literals with the backslash as the escape (Spark SQL, BigQuery).
private func backslashLiteral(_ text: String) -> String {
  var out = "'"
  for scalar in text.unicodeScalars {
    switch scalar {
    case "\\": out += "\\\\"
    case "'": out += "\\'"
    case "\n": out += "\\n"
    case "\r": out += "\\r"
    case "\t": out += "\\t"
    default: out.unicodeScalars.append(scalar)
    }
  }
  return out + "'"
}

struct DuckDBDialect: SQLDialect {
  var engine: WarehouseEngine { .duckdb }
  func literal(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
  func regexLiteral(_ pattern: String) -> String { literal(pattern) }
  func identifier(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
  var textType: String { "VARCHAR" }
  var doubleType: String { "DOUBLE" }
  func replaceAll(_ text: String, pattern: String, replacement: String) -> String {
    "regexp_replace(\(text), \(regexLiteral(pattern)), \(literal(replacement.replacingOccurrences(of: "$1", with: "\\1"))), 'g')"
  }
  func matches(_ text: String, pattern: String) -> String { "regexp_matches(\(text), \(regexLiteral(pattern)))" }
  func extract(_ text: String, pattern: String) -> String { "regexp_extract(\(text), \(regexLiteral(pattern)), 1)" }
  func nfc(_ text: String) -> String { "nfc_normalize(\(text))" }
  func byteLength(_ text: String) -> String { "strlen(\(text))" }
  func tryDouble(_ text: String) -> String { "TRY_CAST(\(text) AS DOUBLE)" }
  func tryDate(_ text: String) -> String { "TRY_CAST(\(text) AS DATE)" }
  func materialize(_ name: String, _ select: String) -> String { "CREATE OR REPLACE TEMP TABLE \(name) AS\n\(select);" }
  var rowNumber: String { "rowid" }
  func periodStart(_ day: String, _ unit: PeriodSpec.CalendarUnit) -> String {
    "strftime(date_trunc('\(unit.rawValue)', \(day)), '%Y-%m-%d')"
  }
  func fail(when condition: String, message: String, from table: String) -> String {
    "CREATE OR REPLACE TEMP TABLE siloscope_check AS\nSELECT CASE WHEN \(condition) THEN error(\(literal(message))) END AS failed FROM \(table);"
  }
  func readSource(_ input: WarehouseInput) -> [String] {
    let from: String
    switch input.location {
    case .table(let name): from = name
    case .files(let path):
      switch input.format {
      case .parquet: from = "read_parquet(\(literal(path)))"
      case .csv:
        var arguments = [
          literal(path), "header = true", "delim = \(literal(String(input.delimiter)))", "quote = '\"'", "escape = '\"'",
          "encoding = \(literal(input.encoding == .utf16 ? "utf-16" : "utf-8"))", "ignore_errors = true",
        ]
        if let header = input.header {
          let columns = header.indices.map { "\(literal(WarehouseInput.positionalName($0))): 'VARCHAR'" }
          arguments += ["auto_detect = false", "columns = {\(columns.joined(separator: ", "))}"]
        } else {
          arguments += ["all_varchar = true"]
        }
        from = "read_csv(\(arguments.joined(separator: ", ")))"
      }
    }
    // A table made from the source keeps the file's order (DuckDB preserves insertion order),
    // which rowid then numbers.
    return [materialize("siloscope_source", "SELECT * FROM \(from)")]
  }
  func write(_ select: String, to path: String, gzip: Bool) -> String {
    let target = gzip ? path + ".gz" : path
    return "COPY (\n\(select)\n) TO \(literal(target)) (FORMAT csv, HEADER true, DELIMITER ','\(gzip ? ", COMPRESSION gzip" : ""));"
  }
  func howToRun(output: String, pseudonyms: Bool) -> [String] {
    var lines = ["mkdir -p \(output)"]
    if pseudonyms {
      lines += [
        "duckdb -cmd \"SET VARIABLE siloscope_key = getenv('SILOSCOPE_PSEUDONYM_KEY')\" < this-script.sql",
        "(or, in a session: SET VARIABLE siloscope_key = '…'; then run this script)",
      ]
    } else {
      lines.append("duckdb < this-script.sql")
    }
    return lines
  }
  func bytes(_ text: String) -> String { "encode(\(text))" }
  func sha256Hex(_ bytes: String) -> String { "sha256(\(bytes))" }
  func unhex(_ hex: String) -> String { "unhex(\(hex))" }
  func hex(_ bytes: String) -> String { "lower(hex(\(bytes)))" }
  func xorHex8(_ hex8: String, mask: UInt32) -> String {
    "lpad(lower(to_hex(xor(CAST('0x' || \(hex8) AS BIGINT), \(mask)))), 8, '0')"
  }
  func hex13ToInteger(_ hex13: String) -> String { "CAST('0x' || \(hex13) AS BIGINT)" }
  func fiveBits(_ value: String, shift: Int) -> String { "CAST((\(value) >> \(shift)) & 31 AS INTEGER)" }
  var keyParameter: String { "getvariable('siloscope_key')" }
}

struct SparkDialect: SQLDialect {
  var engine: WarehouseEngine { .spark }
  func literal(_ text: String) -> String { backslashLiteral(text) }
  func regexLiteral(_ pattern: String) -> String { rawLiteral(pattern) }
  func identifier(_ name: String) -> String { "`" + name.replacingOccurrences(of: "`", with: "``") + "`" }
  var textType: String { "STRING" }
  var doubleType: String { "DOUBLE" }
  func replaceAll(_ text: String, pattern: String, replacement: String) -> String {
    "regexp_replace(\(text), \(regexLiteral(pattern)), \(literal(replacement)))"
  }
  func matches(_ text: String, pattern: String) -> String { "(\(text) RLIKE \(regexLiteral(pattern)))" }
  func extract(_ text: String, pattern: String) -> String { "regexp_extract(\(text), \(regexLiteral(pattern)), 1)" }
  func nfc(_ text: String) -> String { text }
  func byteLength(_ text: String) -> String { "octet_length(\(text))" }
  func tryDouble(_ text: String) -> String { "try_cast(\(text) AS DOUBLE)" }
  func tryDate(_ text: String) -> String { "try_cast(\(text) AS DATE)" }
  // A cached view is computed once, when cached (so the row numbers are drawn once), and a
  // view can be replaced when the script runs again in the same session.
  func materialize(_ name: String, _ select: String) -> String {
    "CREATE OR REPLACE TEMPORARY VIEW \(name) AS\n\(select);\nCACHE TABLE \(name);"
  }
  var rowNumber: String { "monotonically_increasing_id()" }
  func periodStart(_ day: String, _ unit: PeriodSpec.CalendarUnit) -> String {
    "date_format(date_trunc('\(unit.rawValue.uppercased())', \(day)), 'yyyy-MM-dd')"
  }
  func fail(when condition: String, message: String, from table: String) -> String {
    materialize("siloscope_check", "SELECT CASE WHEN \(condition) THEN raise_error(\(literal(message))) END AS failed FROM \(table)")
  }
  func readSource(_ input: WarehouseInput) -> [String] {
    switch input.location {
    case .table(let name):
      return ["CREATE OR REPLACE TEMPORARY VIEW siloscope_source AS SELECT * FROM \(name);"]
    case .files(let path):
      switch input.format {
      case .parquet:
        return ["CREATE OR REPLACE TEMPORARY VIEW siloscope_source USING parquet OPTIONS (path \(literal(path)));"]
      case .csv:
        // With a schema the header line is skipped and the columns are named by position.
        // multiLine reads quoted line breaks as SiloScope does; each file is then one task,
        // so a large log is best given as many files.
        let schema = positionalSchema(input)
        let options = [
          "path \(literal(path))", "header 'true'", "sep \(literal(String(input.delimiter)))", "quote '\"'",
          "escape '\"'", "multiLine 'true'", "mode 'DROPMALFORMED'",
          "encoding \(literal(input.encoding == .utf16 ? "UTF-16" : "UTF-8"))", "inferSchema 'false'",
        ]
        return ["CREATE OR REPLACE TEMPORARY VIEW siloscope_source\(schema) USING csv OPTIONS (\(options.joined(separator: ", ")));"]
      }
    }
  }
  func write(_ select: String, to path: String, gzip: Bool) -> String {
    "INSERT OVERWRITE DIRECTORY \(literal(path)) USING csv OPTIONS (header 'true', escape '\"'\(gzip ? ", compression 'gzip'" : ""))\n\(select);"
  }
  func howToRun(output: String, pseudonyms: Bool) -> [String] {
    if pseudonyms {
      return [
        "in the session that runs the script, first: DECLARE VARIABLE siloscope_key STRING; SET VAR siloscope_key = '…';",
        "spark-sql -f this-script.sql (or spark.sql on each statement)",
      ]
    }
    return ["spark-sql -f this-script.sql (or spark.sql on each statement)"]
  }
  func bytes(_ text: String) -> String { "encode(\(text), 'UTF-8')" }
  func sha256Hex(_ bytes: String) -> String { "sha2(\(bytes), 256)" }
  func unhex(_ hex: String) -> String { "unhex(\(hex))" }
  func hex(_ bytes: String) -> String { "lower(hex(\(bytes)))" }
  func xorHex8(_ hex8: String, mask: UInt32) -> String {
    "lpad(lower(hex(CAST(conv(\(hex8), 16, 10) AS BIGINT) ^ \(mask))), 8, '0')"
  }
  func hex13ToInteger(_ hex13: String) -> String { "CAST(conv(\(hex13), 16, 10) AS BIGINT)" }
  func fiveBits(_ value: String, shift: Int) -> String { "CAST(shiftright(\(value), \(shift)) & 31 AS INT)" }
  var keyParameter: String { "siloscope_key" }
}

struct BigQueryDialect: SQLDialect {
  var engine: WarehouseEngine { .bigquery }
  func literal(_ text: String) -> String { backslashLiteral(text) }
  func regexLiteral(_ pattern: String) -> String { rawLiteral(pattern) }
  func identifier(_ name: String) -> String { "`" + name.replacingOccurrences(of: "`", with: "\\`") + "`" }
  var textType: String { "STRING" }
  var doubleType: String { "FLOAT64" }
  func replaceAll(_ text: String, pattern: String, replacement: String) -> String {
    "REGEXP_REPLACE(\(text), \(regexLiteral(pattern)), \(literal(replacement.replacingOccurrences(of: "$1", with: "\\1"))))"
  }
  func matches(_ text: String, pattern: String) -> String { "REGEXP_CONTAINS(\(text), \(regexLiteral(pattern)))" }
  func extract(_ text: String, pattern: String) -> String { "COALESCE(REGEXP_EXTRACT(\(text), \(regexLiteral(pattern))), '')" }
  func nfc(_ text: String) -> String { "NORMALIZE(\(text), NFC)" }
  func byteLength(_ text: String) -> String { "BYTE_LENGTH(\(text))" }
  func tryDouble(_ text: String) -> String { "SAFE_CAST(\(text) AS FLOAT64)" }
  func tryDate(_ text: String) -> String { "SAFE_CAST(\(text) AS DATE)" }
  func materialize(_ name: String, _ select: String) -> String { "CREATE TEMP TABLE \(name) AS\n\(select);" }
  var rowNumber: String { "0" }
  func periodStart(_ day: String, _ unit: PeriodSpec.CalendarUnit) -> String {
    "FORMAT_DATE('%Y-%m-%d', DATE_TRUNC(\(day), \(unit.rawValue.uppercased())))"
  }
  func fail(when condition: String, message: String, from table: String) -> String {
    "ASSERT (SELECT LOGICAL_AND(NOT (\(condition))) FROM \(table)) AS \(literal(message));"
  }
  func readSource(_ input: WarehouseInput) -> [String] {
    switch input.location {
    case .table(let name):
      return [materialize("siloscope_source", "SELECT * FROM \(name)")]
    case .files(let path):
      switch input.format {
      case .parquet:
        return ["LOAD DATA INTO TEMP TABLE siloscope_source FROM FILES (format = 'PARQUET', uris = [\(literal(path))]);"]
      case .csv:
        let schema = positionalSchema(input)
        let options = [
          "format = 'CSV'", "uris = [\(literal(path))]", "skip_leading_rows = 1",
          "field_delimiter = \(literal(String(input.delimiter)))", "quote = '\"'", "allow_quoted_newlines = true",
          "encoding = \(literal(input.encoding == .utf16 ? "UTF-16BE" : "UTF-8"))", "max_bad_records = 2147483647",
          "preserve_ascii_control_characters = true",
        ]
        return ["LOAD DATA INTO TEMP TABLE siloscope_source\(schema) FROM FILES (\(options.joined(separator: ", ")));"]
      }
    }
  }
  func write(_ select: String, to path: String, gzip: Bool) -> String {
    let uri = literal(path + (gzip ? "/part-*.csv.gz" : "/part-*.csv"))
    return "EXPORT DATA OPTIONS (uri = \(uri), format = 'CSV', overwrite = true, header = true, field_delimiter = ','\(gzip ? ", compression = 'GZIP'" : "")) AS\n\(select);"
  }
  func howToRun(output: String, pseudonyms: Bool) -> [String] {
    if pseudonyms {
      return ["bq query --use_legacy_sql=false --parameter=siloscope_key:STRING:\"$SILOSCOPE_PSEUDONYM_KEY\" < this-script.sql"]
    }
    return ["bq query --use_legacy_sql=false < this-script.sql"]
  }
  func bytes(_ text: String) -> String { "CAST(\(text) AS BYTES)" }
  func sha256Hex(_ bytes: String) -> String { "TO_HEX(SHA256(\(bytes)))" }
  func unhex(_ hex: String) -> String { "FROM_HEX(\(hex))" }
  func hex(_ bytes: String) -> String { "TO_HEX(\(bytes))" }
  func xorHex8(_ hex8: String, mask: UInt32) -> String {
    "TO_HEX(FROM_HEX(\(hex8)) ^ FROM_HEX('\(String(mask, radix: 16))'))"
  }
  func hex13ToInteger(_ hex13: String) -> String { "CAST(CONCAT('0x', \(hex13)) AS INT64)" }
  func fiveBits(_ value: String, shift: Int) -> String { "((\(value) >> \(shift)) & 31)" }
  var keyParameter: String { "@siloscope_key" }
}

extension WarehouseEngine {
  var dialect: any SQLDialect {
    switch self {
    case .duckdb: return DuckDBDialect()
    case .spark: return SparkDialect()
    case .bigquery: return BigQueryDialect()
    }
  }
}
