/*
 * builtin.h - the built-in rule-based extractor.
 *
 * Finds actors, counts, dates and claims in one article with hand-written
 * rules (PCRE2 patterns and small scanners): names of people and
 * organisations with their titles and aliases, counts in digits and words,
 * dates absolute and relative to the publication date, and attributed
 * statements. Its rules were written on the development half of the shipped
 * corpus only (corpus/README.md names the held-out half).
 */
#ifndef FB_BUILTIN_H
#define FB_BUILTIN_H

#include "article.h"
#include "diag.h"
#include "gold.h"

typedef struct builtin builtin;

/* Compiles the rules. Returns NULL after reporting to d if that fails. */
builtin *builtin_new(struct diag *d);

/*
 * Extracts the items of one article. Returns a new document (free it with
 * gold_free()) whose `article` is a->id. Never fails on any input text.
 */
struct gold_doc *builtin_extract(builtin *b, const struct article *a);

void builtin_free(builtin *b);

#endif
