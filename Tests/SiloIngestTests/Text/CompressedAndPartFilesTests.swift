import Foundation
import Testing
import ZIPFoundation
import _SiloTestSupport

@testable import SiloIngest

/// A gzip member of `bytes` (RFC 1952): a header with a file name, the raw deflate stream
/// ZIPFoundation makes, CRC-32 and length.
func gzipMember(_ bytes: [UInt8], fileName: String? = "part.csv") -> [UInt8] {
  let data = Data(bytes)
  var deflated = Data()
  _ = try! Data.compress(
    size: Int64(data.count), bufferSize: 4096,
    provider: { position, size in data.subdata(in: Int(position) ..< min(data.count, Int(position) + size)) },
    consumer: { deflated.append($0) })
  var member: [UInt8] = [0x1F, 0x8B, 8, fileName == nil ? 0 : 0x08, 0, 0, 0, 0, 0, 3]
  if let fileName { member += Array(fileName.utf8) + [0] }
  member += Array(deflated)
  let crc = data.crc32(checksum: 0)
  let length = UInt32(truncatingIfNeeded: bytes.count)
  for value in [crc, length] { member += (0 ..< 4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
  return member
}

@Suite("Gzip-compressed inputs")
struct GzipTests {
  static let text = Array((0 ..< 5000).map { "p\($0 % 97),q\($0 % 13),\($0 % 7 + 1)\n" }.joined().utf8)

  @Test("One member inflates to its content")
  func oneMember() throws {
    #expect(try Gzip.inflate(gzipMember(Self.text)) == Self.text)
    #expect(try Gzip.inflate(gzipMember(Self.text, fileName: nil)) == Self.text)
    #expect(try Gzip.inflate(gzipMember([])) == [])
  }

  @Test("Members one after another are joined, identical ones too (cat a.gz a.gz)")
  func members() throws {
    let member = gzipMember(Self.text)
    #expect(try Gzip.inflate(member + member + gzipMember(Array("x\n".utf8))) == Self.text + Self.text + Array("x\n".utf8))
  }

  @Test("A cut-off or damaged file is an error, never a partial read", arguments: [10, 20, 100, 1000])
  func damaged(cut: Int) throws {
    let member = gzipMember(Self.text)
    #expect(throws: Gzip.Problem.self) { try Gzip.inflate(Array(member.prefix(member.count - cut))) }
    var flipped = member
    flipped[member.count / 2] ^= 0x55
    #expect(throws: Gzip.Problem.self) { try Gzip.inflate(flipped) }
    #expect(throws: Gzip.Problem.self) { try Gzip.inflate(member + [0x1F, 0x8B, 8]) }
  }

  @Test("A gzip file reads as its content, whatever its name; a damaged one names the file")
  func readers() throws {
    let folder = TemporaryFolder()
    defer { folder.remove() }
    let path = folder.write("edges.csv.gz", bytes: gzipMember(Array("source,target,weight\na,b,2\nb,c,1\n".utf8)))
    let loaded = try NetworkReader.read(edgesPath: path)
    #expect(loaded.network.graph.edgeCount == 2)
    let bad = folder.write("bad.csv", bytes: Array(gzipMember(Self.text).prefix(200)))
    #expect(throws: IngestError.self) { try ProjectLogReader.read(path: bad) }
    do {
      _ = try ProjectLogReader.read(path: bad)
    } catch {
      #expect(error.description.hasPrefix("\(bad): the compressed data"))
      #expect(error.kind == .invalidData)
    }
  }
}

@Suite("Folders of part files")
struct PartFilesTests {
  /// A folder as Spark writes a table: parts with a header each, a marker, checksums.
  static func sparkFolder(_ folder: TemporaryFolder, parts: [String], gzip: Bool = false) -> String {
    let path = folder.path + "/edges.csv"
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    for (index, body) in parts.enumerated() {
      let name = "edges.csv/part-0000\(index)-1b2c-c000.csv" + (gzip ? ".gz" : "")
      folder.write(name, bytes: gzip ? gzipMember(Array(body.utf8)) : Array(body.utf8))
      folder.write("edges.csv/.part-0000\(index)-1b2c-c000.csv.crc", "crc")
    }
    folder.write("edges.csv/_SUCCESS", "")
    return path
  }

  @Test("The parts are read in name order, their repeated headers dropped, gzip or not", arguments: [false, true])
  func joined(gzip: Bool) throws {
    let folder = TemporaryFolder()
    defer { folder.remove() }
    let path = Self.sparkFolder(
      folder, parts: ["source,target,weight\na,b,1\n", "", "source,target,weight\nb,c,2\nc,d,3", "source,target,weight\n"],
      gzip: gzip)
    let file = try InputFile(path: path)
    #expect(String(decoding: file.bytes, as: UTF8.self) == "source,target,weight\na,b,1\nb,c,2\nc,d,3\n")
    let loaded = try NetworkReader.read(edgesPath: path)
    #expect(loaded.network.graph.edgeCount == 3)
    #expect(loaded.network.nodes.ids == ["a", "b", "c", "d"])
  }

  @Test("A problem in a part names the part and its own line")
  func locations() throws {
    let folder = TemporaryFolder()
    defer { folder.remove() }
    let path = Self.sparkFolder(
      folder, parts: ["source,target,weight\na,b,1\n", "source,target,weight\nb,c,2\nc,d,-3\nd,e,\"unclosed\n"])
    do {
      _ = try NetworkReader.read(edgesPath: path)
      Issue.record("an unclosed quote must be an error")
    } catch {
      #expect(error.description.hasPrefix("\(path)/part-00001-1b2c-c000.csv:4:"), "\(error)")
    }
    let fine = Self.sparkFolder(folder, parts: ["source,target,weight\na,b,1\n", "source,target,weight\nb,c,2\nc,d,-3\n"])
    let report = try NetworkReader.read(edgesPath: fine).reports[0]
    #expect(report.skipped.first?.examples == [SourceLocation(file: "\(fine)/part-00001-1b2c-c000.csv", line: 3, column: 5)])
  }

  @Test("A folder without parts says what it expected")
  func noParts() throws {
    let folder = TemporaryFolder()
    defer { folder.remove() }
    folder.write("log.csv", "person,project\na,p\n")
    #expect(
      throws: IngestError.unreadable(
        file: folder.path, reason: "it is a folder, not a file, and holds no part files (part-*) as Spark or BigQuery write a table")
    ) { try ProjectLogReader.read(path: folder.path) }
  }
}
