import ErrorCatalog
import Foundation
import MessageMatching
import MessageTranslation
import Testing

let catalogDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Catalogs/defender").path

@Suite struct MessageTranslatorTests {
    let translator = try! MessageTranslator(catalog: try! Catalog.load(directory: catalogDirectory))

    @Test(arguments: [
        ("Maximum batch size exceeded. Received: 1,200, allowed: 1,000.", "de", "Die maximale Batchgröße wurde überschritten. Empfangen: 1.200, zulässig: 1.000."),
        ("Die maximale Batchgröße wurde überschritten. Empfangen: 1.200, zulässig: 1.000.", "en", "Maximum batch size exceeded. Received: 1,200, allowed: 1,000."),
        ("Maximum batch size exceeded. Received: 1200, allowed: 1000.", "de-CH", "Die maximale Batchgröße wurde überschritten. Empfangen: 1’200, zulässig: 1’000."),
        ("Hash value xyz is invalid.", "de", "Der Hashwert xyz ist ungültig."),
        ("Machine 123123123 was not found", "de", "Machine 123123123 wurde nicht gefunden"),
        ("Resource abc wasn't found.", "de", "Die Ressource abc wurde nicht gefunden."),
    ])
    func translates(message: String, locale: String, expected: String) throws {
        #expect(try translator.translate(message, to: locale).text == expected)
    }

    @Test func anObservedWordingFallsBackToTheDocumentedVariant() throws {
        // The seed's machine translation has no English counterpart of its own.
        let translation = try translator.translate("DIE URL http://x ist ungültig .", to: "en")
        #expect(translation.match.variant.id == "seed-mt")
        #expect(translation.variantID == "docs")
        #expect(translation.text == "URL http://x is invalid.")
    }

    @Test func errors() {
        #expect {
            try translator.translate("no such message", to: "de")
        } throws: { error in
            guard case .noMatch = error as? MessageTranslator.TranslationError else { return false }
            return true
        }
        #expect {
            try translator.translate("Hash value x is invalid.", to: "12")
        } throws: { error in
            guard case .invalidLocale = error as? MessageTranslator.TranslationError else { return false }
            return true
        }
    }

    @Test func sharedAcrossTasks() async throws {
        let messages = (0..<200).map { "Maximum batch size exceeded. Received: \($0 * 1000), allowed: 1000." }
        let expected = try messages.map { try translator.translate($0, to: "de").text }
        let results = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for (index, message) in messages.enumerated() {
                group.addTask { [translator] in (index, try translator.translate(message, to: "de").text) }
            }
            var out = [String](repeating: "", count: messages.count)
            for try await (index, text) in group { out[index] = text }
            return out
        }
        #expect(results == expected)
    }
}
