import ErrorCatalog
import Foundation
import MessageFormatting
import MessageSyntax
import Testing

/// Public errors read in `localizedDescription` as the tool prints them.
@Suite struct LocalizedErrorTests {
    @Test func catalogErrorsDescribeThemselves() throws {
        do {
            _ = try Catalog.load(files: ["en.json": "{"])
            Issue.record("a broken catalog loaded")
        } catch {
            #expect(error.localizedDescription == error.description)
            #expect(error.localizedDescription.contains("error"))
        }
        guard case .failure(let problem) = PlaceholderType.integer.parse("1.200") else {
            Issue.record("1.200 parsed as an integer"); return
        }
        #expect(problem.localizedDescription == problem.description)
        // The tool prints the same text for the same mistake.
        let cli = try Errcat.run(["format", "MaximumBatchSizeExceeded", "received=1.200", "allowed=1000"])
        #expect(cli.stderr.contains(problem.localizedDescription), "\(cli)")

        do {
            _ = try MessageParser.parse("Hash {hash")
            Issue.record("an unclosed argument parsed")
        } catch {
            #expect(error.localizedDescription == error.description)
        }
        let catalog = try Catalog.load(directory: Errcat.packageRoot.appendingPathComponent("Catalogs/defender").path)
        do {
            _ = try catalog.negotiateLocale("12")
            Issue.record("'12' negotiated")
        } catch {
            #expect(error.localizedDescription == error.description)
        }
        let formatter = try CatalogFormatter(catalog: catalog)
        do {
            _ = try formatter.format(code: "InvalidHash", values: [:], locale: "en")
            Issue.record("an unknown code formatted")
        } catch {
            #expect(error.localizedDescription == error.description)
            let cli = try Errcat.run(["format", "InvalidHash"])
            #expect(cli.stderr.contains("InvalidHash"))
        }
    }
}
