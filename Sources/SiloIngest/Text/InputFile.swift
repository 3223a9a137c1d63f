#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Dispatch
import SiloGraph

/// The bytes of an input file, normalised to UTF-8 without a byte-order mark.
///
/// Reads the whole file at once (a 1,000,000-row log is about 50 MB), strips a UTF-8 BOM,
/// transcodes UTF-16 (what Excel's "Unicode text" export writes) to UTF-8, and checks that the
/// result is valid UTF-8, naming the line and column of the first bad byte otherwise.
package struct InputFile: Sendable {
  package let name: String
  package let bytes: [UInt8]
  /// What the file was: "UTF-8", "UTF-8 with BOM", "UTF-16LE", "UTF-16BE".
  package let encoding: String
  /// For a folder of part files read as one file: where each part starts
  /// (``PartFiles``); empty for a single file.
  package private(set) var parts: [PartFiles.Part] = []
  /// For an Excel workbook: the sheet read (its text is the sheet as tab-separated lines,
  /// ``Workbook``); `nil` for a text file.
  package private(set) var sheet: String? = nil

  /// The file at `path`: a plain file, a gzip-compressed one (inflated), an Excel workbook
  /// (the sheet named `sheet`, or the first, as tab-separated text), or a folder of part
  /// files as SQL engines write a table (``PartFiles``).
  /// `threads` threads check the text.
  package init(path: String, displayName: String? = nil, sheet: String? = nil, threads: Int = 1) throws(IngestError) {
    let name = displayName ?? path
    if PartFiles.isFolder(path) {
      self = try PartFiles.read(folder: path, name: name)
      return
    }
    try self.init(name: name, raw: Self.readAll(path: path, name: name, threads: threads), sheet: sheet, threads: threads)
  }

  /// One file made of the parts of a folder.
  init(name: String, utf8 bytes: [UInt8], parts: [PartFiles.Part]) {
    self.name = name
    self.bytes = bytes
    self.encoding = "UTF-8"
    self.parts = parts
  }

  /// A file from its bytes: inflated when they are gzip, the sheet `sheet` (or the first) as
  /// tab-separated text when they are an Excel workbook, else text in UTF-8 (a byte-order mark
  /// dropped) or UTF-16 (transcoded); `threads` threads check that the text is UTF-8.
  package init(name: String, raw: [UInt8], sheet: String? = nil, threads: Int = 1) throws(IngestError) {
    var raw = raw
    if Gzip.isGzip(raw) {
      do {
        raw = try Gzip.inflate(raw)
      } catch {
        switch error {
        case .damaged(let reason): throw .malformed(SourceLocation(file: name), reason: reason)
        }
      }
    }
    if Workbook.container(of: raw) != nil {
      let (text, sheetName) = try Workbook.text(of: raw, name: name, sheet: sheet)
      self = InputFile(name: name, utf8: text, parts: [])
      self.sheet = sheetName
      return
    }
    self.name = name
    var bytes = raw
    var encoding = "UTF-8"
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      bytes.removeFirst(3)
      encoding = "UTF-8 with BOM"
    } else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      let little = bytes[0] == 0xFF
      encoding = little ? "UTF-16LE" : "UTF-16BE"
      bytes = try Self.transcodeUTF16(bytes.dropFirst(2), littleEndian: little, name: name)
    }
    if let bad = UTF8Validation.firstInvalidByte(in: bytes, threads: threads) {
      let (line, column) = TextPosition.lineAndColumn(of: bad, in: bytes)
      let hex = String(bytes[bad], radix: 16, uppercase: true)
      throw .invalidEncoding(
        SourceLocation(file: name, line: line, column: column),
        reason: "byte 0x\(hex) is not valid UTF-8; the file may be in Windows-1252 or Latin-1: "
          + "save it from Excel as \"CSV UTF-8\" (or convert it with iconv -f WINDOWS-1252 -t UTF-8)")
    }
    self.bytes = bytes
    self.encoding = encoding
  }

  /// The bytes of the regular file at `path`, read by `threads` threads in parts when it has at
  /// least `minimumPartBytes` bytes (a test lowers it).
  package static func readAll(path: String, name: String, threads: Int = 1, minimumPartBytes: Int = 8 << 20) throws(IngestError) -> [UInt8] {
    var info = stat()
    if stat(path, &info) != 0 {
      if errno == ENOENT || errno == ENOTDIR { throw .fileNotFound(file: name) }
      throw .unreadable(file: name, reason: String(cString: strerror(errno)))
    }
    if (info.st_mode & S_IFMT) == S_IFDIR { throw .unreadable(file: name, reason: "it is a folder, not a file") }
    // A device (/dev/zero, /dev/urandom) would be read until memory runs out, and a FIFO
    // without a writer blocks forever: only regular files are read. (stat follows symbolic
    // links, so a link to a regular file is fine; stat does not open, so a FIFO cannot block.)
    if (info.st_mode & S_IFMT) != S_IFREG {
      throw .unreadable(file: name, reason: "it is not a regular file (\(Self.kind(of: info.st_mode))); save the data to a file and give that")
    }
    // Opened without blocking, and checked again once open, in case the path was replaced by a
    // pipe or a device after the check above.
    let fd = open(path, O_RDONLY | O_NONBLOCK)
    if fd < 0 { throw .unreadable(file: name, reason: String(cString: strerror(errno))) }
    defer { close(fd) }
    if fstat(fd, &info) != 0 || (info.st_mode & S_IFMT) != S_IFREG {
      throw .unreadable(file: name, reason: "it is not a regular file (\(Self.kind(of: info.st_mode))); save the data to a file and give that")
    }
    // The size stat gives is read straight into the array (one byte more, to see a file that
    // grew), in parts on `threads` threads when it is large; what is left, if the file grew,
    // in chunks.
    var failure: Int32 = 0
    var result = [UInt8](unsafeUninitializedCapacity: Int(info.st_size) + 1) { buffer, count in
      HugePages.advise(UnsafeMutableRawPointer(buffer.baseAddress), byteCount: buffer.count)
      let size = Int(info.st_size)
      count = readInParts(fd, into: buffer, size: size, threads: size >= minimumPartBytes ? threads : 1)
      if count >= 0 { count = readRange(fd, into: buffer.baseAddress!, from: count, to: buffer.count) }
      if count < 0 { (failure, count) = (Int32(-count), 0) }
    }
    if failure != 0 { throw .unreadable(file: name, reason: String(cString: strerror(failure))) }
    if result.count <= Int(info.st_size) { return result }
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let offset = off_t(result.count)
      let got = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, offset) }
      if got < 0 {
        if errno == EINTR { continue }
        throw .unreadable(file: name, reason: String(cString: strerror(errno)))
      }
      if got == 0 { break }
      result.append(contentsOf: chunk[0 ..< got])
    }
    return result
  }

  /// Reads the first `size` bytes of `fd` into `buffer` with `pread`, in `threads` parts read
  /// at the same time (each part is copied out of the page cache by its own thread). Returns
  /// the offset up to which the bytes were read without a gap: `size`, or less when the file
  /// ended early (the caller reads on from there); −errno on an error.
  private static func readInParts(_ fd: Int32, into buffer: UnsafeMutableBufferPointer<UInt8>, size: Int, threads: Int) -> Int {
    let partCount = max(1, min(threads, 8, size))
    let part = (size + partCount - 1) / partCount
    let got = ThreadSlots<Int>(count: partCount, initial: 0)
    let base = UInt(bitPattern: buffer.baseAddress)
    let work: @Sendable (Int) -> Void = { p in
      let start = min(size, p * part)
      got.set(p, readRange(fd, into: UnsafeMutablePointer<UInt8>(bitPattern: base)!, from: start, to: min(size, start + part)))
    }
    if partCount == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: partCount, execute: work) }
    for (p, reached) in got.take().enumerated() where reached < 0 || reached < min(size, (p + 1) * part) {
      return reached
    }
    return size
  }

  /// Reads bytes `start ..< end` of `fd` into the same offsets from `pointer` with `pread`
  /// (again when interrupted). Returns the offset where it stopped: `end`, or less where the
  /// file ended; −errno on an error.
  private static func readRange(_ fd: Int32, into pointer: UnsafeMutablePointer<UInt8>, from start: Int, to end: Int) -> Int {
    var offset = start
    while offset < end {
      let n = pread(fd, pointer + offset, end - offset, off_t(offset))
      if n < 0 && errno == EINTR { continue }
      if n < 0 { return -Int(errno) }
      if n == 0 { break }
      offset += n
    }
    return offset
  }

  /// What a file that is not a regular file is, in words.
  package static func kind(of mode: mode_t) -> String {
    switch mode & S_IFMT {
    case S_IFCHR: return "a character device"
    case S_IFBLK: return "a block device"
    case S_IFIFO: return "a named pipe"
    case S_IFSOCK: return "a socket"
    default: return "not a plain file"
    }
  }

  private static func transcodeUTF16(_ body: ArraySlice<UInt8>, littleEndian: Bool, name: String) throws(IngestError) -> [UInt8] {
    guard body.count % 2 == 0 else {
      throw .invalidEncoding(SourceLocation(file: name), reason: "a UTF-16 file with an odd number of bytes")
    }
    var units: [UInt16] = []
    units.reserveCapacity(body.count / 2)
    var i = body.startIndex
    while i < body.endIndex {
      let a = UInt16(body[i]), b = UInt16(body[i + 1])
      units.append(littleEndian ? a | b << 8 : a << 8 | b)
      i += 2
    }
    var out: [UInt8] = []
    out.reserveCapacity(units.count)
    var decoder = UTF16()
    var iterator = units.makeIterator()
    var line = 1
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        if scalar == "\n" { line += 1 }
        UTF8.encode(scalar) { out.append($0) }
      case .emptyInput:
        return out
      case .error:
        throw .invalidEncoding(
          SourceLocation(file: name, line: line), reason: "the file is UTF-16 with an unpaired surrogate")
      }
    }
  }
}

/// Validates UTF-8 with an ASCII fast path (eight bytes at a time).
package enum UTF8Validation {
  /// The offset of the first byte that is not part of a valid UTF-8 sequence, or `nil`.
  package static func firstInvalidByte(in bytes: [UInt8]) -> Int? {
    bytes.withUnsafeBufferPointer { firstInvalidByte(in: $0) }
  }

  /// ``firstInvalidByte(in:)`` with `threads` threads, each checking a part of at least
  /// `minimumBytes` bytes. A part starts where a sequence starts: the cut moves past up to
  /// three continuation bytes, so that no valid sequence spans it (a fourth one is invalid
  /// wherever it is read from). The first invalid byte of the first part that has one is the
  /// first of all.
  package static func firstInvalidByte(in bytes: [UInt8], threads: Int, minimumBytes: Int = 1 << 22) -> Int? {
    let parts = max(1, min(threads, bytes.count / max(1, minimumBytes)))
    guard parts > 1 else { return firstInvalidByte(in: bytes) }
    var cuts = [0]
    for part in 1 ..< parts {
      var cut = bytes.count * part / parts
      for _ in 0 ..< 3 where cut < bytes.count && bytes[cut] & 0xC0 == 0x80 { cut += 1 }
      cuts.append(max(cut, cuts.last!))
    }
    cuts.append(bytes.count)
    let found = ThreadSlots<Int?>(count: parts, initial: nil)
    let work: @Sendable (Int) -> Void = { [cuts] part in
      let start = cuts[part]
      let first = bytes.withUnsafeBufferPointer {
        firstInvalidByte(in: UnsafeBufferPointer(rebasing: $0[start ..< cuts[part + 1]]))
      }
      found.set(part, first.map { start + $0 })
    }
    DispatchQueue.concurrentPerform(iterations: parts, execute: work)
    return found.take().lazy.compactMap { $0 }.first
  }

  /// ``firstInvalidByte(in:)`` for the bytes of a buffer (offsets from its start).
  private static func firstInvalidByte(in buffer: UnsafeBufferPointer<UInt8>) -> Int? {
    let count = buffer.count
    var i = 0
    while i < count {
      if i + 8 <= count {
        let word = UnsafeRawPointer(buffer.baseAddress! + i).loadUnaligned(as: UInt64.self)
        if word & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
      }
      let b = buffer[i]
      if b < 0x80 { i += 1; continue }
      let length: Int
      let minimum: UInt32
      var scalar: UInt32
      switch b {
      case 0xC2 ... 0xDF: length = 2; minimum = 0x80; scalar = UInt32(b & 0x1F)
      case 0xE0 ... 0xEF: length = 3; minimum = 0x800; scalar = UInt32(b & 0x0F)
      case 0xF0 ... 0xF4: length = 4; minimum = 0x10000; scalar = UInt32(b & 0x07)
      default: return i
      }
      if i + length > count { return i }
      for k in 1 ..< length {
        let c = buffer[i + k]
        if c & 0xC0 != 0x80 { return i }
        scalar = scalar << 6 | UInt32(c & 0x3F)
      }
      if scalar < minimum || scalar > 0x10FFFF || (0xD800 ... 0xDFFF).contains(scalar) { return i }
      i += length
    }
    return nil
  }
}

/// Turns a byte offset into a 1-based line and character column.
package enum TextPosition {
  package static func lineAndColumn(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
    var line = 1
    var lineStart = 0
    var i = 0
    while i < offset && i < bytes.count {
      if bytes[i] == 0x0A {
        line += 1
        lineStart = i + 1
      } else if bytes[i] == 0x0D {
        if i + 1 < bytes.count && bytes[i + 1] == 0x0A { i += 1 }
        line += 1
        lineStart = i + 1
      }
      i += 1
    }
    return (line, column(of: offset, lineStart: lineStart, in: bytes))
  }

  /// The character column of `offset`, counting from `lineStart` (column 1).
  package static func column(of offset: Int, lineStart: Int, in bytes: [UInt8]) -> Int {
    var column = 1
    var i = lineStart
    while i < offset && i < bytes.count {
      if bytes[i] & 0xC0 != 0x80 { column += 1 }
      i += 1
    }
    return column
  }
}
