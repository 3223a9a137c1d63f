import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// `xl/workbook.xml` with its relationships: the sheets in order, and the date system.
struct WorkbookPart {
  struct Sheet { var name: String; var path: String }
  var sheets: [Sheet] = []
  var date1904 = false

  static func read(_ parts: Parts) throws -> WorkbookPart {
    let book = BookDelegate()
    try parts.parse("xl/workbook.xml", with: book)
    let relations = RelationsDelegate()
    try parts.parse("xl/_rels/workbook.xml.rels", with: relations)
    var part = WorkbookPart(date1904: book.date1904)
    for (name, id) in book.sheets {
      guard let target = relations.targets[id] else { continue }
      // Targets are relative to xl/, or absolute from the package root.
      let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
      part.sheets.append(Sheet(name: name, path: path))
    }
    return part
  }

  /// The sheet named `name` (compared as the reader compares names, case kept), or the first.
  func sheet(named name: String?) throws -> Sheet {
    guard let first = sheets.first else { throw WorkbookProblem(reason: "the workbook has no sheets") }
    guard let name else { return first }
    if let sheet = sheets.first(where: { Names.normalized($0.name) == Names.normalized(name) }) { return sheet }
    throw WorkbookProblem(
      reason: "the workbook has no sheet \"\(name)\"; its sheets are " + sheets.map { "\"\($0.name)\"" }.joined(separator: ", "))
  }

  final class BookDelegate: NSObject, XMLParserDelegate {
    var sheets: [(name: String, id: String)] = []
    var date1904 = false
    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
      switch localName(element) {
      case "sheet":
        let id = attributes.first { localName($0.key) == "id" }?.value ?? ""
        sheets.append((attributes["name"] ?? "", id))
      case "workbookPr":
        date1904 = ["1", "true"].contains(attributes["date1904"] ?? "")
      default: break
      }
    }
  }

  final class RelationsDelegate: NSObject, XMLParserDelegate {
    var targets: [String: String] = [:]
    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
      if localName(element) == "Relationship", let id = attributes["Id"], let target = attributes["Target"] { targets[id] = target }
    }
  }
}

/// The element name without its namespace prefix (`x:row` → `row`).
func localName(_ element: String) -> Substring {
  guard let colon = element.lastIndex(of: ":") else { return element[...] }
  return element[element.index(after: colon)...]
}

/// `xl/sharedStrings.xml`: the text of each shared string, rich-text runs joined, phonetic
/// runs (`rPh`) left out.
enum SharedStringsPart {
  static func read(_ parts: Parts) throws -> [String] {
    let delegate = Delegate()
    try parts.parse("xl/sharedStrings.xml", with: delegate)
    return delegate.strings
  }

  final class Delegate: NSObject, XMLParserDelegate {
    var strings: [String] = []
    var current = ""
    var inText = false
    var phonetic = 0
    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
      switch localName(element) {
      case "si": current = ""
      case "t": inText = phonetic == 0
      case "rPh": phonetic += 1
      default: break
      }
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) { if inText { current += string } }
    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
      switch localName(element) {
      case "si": strings.append(current)
      case "t": inText = false
      case "rPh": phonetic -= 1
      default: break
      }
    }
  }
}

/// `xl/styles.xml`: for each cell style, whether its number format shows a date.
enum StylesPart {
  /// Built-in number formats that show dates (ECMA-376 Part 1, §18.8.30).
  static let builtInDates: Set<Int> = [14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]

  static func read(_ parts: Parts) throws -> [Bool] {
    let delegate = Delegate()
    try parts.parse("xl/styles.xml", with: delegate)
    return delegate.styleFormats.map { id in builtInDates.contains(id) || delegate.customFormats[id].map(isDateFormat) == true }
  }

  /// Whether a format code shows a date: it has a day, month or year code (d, m, y) outside
  /// quoted text, brackets (colours, conditions, elapsed time) and escaped characters. "m"
  /// alone could be minutes, but SiloScope's dates need the day: a code with "m" and no "d"
  /// or "y" ("h:mm") is a time.
  static func isDateFormat(_ code: String) -> Bool {
    var inQuotes = false, inBrackets = false, escaped = false
    var letters = Set<Character>()
    for character in code.lowercased() {
      if escaped { escaped = false; continue }
      switch character {
      case "\\": escaped = true
      case "\"": inQuotes.toggle()
      case "[" where !inQuotes: inBrackets = true
      case "]" where !inQuotes: inBrackets = false
      default: if !inQuotes && !inBrackets { letters.insert(character) }
      }
    }
    return letters.contains("d") || letters.contains("y")
  }

  final class Delegate: NSObject, XMLParserDelegate {
    var customFormats: [Int: String] = [:]
    var styleFormats: [Int] = []
    var inCellStyles = false
    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
      switch localName(element) {
      case "numFmt":
        if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] { customFormats[id] = code }
      case "cellXfs": inCellStyles = true
      case "xf" where inCellStyles: styleFormats.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
      default: break
      }
    }
    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
      if localName(element) == "cellXfs" { inCellStyles = false }
    }
  }
}
