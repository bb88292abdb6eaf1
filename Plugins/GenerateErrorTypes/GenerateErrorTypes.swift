import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory generate-error-types [options]`
///
/// Runs `errcat generate-swift`. Without options it regenerates this package's `DefenderError`
/// (`Catalogs/defender` → `Sources/DefenderErrors/DefenderError.swift`); with
/// `--catalog DIR --type NAME --catalog-expression EXPR [--import MODULE] -o FILE` it turns any
/// catalog into a Swift file (paths relative to the package directory).
///
/// A command plugin with committed output rather than a build-tool plugin: a clean build (CI, a
/// consumer's `from:` dependency) then compiles one Swift file instead of first building the
/// generator and its dependencies for the host, and the generated API can be read and reviewed.
@main
struct GenerateErrorTypes: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let tool = try context.tool(named: "errcat")
        let root = context.package.directoryURL
        var arguments = arguments
        if arguments.isEmpty {
            arguments = [
                "--catalog", root.appendingPathComponent("Catalogs/defender").path,
                "--type", "DefenderError",
                "--catalog-expression", "Catalog.defender",
                "--import", "DefenderCatalog",
                "-o", root.appendingPathComponent("Sources/DefenderErrors/DefenderError.swift").path,
            ]
        } else {
            // Relative paths are the package's, not the plugin's working directory.
            for index in arguments.indices.dropLast() where ["--catalog", "-o", "--output"].contains(arguments[index]) {
                let path = arguments[index + 1]
                if !path.hasPrefix("/") { arguments[index + 1] = root.appendingPathComponent(path).path }
            }
        }
        let process = Process()
        process.executableURL = tool.url
        process.arguments = ["generate-swift"] + arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            Diagnostics.error("errcat generate-swift exited with status \(process.terminationStatus)")
            throw ExitStatus(process.terminationStatus)
        }
    }
}

struct ExitStatus: Error, CustomStringConvertible {
    let status: Int32
    init(_ status: Int32) { self.status = status }
    var description: String { "errcat generate-swift failed (exit \(status))" }
}
