/// One language's words for the formal hierarchy: the report section, its finding, the org
/// chart's boxes and the command line's table.
public protocol HierarchyWording: Sendable {
  var heading: String { get }
  /// What the section shows.
  var intro: String { get }
  /// The measures' names, in the order of the table (keys of `HierarchyDocument.OrganizationPart`).
  func measure(_ key: String) -> String
  var measureColumn: String { get }
  var valueColumn: String { get }
  /// The managers' table.
  var managersHeading: String { get }
  func managersNote(shown: Int, of total: Int) -> String
  var managerColumn: String { get }
  var departmentColumn: String { get }
  var spanColumn: String { get }
  var belowColumn: String { get }
  var withinTeamColumn: String { get }
  var reportsWorkedWithColumn: String { get }
  /// The list of units side by side without a tie.
  var untiedHeading: String { get }
  /// Two units side by side: their heads, departments (when known), head counts and the manager above.
  func untiedPair(a: String, b: String, above: String, departmentA: String?, departmentB: String?, sizeA: Int, sizeB: Int) -> String
  func untiedMore(_ count: Int) -> String
  /// How the measures are defined, under the tables.
  var definitions: String { get }
  /// The key finding: the shares along reporting lines and within teams, and the untied
  /// sibling units.
  func finding(along: Finding.Part, within: Finding.Part, untied: Finding.Part?, pairs: Int) -> [Finding.Part]
  /// A box of the org chart: a manager and `people` in their unit (themselves included).
  func boxSubtitle(department: String?, people: Int) -> String
  /// The legend line on how people were gathered into boxes: `levels` levels drawn.
  func boxesFootnote(levels: Int) -> String
  /// The title of a box whose manager may not be named.
  var notShown: String { get }
  /// The unit of the top of a chart with levels.
  var wholeOrganization: String { get }
  /// Why, under pseudonyms, the managers, the units and the org chart are not shown.
  var listsLeftOut: String { get }
}

extension ReportLanguage {
  /// The hierarchy's words in this language.
  public var hierarchyWording: any HierarchyWording {
    switch self {
    case .en: return EnglishHierarchyWording()
    case .nl: return DutchHierarchyWording()
    }
  }
}

struct EnglishHierarchyWording: HierarchyWording {
  let n = ReportLanguage.en.numbers
  var heading: String { "The org chart and the real collaboration" }
  var intro: String {
    "Who reports to whom, from the manager column of the people file, set against who works with whom. "
      + "Collaboration that follows the chart stays along reporting lines and inside teams; "
      + "units side by side under one manager that never work together are the chart's own silos."
  }
  func measure(_ key: String) -> String {
    [
      "people_in_chart": "People in the chart", "tops": "People at the top (no manager)", "levels": "Levels", "managers": "Managers",
      "mean_span": "Span of control (mean direct reports)", "largest_span": "Largest span of control",
      "share_along_reporting_lines": "Collaboration along reporting lines", "share_within_teams": "Collaboration within teams",
      "share_skipping_levels": "Collaboration that skips a level", "mean_tree_distance": "Mean steps through the chart between collaborators",
      "untied_sibling_unit_pairs": "Units side by side without a tie",
    ][key] ?? key
  }
  var measureColumn: String { "Measure" }
  var valueColumn: String { "Value" }
  var managersHeading: String { "Managers" }
  func managersNote(shown: Int, of total: Int) -> String {
    shown < total ? "The \(n.integer(shown)) managers with the most people below them, of \(n.integer(total)); report.json lists all." : ""
  }
  var managerColumn: String { "Manager" }
  var departmentColumn: String { "Department" }
  var spanColumn: String { "Direct reports" }
  var belowColumn: String { "People below" }
  var withinTeamColumn: String { "Within the team" }
  var reportsWorkedWithColumn: String { "Direct reports worked with" }
  var untiedHeading: String { "Units side by side that do not work together" }
  func untiedPair(a: String, b: String, above: String, departmentA: String?, departmentB: String?, sizeA: Int, sizeB: Int) -> String {
    let one = (departmentA.map { $0 + ", " } ?? "") + n.integer(sizeA), other = (departmentB.map { $0 + ", " } ?? "") + n.integer(sizeB)
    return "\(a)'s unit (\(one)) and \(b)'s unit (\(other)), both under \(above)"
  }
  func untiedMore(_ count: Int) -> String { "\(n.integer(count)) more \(count == 1 ? "pair is" : "pairs are") not listed here; report.json lists up to 50." }
  var definitions: String {
    "A team is a manager with their direct reports; its share within is the collaboration between its members over all "
      + "collaboration of its members. Along reporting lines: between a person and their manager. Within teams: that, or "
      + "between two people with the same manager. Skipping a level: with one's manager's manager or higher up the same line. "
      + "Steps through the chart: up from one person to the first manager the two share, and down to the other."
  }
  func finding(along: Finding.Part, within: Finding.Part, untied: Finding.Part?, pairs: Int) -> [Finding.Part] {
    var parts: [Finding.Part] = [.text("The org chart and the collaboration: "), along, .text(" of the collaboration runs along reporting lines and "), within, .text(" within teams")]
    if let untied, untied.value == 0 {
      parts += [.text("; every pair of units side by side under one manager has at least one tie")]
    } else if let untied {
      parts += [.text("; "), untied, .text(" of the \(n.integer(pairs)) \(pairs == 1 ? "pair" : "pairs") of units side by side under one manager \(untied.value == 1 ? "has" : "have") no tie at all")]
    }
    return parts + [.text(".")]
  }
  func boxSubtitle(department: String?, people: Int) -> String {
    (department.map { $0 + " · " } ?? "") + (people == 1 ? "1 person" : "\(n.integer(people)) people")
  }
  func boxesFootnote(levels: Int) -> String {
    "Each box is a manager, counted with everybody below them; the top \(levels) \(levels == 1 ? "level is" : "levels are") drawn, each unit below them as one box."
  }
  var notShown: String { "(not shown)" }
  var wholeOrganization: String { "Whole organization" }
  var listsLeftOut: String {
    "Names are pseudonymized, so the managers, the units side by side and the org chart are left out: a place in the chart (the top, the head of a unit) names the person who holds it."
  }
}

struct DutchHierarchyWording: HierarchyWording {
  let n = ReportLanguage.nl.numbers
  var heading: String { "Het organigram en de werkelijke samenwerking" }
  var intro: String {
    "Wie aan wie rapporteert, volgens de kolom leidinggevende in het personeelsbestand, naast wie met wie samenwerkt. "
      + "Samenwerking die het organigram volgt, blijft langs de hiërarchische lijn en binnen teams; "
      + "eenheden onder dezelfde leidinggevende die nooit samenwerken, vormen kokers binnen het organigram zelf."
  }
  func measure(_ key: String) -> String {
    [
      "people_in_chart": "Personen in het organigram", "tops": "Personen aan de top (zonder leidinggevende)", "levels": "Lagen", "managers": "Leidinggevenden",
      "mean_span": "Leidingspanne (gemiddeld aantal directe medewerkers)", "largest_span": "Grootste leidingspanne",
      "share_along_reporting_lines": "Samenwerking langs de hiërarchische lijn", "share_within_teams": "Samenwerking binnen teams",
      "share_skipping_levels": "Samenwerking die een laag overslaat", "mean_tree_distance": "Gemiddeld aantal stappen door het organigram tussen samenwerkenden",
      "untied_sibling_unit_pairs": "Naast elkaar gelegen eenheden zonder samenwerking",
    ][key] ?? key
  }
  var measureColumn: String { "Maat" }
  var valueColumn: String { "Waarde" }
  var managersHeading: String { "Leidinggevenden" }
  func managersNote(shown: Int, of total: Int) -> String {
    shown < total ? "De \(n.integer(shown)) leidinggevenden met de meeste medewerkers onder zich, van de \(n.integer(total)); report.json noemt ze allemaal." : ""
  }
  var managerColumn: String { "Leidinggevende" }
  var departmentColumn: String { "Afdeling" }
  var spanColumn: String { "Directe medewerkers" }
  var belowColumn: String { "Medewerkers eronder" }
  var withinTeamColumn: String { "Binnen het team" }
  var reportsWorkedWithColumn: String { "Eigen medewerkers met samenwerking" }
  var untiedHeading: String { "Eenheden naast elkaar die niet samenwerken" }
  func untiedPair(a: String, b: String, above: String, departmentA: String?, departmentB: String?, sizeA: Int, sizeB: Int) -> String {
    let one = (departmentA.map { $0 + ", " } ?? "") + n.integer(sizeA), other = (departmentB.map { $0 + ", " } ?? "") + n.integer(sizeB)
    return "de eenheid van \(a) (\(one)) en die van \(b) (\(other)), beide onder \(above)"
  }
  func untiedMore(_ count: Int) -> String { "Nog \(n.integer(count)) \(count == 1 ? "paar staat" : "paren staan") hier niet; report.json noemt er tot 50." }
  var definitions: String {
    "Een team is een leidinggevende met de directe medewerkers; het aandeel binnen het team is de samenwerking tussen de "
      + "teamleden ten opzichte van alle samenwerking van de teamleden. Langs de hiërarchische lijn: tussen iemand en diens "
      + "leidinggevende. Binnen teams: dat, of tussen twee medewerkers van dezelfde leidinggevende. Een laag overslaan: met de "
      + "leidinggevende van de eigen leidinggevende of hoger in dezelfde lijn. Stappen door het organigram: omhoog van de een "
      + "naar de eerste gezamenlijke leidinggevende en omlaag naar de ander."
  }
  func finding(along: Finding.Part, within: Finding.Part, untied: Finding.Part?, pairs: Int) -> [Finding.Part] {
    var parts: [Finding.Part] = [.text("Organigram en samenwerking: "), along, .text(" van de samenwerking loopt langs de hiërarchische lijn en "), within, .text(" binnen teams")]
    if let untied, untied.value == 0 {
      parts += [.text("; alle eenheden onder dezelfde leidinggevende werken met elkaar samen")]
    } else if let untied {
      parts += [.text("; van de \(n.integer(pairs)) \(pairs == 1 ? "paar" : "paren") eenheden onder dezelfde leidinggevende werken er "), untied, .text(" helemaal niet samen")]
    }
    return parts + [.text(".")]
  }
  func boxSubtitle(department: String?, people: Int) -> String {
    (department.map { $0 + " · " } ?? "") + (people == 1 ? "1 persoon" : "\(n.integer(people)) personen")
  }
  func boxesFootnote(levels: Int) -> String {
    "Elk vak is een leidinggevende, geteld met iedereen onder zich; de bovenste \(levels) \(levels == 1 ? "laag is" : "lagen zijn") getekend, elke eenheid daaronder als één vak."
  }
  var notShown: String { "(niet getoond)" }
  var wholeOrganization: String { "Hele organisatie" }
  var listsLeftOut: String {
    "De namen zijn gepseudonimiseerd; daarom ontbreken de leidinggevenden, de eenheden naast elkaar en het organigram: een plaats in het organigram (de top, het hoofd van een eenheid) verraadt wie die plaats inneemt."
  }
}
