/// GNU gettext PO: one entry per unit, `msgctxt` = `Code/variant`, translator notes as `#.`,
/// a stale translation as `#, fuzzy` with the old source as `#| msgid`.
enum PO {
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{07}": out += "\\a"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{0B}": out += "\\v"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let octal = String(scalar.value, radix: 8)
                    out += "\\" + String(repeating: "0", count: max(0, 3 - octal.count)) + octal
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static func poLanguage(_ locale: String) -> String { locale.replacingOccurrences(of: "-", with: "_") }

    /// `YYYY-MM-DD HH:MM+0000`, the export time in UTC (gettext's header format).
    static func revisionDate() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm'+0000'"
        return formatter.string(from: Date())
    }

    static func write(_ document: ExchangeDocument) -> String {
        var out = """
        # Translation of the error catalog "\(document.catalog)" from \(document.sourceLocale) into \(document.locale).
        # Patterns are ICU MessageFormat: keep {placeholders} and plural/select syntax intact.
        # Written by errcat export; import with: errcat import FILE --catalog DIR
        msgid ""
        msgstr ""
        "Project-Id-Version: \(document.catalog)\\n"
        "PO-Revision-Date: \(revisionDate())\\n"
        "Last-Translator: \(document.catalog) catalog translators\\n"
        "Language-Team: \(poLanguage(document.locale))\\n"
        "Language: \(poLanguage(document.locale))\\n"
        "MIME-Version: 1.0\\n"
        "Content-Type: text/plain; charset=UTF-8\\n"
        "Content-Transfer-Encoding: 8bit\\n"
        "X-Source-Language: \(poLanguage(document.sourceLocale))\\n"
        "X-Generator: errcat\\n"

        """
        for unit in document.units {
            out += "\n"
            for note in unit.notes {
                for line in note.split(separator: "\n", omittingEmptySubsequences: false) { out += "#. \(line)\n" }
            }
            if unit.fuzzy { out += "#, fuzzy\n" }
            if let previous = unit.previousSource {
                out += "#| msgctxt \(quote(unit.context))\n#| msgid \(quote(previous))\n"
            }
            out += "msgctxt \(quote(unit.context))\nmsgid \(quote(unit.source))\nmsgstr \(quote(unit.target ?? ""))\n"
        }
        return out
    }

    private enum Field { case ctxt, id, str, previousCtxt, previousID }

    static func read(_ text: String, fileName: String) throws(ImportFailure) -> ExchangeDocument {
        var problems: [ExchangeProblem] = []
        var units: [ExchangeUnit] = []
        var header: String?
        // The entry being read.
        var ctxt: String?, id: String?, str: String?, previous: String?
        var fuzzy = false
        var notes: [String] = []
        var entryLine: Int?
        var field: Field?

        func finish() {
            defer { ctxt = nil; id = nil; str = nil; previous = nil; fuzzy = false; notes = []; entryLine = nil; field = nil }
            guard let id else {
                if ctxt != nil || str != nil {
                    problems.append(ExchangeProblem(file: fileName, line: entryLine, message: "an entry without msgid"))
                }
                return
            }
            if id.isEmpty && ctxt == nil { header = str ?? ""; return }
            guard let ctxt, ctxt.contains("/") else {
                problems.append(ExchangeProblem(file: fileName, line: entryLine, context: ctxt,
                                                message: "the entry has no msgctxt \"Code/variant\"; errcat needs it to know which template this is"))
                return
            }
            guard let str else {
                problems.append(ExchangeProblem(file: fileName, line: entryLine, context: ctxt, message: "the entry has no msgstr"))
                return
            }
            units.append(ExchangeUnit(context: ctxt, source: id, target: str, previousSource: previous, fuzzy: fuzzy, notes: notes, line: entryLine))
        }

        func unquote(_ raw: Substring, line: Int) -> String? {
            let s = raw.trimmingCharacters(in: .whitespaces)
            guard s.count >= 2, s.hasPrefix("\""), s.hasSuffix("\"") else {
                problems.append(ExchangeProblem(file: fileName, line: line, message: "expected a quoted string, found: \(s.prefix(60))"))
                return nil
            }
            var out = ""
            var iterator = s.dropFirst().dropLast().unicodeScalars.makeIterator()
            while let c = iterator.next() {
                if c == "\"" {
                    problems.append(ExchangeProblem(file: fileName, line: line, message: "an unescaped '\"' inside a string"))
                    return nil
                }
                guard c == "\\" else { out.unicodeScalars.append(c); continue }
                guard let e = iterator.next() else {
                    problems.append(ExchangeProblem(file: fileName, line: line, message: "a string ends with a lone backslash"))
                    return nil
                }
                switch e {
                case "n": out += "\n"
                case "t": out += "\t"
                case "r": out += "\r"
                case "\"": out += "\""
                case "\\": out += "\\"
                case "a": out += "\u{07}"
                case "b": out += "\u{08}"
                case "f": out += "\u{0C}"
                case "v": out += "\u{0B}"
                case "0"..."7":
                    var value = e.value - 0x30
                    var copy = iterator
                    for _ in 0..<2 {
                        guard let d = copy.next(), ("0"..."7").contains(d) else { break }
                        value = value * 8 + (d.value - 0x30)
                        iterator = copy
                    }
                    out.unicodeScalars.append(Unicode.Scalar(value) ?? "?")
                default:
                    problems.append(ExchangeProblem(file: fileName, line: line, message: "unknown escape '\\\(e)'"))
                    return nil
                }
            }
            return out
        }

        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, rawLine) in lines.enumerated() {
            let number = index + 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty { if id != nil { finish() }; continue }
            if trimmed.hasPrefix("#~") { continue }
            if trimmed.hasPrefix("#|") {
                if id != nil { finish() }
                let rest = trimmed.dropFirst(2).drop { $0 == " " }
                if rest.hasPrefix("msgid ") { previous = unquote(rest.dropFirst(6), line: number); field = .previousID }
                else if rest.hasPrefix("msgctxt ") { field = .previousCtxt }
                else if rest.hasPrefix("\""), field == .previousID, let more = unquote(rest, line: number) { previous = (previous ?? "") + more }
                entryLine = entryLine ?? number
                continue
            }
            if trimmed.hasPrefix("#") {
                if id != nil { finish() }
                entryLine = entryLine ?? number
                if trimmed.hasPrefix("#,") {
                    fuzzy = fuzzy || trimmed.dropFirst(2).split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces) == "fuzzy" }
                } else if trimmed.hasPrefix("#.") {
                    notes.append(String(trimmed.dropFirst(2).drop { $0 == " " }))
                }
                continue
            }
            if trimmed.hasPrefix("msgctxt ") || trimmed == "msgctxt" {
                if id != nil { finish() }
                entryLine = entryLine ?? number
                ctxt = unquote(trimmed.dropFirst(7), line: number); field = .ctxt
            } else if trimmed.hasPrefix("msgid_plural") || trimmed.hasPrefix("msgstr[") {
                problems.append(ExchangeProblem(file: fileName, line: number, context: ctxt,
                    message: "gettext plural forms are not used: plurals live inside the ICU pattern ({n, plural, …})"))
                field = nil
            } else if trimmed.hasPrefix("msgid ") {
                if id != nil { finish() }
                entryLine = entryLine ?? number
                id = unquote(trimmed.dropFirst(5), line: number); field = .id
            } else if trimmed.hasPrefix("msgstr ") {
                guard id != nil else {
                    problems.append(ExchangeProblem(file: fileName, line: number, message: "msgstr without a msgid before it"))
                    continue
                }
                str = unquote(trimmed.dropFirst(6), line: number); field = .str
            } else if trimmed.hasPrefix("\"") {
                guard let more = unquote(trimmed, line: number) else { continue }
                switch field {
                case .ctxt: ctxt = (ctxt ?? "") + more
                case .id: id = (id ?? "") + more
                case .str: str = (str ?? "") + more
                default: problems.append(ExchangeProblem(file: fileName, line: number, message: "a continuation string outside an entry"))
                }
            } else {
                problems.append(ExchangeProblem(file: fileName, line: number, message: "not PO syntax: \(ReviewReport.sanitize(String(trimmed.prefix(60))))"))
                if problems.count > 50 { break }
            }
        }
        finish()
        guard problems.isEmpty else { throw ImportFailure(problems) }
        var fields: [String: String] = [:]
        for line in (header ?? "").split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon]).trimmingCharacters(in: .whitespaces)] = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
        }
        let locale = LocaleTag.canonical(fields["Language"] ?? "")
        let source = LocaleTag.canonical(fields["X-Source-Language"] ?? "")
        return ExchangeDocument(catalog: fields["Project-Id-Version"] ?? "", sourceLocale: source, locale: locale, units: units)
    }
}

import Foundation
import ErrorCatalog
