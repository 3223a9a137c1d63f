#if canImport(Glibc)
  import Glibc
#endif

/// The memory allocator's settings for the whole process, made before anything runs.
enum Allocator {
  /// glibc's malloc gives each thread that allocates an arena of its own (up to eight per
  /// core) and keeps what is freed in it for that thread: a long analysis whose steps run on
  /// other threads one after another (teams, levels, diagrams, the periods' searches) holds
  /// the freed memory of each. One arena keeps the peak at what is in use: `analyze` on a
  /// generated 100,000-person log peaked at 404 MB with the default arenas, 346 MB with two,
  /// 303 MB with one, in the same time (28 s; the parallel kernels allocate outside their
  /// loops). Elsewhere (another C library) nothing changes.
  static func useOneArena() {
    #if canImport(Glibc)
      // mallopt is not in Swift's Glibc module (malloc.h); M_ARENA_MAX is −8 there.
      typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
      guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
      _ = unsafeBitCast(symbol, to: Mallopt.self)(-8, 1)
    #endif
  }
}

extension SiloCommand {
  /// Sets up the allocator, then parses the arguments and runs the command.
  static func main() {
    Allocator.useOneArena()
    main(nil)
  }
}
