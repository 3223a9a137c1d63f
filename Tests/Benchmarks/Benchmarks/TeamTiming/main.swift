// The team advisor's search on generated logs: `teams --teams 5 --size 6` without the
// measuring of each proposal (read and projection timed apart), best of 3.
// `swift run -c release TeamTiming LOG ...` here, or `run.sh teams`.
import BenchmarkTiming
import Foundation
import SiloDesign
import SiloGraph
import SiloIngest

for path in CommandLine.arguments.dropFirst() {
  var network: Network!
  let read = try seconds { network = try ProjectLogReader.read(path: path).projected().network }
  var request = TeamRequest()
  request.teams = 5
  request.size = 6
  var advice: TeamAdvice!
  var best = Double.infinity
  for _ in 0 ..< 3 {
    best = min(best, try seconds { advice = try TeamAdvisor.propose(network: network, request: request, model: TieModel(.constant(1))) })
  }
  print(
    "\((path as NSString).lastPathComponent): \(network.graph.nodeCount) people, \(network.groups!.groupCount) departments; "
      + "read and project \(String(format: "%.2f", read)) s; advisor \(String(format: "%.2f", best)) s "
      + "(\(advice.exhaustive ? "exhaustive" : "greedy and swaps"), model gain \(String(format: "%.2f", advice.modelGain)))")
}
