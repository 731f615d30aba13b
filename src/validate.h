/*
 * validate.h - checking a corpus and its gold annotations together.
 */
#ifndef FB_VALIDATE_H
#define FB_VALIDATE_H

#include <stddef.h>

#include "diag.h"
#include "result.h"

struct validate_summary {
    size_t articles;     /* articles read without error */
    size_t gold_files;   /* gold files read without error */
    size_t without_gold; /* articles that have no gold file */
};

/*
 * Reads every article of the corpus at corpus_path and the gold file of each
 * from gold_dir, checking every rule of SPEC sections 2 and 3; then looks
 * for gold files without an article. Reports every problem to d: errors
 * for broken files, duplicate ids and gold without an article, warnings
 * for articles without gold. Returns FB_EINPUT when any error was found.
 */
fb_result validate_corpus(const char *corpus_path, const char *gold_dir,
                          struct validate_summary *sum, struct diag *d);

#endif
