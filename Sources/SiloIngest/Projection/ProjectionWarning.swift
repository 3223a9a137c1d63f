/// Something the projection tells about the log that a consultant should see: a structured
/// value with its projects and counts, so that every caller can word it in its own terms.
///
/// ``ProjectionSummary/warnings`` holds them. Encoded as JSON each is one string: the
/// ``description``, or the wording an encoder carries (``InputMessageWording``).
public enum ProjectionWarning: Sendable, Hashable, Encodable, CustomStringConvertible {
  /// One project has `members` of the `people` people (at least half): it ties them all to
  /// each other. A ``ProjectionOptions/maximumProjectSize`` of `suggestedMaximumProjectSize`
  /// leaves it out.
  case oneProjectTiesEveryone(project: String, members: Int, people: Int, suggestedMaximumProjectSize: Int)
  /// The largest projects (one to three) make more than half of all co-memberships
  /// (`percent`); a ``ProjectionOptions/maximumProjectSize`` of `suggestedMaximumProjectSize`
  /// leaves the largest out.
  case organizationWideProjects([ProjectShare], percent: Int, suggestedMaximumProjectSize: Int)
  /// `count` projects have more people than the ``ProjectionOptions/maximumProjectSize`` and
  /// are left out; `shown` are the first five of them.
  case largeProjectsLeftOut(count: Int, maximumProjectSize: Int, shown: [ProjectShare])
  /// This many entries have no date and are left out because a date window is set.
  case undatedEntriesLeftOut(Int)

  /// The warning in English, in the library's words: the setting that answers it is "a
  /// maximum project size of N".
  public var description: String { message { "a maximum project size of \($0)" } }

  /// The warning with the setting that answers it (a maximum project size) in the words
  /// `setting` gives for a size, such as a program's option: `{ "--max-project-size \($0)" }`.
  public func message(maximumProjectSize setting: (Int) -> String) -> String {
    switch self {
    case .oneProjectTiesEveryone(let project, let members, let people, let suggested):
      return "one project, \"\(project)\", has \(members) of the \(people) people: it ties them all to each other "
        + "and hides the structure; if it is an all-hands meeting or shared infrastructure, leave it out with \(setting(suggested))"
    case .organizationWideProjects(let projects, let percent, let suggested):
      let names = projects.map { "\"\($0.project)\" (\($0.members) people)" }.joined(separator: ", ")
      return "\(projects.count == 1 ? "one project creates" : "\(projects.count) projects create") \(percent)% of all "
        + "co-memberships: \(names); such organization-wide projects tie everyone to everyone; consider \(setting(suggested))"
    case .largeProjectsLeftOut(let count, let maximum, let shown):
      return "\(count) project\(count == 1 ? "" : "s") with more than \(maximum) people left out: "
        + shown.map { "\"\($0.project)\" (\($0.members))" }.joined(separator: ", ") + (count > shown.count ? ", …" : "")
    case .undatedEntriesLeftOut(let n):
      return "\(n) entries without a date are left out because a date window is set"
    }
  }

  /// Encodes the warning as one string: the wording the encoder carries, else the
  /// ``description``.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(encoder.inputMessageWording?.message(self) ?? description)
  }
}
