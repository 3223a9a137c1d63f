import Benchmark
import Foundation
import SiloKit

// Ingest and projection of generated project logs (SyntheticOrganization, seed 1), the
// foundation issue's goal: a 1,000,000-row log read and projected in under 2 s on one core.
//
// The logs are generated once into $SILOSCOPE_BENCH_DATA (default: ../../.peers/logs) so that
// the peers in Tests/Benchmarks/run.sh (pandas) read exactly the same bytes.

let dataFolder = ProcessInfo.processInfo.environment["SILOSCOPE_BENCH_DATA"]
  ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../../.peers/logs").standardized.path

/// Sizes by people; 112,000 people give the 1,000,000-row log (1,004,270 rows).
let sizes = [10_000, 112_000]

func logPath(people: Int) -> String {
  let path = "\(dataFolder)/org_p\(people)_s1.csv"
  if !FileManager.default.fileExists(atPath: path) {
    try? FileManager.default.createDirectory(atPath: dataFolder, withIntermediateDirectories: true)
    FileManager.default.createFile(atPath: path, contents: nil)
    let handle = FileHandle(forWritingAtPath: path)!
    _ = SyntheticOrganization(people: people, seed: 1).generateCSV { bytes in handle.write(Data(bytes)) }
    try? handle.close()
  }
  return path
}

func rowCount(_ path: String) -> Int {
  let data = FileManager.default.contents(atPath: path)!
  return data.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } - 1
}

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .cpuTotal, .throughput, .peakMemoryResident, .mallocCountTotal],
    timeUnits: .milliseconds, maxDuration: .seconds(20), maxIterations: 10)

  for people in sizes {
    let path = logPath(people: people)
    let rows = rowCount(path)
    let label = "\(people / 1000)k people, \(rows) rows"

    Benchmark("read log (\(label))", configuration: .init(scalingFactor: .one)) { benchmark in
      for _ in benchmark.scaledIterations {
        blackHole(try ProjectLogReader.read(path: path))
      }
    }

    Benchmark("read + project, shared projects (\(label))") { benchmark in
      for _ in benchmark.scaledIterations {
        let log = try ProjectLogReader.read(path: path)
        blackHole(try log.projected())
      }
    }

    Benchmark("read + project, hours overlap (\(label))") { benchmark in
      var options = ProjectionOptions()
      options.weighting = .hoursOverlap
      for _ in benchmark.scaledIterations {
        let log = try ProjectLogReader.read(path: path)
        blackHole(try log.projected(options))
      }
    }

    Benchmark("project only, shared projects (\(label))") { benchmark in
      let log = try ProjectLogReader.read(path: path)
      benchmark.startMeasurement()
      for _ in benchmark.scaledIterations {
        blackHole(try log.projected())
      }
    }
  }
}
