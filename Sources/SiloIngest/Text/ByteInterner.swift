/// Gives each distinct byte string a dense number, without creating a `String` per lookup.
///
/// Open addressing with linear probing; each slot packs the key's 32-bit hash with its
/// number, so a probe touches one slot and compares bytes only when the hashes match. Keys
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

  @inline(__always)
  private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    for b in key { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
    return h ^ (h &>> 29)
  }

  /// The number of `key`, adding it when new.
  @inline(__always)
  package mutating func intern(_ key: UnsafeBufferPointer<UInt8>) -> Int32 {
    if last >= 0 && equal(Int(last), key) { return last }
    let h = Self.hash(key)
    let tag = h >> 32
    var mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: h) & mask
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
    let h = Self.hash(key)
    let tag = h >> 32
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: h) & mask
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

  @inline(__always)
  private func equal(_ id: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = starts[id], end = starts[id + 1]
    guard end - start == key.count else { return false }
    return storage.withUnsafeBufferPointer { s in
      for k in 0 ..< key.count where s[start + k] != key[k] { return false }
      return true
    }
  }

  private mutating func grow() {
    let old = slots
    slots = Array(repeating: 0, count: old.count * 2)
    let mask = slots.count - 1
    for entry in old where entry != 0 {
      let id = Int(entry & 0xFFFF_FFFF) - 1
      let h = storage.withUnsafeBufferPointer { s in
        Self.hash(UnsafeBufferPointer(rebasing: s[starts[id] ..< starts[id + 1]]))
      }
      var slot = Int(truncatingIfNeeded: h) & mask
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
