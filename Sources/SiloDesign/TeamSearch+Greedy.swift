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
    request.reach == nil ? top(perDepartment: Self.representativesPerDepartment, available) : marked
  }

  /// A team grown from `seed`, adding each time the candidate with the largest gain (then
  /// one from a department not yet in the team, then the most bridging, then the lowest
  /// number) that keeps the constraints reachable; `nil` when it gets stuck.
  func grow(from seed: Int32, links: DepartmentLinks, available: [Bool], minimumDepartments: Int) -> Found? {
    clearMarks()
    var team = [seed]
    var perDepartment: [Int32: Int] = [membership[Int(seed)]: 1]
    mark(seed, slot: 0)
    let pool = candidates(available)
    while team.count < request.size {
      let slotsLeft = request.size - team.count
      let newNeeded = minimumDepartments - perDepartment.count
      if newNeeded > slotsLeft { return nil }
      let focusNeeded = !request.departments.isEmpty && slotsLeft == 1
        && !perDepartment.keys.contains { request.departments.contains(Int($0)) }
      var pick: (key: (Double, Int, Int32, Int32), person: Int32)?
      var cached: [Int32: Double] = [:]
      for c in (request.reach == nil ? pool : marked) where available[Int(c)] && !team.contains(c) {
        let d = membership[Int(c)], count = perDepartment[d, default: 0]
        if count >= request.maximumPerDepartment || (newNeeded >= slotsLeft && count > 0) { continue }
        if focusNeeded && !request.departments.contains(Int(d)) { continue }
        let g: Double
        if departmentOnly, let known = cached[d] {
          g = known
        } else {
          g = gain(of: team + [c], links: links)
          cached[d] = g
        }
        let key = ((g * 1e12).rounded() / 1e12, count == 0 ? 1 : 0, bridging[Int(c)], -c)
        if pick == nil || key > pick!.key { pick = (key, c) }
      }
      guard let chosen = pick?.person else { return nil }
      team.append(chosen)
      perDepartment[membership[Int(chosen)], default: 0] += 1
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
  /// constraints, the best swap first, for at most `rounds` swaps.
  func improve(_ start: Found, links: DepartmentLinks, available: [Bool], minimumDepartments: Int, rounds: Int = 10) -> Found {
    var current = start
    for _ in 0 ..< rounds {
      var bestSwap: Found?
      for i in current.team.indices {
        clearMarks()
        for (j, m) in current.team.enumerated() where j != i { mark(m, slot: j) }
        for c in candidates(available) where available[Int(c)] && !current.team.contains(c) {
          var team = current.team
          team[i] = c
          let near: (Int, Int) -> Bool = { a, b in
            if a == i { return self.mask(of: c) & (1 << UInt32(b)) != 0 }
            if b == i { return self.mask(of: c) & (1 << UInt32(a)) != 0 }
            return self.mask(of: team[b]) & (1 << UInt32(a)) != 0
          }
          guard meetsConstraints(team, minimumDepartments: minimumDepartments, near: near) else { continue }
          let found = Found(team: team, gain: gain(of: team, links: links))
          if found.gain > (bestSwap?.gain ?? current.gain) + 1e-12 { bestSwap = found }
        }
      }
      guard let bestSwap else { break }
      current = bestSwap
    }
    clearMarks()
    return current
  }
}
