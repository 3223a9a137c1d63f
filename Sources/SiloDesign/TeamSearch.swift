import SiloGraph

/// The search for one team given the teams already chosen: exhaustive when the pool is small,
/// else greedy growth from seeds followed by swaps. Holds the scratch arrays the searches
/// reuse (one per advisor run).
final class TeamSearch {
  let graph: CollaborationGraph
  let membership: [Int32]
  /// The number of departments.
  let departmentCount: Int
  let request: TeamRequest
  let model: TieModel
  let weights: PairWeights
  /// Per person: other departments among their neighbours (the tie-break between equal gains,
  /// and the order of seeds and representatives).
  let bridging: [Int32]
  /// Bit j set when the person is within reach of the team's j-th member.
  private var nearMask: [UInt32]
  private var touched: [Int32] = []
  private var seen: [UInt32]
  private var generation: UInt32 = 0
  /// Without a reach: the people members are chosen from (a few of every department), set
  /// for each search from the people available then.
  var representatives: [Int32] = []

  init(graph: CollaborationGraph, membership: [Int32], request: TeamRequest, model: TieModel, weights: PairWeights) {
    self.departmentCount = weights.k
    self.graph = graph
    self.membership = membership
    self.request = request
    self.model = model
    self.weights = weights
    nearMask = Array(repeating: 0, count: graph.nodeCount)
    seen = Array(repeating: 0, count: graph.nodeCount)
    bridging = (0 ..< graph.nodeCount).map { u in
      var others: Set<Int32> = []
      for i in graph.rowOffsets[u] ..< graph.rowOffsets[u + 1] where membership[Int(graph.columns[i].rawValue)] != membership[u] {
        others.insert(membership[Int(graph.columns[i].rawValue)])
      }
      return Int32(others.count)
    }
  }

  /// People within ``TeamRequest/reach`` steps of `p` (not `p`), by breadth-first search
  /// over ties in either direction.
  func ball(of p: Int32) -> [Int32] {
    guard let reach = request.reach else { return [] }
    generation &+= 1
    let stamp = generation
    // The scratch array is taken out of the object for the search (no exclusivity checks in
    // the loop) and put back after.
    var seen: [UInt32] = []
    swap(&seen, &self.seen)
    defer { swap(&seen, &self.seen) }
    seen[Int(p)] = stamp
    var result: [Int32] = [], start = 0
    var frontier = [p]
    for _ in 0 ..< reach {
      start = result.count
      for u in frontier {
        for i in graph.rowOffsets[Int(u)] ..< graph.rowOffsets[Int(u) + 1] {
          let v = graph.columns[i].rawValue
          if seen[Int(v)] != stamp {
            seen[Int(v)] = stamp
            result.append(v)
          }
        }
      }
      frontier = Array(result[start...])
    }
    return result
  }

  // MARK: The team's neighbourhood

  /// Marks everyone within reach of `member`, the team's `slot`-th member.
  func mark(_ member: Int32, slot: Int) {
    let ball = ball(of: member), bit = UInt32(1) << UInt32(slot)
    var mask: [UInt32] = []
    swap(&mask, &nearMask)
    defer { swap(&mask, &nearMask) }
    for v in ball {
      if mask[Int(v)] == 0 { touched.append(v) }
      mask[Int(v)] |= bit
    }
  }

  /// Clears every mark.
  func clearMarks() {
    for v in touched { nearMask[Int(v)] = 0 }
    touched.removeAll(keepingCapacity: true)
  }

  /// The marked people (within reach of a member), in the order first marked.
  var marked: [Int32] { touched }

  func mask(of v: Int32) -> UInt32 { nearMask[Int(v)] }
}

extension TeamSearch {
  /// Whether a full team meets the request's constraints: sizes per department, the number of
  /// departments, a member of the departments to open, and one connected group under the
  /// reach (`near(i, j)` tells whether members i and j are within reach).
  func meetsConstraints(_ team: [Int32], minimumDepartments: Int, near: (Int, Int) -> Bool) -> Bool {
    var counts: [Int32: Int] = [:]
    for m in team { counts[membership[Int(m)], default: 0] += 1 }
    guard counts.values.allSatisfy({ $0 <= request.maximumPerDepartment }), counts.count >= minimumDepartments else { return false }
    if !request.departments.isEmpty && !counts.keys.contains(where: { request.departments.contains(Int($0)) }) { return false }
    return request.reach == nil || Self.isConnected(team.count, near: near)
  }

  /// Whether members 0 ..< count form one group when i and j are joined where `near(i, j)`.
  static func isConnected(_ count: Int, near: (Int, Int) -> Bool) -> Bool {
    guard count > 1 else { return true }
    var reached = [0], inGroup = [Bool](repeating: false, count: count)
    inGroup[0] = true
    while let i = reached.popLast() {
      for j in 0 ..< count where !inGroup[j] && near(i, j) {
        inGroup[j] = true
        reached.append(j)
      }
    }
    return !inGroup.contains(false)
  }
}
