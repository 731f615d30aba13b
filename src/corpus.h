/*
 * corpus.h - reading a corpus one article at a time.
 *
 * A corpus is a directory of <id>.txt and *.jsonl files, or a single .txt or
 * .jsonl file (SPEC section 2). Directory entries are read in byte order of
 * their names, so every run sees the articles in the same order. Files with
 * other endings and hidden files are ignored, so a README can sit beside the
 * articles. JSON Lines files are read line by line: memory does not grow
 * with the number of lines.
 */
#ifndef FB_CORPUS_H
#define FB_CORPUS_H

#include "article.h"
#include "bounds.h"
#include "diag.h"
#include "result.h"

typedef struct corpus corpus;

/*
 * Opens the corpus at path. Returns NULL after reporting to d when it cannot
 * be read at all.
 */
corpus *corpus_open(const char *path, struct diag *d);

/*
 * Sets the limits articles are read with (bounds.h; the defaults until
 * then): an article larger than b->article_bytes (a .txt file, or a line of
 * a .jsonl file, which is never held whole) and a line nested deeper than
 * b->depth are errors of that entry. b is copied.
 */
void corpus_set_bounds(corpus *c, const struct bounds *b);

/*
 * Reads the next article into *a. Returns FB_OK with *a filled, FB_END when
 * there are no more, or FB_EINPUT when one entry was bad: the problem is
 * reported to d, a->id is the bad entry's id when it has a valid one (else
 * NULL), and the next call goes on after it. The strings of *a
 * belong to the corpus and stay valid until the next call or corpus_close().
 */
fb_result corpus_next(corpus *c, struct article *a, struct diag *d);

void corpus_close(corpus *c);

/*
 * About how many articles the corpus at path holds, for progress displays:
 * its .txt files plus the lines of its .jsonl files (blank and bad lines
 * included). Reads the JSON Lines files once; 0 when path cannot be read.
 */
size_t corpus_estimate(const char *path);

#endif
