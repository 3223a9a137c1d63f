/// What a proposed set of teams is chosen to improve. Every objective is a number the teams
/// raise (a gain): ``TeamAdvisor`` maximizes it, ``TeamMeasures`` reports it before and after.
///
/// A team is modelled as a new project of its members: every two members get a tie (or a
/// heavier one). The objectives differ in what such ties are worth:
///
/// | objective | gain of a set of teams | monotone | submodular | greedy guarantee |
/// |---|---|---|---|---|
/// | ``untiedPairs`` | closedness-weighted department pairs without any tie that get one | yes | yes | 1 − 1/e |
/// | ``fragilePairs`` | closedness-weighted department pairs that hang on one person (or on nobody) and no longer do | yes | no | none |
/// | ``modularity`` | the drop in the departments' modularity | no | no | none |
///
/// The weight of a department pair {a, b} is the mean of the two departments' *closedness*,
/// the share of their tie weight they keep inside (`SiloScorecard.Department.shareInside`,
/// 1 for a department without ties), taken from the network before any team: a pair of two
/// silos counts about twice as much as a pair of two open departments. With `restrictedTo`
/// departments (``TeamRequest/departments``) only pairs with at least one of them count.
///
/// **The guarantee.** For ``untiedPairs`` the gain of a set of teams is a weighted coverage
/// function: each team covers the department pairs it joins, and a pair counts once however
/// many teams join it. Coverage is monotone and submodular, so choosing teams one at a time,
/// each the best available given the ones before, reaches at least (1 − 1/e) ≈ 63% of the
/// gain of the best set of the same number of teams (Nemhauser, Wolsey & Fisher, "An analysis
/// of approximations for maximizing submodular set functions", *Mathematical Programming* 14,
/// 1978). Two conditions, stated wherever the guarantee is: each step must find the best
/// team (``TeamAdvisor`` searches exhaustively when the pool is small, see
/// ``TeamAdvisor/exhaustiveLimit``; above, its search is a heuristic and the guarantee becomes
/// (1 − 1/e^α) for a step that reaches α of the best), and teams are compared within the same
/// family (people a team takes are unavailable to the next, which the classic bound does
/// not cover when a department runs out of available people).
///
/// ``fragilePairs`` is not submodular: one new tie between two departments leaves them
/// hanging on one person (its two ends), a second tie by other people frees them, so the
/// second team's gain can exceed the first's. ``modularity`` is neither monotone nor
/// submodular (a team inside one department raises it). For both the search is the same
/// greedy start and swap improvement without a stated bound; the tests compare it with the
/// exhaustive optimum on small organizations.
public enum TeamObjective: String, Sendable, Hashable, Codable, CaseIterable {
  /// Department pairs without any tie that get one, weighted by how closed the two are. The
  /// default: the study's recommendation (cross-department teams) read as literally as
  /// possible, with a guarantee for the search, and a gain a consultant can say in one
  /// sentence ("Wonen and Financiën had no tie at all").
  case untiedPairs = "untied-pairs"
  /// Department pairs whose ties all involve one person, or that have no tie, and that the
  /// teams make independent of any single person (a bus factor of at least two), weighted by
  /// how closed the two are.
  case fragilePairs = "fragile-pairs"
  /// The drop in the modularity of the departments (Newman's Q with the departments as the
  /// groups, weighted as the analysis is).
  case modularity

  /// Whether the gain of a set of teams is submodular (and monotone), so that the greedy
  /// choice of teams carries the (1 − 1/e) guarantee.
  public var isSubmodular: Bool { self == .untiedPairs }
}
