import MessageSyntax

/// Pseudo-localisation: every literal letter accented, the text expanded by about 30% and
/// bracketed, placeholders and ICU syntax left exactly as they are. Shows untranslated strings,
/// truncation and concatenation in a UI without a translator.
public enum Pseudo {
    static let accents: [Character: Character] = [
        "a": "å", "b": "ƀ", "c": "ç", "d": "ð", "e": "é", "f": "ƒ", "g": "ĝ", "h": "ĥ", "i": "î", "j": "ĵ", "k": "ķ", "l": "ļ",
        "m": "ɱ", "n": "ñ", "o": "ö", "p": "þ", "q": "ǫ", "r": "ŕ", "s": "š", "t": "ţ", "u": "û", "v": "ṽ", "w": "ŵ", "x": "ẋ",
        "y": "ý", "z": "ž", "A": "Å", "B": "Ɓ", "C": "Ç", "D": "Ð", "E": "É", "F": "Ƒ", "G": "Ĝ", "H": "Ĥ", "I": "Î", "J": "Ĵ",
        "K": "Ķ", "L": "Ļ", "M": "Ṁ", "N": "Ñ", "O": "Ö", "P": "Þ", "Q": "Ǫ", "R": "Ŕ", "S": "Š", "T": "Ţ", "U": "Û", "V": "Ṽ",
        "W": "Ŵ", "X": "Ẋ", "Y": "Ý", "Z": "Ž",
    ]

    public static func accent(_ text: String) -> String {
        String(text.map { accents[$0] ?? $0 })
    }

    /// The pseudo-localised pattern. Literal text is rewritten in place (by its source range), so
    /// arguments, plural/select syntax and quoting stay byte for byte.
    public static func pattern(_ pattern: String) throws(SyntaxError) -> String {
        let message = try MessageParser.parse(pattern)
        let scalars = Array(pattern.unicodeScalars)
        var replacements: [(SourceRange, String)] = []
        var letters = 0
        func walk(_ message: Message) {
            for part in message.parts {
                switch part {
                case .text(let text, let range):
                    let raw = String(String.UnicodeScalarView(scalars[range.start..<range.end]))
                    letters += text.filter(\.isLetter).count
                    // Only rewrite text without ICU quoting, so the quoting is untouched.
                    if raw == text, !raw.contains("'") { replacements.append((range, accent(raw))) }
                case .pound: break
                case .argument(let argument):
                    switch argument.kind {
                    case .plural(_, let cases), .selectordinal(_, let cases): cases.forEach { walk($0.message) }
                    case .select(let cases): cases.forEach { walk($0.message) }
                    case .choice, .simple, .formatted: break
                    }
                }
            }
        }
        walk(message)
        var out = ""
        var position = 0
        for (range, text) in replacements.sorted(by: { $0.0.start < $1.0.start }) {
            out.unicodeScalars.append(contentsOf: scalars[position..<range.start])
            out += text
            position = range.end
        }
        out.unicodeScalars.append(contentsOf: scalars[position...])
        let padding = max(1, Int((Double(max(letters, pattern.count)) * 0.3).rounded()))
        let filler = String(String("·ŀöŕéɱ îþšûɱ ðöļöŕ šîţ åɱéţ ".prefix(padding)).map { $0 == " " ? "·" : $0 })
        return "[" + out + " " + filler + "]"
    }

    /// Plain text (descriptions, hints): accented, expanded, bracketed.
    public static func text(_ text: String) -> String {
        let padding = max(1, Int((Double(text.count) * 0.3).rounded()))
        let filler = String(String(repeating: "·ŀöŕéɱ·îþšûɱ·", count: padding / 12 + 1).prefix(padding))
        return "[" + accent(text) + " " + filler + "]"
    }

    /// A translation file for `locale` (default `en-XA`, the pseudo-locale Android and ICU tools use).
    public static func file(from source: DocumentFile, locale: String = "en-XA") throws(SyntaxError) -> DocumentFile {
        var codes: [DocumentCode] = []
        for code in source.codes {
            var entry = DocumentCode(code: code.code, templates: [])
            for template in code.templates {
                entry.templates.append(DocumentTemplate(id: template.id, pattern: try pattern(template.pattern), from: template.pattern))
            }
            entry.description = code.description.map(text)
            entry.hint = code.hint.map(text)
            codes.append(entry)
        }
        return DocumentFile(fileName: "\(locale).json", catalog: source.catalog, locale: locale, codes: codes, isSource: false)
    }
}

import ErrorCatalog
import MessageMatching

extension Pseudo {
    /// The outcome of reading the pseudo-locale back with the reverse parser.
    public struct ReadBack: Sendable {
        /// Templates rendered and matched.
        public var checked: Int
        /// Templates not rendered here (plural/select/formatted arguments need the ICU formatter).
        public var skipped: [String]
        /// `Code/variant: what went wrong`.
        public var failures: [String]
    }

    /// A sample value per type that renders the same in every locale (no grouping, no date format).
    static func sample(_ type: PlaceholderType) -> String {
        switch type {
        case .hash: return "0123456789abcdef0123456789abcdef"
        case .ipAddress: return "10.1.2.3"
        case .url: return "https://contoso.com/a"
        case .domainName: return "contoso.com"
        case .guid: return "43f4cb08-8fac-4b65-9db1-745c2ae65f3a"
        case .version: return "10.3720.1"
        case .list: return "A.Read.All"
        case .integer: return "42"
        case .identifier: return "Machine"
        default: return "disk full"
        }
    }

    /// Renders every pseudo template with sample values (simple placeholders only) and checks that
    /// the reverse parser gives back the code, the locale, the variant and the values.
    public static func readBack(document: CatalogDocument, locale: String = "en-XA") throws(CatalogLoadError) -> ReadBack {
        let catalog = try Catalog.load(document: document)
        var result = ReadBack(checked: 0, skipped: [], failures: [])
        let matcher: MessageMatcher
        do {
            matcher = try MessageMatcher(catalog: catalog)
        } catch {
            result.failures.append("the reverse parser cannot compile the catalog: \(error.description)")
            return result
        }
        for entry in catalog.codes {
            for template in entry.localized[locale]?.templates ?? [] {
                let name = "\(entry.code)/\(template.id)"
                var text = ""
                var values: [String: String] = [:]
                var renderable = true
                for part in template.message.parts {
                    switch part {
                    case .text(let literal, _): text += literal
                    case .argument(let argument) where argument.kind == .simple:
                        let type = entry.placeholder(named: argument.name.description)?.type ?? .string
                        let value = sample(type)
                        values[argument.name.description] = value
                        text += value
                    default: renderable = false
                    }
                }
                guard renderable else { result.skipped.append(name); continue }
                result.checked += 1
                let match = matcher.match(text, locale: .only(locale))
                guard let best = match.best else { result.failures.append("\(name): '\(text)' not matched"); continue }
                let variants = [best.variant.id] + best.sameTextVariants.map(\.id)
                if best.code != entry.code || !variants.contains(template.id) {
                    result.failures.append("\(name): '\(text)' read back as \(best.code)/\(best.variant.id)")
                    continue
                }
                for (key, value) in values where best.values[key]?.text != value {
                    result.failures.append("\(name): {\(key)} read back as '\(best.values[key]?.text ?? "nothing")', not '\(value)'")
                }
            }
        }
        return result
    }
}
