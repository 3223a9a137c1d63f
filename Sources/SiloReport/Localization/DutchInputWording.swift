import SiloIngest

/// The readers' messages in Dutch, for the methods section of a Dutch report: worded from
/// the structured values (`SkipReason`, …), so a message the readers add is a case the
/// compiler asks to word here. Names stay as they are, between Dutch quotes.
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
