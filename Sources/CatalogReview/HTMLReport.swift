import ErrorCatalog
import MessageSyntax

/// One self-contained HTML page: summary, filters by severity and check, and per code and variant
/// the source and the translation side by side with placeholders highlighted and findings marked
/// where they occur. Every catalog text is escaped; scripts run only with the page's nonce.
public enum HTMLReport {
    public static func escape(_ text: String) -> String {
        // Most catalog text is printable ASCII with nothing to escape: returned as it is.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x26 && $0 != 0x3C && $0 != 0x3E && $0 != 0x22 && $0 != 0x27 }) {
            return text
        }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Every control, format (bidi, zero-width, tag), separator, default-ignorable and
                // noncharacter code point, by Unicode property (the terminal's set, `Sanitized`).
                if scalar != "\n" && scalar != "\t" && Sanitized.isInvisibleOrControl(scalar) {
                    out += "<span class=\"ctl\">\\u{\(String(scalar.value, radix: 16, uppercase: true))}</span>"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// Placeholder ranges (top-level and nested arguments' names) in a pattern.
    static func placeholderRanges(_ pattern: String) -> [Range<Int>] {
        guard let message = try? MessageParser.parse(pattern) else { return [] }
        return message.allArguments.map { $0.range.start..<$0.range.end }
    }

    /// The text with placeholders in `<span class="ph">` and finding ranges in `<mark>`.
    static func highlighted(_ text: String, isPattern: Bool, findings: [(Int, ReviewFinding)]) -> String {
        let scalars = Array(text.unicodeScalars)
        let placeholders = isPattern ? placeholderRanges(text) : []
        var classes: [[String]] = Array(repeating: [], count: scalars.count)
        for range in placeholders {
            for i in range where i < scalars.count { classes[i].append("ph") }
        }
        var marks: [[Int]] = Array(repeating: [], count: scalars.count)
        // A finding's range refers to its own `text`: mark only those made on this very text (not,
        // say, one on the template's note).
        for (index, finding) in findings where finding.text == nil || finding.text == text {
            guard let start = finding.start, start < max(scalars.count, 1) else { continue }
            let end = min(max(finding.end ?? start + 1, start + 1), scalars.count)
            if start < end { for i in start..<end { marks[i].append(index) } }
        }
        var out = ""
        var i = 0
        while i < scalars.count {
            var j = i + 1
            while j < scalars.count, classes[j] == classes[i], marks[j] == marks[i] { j += 1 }
            var chunk = escape(String(String.UnicodeScalarView(scalars[i..<j])))
            if !marks[i].isEmpty { chunk = chunk.replacingOccurrences(of: " ", with: "<span class=\"sp\">\u{00B7}</span>") } // marked spaces made visible
            if !classes[i].isEmpty { chunk = "<span class=\"ph\">\(chunk)</span>" }
            if !marks[i].isEmpty {
                let severities = marks[i].compactMap { index in findings.first { $0.0 == index }?.1.severity.rawValue }
                let worst = severities.contains("error") ? "error" : severities.contains("warning") ? "warning" : "info"
                chunk = "<mark class=\"sev-\(worst)\" data-f=\"\(marks[i].map(String.init).joined(separator: " "))\">\(chunk)</mark>"
            }
            out += chunk
            i = j
        }
        return out
    }

    static func findingItem(_ index: Int, _ finding: ReviewFinding) -> String {
        var item = "<li class=\"finding sev-\(finding.severity.rawValue)\" id=\"f\(index)\" data-severity=\"\(finding.severity.rawValue)\" data-check=\"\(escape(finding.check))\">"
        item += "<span class=\"badge sev-\(finding.severity.rawValue)\">\(finding.severity.rawValue)</span> <code>\(escape(finding.check))</code> "
        item += escape(finding.message)
        if let expected = finding.expected { item += " <span class=\"expected\">— expected: \(escape(expected))</span>" }
        var location = finding.file ?? ""
        if let line = finding.line { location += ":\(line)" }
        if let column = finding.column { location += ":\(column)" }
        if !location.isEmpty { item += " <span class=\"loc\">\(escape(location))</span>" }
        return item + "</li>"
    }

    static func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }

    /// The page. Its script filters by severity and check; `#findings` in the URL opens it with only
    /// the rows that have findings, `#selftest` drives every filter and writes the visible counts as
    /// JSON into `<pre id="selftest">` (checked by `.ci/review-tools.sh` in headless Chromium).
    public static func render(_ result: ReviewResult, title: String? = nil) -> String {
        var nonceBytes = SystemRandomNumberGenerator()
        let nonce = (0..<4).map { _ in String(nonceBytes.next() as UInt64, radix: 36) }.joined()
        let indexed = Array(result.findings.enumerated())
        let source = result.raw.source
        let targets = result.locales.compactMap { result.raw.file(locale: $0) }
        let checks = Array(Set(result.findings.map(\.check))).sorted()
        var used = Set<Int>()

        var html = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-\(nonce)'; img-src data:">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title ?? "Translation review: \(result.catalogName)"))</title>
        <style>
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d2430;background:#f6f7f9}
        header{background:#1f3a5f;color:#fff;padding:14px 24px}
        header h1{margin:0 0 4px;font-size:20px} header p{margin:0;opacity:.85}
        .summary{display:flex;gap:12px;padding:12px 24px;flex-wrap:wrap;align-items:center;background:#fff;border-bottom:1px solid #d8dde6;position:sticky;top:0;z-index:2}
        .count{padding:4px 10px;border-radius:12px;font-weight:600}
        .count.error,.badge.sev-error{background:#fde2e1;color:#a4161a}.count.warning,.badge.sev-warning{background:#fff1c2;color:#7a5200}
        .count.info,.badge.sev-info{background:#e1efff;color:#0b4f9c}
        .filters label{margin-right:10px;white-space:nowrap} .filters select{margin-left:4px}
        main{padding:12px 24px}
        table{border-collapse:collapse;width:100%;background:#fff;table-layout:fixed}
        th,td{border:1px solid #d8dde6;padding:6px 8px;vertical-align:top;text-align:left;word-wrap:break-word}
        th{background:#eef1f5;position:sticky;top:52px} td.code{font-weight:600;width:14%} td.variant{width:9%;color:#555}
        td.code.cont{color:#9aa6b8;font-weight:400;font-size:12px} tr.clean td.text{color:#2d3a4a} tr.code-start td{border-top:2px solid #9aa6b8}
        .ph{background:#dff3e4;color:#0f5c2e;border-radius:3px;font-family:ui-monospace,Menlo,monospace;font-size:12.5px}
        mark{background:none;border-bottom:3px solid}
        mark.sev-error{background:#fde2e1;border-color:#d0312d} mark.sev-warning{background:#fff4cc;border-color:#e0a800} mark.sev-info{border-color:#4a90e2}
        .sp{color:#d0312d;font-weight:700}
        ul.findings{margin:4px 0 0;padding-left:18px;font-size:12.5px} .finding{margin:2px 0}
        .badge{font-size:11px;padding:1px 6px;border-radius:8px;text-transform:uppercase}
        .expected{color:#555}.loc{color:#888;font-family:ui-monospace,monospace;font-size:11px}
        .ctl{color:#a4161a;font-family:monospace} .hidden{display:none} .muted{color:#888;font-style:italic}
        table.checks{width:auto;margin:8px 0 16px} table.checks td{padding:2px 8px}
        </style></head><body>
        <header><h1>Translation review: \(escape(result.catalogName.isEmpty ? "catalog" : result.catalogName))</h1>
        <p>Source \(escape(result.sourceLocale)) → \(escape(result.locales.joined(separator: ", "))). \(escape(ReviewReport.summaryLine(result)))</p></header>
        <div class="summary">
        <span class="count error" id="n-error">\(plural(result.errorCount, "error"))</span>
        <span class="count warning" id="n-warning">\(plural(result.warningCount, "warning"))</span>
        <span class="count info" id="n-info">\(plural(result.infoCount, "note"))</span>
        <span class="filters">
        <label><input type="checkbox" class="sev" value="error" checked> errors</label>
        <label><input type="checkbox" class="sev" value="warning" checked> warnings</label>
        <label><input type="checkbox" class="sev" value="info" checked> notes</label>
        <label>check <select id="check"><option value="">all checks</option>
        """
        for check in checks { html += "<option value=\"\(escape(check))\">\(escape(check))</option>" }
        html += """
        </select></label>
        <label><input type="checkbox" id="only"> only rows with findings</label>
        </span><span id="shown"></span></div>
        <main>

        """
        // Summary by check.
        if !checks.isEmpty {
            html += "<table class=\"checks\"><tr><th>check</th><th>errors</th><th>warnings</th><th>notes</th><th>what it means</th></tr>"
            for check in checks {
                let list = result.findings.filter { $0.check == check }
                func n(_ s: ReviewFinding.Severity) -> Int { list.filter { $0.severity == s }.count }
                html += "<tr><td><code>\(escape(check))</code></td><td>\(n(.error))</td><td>\(n(.warning))</td><td>\(n(.info))</td><td>\(escape(ReviewCheck.named(check)?.summary ?? ""))</td></tr>"
            }
            html += "</table>\n"
        }
        for (check, reason) in result.skippedChecks.sorted(by: { $0.key < $1.key }) {
            html += "<p class=\"muted\">Check <code>\(escape(check))</code> did not run: \(escape(reason))</p>\n"
        }
        html += "<table id=\"rows\"><thead><tr><th style=\"width:14%\">code</th><th style=\"width:9%\">variant</th><th>\(escape(result.sourceLocale))</th>"
        for target in targets { html += "<th>\(escape(target.locale))</th>" }
        html += "</tr></thead><tbody>\n"

        func row(code: String, variant: String?, field: String, sourceText: String?, targetTexts: [String?], first: Bool) {
            let matching = indexed.filter { pair in
                pair.element.code == code && (variant == nil ? (pair.element.variant == nil && (pair.element.field == field || (field == "code" && pair.element.field == nil)))
                                                 : pair.element.variant == variant && pair.element.field != "observed")
            }
            matching.forEach { used.insert($0.offset) }
            let isPattern = field == "pattern"
            html += "<tr class=\"row\(matching.isEmpty ? " clean" : "")\(first ? " code-start" : "")\" data-findings=\"\(matching.map { String($0.offset) }.joined(separator: " "))\">"
            // Every row names its code (rows of one code stay readable when a filter hides the first one);
            // after the first it is shown muted.
            html += "<td class=\"code\(first ? "" : " cont")\">\(escape(code))</td><td class=\"variant\">\(escape(variant ?? field))</td>"
            let sourceFindings = matching.filter { $0.element.file == source?.fileName }.map { ($0.offset, $0.element) }
            html += "<td class=\"text\" lang=\"\(escape(result.sourceLocale))\">" + (sourceText.map { highlighted($0, isPattern: isPattern, findings: sourceFindings) } ?? "<span class=\"muted\">—</span>")
            if !sourceFindings.isEmpty { html += "<ul class=\"findings\">" + sourceFindings.map { findingItem($0.0, $0.1) }.joined() + "</ul>" }
            html += "</td>"
            for (target, text) in zip(targets, targetTexts) {
                let mine = matching.filter { $0.element.file == target.fileName }
                html += "<td class=\"text\" lang=\"\(escape(target.locale))\">"
                html += text.map { highlighted($0, isPattern: isPattern, findings: mine.map { ($0.offset, $0.element) }) } ?? "<span class=\"muted\">not translated</span>"
                if !mine.isEmpty { html += "<ul class=\"findings\">" + mine.map { findingItem($0.offset, $0.element) }.joined() + "</ul>" }
                html += "</td>"
            }
            html += "</tr>\n"
        }

        for code in source?.codes ?? [] {
            var first = true
            for template in code.templates {
                row(code: code.code, variant: template.id, field: "pattern", sourceText: template.pattern,
                    targetTexts: targets.map { $0.code(code.code)?.templates.first { $0.id == template.id }?.pattern }, first: first)
                first = false
            }
            row(code: code.code, variant: nil, field: "description", sourceText: code.description,
                targetTexts: targets.map { $0.code(code.code)?.description }, first: first)
            row(code: code.code, variant: nil, field: "hint", sourceText: code.hint, targetTexts: targets.map { $0.code(code.code)?.hint }, first: false)
        }
        html += "</tbody></table>\n"
        let rest = indexed.filter { !used.contains($0.offset) }
        if !rest.isEmpty {
            html += "<h2>Other findings</h2><ul class=\"findings\" id=\"other\">" + rest.map { findingItem($0.offset, $0.element) }.joined() + "</ul>\n"
        }
        html += """
        </main>
        <script nonce="\(nonce)">
        (function(){
          var sev=document.querySelectorAll('input.sev'),check=document.getElementById('check'),only=document.getElementById('only');
          function apply(){
            var on={};sev.forEach(function(b){on[b.value]=b.checked;});
            var c=check.value,shown=0;
            document.querySelectorAll('li.finding').forEach(function(li){
              var v=on[li.dataset.severity]&&(!c||li.dataset.check===c);li.classList.toggle('hidden',!v);if(v)shown++;});
            document.querySelectorAll('mark[data-f]').forEach(function(m){
              var any=m.dataset.f.split(' ').some(function(i){var li=document.getElementById('f'+i);return li&&!li.classList.contains('hidden');});
              m.classList.toggle('off',!any);m.style.borderBottomStyle=any?'solid':'none';m.style.background=any?'':'none';});
            document.querySelectorAll('tr.row').forEach(function(tr){
              var ids=tr.dataset.findings?tr.dataset.findings.split(' '):[];
              var vis=ids.some(function(i){var li=document.getElementById('f'+i);return li&&!li.classList.contains('hidden');});
              tr.classList.toggle('hidden',only.checked&&!vis);});
            document.getElementById('shown').textContent=shown+' findings shown';
          }
          sev.forEach(function(b){b.addEventListener('change',apply);});check.addEventListener('change',apply);only.addEventListener('change',apply);
          if(location.hash==='#findings')only.checked=true;
          apply();
          if(location.hash==='#selftest')selftest();
          // Drives the filters like a person (change events on the real controls) and counts what is
          // visible on screen (laid-out boxes, not classes); headless CI compares the counts with the
          // JSON report. Result: JSON in pre#selftest, and one console line.
          function selftest(){
            var out={errors:[],total:document.querySelectorAll('li.finding').length,severity:{},check:{},shownText:{}};
            window.addEventListener('error',function(e){out.errors.push(String(e.message));});
            function visible(sel){var n=0;document.querySelectorAll(sel).forEach(function(e){if(e.getClientRects().length>0)n++;});return n;}
            function set(el,v){if(el.type==='checkbox')el.checked=v;else el.value=v;el.dispatchEvent(new Event('change'));}
            try{
              sev.forEach(function(b){
                sev.forEach(function(o){set(o,o===b);});
                out.severity[b.value]=visible('li.finding');
                out.shownText[b.value]=document.getElementById('shown').textContent;
                var stray=0;document.querySelectorAll('li.finding').forEach(function(li){if(li.getClientRects().length>0&&li.dataset.severity!==b.value)stray++;});
                if(stray)out.errors.push(stray+' findings of another severity visible with only '+b.value);
              });
              sev.forEach(function(o){set(o,true);});
              Array.prototype.forEach.call(check.options,function(opt){
                if(!opt.value)return;set(check,opt.value);out.check[opt.value]=visible('li.finding');
                var lit=0;document.querySelectorAll('mark[data-f]').forEach(function(m){if(m.style.borderBottomStyle!=='none')lit++;});
                var expect=0;document.querySelectorAll('mark[data-f]').forEach(function(m){if(m.dataset.f.split(' ').some(function(i){var li=document.getElementById('f'+i);return li&&li.dataset.check===opt.value;}))expect++;});
                if(lit!==expect)out.errors.push('check '+opt.value+': '+lit+' marks highlighted, '+expect+' expected');
              });
              set(check,'');
              out.allShown=visible('li.finding');
              set(only,true);
              out.rowsOnlyWithFindings=visible('tr.row');
              document.querySelectorAll('tr.row').forEach(function(tr){if(tr.getClientRects().length>0&&!tr.dataset.findings)out.errors.push('a row without findings stays visible');});
              set(only,false);
              out.rowsAll=visible('tr.row');
            }catch(e){out.errors.push(String(e&&e.stack||e));}
            var pre=document.createElement('pre');pre.id='selftest';pre.textContent=JSON.stringify(out);document.body.appendChild(pre);
            if(out.errors.length)console.error('selftest failed: '+out.errors.join('; '));else console.log('selftest done: '+out.total+' findings');
          }
        })();
        </script>
        </body></html>

        """
        return html
    }
}
