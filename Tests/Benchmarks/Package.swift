// swift-tools-version: 6.1
//
// SiloScope's benchmarks, a package of their own so that the benchmark dependency stays out
// of the main manifest (as ordo-one/package-benchmark recommends). Run from the repository
// root with `make bench`, or here with `swift package benchmark`.

import Foundation
import PackageDescription

// A path dependency's identity is its folder's name, which is whatever the clone was called.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

let package = Package(
  name: "SiloScopeBenchmarks",
  platforms: [.macOS(.v15)],
  dependencies: [
    .package(path: "../.."),
    .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
  ],
  targets: [
    .executableTarget(
      name: "Ingest",
      dependencies: [
        .product(name: "SiloKit", package: root.lastPathComponent),
        .product(name: "Benchmark", package: "benchmark"),
      ],
      path: "Benchmarks/Ingest",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
    .executableTarget(
      name: "Silos",
      dependencies: [
        .product(name: "SiloKit", package: root.lastPathComponent),
        .product(name: "Benchmark", package: "benchmark"),
      ],
      path: "Benchmarks/Silos",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
    .executableTarget(
      name: "Brokers",
      dependencies: [
        .product(name: "SiloKit", package: root.lastPathComponent),
        .product(name: "Benchmark", package: "benchmark"),
      ],
      path: "Benchmarks/Brokers",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
    // A plain program (no benchmark harness, no SiloKit): the bootstrap of the E-I index and
    // the projection's project affiliations, timed on generated logs with 1 and 2 threads.
    // `swift run -c release BootstrapTiming [people ...]` here, or `run.sh bootstrap`.
    .executableTarget(
      name: "BootstrapTiming",
      dependencies: [
        "BenchmarkTiming",
        .product(name: "SiloIngest", package: root.lastPathComponent),
        .product(name: "SiloMetrics", package: root.lastPathComponent),
      ],
      path: "Benchmarks/BootstrapTiming"),
    // A plain program: the team advisor's search alone on generated logs (best of 3).
    // `swift run -c release TeamTiming LOG ...` here, or `run.sh teams`.
    .executableTarget(
      name: "TeamTiming",
      dependencies: [
        "BenchmarkTiming",
        .product(name: "SiloIngest", package: root.lastPathComponent),
        .product(name: "SiloDesign", package: root.lastPathComponent),
      ],
      path: "Benchmarks/TeamTiming"),
    // A plain program: SiloTrend on generated year logs in monthly periods (1 and 2 threads,
    // peak memory) and how far each month's communities depend on the seed.
    // `swift run -c release TrendTiming [people ...]` here, or `run.sh trend`.
    .executableTarget(
      name: "TrendTiming",
      dependencies: [
        "BenchmarkTiming",
        .product(name: "SiloKit", package: root.lastPathComponent),
      ],
      path: "Benchmarks/TrendTiming"),
    // A plain program: each step of `siloscope brokers` on an edge and node list, 1 and 2
    // threads. `swift run -c release BrokerSteps EDGES NODES` here, or `run.sh brokers`.
    .executableTarget(
      name: "BrokerSteps",
      dependencies: [
        "BenchmarkTiming",
        .product(name: "SiloKit", package: root.lastPathComponent),
      ],
      path: "Benchmarks/BrokerSteps"),
    // A plain program: everything on SiloMetrics' shortest-path searches (exact and sampled
    // betweenness, broker dependence, local bridges), best of 3, to compare two commits.
    // `swift run -c release PathTiming EDGES NODES [runs]` here, or `run.sh paths`.
    .executableTarget(
      name: "PathTiming",
      dependencies: [
        "BenchmarkTiming",
        .product(name: "SiloKit", package: root.lastPathComponent),
      ],
      path: "Benchmarks/PathTiming"),
    // A plain program: a log read and projected on 1 and 2 threads, best of 5, beside
    // DuckDB's SQL for the same job (peers_duckdb.py). `swift run -c release IngestTiming LOG ...`.
    .executableTarget(
      name: "IngestTiming",
      dependencies: [
        "BenchmarkTiming",
        .product(name: "SiloKit", package: root.lastPathComponent),
      ],
      path: "Benchmarks/IngestTiming"),
    // A plain program: Louvain and Leiden on edge lists, best of 3, with the modularity
    // reached, to compare two commits. `swift run -c release CommunityTiming EDGES ...`.
    .executableTarget(
      name: "CommunityTiming",
      dependencies: [
        "BenchmarkTiming",
        .product(name: "SiloKit", package: root.lastPathComponent),
      ],
      path: "Benchmarks/CommunityTiming"),
    // A plain program: the guaranteed top 10 brokers (KADABRA), timed with the read of the
    // files, and checked against exact betweenness over seeded runs.
    // `swift run -c release TopBrokers time|accuracy EDGES NODES DISTANCE …`, or `run.sh topk`.
    .executableTarget(
      name: "TopBrokers",
      dependencies: [
        "BenchmarkTiming",
        .product(name: "SiloKit", package: root.lastPathComponent),
      ],
      path: "Benchmarks/TopBrokers"),
    // A plain program: why weighted betweenness keeps its own indexed heap (SiloMetrics'
    // Brandes against the same algorithm over swift-collections' Heap with lazy deletion).
    // `swift run -c release HeapChoice EDGES NODES` here, or `run.sh heap`.
    .executableTarget(
      name: "HeapChoice",
      dependencies: [
        "BenchmarkTiming",
        .product(name: "SiloKit", package: root.lastPathComponent),
        .product(name: "HeapModule", package: "swift-collections"),
      ],
      path: "Benchmarks/HeapChoice"),
    // A plain program: why a worksheet is scanned rather than read with XMLParser.
    // `swift run -c release WorkbookRead LOG.xlsx [LOG.csv]` here, or `run.sh workbook`.
    .executableTarget(
      name: "WorkbookRead",
      dependencies: [
        "BenchmarkTiming",
        .product(name: "SiloKit", package: root.lastPathComponent),
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ],
      path: "Benchmarks/WorkbookRead"),
    // The clocks and the argument reading the plain programs above share.
    .target(name: "BenchmarkTiming", path: "Benchmarks/BenchmarkTiming"),
    // Not a benchmark: a plain program that renders diagrams over and over, for the leak
    // check (scripts/leak-check.sh, LEAKS.md) under valgrind or LeakSanitizer.
    .executableTarget(
      name: "RenderCycles",
      dependencies: [.product(name: "SiloKit", package: root.lastPathComponent)],
      path: "RenderCycles"),
  ]
)
