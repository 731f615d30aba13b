/*
 * validate.h - checking a corpus and its gold annotations together.
 */
#ifndef FB_VALIDATE_H
#define FB_VALIDATE_H

#include <stddef.h>
#include <stdio.h>

#include "diag.h"
#include "gold.h"
#include "result.h"

/* Corpus statistics of a group of articles (a domain, say). */
struct corpus_group {
    char *name;
    size_t articles;
    size_t words;                  /* blank-separated tokens of the article texts */
    size_t items[N_CATEGORIES];    /* gold items, optional ones included */
    size_t optional[N_CATEGORIES]; /* of which optional */
};

struct validate_summary {
    size_t articles;     /* articles read without error */
    size_t gold_files;   /* gold files read without error */
    size_t without_gold; /* articles that have no gold file */
    /* Per group of the groups file, in its order, then "(ungrouped)" for
     * articles in no group; without a groups file, one group "all". */
    struct corpus_group *groups;
    size_t n_groups;
};

/*
 * Reads every article of the corpus at corpus_path and the gold file of each
 * from gold_dir, checking every rule of SPEC sections 2 and 3; then looks
 * for gold files without an article. Reports every problem to d: errors
 * for broken files, duplicate ids and gold without an article, warnings
 * for articles without gold. Returns FB_EINPUT when any error was found.
 *
 * groups_path, when not NULL, names a JSON file {"group": ["id", ...], ...}
 * that sorts articles into groups for the statistics. limits are those a
 * run would apply (a config file's), NULL for the defaults. Release the
 * summary with validate_summary_release().
 */
struct bounds;
fb_result validate_corpus(const char *corpus_path, const char *gold_dir, const char *groups_path,
                          const struct bounds *limits, struct validate_summary *sum,
                          struct diag *d);

void validate_summary_release(struct validate_summary *sum);

/* Prints the statistics of the summary as a Markdown table, with a total row. */
void validate_print_stats(const struct validate_summary *sum, FILE *out);

#endif
