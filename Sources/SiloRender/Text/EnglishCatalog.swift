/// The diagram texts in English. `{1}`, `{2}`, … are filled in by ``DiagramLanguage``.
enum EnglishCatalog {
  static let texts: [TextKey: String] = [
    .undefined: "undefined",
    .personOne: "{1} person", .personMany: "{1} people",
    .tieOne: "{1} tie", .tieMany: "{1} ties",
    .contactOne: "{1} contact", .contactMany: "{1} contacts",

    .peopleTitle: "Collaboration between people",
    .peopleByDepartmentTitle: "Collaboration between people, by department",
    .legendDepartments: "Departments (people)",
    .peopleSummary: "Each circle is a person. ",
    .peopleSummaryDepartments: "Each circle is a person, inside the box of their department; its colour is the department's. ",
    .peopleSummarySizes: "Circle area shows {1}; lines are ties, wider for more {2}.",
    .communitiesTitle: "Communities found in the collaboration",
    .communitiesOverDepartmentsTitle: "Communities found in the collaboration, over the departments",
    .communityEntry: "Community {1} ({2})",
    .legendCommunities: "Communities (people)",
    .communitiesSummary: "Each circle is a person, inside the box of their department; its colour is the community the "
      + "collaboration places them in ({1} communities). A box with several colours is a department the collaboration "
      + "splits; a colour in several boxes is a community that crosses departments.",
    .noteBrokerNamesOnly: "Names are shown for the {1} top brokers only ({2} people; all names up to {3}); every person's name is in their tooltip.",
    .noteNamesFitted: "Names are shown for {1} of {2} people (the top brokers first, then by {3}), so that they print at 9 pt or "
      + "more when the drawing fills the width of an A4 page (18 cm); every person's name is in their tooltip.",
    .noteRepeatedColours: "Colours repeat after {1} groups: a repeated colour is drawn with another marker (◆, ▲, ▼) and, "
      + "for a department, in a dashed box.",
    .clusterTooltip: "{1}: {2}",
    .legendMore: "… {1} more, named on their boxes",
    .keySizes: "Circle area: {1}. Line width: {2}.",
    .keyBrokers: " Black outline and number: the {1} top brokers by {2}.",
    .tooltipDepartment: "Department: {1}",
    .tooltipBrokerRank: " (broker #{1})",
    .tooltipTies: "Ties: {1}, total {2}: {3}",

    .departmentsTitle: "Departments and the collaboration between them",
    .eiLine: "E-I {1}",
    .notAvailable: "n/a",
    .eiTooltip: "E-I index: {1}",
    .eiUndefined: "undefined (no ties)",
    .tiesInside: "Ties inside: {1}",
    .departmentTieTooltip: "{1} – {2}: {3}, {4} {5}",
    .eiSilo: "−1 silo: every tie inside",
    .eiBalanced: "0 as many ties inside as outside",
    .eiOpen: "+1 open: every tie outside",
    .noTies: "no ties",
    .keyDepartments: "Circle area: head count (at least room for the name). Line width: {1} between departments.",
    .legendSiloOutline: "Red outline: silo",
    .verdictTooltip: "Verdict: {1}",
    .legendEIIndex: "Colour: E-I index",
    .departmentsSummary: "Each circle is a department ({1}); its area shows its head count and its colour its E-I index, "
      + "from red (−1, a silo keeping every tie inside) to blue (+1, every tie outside). Lines are collaboration "
      + "between departments, wider for more.",

    .egoTitle: "Ego network of {1}",
    .legendContacts: "Contacts by department",
    .egoKey: "Circle area: {1}. Dark lines: ties of {2}; grey lines: ties among the contacts.",
    .egoSummary: "{1} and their {2} contacts, coloured by department, with the ties among the contacts. "
      + "Contacts that are not tied to each other are held together only through {1}.",
    .noteEgoNames: "Names are shown for the {1} contacts with the strongest ties (of {2}); every name is in its tooltip.",

    .layoutNote: "Layout: {1}, seed {2}.",
    .layoutRequested: "{1} as requested",
    .layoutClustered: "neato inside each department, neato to arrange the departments, drawn with positions fixed "
      + "(repeatable; Graphviz's fdp keeps clusters too but gives a different drawing on every run)",
    .layoutNeato: "neato (spring model, best for up to about 1,000 nodes)",
    .noteDrawnAsDepartments: "{1} people are too many to draw one by one (limit {2}): drawn as departments. Raise the limit (--max-people) to draw every person.",
    .noteCommunitiesMethod: "Communities: {1} on {2} (resolution {3}, {4}, seed {5}); modularity {6}.",
    .objectiveModularity: "modularity",
    .wordWeighted: "weighted",
    .wordUnweighted: "unweighted",
    .noteNoPersonGiven: "No person given: drawn for the top broker by betweenness, {1}.",
    .noteBetweenness: "Betweenness: {1}, {2}, {3}.",
    .wordNormalized: "normalized",
    .wordRaw: "raw",
    .wordExact: "exact",
    .betweennessEstimated: "{1}",
    .distanceHops: "hops",
    .distanceInverseWeight: "tie length 1/weight",
    .distanceWeight: "tie length = weight",
    .layoutCircle: "Layout: departments on a circle, clockwise from the top from most closed to most open; lines straight.",
    .layoutSfdp: "sfdp (multiscale, for more than 1,000 nodes)",
    .layoutNeatoCapped: "; neato's iterations capped at 200 above 1,000 nodes",
    .layoutFdp: "; fdp does not give the same drawing twice",
    .layoutDotLimited: "; dot's crossing minimization and ranking limited above 300 nodes to bound the layout time",

    .termBetweenness: "betweenness", .termConstraint: "constraint (Burt)", .termEffectiveSize: "effective size",
    .termTieWeight: "tie weight", .termWeight: "weight", .termSharedProjects: "shared projects",
    .termNewman: "collaboration (Newman)", .termHoursTogether: "hours together", .termProjectOverlap: "project overlap (Jaccard)",

    .chartSummary: "{1}, {2} to {3}: {4}.",
    .chartSummaryOnePeriod: "{1}, {2}: {3}.",
    .chartSummaryEmpty: "{1}: no values.",
    .chartSeriesChange: "{1} from {2} ({3}) to {4} ({5})",
    .chartSeriesOne: "{1} {2} ({3})",
    .chartSeriesNone: "{1} no values",
    .chartNoteBand: "Shaded areas: the margin (low to high) around a line's values.",
    .chartNoteReference: "Dashed line: {1}, at {2}.",
    .chartNoteGaps: "A gap in a line: no value for that period.",
    .chartNoteThinned: "The axis names {1} of the {2} periods; every period has a tick mark.",
    .chartPointTooltip: "{1}, {2}: {3}",
    .chartPointBandTooltip: "{1}, {2}: {3} (margin {4} to {5})",

    .flowTitle: "Communities over time",
    .flowCommunity: "C{1}",
    .flowSmaller: "{1} smaller communities",
    .flowSmallerName: "smaller communities",
    .flowFlowTooltip: "{1} from {2} to {3}",
    .flowNodeTooltip: "{1}, {2}: {3}",
    .flowKey: "A box is a community in one period: its number and, in brackets, its people; its height shows the people "
      + "(at least room for its label). Line width: the people moving to a community of the next period. The same number "
      + "and colour is the same community in every period.",
    .flowKeySmaller: " Grey: the smaller communities of a period, gathered in one box.",
    .flowSummary: "Communities of the collaboration in {1} periods, {2} to {3}: each box is a community, its height the "
      + "number of people in it; lines between periods are people moving from a community to one of the next period, wider for more people.",
    .flowNoteGathered: "Beyond the {1} largest communities of a period, the others are gathered in one grey box ({2}).",
    .flowNoteUnknown: "{1} flows name a community that is not listed in its period and are left out.",
    .layoutFlow: "Layout: dot, one column per period, left to right.",
  ]
}
