import Foundation
import Testing
import _SiloTestSupport
@testable import SiloReport

/// The output folder's last line of defence: a folder of someone else's that takes the
/// target's place after the check is never deleted.
@Suite("Output folder: a swap after the check")
struct OutputDirectoryTests {
  @Test("a folder swapped in after the check is put back untouched, and nothing is written")
  func swapped() throws {
    let folder = TemporaryFolder()
    defer { folder.remove() }
    let target = folder.file("r")
    var first = OutputDirectory(path: target)
    first.add("report.html", text: "old")
    try first.commit()
    var second = OutputDirectory(path: target)
    second.add("report.html", text: "new")
    let foreign = folder.file("elsewhere")
    second.willMoveAside = {
      // Another program replaces SiloScope's folder by one of its own.
      try? FileManager.default.moveItem(atPath: target, toPath: foreign)
      try? FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: false)
      FileManager.default.createFile(atPath: target + "/thesis.docx", contents: Data("chapter 1".utf8))
    }
    #expect(throws: OutputError.self) { try second.commit() }
    #expect(String(decoding: FileManager.default.contents(atPath: target + "/thesis.docx") ?? Data(), as: UTF8.self) == "chapter 1")
    #expect(try FileManager.default.contentsOfDirectory(atPath: target) == ["thesis.docx"])
    // No hidden folder left behind either.
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }.isEmpty)
  }

  @Test("Leftovers.removeOwnFolder keeps a folder with anything SiloScope does not write whole")
  func removeOwnOnly() throws {
    let folder = TemporaryFolder()
    defer { folder.remove() }
    try FileManager.default.createDirectory(atPath: folder.file("x"), withIntermediateDirectories: false)
    folder.write("x/.siloscope-output", "Written by siloscope. Files:\nreport.html\n")
    folder.write("x/report.html", "r")
    folder.write("x/notes.txt", "mine")
    #expect(!Leftovers.removeOwnFolder(URL(fileURLWithPath: folder.file("x"))))
    #expect(FileManager.default.fileExists(atPath: folder.file("x/notes.txt")))
    #expect(FileManager.default.fileExists(atPath: folder.file("x/report.html")))
    try FileManager.default.removeItem(atPath: folder.file("x/notes.txt"))
    #expect(Leftovers.removeOwnFolder(URL(fileURLWithPath: folder.file("x"))))
    #expect(!FileManager.default.fileExists(atPath: folder.file("x")))
  }

  @Test("files written piece by piece, two at a time, are the same as whole; a piece that fails leaves the old folder")
  func streamedFiles() throws {
    // Truth: a stream's pieces concatenate to the file; a failure in any file stops the commit
    // before the folder is moved into place.
    struct Broken: Error {}
    let folder = TemporaryFolder()
    defer { folder.remove() }
    let target = folder.file("r")
    let lines = (0 ..< 300_000).map { "line \($0)\n" }
    var written = OutputDirectory(path: target)
    written.threads = 2
    written.add("report.html", text: "whole")
    written.add("people.csv") { out in for line in lines { out.write(line) } }
    written.add("network.graphml") { out in out.write(bytes: Array("<graphml/>".utf8)) }
    try written.commit()
    #expect(String(decoding: FileManager.default.contents(atPath: target + "/people.csv") ?? Data(), as: UTF8.self) == lines.joined())
    #expect(String(decoding: FileManager.default.contents(atPath: target + "/network.graphml") ?? Data(), as: UTF8.self) == "<graphml/>")
    var failing = OutputDirectory(path: target)
    failing.threads = 2
    failing.add("report.html", text: "new")
    failing.add("people.csv") { _ in throw Broken() }
    #expect(throws: OutputError.self) { try failing.commit() }
    #expect(String(decoding: FileManager.default.contents(atPath: target + "/report.html") ?? Data(), as: UTF8.self) == "whole")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }.isEmpty)
  }
}
