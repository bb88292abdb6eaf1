import Foundation
import Testing

/// Every `$ errcat …` line of the README's console transcript is run and its output compared, so the
/// front page cannot drift from what the tool prints.
@Suite struct ReadmeTranscriptTests {
    struct Step: CustomStringConvertible {
        var arguments: [String]
        var stdin: String?
        var expected: String
        var description: String { "errcat " + arguments.joined(separator: " ") }
    }

    static func steps() throws -> [Step] {
        let readme = try String(contentsOf: Errcat.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        guard let start = readme.range(of: "```console\n"), let end = readme.range(of: "\n```", range: start.upperBound..<readme.endIndex) else {
            return []
        }
        var steps: [Step] = []
        for line in readme[start.upperBound..<end.lowerBound].split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("$ ") {
                var command = String(line.dropFirst(2))
                var stdin: String?
                if command.hasPrefix("echo '"), let pipe = command.range(of: "' | ") {
                    stdin = String(command[command.index(command.startIndex, offsetBy: 6)..<pipe.lowerBound]) + "\n"
                    command = String(command[pipe.upperBound...])
                }
                steps.append(Step(arguments: shellWords(command).dropFirst().map { $0 }, stdin: stdin, expected: ""))
            } else if !steps.isEmpty {
                steps[steps.count - 1].expected += line + "\n"
            }
        }
        return steps
    }

    /// Splits a command line with double quotes (all the README uses).
    static func shellWords(_ text: String) -> [String] {
        var words: [String] = [], current = "", quoted = false, any = false
        for character in text {
            if character == "\"" { quoted.toggle(); any = true; continue }
            if character == " " && !quoted {
                if any || !current.isEmpty { words.append(current) }
                current = ""; any = false
                continue
            }
            current.append(character)
        }
        if any || !current.isEmpty { words.append(current) }
        return words
    }

    @Test func transcriptIsWhatTheToolPrints() throws {
        let steps = try Self.steps()
        #expect(steps.count >= 4, "the README's console transcript was not found")
        for step in steps {
            let result = try Errcat.run(step.arguments, stdin: step.stdin)
            #expect(result.stdout + result.stderr == step.expected, "\(step)")
        }
    }
}
