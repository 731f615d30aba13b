/*
 * store.h - a backend's per-article results, kept in temporary files.
 *
 * An evaluation holds nothing per article in memory, so that it scores any
 * number of articles in flat memory. Each article's result is appended, as
 * it is scored, to two unlinked temporary files: a compact row (id,
 * position, failure reason, counts) that the statistics and the reports'
 * tables read, and the article's entry of report.json (its per_article
 * object as one line of JSON) that report.json and the drill-down copy.
 * Cursors read a store from the start in the order articles were added;
 * any number may read at once.
 */
#ifndef FB_STORE_H
#define FB_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "diag.h"
#include "result.h"
#include "backend.h"
#include "score.h"

struct article_row {
    const char *id;
    const char *reason; /* why the backend failed the article, or NULL */
    size_t position;    /* the article's place in the corpus */
    struct prf counts[N_MODES][N_SCORES];
    struct backend_usage usage; /* what the article cost, when the backend measured it */
};

struct store;

/*
 * A new, empty store whose files are in $TMPDIR (default /tmp). NULL, with
 * "cannot create a temporary file in 'dir': reason" reported, on failure.
 */
struct store *store_new(struct diag *d);
void store_free(struct store *s);

/*
 * Appends an article: its row (the overall counts are ignored: a row keeps
 * the categories and sums them when read) and its entry of len bytes.
 */
void store_add(struct store *s, const struct article_row *row, const char *entry, size_t len);

size_t store_count(const struct store *s);

/*
 * FB_OK, or FB_ERUNTIME with "cannot write a temporary file: reason"
 * reported when an addition could not be written (a full disk).
 */
fb_result store_check(const struct store *s, struct diag *d);

struct store_reader {
    int fd;
    uint64_t start; /* file offset of data[0] */
    struct buf data;
};

struct store_cursor {
    struct store *store;
    uint64_t at; /* offset of the next row */
    struct store_reader rows, entries;
    uint64_t entry_at, entry_len; /* of the article last read */
    struct buf id, reason, entry;
};

/* Opens a cursor before the first article of s (which must not change while it is open). */
void store_open(struct store_cursor *c, struct store *s);
/* Reads the next article into *row (its strings last until the next call); false at the end. */
bool store_next(struct store_cursor *c, struct article_row *row);
/* The report.json entry of the article last read, NUL-terminated, with its length in *len. */
const char *store_entry(struct store_cursor *c, size_t *len);
void store_close(struct store_cursor *c);

#endif
