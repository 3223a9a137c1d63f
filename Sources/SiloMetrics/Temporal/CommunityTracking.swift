/// Communities followed from period to period: each keeps an identity (`id`) while it goes on,
/// and what happens between periods is recorded as events.
///
/// **Matching** (Greene, Doyle & Cunningham 2010): a community of a period *matches* a
/// community of the previous period when the Jaccard similarity of their members,
/// |A ∩ B| / |A ∪ B|, is at least ``CommunityTracker/threshold``. People are matched by their
/// identity in the whole log, so people who join or leave lower the similarity but do not
/// break it: a community of 30 in which 10 people are replaced keeps Jaccard 20/40 = 0.5.
/// A period without communities (no ties) is skipped: the next period matches against the
/// last one that had any.
///
/// **Identity.** Matches are taken from the most similar down (equal similarities by the
/// earlier identity, then the larger community); a community takes the identity of the
/// first match whose identity is still free. A community without a free match gets a new
/// identity, numbered on from the highest so far in the period's community order (largest
/// first).
///
/// **Events** (the event kinds of Asur, Parthasarathy & Ucar 2009), for each period after the
/// first, between it and the previous period with communities:
/// - `continue`: one community matches exactly one earlier community, which matches only it;
/// - `merge`: a community matches two or more earlier communities (``CommunityEvent/from``
///   lists them; the most similar one's identity goes on);
/// - `split`: an earlier community matches two or more communities (``CommunityEvent/to``);
/// - `birth`: a community matches no earlier community;
/// - `death`: an earlier community matches no community of the period.
/// A many-to-many group of matches records both its merges and its splits.
///
/// - Complexity: O(Σ people in the periods' communities + matches · log matches).
///
/// > D. Greene, D. Doyle, P. Cunningham. "Tracking the evolution of communities in dynamic
/// > social networks." *ASONAM 2010*, 176–183. doi:10.1109/ASONAM.2010.17
/// > S. Asur, S. Parthasarathy, D. Ucar. "An event-based framework for characterizing the
/// > evolutionary behavior of interaction graphs." *ACM TKDD* 3(4), 16 (2009).
/// > doi:10.1145/1631162.1631164
/// > G. Palla, A.-L. Barabási, T. Vicsek. "Quantifying social group evolution." *Nature* 446,
/// > 664–667 (2007), on why large communities last by changing members.
public struct CommunityTracker: Sendable, Hashable, Codable {
  /// The least Jaccard similarity for two communities of consecutive periods to match.
  /// SiloScope's default 0.3: a community still matches its earlier self when a third of its
  /// members are replaced (0.5) or it doubles in size (0.5), but not a community that shares
  /// a quarter of its people with it (about 0.14 to 0.25).
  public var threshold: Double

  public init(threshold: Double = 0.3) { self.threshold = threshold }

  /// Follows `periods`' communities: for each period, its communities, each the sorted
  /// identities (numbers in the whole log) of its people.
  ///
  /// - Precondition: the threshold lies in (0, 1]; every community has people; no person is in
  ///   two communities of one period.
  public func track(_ periods: [[[Int32]]]) -> TrackedCommunities {
    precondition(threshold > 0 && threshold <= 1, "the matching threshold must lie in (0, 1]")
    var ids: [[Int]] = []
    var events: [CommunityEvent] = []
    var nextID = 1
    var previous: (period: Int, communities: [[Int32]])? = nil
    for (t, communities) in periods.enumerated() {
      guard let before = previous, !communities.isEmpty else {
        if previous == nil {
          ids.append(communities.indices.map { $0 + 1 })
          nextID = communities.count + 1
          if !communities.isEmpty { previous = (t, communities) }
        } else {
          ids.append([])
        }
        continue
      }
      let matches = Self.similarities(from: before.communities, to: communities).filter { $0.jaccard >= threshold }
      let beforeIDs = ids[before.period]
      var assigned = [Int?](repeating: nil, count: communities.count)
      var used = Set<Int>()
      for m in matches.sorted(by: { ($1.jaccard, beforeIDs[$0.from], $0.to) < ($0.jaccard, beforeIDs[$1.from], $1.to) }) {
        if assigned[m.to] == nil && !used.contains(beforeIDs[m.from]) {
          assigned[m.to] = beforeIDs[m.from]
          used.insert(beforeIDs[m.from])
        }
      }
      var current: [Int] = []
      for c in communities.indices {
        if let id = assigned[c] {
          current.append(id)
        } else {
          current.append(nextID)
          nextID += 1
        }
      }
      ids.append(current)
      events += Self.events(period: t, matches: matches, beforeIDs: beforeIDs, ids: current)
      previous = (t, communities)
    }
    return TrackedCommunities(ids: ids, events: events, threshold: threshold)
  }

  /// A pair of communities with common members: `from` in the earlier period, `to` in the later.
  struct Match {
    var from: Int
    var to: Int
    var jaccard: Double
  }

  /// The Jaccard similarity of every pair of communities that share a person.
  static func similarities(from before: [[Int32]], to after: [[Int32]]) -> [Match] {
    var communityOf: [Int32: Int] = [:]
    for (c, members) in before.enumerated() { for p in members { communityOf[p] = c } }
    var matches: [Match] = []
    for (c, members) in after.enumerated() {
      var common: [Int: Int] = [:]
      for p in members { if let b = communityOf[p] { common[b, default: 0] += 1 } }
      for (b, shared) in common.sorted(by: { $0.key < $1.key }) {
        matches.append(Match(from: b, to: c, jaccard: Double(shared) / Double(before[b].count + members.count - shared)))
      }
    }
    return matches
  }

  /// The events between the previous period with communities and period `period`.
  static func events(period: Int, matches: [Match], beforeIDs: [Int], ids: [Int]) -> [CommunityEvent] {
    var predecessors = [[Match]](repeating: [], count: ids.count)
    var successors = [[Match]](repeating: [], count: beforeIDs.count)
    for m in matches {
      predecessors[m.to].append(m)
      successors[m.from].append(m)
    }
    var events: [CommunityEvent] = []
    for c in ids.indices {
      switch predecessors[c].count {
      case 0:
        events.append(CommunityEvent(period: period, kind: .birth, from: [], to: [ids[c]], similarity: nil))
      case 1:
        let m = predecessors[c][0]
        if successors[m.from].count == 1 {
          events.append(CommunityEvent(period: period, kind: .continue, from: [beforeIDs[m.from]], to: [ids[c]], similarity: m.jaccard))
        }
      default:
        events.append(CommunityEvent(
          period: period, kind: .merge, from: predecessors[c].map { beforeIDs[$0.from] }.sorted(), to: [ids[c]], similarity: nil))
      }
    }
    for b in beforeIDs.indices {
      switch successors[b].count {
      case 0:
        events.append(CommunityEvent(period: period, kind: .death, from: [beforeIDs[b]], to: [], similarity: nil))
      case 1:
        break
      default:
        events.append(CommunityEvent(
          period: period, kind: .split, from: [beforeIDs[b]], to: successors[b].map { ids[$0.to] }.sorted(), similarity: nil))
      }
    }
    return events.sorted { ($0.kind.order, $0.from.first ?? 0, $0.to.first ?? 0) < ($1.kind.order, $1.from.first ?? 0, $1.to.first ?? 0) }
  }
}

/// Communities with identities across periods, and the events between periods.
public struct TrackedCommunities: Sendable, Hashable, Codable {
  /// Per period, the identity of each of its communities, in the order they were given.
  public var ids: [[Int]]
  /// The events, period by period.
  public var events: [CommunityEvent]
  /// The matching threshold used.
  public var threshold: Double
}

/// What happened to communities between a period and the previous one with communities.
public struct CommunityEvent: Sendable, Hashable, Codable {
  /// The later period's number.
  public var period: Int
  public var kind: Kind
  /// The identities of the earlier communities involved.
  public var from: [Int]
  /// The identities of the later communities involved.
  public var to: [Int]
  /// For `continue`, the Jaccard similarity of the two communities' members.
  public var similarity: Double?

  public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
    case `continue`, merge, split, birth, death

    var order: Int { Self.allCases.firstIndex(of: self)! }
  }
}
