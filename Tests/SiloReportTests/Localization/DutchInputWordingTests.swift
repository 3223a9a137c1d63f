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
}
