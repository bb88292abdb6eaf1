import ErrorCatalog

/// Turns a catalog into Swift source: one enum conforming to `CatalogError` (module `CatalogErrors`),
/// with a case per code — and per template variant where a code's variants use different
/// placeholders — whose associated values are typed from the placeholder declarations.
///
/// Reads nothing itself: give it a `Catalog` from `Catalog.load`. The output is deterministic
/// (catalog order), so a test can compare it with a committed file.
package struct ErrorTypeGenerator: Sendable {
    /// The generated type's name (`DefenderError`).
    package var typeName: String
    /// A Swift expression of type `Catalog` (may throw) that loads the catalog at run time
    /// (`Catalog.defender`, `Catalog.load(directory: …)`).
    package var catalogExpression: String
    /// Modules to import besides Foundation, ErrorCatalog and CatalogErrors.
    package var imports: [String]
    /// `public` or `package` or `internal` (empty).
    package var access: String
    /// The command that regenerates the file, quoted in its header.
    package var regenerateCommand: String

    package init(typeName: String, catalogExpression: String, imports: [String] = [], access: String = "public",
                 regenerateCommand: String) {
        self.typeName = typeName
        self.catalogExpression = catalogExpression
        self.imports = imports
        self.access = access
        self.regenerateCommand = regenerateCommand
    }

    /// A generated case: the code, the placeholders it carries, the variant it renders and every
    /// variant id (all locales, observed wordings too) that reads back into it.
    package struct Case: Sendable, Hashable {
        package var name: String
        package var code: String
        package var status: Int
        package var placeholders: [Placeholder]
        package var renderVariant: String?
        package var variantIDs: [String]
        package var patterns: [String]
    }

    package enum Problem: Error, Sendable, Hashable, CustomStringConvertible {
        case invalidTypeName(String)
        case caseNameClash(name: String, first: String, second: String)
        case unusablePlaceholderName(code: String, name: String)

        package var description: String {
            switch self {
            case .invalidTypeName(let name):
                return "'\(name)' is not a Swift type name; use letters, digits and _, starting with an upper-case letter (DefenderError)"
            case .caseNameClash(let name, let first, let second):
                return "codes \(first) and \(second) both become the case '\(name)'; rename one code in the catalog"
            case .unusablePlaceholderName(let code, let name):
                return "\(code): placeholder '\(name)' is not a Swift identifier; use letters, digits and _ (the catalog's own rule)"
            }
        }
    }

    /// The cases for `catalog`, in catalog order.
    package static func cases(for catalog: Catalog) throws(Problem) -> [Case] {
        var cases: [Case] = []
        var names: [String: String] = [:]
        for entry in catalog.codes {
            for placeholder in entry.placeholders where !SwiftName.isIdentifier(placeholder.name) {
                throw .unusablePlaceholderName(code: entry.code, name: placeholder.name)
            }
            // Every variant of every locale, source first: templates, then observed wordings.
            var groups: [(names: Set<String>, templates: [Template])] = []
            let locales = [catalog.sourceLocale] + catalog.locales.filter { $0 != catalog.sourceLocale }
            for locale in locales {
                guard let localized = entry.localized[locale] else { continue }
                for template in localized.templates + localized.observed {
                    let used = Set(template.argumentNames)
                    if let index = groups.firstIndex(where: { $0.names == used }) {
                        groups[index].templates.append(template)
                    } else {
                        groups.append((used, [template]))
                    }
                }
            }
            if groups.isEmpty { groups.append(([], [])) }
            // A case may not shadow a member the type has (`code`, `status`, `values` …).
            var base = SwiftName.lowerCamel(entry.code)
            if SwiftName.memberNames.contains(base) { base += "Error" }
            var mapped: Set<String> = []
            for (position, group) in groups.enumerated() {
                let name = position == 0 ? base : base + SwiftName.upperCamel(group.templates[0].id)
                if let other = names[name] {
                    throw .caseNameClash(name: name, first: other, second: entry.code)
                }
                names[name] = entry.code
                // A variant id reads back into the first case that has it.
                var ids: [String] = []
                for template in group.templates where !ids.contains(template.id) && !mapped.contains(template.id) {
                    ids.append(template.id)
                    mapped.insert(template.id)
                }
                let render = group.templates.first { !$0.isObserved }?.id
                let source = entry.localized[catalog.sourceLocale]?.templates ?? []
                let sourcePatterns = source.filter { template in group.templates.contains { $0.id == template.id && $0.pattern == template.pattern } }
                cases.append(Case(
                    name: name, code: entry.code, status: entry.status,
                    placeholders: entry.placeholders.filter { group.names.contains($0.name) },
                    renderVariant: render, variantIDs: ids,
                    patterns: (sourcePatterns.isEmpty ? Array(group.templates.prefix(1)) : sourcePatterns).map(\.pattern)))
            }
        }
        return cases
    }

    /// The Swift type of a placeholder's associated value.
    package static func swiftType(_ placeholder: Placeholder) -> String {
        // A rejected value is whatever the caller sent: any text, whatever its declared type.
        if placeholder.rejected { return "String" }
        switch placeholder.type {
        case .integer: return "Int"
        case .list: return "[String]"
        case .date: return "Date"
        case .string, .hash, .ipAddress, .domainName, .url, .guid, .identifier, .version: return "String"
        }
    }

    static func toValue(_ placeholder: Placeholder, _ variable: String) -> String {
        switch swiftType(placeholder) {
        case "Int": return ".integer(Int64(\(variable)))"
        case "[String]": return ".list(\(variable))"
        case "Date": return "CatalogValue.value(\(variable))"
        default: return ".text(\(variable))"
        }
    }

    static func fromValue(_ placeholder: Placeholder) -> String {
        let lookup = "values[\(SwiftName.literal(placeholder.name))]"
        switch swiftType(placeholder) {
        case "Int": return "CatalogValue.int(\(lookup))"
        case "[String]": return "CatalogValue.list(\(lookup))"
        case "Date": return "CatalogValue.date(\(lookup))"
        default: return "CatalogValue.string(\(lookup))"
        }
    }

    /// The whole Swift file.
    package func generate(_ catalog: Catalog) throws(Problem) -> String {
        guard SwiftName.isIdentifier(typeName), typeName.first!.isUppercase else { throw .invalidTypeName(typeName) }
        let cases = try Self.cases(for: catalog)
        let access = self.access.isEmpty ? "" : self.access + " "
        var out = """
        // Generated from the catalog '\(SwiftName.comment(catalog.name))' by errcat's error-type generator. Do not edit.
        // Regenerate with: \(SwiftName.comment(regenerateCommand))

        """
        out += "\n"
        for module in Set(imports + ["CatalogErrors", "ErrorCatalog", "Foundation"]).sorted() {
            out += "import \(module)\n"
        }
        out += """

        /// The errors of the catalog '\(SwiftName.comment(catalog.name))': one case per code (and per
        /// template variant with its own placeholders), with typed values.
        \(access)enum \(typeName): CatalogError, Codable, Hashable {

        """
        for item in cases {
            for pattern in item.patterns { out += "    /// `\(SwiftName.comment(pattern))`\n" }
            if item.patterns.isEmpty { out += "    /// (no message template: the catalog describes the code only)\n" }
            out += "    ///\n    /// \(item.code), HTTP \(item.status).\n"
            let parameters = item.placeholders.map { "\(SwiftName.escaped($0.name)): \(Self.swiftType($0))" }
            out += "    case \(SwiftName.escaped(item.name))" + (parameters.isEmpty ? "" : "(" + parameters.joined(separator: ", ") + ")") + "\n\n"
        }
        out += "    \(access)static let catalogSupport = CatalogSupport { try \(catalogExpression) }\n\n"

        func switchProperty(_ signature: String, _ body: (Case) -> String) {
            out += "    \(access)var \(signature) {\n        switch self {\n"
            for item in cases { out += "        case .\(SwiftName.escaped(item.name)): \(body(item))\n" }
            out += "        }\n    }\n\n"
        }
        switchProperty("code: String") { SwiftName.literal($0.code) }
        switchProperty("status: Int") { String($0.status) }
        switchProperty("variantID: String?") { $0.renderVariant.map(SwiftName.literal) ?? "nil" }

        out += "    \(access)var values: [String: Value] {\n        switch self {\n"
        for item in cases {
            if item.placeholders.isEmpty {
                out += "        case .\(SwiftName.escaped(item.name)): return [:]\n"
            } else {
                let bindings = item.placeholders.map { "let \(SwiftName.escaped($0.name))" }.joined(separator: ", ")
                let pairs = item.placeholders.map { "\(SwiftName.literal($0.name)): \(Self.toValue($0, SwiftName.escaped($0.name)))" }
                out += "        case .\(SwiftName.escaped(item.name))(\(bindings)):\n            return [\(pairs.joined(separator: ", "))]\n"
            }
        }
        out += "        }\n    }\n\n"

        out += "    \(access)init?(code: String, variantID: String, values: [String: Value]) {\n        switch (code, variantID) {\n"
        for item in cases {
            // A code without templates: its body's code is all there is to read.
            if item.variantIDs.isEmpty {
                out += "        case (\(SwiftName.literal(item.code)), _):\n            self = .\(SwiftName.escaped(item.name))\n"
                continue
            }
            let patterns = item.variantIDs.map { "(\(SwiftName.literal(item.code)), \(SwiftName.literal($0)))" }.joined(separator: ", ")
            out += "        case \(patterns):\n"
            if item.placeholders.isEmpty {
                out += "            self = .\(SwiftName.escaped(item.name))\n"
            } else {
                let guards = item.placeholders.map { "let \(SwiftName.escaped($0.name)) = \(Self.fromValue($0))" }
                out += "            guard " + guards.joined(separator: ",\n                  ") + " else { return nil }\n"
                let arguments = item.placeholders.map { "\(SwiftName.label($0.name)): \(SwiftName.escaped($0.name))" }
                out += "            self = .\(SwiftName.escaped(item.name))(\(arguments.joined(separator: ", ")))\n"
            }
        }
        out += "        default:\n            return nil\n        }\n    }\n}\n"
        return out
    }
}

/// Swift spelling of catalog names.
package enum SwiftName {
    static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
        "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public", "rethrows", "static",
        "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue", "default", "defer", "do", "else",
        "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw", "switch", "where", "while", "Any", "as",
        "false", "is", "nil", "self", "Self", "super", "throws", "true", "try", "await", "consume", "copy", "discard",
        "each", "borrowing", "consuming", "package", "Type",
    ]

    /// Members of a generated type (and of `CatalogError`, `LocalizedError`, `CustomNSError`,
    /// `Hashable`, `Codable`) that a case must not shadow.
    static let memberNames: Set<String> = [
        "code", "status", "variantID", "values", "catalogSupport", "message", "hint", "meaning",
        "errorDescription", "failureReason", "recoverySuggestion", "helpAnchor", "localizedDescription",
        "errorCode", "errorUserInfo", "errorDomain", "hashValue", "hash", "encode", "init",
    ]

    package static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }

    /// An argument label at a call site: only `inout`, `var` and `let` need backticks there.
    package static func label(_ name: String) -> String {
        ["inout", "var", "let"].contains(name) ? "`\(name)`" : name
    }

    package static func escaped(_ name: String) -> String {
        keywords.contains(name) ? "`\(name)`" : name
    }

    /// `MaximumBatchSizeExceeded` → `maximumBatchSizeExceeded`, `ODataError` → `oDataError`,
    /// `URLInvalid` → `urlInvalid`; anything not letter or digit separates words.
    package static func lowerCamel(_ text: String) -> String {
        let words = upperCamel(text)
        var scalars = Array(words.unicodeScalars)
        var upperRun = 0
        while upperRun < scalars.count, scalars[upperRun].properties.isUppercase { upperRun += 1 }
        // Keep the last capital of a run that starts a word ("ODataError": O + Data).
        let lowerCount = upperRun == scalars.count || upperRun <= 1 ? upperRun : upperRun - 1
        for index in 0..<max(lowerCount, min(1, scalars.count)) {
            scalars[index] = Unicode.Scalar(String(scalars[index]).lowercased())!
        }
        var name = String(String.UnicodeScalarView(scalars))
        if let first = name.unicodeScalars.first, ("0"..."9").contains(first) { name = "_" + name }
        return name.isEmpty ? "_" : name
    }

    /// `app-roles` → `AppRoles`, `docs_later` → `DocsLater`.
    package static func upperCamel(_ text: String) -> String {
        var out = ""
        var upperNext = true
        for scalar in text.unicodeScalars {
            guard scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) else { upperNext = true; continue }
            out.unicodeScalars.append(upperNext ? Unicode.Scalar(String(scalar).uppercased())! : scalar)
            upperNext = false
        }
        return out
    }

    /// A Swift string literal.
    package static func literal(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += "\\u{\(String(scalar.value, radix: 16))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Text safe inside a `//` comment line.
    package static func comment(_ text: String) -> String {
        Sanitized.visible(text)
    }
}
