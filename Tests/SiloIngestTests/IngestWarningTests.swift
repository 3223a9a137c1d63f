import Foundation
import SiloIngest
import Testing

/// The readers' warnings: structured values, worded in the library's English (no
/// command-line option named), encoded as that string unless the encoder carries another
/// wording.
@Suite("Ingest warnings")
struct IngestWarningTests {
  @Test(
    "every warning has its English wording, in the library's words",
    arguments: [
      (IngestWarning.noWeightColumn, "no weight column: every row weighs 1"),
      (.noWeightField, "no weight field: every row weighs 1"),
      (.noTieWeightColumn, "no weight column: every tie weighs 1"),
      (.duplicateRowsKept(1), "1 row repeats an earlier row exactly and was kept (weights add up)"),
      (.duplicateRowsKept(2), "2 rows repeat an earlier row exactly and were kept (weights add up)"),
      (.namesSpelledSeveralWays(1), "1 name is written in more than one way (Unicode form, invisible characters or spaces): each is read as one name"),
      (.namesCleaned(2), "2 names hold control or invisible characters or unusual spaces: those are removed, spaces read as one space"),
      (.departmentConflicts(people: 2), "2 people appear in more than one department; each is placed in the department of most of their rows"),
      (.selfLoopsSetAside(3), "3 ties from a person to themselves are set aside (no measure uses them)"),
      (.repeatedPairsSummed(1378, eitherDirection: true), "1,378 ties repeat a pair given earlier (in either direction): their weights are summed"),
      (.repeatedPairsSummed(2, eitherDirection: false), "2 ties repeat a pair given earlier: their weights are summed"),
      (.parallelTiesMerged(2), "2 parallel ties merged (weights summed)"),
      (.idsNotInNodeList(1200), "1,200 ids in the edge list are not in the node list: they are kept without a department"),
      (.endpointsNotDeclared(1), "1 edge endpoints are not declared as nodes: they are added"),
      (.noGroupColumn, "no group column (department, group, team, …): silo measures need one"),
      (.departmentColumnRenamed(column: "department", keptAs: "department (column 3)", groupColumn: "office"),
       "the column \"department\" is kept as \"department (column 3)\": the group comes from \"office\""),
      (.columnsIgnored(["note", "since"]), "columns ignored: note, since"),
      (.severalRelations(column: "relation", count: 3, shown: ["advice", "cowork", "friendship"]),
       "the column \"relation\" holds 3 relations (\"advice\", \"cowork\", \"friendship\"): they are merged into one network"),
      (.peopleWithoutRows(1), "1 person in the people file has no rows in the log: kept as people without ties"),
      (.departmentsOverridden(2), "2 people have a different department in the people file than in the log: the people file wins"),
      (.peopleNotInPeopleFile(1, logHasDepartments: true), "1 person in the log is not in the people file: their department is taken from the log where it has one"),
      (.peopleNotInPeopleFile(2, logHasDepartments: false), "2 people in the log are not in the people file: no department is known for them"),
    ])
  func english(warning: IngestWarning, text: String) {
    #expect(warning.description == text)
    #expect(!warning.description.contains("--"))
  }

  /// A wording that marks the warnings it words.
  struct Marked: InputMessageWording {
    func message(_ warning: IngestWarning) -> String { "<\(warning)>" }
  }

  @Test("a report encodes each warning as its English wording, or as the encoder's wording")
  func encoding() throws {
    var report = IngestReport(file: "log.csv", format: "csv")
    report.warnings = [.noWeightColumn, .duplicateRowsKept(2)]
    let plain = String(decoding: try JSONEncoder().encode(report.warnings), as: UTF8.self)
    #expect(plain == #"["no weight column: every row weighs 1","2 rows repeat an earlier row exactly and were kept (weights add up)"]"#)
    let encoder = JSONEncoder()
    encoder.userInfo[.inputMessageWording] = Marked()
    let worded = String(decoding: try encoder.encode(report.warnings), as: UTF8.self)
    #expect(worded.hasPrefix(#"["<no weight column: every row weighs 1>","#), "\(worded)")
  }
}
