import Testing
@testable import SiloReport

/// CSV cells that a spreadsheet would run as formulas are defused (OWASP "CSV injection":
/// a leading =, +, -, @ gets a single quote); ordinary text is quoted only when needed.
@Suite("CSV export")
struct CSVExportTests {
  @Test("formula-like names are defused", arguments: ["=HYPERLINK(\"x\")", "+31 6 1234", "-2+3", "@SUM(A1)"])
  func formula(_ name: String) {
    let cell = CSVExport.text(name)
    #expect(cell.hasPrefix("\"'") || cell.hasPrefix("'"), "\(cell)")
  }

  @Test("plain names pass unchanged; commas and quotes are quoted")
  func plain() {
    #expect(CSVExport.text("Ruud Ünal") == "Ruud Ünal")
    #expect(CSVExport.text("Jansen, P.") == "\"Jansen, P.\"")
    #expect(CSVExport.text("José \"Pepe\"") == "\"José \"\"Pepe\"\"\"")
  }
}
