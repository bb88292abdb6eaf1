import Foundation
import Testing

/// `errcat generate-swift` and the catalog options, end to end.
@Suite struct GenerateSwiftCommandTests {
    static let small = Errcat.packageRoot.appendingPathComponent("Tests/SmallErrors/small").path

    @Test func generatesTheTypeOfAnyCatalog() throws {
        let result = try Errcat.run(["generate-swift", "--catalog", Self.small, "--type", "QuotaError", "--access", "internal",
                                     "--catalog-expression", "Catalog.load(directory: \"x\")", "--import", "ErrorCatalog"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("\nenum QuotaError: CatalogError, Codable, Hashable {"))
        #expect(result.stdout.contains("    case quotaExceeded(used: Int, limit: Int)\n"))
        #expect(result.stdout.contains("    case badHashRolesNeeded(roles: [String])\n"))
        #expect(result.stdout.contains("static let catalogSupport = CatalogSupport { try Catalog.load(directory: \"x\") }"))
        #expect(!result.stdout.contains("public "))
        // Another catalog's type imports only what it needs; the default expression brings its module.
        let own = try Errcat.run(["generate-swift", "--catalog", Self.small, "--type", "QuotaError", "--catalog-expression", "load()"])
        #expect(!own.stdout.contains("import DefenderCatalog"), "\(own)")
        let bundled = try Errcat.run(["generate-swift"])
        #expect(bundled.stdout.contains("import DefenderCatalog\n"))
        #expect(bundled.stdout.contains("static let catalogSupport = CatalogSupport { try Catalog.defender }"))
    }

    @Test func badOptionsAreOneScreenErrors() throws {
        let access = try Errcat.run(["generate-swift", "--catalog", Self.small, "--access", "open"])
        #expect(access.status != 0)
        #expect(access.stderr.contains("--access 'open' is not an access level; use public, package or internal"), "\(access)")
        let type = try Errcat.run(["generate-swift", "--catalog", Self.small, "--type", "my error"])
        #expect(type.status == 2)
        #expect(type.stderr.contains("'my error' is not a Swift type name"), "\(type)")
        let module = try Errcat.run(["generate-swift", "--catalog", Self.small, "--import", "Foo.Bar"])
        #expect(module.stderr.contains("--import 'Foo.Bar' is not a module name"), "\(module)")
    }

    @Test func namedCatalogsOverrideTheBundledOne() throws {
        let viaEnvironment = try Errcat.run(["check"], environment: ["ERRCAT_CATALOG": Self.small])
        #expect(viaEnvironment.stdout.hasPrefix("ok: \(Self.small): 4 codes"), "\(viaEnvironment)")
        let viaOption = try Errcat.run(["check", "--catalog", Self.small], environment: ["ERRCAT_CATALOG": "/nonexistent"])
        #expect(viaOption.stdout.hasPrefix("ok: \(Self.small): 4 codes"), "\(viaOption)")
        let bundled = try Errcat.run(["check"])
        #expect(bundled.stdout.contains("_DefenderCatalog.resources/defender: 21 codes"), "\(bundled)")
    }
}
