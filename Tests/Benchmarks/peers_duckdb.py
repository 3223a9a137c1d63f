"""DuckDB doing SiloScope's read and projection in SQL, on the same generated logs as
IngestTiming: read the CSV, the distinct (person, project) pairs, a self-join on project and a
count per pair of people (the shared-projects weight). Wall clock inside one process, best of
`runs`, on 1 and 2 threads, with the processor time of the fastest run (on one thread, the wall
time without the waits of a busy machine); the number of ties is printed to check it against
SiloScope's.

    python peers_duckdb.py [--runs N] LOG [LOG …]     (run.sh ingest, in .venv-warehouse)
"""
import sys
import time

import duckdb

QUERY = """
WITH pp AS (SELECT DISTINCT person, project FROM read_csv('{path}', header = true))
SELECT count(*) FROM (
  SELECT a.person AS u, b.person AS v, count(*) AS w
  FROM pp a JOIN pp b ON a.project = b.project AND a.person < b.person
  GROUP BY 1, 2)
"""

arguments = sys.argv[1:]
runs = 5
if len(arguments) >= 2 and arguments[0] == "--runs":
    runs = int(arguments[1])
    arguments = arguments[2:]
print(f"| log, threads, best of {runs} | DuckDB {duckdb.__version__} (s) | its processor time (s) | ties |")
print("|---|---:|---:|---:|")
for path in arguments:
    for threads in (1, 2):
        best, processor, ties = float("inf"), 0.0, 0
        for _ in range(runs):
            connection = duckdb.connect(config={"threads": threads})
            started, started_processor = time.perf_counter(), time.process_time()
            ties = connection.execute(QUERY.format(path=path)).fetchone()[0]
            wall = time.perf_counter() - started
            if wall < best:
                best, processor = wall, time.process_time() - started_processor
            connection.close()
        print(f"| {path.rsplit('/', 1)[-1]}, {threads} | {best:.3f} | {processor:.3f} | {ties} |")
