import Foundation
import SiloGraph
import SiloIngest
import SiloMetrics
import Testing
@testable import SiloReport

/// The HTML writer: escaped by construction, in the report's language, the scorecard's
/// verdicts as the JSON has them, and no column that says nothing.
@Suite("HTML report")
struct HTMLReportTests {
  @Test("interpolated text is escaped; HTML pieces and literals are kept")
  func escaping() {
    let name = "<script>alert('x')</script> & \"Co\""
    let cell: HTML = "<td title=\"\(name)\">\(name)</td>"
    #expect(cell.description == "<td title=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;</td>")
    let row: HTML = "<tr>\(cell)</tr>"
    #expect(row.description.hasPrefix("<tr><td title="))
    let css: HTML = "content: \(css: "a\"b</style>\n")"
    #expect(css.description == "content: \"a\\\"b\\3C /style> \"")
  }

  @Test("a Dutch report: lang nl, Dutch headings, the date, and no English heading")
  func dutch() throws {
    let result = try FindingsTests.analyze(FindingsTests.organization(), language: .nl)
    let html = HTMLReport.html(result, document: ReportDocument(result))
    #expect(html.contains("<html lang=\"nl\">"))
    for heading in ["Belangrijkste bevindingen", "Verkokering per afdeling", "Verbinders en wat van hen afhangt", "Verantwoording", "Begrippen"] {
      #expect(html.contains("<h2>\(heading)</h2>"), "\(heading)")
    }
    let english = ReportLanguage.en.wording
    for heading in [english.keyFindings, english.scorecardHeading, english.brokersHeading, english.methodsHeading, english.glossaryHeading] {
      #expect(!html.contains(heading), "\(heading)")
    }
    #expect(html.contains("Rapport van 5 december 2026"))
    #expect(html.contains("content: \"Pagina \" counter(page) \" van \" counter(pages)"))
  }

  @Test("the scorecard shows each department's verdict as report.json has it, most closed first")
  func scorecardVerdicts() throws {
    let result = try FindingsTests.analyze(FindingsTests.organization())
    let html = HTMLReport.html(result, document: ReportDocument(result))
    let rows = html.matches(of: #/<tr class="v-([a-z]+)"><th scope="row">([^<]+)</th>/#).map { (String($0.1), String($0.2)) }
    #expect(rows.map(\.1) == ["Closed", "Inward", "Mixed", "Open"])
    for (verdict, name) in rows {
      #expect(result.silos.groups.first { $0.name == name }?.verdict?.rawValue == verdict)
    }
  }

  @Test("a hostile department name reaches the page escaped everywhere")
  func hostileName() throws {
    let result = try FindingsTests.analyze(FindingsTests.organization(closedName: "<img src=x onerror=alert(1)>"))
    let html = HTMLReport.html(result, document: ReportDocument(result))
    #expect(!html.contains("<img"))
    #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
  }

  @Test("each dependence column appears only when some bridge person's absence costs that")
  func constantColumnsLeftOut() throws {
    let result = try FindingsTests.analyze(FindingsTests.organization())
    var document = ReportDocument(result)
    for i in document.brokers.brokers.indices {
      document.brokers.brokers[i].pairsLosingAllTies = []
      document.brokers.brokers[i].peopleCutOff = 0
      document.brokers.brokers[i].crossDepartmentReachLost = 0
    }
    let quiet = HTMLReport.html(result, document: document)
    #expect(!quiet.contains("People cut off") && !quiet.contains("Reach lost"))
    #expect(quiet.contains("No single person’s absence would leave two departments without a direct tie"))
    document.brokers.brokers[0].peopleCutOff = 2
    let loud = HTMLReport.html(result, document: document)
    #expect(loud.contains("<th class=\"num\">People cut off</th>"))
    // Only the column that varies: no pairs and no reach lost for anyone.
    #expect(!loud.contains("Department pairs left without a tie") && !loud.contains("Reach lost"))
  }

  @Test("CSV measures keep 4 significant digits, without trailing zeros")
  func significantDigits() {
    #expect(CSVExport.number(0.955026455026455, dialect: .standard) == "0.955")
    #expect(CSVExport.number(1234.567, dialect: .standard) == "1235")
    #expect(CSVExport.number(0.000123456, dialect: .standard) == "0.0001235")
    #expect(CSVExport.number(-0.7391304347826086, dialect: .excelDutch) == "-0,7391")
    #expect(CSVExport.number(99999.5, dialect: .standard) == "100000")
    #expect(CSVExport.weight(1.0 / 3) == "0.3333333333333333")
  }
}
