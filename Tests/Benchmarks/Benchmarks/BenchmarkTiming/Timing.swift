// The clocks and the argument reading the plain benchmark programs share (IngestTiming,
// CommunityTiming, PathTiming and the others next to this folder).
import Dispatch
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The wall-clock seconds `body` takes.
public func seconds(_ body: () throws -> Void) rethrows -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  try body()
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// The processor time of the process so far (all threads), in seconds.
public func processorSeconds() -> Double {
  var time = timespec()
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
  return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// A program's arguments: the leading `--name VALUE` pairs, then the files.
public struct BenchmarkArguments {
  /// The files (or other arguments) after the options.
  public let files: [String]
  private let options: [String: String]

  /// The arguments of the command line (without the program's name).
  public init(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) {
    var rest = arguments[...]
    var options: [String: String] = [:]
    while rest.count >= 2, rest.first!.hasPrefix("--") {
      options[rest.first!] = rest.dropFirst().first!
      rest = rest.dropFirst(2)
    }
    files = Array(rest)
    self.options = options
  }

  /// The value of `--name` as a number of at least 1 (a smaller one counts as 1), or `nil` when
  /// it is missing or not a number.
  public func count(_ name: String) -> Int? {
    options[name].flatMap { Int($0) }.map { max(1, $0) }
  }

  /// The files; when there are none, prints `usage: USAGE` and exits with 64 (EX_USAGE).
  public func files(usage: String) -> [String] {
    guard files.isEmpty else { return files }
    FileHandle.standardError.write(Data("usage: \(usage)\n".utf8))
    exit(64)
  }

  /// ``count(_:)``, or `fallback`.
  public func count(_ name: String, default fallback: Int) -> Int { count(name) ?? fallback }
}
