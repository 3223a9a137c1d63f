"""Checks that the SQL `siloscope sql` writes gives the same ties as `siloscope build`.

For every case (a log and projection options) it runs `siloscope build`, then `siloscope sql`
for the engine, runs the script in the engine, and compares:
  - edges.csv: the same ties in the same order (source, target), weights equal to 1e-12
    relative;
  - nodes.csv: the same people in the same order with the same departments.
With pseudonyms, the engine's people and departments must equal those of
`siloscope analyze --pseudonymize` with the same key.

    python check_sql.py --siloscope .build/debug/siloscope --engine duckdb [--quick]
    python check_sql.py --siloscope .build/debug/siloscope --engine spark

DuckDB runs in process (the `duckdb` package, pinned in requirements-duckdb.txt); Spark runs
in local mode (`pyspark`, with Java 17), each statement of the script through `spark.sql`.
With DuckDB, the BigQuery script of every case is parsed with sqlglot (syntax only: no
BigQuery runs here).
Exit status 0 when every case agrees, 1 otherwise.
"""

import argparse
import csv
import glob
import gzip
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import messy_log

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
WEIGHTINGS = ["shared-projects", "newman", "hours-overlap", "jaccard"]
KEY = "5f0c1d2e3a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f"


def cases(work, siloscope, quick, engine):
    """(name, log path, options) for every case."""
    datasets = sorted(glob.glob(os.path.join(ROOT, "Datasets", "*", "log.csv")))
    for path in datasets:
        name = os.path.basename(os.path.dirname(path))
        for weighting in WEIGHTINGS:
            yield f"{name} {weighting}", path, ["--weighting", weighting]
    messy = os.path.join(work, "uren.csv")
    # Spark cannot put names in NFC: its messy log spells "Zoë" one way (check_decomposed
    # shows that the script stops on the other).
    messy_log.write(messy, decomposed=engine != "spark")
    for weighting in WEIGHTINGS:
        yield f"messy Dutch log {weighting}", messy, ["--weighting", weighting]
    yield "messy Dutch log drop", messy, ["--duplicates", "drop", "--weighting", "hours-overlap"]
    yield "messy Dutch log window", messy, ["--from", "01-03-2025", "--to", "2025-09-30", "--weighting", "newman"]
    generated = os.path.join(work, "generated.csv")
    people = "300" if quick else "2000"
    subprocess.run([siloscope, "generate", "--people", people, "--seed", "11", "--output", generated],
                   check=True, capture_output=True)
    options = [
        [],
        ["--weighting", "newman", "--max-project-size", "12"],
        ["--weighting", "hours-overlap", "--min-weight", "10"],
        ["--weighting", "jaccard", "--min-weight", "0.25", "--from", "2025-04-01", "--to", "2025-10-15"],
        ["--weighting", "shared-projects", "--duplicates", "drop", "--max-project-size", "3"],
    ]
    for option in options:
        yield "generated " + (" ".join(option) or "default"), generated, option
    # Compressed output, which SiloScope reads as it is.
    yield "generated gzip", generated, ["--weighting", "newman", "--gzip"]


def run_duckdb(script, threads, setup=None):
    import duckdb
    connection = duckdb.connect()
    connection.execute(f"SET threads = {threads}")
    if setup:
        connection.execute(setup)
    if "getvariable('siloscope_key')" in script:
        connection.execute("SET VARIABLE siloscope_key = ?", [KEY])
    connection.execute(script)
    connection.close()


_spark = None


def spark_session():
    global _spark
    if _spark is None:
        from pyspark.sql import SparkSession
        _spark = (SparkSession.builder.master("local[2]").appName("siloscope-sql-check")
                  .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
                  .getOrCreate())
        _spark.sparkContext.setLogLevel("ERROR")
    return _spark


def statements(script):
    """The statements of a script: comment lines dropped, split at a ';' that ends a line."""
    body = "\n".join(line for line in script.splitlines() if not line.startswith("--"))
    return [s.strip() for s in body.split(";\n") if s.strip()]


def run_spark(script, setup=None):
    spark = spark_session()
    if setup:
        spark.sql(setup)
    if "siloscope_key" in script:
        spark.sql("DECLARE OR REPLACE VARIABLE siloscope_key STRING")
        spark.sql("SET VAR siloscope_key = :key", args={"key": KEY})
    for statement in statements(script):
        spark.sql(statement.rstrip(";"))
    spark.catalog.clearCache()


def read_rows(path):
    with open(path, "rb") as f:
        compressed = f.read(2) == b"\x1f\x8b"
    opener = gzip.open if compressed else open
    with opener(path, "rt", newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def output_path(folder, name):
    """An output as the engine wrote it: name, name.gz (DuckDB with gzip) or a folder."""
    path = os.path.join(folder, name)
    return path if os.path.exists(path) else path + ".gz"


def read_csv_output(path):
    """The rows of a CSV the engine wrote: one file (gzip or not), or a folder of part files."""
    if not os.path.exists(path) and os.path.exists(path + ".gz"):
        path += ".gz"
    if os.path.isdir(path):
        parts = sorted(p for p in glob.glob(os.path.join(path, "part-*")) if not p.endswith(".crc"))
        rows, header = [], None
        for part in parts:
            reader = read_rows(part)
            if not reader:
                continue
            header = header or reader[0]
            rows += reader[1:]
        return header, rows
    reader = read_rows(path)
    return reader[0], reader[1:]


def compare(name, expected_dir, actual_dir, problems):
    _, want = read_csv_output(os.path.join(expected_dir, "edges.csv"))
    header, got = read_csv_output(os.path.join(actual_dir, "edges.csv"))
    if header != ["source", "target", "weight"]:
        problems.append(f"{name}: edges header {header}")
    if [(r[0], r[1]) for r in want] != [(r[0], r[1]) for r in got]:
        missing = set((r[0], r[1]) for r in want) - set((r[0], r[1]) for r in got)
        extra = set((r[0], r[1]) for r in got) - set((r[0], r[1]) for r in want)
        problems.append(f"{name}: ties differ ({len(want)} vs {len(got)}; missing {sorted(missing)[:3]}, extra {sorted(extra)[:3]})")
    else:
        worst = max((abs(float(a[2]) - float(b[2])) / max(abs(float(a[2])), 1e-300) for a, b in zip(want, got)), default=0.0)
        if worst > 1e-12:
            problems.append(f"{name}: weights differ by up to {worst:.3g} relative")
    want_header, want_nodes = read_csv_output(os.path.join(expected_dir, "nodes.csv"))
    got_header, got_nodes = read_csv_output(os.path.join(actual_dir, "nodes.csv"))

    def people(header, rows):
        column = header.index("department") if "department" in header else None
        return [(r[0], r[column] if column is not None else "") for r in rows]

    want_pairs, got_pairs = people(want_header, want_nodes), people(got_header, got_nodes)
    if want_pairs != got_pairs:
        diff = [(a, b) for a, b in zip(want_pairs, got_pairs) if a != b][:3]
        problems.append(f"{name}: nodes differ ({len(want_pairs)} vs {len(got_pairs)}; first differences {diff})")
    return len(want)


def check_pseudonyms(siloscope, engine, log, work, problems):
    key_file = os.path.join(work, "key.txt")
    with open(key_file, "w") as f:
        f.write(KEY + "\n")
    os.chmod(key_file, 0o600)
    report = os.path.join(work, "report")
    subprocess.run([siloscope, "analyze", log, "--pseudonymize", "--pseudonym-key-file", key_file, "--quiet",
                    "--min-group-size", "1", "-o", report], check=True, capture_output=True)
    with open(os.path.join(report, "people.csv"), newline="", encoding="utf-8") as f:
        want = sorted((r["id"], r["department"]) for r in csv.DictReader(f))
    out = os.path.join(work, "pseudonymized")
    os.makedirs(out)
    script = run_sql(siloscope, engine, log, [], out, ["--pseudonymize", "--pseudonym-key-file", key_file])
    execute(engine, script, 2)
    _, rows = read_csv_output(os.path.join(out, "nodes.csv"))
    got = sorted((r[0], r[1]) for r in rows)
    if want != got:
        diff = sorted(set(want) ^ set(got))[:4]
        problems.append(f"pseudonyms ({engine}): people differ from analyze --pseudonymize: {diff}")
    # A wrong key must stop the script before it writes anything.
    wrong = script.replace("getvariable('siloscope_key')", "'not-the-key-not-the-key'").replace(
        "siloscope_key IS NULL", "'not-the-key-not-the-key' IS NULL")
    if engine == "duckdb":
        shutil.rmtree(out)
        os.makedirs(out)
        try:
            execute(engine, wrong, 1)
            problems.append("pseudonyms: a wrong key did not stop the script")
        except Exception as error:  # the engine's error
            if "not the key this script was written for" not in str(error):
                problems.append(f"pseudonyms: a wrong key stopped the script with another message: {error}")
        if os.path.exists(os.path.join(out, "edges.csv")):
            problems.append("pseudonyms: a wrong key still wrote edges.csv")


ROW_COUNTS = {"entries", "undated_entries", "warnings"}


def without_row_counts(value):
    """A JSON document without what counts rows (the reduced log has fewer rows by design)."""
    if isinstance(value, dict):
        return {k: without_row_counts(v) for k, v in value.items() if k not in ROW_COUNTS}
    if isinstance(value, list):
        return [without_row_counts(v) for v in value]
    return value


def check_reduced_log(siloscope, engine, log, work, problems, name):
    """The log the script reduces to one row per person, project and month gives what the
    whole log gives: `trend` by quarter, `silos` over the whole log (measures, margins from
    the bootstrap over projects, communities), everything but row counts."""
    out = os.path.join(work, "reduced-" + name)
    os.makedirs(out)
    script = run_sql(siloscope, engine, log, [], out, ["--period", "month"])
    execute(engine, script, 2)
    reduced = os.path.join(out, "log.csv")
    commands = [
        ["trend", "--period", "quarter", "--format", "json", "--bootstrap", "200", "--permutations", "50"],
        ["silos", "--format", "json"],
    ]
    for command in commands:
        documents = []
        for source in (log, reduced):
            result = subprocess.run([siloscope, command[0], source, *command[1:]], capture_output=True, text=True)
            if result.returncode != 0:
                problems.append(f"reduced log {name}: {command[0]} failed: {result.stderr.strip()[:300]}")
                return
            documents.append(without_row_counts(json.loads(result.stdout)))
        if documents[0] != documents[1]:
            problems.append(f"reduced log {name}: {command[0]} differs from the whole log's")
        else:
            print(f"  reduced log {name}: {command[0]} the same", file=sys.stderr)


def check_parquet_and_table(siloscope, engine, log, work, problems):
    """The log as Parquet with typed columns (a DATE, a DOUBLE) and as a table the engine
    has, columns named on the command line: the same ties as `build` on the CSV."""
    import duckdb
    parquet = os.path.join(work, "log.parquet")
    duckdb.connect().execute(f"COPY (SELECT * FROM read_csv('{log}')) TO '{parquet}' (FORMAT parquet)")
    expected = os.path.join(work, "build-parquet")
    options = ["--weighting", "hours-overlap", "--from", "2025-02-01"]
    subprocess.run([siloscope, "build", log, "-o", expected, *options], check=True, capture_output=True)
    columns = ["--person-column", "person", "--project-column", "project", "--department-column", "department",
               "--date-column", "date", "--weight-column", "hours"]
    setup = (f"CREATE TABLE hr_uren AS SELECT * FROM read_parquet('{parquet}')" if engine == "duckdb"
             else f"CREATE OR REPLACE TEMPORARY VIEW hr_uren USING parquet OPTIONS (path '{parquet}')")
    for name, source in [("parquet", ["--source", parquet, "--input-format", "parquet"]), ("table", ["--table", "hr_uren"])]:
        out = os.path.join(work, "from-" + name)
        os.makedirs(out)
        result = subprocess.run([siloscope, "sql", *source, *columns, *options, "--engine", engine, "--output", out],
                                capture_output=True, text=True)
        if result.returncode != 0:
            problems.append(f"{name}: siloscope sql failed: {result.stderr.strip()}")
            continue
        try:
            execute(engine, result.stdout, 2, setup if name == "table" else None)
            ties = compare(f"generated as {name}", expected, out, problems)
            print(f"  generated as {name}: {ties} ties", file=sys.stderr)
        except Exception as error:
            problems.append(f"{name}: {str(error).splitlines()[0]}")


def check_decomposed(siloscope, work, problems):
    """Spark stops, before writing anything, on a name written with a combining mark."""
    log = os.path.join(work, "decomposed.csv")
    messy_log.write(log)
    out = os.path.join(work, "decomposed")
    os.makedirs(out)
    script = run_sql(siloscope, "spark", log, [], out)
    try:
        run_spark(script)
        problems.append("spark: a decomposed name did not stop the script")
    except Exception as error:
        if "cannot put names in Unicode NFC" not in str(error):
            problems.append(f"spark: a decomposed name stopped the script with another message: {str(error)[:300]}")
    if os.path.exists(os.path.join(out, "edges.csv")):
        problems.append("spark: a decomposed name still wrote edges.csv")


def check_bigquery_syntax(siloscope, log, options, extra, problems, name):
    """The BigQuery script for the case parses as BigQuery's SQL (sqlglot; syntax only: there
    is no BigQuery to run it here)."""
    import sqlglot
    from sqlglot.errors import ParseError
    script = run_sql(siloscope, "bigquery", log, options, "gs://bucket/out", extra)
    for statement in statements(script):
        try:
            sqlglot.parse_one(statement.rstrip(";"), read="bigquery")
        except ParseError as error:
            problems.append(f"{name}: the BigQuery script does not parse: {str(error).splitlines()[0]}")
            return


def run_sql(siloscope, engine, log, options, out, extra=()):
    result = subprocess.run([siloscope, "sql", log, "--engine", engine, "--output", out, *options, *extra],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"siloscope sql failed: {result.stderr.strip()}")
    return result.stdout


def execute(engine, script, threads, setup=None):
    if engine == "duckdb":
        run_duckdb(script, threads, setup)
    else:
        run_spark(script, setup)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--siloscope", required=True)
    parser.add_argument("--engine", choices=["duckdb", "spark"], default="duckdb")
    parser.add_argument("--quick", action="store_true", help="a smaller generated log")
    args = parser.parse_args()
    siloscope = os.path.abspath(args.siloscope)
    problems = []
    started = time.time()
    count = 0
    with tempfile.TemporaryDirectory() as work:
        for index, (name, log, options) in enumerate(cases(work, siloscope, args.quick, args.engine)):
            expected = os.path.join(work, f"build{index}")
            build_options = [o for o in options if o != "--gzip"]
            subprocess.run([siloscope, "build", log, "-o", expected, *build_options], check=True, capture_output=True)
            actual = os.path.join(work, f"sql{index}")
            os.makedirs(actual)
            try:
                script = run_sql(siloscope, args.engine, log, options, actual)
                # DuckDB once on one thread and once on two: the same rows either way.
                execute(args.engine, script, 1 + index % 2)
                ties = compare(name, expected, actual, problems)
                if args.engine == "duckdb":
                    check_bigquery_syntax(siloscope, log, options, ["--period", "month"], problems, name)
                # SiloScope reads the engine's output as it is (a file, a .gz, a folder of
                # parts) and rebuilds the same network, people in the same order.
                rebuilt = os.path.join(work, f"rebuilt{index}")
                subprocess.run([siloscope, "build", "--edges", output_path(actual, "edges.csv"),
                                "--nodes", output_path(actual, "nodes.csv"), "-o", rebuilt],
                               check=True, capture_output=True)
                compare(name + " (read back)", expected, rebuilt, problems)
                count += 1
                print(f"  {name}: {ties} ties", file=sys.stderr)
            except Exception as error:
                problems.append(f"{name}: {str(error).splitlines()[0]}")
        check_pseudonyms(siloscope, args.engine, os.path.join(work, "uren.csv"), work, problems)
        check_parquet_and_table(siloscope, args.engine, os.path.join(work, "generated.csv"), work, problems)
        check_reduced_log(siloscope, args.engine, os.path.join(work, "uren.csv"), work, problems, "messy")
        check_reduced_log(siloscope, args.engine, os.path.join(work, "generated.csv"), work, problems, "generated")
        if args.engine == "spark":
            check_decomposed(siloscope, work, problems)
    for problem in problems:
        print("FAIL " + problem, file=sys.stderr)
    print(f"sql ({args.engine}): {count} cases, {len(problems)} problems, {time.time() - started:.0f} s",
          file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
