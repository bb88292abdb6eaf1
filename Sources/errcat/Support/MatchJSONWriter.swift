import ErrorCatalog
import MessageMatching

/// Writes a parse result as one line of JSON straight into bytes — the streaming path of
/// `parse --json`, tens of times faster than building `[String: Any]` and serialising it.
/// It produces exactly what `JSONOutput.string(MatchOutput.json(…), pretty: false)` produces
/// (same keys in the same sorted order, same escaping); a test holds the two together.
struct MatchJSONWriter {
    var bytes: [UInt8] = []

    init() {
        bytes.reserveCapacity(1 << 12)
    }

    mutating func write(_ result: MatchResult, input: String) {
        let specific = result.best.map { !$0.isCatchAll } ?? false
        raw("{\"alternatives\":[")
        var first = true
        for alternative in result.alternatives where !specific || !alternative.isCatchAll {
            if !first { byte(UInt8(ascii: ",")) }
            first = false
            raw("{")
            matchFields(alternative)
            raw("}")
        }
        raw("],\"ambiguous\":")
        raw(result.ambiguous ? "true" : "false")
        if let best = result.best {
            raw(",")
            // The best match's fields interleave with input/matched in sorted key order.
            args(best)
            raw(",\"catchAll\":"); raw(best.isCatchAll ? "true" : "false")
            raw(",\"code\":"); string(best.code)
            raw(",\"exact\":"); raw(best.exact ? "true" : "false")
            raw(",\"input\":"); string(input)
            raw(",\"locale\":"); string(best.locale)
            raw(",\"matched\":true")
            raw(",\"observed\":"); raw(best.isObserved ? "true" : "false")
            raw(",\"status\":"); raw(String(best.status))
            raw(",\"tolerances\":"); tolerances(best.tolerances)
            raw(",\"variant\":"); string(best.variant.id)
            raw(",\"variantIndex\":"); raw(String(best.variant.index))
        } else {
            raw(",\"code\":null,\"input\":"); string(input)
            raw(",\"matched\":false")
            if let nearest = result.nearest {
                raw(",\"nearest\":{\"code\":"); string(nearest.code)
                raw(",\"expected\":"); string(nearest.expected)
                raw(",\"locale\":"); string(nearest.locale)
                raw(",\"offset\":"); raw(String(nearest.scalarOffset))
                raw(",\"pattern\":"); string(nearest.pattern)
                raw(",\"variant\":"); string(nearest.variant.id)
                raw("}")
            }
        }
        raw("}")
    }

    private mutating func matchFields(_ match: Match) {
        args(match)
        raw(",\"catchAll\":"); raw(match.isCatchAll ? "true" : "false")
        raw(",\"code\":"); string(match.code)
        raw(",\"exact\":"); raw(match.exact ? "true" : "false")
        raw(",\"locale\":"); string(match.locale)
        raw(",\"observed\":"); raw(match.isObserved ? "true" : "false")
        raw(",\"status\":"); raw(String(match.status))
        raw(",\"tolerances\":"); tolerances(match.tolerances)
        raw(",\"variant\":"); string(match.variant.id)
        raw(",\"variantIndex\":"); raw(String(match.variant.index))
    }

    private mutating func args(_ match: Match) {
        raw("\"args\":{")
        var first = true
        for name in match.values.keys.sorted() {
            let value = match.values[name]!
            if !first { byte(UInt8(ascii: ",")) }
            first = false
            string(name)
            raw(":{")
            if value.rejected { raw("\"rejected\":true,") }
            raw("\"text\":"); string(value.text)
            raw(",\"type\":"); string(value.type.rawValue)
            raw(",\"valid\":"); raw(value.isValidForType ? "true" : "false")
            raw(",\"value\":")
            switch value.value {
            case .integer(let number): raw(String(number))
            case .number(let number): raw(number.isFinite ? String(number) : "null")
            case .text(let text): string(text)
            case .date: string(value.value.description)
            case .list(let items):
                raw("[")
                for (index, item) in items.enumerated() {
                    if index > 0 { byte(UInt8(ascii: ",")) }
                    string(item)
                }
                raw("]")
            }
            raw("}")
        }
        raw("}")
    }

    private mutating func tolerances(_ list: [Tolerance]) {
        raw("[")
        for (index, tolerance) in list.enumerated() {
            if index > 0 { byte(UInt8(ascii: ",")) }
            string(tolerance.rawValue)
        }
        raw("]")
    }

    private mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    private mutating func byte(_ value: UInt8) {
        bytes.append(value)
    }

    /// A JSON string with the escaping of `JSONOutput`: `"` `\` and controls escaped, C1 controls
    /// and U+2028/2029 as \u escapes, everything else as UTF-8.
    private mutating func string(_ text: String) {
        byte(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var index = 0
            while index < utf8.count {
                let b = utf8[index]
                switch b {
                case UInt8(ascii: "\""): raw("\\\"")
                case UInt8(ascii: "\\"): raw("\\\\")
                case 0x0A: raw("\\n")
                case 0x0D: raw("\\r")
                case 0x09: raw("\\t")
                case 0x00..<0x20, 0x7F: hexEscape(UInt32(b))
                case 0xC2 where index + 1 < utf8.count && (0x80...0x9F).contains(utf8[index + 1]):
                    hexEscape(UInt32(utf8[index + 1]))
                    index += 1
                case 0xE2 where index + 2 < utf8.count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                    hexEscape(utf8[index + 2] == 0xA8 ? 0x2028 : 0x2029)
                    index += 2
                default: byte(b)
                }
                index += 1
            }
        }
        byte(UInt8(ascii: "\""))
    }

    private mutating func hexEscape(_ value: UInt32) {
        let hex = String(value, radix: 16)
        raw("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
    }
}
