import Foundation

/// Checks a JSON value against the subset of JSON Schema (2020-12) that
/// `Schemas/report.schema.json` uses: `type` (one or several), `properties`, `required`,
/// `additionalProperties` (false or a schema), `items`, `const`, `enum`. Other keywords are
/// ignored. Returns one message per violation, with its path; empty when the value fits.
///
/// (A hand check instead of a library: the package mirror has no JSON Schema validator, and
/// the tests must not need Python. `python3 -m jsonschema -i report.json
/// Schemas/report.schema.json` (jsonschema 4.26.0) gives the same verdicts as this check on the
/// committed samples Renders/demo/report.json and Renders/demo-nl/report.json (valid) and on
/// copies of them with a required key removed, a key the schema does not list added, or the
/// string `generator` made a number (invalid).)
public enum JSONSchemaCheck {
  public static func violations(of value: Any, against schema: [String: Any], path: String = "$") -> [String] {
    var problems: [String] = []
    if let expected = schema["type"] {
      let types = (expected as? [String]) ?? [(expected as? String) ?? ""]
      if !types.contains(where: { matches(value, type: $0) }) {
        return ["\(path): expected \(types.joined(separator: " or ")), found \(describe(value))"]
      }
    }
    if let constant = schema["const"] {
      if !equal(value, constant) { problems.append("\(path): expected the constant \(constant)") }
    }
    if let allowed = schema["enum"] as? [Any], !allowed.contains(where: { equal(value, $0) }) {
      problems.append("\(path): \(describe(value)) is not one of the allowed values")
    }
    if let object = value as? [String: Any] {
      let properties = schema["properties"] as? [String: Any] ?? [:]
      for key in schema["required"] as? [String] ?? [] where object[key] == nil {
        problems.append("\(path): missing required key \"\(key)\"")
      }
      for (key, child) in object.sorted(by: { $0.key < $1.key }) {
        if let subschema = properties[key] as? [String: Any] {
          problems += violations(of: child, against: subschema, path: "\(path).\(key)")
        } else if let additional = schema["additionalProperties"] {
          if let allowed = additional as? Bool, !allowed {
            problems.append("\(path): key \"\(key)\" is not in the schema")
          } else if let subschema = additional as? [String: Any] {
            problems += violations(of: child, against: subschema, path: "\(path).\(key)")
          }
        }
      }
    }
    if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
      for (index, element) in array.enumerated() {
        problems += violations(of: element, against: items, path: "\(path)[\(index)]")
      }
    }
    return problems
  }

  private static func matches(_ value: Any, type: String) -> Bool {
    switch type {
    case "null": return value is NSNull
    case "boolean": return isBool(value)
    case "number": return value is NSNumber && !isBool(value)
    case "integer":
      guard let number = value as? NSNumber, !isBool(value) else { return false }
      return number.doubleValue == number.doubleValue.rounded()
    case "string": return value is String
    case "array": return value is [Any]
    case "object": return value is [String: Any]
    default: return false
    }
  }

  private static func isBool(_ value: Any) -> Bool {
    // JSONSerialization gives booleans as NSNumbers of Objective-C type "c" (char) on
    // Darwin and Linux alike; numbers are "i", "q" or "d".
    guard let number = value as? NSNumber else { return false }
    return String(cString: number.objCType) == "c"
  }

  private static func equal(_ a: Any, _ b: Any) -> Bool {
    if let x = a as? NSNumber, let y = b as? NSNumber { return x == y }
    if let x = a as? String, let y = b as? String { return x == y }
    return a is NSNull && b is NSNull
  }

  private static func describe(_ value: Any) -> String {
    if value is NSNull { return "null" }
    if isBool(value) { return "a boolean" }
    if value is NSNumber { return "a number" }
    if value is String { return "a string" }
    if value is [Any] { return "an array" }
    if value is [String: Any] { return "an object" }
    return "\(type(of: value))"
  }
}

/// The value at a report path such as `silos.groups[2].ei_index` in parsed JSON.
public func jsonValue(at path: String, in root: Any) -> Any? {
  var node: Any? = root
  for component in path.split(separator: ".") {
    var name = Substring(component)
    var indices: [Int] = []
    while let open = name.lastIndex(of: "["), name.hasSuffix("]") {
      guard let index = Int(name[name.index(after: open) ..< name.index(before: name.endIndex)]) else { return nil }
      indices.insert(index, at: 0)
      name = name[..<open]
    }
    node = (node as? [String: Any])?[String(name)]
    for index in indices {
      guard let array = node as? [Any], array.indices.contains(index) else { return nil }
      node = array[index]
    }
  }
  return node
}
