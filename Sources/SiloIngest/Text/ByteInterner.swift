/// Gives each distinct byte string a dense number, without creating a `String` per lookup.
///
/// Open addressing with linear probing over FNV-1a hashes; keys are stored back to back in one
/// byte array. A log of a million rows names perhaps a hundred thousand people and projects:
/// each row costs one hash and one comparison instead of a `String` allocation and a
/// dictionary lookup.
package struct ByteInterner {
  private var slots: [Int32]
  private var hashes: [UInt64] = []
  private var storage: [UInt8] = []
  private var starts: [Int] = [0]

  package init(capacity: Int = 1024) {
    var size = 16
    while size < capacity * 2 { size <<= 1 }
    slots = Array(repeating: -1, count: size)
  }

  /// The number of distinct keys.
  package var count: Int { starts.count - 1 }

  @inline(__always)
  private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    for b in key { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
    return h
  }

  /// The number of `key`, adding it when new.
  package mutating func intern(_ key: UnsafeBufferPointer<UInt8>) -> Int32 {
    let h = Self.hash(key)
    var mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: h) & mask
    while true {
      let id = slots[slot]
      if id < 0 { break }
      if hashes[Int(id)] == h && equal(Int(id), key) { return id }
      slot = (slot + 1) & mask
    }
    let id = Int32(count)
    hashes.append(h)
    storage.append(contentsOf: key)
    starts.append(storage.count)
    slots[slot] = id
    if count * 2 > slots.count {
      grow()
      mask = slots.count - 1
    }
    return id
  }

  /// The number of `key` when present.
  package func lookup(_ key: UnsafeBufferPointer<UInt8>) -> Int32? {
    let h = Self.hash(key)
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: h) & mask
    while true {
      let id = slots[slot]
      if id < 0 { return nil }
      if hashes[Int(id)] == h && equal(Int(id), key) { return id }
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
    slots = Array(repeating: -1, count: slots.count * 2)
    let mask = slots.count - 1
    for id in 0 ..< count {
      var slot = Int(truncatingIfNeeded: hashes[id]) & mask
      while slots[slot] >= 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(id)
    }
  }

  /// Key `id` as a string.
  package func string(_ id: Int) -> String {
    String(decoding: storage[starts[id] ..< starts[id + 1]], as: UTF8.self)
  }

  /// All keys, in order of their numbers.
  package func strings() -> [String] { (0 ..< count).map(string) }
}
