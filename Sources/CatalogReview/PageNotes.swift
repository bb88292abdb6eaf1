/// What `import-docs` keeps of a docs page in a template's `note` (a key the catalog format accepts
/// on source and translated templates), so that `review` on the imported catalog alone still sees
/// what the import turned into clean named placeholders:
///
///     page text (line 53): Die <the invalid IP> IP-Adresse ist ungültig.
///     page code column (line 59): Nicht autorisiert (Unauthorized)
///
/// One fact per line; `page text` is the message cell as published (prose placeholders as
/// written), `page code column` appears when the page's code cell is not the identifier itself.
/// The review re-reads these lines and checks them (`checkPageNote`): it does not trust a verdict
/// stored by the import, it checks the page's own wording again.
import ErrorCatalog

public enum PageNote {
    public static let textKey = "page text"
    public static let codeColumnKey = "page code column"

    public struct Line: Sendable, Hashable {
        public var key: String
        public var line: Int?
        public var value: String
        /// Unicode-scalar offset of `value` in the whole note.
        public var offset: Int
    }

    /// `page text (line 53): …`
    public static func line(_ key: String, line: Int?, value: String) -> String {
        // One fact per line: a value never spans lines.
        let flat = value.unicodeScalars.map { $0 == "\n" || $0 == "\r" ? " " : String($0) }.joined()
        return key + (line.map { " (line \($0))" } ?? "") + ": " + flat
    }

    /// The page lines of a note; other lines (a maintainer's remark) are ignored.
    public static func parse(_ note: String) -> [Line] {
        var result: [Line] = []
        var offset = 0
        for raw in note.split(separator: "\n", omittingEmptySubsequences: false) {
            let text = String(raw)
            defer { offset += text.unicodeScalars.count + 1 }
            for key in [textKey, codeColumnKey] where text.hasPrefix(key) {
                var rest = Substring(text.dropFirst(key.count))
                var line: Int? = nil
                if rest.hasPrefix(" (line "), let close = rest.firstIndex(of: ")") {
                    line = Int(rest[rest.index(rest.startIndex, offsetBy: 7)..<close])
                    rest = rest[rest.index(after: close)...]
                }
                guard rest.hasPrefix(": ") else { continue }
                let value = String(rest.dropFirst(2))
                let valueOffset = offset + text.unicodeScalars.count - value.unicodeScalars.count
                result.append(Line(key: key, line: line, value: value, offset: valueOffset))
            }
        }
        return result
    }

    /// Prose placeholders of a page text with scalar ranges relative to the text.
    static func placeholders(in text: String) -> [(range: Range<Int>, phrase: String, braces: Bool)] {
        DocsImport.prosePlaceholders(in: text).map { item in
            let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: item.range.lowerBound)
            let end = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: item.range.upperBound)
            return (start..<end, item.phrase, text[item.range].hasPrefix("{"))
        }
    }
}

extension Context {
    /// The checks of a template's page note (see `PageNote`). `sourcePhrases` are the English
    /// placeholder descriptions (the source's declared placeholder descriptions and the prose
    /// placeholders of the source template's page text), lowercased; `nil` for the source itself.
    mutating func checkPageNote(_ note: String, sourcePhrases: Set<String>?) {
        for line in PageNote.parse(note) {
            switch line.key {
            case PageNote.codeColumnKey:
                let shown = line.value.trimmingSpaces()
                guard sourcePhrases != nil, shown != code else { continue }
                let length = line.value.unicodeScalars.count
                add(.warning, "identifier-translated",
                    shown.contains(code) ? "the docs page's code column glosses the identifier '\(code)' as \"\(shown)\""
                        : "the docs page's code column shows \"\(shown)\" instead of the identifier '\(code)'",
                    range: line.offset..<(line.offset + length), expected: "'\(code)' unchanged (identifiers are not translated)")
            case PageNote.textKey:
                let found = PageNote.placeholders(in: line.value)
                if let sourcePhrases {
                    for item in found where sourcePhrases.contains(item.phrase.lowercased()) {
                        add(.warning, "untranslated-segment", "the docs page leaves the placeholder description \"\(item.phrase)\" in English",
                            range: (line.offset + item.range.lowerBound)..<(line.offset + item.range.upperBound),
                            expected: "a \(locale) description of the value, or a named placeholder")
                    }
                } else if found.contains(where: \.braces), found.contains(where: { !$0.braces }),
                          let first = found.first, let last = found.last {
                    add(.info, "placeholder-syntax-mixed", "the docs page mixes <…> and {…} placeholder syntax in one message",
                        range: (line.offset + first.range.lowerBound)..<(line.offset + last.range.upperBound),
                        expected: "one placeholder syntax; the import made both named ICU arguments")
                }
            default:
                continue
            }
        }
    }

    /// The English phrases a translation's page text may not keep: the source's placeholder
    /// descriptions and the prose placeholders of the source template's page text.
    static func sourcePhrases(_ sourceCode: DocumentCode, template: DocumentTemplate) -> Set<String> {
        var phrases = Set((sourceCode.placeholders ?? []).compactMap { $0.description?.lowercased() })
        for line in PageNote.parse(template.note ?? "") where line.key == PageNote.textKey {
            for item in PageNote.placeholders(in: line.value) { phrases.insert(item.phrase.lowercased()) }
        }
        return phrases
    }
}
