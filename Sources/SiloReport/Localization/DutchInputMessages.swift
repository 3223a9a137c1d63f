import Foundation

/// The readers' messages (why rows were skipped, warnings about the input) in Dutch, for the
/// methods section of a Dutch report.
///
/// The readers (SiloIngest) word their messages in English for the command line; this table
/// matches each known message by its pattern and rewrites it. Numbers keep their value and
/// take Dutch thousands separators; names, file names and option flags stay as they are. A
/// message no pattern knows is shown as the reader wrote it.
enum DutchInputMessages {
  /// (pattern, Dutch template with `$1`, `$2`, … for the captured parts).
  static let table: [(String, String)] = [
    // Rows skipped.
    (#"^empty row$"#, "lege regel"),
    (#"^no person \(only invisible characters\)$"#, "geen persoon (alleen onzichtbare tekens)"),
    (#"^no project \(only invisible characters\)$"#, "geen project (alleen onzichtbare tekens)"),
    (#"^no source \(only invisible characters\)$"#, "geen bron (alleen onzichtbare tekens)"),
    (#"^no target \(only invisible characters\)$"#, "geen doel (alleen onzichtbare tekens)"),
    (#"^no person$"#, "geen persoon"),
    (#"^no project$"#, "geen project"),
    (#"^no source or target$"#, "geen bron of doel"),
    (#"^no source$"#, "geen bron"),
    (#"^no target$"#, "geen doel"),
    (#"^no id$"#, "geen id"),
    (#"^another relation than "(.*)" \(--relation\)$"#, "een andere relatie dan “$1” (--relation)"),
    (#"^the date is not a date \(expected yyyy-mm-dd or dd-mm-yyyy\)$"#, "de datum is geen datum (verwacht jjjj-mm-dd of dd-mm-jjjj)"),
    (#"^the (person's|project's|department's) name is longer than ([0-9,]+) bytes$"#, "de naam is langer dan $2 bytes"),
    (#"^the (source's|target's|source's or target's )?id is longer than ([0-9,]+) bytes$"#, "de id is langer dan $2 bytes"),
    (#"^the (node )?id appears earlier in the file$"#, "de id staat al eerder in het bestand"),
    (#"^the person appears earlier in the file \(first on line ([0-9,]+)\)$"#, "de persoon staat al eerder in het bestand (eerst op regel $1)"),
    (#"^the line is not a JSON object$"#, "de regel is geen JSON-object"),
    (#"^the row has a different number of fields than the header \(([0-9,]+)\)$"#, "de regel heeft een ander aantal velden dan de kopregel ($1)"),
    (#"^the row repeats an earlier row exactly \(--duplicates drop\)$"#, "de regel herhaalt een eerdere regel precies (--duplicates drop)"),
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
