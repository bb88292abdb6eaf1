#ifndef ICUSHIM_FORMAT_H
#define ICUSHIM_FORMAT_H
// The formatter's window onto the system ICU. Only <stdint.h> types and opaque handles appear here:
// Swift modules that import this header must never see ICU's own headers (they clash with
// Foundation's bundled ICU). Every function is a thin pass-through; the logic lives in Swift.
//
// Conventions: text goes in as UTF-16 (pointer + length in code units), text comes back as UTF-8
// (converted with u_strToUTF8). Functions return 0 on success or the ICU UErrorCode (> 0) on
// failure; icushim_error_name gives its name. Locale arguments are BCP 47 tags ("de-AT") or ICU
// names ("de_AT").
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// ICU's name for an error code ("U_ILLEGAL_ARGUMENT_ERROR"). Exists so Swift errors can carry the
/// name without Swift ever seeing UErrorCode. The string is static.
const char *icushim_error_name(int32_t code);

// MARK: - Number symbols

/// What ICU's default decimal format (NumberFormat::createInstance, the format MessageFormat uses
/// for `{n}`, `{n, number}` and `#`) needs to render an integer. Exists so Swift can render
/// integers byte-identically to ICU without a call into ICU per number. Strings are UTF-8, NUL
/// terminated.
typedef struct icushim_number_symbols {
    char grouping_separator[16];
    char decimal_separator[16];
    /// The affixes as ICU applies them (minus sign, bidi marks …), symbols already resolved.
    char positive_prefix[32];
    char positive_suffix[32];
    char negative_prefix[32];
    char negative_suffix[32];
    /// The ten digit symbols of the locale's default numbering system, "0" … "9".
    char digits[10][8];
    int32_t grouping_used;
    int32_t primary_grouping;
    int32_t secondary_grouping;
    /// As reported by DecimalFormat (may be <= 1 meaning "always group").
    int32_t minimum_grouping_digits;
} icushim_number_symbols;

/// Fills `out` for `locale`. Exists because the symbols and grouping sizes live in ICU's
/// DecimalFormat/DecimalFormatSymbols (C++ only for the affixes and grouping attributes).
int32_t icushim_number_symbols_get(const char *locale, icushim_number_symbols *out);

/// Formats `value` with ICU's default decimal format for `locale` into `buffer` (UTF-8). Exists as
/// the reference the Swift integer renderer is tested against. `*length` receives the byte length
/// (the needed length when it returns U_BUFFER_OVERFLOW_ERROR).
int32_t icushim_number_format_int64(const char *locale, int64_t value, char *buffer, int32_t capacity,
                                    int32_t *length);

// MARK: - Plural rules

typedef struct icushim_plural_rules icushim_plural_rules;

/// Opens cardinal (`ordinal` = 0) or ordinal (`ordinal` = 1) plural rules for `locale`. Exists
/// because the uplrules_* names are macros Swift cannot call. The handle is immutable and may be
/// shared between threads.
int32_t icushim_plural_rules_open(const char *locale, int32_t ordinal, icushim_plural_rules **out);
void icushim_plural_rules_close(icushim_plural_rules *rules);

/// The keyword (ASCII: zero, one, two, few, many, other) for an integer, exactly (no rounding
/// through double even beyond 2^53). Exists because uplrules_select takes a double.
int32_t icushim_plural_select_int64(const icushim_plural_rules *rules, int64_t value, char *keyword,
                                    int32_t capacity);

/// The keyword for a double as MessageFormat selects it: the number is first formatted with the
/// default decimal format of the rules' locale (at most 3 fraction digits, half-even), and the
/// rules see that visible decimal. Exists because uplrules_select(double) would see every digit.
int32_t icushim_plural_select_double(const icushim_plural_rules *rules, double value, char *keyword,
                                     int32_t capacity);

// MARK: - MessageFormat (named arguments)

/// One argument value for MessageFormat. `kind`: 0 string (UTF-16 `text`/`length`), 1 int64
/// (`integer`), 2 double (`number`), 3 date (`number` = milliseconds since 1970, UTC).
typedef struct icushim_arg {
    int32_t kind;
    int32_t length;
    const uint16_t *text;
    int64_t integer;
    double number;
} icushim_arg;

enum {
    ICUSHIM_ARG_STRING = 0,
    ICUSHIM_ARG_INT64 = 1,
    ICUSHIM_ARG_DOUBLE = 2,
    ICUSHIM_ARG_DATE = 3,
};

/// An argument name (UTF-16).
typedef struct icushim_name {
    const uint16_t *text;
    int32_t length;
} icushim_name;

typedef struct icushim_message_format icushim_message_format;

/// Compiles `pattern` with icu::MessageFormat for `locale`. Exists because ICU's C API (umsg_*) is
/// positional only and binds a named argument to argument 0 silently; the C++ class supports names.
/// This is the reference implementation (test oracle, benchmark baseline) and the formatter of the
/// rare argument kinds the Swift renderer leaves to ICU. NOT thread-safe: ICU builds sub-formatters
/// lazily; use one handle per thread at a time. `*errorOffset` receives the parse error offset.
int32_t icushim_mf_open(const uint16_t *pattern, int32_t length, const char *locale,
                        icushim_message_format **out, int32_t *errorOffset);
void icushim_mf_close(icushim_message_format *format);

/// Formats with named arguments (`names[i]` goes with `args[i]`) into `buffer` as UTF-8. Exists
/// to keep the Formattable/UnicodeString construction out of Swift. `*length` receives the byte
/// length, or the needed length when the result is U_BUFFER_OVERFLOW_ERROR (call again with a
/// larger buffer).
int32_t icushim_mf_format_named(icushim_message_format *format, const icushim_name *names,
                                const icushim_arg *args, int32_t count, char *buffer, int32_t capacity,
                                int32_t *length);

/// Formats with positional arguments (`{0}` …). Exists for the single-argument fallback formatter
/// (`{0,date,short}`), where names would only cost time.
int32_t icushim_mf_format_positional(icushim_message_format *format, const icushim_arg *args,
                                     int32_t count, char *buffer, int32_t capacity, int32_t *length);

#ifdef __cplusplus
}
#endif
#endif
