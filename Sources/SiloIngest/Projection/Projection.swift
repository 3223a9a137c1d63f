import Dispatch
import Foundation
import SiloGraph
/// How a tie between two people is weighed when the person × project log is projected onto
/// people: SiloGraph's `AffiliationWeighting`, whose cases give each formula and its source.
public typealias ProjectionWeighting = AffiliationWeighting

/// Choices for turning a log into a person network.
public struct ProjectionOptions: Sendable, Hashable, Codable {
  public var weighting: ProjectionWeighting = .sharedProjects
  /// Ties lighter than this are left out; `nil` keeps all.
  public var minimumWeight: Double? = nil
  /// Entries before this date are left out (and entries without a date, when set).
  public var from: LogDate? = nil
  /// Entries after this date are left out (and entries without a date, when set).
  public var to: LogDate? = nil
  /// Projects with more people than this are left out: organization-wide "projects" such as
  /// all-hands meetings tie everyone to everyone and hide the structure. `nil` keeps all.
  public var maximumProjectSize: Int? = nil
  /// The most co-memberships (pairs of people on a common project, Σ n_p(n_p − 1)/2) the
  /// projection takes on; above, it refuses before allocating anything
  /// (``IngestError/projectionTooLarge(coMemberships:limit:largest:suggestedMaximumProjectSize:)``).
  /// Each co-membership may become a tie, stored twice in the person network (a 4-byte
  /// neighbour and an 8-byte weight each way), so the default of 200,000,000 bounds the
  /// network at about 5 GB and the projection's work at about 10 s. A log of 100,000 people
  /// has a few million co-memberships; 200 million come only from organization-wide projects
  /// (one project of 20,000 people has that many).
  public var maximumCoMemberships = 200_000_000

  /// The plain projection: ties weighted by the number of shared projects, every tie, every
  /// date and every project kept.
  public init() {}
}

/// A project and its share of the co-memberships, for warnings.
public struct ProjectShare: Sendable, Hashable, Codable {
  /// The project's name.
  public var project: String
  /// The people on the project.
  public var members: Int
  /// Pairs of people on the project: n(n−1)/2.
  public var pairs: Int
  /// Those pairs over all pairs from all projects.
  public var share: Double

  /// The share of `project`, with `members` people and `pairs` pairs, `share` of all pairs.
  public init(project: String, members: Int, pairs: Int, share: Double) {
    self.project = project
    self.members = members
    self.pairs = pairs
    self.share = share
  }
}

/// What the projection did, for the summary and the methods section of a report.
public struct ProjectionSummary: Sendable, Hashable, Encodable {
  public var weighting: ProjectionWeighting
  public var minimumWeight: Double?
  public var from: LogDate?
  public var to: LogDate?
  public var maximumProjectSize: Int?
  /// Log entries that fell in the window and went into the projection.
  public var entriesUsed = 0
  /// Entries dated outside the window.
  public var entriesOutsideWindow = 0
  /// Entries without a date, left out because a window was set.
  public var entriesWithoutDate = 0
  /// Distinct projects in the window.
  public var projects = 0
  /// Projects with exactly one person: they make no tie.
  public var singlePersonProjects = 0
  /// Projects left out for having more than ``maximumProjectSize`` people.
  public var projectsLeftOut: [ProjectShare] = []
  /// Pairs of people on a common project, summed over projects (a pair on two projects counts
  /// twice): Σ n_p(n_p−1)/2.
  public var coMemberships = 0
  /// Ties before the minimum weight was applied.
  public var tiesBeforeMinimum = 0
  /// Ties left out for weighing less than the minimum.
  public var tiesBelowMinimum = 0
  /// The largest projects by pairs, with their share of all co-memberships.
  public var largestProjects: [ProjectShare] = []
  /// What a consultant should see about the log: projects that tie everyone, projects left
  /// out, undated entries left out.
  public var warnings: [ProjectionWarning] = []
}

/// The person network projected from a log, with what the projection did.
public struct PersonProjection: Sendable, Hashable {
  /// People as nodes (everyone in the log and the people file, even without ties), with a
  /// `department` attribute and the people file's attributes; `Network.groups` holds the
  /// departments.
  public var network: Network
  public var summary: ProjectionSummary
  /// The projects the projection used (after the date window and the maximum project size,
  /// projects of one person included), with their members as node indices of ``network``
  /// and the weighting and minimum weight applied: what a bootstrap over projects resamples.
  public var affiliations: ProjectAffiliations
}

extension ProjectLog {
  /// Projects the person × project log onto people.
  ///
  /// The projection is a sparse product B·Bᵀ computed row by row (Gustavson's method): for each
  /// person, the members of each of their projects are accumulated into a dense scratch row,
  /// so the work is Σ_p n_p² array updates and no hash table is involved. Terms are added in
  /// ascending project order from both ends of a tie, so `w_uv` equals `w_vu` bit for bit.
  ///
  /// - Throws: ``IngestError/projectionTooLarge(coMemberships:limit:largest:suggestedMaximumProjectSize:)``
  ///   when the projects would make more than ``ProjectionOptions/maximumCoMemberships``
  ///   co-memberships, checked before the person network is built.
  /// `threads` threads compute the rows of different people at the same time; the network is
  /// the same for any number.
  ///
  /// - Complexity: O(*E* + Σ_p n_p² + *m* log *d*) for *E* entries, n_p people on project p,
  ///   *m* ties and largest degree *d*.
  public func projected(
    _ options: ProjectionOptions = ProjectionOptions(), threads: Int = 1
  ) throws(IngestError) -> PersonProjection {
    var summary = ProjectionSummary(
      weighting: options.weighting, minimumWeight: options.minimumWeight, from: options.from, to: options.to,
      maximumProjectSize: options.maximumProjectSize)
    // The people's node table (its id index hashes every name) does not depend on the ties:
    // on two threads or more it is made on another thread while the ties are counted. A
    // thread of its own, not one of Dispatch's pool: a projection called from the pool's
    // threads, all of them waiting, would otherwise wait for a thread the pool cannot give.
    let nodeSlot = ThreadSlots<(NodeTable, Partition?)?>(count: 1, initial: nil)
    let made = DispatchGroup()
    if threads > 1 {
      made.enter()
      Thread.detachNewThread { [self] in
        nodeSlot.set(0, personNodes())
        made.leave()
      }
    }
    defer { made.wait() }
    let (memberStart, members, hours) = projectMembers(options, &summary)
    let (active, shares) = try activeProjects(memberStart, options, &summary)
    let affiliations = affiliations(
      active: active, memberStart: memberStart, members: members, hours: hours, options: options)
    summary.largestProjects = shares.prefix(5).map {
      var share = $0
      share.share = summary.coMemberships > 0 ? Double($0.pairs) / Double(summary.coMemberships) : 0
      return share
    }
    let (personStart, personProject, personHours) = personProjects(active, memberStart, members, hours)
    let graph = projectedGraph(
      personStart: personStart, personProject: personProject, personHours: personHours, memberStart: memberStart,
      members: members, hours: hours, options: options, threads: threads, summary: &summary)
    addWarnings(to: &summary, shares: shares, options: options)
    made.wait()
    let (nodes, groups) = nodeSlot.take()[0] ?? personNodes()
    return PersonProjection(
      network: Network(graph: graph, nodes: nodes, groups: groups), summary: summary, affiliations: affiliations)
  }

  /// Steps 1 and 2 of the projection: the entries in the date window bucketed by project
  /// (counting sort, stable), then each project's distinct members with their summed hours
  /// (a marker array instead of a set). The buckets are freed on return.
  private func projectMembers(
    _ options: ProjectionOptions, _ summary: inout ProjectionSummary
  ) -> (memberStart: [Int], members: [Int32], hours: [Double]) {
    let projectCount = projects.count
    let windowed = options.from != nil || options.to != nil
    let low = options.from?.dayNumber ?? Int32.min
    let high = options.to?.dayNumber ?? Int32.max
    var bucketStart = [Int](repeating: 0, count: projectCount + 1)
    var keep = [Bool](repeating: true, count: entryCount)
    for i in 0 ..< entryCount {
      if windowed {
        let day = entryDay[i]
        if day == ProjectLog.noDay { keep[i] = false; summary.entriesWithoutDate += 1; continue }
        if day < low || day > high { keep[i] = false; summary.entriesOutsideWindow += 1; continue }
      }
      bucketStart[Int(entryProject[i]) + 1] += 1
    }
    summary.entriesUsed = entryCount - summary.entriesWithoutDate - summary.entriesOutsideWindow
    for p in 0 ..< projectCount { bucketStart[p + 1] += bucketStart[p] }
    var cursor = bucketStart
    var bucketPerson = [Int32](repeating: 0, count: summary.entriesUsed)
    var bucketHours = [Double](repeating: 0, count: summary.entriesUsed)
    for i in 0 ..< entryCount where keep[i] {
      let p = Int(entryProject[i])
      bucketPerson[cursor[p]] = entryPerson[i]
      bucketHours[cursor[p]] = entryWeight[i]
      cursor[p] += 1
    }
    keep = []

    var slotOf = [Int32](repeating: -1, count: people.count)
    var memberStart = [Int](repeating: 0, count: projectCount + 1)
    var members: [Int32] = []
    var hours: [Double] = []
    members.reserveCapacity(summary.entriesUsed)
    hours.reserveCapacity(summary.entriesUsed)
    for p in 0 ..< projectCount {
      let first = members.count
      for k in bucketStart[p] ..< bucketStart[p + 1] {
        let person = Int(bucketPerson[k])
        let slot = Int(slotOf[person])
        if slot >= first && slot < members.count && members[slot] == Int32(person) {
          hours[slot] += bucketHours[k]
        } else {
          slotOf[person] = Int32(members.count)
          members.append(Int32(person))
          hours.append(bucketHours[k])
        }
      }
      memberStart[p + 1] = members.count
    }
    return (memberStart, members, hours)
  }

  /// Step 3: project sizes, the projects left out for their size, and the five kept projects
  /// with the most co-memberships (largest first); throws before anything is built when the
  /// co-memberships are too many.
  private func activeProjects(
    _ memberStart: [Int], _ options: ProjectionOptions, _ summary: inout ProjectionSummary
  ) throws(IngestError) -> (active: [Bool], shares: [ProjectShare]) {
    let projectCount = projects.count
    var active = [Bool](repeating: false, count: projectCount)
    var shares = LargestShares(count: 5)
    var sizes: [Int] = []
    for p in 0 ..< projectCount {
      let size = memberStart[p + 1] - memberStart[p]
      if size == 0 { continue }
      summary.projects += 1
      if size == 1 { summary.singlePersonProjects += 1 }
      let pairs = size * (size - 1) / 2
      if let limit = options.maximumProjectSize, size > limit {
        summary.projectsLeftOut.append(ProjectShare(project: projects[p], members: size, pairs: pairs, share: 0))
        continue
      }
      active[p] = true
      summary.coMemberships += pairs
      if pairs > 0 {
        shares.offer(project: p, pairs: pairs, names: projects)
        sizes.append(size)
      }
    }
    summary.projectsLeftOut.sort { ($0.members, $1.project) > ($1.members, $0.project) }
    let largest = shares.projects.map { p in
      let size = memberStart[p + 1] - memberStart[p]
      return ProjectShare(project: projects[p], members: size, pairs: size * (size - 1) / 2, share: 0)
    }
    if summary.coMemberships > options.maximumCoMemberships {
      throw .projectionTooLarge(
        coMemberships: summary.coMemberships, limit: options.maximumCoMemberships,
        largest: Array(largest.prefix(3).filter { $0.pairs * 10 >= summary.coMemberships }),
        suggestedMaximumProjectSize: Self.largestSizeWithin(options.maximumCoMemberships, sizes: sizes))
    }
    return (active, largest)
  }

  /// Step 4: each person's active projects in ascending project order, with their hours.
  private func personProjects(
    _ active: [Bool], _ memberStart: [Int], _ members: [Int32], _ hours: [Double]
  ) -> (start: [Int], project: [Int32], hours: [Double]) {
    let personCount = people.count
    var personStart = [Int](repeating: 0, count: personCount + 1)
    for p in active.indices where active[p] {
      for k in memberStart[p] ..< memberStart[p + 1] { personStart[Int(members[k]) + 1] += 1 }
    }
    for u in 0 ..< personCount { personStart[u + 1] += personStart[u] }
    var personCursor = personStart
    var personProject = [Int32](repeating: 0, count: personStart[personCount])
    var personHours = [Double](repeating: 0, count: personStart[personCount])
    for p in active.indices where active[p] {
      for k in memberStart[p] ..< memberStart[p + 1] {
        let u = Int(members[k])
        personProject[personCursor[u]] = Int32(p)
        personHours[personCursor[u]] = hours[k]
        personCursor[u] += 1
      }
    }
    return (personStart, personProject, personHours)
  }

  /// Step 5: the rows of the projection (Gustavson), straight into CSR, with the minimum
  /// weight applied and the ties it leaves out counted in `summary`. The people are split into
  /// `threads` runs of about equal memberships, each run's rows made by its own thread, and
  /// the runs joined in order.
  private func projectedGraph(
    personStart: [Int], personProject: [Int32], personHours: [Double], memberStart: [Int], members: [Int32],
    hours: [Double], options: ProjectionOptions, threads: Int, summary: inout ProjectionSummary
  ) -> CollaborationGraph {
    let personCount = people.count
    let row = ProjectionRow(
      personCount: personCount, personStart: personStart, personProject: personProject, personHours: personHours,
      memberStart: memberStart, members: members, hours: hours, weighting: options.weighting)
    let memberships = personStart[personCount]
    let parts = max(1, min(threads, memberships / 65_536))
    let bounds = (0 ... parts).map { part in
      part == parts ? personCount : personStart.firstIndex { $0 >= memberships * part / parts } ?? personCount
    }
    let runs = ThreadSlots<ProjectionRow.Run?>(count: parts, initial: nil)
    let work: @Sendable (Int) -> Void = { part in
      var scratch = row
      runs.set(part, scratch.rows(bounds[part] ..< bounds[part + 1], minimum: options.minimumWeight))
    }
    if parts == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: parts, execute: work) }
    var rowOffsets = [0]
    var columns: [NodeID] = []
    var weights: [Double] = []
    var below = 0
    rowOffsets.reserveCapacity(personCount + 1)
    columns.reserveCapacity(summary.coMemberships)
    weights.reserveCapacity(summary.coMemberships)
    for run in runs.take() {
      let run = run!
      let base = columns.count
      rowOffsets.append(contentsOf: run.rowEnds.lazy.map { base + $0 })
      columns.append(contentsOf: run.columns)
      weights.append(contentsOf: run.weights)
      below += run.below
    }
    summary.tiesBelowMinimum = below / 2
    summary.tiesBeforeMinimum = columns.count / 2 + below / 2
    return CollaborationGraph(undirectedRowOffsets: rowOffsets, columns: columns, weights: weights)
  }

  /// Step 6: warnings a consultant should see. A project with half of everyone ties them all
  /// to each other whatever the number of projects (at least 10 people, so that a small test
  /// log of one project does not warn).
  private func addWarnings(to summary: inout ProjectionSummary, shares: [ProjectShare], options: ProjectionOptions) {
    let everyone = people.count
    if let top = shares.first, top.members >= 10, 2 * top.members >= everyone {
      summary.warnings.append(
        .oneProjectTiesEveryone(
          project: top.project, members: top.members, people: everyone, suggestedMaximumProjectSize: max(2, top.members - 1)))
    } else if summary.projects >= 10, let top = summary.largestProjects.first {
      var cumulative = 0.0
      var dominant: [ProjectShare] = []
      for share in summary.largestProjects.prefix(3) {
        cumulative += share.share
        dominant.append(share)
        if cumulative > 0.5 { break }
      }
      if cumulative > 0.5 {
        summary.warnings.append(
          .organizationWideProjects(
            dominant, percent: Int((cumulative * 100).rounded()), suggestedMaximumProjectSize: max(2, top.members - 1)))
      }
    }
    if !summary.projectsLeftOut.isEmpty {
      summary.warnings.append(
        .largeProjectsLeftOut(
          count: summary.projectsLeftOut.count, maximumProjectSize: options.maximumProjectSize!,
          shown: Array(summary.projectsLeftOut.prefix(5))))
    }
    if (options.from != nil || options.to != nil) && summary.entriesWithoutDate > 0 {
      summary.warnings.append(.undatedEntriesLeftOut(summary.entriesWithoutDate))
    }
  }

  /// The active projects' members and hours as ``ProjectAffiliations``: the arrays as they
  /// are when every project of the log is active (no copy), else compacted in project order.
  ///
  /// - Complexity: O(*P* + *E*) for *P* projects and *E* memberships; O(*P*) when every
  ///   project is active.
  private func affiliations(
    active: [Bool], memberStart: [Int], members: [Int32], hours: [Double], options: ProjectionOptions
  ) -> ProjectAffiliations {
    let weighting = options.weighting
    if !active.contains(false) {
      return ProjectAffiliations(
        nodeCount: people.count, projectIDs: projects, projectStart: memberStart, members: members, hours: hours,
        weighting: weighting, minimumWeight: options.minimumWeight)
    }
    var ids: [String] = []
    var start = [0]
    var keptMembers: [Int32] = []
    var keptHours: [Double] = []
    keptMembers.reserveCapacity(members.count)
    keptHours.reserveCapacity(members.count)
    for p in active.indices where active[p] {
      ids.append(projects[p])
      keptMembers.append(contentsOf: members[memberStart[p] ..< memberStart[p + 1]])
      keptHours.append(contentsOf: hours[memberStart[p] ..< memberStart[p + 1]])
      start.append(keptMembers.count)
    }
    return ProjectAffiliations(
      nodeCount: people.count, projectIDs: ids, projectStart: start, members: keptMembers, hours: keptHours,
      weighting: weighting, minimumWeight: options.minimumWeight)
  }

  /// The largest project size *s* such that the projects of at most *s* people make at most
  /// `limit` co-memberships; `nil` when even pairs of people exceed it.
  static func largestSizeWithin(_ limit: Int, sizes: [Int]) -> Int? {
    var total = 0
    var best: Int? = nil
    for size in sizes.sorted() {
      total += size * (size - 1) / 2
      if total > limit { break }
      best = size
    }
    return best.map { max(2, $0) }
  }

  /// This log's people as nodes: their ids and attributes, and their departments as a
  /// partition.
  private func personNodes() -> (NodeTable, Partition?) {
    var table = NodeTable(ids: people)
    if !departments.isEmpty {
      table.setAttributeColumn(NodeAttribute.department, personDepartment.map { $0 < 0 ? nil : departments[Int($0)] })
    }
    for name in personAttributeNames where name != NodeAttribute.department {
      table.setAttributeColumn(name, personAttributes[name]!)
    }
    return (table, Network.partition(numbers: personDepartment, names: departments))
  }
}

/// The projects with the most co-memberships, most first and by name among equals (the order
/// of a full sort by pairs, descending, then name), kept while the projects go by instead of
/// sorting them all.
private struct LargestShares {
  let count: Int
  /// The projects kept, in order, and their pairs.
  private(set) var projects: [Int] = []
  private var pairCounts: [Int] = []

  init(count: Int) { self.count = count }

  /// Keeps `project`, with `pairs` pairs, if it is among the largest so far.
  mutating func offer(project: Int, pairs: Int, names: [String]) {
    func before(_ k: Int) -> Bool {
      pairs > pairCounts[k] || (pairs == pairCounts[k] && names[project] < names[projects[k]])
    }
    if projects.count == count, let last = projects.indices.last, !before(last) { return }
    let at = projects.indices.first(where: before) ?? projects.count
    projects.insert(project, at: at)
    pairCounts.insert(pairs, at: at)
    if projects.count > count {
      projects.removeLast()
      pairCounts.removeLast()
    }
  }
}

/// One row of the projection at a time: the people who share a project with person u, how
/// many projects each shares, and (Newman, hours overlap) the weight summed so far, in
/// arrays of all people reset through the people touched.
private struct ProjectionRow {
  let personStart: [Int]
  let personProject: [Int32]
  let personHours: [Double]
  let memberStart: [Int]
  let members: [Int32]
  let hours: [Double]
  let weighting: ProjectionWeighting
  private var scratch: [Double]
  private var shared: [Int32]
  private var touched: [Int32] = []

  init(
    personCount: Int, personStart: [Int], personProject: [Int32], personHours: [Double], memberStart: [Int],
    members: [Int32], hours: [Double], weighting: ProjectionWeighting
  ) {
    self.personStart = personStart
    self.personProject = personProject
    self.personHours = personHours
    self.memberStart = memberStart
    self.members = members
    self.hours = hours
    self.weighting = weighting
    scratch = [Double](repeating: 0, count: personCount)
    shared = [Int32](repeating: 0, count: personCount)
  }

  /// The rows of a run of people, one after another.
  struct Run {
    /// The end of each person's row in ``columns``.
    var rowEnds: [Int] = []
    var columns: [NodeID] = []
    var weights: [Double] = []
    /// Ties the minimum weight left out.
    var below = 0
  }

  /// The rows of the people `people`, ties lighter than `minimum` left out.
  mutating func rows(_ people: Range<Int>, minimum: Double?) -> Run {
    var run = Run()
    run.rowEnds.reserveCapacity(people.count)
    for u in people {
      gather(u)
      run.below += emit(u, minimum: minimum, columns: &run.columns, weights: &run.weights)
      run.rowEnds.append(run.columns.count)
    }
    return run
  }

  /// Gathers u's co-members over u's projects, in ascending order.
  @inline(__always)
  mutating func gather(_ u: Int) {
    touched.removeAll(keepingCapacity: true)
    for k in personStart[u] ..< personStart[u + 1] {
      let p = Int(personProject[k])
      let start = memberStart[p], end = memberStart[p + 1]
      let size = end - start
      let hu = personHours[k]
      let newman = size > 1 ? 1 / Double(size - 1) : 0
      for j in start ..< end {
        let v = Int(members[j])
        if v == u { continue }
        if shared[v] == 0 { touched.append(Int32(v)) }
        shared[v] += 1
        switch weighting {
        case .sharedProjects, .jaccard: break
        case .newman: scratch[v] += newman
        case .hoursOverlap: scratch[v] += min(hu, hours[j])
        }
      }
    }
    touched.withUnsafeMutableBufferPointer { RowSorting.ascending($0) }
  }

  /// Appends u's ties (co-members in ascending order, with their weights) and clears the
  /// row; returns how many ties the minimum weight left out.
  @inline(__always)
  mutating func emit(_ u: Int, minimum: Double?, columns: inout [NodeID], weights: inout [Double]) -> Int {
    let degreeU = personStart[u + 1] - personStart[u]
    var below = 0
    for v32 in touched {
      let v = Int(v32)
      let c = Double(shared[v])
      let w: Double
      switch weighting {
      case .sharedProjects: w = c
      case .newman, .hoursOverlap: w = scratch[v]
      case .jaccard:
        let degreeV = personStart[v + 1] - personStart[v]
        w = c / (Double(degreeU + degreeV) - c)
      }
      shared[v] = 0
      scratch[v] = 0
      if let minimum, w < minimum {
        below += 1
        continue
      }
      columns.append(NodeID(rawValue: v32))
      weights.append(w)
    }
    return below
  }
}
