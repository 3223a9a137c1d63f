/// A SQL engine that runs the log-to-ties aggregation where the raw log lives, for logs too
/// large for one machine (billions of timesheet or case rows in a data warehouse).
///
/// SiloScope writes the SQL (``WarehouseScript``) and reads what the engine writes; nothing of
/// the engine is linked in. What each engine offers for SiloScope's rules:
///
/// | | DuckDB | Spark SQL | BigQuery |
/// |---|---|---|---|
/// | reads | CSV, Parquet, a table | CSV, Parquet, a table | a table, CSV in Cloud Storage |
/// | file order (first appearance) | `rowid` of the loaded rows | `monotonically_increasing_id()` | none: names in sort order |
/// | Unicode NFC | `nfc_normalize` | none (see ``normalizesNames``) | `NORMALIZE(…, NFC)` |
/// | HMAC-SHA-256 | built from `sha256` on bytes | built from `sha2` on bytes | built from `SHA256` on bytes |
/// | writes | `edges.csv`, `nodes.csv` | folders of `part-*.csv` | `part-*.csv` in Cloud Storage |
///
/// None of the three has an HMAC function; each has SHA-256 over bytes, from which the script
/// builds HMAC as RFC 2104 defines it, so the pseudonyms equal SiloScope's own.
public enum WarehouseEngine: String, Sendable, Hashable, Codable, CaseIterable {
  /// DuckDB (tested with 2.0.1): one machine, many cores, larger than memory.
  case duckdb
  /// Apache Spark SQL (tested with 4.0 in local mode): a cluster.
  case spark
  /// Google BigQuery (standard SQL scripting).
  case bigquery

  /// The engine's name as people write it.
  public var displayName: String {
    switch self {
    case .duckdb: return "DuckDB"
    case .spark: return "Spark SQL"
    case .bigquery: return "BigQuery"
    }
  }

  /// Whether the engine can put names in Unicode Normalization Form C, the last step of
  /// ``Names``' rule. Spark SQL has no such function (Java's `Normalizer` cannot be reached
  /// through `reflect`, which passes only strings and numbers); there the script applies the
  /// other three steps and stops, before writing anything, when a name holds a combining
  /// diacritical mark (U+0300–U+036F): a name written once precomposed ("ë") and once
  /// decomposed ("e" + U+0308) would otherwise be two people. Such a log must be put in NFC
  /// first (`uconv -x any-nfc`). Marks of other scripts (Devanagari vowel signs, Hangul
  /// jamo) are not checked: names in those scripts are taken as written.
  public var normalizesNames: Bool { self != .spark }

  /// Whether the engine keeps the order of the log's rows, which decides the order of people
  /// (first appearance, as SiloScope numbers them), of the ties, and the last tie-break of a
  /// person's department. BigQuery tables have no row order: there people are ordered by
  /// name and the department tie-break falls back to the department's name.
  public var keepsRowOrder: Bool { self != .bigquery }
}
