import ErrorCatalog

/// Check `invisible-character`: control, bidi, zero-width, tag and other invisible characters in a
/// catalog's texts (patterns, observed wordings, descriptions, hints, notes). They pass `import`
/// (they are valid JSON and valid MessageFormat) but can hide or reorder what a text says (a
/// "Trojan Source" bidi override), rewrite a terminal (ESC), or cut a C string (NUL).
///
/// Severity: error for C0/C1 controls (other than a line break or tab in a note), bidi controls,
/// line/paragraph separators, tag characters and noncharacters; warning for the other invisible
/// format characters (zero-width space/joiners, soft hyphen, word joiner, BOM, variation
/// selectors …), which have rare legitimate uses. The classes come from Unicode properties
/// (`Sanitized.isInvisibleOrControl`), the same set the terminal and HTML outputs escape.
extension CatalogReviewer {
    public static let invisibleCharacterCheck = "invisible-character"

    /// Findings of `invisible-character` for every text of `files`.
    static func characterFindings(_ files: [DocumentFile]) -> [ReviewFinding] {
        var findings: [ReviewFinding] = []
        for file in files {
            for code in file.codes {
                var texts: [(variant: String?, field: String, text: String, location: JSONStringLocation?)] = []
                for template in code.templates {
                    texts.append((template.id, "pattern", template.pattern, template.patternLocation))
                    if let note = template.note { texts.append((template.id, "note", note, template.noteLocation)) }
                }
                for observed in code.observed ?? [] { texts.append((observed.id, "observed", observed.pattern, observed.patternLocation)) }
                if let description = code.description { texts.append((nil, "description", description, code.descriptionLocation)) }
                if let hint = code.hint { texts.append((nil, "hint", hint, code.hintLocation)) }
                for (variant, field, text, location) in texts where Sanitized.needsEscaping(text) {
                    var context = Context(file: file, locale: file.locale, code: code, variant: variant, field: field, text: text,
                                          location: location)
                    context.checkCharacters(allowLineBreaks: field == "note")
                    findings += context.findings
                }
            }
        }
        return findings
    }
}

extension Context {
    /// What kind of invisible character `scalar` is, and whether it is an error.
    static func characterClass(_ scalar: Unicode.Scalar) -> (name: String, isError: Bool) {
        let v = scalar.value
        switch v {
        case 0x00: return ("NUL", true)
        case 0x1B: return ("ESC (starts a terminal escape sequence)", true)
        case 0x00..<0x20, 0x7F: return ("a control character", true)
        case 0x80..<0xA0: return ("a C1 control character", true)
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
            return ("a bidirectional control (it can reorder how the text is shown)", true)
        case 0x2028, 0x2029: return ("a line/paragraph separator", true)
        case 0xE0000...0xE007F: return ("a tag character (invisible)", true)
        default:
            if scalar.properties.isNoncharacterCodePoint { return ("a noncharacter", true) }
            if v == 0xFEFF { return ("a byte order mark / zero-width no-break space", false) }
            if (0x200B...0x200D).contains(v) || v == 0x2060 { return ("a zero-width character", false) }
            return ("an invisible format character", false)
        }
    }

    mutating func checkCharacters(allowLineBreaks: Bool) {
        var offset = 0
        var reported = 0
        for scalar in text.unicodeScalars {
            defer { offset += 1 }
            if allowLineBreaks && (scalar == "\n" || scalar == "\t") { continue }
            guard Sanitized.isInvisibleOrControl(scalar) else { continue }
            reported += 1
            // One finding per character up to 5 per text: a flood is still one screen.
            guard reported <= 5 else { continue }
            let (name, isError) = Self.characterClass(scalar)
            let hex = String(scalar.value, radix: 16, uppercase: true)
            add(isError ? .error : .warning, CatalogReviewer.invisibleCharacterCheck,
                "U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex) is \(name) in the \(field)",
                range: offset..<(offset + 1), expected: "visible text only: remove the character (or write what it should show)")
        }
        if reported > 5 {
            add(.error, CatalogReviewer.invisibleCharacterCheck, "\(reported - 5) more invisible or control characters in the \(field)",
                expected: "visible text only")
        }
    }
}
