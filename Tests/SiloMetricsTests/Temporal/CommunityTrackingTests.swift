import SiloMetrics
import Testing

/// Communities followed across periods on hand-made member lists: identities by Jaccard
/// matching and the continue, merge, split, birth and death events.
@Suite("Community tracking")
struct CommunityTrackingTests {
  /// The people `range` as a community.
  static func members(_ range: ClosedRange<Int32>) -> [Int32] { Array(range) }

  /// An event in words ("1 merge [1, 2] → [2]"), for comparing with ``describe(_:)``.
  static func event(_ period: Int, _ kind: CommunityEvent.Kind, _ from: [Int], _ to: [Int], _ similarity: Double? = nil) -> String {
    "\(period) \(kind.rawValue) \(from) → \(to)" + (similarity.map { " \($0)" } ?? "")
  }

  static func describe(_ events: [CommunityEvent]) -> [String] {
    events.map { event($0.period, $0.kind, $0.from, $0.to, $0.similarity) }
  }

  @Test("the same communities again keep their ids, each a continue of similarity 1")
  func continueSame() {
    // Truth: identical member lists have Jaccard 1 and match one to one.
    let tracked = CommunityTracker().track([[[1, 2, 3], [4, 5, 6]], [[1, 2, 3], [4, 5, 6]]])
    #expect(tracked.ids == [[1, 2], [1, 2]])
    #expect(Self.describe(tracked.events) == [Self.event(1, .continue, [1], [1], 1), Self.event(1, .continue, [2], [2], 1)])
  }

  @Test("ids follow the members, not the order the communities are listed in")
  func continueReordered() {
    // Truth: the later period lists the same two communities the other way round.
    let tracked = CommunityTracker().track([[[1, 2, 3], [4, 5, 6, 7]], [[4, 5, 6, 7], [1, 2, 3]]])
    #expect(tracked.ids == [[1, 2], [2, 1]])
  }

  @Test("a community of 12 of which a third is replaced keeps its id: Jaccard 8/16 = 0.5")
  func continueWithReplacedThird() {
    // Truth: people 0…11 then 4…15 share 8 of 16, above the default threshold 0.3.
    let tracked = CommunityTracker().track([[Self.members(0 ... 11)], [Self.members(4 ... 15)]])
    #expect(tracked.ids == [[1], [1]])
    #expect(Self.describe(tracked.events) == [Self.event(1, .continue, [1], [1], 0.5)])
    // Truth: with a threshold above 0.5 the same change is a death and a birth.
    let strict = CommunityTracker(threshold: 0.6).track([[Self.members(0 ... 11)], [Self.members(4 ... 15)]])
    #expect(strict.ids == [[1], [2]])
    #expect(Self.describe(strict.events) == [Self.event(1, .birth, [], [2]), Self.event(1, .death, [1], [])])
  }

  @Test("two communities merging: a merge from both to the most similar one's id")
  func merge() {
    // Truth: 0…9 shares 4/10 with C1 (0…3) and 6/10 with C2 (4…9): the merged community is C2.
    let tracked = CommunityTracker().track([[Self.members(0 ... 3), Self.members(4 ... 9)], [Self.members(0 ... 9)]])
    #expect(tracked.ids == [[1, 2], [2]])
    #expect(Self.describe(tracked.events) == [Self.event(1, .merge, [1, 2], [2])])
  }

  @Test("a community splitting: a split to the most similar part's kept id and a new id")
  func split() {
    // Truth: 0…5 shares 6/10 with 0…9, 6…9 shares 4/10: the larger part keeps C1, the other is C2.
    let tracked = CommunityTracker().track([[Self.members(0 ... 9)], [Self.members(0 ... 5), Self.members(6 ... 9)]])
    #expect(tracked.ids == [[1], [1, 2]])
    #expect(Self.describe(tracked.events) == [Self.event(1, .split, [1], [1, 2])])
  }

  @Test("a community of new people is a birth; one whose people are gone is a death")
  func birthAndDeath() {
    // Truth: 10…14 shares nobody with 0…4; in the third period 0…4 is gone.
    let tracked = CommunityTracker().track([
      [Self.members(0 ... 4)], [Self.members(0 ... 4), Self.members(10 ... 14)], [Self.members(10 ... 14)],
    ])
    #expect(tracked.ids == [[1], [1, 2], [2]])
    #expect(Self.describe(tracked.events) == [
      Self.event(1, .continue, [1], [1], 1), Self.event(1, .birth, [], [2]),
      Self.event(2, .continue, [2], [2], 1), Self.event(2, .death, [1], []),
    ])
  }

  @Test("an empty middle period is skipped: the next period matches the last one with communities")
  func emptyMiddlePeriod() {
    // Truth: period 1 has no communities; period 2 is period 0 again, so the ids go on.
    let a = Self.members(0 ... 4), b = Self.members(5 ... 9)
    let tracked = CommunityTracker().track([[a, b], [], [a, b]])
    #expect(tracked.ids == [[1, 2], [], [1, 2]])
    #expect(Self.describe(tracked.events) == [Self.event(2, .continue, [1], [1], 1), Self.event(2, .continue, [2], [2], 1)])
  }

  @Test("an empty first period: numbering starts with the first period that has communities")
  func emptyFirstPeriod() {
    // Truth: nothing happened before period 1, so its communities are 1 and 2 with no events.
    let tracked = CommunityTracker().track([[], [Self.members(0 ... 4), Self.members(5 ... 9)], [Self.members(0 ... 4)]])
    #expect(tracked.ids == [[], [1, 2], [1]])
    #expect(Self.describe(tracked.events) == [Self.event(2, .continue, [1], [1], 1), Self.event(2, .death, [2], [])])
  }

  @Test("many-to-many: two communities that exchange half their people record both merges and both splits")
  func manyToMany() {
    // Truth: 0…5 and 6…11 become {0,1,2,6,7,8} and {3,4,5,9,10,11}: every pair has Jaccard 3/9.
    let before = [Self.members(0 ... 5), Self.members(6 ... 11)]
    let after: [[Int32]] = [[0, 1, 2, 6, 7, 8], [3, 4, 5, 9, 10, 11]]
    let tracked = CommunityTracker().track([before, after])
    #expect(tracked.ids == [[1, 2], [1, 2]])
    #expect(Self.describe(tracked.events) == [
      Self.event(1, .merge, [1, 2], [1]), Self.event(1, .merge, [1, 2], [2]),
      Self.event(1, .split, [1], [1, 2]), Self.event(1, .split, [2], [1, 2]),
    ])
  }

  @Test("new ids are numbered on from the highest so far: an id that died is never given again")
  func idsNotReused() {
    // Truth: C2 dies in period 1, the new community there is C3, the one in period 2 is C4.
    let tracked = CommunityTracker().track([
      [Self.members(0 ... 4), Self.members(5 ... 9)], [Self.members(0 ... 4), Self.members(20 ... 24)],
      [Self.members(0 ... 4), Self.members(20 ... 24), Self.members(30 ... 34)],
    ])
    #expect(tracked.ids == [[1, 2], [1, 3], [1, 3, 4]])
  }

  @Test("deterministic: the same periods give the same ids and events")
  func deterministic() {
    // Truth: tracking has no randomness; equal Jaccard values are ordered by the earlier id.
    let periods: [[[Int32]]] = [
      [Self.members(0 ... 5), Self.members(6 ... 11), Self.members(12 ... 15)],
      [[0, 1, 2, 6, 7, 8], [3, 4, 5, 9, 10, 11], Self.members(12 ... 17)],
      [Self.members(0 ... 11), Self.members(40 ... 43)],
    ]
    let first = CommunityTracker().track(periods)
    #expect(CommunityTracker().track(periods) == first)
    #expect(first.ids == [[1, 2, 3], [1, 2, 3], [1, 4]])
  }
}
