import ErrorCatalog
import Foundation

/// The bundled Defender catalog's resource bundle was not found next to the running executable.
public struct DefenderCatalogNotFound: LocalizedError, Sendable, Hashable, CustomStringConvertible {
    /// The directories searched for a `…_DefenderCatalog.resources` bundle, in order.
    public let searched: [String]

    public init(searched: [String]) { self.searched = searched }

    public var errorDescription: String? { description }

    public var description: String {
        "the bundled Defender catalog was not found: no \(DefenderCatalogResource.bundleSuffix) directory with "
            + "defender/en.json in \(searched.joined(separator: ", ")); install the resource bundle next to the "
            + "executable (SwiftPM puts it there; scripts/install.sh keeps it there), or load a catalog directory "
            + "with Catalog.load(directory:)"
    }
}

/// Where SwiftPM puts the catalog: a `<package>_DefenderCatalog.resources` directory next to the
/// executable that links this module (`Bundle.module`'s own rule on Linux), holding `defender/`.
enum DefenderCatalogResource {
    static let bundleSuffix = "_DefenderCatalog.resources"
    static let bundleName = "defender-errcat" + bundleSuffix

    /// The directories a bundle may sit in: the main bundle's directory, and the directory of the
    /// executable with symbolic links resolved (an installed `bin/errcat` that links to
    /// `libexec/errcat/errcat`).
    static func searchDirectories() -> [URL] {
        var directories: [URL] = [Bundle.main.bundleURL]
        if let executable = Bundle.main.executableURL {
            directories.append(executable.resolvingSymlinksInPath().deletingLastPathComponent())
        }
        let selfExe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        if selfExe.path != "/proc/self/exe" { directories.append(selfExe.deletingLastPathComponent()) }
        var seen: Set<String> = []
        return directories.map(\.standardizedFileURL).filter { seen.insert($0.path).inserted }
    }

    static func locate() -> Result<String, DefenderCatalogNotFound> {
        let fileManager = FileManager.default
        let directories = searchDirectories()
        for directory in directories {
            // The name SwiftPM gives it in this package, then any package's name (a consumer's build).
            var bundles = [directory.appendingPathComponent(bundleName)]
            if let entries = try? fileManager.contentsOfDirectory(atPath: directory.path) {
                bundles += entries.filter { $0.hasSuffix(bundleSuffix) && $0 != bundleName }.sorted()
                    .map { directory.appendingPathComponent($0) }
            }
            for bundle in bundles {
                let catalog = bundle.appendingPathComponent("defender")
                if fileManager.fileExists(atPath: catalog.appendingPathComponent("en.json").path) {
                    return .success(catalog.path)
                }
            }
        }
        return .failure(DefenderCatalogNotFound(searched: directories.map(\.path)))
    }

    static let located = Locked<Result<String, DefenderCatalogNotFound>?>(nil)
    static let loaded = Locked<Catalog?>(nil)
}

extension Catalog {
    /// The directory of the bundled Defender catalog (`en.json`, `de.json`) inside the resource bundle.
    public static func defenderDirectory() throws(DefenderCatalogNotFound) -> String {
        let result = DefenderCatalogResource.located.withLock { cached in
            if let cached { return cached }
            let result = DefenderCatalogResource.locate()
            cached = result
            return result
        }
        return try result.get()
    }

    /// The Microsoft Defender REST API error catalog that ships with this package (English and
    /// German), loaded once per process from the package's resource bundle. Concurrent first uses
    /// wait for the one load instead of each reading the files.
    ///
    /// Throws ``DefenderCatalogNotFound`` when the resource bundle is missing, or `CatalogLoadError`
    /// (not cached: a later call tries again).
    public static var defender: Catalog {
        get throws {
            try DefenderCatalogResource.loaded.withLock { cached in
                if let cached { return cached }
                let catalog = try Catalog.load(directory: try defenderDirectory())
                cached = catalog
                return catalog
            }
        }
    }
}
