import Testing
@testable import SiloReport

/// The report's sentences about its settings say them in words, not as command-line options:
/// the report is made by the library, whoever runs it.
@Suite("Settings wording")
struct SettingsWordingTests {
  static func privacy(rolesKept: Bool) -> ReportDocument.Privacy {
    ReportDocument.Privacy(
      pseudonymized: true, minimumGroupSize: 5, mergedDepartments: [], mergedDepartmentCount: 0, rolesKept: rolesKept,
      mergedInto: nil, suppressed: false)
  }

  @Test("without a bootstrap, and with roles kept, in English and Dutch")
  func settings() {
    let en = ReportLanguage.en.wording, nl = ReportLanguage.nl.wording
    #expect(en.changeRule(replicates: 0) == "Without a bootstrap (0 replicates) no change is called larger than chance.")
    #expect(nl.changeRule(replicates: 0) == "Zonder bootstrap (0 herhalingen) wordt geen verandering groter dan toeval genoemd.")
    #expect(en.methods.privacyText(Self.privacy(rolesKept: true)).contains("Roles are kept, as asked. "))
    #expect(nl.methods.privacyText(Self.privacy(rolesKept: true)).contains("Functies zijn op verzoek behouden. "))
    for wording in [en, nl] {
      #expect(!wording.changeRule(replicates: 0).contains("--"))
      #expect(!wording.methods.privacyText(Self.privacy(rolesKept: true)).contains("--"))
    }
  }
}
