/// GitHub-flavoured Markdown tables, as docs pages write them in any layout: with or without
/// leading and trailing pipes, any spacing around them, alignment colons in the delimiter row
/// (`-|-|-`, `|---|---|`, `:---|:---:|---:`), and `\|` for a pipe inside a cell.
struct MarkdownTable: Sendable {
    struct Row: Sendable {
        /// 1-based line number in the page.
        var line: Int
        /// The cells, trimmed, with `\|` unescaped to `|`.
        var cells: [String]
    }

    /// 1-based line number of the header row.
    var headerLine: Int
    var header: [String]
    var rows: [Row]
    /// Rows with more cells than the header (an unescaped `|` inside a cell, usually): their extra
    /// cells were joined into the last column.
    var overfull: [Int] = []

    /// The cells of one table line, or `nil` when the line has no unescaped pipe.
    static func cells(_ line: String) -> [String]? {
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        var cells: [String] = []
        var current = ""
        var separators = 0
        var endedWithSeparator = false
        var index = trimmed.startIndex
        while index < trimmed.endIndex {
            let c = trimmed[index]
            let next = trimmed.index(after: index)
            if c == "\\", next < trimmed.endIndex, trimmed[next] == "|" {
                current.append("|")
                index = trimmed.index(after: next)
                endedWithSeparator = false
                continue
            }
            if c == "|" {
                cells.append(current)
                current = ""
                separators += 1
                endedWithSeparator = true
            } else {
                current.append(c)
                endedWithSeparator = false
            }
            index = next
        }
        guard separators > 0 else { return nil }
        cells.append(current)
        if trimmed.hasPrefix("|") { cells.removeFirst() }
        if endedWithSeparator, !cells.isEmpty { cells.removeLast() }
        return cells.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// A delimiter row: every cell is dashes with optional alignment colons (`---`, `:---`, `:-:`, `-`).
    static func isDelimiterRow(_ line: String) -> Bool {
        guard let cells = cells(line), !cells.isEmpty else { return false }
        return cells.allSatisfy { cell in
            var body = Substring(cell)
            if body.hasPrefix(":") { body = body.dropFirst() }
            if body.hasSuffix(":") { body = body.dropLast() }
            return !body.isEmpty && body.allSatisfy { $0 == "-" }
        }
    }

    /// Every table of a page: a header row with pipes, a delimiter row, then rows up to a blank line
    /// or a line without a pipe.
    static func tables(in lines: [String]) -> [MarkdownTable] {
        var tables: [MarkdownTable] = []
        var index = 1
        while index < lines.count {
            guard isDelimiterRow(lines[index]), let header = cells(lines[index - 1]), !header.isEmpty else { index += 1; continue }
            var table = MarkdownTable(headerLine: index, header: header, rows: [])
            var next = index + 1
            while next < lines.count, var row = cells(lines[next]), !isDelimiterRow(lines[next]) {
                if row.count > header.count, header.count > 0 {
                    table.overfull.append(next + 1)
                    let extra = row[(header.count - 1)...].joined(separator: " | ")
                    row = Array(row[..<(header.count - 1)]) + [extra]
                }
                while row.count < header.count { row.append("") }
                table.rows.append(Row(line: next + 1, cells: row))
                next += 1
            }
            tables.append(table)
            index = next
        }
        return tables
    }
}
