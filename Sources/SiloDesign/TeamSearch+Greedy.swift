import SiloGraph

extension TeamSearch {
  /// The people growth starts from: per department (only the departments to open, when
  /// named) the available people with the most other departments among their neighbours.
  func seeds(_ available: [Bool]) -> [Int32] {
    top(perDepartment: Self.seedsPerDepartment, available) {
      request.departments.isEmpty || request.departments.contains(Int($0))
    }
  }

  /// Per department, the `count` available people with the most other departments among
  /// their neighbours (equal counts: lower number first), departments in order.
  func top(perDepartment count: Int, _ available: [Bool], where include: (Int32) -> Bool = { _ in true }) -> [Int32] {
    var byDepartment: [Int32: [Int32]] = [:]
    for v in 0 ..< Int32(available.count) where available[Int(v)] && include(membership[Int(v)]) {
      byDepartment[membership[Int(v)], default: []].append(v)
    }
    return byDepartment.keys.sorted().flatMap { d in
      byDepartment[d]!.sorted { (bridging[Int($0)], -$0) > (bridging[Int($1)], -$1) }.prefix(count)
    }
  }

  /// The people a member may be chosen from: those within reach of the marked members, or,
  /// without a reach, a few of every department.
  func candidates(_ available: [Bool]) -> [Int32] {
    request.reach == nil ? representatives : marked
  }

  /// A team grown from `seed`, adding each time the candidate with the largest gain (then
  /// one from a department not yet in the team, then the most bridging, then the lowest
  /// number) that keeps the constraints reachable; `nil` when it gets stuck.
  func grow(from seed: Int32, links: DepartmentLinks, available: [Bool], minimumDepartments: Int) -> Found? {
    clearMarks()
    var team = [seed]
    var perDepartment = [Int](repeating: 0, count: departmentCount)
    perDepartment[Int(membership[Int(seed)])] = 1
    var departments = 1
    var focused = request.departments.contains(Int(membership[Int(seed)]))
    mark(seed, slot: 0)
    while team.count < request.size {
      let slotsLeft = request.size - team.count
      let newNeeded = minimumDepartments - departments
      if newNeeded > slotsLeft { return nil }
      let focusNeeded = !request.departments.isEmpty && slotsLeft == 1 && !focused
      var pick: (key: (Double, Int, Int32, Int32), person: Int32)?
      // One evaluation per department when the gain depends only on departments.
      var cached = [Double](repeating: .nan, count: departmentOnly ? departmentCount : 0)
      for c in candidates(available) where available[Int(c)] && !team.contains(c) {
        let d = Int(membership[Int(c)]), count = perDepartment[d]
        if count >= request.maximumPerDepartment || (newNeeded >= slotsLeft && count > 0) { continue }
        if focusNeeded && !request.departments.contains(d) { continue }
        let g: Double
        if departmentOnly && !cached[d].isNaN {
          g = cached[d]
        } else {
          g = gain(of: team + [c], links: links)
          if departmentOnly { cached[d] = g }
        }
        let key = ((g * 1e12).rounded() / 1e12, count == 0 ? 1 : 0, bridging[Int(c)], -c)
        if pick == nil || key > pick!.key { pick = (key, c) }
      }
      guard let chosen = pick?.person else { return nil }
      team.append(chosen)
      let d = Int(membership[Int(chosen)])
      if perDepartment[d] == 0 { departments += 1 }
      perDepartment[d] += 1
      focused = focused || request.departments.contains(d)
      mark(chosen, slot: team.count - 1)
    }
    return Found(team: team, gain: gain(of: team, links: links))
  }

  /// Whether the objective's gain depends only on the members' departments, so candidates
  /// of one department can share one evaluation.
  var departmentOnly: Bool {
    switch request.objective {
    case .untiedPairs: return true
    case .fragilePairs: return false
    case .modularity: if case .constant = model.increment { return true } else { return false }
    }
  }

  /// Swaps one member for an available person while that raises the gain and keeps the
  /// constraints, the best swap first, for at most `rounds` swaps. Candidates are checked
  /// cheapest test first: the department counts, the gain (one evaluation per department when
  /// the objective depends only on departments), then whether the team stays within reach.
  func improve(_ start: Found, links: DepartmentLinks, available: [Bool], minimumDepartments: Int, rounds: Int = 10) -> Found {
    var current = start
    for _ in 0 ..< rounds {
      var bestSwap: Found?
      for i in current.team.indices {
        if let found = bestReplacement(at: i, in: current, beating: bestSwap?.gain ?? current.gain, links: links, available: available,
          minimumDepartments: minimumDepartments)
        {
          bestSwap = found
        }
      }
      guard let bestSwap else { break }
      current = bestSwap
    }
    clearMarks()
    return current
  }

  /// The best team with member `i` replaced that gains more than `floor`, or `nil`.
  private func bestReplacement(
    at i: Int, in current: Found, beating floor: Double, links: DepartmentLinks, available: [Bool], minimumDepartments: Int
  ) -> Found? {
    let team = current.team
    clearMarks()
    for (j, m) in team.enumerated() where j != i { mark(m, slot: j) }
    var counts: [Int32: Int] = [:]
    for (j, m) in team.enumerated() where j != i { counts[membership[Int(m)], default: 0] += 1 }
    let focusKept = request.departments.isEmpty || counts.keys.contains { request.departments.contains(Int($0)) }
    // Which other members each member is within reach of (bit j: member j), member i left out.
    let others = ~(UInt32(1) << UInt32(i))
    let adjacency = team.map { mask(of: $0) & others }
    var best: Found?, cached: [Int32: Double] = [:]
    for c in candidates(available) where available[Int(c)] && !team.contains(c) {
      let d = membership[Int(c)], count = counts[d, default: 0]
      if count >= request.maximumPerDepartment || counts.count + (count == 0 ? 1 : 0) < minimumDepartments { continue }
      if !focusKept && !request.departments.contains(Int(d)) { continue }
      var swapped = team
      swapped[i] = c
      let g: Double
      if departmentOnly, let known = cached[d] {
        g = known
      } else {
        g = gain(of: swapped, links: links)
        cached[d] = g
      }
      guard g > (best?.gain ?? floor) + 1e-12 else { continue }
      if request.reach != nil && !Self.isConnected(adjacency, replacing: i, with: mask(of: c) & others) { continue }
      best = Found(team: swapped, gain: g)
    }
    return best
  }

  /// Whether the members form one group when member `i`'s neighbours (bits) are `near`:
  /// a breadth-first search over bit masks.
  static func isConnected(_ adjacency: [UInt32], replacing i: Int, with near: UInt32) -> Bool {
    let all = adjacency.count == 32 ? UInt32.max : (UInt32(1) << UInt32(adjacency.count)) - 1
    var reached = UInt32(1) << UInt32(i), frontier = reached
    while frontier != 0 {
      var next: UInt32 = 0
      var bits = frontier
      while bits != 0 {
        let j = bits.trailingZeroBitCount
        bits &= bits - 1
        next |= j == i ? near : adjacency[j] | (near >> UInt32(j) & 1 == 1 ? UInt32(1) << UInt32(i) : 0)
      }
      frontier = next & ~reached
      reached |= next
    }
    return reached & all == all
  }
}
