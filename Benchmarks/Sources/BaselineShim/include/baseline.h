#ifndef BASELINE_SHIM_H
#define BASELINE_SHIM_H
// The benchmarks' baselines (ICU's C API umsg_format, RE2) behind an extern "C" facade with only
// <stdint.h> types and opaque handles, so Swift modules that also import Foundation never see ICU's
// or RE2's headers. Pass-throughs only; the benchmarks decide what to measure.
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

// MARK: - ICU umsg_format (positional arguments)

typedef struct baseline_umsg baseline_umsg;

/// umsg_open on a UTF-16 pattern with numbered arguments. NULL on failure (*status = UErrorCode).
baseline_umsg *baseline_umsg_open(const uint16_t *pattern, int32_t length, const char *locale, int32_t *status);
void baseline_umsg_close(baseline_umsg *format);

/// One positional argument as umsg_format's va_list reads it: kind 0 is `{n}` (a NUL-terminated
/// UTF-16 string, read as UChar*), kind 1 is `{n,number}` (read as a double).
typedef struct baseline_arg {
    const uint16_t *text;
    double number;
    int32_t kind;
} baseline_arg;

/// umsg_format with `count` (≤ 6) arguments into `utf16` (capacity in code units); returns the
/// UTF-16 length, or -1 (*status set).
int32_t baseline_umsg_format(baseline_umsg *format, const baseline_arg *args, int32_t count,
                             uint16_t *utf16, int32_t capacity, int32_t *status);
/// The same, then u_strToUTF8 into `utf8` (capacity in bytes); returns the UTF-8 length, or -1.
int32_t baseline_umsg_format_utf8(baseline_umsg *format, const baseline_arg *args, int32_t count,
                                  uint16_t *utf16, int32_t capacity16, char *utf8, int32_t capacity8,
                                  int32_t *status);

// MARK: - RE2: RE2::Set to identify, the matching RE2 to extract

typedef struct baseline_re2 baseline_re2;

/// An empty set (anchored at both ends; max_mem `maxMemory` bytes for the set and each RE2).
baseline_re2 *baseline_re2_new(int64_t maxMemory);
void baseline_re2_free(baseline_re2 *set);
/// Adds a pattern (UTF-8) with a rank (higher wins when several templates match). Returns its
/// index, or -1 if RE2 rejects it (`error` gets RE2's message, NUL terminated, if not NULL).
int32_t baseline_re2_add(baseline_re2 *set, const char *pattern, int32_t length, int32_t rank,
                         char *error, int32_t errorCapacity);
/// Compiles the set (after all adds). 1 on success.
int32_t baseline_re2_compile(baseline_re2 *set);
/// Compiles only the RE2::Set, not the per-template RE2s (for the compile-cost figures).
int32_t baseline_re2_compile_set_only(baseline_re2 *set);
/// Identifies the best-ranked matching template and extracts its captures as byte offsets
/// (spans[2k], spans[2k+1]) into `text`. Returns the template index, -1 for no match, -2 if the
/// set's DFA ran out of memory. Not thread-safe (reuses one vector).
int32_t baseline_re2_match(baseline_re2 *set, const char *text, int32_t length, int32_t *spans, int32_t maxCaptures);
/// Identify only (the set's match, best rank), no extraction.
int32_t baseline_re2_identify(baseline_re2 *set, const char *text, int32_t length);

// MARK: - Heap

/// Bytes currently allocated through malloc (mallinfo2: uordblks + hblkhd).
int64_t baseline_heap_bytes(void);

#ifdef __cplusplus
}
#endif
#endif
