import Foundation
import PropertyBased
import SiloGraph

/// Paths of the real datasets in `Datasets/`, found from this file's location so that tests
/// never copy data into `Tests/`.
public enum TestDatasets {
  /// The package root.
  public static let root: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The absolute path of `relative` under `Datasets/`.
  public static func path(_ relative: String) -> String {
    root.appendingPathComponent("Datasets").appendingPathComponent(relative).path
  }
}

/// A fresh folder under the system's temporary folder, removed by ``remove()``.
public struct TemporaryFolder: Sendable {
  public let path: String

  public init() {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("siloscope-test-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    path = url.path
  }

  /// Writes `text` to `name` in the folder and returns its path.
  @discardableResult
  public func write(_ name: String, _ text: String) -> String {
    write(name, bytes: Array(text.utf8))
  }

  /// Writes raw bytes to `name` in the folder and returns its path.
  @discardableResult
  public func write(_ name: String, bytes: [UInt8]) -> String {
    let file = (path as NSString).appendingPathComponent(name)
    FileManager.default.createFile(atPath: file, contents: Data(bytes))
    return file
  }

  public func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

  public func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// Whether `a` and `b` agree within an absolute tolerance (NaN equals NaN).
public func isClose(_ a: Double, _ b: Double, tolerance: Double = 1e-9) -> Bool {
  if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
  return abs(a - b) <= tolerance
}

/// Whether `actual` is within `tolerance · max(1, |expected|)` of `expected`: absolute for
/// values up to 1, relative above (NaN equals NaN).
public func isClose(_ actual: Double, _ expected: Double, relative tolerance: Double) -> Bool {
  isClose(actual, expected, tolerance: tolerance * max(1, abs(expected)))
}

/// The built `siloscope` executable, next to the test bundle in the build folder.
public enum BuiltExecutable {
  public static var siloscope: String {
    let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    var folder = runner.deletingLastPathComponent()
    // The runner may sit inside an .xctest bundle (Darwin) or directly in the build folder.
    while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("siloscope").path) && folder.path != "/" {
      folder = folder.deletingLastPathComponent()
    }
    return folder.appendingPathComponent("siloscope").path
  }

  /// Runs the executable and returns its exit code, standard output and standard error.
  public static func run(_ arguments: [String], environment: [String: String]? = nil, currentDirectory: String? = nil) throws -> (status: Int32, out: String, err: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: siloscope)
    process.arguments = arguments
    if let environment { process.environment = environment }
    if let currentDirectory { process.currentDirectoryURL = URL(fileURLWithPath: currentDirectory) }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
  }
}

/// A small weighted graph for property tests: a node count and ties with weights.
public struct SmallGraph: Sendable, CustomStringConvertible {
  public var nodeCount: Int
  public var edges: [(Int, Int, Double)]

  public var description: String { "SmallGraph(n: \(nodeCount), edges: \(edges))" }

  /// Builds the graph, adding ties in the given order.
  public func build(_ directedness: Directedness = .undirected, order: [Int]? = nil) -> CollaborationGraph {
    var builder = GraphBuilder(nodeCount: nodeCount, directedness: directedness)
    for i in order ?? Array(edges.indices) {
      let (u, v, w) = edges[i]
      builder.addEdge(NodeID(u), NodeID(v), weight: w)
    }
    return builder.build()
  }
}

extension Gen where Value == SmallGraph {
  /// Graphs of 1–12 nodes and 0–40 ties with weights in [0.5, 10] (self-loops and parallel
  /// ties included, as real input has them).
  public static var smallGraph: Generator<SmallGraph, AnySequence<Any>> {
    zip(
      Gen<Int>.int(in: 1 ... 12),
      zip(Gen<Int>.int(in: 0 ... 11), Gen<Int>.int(in: 0 ... 11), Gen<Double>.double(in: 0.5 ... 10)).array(of: 0 ... 40)
    ).map { n, edges in
      SmallGraph(nodeCount: n, edges: edges.map { ($0.0 % n, $0.1 % n, $0.2) })
    }.eraseToAny()
  }
}
