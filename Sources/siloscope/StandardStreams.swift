#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

enum FileHandleStandardError {
  static func write(_ string: String) {
    var copy = string
    copy.withUTF8 { bytes in
      var offset = 0
      while offset < bytes.count {
        let written = Glibc_write(2, bytes.baseAddress! + offset, bytes.count - offset)
        if written <= 0 { return }
        offset += written
      }
    }
  }
}

@inline(__always)
private func Glibc_write(_ fd: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
  #if canImport(Glibc)
    return Glibc.write(fd, pointer, count)
  #else
    return Darwin.write(fd, pointer, count)
  #endif
}

enum ProcessInfoCount {
  static var activeProcessors: Int {
    #if canImport(Glibc)
      return Int(Glibc.sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    #else
      return Int(Darwin.sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    #endif
  }
}
