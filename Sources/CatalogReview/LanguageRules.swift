import ErrorCatalog

/// What the review knows about a target language: the words it shares with English (so a shared
/// word is not "left untranslated"), its articles (for a placeholder moved into a noun phrase),
/// whether it capitalises nouns, and which punctuation takes a space before it. Languages without
/// data get a language-agnostic default: technical terms only, no article or capitalisation rule
/// beyond all-caps words, no space before punctuation.
struct LanguageRules: Sendable {
    /// The language subtag (`de`), or "" for the default.
    var language: String
    /// Lowercased words that are correct in this language and in English, plus technical terms
    /// every language keeps (`token`, `hash`, product names).
    var sharedWithEnglish: Set<String>
    /// Lowercased articles; empty when unknown.
    var articles: Set<String>
    /// `true`: nouns take a capital (German); `false`: a capital in mid-sentence is odd (French,
    /// Italian …); `nil`: unknown, no rule.
    var capitalisesNouns: Bool?
    /// Punctuation that takes a space before it (French `:` `;` `!` `?`).
    var spacedPunctuation: Set<Unicode.Scalar>
    /// Quotation marks, opening and closing (German `„…“`, French `«…»`, Italian `“…”`); empty when unknown.
    var quotePairs: [(Unicode.Scalar, Unicode.Scalar)] = []

    /// Technical terms and names no translation changes.
    static let technical: Set<String> = [
        "api", "apis", "token", "hash", "header", "bearer", "server", "client", "microsoft", "defender", "azure", "windows", "linux",
        "macos", "android", "ios", "retry-after", "target", "odata", "uri", "url", "json", "http", "https", "guid", "sha", "cpu",
    ]

    static let data: [String: LanguageRules] = {
        func rules(_ language: String, shared: [String], articles: [String], capitalisesNouns: Bool?, spaced: String = "",
                   quotes: [(Unicode.Scalar, Unicode.Scalar)] = [("“", "”"), ("«", "»"), ("‹", "›")]) -> LanguageRules {
            LanguageRules(language: language, sharedWithEnglish: technical.union(shared), articles: Set(articles),
                          capitalisesNouns: capitalisesNouns, spacedPunctuation: Set(spaced.unicodeScalars), quotePairs: quotes)
        }
        let list = [
            rules("en", shared: [], articles: ["the", "a", "an"], capitalisesNouns: false),
            rules("de", shared: ["parameter", "name", "status", "feature", "tenant", "service", "support", "team", "portal", "code", "version",
                                 "authorization", "machine", "server", "client", "token", "hash", "header"],
                  articles: ["der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines"], capitalisesNouns: true,
                  quotes: [("„", "“"), ("«", "»"), ("‹", "›")]),
            rules("fr", shared: ["action", "actions", "client", "code", "version", "service", "support", "message", "application", "permission",
                                 "permissions", "machine", "option", "format", "minimum", "maximum", "total", "quota", "note", "description",
                                 "instance", "type", "session", "configuration", "protection", "important", "tenant", "portal"],
                  articles: ["le", "la", "les", "un", "une", "des", "du"], capitalisesNouns: false, spaced: ":;!?»"),
            rules("it", shared: ["client", "server", "computer", "file", "browser", "software", "account", "password", "login", "online",
                                 "standard", "quota", "tenant", "feature", "portal", "input", "batch"],
                  articles: ["il", "lo", "la", "gli", "le", "un", "una", "uno"], capitalisesNouns: false),
            rules("es", shared: ["error", "general", "total", "normal", "local", "final", "real", "hash", "token", "tenant", "portal",
                                 "client", "software", "hardware"],
                  articles: ["el", "la", "los", "las", "un", "una", "unos", "unas"], capitalisesNouns: false),
            rules("pt", shared: ["total", "normal", "local", "final", "real", "hash", "token", "tenant", "portal", "software", "hardware"],
                  articles: ["o", "a", "os", "as", "um", "uma", "uns", "umas"], capitalisesNouns: false),
            rules("nl", shared: ["parameter", "client", "server", "status", "platform", "code", "service", "support", "tenant", "feature",
                                 "portal", "team", "versie", "hash", "token", "batch", "input"],
                  articles: ["de", "het", "een"], capitalisesNouns: false),
        ]
        return Dictionary(uniqueKeysWithValues: list.map { ($0.language, $0) })
    }()

    /// The default for a language without data.
    static let fallback = LanguageRules(language: "", sharedWithEnglish: technical, articles: [], capitalisesNouns: nil, spacedPunctuation: [])

    /// The rules for a locale (`fr-CA` → French); the default for languages without data.
    static func forLocale(_ locale: String) -> LanguageRules {
        data[String(LocaleTag(locale)?.primaryLanguage ?? "")] ?? fallback
    }

    /// Whether the review has data for the locale's language.
    static func isKnown(_ locale: String) -> Bool {
        data[String(LocaleTag(locale)?.primaryLanguage ?? "")] != nil
    }
}
