import SiloGraph
import SiloIngest
import SiloMetrics
import Testing

/// The change in an E-I index between two periods, tested with two independent project
/// bootstraps: no change for the same replicates, a clear change beyond the uncertainty with
/// the right direction, and the share inside as −½ of the E-I.
@Suite("E-I difference")
struct EIDifferenceTests {
  /// Departments A and B of six people each (a0…a5, b0…b5).
  static let a = (0 ..< 6).map { "a\($0)" }
  static let b = (0 ..< 6).map { "b\($0)" }

  /// A log of two-person projects, each person in the department of their name's letter.
  static func log(_ pairs: [(String, String)]) -> ProjectLog {
    var entries: [ProjectLog.Entry] = []
    for (i, (x, y)) in pairs.enumerated() {
      for person in [x, y] { entries.append(.init(person: person, department: person.hasPrefix("a") ? "A" : "B", project: "p\(i)")) }
    }
    return ProjectLog(entries: entries)
  }

  static func pairs(_ people: [String]) -> [(String, String)] {
    people.indices.flatMap { i in people[(i + 1)...].map { (people[i], $0) } }
  }

  /// Every pair inside A and inside B: 30 projects, no tie between the departments.
  static let closed = log(pairs(a) + pairs(b))
  /// Every A–B pair: 36 projects, no tie inside a department.
  static let open = log(a.flatMap { x in b.map { (x, $0) } })
  /// Both: 30 inside and 36 between.
  static let mixed = log(pairs(a) + pairs(b) + a.flatMap { x in b.map { (x, $0) } })

  /// The replicates of a log's E-I, and the group number of department A.
  static func replicates(_ log: ProjectLog, seed: UInt64, count: Int = 400) throws -> (EIReplicates, Int) {
    let projected = try log.projected()
    let groups = try #require(projected.network.groups)
    let drawn = try projected.network.graph.eiReplicates(
      of: groups, affiliations: projected.affiliations, weighted: true, replicates: count, seed: seed)
    return (drawn, try #require(groups.names?.firstIndex(of: "A")))
  }

  @Test("the same replicates before and after: change 0 with interval [0, 0], not beyond, unclear")
  func identicalReplicates() throws {
    // Truth: replicate r minus itself is 0 for every r.
    let (r, g) = try Self.replicates(Self.mixed, seed: 1)
    for group in [nil, g] {
      let d = EIDifference(before: r, group: group, after: r, group: group)
      #expect(d.change == 0)
      #expect(d.changeLow == 0 && d.changeHigh == 0)
      #expect(d.beyondUncertainty == false)
      #expect(ChangeDirection(d) == .unclear)
    }
  }

  @Test("the same log drawn twice with different seeds: no change and an interval around 0")
  func sameLogIndependentSamples() throws {
    // Truth: the same projects resampled twice differ only by chance, so the interval holds 0.
    let (before, g) = try Self.replicates(Self.mixed, seed: 1)
    let (after, _) = try Self.replicates(Self.mixed, seed: 2)
    let d = EIDifference(before: before, group: g, after: after, group: g)
    #expect(d.change == 0)
    #expect(try #require(d.changeLow) < 0 && 0 < (try #require(d.changeHigh)))
    #expect(d.beyondUncertainty == false)
    #expect(ChangeDirection(d) == .unclear)
  }

  @Test("from keeping every tie inside to every tie outside: E-I −1 → +1, beyond the uncertainty, opened")
  func opened() throws {
    // Truth: A's E-I is −1 when all its ties are inside and +1 when all are to B, in every replicate.
    let (before, g) = try Self.replicates(Self.closed, seed: 1)
    let (after, h) = try Self.replicates(Self.open, seed: 2)
    let d = EIDifference(before: before, group: g, after: after, group: h)
    #expect(d.before == -1)
    #expect(d.after == 1)
    #expect(d.change == 2)
    #expect(d.beyondUncertainty == true)
    #expect(ChangeDirection(d) == .opened)
    let organization = EIDifference(before: before, group: nil, after: after, group: nil)
    #expect(organization.change == 2)
    #expect(ChangeDirection(organization) == .opened)
  }

  @Test("from half the ties outside to all inside: a negative change beyond the uncertainty, closed")
  func closedUp() throws {
    // Truth: A's E-I falls from (36 − 15)/51 to −1.
    let (before, g) = try Self.replicates(Self.mixed, seed: 1)
    let (after, h) = try Self.replicates(Self.closed, seed: 2)
    let d = EIDifference(before: before, group: g, after: after, group: h)
    #expect(abs(try #require(d.before) - 21.0 / 51.0) < 1e-12)
    #expect(try #require(d.change) < 0)
    #expect(try #require(d.changeHigh) < 0)
    #expect(d.beyondUncertainty == true)
    #expect(ChangeDirection(d) == .closed)
  }

  @Test("the share inside changes by −½ of the E-I, its low end from the E-I's high end and the other way round")
  func shareInsideChange() throws {
    // Truth: share = (1 − E-I)/2, so Δshare = −ΔE-I/2 and the interval's ends swap.
    let (before, g) = try Self.replicates(Self.mixed, seed: 1)
    let (after, h) = try Self.replicates(Self.open, seed: 2)
    let d = EIDifference(before: before, group: g, after: after, group: h)
    let low = try #require(d.changeLow), high = try #require(d.changeHigh)
    #expect(low < high)
    let share = d.shareInsideChange
    #expect(share.change == -(try #require(d.change)) / 2)
    #expect(share.low == -high / 2)
    #expect(share.high == -low / 2)
    #expect(try #require(share.low) < (try #require(share.high)))
    // Truth: A opened up, so the share inside fell: the whole interval is below 0.
    #expect(try #require(share.high) < 0)
    #expect(ChangeDirection(d) == .opened)
  }
}

/// The minimum change that is named.
@Suite("Change direction: the minimum change")
struct ChangeDirectionMinimumTests {
  /// A log in which every project of `pairs` is repeated `times` times.
  static func repeated(_ pairs: [(String, String)], times: Int) -> ProjectLog {
    EIDifferenceTests.log(Array(repeating: pairs, count: times).flatMap { $0 })
  }

  @Test("a change beyond the uncertainty but under 5 points is no clear change; over 5 points it is named")
  func minimum() throws {
    let a = EIDifferenceTests.a, b = EIDifferenceTests.b
    let inside = EIDifferenceTests.pairs(a) + EIDifferenceTests.pairs(b), across = a.flatMap { x in b.map { (x, $0) } }
    // Truth: A keeps 15·200 = 3,000 of 3,000 + 7,200 ties' weight inside before (29.4%), and
    // 3,450 of 10,650 after three more rounds of its inside projects (32.4%): +3.0 points, on
    // so many projects that the margin is about ±1 point.
    let before = Self.repeated(inside + across, times: 200)
    let small = EIDifferenceTests.log(Array(repeating: inside + across, count: 200).flatMap { $0 } + Array(repeating: EIDifferenceTests.pairs(a), count: 30).flatMap { $0 })
    let (rb, g) = try EIDifferenceTests.replicates(before, seed: 1, count: 200)
    let (rs, h) = try EIDifferenceTests.replicates(small, seed: 2, count: 200)
    let slight = EIDifference(before: rb, group: g, after: rs, group: h)
    let change = try #require(slight.shareInsideChange.change)
    #expect(abs(change - (3450.0 / 10650 - 3000.0 / 10200)) < 1e-12)
    #expect(slight.beyondUncertainty == true)
    #expect(ChangeDirection(slight) == .unclear)
    // Truth: 150 more rounds make 5,250 of 12,450 inside (42.2%), +12.8 points: closed up.
    let large = EIDifferenceTests.log(Array(repeating: inside + across, count: 200).flatMap { $0 } + Array(repeating: EIDifferenceTests.pairs(a), count: 150).flatMap { $0 })
    let (rl, k) = try EIDifferenceTests.replicates(large, seed: 3, count: 200)
    let clear = EIDifference(before: rb, group: g, after: rl, group: k)
    #expect(clear.beyondUncertainty == true)
    #expect(ChangeDirection(clear) == .closed)
  }
}
