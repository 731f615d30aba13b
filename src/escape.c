#include "escape.h"

#include <stdbool.h>
#include <string.h>

static bool html_entity(struct buf *out, char c)
{
    switch (c) {
    case '&':
        buf_adds(out, "&amp;");
        return true;
    case '<':
        buf_adds(out, "&lt;");
        return true;
    case '>':
        buf_adds(out, "&gt;");
        return true;
    case '"':
        buf_adds(out, "&quot;");
        return true;
    case '\'':
        buf_adds(out, "&#39;");
        return true;
    default:
        return false;
    }
}

void escape_html(struct buf *out, const char *s)
{
    for (; *s; s++)
        if (!html_entity(out, *s))
            buf_addc(out, *s);
}

void escape_xml(struct buf *out, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (html_entity(out, *s))
            continue;
        if (c < 0x20 && c != '\t' && c != '\n')
            buf_adds(out, "\xEF\xBF\xBD"); /* U+FFFD: XML cannot carry it */
        else
            buf_addc(out, *s);
    }
}

void escape_csv(struct buf *out, const char *s)
{
    bool formula = strchr("=+-@\t", *s) && *s;
    bool quote = formula || strpbrk(s, ",\"\r\n") != NULL;
    if (quote)
        buf_addc(out, '"');
    if (formula)
        buf_addc(out, '\'');
    for (; *s; s++) {
        if (*s == '"')
            buf_addc(out, '"');
        buf_addc(out, *s);
    }
    if (quote)
        buf_addc(out, '"');
}

void escape_md(struct buf *out, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '|':
        case '\\':
        case '`':
        case '*':
        case '_':
        case '[':
        case ']':
            buf_addc(out, '\\');
            buf_addc(out, *s);
            break;
        case '<':
            buf_adds(out, "&lt;");
            break;
        case '>':
            buf_adds(out, "&gt;");
            break;
        case '&':
            buf_adds(out, "&amp;");
            break;
        case '\n':
        case '\r':
            buf_addc(out, ' ');
            break;
        default:
            buf_addc(out, *s);
        }
    }
}
