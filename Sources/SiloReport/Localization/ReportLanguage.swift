import SiloMetrics
import SiloRender

/// The language of a report: report.html, the findings (also in report.json), the command
/// line's summary and the headers of Dutch CSV files.
///
/// Every sentence lives in one catalog per language (``ReportWording``), under a key that
/// says what it is for, not its English text; numbers are formatted by ``NumberStyle``.
public enum ReportLanguage: String, Sendable, Hashable, Codable, CaseIterable {
  case en
  case nl

  /// The language the environment variable `SILOSCOPE_LANGUAGE` names (`nl`, `en`; a
  /// locale such as `nl_NL.UTF-8` counts by its first two letters); `nil` when it names none.
  public static func fromEnvironment(_ environment: [String: String]) -> ReportLanguage? {
    guard let value = environment["SILOSCOPE_LANGUAGE"]?.lowercased(), value.count >= 2 else { return nil }
    return ReportLanguage(rawValue: String(value.prefix(2)))
  }

  /// The catalog of this language.
  public var wording: any ReportWording {
    switch self {
    case .en: return EnglishWording()
    case .nl: return DutchWording()
    }
  }

  /// The same language for SiloRender's diagrams.
  public var diagramLanguage: DiagramLanguage {
    switch self {
    case .en: return .en
    case .nl: return .nl
    }
  }

  /// How numbers are written in this language.
  public var numbers: NumberStyle {
    switch self {
    case .en: return NumberStyle(decimal: ".", grouping: ",")
    case .nl: return NumberStyle(decimal: ",", grouping: ".")
    }
  }
}

/// Numbers as a reader of the language writes them: "4,032" and "0.67" in English, "4.032"
/// and "0,67" in Dutch; a true minus sign (−); percentages without a space ("87%", as the
/// Dutch Taalunie also allows).
public struct NumberStyle: Sendable, Hashable {
  public var decimal: Character
  public var grouping: Character

  /// An integer with grouped thousands.
  public func integer(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var out = value < 0 ? "−" : ""
    for (i, c) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out.append(grouping) }
      out.append(c)
    }
    return out
  }

  /// `places` decimals, a true minus sign, never "−0.00"; "—" when undefined.
  public func fixed(_ value: Double, _ places: Int) -> String {
    guard value.isFinite else { return "—" }
    var text = NumberText.decimal(abs(value), places: places)
    if decimal != "." { text = text.replacing(".", with: String(decimal)) }
    guard value < 0, text.contains(where: { $0 != "0" && $0 != decimal }) else { return text }
    return "−" + text
  }

  /// Two decimals with a sign: "+0.36", "−0.91", "0.00".
  public func signed(_ value: Double) -> String {
    guard value.isFinite else { return "—" }
    let text = fixed(abs(value), 2)
    if text == fixed(0, 2) { return text }
    return (value < 0 ? "−" : "+") + text
  }

  /// A share as a whole percentage; "<1%" for a share above 0 that rounds to 0, ">99%" for
  /// one below 1 that rounds to 100.
  public func percent(_ share: Double) -> String {
    guard share.isFinite else { return "—" }
    let value = share * 100
    if value > 0 && value < 0.5 { return "<1%" }
    if value < 100 && value >= 99.5 { return ">99%" }
    return "\(Int(value.rounded()))%"
  }

  /// A share with one decimal below 10% ("0.4%", "5.1%"), whole above ("23%"): for estimates
  /// whose ranges are narrower than a percentage point.
  public func finePercent(_ share: Double) -> String {
    guard share.isFinite else { return "—" }
    let value = share * 100
    return value < 10 ? fixed(value, 1) + "%" : "\(Int(value.rounded()))%"
  }

  /// A range of shares: "94–97%".
  public func percentRange(_ low: Double, _ high: Double) -> String {
    let a = percent(low), b = percent(high)
    return a == b ? a : a.replacing("%", with: "") + "–" + b
  }

  /// "p < 0.001", "p < 0.01", "p = 0.23".
  public func pValue(_ p: Double) -> String {
    if p < 0.001 { return "p < " + fixed(0.001, 3) }
    if p < 0.01 { return "p < " + fixed(0.01, 2) }
    return "p = " + fixed(p, 2)
  }
}
