/// One language's words for the organization's levels: the maps' titles and the report's
/// table of levels.
public protocol LevelsWording: Sendable {
  /// The top level's map.
  func topMap(level: String) -> String
  /// The map of one top-level unit's units at `level`.
  func drillDown(unit: String, level: String) -> String
  /// Under a drill-down map drawn at `level` because `analysed` has too many units there.
  func groupedAbove(level: String, analysed: String) -> String
  var heading: String { get }
  /// What the table shows; `level` is the one analysed.
  func intro(level: String, automatic: Bool) -> String
  var levelColumn: String { get }
  var unitsColumn: String { get }
  var modularityColumn: String { get }
  var insideColumn: String { get }
  var eiColumn: String { get }
  var silosColumn: String { get }
  /// "(analysed)" after the analysed level's name.
  var analysedMark: String { get }
}

extension ReportLanguage {
  /// The levels' words in this language.
  public var levelsWording: any LevelsWording {
    switch self {
    case .en: return EnglishLevelsWording()
    case .nl: return DutchLevelsWording()
    }
  }
}

struct EnglishLevelsWording: LevelsWording {
  func topMap(level: String) -> String { "The top level (\(level)) and the collaboration between its units" }
  func drillDown(unit: String, level: String) -> String { "Inside \(unit): its units by \(level) and the collaboration between them" }
  func groupedAbove(level: String, analysed: String) -> String {
    "Drawn by \(level): there are too many units by \(analysed) here for one picture (the scorecard lists them)."
  }
  var heading: String { "The organization level by level" }
  func intro(level: String, automatic: Bool) -> String {
    "The same measures at each level of the organization. The report analyses the level \"\(level)\""
      + (automatic ? ", the deepest level of at most 500 units in which 95% of the people are in units of at least the minimum group size." : ".")
  }
  var levelColumn: String { "Level" }
  var unitsColumn: String { "Units" }
  var modularityColumn: String { "Modularity" }
  var insideColumn: String { "Inside" }
  var eiColumn: String { "E-I" }
  var silosColumn: String { "Silos" }
  var analysedMark: String { "(analysed)" }
}

struct DutchLevelsWording: LevelsWording {
  func topMap(level: String) -> String { "Het bovenste niveau (\(level)) en de samenwerking tussen de eenheden" }
  func drillDown(unit: String, level: String) -> String { "Binnen \(unit): de eenheden per \(level) en de samenwerking ertussen" }
  func groupedAbove(level: String, analysed: String) -> String {
    "Getekend per \(level): per \(analysed) zijn het hier te veel eenheden voor één afbeelding (de scorekaart noemt ze allemaal)."
  }
  var heading: String { "De organisatie per niveau" }
  func intro(level: String, automatic: Bool) -> String {
    "Dezelfde maten op elk niveau van de organisatie. Het rapport analyseert het niveau ‘\(level)’"
      + (automatic ? ": het diepste niveau met hoogstens 500 eenheden waarin 95% van de medewerkers in een eenheid van minstens de minimale groepsgrootte zit." : ".")
  }
  var levelColumn: String { "Niveau" }
  var unitsColumn: String { "Eenheden" }
  var modularityColumn: String { "Modulariteit" }
  var insideColumn: String { "Binnen" }
  var eiColumn: String { "E-I" }
  var silosColumn: String { "Verkokerd" }
  var analysedMark: String { "(geanalyseerd)" }
}
