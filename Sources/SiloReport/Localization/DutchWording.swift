import SiloMetrics

/// Het rapport in het Nederlands: in de woorden van een managementteam van een gemeente,
/// met de namen van maten alleen in de begrippenlijst en de verantwoording.
struct DutchWording: ReportWording {
  let numbers = ReportLanguage.nl.numbers

  func list(_ items: [[Part]]) -> [Part] {
    var out: [Part] = []
    for (i, item) in items.enumerated() {
      if i > 0 { out.append(.text(i == items.count - 1 ? " en " : ", ")) }
      out += item
    }
    return out
  }

  func verdict(_ verdict: SiloVerdict) -> String {
    switch verdict {
    case .silo: return "verkokerd"
    case .inward: return "naar binnen gericht"
    case .balanced: return "in evenwicht"
    case .open: return "open"
    }
  }

  func verdictMeaning(_ verdict: SiloVerdict) -> String {
    switch verdict {
    case .silo: return "meer dan vijf keer zoveel samenwerking binnen als buiten de eigen afdeling"
    case .inward: return "twee tot vijf keer zoveel samenwerking binnen als buiten de eigen afdeling"
    case .balanced: return "geen van beide kanten meer dan twee keer zo groot als de andere"
    case .open: return "minstens twee keer zoveel samenwerking buiten als binnen de eigen afdeling"
    }
  }

  func verdictRange(_ verdicts: [SiloVerdict]) -> String {
    switch verdicts.count {
    case 0: return "—"
    case 1: return verdict(verdicts[0])
    case 2: return verdict(verdicts[0]) + " of " + verdict(verdicts[1])
    default: return "van " + verdict(verdicts.first!) + " tot " + verdict(verdicts.last!)
    }
  }

  static let months = [
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december",
  ]

  func date(year: Int, month: Int, day: Int) -> String { "\(day) \(Self.months[month - 1]) \(year)" }

  // MARK: Bevindingen

  func findingOrganization(share: Part, margin: [Part]?, verdict: SiloVerdict?) -> [Part] {
    var parts: [Part] = [.text("In de hele organisatie blijft "), share, .text(" van de samenwerking binnen de eigen afdeling")]
    if let margin { parts += [.text(" (marge ")] + margin + [.text(")")] }
    if let verdict {
      let word = verdict == .silo ? "verkokerd" : self.verdict(verdict)
      parts.append(.text(": de organisatie als geheel is \(word), met \(verdictMeaning(verdict))."))
    } else {
      parts.append(.text("."))
    }
    return parts
  }

  func findingSilos(_ silos: [(name: String, share: Part, range: [SiloVerdict])], more: Int, departments: Int, inView: Bool) -> [Part] {
    let count = silos.count + more
    var parts: [Part] = [
      .text("Van de \(departments) afdelingen\(inView ? " in beeld" : "") \(count == 1 ? "is er 1" : "zijn er \(count)") verkokerd, met \(verdictMeaning(.silo)): "),
    ]
    var items: [[Part]] = silos.enumerated().map { i, silo in
      var item: [Part] = [.text("\(silo.name) ("), silo.share]
      item.append(.text(i == 0 ? " van de samenwerking binnen de afdeling" : ""))
      if silo.range.count > 1 { item.append(.text("; \(verdictRange(silo.range))")) }
      item.append(.text(")"))
      return item
    }
    if more > 0 { items.append([.text("nog \(more) andere (zie de tabel)")]) }
    parts += list(items)
    parts.append(.text("."))
    return parts
  }

  func findingNoSilo(mostClosed: [(name: String, share: Part)], median: Part?) -> [Part] {
    var parts: [Part] = [.text("Geen enkele afdeling is verkokerd volgens de norm van \(verdictMeaning(.silo)).")]
    guard !mostClosed.isEmpty else { return parts }
    parts.append(.text(" Het meest gesloten " + (mostClosed.count == 1 ? "is " : "zijn ")))
    parts += list(mostClosed.enumerated().map { i, d in
      [.text("\(d.name) ("), d.share, .text(i == 0 ? " van de samenwerking binnen de afdeling)" : ")")]
    })
    if let median { parts += [.text("; bij de middelste afdeling is dat "), median] }
    parts.append(.text("."))
    return parts
  }

  func findingChange(organization: ChangeWords?, departments: [ChangeWords], more: Int, from: String, to: String) -> [Part] {
    guard organization != nil || !departments.isEmpty else {
      return [.text("Van \(from) tot \(to) is geen afdeling aantoonbaar opener of meer naar binnen gaan werken: geen verandering is minstens 5 procentpunt én groter dan de onzekerheidsmarge.")]
    }
    var parts: [Part] = [.text("Van \(from) tot \(to) ")]
    var clauses: [[Part]] = []
    if let o = organization {
      clauses.append([.text("is de organisatie als geheel \(o.direction == .opened ? "opener" : "meer naar binnen") gaan werken (van "), o.before, .text(" naar "), o.after, .text(" van de samenwerking binnen afdelingen)")])
    }
    for d in departments {
      clauses.append([.text("\(clauses.isEmpty ? "is " : "")\(d.name ?? "") \(d.direction == .opened ? "opener" : "meer naar binnen") gaan werken (van "), d.before, .text(" naar "), d.after, .text(" binnen de afdeling)")])
    }
    if more > 0 { clauses.append([.text("\(more == 1 ? "is nog één afdeling" : "zijn nog \(more) afdelingen") even duidelijk veranderd")]) }
    parts += list(clauses)
    parts.append(.text("; deze veranderingen zijn minstens 5 procentpunt en groter dan hun onzekerheidsmarge."))
    return parts
  }

  let monthAbbreviations = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
  let quarterLetter = "K"

  func findingOpen(name: String, share: Part) -> [Part] {
    [.text("\(name) werkt het meest over de grenzen van de eigen afdeling heen: slechts "), share, .text(" van de samenwerking blijft binnen de afdeling.")]
  }

  func findingBrokerReliance(_ brokers: [(person: String, department: String?, share: Part)], estimated: Bool) -> [Part] {
    var parts: [Part] = [.text("De samenwerking leunt op enkele mensen: ")]
    parts += list(brokers.enumerated().map { i, b in
      [.text(b.person + (b.department.map { " (\($0))" } ?? "") + (i == 0 ? (estimated ? " ligt op naar schatting " : " ligt op ") : " op ")), b.share]
        + (i == 0 ? [.text(" van de kortste verbindingen tussen twee collega’s")] : [])
    })
    parts.append(.text("."))
    return parts
  }

  func findingBrokerDependence(person: String, pairs: [String], pairCount: Int, cutOff: Part?, reachLost: Part?) -> [Part] {
    var clauses: [[Part]] = []
    if pairCount > 0 {
      let named = pairs.joined(separator: "; ") + (pairCount > pairs.count ? "; …" : "")
      clauses.append([.text(pairCount == 1
        ? "verliest één paar afdelingen de laatste rechtstreekse samenwerking (\(named))"
        : "verliezen \(pairCount) paren van afdelingen de laatste rechtstreekse samenwerking (\(named))")])
    }
    if let cutOff {
      clauses.append([.text(cutOff.value == 1 ? "raakt " : "raken "), cutOff, .text(cutOff.value == 1 ? " medewerker los van alle anderen" : " medewerkers los van alle anderen")])
    }
    if let reachLost {
      clauses.append([.text("kan "), reachLost, .text(" van de collega’s in verschillende afdelingen die elkaar nu via via bereiken, elkaar niet meer bereiken")])
    }
    return [.text("Zonder \(person) ")] + list(clauses) + [.text(".")]
  }

  func findingIsolated(withOutsideTie: Part, people: Part, insideOnly: Part, withoutTies: Part?) -> [Part] {
    var parts: [Part] = [withOutsideTie, .text(" van de "), people, .text(" medewerkers werken samen met iemand buiten de eigen afdeling; ")]
    parts += [.text("de overige "), insideOnly, .text(" alleen binnen de eigen afdeling")]
    if let withoutTies {
      parts += [.text(", en "), withoutTies, .text(withoutTies.value == 1 ? " medewerker werkt met niemand samen" : " medewerkers werken met niemand samen")]
    }
    parts.append(.text("."))
    return parts
  }

  func findingCommunities(count: Part, agreement: Part?, level: Int) -> [Part] {
    var parts: [Part] = [.text("Los van het organogram valt de samenwerking uiteen in "), count, .text(" groepen van mensen die meer met elkaar dan met de rest samenwerken")]
    if let agreement {
      parts.append(.text(level == 2 ? "; zij volgen de afdelingen nauw" : level == 1 ? "; zij volgen de afdelingen gedeeltelijk" : "; zij lopen dwars door de afdelingen heen"))
      parts += [.text(" (overeenkomst "), agreement, .text(" op een schaal van 0 tot 1)")]
    }
    parts.append(.text("."))
    return parts
  }

  func findingMerge(community: Int, departments: [(name: String, share: Part)]) -> [Part] {
    [.text("Groep \(community) brengt mensen van ")]
      + list(departments.map { [.text("\($0.name) ("), $0.share, .text(")")] })
      + [.text(" samen: collega’s die over de grenzen van het organogram heen samenwerken.")]
  }

  func findingSplit(department: String, groups: Int, shares: [(community: String, share: Part)], rest: Part?, restGroups: Int) -> [Part] {
    var items: [[Part]] = shares.enumerated().map { i, s in
      [s.share, .text((i == 0 ? " van de medewerkers zit in " : " in ") + group(s.community))]
    }
    if let rest { items.append([.text("de overige "), rest, .text(restGroups == 1 ? " in nog één groep" : " in nog \(restGroups) andere groepen")]) }
    return [.text("\(department) werkt als \(groups) aparte groepen: ")] + list(items) + [.text(".")]
  }

  // MARK: Pagina

  let defaultHeading = "Verkokering in beeld"
  let titleSuffix = "waar de organisatie verkokerd is"

  func subtitle(people: Part, departments: Part, ties: Part, from: String?, to: String?) -> [Part] {
    var parts: [Part] = [
      .text("Waar de organisatie verkokerd is en wie de verbindingen legt: "), people, .text(" medewerkers, "), departments,
      .text(" afdelingen, "), ties, .text(" samenwerkingsrelaties"),
    ]
    if let from, let to { parts.append(.text(", van \(from) tot en met \(to)")) }
    parts.append(.text("."))
    return parts
  }

  func reportDate(_ date: String) -> String { "Rapport van \(date)" }
  func focusNotice(_ unit: String) -> String {
    "Dit rapport kijkt naar \(unit): de medewerkers, de afdelingen waarmee \(unit) samenwerkt en de mensen die de verbinding leggen. Alle cijfers zijn berekend over de hele organisatie."
  }
  let pseudonymNotice = "Namen zijn vervangen door pseudoniemen (P-…)."
  let keyFindings = "Belangrijkste bevindingen"
  let pageWord = "Pagina "
  let pageOf = " van "

  let scorecardHeading = "Verkokering per afdeling"
  let scorecardIntro =
    "Per afdeling: welk deel van de samenwerking binnen de afdeling blijft, met de marge die de gegevens toelaten, en het oordeel. "
    + "De afdelingen staan van meest gesloten naar meest open."
  let scorecardColumns = ScorecardColumns(
    department: "Afdeling", people: "Medewerkers", inside: "Binnen", margin: "Marge (95%)", verdict: "Oordeel",
    tiesInside: "Relaties binnen", tiesAcross: "Relaties buiten", ei: "E-I", chance: "E-I bij toeval", partners: "Werkt het meest met")

  func scorecardNote(modularity: Part?, median: Part?, confidence: Int?, replicates: Int?, unit: EIBootstrap.Unit?) -> [Part] {
    var parts: [Part] = [.text(verdictRule())]
    if let median { parts += [.text(" Bij de middelste afdeling blijft "), median, .text(" binnen de afdeling.")] }
    if let modularity { parts += [.text(" Modulariteit van de afdelingen: "), modularity, .text(".")] }
    if let replicates, let unit {
      parts.append(.text(" De marge is het bereik waarin het aandeel valt bij 95 van de 100 herhalingen met opnieuw getrokken \(unit == .ties ? "relaties" : "projecten") (\(numbers.integer(replicates)) in totaal)."))
    }
    parts.append(.text(" ‘E-I bij toeval’ is wat een willekeurige verdeling van de medewerkers over de afdelingen zou geven; het is ter informatie en bepaalt het oordeel niet."))
    return parts
  }

  func verdictRule() -> String {
    "Oordeel: een afdeling is verkokerd als zij meer dan vijf keer zoveel binnen als buiten de afdeling samenwerkt (meer dan 83% binnen; Leonardi en Contractor 2018) "
      + "en meer dan een willekeurige verdeling van medewerkers bij haar omvang zou geven; naar binnen gericht bij twee tot vijf keer zoveel (67–83%); "
      + "in evenwicht als geen van beide kanten meer dan twee keer zo groot is (33–67%); open bij minstens twee keer zoveel samenwerking buiten als binnen (minder dan 33%)."
  }

  let brokersHeading = "Verbinders en wat van hen afhangt"

  func brokersIntro(sampled: String?, hops: Bool) -> String {
    "De mensen via wie de meeste samenwerking tussen collega’s loopt, gerangschikt naar het deel van de kortste verbindingen tussen twee collega’s dat via hen gaat"
      + (hops ? " (een verbinding telt stappen)." : " (sterke relaties maken korte verbindingen).")
      + (sampled.map { _ in " Dit is een schatting op basis van een steekproef." } ?? "")
      + " De laatste kolommen laten zien wat de organisatie zonder deze persoon zou verliezen."
  }

  func brokersGuarantee(probability: String, k: Int, settled: Bool, orderMarked: Bool, membershipMarked: Bool, contenders: Int) -> String {
    var text = "Omdat de organisatie groot is, zijn deze aandelen geschat uit een steekproef van kortste verbindingen: "
      + "met een kans van \(probability) ligt het werkelijke aandeel van ieder binnen de getoonde marge."
    if settled { return text + " Wie bij de top \(k) horen en in welke volgorde, staat vast." }
    if orderMarked { text += " ≈ betekent dat niet vaststaat of deze persoon of de volgende hoger staat." }
    if membershipMarked {
      text += " ? betekent dat niet vaststaat dat de persoon bij de top \(k) hoort: "
        + (contenders == 1 ? "één ander kan er ook bij horen." : "\(contenders) anderen kunnen er ook bij horen.")
    }
    return text
  }

  let brokerColumns = BrokerColumns(
    rank: "#", person: "Persoon", department: "Afdeling", routes: "Op kortste verbindingen", connects: "Verbindt",
    pairsLost: "Afdelingen die hun laatste relatie verliezen", cutOff: "Medewerkers losgeraakt", reachLost: "Bereik verloren")

  func connects(own: String?, others: [String], count: Int) -> String {
    guard count > 0 else { return "werkt alleen binnen " + (own ?? "de eigen afdeling") }
    let named = others.prefix(3).joined(separator: ", ") + (count > 3 ? " en nog \(count - 3)" : "")
    return "\(own ?? "eigen afdeling") met \(named)"
  }

  let noDependence = "Het wegvallen van één persoon laat geen twee afdelingen zonder rechtstreekse samenwerking en maakt niemand los van de rest."
  let none = "geen"

  let trendHeading = "Verandering in de tijd"

  func trendIntro(periods: Int, kind: String, from: String, to: String) -> String {
    let unit = ["year": "jaar", "quarter": "kwartalen", "month": "maanden"][kind] ?? "perioden"
    return "Het logboek beslaat \(periods) \(unit), van \(from) tot en met \(to). Elke periode is apart gemeten, met de mensen die er werkten; "
      + "iedereen blijft bij de afdeling die het hele logboek aangeeft. De tabel vergelijkt de eerste periode met de laatste."
  }

  let trendColumns = TrendColumns(department: "Afdeling", first: "Binnen, eerst", last: "Binnen, laatst", change: "Verschil", margin: "Marge (95%)", verdict: "Oordeel")

  let organizationWord = "Organisatie"
  let trendChartTitle = "Deel van de samenwerking binnen de eigen afdeling, per periode"
  let trendChartAxis = "Relaties binnen"
  let siloLineLabel = "Grens van een silo: 5 binnen op 1 buiten"
  let outsideChartTitle = "Deel van de medewerkers met een relatie buiten de eigen afdeling, per periode"
  let outsideChartAxis = "Medewerkers met relatie buiten"
  let toWord = "tot"

  let pointsUnit = "%-punt"

  func changeWord(_ direction: ChangeDirection) -> String {
    switch direction {
    case .opened: return "opener geworden"
    case .closed: return "meer naar binnen"
    case .unclear: return "geen duidelijke verandering"
    }
  }

  func changeRule(replicates: Int) -> String {
    guard replicates > 0 else { return "Zonder bootstrap (0 herhalingen) wordt geen verandering groter dan toeval genoemd." }
    return "Een afdeling is opener geworden (of meer naar binnen gaan werken) als het deel van de samenwerking binnen de afdeling "
      + "met minstens 5 procentpunt en met meer dan de marge is gedaald (of gestegen): het bereik van 95% van de verandering wanneer de projecten van elke periode "
      + "\(numbers.integer(replicates)) keer willekeurig opnieuw worden getrokken. Kleine afdelingen kunnen door toeval flink verschuiven; de marge laat zien hoeveel."
  }

  func trendCommunities(first: Int, last: Int, continued: Int, merges: Int, splits: Int, births: Int, deaths: Int) -> String {
    "Groepen die samenwerken: \(first) in de eerste periode, \(last) in de laatste. Van periode tot periode bleven er \(continued) "
      + "met de meeste van hun mensen bestaan, smolten groepen \(merges) keer samen, viel een groep \(splits) keer uiteen, "
      + "ontstonden \(births) nieuwe groepen en hielden er \(deaths) op. Een groep houdt zijn nummer zolang hij blijft bestaan."
  }

  let communitiesHeading = "Samenwerkingsgroepen naast de afdelingen"

  func communitiesIntro(count: Part, agreement: Part?) -> [Part] {
    var parts: [Part] = [
      .text("Zonder naar het organogram te kijken valt de samenwerking uiteen in "), count,
      .text(" groepen van mensen die meer met elkaar dan met de rest samenwerken."),
    ]
    if let agreement {
      parts += [.text(" Overeenkomst met de afdelingen: "), agreement, .text(" (1 = dezelfde indeling, 0 = geen verband).")]
    }
    return parts
  }

  let mergesHeading = "Groepen die afdelingen samenbrengen"
  let splitsHeading = "Afdelingen die als aparte groepen werken"
  func group(_ community: String) -> String { "groep " + community.replacing("C", with: "") }

  let diagramsHeading = "Figuren"
  let diagramsIntro =
    "Dezelfde figuren staan als SVG-bestanden in de rapportmap (klik op een figuur om die op volle grootte te openen). Houd de muis boven een cirkel voor de cijfers van een persoon of afdeling."
  func figure(_ number: Int) -> String { "Figuur \(number)." }

  func caption(_ view: String) -> String {
    switch view {
    case "departments": return "De afdelingen en de samenwerking tussen hen"
    case "people": return "Medewerkers per afdeling; hoe groter de cirkel, hoe meer verbindingen via iemand lopen"
    case "communities": return "Samenwerkingsgroepen over de afdelingen heen"
    case "trend": return "Hoeveel samenwerking binnen de afdeling blijft, per periode"
    case "trend-outside-ties": return "Wie met andere afdelingen samenwerkt, per periode"
    case "community-flow": return "Samenwerkingsgroepen gevolgd van periode tot periode"
    case "org-chart": return "Het organigram, met de samenwerking die het doorkruist"
    default: return "Het netwerk van de persoon via wie de meeste verbindingen lopen"
    }
  }

  func leftOutFootnote(_ name: String, minimum: Int) -> String { "\(name) (minder dan \(minimum) medewerkers) is weggelaten." }
  func mergedFootnote(_ name: String, count: Int, minimum: Int) -> String {
    "\(name): \(count) afdelingen met minder dan \(minimum) medewerkers, samengevoegd."
  }

  let methodsHeading = "Verantwoording"
  let methods = MethodsWording(
    fromLog: "Van registratie naar netwerk",
    weighting: { weighting in
      switch weighting {
      case .sharedProjects: return "Twee mensen hebben een samenwerkingsrelatie als zij aan hetzelfde project hebben gewerkt; het gewicht is het aantal gedeelde projecten."
      case .newman: return "Twee mensen hebben een samenwerkingsrelatie als zij aan hetzelfde project hebben gewerkt; het gewicht is het samenwerkingsgewicht van Newman, de som van 1/(n − 1) over hun gedeelde projecten van n mensen."
      case .hoursOverlap: return "Twee mensen hebben een samenwerkingsrelatie als zij aan hetzelfde project hebben gewerkt; het gewicht is het aantal uren dat zij aan dezelfde projecten besteedden, per project het kleinste van beide."
      case .jaccard: return "Twee mensen hebben een samenwerkingsrelatie als zij aan hetzelfde project hebben gewerkt; het gewicht is de Jaccard-overlap van hun projecten."
      }
    },
    projects: "Projecten: ",
    largeProjectsLeftOut: { "; projecten met meer dan \($0) mensen weggelaten" },
    lightTiesLeftOut: { "; relaties lichter dan \($0) weggelaten" },
    from: "; van ", to: " tot en met ",
    names: "Namen",
    namesText: "Namen van mensen, projecten en afdelingen die alleen verschillen in Unicode-vorm (een ‘ë’ als één teken of als ‘e’ met trema), in onzichtbare tekens of in spaties, worden als één naam gelezen (Unicode NFC; onzichtbare en besturingstekens verwijderd).",
    rows: "Regels", rowsRead: " regels gelezen, ", rowsUsed: " gebruikt", skipped: " overgeslagen: ",
    firstAtLine: { " (eerste op regel \($0))" },
    inMemory: "Een netwerk dat in het geheugen is aangeleverd.",
    weights: "Gewichten",
    weightsText: { $0 ? "Het gewicht geeft de sterkte van een relatie: de aandelen binnen en de modulariteit tellen gewichten op; voor kortste verbindingen is de lengte van een relatie 1/gewicht." : "Relaties worden geteld, niet gewogen; kortste verbindingen tellen stappen." },
    verdict: "Oordeel",
    margin: "Marge",
    marginText: { replicates, unit, seed in
      unit == .ties
        ? "Een bootstrap over relaties (de invoer bevat geen projecten): de relaties worden \(replicates) keer opnieuw getrokken met teruglegging (seed \(seed)) en de aandelen opnieuw berekend; de marge loopt van het 2,5e tot het 97,5e percentiel (Efron en Tibshirani 1993, hfst. 13). Valt de marge in twee klassen, dan noemt het oordeel beide."
        : "Een bootstrap over projecten, de eenheden waaruit relaties ontstaan: de projecten worden \(replicates) keer opnieuw getrokken met teruglegging (seed \(seed)) en de aandelen opnieuw berekend; de marge loopt van het 2,5e tot het 97,5e percentiel (Efron en Tibshirani 1993, hfst. 13). Valt de marge in twee klassen, dan noemt het oordeel beide."
    },
    eiIndex: "E-I-index",
    eiText: { permutations, seed in
      "Krackhardt en Stern (1988), per relatie: (relaties buiten − relaties binnen) / alle relaties; elke relatie telt één keer, als relatie buiten wanneer de twee mensen in verschillende afdelingen werken. Het aandeel binnen is (1 − E-I)/2. Verwachte waarde en p uit \(permutations) willekeurige herverdelingen van de medewerkers over de afdelingen (met dezelfde omvang), seed \(seed); p is eenzijdig, (1 + even extreem) / (1 + herverdelingen)."
    },
    betweenness: "Tussenpositie (betweenness)",
    betweennessText: { exact, sources, seed, limit in
      "Brandes (2001), genormaliseerd naar het aantal paren van andere mensen; "
        + (exact ? "exact (vanuit iedereen berekend)." : "geschat vanuit \(sources) willekeurig gekozen mensen (seed \(seed)) omdat de organisatie meer dan \(limit) medewerkers heeft.")
        + " Gelijke padlengten worden exact vergeleken."
    },
    kadabraText: { samples, k, epsilon, probability, seed, limit in
      "Brandes (2001), genormaliseerd naar het aantal paren van andere mensen; geschat met KADABRA (Borassi en Natale 2016) "
        + "omdat de organisatie meer dan \(limit) medewerkers heeft: \(samples) kortste verbindingen tussen willekeurige paren medewerkers (seed \(seed)), "
        + "getrokken tot de top \(k) van elkaar te onderscheiden was of elk aandeel tot op ±\(epsilon) bekend was, "
        + "zodat met een kans van \(probability) elk werkelijk aandeel binnen de getoonde marge ligt. Gelijke padlengten worden exact vergeleken."
    },
    brokers: "Verbinders",
    brokersText: "Constraint en effectieve omvang volgens Burt (1992); makelaarsrollen volgens Gould en Fernandez (1989) met z-scores zoals het R-pakket sna; afhankelijkheid door elke verbinder weg te laten en de relaties en het bereik tussen afdelingen opnieuw te tellen.",
    communities: "Samenwerkingsgroepen",
    communitiesText: { resolution, seed in
      "Leiden (Traag, Waltman en van Eck 2019) op modulariteit, resolutie \(resolution), seed \(seed); vergeleken met de afdelingen met genormaliseerde wederzijdse informatie (rekenkundige normalisatie), de gecorrigeerde Rand-index (Hubert en Arabie 1985) en de variatie van informatie."
    },
    privacy: "Privacy",
    privacyText: { p in DutchWording.privacy(p) },
    diagrams: "Figuren",
    diagramsText: { "Graphviz \($0): afdelingen als kaders, binnen elke afdeling en tussen de afdelingen geplaatst met neato (herhaalbaar met een seed); de oppervlakte van een cirkel volgt de tussenpositie; boven 2.000 medewerkers vervangt de afdelingskaart de figuren met personen." })

  static func privacy(_ p: ReportDocument.Privacy) -> String {
    var out = p.pseudonymized
      ? "Elke naam is vervangen door een pseudoniem (HMAC-SHA-256 met een sleutel die niet in het rapport staat); leidinggevenden door hun pseudoniem. "
      : "Namen staan er zoals in de invoer. "
    if p.pseudonymized { out += p.rolesKept ? "Functies zijn op verzoek behouden. " : "Functies zijn weggelaten: een functie die één persoon heeft, noemt die persoon. " }
    out += "Afdelingen met minder dan \(p.minimumGroupSize) medewerkers "
    if p.mergedDepartmentCount == 0 {
      out += "worden samengevoegd; die waren er niet."
    } else if p.suppressed {
      out += "zijn samengevoegd tot één groep (\(p.mergedDepartmentCount == 1 ? "1 afdeling" : "\(p.mergedDepartmentCount) afdelingen")). "
      out += "Die groep is zelf kleiner dan \(p.minimumGroupSize) medewerkers en is daarom met haar medewerkers weggelaten uit elke tabel, lijst, elk bestand en elke figuur met afdelingen of personen; zij tellen wel mee in de totalen."
    } else {
      out += "zijn samengevoegd tot ‘\(p.mergedInto ?? "")’: \(p.mergedDepartments.map { "\($0.name) (\($0.people))" }.joined(separator: ", "))."
    }
    return out
  }

  let csvHeaders = [
    "id": "Persoon", "department": "Afdeling", "manager": "Leidinggevende", "unit_path": "Organisatie-eenheid", "community": "Samenwerkingsgroep", "degree": "Contacten", "strength": "Gewicht relaties",
    "betweenness": "Tussenpositie", "constraint": "Constraint", "effective_size": "Effectieve omvang", "brokerage_role": "Makelaarsrol",
    "articulation_point": "Scharnierpunt", "people": "Medewerkers", "ties_inside": "Relaties binnen", "ties_across": "Relaties buiten",
    "share_inside": "Aandeel binnen", "ei_index": "E-I", "ei_expected": "E-I bij toeval", "ei_p_value": "p",
    "internal_density": "Dichtheid binnen", "modularity_contribution": "Bijdrage modulariteit", "verdict": "Oordeel",
    "ei_ci_low": "E-I marge laag", "ei_ci_high": "E-I marge hoog",
  ]
  let yes = "ja"
  let no = "nee"

  let glossaryHeading = "Begrippen"
  let glossary: [(term: String, meaning: String)] = [
    ("Aandeel binnen", "Van alle samenwerking van de medewerkers van een afdeling het deel met collega’s van dezelfde afdeling (relaties of hun gewicht)."),
    ("E-I-index", "Relaties buiten min relaties binnen, gedeeld door alle relaties: −1 als alles binnen blijft, +1 als alles naar buiten gaat (Krackhardt en Stern 1988)."),
    ("Oordeel", "Verkokerd, naar binnen gericht, in evenwicht of open, afgeleid van het aandeel binnen volgens de norm onder de tabel."),
    ("Marge", "Het bereik waarin het aandeel binnen ligt bij 95 van de 100 herhalingen met opnieuw getrokken gegevens: hoe vast het cijfer staat."),
    ("E-I bij toeval", "De E-I die een afdeling zou hebben als de medewerkers willekeurig over de afdelingen verdeeld waren, met dezelfde omvang per afdeling."),
    ("p", "Hoe vaak een willekeurige verdeling een E-I geeft die zo laag is als de werkelijke; klein betekent dat de afdeling bepaalt wie met wie werkt."),
    ("Modulariteit", "Hoeveel meer de samenwerking binnen de afdelingen blijft dan bij willekeurige relaties (Newman); boven 0,3 bepalen de afdelingen de samenwerking duidelijk."),
    ("Tussenpositie (betweenness)", "Het deel van de kortste verbindingen tussen twee collega’s dat via een persoon loopt (Brandes 2001)."),
    ("Constraint", "De maat van Burt voor hoe sterk de contacten van iemand onderling verbonden zijn; laag betekent dat iemand mensen verbindt die elkaar anders niet treffen."),
    ("Makelaarsrollen", "De vijf rollen van Gould en Fernandez voor iemand tussen twee anderen: coördinator (alle drie in één afdeling), reiziger, poortwachter, vertegenwoordiger en verbindingsschakel (alle drie in verschillende afdelingen)."),
    ("Samenwerkingsgroep", "Mensen die meer met elkaar dan met de rest samenwerken, gevonden met de Leiden-methode zonder naar het organogram te kijken."),
    ("Overeenkomst (NMI, gecorrigeerde Rand)", "Hoe nauw de samenwerkingsgroepen de afdelingen volgen: 1 dezelfde indeling, 0 geen verband."),
  ]
  let warningsHeading = "Waarschuwingen"
  func wrote(folder: String, moreFiles: Int, people: Int, departments: Int, ties: Int) -> String {
    func counted(_ n: Int, _ one: String, _ many: String) -> String { "\(numbers.integer(n)) \(n == 1 ? one : many)" }
    return "\(folder)/report.html en \(moreFiles) andere bestanden geschreven: \(counted(people, "medewerker", "medewerkers")), "
      + "\(counted(departments, "afdeling", "afdelingen")), \(counted(ties, "samenwerkingsrelatie", "samenwerkingsrelaties"))"
  }

  func footer(generator: String, date: String) -> String { "Gemaakt met SiloScope (\(generator)) op \(date)." }
  let dataPathNote = " Elk getal op deze pagina staat in report.json op de plaats in het data-path-attribuut."
}
