import SiloDesign

/// One language's words for the team advisor: the report section, the command line's table
/// and the reasons in the JSON.
public protocol TeamsWording: Sendable {
  var heading: String { get }
  /// What the section shows, for `teams` teams of `size`.
  func intro(teams: Int, size: Int) -> String
  func objective(_ objective: TeamObjective) -> String
  /// What the search guarantees for this objective and search.
  func guarantee(submodular: Bool, exhaustive: Bool) -> String
  /// That the numbers are about structure, not behaviour; `hours` per member on one project.
  func structuralNote(hours: String) -> String
  /// Why a member is in the team.
  func reason(
    department: String, share: String, joins: [String], secures: [String], worksWith: [String], near: [String], reach: Int?
  ) -> String
  /// "Team 1: Sociaal Domein, Wonen and Financiën".
  func teamTitle(_ index: Int, departments: [String]) -> String
  var memberColumn: String { get }
  var departmentColumn: String { get }
  var reasonColumn: String { get }
  var measureColumn: String { get }
  var beforeColumn: String { get }
  var afterColumn: String { get }
  var allTeams: String { get }
  /// The measures' names, in the order of the before/after tables.
  var untiedPairs: String { get }
  var pairsOnOnePerson: String { get }
  var shareInside: String { get }
  var silos: String { get }
  var modularity: String { get }
  /// The objective's value as a row label (what the teams are chosen for).
  func objectiveValue(_ objective: TeamObjective) -> String
  /// The label above the departments' rows.
  var insideByDepartment: String { get }
  /// The key finding: `teams` teams of `size` would take the untied pairs from `before` to `after`.
  func finding(teams: Int, size: Int, before: Finding.Part, after: Finding.Part) -> [Finding.Part]
  /// Why the report has no teams.
  func unavailable(_ error: TeamError) -> String
  /// "A, B and C".
  func list(_ items: [String]) -> String
}

extension ReportLanguage {
  /// The team advisor's words in this language.
  public var teamsWording: any TeamsWording {
    switch self {
    case .en: return EnglishTeamsWording()
    case .nl: return DutchTeamsWording()
    }
  }
}

struct EnglishTeamsWording: TeamsWording {
  /// Numbers up to twelve in words, as English style guides write them in running text.
  func spelled(_ n: Int) -> String {
    let words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
    return words.indices.contains(n) ? words[n] : NumberStyle(decimal: ".", grouping: ",").integer(n)
  }

  var heading: String { "Teams that would open the silos" }

  func intro(teams: Int, size: Int) -> String {
    "The study behind this report recommends varied, cross-department teams. These \(spelled(teams)) teams of \(spelled(size)) would each work on one "
      + "project together; they are chosen so that departments that do not work together yet get to know each other, from people "
      + "who are already within reach of one another."
  }

  func objective(_ objective: TeamObjective) -> String {
    switch objective {
    case .untiedPairs: return "pairs of departments without any tie that get one, weighted by how closed the two departments are"
    case .fragilePairs:
      return "pairs of departments with no tie, or whose every tie runs through one person, that no longer depend on a single person, weighted by how closed the two are"
    case .modularity: return "the drop in the modularity of the departments (how much more they keep inside than chance)"
    }
  }

  func guarantee(submodular: Bool, exhaustive: Bool) -> String {
    switch (submodular, exhaustive) {
    case (true, true):
      return "Each team is the best one available after the teams before it (every possible team was tried); choosing teams one "
        + "after another this way reaches at least 63% (1 − 1/e) of the best possible set of teams."
    case (true, false):
      return "The teams are chosen one after another, each by a search that grows a team within reach and improves it by "
        + "swapping members. Choosing teams this way reaches at least 63% (1 − 1/e) of the best possible set of teams when "
        + "each step finds the best team; with this many people the search cannot prove that it did."
    case (false, true):
      return "Each team is the best one available after the teams before it (every possible team was tried); this objective has "
        + "no guarantee for the set of teams as a whole."
    case (false, false):
      return "The teams are chosen by a greedy search with improvements; this objective has no stated guarantee."
    }
  }

  func structuralNote(hours: String) -> String {
    "This is structural: it shows who would be connected if each team worked on one project together (\(hours) hours each, "
      + "counted as the log counts a project). It does not predict how people will behave."
  }

  func reason(
    department: String, share: String, joins: [String], secures: [String], worksWith: [String], near: [String], reach: Int?
  ) -> String {
    var text: String
    if !joins.isEmpty {
      text = "connects \(department), which keeps \(share) of its collaboration inside, with \(list(joins)): no tie so far"
      if !secures.isEmpty { text += ", and adds a second route to \(list(secures))" }
    } else if !secures.isEmpty {
      text = "gives \(department) (\(share) inside) a second route to \(list(secures)), which hung on one person"
    } else if !worksWith.isEmpty {
      return "keeps the team within reach: already works with \(list(worksWith))"
    } else if !near.isEmpty {
      return "keeps the team within reach: \(reach.map { "at most \($0) steps" } ?? "a few steps") from \(list(near))"
    } else {
      return "brings \(department) (\(share) inside) into the team"
    }
    if !worksWith.isEmpty { text += "; already works with \(list(worksWith))" }
    return text
  }

  func teamTitle(_ index: Int, departments: [String]) -> String { "Team \(index): \(list(departments))" }
  var memberColumn: String { "Member" }
  var departmentColumn: String { "Department" }
  var reasonColumn: String { "Why" }
  var measureColumn: String { "Measure" }
  var beforeColumn: String { "Now" }
  var afterColumn: String { "With the team" }
  var allTeams: String { "All teams together" }
  var untiedPairs: String { "Department pairs without any tie" }
  var pairsOnOnePerson: String { "Department pairs hanging on one person" }
  var shareInside: String { "Collaboration inside departments" }
  var silos: String { "Departments that are silos" }
  var modularity: String { "Modularity of the departments" }
  func objectiveValue(_ objective: TeamObjective) -> String {
    switch objective {
    case .untiedPairs: return "The same, weighted by closedness (what the teams are chosen for)"
    case .fragilePairs: return "Pairs without a tie or on one person, weighted (what the teams are chosen for)"
    case .modularity: return "Modularity (what the teams are chosen for)"
    }
  }

  var insideByDepartment: String { "Collaboration inside the department:" }

  func finding(teams: Int, size: Int, before: Finding.Part, after: Finding.Part) -> [Finding.Part] {
    [.text("\(spelled(teams).capitalizedFirst) cross-department \(teams == 1 ? "team" : "teams") of \(spelled(size)), each working on one project together, would bring the pairs of departments without any tie from "),
     before, .text(" to "), after, .text(" (see “\(heading)”).")]
  }

  func unavailable(_ error: TeamError) -> String {
    "No teams are proposed: " + TeamsText.describe(error) + "."
  }

  func list(_ items: [String]) -> String {
    switch items.count {
    case 0: return ""
    case 1: return items[0]
    default:
      // Semicolons between names that have commas of their own ("Vergunningen, Toezicht en Handhaving").
      return items.dropLast().joined(separator: items.contains { $0.contains(",") } ? "; " : ", ") + " and " + items.last!
    }
  }
}

struct DutchTeamsWording: TeamsWording {
  /// Getallen tot en met twaalf in letters, zoals in lopende tekst gebruikelijk.
  func spelled(_ n: Int) -> String {
    let words = ["nul", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf"]
    return words.indices.contains(n) ? words[n] : NumberStyle(decimal: ",", grouping: ".").integer(n)
  }

  var heading: String { "Teams die de verkokering doorbreken" }

  func intro(teams: Int, size: Int) -> String {
    "Het onderzoek achter dit rapport raadt gemengde teams over de afdelingsgrenzen heen aan. Deze \(spelled(teams)) teams van \(spelled(size)) "
      + "medewerkers zouden elk samen één project doen. Ze zijn zo gekozen dat afdelingen die nog niet samenwerken elkaar leren "
      + "kennen, met mensen die elkaar al binnen bereik hebben."
  }

  func objective(_ objective: TeamObjective) -> String {
    switch objective {
    case .untiedPairs:
      return "paren van afdelingen die nog geen enkele samenwerking hebben en die er een krijgen, zwaarder naarmate beide afdelingen meer naar binnen gericht zijn"
    case .fragilePairs:
      return "paren van afdelingen zonder samenwerking, of waarvan alle samenwerking via één persoon loopt, die niet langer van één persoon afhangen"
    case .modularity: return "de daling van de modulariteit van de afdelingen (hoeveel meer ze binnen houden dan toeval zou geven)"
    }
  }

  func guarantee(submodular: Bool, exhaustive: Bool) -> String {
    switch (submodular, exhaustive) {
    case (true, true):
      return "Elk team is het beste dat na de vorige teams nog mogelijk was (alle mogelijke teams zijn geprobeerd). Wie zo team na "
        + "team kiest, haalt gegarandeerd minstens 63% (1 − 1/e) van de best mogelijke combinatie van teams."
    case (true, false):
      return "De teams zijn één voor één gekozen: elk team groeit vanuit mensen die elkaar binnen bereik hebben en wordt daarna "
        + "verbeterd door teamleden te wisselen. Zo kiezen levert gegarandeerd minstens 63% (1 − 1/e) van de best mogelijke "
        + "combinatie op als elke stap het beste team vindt; bij zoveel medewerkers kan de zoektocht dat niet bewijzen."
    case (false, true):
      return "Elk team is het beste dat na de vorige teams nog mogelijk was (alle mogelijke teams zijn geprobeerd); voor de teams "
        + "samen geeft deze doelstelling geen garantie."
    case (false, false):
      return "De teams zijn gekozen met een stapsgewijze zoektocht en verbeteringen; voor deze doelstelling is er geen garantie."
    }
  }

  func structuralNote(hours: String) -> String {
    "Dit is een berekening van de structuur: wie met wie verbonden zou zijn als elk team samen één project deed (\(hours) uur "
      + "per persoon, geteld zoals het logboek een project telt). Het voorspelt niet hoe mensen zich zullen gedragen."
  }

  func reason(
    department: String, share: String, joins: [String], secures: [String], worksWith: [String], near: [String], reach: Int?
  ) -> String {
    var text: String
    if !joins.isEmpty {
      text = "verbindt \(department) (\(share) van de samenwerking blijft binnen de afdeling) met \(list(joins)), "
        + "waarmee de afdeling nog helemaal niet samenwerkt"
      if !secures.isEmpty { text += ", en zorgt voor een tweede verbinding met \(list(secures))" }
    } else if !secures.isEmpty {
      text = "zorgt voor een tweede verbinding tussen \(department) (\(share) binnen de afdeling) en \(list(secures)); "
        + "die samenwerking liep tot nu toe via één persoon"
    } else if !worksWith.isEmpty {
      return "houdt het team bij elkaar: werkt al samen met \(list(worksWith))"
    } else if !near.isEmpty {
      return "houdt het team bij elkaar: \(reach.map { "hooguit \($0) stappen" } ?? "een paar stappen") verwijderd van \(list(near))"
    } else {
      return "brengt \(department) (\(share) binnen de afdeling) in het team"
    }
    if !worksWith.isEmpty { text += "; werkt al samen met \(list(worksWith))" }
    return text
  }

  func teamTitle(_ index: Int, departments: [String]) -> String { "Team \(index): \(list(departments))" }
  var memberColumn: String { "Medewerker" }
  var departmentColumn: String { "Afdeling" }
  var reasonColumn: String { "Waarom" }
  var measureColumn: String { "Maat" }
  var beforeColumn: String { "Nu" }
  var afterColumn: String { "Met het team" }
  var allTeams: String { "Alle teams samen" }
  var untiedPairs: String { "Paren van afdelingen zonder enige samenwerking" }
  var pairsOnOnePerson: String { "Paren van afdelingen die van één persoon afhangen" }
  var shareInside: String { "Samenwerking binnen afdelingen" }
  var silos: String { "Verkokerde afdelingen" }
  var modularity: String { "Modulariteit van de afdelingen" }
  func objectiveValue(_ objective: TeamObjective) -> String {
    switch objective {
    case .untiedPairs: return "Idem, gewogen naar verkokering (waarop de teams gekozen zijn)"
    case .fragilePairs: return "Paren zonder samenwerking of via één persoon, gewogen (waarop de teams gekozen zijn)"
    case .modularity: return "Modulariteit (waarop de teams gekozen zijn)"
    }
  }

  var insideByDepartment: String { "Samenwerking binnen de afdeling:" }

  func finding(teams: Int, size: Int, before: Finding.Part, after: Finding.Part) -> [Finding.Part] {
    [.text("\(spelled(teams).capitalizedFirst) gemengde \(teams == 1 ? "team" : "teams") van \(spelled(size)) medewerkers, elk met één gezamenlijk project, zouden het aantal paren van afdelingen zonder enige samenwerking terugbrengen van "),
     before, .text(" naar "), after, .text(" (zie ‘\(heading)’).")]
  }

  func unavailable(_ error: TeamError) -> String {
    "Er worden geen teams voorgesteld: " + TeamsText.describeDutch(error) + "."
  }

  func list(_ items: [String]) -> String {
    switch items.count {
    case 0: return ""
    case 1: return items[0]
    default:
      // Puntkomma's tussen namen met een eigen komma ("Vergunningen, Toezicht en Handhaving").
      return items.dropLast().joined(separator: items.contains { $0.contains(",") } ? "; " : ", ") + " en " + items.last!
    }
  }
}
