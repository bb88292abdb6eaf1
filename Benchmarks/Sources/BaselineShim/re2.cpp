// RE2 baseline (Debian libre2-dev): RE2::Set (anchored at both ends) finds which templates match, the best-ranked one's
// own RE2 extracts the captures (FullMatchN into StringPieces).
#include "baseline.h"
#include <re2/re2.h>
#include <re2/set.h>
#include <memory>
#include <string>
#include <vector>
#include <cstring>

struct baseline_re2 {
    RE2::Options options;
    RE2::Set set;
    std::vector<std::string> patterns;
    std::vector<std::unique_ptr<RE2>> regexes;
    std::vector<int32_t> ranks;
    std::vector<int> hits;
    std::vector<re2::StringPiece> pieces;
    std::vector<RE2::Arg> args;
    std::vector<const RE2::Arg *> argPointers;
    explicit baseline_re2(const RE2::Options &o) : options(o), set(o, RE2::ANCHOR_BOTH) {}
};

static RE2::Options optionsWith(int64_t maxMemory) {
    RE2::Options options;
    options.set_max_mem(maxMemory);
    options.set_log_errors(false);
    return options;
}

extern "C" baseline_re2 *baseline_re2_new(int64_t maxMemory) {
    return new baseline_re2(optionsWith(maxMemory));
}

extern "C" void baseline_re2_free(baseline_re2 *set) { delete set; }

extern "C" int32_t baseline_re2_add(baseline_re2 *set, const char *pattern, int32_t length, int32_t rank,
                                    char *error, int32_t errorCapacity) {
    std::string text;
    int index = set->set.Add(re2::StringPiece(pattern, length), &text);
    if (index < 0) {
        if (error && errorCapacity > 0) { std::strncpy(error, text.c_str(), errorCapacity - 1); error[errorCapacity - 1] = 0; }
        return -1;
    }
    set->patterns.emplace_back(pattern, length);
    set->ranks.push_back(rank);
    return index;
}

extern "C" int32_t baseline_re2_compile_set_only(baseline_re2 *set) {
    return set->set.Compile() ? 1 : 0;
}

extern "C" int32_t baseline_re2_compile(baseline_re2 *set) {
    if (!set->set.Compile()) return 0;
    size_t most = 0;
    for (const auto &pattern : set->patterns) {
        auto re = std::make_unique<RE2>(pattern, set->options);
        if (!re->ok()) return 0;
        most = std::max(most, static_cast<size_t>(re->NumberOfCapturingGroups()));
        set->regexes.push_back(std::move(re));
    }
    set->pieces.resize(most);
    set->args.resize(most);
    set->argPointers.resize(most);
    for (size_t k = 0; k < most; k++) {
        set->args[k] = RE2::Arg(&set->pieces[k]);
        set->argPointers[k] = &set->args[k];
    }
    set->hits.reserve(64);
    return 1;
}

static int32_t best(baseline_re2 *set, const char *text, int32_t length) {
    RE2::Set::ErrorInfo info;
    if (!set->set.Match(re2::StringPiece(text, length), &set->hits, &info)) {
        return info.kind == RE2::Set::kOutOfMemory ? -2 : -1;
    }
    int32_t chosen = -1;
    for (int hit : set->hits) {
        if (chosen < 0 || set->ranks[hit] > set->ranks[chosen] || (set->ranks[hit] == set->ranks[chosen] && hit < chosen)) chosen = hit;
    }
    return chosen;
}

extern "C" int32_t baseline_re2_identify(baseline_re2 *set, const char *text, int32_t length) {
    return best(set, text, length);
}

extern "C" int32_t baseline_re2_match(baseline_re2 *set, const char *text, int32_t length, int32_t *spans, int32_t maxCaptures) {
    int32_t chosen = best(set, text, length);
    if (chosen < 0) return chosen;
    const RE2 &re = *set->regexes[chosen];
    int n = re.NumberOfCapturingGroups();
    re2::StringPiece input(text, length);
    if (!RE2::FullMatchN(input, re, set->argPointers.data(), n)) return -1;
    for (int k = 0; k < n && k < maxCaptures; k++) {
        const re2::StringPiece &piece = set->pieces[k];
        spans[2 * k] = piece.data() ? static_cast<int32_t>(piece.data() - text) : -1;
        spans[2 * k + 1] = piece.data() ? static_cast<int32_t>(piece.data() - text + piece.size()) : -1;
    }
    return chosen;
}
