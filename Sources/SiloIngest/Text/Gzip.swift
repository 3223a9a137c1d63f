import Foundation
import ZIPFoundation

/// Reads gzip files (RFC 1952), as SQL engines write compressed CSV: DuckDB's
/// `COMPRESSION gzip`, Spark's `compression 'gzip'`, `gzip` itself. The deflate streams are
/// inflated by ZIPFoundation (zlib); this type reads the members around them.
///
/// A file may hold several members one after another (`cat a.gz b.gz`, `pigz`, `bgzip`):
/// their contents are joined. Each member's CRC-32 and length are checked, so a damaged or
/// cut-off file is an error, never a partial read.
package enum Gzip {
  /// Whether `bytes` start with the gzip magic number.
  package static func isGzip(_ bytes: [UInt8]) -> Bool {
    bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
  }

  /// What went wrong, for the reader's message.
  package enum Problem: Error, Equatable {
    case damaged(String)
  }

  /// The contents of every member of the gzip file `bytes`.
  ///
  /// - Complexity: O(*n* + *N*) for *n* compressed and *N* inflated bytes.
  package static func inflate(_ bytes: [UInt8]) throws(Problem) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count * 4)
    var start = 0
    while start < bytes.count {
      let dataStart = try headerEnd(bytes, from: start)
      let before = output.count
      let (crc, lastChunk) = try inflateStream(bytes, from: dataStart, into: &output)
      let length = UInt32(truncatingIfNeeded: output.count - before)
      guard let trailer = trailerOffset(bytes, from: lastChunk, crc: crc, length: length) else {
        throw .damaged("the compressed data is damaged or cut off (no gzip trailer matches the content)")
      }
      start = trailer + 8
    }
    return output
  }

  /// The offset of the deflate data of the member that starts at `start`.
  private static func headerEnd(_ bytes: [UInt8], from start: Int) throws(Problem) -> Int {
    guard bytes.count - start >= 18, bytes[start] == 0x1F, bytes[start + 1] == 0x8B else {
      throw .damaged("the data after a gzip member is not another gzip member")
    }
    guard bytes[start + 2] == 8 else { throw .damaged("the gzip member uses a compression method other than deflate") }
    let flags = bytes[start + 3]
    var offset = start + 10
    if flags & 0x04 != 0 {  // FEXTRA
      guard offset + 2 <= bytes.count else { throw .damaged("the gzip header is cut off") }
      offset += 2 + Int(bytes[offset]) | Int(bytes[offset + 1]) << 8
    }
    for flag: UInt8 in [0x08, 0x10] where flags & flag != 0 {  // FNAME, FCOMMENT: zero-terminated
      while offset < bytes.count && bytes[offset] != 0 { offset += 1 }
      offset += 1
    }
    if flags & 0x02 != 0 { offset += 2 }  // FHCRC
    guard offset < bytes.count else { throw .damaged("the gzip header is cut off") }
    return offset
  }

  /// Inflates the raw deflate stream at `start`, appending to `output`; returns its CRC-32
  /// and the offset of the last chunk zlib was given, in which (or right after which) the
  /// stream ended.
  /// ZIPFoundation asks for chunks of a fixed size and tells zlib that much is there, so each
  /// chunk is that size, zero-filled past the end; past the end it is asked for nothing more
  /// (a cut-off stream fails on the zeros or on the missing chunk, never reads beyond).
  private static func inflateStream(_ bytes: [UInt8], from start: Int, into output: inout [UInt8]) throws(Problem) -> (crc: UInt32, lastChunk: Int) {
    let chunk = 1 << 16
    var lastChunk = start
    do {
      let crc = try Data.decompress(
        size: Int64(bytes.count - start), bufferSize: chunk, skipCRC32: false,
        provider: { position, size in
          let from = start + Int(position)
          lastChunk = from
          guard from < bytes.count else { throw Problem.damaged("the compressed data is cut off") }
          var data = Data(bytes[from ..< min(bytes.count, from + size)])
          if data.count < size { data.append(Data(count: size - data.count)) }
          return data
        },
        consumer: { data in output.append(contentsOf: data) })
      return (crc, lastChunk)
    } catch let problem as Problem {
      throw problem
    } catch {
      throw .damaged("the compressed data is damaged or cut off (\(error))")
    }
  }

  /// Where the member's trailer (CRC-32 and length, little-endian) is: the first place from
  /// `start` (the last chunk inflated, so the search is short) where both match and the file ends or another member starts. zlib does not say
  /// where the deflate stream ended; eight matching bytes followed by the end or by a gzip
  /// header do not occur by chance.
  private static func trailerOffset(_ bytes: [UInt8], from start: Int, crc: UInt32, length: UInt32) -> Int? {
    func word(_ offset: Int) -> UInt32 {
      UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
    }
    var offset = start
    while offset + 8 <= bytes.count {
      if word(offset) == crc && word(offset + 4) == length
        && (offset + 8 == bytes.count || (offset + 10 <= bytes.count && bytes[offset + 8] == 0x1F && bytes[offset + 9] == 0x8B))
      {
        return offset
      }
      offset += 1
    }
    return nil
  }
}
