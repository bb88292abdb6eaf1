import ErrorCatalog

extension MessageMatcher {
    /// The templates for which `match(format(template, values))` cannot always give back that
    /// template, locale and values, each with the reason. Observed (recognise-only) wordings are
    /// never formatted, so they are not reported for themselves, only as the other side of a clash.
    ///
    /// Checks: two slots with no literal text between them (or only a space, when the first can
    /// contain spaces); a literal that a value of the slot before it can contain (every byte of
    /// it belongs to the slot's character class and it has no letters, so it is likely inside
    /// real values: `{a}, {b}` with `a` free text); a template with no literal text apart from
    /// its final punctuation; two templates that produce the same text (the same literal/slot
    /// shape, or a sample rendering of one is matched as well by another of equal rank).
    public func reversibilityReport() -> [ReversibilityIssue] {
        var issues: [ReversibilityIssue] = []
        var seen: Set<String> = []
        func report(_ template: CompiledTemplate, _ reason: ReversibilityIssue.Reason, _ detail: String) {
            let key = "\(template.code)|\(template.locale)|\(template.variant.id)|\(reason.rawValue)"
            guard seen.insert(key).inserted else { return }
            issues.append(ReversibilityIssue(code: template.code, locale: template.locale, variant: template.variant.id,
                                             reason: reason, detail: detail))
        }
        for template in templates where !template.isObserved {
            let slots = template.slotKinds.count
            if !template.hasBodyLiteral {
                report(template, .noLiteralText, "'\(template.pattern)' has no literal text but its final punctuation: any such sentence matches it")
            }
            for k in 0..<slots {
                let kind = template.slotKinds[k]
                let literal = template.normalisedLiterals[k + 1]
                let isLast = k == slots - 1 && literal.isEmpty
                if isLast { continue }
                if k + 1 < slots && (literal.isEmpty || (literal == [0x20] && kind.accepts(0x20))) {
                    report(template, .adjacentFreeText,
                           "{\(template.slotNames[k])} and {\(template.slotNames[k + 1])} have no literal text between them that their values cannot contain")
                    continue
                }
                let letters = literal.contains { ($0 >= 0x61 && $0 <= 0x7A) || $0 >= 0x80 }
                if !letters && literal.allSatisfy({ kind.accepts($0) }) {
                    report(template, .literalInsideValue,
                           "the text '\(String(decoding: literal, as: UTF8.self))' after {\(template.slotNames[k])} can occur inside its value")
                }
            }
        }
        // Same shape: templates ending at the same automaton node produce the same texts.
        var byNode: [Int32: [Int]] = [:]
        for (part, automaton) in parts.enumerated() {
            for node in 0..<automaton.nodeCount {
                let s = Int(automaton.terminalStart[node]), e = Int(automaton.terminalStart[node + 1])
                // Node numbers of the second part are offset so the two parts never share a key.
                for k in s..<e { byNode[Int32(node + part * parts[0].nodeCount), default: []].append(Int(automaton.terminals[k])) }
            }
        }
        for (_, members) in byNode where members.count > 1 {
            for a in members {
                let template = templates[a]
                guard !template.isObserved else { continue }
                for b in members where b != a {
                    let other = templates[b]
                    // Same code and locale with the same text: merged into one match (not an issue).
                    if other.code == template.code && other.locale == template.locale && other.hasPeriod == template.hasPeriod
                        && other.spaceBeforePeriod == template.spaceBeforePeriod && other.literals == template.literals { continue }
                    if other.isObserved && !Self.sameText(template, other) { continue }
                    report(template, .sameTextAsOtherTemplate,
                           "produces the same text as \(other.code)/\(other.locale)/\(other.variant.id) ('\(other.pattern)')")
                }
            }
        }
        // Overlap of different shapes: a sample rendering matched as well by another template.
        for template in templates where !template.isObserved {
            let sample = Self.sample(template)
            let result = match(sample)
            guard let best = result.best else {
                report(template, .sameTextAsOtherTemplate, "a sample rendering '\(sample)' does not match it")
                continue
            }
            let isSelf = { (m: Match) in
                m.code == template.code && m.locale == template.locale
                    && (m.variant.id == template.variant.id || m.sameTextVariants.contains { $0.id == template.variant.id })
            }
            if !isSelf(best) {
                report(template, .sameTextAsOtherTemplate, "its sample '\(sample)' is matched first by \(best.code)/\(best.locale)/\(best.variant.id)")
            } else if result.ambiguous, let tie = result.alternatives.first(where: { Self.rank($0) == Self.rank(best) && !isSelf($0) }) {
                report(template, .sameTextAsOtherTemplate, "its sample '\(sample)' is matched as well by \(tie.code)/\(tie.locale)/\(tie.variant.id)")
            }
        }
        return issues.sorted { ($0.code, $0.locale, $0.variant, $0.reason.rawValue) < ($1.code, $1.locale, $1.variant, $1.reason.rawValue) }
    }

    static func sameText(_ a: CompiledTemplate, _ b: CompiledTemplate) -> Bool {
        a.literals == b.literals && a.hasPeriod == b.hasPeriod && a.spaceBeforePeriod == b.spaceBeforePeriod
    }

    /// Renders a template with a plain, valid sample value per slot.
    static func sample(_ template: CompiledTemplate) -> String {
        var bytes: [UInt8] = []
        for k in 0..<template.literals.count {
            bytes += template.literals[k]
            if k < template.slotKinds.count {
                let text: String
                switch template.slotKinds[k] {
                case .any: text = "sample text"
                case .token: text = "Sample7"
                case .hex: text = "0123456789abcdef0123456789abcdef"
                case .guid: text = "43f4cb08-8fac-4b65-9db1-745c2ae65f3a"
                case .ip: text = "10.1.2.3"
                case .version: text = "10.3720.17763"
                case .integer: text = "42"
                case .domain: text = "contoso.com"
                case .url: text = "https://contoso.com/a"
                }
                bytes += Array(text.utf8)
            }
        }
        if template.hasPeriod { bytes += Array((template.spaceBeforePeriod ? " ." : ".").utf8) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
