/// Gives each distinct byte string a dense number, without creating a `String` per lookup.
///
/// Open addressing with linear probing; each slot packs the key's 32-bit hash with its
/// number, so a probe touches one slot and compares bytes only when the hashes match. The
/// slot is chosen by the same 32 bits, so the table grows without hashing a key again. Keys
/// are stored back to back in one byte array, and a key of at most 7 bytes (most ids) also
/// in its slot, so that finding it touches one cache line instead of three (slot, start,
/// bytes). The last key looked up is remembered: logs are usually sorted by project or
/// person, so consecutive rows repeat a name, and a comparison then replaces the hash lookup.
package struct ByteInterner {
  /// Two words per slot: 0 = empty, else (hash32 << 32) | (id + 1); then the key
  /// ``packed(_:)``.
  private var slots: [UInt64]
  private var storage: [UInt8] = []
  private var starts: [Int] = [0]
  private var last: Int32 = -1
  private var lastPacked: UInt64 = 0

  package init(capacity: Int = 1024) {
    var size = 16
    while size < capacity * 2 { size <<= 1 }
    slots = Array(repeating: 0, count: 2 * size)
  }

  /// A key of at most 7 bytes as one word: its bytes, and its length + 1 in the top byte;
  /// 0 for a longer key.
  @inline(__always)
  private static func packed(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
    guard key.count <= 7 else { return 0 }
    var value = UInt64(key.count + 1) << 56
    for i in 0 ..< key.count { value |= UInt64(key[i]) << (8 * UInt64(i)) }
    return value
  }

  /// Whether key `id`, whose slot holds `stored` as its packed key, is `key` (packed `packed`).
  @inline(__always)
  private func matches(_ id: Int, stored: UInt64, _ key: UnsafeBufferPointer<UInt8>, packed: UInt64) -> Bool {
    packed != 0 ? stored == packed : equal(id, key)
  }

  /// The number of distinct keys.
  package var count: Int { starts.count - 1 }

  /// ``WordHashing``: a name of up to 8 bytes is one load and one mix, where byte-by-byte
  /// FNV-1a took a multiplication per byte, one after another.
  @inline(__always)
  private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var h = WordHashing.seed ^ UInt64(key.count)
    guard key.baseAddress != nil else { return h }
    WordHashing.mix(&h, bytes: key, tailMark: 0)
    return WordHashing.finished(h)
  }

  /// The number of `key`, adding it when new.
  @inline(__always)
  package mutating func intern(_ key: UnsafeBufferPointer<UInt8>) -> Int32 {
    let packed = Self.packed(key)
    if last >= 0 && matches(Int(last), stored: lastPacked, key, packed: packed) { return last }
    let tag = Self.hash(key) >> 32
    let (found, slot) = find(key, packed: packed, tag: tag)
    if let found {
      (last, lastPacked) = (found, packed)
      return found
    }
    let id = Int32(count)
    storage.append(contentsOf: key)
    starts.append(storage.count)
    slots[2 * slot] = tag << 32 | UInt64(id + 1)
    slots[2 * slot + 1] = packed
    if count * 4 > slots.count { grow() }
    (last, lastPacked) = (id, packed)
    return id
  }

  /// The number of `key` when present.
  package func lookup(_ key: UnsafeBufferPointer<UInt8>) -> Int32? {
    let packed = Self.packed(key)
    return find(key, packed: packed, tag: Self.hash(key) >> 32).id
  }

  /// The number of `key` (packed `packed`, hash tag `tag`) and its slot, or `nil` and the
  /// empty slot where it would go.
  @inline(__always)
  private func find(_ key: UnsafeBufferPointer<UInt8>, packed: UInt64, tag: UInt64) -> (id: Int32?, slot: Int) {
    let mask = slots.count / 2 - 1
    var slot = Int(truncatingIfNeeded: tag) & mask
    while true {
      let entry = slots[2 * slot]
      if entry == 0 { return (nil, slot) }
      if entry >> 32 == tag {
        let id = Int32(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
        if matches(Int(id), stored: slots[2 * slot + 1], key, packed: packed) { return (id, slot) }
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
    let mask = slots.count / 2 - 1
    for k in stride(from: 0, to: old.count, by: 2) where old[k] != 0 {
      var slot = Int(truncatingIfNeeded: old[k] >> 32) & mask
      while slots[2 * slot] != 0 { slot = (slot + 1) & mask }
      slots[2 * slot] = old[k]
      slots[2 * slot + 1] = old[k + 1]
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
