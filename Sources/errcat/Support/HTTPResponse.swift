/// A raw HTTP response as `curl -i` prints it: status line, headers, blank line, body. Only the
/// parts `explain` uses are kept; anything that is not such a response is all body.
struct HTTPResponse {
    var status: Int?
    var reason: String?
    var headers: [(name: String, value: String)] = []
    var body: String

    init(_ text: String) {
        body = text
        guard text.hasPrefix("HTTP/") else { return }
        // Headers end at the first blank line (CRLF or LF). curl -i may print several responses
        // (100 Continue, redirects): keep the last.
        var remaining = Substring(text)
        while remaining.hasPrefix("HTTP/") {
            guard let split = Self.headerEnd(remaining) else { break }
            let head = remaining[..<split.lowerBound]
            remaining = remaining[split.upperBound...]
            var lines = head.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
                .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
            guard !lines.isEmpty else { break }
            let statusLine = lines.removeFirst().split(separator: " ", maxSplits: 2)
            status = statusLine.count >= 2 ? Int(statusLine[1]) : nil
            reason = statusLine.count == 3 ? String(statusLine[2]) : nil
            headers = lines.compactMap { line in
                guard let colon = line.firstIndex(of: ":") else { return nil }
                return (String(line[..<colon]).trimmingCharacters(in: " \t"),
                        String(line[line.index(after: colon)...]).trimmingCharacters(in: " \t"))
            }
        }
        body = String(remaining)
    }

    func header(_ name: String) -> String? {
        headers.last { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The request id a support engineer can look up when the body has no `target`.
    var requestID: String? {
        header("x-ms-request-id") ?? header("request-id") ?? header("x-request-id") ?? header("client-request-id")
    }

    private static func headerEnd(_ text: Substring) -> Range<Substring.Index>? {
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "\n" || text[index] == "\r\n" {
                let next = text.index(after: index)
                if next < text.endIndex, text[next] == "\n" || text[next] == "\r\n" {
                    return index..<text.index(after: next)
                }
                if next == text.endIndex { return index..<next }
            }
            index = text.index(after: index)
        }
        return nil
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var scalars = Substring(self)
        while let first = scalars.first, set.contains(first) { scalars = scalars.dropFirst() }
        while let last = scalars.last, set.contains(last) { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
