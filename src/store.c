#include "store.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xalloc.h"

#define READ_AHEAD (64 * 1024)
#define NO_REASON  UINT32_MAX

struct store {
    FILE *rows, *entries;
    uint64_t entries_len;
    size_t n;
    int error; /* errno of the first addition that could not be written */
};

/* A row on disk: this head, then the id and the reason, not NUL-terminated. */
struct row_head {
    uint64_t position, entry_at, entry_len;
    uint32_t id_len, reason_len; /* NO_REASON: not failed */
    struct prf counts[N_MODES][N_CATEGORIES];
    struct backend_usage usage;
};

/* An unlinked temporary file in $TMPDIR: nothing is left behind, whatever happens. */
static FILE *temporary(const char *dir, struct diag *d)
{
    struct buf path = BUF_INIT;
    buf_addf(&path, "%s/factbench-XXXXXX", dir);
    int fd = mkstemp(path.data);
    FILE *f = fd >= 0 ? fdopen(fd, "w+") : NULL;
    if (fd >= 0)
        unlink(path.data);
    if (!f) {
        diag_error(d, "cannot create a temporary file in '%s': %s", dir, strerror(errno));
        if (fd >= 0)
            close(fd);
    }
    buf_release(&path);
    return f;
}

struct store *store_new(struct diag *d)
{
    const char *dir = getenv("TMPDIR");
    if (!dir || !*dir)
        dir = "/tmp";
    struct store *s = xcalloc(1, sizeof(*s));
    s->rows = temporary(dir, d);
    s->entries = s->rows ? temporary(dir, d) : NULL;
    if (!s->entries) {
        store_free(s);
        return NULL;
    }
    return s;
}

void store_free(struct store *s)
{
    if (!s)
        return;
    if (s->rows)
        fclose(s->rows);
    if (s->entries)
        fclose(s->entries);
    free(s);
}

static void put(struct store *s, FILE *f, const void *data, size_t len)
{
    if (len && fwrite(data, 1, len, f) != len && !s->error)
        s->error = errno ? errno : EIO;
}

void store_add(struct store *s, const struct article_row *row, const char *entry, size_t len)
{
    struct row_head h;
    memset(&h, 0, sizeof(h));
    h.position = row->position;
    h.entry_at = s->entries_len;
    h.entry_len = len;
    h.id_len = (uint32_t)strlen(row->id);
    h.reason_len = row->reason ? (uint32_t)strlen(row->reason) : NO_REASON;
    for (int m = 0; m < N_MODES; m++)
        memcpy(h.counts[m], row->counts[m], sizeof(h.counts[m]));
    h.usage = row->usage;
    put(s, s->rows, &h, sizeof(h));
    put(s, s->rows, row->id, h.id_len);
    if (row->reason)
        put(s, s->rows, row->reason, h.reason_len);
    put(s, s->entries, entry, len);
    s->entries_len += len;
    s->n++;
}

size_t store_count(const struct store *s)
{
    return s->n;
}

fb_result store_check(const struct store *s, struct diag *d)
{
    if (!s->error)
        return FB_OK;
    diag_error(d, "cannot write a temporary file: %s", strerror(s->error));
    return FB_ERUNTIME;
}

/* ---- reading ---------------------------------------------------------------- */

/* Bytes [at, at + len) of the reader's file, read ahead in large pieces; NULL past the end. */
static const char *read_at(struct store_reader *r, uint64_t at, size_t len)
{
    if (at >= r->start && at + len <= r->start + r->data.len)
        return r->data.data + (at - r->start);
    size_t want = len > READ_AHEAD ? len : READ_AHEAD, got = 0;
    buf_reset(&r->data);
    buf_grow(&r->data, want);
    while (got < want) {
        ssize_t n = pread(r->fd, r->data.data + got, want - got, (off_t)(at + got));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        got += (size_t)n;
    }
    r->data.len = got;
    r->start = at;
    return got >= len ? r->data.data : NULL;
}

void store_open(struct store_cursor *c, struct store *s)
{
    memset(c, 0, sizeof(*c));
    c->store = s;
    if (fflush(s->rows) != 0 || fflush(s->entries) != 0)
        s->error = s->error ? s->error : errno;
    c->rows = (struct store_reader){fileno(s->rows), 0, BUF_INIT};
    c->entries = (struct store_reader){fileno(s->entries), 0, BUF_INIT};
    buf_init(&c->id);
    buf_init(&c->reason);
    buf_init(&c->entry);
}

bool store_next(struct store_cursor *c, struct article_row *row)
{
    struct row_head h;
    const char *p = read_at(&c->rows, c->at, sizeof(h));
    if (!p)
        return false;
    memcpy(&h, p, sizeof(h));
    size_t reason_len = h.reason_len == NO_REASON ? 0 : h.reason_len;
    p = read_at(&c->rows, c->at + sizeof(h), h.id_len + reason_len);
    if (!p)
        return false;
    buf_reset(&c->id);
    buf_add(&c->id, p, h.id_len);
    buf_reset(&c->reason);
    buf_add(&c->reason, p + h.id_len, reason_len);
    c->at += sizeof(h) + h.id_len + reason_len;
    c->entry_at = h.entry_at;
    c->entry_len = h.entry_len;
    row->id = c->id.data;
    row->reason = h.reason_len == NO_REASON ? NULL : c->reason.data;
    row->position = (size_t)h.position;
    row->usage = h.usage;
    for (int m = 0; m < N_MODES; m++) {
        struct prf all = {0, 0, 0};
        for (int k = 0; k < N_CATEGORIES; k++) {
            row->counts[m][k] = h.counts[m][k];
            prf_add(&all, h.counts[m][k]);
        }
        row->counts[m][SCORE_OVERALL] = all;
    }
    return true;
}

const char *store_entry(struct store_cursor *c, size_t *len)
{
    const char *p = read_at(&c->entries, c->entry_at, (size_t)c->entry_len);
    buf_reset(&c->entry);
    if (p)
        buf_add(&c->entry, p, (size_t)c->entry_len);
    *len = c->entry.len;
    return c->entry.data;
}

void store_close(struct store_cursor *c)
{
    buf_release(&c->rows.data);
    buf_release(&c->entries.data);
    buf_release(&c->id);
    buf_release(&c->reason);
    buf_release(&c->entry);
}
