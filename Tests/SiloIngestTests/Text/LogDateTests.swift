import Foundation
import SiloIngest
import Testing

/// Calendar dates of log entries (proleptic Gregorian, days since 1970-01-01).
@Suite("LogDate")
struct LogDateTests {
  /// Month lengths by the Gregorian rule, written out independently of LogDate.
  static func daysIn(_ month: Int, of year: Int) -> Int {
    switch month {
    case 4, 6, 9, 11: return 30
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    default: return 31
    }
  }

  @Test("Known day numbers: the epoch, the day before, 2000-03-01 and the NTP epoch 1900-01-01")
  func knownDayNumbers() throws {
    #expect(LogDate(year: 1970, month: 1, day: 1)?.dayNumber == 0)
    #expect(LogDate(year: 1969, month: 12, day: 31)?.dayNumber == -1)
    // 2000-01-01 is day 10,957 (946,684,800 s of Unix time / 86,400); March 1 is 31 + 29 days later.
    #expect(LogDate(year: 2000, month: 1, day: 1)?.dayNumber == 10_957)
    #expect(LogDate(year: 2000, month: 3, day: 1)?.dayNumber == 11_017)
    // NTP's era starts on 1900-01-01, 2,208,988,800 s = 25,567 days before the Unix epoch (RFC 5905).
    #expect(LogDate(year: 1900, month: 1, day: 1)?.dayNumber == -25_567)
  }

  @Test("Every day from 1900-01-01 to 2100-12-31 round-trips through day number, parts and text")
  func roundTripEveryDay() throws {
    var expected = try #require(LogDate(year: 1900, month: 1, day: 1)).dayNumber
    var failures = 0
    for year in 1900 ... 2100 {
      for month in 1 ... 12 {
        for day in 1 ... Self.daysIn(month, of: year) {
          guard let date = LogDate(year: year, month: month, day: day) else {
            failures += 1
            continue
          }
          let text = String(format: "%04d-%02d-%02d", year, month, day)
          let ok = date.dayNumber == expected && date.components == (year, month, day) && date.description == text
            && LogDate(text) == date && LogDate(dayNumber: date.dayNumber) == date
            && LogDate(String(format: "%02d-%02d-%04d", day, month, year)) == date
          if !ok { failures += 1 }
          expected += 1
        }
      }
    }
    #expect(failures == 0)
    #expect(expected == LogDate(year: 2101, month: 1, day: 1)?.dayNumber)
  }

  @Test("The ends of the supported range, years 1000 and 9999, round-trip")
  func rangeEnds() throws {
    for (y, m, d) in [(1000, 1, 1), (1600, 2, 29), (9999, 12, 31)] {
      let date = try #require(LogDate(year: y, month: m, day: d))
      #expect(date.components == (y, m, d))
      #expect(LogDate(date.description) == date)
    }
  }

  @Test(
    "February 29 exists in 2000 and 2024 (leap), not in 1900, 2023 or 2100",
    arguments: [(2000, true), (2024, true), (1600, true), (1900, false), (2023, false), (2100, false)])
  func leapYears(year: Int, leap: Bool) throws {
    #expect((LogDate(year: year, month: 2, day: 29) != nil) == leap)
    #expect(LogDate(year: year, month: 2, day: 28) != nil)
    #expect(LogDate(year: year, month: 3, day: 1)!.dayNumber - LogDate(year: year, month: 2, day: 28)!.dayNumber == (leap ? 2 : 1))
  }

  @Test(
    "Parts that are not a date give nil",
    arguments: [(2024, 0, 1), (2024, 13, 1), (2024, 1, 0), (2024, 1, 32), (2024, 4, 31), (2023, 2, 29), (1900, 2, 29), (999, 12, 31), (10000, 1, 1)])
  func invalidParts(year: Int, month: Int, day: Int) throws {
    #expect(LogDate(year: year, month: month, day: day) == nil)
  }

  @Test(
    "Text that is not a date gives nil",
    arguments: ["", " ", "2024-02-30", "2024-13-01", "31-04-2024", "2024/02-01", "24-02-01", "2024-02", "2024-02-01-03", "abc", "2024-02-01x", "2024--01", "-2024-01-01", "02-2024-01", "12345-01-01"])
  func invalidText(text: String) throws {
    #expect(LogDate(text) == nil)
  }

  @Test(
    "Text in the accepted forms gives the same day",
    arguments: ["2024-02-29", "29-02-2024", "29/02/2024", "29.02.2024", "2024/02/29", "2024-2-29", "2024-02-29T23:59:59+01:00", "2024-02-29 08:00", " 2024-02-29 "])
  func validText(text: String) throws {
    #expect(LogDate(text) == LogDate(year: 2024, month: 2, day: 29))
  }

  @Test("Single-digit day and month are day first: 1-3-2024 is March 1")
  func singleDigits() throws {
    #expect(LogDate("1-3-2024")?.description == "2024-03-01")
  }

  @Test("Dates order by day and encode as ISO text")
  func orderAndCoding() throws {
    let a = try #require(LogDate("2023-12-31")), b = try #require(LogDate("01-01-2024"))
    #expect(a < b)
    let data = try JSONEncoder().encode([a, b])
    #expect(String(decoding: data, as: UTF8.self) == "[\"2023-12-31\",\"2024-01-01\"]")
    #expect(try JSONDecoder().decode([LogDate].self, from: data) == [a, b])
    #expect(throws: DecodingError.self) { try JSONDecoder().decode([LogDate].self, from: Data("[\"2023-02-29\"]".utf8)) }
  }
}
