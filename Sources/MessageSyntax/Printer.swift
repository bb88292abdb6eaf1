/// Prints a `Message` as canonical ICU MessageFormat text that ICU (and `MessageParser`) reads back
/// as the same message: `MessageParser.parse(MessagePrinter.print(m))` is structurally equal to `m`.
///
/// Canonical form: `{name}`, `{name, type}`, `{name, type, keyword}`, `{name, type, ::skeleton}`,
/// `{name, type,pattern}` (no space: ICU would make it part of the pattern),
/// `{n, plural, offset:1 =0 {…} other {…}}`, `{n, choice, 0#…|1<…}`. Literal text is quoted
/// minimally: special characters (`{`, `}`, and `#` in plural cases, `|` in choice cases) are
/// wrapped in `'…'`, and an apostrophe is doubled only where a single one would start quoting
/// (before a special character, another apostrophe, or the end of a nested message). `isn't`
/// stays `isn't`.
public enum MessagePrinter {
    public static func print(_ message: Message) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        printMessage(message, parent: .none, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Prints `value` so that ICU's `skipDouble`/`parseDouble` read the same value back.
    static func number(_ value: Double, allowInfinity: Bool) -> String {
        if value.isInfinite {
            if allowInfinity { return value < 0 ? "-∞" : "∞" }
            return value < 0 ? "-1e999" : "1e999"
        }
        // (No `rounded()`: it needs libm, which a Foundation-free client may not link.)
        if abs(value) < 1e15, Double(Int64(value)) == value { return String(Int64(value)) }
        return "\(value)"
    }

    static func printMessage(_ message: Message, parent: ParentKind, into out: inout [UInt8]) {
        // Merge adjacent text parts so that quoting decisions see the whole run.
        var merged: [MessagePart] = []
        merged.reserveCapacity(message.parts.count)
        for part in message.parts {
            if case .text(let text, let range) = part, case .text(let previous, let previousRange)? = merged.last {
                merged[merged.count - 1] = .text(previous + text, SourceRange(start: previousRange.start, end: range.end))
            } else {
                merged.append(part)
            }
        }
        for (index, part) in merged.enumerated() {
            switch part {
            case .text(let text, _):
                // The first character printed after this text, if any.
                let following: Unicode.Scalar?
                if index + 1 < merged.count {
                    if case .pound = merged[index + 1] { following = "#" } else { following = "{" }
                } else {
                    following = parent == .none ? nil : "}"
                }
                printText(Array(text.unicodeScalars), parent: parent, following: following, into: &out)
            case .pound:
                out.append("#")
            case .argument(let argument):
                printArgument(argument, into: &out)
            }
        }
    }

    static func printText(_ t: [Unicode.Scalar], parent: ParentKind, following: Unicode.Scalar?, into out: inout [UInt8]) {
        func isSpecial(_ c: Unicode.Scalar) -> Bool {
            c == "{" || c == "}" || (parent == .plural && c == "#") || (parent == .choice && c == "|")
        }
        // Characters after which a single apostrophe starts quoted text.
        func startsQuote(_ c: Unicode.Scalar?) -> Bool {
            guard let c else { return false }
            return c == "'" || c == "{" || c == "}" || (parent == .plural && c == "#") || (parent == .choice && c == "|")
        }
        var k = 0
        let m = t.count
        while k < m {
            let c = t[k]
            if isSpecial(c) {
                // One quoted run up to the last special character of this word (`'{x}'`, not
                // `'{'x'}'`), extended over specials and apostrophes right after it, so that the
                // closing quote is never followed by an apostrophe.
                var last = k
                var j = k + 1
                while j < m, !PatternProps.isWhiteSpace(t[j]) {
                    if isSpecial(t[j]) { last = j }
                    j += 1
                }
                while last + 1 < m, isSpecial(t[last + 1]) || t[last + 1] == "'" { last += 1 }
                out.append("'")
                while k <= last {
                    if t[k] == "'" { out.append("'") }
                    out.append(t[k])
                    k += 1
                }
                out.append("'")
            } else if c == "'" {
                let next = k + 1 < m ? t[k + 1] : following
                out.append("'")
                if startsQuote(next) { out.append("'") }
                k += 1
            } else {
                out.append(c)
                k += 1
            }
        }
    }

    static func append(_ string: String, to out: inout [UInt8]) {
        out.append(contentsOf: string.utf8)
    }

    static func printArgument(_ argument: Argument, into out: inout [UInt8]) {
        out.append("{")
        append(argument.name.description, to: &out)
        switch argument.kind {
        case .simple:
            break
        case .formatted(let type, let style):
            append(", " + type.rawValue, to: &out)
            switch style {
            case nil: break
            case .keyword(let keyword)?: append(", " + keyword, to: &out)
            case .skeleton(let skeleton)?: append(", ::" + skeleton, to: &out)
            // ICU keeps white space around a pattern style as literal text (`{n, number, #}`
            // formats with a leading space), so a pattern follows the comma directly.
            case .pattern(let pattern)?: append("," + pattern, to: &out)
            }
        case .plural(let offset, let cases), .selectordinal(let offset, let cases):
            if case .plural = argument.kind { append(", plural,", to: &out) } else { append(", selectordinal,", to: &out) }
            if offset != 0 { append(" offset:" + number(offset, allowInfinity: false), to: &out) }
            for pluralCase in cases {
                out.append(" ")
                switch pluralCase.selector {
                case .exact(let value): append("=" + number(value, allowInfinity: false), to: &out)
                case .keyword(let keyword): append(keyword, to: &out)
                }
                append(" {", to: &out)
                printMessage(pluralCase.message, parent: .plural, into: &out)
                out.append("}")
            }
        case .select(let cases):
            append(", select,", to: &out)
            for selectCase in cases {
                out.append(" ")
                append(selectCase.keyword, to: &out)
                append(" {", to: &out)
                printMessage(selectCase.message, parent: .select, into: &out)
                out.append("}")
            }
        case .choice(let cases):
            append(", choice, ", to: &out)
            for (index, choiceCase) in cases.enumerated() {
                if index > 0 { out.append("|") }
                append(number(choiceCase.limit, allowInfinity: true), to: &out)
                out.append(choiceCase.exclusive ? "<" : "#")
                printMessage(choiceCase.message, parent: .choice, into: &out)
            }
        }
        out.append("}")
    }
}

extension Array where Element == UInt8 {
    /// Appends the UTF-8 of `scalar` (the printer builds its output as bytes).
    @inline(__always)
    fileprivate mutating func append(_ scalar: Unicode.Scalar) {
        PatternParser.appendUTF8(scalar, to: &self)
    }
}
