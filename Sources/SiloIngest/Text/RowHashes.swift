import Dispatch
import SiloGraph

/// Finds the rows that repeat an earlier row exactly, by a 64-bit hash of their fields.
///
/// Two different rows collide with a chance of about 2⁻⁶⁴ per pair (for a million rows,
/// about one in 10⁷ that any duplicate is reported wrongly). The readers keep each row's hash
/// as they read and look for repeats once all rows are in (``repeats(in:threads:)``): looking
/// each row up in one table of all rows as it was read missed the cache on nearly every row,
/// half of the reader's own time (perf, the 895,660-row generated log).
package enum RowHashes {
  /// The hash of a record: its field bytes and where each field ends, so "a,bc" and "ab,c"
  /// differ (``WordHashing``).
  @inline(__always)
  package static func hash(bytes: UnsafeBufferPointer<UInt8>, ends: UnsafeBufferPointer<Int>) -> UInt64 {
    var h = WordHashing.seed ^ UInt64(bytes.count)
    if bytes.baseAddress != nil { WordHashing.mix(&h, bytes: bytes, tailMark: 0xFF) }
    for end in ends { WordHashing.mix(&h, UInt64(bitPattern: Int64(end))) }
    return WordHashing.finished(h)
  }

  /// The positions of the hashes equal to an earlier one, ascending; `threads` threads look
  /// for them, with the same result for any number.
  ///
  /// The hashes are first grouped by their top bits into buckets of about 1,024, keeping their
  /// order; each bucket is then checked with a table that fits in the first-level cache.
  /// (0 and 1 count as the same hash, as they did in the earlier table.)
  ///
  /// - Complexity: O(*n*) expected for *n* hashes.
  package static func repeats(in hashes: [UInt64], threads: Int) -> [Int] {
    guard hashes.count > 1 else { return [] }
    var bits = 0
    while bits < 20 && (hashes.count >> bits) > 1024 { bits += 1 }
    let buckets = Buckets(hashes, bits: bits, threads: threads)
    let parts = max(1, min(threads, buckets.count / 16))
    let found = ThreadSlots<[Int]>(count: parts, initial: [])
    let work: @Sendable (Int) -> Void = { part in
      found.set(part, buckets.repeats(in: (buckets.count * part / parts) ..< (buckets.count * (part + 1) / parts)))
    }
    if parts == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: parts, execute: work) }
    return found.take().flatMap { $0 }.sorted()
  }

  /// Hashes grouped by their top `bits` bits, each group in the order of the hashes.
  private struct Buckets: Sendable {
    let count: Int
    /// Where each bucket starts in ``keys`` and ``positions``, and their end last.
    private let start: [Int]
    private let keys: [UInt64]
    private let positions: [Int32]

    /// The hashes grouped by `threads` threads: each counts and then places the hashes of its
    /// own run of positions, after those of the runs before it in every bucket, so the groups
    /// are the same for any number of threads.
    init(_ hashes: [UInt64], bits: Int, threads: Int) {
      count = 1 << bits
      let runs = Runs(count: hashes.count >= 1 << 16 ? max(1, min(threads, 8)) : 1, hashes: hashes.count, bits: bits)
      var cursors = Self.counts(of: hashes, in: runs)
      var start = [Int](repeating: 0, count: count + 1)
      for b in 0 ..< count {
        start[b + 1] = start[b]
        for r in 0 ..< runs.count { (cursors[r][b], start[b + 1]) = (start[b + 1], start[b + 1] + cursors[r][b]) }
      }
      self.start = start
      (keys, positions) = Self.placed(hashes, in: runs, from: cursors)
    }

    /// The runs of positions the threads take, and the bucket of a hash.
    private struct Runs: Sendable {
      let count: Int
      let hashes: Int
      let bits: Int

      func positions(_ r: Int) -> Range<Int> { (hashes * r / count) ..< (hashes * (r + 1) / count) }

      @inline(__always)
      func bucket(_ key: UInt64) -> Int { bits == 0 ? 0 : Int(key &>> UInt64(64 - bits)) }
    }

    /// For each run, the number of its hashes in each bucket.
    private static func counts(of hashes: [UInt64], in runs: Runs) -> [[Int]] {
      let counts = ThreadSlots<[Int]>(count: runs.count, initial: [])
      let work: @Sendable (Int) -> Void = { r in
        var counted = [Int](repeating: 0, count: 1 << runs.bits)
        hashes.withUnsafeBufferPointer { hashes in
          counted.withUnsafeMutableBufferPointer { counted in
            for i in runs.positions(r) { counted[runs.bucket(hashes[i])] += 1 }
          }
        }
        counts.set(r, counted)
      }
      if runs.count == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: runs.count, execute: work) }
      return counts.take()
    }

    /// The hashes (0 as 1: 0 marks an empty slot in ``repeats(in:)``) and their positions,
    /// each run's placed from its cursors (where it starts in each bucket).
    private static func placed(_ hashes: [UInt64], in runs: Runs, from cursors: [[Int]]) -> ([UInt64], [Int32]) {
      let n = hashes.count
      var positions: [Int32] = []
      let keys = [UInt64](unsafeUninitializedCapacity: n) { keys, keyCount in
        positions = [Int32](unsafeUninitializedCapacity: n) { positions, positionCount in
          let keyBase = UInt(bitPattern: keys.baseAddress), positionBase = UInt(bitPattern: positions.baseAddress)
          let work: @Sendable (Int) -> Void = { r in
            let keys = UnsafeMutablePointer<UInt64>(bitPattern: keyBase)!
            let positions = UnsafeMutablePointer<Int32>(bitPattern: positionBase)!
            var cursor = cursors[r]
            hashes.withUnsafeBufferPointer { hashes in
              cursor.withUnsafeMutableBufferPointer { cursor in
                for i in runs.positions(r) {
                  let hash = hashes[i], b = runs.bucket(hash)
                  keys[cursor[b]] = hash == 0 ? 1 : hash
                  positions[cursor[b]] = Int32(truncatingIfNeeded: i)
                  cursor[b] += 1
                }
              }
            }
          }
          if runs.count == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: runs.count, execute: work) }
          positionCount = n
        }
        keyCount = n
      }
      return (keys, positions)
    }

    /// The positions of the repeated hashes of buckets `range`.
    func repeats(in range: Range<Int>) -> [Int] {
      var largest = 0
      for b in range { largest = max(largest, start[b + 1] - start[b]) }
      var size = 16
      while size < largest * 2 { size <<= 1 }
      var slots = [UInt64](repeating: 0, count: size)
      let mask = size - 1
      var found: [Int] = []
      slots.withUnsafeMutableBufferPointer { slots in
        keys.withUnsafeBufferPointer { keys in
          for b in range {
            for k in start[b] ..< start[b + 1] {
              let key = keys[k]
              var slot = Int(truncatingIfNeeded: key) & mask
              while slots[slot] != 0 && slots[slot] != key { slot = (slot + 1) & mask }
              if slots[slot] == key { found.append(Int(positions[k])) } else { slots[slot] = key }
            }
            for k in start[b] ..< start[b + 1] {
              var slot = Int(truncatingIfNeeded: keys[k]) & mask
              while slots[slot] != 0 {
                slots[slot] = 0
                slot = (slot + 1) & mask
              }
            }
          }
        }
      }
      return found
    }
  }
}

/// Multiply–xorshift hashing eight bytes at a time (after wyhash and SplitMix64): the name
/// table's keys and the row hashes.
enum WordHashing {
  /// The starting value, mixed with the length of what is hashed.
  static let seed: UInt64 = 0x9E37_79B9_7F4A_7C15

  /// Mixes one word into `h`.
  @inline(__always)
  static func mix(_ h: inout UInt64, _ x: UInt64) {
    h = (h ^ x) &* 0xBF58_476D_1CE4_E5B9
    h ^= h &>> 29
  }

  /// Mixes `bytes` (with a base address) into `h`: each full word, then the last 0–7 bytes as
  /// one word XOR `tailMark`.
  @inline(__always)
  static func mix(_ h: inout UInt64, bytes: UnsafeBufferPointer<UInt8>, tailMark: UInt64) {
    let raw = UnsafeRawPointer(bytes.baseAddress!)
    var i = 0
    while i + 8 <= bytes.count {
      mix(&h, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
      i += 8
    }
    var tail: UInt64 = 0
    var shift: UInt64 = 0
    while i < bytes.count {
      tail |= UInt64(bytes[i]) << shift
      shift += 8
      i += 1
    }
    mix(&h, tail ^ tailMark)
  }

  /// The final avalanche of `h`.
  @inline(__always)
  static func finished(_ h: UInt64) -> UInt64 {
    let g = (h ^ (h &>> 31)) &* 0x94D0_49BB_1331_11EB
    return g ^ (g &>> 32)
  }
}
