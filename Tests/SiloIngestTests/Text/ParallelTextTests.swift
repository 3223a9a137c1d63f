import SiloGraph
import SiloIngest
import Testing

/// The parts of reading text that run on several threads give what one thread gives.
@Suite("Text on several threads")
struct ParallelTextTests {
  @Test("A file read in 2–9 parts at once is the file, whatever its size")
  func fileReadInParts() throws {
    var generator = SeededGenerator(seed: 21)
    let files = Files()
    defer { files.remove() }
    for size in [0, 1, 2, 7, 8, 9, 4095, 100_003] {
      let bytes = (0 ..< size).map { _ in UInt8.random(in: 0 ... 255, using: &generator) }
      let path = files.bytes("f\(size).bin", bytes)
      for threads in 1 ... 9 {
        let read = try InputFile.readAll(path: path, name: "f", threads: threads, minimumPartBytes: 1)
        let same = read == bytes
        #expect(same, "\(size) bytes on \(threads) threads")
      }
    }
  }

  @Test("Repeated row hashes found on 1–4 threads: the same positions, 0 and 1 counted as one")
  func repeatsOnThreads() {
    var generator = SeededGenerator(seed: 22)
    // Enough hashes for the buckets to be counted and placed in parts (at least 65,536).
    var hashes = (0 ..< 150_000).map { _ in UInt64.random(in: 2 ... .max, using: &generator) }
    var expected = Set<Int>()
    for _ in 0 ..< 3000 {
      let earlier = Int.random(in: 0 ..< hashes.count - 1, using: &generator)
      let later = Int.random(in: earlier + 1 ..< hashes.count, using: &generator)
      hashes[later] = hashes[earlier]
    }
    hashes[10] = 0
    hashes[149_000] = 1
    var seen = Set<UInt64>()
    for (i, hash) in hashes.enumerated() where !seen.insert(hash == 0 ? 1 : hash).inserted { expected.insert(i) }
    // Compared as Booleans: a failure would otherwise print thousands of positions.
    let one = RowHashes.repeats(in: hashes, threads: 1)
    let asExpected = one == expected.sorted()
    #expect(asExpected, "\(one.count) repeats found, \(expected.count) planted")
    #expect(one.contains(149_000))
    for threads in 2 ... 4 {
      let same = RowHashes.repeats(in: hashes, threads: threads) == one
      #expect(same, "\(threads) threads")
    }
  }
}
