import Foundation
import Testing
import _SiloTestSupport

/// `--output` must never be able to destroy a user's files: refused targets exit 73
/// (EX_CANTCREAT) and leave every file that was there, with its content.
///
/// Every test runs in its own temporary folder as the current folder, and every path it
/// names lies inside that folder.
@Suite("Output safety")
struct OutputSafetyTests {
  static let log = Inputs.otelLog
  static let markerName = ".siloscope-output"
  static let outputFiles = [
    "department-matrix.csv", "department-weights.csv", "departments.csv", "edges.csv", "network.graphml", "nodes.csv",
    "summary.json",
  ]

  /// A folder holding a user's files: a file at the top and one in a subfolder.
  func userFiles(in folder: TemporaryFolder) throws {
    folder.write("notes.txt", "my notes, not SiloScope's\n")
    try FileManager.default.createDirectory(atPath: folder.file("inner"), withIntermediateDirectories: false)
    folder.write("inner/report.docx", bytes: [0x50, 0x4B, 0x03, 0x04, 0x00, 0xFF])
  }

  /// Runs `build LOG --output target` in `cwd` and checks that it is refused with exit 73,
  /// nothing on standard output and `reason` in the message, and that `folder` is as before.
  func expectRefused(
    _ target: String, cwd: String, folder: TemporaryFolder, reason: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let before = snapshot(folder.path)
    #expect(!before.isEmpty, sourceLocation: sourceLocation)
    let run = try siloscope(["build", Self.log, "--output", target], inPath: cwd)
    #expect(run.status == 73, "\(run)", sourceLocation: sourceLocation)
    #expect(run.out.isEmpty, "\(run)", sourceLocation: sourceLocation)
    #expect(run.err.hasPrefix("siloscope: error: \(target): cannot write: "), "\(run)", sourceLocation: sourceLocation)
    #expect(run.err.contains(reason), "\(run)", sourceLocation: sourceLocation)
    #expect(snapshot(folder.path) == before, "files changed", sourceLocation: sourceLocation)
  }

  @Test("--output . is refused and the current folder is left as it was")
  func currentFolder() throws {
    try withTemporaryFolder { folder in
      try userFiles(in: folder)
      try expectRefused(".", cwd: folder.path, folder: folder, reason: "refusing to replace the current folder")
      try expectRefused("./", cwd: folder.path, folder: folder, reason: "refusing to replace the current folder")
      #expect(contents(folder.file("notes.txt")) == "my notes, not SiloScope's\n")
    }
  }

  @Test("--output .. is refused and the parent folder is left as it was")
  func parentFolder() throws {
    try withTemporaryFolder { folder in
      try userFiles(in: folder)
      // The current folder is a subfolder, so that `..` is the temporary folder.
      let cwd = folder.file("inner")
      try expectRefused("..", cwd: cwd, folder: folder, reason: "refusing to replace the current folder or one of its parents")
      try expectRefused("../inner/..", cwd: cwd, folder: folder, reason: "refusing to replace the current folder or one of its parents")
      #expect(contents(folder.file("notes.txt")) == "my notes, not SiloScope's\n")
    }
  }

  @Test("--output / is refused")
  func rootFolder() throws {
    try withTemporaryFolder { folder in
      try userFiles(in: folder)
      try expectRefused("/", cwd: folder.path, folder: folder, reason: "refusing to write over the root folder")
    }
  }

  @Test("--output naming the current folder by its absolute path is refused")
  func currentFolderAbsolute() throws {
    try withTemporaryFolder { folder in
      try userFiles(in: folder)
      try expectRefused(folder.path, cwd: folder.path, folder: folder, reason: "refusing to replace the current folder")
      try expectRefused(folder.path + "/", cwd: folder.path, folder: folder, reason: "refusing to replace the current folder")
    }
  }

  @Test("an existing folder holding a user's files is refused and left as it was")
  func foreignFolder() throws {
    try withTemporaryFolder { folder in
      try userFiles(in: folder)
      try expectRefused("inner", cwd: folder.path, folder: folder, reason: "the folder exists and holds files SiloScope did not write")
      #expect(FileManager.default.contents(atPath: folder.file("inner/report.docx")) == Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0xFF]))
    }
  }

  @Test("a folder holding only files named like SiloScope's, but no marker, is refused")
  func lookalikeFolderWithoutMarker() throws {
    try withTemporaryFolder { folder in
      try FileManager.default.createDirectory(atPath: folder.file("out"), withIntermediateDirectories: false)
      folder.write("out/edges.csv", "source,target,weight\nmy,own,1\n")
      folder.write("out/summary.json", "{\"mine\": true}\n")
      try expectRefused("out", cwd: folder.path, folder: folder, reason: "the folder exists and holds files SiloScope did not write")
    }
  }

  @Test("an existing empty folder is refused and left in place")
  func emptyFolder() throws {
    try withTemporaryFolder { folder in
      try FileManager.default.createDirectory(atPath: folder.file("empty"), withIntermediateDirectories: false)
      try expectRefused("empty", cwd: folder.path, folder: folder, reason: "the folder exists; remove it or name a new folder")
    }
  }

  @Test("an existing file named as the output folder is refused and left as it was")
  func fileInTheWay() throws {
    try withTemporaryFolder { folder in
      folder.write("out", "a file called out\n")
      try expectRefused("out", cwd: folder.path, folder: folder, reason: "a file of that name exists")
    }
  }

  @Test("a folder SiloScope wrote is replaced; once it holds a foreign file it is refused")
  func replaceOwnFolderOnly() throws {
    try withTemporaryFolder { folder in
      // First a small log: 3 people.
      let small = folder.write("small.csv", "person,department,project\nann,A,p1\nbob,A,p1\ncid,B,p1\n")
      let first = try siloscope(["build", small, "--output", "out"], in: folder)
      #expect(first.status == 0, "\(first)")
      #expect(lines(contents(folder.file("out/nodes.csv")) ?? "").count == 4)

      // Then the real log into the same folder: replaced.
      let second = try siloscope(["build", Self.log, "--output", "out"], in: folder)
      #expect(second.status == 0, "\(second)")
      #expect(lines(contents(folder.file("out/nodes.csv")) ?? "").count == 89)
      #expect(entries(folder.file("out")) == ([Self.markerName] + Self.outputFiles).sorted())
      // No staging or set-aside folders are left next to it.
      #expect(entries(folder.path) == ["out", "small.csv"])

      // A file of the user's inside it: now the folder is not SiloScope's alone.
      folder.write("out/my-analysis.xlsx", bytes: [0x50, 0x4B, 0x05, 0x06])
      try expectRefused("out", cwd: folder.path, folder: folder, reason: "holds files SiloScope did not write")
      #expect(FileManager.default.contents(atPath: folder.file("out/my-analysis.xlsx")) == Data([0x50, 0x4B, 0x05, 0x06]))
      #expect(lines(contents(folder.file("out/nodes.csv")) ?? "").count == 89)
    }
  }

  @Test("a folder that holds an input is refused, even when SiloScope wrote it")
  func folderHoldingAnInput() throws {
    try withTemporaryFolder { folder in
      let first = try siloscope(["build", Self.log, "--output", "out"], in: folder)
      #expect(first.status == 0, "\(first)")
      let before = snapshot(folder.path)
      let run = try siloscope(
        ["build", "--edges", "out/edges.csv", "--nodes", "out/nodes.csv", "--output", "out"], in: folder)
      #expect(run.status == 73, "\(run)")
      #expect(run.out.isEmpty)
      #expect(run.err.contains("refusing to replace a folder that holds the input"), "\(run)")
      #expect(snapshot(folder.path) == before)
    }
  }

  @Test("an output folder whose parent does not exist is refused and nothing is created")
  func missingParent() throws {
    try withTemporaryFolder { folder in
      folder.write("keep.txt", "keep\n")
      try expectRefused("missing/deeper/out", cwd: folder.path, folder: folder, reason: "the folder \(folder.path)/missing/deeper does not exist")
      #expect(!exists(folder.file("missing")))
      #expect(entries(folder.path) == ["keep.txt"])
    }
  }

  @Test("an output folder whose parent is a file is refused")
  func parentIsAFile() throws {
    try withTemporaryFolder { folder in
      folder.write("keep.txt", "keep\n")
      try expectRefused("keep.txt/out", cwd: folder.path, folder: folder, reason: "keep.txt is not a folder")
    }
  }

  @Test("bad input exits 65, creates no folder and leaves an earlier SiloScope folder untouched")
  func badInputLeavesOutputAlone() throws {
    try withTemporaryFolder { folder in
      let bad = folder.write("bad.csv", "person,project,hours\nann,\"p1,3\n")
      let fresh = try siloscope(["build", bad, "--output", "new"], in: folder)
      #expect(fresh.status == 65, "\(fresh)")
      #expect(fresh.out.isEmpty)
      #expect(!exists(folder.file("new")))
      #expect(entries(folder.path) == ["bad.csv"])

      let good = try siloscope(["build", Self.log, "--output", "out"], in: folder)
      #expect(good.status == 0, "\(good)")
      let before = snapshot(folder.path)
      let again = try siloscope(["build", bad, "--output", "out"], in: folder)
      #expect(again.status == 65, "\(again)")
      #expect(again.out.isEmpty)
      #expect(snapshot(folder.path) == before)
    }
  }

  @Test("generate --output an existing folder exits 73 and leaves the folder untouched")
  func generateIntoFolder() throws {
    try withTemporaryFolder { folder in
      try userFiles(in: folder)
      let before = snapshot(folder.path)
      let run = try siloscope(["generate", "--people", "10", "--output", "inner"], in: folder)
      #expect(run.status == 73, "\(run)")
      #expect(run.out.isEmpty)
      #expect(run.err == "siloscope: error: inner: cannot write: it is a folder; name a file\n", "\(run)")
      #expect(snapshot(folder.path) == before)
    }
  }

  @Test("generate --output an existing file exits 73 and leaves the file as it was")
  func generateOverAFile() throws {
    try withTemporaryFolder { folder in
      let log = folder.write("uren-2025.csv", "Medewerker;Zaak;Uren\nAnn;Z-1;3\n")
      let before = snapshot(folder.path)
      for path in ["uren-2025.csv", log] {
        let run = try siloscope(["generate", "--people", "10", "--output", path], in: folder)
        #expect(run.status == 73, "\(run)")
        #expect(run.out.isEmpty)
        #expect(run.err == "siloscope: error: \(path): cannot write: a file of that name exists; remove it or name a new file\n", "\(run)")
        #expect(snapshot(folder.path) == before)
      }
    }
  }

  @Test("generate into a folder that does not exist exits 73 and creates nothing")
  func generateMissingParent() throws {
    try withTemporaryFolder { folder in
      folder.write("keep.txt", "keep\n")
      let run = try siloscope(["generate", "--people", "10", "--output", "missing/synthetic.csv"], in: folder)
      #expect(run.status == 73, "\(run)")
      #expect(run.err.contains("the folder \(folder.path)/missing does not exist"), "\(run)")
      #expect(entries(folder.path) == ["keep.txt"])
    }
  }
}
