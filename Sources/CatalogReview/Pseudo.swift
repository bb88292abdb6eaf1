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
    public static func file(from source: RawLocaleFile, locale: String = "en-XA") throws(SyntaxError) -> RawLocaleFile {
        var codes: [RawCode] = []
        for code in source.codes {
            var entry = RawCode(code: code.code, templates: [])
            for template in code.templates {
                entry.templates.append(RawTemplate(id: template.id, pattern: try pattern(template.pattern), from: template.pattern))
            }
            entry.description = code.description.map(text)
            entry.hint = code.hint.map(text)
            codes.append(entry)
        }
        var file = RawLocaleFile(fileName: "\(locale).json", catalog: source.catalog, locale: locale, codes: codes)
        file.text = file.jsonText()
        return file
    }
}
