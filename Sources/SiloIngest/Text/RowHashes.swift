import Dispatch
import SiloGraph

/// Remembers which records have been seen, by a 64-bit hash of their fields, to count rows
/// that repeat an earlier row exactly.
///
/// Two different rows collide with a chance of about 2⁻⁶⁴ per pair (for a million rows,
/// about one in 10⁷ that any duplicate is reported wrongly). Open addressing over a power-of-
/// two table of hashes; a hand-made table because `Set<Int>` with `Hasher` (SipHash) was a
/// fifth of the time of reading a 1,000,000-row log (perf).
package struct RowHashSet {
  private var slots: [UInt64]
  private var count = 0

  package init(capacity: Int = 1024) {
    var size = 16
    while size < capacity * 2 { size <<= 1 }
    slots = Array(repeating: 0, count: size)
  }

  /// The hash of a record: its field bytes and where each field ends, so "a,bc" and "ab,c"
  /// differ. Eight bytes at a time, multiply–xorshift mixing (after wyhash and SplitMix64).
  @inline(__always)
  package static func hash(bytes: UnsafeBufferPointer<UInt8>, ends: UnsafeBufferPointer<Int>) -> UInt64 {
    var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
    @inline(__always) func mix(_ x: UInt64) {
      h = (h ^ x) &* 0xBF58_476D_1CE4_E5B9
      h ^= h &>> 29
    }
    var i = 0
    if let base = bytes.baseAddress {
      let raw = UnsafeRawPointer(base)
      while i + 8 <= bytes.count {
        mix(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
        i += 8
      }
      var tail: UInt64 = 0
      var shift: UInt64 = 0
      while i < bytes.count {
        tail |= UInt64(bytes[i]) << shift
        shift += 8
        i += 1
      }
      mix(tail ^ 0xFF)
    }
    for end in ends { mix(UInt64(bitPattern: Int64(end))) }
    h = (h ^ (h &>> 31)) &* 0x94D0_49BB_1331_11EB
    return h ^ (h &>> 32)
  }

  /// Whether `hash` is in the set.
  @inline(__always)
  package func contains(_ hash: UInt64) -> Bool {
    let key = hash == 0 ? 1 : hash
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: key) & mask
    while slots[slot] != 0 {
      if slots[slot] == key { return true }
      slot = (slot + 1) & mask
    }
    return false
  }

  /// The positions in `hashes` of the hashes in the set, in order; `threads` threads look up
  /// a slice each.
  package func found(_ hashes: [UInt64], threads: Int) -> [Int] {
    let slices = max(1, min(threads, hashes.count / 65_536))
    let found = ThreadSlots<[Int]>(count: slices, initial: [])
    let work: @Sendable (Int) -> Void = { [self] slice in
      let range = (hashes.count * slice / slices) ..< (hashes.count * (slice + 1) / slices)
      found.set(slice, range.filter { contains(hashes[$0]) })
    }
    if slices == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: slices, execute: work) }
    return found.take().flatMap { $0 }
  }

  /// Inserts a hash; returns `false` when it was already there.
  @inline(__always)
  package mutating func insert(_ hash: UInt64) -> Bool {
    let key = hash == 0 ? 1 : hash  // 0 marks an empty slot
    var mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: key) & mask
    while slots[slot] != 0 {
      if slots[slot] == key { return false }
      slot = (slot + 1) & mask
    }
    slots[slot] = key
    count += 1
    if count * 2 > slots.count {
      let old = slots
      slots = Array(repeating: 0, count: old.count * 2)
      mask = slots.count - 1
      for k in old where k != 0 {
        var s = Int(truncatingIfNeeded: k) & mask
        while slots[s] != 0 { s = (s + 1) & mask }
        slots[s] = k
      }
    }
    return true
  }
}
