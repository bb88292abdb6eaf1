// umsg_format is variadic and reads each argument with the type its pattern implies (`{n}` a
// UChar*, `{n,number}` a double). The call is expanded at compile time for every argument count
// and type sequence up to 6 arguments; at run time a few branches pick the expansion, so each
// message is one direct umsg_format call with correctly typed arguments (no va_list tricks).
#include "baseline.h"
#include <unicode/umsg.h>
#include <unicode/ustring.h>
#include <malloc.h>

struct baseline_umsg { UMessageFormat *format; };

extern "C" baseline_umsg *baseline_umsg_open(const uint16_t *pattern, int32_t length, const char *locale, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UParseError parse;
    UMessageFormat *format = umsg_open(reinterpret_cast<const UChar *>(pattern), length, locale, &parse, &error);
    *status = error;
    if (U_FAILURE(error)) { if (format) umsg_close(format); return nullptr; }
    return new baseline_umsg{format};
}

extern "C" void baseline_umsg_close(baseline_umsg *format) {
    if (!format) return;
    umsg_close(format->format);
    delete format;
}

template <typename... A>
static int32_t expand(UMessageFormat *format, const baseline_arg *args, int32_t count, UChar *out, int32_t capacity,
                      UErrorCode *error, A... given) {
    constexpr int32_t k = sizeof...(A);
    if (k == count) return umsg_format(format, out, capacity, error, given...);
    if constexpr (k < 6) {
        if (args[k].kind == 0) {
            return expand(format, args, count, out, capacity, error, given..., reinterpret_cast<const UChar *>(args[k].text));
        }
        return expand(format, args, count, out, capacity, error, given..., args[k].number);
    } else {
        *error = U_ILLEGAL_ARGUMENT_ERROR;
        return -1;
    }
}

extern "C" int32_t baseline_umsg_format(baseline_umsg *format, const baseline_arg *args, int32_t count,
                                        uint16_t *utf16, int32_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    int32_t length = expand(format->format, args, count, reinterpret_cast<UChar *>(utf16), capacity, &error);
    *status = error;
    if (U_FAILURE(error) || length > capacity) return -1;
    return length;
}

extern "C" int32_t baseline_umsg_format_utf8(baseline_umsg *format, const baseline_arg *args, int32_t count,
                                             uint16_t *utf16, int32_t capacity16, char *utf8, int32_t capacity8,
                                             int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    int32_t length = expand(format->format, args, count, reinterpret_cast<UChar *>(utf16), capacity16, &error);
    if (U_FAILURE(error) || length > capacity16) { *status = error; return -1; }
    int32_t bytes = 0;
    u_strToUTF8(utf8, capacity8, &bytes, reinterpret_cast<const UChar *>(utf16), length, &error);
    *status = error;
    if (U_FAILURE(error) || bytes > capacity8) return -1;
    return bytes;
}

extern "C" int64_t baseline_heap_bytes(void) {
    struct mallinfo2 info = mallinfo2();
    return static_cast<int64_t>(info.uordblks + info.hblkhd);
}
