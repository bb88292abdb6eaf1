import Testing
import ErrorCatalog
@testable import CatalogReview

/// The review's word lists, capitalisation and punctuation rules come from the target language
/// (`LanguageRules`), with a language-agnostic default for languages without data.
@Suite("Review rules per language")
struct LanguageReviewTests {
    /// A catalog pair: the English source and one translation in `locale`.
    static func review(locale: String, source: String, target: String, placeholders: String = "[]") -> [ReviewFinding] {
        func q(_ s: String) -> String { "\"" + JSONWriter.escaped(s) + "\"" }
        let en = """
        { "catalog": "t", "locale": "en", "codes": [
          { "code": "Sample", "status": 400, "placeholders": \(placeholders), "templates": [ { "id": "docs", "pattern": \(q(source)) } ] } ] }
        """
        let target = """
        { "catalog": "t", "locale": "\(locale)", "codes": [
          { "code": "Sample", "templates": [ { "id": "docs", "pattern": \(q(target)), "from": \(q(source)) } ] } ] }
        """
        return CatalogReviewer.forFiles(["en.json": en, "\(locale).json": target]).review().findings.filter { $0.file == "\(locale).json" }
    }

    static func checks(_ findings: [ReviewFinding]) -> [String] { findings.map(\.check).filter { $0 != "reversibility" } }

    @Test(arguments: [
        ("fr", "L'action n'est pas prise en charge pour ce client.", [String]()),
        ("it", "Il client non è supportato dal server.", []),
        ("es", "Error general del servidor.", []),
        ("nl", "De parameter ontbreekt op het platform.", []),
        ("de", "Die Aktion wird für diesen Client nicht unterstützt.", []),
    ])
    func wordsALanguageSharesWithEnglishAreNotUntranslated(_ locale: String, _ target: String, _ expected: [String]) {
        let source: [String: String] = [
            "fr": "The action is not supported for this client.", "it": "The client is not supported by the server.",
            "es": "General server error.", "nl": "The parameter is missing on the platform.", "de": "The action is not supported for this client.",
        ]
        #expect(Self.checks(Self.review(locale: locale, source: source[locale]!, target: target)) == expected)
    }

    @Test func germanLoanwordsAreNotAllowedInFrench() {
        // "Feature" is fine in German; in French it is English left over.
        let findings = Self.review(locale: "fr", source: "Tenant feature is not enabled.", target: "La feature du locataire n'est pas activée.")
        #expect(findings.contains { $0.check == "untranslated-segment" && $0.message.contains("'feature'") })
        let german = Self.review(locale: "de", source: "Tenant feature is not enabled.", target: "Das Feature des Mandanten ist nicht aktiviert.")
        #expect(!german.contains { $0.check == "untranslated-segment" })
    }

    @Test(arguments: ["fr", "it", "es", "pt", "nl"])
    func aCapitalInMidSentenceIsOddWhereNounsAreNotCapitalised(_ locale: String) {
        let findings = Self.review(locale: locale, source: "Hash value {hash} is invalid.", target: "Abc {hash} xyz Valide.",
                                   placeholders: #"[{ "name": "hash", "type": "string" }]"#)
        #expect(findings.contains { $0.check == "capitalisation" && $0.start == 15 }, "\(findings.map(\.message))")
    }

    @Test func germanNounsAndUnknownLanguagesGetNoMidSentenceRule() {
        let german = Self.review(locale: "de", source: "Hash value {hash} is invalid.", target: "Der Hashwert {hash} ist Ungültig.",
                                 placeholders: #"[{ "name": "hash", "type": "string" }]"#)
        #expect(!german.contains { $0.check == "capitalisation" })
        let swedish = Self.review(locale: "sv", source: "Hash value {hash} is invalid.", target: "Hashvärdet {hash} är Ogiltigt.",
                                  placeholders: #"[{ "name": "hash", "type": "string" }]"#)
        #expect(!swedish.contains { $0.check == "capitalisation" })
    }

    @Test func anUnknownLanguageStillGetsTheLanguageAgnosticChecks() {
        let findings = Self.review(locale: "sv", source: "Maximum batch size exceeded. Received: {received}, allowed: {allowed}.",
                                   target: "Maximal batchstorlek överskreds. Received: {received}, allowed: {allowed} .",
                                   placeholders: #"[{ "name": "received", "type": "integer" }, { "name": "allowed", "type": "integer" }]"#)
        let checks = Set(Self.checks(findings))
        #expect(checks.contains("untranslated-segment") && checks.contains("whitespace"), "\(checks)")
        let token = Self.review(locale: "sv", source: "The token expired.", target: "Token har gått ut.")
        #expect(!token.contains { $0.check == "untranslated-segment" }, "technical terms are kept in every language")
        let caps = Self.review(locale: "sv", source: "URL {url} is invalid.", target: "DEN URL {url} är ogiltig.",
                               placeholders: #"[{ "name": "url", "type": "string" }]"#)
        #expect(caps.contains { $0.check == "capitalisation" && $0.start == 0 })
    }

    @Test func frenchSpacingBeforeHighPunctuationIsRightAndBeforeAPeriodIsNot() {
        let ok = Self.review(locale: "fr", source: "Note: retry.", target: "Remarque : réessayez.")
        #expect(!ok.contains { $0.check == "whitespace" })
        let wrong = Self.review(locale: "fr", source: "Note: retry.", target: "Remarque : réessayez .")
        #expect(wrong.contains { $0.check == "whitespace" })
        let german = Self.review(locale: "de", source: "Note: retry.", target: "Hinweis : erneut versuchen.")
        #expect(german.contains { $0.check == "whitespace" })
    }

    @Test(arguments: [("de", "Der Wert „{hash}“ ist ungültig.", false), ("de", "Der Wert „{hash} ist ungültig.", true),
                      ("it", "Il valore “{hash}” non è valido.", false), ("it", "Il valore “{hash} non è valido.", true),
                      ("fr", "La valeur « {hash} » n'est pas valide.", false), ("fr", "La valeur {hash} » n'est pas valide.", true),
                      ("sv", "Värdet ”{hash}” är ogiltigt.", false), ("sv", "Värdet ({hash} är ogiltigt.", true)])
    func quotationMarksAreCheckedAsTheLanguageWritesThem(_ locale: String, _ target: String, _ unbalanced: Bool) {
        let findings = Self.review(locale: locale, source: "The value \"{hash}\" is invalid.", target: target,
                                   placeholders: #"[{ "name": "hash", "type": "string" }]"#)
        #expect(findings.contains { $0.check == "unbalanced" } == unbalanced, "\(locale): \(findings.map(\.message))")
    }

    @Test(arguments: [("fr", "La {ip} adresse IP n'est pas valide."), ("it", "Il {ip} indirizzo IP non è valido."),
                      ("es", "La {ip} dirección IP no es válida."), ("pt", "O {ip} endereço IP não é válido."), ("de", "Die {ip} IP-Adresse ist ungültig.")])
    func aMovedPlaceholderIsFoundInEachLanguage(_ locale: String, _ target: String) {
        let findings = Self.review(locale: locale, source: "IP address {ip} is invalid.", target: target,
                                   placeholders: #"[{ "name": "ip", "type": "string" }]"#)
        #expect(findings.contains { $0.check == "placeholder-position" }, "\(locale): \(findings.map(\.check))")
    }

    @Test(arguments: ["fr", "it", "sv"])
    func translatedIdentifiersAndPlaceholdersAreFoundInEachLanguage(_ locale: String) {
        let glossed = Self.review(locale: locale, source: "Unauthorized", target: "Xyzzy (Unauthorized)")
        #expect(glossed.contains { $0.check == "identifier-translated" })
        let renamed = Self.review(locale: locale, source: "Hash value {hash} is invalid.", target: "Abc {hachage} xyz.",
                                  placeholders: #"[{ "name": "hash", "type": "string" }]"#)
        #expect(renamed.contains { $0.check == "placeholder-unknown" } && renamed.contains { $0.check == "placeholder-missing" })
    }
}
