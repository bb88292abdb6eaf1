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

    /// A value for a header field (`Name: value\n` inside the header's msgstr): `%`, control
    /// characters and line separators are percent-encoded (UTF-8), so a crafted catalog or locale
    /// name can neither start another header field nor break out of the quoted string; `quote`
    /// escapes the rest. `headerValueDecoded` reverses it.
    static func headerValue(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar == "%" || scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}" {
                for byte in String(scalar).utf8 { out += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true) }
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return String(quote(out).dropFirst().dropLast())
    }

    static func headerValueDecoded(_ text: String) -> String {
        guard text.contains("%") else { return text }
        var bytes: [UInt8] = []
        let utf8 = Array(text.utf8)
        var i = 0
        while i < utf8.count {
            if utf8[i] == UInt8(ascii: "%"), i + 2 < utf8.count,
               let byte = UInt8(String(decoding: utf8[i + 1...i + 2], as: UTF8.self), radix: 16) {
                bytes.append(byte); i += 3
            } else {
                bytes.append(utf8[i]); i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Text for a `#` comment line: one line only (line ends and other control characters shown
    /// as `\u{…}`, never raw), so comment text cannot start an entry.
    static func commentText(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}" {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Splits on every line end a PO reader may see: LF, CRLF and a lone CR (a CRLF is one
    /// `Character`, so splitting on "\n" alone keeps CRLF files as one line).
    static func lines<S: StringProtocol>(_ text: S) -> [S.SubSequence] {
        text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
    }

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
        # Translation of the error catalog "\(commentText(document.catalog))" from \(commentText(document.sourceLocale)) into \(commentText(document.locale)).
        # Patterns are ICU MessageFormat: keep {placeholders} and plural/select syntax intact.
        # Written by errcat export; import with: errcat import FILE --catalog DIR
        msgid ""
        msgstr ""
        "Project-Id-Version: \(headerValue(document.catalog))\\n"
        "PO-Revision-Date: \(revisionDate())\\n"
        "Last-Translator: \(headerValue(document.catalog)) catalog translators\\n"
        "Language-Team: \(headerValue(poLanguage(document.locale)))\\n"
        "Language: \(headerValue(poLanguage(document.locale)))\\n"
        "MIME-Version: 1.0\\n"
        "Content-Type: text/plain; charset=UTF-8\\n"
        "Content-Transfer-Encoding: 8bit\\n"
        "X-Source-Language: \(headerValue(poLanguage(document.sourceLocale)))\\n"
        "X-Generator: errcat\\n"

        """
        for unit in document.units {
            out += "\n"
            for note in unit.notes {
                for line in lines(note) { out += "#. \(commentText(String(line)))\n" }
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

        for (index, line) in lines(text).enumerated() {
            let number = index + 1
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
        // A PO names locales the POSIX way (de_DE): read as a tag; a value that is no tag is kept as
        // written, for the import to refuse by name.
        let language = headerValueDecoded(fields["Language"] ?? "")
        let sourceLanguage = headerValueDecoded(fields["X-Source-Language"] ?? "")
        let locale = LocaleTag(language)?.identifier ?? language
        let source = LocaleTag(sourceLanguage)?.identifier ?? sourceLanguage
        return ExchangeDocument(catalog: headerValueDecoded(fields["Project-Id-Version"] ?? ""), sourceLocale: source, locale: locale, units: units)
    }
}

import Foundation
import ErrorCatalog
