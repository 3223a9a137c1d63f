// swift-tools-version: 6.1
//
// SiloScope: shows an organization where it is siloed, from the project logs it already has.
//
// Layers, with dependencies pointing one way only:
//
//   SiloGraph   ← SiloIngest
//   SiloGraph   ← SiloMetrics
//   SiloGraph   ← SiloRender ← CGraphviz (Graphviz's C library; SiloRender is the only module touching C)
//   SiloIngest, SiloMetrics ← SiloDesign (team advisor, what-if simulation)
//   SiloIngest, SiloMetrics, SiloRender, SiloDesign ← SiloReport
//   SiloKit (umbrella)  ←  siloscope (thin command line)

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
    .library(name: "SiloRender", targets: ["SiloRender"]),
    .library(name: "SiloDesign", targets: ["SiloDesign"]),
    .library(name: "SiloReport", targets: ["SiloReport"]),
    .executable(name: "siloscope", targets: ["siloscope"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    .package(url: "https://github.com/apple/swift-docc-plugin", from: "1.5.0"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
  ],
  targets: [
    // MARK: - Libraries
    .target(name: "SiloGraph"),
    // ZIPFoundation inflates gzip-compressed inputs (the deflate streams of engines' CSV output).
    .target(name: "SiloIngest", dependencies: ["SiloGraph", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
    .target(
      name: "SiloMetrics",
      dependencies: [
        "SiloGraph",
        .product(name: "DequeModule", package: "swift-collections"),
      ]),
    .systemLibrary(
      name: "CGraphviz", pkgConfig: "libgvc",
      providers: [.apt(["libgraphviz-dev"]), .brew(["graphviz"])]),
    .target(name: "SiloRender", dependencies: ["SiloGraph", "CGraphviz"]),
    // The team advisor and the what-if simulation: above the measures, never imported by them.
    .target(name: "SiloDesign", dependencies: ["SiloGraph", "SiloIngest", "SiloMetrics"]),
    .target(
      name: "SiloReport",
      dependencies: [
        "SiloGraph", "SiloIngest", "SiloMetrics", "SiloRender", "SiloDesign",
        .product(name: "Crypto", package: "swift-crypto"),
      ]),
    .target(name: "SiloKit", dependencies: ["SiloGraph", "SiloIngest", "SiloMetrics", "SiloRender", "SiloDesign", "SiloReport"]),

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
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ],
      // The workbooks the tests read, and the script that writes them.
      exclude: ["Workbooks"]),
    .testTarget(
      name: "SiloMetricsTests",
      dependencies: [
        "SiloGraph", "SiloIngest", "SiloMetrics", "_SiloTestSupport",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ]),
    .testTarget(
      name: "SiloRenderTests",
      dependencies: ["SiloGraph", "SiloRender", "SiloReport", "SiloIngest", "_SiloTestSupport"]),
    .testTarget(
      name: "SiloReportTests",
      dependencies: ["SiloGraph", "SiloIngest", "SiloMetrics", "SiloReport", "_SiloTestSupport"]),
    .testTarget(
      name: "SiloDesignTests",
      dependencies: [
        "SiloGraph", "SiloIngest", "SiloMetrics", "SiloDesign", "_SiloTestSupport",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ]),
    .testTarget(
      name: "SiloCLITests",
      dependencies: ["SiloKit", "_SiloTestSupport"]),
  ]
)
