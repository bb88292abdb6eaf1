import Foundation

/// A small deterministic JSON writer for the tool's output: keys sorted, two-space indentation,
/// `[]`/`{}` for empty containers, every control character escaped (so server text cannot reach
/// a terminal raw), non-ASCII kept as UTF-8. One line per value with `pretty: false` (NDJSON).
enum JSONOutput {
    static func string(_ value: Any, pretty: Bool = true) throws -> String {
        var out = ""
        write(value, into: &out, indent: pretty ? 0 : nil)
        return out
    }

    private static func write(_ value: Any, into out: inout String, indent: Int?) {
        switch value {
        case let dictionary as [String: Any]:
            if dictionary.isEmpty { out += "{}"; return }
            out += "{"
            for (index, key) in dictionary.keys.sorted().enumerated() {
                if index > 0 { out += "," }
                newline(&out, indent.map { $0 + 1 })
                writeString(key, into: &out)
                out += indent == nil ? ":" : ": "
                write(dictionary[key]!, into: &out, indent: indent.map { $0 + 1 })
            }
            newline(&out, indent)
            out += "}"
        case let array as [Any]:
            if array.isEmpty { out += "[]"; return }
            out += "["
            for (index, element) in array.enumerated() {
                if index > 0 { out += "," }
                newline(&out, indent.map { $0 + 1 })
                write(element, into: &out, indent: indent.map { $0 + 1 })
            }
            newline(&out, indent)
            out += "]"
        case let string as String: writeString(string, into: &out)
        case let bool as Bool: out += bool ? "true" : "false"
        case let int as Int: out += String(int)
        case let int as Int64: out += String(int)
        case let double as Double: out += double.isFinite ? String(double) : "null"
        case is NSNull: out += "null"
        default: writeString("\(value)", into: &out)
        }
    }

    private static func newline(_ out: inout String, _ indent: Int?) {
        guard let indent else { return }
        out += "\n" + String(repeating: "  ", count: indent)
    }

    private static func writeString(_ string: String, into out: inout String) {
        out += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
