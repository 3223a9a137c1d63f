import SiloIngest
import Testing

/// The projection's warnings: the library's English names the setting in words; a caller
/// can name it its own way.
@Suite("Projection warnings")
struct ProjectionWarningTests {
  static let programme = ProjectShare(project: "Programme", members: 30, pairs: 435, share: 0.95)
  static let hands = ProjectShare(project: "All hands", members: 40, pairs: 780, share: 0.98)

  @Test(
    "every warning has its English wording, in the library's words",
    arguments: [
      (ProjectionWarning.oneProjectTiesEveryone(project: "All hands", members: 40, people: 41, suggestedMaximumProjectSize: 39),
       "one project, \"All hands\", has 40 of the 41 people: it ties them all to each other and hides the structure; "
        + "if it is an all-hands meeting or shared infrastructure, leave it out with a maximum project size of 39"),
      (.organizationWideProjects([programme], percent: 95, suggestedMaximumProjectSize: 29),
       "one project creates 95% of all co-memberships: \"Programme\" (30 people); such organization-wide projects "
        + "tie everyone to everyone; consider a maximum project size of 29"),
      (.organizationWideProjects([hands, programme], percent: 62, suggestedMaximumProjectSize: 39),
       "2 projects create 62% of all co-memberships: \"All hands\" (40 people), \"Programme\" (30 people); "
        + "such organization-wide projects tie everyone to everyone; consider a maximum project size of 39"),
      (.largeProjectsLeftOut(count: 1, maximumProjectSize: 39, shown: [hands]), "1 project with more than 39 people left out: \"All hands\" (40)"),
      (.largeProjectsLeftOut(count: 7, maximumProjectSize: 20, shown: [hands, programme]),
       "7 projects with more than 20 people left out: \"All hands\" (40), \"Programme\" (30), …"),
      (.undatedEntriesLeftOut(3), "3 entries without a date are left out because a date window is set"),
    ])
  func english(warning: ProjectionWarning, text: String) {
    #expect(warning.description == text)
    #expect(!warning.description.contains("--"))
  }

  @Test("the setting that answers a warning is worded by the caller")
  func setting() {
    let warning = ProjectionWarning.organizationWideProjects([Self.programme], percent: 95, suggestedMaximumProjectSize: 29)
    #expect(warning.message { "maximumProjectSize = \($0)" }.hasSuffix("; consider maximumProjectSize = 29"))
  }
}
