import Foundation
import ErrorCatalog
import MessageFormatting
@_spi(Benchmarks) @testable import MessageMatching
import Testing

/// The fast API (`withMatch` with a reused scratch) must say exactly what `match()` says about the
/// best match: same template, variant, tolerances, ambiguity and values.
@Suite("Fast view agrees with match()")
struct MatchViewTests {
    static let handwritten = [
        "Hash value abc is invalid", "Request body is incorrect.", "Hash  value abc\tis invalid.", "  Hash value abc is invalid.  ",
        "Hash\u{00A0}value abc is invalid.", "Tenant feature isn’t enabled.", "hash value abc is invalid.",
        "Hash value abc is invalid .", "HASH VALUE abc IS INVALID.", "Maximum batch size exceeded. Received: 5 , allowed: 4.",
        "tenant feature isn’t enabled", "Die URL http://x ist ungu\u{0308}ltig.", "DIE URL http://x ist ungültig .",
        "Machine 123123123 was not found", "Die maximale Batchgröße wurde überschritten. Empfangen: 1.200, zulässig: 1.000.",
        "Maximum batch size exceeded. Received: 1,200, allowed: 1,000.", "Maximum batch size exceeded. Received: 1,2000, allowed: x.",
        "This device has no automation level assigned to it.", "Some sentence that is no template.", "zorb quint fellow 123",
        "", "   ", ".", "Nicht autorisiert (Unauthorized)", "Resource x was not found. Resource y was not found.",
        String(repeating: "x was not found ", count: 300) + "end was not found.",
    ]

    /// Compares the view of `text` with `match(text)`.
    static func agree(_ matcher: MessageMatcher, _ text: String, scratch: MatchScratch, locale: LocaleFilter = .auto,
                      code: String? = nil) -> String? {
        // The view is the automaton's answer; `match()` adds the literal-text fallback only when
        // that answer has no template with literal text (nothing, or free-text-only templates).
        let full = matcher.automatonMatch(text, locale: locale, code: code)
        let withFallback = matcher.match(text, locale: locale, code: code)
        if let best = full.best, !best.isCatchAll, withFallback.all.map(\.code) != full.all.map(\.code) || withFallback.all.map(\.values) != full.all.map(\.values) {
            return "match() changed a literal match"
        }
        return matcher.withMatch(text, locale: locale, code: code, scratch: scratch) { view -> String? in
            guard let best = full.best else { return view.matched ? "view matched \(view.code ?? "")" : nil }
            guard view.matched else { return "view did not match, match() found \(best.code)" }
            if view.code != best.code || view.locale != best.locale || view.status != best.status { return "code/locale \(view.code ?? "") \(view.locale ?? "")" }
            if view.variant != best.variant { return "variant \(String(describing: view.variant)) vs \(best.variant)" }
            if view.tolerances != best.tolerances || view.exact != best.exact { return "tolerances \(view.tolerances) vs \(best.tolerances)" }
            if view.ambiguous != full.ambiguous { return "ambiguous \(view.ambiguous) vs \(full.ambiguous)" }
            if view.isObserved != best.isObserved || view.isCatchAll != best.isCatchAll { return "flags" }
            if view.values != best.values { return "values \(view.values) vs \(best.values)" }
            for (name, value) in best.values {
                if view.text(of: name) != value.text && view.slot(named: name) != nil { return "text of \(name)" }
                if view.integer(of: name) != value.integer && !value.rejected { return "integer of \(name): \(String(describing: view.integer(of: name))) vs \(String(describing: value.integer))" }
            }
            // The full result rebuilt from the view is the same as match()'s.
            let rebuilt = matcher.result(of: view)
            if rebuilt.all.map(\.code) != full.all.map(\.code) || rebuilt.all.map(\.values) != full.all.map(\.values) { return "rebuilt result" }
            return nil
        } ?? sameAsMatch(matcher, text, scratch: scratch, locale: locale, code: code)
    }

    /// `result(of:message:locale:code:)` inside `withMatch` is exactly `match()` (fallback,
    /// alternatives, nearest template and all), compared as the JSON `parse --json` is made from.
    static func sameAsMatch(_ matcher: MessageMatcher, _ text: String, scratch: MatchScratch, locale: LocaleFilter,
                            code: String?) -> String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let expected = try? encoder.encode(matcher.match(text, locale: locale, code: code))
        let rebuilt = matcher.withMatch(text, locale: locale, code: code, scratch: scratch) { view in
            try? encoder.encode(matcher.result(of: view, message: text, locale: locale, code: code))
        }
        guard let expected, let rebuilt else { return "not encodable" }
        return expected == rebuilt ? nil
            : "result(of:message:) differs from match(): \(String(decoding: rebuilt, as: UTF8.self)) vs \(String(decoding: expected, as: UTF8.self))"
    }

    @Test(arguments: handwritten)
    func handwrittenShapes(text: String) {
        let scratch = MatchScratch()
        for locale in [LocaleFilter.auto, .only("de"), .only("en")] {
            #expect(Self.agree(Fixtures.matcher, text, scratch: scratch, locale: locale) == nil, "\(text) [\(locale)]")
        }
        #expect(Self.agree(Fixtures.matcher, text, scratch: scratch, code: "InvalidHashValue") == nil)
    }

    /// The values handed out in name order (what `parse --json` writes, from the slots' raw
    /// parts) are `values` sorted by name, for every handwritten shape.
    @Test(arguments: handwritten)
    func valuesInNameOrderAreTheDictionarySorted(text: String) {
        let scratch = MatchScratch()
        Fixtures.matcher.withMatch(text, scratch: scratch) { view in
            var inOrder: [(String, MatchedValue)] = []
            view.forEachValueInNameOrder { inOrder.append(($0, $1)) }
            let sorted = view.values.sorted { $0.key < $1.key }
            #expect(inOrder.map(\.0) == sorted.map(\.key), "\(text)")
            #expect(inOrder.map(\.1) == sorted.map(\.value), "\(text)")
        }
    }

    @Test func everyTemplateWithGeneratedValuesAndDrift() throws {
        let catalog = Fixtures.catalog
        let matcher = Fixtures.matcher
        let formatter = try CatalogFormatter(catalog: catalog)
        var rng = SeededRandomNumberGenerator(seed: 0xFA57)
        let scratch = MatchScratch()
        var checked = 0
        for entry in catalog.codes {
            for locale in catalog.locales {
                guard let localized = entry.localized[locale] else { continue }
                for (variant, template) in localized.templates.enumerated() {
                    for round in 0..<30 {
                        var values: [String: Value] = [:]
                        for argument in template.argumentNames {
                            guard let placeholder = entry.placeholder(named: argument) else { continue }
                            values[argument] = placeholder.type.randomValue(using: &rng)
                        }
                        var text = try formatter.format(code: entry.code, values: values, locale: locale, variant: variant)
                        // Drift: every sixth message without its final period, in upper case, with doubled spaces.
                        switch round % 6 {
                        case 1: if text.hasSuffix(".") { text.removeLast() }
                        case 2: text = text.uppercased()
                        case 3: text = text.replacingOccurrences(of: " ", with: "  ")
                        case 4: text = text.replacingOccurrences(of: "'", with: "’")
                        default: break
                        }
                        checked += 1
                        if let problem = Self.agree(matcher, text, scratch: scratch) { Issue.record("\(text): \(problem)") }
                    }
                }
            }
        }
        #expect(checked > 1000)
    }

    @Test func pooledAndOwnScratchAgree() {
        let matcher = Fixtures.matcher
        let text = "Maximum batch size exceeded. Received: 1,200, allowed: 1,000."
        let pooled = matcher.withMatch(text) { [$0.integer(of: "received"), $0.integer(of: "allowed")] }
        #expect(pooled == [1200, 1000])
        let own = matcher.withMatch(text, scratch: MatchScratch()) { [$0.integer(at: 0), $0.integer(at: 1)] }
        #expect(own == [1200, 1000])
        let german = matcher.withMatch("Die maximale Batchgröße wurde überschritten. Empfangen: 1.200, zulässig: 1.000.") {
            ($0.locale, $0.integer(of: "received"), $0.integer(of: "allowed"))
        }
        #expect(german.0 == "de" && german.1 == 1200 && german.2 == 1000)
    }
}

/// The byte-level validators the core uses agree with `PlaceholderType.parse` (which decides).
@Suite("Byte validators agree with PlaceholderType")
struct ByteValidatorTests {
    static let addresses = [
        "::", "::1", "1::", "fe80::1%eth0", "fe80::1%", "fe80::1% x", "2001:db8::8a2e:370:7334", "2001:0db8:0000:0000:0000:8a2e:0370:7334",
        "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "1::2::3", "::ffff:192.0.2.1", "::ffff:192.0.2.256", "1:2:3:4:5:6:1.2.3.4",
        "1:2:3:4:5:6:7:1.2.3.4", "12345::", "g::1", ":1:2:3:4:5:6:7", "1:2:3:4:5:6:7:", "1.2.3.4", "01.2.3.4", "1.2.3", "::1.2.3.4",
        "a:b", ":::", "1:", ":", "fe80::1%eth0%1", "1:2:3:4:5:6:7::", "::1:2:3:4:5:6:7", "1.2.3.4:5::",
    ]

    @Test(arguments: addresses)
    func ipAddress(text: String) {
        var copy = text
        let bytes = copy.withUTF8 { Recognisers.isValid($0, type: .ipAddress) }
        let parsed: Bool
        if case .success = PlaceholderType.ipAddress.parse(text) { parsed = true } else { parsed = false }
        #expect(bytes == parsed, "\(text)")
    }

    @Test(arguments: [
        "https://contoso.com/path", "http://x", "h://", "h:/x", "1http://x", "ht-t.p+s://x", "http//x", "http://@", "http://a@b", "http://a@",
        "http://@@", "http://:80", "http://::", "http://[::1]:80/x", "http://a:80?q", "http://?q", "http://#f", "http:// x", "", ":", "http:",
        "http://a@:", "http://u:p@host:1/x", "mailto:x", "http://\u{7F}", "h_t://x",
    ])
    func url(text: String) {
        var copy = text
        let bytes = copy.withUTF8 { Recognisers.isValid($0, type: .url) }
        let parsed: Bool
        if case .success = PlaceholderType.url.parse(text) { parsed = true } else { parsed = false }
        #expect(bytes == parsed, "\(text)")
    }

    @Test func generatedValuesOfEveryType() {
        var rng = SeededRandomNumberGenerator(seed: 0xB17E)
        for type in PlaceholderType.allCases where type != .date {
            for _ in 0..<300 {
                var text = type.randomValue(using: &rng).description
                // Mutate some: drop a character or insert a space.
                if Int.random(in: 0..<3, using: &rng) == 0, !text.isEmpty { text.remove(at: text.index(text.startIndex, offsetBy: Int.random(in: 0..<text.count, using: &rng))) }
                var copy = text
                let bytes = copy.withUTF8 { Recognisers.isValid($0, type: type) }
                let parsed: Bool
                if case .success = type.parse(text) { parsed = true } else { parsed = false }
                if type != .integer && type != .list { #expect(bytes == parsed, "\(type): \(text)") }
            }
        }
    }
}

/// The scratch's clean-ASCII shortcut (eight bytes at a time) gives exactly the normal form and
/// offsets of `ByteNormaliser`.
@Suite("Scratch normal form")
struct ScratchNormalFormTests {
    @Test func shortcutEqualsNormaliser() {
        var rng = SeededRandomNumberGenerator(seed: 0x5CA7)
        let alphabet: [UInt8] = Array("aZ.,:;!? ?Mx\t-é".utf8) + [0x20, 0x20, 0x41, 0x7A, 0x5A, 0x40, 0x5B, 0x60, 0x7B, 0x1F, 0x7F]
            + Array("ü’‘\u{00A0}\u{2009}\u{3000}Ö".utf8)
        let scratch = MatchScratch()
        for round in 0..<3_000 {
            let length = Int.random(in: 0..<40, using: &rng)
            var bytes = (0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &rng)] }
            if round % 3 == 0 { bytes = bytes.map { $0 >= 0x80 || $0 < 0x20 ? 0x61 : $0 } } // mostly clean
            if round % 3 == 1 { bytes = Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\t", with: "ü").utf8) }
            let text = String(decoding: bytes, as: UTF8.self)
            var copy = text
            copy.withUTF8 { buffer in
                _ = scratch.prepare(buffer, nfcChanged: false)
                let trimmed = Trimmed(buffer)
                let n = max(1, trimmed.bodyEnd - trimmed.bodyStart)
                var out = [UInt8](repeating: 0, count: n), starts = [Int32](repeating: 0, count: n), ends = [Int32](repeating: 0, count: n)
                var count = 0
                var normaliser = ByteNormaliser()
                out.withUnsafeMutableBufferPointer { o in
                    starts.withUnsafeMutableBufferPointer { s in
                        ends.withUnsafeMutableBufferPointer { e in
                            normaliser.normalise(buffer, from: trimmed.bodyStart, to: trimmed.bodyEnd, out: o.baseAddress!,
                                                 origStart: s.baseAddress!, origEnd: e.baseAddress!, count: &count)
                        }
                    }
                }
                #expect(scratch.count == count, "\(Array(text.utf8))")
                for k in 0..<min(count, scratch.count) {
                    #expect(scratch.normalised[k] == out[k], "\(Array(text.utf8)) at \(k)")
                    #expect(scratch.originalStart(k) == Int(starts[k]) && scratch.originalEnd(k) == Int(ends[k]), "\(Array(text.utf8)) offsets at \(k)")
                }
            }
        }
    }
}
