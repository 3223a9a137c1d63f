// swift-tools-version: 6.1
//
// Coverage-guided fuzzing of SiloScope's readers with libFuzzer, a package of its own so that
// the sanitizer flags never touch the main build. Run from the repository root with
// `scripts/fuzz.sh` (see Tests/Fuzz/README.md).

import Foundation
import PackageDescription

// A path dependency's identity is its folder's name, which is whatever the clone was called.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

let package = Package(
  name: "SiloScopeFuzz",
  platforms: [.macOS(.v15)],
  dependencies: [.package(path: "../..")],
  targets: [
    .executableTarget(
      name: "ReaderFuzzer",
      dependencies: [
        .product(name: "SiloIngest", package: root.lastPathComponent),
        .product(name: "SiloGraph", package: root.lastPathComponent),
      ],
      swiftSettings: [.unsafeFlags(["-parse-as-library"])])
  ]
)
