// swift-tools-version: 6.1
//
// SiloScope: shows an organization where it is siloed, from the project logs it already has.
//
// Layers, with dependencies pointing one way only:
//
//   SiloGraph   ← SiloIngest
//   SiloGraph   ← SiloMetrics ← SiloReport
//   SiloKit (umbrella)  ←  siloscope (thin command line)
//
// The Graphviz system library and the render layer (the only module that touches C) join
// this graph beside SiloIngest: they depend on SiloGraph only.

import PackageDescription

let package = Package(
  name: "SiloScope",
  platforms: [.macOS(.v15)],
  products: [
    // MARK: - Public API
    .library(name: "SiloKit", targets: ["SiloKit"]),
    .library(name: "SiloGraph", targets: ["SiloGraph"]),
    .library(name: "SiloIngest", targets: ["SiloIngest"]),
    .library(name: "SiloMetrics", targets: ["SiloMetrics"]),
    .library(name: "SiloReport", targets: ["SiloReport"]),
    .executable(name: "siloscope", targets: ["siloscope"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
  ],
  targets: [
    // MARK: - Libraries
    .target(name: "SiloGraph"),
    .target(name: "SiloIngest", dependencies: ["SiloGraph"]),
    .target(
      name: "SiloMetrics",
      dependencies: [
        "SiloGraph",
        .product(name: "DequeModule", package: "swift-collections"),
        .product(name: "HeapModule", package: "swift-collections"),
      ]),
    .target(name: "SiloReport", dependencies: ["SiloGraph", "SiloIngest", "SiloMetrics"]),
    .target(name: "SiloKit", dependencies: ["SiloGraph", "SiloIngest", "SiloMetrics", "SiloReport"]),

    // MARK: - Executable
    .executableTarget(
      name: "siloscope",
      dependencies: [
        "SiloKit",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),

    // MARK: - Test support and unit test bundles
    .target(
      name: "_SiloTestSupport",
      dependencies: [
        "SiloGraph",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ],
      path: "Tests/_SiloTestSupport"),
    .testTarget(
      name: "SiloGraphTests",
      dependencies: [
        "SiloGraph", "_SiloTestSupport",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ]),
    .testTarget(
      name: "SiloIngestTests",
      dependencies: [
        "SiloGraph", "SiloIngest", "SiloMetrics", "_SiloTestSupport",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ]),
    .testTarget(
      name: "SiloMetricsTests",
      dependencies: [
        "SiloGraph", "SiloIngest", "SiloMetrics", "_SiloTestSupport",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ]),
    .testTarget(
      name: "SiloCLITests",
      dependencies: ["SiloKit", "_SiloTestSupport"]),
  ]
)
