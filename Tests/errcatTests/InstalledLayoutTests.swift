import Foundation
import Testing

/// The layout scripts/install.sh makes — the executable and its catalog resource bundle in
/// PREFIX/libexec/errcat, a symbolic link in PREFIX/bin — works from any directory, without the
/// build tree's paths; without the bundle the tool says what is missing and how to go on.
@Suite struct InstalledLayoutTests {
    static let bundleName = "defender-errcat_DefenderCatalog.resources"

    /// Copies the built executable (and, if asked, its bundle) into a fresh prefix.
    func install(withBundle: Bool) throws -> URL {
        let fileManager = FileManager.default
        let prefix = fileManager.temporaryDirectory.appendingPathComponent("errcat-install-\(UUID().uuidString)")
        let libexec = prefix.appendingPathComponent("libexec/errcat")
        try fileManager.createDirectory(at: libexec, withIntermediateDirectories: true)
        try fileManager.createDirectory(at: prefix.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try fileManager.copyItem(at: Errcat.executable, to: libexec.appendingPathComponent("errcat"))
        if withBundle {
            let bundle = Errcat.executable.deletingLastPathComponent().appendingPathComponent(Self.bundleName)
            try fileManager.copyItem(at: bundle, to: libexec.appendingPathComponent(Self.bundleName))
        }
        try fileManager.createSymbolicLink(atPath: prefix.appendingPathComponent("bin/errcat").path,
                                           withDestinationPath: "../libexec/errcat/errcat")
        return prefix
    }

    func run(_ executable: URL, _ arguments: [String], environment: [String: String] = [:]) throws -> Errcat.Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: "/")
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env.removeValue(forKey: "ERRCAT_CATALOG")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Errcat.Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                             stderr: String(decoding: errData, as: UTF8.self))
    }

    @Test func installedToolFindsItsCatalogThroughTheLink() throws {
        let prefix = try install(withBundle: true)
        defer { try? FileManager.default.removeItem(at: prefix) }
        let errcat = prefix.appendingPathComponent("bin/errcat")
        let format = try run(errcat, ["format", "MaximumBatchSizeExceeded", "--locale", "de", "received=1200", "allowed=1000"])
        #expect(format.status == 0, "\(format)")
        #expect(format.stdout == "Die maximale Batchgröße wurde überschritten. Empfangen: 1.200, zulässig: 1.000.\n")
        let parse = try run(errcat, ["parse", "Hash value xyz is invalid."])
        #expect(parse.status == 0, "\(parse)")
        #expect(parse.stdout.hasPrefix("InvalidHashValue (HTTP 400), locale en"))
        // The catalog it used is the installed copy.
        let check = try run(errcat, ["check"])
        #expect(check.stdout.contains(prefix.appendingPathComponent("libexec/errcat/\(Self.bundleName)/defender").path), "\(check)")
    }

    @Test func missingBundleIsAClearError() throws {
        let prefix = try install(withBundle: false)
        defer { try? FileManager.default.removeItem(at: prefix) }
        let errcat = prefix.appendingPathComponent("bin/errcat")
        let result = try run(errcat, ["list"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("the bundled Defender catalog was not found"))
        #expect(result.stderr.contains(prefix.appendingPathComponent("libexec/errcat").path))
        #expect(result.stderr.contains("--catalog DIR or set ERRCAT_CATALOG"))
        #expect(result.stderr.split(separator: "\n").count <= 4, "\(result)")
        // A catalog named explicitly still works.
        let named = try run(errcat, ["format", "InvalidHashValue", "hash=xyz", "--catalog", Errcat.packageRoot.appendingPathComponent("Catalogs/defender").path])
        #expect(named.stdout == "Hash value xyz is invalid.\n", "\(named)")
    }

    @Test func writingCommandsRefuseTheBundledCatalog() throws {
        let noneNamed = try Errcat.run(["import", "/dev/null"])
        #expect(noneNamed.status == 2)
        #expect(noneNamed.stderr.contains("import writes into a catalog directory, and none was named"), "\(noneNamed)")
        let pseudo = try Errcat.run(["pseudo"])
        #expect(pseudo.status == 2)
        #expect(pseudo.stderr.contains("pseudo writes into a catalog directory"), "\(pseudo)")
        let bundled = Errcat.executable.deletingLastPathComponent().appendingPathComponent("\(Self.bundleName)/defender").path
        let named = try Errcat.run(["import", "/dev/null", "--catalog", bundled])
        #expect(named.status == 2)
        #expect(named.stderr.contains("is the bundled catalog resource, which is read-only"), "\(named)")
        let viaEnvironment = try Errcat.run(["pseudo"], environment: ["ERRCAT_CATALOG": bundled])
        #expect(viaEnvironment.status == 2)
        // pseudo -o FILE reads the bundled catalog and writes elsewhere: allowed.
        let toStdout = try Errcat.run(["pseudo", "-o", "-"])
        #expect(toStdout.status == 0, "\(toStdout)")
        #expect(toStdout.stdout.contains("\"locale\": \"en-XA\""))
    }
}
