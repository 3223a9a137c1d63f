import ArgumentParser
import Foundation
import SiloKit

struct Render: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Draws the organization: people by department, the department map, communities, one person's network.",
    discussion: """
      Views:
        people        everyone, boxed by department; circle area: betweenness;
                      the top brokers outlined and numbered; line width: tie weight
        departments   one circle per department; area: head count; colour: E-I
                      index (red a silo, blue open); lines: collaboration
        communities   everyone, boxed by department, coloured by the community
                      the collaboration places them in: where colours and boxes
                      disagree, the informal structure differs from the org chart
        ego           one person (--person; default the top broker), their
                      contacts and the ties among them

      Graphviz draws in-process (no `dot` program is run). Department boxes are \
      laid out with neato inside each department and neato to arrange them, so \
      the same input and --seed give the same drawing; without boxes neato is \
      used up to 1,000 people and sfdp above. --engine chooses another Graphviz \
      engine (fdp keeps boxes too, but differs from run to run). Above \
      --max-people people the person views draw the department map instead. \
      What was chosen is printed on standard error and kept in the SVG's \
      description.

      The format follows --format, or the --output file's extension. Without \
      --output the drawing goes to standard output (PNG and PDF only into a \
      file or pipe). For slides, --aspect 16:9 fits the whole drawing on a \
      page of that shape, 7.5 in high (13.333 × 7.5 in), centred on white, and \
      --dpi 300 sets the PNG's resolution (4,000 × 2,250 pixels). --language nl \
      writes the diagram's own texts (titles, legends, notes, tooltips) in Dutch.

      Examples:
        siloscope render uren-2025.csv --view departments -o afdelingen.svg
        siloscope render uren-2025.csv --view people -o mensen.png
        siloscope render uren-2025.csv --view people -o dia.png --aspect 16:9 --dpi 300
        siloscope render uren-2025.csv --view ego --person "Ruud Ünal" -o ruud.pdf
        siloscope render --edges edges.csv --nodes nodes.csv --view communities
      """)

  @OptionGroup var input: InputOptions
  @OptionGroup(title: "Projection (logs only)") var projection: ProjectionArguments

  @Option(help: "people, departments, communities or ego.")
  var view: DiagramView = .people

  @Option(help: ArgumentHelp("The person of --view ego: their id as in the input (default: the top broker).", valueName: "id"))
  var person: String?

  @Option(help: "svg (default), png, pdf or dot (the Graphviz input, to edit or render elsewhere).")
  var format: DiagramFormat?

  @Option(help: ArgumentHelp("A Graphviz layout engine (fdp, neato, sfdp, dot, circo, twopi); default: by size.", valueName: "engine"))
  var engine: String?

  @Option(name: [.short, .long], help: ArgumentHelp("The file to write (default: standard output); an existing file is kept unless --force.", valueName: "file"))
  var output: String?

  @Flag(help: "Replace an existing --output file (only a drawing: .svg, .png, .pdf or .dot; never an input).")
  var force = false

  @Option(parsing: .unconditional, help: "The seed of the force-directed layouts: the same seed gives the same drawing.")
  var seed: UInt64 = 1

  @Option(parsing: .unconditional, help: "How many top brokers to outline and number (\(OptionRanges.describe(OptionRanges.drawnBrokers))).")
  var brokers: Int = 5

  @Option(parsing: .unconditional, help: "Above this many people the people and communities views draw departments (\(OptionRanges.describe(OptionRanges.maxPeople))).")
  var maxPeople: Int = 2_000

  @Option(help: ArgumentHelp("A heading for the diagram (the organization, the period).", valueName: "text"))
  var heading: String?

  @Option(help: "The language of the diagram's own texts: en (default) or nl.")
  var language: DiagramLanguage = .en

  @Option(help: ArgumentHelp("Fit the drawing on a page of this shape, 7.5 in high (svg, png, pdf), e.g. 16:9 or 4:3.", valueName: "w:h"))
  var aspect: String?

  @Option(parsing: .unconditional, help: "Pixels per inch of a PNG (\(OptionRanges.describe(Render.dpiRange))); default Graphviz's 96.")
  var dpi: Double?

  static let dpiRange: ClosedRange<Double> = 10 ... 1_200

  @Flag(help: "Ignore tie weights (betweenness in hops, ties counted).")
  var unweighted = false

  func validate() throws {
    if person != nil && view != .ego { throw ValidationError("--person goes with --view ego.") }
    try OptionRanges.check(brokers, OptionRanges.drawnBrokers, option: "brokers")
    try OptionRanges.check(maxPeople, OptionRanges.maxPeople, option: "max-people")
    if let output, output.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--output needs a file name.") }
    if force && output == nil { throw ValidationError("--force goes with --output.") }
    if let engine, engine.isEmpty || !engine.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) {
      throw ValidationError("--engine must be a Graphviz layout engine such as fdp, neato, sfdp or dot.")
    }
    let format = try chosenFormat()
    if let dpi {
      guard Render.dpiRange.contains(dpi) else { throw ValidationError("--dpi must be from 10 to 1,200.") }
      if format != .png { throw ValidationError("--dpi goes with PNG output (--format png).") }
    }
    if aspect != nil {
      _ = try aspectRatio()
      if format == .dot { throw ValidationError("--aspect goes with svg, png or pdf output, not dot.") }
    }
  }

  /// --aspect as two positive whole numbers, `nil` without it.
  func aspectRatio() throws -> (width: Int, height: Int)? {
    guard let aspect else { return nil }
    let parts = aspect.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]), (1 ... 100).contains(w), (1 ... 100).contains(h) else {
      throw ValidationError("--aspect must be two whole numbers from 1 to 100 with a colon between them, such as 16:9.")
    }
    return (w, h)
  }

  /// --format, else the output file's extension, else SVG.
  func chosenFormat() throws -> DiagramFormat {
    let fromName = output.flatMap { DiagramFormat(rawValue: (($0 as NSString).pathExtension).lowercased()) }
    if let format, let fromName, format != fromName {
      throw ValidationError("--format \(format.rawValue) does not match the file name \(output!); give one or make them agree.")
    }
    return format ?? fromName ?? .svg
  }

  func run() throws {
    let format = try chosenFormat()
    if output == nil && (format == .png || format == .pdf) && isatty(STDOUT_FILENO) != 0 {
      throw ValidationError("\(format.rawValue) is binary: give --output FILE or send standard output into a file or pipe.")
    }
    try reportingErrors {
      let loaded = try input.source(projection: projection).load()
      var options = DiagramOptions(engine: engine.map(LayoutEngine.init(rawValue:)), seed: seed, heading: heading, language: language)
      options.maximumPeople = maxPeople
      var request = DiagramRequest(view: view, person: person, options: options)
      request.weighted = !unweighted
      request.brokers = brokers
      request.weightMeaning = loaded.projection.map { $0.weighting.legendName } ?? "weight"
      // Text at 9 pt or more when the drawing fills the width of an A4 page, as in the report.
      let diagram = try loaded.network.diagram(request).fitted(to: .reportPage)
      var page = PageLayout(dpi: dpi)
      if let (w, h) = try aspectRatio() { page = .slide(aspectWidth: w, aspectHeight: h, dpi: dpi) }
      let bytes = try diagram.render(format, page: page)
      if let output {
        let inputs = [input.log, input.people, input.edges, input.nodes].compactMap { $0 }
        if !force && FileManager.default.fileExists(atPath: output) {
          throw OutputError.cannotCreate(path: output, reason: "a file of that name exists; name a new file, or give --force to replace it")
        }
        try AtomicFile.write(path: output, replacing: force && Render.mayReplace(output), protecting: inputs) { append in
          var chunk = bytes
          try append(&chunk)
        }.forEach(printNote)
      } else {
        FileHandle.standardOutput.write(Data(bytes))
      }
      for note in diagram.notes { printNote(note) }
      // The library's note says the limit in words; the option that raises it is the command line's.
      if (view == .people || view == .communities) && loaded.network.graph.nodeCount > maxPeople {
        printNote("--max-people \(loaded.network.graph.nodeCount) draws every person")
      }
      if let output { printNote("wrote \(output) (\(format.rawValue), \(NumberText.integer(bytes.count)) bytes)") }
    }
  }

  /// An existing file may be replaced only when it is a drawing (its extension is one of
  /// the formats); anything else is refused and left alone. Inputs are refused by
  /// `AtomicFile.write` whatever their extension.
  static func mayReplace(_ output: String) -> Bool {
    DiagramFormat(rawValue: (output as NSString).pathExtension.lowercased()) != nil
  }
}

extension DiagramView: ExpressibleByArgument {}
extension DiagramFormat: ExpressibleByArgument {}
extension DiagramLanguage: ExpressibleByArgument {}

extension ProjectionWeighting {
  /// What a tie's weight means, for a diagram's legend.
  var legendName: String {
    switch self {
    case .sharedProjects: return "shared projects"
    case .newman: return "collaboration (Newman)"
    case .hoursOverlap: return "hours together"
    case .jaccard: return "project overlap (Jaccard)"
    }
  }
}

func printNote(_ message: String) {
  var standardError = StandardError()
  print("siloscope: \(TerminalText.safe(message, keepingLineBreaks: false))", to: &standardError)
}
