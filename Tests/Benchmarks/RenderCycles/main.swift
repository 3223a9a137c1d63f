// RenderCycles: builds and renders the same diagram over and over, so that a leak checker
// (valgrind, LeakSanitizer) can tell memory that grows per render from one-time caches.
// Used by scripts/leak-check.sh; results in Tests/Benchmarks/LEAKS.md.
//
//   RenderCycles <cycles> <engine|auto> <format> [view] [people]
//
//   engine  dot, neato, fdp, sfdp, circo, twopi, or auto (SiloScope's LayoutPlan chooses)
//   format  svg, png or pdf; or dot, which prints the diagram's DOT text once and stops (the
//           leak check's plain C reference loop renders that text)
//   view    people (default), departments, communities or ego
//   people  how many people (default 48, in 5 departments)
//
// Every cycle builds the diagram from the network (Network.diagram) and renders it. Every
// tenth cycle also takes four failure paths, each of which must throw the expected RenderError:
//   3 mod 10  an engine Graphviz does not have   (RenderError.unknownEngine, before any C call)
//   5 mod 10  the ego view of an unknown person   (RenderError.invalidDiagram, no C call)
//   7 mod 10  malformed DOT text                  (RenderError.graphviz, agmemread returns NULL)
//   9 mod 10  an invalid HTML label               (RenderError.graphviz after gvLayout: the
//                                                  wrapper frees the layout and the graph)
// RENDERCYCLES_INJECT_LEAK=1 leaks one small Swift object per cycle on purpose: the leak
// check's self-test (scripts/leak-check.sh --self-test) must then fail.
//
// Exit status: 0 when every render gave plausible bytes and every failure path threw what it
// should, 1 otherwise, 64 for wrong arguments.

import SiloKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a line to a file descriptor, unbuffered: LeakSanitizer ends the process with `_exit`
/// when it finds a leak, which would drop buffered standard output. (The C `stderr` global is
/// not concurrency-safe in Swift 6 either.)
func printLine(_ line: String, to descriptor: Int32 = 1) {
  var text = line + "\n"
  _ = text.withUTF8 { write(descriptor, $0.baseAddress, $0.count) }
}

func printError(_ line: String) { printLine(line, to: 2) }

func usage() -> Never {
  printError("usage: RenderCycles <cycles> <engine|auto> <format: svg|png|pdf|dot> [view: people|departments|communities|ego] [people]")
  exit(64)
}

let arguments = CommandLine.arguments
guard (4 ... 6).contains(arguments.count), let cycles = Int(arguments[1]), cycles >= 0 else { usage() }
let engine: LayoutEngine? = arguments[2] == "auto" ? nil : LayoutEngine(rawValue: arguments[2])
guard let format = DiagramFormat(rawValue: arguments[3]) else { usage() }
let viewName = arguments.count > 4 ? arguments[4] : "people"
guard let view = DiagramView(rawValue: viewName) else { usage() }
let peopleCount = arguments.count > 5 ? Int(arguments[5]) ?? -1 : 48
guard (2 ... 100_000).contains(peopleCount) else { usage() }

// MARK: - A deterministic organization, names with diacritics and DOT-sensitive characters

let departments = ["Financiën", "Ruimte & Wonen", "Zorg \"Welzijn\"", "ICT\\Beheer", "Burgerzaken <KCC>"]
let firstNames = ["José", "Zoë", "Ünal", "Anaïs", "Søren", "Çağla", "Łukasz", "Renée", "Björn", "Inês", "Dóra", "Noël"]
let lastNames = ["Müller", "de Vries", "Ørsted", "Žižek", "Nuñez", "van 't Hof", "Ó Briain", "Şahin", "Dvořák", "Łęcka"]

func organization(people n: Int) -> Network {
  var random = SeededGenerator(seed: 20_261_129)
  var table = NodeTable()
  var department: [Int] = []
  for i in 0 ..< n {
    let name = "\(firstNames[i % firstNames.count]) \(lastNames[(i / firstNames.count + i) % lastNames.count]) \(i + 1)"
    let node = table.add(id: name)
    let d = i % departments.count
    department.append(d)
    table.setAttribute(NodeAttribute.department, to: departments[d], for: node)
  }
  var builder = GraphBuilder(nodeCount: n)
  for a in 0 ..< n {
    for b in (a + 1) ..< n {
      // About 4 ties per person inside the department, 1 across.
      let chance = department[a] == department[b] ? min(1, 4.0 * Double(departments.count) / Double(n)) : 1.0 / Double(n)
      if random.nextUnit() < chance {
        builder.addEdge(NodeID(a), NodeID(b), weight: Double(1 + random.next() % 5))
      }
    }
  }
  let groups = Network.partition(of: table, by: NodeAttribute.department)
  return Network(graph: builder.build(), nodes: table, groups: groups)
}

let network = organization(people: peopleCount)
let egoPerson = network.nodes.ids[0]

// MARK: - The cycles

func seconds() -> Double {
  var now = timespec()
  clock_gettime(CLOCK_MONOTONIC, &now)
  return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

func plausible(_ bytes: [UInt8], _ format: DiagramFormat) -> Bool {
  guard !bytes.isEmpty else { return false }
  switch format {
  case .svg:
    let svg = Array("<svg".utf8)
    return bytes.count > svg.count && (0 ... bytes.count - svg.count).contains { Array(bytes[$0 ..< $0 + svg.count]) == svg }
  case .png: return bytes.starts(with: [0x89, 0x50, 0x4E, 0x47])
  case .pdf: return bytes.starts(with: Array("%PDF".utf8))
  case .dot: return true
  }
}

let options = DiagramOptions(engine: engine, seed: 7, heading: "Gemeente ’s-Hertogenbosch — proef")
let request = DiagramRequest(view: view, person: view == .ego ? egoPerson : nil, options: options)

var bogusRequest = request
bogusRequest.options.engine = LayoutEngine(rawValue: "bogus")
let unknownPerson = DiagramRequest(view: .ego, person: "Niemand Ñoño", options: options)
let malformedDOT = "graph { a -- ; }"
let badHTMLDOT = "graph { a [label=<<b>Zoë</i>>]; a -- b }"

var rendered = 0, totalBytes = 0, problems = 0
var expected: [String: Int] = ["unknownEngine": 0, "invalidDiagram": 0, "graphviz(reading)": 0, "graphviz(layout)": 0]
var usedEngine = engine?.rawValue ?? "auto"

@MainActor func problem(_ message: String) {
  problems += 1
  if problems <= 10 { printError("RenderCycles: \(message)") }
}

/// Runs `body`, which must throw a RenderError that `matches` accepts.
@MainActor func expectFailure(_ name: String, _ body: () throws(RenderError) -> Void, matches: (RenderError) -> Bool) {
  do {
    try body()
    problem("\(name): no error")
  } catch {
    if matches(error) { expected[name, default: 0] += 1 } else { problem("\(name): unexpected \(error)") }
  }
}

if format == .dot {
  do {
    // render(.dot) rather than dotText: the text Graphviz is handed, after any layout passes
    // SiloScope does itself.
    printLine(String(decoding: try network.diagram(request).render(.dot), as: UTF8.self))
    exit(0)
  } catch {
    printError("RenderCycles: \(error)")
    exit(1)
  }
}

/// Leaked on purpose, once per cycle, when RENDERCYCLES_INJECT_LEAK=1: each cycle's object is
/// retained and its only pointer overwritten by the next one's (the pointer is read at the
/// end, so that the optimizer keeps the allocations).
final class InjectedLeak {
  var cycle: Int
  init(cycle: Int) { self.cycle = cycle }
}
let injectLeak = getenv("RENDERCYCLES_INJECT_LEAK").map { String(cString: $0) == "1" } ?? false
nonisolated(unsafe) var injected: UnsafeMutableRawPointer? = nil

let start = seconds()
for cycle in 0 ..< cycles {
  if injectLeak { injected = Unmanaged.passRetained(InjectedLeak(cycle: cycle)).toOpaque() }
  do {
    let diagram = try network.diagram(request)
    usedEngine = diagram.engine.rawValue
    let bytes = try diagram.render(format)
    if plausible(bytes, format) {
      rendered += 1
      totalBytes += bytes.count
    } else {
      problem("cycle \(cycle): \(bytes.count) bytes that are not \(format)")
    }
  } catch {
    problem("cycle \(cycle): \(error)")
  }

  switch cycle % 10 {
  case 3:
    expectFailure("unknownEngine", { () throws(RenderError) in _ = try network.diagram(bogusRequest).render(format) }) {
      if case .unknownEngine("bogus", _) = $0 { return true } else { return false }
    }
  case 5:
    expectFailure("invalidDiagram", { () throws(RenderError) in _ = try network.diagram(unknownPerson).render(format) }) {
      if case .invalidDiagram = $0 { return true } else { return false }
    }
  case 7:
    expectFailure("graphviz(reading)", { () throws(RenderError) in _ = try Graphviz.render(dot: malformedDOT, engine: .fdp, format: format) }) {
      if case .graphviz(let stage, _) = $0 { return stage.hasPrefix("reading") } else { return false }
    }
  case 9:
    expectFailure("graphviz(layout)", { () throws(RenderError) in _ = try Graphviz.render(dot: badHTMLDOT, engine: .neato, format: format) }) {
      if case .graphviz(let stage, _) = $0 { return stage.hasPrefix("laying out") } else { return false }
    }
  default:
    break
  }
}
let elapsed = seconds() - start

var resources = rusage()
getrusage(RUSAGE_SELF.rawValue, &resources)
let failures = expected.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
printLine(
  "RenderCycles: \(cycles) cycles, \(view.rawValue) view of \(network.graph.nodeCount) people / \(network.graph.edgeCount) ties, "
    + "engine \(usedEngine), \(format.rawValue): \(rendered) rendered (\(rendered == 0 ? 0 : totalBytes / rendered) bytes each), "
    + "failure paths: \(failures), problems \(problems), \((elapsed * 100).rounded() / 100) s, max RSS \(resources.ru_maxrss / 1024) MB"
    + (injectLeak ? ", leaked \(cycles) objects on purpose (last at \(String(describing: injected)))" : ""))
exit(problems == 0 ? 0 : 1)
