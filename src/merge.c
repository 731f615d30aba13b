#include "merge.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "report.h"
#include "xalloc.h"

/* Checks that shard s fits the first one read; reports why not. */
static bool fits(const struct eval *first, const struct eval *s, const char *path,
                 const char *first_path, struct diag *d)
{
    if (!s->shard.count) {
        diag_error(d, "%s: not a shard report (it has no .shard)", path);
        return false;
    }
    if (s->shard.count != first->shard.count) {
        diag_error(d, "%s: shard %u of %u, but '%s' is one of %u", path, s->shard.index,
                   s->shard.count, first_path, first->shard.count);
        return false;
    }
    if (strcmp(s->corpus_fingerprint, first->corpus_fingerprint) != 0) {
        diag_error(d, "%s: a shard of another corpus than '%s' (fingerprint %s, not %s)", path,
                   first_path, s->corpus_fingerprint, first->corpus_fingerprint);
        return false;
    }
    if (strcmp(s->config_fingerprint, first->config_fingerprint) != 0) {
        diag_error(d, "%s: run with other settings or backends than '%s'", path, first_path);
        return false;
    }
    if (s->n_runs != first->n_runs) {
        diag_error(d, "%s: %zu backends, but '%s' has %zu", path, s->n_runs, first_path,
                   first->n_runs);
        return false;
    }
    for (size_t b = 0; b < s->n_runs; b++)
        if (strcmp(s->runs[b].name, first->runs[b].name) != 0) {
            diag_error(d, "%s: backend %zu is '%s', in '%s' it is '%s'", path, b, s->runs[b].name,
                       first_path, first->runs[b].name);
            return false;
        }
    return true;
}

/* Backend b's articles of every shard, in corpus order: each shard's are in order already. */
static void merge_articles(struct backend_run *to, struct eval *shards, size_t n, size_t b)
{
    struct store_cursor *c = xcalloc(n, sizeof(*c));
    struct article_row *row = xcalloc(n, sizeof(*row));
    bool *more = xcalloc(n, sizeof(*more));
    for (size_t i = 0; i < n; i++) {
        store_open(&c[i], shards[i].runs[b].articles);
        more[i] = store_next(&c[i], &row[i]);
    }
    for (;;) {
        size_t next = n, len;
        for (size_t i = 0; i < n; i++)
            if (more[i] && (next == n || row[i].position < row[next].position))
                next = i;
        if (next == n)
            break;
        const char *entry = store_entry(&c[next], &len);
        store_add(to->articles, &row[next], entry, len);
        to->n_articles++;
        more[next] = store_next(&c[next], &row[next]);
    }
    for (size_t i = 0; i < n; i++)
        store_close(&c[i]);
    free(c);
    free(row);
    free(more);
}

static fb_result start_from(struct eval *e, const struct eval *first, struct diag *d)
{
    e->cfg = first->cfg;
    e->corpus_path = xstrdup(first->corpus_path);
    e->gold_dir = xstrdup(first->gold_dir);
    memcpy(e->corpus_fingerprint, first->corpus_fingerprint, sizeof(e->corpus_fingerprint));
    memcpy(e->config_fingerprint, first->config_fingerprint, sizeof(e->config_fingerprint));
    e->n_runs = first->n_runs;
    e->runs = xcalloc(e->n_runs, sizeof(*e->runs));
    for (size_t b = 0; b < e->n_runs; b++) {
        if (eval_run_init(&e->runs[b], first->runs[b].name, first->runs[b].spec, d) != FB_OK)
            return FB_ERUNTIME;
        e->runs[b].external = first->runs[b].external;
    }
    return FB_OK;
}

fb_result merge_shards(const char *const *dirs, size_t n, struct eval *e, struct diag *d)
{
    memset(e, 0, sizeof(*e));
    struct eval *shards = xcalloc(n, sizeof(*shards));
    char **paths = xcalloc(n, sizeof(*paths));
    bool ok = true;
    for (size_t i = 0; i < n; i++) {
        struct buf p = BUF_INIT;
        buf_addf(&p, "%s/report.json", dirs[i]);
        paths[i] = buf_detach(&p, NULL);
        ok = report_read(paths[i], &shards[i], d) == FB_OK && ok;
    }
    bool *seen = NULL;
    for (size_t i = 0; ok && i < n; i++) {
        ok = fits(&shards[0], &shards[i], paths[i], paths[0], d);
        if (!ok)
            break;
        if (!seen)
            seen = xcalloc(shards[0].shard.count, sizeof(*seen));
        if (seen[shards[i].shard.index]) {
            diag_error(d, "%s: shard %u/%u given twice", paths[i], shards[i].shard.index,
                       shards[i].shard.count);
            ok = false;
        }
        seen[shards[i].shard.index] = true;
    }
    for (unsigned k = 0; ok && k < shards[0].shard.count; k++)
        if (!seen[k]) {
            diag_error(d, "shard %u/%u is missing", k, shards[0].shard.count);
            ok = false;
        }
    fb_result rc = ok ? start_from(e, &shards[0], d) : FB_EINPUT;
    for (size_t b = 0; rc == FB_OK && b < e->n_runs; b++) {
        merge_articles(&e->runs[b], shards, n, b);
        for (size_t i = 0; i < n; i++)
            eval_add_totals(&e->runs[b], &shards[i].runs[b]);
        rc = store_check(e->runs[b].articles, d);
    }
    for (size_t i = 0; rc == FB_OK && i < n; i++)
        e->n_articles += shards[i].n_articles;
    if (rc == FB_OK)
        eval_finish(e);
    else
        eval_release(e);
    for (size_t i = 0; i < n; i++) {
        eval_release(&shards[i]);
        free(paths[i]);
    }
    free(shards);
    free(paths);
    free(seen);
    return rc;
}
