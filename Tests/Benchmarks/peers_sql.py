"""The log-to-ties step on one machine: SiloScope's own `build` against the SQL of
`siloscope sql` run by DuckDB (1 and 2 threads) and by Spark in local mode (local[2]).

Each run is a separate process; wall time from start to exit, peak memory as the largest sum
of the resident sets of the process and all its descendants (the JVM included), sampled every
20 ms from /proc. The outputs are checked to hold the same number of ties.

    python peers_sql.py SILOSCOPE LOG [LOG …]      (run.sh warehouse: generated logs of 10^6 and 10^7 rows)
"""

import os
import subprocess
import sys
import tempfile
import time

RUNNER = r'''
import sys
engine, script_path, threads = sys.argv[1], sys.argv[2], int(sys.argv[3])
script = open(script_path).read()
if engine == "duckdb":
    import duckdb
    c = duckdb.connect()
    c.execute(f"SET threads = {threads}")
    c.execute(script)
else:
    from pyspark.sql import SparkSession
    spark = (SparkSession.builder.master(f"local[{threads}]").config("spark.ui.enabled", "false")
             .config("spark.driver.memory", "12g").config("spark.sql.shuffle.partitions", "8").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    body = "\n".join(l for l in script.splitlines() if not l.startswith("--"))
    for statement in [s.strip() for s in body.split(";\n") if s.strip()]:
        spark.sql(statement.rstrip(";"))
    spark.stop()
'''


def tree_rss(pid):
    """The resident set of `pid` and its descendants, in bytes."""
    children = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
        except OSError:
            continue
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        stack += children.get(p, [])
        try:
            with open(f"/proc/{p}/statm") as f:
                total += int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except OSError:
            pass
    return total


def measure(command):
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    while process.poll() is None:
        peak = max(peak, tree_rss(process.pid))
        time.sleep(0.02)
    wall = time.perf_counter() - started
    if process.returncode != 0:
        raise RuntimeError(f"{command[:3]} failed: {process.stderr.read().decode()[-500:]}")
    return wall, peak


def count_ties(path):
    if os.path.isdir(path):
        total = 0
        for name in sorted(os.listdir(path)):
            if name.startswith("part-") and not name.endswith(".crc"):
                with open(os.path.join(path, name)) as f:
                    total += max(0, sum(1 for _ in f) - 1)
        return total
    with open(path) as f:
        return sum(1 for _ in f) - 1


def main():
    siloscope, logs = sys.argv[1], sys.argv[2:]
    python = sys.executable
    print("| log | rows | method | wall (s) | peak memory (MB) | ties |")
    print("|---|---:|---|---:|---:|---:|")
    for log in logs:
        with open(log) as f:
            rows = sum(1 for _ in f) - 1
        with tempfile.TemporaryDirectory(dir=os.path.dirname(os.path.abspath(log))) as work:
            runner = os.path.join(work, "runner.py")
            with open(runner, "w") as f:
                f.write(RUNNER)
            methods = [("siloscope build", None, None), ("DuckDB 2.0.1, 1 thread", "duckdb", 1),
                       ("DuckDB 2.0.1, 2 threads", "duckdb", 2), ("Spark 4.3.0 local[2]", "spark", 2)]
            for label, engine, threads in methods:
                out = os.path.join(work, label.split()[0] + str(threads))
                os.makedirs(out)
                if engine is None:
                    wall, peak = measure([siloscope, "build", log, "-o", out + "/b"])
                    ties = count_ties(out + "/b/edges.csv")
                else:
                    script = os.path.join(work, f"{engine}.sql")
                    with open(script, "w") as f:
                        f.write(subprocess.run([siloscope, "sql", log, "--engine", engine, "--output", out],
                                               check=True, capture_output=True, text=True).stdout)
                    wall, peak = measure([python, runner, engine, script, str(threads)])
                    ties = count_ties(os.path.join(out, "edges.csv"))
                print(f"| {os.path.basename(log)} | {rows:,} | {label} | {wall:.2f} | {peak / 1e6:,.0f} | {ties:,} |",
                      flush=True)


if __name__ == "__main__":
    main()
