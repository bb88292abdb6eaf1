import ErrorCatalog
import Foundation
import MessageSyntax

/// A template as the matcher sees it: one alternative of one catalog template (a plural or select
/// branch is an alternative of its own), as literal byte strings separated by typed slots.
final class CompiledTemplate: Sendable {
    let code: String
    let status: Int
    let locale: String
    let variant: VariantID
    let isObserved: Bool
    let pattern: String
    /// Position in catalog order (code, locale, variant), for deterministic ranking.
    let order: Int
    /// Literal texts in NFC, the first without leading whitespace, the last without the final
    /// period; `slots.count + 1` of them.
    let literals: [[UInt8]]
    /// The same, normalised (see `ByteNormaliser`).
    let normalisedLiterals: [[UInt8]]
    let slotNames: [String]
    let slotKinds: [SlotKind]
    let placeholders: [String: Placeholder]
    /// Values fixed by the branch (`=0` of a plural, a select keyword).
    let bindings: [String: Value]
    let hasPeriod: Bool
    let spaceBeforePeriod: Bool
    /// Normalised literal bytes, plus one for a final period.
    let literalBytes: Int
    let endsWithSlot: Bool
    let hasBodyLiteral: Bool
    /// No literal text in the body and one free-text slot ("{reason}."): matched outside the automaton.
    var isCatchAll: Bool { !hasBodyLiteral && slotKinds == [.any] }
    /// Where each value of a match comes from, in name order (what `Match.values` holds, sorted):
    /// the first slot of each name, then the branch's fixed values for names no slot carries.
    let valueOrder: [ValueSource]

    enum ValueSource {
        case slot(Int)
        case binding(String, Value)
    }

    init(code: String, status: Int, locale: String, variant: VariantID, isObserved: Bool, pattern: String, order: Int,
         literals: [[UInt8]], normalisedLiterals: [[UInt8]], slotNames: [String], slotKinds: [SlotKind],
         placeholders: [String: Placeholder], bindings: [String: Value], hasPeriod: Bool, spaceBeforePeriod: Bool,
         literalBytes: Int) {
        self.code = code
        self.status = status
        self.locale = locale
        self.variant = variant
        self.isObserved = isObserved
        self.pattern = pattern
        self.order = order
        self.literals = literals
        self.normalisedLiterals = normalisedLiterals
        self.slotNames = slotNames
        self.slotKinds = slotKinds
        self.placeholders = placeholders
        self.bindings = bindings
        self.hasPeriod = hasPeriod
        self.spaceBeforePeriod = spaceBeforePeriod
        self.literalBytes = literalBytes
        self.endsWithSlot = (literals.last?.isEmpty ?? false) && !slotNames.isEmpty
        self.hasBodyLiteral = normalisedLiterals.contains { !$0.isEmpty }
        var order: [(String, ValueSource)] = []
        for (k, name) in slotNames.enumerated() where slotNames.firstIndex(of: name) == k { order.append((name, .slot(k))) }
        for (name, value) in bindings where !slotNames.contains(name) { order.append((name, .binding(name, value))) }
        self.valueOrder = order.sorted { $0.0 < $1.0 }.map(\.1)
    }
}

/// A template to compile without a catalog file (synthetic benchmarks, a user's ad-hoc patterns).
public struct RawTemplate: Sendable {
    public var code: String
    public var status: Int
    public var locale: String
    public var variant: String
    public var pattern: String
    /// Placeholder declarations; an argument with no declaration is read as free text.
    public var placeholders: [Placeholder]
    public var isObserved: Bool

    public init(code: String, status: Int = 400, locale: String, variant: String = "docs", pattern: String,
                placeholders: [Placeholder] = [], isObserved: Bool = false) {
        self.code = code
        self.status = status
        self.locale = locale
        self.variant = variant
        self.pattern = pattern
        self.placeholders = placeholders
        self.isObserved = isObserved
    }
}

enum TemplateCompiler {
    enum Element {
        case literal(String)
        case slot(String, SlotKind)
    }

    struct Alternative {
        var elements: [Element] = []
        var bindings: [String: Value] = [:]
    }

    static let maxAlternatives = MatcherLimits.maxAlternativesPerTemplate

    /// How many alternatives `expand` gives for `message` (saturating at `Int.max / 2`): the
    /// product over the message's parts of the sum over each branch's cases.
    static func alternativeCount(_ message: Message) -> Int {
        let cap = Int.max / 2
        var total = 1
        for part in message.parts {
            guard case .argument(let argument) = part else { continue }
            var branches: [Message] = []
            switch argument.kind {
            case .plural(_, let cases), .selectordinal(_, let cases): branches = cases.map(\.message)
            case .select(let cases): branches = cases.map(\.message)
            case .choice(let cases): branches = cases.map(\.message)
            case .simple, .formatted: continue
            }
            var sum = 0
            for branch in branches { sum = min(cap, sum + alternativeCount(branch)) }
            total = total.multipliedReportingOverflow(by: max(1, sum)).overflow ? cap : min(cap, total * max(1, sum))
        }
        return total
    }

    /// Expands plural/select/choice branches into alternatives.
    /// `grouping`: the template locale's integer grouping byte (`Recognisers.groupingByte`).
    static func expand(_ message: Message, placeholders: [String: Placeholder], grouping: UInt8,
                       pluralArgument: String? = nil) -> [Alternative] {
        var results = [Alternative()]
        func append(_ element: Element) {
            for k in results.indices { results[k].elements.append(element) }
        }
        func kind(of name: String) -> SlotKind {
            guard let placeholder = placeholders[name] else { return .any }
            return SlotKind.forType(placeholder.type, rejected: placeholder.rejected, grouping: grouping)
        }
        func branch(_ cases: [(Message, String, Value?)]) {
            var next: [Alternative] = []
            for (message, argument, binding) in cases {
                let subs = expand(message, placeholders: placeholders, grouping: grouping,
                                  pluralArgument: binding == nil ? argument : pluralArgument)
                for base in results {
                    for sub in subs where next.count < maxAlternatives {
                        var combined = base
                        combined.elements += sub.elements
                        combined.bindings.merge(sub.bindings) { first, _ in first }
                        if let binding, combined.bindings[argument] == nil { combined.bindings[argument] = binding }
                        next.append(combined)
                    }
                }
            }
            results = next
        }
        for part in message.parts {
            switch part {
            case .text(let text, _):
                append(.literal(text))
            case .pound:
                append(.slot(pluralArgument ?? "#", .integer(separator: grouping)))
            case .argument(let argument):
                let name = argument.name.description
                switch argument.kind {
                case .simple:
                    append(.slot(name, kind(of: name)))
                case .formatted(let type, _):
                    if type == .number, placeholders[name]?.rejected != true {
                        append(.slot(name, .integer(separator: grouping)))
                    } else {
                        append(.slot(name, type == .number ? kind(of: name) : .any))
                    }
                case .plural(_, let cases), .selectordinal(_, let cases):
                    branch(cases.map { pluralCase in
                        if case .exact(let value) = pluralCase.selector, value == value.rounded(), abs(value) < 1e15 {
                            return (pluralCase.message, name, Value.integer(Int64(value)))
                        }
                        return (pluralCase.message, name, nil)
                    })
                case .select(let cases):
                    branch(cases.map { ($0.message, name, $0.keyword == "other" ? nil : Value.text($0.keyword)) })
                case .choice(let cases):
                    branch(cases.map { ($0.message, name, nil) })
                }
            }
        }
        return results
    }

    static func nfcBytes(_ text: String) -> [UInt8] {
        let bytes = Array(text.utf8)
        if bytes.contains(where: { $0 == 0xCC || $0 == 0xCD }) {
            return Array(text.precomposedStringWithCanonicalMapping.utf8)
        }
        return bytes
    }

    static func normalise(_ bytes: [UInt8], state: inout ByteNormaliser) -> [UInt8] {
        bytes.withUnsafeBufferPointer { buffer in
            let n = buffer.count
            if n == 0 { return [] }
            var out = [UInt8](repeating: 0, count: n)
            var starts = [Int32](repeating: 0, count: n)
            var ends = [Int32](repeating: 0, count: n)
            var count = 0
            out.withUnsafeMutableBufferPointer { o in
                starts.withUnsafeMutableBufferPointer { s in
                    ends.withUnsafeMutableBufferPointer { e in
                        state.normalise(buffer, from: 0, to: n, out: o.baseAddress!, origStart: s.baseAddress!,
                                        origEnd: e.baseAddress!, count: &count)
                    }
                }
            }
            return Array(out[0..<count])
        }
    }

    /// Turns one alternative into a compiled template.
    static func compile(_ alternative: Alternative, code: String, status: Int, locale: String, variant: VariantID,
                        isObserved: Bool, pattern: String, order: Int, placeholders: [String: Placeholder]) -> CompiledTemplate {
        // Merge adjacent literals; literals.count == slots.count + 1.
        var literals: [[UInt8]] = [[]]
        var names: [String] = []
        var kinds: [SlotKind] = []
        for element in alternative.elements {
            switch element {
            case .literal(let text): literals[literals.count - 1] += nfcBytes(text)
            case .slot(let name, let kind):
                names.append(name); kinds.append(kind); literals.append([])
            }
        }
        // Trim: leading whitespace of the first literal, trailing whitespace and a final period of the last.
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
        while let first = literals[0].first, isSpace(first) { literals[0].removeFirst() }
        var last = literals[literals.count - 1]
        while let b = last.last, isSpace(b) { last.removeLast() }
        var hasPeriod = false, spaceBeforePeriod = false
        if last.last == 0x2E {
            hasPeriod = true
            last.removeLast()
            while let b = last.last, isSpace(b) { last.removeLast(); spaceBeforePeriod = true }
        }
        literals[literals.count - 1] = last
        var state = ByteNormaliser()
        var normalised: [[UInt8]] = []
        for (index, literal) in literals.enumerated() {
            if index > 0 { state.reset() }
            normalised.append(normalise(literal, state: &state))
        }
        let literalBytes = normalised.reduce(0) { $0 + $1.count } + (hasPeriod ? 1 : 0)
        return CompiledTemplate(code: code, status: status, locale: locale, variant: variant, isObserved: isObserved,
                                pattern: pattern, order: order, literals: literals, normalisedLiterals: normalised,
                                slotNames: names, slotKinds: kinds, placeholders: placeholders,
                                bindings: alternative.bindings, hasPeriod: hasPeriod, spaceBeforePeriod: spaceBeforePeriod,
                                literalBytes: literalBytes)
    }
}
