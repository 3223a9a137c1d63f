/// The language of the texts a diagram writes itself: titles, legends, notes, tooltips and
/// the SVG's `<title>` and `<desc>`.
///
/// Names, headings and the other texts a caller passes are shown as given, except the
/// standard meanings of sizes, weights and facts (``DiagramTerm``): given in English, they are
/// shown in the diagram's language. Dutch numbers take a decimal comma.
public enum DiagramLanguage: String, Sendable, Hashable, Codable, CaseIterable {
  /// English (the default).
  case en
  /// Dutch, formal register: afdeling, samenwerkingsgroep, verbinder, samenwerkingsrelatie.
  case nl

  /// The catalog text of `key` with `{1}`, `{2}`, … replaced by `arguments`.
  func text(_ key: TextKey, _ arguments: String...) -> String {
    let template = (self == .nl ? DutchCatalog.texts : EnglishCatalog.texts)[key] ?? ""
    guard !arguments.isEmpty else { return template }
    var out = ""
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "{") {
      out += rest[..<open]
      let after = rest[rest.index(after: open)...]
      if let close = after.firstIndex(of: "}"), let n = Int(after[..<close]), n >= 1, n <= arguments.count {
        out += arguments[n - 1]
        rest = after[after.index(after: close)...]
      } else {
        out += "{"
        rest = after
      }
    }
    return out + rest
  }

  /// `text` of one or more than one: the catalog's `one` with the count, else `many`.
  func count(_ n: Int, one: TextKey, many: TextKey) -> String {
    n == 1 ? text(one, "1") : text(many, "\(n)")
  }

  /// A number as ``Diagram/formattedNumber(_:decimals:)`` writes it, with a decimal comma in
  /// Dutch.
  func number(_ value: Double, decimals: Int) -> String {
    let text = Diagram.formatted(value, decimals: decimals, undefined: self.text(.undefined))
    return self == .nl ? String(text.map { $0 == "." ? "," : $0 }) : text
  }

  /// The standard meaning `term` in this language ("betweenness": "verbindende rol").
  public func term(_ term: DiagramTerm) -> String { text(term.key) }

  /// `meaning` in this language when it is a ``DiagramTerm`` written in English, else as given.
  public func translated(_ meaning: String) -> String {
    guard self != .en, let term = DiagramTerm.allCases.first(where: { DiagramLanguage.en.term($0) == meaning }) else { return meaning }
    return self.term(term)
  }
}

/// A note that a caller outside SiloRender adds to a diagram (SiloReport's views), worded
/// in the diagram's language by ``DiagramLanguage/text(_:)``.
public enum DiagramNote: Sendable {
  /// A person-level view of `people` people above `limit` was drawn as the department map.
  case drawnAsDepartments(people: Int, limit: Int)
  /// How the communities were found: `method` ("Leiden"), the objective (`modularity` or
  /// another name), resolution, weighted or not, seed and the partition's modularity.
  case communities(method: String, objective: String, resolution: Double, weighted: Bool, seed: UInt64, modularity: Double)
  /// No person was asked for: the ego network is the top broker's, `name`.
  case noPersonGiven(name: String)
  /// How the circles' betweenness was computed: normalized or raw, exact or estimated (the
  /// estimate's statement and its method's name), and the length of a tie.
  case betweenness(normalized: Bool, estimate: (statement: String, method: String)?, distance: TieLength)

  /// The length of a tie in shortest paths.
  public enum TieLength: Sendable, Hashable { case hops, inverseWeight, weight }
}

extension DiagramLanguage {
  /// `note` in this language.
  public func text(_ note: DiagramNote) -> String {
    switch note {
    case .drawnAsDepartments(let people, let limit):
      return text(.noteDrawnAsDepartments, "\(people)", "\(limit)")
    case .communities(let method, let objective, let resolution, let weighted, let seed, let modularity):
      return text(
        .noteCommunitiesMethod, method, objective == "modularity" ? text(.objectiveModularity) : objective,
        number(resolution, decimals: 3), text(weighted ? .wordWeighted : .wordUnweighted), "\(seed)", number(modularity, decimals: 3))
    case .noPersonGiven(let name):
      return text(.noteNoPersonGiven, TextSafety.cleaned(name))
    case .betweenness(let normalized, let estimate, let distance):
      let how = estimate.map { text(.betweennessEstimated, $0.statement, $0.method) } ?? text(.wordExact)
      let length: TextKey
      switch distance {
      case .hops: length = .distanceHops
      case .inverseWeight: length = .distanceInverseWeight
      case .weight: length = .distanceWeight
      }
      return text(.noteBetweenness, text(normalized ? .wordNormalized : .wordRaw), how, text(length))
    }
  }
}

/// The standard meanings callers pass to the diagrams (``PeopleDiagramInput/sizeMeaning``,
/// ``PeopleDiagramInput/weightMeaning``, fact names, ``DepartmentMapInput/weightMeaning``).
/// Pass `options.language.term(.tieWeight)`, or the English text: the diagrams translate it.
public enum DiagramTerm: String, Sendable, Hashable, CaseIterable {
  /// "betweenness"; Dutch "verbindende rol".
  case betweenness
  /// "constraint (Burt)"; Dutch "beperking (Burt)".
  case constraint
  /// "effective size"; Dutch "effectieve omvang".
  case effectiveSize
  /// "tie weight"; Dutch "gewicht van de relaties".
  case tieWeight
  /// "weight"; Dutch "gewicht".
  case weight
  /// "shared projects"; Dutch "gedeelde projecten".
  case sharedProjects
  /// "collaboration (Newman)"; Dutch "samenwerking (Newman)".
  case newmanCollaboration
  /// "hours together"; Dutch "gezamenlijke uren".
  case hoursTogether
  /// "project overlap (Jaccard)"; Dutch "projectoverlap (Jaccard)".
  case projectOverlap

  var key: TextKey {
    switch self {
    case .betweenness: return .termBetweenness
    case .constraint: return .termConstraint
    case .effectiveSize: return .termEffectiveSize
    case .tieWeight: return .termTieWeight
    case .weight: return .termWeight
    case .sharedProjects: return .termSharedProjects
    case .newmanCollaboration: return .termNewman
    case .hoursTogether: return .termHoursTogether
    case .projectOverlap: return .termProjectOverlap
    }
  }
}

/// The keys of the diagram texts; every catalog has every key (a test checks).
enum TextKey: String, CaseIterable {
  case undefined, personOne, personMany, tieOne, tieMany, contactOne, contactMany
  // People and communities
  case peopleTitle, peopleByDepartmentTitle, legendDepartments, peopleSummary, peopleSummaryDepartments, peopleSummarySizes
  case communitiesTitle, communitiesOverDepartmentsTitle, communityEntry, legendCommunities, communitiesSummary
  case noteBrokerNamesOnly, noteNamesFitted, noteRepeatedColours, clusterTooltip, legendMore, keySizes, keyBrokers
  case tooltipDepartment, tooltipBrokerRank, tooltipTies
  // Department map
  case departmentsTitle, eiLine, notAvailable, eiTooltip, eiUndefined, tiesInside, departmentTieTooltip
  case eiSilo, eiBalanced, eiOpen, noTies, keyDepartments, legendEIIndex, departmentsSummary, legendSiloOutline, verdictTooltip
  // Org chart
  case orgChartTitle, orgChartSummary, orgChartKey, orgChartLinksLeftOut, orgChartLinkTooltip, orgChartLegend, layoutOrgChart
  // Ego network
  case egoTitle, legendContacts, egoKey, egoSummary, noteEgoNames
  // Layout notes
  case layoutNote, layoutRequested, layoutClustered, layoutCircle, layoutNeato, layoutSfdp, layoutNeatoCapped, layoutFdp, layoutDotLimited
  // Notes added by callers (DiagramNote)
  case noteDrawnAsDepartments, noteCommunitiesMethod, objectiveModularity, wordWeighted, wordUnweighted, noteNoPersonGiven
  case noteBetweenness, wordNormalized, wordRaw, wordExact, betweennessEstimated, distanceHops, distanceInverseWeight, distanceWeight
  // Terms
  case termBetweenness, termConstraint, termEffectiveSize, termTieWeight, termWeight, termSharedProjects, termNewman
  case termHoursTogether, termProjectOverlap
  // Line charts
  case chartSummary, chartSummaryOnePeriod, chartSummaryEmpty, chartSeriesChange, chartSeriesOne, chartSeriesNone
  case chartNoteBand, chartNoteReference, chartNoteGaps, chartNoteThinned, chartPointTooltip, chartPointBandTooltip
  // Community flow
  case flowTitle, flowCommunity, flowSmaller, flowSmallerName, flowFlowTooltip, flowNodeTooltip, flowKey, flowKeySmaller
  case flowSummary, flowNoteGathered, flowNoteUnknown, layoutFlow
}
