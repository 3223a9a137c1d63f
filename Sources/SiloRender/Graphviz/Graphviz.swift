import SiloGraph
@preconcurrency import CGraphviz
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A Graphviz layout engine (a layout plugin).
public struct LayoutEngine: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }

  /// Layered drawing along edge direction; good for hierarchies, slow on dense networks.
  public static let dot = LayoutEngine(rawValue: "dot")
  /// Spring model (stress majorization); good up to a few hundred nodes.
  public static let neato = LayoutEngine(rawValue: "neato")
  /// Force-directed with clusters honoured. Offered only on request: with clusters, Graphviz
  /// 2.42's `fdp` gives a different drawing on every run, even with the same seed, so
  /// SiloScope draws department boxes with ``clustered`` instead.
  public static let fdp = LayoutEngine(rawValue: "fdp")
  /// Multiscale force-directed; for very large graphs.
  public static let sfdp = LayoutEngine(rawValue: "sfdp")
  /// Circular layout.
  public static let circo = LayoutEngine(rawValue: "circo")
  /// Radial layout around a root.
  public static let twopi = LayoutEngine(rawValue: "twopi")
  /// Graphviz's "already laid out" mode (`neato -n`): draws nodes where their `pos` says.
  public static let nop = LayoutEngine(rawValue: "nop")
  /// SiloScope's repeatable layout for clusters: `neato` inside each cluster, `neato` to
  /// arrange the clusters, `nop` to draw (see ``Diagram``). Not a Graphviz plugin.
  public static let clustered = LayoutEngine(rawValue: "clustered")
  /// SiloScope's layout for a tree with other lines over it: `dot` on the tree alone (the
  /// edges without `constraint=false`), `nop` to draw everything with the boxes kept there.
  /// Not a Graphviz plugin.
  public static let tree = LayoutEngine(rawValue: "tree")

  /// The engines SiloScope knows how to tune.
  public static let known: [LayoutEngine] = [.clustered, .dot, .neato, .fdp, .sfdp, .circo, .twopi]

  public var description: String { rawValue }
}

/// An output format.
public enum DiagramFormat: String, Sendable, Hashable, Codable, CaseIterable {
  /// Scalable vector graphics (Graphviz's core renderer), with titles and tooltips.
  case svg
  /// A bitmap, through Graphviz's cairo renderer (pango plugin).
  case png
  /// A PDF page, through Graphviz's cairo renderer (pango plugin).
  case pdf
  /// The DOT text SiloScope hands to Graphviz, with the engine and its settings as graph
  /// attributes: `dot -Tsvg file.dot` draws the same diagram. Needs no Graphviz library.
  case dot

  /// The file extension.
  public var fileExtension: String { rawValue }

  /// The Graphviz plugin that provides the format, for error messages.
  var plugin: String {
    switch self {
    case .svg, .dot: return "core (libgvplugin_core)"
    case .png, .pdf: return "cairo (libgvplugin_pango, Debian package libgvc6)"
    }
  }
}

/// What went wrong while drawing.
public enum RenderError: Error, Sendable, Hashable, CustomStringConvertible {
  /// Graphviz has no layout plugin of this name.
  case unknownEngine(String, available: [String])
  /// Graphviz has no renderer for the format on this machine.
  case formatUnavailable(String, plugin: String, available: [String])
  /// Graphviz loaded no plugins at all (its plugin configuration is missing).
  case noPlugins
  /// Graphviz reported an error; `stage` is `reading`, `layout` or `rendering`.
  case graphviz(stage: String, message: String)
  /// The diagram cannot be made from this network (an unknown person, …).
  case invalidDiagram(String)
  /// The diagram needs departments and the network has none.
  case noDepartments
  /// More people than the limit to draw one by one, and no departments to draw instead.
  case tooManyPeople(people: Int, limit: Int)

  public var description: String {
    switch self {
    case .unknownEngine(let name, let available):
      return "Graphviz has no layout engine \"\(name)\"; this machine has: \(available.joined(separator: ", "))"
    case .formatUnavailable(let format, let plugin, let available):
      return "Graphviz cannot write \(format) here: the \(plugin) plugin is not installed or not configured"
        + (available.isEmpty ? "" : " (formats available: \(available.joined(separator: ", ")))")
    case .noPlugins:
      return "Graphviz found no plugins: its configuration file (config6a) is missing; "
        + "reinstall libgvc6 or run `libgvc6-config-update -c` as root"
    case .graphviz(let stage, let message):
      return "Graphviz failed while \(stage): \(message)"
    case .noDepartments:
      return "the input has no departments (no department column, people file or group attribute)"
    case .tooManyPeople(let people, let limit):
      return "\(people) people are too many to draw one by one (the limit is \(limit)), and the input has no departments to draw instead"
    case .invalidDiagram(let message):
      return message
    }
  }

  /// What kind of failure this is: an engine that does not exist was asked for, a plugin is
  /// missing, the data cannot give the diagram, or Graphviz itself failed.
  public var kind: FailureKind {
    switch self {
    case .unknownEngine: return .invalidRequest
    case .formatUnavailable, .noPlugins: return .capabilityUnavailable
    case .invalidDiagram, .noDepartments, .tooManyPeople: return .invalidData
    case .graphviz: return .internalFailure
    }
  }
}

/// SiloScope's only door to Graphviz's C library.
///
/// Graphviz 2.42 is not thread-safe, not even for building separate graphs on separate
/// threads (see `Tests/References/graphviz.md` §1), and its pango plugin keeps state across
/// contexts. So:
///
/// - there is one Graphviz context per process, made on first use and never freed;
/// - every call into the library, from reading the DOT text to freeing the graph, runs
///   inside one lock, so concurrent callers wait for each other;
/// - every allocation is freed on every path, errors included: the rendered bytes
///   (`gvFreeRenderData`, also when rendering fails), the layout (`gvFreeLayout`) and the
///   graph (`agclose`), in that order;
/// - Graphviz's messages are not printed: `agseterr(AGMAX)` sends them to Graphviz's
///   internal log, and an error comes back as ``RenderError/graphviz(stage:message:)``
///   with the message (`aglasterr`). (The message callback `agseterrf` is not used: in 2.42
///   it corrupts messages over about 1 KB, and messages quote user data.)
/// - engine and format names are handed to Graphviz as C strings that live for the whole
///   process, because Graphviz keeps the format pointer in its job list after a failure.
///
/// The `dot` program is never started.
public enum Graphviz {
  private struct State: ~Copyable {
    var context: OpaquePointer?
    /// C strings for engine and format names, allocated once and never freed.
    var names: [String: UnsafeMutablePointer<CChar>] = [:]
    var layouts: [String]?
    var devices: [String]?

    mutating func cString(_ name: String) -> UnsafeMutablePointer<CChar> {
      if let pointer = names[name] { return pointer }
      let pointer = strdup(name)!
      names[name] = pointer
      return pointer
    }

    mutating func gvc() throws(RenderError) -> OpaquePointer {
      if let context { return context }
      _ = agseterr(AGMAX)
      guard let made = gvContext() else { throw .noPlugins }
      context = made
      return made
    }
  }

  private static let state = Mutex(State())

  /// The layout engines this machine's Graphviz offers.
  public static func availableEngines() throws(RenderError) -> [String] {
    try state.withLock { (state: inout State) throws(RenderError) -> [String] in try engines(&state) }
  }

  /// The output formats (Graphviz devices) this machine's Graphviz offers.
  public static func availableFormats() throws(RenderError) -> [String] {
    try state.withLock { (state: inout State) throws(RenderError) -> [String] in try devices(&state) }
  }

  /// The version Graphviz reports (Debian's 2.42 says `2.43.0`).
  public static func version() throws(RenderError) -> String {
    try state.withLock { (state: inout State) throws(RenderError) -> String in
      let gvc = try state.gvc()
      return gvcVersion(gvc).map { String(cString: $0) } ?? "unknown"
    }
  }

  /// Lays out DOT text with `engine` and renders it in `format` (not `.dot`).
  ///
  /// - Throws: ``RenderError`` for an engine or format this machine lacks, DOT text
  ///   Graphviz cannot read, and any error Graphviz reports while laying out or rendering
  ///   (warnings are not errors).
  ///
  /// With `page`, the drawing is scaled to fit a page of `page.width` × `page.height` points
  /// (2 % margin on its tighter side) and centred on it, the rest in the background colour:
  /// Graphviz's `viewport`, computed from the bounding box of the layout (`bb`).
  public static func render(
    dot text: String, engine: LayoutEngine, format: DiagramFormat, page: (width: Double, height: Double)? = nil
  ) throws(RenderError) -> [UInt8] {
    precondition(format != .dot, "DOT output is the encoder's text; it needs no layout")
    return try render(dot: text, engine: engine, device: format.rawValue, plugin: format.plugin, page: page)
  }

  /// The same, for any Graphviz device name (tests use it for formats this machine lacks).
  static func render(
    dot text: String, engine: LayoutEngine, device: String, plugin: String, page: (width: Double, height: Double)? = nil
  ) throws(RenderError) -> [UInt8] {
    if engine == .clustered {
      throw .invalidDiagram("the clustered layout is SiloScope's own: render a Diagram (Diagram.render), not DOT text")
    }
    if text.allSatisfy(\.isWhitespace) { throw .graphviz(stage: "reading the DOT text", message: "the text is empty") }
    return try state.withLock { (state: inout State) throws(RenderError) -> [UInt8] in
      let gvc = try state.gvc()
      let layouts = try engines(&state)
      guard layouts.contains(engine.rawValue) else {
        throw .unknownEngine(engine.rawValue, available: [LayoutEngine.clustered.rawValue] + layouts)
      }
      let formats = try devices(&state)
      guard formats.contains(device) else {
        throw .formatUnavailable(device, plugin: plugin, available: formats)
      }
      let engineName = state.cString(engine.rawValue)
      let formatName = state.cString(device)

      _ = agreseterrors()
      guard let graph = text.withCString({ agmemread($0) }) else {
        throw .graphviz(stage: "reading the DOT text", message: lastError())
      }
      defer { agclose(graph) }

      _ = agreseterrors()
      guard gvLayout(gvc, graph, engineName) == 0 else {
        throw .graphviz(stage: "laying out with \(engine.rawValue)", message: lastError())
      }
      defer { gvFreeLayout(gvc, graph) }
      if agerrors() >= Int32(AGERR.rawValue) {
        throw .graphviz(stage: "laying out with \(engine.rawValue)", message: lastError())
      }
      if let page { fit(graph, page: page) }

      var data: UnsafeMutablePointer<CChar>? = nil
      var length: UInt32 = 0
      let status = gvRenderData(gvc, graph, formatName, &data, &length)
      // Freed even when rendering fails: Graphviz may hand back a buffer then too.
      defer { if let data { gvFreeRenderData(data) } }
      guard status == 0, agerrors() < Int32(AGERR.rawValue), let data else {
        throw .graphviz(stage: "rendering \(device)", message: lastError())
      }
      return Array(UnsafeRawBufferPointer(start: data, count: Int(length)))
    }
  }

  /// Sets the `viewport` of a laid-out graph so that its bounding box (`bb`, which `gvLayout`
  /// sets as "llx lly urx ury" in points) fills `page` (points) less a 2 % margin, centred.
  private static func fit(_ graph: UnsafeMutablePointer<Agraph_t>, page: (width: Double, height: Double)) {
    let box = "bb".withCString { name in agget(UnsafeMutableRawPointer(graph), UnsafeMutablePointer(mutating: name)) }
      .map { String(cString: $0).split(separator: " ").compactMap { Double($0) } } ?? []
    guard box.count == 4, box[2] > box[0], box[3] > box[1], page.width > 0, page.height > 0 else { return }
    let zoom = min(page.width / (box[2] - box[0]), page.height / (box[3] - box[1])) * 0.96
    let viewport = [page.width, page.height, zoom, (box[0] + box[2]) / 2, (box[1] + box[3]) / 2].map(DOTEncoder.number).joined(separator: ",")
    _ = "viewport".withCString { name in
      viewport.withCString { value in
        "".withCString { none in
          agsafeset(UnsafeMutableRawPointer(graph), UnsafeMutablePointer(mutating: name), UnsafeMutablePointer(mutating: value), UnsafeMutablePointer(mutating: none))
        }
      }
    }
  }

  private static func engines(_ state: inout State) throws(RenderError) -> [String] {
    if let layouts = state.layouts { return layouts }
    let list = pluginList(try state.gvc(), kind: "layout")
    guard !list.isEmpty else { throw .noPlugins }
    state.layouts = list
    return list
  }

  private static func devices(_ state: inout State) throws(RenderError) -> [String] {
    if let devices = state.devices { return devices }
    let list = pluginList(try state.gvc(), kind: "device")
    state.devices = list
    return list
  }

  /// Graphviz's plugin names of one kind, without the `:package` suffixes, sorted.
  private static func pluginList(_ gvc: OpaquePointer, kind: String) -> [String] {
    var count: Int32 = 0
    guard let list = gvPluginList(gvc, kind, &count, nil) else { return [] }
    defer { free(list) }
    var names = Set<String>()
    for i in 0 ..< Int(max(0, count)) {
      guard let entry = list[i] else { continue }
      let name = String(cString: entry)
      free(entry)
      names.insert(String(name.split(separator: ":").first ?? Substring(name)))
    }
    return names.sorted()
  }

  /// The last message Graphviz logged, without its trailing line break.
  private static func lastError() -> String {
    guard let message = aglasterr() else { return "no message" }
    defer { free(message) }
    var text = String(decoding: UnsafeRawBufferPointer(start: message, count: strlen(message)), as: UTF8.self)
    while text.last?.isNewline == true { text.removeLast() }
    return text.isEmpty ? "no message" : text
  }
}
