/// The diagram texts in Dutch, formal register. Words: afdeling (department),
/// samenwerkingsgroep (community), verbinder (broker), samenwerkingsrelatie (tie; "relaties"
/// in short legends), samenwerkingsnetwerk, verbindende rol (betweenness).
enum DutchCatalog {
  static let texts: [TextKey: String] = [
    .undefined: "niet gedefinieerd",
    .personOne: "{1} persoon", .personMany: "{1} personen",
    .tieOne: "{1} samenwerkingsrelatie", .tieMany: "{1} samenwerkingsrelaties",
    .contactOne: "{1} contact", .contactMany: "{1} contacten",

    .peopleTitle: "Samenwerking tussen personen",
    .peopleByDepartmentTitle: "Samenwerking tussen personen, per afdeling",
    .legendDepartments: "Afdelingen (personen)",
    .peopleSummary: "Elke cirkel is een persoon. ",
    .peopleSummaryDepartments: "Elke cirkel is een persoon, binnen de rechthoek van diens afdeling; de kleur is die van de afdeling. ",
    .peopleSummarySizes: "Oppervlak van een cirkel: {1}; lijnen zijn samenwerkingsrelaties, lijndikte: {2}.",
    .communitiesTitle: "Samenwerkingsgroepen in het samenwerkingsnetwerk",
    .communitiesOverDepartmentsTitle: "Samenwerkingsgroepen in het samenwerkingsnetwerk, binnen de afdelingen getekend",
    .communityEntry: "Samenwerkingsgroep {1} ({2})",
    .legendCommunities: "Samenwerkingsgroepen (personen)",
    .communitiesSummary: "Elke cirkel is een persoon, binnen de rechthoek van diens afdeling; de kleur is de "
      + "samenwerkingsgroep waarin de samenwerking die persoon plaatst ({1} samenwerkingsgroepen). Een rechthoek met "
      + "meerdere kleuren is een afdeling die in de samenwerking uiteenvalt; een kleur in meerdere rechthoeken is een "
      + "samenwerkingsgroep die afdelingsgrenzen overschrijdt.",
    .noteBrokerNamesOnly: "Alleen de namen van de {1} belangrijkste verbinders worden getoond ({2} personen; alle namen tot {3}); "
      + "de naam van iedere persoon staat in de tooltip.",
    .noteNamesFitted: "Namen worden getoond voor {1} van de {2} personen (eerst de belangrijkste verbinders, dan de personen met de grootste {3}), "
      + "zodat zij minstens 9 pt groot zijn wanneer de tekening de breedte van een A4-pagina (18 cm) vult; de naam van "
      + "iedere persoon staat in de tooltip.",
    .noteRepeatedColours: "Na {1} groepen worden kleuren herhaald: een herhaalde kleur krijgt een andere vorm (◆, ▲, ▼) en, "
      + "bij een afdeling, een gestreepte rechthoek.",
    .clusterTooltip: "{1}: {2}",
    .legendMore: "… nog {1}, met hun naam op de rechthoek",
    .keySizes: "Oppervlak van een cirkel: {1}. Lijndikte: {2}.",
    .keyBrokers: " Zwarte rand en nummer: de {1} belangrijkste verbinders, met de grootste {2}.",
    .tooltipDepartment: "Afdeling: {1}",
    .tooltipBrokerRank: " (verbinder nr. {1})",
    .tooltipTies: "Samenwerkingsrelaties: {1}, totaal {2}: {3}",

    .departmentsTitle: "Afdelingen en hun onderlinge samenwerking",
    .eiLine: "E-I {1}",
    .notAvailable: "n.v.t.",
    .eiTooltip: "E-I-index: {1}",
    .eiUndefined: "niet gedefinieerd (geen samenwerkingsrelaties)",
    .tiesInside: "Samenwerkingsrelaties binnen de afdeling: {1}",
    .departmentTieTooltip: "{1} – {2}: {3}, {4} {5}",
    .eiSilo: "−1 gesloten: alle relaties binnen de afdeling",
    .eiBalanced: "0 evenveel relaties binnen als buiten",
    .eiOpen: "+1 open: alle relaties met andere afdelingen",
    .noTies: "geen relaties",
    .keyDepartments: "Oppervlak van een cirkel: aantal personen (minstens ruimte voor de naam). Lijndikte: {1} tussen afdelingen.",
    .legendSiloOutline: "Rode rand: verkokerd",
    .verdictTooltip: "Oordeel: {1}",
    .legendEIIndex: "Kleur: E-I-index",
    .departmentsSummary: "Elke cirkel is een afdeling ({1}); het oppervlak geeft het aantal personen weer en de kleur de "
      + "E-I-index, van rood (−1, een afdeling die alle samenwerkingsrelaties binnen de afdeling houdt) tot blauw (+1, alle "
      + "samenwerkingsrelaties met andere afdelingen). Lijnen zijn samenwerking tussen afdelingen, breder bij meer samenwerking.",

    .egoTitle: "Persoonlijk netwerk van {1}",
    .legendContacts: "Contacten per afdeling",
    .egoKey: "Oppervlak van een cirkel: {1}. Donkere lijnen: relaties van {2}; grijze lijnen: relaties tussen de contacten.",
    .egoSummary: "{1} en diens {2} contacten, gekleurd per afdeling, met de samenwerkingsrelaties tussen de contacten. "
      + "Contacten die onderling geen samenwerkingsrelatie hebben, zijn alleen via {1} met elkaar verbonden.",
    .noteEgoNames: "Namen worden getoond voor de {1} contacten met de sterkste samenwerkingsrelaties (van {2}); "
      + "elke naam staat in de tooltip.",

    .layoutNote: "Opmaak: {1}, startwaarde {2}.",
    .layoutRequested: "{1}, zoals gevraagd",
    .layoutClustered: "neato binnen elke afdeling, neato om de afdelingen te schikken, getekend met vaste posities "
      + "(herhaalbaar; fdp van Graphviz houdt afdelingen ook bijeen, maar geeft bij elke uitvoering een andere tekening)",
    .layoutNeato: "neato (veermodel, het meest geschikt tot ongeveer 1.000 knopen)",
    .noteDrawnAsDepartments: "{1} medewerkers zijn te veel om één voor één te tekenen (grens {2}): getekend als afdelingen. Verhoog de grens om iedereen te tekenen.",
    .noteCommunitiesMethod: "Samenwerkingsgroepen: {1} op {2} (resolutie {3}, {4}, seed {5}); modulariteit {6}.",
    .objectiveModularity: "modulariteit",
    .wordWeighted: "gewogen",
    .wordUnweighted: "ongewogen",
    .noteNoPersonGiven: "Geen persoon opgegeven: getekend voor de verbinder met de hoogste tussenpositie, {1}.",
    .noteBetweenness: "Tussenpositie: {1}, {2}, {3}.",
    .wordNormalized: "genormaliseerd",
    .wordRaw: "ongenormaliseerd",
    .wordExact: "exact",
    .betweennessEstimated: "geschat ({2})",
    .distanceHops: "lengte in stappen",
    .distanceInverseWeight: "lengte van een relatie 1/gewicht",
    .distanceWeight: "lengte van een relatie = gewicht",
    .layoutCircle: "Opmaak: afdelingen op een cirkel, met de klok mee vanaf boven van meest gesloten naar meest open; rechte lijnen.",
    .layoutSfdp: "sfdp (meerschalig, voor meer dan 1.000 knopen)",
    .layoutNeatoCapped: "; het aantal iteraties van neato is boven 1.000 knopen begrensd op 200",
    .layoutFdp: "; fdp geeft niet twee keer dezelfde tekening",
    .layoutDotLimited: "; de kruisingsminimalisatie en rangschikking van dot zijn boven 300 knopen begrensd om de rekentijd te beperken",

    .termBetweenness: "verbindende rol", .termConstraint: "beperking (Burt)", .termEffectiveSize: "effectieve omvang",
    .termTieWeight: "gewicht van de relaties", .termWeight: "gewicht", .termSharedProjects: "gedeelde projecten",
    .termNewman: "samenwerking (Newman)", .termHoursTogether: "gezamenlijke uren", .termProjectOverlap: "projectoverlap (Jaccard)",

    .chartSummary: "{1}, {2} tot en met {3}: {4}.",
    .chartSummaryOnePeriod: "{1}, {2}: {3}.",
    .chartSummaryEmpty: "{1}: geen waarden.",
    .chartSeriesChange: "{1} van {2} ({3}) naar {4} ({5})",
    .chartSeriesOne: "{1} {2} ({3})",
    .chartSeriesNone: "{1} zonder waarden",
    .chartNoteBand: "Gekleurde vlakken: de marge (van laag tot hoog) rond de waarden van een lijn.",
    .chartNoteReference: "Stippellijn: {1}, bij {2}.",
    .chartNoteGaps: "Een onderbreking in een lijn: geen waarde voor die periode.",
    .chartNoteThinned: "De as noemt {1} van de {2} perioden; elke periode heeft een streepje.",
    .chartPointTooltip: "{1}, {2}: {3}",
    .chartPointBandTooltip: "{1}, {2}: {3} (marge {4} tot {5})",

    .flowTitle: "Samenwerkingsgroepen door de tijd",
    .flowCommunity: "G{1}",
    .flowSmaller: "{1} kleinere groepen",
    .flowSmallerName: "kleinere groepen",
    .flowFlowTooltip: "{1} van {2} naar {3}",
    .flowNodeTooltip: "{1}, {2}: {3}",
    .flowKey: "Een rechthoek is een samenwerkingsgroep in één periode: het nummer en, tussen haakjes, het aantal personen; "
      + "de hoogte geeft het aantal personen weer (minstens ruimte voor het label). Lijndikte: het aantal personen dat naar "
      + "een samenwerkingsgroep van de volgende periode gaat. Hetzelfde nummer en dezelfde kleur is in elke periode "
      + "dezelfde samenwerkingsgroep.",
    .flowKeySmaller: " Grijs: de kleinere samenwerkingsgroepen van een periode, samengenomen in één rechthoek.",
    .flowSummary: "Samenwerkingsgroepen in {1} perioden, {2} tot en met {3}: elke rechthoek is een samenwerkingsgroep, "
      + "de hoogte het aantal personen; lijnen tussen perioden zijn personen die van een samenwerkingsgroep naar een van de "
      + "volgende periode gaan, breder bij meer personen.",
    .flowNoteGathered: "Na de {1} grootste samenwerkingsgroepen van een periode zijn de overige samengenomen in één grijze rechthoek ({2}).",
    .flowNoteUnknown: "{1} stromen noemen een samenwerkingsgroep die niet in hun periode voorkomt en zijn weggelaten.",
    .orgChartTitle: "Het organigram en de samenwerking dwars erdoorheen",
    .orgChartSummary: "De formele lijnen ({1} vakken, van boven naar beneden, grijs) met de samenwerking tussen vakken die geen hiërarchische lijn verbindt (blauwe bogen, de sterkste in rood).",
    .orgChartKey: "Grijze lijnen: wie aan wie rapporteert. Blauwe bogen: {1} tussen vakken die geen hiërarchische lijn verbindt, breder bij meer; rood: de {2} sterkste.",
    .orgChartLinksLeftOut: "De {1} sterkste van {2} van zulke verbindingen zijn getekend.",
    .orgChartLinkTooltip: "{1} – {2}: {3}, {4} {5}",
    .orgChartLegend: "Afdelingen",
    .layoutOrgChart: "Opmaak: dot, de hiërarchische lijnen van boven naar beneden; de samenwerkingsbogen verschuiven de vakken niet.",
    .layoutFlow: "Opmaak: dot, één kolom per periode, van links naar rechts.",
  ]
}
