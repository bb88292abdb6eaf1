import ErrorCatalog
import MessageMatching

/// Writes a parse result as one line of JSON straight into bytes — the streaming path of
/// `parse --json`, much faster than building a `JSONValue` tree (a dictionary per match and per
/// value) and sorting its keys. It writes through the package's one `JSONWriter` (same escape
/// function, same number forms) and states the keys in sorted order by hand, so it produces
/// exactly what `JSONWriter.string(MatchOutput.json(…), layout: .compact)` produces; a test holds
/// the two together on catalog messages and on random hostile text.
struct MatchJSONWriter {
    private var writer = JSONWriter(layout: .compact, capacity: 1 << 12)
    private var names: [String] = []

    /// With `terminalSafe`, strings also escape what `Terminal.jsonSafe` escapes (invisible, bidi
    /// and control characters), in the same pass: the bytes equal `jsonSafe` of the plain output.
    init(terminalSafe: Bool = false) {
        writer.escapesInvisible = terminalSafe
    }

    var isTerminalSafe: Bool { writer.escapesInvisible }

    var bytes: [UInt8] { writer.bytes }

    mutating func reset() {
        writer.reset()
    }

    mutating func write(_ result: MatchResult, input: String) {
        let specific = result.best.map { !$0.isCatchAll } ?? false
        writer.beginObject()
        writer.key("alternatives" as StaticString)
        writer.beginArray()
        for alternative in result.alternatives where !specific || !alternative.isCatchAll {
            writer.beginObject()
            matchFields(alternative, input: nil)
            writer.endObject()
        }
        writer.endArray()
        writer.key("ambiguous" as StaticString); writer.bool(result.ambiguous)
        if let best = result.best {
            // The best match's fields interleave with input/matched in sorted key order.
            matchFields(best, input: input)
        } else {
            writer.key("code" as StaticString); writer.null()
            writer.key("confidence" as StaticString); writer.string(result.confidence.rawValue)
            writer.key("input" as StaticString); writer.string(input)
            writer.key("matched" as StaticString); writer.bool(false)
            if let nearest = result.nearest {
                writer.key("nearest" as StaticString)
                writer.beginObject()
                writer.key("code" as StaticString); writer.string(nearest.code)
                writer.key("expected" as StaticString); writer.string(nearest.expected)
                writer.key("locale" as StaticString); writer.string(nearest.locale)
                writer.key("offset" as StaticString); writer.integer(nearest.scalarOffset)
                writer.key("pattern" as StaticString); writer.string(nearest.pattern)
                writer.key("variant" as StaticString); writer.string(nearest.variant.id)
                writer.endObject()
            }
        }
        writer.endObject()
    }

    /// Whether `write(view:input:)` writes what `write(_:input:)` writes for `match()`'s result:
    /// one candidate, a template with literal text (so no alternatives, no literal-text fallback
    /// and no nearest-template report).
    static func canWrite(_ view: MatchView) -> Bool {
        view.matched && view.candidateCount == 1 && !view.isCatchAll
    }

    /// The line for a message whose view `canWrite` accepts, read from the view in place (no
    /// `MatchResult`, no values dictionary): byte for byte what `write(match(message), input:)`
    /// writes (a test holds the two together).
    mutating func write(view: MatchView, input: String) {
        writer.beginObject()
        writer.key("alternatives" as StaticString)
        writer.beginArray()
        writer.endArray()
        writer.key("ambiguous" as StaticString); writer.bool(false)
        writer.key("args" as StaticString)
        writer.beginObject()
        view.forEachValueInNameOrder { name, value in
            writer.key(name)
            self.value(value)
        }
        writer.endObject()
        writer.key("catchAll" as StaticString); writer.bool(false)
        writer.key("code" as StaticString); writer.string(view.code!)
        writer.key("confidence" as StaticString); writer.string(view.confidence.rawValue)
        writer.key("exact" as StaticString); writer.bool(view.exact)
        writer.key("input" as StaticString); writer.string(input)
        writer.key("locale" as StaticString); writer.string(view.locale!)
        writer.key("matched" as StaticString); writer.bool(true)
        writer.key("observed" as StaticString); writer.bool(view.isObserved)
        writer.key("status" as StaticString); writer.integer(view.status!)
        writer.key("tolerances" as StaticString)
        writer.beginArray()
        for tolerance in view.tolerances { writer.string(tolerance.rawValue) }
        writer.endArray()
        let variant = view.variant!
        writer.key("variant" as StaticString); writer.string(variant.id)
        writer.key("variantIndex" as StaticString); writer.integer(variant.index)
        writer.endObject()
    }

    /// A match's fields in sorted key order; with `input`, also the top level's `input` and
    /// `matched` in their sorted places.
    private mutating func matchFields(_ match: Match, input: String?) {
        args(match)
        writer.key("catchAll" as StaticString); writer.bool(match.isCatchAll)
        writer.key("code" as StaticString); writer.string(match.code)
        writer.key("confidence" as StaticString); writer.string(match.confidence.rawValue)
        writer.key("exact" as StaticString); writer.bool(match.exact)
        if let extra = match.extraText { writer.key("extraText" as StaticString); writer.string(extra) }
        if let input { writer.key("input" as StaticString); writer.string(input) }
        writer.key("locale" as StaticString); writer.string(match.locale)
        if input != nil { writer.key("matched" as StaticString); writer.bool(true) }
        if let missing = match.missingText { writer.key("missingText" as StaticString); writer.string(missing) }
        writer.key("observed" as StaticString); writer.bool(match.isObserved)
        writer.key("status" as StaticString); writer.integer(match.status)
        writer.key("tolerances" as StaticString)
        writer.beginArray()
        for tolerance in match.tolerances { writer.string(tolerance.rawValue) }
        writer.endArray()
        writer.key("variant" as StaticString); writer.string(match.variant.id)
        writer.key("variantIndex" as StaticString); writer.integer(match.variant.index)
    }

    private mutating func args(_ match: Match) {
        writer.key("args" as StaticString)
        writer.beginObject()
        names.removeAll(keepingCapacity: true)
        names.append(contentsOf: match.values.keys)
        names.sort()
        for name in names {
            writer.key(name)
            value(match.values[name]!)
        }
        writer.endObject()
    }

    /// One value's object.
    private mutating func value(_ value: MatchedValue) {
        writer.beginObject()
        if value.rejected { writer.key("rejected" as StaticString); writer.bool(true) }
        writer.key("text" as StaticString); writer.string(value.text)
        writer.key("type" as StaticString); writer.string(value.type.rawValue)
        writer.key("valid" as StaticString); writer.bool(value.isValidForType)
        writer.key("value" as StaticString)
        switch value.value {
        case .integer(let number): writer.integer(number)
        case .number(let number): writer.number(number)
        case .text(let text): writer.string(text)
        case .date: writer.string(value.value.description)
        case .list(let items):
            writer.beginArray()
            for item in items { writer.string(item) }
            writer.endArray()
        }
        writer.endObject()
    }
}
