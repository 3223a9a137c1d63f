import SiloRender
import Testing

/// The diagrams' notes say their limits in words, not as command-line options.
@Suite("Diagram notes")
struct DiagramNoteTests {
  @Test("too many people to draw one by one: the limit, without an option's name")
  func drawnAsDepartments() {
    let note = DiagramNote.drawnAsDepartments(people: 88, limit: 10)
    #expect(
      DiagramLanguage.en.text(note)
        == "88 people are too many to draw one by one (limit 10): drawn as departments. Raise the limit to draw every person.")
    #expect(
      DiagramLanguage.nl.text(note)
        == "88 medewerkers zijn te veel om één voor één te tekenen (grens 10): getekend als afdelingen. Verhoog de grens om iedereen te tekenen.")
  }
}
