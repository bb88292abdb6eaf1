import Foundation
import Testing

/// Package conventions an adopter relies on, checked on the sources.
@Suite struct ConventionTests {
    /// Every Swift file of a module's sources: (module, path, text).
    static func sources() throws -> [(module: String, path: String, text: String)] {
        var files: [(String, String, String)] = []
        let roots = [("Sources", nil as String?), ("Catalogs/Swift", "DefenderCatalog")]
        for (root, fixedModule) in roots {
            let base = Errcat.packageRoot.appendingPathComponent(root)
            guard let walker = FileManager.default.enumerator(atPath: base.path) else { continue }
            while let path = walker.nextObject() as? String {
                guard path.hasSuffix(".swift") else { continue }
                let module = fixedModule ?? String(path.split(separator: "/").first ?? "")
                files.append((module, "\(root)/\(path)", try String(contentsOf: base.appendingPathComponent(path), encoding: .utf8)))
            }
        }
        return files
    }

    /// Two public types of the same name in two modules make `import A; import B` ambiguous.
    @Test func noPublicTypeNameIsUsedByTwoModules() throws {
        var owners: [String: Set<String>] = [:]
        let declaration = /^public\s+(?:final\s+)?(?:struct|enum|class|protocol|actor|typealias)\s+([A-Za-z_][A-Za-z0-9_]*)/.anchorsMatchLineEndings()
        for file in try Self.sources() where file.module != "errcat" {
            for match in file.text.matches(of: declaration) { owners[String(match.1), default: []].insert(file.module) }
        }
        let shared = owners.filter { $0.value.count > 1 }.map(\.key).sorted()
        #expect(shared.isEmpty, "public types in more than one module: \(shared)")
        #expect(owners.count > 40)
    }

    @Test func noSourcePathLookupsAndNoUnsafeFlags() throws {
        for file in try Self.sources() {
            #expect(!file.text.contains("#filePath") && !file.text.contains("#file)"), "\(file.path) looks files up by source path")
        }
        let manifest = try String(contentsOf: Errcat.packageRoot.appendingPathComponent("Package.swift"), encoding: .utf8)
        #expect(!manifest.contains(".unsafeFlags("), "unsafeFlags make the package unusable as a versioned dependency")
    }
}
