import SiloGraph
import SiloIngest

/// libFuzzer's entry point: one input, any bytes. The first byte chooses the reader (a CSV
/// project log, JSON Lines, an edge list, GraphML, a people file, or an edge list with a node
/// list split at the first NUL); the rest is the file. A read that succeeds is projected and
/// built into a network, so that weights, names and sizes that pass the readers are used as
/// the analysis uses them. Errors are the expected outcome for most inputs; a crash (a trap,
/// an overflow, a failed precondition, a sanitizer report) is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard size > 0 else { return 0 }
  let selector = data[0]
  let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
  switch selector % 6 {
  case 0: readLog(bytes, name: "log.csv", format: .csv)
  case 1: readLog(bytes, name: "log.jsonl", format: .jsonl)
  case 2: readEdges(bytes, name: "edges.csv", nodes: nil)
  case 3: readEdges(bytes, name: "network.graphml", nodes: nil)
  case 4: _ = try? PeopleFile.read(bytes: bytes, name: "people.csv")
  default:
    let split = bytes.firstIndex(of: 0) ?? bytes.count
    readEdges(Array(bytes[..<split]), name: "edges.csv", nodes: Array(bytes[min(bytes.count, split + 1)...]))
  }
  return 0
}

private func readLog(_ bytes: [UInt8], name: String, format: LogFormat) {
  var options = LogReadOptions()
  options.format = format
  guard let log = try? ProjectLogReader.read(bytes: bytes, name: name, options: options) else { return }
  for weighting in ProjectionWeighting.allCases {
    var projection = ProjectionOptions()
    projection.weighting = weighting
    guard let network = try? log.projected(projection).network else { continue }
    check(network)
  }
}

private func readEdges(_ bytes: [UInt8], name: String, nodes: [UInt8]?) {
  guard let loaded = try? NetworkReader.read(edgeBytes: bytes, name: name, nodeBytes: nodes) else { return }
  check(loaded.network)
}

/// What every network read must satisfy: finite positive weights, one id per node, ids in
/// their normalized form, and a department aggregate with finite weights.
private func check(_ network: Network) {
  for edge in network.graph.edges {
    precondition(edge.weight.isFinite && edge.weight > 0, "tie weight \(edge.weight)")
  }
  precondition(Set(network.nodes.ids).count == network.nodes.count, "two nodes with one id")
  for id in network.nodes.ids { precondition(Names.normalized(id).utf8.elementsEqual(id.utf8), "an id that is not normalized") }
  if let groups = network.groups {
    let departments = DepartmentNetwork(aggregating: network, by: groups)
    precondition(departments.graph.edges.allSatisfy { $0.weight.isFinite }, "a department weight that is not finite")
  }
}

/// libFuzzer's driver (compiler-rt, linked by `-sanitize=fuzzer`).
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
  _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

/// The program's entry: SwiftPM links an executable target's `main` to this symbol, so it
/// hands the command line to libFuzzer's driver.
@_cdecl("ReaderFuzzer_main")
public func readerFuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  var count = argc
  var arguments = argv
  return runDriver(&count, &arguments, fuzzOneInput)
}
