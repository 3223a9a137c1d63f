/// Gives each distinct byte string a dense number, without creating a `String` per lookup.
///
/// Open addressing with linear probing; each slot packs the key's 32-bit hash with its
/// number, so a probe touches one slot and compares bytes only when the hashes match. The
/// slot is chosen by the same 32 bits, so the table grows without hashing a key again. Keys
/// are stored back to back in one byte array. The last key looked up is remembered: logs are
/// usually sorted by project or person, so consecutive rows repeat a name, and a byte
/// comparison then replaces the hash lookup.
package struct ByteInterner {
  /// 0 = empty; else (hash32 << 32) | (id + 1).
  private var slots: [UInt64]
  private var storage: [UInt8] = []
  private var starts: [Int] = [0]
  private var last: Int32 = -1

  package init(capacity: Int = 1024) {
    var size = 16
    while size < capacity * 2 { size <<= 1 }
    slots = Array(repeating: 0, count: size)
  }

  /// The number of distinct keys.
  package var count: Int { starts.count - 1 }

  /// Eight bytes at a time, multiply–xorshift mixing (as ``RowHashes/hash(bytes:ends:)``):
  /// a name of up to 8 bytes is one load and one mix, where byte-by-byte FNV-1a took a
  /// multiplication per byte, one after another.
  @inline(__always)
  private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(key.count)
    @inline(__always) func mix(_ x: UInt64) {
      h = (h ^ x) &* 0xBF58_476D_1CE4_E5B9
      h ^= h &>> 29
    }
    guard let base = key.baseAddress else { return h }
    let raw = UnsafeRawPointer(base)
    var i = 0
    while i + 8 <= key.count {
      mix(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
      i += 8
    }
    var tail: UInt64 = 0
    var shift: UInt64 = 0
    while i < key.count {
      tail |= UInt64(key[i]) << shift
      shift += 8
      i += 1
    }
    mix(tail)
    h = (h ^ (h &>> 31)) &* 0x94D0_49BB_1331_11EB
    return h ^ (h &>> 32)
  }

  /// The number of `key`, adding it when new.
  @inline(__always)
  package mutating func intern(_ key: UnsafeBufferPointer<UInt8>) -> Int32 {
    if last >= 0 && equal(Int(last), key) { return last }
    let tag = Self.hash(key) >> 32
    var mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: tag) & mask
    while true {
      let entry = slots[slot]
      if entry == 0 { break }
      if entry >> 32 == tag {
        let id = Int32(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
        if equal(Int(id), key) {
          last = id
          return id
        }
      }
      slot = (slot + 1) & mask
    }
    let id = Int32(count)
    storage.append(contentsOf: key)
    starts.append(storage.count)
    slots[slot] = tag << 32 | UInt64(id + 1)
    if count * 2 > slots.count {
      grow()
      mask = slots.count - 1
    }
    last = id
    return id
  }

  /// The number of `key` when present.
  package func lookup(_ key: UnsafeBufferPointer<UInt8>) -> Int32? {
    let tag = Self.hash(key) >> 32
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: tag) & mask
    while true {
      let entry = slots[slot]
      if entry == 0 { return nil }
      if entry >> 32 == tag {
        let id = Int32(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
        if equal(Int(id), key) { return id }
      }
      slot = (slot + 1) & mask
    }
  }

  /// Whether key `id` is `key`: eight bytes at a time, then byte by byte.
  @inline(__always)
  private func equal(_ id: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = starts[id], end = starts[id + 1]
    let count = key.count
    guard end - start == count else { return false }
    guard count > 0 else { return true }
    return storage.withUnsafeBufferPointer { s in
      let a = UnsafeRawPointer(s.baseAddress! + start), b = UnsafeRawPointer(key.baseAddress!)
      var k = 0
      while k + 8 <= count {
        if a.loadUnaligned(fromByteOffset: k, as: UInt64.self) != b.loadUnaligned(fromByteOffset: k, as: UInt64.self) {
          return false
        }
        k += 8
      }
      while k < count {
        if a.load(fromByteOffset: k, as: UInt8.self) != b.load(fromByteOffset: k, as: UInt8.self) { return false }
        k += 1
      }
      return true
    }
  }

  private mutating func grow() {
    let old = slots
    slots = Array(repeating: 0, count: old.count * 2)
    let mask = slots.count - 1
    for entry in old where entry != 0 {
      var slot = Int(truncatingIfNeeded: entry >> 32) & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = entry
    }
  }

  /// The result of `body` on the bytes of key `id`.
  package func withBytes<Result>(of id: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    storage.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[starts[id] ..< starts[id + 1]])) }
  }

  /// The bytes of key `id`.
  package func bytes(_ id: Int) -> ArraySlice<UInt8> { storage[starts[id] ..< starts[id + 1]] }

  /// Key `id` as a string.
  package func string(_ id: Int) -> String {
    String(decoding: storage[starts[id] ..< starts[id + 1]], as: UTF8.self)
  }

  /// All keys, in order of their numbers.
  package func strings() -> [String] { (0 ..< count).map(string) }
}
