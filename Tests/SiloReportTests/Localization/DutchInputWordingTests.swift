import SiloIngest
import Testing
@testable import SiloReport

/// The readers' messages in a Dutch report: worded from the structured values, in Dutch
/// throughout, naming no command-line option.
@Suite("Dutch input wording")
struct DutchInputWordingTests {
  let nl = ReportLanguage.nl.wording
  let en = ReportLanguage.en.wording

  @Test(
    "every skip reason in Dutch",
    arguments: [
      (SkipReason.emptyRow, "lege regel"),
      (.fieldCountMismatch(headerFields: 3), "de regel heeft een ander aantal velden dan de kopregel (3)"),
      (.missing(.person), "geen persoon"),
      (.missing(.sourceOrTarget), "geen bron of doel"),
      (.missing(.id), "geen id"),
      (.onlyInvisible(.person), "geen persoon (alleen onzichtbare tekens)"),
      (.onlyInvisible(.target), "geen doel (alleen onzichtbare tekens)"),
      (.nameTooLong(.person, limit: 1024), "de naam van de persoon is langer dan 1024 bytes"),
      (.nameTooLong(.project, limit: 1024), "de naam van het project is langer dan 1024 bytes"),
      (.nameTooLong(.sourceOrTarget, limit: 1024), "de id van de bron of het doel is langer dan 1024 bytes"),
      (.nameTooLong(.id, limit: 1024), "de id is langer dan 1024 bytes"),
      (.repeated(.node, firstLine: nil), "de id staat al eerder in het bestand"),
      (.repeated(.person, firstLine: 2), "de persoon staat al eerder in het bestand (eerst op regel 2)"),
      (.duplicateRow, "de regel herhaalt een eerdere regel precies"),
      (.otherRelation(wanted: "cowork"), "een andere relatie dan “cowork”"),
      (.invalidDate, "de datum is geen datum (verwacht jjjj-mm-dd of dd-mm-jjjj)"),
      (.notJSONObject, "de regel is geen JSON-object"),
      (.unusableWeight(.missing, hours: true), "geen gewicht (uren)"),
      (.unusableWeight(.notANumber, hours: false), "het gewicht is geen getal"),
      (.unusableWeight(.negative, hours: true), "het gewicht (uren) is negatief"),
      (.unusableWeight(.zero, hours: false), "het gewicht is nul (geen relatie)"),
      (.unusableWeight(.outOfRange, hours: true), "het gewicht (uren) valt buiten het bereik waarmee SiloScope rekent (1e-100 tot 1e100)"),
    ])
  func skipReason(reason: SkipReason, dutch: String) {
    #expect(nl.message(reason) == dutch)
    #expect(en.message(reason) == reason.description)
  }

  @Test("every field has a Dutch noun, and no reason names an option")
  func everyField() {
    for field in SkipReason.Field.allCases {
      for reason in [SkipReason.missing(field), .onlyInvisible(field), .nameTooLong(field, limit: 9), .repeated(field, firstLine: 1)] {
        #expect(!nl.message(reason).contains("--"))
        #expect(!nl.message(reason).isEmpty)
      }
    }
  }

  @Test(
    "every reader's warning in Dutch",
    arguments: [
      (IngestWarning.noWeightColumn, "geen kolom met gewichten: elke regel weegt 1"),
      (.noWeightField, "geen veld met gewichten: elke regel weegt 1"),
      (.noTieWeightColumn, "geen kolom met gewichten: elke relatie weegt 1"),
      (.duplicateRowsKept(1), "1 regel herhaalt een eerdere regel precies en is behouden (de gewichten tellen op)"),
      (.duplicateRowsKept(2), "2 regels herhalen een eerdere regel precies en zijn behouden (de gewichten tellen op)"),
      (.namesSpelledSeveralWays(2),
       "2 namen zijn op meer dan één manier geschreven (Unicode-vorm, onzichtbare tekens of spaties): elke schrijfwijze wordt als dezelfde naam gelezen"),
      (.namesCleaned(1), "1 naam bevat stuurtekens, onzichtbare tekens of ongebruikelijke spaties: die zijn verwijderd, spaties gelezen als één spatie"),
      (.departmentConflicts(people: 2),
       "2 medewerkers staan in meer dan één afdeling; ieder is ingedeeld bij de afdeling van de meeste van zijn of haar regels"),
      (.selfLoopsSetAside(3), "3 relaties van een persoon met zichzelf zijn terzijde gelegd (geen maat gebruikt ze)"),
      (.repeatedPairsSummed(1378, eitherDirection: true),
       "1.378 relaties herhalen een eerder gegeven paar (in een van beide richtingen): hun gewichten worden opgeteld"),
      (.parallelTiesMerged(2), "2 dubbele relaties samengevoegd (gewichten opgeteld)"),
      (.idsNotInNodeList(2), "2 id’s in de lijst met relaties staan niet in de lijst met personen: zij blijven staan zonder afdeling"),
      (.endpointsNotDeclared(1), "1 eindpunt van een relatie is niet als knoop opgegeven: het is toegevoegd"),
      (.noGroupColumn, "geen kolom met groepen (afdeling, groep, team, …): de maten voor verkokering hebben er een nodig"),
      (.departmentColumnRenamed(column: "department", keptAs: "department (column 3)", groupColumn: "office"),
       "de kolom “department” is bewaard als “department (column 3)”: de groep komt uit “office”"),
      (.columnsIgnored(["note", "since"]), "kolommen genegeerd: note, since"),
      (.severalRelations(column: "relation", count: 2, shown: ["advice", "cowork"]),
       "de kolom “relation” bevat 2 relaties (“advice”, “cowork”): ze zijn samengevoegd tot één netwerk"),
      (.peopleWithoutRows(1), "1 medewerker uit het personenbestand heeft geen regels in het logboek: opgenomen als medewerker zonder relaties"),
      (.departmentsOverridden(2), "2 medewerkers hebben in het personenbestand een andere afdeling dan in het logboek: het personenbestand gaat voor"),
      (.peopleNotInPeopleFile(2, logHasDepartments: true),
       "2 medewerkers uit het logboek staan niet in het personenbestand: de afdeling komt uit het logboek waar dat er een noemt"),
      (.peopleNotInPeopleFile(1, logHasDepartments: false), "1 medewerker uit het logboek staat niet in het personenbestand: er is geen afdeling van bekend"),
    ])
  func ingestWarning(warning: IngestWarning, dutch: String) {
    #expect(nl.message(warning) == dutch)
    #expect(en.message(warning) == warning.description)
  }

  @Test(
    "every projection warning in Dutch, the setting in words",
    arguments: [
      (ProjectionWarning.oneProjectTiesEveryone(project: "Iedereen", members: 40, people: 41, suggestedMaximumProjectSize: 39),
       "één project, “Iedereen”, heeft 40 van de 41 medewerkers: het verbindt hen allemaal met elkaar en verbergt de structuur; "
        + "is het een bijeenkomst voor iedereen of gedeelde infrastructuur, laat het dan weg met een maximale projectgrootte van 39"),
      (.organizationWideProjects([ProjectShare(project: "Programma", members: 30, pairs: 435, share: 0.95)], percent: 95, suggestedMaximumProjectSize: 29),
       "één project zorgt voor 95% van alle paren medewerkers die een project delen: “Programma” (30 medewerkers); "
        + "zulke organisatiebrede projecten verbinden iedereen met iedereen; overweeg een maximale projectgrootte van 29"),
      (.largeProjectsLeftOut(count: 6, maximumProjectSize: 39, shown: [ProjectShare(project: "Iedereen", members: 40, pairs: 780, share: 1)]),
       "6 projecten met meer dan 39 mensen weggelaten: “Iedereen” (40), …"),
      (.undatedEntriesLeftOut(3), "3 regels zonder datum zijn weggelaten omdat een periode is ingesteld"),
    ])
  func projectionWarning(warning: ProjectionWarning, dutch: String) {
    #expect(nl.message(warning) == dutch)
    #expect(en.message(warning) == warning.description)
  }

  @Test(
    "a summary's own warnings in Dutch, a reader's with its file",
    arguments: [
      (SummaryWarning.input(file: "edges.csv", .repeatedPairsSummed(378, eitherDirection: true)),
       "edges.csv: 378 relaties herhalen een eerder gegeven paar (in een van beide richtingen): hun gewichten worden opgeteld"),
      (.projection(.undatedEntriesLeftOut(1)), "1 regel zonder datum is weggelaten omdat een periode is ingesteld"),
      (.noDepartments(.log), "geen afdelingen: het logboek heeft geen kolom met afdelingen en er is geen personenbestand gegeven"),
      (.noDepartments(.network), "geen afdelingen: er is geen lijst met personen met een kolom met afdelingen of groepen gegeven"),
      (.peopleWithoutDepartment(1, group: "(onbekend)"), "1 medewerker heeft geen afdeling en staat in de groep “(onbekend)”"),
      (.peopleWithoutDepartment(1200, group: "(onbekend)"), "1.200 medewerkers hebben geen afdeling en staan in de groep “(onbekend)”"),
    ])
  func summaryWarning(warning: SummaryWarning, dutch: String) {
    #expect(nl.message(warning) == dutch)
    #expect(!dutch.contains("--"))
  }
}
