import SiloIngest
/// Plain-text tables for the terminal: columns padded to their widest cell, numbers right
/// aligned. Widths count characters, so names with diacritics line up.
public struct PlainTable: Sendable {
  public var header: [String]
  public var rows: [[String]] = []
  /// Which columns are right aligned (numbers).
  public var rightAligned: Set<Int> = []

  public init(header: [String], rightAligned: Set<Int> = []) {
    self.header = header
    self.rightAligned = rightAligned
  }

  public mutating func append(_ row: [String]) { rows.append(row) }

  public func rendered() -> String {
    let all = [header] + rows
    let widths = header.indices.map { c in all.map { $0.indices.contains(c) ? $0[c].count : 0 }.max() ?? 0 }
    func line(_ cells: [String]) -> String {
      cells.enumerated().map { c, cell in
        let pad = String(repeating: " ", count: widths[c] - cell.count)
        return rightAligned.contains(c) ? pad + cell : cell + pad
      }.joined(separator: "  ").trimmingTrailingSpaces()
    }
    var out = line(header) + "\n"
    out += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
    for row in rows { out += line(row) + "\n" }
    return out
  }
}

extension String {
  func trimmingTrailingSpaces() -> String {
    var copy = self
    while copy.last == " " { copy.removeLast() }
    return copy
  }
}

/// How numbers are shown to people: thousands grouped, a fixed number of decimals, "—" for
/// undefined values.
public enum NumberText {
  public static func integer(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var out = ""
    for (i, c) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(c)
    }
    return value < 0 ? "-" + out : out
  }

  public static func decimal(_ value: Double?, places: Int = 3) -> String {
    guard let value, value.isFinite else { return "—" }
    var scale = 1.0
    for _ in 0 ..< places { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    var text = String(rounded)
    if text.contains("e") { return text }
    if !text.contains(".") { text += "." }
    let decimals = text.split(separator: ".", omittingEmptySubsequences: false)[1].count
    if decimals < places { text += String(repeating: "0", count: places - decimals) }
    if places == 0 { text.removeLast() }
    return text
  }
}

extension NetworkSummary {
  /// Input formats as people know them.
  static let formatNames = ["jsonl": "JSON Lines", "graphml": "GraphML", "csv": "CSV", "tsv": "tab-separated", "ssv": "semicolon-separated", "xlsx": "Excel workbook"]

  /// The summary as text for the terminal, with the readers' messages (why rows were skipped,
  /// warnings) in `wording`, or in the library's English when `nil`; a
  /// ``SummaryMessageWording`` words the summary's own warnings too.
  public func text(wording: (any InputMessageWording)? = nil) -> String {
    var out = ""
    var overview = PlainTable(header: ["", ""], rightAligned: [1])
    overview.append(["people", NumberText.integer(people)])
    if let departments { overview.append(["departments", NumberText.integer(departments)]) }
    if let projects { overview.append(["projects", NumberText.integer(projects)]) }
    overview.append(["ties" + (directed ? " (directed)" : ""), NumberText.integer(ties)])
    overview.append(["density", NumberText.decimal(density, places: 4)])
    overview.append(["components", NumberText.integer(components)])
    overview.append(["largest component", NumberText.integer(largestComponent)])
    overview.append(["people without ties", NumberText.integer(isolates)])
    if selfLoops > 0 { overview.append(["self-loops set aside", NumberText.integer(selfLoops)]) }
    if let firstDate, let lastDate { overview.append(["dates", "\(firstDate) – \(lastDate)"]) }
    out += overview.rendered().split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2).joined(separator: "\n")
    if let projection {
      out += "\nties weighted by \(projection.weighting.explanation)"
      if let minimum = projection.minimumWeight { out += "; ties lighter than \(minimum) left out" }
      if projection.from != nil || projection.to != nil {
        out += "; dates \(projection.from?.description ?? "…") to \(projection.to?.description ?? "…")"
      }
      out += "\n"
    }
    if let grouping { out += "\n" + grouping.text + "\n" }
    out += "\nInput\n"
    for input in inputs {
      // "semicolon-separated" says what "ssv" would not; other formats by their usual names.
      let kind = input.delimiter.map { "\($0)-separated" } ?? Self.formatNames[input.format] ?? input.format
      out += "  \(input.file) (\(kind)\(input.decimalComma ? ", decimal comma" : ""), \(input.encoding)): "
      out += "\(NumberText.integer(input.rowsRead)) rows read, \(NumberText.integer(input.rowsUsed)) used, "
      out += "\(NumberText.integer(input.rowsSkipped)) skipped\n"
      for line in input.skippedSummary(wording: wording) { out += "    skipped \(line)\n" }
    }
    if !departmentTable.isEmpty {
      out += "\nDepartments\n"
      var table = PlainTable(header: ["department", "people", "ties inside", "ties across"], rightAligned: [1, 2, 3])
      for line in departmentTable {
        table.append([line.name, NumberText.integer(line.people), NumberText.integer(line.internalTies), NumberText.integer(line.externalTies)])
      }
      out += table.rendered()
    }
    if !warnings.isEmpty {
      out += "\nWarnings\n"
      for warning in warnings { out += "  ! \(message(warning, wording))\n" }
    }
    return out
  }
}

extension NetworkSummary {
  /// A warning in `wording`: a summary's own words when it has them.
  func message(_ warning: SummaryWarning, _ wording: (any InputMessageWording)?) -> String {
    (wording as? any SummaryMessageWording)?.message(warning) ?? warning.message(in: wording)
  }
}

extension GroupingSummary {
  /// One line: what the departments of every measure are.
  public var text: String {
    if let groupBy { return "grouped by the column \"\(groupBy)\" instead of the department" }
    let list = levels.enumerated().map { "\($0 + 1) \"\($1.name)\" (\(NumberText.integer($1.units)) units)" }.joined(separator: ", ")
    return "levels \(list); analysed: \"\(level ?? "")\"\(automatic ? " (chosen: the deepest level of at most 500 units with 95% of the people in units of the minimum group size)" : "")"
  }
}
