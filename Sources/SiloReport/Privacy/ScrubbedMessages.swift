import SiloIngest

// The readers' messages with the names they quote replaced by "…", for a pseudonymized
// report (`PrivacyScrubber`): a project's, a relation's or a column's name can name a person.
// Counts, limits and line numbers stay.

extension SkipReason {
  /// The reason without the relation's name it quotes.
  var scrubbed: SkipReason {
    if case .otherRelation = self { return .otherRelation(wanted: "…") }
    return self
  }
}

extension IngestWarning {
  /// The warning without the column and relation names it quotes.
  var scrubbed: IngestWarning {
    switch self {
    case .departmentColumnRenamed: return .departmentColumnRenamed(column: "…", keptAs: "…", groupColumn: "…")
    case .severalRelations(_, let count, let shown): return .severalRelations(column: "…", count: count, shown: shown.map { _ in "…" })
    default: return self
    }
  }
}

extension ProjectionWarning {
  /// The warning without the project names it quotes.
  var scrubbed: ProjectionWarning {
    switch self {
    case .oneProjectTiesEveryone(_, let members, let people, let suggested):
      return .oneProjectTiesEveryone(project: "…", members: members, people: people, suggestedMaximumProjectSize: suggested)
    case .organizationWideProjects(let projects, let percent, let suggested):
      return .organizationWideProjects(projects.map(\.hidden), percent: percent, suggestedMaximumProjectSize: suggested)
    case .largeProjectsLeftOut(let count, let maximum, let shown):
      return .largeProjectsLeftOut(count: count, maximumProjectSize: maximum, shown: shown.map(\.hidden))
    case .undatedEntriesLeftOut: return self
    }
  }
}

extension SummaryWarning {
  /// The warning without the names it quotes (the file's name stays).
  var scrubbed: SummaryWarning {
    switch self {
    case .input(let file, let warning): return .input(file: file, warning.scrubbed)
    case .projection(let warning): return .projection(warning.scrubbed)
    case .peopleWithoutDepartment(let count, _): return .peopleWithoutDepartment(count, group: "…")
    case .noDepartments: return self
    }
  }
}

extension ProjectShare {
  /// The share with its project's name replaced by "…".
  var hidden: ProjectShare {
    var share = self
    share.project = "…"
    return share
  }
}
