import Foundation

/// Writes a set of files into a folder completely or not at all.
///
/// Files are written into a hidden sibling folder first; only when every file is written is
/// the folder moved into place (a rename, atomic on one file system). An existing folder of
/// the same name is replaced only when SiloScope wrote it: it holds the marker file
/// ``markerName`` and nothing but files SiloScope writes. It is moved aside first and removed
/// only after the new one is in place, so a failure at any step leaves either the old folder
/// or nothing, never half of each. Any other existing folder is refused, as are the root
/// folder, the current folder and its parents, and folders that hold one of the inputs:
/// an output option must never be able to delete a user's files.
public struct OutputDirectory: Sendable {
  public let url: URL
  private var files: [(name: String, data: Data)] = []
  private var protectedPaths: [String] = []

  /// The file that marks a folder as SiloScope's own output.
  public static let markerName = ".siloscope-output"

  /// - Parameters:
  ///   - path: The folder to write.
  ///   - inputs: Input files; the output may not be a folder that contains one of them.
  public init(path: String, protecting inputs: [String] = []) {
    url = URL(fileURLWithPath: path.isEmpty ? "." : path).standardizedFileURL
    protectedPaths = inputs.map(AtomicFile.resolved)
    self.path = path
  }

  private let path: String

  /// Adds a file to write.
  ///
  /// - Precondition: `name` is a plain file name (no `/`) and not the marker's.
  public mutating func add(_ name: String, text: String) {
    precondition(!name.contains("/") && name != Self.markerName && !name.isEmpty, "bad output file name \(name)")
    files.append((name, Data(text.utf8)))
  }

  /// The names of the files added so far.
  public var fileNames: [String] { files.map(\.name) }

  /// Refuses targets whose replacement could destroy something that is not SiloScope's.
  private func checkTarget() throws(OutputError) {
    guard !path.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw .cannotCreate(path: path, reason: "the output folder name is empty")
    }
    let target = url.resolvingSymlinksInPath().path
    if target == "/" { throw .cannotCreate(path: path, reason: "refusing to write over the root folder") }
    let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.resolvingSymlinksInPath().path
    if current == target || current.hasPrefix(target + "/") {
      throw .cannotCreate(path: path, reason: "refusing to replace the current folder or one of its parents; name a new folder")
    }
    if let input = protectedPaths.first(where: { $0.hasPrefix(target + "/") }) {
      throw .cannotCreate(path: path, reason: "refusing to replace a folder that holds the input \(input)")
    }
    let manager = FileManager.default
    var isFolder: ObjCBool = false
    guard manager.fileExists(atPath: url.path, isDirectory: &isFolder) else { return }
    guard isFolder.boolValue else { throw .cannotCreate(path: path, reason: "a file of that name exists") }
    let entries = (try? manager.contentsOfDirectory(atPath: url.path)) ?? []
    let known = Set(fileNames + [Self.markerName] + Self.knownFileNames)
    guard entries.contains(Self.markerName), entries.allSatisfy(known.contains) else {
      throw .cannotCreate(
        path: path,
        reason: entries.isEmpty
          ? "the folder exists; remove it or name a new folder"
          : "the folder exists and holds files SiloScope did not write; remove it or name a new folder")
    }
  }

  /// Every file name any SiloScope command writes into an output folder, so that a folder
  /// written by one command can be replaced by another.
  public static let knownFileNames = [
    "edges.csv", "nodes.csv", "network.graphml", "departments.csv", "department-matrix.csv",
    "department-weights.csv", "summary.json",
  ]

  /// Writes everything, then moves the folder into place.
  public func commit() throws(OutputError) {
    try checkTarget()
    let manager = FileManager.default
    let parent = url.deletingLastPathComponent()
    var isFolder: ObjCBool = false
    guard manager.fileExists(atPath: parent.path, isDirectory: &isFolder) else {
      throw .cannotCreate(path: path, reason: "the folder \(parent.path) does not exist")
    }
    guard isFolder.boolValue else { throw .cannotCreate(path: path, reason: "\(parent.path) is not a folder") }
    let token = UUID().uuidString.prefix(8)
    let staging = parent.appendingPathComponent(".\(url.lastPathComponent).partial-\(token)")
    let aside = parent.appendingPathComponent(".\(url.lastPathComponent).old-\(token)")
    do {
      try manager.createDirectory(at: staging, withIntermediateDirectories: false)
    } catch {
      throw .cannotCreate(path: path, reason: Self.reason(error))
    }
    do {
      for file in files {
        try file.data.write(to: staging.appendingPathComponent(file.name), options: .atomic)
      }
      try Data("Written by siloscope. This folder may be replaced by the next run that writes here.\n".utf8)
        .write(to: staging.appendingPathComponent(Self.markerName))
      if manager.fileExists(atPath: url.path) {
        try manager.moveItem(at: url, to: aside)
      }
      do {
        try manager.moveItem(at: staging, to: url)
      } catch {
        if manager.fileExists(atPath: aside.path) { try? manager.moveItem(at: aside, to: url) }
        throw error
      }
      try? manager.removeItem(at: aside)
    } catch {
      try? manager.removeItem(at: staging)
      throw .cannotCreate(path: path, reason: Self.reason(error))
    }
  }

  private static func reason(_ error: any Error) -> String {
    let nsError = error as NSError
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError {
      return String(cString: strerror(Int32(underlying.code)))
    }
    return nsError.localizedDescription
  }
}

/// Why an output could not be written. Maps to exit code 73 (`EX_CANTCREAT`).
public enum OutputError: Error, Sendable, Hashable, CustomStringConvertible {
  case cannotCreate(path: String, reason: String)

  public var description: String {
    switch self {
    case .cannotCreate(let path, let reason): return "\(path): cannot write: \(reason)"
    }
  }

  public var exitCode: Int32 { 73 }
}

/// Writes one file atomically: into a temporary sibling first, then renamed over the target.
public enum AtomicFile {
  /// `path` as an absolute path with `.`, `..` and symbolic links resolved, for comparing an
  /// output with the inputs.
  static func resolved(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
  }

  /// Writes `produce`'s chunks to `path`; nothing appears at `path` unless all were written.
  ///
  /// - Parameters:
  ///   - path: The file to write. Its folder must exist; a folder at `path` is refused.
  ///   - replacing: Whether an existing file at `path` may be replaced. When `false`
  ///     an existing file is refused (and left as it was), so that an output option cannot
  ///     destroy a user's file. When `true` the old file stays in place until the new one is
  ///     complete, then is replaced in one rename.
  ///   - inputs: Input files; `path` may not be one of them (after resolving `..` and
  ///     symbolic links), whatever `replacing` says.
  ///   - produce: Writes the content: it calls the `append` function it is given with each
  ///     chunk of bytes, in order. An error it throws removes the temporary file and is
  ///     reported as ``OutputError/cannotCreate(path:reason:)``.
  /// - Throws: ``OutputError/cannotCreate(path:reason:)`` when the file cannot be written.
  public static func write(
    path: String, replacing: Bool = true, protecting inputs: [String] = [],
    _ produce: (_ append: (inout [UInt8]) throws -> Void) throws -> Void
  ) throws(OutputError) {
    guard !path.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw .cannotCreate(path: path, reason: "the output file name is empty")
    }
    if inputs.map(resolved).contains(resolved(path)) {
      throw .cannotCreate(path: path, reason: "it is one of the inputs")
    }
    let manager = FileManager.default
    var isFolder: ObjCBool = false
    if manager.fileExists(atPath: path, isDirectory: &isFolder) {
      if isFolder.boolValue { throw .cannotCreate(path: path, reason: "it is a folder; name a file") }
      if !replacing { throw .cannotCreate(path: path, reason: "a file of that name exists; remove it or name a new file") }
    }
    let url = URL(fileURLWithPath: path).standardizedFileURL
    let parent = url.deletingLastPathComponent()
    guard manager.fileExists(atPath: parent.path, isDirectory: &isFolder) else {
      throw .cannotCreate(path: path, reason: "the folder \(parent.path) does not exist")
    }
    guard isFolder.boolValue else { throw .cannotCreate(path: path, reason: "\(parent.path) is not a folder") }
    let temporary = parent.appendingPathComponent(".\(url.lastPathComponent).partial-\(UUID().uuidString.prefix(8))")
    guard manager.createFile(atPath: temporary.path, contents: nil) else {
      throw .cannotCreate(path: path, reason: "cannot create a file in \(parent.path)")
    }
    do {
      let handle = try FileHandle(forWritingTo: temporary)
      do {
        try produce { bytes in try handle.write(contentsOf: bytes) }
        try handle.synchronize()
        try handle.close()
      } catch {
        try? handle.close()
        throw error
      }
    } catch {
      try? manager.removeItem(at: temporary)
      throw .cannotCreate(path: path, reason: (error as NSError).localizedDescription)
    }
    // rename(2) replaces an existing target atomically; link(2) refuses one (EEXIST), so a
    // file that appeared meanwhile is not replaced either.
    if replacing {
      if rename(temporary.path, url.path) != 0 {
        let reason = String(cString: strerror(errno))
        try? manager.removeItem(at: temporary)
        throw .cannotCreate(path: path, reason: reason)
      }
    } else {
      var code: Int32 = link(temporary.path, url.path) == 0 ? 0 : errno
      if code == EPERM || code == ENOTSUP || code == EOPNOTSUPP || code == EMLINK {
        // A file system without hard links: check, then rename.
        code = manager.fileExists(atPath: url.path) ? EEXIST : rename(temporary.path, url.path) == 0 ? 0 : errno
      }
      try? manager.removeItem(at: temporary)
      if code != 0 {
        throw .cannotCreate(
          path: path,
          reason: code == EEXIST ? "a file of that name exists; remove it or name a new file" : String(cString: strerror(code)))
      }
    }
  }

  /// Writes a string to `path` atomically.
  public static func write(path: String, text: String, replacing: Bool = true) throws(OutputError) {
    try write(path: path, replacing: replacing) { append in
      var bytes = Array(text.utf8)
      try append(&bytes)
    }
  }
}
