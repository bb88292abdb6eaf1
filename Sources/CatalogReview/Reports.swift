import ErrorCatalog
import Foundation

/// Text, JSON and SARIF 2.1.0 renderings of a review.
public enum ReviewReport {
    // MARK: Text

    public static func text(_ result: ReviewResult) -> String {
        var out = ""
        for finding in result.findings {
            out += "\(finding.severity.rawValue)[\(finding.check)]: \(sanitize(finding.message))\n --> \(sanitize(finding.location))\n"
            if let text = finding.text, let start = finding.start {
                out += excerpt(text: text, start: start, end: finding.end ?? start + 1, note: finding.expected)
            } else if let expected = finding.expected {
                out += "  = expected: \(sanitize(expected))\n"
            }
            out += "\n"
        }
        for (check, reason) in result.skippedChecks.sorted(by: { $0.key < $1.key }) {
            out += "note: check '\(check)' did not run: \(reason)\n"
        }
        out += summaryLine(result) + "\n"
        return out
    }

    public static func summaryLine(_ result: ReviewResult) -> String {
        func n(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        let locales = result.locales.isEmpty ? "no translations" : result.locales.joined(separator: ", ")
        return "review of \(result.catalogName.isEmpty ? "catalog" : result.catalogName) (\(result.sourceLocale) → \(locales)): "
            + "\(n(result.errorCount, "error")), \(n(result.warningCount, "warning")), \(n(result.infoCount, "note"))"
    }

    static func excerpt(text: String, start: Int, end: Int, note: String?) -> String {
        let scalars = Array(text.unicodeScalars)
        // Show the line of `start` (patterns rarely have more than one).
        var lineStart = 0
        var lineNumber = 1
        for (i, s) in scalars.enumerated() where i < start && s == "\n" { lineStart = i + 1; lineNumber += 1 }
        var lineEnd = lineStart
        while lineEnd < scalars.count, scalars[lineEnd] != "\n" { lineEnd += 1 }
        let line = String(String.UnicodeScalarView(scalars[lineStart..<lineEnd]))
        let shown = sanitize(line)
        // Column in the sanitized line: sanitize the prefix to count.
        let prefix = sanitize(String(String.UnicodeScalarView(scalars[lineStart..<min(max(start, lineStart), lineEnd)])))
        let width = max(1, min(end, lineEnd + 1) - start)
        let gutter = String(lineNumber)
        let pad = String(repeating: " ", count: gutter.count)
        var out = "\(pad) |\n\(gutter) | \(shown)\n\(pad) | " + String(repeating: " ", count: prefix.unicodeScalars.count)
            + String(repeating: "^", count: width)
        if let note { out += " expected: \(sanitize(note))" }
        return out + "\n"
    }

    /// Control characters and bidi overrides shown as escapes, so a hostile text cannot rewrite the terminal.
    public static func sanitize(_ text: String) -> String {
        Sanitized.visible(text)
    }

    // MARK: JSON

    /// The review as JSON: `catalog`, `findings`, `locales`, `skippedChecks`, `sourceLocale`,
    /// `summary` (keys sorted, as the report has always been written), two-space indentation.
    public static func json(_ result: ReviewResult) -> String {
        let document: JSONValue = [
            "catalog": .string(result.catalogName),
            "sourceLocale": .string(result.sourceLocale),
            "locales": .strings(result.locales),
            "summary": ["errors": .integer(result.errorCount), "warnings": .integer(result.warningCount), "notes": .integer(result.infoCount)],
            "skippedChecks": .object(result.skippedChecks.map { (key: $0.key, value: .string($0.value)) }),
            "findings": .array(result.findings.map(\.json)),
        ]
        return JSONWriter.string(document, layout: .pretty) + "\n"
    }

    // MARK: SARIF 2.1.0

    /// A SARIF 2.1.0 log: one run, the checks as rules, each finding a result with a physical
    /// location (file, line, column) and a logical one (code / variant).
    public static func sarif(_ result: ReviewResult, catalogDirectory: String? = nil) -> String {
        let usedChecks = Set(result.findings.map(\.check))
        var rules: [JSONValue] = []
        var ruleIndex: [String: Int] = [:]
        var ruleIDs = ReviewCheck.all.map(\.id).filter { $0 != "catalog" }
        ruleIDs += usedChecks.filter { !ruleIDs.contains($0) }.sorted()
        for id in ruleIDs {
            let check = ReviewCheck.named(id)
            ruleIndex[id] = rules.count
            rules.append([
                "id": .string(id),
                "shortDescription": ["text": .string(check?.summary ?? id)],
                "defaultConfiguration": ["level": .string(level(check?.severity ?? .error))],
            ])
        }
        let results: [JSONValue] = result.findings.map { finding in
            var message = finding.message
            if let expected = finding.expected { message += " Expected: \(expected)." }
            var region: JSONValue = [:]
            if let line = finding.line { region["startLine"] = .integer(line) }
            if let column = finding.column {
                region["startColumn"] = .integer(column)
                if let start = finding.start, let end = finding.end, end > start { region["endColumn"] = .integer(column + (end - start)) }
            }
            var physical: JSONValue = [
                "artifactLocation": ["uri": .string(finding.file ?? "catalog"), "uriBaseId": "CATALOG"],
            ]
            if !region.members.isEmpty { physical["region"] = region }
            var location: JSONValue = ["physicalLocation": physical]
            if let code = finding.code {
                let name = [code, finding.variant ?? finding.field].compactMap { $0 }.joined(separator: "/")
                location["logicalLocations"] = [["name": .string(name), "fullyQualifiedName": .string([finding.locale, name].compactMap { $0 }.joined(separator: ":")),
                                                 "kind": "member"]]
            }
            var item: JSONValue = [
                "ruleId": .string(finding.check),
                "level": .string(level(finding.severity)),
                "message": ["text": .string(message)],
                "locations": [location],
            ]
            if let index = ruleIndex[finding.check] { item["ruleIndex"] = .integer(index) }
            return item
        }
        var run: JSONValue = [
            "tool": ["driver": ["name": "errcat review", "version": "0.1.0", "rules": .array(rules)]],
            "results": .array(results),
        ]
        if let catalogDirectory {
            let url = URL(fileURLWithPath: catalogDirectory, isDirectory: true).absoluteString
            run["originalUriBaseIds"] = ["CATALOG": ["uri": .string(url.hasSuffix("/") ? url : url + "/")]]
        }
        let log: JSONValue = [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [run],
        ]
        return JSONWriter.string(log, layout: .pretty) + "\n"
    }

    static func level(_ severity: ReviewFinding.Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }
}

extension ReviewFinding {
    /// The finding's fields as its `Codable` form names them; absent optionals are left out.
    var json: JSONValue {
        var object: JSONValue = ["severity": .string(severity.rawValue), "check": .string(check), "message": .string(message)]
        func set(_ key: String, _ value: String?) { if let value { object[key] = .string(value) } }
        func set(_ key: String, _ value: Int?) { if let value { object[key] = .integer(value) } }
        set("file", file)
        set("line", line)
        set("column", column)
        set("locale", locale)
        set("code", code)
        set("variant", variant)
        set("field", field)
        set("text", text)
        set("start", start)
        set("end", end)
        set("expected", expected)
        return object
    }
}
