/// Person-level E-I reference counts, (E_i, I_i) per node in node order (karate id 0…33,
/// Krackhardt 1…21, Lazega 1…71): the tables of Tests/References/silos_reference.md §2c, where
/// Tests/References/silos_reference.py computes them and checks that these arrays hold them.
///
/// Undirected graphs: the columns of §2c, over i's ties (sums of weights for the weighted
/// `_w`/`_uw` keys).
///
/// Directed graphs: SiloScope's documented convention counts every arc at the person once,
/// out and in (ExternalInternalIndex.swift, "for a directed graph over arcs in both
/// directions"), the `both` columns of §2c. That is neither its `out` column (out-arcs only)
/// nor its `nb` column (distinct neighbours). Summing the arcs at i in both directions is i's
/// strength in the sum-of-arcs undirected graph (§0 `*_uw`, weight = w(u→v) + w(v→u)), so
/// the expected directed counts of Krackhardt advice and Lazega cowork are the `krack_adv_uw`
/// and `lazega_cow_uw` arrays (§2c: the `krack_adv_d both` and `lazega_cow_d both` columns
/// equal them). `krack_fri_d` is the `krack_fri_d both` column; the 102 `friendship` rows of
/// Datasets/krackhardt_hightech/edges.csv give the same counts with
/// `awk -F, 'NR==FNR{g[$1]=$3;next} $4=="friendship"{if(g[$1]==g[$2]){I[$1]++;I[$2]++}else{E[$1]++;E[$2]++}}'`
/// (ΣE_i = 128 = 2·64 and ΣI_i = 76 = 2·38, the §2 totals; id 7, the CEO, has only 3
/// incoming external arcs: 3/0, where the `out` convention gives NaN and the `nb`
/// convention 3/0 → 1.0). `ExternalInternalIndexTests` also recounts every directed graph
/// straight from the CSV files, without SiloScope's reader.
enum PersonEI {
  static let karate_u: [(Double, Double)] = [
    (1, 15), (1, 8), (4, 6), (0, 6), (0, 3), (0, 4), (0, 4), (0, 4),
    (3, 2), (1, 1), (0, 3), (0, 1), (0, 2), (1, 4), (0, 2), (0, 2),
    (0, 2), (0, 2), (0, 2), (1, 2), (0, 2), (0, 2), (0, 2), (0, 5),
    (0, 3), (0, 3), (0, 2), (1, 3), (1, 2), (0, 4), (2, 2), (1, 5),
    (2, 10), (3, 14),
  ]
  static let karate_w: [(Double, Double)] = [
    (2, 40), (2, 27), (7, 26), (0, 18), (0, 8), (0, 14), (0, 13), (0, 13),
    (10, 7), (1, 2), (0, 8), (0, 3), (0, 4), (3, 14), (0, 5), (0, 7),
    (0, 6), (0, 3), (0, 3), (1, 4), (0, 4), (0, 4), (0, 5), (0, 21),
    (0, 7), (0, 14), (0, 6), (2, 11), (2, 4), (0, 13), (5, 6), (2, 19),
    (5, 33), (8, 40),
  ]
  static let krack_adv_u: [(Double, Double)] = [
    (13, 3), (16, 3), (12, 5), (11, 3), (11, 5), (8, 2), (14, 0), (12, 2),
    (12, 4), (13, 2), (11, 2), (6, 1), (4, 4), (4, 7), (13, 7), (6, 3),
    (10, 1), (15, 2), (6, 5), (12, 5), (11, 4),
  ]
  static let krack_adv_uw: [(Double, Double)] = [
    (14, 5), (18, 3), (15, 5), (16, 4), (13, 7), (8, 3), (21, 0), (15, 3),
    (13, 4), (20, 3), (12, 2), (7, 2), (5, 5), (7, 7), (15, 9), (8, 4),
    (12, 2), (29, 3), (8, 7), (14, 6), (18, 8),
  ]
  static let lazega_cow_u: [(Double, Double)] = [
    (3, 12), (5, 13), (5, 2), (12, 19), (4, 12), (7, 14), (4, 7), (3, 10),
    (8, 11), (8, 15), (6, 13), (5, 14), (6, 26), (7, 15), (16, 21), (11, 22),
    (8, 23), (6, 9), (15, 22), (10, 13), (2, 15), (12, 24), (1, 11), (18, 27),
    (7, 9), (15, 28), (4, 15), (14, 18), (5, 22), (9, 18), (12, 20), (12, 15),
    (1, 12), (4, 21), (8, 12), (5, 13), (3, 7), (6, 19), (3, 18), (2, 19),
    (2, 20), (3, 11), (7, 20), (2, 7), (7, 17), (4, 12), (3, 6), (1, 9),
    (4, 18), (8, 9), (1, 13), (1, 23), (2, 8), (0, 21), (1, 17), (2, 15),
    (1, 16), (1, 12), (0, 10), (1, 14), (2, 10), (5, 13), (7, 10), (4, 8),
    (3, 23), (7, 22), (0, 11), (4, 21), (0, 10), (6, 13), (3, 13),
  ]
  static let lazega_cow_uw: [(Double, Double)] = [
    (4, 15), (7, 21), (7, 3), (18, 30), (7, 23), (9, 24), (5, 9), (3, 10),
    (8, 16), (12, 19), (9, 21), (7, 25), (6, 41), (9, 21), (24, 32), (19, 39),
    (14, 39), (11, 17), (20, 37), (12, 16), (2, 22), (21, 43), (1, 19), (23, 40),
    (8, 16), (24, 46), (5, 25), (22, 30), (5, 39), (11, 25), (18, 33), (20, 25),
    (1, 21), (4, 29), (11, 20), (9, 18), (3, 11), (8, 30), (5, 27), (4, 30),
    (2, 36), (5, 17), (10, 31), (3, 11), (9, 25), (5, 20), (4, 9), (1, 17),
    (5, 29), (11, 13), (1, 23), (2, 29), (2, 13), (0, 32), (2, 29), (3, 21),
    (1, 24), (2, 21), (0, 18), (2, 20), (4, 17), (7, 21), (12, 17), (5, 12),
    (3, 34), (8, 30), (0, 15), (5, 26), (0, 14), (9, 18), (3, 17),
  ]
  static let krack_fri_d: [(Double, Double)] = [
    (7, 6), (9, 4), (3, 4), (7, 4), (7, 6), (4, 4), (3, 0), (5, 1),
    (4, 2), (8, 0), (18, 1), (7, 5), (2, 1), (2, 5), (5, 7), (2, 4),
    (17, 7), (4, 1), (6, 8), (4, 1), (4, 5),
  ]

  /// The expected (E_i, I_i) of a reference graph, evaluated with its own weighting
  /// (`Ref.weighted`); `nil` for `lazega_adv_d` (checked against the CSV recount only).
  static func counts(_ key: Ref) -> [(Double, Double)]? {
    switch key {
    case .karate_u: karate_u
    case .karate_w: karate_w
    case .krack_adv_u: krack_adv_u
    case .krack_adv_uw, .krack_adv_d: krack_adv_uw
    case .krack_fri_d: krack_fri_d
    case .lazega_cow_u: lazega_cow_u
    case .lazega_cow_uw, .lazega_cow_d: lazega_cow_uw
    case .lazega_adv_d: nil
    }
  }
}
