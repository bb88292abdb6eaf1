import ErrorCatalog
@testable import MessageFormatting
import Testing

/// `format(…, appendingTo:)` writes exactly the bytes `format` returns, appends after what the
/// buffer already holds, reports the same errors and leaves the buffer untouched when it throws.
@Suite struct AppendingFormat {
    @Test(arguments: ["en", "de", "de-AT", "en-GB"])
    func appendedBytesEqualFormat(locale: String) throws {
        let catalog = try bundledCatalog()
        let formatter = try CatalogFormatter(catalog: catalog)
        var generator = SeededRandomNumberGenerator(seed: 11)
        var buffer: [UInt8] = []
        var expected: [UInt8] = []
        var compared = 0
        for entry in catalog.codes {
            let catalogLocale = try catalog.negotiateLocale(locale).catalogLocale
            let templates = entry.localized[catalogLocale]?.templates ?? []
            for variant in templates.indices {
                let prepared = try formatter.prepared(code: entry.code, locale: locale, variant: variant)
                for _ in 0..<20 {
                    let values = randomValues(entry, &generator)
                    let text = try formatter.format(code: entry.code, values: values, locale: locale, variant: variant)
                    var single: [UInt8] = []
                    try formatter.format(code: entry.code, values: values, locale: locale, variant: variant, appendingTo: &single)
                    #expect(single == Array(text.utf8), "\(entry.code) [\(locale)] #\(variant)")
                    var viaPrepared: [UInt8] = [0x41]
                    try prepared.render(values, appendingTo: &viaPrepared)
                    #expect(viaPrepared == [0x41] + Array(text.utf8))
                    // One growing buffer, as a server writing a response would use it.
                    try formatter.format(code: entry.code, values: values, locale: locale, variant: variant, appendingTo: &buffer)
                    buffer.append(0x0A)
                    expected.append(contentsOf: text.utf8)
                    expected.append(0x0A)
                    compared += 1
                }
            }
        }
        #expect(compared > 100)
        #expect(buffer == expected)
    }

    @Test func errorsAreFormatsErrorsAndLeaveTheBufferAlone() throws {
        let formatter = try CatalogFormatter(catalog: try bundledCatalog())
        var buffer: [UInt8] = Array("kept".utf8)
        for (code, values) in [("NoSuchCode", [String: Value]()),
                               ("MaximumBatchSizeExceeded", ["received": .text("many"), "allowed": .integer(1)]),
                               ("MaximumBatchSizeExceeded", ["received": .integer(1)]),
                               ("MaximumBatchSizeExceeded", ["received": .integer(1), "allowed": .integer(2), "extra": .integer(3)])] {
            var viaString: String?
            do { _ = try formatter.format(code: code, values: values, locale: "en") } catch { viaString = error.description }
            var viaBytes: String?
            do { try formatter.format(code: code, values: values, locale: "en", appendingTo: &buffer) } catch { viaBytes = error.description }
            #expect(viaString != nil)
            #expect(viaBytes == viaString)
            #expect(buffer == Array("kept".utf8))
        }
    }
}
