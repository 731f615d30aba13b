#include "text.h"

#include <string.h>
#include <sys/types.h>
#include <utf8proc.h>

struct text_pos text_pos_of(const char *text, size_t len, size_t offset)
{
    struct text_pos p = {1, 1};
    if (offset > len)
        offset = len;
    for (size_t i = 0; i < offset; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == '\n') {
            p.line++;
            p.col = 1;
        } else if ((c & 0xC0) != 0x80) {
            p.col++; /* continuation bytes belong to the character before */
        }
    }
    return p;
}

bool text_valid_utf8(const char *text, size_t len, size_t *bad)
{
    const utf8proc_uint8_t *s = (const utf8proc_uint8_t *)text;
    size_t i = 0;
    while (i < len) {
        utf8proc_int32_t cp;
        if (s[i] < 0x80) { /* fast path for ASCII */
            if (s[i] == 0)
                goto fail;
            i++;
            continue;
        }
        utf8proc_ssize_t n = utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0 || cp < 0)
            goto fail;
        i += (size_t)n;
    }
    return true;
fail:
    if (bad)
        *bad = i;
    return false;
}

bool text_contains(const char *hay, size_t hlen, const char *needle, size_t nlen)
{
    if (nlen == 0 || nlen > hlen)
        return false;
    const char *end = hay + hlen - nlen;
    for (const char *p = hay; p <= end; p++) {
        p = memchr(p, needle[0], (size_t)(end - p) + 1);
        if (!p)
            return false;
        if (memcmp(p, needle, nlen) == 0)
            return true;
    }
    return false;
}
