/// The documented limits of errcat's readers (see docs/THREAT-MODEL.md). Inputs beyond them are
/// refused with an error that names the limit; nothing is cut silently and nothing traps.
///
/// They live in `ErrorCatalog` so that the catalog loader (which cannot see `MessageMatching`) can
/// refuse a catalog the matcher would refuse, at load and import time.
public enum MatcherLimits {
    /// Placeholder slots in one template (after plural/select expansion, one alternative: each
    /// `{name}` occurrence on the path counts). The matcher refuses to compile a template with more
    /// (`MatcherBuildError`). Error messages have a handful; 64 leaves room and keeps the
    /// matcher's per-thread capture copies small.
    public static let maxSlotsPerTemplate = 64
    /// Alternatives of one template after plural/select/choice expansion (the product over the
    /// template's branching arguments of their case counts; nested branches multiply). The matcher
    /// refuses a template with more (`MatcherBuildError`) instead of matching only some of them.
    public static let maxAlternativesPerTemplate = 256
}

/// Size limits of the command-line readers.
public enum InputLimits {
    /// Longest line `parse` reads from standard input (bytes, without the line end). A longer line
    /// is reported as too long (by how much), not cut.
    public static let maxLineBytes = 1 << 20
    /// Largest error body `explain` and `parse --ndjson` read (bytes). A larger one is reported as
    /// too large, not cut.
    public static let maxBodyBytes = 16 << 20
    /// Deepest JSON nesting (arrays and objects) the error-body reader follows. Deeper bodies are
    /// still searched for their code and message by a flat scan.
    public static let maxJSONDepth = 512
}
