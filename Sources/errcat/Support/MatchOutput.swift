import ErrorCatalog
import MessageMatching

/// The documented JSON shape of a parse result (see README, "parse --json").
enum MatchOutput {
    /// The result as a JSON object (keys are sorted when written, see `JSONWriter.Layout`).
    static func json(_ result: MatchResult, input: String) -> JSONValue {
        var object: JSONValue = ["input": .string(input), "matched": .bool(result.matched), "ambiguous": .bool(result.ambiguous)]
        if let best = result.best {
            for (key, value) in matchJSON(best).members { object[key] = value }
        } else {
            object["code"] = .null
            object["confidence"] = .string(result.confidence.rawValue)
            if let nearest = result.nearest {
                object["nearest"] = [
                    "code": .string(nearest.code), "locale": .string(nearest.locale), "variant": .string(nearest.variant.id),
                    "pattern": .string(nearest.pattern), "offset": .integer(nearest.scalarOffset), "expected": .string(nearest.expected),
                ]
            }
        }
        // Free-text-only templates ("{reason}.") match almost anything: listed only when nothing more specific matched.
        let specific = result.best.map { !$0.isCatchAll } ?? false
        object["alternatives"] = .array(result.alternatives.filter { !specific || !$0.isCatchAll }.map { matchJSON($0) })
        return object
    }

    static func matchJSON(_ match: Match) -> JSONValue {
        var args: [(key: String, value: JSONValue)] = []
        for (name, value) in match.values {
            var arg: JSONValue = ["type": .string(value.type.rawValue), "value": jsonValue(value.value), "text": .string(value.text)]
            if value.rejected { arg["rejected"] = true }
            arg["valid"] = .bool(value.isValidForType)
            args.append((name, arg))
        }
        var object: JSONValue = [
            "code": .string(match.code),
            "status": .integer(match.status),
            "locale": .string(match.locale),
            "variant": .string(match.variant.id),
            "variantIndex": .integer(match.variant.index),
            "observed": .bool(match.isObserved),
            "args": .object(args),
            "exact": .bool(match.exact),
            "tolerances": .strings(match.tolerances.map(\.rawValue)),
            "catchAll": .bool(match.isCatchAll),
            "confidence": .string(match.confidence.rawValue),
        ]
        if let missing = match.missingText { object["missingText"] = .string(missing) }
        if let extra = match.extraText { object["extraText"] = .string(extra) }
        return object
    }

    static func jsonValue(_ value: Value) -> JSONValue {
        switch value {
        case .integer(let number): return .integer(number)
        case .number(let number): return .number(number)
        case .list(let items): return .strings(items)
        case .text(let text): return .string(text)
        case .date: return .string(value.description)
        }
    }

    /// One line: `InvalidHashValue 400 en docs hash=xyz` or `- no match (nearest …)`.
    static func line(_ result: MatchResult) -> String {
        guard let best = result.best else {
            if let nearest = result.nearest {
                return "- no match (nearest \(nearest.code) \(nearest.locale) \(nearest.variant.id), left at column \(nearest.scalarOffset + 1): expected \(nearest.expected))"
            }
            return "- no match"
        }
        var parts = [best.code, String(best.status), best.locale, best.variant.id]
        for name in best.values.keys.sorted() {
            parts.append("\(name)=\(Terminal.safe(best.values[name]!.text))")
        }
        if !best.exact { parts.append("[~" + best.tolerances.map(\.rawValue).joined(separator: ",") + "]") }
        if best.confidence == .low { parts.append("[guess: free-text template only]") }
        if result.ambiguous {
            let shown = result.alternatives.filter { !$0.isCatchAll || best.isCatchAll }
            parts.append("[ambiguous: also " + shown.map { "\($0.code)/\($0.locale)/\($0.variant.id)" }.joined(separator: ", ") + "]")
        }
        return parts.joined(separator: " ")
    }

    /// The same line from the allocation-free view, for a matched, unambiguous message.
    static func line(_ view: MatchView) -> String {
        // One string, appended in place (the streaming path of `parse` writes one per line).
        var out = ""
        out.reserveCapacity(96)
        out += view.code ?? "-"
        out += " "
        if let status = view.status { out += String(status) } else { out += "-" }
        out += " "
        out += view.locale ?? "-"
        out += " "
        out += view.variant?.id ?? "-"
        // Slots in name order (stable for a name in two slots); templates have a handful.
        let count = view.slotCount
        var order = Array(0..<count)
        if count > 1 {
            let names = order.map(view.name(at:))
            order.sort { names[$0] < names[$1] || (names[$0] == names[$1] && $0 < $1) }
        }
        for index in order {
            out += " "
            out += view.name(at: index)
            out += "="
            out += Terminal.safe(view.text(at: index))
        }
        if !view.exact {
            out += " [~"
            for (k, tolerance) in view.tolerances.enumerated() {
                if k > 0 { out += "," }
                out += tolerance.rawValue
            }
            out += "]"
        }
        return out
    }

    /// A few lines for a person.
    static func detailed(_ result: MatchResult, input: String, catalog: Catalog) -> String {
        guard let best = result.best else {
            var out = Terminal.styled("no template matches", .yellow)
            if let nearest = result.nearest {
                out += "\n  nearest: \(nearest.code) (\(nearest.locale), \(nearest.variant.id)): \(Terminal.safe(nearest.pattern))"
                out += "\n  the message leaves it at column \(nearest.scalarOffset + 1), where it expects \(Terminal.safe(nearest.expected)):"
                let scalars = Array(input.unicodeScalars)
                let shown = String(String.UnicodeScalarView(scalars.prefix(120)))
                out += "\n    \(Terminal.safe(shown))"
                let caretColumn = Terminal.safe(String(String.UnicodeScalarView(scalars.prefix(nearest.scalarOffset)))).count
                out += "\n    " + String(repeating: " ", count: min(caretColumn, 120)) + "^"
            }
            return out
        }
        var out = Terminal.styled(best.code, .bold) + " (HTTP \(best.status)), locale \(best.locale), variant \(best.variant.index) \"\(best.variant.id)\""
        out += best.isObserved ? ", an observed wording" : ""
        out += best.exact ? ", exact" : ", tolerant: " + best.tolerances.map(\.rawValue).joined(separator: ", ")
        if best.confidence == .low { out += ", low confidence (a guess)" }
        if let missing = best.missingText { out += "\n  the message stops before: \(Terminal.safe(missing))" }
        if let extra = best.extraText { out += "\n  the message goes on with: \(Terminal.safe(extra))" }
        let entry = catalog.entry(best.code)
        for placeholder in entry?.placeholders ?? [] {
            guard let value = best.values[placeholder.name] else { continue }
            // An empty value, or one with spacing at an end, is shown in quotes so it can be seen.
            let edges = value.text.isEmpty || value.text.first!.isWhitespace || value.text.last!.isWhitespace
            let shownText = edges ? "\"" + Terminal.safe(value.text) + "\"" : Terminal.safe(value.text)
            var line = "\n  \(placeholder.name) = \(shownText)  (\(placeholder.type)"
            if case .integer(let number) = value.value, value.text != String(number) { line += ", \(number)" }
            if placeholder.rejected {
                line += value.isValidForType ? "; rejected by the server although well-formed" : "; rejected: " + Terminal.safe(placeholder.type.explain(value.text))
            }
            out += line + ")"
        }
        // Catch-all templates ("{reason}.") match nearly anything: worth naming only when they are all there is.
        let shown = best.isCatchAll ? result.alternatives : result.alternatives.filter { !$0.isCatchAll }
        if !shown.isEmpty {
            let label = result.ambiguous ? "ambiguous; equally good" : "also matches"
            out += "\n  \(label): " + shown.map { "\($0.code)/\($0.locale)/\($0.variant.id)" }.joined(separator: ", ")
        }
        if best.isCatchAll {
            out += "\n  " + Terminal.styled("note:", .yellow) + " this template is free text only, so it says little about the message"
        }
        return out
    }
}

