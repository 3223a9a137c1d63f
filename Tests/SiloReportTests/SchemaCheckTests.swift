import Foundation
import Testing
import _SiloTestSupport

/// The hand-written schema check the report tests rely on rejects what it must.
@Suite struct SchemaCheckTests {
  @Test func enumAcceptsListedValuesAndNullOnly() {
    let schema: [String: Any] = ["type": ["null", "string"], "enum": [NSNull(), "silo", "open"]]
    #expect(JSONSchemaCheck.violations(of: "silo", against: schema).isEmpty)
    #expect(JSONSchemaCheck.violations(of: NSNull(), against: schema).isEmpty)
    #expect(JSONSchemaCheck.violations(of: "siloed", against: schema).count == 1)
  }
}
