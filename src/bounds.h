/*
 * bounds.h - the resource limits on what factbench reads.
 *
 * Articles, backend responses, predictions and gold files can be as large or
 * as deep as whoever wrote them liked; these limits keep one hostile or
 * broken input from exhausting memory, time or the stack. Each is a
 * setting under "limits" in the config file and a flag of `factbench run`
 * (docs/RELIABILITY.md). Going over one fails only what went over: an
 * article's response, or (for the corpus and gold, which are inputs) is an
 * input error that names the file.
 */
#ifndef FB_BOUNDS_H
#define FB_BOUNDS_H

#include <stddef.h>

struct bounds {
    size_t article_bytes;  /* an article: a .txt file, or one line of a .jsonl file */
    size_t response_bytes; /* one backend's response for one article */
    size_t items;          /* items of one category in a gold file or a prediction */
    int depth;             /* nesting of arrays and objects in gold, predictions, corpus lines */
};

/* 16 MiB articles and responses, SCORE_MAX_ITEMS items, 64 levels. */
extern const struct bounds bounds_defaults;

/* b, or the defaults when b is NULL. */
const struct bounds *bounds_or_defaults(const struct bounds *b);

#endif
