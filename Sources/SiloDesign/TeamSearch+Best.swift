import SiloGraph

extension TeamSearch {
  /// A team and the gain the model gives it on the links it was searched on.
  struct Found {
    var team: [Int32]
    var gain: Double
  }

  /// Grown teams taken on to the swap step.
  static let improvedStarts = 3
  /// Seeds per department for the greedy growth.
  static let seedsPerDepartment = 2
  /// People per department tried when members need not be within reach of each other.
  static let representativesPerDepartment = 4

  /// The best team of the available people on `links`: by trying every team when there are
  /// at most `exhaustiveLimit` of them (then `exhaustive` is set), else by greedy growth from
  /// seeds and swaps. `nil` when no team meets the constraints.
  func best(links: DepartmentLinks, available: [Bool], minimumDepartments: Int, exhaustiveLimit: Int) -> (Found, exhaustive: Bool)? {
    let people = (0 ..< Int32(available.count)).filter { available[Int($0)] }
    if Self.binomial(people.count, request.size, cap: exhaustiveLimit) <= exhaustiveLimit {
      return tryEvery(people, links: links, minimumDepartments: minimumDepartments).map { ($0, true) }
    }
    if request.reach == nil { representatives = top(perDepartment: Self.representativesPerDepartment, available) }
    let starts = seeds(available).compactMap { grow(from: $0, links: links, available: available, minimumDepartments: minimumDepartments) }
    var distinct: [Found] = []
    for found in starts.sorted(by: Self.better) where !distinct.contains(where: { Set($0.team) == Set(found.team) }) {
      distinct.append(found)
      if distinct.count == Self.improvedStarts { break }
    }
    let improved = distinct.map { improve($0, links: links, available: available, minimumDepartments: minimumDepartments) }
    return improved.sorted(by: Self.better).first.map { ($0, false) }
  }

  /// Higher gain first; then the team whose sorted members come first.
  static func better(_ a: Found, _ b: Found) -> Bool {
    if abs(a.gain - b.gain) > 1e-12 { return a.gain > b.gain }
    return a.team.sorted().lexicographicallyPrecedes(b.team.sorted())
  }

  /// C(n, k), or `cap + 1` once it exceeds `cap`.
  static func binomial(_ n: Int, _ k: Int, cap: Int) -> Int {
    guard k >= 0 && k <= n else { return 0 }
    var result = 1
    for i in 0 ..< min(k, n - k) {
      result = result * (n - i) / (i + 1)
      if result > cap { return cap + 1 }
    }
    return result
  }

  /// The gain of `team`, from a per-department cache where the objective depends only on the
  /// members' departments.
  func gain(of team: [Int32], links: DepartmentLinks) -> Double {
    links.gain(of: team, objective: request.objective, weights: weights, model: model, graph: graph)
  }

  // MARK: Every team

  /// The best of every team of `people` that meets the constraints (the first in
  /// lexicographic order among equals).
  private func tryEvery(_ people: [Int32], links: DepartmentLinks, minimumDepartments: Int) -> Found? {
    let n = people.count, size = request.size
    var near = [Bool](repeating: true, count: n * n)
    if request.reach != nil {
      for i in 0 ..< n {
        let ball = Set(self.ball(of: people[i]))
        for j in 0 ..< n { near[i * n + j] = ball.contains(people[j]) }
      }
    }
    var best: Found?
    var chosen: [Int] = []
    var perDepartment: [Int32: Int] = [:]
    func visit(_ start: Int) {
      if chosen.count == size {
        let team = chosen.map { people[$0] }
        guard meetsConstraints(team, minimumDepartments: minimumDepartments, near: { near[chosen[$0] * n + chosen[$1]] }) else { return }
        let g = gain(of: team, links: links)
        if best == nil || g > best!.gain + 1e-12 { best = Found(team: team, gain: g) }
        return
      }
      guard start < n, n - start >= size - chosen.count else { return }
      for i in start ..< n {
        let d = membership[Int(people[i])]
        guard perDepartment[d, default: 0] < request.maximumPerDepartment else { continue }
        chosen.append(i)
        perDepartment[d, default: 0] += 1
        visit(i + 1)
        perDepartment[d, default: 0] -= 1
        chosen.removeLast()
      }
    }
    visit(0)
    return best
  }
}
