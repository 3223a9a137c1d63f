import SiloIngest

/// The readers' messages in Dutch, for the methods section of a Dutch report: worded from
/// the structured values (`SkipReason`, `IngestWarning`, `ProjectionWarning`,
/// ``SummaryWarning``), so a message the readers add is a case the compiler asks to word
/// here. Names stay as they are, between Dutch quotes; counts take Dutch thousands separators
/// where the English groups them.
extension DutchWording {
  func message(_ reason: SkipReason) -> String {
    switch reason {
    case .emptyRow: return "lege regel"
    case .fieldCountMismatch(let headerFields): return "de regel heeft een ander aantal velden dan de kopregel (\(headerFields))"
    case .missing(let field): return "geen \(Self.noun(field))"
    case .onlyInvisible(let field): return "geen \(Self.noun(field)) (alleen onzichtbare tekens)"
    case .nameTooLong(let field, let limit): return "\(Self.tooLongNoun(field)) is langer dan \(limit) bytes"
    case .repeated(.person, let firstLine):
      return "de persoon staat al eerder in het bestand" + (firstLine.map { " (eerst op regel \($0))" } ?? "")
    case .repeated(_, let firstLine):
      return "de id staat al eerder in het bestand" + (firstLine.map { " (eerst op regel \($0))" } ?? "")
    case .duplicateRow: return "de regel herhaalt een eerdere regel precies"
    case .otherRelation(let wanted): return "een andere relatie dan “\(wanted)”"
    case .invalidDate: return "de datum is geen datum (verwacht jjjj-mm-dd of dd-mm-jjjj)"
    case .notJSONObject: return "de regel is geen JSON-object"
    case .unusableWeight(let problem, let hours): return Self.weightReason(problem, hours: hours)
    }
  }

  /// Het veld in woorden: "persoon", "bron of doel".
  static func noun(_ field: SkipReason.Field) -> String {
    switch field {
    case .person: return "persoon"
    case .project: return "project"
    case .department: return "afdeling"
    case .source: return "bron"
    case .target: return "doel"
    case .sourceOrTarget: return "bron of doel"
    case .id, .node: return "id"
    }
  }

  /// Wat te lang is: "de naam van de persoon", "de id van de bron".
  static func tooLongNoun(_ field: SkipReason.Field) -> String {
    switch field {
    case .person: return "de naam van de persoon"
    case .project: return "de naam van het project"
    case .department: return "de naam van de afdeling"
    case .source: return "de id van de bron"
    case .target: return "de id van het doel"
    case .sourceOrTarget: return "de id van de bron of het doel"
    case .id, .node: return "de id"
    }
  }

  /// Waarom een gewicht onbruikbaar is: in een logboek zijn het uren, in een netwerk de
  /// sterkte van een relatie.
  static func weightReason(_ problem: WeightProblem, hours: Bool) -> String {
    let noun = hours ? "het gewicht (uren)" : "het gewicht"
    switch problem {
    case .missing: return hours ? "geen gewicht (uren)" : "geen gewicht"
    case .notANumber: return "\(noun) is geen getal"
    case .negative: return "\(noun) is negatief"
    case .zero: return hours ? "\(noun) is nul" : "\(noun) is nul (geen relatie)"
    case .outOfRange: return "\(noun) valt buiten het bereik waarmee SiloScope rekent (1e-100 tot 1e100)"
    }
  }
}

extension DutchWording {
  func message(_ warning: SummaryWarning) -> String {
    switch warning {
    case .input(let file, let warning): return "\(file): \(message(warning))"
    case .projection(let warning): return message(warning)
    case .noDepartments(.log): return "geen afdelingen: het logboek heeft geen kolom met afdelingen en er is geen personenbestand gegeven"
    case .noDepartments(.network): return "geen afdelingen: er is geen lijst met personen met een kolom met afdelingen of groepen gegeven"
    case .peopleWithoutDepartment(let count, let group):
      return count == 1
        ? "1 medewerker heeft geen afdeling en staat in de groep “\(group)”"
        : "\(numbers.integer(count)) medewerkers hebben geen afdeling en staan in de groep “\(group)”"
    }
  }

  func message(_ warning: IngestWarning) -> String {
    func plural(_ n: Int, _ one: String, _ many: String) -> String { n == 1 ? "1 \(one)" : "\(n) \(many)" }
    switch warning {
    case .noWeightColumn: return "geen kolom met gewichten: elke regel weegt 1"
    case .noWeightField: return "geen veld met gewichten: elke regel weegt 1"
    case .noTieWeightColumn: return "geen kolom met gewichten: elke relatie weegt 1"
    case .duplicateRowsKept(let n):
      return plural(n, "regel herhaalt", "regels herhalen") + " een eerdere regel precies en \(n == 1 ? "is" : "zijn") behouden (de gewichten tellen op)"
    case .namesSpelledSeveralWays(let n):
      return plural(n, "naam is", "namen zijn") + " op meer dan één manier geschreven (Unicode-vorm, onzichtbare tekens of spaties): "
        + "elke schrijfwijze wordt als dezelfde naam gelezen"
    case .namesCleaned(let n):
      return plural(n, "naam bevat", "namen bevatten") + " stuurtekens, onzichtbare tekens of ongebruikelijke spaties: "
        + "die zijn verwijderd, spaties gelezen als één spatie"
    case .departmentConflicts(let n):
      return plural(n, "medewerker staat", "medewerkers staan") + " in meer dan één afdeling; "
        + "ieder is ingedeeld bij de afdeling van de meeste van zijn of haar regels"
    case .selfLoopsSetAside(let n):
      return plural(n, "relatie van een persoon met zichzelf is", "relaties van een persoon met zichzelf zijn")
        + " terzijde gelegd (geen maat gebruikt ze)"
    case .repeatedPairsSummed(let n, let either):
      return "\(numbers.integer(n)) relaties herhalen een eerder gegeven paar\(either ? " (in een van beide richtingen)" : ""): "
        + "hun gewichten worden opgeteld"
    case .parallelTiesMerged(let n): return plural(n, "dubbele relatie", "dubbele relaties") + " samengevoegd (gewichten opgeteld)"
    case .idsNotInNodeList(let n):
      return "\(numbers.integer(n)) id’s in de lijst met relaties staan niet in de lijst met personen: zij blijven staan zonder afdeling"
    case .endpointsNotDeclared(let n):
      return plural(n, "eindpunt van een relatie is", "eindpunten van relaties zijn") + " niet als knoop opgegeven: \(n == 1 ? "het is" : "zij zijn") toegevoegd"
    case .noGroupColumn, .departmentColumnRenamed, .columnsIgnored, .severalRelations, .peopleWithoutRows, .departmentsOverridden,
      .peopleNotInPeopleFile:
      return peopleAndColumnsMessage(warning)
    }
  }

  /// De waarschuwingen over het personenbestand en over kolommen.
  private func peopleAndColumnsMessage(_ warning: IngestWarning) -> String {
    func people(_ n: Int, _ one: String, _ many: String) -> String { n == 1 ? "1 medewerker \(one)" : "\(n) medewerkers \(many)" }
    switch warning {
    case .noGroupColumn: return "geen kolom met groepen (afdeling, groep, team, …): de maten voor verkokering hebben er een nodig"
    case .departmentColumnRenamed(let column, let keptAs, let groupColumn):
      return "de kolom “\(column)” is bewaard als “\(keptAs)”: de groep komt uit “\(groupColumn)”"
    case .columnsIgnored(let columns): return "kolommen genegeerd: \(columns.joined(separator: ", "))"
    case .severalRelations(let column, let count, let shown):
      return "de kolom “\(column)” bevat \(count) relaties (\(shown.map { "“\($0)”" }.joined(separator: ", "))): "
        + "ze zijn samengevoegd tot één netwerk"
    case .peopleWithoutRows(let n):
      return people(n, "uit het personenbestand heeft", "uit het personenbestand hebben")
        + " geen regels in het logboek: opgenomen als medewerker zonder relaties"
    case .departmentsOverridden(let n):
      return people(n, "heeft", "hebben") + " in het personenbestand een andere afdeling dan in het logboek: het personenbestand gaat voor"
    case .peopleNotInPeopleFile(let n, let logHasDepartments):
      let fallback = logHasDepartments ? "de afdeling komt uit het logboek waar dat er een noemt" : "er is geen afdeling van bekend"
      return people(n, "uit het logboek staat", "uit het logboek staan") + " niet in het personenbestand: \(fallback)"
    default: return warning.description
    }
  }

  func message(_ warning: ProjectionWarning) -> String {
    switch warning {
    case .oneProjectTiesEveryone(let project, let members, let people, let suggested):
      return "één project, “\(project)”, heeft \(members) van de \(people) medewerkers: het verbindt hen allemaal met elkaar "
        + "en verbergt de structuur; is het een bijeenkomst voor iedereen of gedeelde infrastructuur, "
        + "laat het dan weg met een maximale projectgrootte van \(suggested)"
    case .organizationWideProjects(let projects, let percent, let suggested):
      let names = projects.map { "“\($0.project)” (\($0.members) medewerkers)" }.joined(separator: ", ")
      return "\(projects.count == 1 ? "één project zorgt" : "\(projects.count) projecten zorgen") voor \(percent)% van alle paren "
        + "medewerkers die een project delen: \(names); zulke organisatiebrede projecten verbinden iedereen met iedereen; "
        + "overweeg een maximale projectgrootte van \(suggested)"
    case .largeProjectsLeftOut(let count, let maximum, let shown):
      return "\(count) \(count == 1 ? "project" : "projecten") met meer dan \(maximum) mensen weggelaten: "
        + shown.map { "“\($0.project)” (\($0.members))" }.joined(separator: ", ") + (count > shown.count ? ", …" : "")
    case .undatedEntriesLeftOut(let n):
      return (n == 1 ? "1 regel zonder datum is" : "\(n) regels zonder datum zijn") + " weggelaten omdat een periode is ingesteld"
    }
  }
}
