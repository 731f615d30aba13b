/*
 * article.h - one article of a corpus, and what makes an article id.
 */
#ifndef FB_ARTICLE_H
#define FB_ARTICLE_H

#include <stdbool.h>
#include <stddef.h>

#include "date.h"

/* Longest article id (SPEC section 2). */
#define ARTICLE_ID_MAX 128

struct article {
    const char *id;
    const char *text; /* the whole text handed to backends, NUL-terminated */
    size_t text_len;
    bool has_published;
    struct fb_date published; /* a full date when has_published */
    const char *title;        /* or NULL */
    const char *source;       /* where it came from, for messages: "corpus/a.txt", "c.jsonl:12" */
};

/*
 * Whether id matches [A-Za-z0-9][A-Za-z0-9._-]{0,127}: the ids that are safe
 * as file names (no separators, never "." or "..", never hidden).
 */
bool article_id_valid(const char *id);

#endif
