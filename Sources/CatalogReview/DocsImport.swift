import ErrorCatalog
import Foundation

/// Reads a bilingual docs page laid out like the Microsoft Learn machine-translated pages: each
/// `<span data-ttu-id=…>` holds the translation, followed by a `sxs-lookup` span with the English
/// source. The error table (`code | status | message`) becomes a catalog pair: the English source
/// and the page's locale, with prose placeholders (`<the invalid hash>`, `{batch size allowed}`,
/// `\<…\>`) mapped to named, typed placeholders consistently in both languages.
public enum DocsImport {
    public struct Result: Sendable {
        public var source: DocumentFile
        public var translation: DocumentFile
        /// What the import itself noticed (translated code column, placeholder prose left in English …).
        public var findings: [ReviewFinding]
        /// The findings of rows without a template: their page wording is not kept in any note, so
        /// `review` of the imported catalog cannot list them (description-only rows).
        public var notKept: [ReviewFinding] = []
    }

    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var line: Int?
        public var description: String { (line.map { "line \($0): " } ?? "") + message }
    }

    struct Cell { var target: String; var source: String }

    /// Span pairs of one table cell, in order.
    static func pairs(in cell: String) -> [Cell] {
        var result: [Cell] = []
        var rest = Substring(cell)
        let open = "<span data-ttu-id=\""
        while let start = rest.range(of: open) {
            guard let idEnd = rest[start.upperBound...].range(of: "\">") else { break }
            guard let targetEnd = rest[idEnd.upperBound...].range(of: "</span>") else { break }
            let target = rest[idEnd.upperBound..<targetEnd.lowerBound]
            var after = rest[targetEnd.upperBound...]
            var source = ""
            let lookup = "<span class=\"sxs-lookup\"><span data-stu-id=\""
            let lookupBody = after.hasPrefix(lookup) ? after.dropFirst(lookup.count) : after
            if after.hasPrefix(lookup), let sourceStart = lookupBody.range(of: "\">"),
               let sourceEnd = after[sourceStart.upperBound...].range(of: "</span></span>") {
                source = String(after[sourceStart.upperBound..<sourceEnd.lowerBound])
                after = after[sourceEnd.upperBound...]
            } else if after.hasPrefix(lookup), let sourceStart = lookupBody.range(of: "\">") {
                // A truncated last span (no closing tags on the line).
                source = String(after[sourceStart.upperBound...])
                after = after[after.endIndex...]
            }
            result.append(Cell(target: String(target), source: source))
            rest = after
        }
        return result
    }

    /// `\<the invalid hash\>`, `<the invalid hash>`, `{batch size allowed}` with their ranges.
    static func prosePlaceholders(in text: String) -> [(range: Range<String.Index>, phrase: String)] {
        var result: [(Range<String.Index>, String)] = []
        var index = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            var open: String? = nil
            var contentStart = index
            if c == "\\", text[index...].hasPrefix("\\<") { open = "<"; contentStart = text.index(index, offsetBy: 2) }
            else if c == "<" { open = "<"; contentStart = text.index(after: index) }
            else if c == "{" { open = "{"; contentStart = text.index(after: index) }
            if let open {
                let close = open == "<" ? ">" : "}"
                if let end = text[contentStart...].firstIndex(of: Character(close)) {
                    var contentEnd = end
                    if contentEnd > contentStart, text[text.index(before: contentEnd)] == "\\" { contentEnd = text.index(before: contentEnd) }
                    let phrase = String(text[contentStart..<contentEnd]).trimmingCharacters(in: .whitespaces)
                    if !phrase.isEmpty, phrase.count < 80, !phrase.contains("span"), !phrase.hasPrefix("br") {
                        result.append((index..<text.index(after: end), phrase))
                        index = text.index(after: end)
                        continue
                    }
                }
            }
            index = text.index(after: index)
        }
        return result
    }

    /// A name and type for a prose placeholder.
    static func placeholder(for phrase: String) -> DocumentPlaceholder {
        let lower = phrase.lowercased()
        let rejected = lower.contains("invalid")
        let rules: [(String, String, String)] = [
            ("hash", "hash", "hash"), ("domain", "domain", "domainName"), ("ip", "ipAddress", "ipAddress"), ("url", "url", "url"),
            ("received", "received", "integer"), ("allowed", "allowed", "integer"), ("parameter", "parameter", "identifier"),
            ("os platform", "osPlatform", "identifier"), ("client version", "clientVersion", "version"), ("action", "action", "identifier"),
            ("resource", "resource", "string"), ("input", "input", "string"), ("specific error", "detail", "string"),
            ("reason", "reason", "string"), ("guid", "id", "guid"), ("version", "version", "version"),
        ]
        let words = lower.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        for (key, name, type) in rules {
            let keyWords = key.split(separator: " ").map(String.init)
            let found = keyWords.count == 1 ? words.contains(key) : lower.contains(key)
            if found { return DocumentPlaceholder(name: name, type: type, rejected: rejected, description: phrase) }
        }
        let stop: Set<String> = ["the", "a", "an", "of", "is", "are", "and", "or", "specified", "invalid", "requested", "supported", "specific"]
        let kept = words.filter { !stop.contains($0) }
        let name = kept.enumerated().map { $0.offset == 0 ? $0.element : $0.element.prefix(1).uppercased() + $0.element.dropFirst() }.joined()
        return DocumentPlaceholder(name: name.isEmpty ? "value" : name, type: "string", rejected: rejected, description: phrase)
    }

    /// Markdown and HTML residue out of a cell's text.
    static func clean(_ text: String) -> String {
        var s = text.replacingOccurrences(of: "&nbsp;", with: " ")
        s = s.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
        return s
    }

    static func stripEmphasis(_ text: String) -> String {
        var s = text.trimmingCharacters(in: .whitespaces)
        while s.hasPrefix("*") { s.removeFirst() }
        s = s.replacingOccurrences(of: "*", with: "")
        return s.trimmingCharacters(in: .whitespaces)
    }

    /// ICU quoting for literal text: apostrophes before ICU syntax characters, and literal braces.
    static func icuLiteral(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "{": out += "'{'"
            case "}": out += "'}'"
            case "'": out += "'"
            default: out.append(c)
            }
        }
        // A lone apostrophe right before a quoted brace would merge with it: double it.
        return out.replacingOccurrences(of: "''{'", with: "'''{'")
    }

    /// Builds an ICU pattern from docs prose, mapping placeholders by phrase.
    static func pattern(_ text: String, names: [String: DocumentPlaceholder], fallbackOrder: [DocumentPlaceholder], file: String,
                        code: String, findings: inout [ReviewFinding], locale: String) -> (String, [String]) {
        var out = ""
        var used: [String] = []
        var last = text.startIndex
        let found = prosePlaceholders(in: text)
        for (position, item) in found.enumerated() {
            out += icuLiteral(unescapeMarkdown(String(text[last..<item.range.lowerBound])))
            let key = item.phrase.lowercased()
            let placeholder = names[key] ?? (position < fallbackOrder.count ? fallbackOrder[position] : nil)
            if let placeholder {
                out += "{\(placeholder.name)}"
                used.append(placeholder.name)
            } else {
                out += icuLiteral(String(text[item.range]))
            }
            last = item.range.upperBound
        }
        out += icuLiteral(unescapeMarkdown(String(text[last...])))
        return (out.trimmingCharacters(in: .whitespaces), used)
    }

    static func unescapeMarkdown(_ text: String) -> String {
        text.replacingOccurrences(of: "\\<", with: "<").replacingOccurrences(of: "\\>", with: ">")
            .replacingOccurrences(of: "\\*", with: "*").replacingOccurrences(of: "\\_", with: "_")
    }

    /// A message cell that describes rather than quotes: "General Bad Request error message.", "*Note: …*".
    static func isDescription(_ english: String) -> Bool {
        let s = english.trimmingCharacters(in: .whitespaces)
        return s.hasPrefix("*") || s.lowercased().hasSuffix("error message.") || s.lowercased().hasPrefix("note:")
    }

    public static func read(_ text: String, fileName: String, catalogName: String = "imported") throws(Failure) -> Result {
        let lines = text.components(separatedBy: "\n")
        // The page's locale from the front matter (`ms.contentlocale: de-DE`), else `lang` of the first span.
        var locale = "und"
        for line in lines where line.hasPrefix("ms.contentlocale:") {
            locale = LocaleTag.canonical(String(line.dropFirst("ms.contentlocale:".count)))
        }
        if locale == "und" { locale = "xx" }
        let sourceLocale = "en"
        let sourceFile = "\(sourceLocale).json", targetFile = "\(locale).json"
        var findings: [ReviewFinding] = []
        var notKept: [ReviewFinding] = []
        var sourceCodes: [DocumentCode] = []
        var targetCodes: [DocumentCode] = []
        var inTable = false
        var tableFound = false
        for (index, line) in lines.enumerated() {
            let lineNumber = index + 1
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("-|") || trimmed.hasPrefix("|-") || trimmed.hasPrefix("---|") {
                inTable = true
                tableFound = true
                continue
            }
            guard inTable else { continue }
            guard trimmed.contains(" | ") else { inTable = false; continue }
            var cells = line.components(separatedBy: " | ")
            if cells.first?.trimmingCharacters(in: .whitespaces).isEmpty == true { cells.removeFirst() }
            guard cells.count >= 3 else { continue }
            let codeCell = pairs(in: cells[0]), statusCell = pairs(in: cells[1])
            let messageCell = pairs(in: cells[2...].joined(separator: " | "))
            guard let codePair = codeCell.first, !codePair.source.isEmpty else { continue }
            let code = codePair.source.trimmingCharacters(in: .whitespaces)
            guard code.allSatisfy({ $0.isLetter || $0.isNumber }) else { continue }
            func finding(_ severity: ReviewFinding.Severity, _ check: String, _ message: String, file: String, text: String? = nil, expected: String? = nil) {
                findings.append(ReviewFinding(severity: severity, check: check, file: file, line: lineNumber, locale: file == fileName ? locale : sourceLocale,
                                              code: code, field: "docs", text: text, message: message, expected: expected))
            }
            if codePair.target.trimmingCharacters(in: .whitespaces) != code {
                finding(.warning, "identifier-translated", "the code column translates the identifier '\(code)' as \"\(codePair.target)\"",
                        file: fileName, text: codePair.target, expected: "'\(code)' unchanged")
            }
            let statusText = statusCell.first?.source ?? ""
            let status = statusText.split { !$0.isNumber }.compactMap { Int($0) }.first { (100...599).contains($0) } ?? 0
            // Split the message cell at <br />: the first part is the message, the rest notes.
            let fullSource = messageCell.map(\.source)
            let fullTarget = messageCell.map(\.target)
            let raw = cells[2...].joined(separator: " | ")
            let noteStart: Int = {
                guard let br = raw.range(of: "<br") else { return messageCell.count }
                return pairs(in: String(raw[..<br.lowerBound])).count
            }()
            let messageSource = clean(fullSource[..<noteStart].joined(separator: " "))
            let messageTarget = clean(fullTarget[..<noteStart].joined(separator: " "))
            let noteSource = stripEmphasis(clean(fullSource[noteStart...].joined(separator: " ")))
            let noteTarget = stripEmphasis(clean(fullTarget[noteStart...].joined(separator: " ")))

            var placeholders: [DocumentPlaceholder] = []
            var names: [String: DocumentPlaceholder] = [:]
            var syntaxes: Set<String> = []
            for item in prosePlaceholders(in: messageSource) {
                syntaxes.insert(messageSource[item.range].hasPrefix("{") ? "{…}" : "<…>")
                let key = item.phrase.lowercased()
                if names[key] != nil { continue }
                var placeholder = placeholder(for: item.phrase)
                while placeholders.contains(where: { $0.name == placeholder.name }) { placeholder.name += "2" }
                names[key] = placeholder
                placeholders.append(placeholder)
            }
            if syntaxes.count > 1 {
                finding(.info, "placeholder-syntax-mixed", "the source mixes <…> and {…} placeholders", file: fileName, text: messageSource,
                        expected: "one placeholder syntax; imported as named ICU arguments")
            }
            for item in prosePlaceholders(in: messageTarget) where names[item.phrase.lowercased()] != nil {
                finding(.warning, "untranslated-segment", "the placeholder description \"\(item.phrase)\" is left in English",
                        file: fileName, text: messageTarget, expected: "a translated description, or a named placeholder")
            }

            let asDescription = isDescription(messageSource) || messageSource.isEmpty
            var sourceEntry = DocumentCode(code: code, status: status, placeholders: placeholders, templates: [])
            var targetEntry = DocumentCode(code: code, templates: [])
            if !asDescription {
                let (sourcePattern, _) = pattern(messageSource, names: names, fallbackOrder: [], file: sourceFile, code: code,
                                                 findings: &findings, locale: sourceLocale)
                let (targetPattern, _) = pattern(messageTarget, names: names, fallbackOrder: placeholders, file: targetFile, code: code,
                                                 findings: &findings, locale: locale)
                // Keep the page's own wording in the templates' notes, where `review` re-checks it
                // (placeholder prose left in English, mixed syntax, a translated code column).
                let sourceNote = PageNote.line(PageNote.textKey, line: lineNumber, value: unescapeMarkdown(messageSource))
                var targetNote: [String] = []
                if codePair.target.trimmingCharacters(in: .whitespaces) != code {
                    targetNote.append(PageNote.line(PageNote.codeColumnKey, line: lineNumber, value: clean(codePair.target).trimmingCharacters(in: .whitespaces)))
                }
                targetNote.append(PageNote.line(PageNote.textKey, line: lineNumber, value: unescapeMarkdown(messageTarget)))
                sourceEntry.templates = [DocumentTemplate(id: "docs", pattern: sourcePattern, origin: "\(fileName), error code table", note: sourceNote)]
                targetEntry.templates = [DocumentTemplate(id: "docs", pattern: targetPattern, from: sourcePattern, note: targetNote.joined(separator: "\n"))]
            } else {
                // A description-only row has no template, and so no note to keep the page's findings in.
                notKept += findings.filter { $0.line == lineNumber }
            }
            let descriptionSource = asDescription ? stripEmphasis(messageSource) : noteSource
            let descriptionTarget = asDescription ? stripEmphasis(messageTarget) : noteTarget
            if !descriptionSource.isEmpty {
                sourceEntry.description = descriptionSource
                targetEntry.description = descriptionTarget.isEmpty ? descriptionSource : descriptionTarget
            }
            sourceCodes.append(sourceEntry)
            targetCodes.append(targetEntry)
        }
        guard tableFound, !sourceCodes.isEmpty else {
            throw Failure(message: "no error table with sxs-lookup span pairs (code | status | message) found")
        }
        let source = DocumentFile(fileName: sourceFile, catalog: catalogName, locale: sourceLocale, codes: sourceCodes)
        let translation = DocumentFile(fileName: targetFile, catalog: catalogName, locale: locale, codes: targetCodes)
        return Result(source: source, translation: translation, findings: findings, notKept: notKept)
    }
}
