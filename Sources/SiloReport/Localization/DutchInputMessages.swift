import Foundation

/// The readers' warnings about the input in Dutch, for the methods section of a Dutch report
/// (why rows were skipped is worded from `SkipReason` in `DutchInputWording.swift`).
///
/// The readers (SiloIngest) word their messages in English for the command line; this table
/// matches each known message by its pattern and rewrites it. Numbers keep their value and
/// take Dutch thousands separators; names, file names and option flags stay as they are. A
/// message no pattern knows is shown as the reader wrote it.
enum DutchInputMessages {
  /// (pattern, Dutch template with `$1`, `$2`, … for the captured parts).
  static let table: [(String, String)] = [
    // Warnings.
    (#"^(.*): no weight (column|field): every row weighs 1$"#, "$1: geen kolom met gewichten: elke regel weegt 1"),
    (#"^no weight (column|field): every row weighs 1$"#, "geen kolom met gewichten: elke regel weegt 1"),
    (#"^(.*): ([0-9,]+) rows? (repeats|repeat) an earlier row exactly and (was|were) kept \(weights add up\); use --duplicates drop to skip them$"#,
     "$1: $2 regel(s) herhalen een eerdere regel precies en zijn behouden (de gewichten tellen op); --duplicates drop slaat ze over"),
    (#"^(.*): ([0-9,]+) ties repeat a pair given earlier \(in either direction\): their weights are summed$"#,
     "$1: $2 relaties herhalen een eerder gegeven paar (in een van beide richtingen): hun gewichten worden opgeteld"),
    (#"^(.*): ([0-9,]+) ties repeat a pair given earlier: their weights are summed$"#,
     "$1: $2 relaties herhalen een eerder gegeven paar: hun gewichten worden opgeteld"),
    (#"^(.*): ([0-9,]+) ids in the edge list are not in the node list: they are kept without a department$"#,
     "$1: $2 id’s in de lijst met relaties staan niet in de lijst met personen: zij blijven staan zonder afdeling"),
    (#"^(.*): ([0-9,]+) edge endpoints are not declared as nodes: they are added$"#, "$1: $2 eindpunten van relaties zijn niet als knoop opgegeven: zij zijn toegevoegd"),
    (#"^(.*): ([0-9,]+) parallel ties merged \(weights summed\)$"#, "$1: $2 dubbele relaties samengevoegd (gewichten opgeteld)"),
    (#"^(.*): ([0-9,]+) ties from a person to themselves are set aside \(no measure uses them\)$"#,
     "$1: $2 relaties van een persoon met zichzelf zijn terzijde gelegd (geen maat gebruikt ze)"),
    (#"^(.*): ([0-9,]+) names? (is|are) written in more than one way(.*)$"#, "$1: $2 namen zijn op meer dan één manier geschreven$4"),
    (#"^([0-9,]+) people have no department and are placed in the group "(.*)"$"#, "$1 medewerkers hebben geen afdeling en staan in de groep “$2”"),
    (#"^1 person has no department and is placed in the group "(.*)"$"#, "1 medewerker heeft geen afdeling en staat in de groep “$1”"),
    (#"^([0-9,]+) entries without a date are left out because a date window is set$"#, "$1 regels zonder datum zijn weggelaten omdat een periode is ingesteld"),
    (#"^([0-9,]+) projects? with more than ([0-9,]+) people left out: (.*)$"#, "$1 project(en) met meer dan $2 mensen weggelaten: $3"),
  ]

  static let compiled: [(NSRegularExpression, String)] = table.map { (try! NSRegularExpression(pattern: $0.0), $0.1) }

  /// The message in Dutch, or as it is when no pattern knows it.
  static func translated(_ message: String) -> String {
    let range = NSRange(message.startIndex..., in: message)
    for (pattern, template) in compiled {
      guard let match = pattern.firstMatch(in: message, range: range) else { continue }
      var out = template
      for group in stride(from: match.numberOfRanges - 1, through: 1, by: -1) {
        let captured = Range(match.range(at: group), in: message).map { String(message[$0]) } ?? ""
        out = out.replacingOccurrences(of: "$\(group)", with: dutchNumber(captured))
      }
      return out
    }
    return message
  }

  /// "1,234" → "1.234"; anything that is not a grouped number stays.
  static func dutchNumber(_ text: String) -> String {
    guard !text.isEmpty, text.allSatisfy({ $0.isNumber || $0 == "," }), text.first!.isNumber else { return text }
    return text.replacingOccurrences(of: ",", with: ".")
  }
}
