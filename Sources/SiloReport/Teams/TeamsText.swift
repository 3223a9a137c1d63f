import SiloDesign

/// Team errors in words (the library's, without the command line's option names) and their
/// sysexits codes.
public enum TeamsText {
  /// The error in English.
  public static func describe(_ error: TeamError) -> String {
    switch error {
    case .invalidRequest(let field, let value, let allowed):
      return "\(field.words) must be between \(allowed.lowerBound) and \(allowed.upperBound), not \(value)"
    case .poolTooSmall(let pool, let size):
      return "a team needs \(size) people but only \(pool) can be in one (people with at least one tie, not excluded)"
    case .noTeamMeetsConstraints(let found):
      return found == 0
        ? "no team meets the constraints (people per department, departments per team, how far apart members may be, departments to open)"
        : "only \(found) \(found == 1 ? "team meets" : "teams meet") the constraints without sharing people; ask for fewer teams or relax the constraints"
    case .unknownPerson(let name): return "\(name) is not in the log (or the people file)"
    case .personTwice(let name): return "\(name) is named twice (a person can be in one team only)"
    case .teamTooSmall(let index): return "team \(index) has fewer than two people: a project of one person makes no tie"
    case .personHidden(let name):
      return "\(name) is in a group too small to show (merged departments below the minimum group size), so cannot be shown in a team"
    case .unknownDepartment(let name): return "there is no department \(name)"
    case .needsLogWithDepartments:
      return "teams are added to a project log with departments: an edge list has no projects to add them to"
    }
  }

  /// The error in Dutch, for the report.
  public static func describeDutch(_ error: TeamError) -> String {
    switch error {
    case .invalidRequest(let field, let value, let allowed):
      return "\(field.dutchWords) moet tussen \(allowed.lowerBound) en \(allowed.upperBound) liggen, niet \(value)"
    case .poolTooSmall(let pool, let size):
      return "een team heeft \(size) medewerkers nodig, maar er kunnen er maar \(pool) in een team (met minstens één samenwerking, niet uitgesloten)"
    case .noTeamMeetsConstraints(let found):
      return found == 0
        ? "geen team voldoet aan de voorwaarden (medewerkers per afdeling, afdelingen per team, afstand tussen teamleden)"
        : "maar \(found) \(found == 1 ? "team voldoet" : "teams voldoen") aan de voorwaarden zonder dat iemand in twee teams zit"
    case .unknownPerson(let name): return "\(name) staat niet in het logboek"
    case .personTwice(let name): return "\(name) is twee keer genoemd (iemand kan maar in één team zitten)"
    case .teamTooSmall(let index): return "team \(index) heeft minder dan twee medewerkers"
    case .personHidden(let name): return "\(name) hoort bij een groep die te klein is om te tonen"
    case .unknownDepartment(let name): return "er is geen afdeling \(name)"
    case .needsLogWithDepartments: return "teams worden aan een logboek met afdelingen toegevoegd; een lijst van relaties heeft geen projecten"
    }
  }

}

extension TeamError.Field {
  var words: String {
    switch self {
    case .teams: return "the number of teams"
    case .size: return "the team size"
    case .maximumPerDepartment: return "the people per department"
    case .minimumDepartments: return "the departments per team"
    case .reach: return "the reach"
    }
  }

  var dutchWords: String {
    switch self {
    case .teams: return "het aantal teams"
    case .size: return "de teamgrootte"
    case .maximumPerDepartment: return "het aantal medewerkers per afdeling"
    case .minimumDepartments: return "het aantal afdelingen per team"
    case .reach: return "het bereik"
    }
  }
}
