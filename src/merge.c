#include "merge.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "report.h"
#include "xalloc.h"

static int by_position(const void *x, const void *y)
{
    const struct article_result *a = x, *b = y;
    return (a->position > b->position) - (a->position < b->position);
}

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

/* Moves the articles of shard s into e, backend by backend. */
static void take(struct eval *e, struct eval *s)
{
    for (size_t b = 0; b < e->n_runs; b++) {
        struct backend_run *to = &e->runs[b], *from = &s->runs[b];
        for (size_t i = 0; i < from->n_articles; i++) {
            XGROW(to->articles, to->cap_articles, to->n_articles + 1);
            to->articles[to->n_articles++] = from->articles[i];
        }
        to->failed += from->failed;
        to->cache_hits += from->cache_hits;
        to->cache_misses += from->cache_misses;
        from->n_articles = 0; /* moved */
    }
    e->n_articles += s->n_articles;
}

static void start_from(struct eval *e, const struct eval *first)
{
    e->cfg = first->cfg;
    e->corpus_path = xstrdup(first->corpus_path);
    e->gold_dir = xstrdup(first->gold_dir);
    memcpy(e->corpus_fingerprint, first->corpus_fingerprint, sizeof(e->corpus_fingerprint));
    memcpy(e->config_fingerprint, first->config_fingerprint, sizeof(e->config_fingerprint));
    e->n_runs = first->n_runs;
    e->runs = xcalloc(e->n_runs, sizeof(*e->runs));
    for (size_t b = 0; b < e->n_runs; b++) {
        e->runs[b].name = xstrdup(first->runs[b].name);
        e->runs[b].spec = xstrdup(first->runs[b].spec);
        e->runs[b].external = first->runs[b].external;
    }
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
    if (ok) {
        start_from(e, &shards[0]);
        for (size_t i = 0; i < n; i++)
            take(e, &shards[i]);
        for (size_t b = 0; b < e->n_runs; b++)
            qsort(e->runs[b].articles, e->runs[b].n_articles, sizeof(struct article_result),
                  by_position);
        eval_finish(e);
    }
    for (size_t i = 0; i < n; i++) {
        eval_release(&shards[i]);
        free(paths[i]);
    }
    free(shards);
    free(paths);
    free(seen);
    return ok ? FB_OK : FB_EINPUT;
}
