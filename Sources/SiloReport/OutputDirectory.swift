import SiloGraph
import SiloMetrics
import Foundation
import Synchronization

/// Writes a set of files into a folder completely or not at all.
///
/// Files are written into a hidden sibling folder first (`.NAME.partial-PID-TOKEN`); only when
/// every file is written is the folder moved into place (a rename, atomic on one file system).
/// An existing folder of the same name is replaced only when SiloScope wrote it
/// (``isSiloScopeFolder(_:)``): it holds the marker file ``markerName``, which lists the files
/// that run wrote, and nothing but regular files SiloScope writes. It is moved aside first
/// (`.NAME.old-PID-TOKEN`), checked again there (another program may have put a folder of its
/// own in its place after the first check), and removed file by file only after the new one is
/// in place, so a failure at any step leaves either the old folder or nothing, never half of
/// each, and a folder SiloScope did not write is never deleted. Any other existing folder is
/// refused, as are the root folder, the current folder and its parents, and folders that hold
/// one of the inputs: an output option must never be able to delete a user's files.
///
/// A run killed in the middle (kill -9, a power cut) leaves its hidden folder behind. The next
/// run that writes the same folder removes such leftovers of its own, once their process has
/// ended and they hold only what SiloScope writes, and says so in ``commit()``'s notes.
public struct OutputDirectory: Sendable {
  public let url: URL
  private var files: [(name: String, content: Content)] = []

  /// A file's text: whole, or written piece by piece when the folder is written.
  private enum Content {
    case data(Data)
    case stream(@Sendable (FileOutput) throws -> Void)
  }
  private var protectedPaths: [String] = []

  /// The file that marks a folder as SiloScope's own output, listing the files written.
  public static let markerName = ".siloscope-output"

  /// The marker's first line; every further line names one file of the folder.
  static let markerHeading = "Written by siloscope. This folder may be replaced by the next run that writes here. Files:"

  /// - Parameters:
  ///   - path: The folder to write.
  ///   - inputs: Input files; the output may not be a folder that contains one of them.
  public init(path: String, protecting inputs: [String] = []) {
    url = URL(fileURLWithPath: path.isEmpty ? "." : path).standardizedFileURL
    protectedPaths = inputs.map(AtomicFile.resolved)
    self.path = path
  }

  private let path: String

  /// How many files are written at the same time (each by one thread; the files are the same
  /// for any number).
  public var threads = 1

  /// Called after the target was checked and the new folder written, just before the target
  /// is moved aside: lets tests swap the target for a folder of someone else's, as another
  /// program could at that moment.
  var willMoveAside: (@Sendable () -> Void)? = nil

  /// Adds a file to write.
  ///
  /// - Precondition: `name` is a plain file name (no `/`), not hidden, and not the marker's.
  public mutating func add(_ name: String, text: String) {
    Self.checkName(name)
    files.append((name, .data(Data(text.utf8))))
  }

  /// Adds a file whose text `write` gives, piece by piece, when the folder is written
  /// (``commit()``): a large file is never held whole in memory. What `write` throws stops
  /// the commit, and nothing is written.
  ///
  /// - Precondition: as for ``add(_:text:)``.
  public mutating func add(_ name: String, writing write: @escaping @Sendable (FileOutput) throws -> Void) {
    Self.checkName(name)
    files.append((name, .stream(write)))
  }

  private static func checkName(_ name: String) {
    precondition(
      !name.contains("/") && !name.hasPrefix(".") && name != Self.markerName && !name.isEmpty, "bad output file name \(name)")
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
    switch FileKind(url.path) {
    case .missing: return
    case .folder: try Self.checkOwned(url, path: path)
    default: throw .cannotCreate(path: path, reason: "a file of that name exists")
    }
  }

  /// Throws unless the folder at `folder` is one SiloScope wrote (``isSiloScopeFolder(_:)``).
  private static func checkOwned(_ folder: URL, path: String) throws(OutputError) {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    guard !entries.isEmpty else {
      throw .cannotCreate(path: path, reason: "the folder exists; remove it or name a new folder")
    }
    guard isSiloScopeFolder(folder) else {
      throw .cannotCreate(
        path: path, reason: "the folder exists and holds files SiloScope did not write; remove it or name a new folder")
    }
  }

  /// Whether `folder` is a folder SiloScope wrote, and so may be replaced: it holds the
  /// marker, and every other entry is a regular file (not a folder, not a link) that the
  /// marker lists or that some SiloScope command writes (``knownFileNames``, for folders
  /// written before the marker listed its files).
  public static func isSiloScopeFolder(_ folder: URL) -> Bool {
    let manager = FileManager.default
    guard FileKind(folder.path) == .folder, let entries = try? manager.contentsOfDirectory(atPath: folder.path) else {
      return false
    }
    let marker = folder.appendingPathComponent(markerName).path
    guard FileKind(marker) == .file, let text = manager.contents(atPath: marker).map({ String(decoding: $0, as: UTF8.self) }),
      text.hasPrefix("Written by siloscope.")
    else { return false }
    let listed = Set(text.split(separator: "\n").dropFirst().map(String.init)).filter { !$0.contains("/") && !$0.isEmpty }
    let allowed = listed.union(knownFileNames)
    return entries.allSatisfy { name in
      name == markerName || (allowed.contains(name) && FileKind(folder.appendingPathComponent(name).path) == .file)
    }
  }

  /// Every file name any SiloScope command writes into an output folder, so that a folder
  /// written by one command, or by an earlier version whose marker listed no files, can be
  /// replaced by another.
  public static let knownFileNames = [
    "edges.csv", "nodes.csv", "network.graphml", "departments.csv", "department-matrix.csv",
    "department-weights.csv", "summary.json", "report.html", "report.json", "people.csv",
    "departments.svg", "people.svg", "communities.svg", "top-broker.svg",
  ]

  /// Writes everything, then moves the folder into place.
  ///
  /// - Returns: Notes for the user: leftovers of an interrupted earlier run that were removed.
  @discardableResult
  public func commit() throws(OutputError) -> [String] {
    try checkTarget()
    let manager = FileManager.default
    let parent = url.deletingLastPathComponent()
    guard FileKind(parent.path) != .missing else {
      throw .cannotCreate(path: path, reason: "the folder \(parent.path) does not exist")
    }
    guard FileKind(parent.path) == .folder else { throw .cannotCreate(path: path, reason: "\(parent.path) is not a folder") }
    let notes = Leftovers.removeStale(of: url.lastPathComponent, in: parent)
    let token = Leftovers.token()
    let staging = parent.appendingPathComponent(".\(url.lastPathComponent).partial-\(token)")
    let aside = parent.appendingPathComponent(".\(url.lastPathComponent).old-\(token)")
    do {
      try manager.createDirectory(at: staging, withIntermediateDirectories: false)
    } catch {
      throw .cannotCreate(path: path, reason: Self.reason(error))
    }
    do {
      try Self.writeFiles(files, into: staging, threads: threads)
      let marker = ([Self.markerHeading] + fileNames).joined(separator: "\n") + "\n"
      try Data(marker.utf8).write(to: staging.appendingPathComponent(Self.markerName))
      willMoveAside?()
      if FileKind(url.path) != .missing {
        try manager.moveItem(at: url, to: aside)
        // What was moved may not be what was checked: check again, and put back what is not ours.
        guard Self.isSiloScopeFolder(aside) else {
          if FileKind(url.path) == .missing { try? manager.moveItem(at: aside, to: url) }
          throw OutputError.cannotCreate(
            path: path, reason: "the folder changed while SiloScope was writing and now holds files SiloScope did not write; it is left as it is")
        }
      }
      do {
        try manager.moveItem(at: staging, to: url)
      } catch {
        if FileKind(aside.path) != .missing { try? manager.moveItem(at: aside, to: url) }
        throw error
      }
      if FileKind(aside.path) != .missing { Leftovers.removeOwnFolder(aside) }
    } catch let error as OutputError {
      Leftovers.removeOwnFolder(staging)
      throw error
    } catch {
      Leftovers.removeOwnFolder(staging)
      throw .cannotCreate(path: path, reason: Self.reason(error))
    }
    return notes
  }

  /// Writes every file into `folder`, `threads` at a time, each thread taking the next file
  /// not yet taken; throws the first failure in the files' order.
  private static func writeFiles(_ files: [(name: String, content: Content)], into folder: URL, threads: Int) throws {
    let failures = ThreadSlots<(any Error)?>(count: files.count, initial: nil)
    let next = Atomic<Int>(0)
    let work: @Sendable (Int) -> Void = { _ in
      while case let i = next.add(1, ordering: .relaxed).oldValue, i < files.count {
        let target = folder.appendingPathComponent(files[i].name)
        do {
          switch files[i].content {
          case .data(let data): try data.write(to: target, options: .atomic)
          case .stream(let write): try FileOutput.write(to: target, write)
          }
        } catch {
          failures.set(i, error)
        }
      }
    }
    let used = max(1, min(threads, files.count))
    if used == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: used, execute: work) }
    if let failure = failures.take().lazy.compactMap({ $0 }).first { throw failure }
  }

  private static func reason(_ error: any Error) -> String {
    let nsError = error as NSError
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError {
      return String(cString: strerror(Int32(underlying.code)))
    }
    return nsError.localizedDescription
  }
}

/// What is at a path, without following a symbolic link at its end.
enum FileKind: Equatable {
  case missing, file, folder, link, other

  init(_ path: String) {
    var info = stat()
    guard lstat(path, &info) == 0 else {
      self = .missing
      return
    }
    switch info.st_mode & S_IFMT {
    case S_IFREG: self = .file
    case S_IFDIR: self = .folder
    case S_IFLNK: self = .link
    default: self = .other
    }
  }
}

/// The hidden files and folders a write leaves while it works: `.NAME.partial-PID-TOKEN` (being
/// written) and `.NAME.old-PID-TOKEN` (the previous output, until the new one is in place).
/// PID is the writing process, so a later run can tell a leftover of a run that was killed
/// from the work of a run still going on.
enum Leftovers {
  /// A fresh `PID-TOKEN`.
  static func token() -> String { "\(getpid())-\(UUID().uuidString.prefix(8))" }

  /// Removes the leftovers of `name` in `parent` whose process has ended: folders only when
  /// they hold nothing but regular files SiloScope writes (and the marker), files only when
  /// they are regular files. Returns a note per removal.
  static func removeStale(of name: String, in parent: URL) -> [String] {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
    var notes: [String] = []
    for entry in entries.sorted() {
      guard let pid = stalePID(entry, name: name), !isRunning(pid) else { continue }
      let leftover = parent.appendingPathComponent(entry)
      switch FileKind(leftover.path) {
      case .folder:
        if removeOwnFolder(leftover) {
          notes.append("removed \(entry) in \(parent.path), left by an earlier run that was interrupted")
        }
      case .file:
        if (try? FileManager.default.removeItem(at: leftover)) != nil {
          notes.append("removed \(entry) in \(parent.path), left by an earlier run that was interrupted")
        }
      default:
        continue
      }
    }
    return notes
  }

  /// The process id in a leftover's name `.NAME.partial-PID-TOKEN` or `.NAME.old-PID-TOKEN`,
  /// or `nil` when `entry` is not a leftover of `name`.
  static func stalePID(_ entry: String, name: String) -> Int32? {
    for kind in ["partial", "old"] {
      let prefix = ".\(name).\(kind)-"
      guard entry.hasPrefix(prefix) else { continue }
      let rest = entry.dropFirst(prefix.count).split(separator: "-", maxSplits: 1)
      guard rest.count == 2, let pid = Int32(rest[0]), pid > 0, rest[1].count == 8 else { return nil }
      return pid
    }
    return nil
  }

  /// Whether a process with this id exists (a signal 0 reaches it, or it exists but belongs to
  /// another user).
  static func isRunning(_ pid: Int32) -> Bool {
    kill(pid, 0) == 0 || errno == EPERM
  }

  /// Removes a folder SiloScope wrote, file by file, then the folder itself; only when every
  /// entry is a regular file with a name SiloScope writes there (or the marker). A folder
  /// with anything else inside is left whole. Returns whether the folder is gone.
  @discardableResult
  static func removeOwnFolder(_ folder: URL) -> Bool {
    let manager = FileManager.default
    let entries = (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
    let marker = folder.appendingPathComponent(OutputDirectory.markerName).path
    let listed = Set(
      (manager.contents(atPath: marker).map { String(decoding: $0, as: UTF8.self) } ?? "").split(separator: "\n").dropFirst().map(String.init))
    let ours = listed.union(OutputDirectory.knownFileNames).union([OutputDirectory.markerName])
    let files = entries.map { folder.appendingPathComponent($0).path }
    guard zip(entries, files).allSatisfy({ (ours.contains($0) || isTemporary($0, of: ours)) && FileKind($1) == .file }) else {
      return false
    }
    for file in files { unlink(file) }
    return rmdir(folder.path) == 0
  }

  /// Whether `entry` is the temporary file of an atomic write of one of `names` interrupted
  /// in the middle: the name, with or without a leading dot, then a dot and a suffix
  /// (`.report.html.partial-…`, Foundation's `.report.html.XXXXXX`).
  private static func isTemporary(_ entry: String, of names: Set<String>) -> Bool {
    let bare = entry.hasPrefix(".") ? String(entry.dropFirst()) : entry
    return names.contains { bare.hasPrefix($0 + ".") && bare.count > $0.count + 1 }
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

  /// Always `FailureKind.cannotWrite`.
  public var kind: FailureKind { .cannotWrite }
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
  /// - Returns: Notes for the user: temporary files of an interrupted earlier write of the same
  ///   file, removed.
  /// - Throws: ``OutputError/cannotCreate(path:reason:)`` when the file cannot be written.
  @discardableResult
  public static func write(
    path: String, replacing: Bool = true, protecting inputs: [String] = [],
    _ produce: (_ append: (inout [UInt8]) throws -> Void) throws -> Void
  ) throws(OutputError) -> [String] {
    let url = try checkedTarget(path, replacing: replacing, inputs: inputs)
    let parent = url.deletingLastPathComponent()
    let notes = Leftovers.removeStale(of: url.lastPathComponent, in: parent)
    let temporary = parent.appendingPathComponent(".\(url.lastPathComponent).partial-\(Leftovers.token())")
    guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
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
      try? FileManager.default.removeItem(at: temporary)
      throw .cannotCreate(path: path, reason: (error as NSError).localizedDescription)
    }
    try move(temporary, to: url, path: path, replacing: replacing)
    return notes
  }

  /// The file to write, checked: a name, not an input, not a folder, not an existing file
  /// unless `replacing`, in a folder that exists.
  private static func checkedTarget(_ path: String, replacing: Bool, inputs: [String]) throws(OutputError) -> URL {
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
    return url
  }

  /// Puts the complete temporary file in place. rename(2) replaces an existing target
  /// atomically; link(2) refuses one (EEXIST), so a file that appeared meanwhile is not
  /// replaced either.
  private static func move(_ temporary: URL, to url: URL, path: String, replacing: Bool) throws(OutputError) {
    let manager = FileManager.default
    if replacing {
      if rename(temporary.path, url.path) != 0 {
        let reason = String(cString: strerror(errno))
        try? manager.removeItem(at: temporary)
        throw .cannotCreate(path: path, reason: reason)
      }
      return
    }
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

  /// Writes a string to `path` atomically.
  @discardableResult
  public static func write(path: String, text: String, replacing: Bool = true) throws(OutputError) -> [String] {
    try write(path: path, replacing: replacing) { append in
      var bytes = Array(text.utf8)
      try append(&bytes)
    }
  }
}

/// Where a file's text goes, piece by piece: text or UTF-8 bytes.
public protocol ByteOutput: AnyObject, TextOutputStream {
  /// Appends UTF-8 text as bytes.
  func write(bytes: [UInt8])
  /// Appends text (what `write(_:)` does, callable on an existential).
  func append(_ text: String)
}

extension ByteOutput {
  public func append(_ text: String) {
    var output = self
    output.write(text)
  }
}

/// The text a ``ByteOutput`` is given, kept in memory.
final class TextCollector: ByteOutput {
  private var bytes: [UInt8] = []
  func write(_ string: String) { bytes.append(contentsOf: string.utf8) }
  func write(bytes more: [UInt8]) { bytes.append(contentsOf: more) }
  var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// A file written piece by piece: text or bytes gather in a buffer that goes to the file
/// every megabyte. A failed write is kept and thrown when the file is closed.
public final class FileOutput: ByteOutput {
  private let handle: FileHandle
  private var buffer: [UInt8] = []
  private var failure: (any Error)? = nil

  /// Creates the file at `url`, lets `write` fill it, and closes it.
  static func write(to url: URL, _ write: (FileOutput) throws -> Void) throws {
    guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
      throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
    }
    let output = FileOutput(handle: try FileHandle(forWritingTo: url))
    defer { try? output.handle.close() }
    try write(output)
    output.flush()
    if let failure = output.failure { throw failure }
  }

  private init(handle: FileHandle) {
    self.handle = handle
    buffer.reserveCapacity(1 << 20)
  }

  public func write(_ string: String) {
    buffer.append(contentsOf: string.utf8)
    if buffer.count >= 1 << 20 { flush() }
  }

  public func write(bytes: [UInt8]) {
    buffer.append(contentsOf: bytes)
    if buffer.count >= 1 << 20 { flush() }
  }

  private func flush() {
    guard failure == nil, !buffer.isEmpty else { return }
    do { try handle.write(contentsOf: buffer) } catch { failure = error }
    buffer.removeAll(keepingCapacity: true)
  }
}
