import Foundation
import SiloKit
import Testing
import _SiloTestSupport

/// Replacing SiloScope's own output folders, and never anything else: the marker lists what
/// a run wrote, entries are checked by type, and leftovers of a killed run are cleaned up.
@Suite("Output folders")
struct OutputFolderTests {
  static let smallLog = "person,department,project\na,X,p\nb,Y,p\nc,X,q\nd,Y,q\ne,X,p\n"

  @Test("the marker lists the files written, and a folder with files a later run does not write is still SiloScope's")
  func markerListsFiles() throws {
    try withTemporaryFolder { folder in
      folder.write("uren.csv", Self.smallLog)
      #expect(try siloscope(["analyze", "uren.csv", "-o", "r", "--quiet", "--min-group-size", "1"], in: folder).status == 0)
      let marker = try String(contentsOfFile: folder.file("r/.siloscope-output"), encoding: .utf8)
      #expect(marker.hasPrefix("Written by siloscope."))
      let listed = Set(marker.split(separator: "\n").dropFirst().map(String.init))
      let written = Set(entries(folder.file("r")).filter { !$0.hasPrefix(".") })
      #expect(listed == written)
      // A file the marker lists but the next run does not write (as people.svg above 2,000
      // people): the folder is still replaceable.
      var lines = marker.split(separator: "\n").map(String.init)
      lines.append("extra-diagram.svg")
      try (lines.joined(separator: "\n") + "\n").write(toFile: folder.file("r/.siloscope-output"), atomically: true, encoding: .utf8)
      folder.write("r/extra-diagram.svg", "<svg/>")
      let again = try siloscope(["build", "uren.csv", "-o", "r"], in: folder)
      #expect(again.status == 0, "\(again)")
      #expect(!exists(folder.file("r/extra-diagram.svg")))
      // …but a file nobody listed makes it someone else's.
      folder.write("r/mijn-aantekeningen.txt", "niet weggooien")
      let refused = try siloscope(["analyze", "uren.csv", "-o", "r", "--quiet", "--min-group-size", "1"], in: folder)
      #expect(refused.status == 73, "\(refused)")
      #expect(try String(contentsOfFile: folder.file("r/mijn-aantekeningen.txt"), encoding: .utf8) == "niet weggooien")
    }
  }

  @Test("a report of more than 2,000 people replaces one of fewer, and back (people.svg comes and goes)")
  func largeAfterSmall() throws {
    try withTemporaryFolder { folder in
      folder.write("klein.csv", Self.smallLog)
      #expect(try siloscope(["generate", "--people", "2100", "--seed", "3", "-o", "groot.csv"], in: folder).status == 0)
      let first = try siloscope(["analyze", "klein.csv", "-o", "r", "--quiet", "--min-group-size", "1"], in: folder)
      #expect(first.status == 0, "\(first)")
      #expect(exists(folder.file("r/people.svg")))
      let large = try siloscope(["analyze", "groot.csv", "-o", "r", "--quiet"], in: folder)
      #expect(large.status == 0, "\(large)")
      #expect(!exists(folder.file("r/people.svg")))
      let small = try siloscope(["analyze", "klein.csv", "-o", "r", "--quiet", "--min-group-size", "1"], in: folder)
      #expect(small.status == 0, "\(small)")
    }
  }

  @Test("a folder where SiloScope wrote a file (r/people.csv/ holding a user's file) is not SiloScope's: refused, nothing deleted")
  func typesChecked() throws {
    try withTemporaryFolder { folder in
      folder.write("uren.csv", Self.smallLog)
      #expect(try siloscope(["build", "uren.csv", "-o", "r"], in: folder).status == 0)
      try FileManager.default.removeItem(atPath: folder.file("r/nodes.csv"))
      try FileManager.default.createDirectory(atPath: folder.file("r/nodes.csv"), withIntermediateDirectories: false)
      folder.write("r/nodes.csv/scriptie.docx", "hoofdstuk 1")
      let before = snapshot(folder.file("r"))
      let run = try siloscope(["build", "uren.csv", "-o", "r"], in: folder)
      #expect(run.status == 73, "\(run)")
      #expect(snapshot(folder.file("r")) == before)
      // A symbolic link in place of a file is not SiloScope's either.
      try FileManager.default.removeItem(atPath: folder.file("r/nodes.csv"))
      folder.write("elders.txt", "elders")
      try FileManager.default.createSymbolicLink(atPath: folder.file("r/nodes.csv"), withDestinationPath: folder.file("elders.txt"))
      #expect(try siloscope(["build", "uren.csv", "-o", "r"], in: folder).status == 73)
      #expect(try String(contentsOfFile: folder.file("elders.txt"), encoding: .utf8) == "elders")
    }
  }

  @Test("OutputDirectory.isSiloScopeFolder: marker, names and types")
  func ownership() throws {
    let folder = TemporaryFolder()
    defer { folder.remove() }
    let url = URL(fileURLWithPath: folder.file("r"))
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
    #expect(!OutputDirectory.isSiloScopeFolder(url))
    folder.write("r/.siloscope-output", "Written by siloscope. Files:\nrapport.txt\n")
    folder.write("r/rapport.txt", "x")
    #expect(OutputDirectory.isSiloScopeFolder(url))
    folder.write("r/report.html", "x")  // a name every version writes
    #expect(OutputDirectory.isSiloScopeFolder(url))
    folder.write("r/anders.txt", "x")
    #expect(!OutputDirectory.isSiloScopeFolder(url))
    try FileManager.default.removeItem(atPath: folder.file("r/anders.txt"))
    try FileManager.default.createDirectory(atPath: folder.file("r/report.json"), withIntermediateDirectories: false)
    #expect(!OutputDirectory.isSiloScopeFolder(url))
    // A marker that is not SiloScope's text.
    try FileManager.default.removeItem(atPath: folder.file("r/report.json"))
    folder.write("r/.siloscope-output", "something else\nrapport.txt\n")
    #expect(!OutputDirectory.isSiloScopeFolder(url))
  }

  /// The id of a process that has ended.
  static func endedProcess() throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/true")
    try process.run()
    process.waitUntilExit()
    return process.processIdentifier
  }

  @Test("leftovers of a killed run are removed by the next run, with a note; a running one's are kept")
  func staleLeftovers() throws {
    try withTemporaryFolder { folder in
      folder.write("uren.csv", Self.smallLog)
      #expect(try siloscope(["build", "uren.csv", "-o", "r"], in: folder).status == 0)
      let dead = try Self.endedProcess()
      // A half-written new folder and the previous report moved aside (with real names).
      for (name, files) in [(".r.partial-\(dead)-ab12cd34", ["edges.csv"]), (".r.old-\(dead)-ab12cd34", ["edges.csv", "nodes.csv"])] {
        try FileManager.default.createDirectory(atPath: folder.file(name), withIntermediateDirectories: false)
        for file in files { folder.write("\(name)/\(file)", "source,target\nJan de Vries,Zoë Jansen\n") }
        folder.write("\(name)/.siloscope-output", "Written by siloscope. Files:\n" + files.joined(separator: "\n") + "\n")
      }
      // A leftover with a file SiloScope does not write is not removed.
      let foreign = ".r.old-\(dead)-ffffffff"
      try FileManager.default.createDirectory(atPath: folder.file(foreign), withIntermediateDirectories: false)
      folder.write("\(foreign)/mijn.txt", "van mij")
      // The work of a run still going on (this test process) is kept.
      let live = ".r.partial-\(getpid())-12345678"
      try FileManager.default.createDirectory(atPath: folder.file(live), withIntermediateDirectories: false)
      let run = try siloscope(["build", "uren.csv", "-o", "r"], in: folder)
      #expect(run.status == 0, "\(run)")
      #expect(run.err.contains("removed .r.old-\(dead)-ab12cd34"), "\(run.err)")
      #expect(run.err.contains("removed .r.partial-\(dead)-ab12cd34"), "\(run.err)")
      #expect(!exists(folder.file(".r.old-\(dead)-ab12cd34")) && !exists(folder.file(".r.partial-\(dead)-ab12cd34")))
      #expect(try String(contentsOfFile: folder.file("\(foreign)/mijn.txt"), encoding: .utf8) == "van mij")
      #expect(exists(folder.file(live)))
      #expect(entries(folder.path).filter { $0.hasPrefix(".r.") }.sorted() == [live, foreign].sorted())
    }
  }

  @Test("a killed analyze leaves the previous report intact, and the next run cleans up after it")
  func killDuringWrite() throws {
    try withTemporaryFolder { folder in
      #expect(try siloscope(["generate", "--people", "3000", "--seed", "5", "-o", "org.csv"], in: folder).status == 0)
      folder.write("uren.csv", Self.smallLog)
      #expect(try siloscope(["analyze", "uren.csv", "-o", "r", "--quiet", "--min-group-size", "1"], in: folder).status == 0)
      let before = snapshot(folder.file("r"))
      // Kill analyze of the larger log at several moments; whatever the moment, r is the
      // previous report or (had the rename happened) a complete new one.
      for delay in [0.3, 0.8, 1.5] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BuiltExecutable.siloscope)
        process.arguments = ["analyze", "org.csv", "-o", "r", "--quiet"]
        process.currentDirectoryURL = URL(fileURLWithPath: folder.path)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: delay)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let now = snapshot(folder.file("r"))
        #expect(now == before || now.keys.contains("report.html"), "delay \(delay)")
      }
      let next = try siloscope(["analyze", "uren.csv", "-o", "r", "--quiet", "--min-group-size", "1"], in: folder)
      #expect(next.status == 0, "\(next)")
      #expect(entries(folder.path).filter { $0.hasPrefix(".r.") }.isEmpty, "\(entries(folder.path))")
    }
  }

  @Test("a single file's temporary left by a killed render or generate is removed by the next write, with a note")
  func staleTemporaryFile() throws {
    try withTemporaryFolder { folder in
      folder.write("uren.csv", Self.smallLog)
      let dead = try Self.endedProcess()
      folder.write(".d.svg.partial-\(dead)-ab12cd34", "<svg")
      folder.write(".g.csv.partial-\(dead)-ab12cd34", "person,")
      let render = try siloscope(["render", "uren.csv", "--view", "departments", "-o", "d.svg"], in: folder)
      #expect(render.status == 0, "\(render)")
      #expect(render.err.contains("removed .d.svg.partial-\(dead)-ab12cd34"), "\(render.err)")
      let generate = try siloscope(["generate", "--people", "20", "-o", "g.csv"], in: folder)
      #expect(generate.status == 0, "\(generate)")
      #expect(generate.err.contains("removed .g.csv.partial-\(dead)-ab12cd34"), "\(generate.err)")
      #expect(entries(folder.path).filter { $0.hasPrefix(".") }.isEmpty, "\(entries(folder.path))")
    }
  }
}
