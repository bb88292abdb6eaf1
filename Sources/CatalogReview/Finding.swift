/// One review finding: a stable check id, a severity, and where it is (file, line, code, variant,
/// field and the range in the checked text).
public struct ReviewFinding: Sendable, Hashable, Codable {
    public enum Severity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
        case error, warning, info
        var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    public var severity: Severity
    /// Stable check id (`placeholder-missing`, `whitespace` …); see `ReviewCheck`.
    public var check: String
    public var file: String?
    public var line: Int?
    public var column: Int?
    public var locale: String?
    public var code: String?
    public var variant: String?
    /// `pattern`, `observed`, `description`, `hint`, or `file` / `code` for whole-entry findings.
    public var field: String?
    /// The text the range refers to (the pattern, description or hint as written).
    public var text: String?
    /// Unicode-scalar offsets into `text`.
    public var start: Int?
    public var end: Int?
    public var message: String
    public var expected: String?

    public init(severity: Severity, check: String, file: String? = nil, line: Int? = nil, column: Int? = nil,
                locale: String? = nil, code: String? = nil, variant: String? = nil, field: String? = nil,
                text: String? = nil, start: Int? = nil, end: Int? = nil, message: String, expected: String? = nil) {
        self.severity = severity
        self.check = check
        self.file = file
        self.line = line
        self.column = column
        self.locale = locale
        self.code = code
        self.variant = variant
        self.field = field
        self.text = text
        self.start = start
        self.end = end
        self.message = message
        self.expected = expected
    }

    /// `de.json:42:30: InvalidHashValue, template "docs"`
    public var location: String {
        var filePart = file ?? "<catalog>"
        if let line { filePart += ":\(line)"; if let column { filePart += ":\(column)" } }
        var what: [String] = []
        if let code { what.append(code) }
        if let variant { what.append("\(field == "observed" ? "observed" : "template") \"\(variant)\"") }
        else if let field, field == "description" || field == "hint" { what.append(field) }
        if let start, text != nil { what.append("offset \(start)") }
        return what.isEmpty ? filePart : filePart + ": " + what.joined(separator: ", ")
    }
}

/// Every check the review runs, with its id, default severity and a one-line summary (used by
/// SARIF's rule table and the HTML filters).
public struct ReviewCheck: Sendable, Hashable {
    public let id: String
    public let severity: ReviewFinding.Severity
    public let summary: String

    public static let all: [ReviewCheck] = [
        .init(id: "syntax", severity: .error, summary: "The pattern is not valid ICU MessageFormat."),
        .init(id: "placeholder-missing", severity: .error, summary: "The translation drops a placeholder of the source template."),
        .init(id: "placeholder-extra", severity: .error, summary: "The translation uses a placeholder the source template does not."),
        .init(id: "placeholder-unknown", severity: .error, summary: "A placeholder name is not declared: renamed or translated."),
        .init(id: "placeholder-type", severity: .error, summary: "A placeholder is used with a different type or argument kind than in the source."),
        .init(id: "placeholder-broken", severity: .error, summary: "Placeholder residue in literal text: quoted braces, prose placeholders like <the invalid hash>."),
        .init(id: "placeholder-position", severity: .warning, summary: "A placeholder sits between an article and its noun (\"Die {ip} IP-Adresse\"): moved by machine translation?"),
        .init(id: "placeholder-syntax-mixed", severity: .info, summary: "A docs page mixes <…> and {…} placeholder syntax (import-docs)."),
        .init(id: "plural-categories", severity: .warning, summary: "A plural argument lacks categories the target locale's plural rules need."),
        .init(id: "apostrophe", severity: .warning, summary: "An apostrophe quotes a brace or '#': text meant literally changes the pattern."),
        .init(id: "unbalanced", severity: .warning, summary: "Unbalanced brackets or quotation marks."),
        .init(id: "untranslated", severity: .warning, summary: "The translation is identical to the source."),
        .init(id: "untranslated-segment", severity: .warning, summary: "Source-language words left inside the translation."),
        .init(id: "identifier-altered", severity: .error, summary: "A code identifier of the source is missing or altered in the translation."),
        .init(id: "identifier-translated", severity: .warning, summary: "A code identifier is translated or glossed (\"Nicht autorisiert (Unauthorized)\")."),
        .init(id: "whitespace", severity: .warning, summary: "Doubled, leading or trailing whitespace, or a space before punctuation."),
        .init(id: "final-punctuation", severity: .warning, summary: "The final punctuation differs from the source."),
        .init(id: "capitalisation", severity: .warning, summary: "An all-caps word the source does not have, or a capital in mid-sentence where the language does not capitalise nouns."),
        .init(id: "table-cells", severity: .warning, summary: "A docs table row has more cells than its header: an unescaped '|' inside a cell (import-docs)."),
        .init(id: "row-unmatched", severity: .warning, summary: "A row of one docs page has no row with the same code in the other page (import-docs --source/--translation)."),
        .init(id: "stale", severity: .warning, summary: "The source text changed after the translation was made ('from' differs)."),
        .init(id: "from-missing", severity: .info, summary: "The translation does not record the source text it was made from."),
        .init(id: "reversibility", severity: .warning, summary: "The reverse parser cannot read the template back unambiguously."),
        .init(id: "catalog", severity: .error, summary: "A structural problem found by the catalog loader (unknown key, missing translation, bad JSON …)."),
    ]

    public static func named(_ id: String) -> ReviewCheck? {
        all.first { $0.id == id } ?? (id.hasPrefix("catalog.") ? all.first { $0.id == "catalog" } : nil)
    }
}
