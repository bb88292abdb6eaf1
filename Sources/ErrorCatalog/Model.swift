import MessageSyntax

/// A loaded, fully validated catalog: every code with its HTTP status, typed placeholders and,
/// per locale, its message templates, description and hint. Immutable and `Sendable`.
public struct Catalog: Sendable {
    /// The catalog's name (`defender`).
    public let name: String
    /// The locale every other locale translates (`en`).
    public let sourceLocale: String
    /// All locales, the source first, then the others in alphabetical order.
    public let locales: [String]
    /// Every code, in the source file's order.
    public let codes: [CodeEntry]
    /// Where the catalog was loaded from, if from disk.
    public let directory: String?
    /// The file each locale was read from.
    public let files: [String: String]
    /// Non-fatal findings of the load (stale translations …).
    public let warnings: [CatalogProblem]

    private let index: [String: Int]

    public init(name: String, sourceLocale: String, locales: [String], codes: [CodeEntry],
                directory: String? = nil, files: [String: String] = [:], warnings: [CatalogProblem] = []) {
        self.name = name
        self.sourceLocale = sourceLocale
        self.locales = locales
        self.codes = codes
        self.directory = directory
        self.files = files
        self.warnings = warnings
        var index: [String: Int] = [:]
        for (position, entry) in codes.enumerated() { index[entry.code] = position }
        self.index = index
    }

    /// The entry for `code` (exact, case-sensitive as servers send it).
    public func entry(_ code: String) -> CodeEntry? {
        index[code].map { codes[$0] }
    }

    /// Codes close to `code` (case-insensitive match or a small edit distance), best first.
    public func suggestions(for code: String) -> [String] {
        let lowered = code.lowercased()
        if let exact = codes.first(where: { $0.code.lowercased() == lowered }) { return [exact.code] }
        // A truncated code ("InvalidHash") is a prefix of the one meant.
        let prefixed = codes.filter { lowered.count >= 4 && $0.code.lowercased().hasPrefix(lowered) }.map(\.code)
        if !prefixed.isEmpty { return Array(prefixed.prefix(3)) }
        let limit = max(2, code.count / 3)
        var scored: [(code: String, distance: Int)] = []
        for entry in codes {
            let distance = EditDistance.between(entry.code.lowercased(), lowered)
            if distance <= limit { scored.append((entry.code, distance)) }
        }
        scored.sort { lhs, rhs in lhs.distance != rhs.distance ? lhs.distance < rhs.distance : lhs.code < rhs.code }
        return scored.prefix(3).map { $0.code }
    }
}

/// One error code.
public struct CodeEntry: Sendable {
    public let code: String
    /// The HTTP status a server answers with (400…599).
    public let status: Int
    /// The placeholders any template of this code may use, in declaration order.
    public let placeholders: [Placeholder]
    /// The texts of each locale.
    public let localized: [String: LocalizedEntry]

    public init(code: String, status: Int, placeholders: [Placeholder], localized: [String: LocalizedEntry]) {
        self.code = code
        self.status = status
        self.placeholders = placeholders
        self.localized = localized
    }

    public func placeholder(named name: String) -> Placeholder? {
        placeholders.first { $0.name == name }
    }
}

/// A placeholder declaration: a name, a type, and whether it holds a value the server rejected.
public struct Placeholder: Sendable, Hashable {
    public let name: String
    public let type: PlaceholderType
    /// The value is what the server refused: any text is accepted; the type explains the refusal.
    public let rejected: Bool
    public let description: String?

    public init(name: String, type: PlaceholderType, rejected: Bool = false, description: String? = nil) {
        self.name = name
        self.type = type
        self.rejected = rejected
        self.description = description
    }

    /// Validates a typed value for this placeholder; `nil` when accepted.
    public func validate(_ value: Value) -> ValueProblem? {
        type.validate(value, rejected: rejected)
    }

    /// Reads a value as typed on a command line.
    public func parse(_ text: String) -> Result<Value, ValueProblem> {
        type.parse(text, rejected: rejected)
    }
}

/// The texts of one code in one locale.
public struct LocalizedEntry: Sendable {
    public let locale: String
    /// The templates a server sends, in the source's variant order (documented first).
    public let templates: [Template]
    /// Wordings seen in the wild (e.g. a published machine translation) that the reverse parser
    /// recognises but the formatter never produces.
    public let observed: [Template]
    /// What the error means, for a person.
    public let description: String?
    /// What to do about it.
    public let hint: String?

    public init(locale: String, templates: [Template], observed: [Template], description: String?, hint: String?) {
        self.locale = locale
        self.templates = templates
        self.observed = observed
        self.description = description
        self.hint = hint
    }

    public func template(id: String) -> Template? {
        templates.first { $0.id == id } ?? observed.first { $0.id == id }
    }
}

/// A message template: one wording of a code in one locale.
public struct Template: Sendable {
    /// The variant's stable id (`docs`, `xdr-2023`, `observed-machine` …), the same in every locale.
    public let id: String
    /// The ICU MessageFormat pattern as written in the catalog.
    public let pattern: String
    /// The parsed pattern.
    public let message: Message
    /// Where the wording comes from.
    public let origin: String?
    /// For a translation: the source pattern it was translated from.
    public let from: String?
    /// A recognise-only wording (see `LocalizedEntry.observed`).
    public let isObserved: Bool
    /// The placeholder names the pattern uses, in order of first use.
    public let argumentNames: [String]

    public init(id: String, pattern: String, message: Message, origin: String? = nil, from: String? = nil, isObserved: Bool = false) {
        self.id = id
        self.pattern = pattern
        self.message = message
        self.origin = origin
        self.from = from
        self.isObserved = isObserved
        var seen: [String] = []
        for argument in message.allArguments {
            let name = argument.name.description
            if !seen.contains(name) { seen.append(name) }
        }
        self.argumentNames = seen
    }
}

package enum EditDistance {
    /// The Levenshtein distance of `a` and `b` if it is at most `limit`, else `nil` (stops as soon
    /// as every cell of a row exceeds the limit).
    package static func bounded(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int? {
        if a.isEmpty { return b.count <= limit ? b.count : nil }
        if b.isEmpty { return a.count <= limit ? a.count : nil }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return nil }
            swap(&previous, &current)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }

    package static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
