/*
 * report_read.c - reading report.json back (compare, merge, gates, plots).
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "buf.h"
#include "fileio.h"
#include "json.h"
#include "report.h"
#include "xalloc.h"

/* Descends into key of o (pushing ".key" on the path); reports a missing key. */
static const cJSON *get(struct json_where *r, const cJSON *o, const char *key, size_t *mark)
{
    *mark = r->path.len;
    buf_addf(&r->path, ".%s", key);
    const cJSON *v = cJSON_IsObject(o) ? cJSON_GetObjectItemCaseSensitive(o, key) : NULL;
    if (!v)
        json_where_error(r, "missing");
    return v;
}

static void up(struct json_where *r, size_t mark)
{
    buf_truncate(&r->path, mark);
}

static int64_t count(struct json_where *r, const cJSON *o, const char *key)
{
    size_t mark;
    const cJSON *v = get(r, o, key, &mark);
    int64_t n = 0;
    if (v && !json_is_count(v))
        json_where_error(r, "expected a non-negative integer");
    else if (v)
        n = (int64_t)v->valuedouble;
    up(r, mark);
    return n;
}

static const char *string(struct json_where *r, const cJSON *o, const char *key)
{
    size_t mark;
    const cJSON *v = get(r, o, key, &mark);
    const char *s = "";
    if (v && !cJSON_IsString(v))
        json_where_error(r, "expected a string");
    else if (v)
        s = v->valuestring;
    up(r, mark);
    return s;
}

static void read_counts(struct json_where *r, const cJSON *scores, struct prf c[N_MODES][N_SCORES])
{
    for (int m = 0; m < N_MODES; m++) {
        size_t mark_m, mark_c;
        const cJSON *mode = get(r, scores, mode_names[m], &mark_m);
        for (int k = 0; mode && k < N_SCORES; k++) {
            const cJSON *cat = get(r, mode, score_names[k], &mark_c);
            if (cat) {
                c[m][k].tp = count(r, cat, "tp");
                c[m][k].fp = count(r, cat, "fp");
                c[m][k].fn = count(r, cat, "fn");
            }
            up(r, mark_c);
        }
        up(r, mark_m);
    }
}

static void read_breakdown(struct json_where *r, const cJSON *o, struct breakdown *b)
{
    for (int c = 0; c < N_CATEGORIES; c++) {
        size_t mark, mark_a, mark_x;
        const cJSON *cat = get(r, o, category_names[c], &mark);
        if (cat) {
            b[c].correct = (long)count(r, cat, "correct");
            b[c].partial = (long)count(r, cat, "partial");
            b[c].missing = (long)count(r, cat, "missing");
            b[c].spurious = (long)count(r, cat, "spurious");
            const cJSON *attrs = get(r, cat, "attributes", &mark_a);
            for (int k = 0; attrs && k < MATCH_MAX_ATTRS; k++) {
                const cJSON *a = get(r, attrs, matchers[c]->attr_names[k], &mark_x);
                if (a) {
                    b[c].agree[k] = (long)count(r, a, "agree");
                    b[c].compared[k] = (long)count(r, a, "compared");
                }
                up(r, mark_x);
            }
            up(r, mark_a);
        }
        up(r, mark);
    }
}

/* The optional cost of an article: {"latency_ms", "prompt_tokens"?, "completion_tokens"?}. */
static void read_usage(struct json_where *r, const cJSON *o, struct backend_usage *u)
{
    u->prompt_tokens = u->completion_tokens = -1;
    const cJSON *usage = cJSON_GetObjectItemCaseSensitive(o, "usage");
    if (!usage)
        return;
    size_t mark = r->path.len;
    buf_adds(&r->path, ".usage");
    const cJSON *latency = cJSON_GetObjectItemCaseSensitive(usage, "latency_ms");
    if (!cJSON_IsObject(usage) || !cJSON_IsNumber(latency) || !(latency->valuedouble >= 0) ||
        !isfinite(latency->valuedouble)) { /* 1e999: infinite, written back as null */
        json_where_error(r, "expected {\"latency_ms\": a non-negative number, ...}");
    } else {
        u->known = true;
        u->latency_ms = latency->valuedouble;
        if (cJSON_GetObjectItemCaseSensitive(usage, "prompt_tokens"))
            u->prompt_tokens = count(r, usage, "prompt_tokens");
        if (cJSON_GetObjectItemCaseSensitive(usage, "completion_tokens"))
            u->completion_tokens = count(r, usage, "completion_tokens");
    }
    up(r, mark);
}

static void read_article(struct json_where *r, const cJSON *o, struct backend_run *run)
{
    struct article_result result, *a = &result;
    memset(a, 0, sizeof(*a));
    a->id = xstrdup(string(r, o, "article"));
    a->position = (size_t)count(r, o, "position");
    const cJSON *failed = cJSON_GetObjectItemCaseSensitive(o, "failed");
    if (!cJSON_IsBool(failed)) {
        size_t mark = r->path.len;
        buf_adds(&r->path, ".failed");
        json_where_error(r, "expected true or false");
        up(r, mark);
    } else if (cJSON_IsTrue(failed)) {
        a->reason = xstrdup(string(r, o, "reason"));
    }
    size_t mark;
    const cJSON *scores = get(r, o, "scores", &mark);
    if (scores)
        read_counts(r, scores, a->counts);
    up(r, mark);
    const cJSON *breakdown = get(r, o, "breakdown", &mark);
    if (breakdown)
        read_breakdown(r, breakdown, a->breakdown);
    up(r, mark);
    const cJSON *errors = cJSON_GetObjectItemCaseSensitive(o, "errors");
    if (cJSON_IsObject(errors))
        a->errors = (cJSON *)errors; /* borrowed for eval_add() */
    read_usage(r, o, &a->usage);
    eval_add(run, a);
    free(a->id);
    free(a->reason);
}

static void read_backend(struct json_where *r, const cJSON *o, struct backend_run *run)
{
    const char *name = string(r, o, "name");
    const cJSON *spec = cJSON_GetObjectItemCaseSensitive(o, "spec");
    if (eval_run_init(run, name, cJSON_IsString(spec) ? spec->valuestring : name, r->d) != FB_OK) {
        r->failed = true;
        return;
    }
    const cJSON *cache = cJSON_GetObjectItemCaseSensitive(o, "cache");
    if (cJSON_IsObject(cache)) {
        run->external = true;
        size_t mark = r->path.len;
        buf_adds(&r->path, ".cache");
        run->cache_hits = (size_t)count(r, cache, "hits");
        run->cache_misses = (size_t)count(r, cache, "misses");
        up(r, mark);
    }
    size_t mark;
    const cJSON *per = get(r, o, "per_article", &mark);
    if (per && !cJSON_IsArray(per))
        json_where_error(r, "expected an array");
    size_t i = 0;
    for (const cJSON *a = cJSON_IsArray(per) ? per->child : NULL; a; a = a->next, i++) {
        size_t mark_a = r->path.len;
        buf_addf(&r->path, "[%zu]", i);
        if (cJSON_IsObject(a))
            read_article(r, a, run);
        else
            json_where_error(r, "expected an object");
        up(r, mark_a);
    }
    up(r, mark);
}

static void copy_fingerprint(const cJSON *o, char out[17])
{
    const cJSON *f = cJSON_GetObjectItemCaseSensitive(o, "fingerprint");
    snprintf(out, 17, "%s", cJSON_IsString(f) ? f->valuestring : "");
}

/*
 * The settings the report was made with, each checked against the range the
 * config file allows (config_set()): the numbers drive the recomputation, so
 * a report cannot ask for a billion resamples or a negative count.
 */
static void read_config(struct json_where *r, const cJSON *root, struct eval *e)
{
    static const char *const keys[] = {"claim_strict", "claim_lenient", "count_tolerance",
                                       "bootstrap",    "permutations",  "seed",
                                       "mode"};
    struct config *cfg = &e->cfg;
    config_defaults(cfg);
    const cJSON *c = cJSON_GetObjectItemCaseSensitive(root, "config");
    if (!cJSON_IsObject(c))
        return; /* the SPEC does not require it: defaults */
    copy_fingerprint(c, e->config_fingerprint);
    struct buf where = BUF_INIT, text = BUF_INIT;
    for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(c, keys[i]);
        if (!v)
            continue;
        buf_reset(&where);
        buf_addf(&where, "%s: $.config.%s", r->file, keys[i]);
        buf_reset(&text);
        bool mode = strcmp(keys[i], "mode") == 0;
        if (mode ? !cJSON_IsString(v) : !cJSON_IsNumber(v)) {
            diag_error(r->d, "%s: expected a %s", where.data, mode ? "string" : "number");
            r->failed = true;
            continue;
        }
        if (mode)
            buf_adds(&text, v->valuestring);
        else
            buf_addf(&text, "%.17g", v->valuedouble);
        if (!config_set(cfg, keys[i], text.data, where.data, r->d))
            r->failed = true;
    }
    buf_release(&where);
    buf_release(&text);
}

/* Paired statistics need every backend to have scored the same articles, in the same order. */
static void check_same_articles(struct json_where *r, const struct eval *e)
{
    for (size_t b = 1; b < e->n_runs; b++) {
        bool same = e->runs[b].n_articles == e->runs[0].n_articles;
        struct store_cursor first, other;
        struct article_row x, y;
        store_open(&first, e->runs[0].articles);
        store_open(&other, e->runs[b].articles);
        while (same && store_next(&first, &x) && store_next(&other, &y))
            same = strcmp(x.id, y.id) == 0;
        store_close(&first);
        store_close(&other);
        if (!same) {
            buf_reset(&r->path);
            buf_addf(&r->path, "$.backends[%zu].per_article", b);
            json_where_error(r, "not the same articles as $.backends[0]");
        }
    }
}

fb_result report_read(const char *path, struct eval *e, struct diag *d)
{
    memset(e, 0, sizeof(*e));
    cJSON *root = json_load(path, d);
    if (!root)
        return FB_EINPUT;
    struct json_where r;
    json_where_init(&r, path, d);
    size_t mark;
    const char *schema = string(&r, root, "schema");
    if (!r.failed && strcmp(schema, REPORT_SCHEMA) != 0) {
        buf_adds(&r.path, ".schema");
        json_where_error(&r, "expected '%s', found '%s'", REPORT_SCHEMA, schema);
        up(&r, 1);
    }
    read_config(&r, root, e);
    const cJSON *corpus = get(&r, root, "corpus", &mark);
    e->corpus_path = xstrdup(corpus ? string(&r, corpus, "path") : "");
    e->gold_dir = xstrdup(corpus ? string(&r, corpus, "gold") : "");
    e->n_articles = corpus ? (size_t)count(&r, corpus, "articles") : 0;
    copy_fingerprint(corpus, e->corpus_fingerprint);
    up(&r, mark);
    const cJSON *shard = cJSON_GetObjectItemCaseSensitive(root, "shard");
    if (shard) {
        buf_adds(&r.path, ".shard");
        int64_t index = count(&r, shard, "index"), n = count(&r, shard, "count");
        if (!r.failed && (n < 1 || n > 100000 || index >= n))
            json_where_error(&r, "expected 0 <= index < count <= 100000");
        e->shard = (struct shard){(unsigned)index, (unsigned)n};
        up(&r, 1);
    }
    const cJSON *backends = get(&r, root, "backends", &mark);
    if (backends && (!cJSON_IsArray(backends) || !cJSON_GetArraySize(backends)))
        json_where_error(&r, "expected a non-empty array");
    if (cJSON_IsArray(backends)) {
        e->n_runs = (size_t)cJSON_GetArraySize(backends);
        e->runs = xcalloc(e->n_runs, sizeof(*e->runs));
        size_t i = 0;
        for (const cJSON *b = backends->child; b; b = b->next, i++) {
            size_t mark_b = r.path.len;
            buf_addf(&r.path, "[%zu]", i);
            read_backend(&r, b, &e->runs[i]);
            if (!r.failed && e->runs[i].n_articles != e->n_articles)
                json_where_error(&r, "%zu articles, but $.corpus.articles is %zu",
                                 e->runs[i].n_articles, e->n_articles);
            up(&r, mark_b);
        }
    }
    up(&r, mark);
    if (!r.failed)
        check_same_articles(&r, e);
    cJSON_Delete(root);
    json_where_release(&r);
    if (r.failed) {
        eval_release(e);
        return FB_EINPUT;
    }
    eval_finish(e);
    return FB_OK;
}
