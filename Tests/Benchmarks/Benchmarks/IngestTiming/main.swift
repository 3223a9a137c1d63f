// Not an ordo-one benchmark: a plain program timing the read of a project log and its
// projection onto people (shared projects), on 1 and 2 threads, best of `runs` (default 5) by
// wall clock, on the generated logs of `run.sh ingest` (.peers/logs/org_p*_s1.csv).
// Tests/Benchmarks/peers_duckdb.py times DuckDB's SQL for the same job on the same files.
// The processor time of the fastest read + project is printed too: on one thread it is the
// wall time without the waits of a busy machine. Run in release mode:
//   swift run -c release --package-path Tests/Benchmarks IngestTiming [--runs N] [--threads N] LOG ...
// (--threads N times N threads only).
import BenchmarkTiming
import Foundation
import SiloIngest

let arguments = BenchmarkArguments()
let runs = arguments.count("--runs", default: 5)
let threadCounts = arguments.count("--threads").map { [$0] } ?? [1, 2]
let files = arguments.files(usage: "IngestTiming [--runs N] [--threads N] LOG ...")
print("| log, threads, best of \(runs) | read (s) | project (s) | read + project (s) | its processor time (s) | rows | ties |")
print("|---|---:|---:|---:|---:|---:|---:|")
for path in files {
  for threads in threadCounts {
    var options = LogReadOptions()
    options.threads = threads
    var read = Double.infinity, project = Double.infinity, both = Double.infinity, processor = 0.0
    var rows = 0, ties = 0
    for _ in 0 ..< runs {
      var log: ProjectLog?
      read = min(read, try seconds { log = try ProjectLogReader.read(path: path, options: options) })
      rows = log!.entryCount
      project = min(project, try seconds { ties = try log!.projected(threads: threads).network.graph.edgeCount })
      log = nil
      let started = processorSeconds()
      let wall = try seconds {
        let log = try ProjectLogReader.read(path: path, options: options)
        ties = try log.projected(threads: threads).network.graph.edgeCount
      }
      if wall < both { (both, processor) = (wall, processorSeconds() - started) }
    }
    let name = URL(fileURLWithPath: path).lastPathComponent
    let times = [read, project, both, processor].map { String(format: "%.3f", $0) }.joined(separator: " | ")
    print("| \(name), \(threads) | \(times) | \(rows) | \(ties) |")
  }
}
