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
        /// The page the problem is in (`nil`: the only page read).
        public var file: String?

        public init(message: String, line: Int? = nil, file: String? = nil) {
            self.message = message
            self.line = line
            self.file = file
        }

        /// `page.md:14: message`
        public var description: String {
            switch (file, line) {
            case let (file?, line?): return "\(file):\(line): \(message)"
            case let (file?, nil): return "\(file): \(message)"
            case let (nil, line?): return "line \(line): \(message)"
            case (nil, nil): return message
            }
        }
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

    /// Builds an ICU pattern from docs prose, mapping placeholders by phrase: a phrase the source
    /// has (`<the invalid hash>` left in English) is that placeholder; the others (translated
    /// descriptions such as `{der ungültige Hash}`) take the remaining `fallbackOrder` placeholders in
    /// order. A placeholder left over stays literal text, where review reports it.
    static func pattern(_ text: String, names: [String: DocumentPlaceholder], fallbackOrder: [DocumentPlaceholder]) -> (String, [String]) {
        var out = ""
        var used: [String] = []
        var last = text.startIndex
        let found = prosePlaceholders(in: text)
        var assigned: [DocumentPlaceholder?] = found.map { names[$0.phrase.lowercased()] }
        var remaining = fallbackOrder.filter { candidate in !assigned.contains { $0?.name == candidate.name } }
        // A translated description that shares a word with exactly one remaining English one
        // (`{unterstützte Clientversion}` / `supported client version`) is that placeholder, in
        // whatever order the translation puts them.
        for index in assigned.indices where assigned[index] == nil {
            let scores = remaining.map { sharedWords(found[index].phrase, $0.description ?? $0.name) }
            guard let best = scores.max(), best > 0, scores.filter({ $0 == best }).count == 1,
                  let position = scores.firstIndex(of: best) else { continue }
            // Only when no other unassigned phrase claims the same placeholder as strongly.
            let rivals = assigned.indices.filter { $0 != index && assigned[$0] == nil }
                .filter { sharedWords(found[$0].phrase, remaining[position].description ?? remaining[position].name) >= best }
            guard rivals.isEmpty else { continue }
            assigned[index] = remaining.remove(at: position)
        }
        for index in assigned.indices where assigned[index] == nil && !remaining.isEmpty {
            assigned[index] = remaining.removeFirst()
        }
        for (position, item) in found.enumerated() {
            out += icuLiteral(unescapeMarkdown(String(text[last..<item.range.lowerBound])))
            if let placeholder = assigned[position] {
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

    /// How many words of `english` (three letters or more, not an article) appear in `translated`,
    /// inside a compound (`Clientversion`) or one letter apart (`Aktion` / `action`).
    static func sharedWords(_ translated: String, _ english: String) -> Int {
        let stop: Set<String> = ["the", "and", "for", "with", "not"]
        func words(_ text: String) -> [String] {
            text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init).filter { $0.count >= 3 && !stop.contains($0) }
        }
        let theirs = words(translated)
        return words(english).filter { word in
            theirs.contains { other in
                other == word || (word.count >= 4 && other.contains(word)) || (other.count >= 4 && word.contains(other))
                    || (word.count >= 5 && other.count >= 5 && TextRules.editDistance(word, other) <= 1)
            }
        }.count
    }

    static func unescapeMarkdown(_ text: String) -> String {
        text.replacingOccurrences(of: "\\<", with: "<").replacingOccurrences(of: "\\>", with: ">")
            .replacingOccurrences(of: "\\*", with: "*").replacingOccurrences(of: "\\_", with: "_")
    }

    /// A message cell that describes rather than quotes: "General Bad Request error message.", "*Note: …*".
    /// The Defender for Endpoint page describes TooManyRequests as "Response will represent reaching
    /// quota limit …": a description of the response, not its text.
    static func isDescription(_ english: String) -> Bool {
        let s = english.trimmingCharacters(in: .whitespaces)
        let lower = s.lowercased()
        return s.hasPrefix("*") || lower.hasSuffix("error message.") || lower.hasPrefix("note:") || lower.hasPrefix("response will ")
    }

    /// What the import accepts, for the error messages.
    static let accepted = "a Markdown table with a header row, a delimiter row (-|-|-, |---|---|, :---|:---|:---) and rows "
        + "whose first three columns are the error code, the HTTP status (a number from 100 to 599 in the cell) and the message"

    static func isIdentifier(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { ($0.isASCII && $0.properties.isAlphabetic) || ("0"..."9").contains($0) }
    }

    /// The page's locale: `override`, else the front matter's `ms.contentlocale`.
    static func pageLocale(_ lines: [String], fileName: String, override: String?) throws(Failure) -> String {
        if let override {
            guard let tag = LocaleTag(override) else {
                throw Failure(message: "'\(override)' is not a locale tag; give one such as de-DE, fr-FR or it", file: fileName)
            }
            return tag.identifier
        }
        for (index, line) in lines.enumerated() where line.hasPrefix("ms.contentlocale:") {
            let value = String(line.dropFirst("ms.contentlocale:".count)).trimmingCharacters(in: .whitespaces)
            guard let tag = LocaleTag(value) else {
                throw Failure(message: "ms.contentlocale '\(value)' is not a locale tag; expected one such as de-DE", line: index + 1, file: fileName)
            }
            return tag.identifier
        }
        throw Failure(message: "the page does not say its language (no 'ms.contentlocale:' line in its front matter); give it with --locale, e.g. --locale fr-FR",
                      file: fileName)
    }

    /// The status of a status cell ("BadRequest (400)", "429").
    static func status(_ text: String) -> Int? {
        text.split { !$0.isNumber }.compactMap { Int($0) }.first { (100...599).contains($0) }
    }

    /// The plain text of a cell: the translations of its span pairs if it has any, else the cell.
    static func plainText(_ cell: String) -> String {
        let spans = pairs(in: cell)
        return spans.isEmpty ? cell : spans.map(\.target).joined(separator: " ")
    }

    /// A plain message cell split at its first `<br>`: the message, and the note after it.
    static func splitNote(_ cell: String) -> (message: String, note: String) {
        guard let br = cell.range(of: "<br", options: .caseInsensitive) else { return (clean(cell).trimmingCharacters(in: .whitespaces), "") }
        var note = String(cell[br.lowerBound...])
        while let tag = note.range(of: "<br[^>]*>", options: [.regularExpression, .caseInsensitive]) { note.replaceSubrange(tag, with: " ") }
        return (clean(String(cell[..<br.lowerBound])).trimmingCharacters(in: .whitespaces), stripEmphasis(clean(note)))
    }

    /// A code cell without Markdown emphasis or code quotes.
    static func codeText(_ cell: String) -> String {
        stripEmphasis(cell.replacingOccurrences(of: "`", with: ""))
    }

    static func overfullFinding(file: String, line: Int, locale: String) -> ReviewFinding {
        ReviewFinding(severity: .warning, check: "table-cells", file: file, line: line, locale: locale,
                      message: "the row has more cells than the header: its extra cells were read as part of the last column",
                      expected: "write a '|' inside a cell as '\\|'")
    }

    /// One row of the error table, as both languages give it.
    struct PageRow {
        struct Side { var message: String; var note: String; var line: Int; var file: String }
        var code: String
        /// The translated page's code cell as shown.
        var shownCode: String
        var status: Int
        var source: Side
        var target: Side
    }

    /// Reads a bilingual page (`sxs-lookup` span pairs: the translation, then its English source).
    public static func read(_ text: String, fileName: String, catalogName: String = "imported", locale: String? = nil) throws(Failure) -> Result {
        let lines = text.components(separatedBy: "\n")
        let tables = MarkdownTable.tables(in: lines).filter { $0.header.count >= 3 && !$0.rows.isEmpty }
        guard !tables.isEmpty else {
            throw Failure(message: "no error table found; expected \(accepted)", file: fileName)
        }
        // The error table: a row with a code in its first column and an HTTP status in its second
        // (a page may have other tables before it).
        guard let table = tables.first(where: { table in
            table.rows.contains { row in
                (pairs(in: row.cells[0]).first.map { isIdentifier($0.source.trimmingCharacters(in: .whitespaces)) } ?? false)
                    && status(pairs(in: row.cells[1]).first?.source ?? row.cells[1]) != nil
            }
        }) else {
            throw Failure(message: "the table has no sxs-lookup span pairs (<span data-ttu-id=…>translation</span><span class=\"sxs-lookup\">…English…</span>) "
                          + "with an error code in its first column; a page without them is read side by side with its English original: "
                          + "errcat import-docs --source EN.md --translation \(fileName) -o DIR",
                          line: tables[0].headerLine, file: fileName)
        }
        let pageLocale = try pageLocale(lines, fileName: fileName, override: locale)
        var rows: [PageRow] = []
        var findings: [ReviewFinding] = []
        for line in table.overfull { findings.append(overfullFinding(file: fileName, line: line, locale: pageLocale)) }
        for row in table.rows {
            guard let codePair = pairs(in: row.cells[0]).first else { continue }
            let code = codePair.source.trimmingCharacters(in: .whitespaces)
            guard isIdentifier(code) else { continue }
            let statusText = pairs(in: row.cells[1]).first?.source ?? row.cells[1]
            guard let status = status(statusText) else {
                throw Failure(message: "the status column of \(code) has no HTTP status: '\(statusText)'; expected a number from 100 to 599, e.g. 'BadRequest (400)'",
                              line: row.line, file: fileName)
            }
            let raw = row.cells[2]
            let messageCell = pairs(in: raw)
            let noteStart: Int = {
                guard let br = raw.range(of: "<br") else { return messageCell.count }
                return pairs(in: String(raw[..<br.lowerBound])).count
            }()
            let fullSource = messageCell.map(\.source), fullTarget = messageCell.map(\.target)
            rows.append(PageRow(
                code: code, shownCode: clean(codePair.target).trimmingCharacters(in: .whitespaces), status: status,
                source: .init(message: clean(fullSource[..<noteStart].joined(separator: " ")),
                              note: stripEmphasis(clean(fullSource[noteStart...].joined(separator: " "))), line: row.line, file: fileName),
                target: .init(message: clean(fullTarget[..<noteStart].joined(separator: " ")),
                              note: stripEmphasis(clean(fullTarget[noteStart...].joined(separator: " "))), line: row.line, file: fileName)))
        }
        guard !rows.isEmpty else {
            throw Failure(message: "the table's rows have no sxs-lookup span pair with an error code in the first column; expected \(accepted)",
                          line: table.headerLine, file: fileName)
        }
        return try build(rows, locale: pageLocale, catalogName: catalogName, findings: findings)
    }

    /// The error table rows of a page without span pairs: (line, code cell, status cell, message cell).
    static func plainRows(_ text: String, fileName: String) throws(Failure) -> (rows: [MarkdownTable.Row], lines: [String], overfull: [Int]) {
        let lines = text.components(separatedBy: "\n")
        let tables = MarkdownTable.tables(in: lines).filter { $0.header.count >= 3 && !$0.rows.isEmpty }
        // The error table: the first with an HTTP status in its second column (a page may have other tables before it).
        guard let table = tables.first(where: { $0.rows.contains { status(plainText($0.cells[1])) != nil } }) else {
            throw Failure(message: "no error table found; expected \(accepted)", file: fileName)
        }
        return (table.rows.map { MarkdownTable.Row(line: $0.line, cells: $0.cells.map(plainText)) }, lines, table.overfull)
    }

    /// Reads an English page and its translation (a plain machine translation without span pairs)
    /// side by side, aligning their error tables row by row by the code column. A row present in
    /// one page only is reported (`row-unmatched`, with its file and line) and left out of both files.
    public static func readPair(source: String, sourceName: String, translation: String, translationName: String,
                                catalogName: String = "imported", locale: String? = nil) throws(Failure) -> Result {
        let (englishRows, englishLines, englishOverfull) = try plainRows(source, fileName: sourceName)
        // The English page may say so (en-US); a page that says another language is the wrong one.
        if let declared = try? pageLocale(englishLines, fileName: sourceName, override: nil), LocaleTag(declared)?.language != "en" {
            throw Failure(message: "the source page is in \(declared) (ms.contentlocale); give the English page as --source", file: sourceName)
        }
        let (translatedRows, translatedLines, translatedOverfull) = try plainRows(translation, fileName: translationName)
        let pageLocale = try pageLocale(translatedLines, fileName: translationName, override: locale)
        if LocaleTag(pageLocale)?.language == "en" {
            throw Failure(message: "the translated page is in English (\(pageLocale)); give the English page as --source and a translation as --translation",
                          file: translationName)
        }
        var findings: [ReviewFinding] = []
        for (file, lines, rowLocale) in [(sourceName, englishOverfull, "en"), (translationName, translatedOverfull, pageLocale)] {
            for line in lines { findings.append(overfullFinding(file: file, line: line, locale: rowLocale)) }
        }
        // The English page: one row per code.
        var english: [(row: MarkdownTable.Row, code: String)] = []
        for row in englishRows {
            let code = codeText(row.cells[0])
            guard isIdentifier(code) else {
                throw Failure(message: "the code column holds '\(code)', not an error code; expected an identifier such as InvalidHashValue (letters and digits)",
                              line: row.line, file: sourceName)
            }
            if let first = english.first(where: { $0.code == code }) {
                throw Failure(message: "\(code) has a second row (the first is at line \(first.row.line)); expected each code once", line: row.line, file: sourceName)
            }
            english.append((row, code))
        }
        // The translated page: each row to the English row of its code.
        var matched: [String: MarkdownTable.Row] = [:]
        var unmatchedTranslated: [MarkdownTable.Row] = []
        for row in translatedRows {
            let shown = codeText(row.cells[0])
            let open = english.filter { matched[$0.code] == nil }
            let words = Set(shown.split { !$0.isLetter && !$0.isNumber }.map(String.init))
            let found = open.first { $0.code == shown } ?? open.first { words.contains($0.code) }
                ?? (isIdentifier(shown) ? open.filter { TextRules.editDistance($0.code, shown) <= max(1, $0.code.count / 4) }
                        .min { TextRules.editDistance($0.code, shown) < TextRules.editDistance($1.code, shown) } : nil)
            guard let found else { unmatchedTranslated.append(row); continue }
            matched[found.code] = row
        }
        for row in unmatchedTranslated {
            let shown = codeText(row.cells[0])
            findings.append(ReviewFinding(severity: .warning, check: "row-unmatched", file: translationName, line: row.line, locale: pageLocale,
                                          field: "docs", text: shown,
                                          message: "the row '\(shown)' has no row with that code in \(sourceName); left out of the catalog",
                                          expected: "the code column as in \(sourceName) (identifiers are not translated)"))
        }
        var rows: [PageRow] = []
        for (row, code) in english {
            guard let other = matched[code] else {
                findings.append(ReviewFinding(severity: .warning, check: "row-unmatched", file: sourceName, line: row.line, locale: "en", code: code,
                                              field: "docs", text: code,
                                              message: "\(code) has no row in \(translationName); left out of the catalog",
                                              expected: "a row with the code \(code) in \(translationName)"))
                continue
            }
            guard let status = status(row.cells[1]) else {
                throw Failure(message: "the status column of \(code) has no HTTP status: '\(row.cells[1])'; expected a number from 100 to 599, e.g. 'BadRequest (400)'",
                              line: row.line, file: sourceName)
            }
            let (sourceMessage, sourceNote) = splitNote(row.cells[2])
            let (targetMessage, targetNote) = splitNote(other.cells[2])
            rows.append(PageRow(code: code, shownCode: codeText(other.cells[0]), status: status,
                                source: .init(message: sourceMessage, note: sourceNote, line: row.line, file: sourceName),
                                target: .init(message: targetMessage, note: targetNote, line: other.line, file: translationName)))
        }
        guard !rows.isEmpty else {
            throw Failure(message: "no code of \(sourceName) has a row in \(translationName); the code column (the first) must hold the same identifiers in both pages",
                          file: translationName)
        }
        return try build(rows, locale: pageLocale, catalogName: catalogName, findings: findings)
    }

    /// The catalog pair of the rows of an error table.
    static func build(_ rows: [PageRow], locale: String, catalogName: String, findings pageFindings: [ReviewFinding]) throws(Failure) -> Result {
        let sourceLocale = "en"
        let sourceFile = "\(sourceLocale).json", targetFile = "\(locale).json"
        var findings = pageFindings
        var notKept: [ReviewFinding] = []
        var sourceCodes: [DocumentCode] = []
        var targetCodes: [DocumentCode] = []
        var seen: [String: Int] = [:]
        for row in rows {
            let code = row.code
            if let first = seen[code] {
                throw Failure(message: "\(code) has a second row (the first is at line \(first)); expected each code once", line: row.source.line, file: row.source.file)
            }
            seen[code] = row.source.line
            var rowFindings: [ReviewFinding] = []
            func finding(_ severity: ReviewFinding.Severity, _ check: String, _ message: String, onTarget: Bool, text: String? = nil, expected: String? = nil) {
                let side = onTarget ? row.target : row.source
                rowFindings.append(ReviewFinding(severity: severity, check: check, file: side.file, line: side.line, locale: onTarget ? locale : sourceLocale,
                                                 code: code, field: "docs", text: text, message: message, expected: expected))
            }
            let codeShown = row.shownCode != code
            if codeShown {
                finding(.warning, "identifier-translated",
                        row.shownCode.contains(code) ? "the code column glosses the identifier '\(code)' as \"\(row.shownCode)\""
                            : "the code column shows \"\(row.shownCode)\" instead of the identifier '\(code)'",
                        onTarget: true, text: row.shownCode, expected: "'\(code)' unchanged")
            }
            let messageSource = row.source.message, messageTarget = row.target.message

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
                finding(.info, "placeholder-syntax-mixed", "the source mixes <…> and {…} placeholders", onTarget: false, text: messageSource,
                        expected: "one placeholder syntax; imported as named ICU arguments")
            }
            let targetPlaceholders = prosePlaceholders(in: messageTarget)
            for item in targetPlaceholders where names[item.phrase.lowercased()] != nil {
                finding(.warning, "untranslated-segment", "the placeholder description \"\(item.phrase)\" is left in English",
                        onTarget: true, text: messageTarget, expected: "a translated description, or a named placeholder")
            }

            let asDescription = isDescription(messageSource) || messageSource.isEmpty
            var sourceEntry = DocumentCode(code: code, status: row.status, placeholders: placeholders, templates: [])
            var targetEntry = DocumentCode(code: code, templates: [])
            if !asDescription {
                if targetPlaceholders.count != placeholders.count {
                    finding(.warning, targetPlaceholders.count < placeholders.count ? "placeholder-missing" : "placeholder-extra",
                            "the translated message has \(targetPlaceholders.count) placeholder\(targetPlaceholders.count == 1 ? "" : "s"), the English one \(placeholders.count)",
                            onTarget: true, text: messageTarget, expected: "the placeholders of the English message, each once")
                }
                let (sourcePattern, _) = pattern(messageSource, names: names, fallbackOrder: [])
                let (targetPattern, _) = pattern(messageTarget, names: names, fallbackOrder: placeholders)
                // Keep the page's own wording in the templates' notes, where `review` re-checks it
                // (placeholder prose left in English, mixed syntax, a translated code column).
                let sourceNote = PageNote.line(PageNote.textKey, line: row.source.line, value: unescapeMarkdown(messageSource))
                var targetNote: [String] = []
                if codeShown {
                    targetNote.append(PageNote.line(PageNote.codeColumnKey, line: row.target.line, value: row.shownCode))
                }
                targetNote.append(PageNote.line(PageNote.textKey, line: row.target.line, value: unescapeMarkdown(messageTarget)))
                sourceEntry.templates = [DocumentTemplate(id: "docs", pattern: sourcePattern, origin: "\(row.source.file), error code table", note: sourceNote)]
                targetEntry.templates = [DocumentTemplate(id: "docs", pattern: targetPattern, from: sourcePattern, note: targetNote.joined(separator: "\n"))]
            } else {
                // A description-only row has no template, and so no note to keep the page's findings in.
                notKept += rowFindings
            }
            let descriptionSource = asDescription ? stripEmphasis(messageSource) : row.source.note
            let descriptionTarget = asDescription ? stripEmphasis(messageTarget) : row.target.note
            if !descriptionSource.isEmpty {
                sourceEntry.description = descriptionSource
                targetEntry.description = descriptionTarget.isEmpty ? descriptionSource : descriptionTarget
            }
            findings += rowFindings
            sourceCodes.append(sourceEntry)
            targetCodes.append(targetEntry)
        }
        let source = DocumentFile(fileName: sourceFile, catalog: catalogName, locale: sourceLocale, codes: sourceCodes)
        let translation = DocumentFile(fileName: targetFile, catalog: catalogName, locale: locale, codes: targetCodes)
        return Result(source: source, translation: translation, findings: findings, notKept: notKept)
    }
}
