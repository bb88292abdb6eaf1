import ErrorCatalog

/// Which locales' templates a message may match.
public enum LocaleFilter: Sendable, Hashable {
    /// Every locale of the catalog (the match says which one).
    case auto
    /// Only templates of this locale (exact catalog locale, e.g. `de`; `de-AT` is reduced to `de`).
    case only(String)

    func admits(_ locale: String) -> Bool {
        switch self {
        case .auto: return true
        case .only(let wanted):
            if wanted == locale { return true }
            guard let tag = LocaleTag(wanted), let other = LocaleTag(locale) else { return false }
            return tag == other || other.identifier == tag.language
        }
    }
}

/// A template variant: its id in the catalog (`docs`, `seed-mt` …) and its position among the
/// code's templates of that locale (templates first, then observed wordings).
public struct VariantID: Sendable, Hashable, CustomStringConvertible {
    public let id: String
    public let index: Int
    public init(id: String, index: Int) {
        self.id = id
        self.index = index
    }
    public var description: String { id }
}

/// A difference between the received text and the template that the matcher forgave.
public enum Tolerance: String, Sendable, Hashable, CaseIterable, Comparable {
    /// The final period is present in one and absent in the other.
    case finalPeriod
    /// Leading/trailing whitespace, a run of whitespace, or a tab/no-break space instead of a space.
    case whitespace
    /// Curly apostrophe (’ or ‘) instead of a straight one, or the reverse.
    case apostrophe
    /// The text was not in Unicode NFC (decomposed accents).
    case unicodeNormalization
    /// The first letter of the message differs in case.
    case firstLetterCase
    /// A space before punctuation (the seed's German style: "Eingabe x ." ).
    case spaceBeforePunctuation
    /// Other letters differ in case (the seed's "DIE URL"), also beyond ASCII (Ä/ä, É/é).
    case letterCase
    /// `ss` written for `ß` (Swiss German: "Batchgrösse" for "Batchgröße"), or the reverse.
    case sharpS
    /// The literal text matched, but a value does not fit its placeholder's type (an action in
    /// words where one token was expected): the value is kept as text, `valid: false`.
    case valueType
    /// The message stops at a clause boundary (`.`, `:`, `;`, `,`) of the template: the rest of
    /// the template (`Match.missingText`) and its values are absent.
    case truncated
    /// The whole template matched, followed by more text after a clause boundary (`Match.extraText`).
    case extraText

    public static func < (lhs: Tolerance, rhs: Tolerance) -> Bool { lhs.bit < rhs.bit }

    var bit: UInt16 {
        switch self {
        case .finalPeriod: return 1
        case .whitespace: return 2
        case .apostrophe: return 4
        case .unicodeNormalization: return 8
        case .firstLetterCase: return 16
        case .spaceBeforePunctuation: return 32
        case .letterCase: return 64
        case .sharpS: return 128
        case .valueType: return 256
        case .truncated: return 512
        case .extraText: return 1024
        }
    }
}

/// A set of tolerances as bits (no allocation on the hot path).
struct ToleranceSet {
    var bits: UInt16 = 0
    @inline(__always) mutating func insert(_ tolerance: Tolerance) { bits |= tolerance.bit }
    var sorted: [Tolerance] {
        if bits == 0 { return [] }
        if Int(bits) < ToleranceSet.sortedTable.count { return ToleranceSet.sortedTable[Int(bits)] }
        return Tolerance.allCases.filter { bits & $0.bit != 0 }
    }

    /// Every set of the seven tolerances as its sorted array, built once (a tolerant match then
    /// shares one array instead of filtering into a new one).
    static let sortedTable: [[Tolerance]] = (0..<128).map { bits in Tolerance.allCases.filter { bits & Int($0.bit) != 0 } }
}

/// An IP address recovered from a message.
public enum IPAddress: Sendable, Hashable, CustomStringConvertible {
    case v4(UInt8, UInt8, UInt8, UInt8)
    /// Eight 16-bit groups, and the zone (`%eth0`) if any.
    case v6([UInt16], zone: String?)

    public var description: String {
        switch self {
        case .v4(let a, let b, let c, let d): return "\(a).\(b).\(c).\(d)"
        case .v6(let groups, let zone):
            return groups.map { String($0, radix: 16) }.joined(separator: ":") + (zone.map { "%" + $0 } ?? "")
        }
    }
}

/// The value of one placeholder as it was recovered from a message.
public struct MatchedValue: Sendable, Hashable {
    /// The placeholder's declared type.
    public let type: PlaceholderType
    /// The typed value: `.integer` for integers (from localized digits such as `1.200`), `.list`
    /// for lists, `.text` otherwise.
    public let value: Value
    /// The text exactly as it appeared in the message.
    public let text: String
    /// Whether the placeholder holds a value the server rejected (any text is accepted).
    public let rejected: Bool
    /// Whether `text` is a well-formed value of `type` (for a `rejected` placeholder this says
    /// whether the server's refusal was about the form or about something else).
    public let isValidForType: Bool

    /// The number, for an `integer`.
    public var integer: Int64? {
        if case .integer(let value) = value { return value }
        return nil
    }

    /// The address, for a well-formed `ipAddress`.
    public var ipAddress: IPAddress? {
        guard type == .ipAddress else { return nil }
        return Recognisers.parseIPAddress(text)
    }

    /// The items, for a `list`.
    public var items: [String]? {
        if case .list(let items) = value { return items }
        return nil
    }
}

/// One template that the message matches.
public struct Match: Sendable {
    public let code: String
    /// The code's HTTP status in the catalog.
    public let status: Int
    public let locale: String
    public let variant: VariantID
    /// Other variants of the same code and locale whose templates produce exactly the same text
    /// (e.g. German `docs` and `docs-later` when the languages differ only in the source). The
    /// match is reported once, under the first variant in catalog order.
    public let sameTextVariants: [VariantID]
    /// A recognise-only wording (`observed` in the catalog), not one the formatter produces.
    public let isObserved: Bool
    /// Placeholder name → recovered value.
    public let values: [String: MatchedValue]
    /// No tolerance was needed.
    public var exact: Bool { tolerances.isEmpty }
    /// Each tolerance applied, in `Tolerance` order.
    public let tolerances: [Tolerance]
    /// Bytes of template literal text matched (UTF-8): more is a more specific match.
    public let literalBytes: Int
    /// Sum of the type specificity of the values (hash/GUID > address/number/version > identifier > text).
    public let typeScore: Int
    /// The template has no literal text apart from its final punctuation (DisallowedOperation
    /// "{reason}."): it matches any sentence, so the match says little. Ranked below every other.
    public let isCatchAll: Bool
    /// With the `truncated` tolerance: the part of the template the message does not have
    /// (literal text and `{placeholders}`, e.g. `", application roles: {grantedRoles}."`).
    public internal(set) var missingText: String? = nil
    /// With the `extraText` tolerance: the text after the template (e.g. `". Please retry later."`).
    public internal(set) var extraText: String? = nil
}

/// How far a result can be trusted.
public enum Confidence: String, Sendable, Hashable, Codable {
    /// The template's literal text matched (exactly or with named tolerances).
    case high
    /// A guess: only a free-text-only (catch-all) template matched, or the HTTP status or the
    /// envelope's code contradicts the result.
    case low
    /// Nothing matched.
    case noMatch = "none"
}

extension Match {
    /// `high` when literal text of the template matched, `low` for a free-text-only template.
    public var confidence: Confidence { isCatchAll ? .low : .high }
}

extension MatchResult {
    /// The best match's confidence; `noMatch` ("none") when nothing matched.
    public var confidence: Confidence { best?.confidence ?? .noMatch }
}

/// Where an unmatched message left the template it came closest to.
public struct NearMiss: Sendable, Hashable {
    public let code: String
    public let locale: String
    public let variant: VariantID
    /// The template's pattern.
    public let pattern: String
    /// UTF-8 byte offset in the received message where it diverged from the template.
    public let utf8Offset: Int
    /// The same position in Unicode scalars.
    public let scalarOffset: Int
    /// What the template expected at that point (literal text, a placeholder description, or
    /// "the end of the message").
    public let expected: String
}

/// The result of matching one message.
public struct MatchResult: Sendable {
    /// At least one template matched.
    public var matched: Bool { best != nil }
    /// The top-ranked match.
    public let best: Match?
    /// Every other match, ranked (the best is not repeated here).
    public let alternatives: [Match]
    /// More than one match has the best rank (exactness, literal text, type specificity); `best`
    /// is then the first in catalog order.
    public let ambiguous: Bool
    /// When nothing matched: the template the text came closest to and where it left it.
    /// Computed on access (it reruns the automata without pruning, which most callers never
    /// need); each access recomputes it.
    public var nearest: NearMiss? { nearestQuery?.nearest() }
    /// What `nearest` needs to compute the report; nil when the result needs none.
    let nearestQuery: NearestQuery?

    /// `best` followed by `alternatives`.
    public var all: [Match] { (best.map { [$0] } ?? []) + alternatives }
}

/// Why a template cannot always be reversed: `match(format(template, values))` may not return
/// that template with those values.
public struct ReversibilityIssue: Sendable, Hashable, CustomStringConvertible {
    public enum Reason: String, Sendable, Hashable {
        /// Two placeholders with no literal text between them whose values can run into each other.
        case adjacentFreeText
        /// A literal that follows a free-text placeholder can occur inside its value.
        case literalInsideValue
        /// Another template of another code or locale (or an unmerged variant) can produce the same text.
        case sameTextAsOtherTemplate
        /// The template has no literal text apart from final punctuation: it matches any such text.
        case noLiteralText
    }
    public let code: String
    public let locale: String
    public let variant: String
    public let reason: Reason
    public let detail: String
    public var description: String { "\(code)/\(locale)/\(variant): \(reason.rawValue) — \(detail)" }
}

/// Failure to build a matcher.
public struct MatcherBuildError: Error, Sendable, CustomStringConvertible {
    public let code: String
    public let locale: String
    public let pattern: String
    public let reason: String
    /// One screen at most: a long pattern is shown by its head and length.
    public var description: String {
        let shown = pattern.count > 80 ? "\(pattern.prefix(60))… (\(pattern.count) characters)" : pattern
        return "\(code)/\(locale): cannot compile '\(Sanitized.visible(shown))': \(reason)"
    }
}
