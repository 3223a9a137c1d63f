import Foundation
import Testing
import _SiloTestSupport

/// `siloscope generate`: synthetic logs that are the same for the same seed and that
/// SiloScope reads back completely.
@Suite("generate")
struct GenerateTests {
  /// The row count from "wrote 8,908 rows for 1,000 people to F (synthetic data, seed 7)".
  func rowsWritten(_ out: String) -> Int? {
    guard out.hasPrefix("wrote ") else { return nil }
    let number = out.dropFirst("wrote ".count).prefix { $0 != " " }
    return Int(number.replacingOccurrences(of: ",", with: ""))
  }

  @Test("the same seed gives byte-identical files; another seed does not")
  func deterministic() throws {
    try withTemporaryFolder { folder in
      let first = try siloscope(["generate", "--people", "1000", "--seed", "7", "--output", "first.csv"], in: folder)
      let second = try siloscope(["generate", "--people", "1000", "--seed", "7", "--output", folder.file("second.csv")], in: folder)
      let other = try siloscope(["generate", "--people", "1000", "--seed", "8", "--output", "other.csv"], in: folder)
      for run in [first, second, other] {
        #expect(run.status == 0, "\(run)")
        #expect(run.err.isEmpty, "\(run)")
      }
      #expect(first.out.hasSuffix(" for 1,000 people to first.csv (synthetic data, seed 7)\n"), "\(first)")
      let a = try #require(FileManager.default.contents(atPath: folder.file("first.csv")))
      let b = try #require(FileManager.default.contents(atPath: folder.file("second.csv")))
      let c = try #require(FileManager.default.contents(atPath: folder.file("other.csv")))
      #expect(a.count > 100_000)
      #expect(a == b)
      #expect(a != c)
      #expect(entries(folder.path) == ["first.csv", "other.csv", "second.csv"])
    }
  }

  @Test("generating twice to the same file leaves the first file as it was")
  func secondRunRefused() throws {
    try withTemporaryFolder { folder in
      let first = try siloscope(["generate", "--people", "50", "--seed", "1", "--output", "log.csv"], in: folder)
      #expect(first.status == 0, "\(first)")
      let before = snapshot(folder.path)
      let second = try siloscope(["generate", "--people", "60", "--seed", "2", "--output", "log.csv"], in: folder)
      #expect(second.status == 73, "\(second)")
      #expect(snapshot(folder.path) == before)
    }
  }

  @Test("summary reads every generated row: 1,000 people, none skipped")
  func readsBack() throws {
    try withTemporaryFolder { folder in
      let generated = try siloscope(["generate", "--people", "1000", "--seed", "7", "--output", "synthetic.csv"], in: folder)
      #expect(generated.status == 0, "\(generated)")
      let rows = try #require(rowsWritten(generated.out), "\(generated)")
      let run = try siloscope(["summary", folder.file("synthetic.csv"), "--format", "json"], in: folder)
      #expect(run.status == 0, "\(run)")
      let json = try jsonObject(run.out)
      #expect(integer(json["people"]) == 1000)
      #expect(try #require(integer(json["departments"])) > 1)
      #expect(integer(json["isolates"]) == 0)
      let input = try #require((json["inputs"] as? [[String: Any]])?.first)
      #expect(integer(input["rows_read"]) == rows)
      #expect(integer(input["rows_used"]) == rows)
      #expect((input["skipped"] as? [Any])?.isEmpty == true)
      // The generator draws distinct dates per participation, so no row repeats another.
      #expect(integer(input["duplicate_rows"]) == 0)
      let firstDate = try #require(json["first_date"] as? String)
      let lastDate = try #require(json["last_date"] as? String)
      #expect(firstDate >= "2025-01-01" && lastDate <= "2025-12-31", "\(firstDate) – \(lastDate)")
      #expect(lines(try #require(contents(folder.file("synthetic.csv")))).count == rows + 1)
    }
  }

  @Test("--year sets the dates")
  func year() throws {
    try withTemporaryFolder { folder in
      let generated = try siloscope(["generate", "--people", "30", "--year", "2031", "--output", "synthetic.csv"], in: folder)
      #expect(generated.status == 0, "\(generated)")
      let json = try jsonObject(try siloscope(["summary", "synthetic.csv", "--format", "json"], in: folder).out)
      #expect((json["first_date"] as? String)?.hasPrefix("2031-") == true)
      #expect((json["last_date"] as? String)?.hasPrefix("2031-") == true)
    }
  }

  @Test("10,000 people: generated once and read back in full")
  func tenThousand() throws {
    try withTemporaryFolder { folder in
      let generated = try siloscope(["generate", "--people", "10000", "--output", "large.csv"], in: folder)
      #expect(generated.status == 0, "\(generated)")
      let rows = try #require(rowsWritten(generated.out), "\(generated)")
      #expect(rows > 50_000)
      let run = try siloscope(["summary", "large.csv", "--format", "json"], in: folder)
      #expect(run.status == 0, "\(run)")
      let json = try jsonObject(run.out)
      #expect(integer(json["people"]) == 10_000)
      let input = try #require((json["inputs"] as? [[String: Any]])?.first)
      #expect(integer(input["rows_read"]) == rows)
      #expect(integer(input["rows_used"]) == rows)
      #expect((input["skipped"] as? [Any])?.isEmpty == true)
    }
  }
}
