#include "eval.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "backend.h"
#include "pool.h"
#include "proc.h"
#include "report.h"
#include "corpus.h"
#include "fileio.h"
#include "gold.h"
#include "idset.h"
#include "interrupt.h"
#include "stats.h"
#include "xalloc.h"

#include <xxhash.h>

/* ---- results ------------------------------------------------------------ */

fb_result eval_run_init(struct backend_run *run, const char *name, const char *spec, struct diag *d)
{
    memset(run, 0, sizeof(*run));
    run->name = xstrdup(name);
    run->spec = xstrdup(spec);
    run->articles = store_new(d);
    return run->articles ? FB_OK : FB_ERUNTIME;
}

static void add_usage(struct usage_totals *t, const struct backend_usage *u)
{
    if (!u->known)
        return;
    t->articles++;
    t->latency_ms += u->latency_ms;
    if (u->prompt_tokens >= 0) {
        t->prompt_tokens += (double)u->prompt_tokens;
        t->prompt_articles++;
    }
    if (u->completion_tokens >= 0) {
        t->completion_tokens += (double)u->completion_tokens;
        t->completion_articles++;
    }
}

static void add_breakdown(struct breakdown *t, const struct breakdown *x)
{
    t->correct += x->correct;
    t->partial += x->partial;
    t->missing += x->missing;
    t->spurious += x->spurious;
    for (int k = 0; k < MATCH_MAX_ATTRS; k++) {
        t->agree[k] += x->agree[k];
        t->compared[k] += x->compared[k];
    }
}

void eval_add_totals(struct backend_run *to, const struct backend_run *from)
{
    for (int m = 0; m < N_MODES; m++)
        for (int c = 0; c < N_SCORES; c++)
            prf_add(&to->summary.total[m][c], from->summary.total[m][c]);
    for (int c = 0; c < N_CATEGORIES; c++)
        add_breakdown(&to->summary.breakdown[c], &from->summary.breakdown[c]);
    struct usage_totals *t = &to->usage;
    const struct usage_totals *u = &from->usage;
    t->articles += u->articles;
    t->prompt_articles += u->prompt_articles;
    t->completion_articles += u->completion_articles;
    t->latency_ms += u->latency_ms;
    t->prompt_tokens += u->prompt_tokens;
    t->completion_tokens += u->completion_tokens;
    to->failed += from->failed;
    to->cache_hits += from->cache_hits;
    to->cache_misses += from->cache_misses;
}

/* Adds an article whose entry is written already: its row, its totals and costs. */
static void append(struct backend_run *run, const struct article_result *r, const struct buf *entry)
{
    struct article_row row = {r->id, r->reason, r->position, {{{0, 0, 0}}}, r->usage};
    struct summary *s = &run->summary;
    for (int m = 0; m < N_MODES; m++)
        for (int c = 0; c < N_CATEGORIES; c++) {
            row.counts[m][c] = r->counts[m][c];
            prf_add(&s->total[m][c], r->counts[m][c]);
            prf_add(&s->total[m][SCORE_OVERALL], r->counts[m][c]);
        }
    for (int c = 0; c < N_CATEGORIES; c++)
        add_breakdown(&s->breakdown[c], &r->breakdown[c]);
    add_usage(&run->usage, &r->usage);
    store_add(run->articles, &row, entry->data, entry->len);
    run->n_articles++;
    run->failed += r->reason != NULL;
}

void eval_add(struct backend_run *run, const struct article_result *r)
{
    struct buf entry = BUF_INIT;
    report_entry(r, &entry);
    append(run, r, &entry);
    buf_release(&entry);
}

/*
 * Scores the outcome of one job into r and its entry; a failed job (or one
 * that cannot be scored) fails the article. r's strings are the job's.
 */
static void score_job(const struct config *cfg, struct backend_job *j,
                      const struct match_doc *mgold, size_t position, struct article_result *r,
                      struct buf *entry)
{
    memset(r, 0, sizeof(*r));
    r->id = (char *)j->article->id;
    r->position = position;
    r->usage = j->usage;
    struct article_score s;
    bool ok = j->ok && j->pred;
    if (ok) {
        struct match_doc *mpred = match_prepare(j->pred, false);
        r->errors = cJSON_CreateObject();
        ok = score_article(&cfg->match, mgold, mpred, &s, r->errors, &j->reason);
        match_doc_free(mpred);
    } else if (!j->reason.len) {
        buf_adds(&j->reason, "no prediction");
    }
    if (!ok) {
        cJSON_Delete(r->errors);
        r->errors = NULL;
        score_failed(j->gold, &s);
        r->reason = j->reason.data;
    }
    for (int m = 0; m < N_MODES; m++)
        memcpy(r->counts[m], s.counts[m], sizeof(s.counts[m]));
    memcpy(r->breakdown, s.breakdown, sizeof(r->breakdown));
    report_entry(r, entry);
    cJSON_Delete(r->errors);
    r->errors = NULL;
}

/* ---- intervals, comparisons ----------------------------------------------- */

#define N_SETS (N_MODES * N_SCORES)

/* A run's per-article counts for the statistics, read from its store. */
static size_t read_counts(void *ctx, struct prf *rows, size_t max)
{
    struct store_cursor *c = ctx;
    struct article_row row;
    size_t n = 0;
    while (n < max && store_next(c, &row))
        memcpy(&rows[n++ * N_SETS], row.counts, sizeof(row.counts));
    return n;
}

static struct stats_source counts_of(const struct backend_run *run, struct store_cursor *c)
{
    store_open(c, run->articles);
    return (struct stats_source){run->n_articles, N_SETS, read_counts, c};
}

static void summarize(struct backend_run *run, const struct config *cfg)
{
    struct summary *s = &run->summary;
    for (int m = 0; m < N_MODES; m++) {
        double sum = 0;
        for (int c = 0; c < N_CATEGORIES; c++)
            sum += prf_f1(s->total[m][c]);
        s->macro_f1[m] = sum / N_CATEGORIES;
    }
    struct store_cursor c;
    struct stats_source src = counts_of(run, &c);
    double ci[N_SETS][2];
    stats_bootstrap_f1(&src, cfg->bootstrap, cfg->seed, ci);
    memcpy(s->ci, ci, sizeof(ci));
    store_close(&c);
}

static void compare_runs(struct eval *e)
{
    size_t n = e->n_runs;
    e->comparisons = xcalloc(n * n + 1, sizeof(*e->comparisons));
    for (size_t a = 0; a < n; a++) {
        for (size_t b = a + 1; b < n; b++) {
            struct comparison *c = &e->comparisons[e->n_comparisons++];
            c->a = a;
            c->b = b;
            struct store_cursor xa, xb;
            struct stats_source sa = counts_of(&e->runs[a], &xa), sb = counts_of(&e->runs[b], &xb);
            double delta[N_SETS], p[N_SETS];
            stats_permutation_test(&sa, &sb, e->cfg.permutations, e->cfg.seed, delta, p);
            memcpy(c->delta, delta, sizeof(delta));
            memcpy(c->p, p, sizeof(p));
            store_close(&xa);
            store_close(&xb);
        }
    }
}

/* ---- the run -------------------------------------------------------------- */

/* An article of the batch, with its own copies of the corpus' strings. */
struct pending {
    struct article a;
    size_t position;
    struct gold_doc *gold;
    struct match_doc *mgold;
};

/* Copies the corpus' article; its gold is read later, with the batch's. */
static void pending_take(struct pending *p, const struct article *a, size_t position)
{
    memset(p, 0, sizeof(*p));
    p->a = *a;
    p->a.id = xstrdup(a->id);
    p->a.text = xstrndup(a->text, a->text_len);
    p->a.title = a->title ? xstrdup(a->title) : NULL;
    p->a.source = xstrdup(a->source);
    p->position = position;
}

static void pending_release(struct pending *p)
{
    free((char *)p->a.id);
    free((char *)p->a.text);
    free((char *)p->a.title);
    free((char *)p->a.source);
    match_doc_free(p->mgold);
    gold_free(p->gold);
}

/* A backend name made safe as one file name: "dir:/a b" gives "dir_a_b". Caller frees. */
static char *slug_of(const char *name)
{
    struct buf b = BUF_INIT;
    for (const char *s = name; *s; s++) {
        char c = *s;
        bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '-';
        if (keep && !(c == '.' && b.len == 0))
            buf_addc(&b, c);
        else if (b.len && b.data[b.len - 1] != '_')
            buf_addc(&b, '_');
    }
    if (!b.len)
        buf_addc(&b, '_');
    return buf_detach(&b, NULL);
}

/* Everything the run loop carries from batch to batch. */
struct runner {
    const struct eval_options *o;
    struct eval *e;
    struct pool *pool;
    struct backend **backends;
    char **pred_dirs; /* per backend, or NULL */
    struct diag *d;
    size_t total;    /* articles the corpus has, for progress; 0 when unknown */
    size_t position; /* of the next article read */
    XXH3_state_t *corpus_hash;
    double started;
    bool write_failed;
};

/* Writes a job's prediction, when predictions are kept; false (reported to d) when it cannot. */
static bool write_prediction(const struct runner *r, size_t b, const struct backend_job *j,
                             struct diag *d)
{
    if (!r->pred_dirs || !j->ok || !j->pred || r->write_failed) /* one failure is enough */
        return true;
    cJSON *json = gold_to_json(j->pred);
    char *text = cJSON_Print(json);
    cJSON_Delete(json);
    struct buf path = BUF_INIT, data = BUF_INIT;
    buf_addf(&path, "%s/%s.json", r->pred_dirs[b], j->article->id);
    buf_adds(&data, text);
    buf_addc(&data, '\n');
    bool ok = fileio_write_atomic(path.data, data.data, data.len, false, d) == FB_OK;
    cJSON_free(text);
    buf_release(&path);
    buf_release(&data);
    return ok;
}

/* Looks the jobs up in the cache; returns how many are left to run, moved to the front. */
static size_t from_cache(struct runner *r, size_t b, struct backend_job *jobs, size_t n,
                         char (*keys)[CACHE_KEY_LEN + 1])
{
    struct backend_run *run = &r->e->runs[b];
    struct buf request = BUF_INIT, cached = BUF_INIT;
    struct backend_options opt = r->o->backends[b];
    opt.identity = r->backends[b]->identity;
    size_t left = 0;
    for (size_t i = 0; i < n; i++) {
        backend_request(jobs[i].article, &request);
        cache_key(&opt, request.data, request.len, keys[i]);
        if (cache_get(&r->o->cache, keys[i], r->o->cfg->limits.response_bytes, &cached)) {
            backend_job_answer(&jobs[i], cached.data, cached.len);
            if (jobs[i].ok) {
                run->cache_hits++;
                continue;
            }
            backend_job_release(&jobs[i]); /* a damaged entry: ask again */
            backend_job_init(&jobs[i], jobs[i].article, jobs[i].gold);
            jobs[i].bounds = &r->o->cfg->limits;
        }
        run->cache_misses++;
        /* keep the jobs to run at the front, in order, with their keys */
        struct backend_job t = jobs[left];
        jobs[left] = jobs[i];
        jobs[i] = t;
        char k[CACHE_KEY_LEN + 1];
        memcpy(k, keys[left], sizeof(k));
        memcpy(keys[left], keys[i], sizeof(k));
        memcpy(keys[i], k, sizeof(k));
        left++;
    }
    buf_release(&request);
    buf_release(&cached);
    return left;
}

static int by_article(const void *x, const void *y)
{
    const struct backend_job *a = x, *b = y;
    return (a->article > b->article) - (a->article < b->article);
}

/*
 * A batch of articles on its way through a run: read with their gold, then
 * extracted by every backend (jobs[b], back in corpus order), then scored.
 */
struct batch {
    struct pending *items;
    size_t n;
    struct backend_job **jobs; /* per backend */
    struct diag diag;          /* what extraction reported: it may run on a thread of its own */
};

struct extract_work {
    struct backend *backend;
    struct backend_job *jobs;
};

static void extract_one(void *ctx, size_t i)
{
    struct extract_work *w = ctx;
    w->backend->ops->extract(w->backend, &w->jobs[i], 1);
}

/* Backend b's predictions for the batch: from the cache, else from the backend. */
static void extract_batch(struct runner *r, struct batch *bt, size_t b)
{
    struct backend_run *run = &r->e->runs[b];
    struct backend *backend = r->backends[b];
    size_t n = bt->n;
    struct backend_job *jobs = bt->jobs[b] = xcalloc(n, sizeof(*jobs));
    char(*keys)[CACHE_KEY_LEN + 1] = xcalloc(n, sizeof(*keys));
    for (size_t i = 0; i < n; i++) {
        backend_job_init(&jobs[i], &bt->items[i].a, bt->items[i].gold);
        jobs[i].bounds = &r->o->cfg->limits;
    }
    size_t todo = n;
    if (run->external)
        todo = from_cache(r, b, jobs, n, keys);
    if (todo && backend->ops->parallel) {
        struct extract_work w = {backend, jobs};
        pool_for(r->pool, todo, extract_one, &w);
    } else if (todo) {
        backend->ops->extract(backend, jobs, todo);
    }
    for (size_t i = 0; run->external && i < todo; i++)
        if (jobs[i].ok && jobs[i].response.len)
            cache_put(&r->o->cache, keys[i], jobs[i].response.data, jobs[i].response.len,
                      &bt->diag);
    qsort(jobs, n, sizeof(*jobs), by_article); /* back to corpus order: the items are an array */
    free(keys);
}

static void extract_all(struct runner *r, struct batch *bt)
{
    for (size_t b = 0; b < r->o->n_backends; b++)
        extract_batch(r, bt, b);
}

/* One backend's scoring of a batch, shared with the pool's threads. */
struct score_work {
    const struct runner *r;
    size_t b;
    const struct batch *bt;
    struct article_result *results;
    struct buf *entries;
    struct diag *diags;
    bool *written;
};

/* Scores job i and writes its prediction. */
static void score_one(void *ctx, size_t i)
{
    struct score_work *w = ctx;
    const struct pending *p = &w->bt->items[i];
    struct backend_job *j = &w->bt->jobs[w->b][i];
    score_job(w->r->o->cfg, j, p->mgold, p->position, &w->results[i], &w->entries[i]);
    diag_init(&w->diags[i]);
    w->written[i] = write_prediction(w->r, w->b, j, &w->diags[i]);
}

/* Scores every backend's predictions for the batch and adds them to the runs, in corpus order. */
static void score_batch(struct runner *r, struct batch *bt)
{
    size_t n = bt->n;
    diag_take(r->d, &bt->diag);
    for (size_t b = 0; b < r->o->n_backends; b++) {
        struct score_work w = {r,
                               b,
                               bt,
                               xcalloc(n, sizeof(*w.results)),
                               xcalloc(n, sizeof(*w.entries)),
                               xcalloc(n, sizeof(*w.diags)),
                               xcalloc(n, sizeof(*w.written))};
        pool_for(r->pool, n, score_one, &w);
        for (size_t i = 0; i < n; i++) { /* in corpus order, whichever thread scored them */
            append(&r->e->runs[b], &w.results[i], &w.entries[i]);
            diag_take(r->d, &w.diags[i]);
            r->write_failed |= !w.written[i];
            buf_release(&w.entries[i]);
        }
        free(w.results);
        free(w.entries);
        free(w.diags);
        free(w.written);
    }
    r->e->n_articles += n;
}

/* Empties a batch, scored or not (a run that stops extracts batches it never scores). */
static void batch_release(struct runner *r, struct batch *bt)
{
    for (size_t b = 0; b < r->o->n_backends; b++) {
        for (size_t i = 0; bt->jobs[b] && i < bt->n; i++)
            backend_job_release(&bt->jobs[b][i]);
        free(bt->jobs[b]);
    }
    for (size_t i = 0; i < bt->n; i++)
        pending_release(&bt->items[i]);
    memset(bt->jobs, 0, r->o->n_backends * sizeof(*bt->jobs));
    diag_release(&bt->diag);
    bt->n = 0;
}

static void show_progress(struct runner *r, bool last)
{
    if (!r->o->progress)
        return;
    double elapsed = proc_now() - r->started;
    size_t done = r->e->n_articles;
    double rate = elapsed > 0 ? (double)done / elapsed : 0;
    fprintf(stderr, "\r%zu", done);
    if (r->total)
        fprintf(stderr, "/%zu", r->total);
    fprintf(stderr, " articles, %.1f/s", rate);
    if (r->total && rate > 0 && done < r->total)
        fprintf(stderr, ", %.0f s left", (double)(r->total - done) / rate);
    fprintf(stderr, "   %s", last ? "\n" : "");
    fflush(stderr);
}

static fb_result open_all(struct runner *r)
{
    const struct eval_options *o = r->o;
    for (size_t i = 0; i < o->n_backends; i++) {
        struct backend_run *run = &r->e->runs[i];
        fb_result rc = eval_run_init(run, o->backends[i].name, o->backends[i].spec, r->d);
        if (rc != FB_OK)
            return rc;
        rc = backend_open(&o->backends[i], &r->backends[i], r->d);
        if (rc != FB_OK)
            return rc;
        run->external = r->backends[i]->ops->external && o->cache.dir;
        if (!o->predictions_dir)
            continue;
        if (!r->pred_dirs)
            r->pred_dirs = xcalloc(o->n_backends, sizeof(*r->pred_dirs));
        char *slug = slug_of(run->name);
        struct buf dir = BUF_INIT;
        buf_addf(&dir, "%s/%s", o->predictions_dir, slug);
        free(slug);
        r->pred_dirs[i] = buf_detach(&dir, NULL);
        if (fileio_mkdirs_in(o->predictions_dir, r->pred_dirs[i], r->d) != FB_OK)
            return FB_ERUNTIME;
    }
    return FB_OK;
}

/* The batch's gold, read by the pool's threads. */
struct gold_work {
    const struct eval_options *o;
    struct pending *batch;
    fb_result *rc;
    struct diag *diags;
};

static void read_gold(void *ctx, size_t i)
{
    struct gold_work *w = ctx;
    struct pending *p = &w->batch[i];
    diag_init(&w->diags[i]);
    w->rc[i] = gold_load_article(&w->o->cfg->limits, w->o->gold, &p->a, &p->gold, &w->diags[i]);
    if (p->gold)
        p->mgold = match_prepare(p->gold, true);
}

/*
 * Reads the gold of the batch's articles and keeps those that have it, in
 * order; an article without gold is not scored (a warning each). Returns
 * how many are kept; *bad is set when some gold has errors.
 */
static size_t with_gold(struct runner *r, struct pending *batch, size_t n, bool *bad)
{
    struct gold_work w = {r->o, batch, xcalloc(n, sizeof(*w.rc)), xcalloc(n, sizeof(*w.diags))};
    pool_for(r->pool, n, read_gold, &w);
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) {
        diag_take(r->d, &w.diags[i]);
        if (w.rc[i] == FB_END)
            diag_warning(r->d, "%s: no gold file '%s/%s.json', not scored", batch[i].a.source,
                         r->o->gold, batch[i].a.id);
        *bad |= w.rc[i] == FB_EINPUT;
        if (batch[i].gold)
            batch[kept++] = batch[i];
        else
            pending_release(&batch[i]);
    }
    free(w.rc);
    free(w.diags);
    return kept;
}

/* Whether some backend extracts on the pool's threads (in process); the others wait for workers. */
static bool extracts_on_pool(const struct runner *r)
{
    for (size_t b = 0; b < r->o->n_backends; b++)
        if (r->backends[b]->ops->parallel)
            return true;
    return false;
}

/*
 * Articles per batch: eight per job of the busiest backend (at least 16),
 * so that its workers seldom wait for each other; with a backend in
 * process, 64 per thread, so that the pool's threads share each batch evenly.
 */
static size_t batch_size(const struct runner *r)
{
    size_t most = 2;
    for (size_t i = 0; i < r->o->n_backends; i++)
        if (r->o->backends[i].jobs > most)
            most = r->o->backends[i].jobs;
    size_t per_thread = extracts_on_pool(r) ? 64 * (size_t)pool_threads(r->pool) : 0;
    return 8 * most > per_thread ? 8 * most : per_thread;
}

/* An article of a run, read into memory to be matched by id. */
struct held {
    char *id;
    struct prf counts[N_MODES][N_SCORES];
};

/* Every article of a run, in memory. */
static size_t read_all(const struct backend_run *run, struct held **out)
{
    *out = xcalloc(run->n_articles + 1, sizeof(**out));
    struct store_cursor c;
    struct article_row row;
    size_t n = 0;
    store_open(&c, run->articles);
    while (n < run->n_articles && store_next(&c, &row)) {
        (*out)[n].id = xstrdup(row.id);
        memcpy((*out)[n++].counts, row.counts, sizeof(row.counts));
    }
    store_close(&c);
    return n;
}

static int by_id(const void *x, const void *y)
{
    return strcmp(((const struct held *)x)->id, ((const struct held *)y)->id);
}

void eval_pairs(const struct backend_run *x, const struct backend_run *y, struct article_pairs *out)
{
    struct held *xs, *ys;
    size_t nx = read_all(x, &xs), ny = read_all(y, &ys);
    qsort(ys, ny, sizeof(*ys), by_id);
    memset(out, 0, sizeof(*out));
    out->ids = xcalloc(nx + 1, sizeof(*out->ids));
    out->x = xcalloc(nx + 1, sizeof(*out->x));
    out->y = xcalloc(nx + 1, sizeof(*out->y));
    for (size_t i = 0; i < nx; i++) {
        const struct held *hit = bsearch(&xs[i], ys, ny, sizeof(*ys), by_id);
        if (!hit) {
            free(xs[i].id);
            continue;
        }
        out->ids[out->n] = xs[i].id;
        memcpy(out->x[out->n], xs[i].counts, sizeof(xs[i].counts));
        memcpy(out->y[out->n++], hit->counts, sizeof(hit->counts));
    }
    for (size_t k = 0; k < ny; k++)
        free(ys[k].id);
    free(xs);
    free(ys);
}

void eval_pairs_release(struct article_pairs *p)
{
    for (size_t i = 0; i < p->n; i++)
        free(p->ids[i]);
    free(p->ids);
    free(p->x);
    free(p->y);
    memset(p, 0, sizeof(*p));
}

void eval_paired_test(const struct article_pairs *pairs, enum mode m, int score,
                      const struct config *cfg, double *delta, double *p)
{
    if (!pairs->n)
        return;
    struct prf *xa = xcalloc(pairs->n, sizeof(*xa)), *ya = xcalloc(pairs->n, sizeof(*ya));
    for (size_t i = 0; i < pairs->n; i++) {
        xa[i] = pairs->x[i][m][score];
        ya[i] = pairs->y[i][m][score];
    }
    struct stats_array ax, ay;
    struct stats_source sx = stats_array_source(&ax, xa, pairs->n, 1);
    struct stats_source sy = stats_array_source(&ay, ya, pairs->n, 1);
    stats_permutation_test(&sx, &sy, cfg->permutations, cfg->seed, delta, p);
    free(xa);
    free(ya);
}

const struct backend_run *eval_run_named(const struct eval *e, const char *name)
{
    for (size_t i = 0; i < e->n_runs; i++)
        if (strcmp(e->runs[i].name, name) == 0)
            return &e->runs[i];
    return NULL;
}

/* Whether article id belongs to shard s: XXH3-64 of the id, modulo the count. */
static bool in_shard(const char *id, struct shard s)
{
    return !s.count || XXH3_64bits(id, strlen(id)) % s.count == s.index;
}

/* Every article read, in order, goes into the corpus fingerprint: shards of one corpus agree. */
static void fingerprint(struct runner *r, const struct article *a)
{
    XXH64_hash_t text = XXH3_64bits(a->text, a->text_len);
    XXH3_64bits_update(r->corpus_hash, a->id, strlen(a->id) + 1);
    XXH3_64bits_update(r->corpus_hash, &text, sizeof(text));
}

static void hash_str(XXH3_state_t *st, const char *s)
{
    XXH3_64bits_update(st, s ? s : "", strlen(s ? s : "") + 1);
}

/*
 * The settings that change numbers, and the backends (what an open backend
 * says it is too, such as an llm: backend's prompt): shards to merge must
 * agree on them.
 */
static void config_fingerprint(const struct eval_options *o, struct backend *const *opened,
                               char out[17])
{
    XXH3_state_t *st = XXH3_createState();
    XXH3_64bits_reset(st);
    char buf[128];
    const struct config *c = o->cfg;
    snprintf(buf, sizeof(buf), "%.17g %.17g %.17g %u %u %llu", c->match.claim_strict,
             c->match.claim_lenient, c->match.count_tolerance, c->bootstrap, c->permutations,
             (unsigned long long)c->seed);
    hash_str(st, buf);
    for (size_t i = 0; i < o->n_backends; i++) {
        hash_str(st, o->backends[i].name);
        hash_str(st, o->backends[i].spec);
        hash_str(st, o->backends[i].version);
        if (opened[i] && opened[i]->identity)
            hash_str(st, opened[i]->identity);
    }
    snprintf(out, 17, "%016llx", (unsigned long long)XXH3_64bits_digest(st));
    XXH3_freeState(st);
}

/* What reading the corpus carries from batch to batch. */
struct reading {
    corpus *c;
    struct idset seen;
    size_t cap; /* articles per batch */
    bool more, bad_input;
};

/* Reads the next articles of the corpus into bt, up to a batch, and keeps those with gold. */
static void read_batch(struct runner *r, struct reading *rd, struct batch *bt)
{
    while (rd->more && bt->n < rd->cap && !interrupt_requested()) {
        struct article a;
        fb_result next = corpus_next(rd->c, &a, r->d);
        rd->more = next != FB_END;
        if (next == FB_EINPUT) {
            rd->bad_input = true;
        } else if (next == FB_OK && !idset_add(&rd->seen, a.id)) {
            diag_error(r->d, "%s: duplicate article id '%s'", a.source, a.id);
            rd->bad_input = true;
        } else if (next == FB_OK) {
            fingerprint(r, &a);
            size_t position = r->position++;
            if (!r->o->shard.count || in_shard(a.id, r->o->shard))
                pending_take(&bt->items[bt->n++], &a, position);
        }
    }
    if (bt->n)
        bt->n = with_gold(r, bt->items, bt->n, &rd->bad_input);
}

struct extraction {
    struct runner *r;
    struct batch *bt;
    pthread_t thread;
};

static void *extract_in_thread(void *arg)
{
    struct extraction *x = arg;
    interrupt_block(false); /* a signal wakes this thread's waits, not the busy main thread */
    extract_all(x->r, x->bt);
    return NULL;
}

static struct batch *batch_new(const struct runner *r, size_t cap)
{
    struct batch *bt = xcalloc(1, sizeof(*bt));
    bt->items = xcalloc(cap, sizeof(*bt->items));
    bt->jobs = xcalloc(r->o->n_backends + 1, sizeof(*bt->jobs));
    diag_init(&bt->diag);
    return bt;
}

static void batch_free(struct runner *r, struct batch *bt)
{
    batch_release(r, bt);
    free(bt->items);
    free(bt->jobs);
    free(bt);
}

/*
 * Runs every backend over the corpus, a batch of articles at a time. While
 * a batch is scored, the next one is read and, when the backends are
 * processes or services, extracted on a thread of its own, so that their
 * workers never wait for the scoring.
 */
static fb_result run_corpus(struct runner *r, corpus *c)
{
    struct reading rd = {c, {0}, batch_size(r), true, false};
    idset_init(&rd.seen);
    bool overlap = !extracts_on_pool(r); /* then extraction gets a thread of its own */
    struct batch *done = batch_new(r, rd.cap), *next = batch_new(r, rd.cap);
    read_batch(r, &rd, done);
    if (done->n && !rd.bad_input)
        extract_all(r, done);
    while ((done->n || rd.more) && !interrupt_requested()) {
        read_batch(r, &rd, next);
        bool work = next->n && !rd.bad_input;
        struct extraction x = {r, next, 0};
        bool threaded = false;
        if (work && overlap) {
            interrupt_block(true);
            threaded = pthread_create(&x.thread, NULL, extract_in_thread, &x) == 0;
            if (!threaded)
                interrupt_block(false);
        }
        if (done->n && !rd.bad_input) {
            score_batch(r, done);
            show_progress(r, !rd.more && !next->n);
        }
        batch_release(r, done);
        if (threaded) {
            pthread_join(x.thread, NULL);
            interrupt_block(false);
        } else if (work) {
            extract_all(r, next);
        }
        struct batch *t = done;
        done = next;
        next = t;
    }
    batch_free(r, done);
    batch_free(r, next);
    idset_release(&rd.seen);
    if (interrupt_requested()) {
        diag_error(r->d, "interrupted by signal %d: nothing written; what was done is cached",
                   interrupt_signal());
        return FB_ERUNTIME;
    }
    if (rd.bad_input)
        return FB_EINPUT;
    return r->write_failed ? FB_ERUNTIME : FB_OK;
}

fb_result eval_run(struct eval *e, const struct eval_options *o, struct diag *d)
{
    memset(e, 0, sizeof(*e));
    e->cfg = *o->cfg;
    e->corpus_path = xstrdup(o->corpus);
    e->gold_dir = xstrdup(o->gold);
    e->runs = xcalloc(o->n_backends, sizeof(*e->runs));
    e->n_runs = o->n_backends;
    e->shard = o->shard;
    struct runner r = {.o = o,
                       .e = e,
                       .pool = pool_new(o->threads),
                       .backends = xcalloc(o->n_backends, sizeof(struct backend *)),
                       .d = d,
                       .corpus_hash = XXH3_createState(),
                       .started = proc_now()};
    XXH3_64bits_reset(r.corpus_hash);
    fb_result rc = fileio_check_dir(o->gold, "gold directory", d);
    if (rc == FB_OK)
        rc = open_all(&r);
    if (rc == FB_OK)
        config_fingerprint(o, r.backends, e->config_fingerprint);
    corpus *c = rc == FB_OK ? corpus_open(o->corpus, d) : NULL;
    if (rc == FB_OK && !c)
        rc = FB_EINPUT;
    if (c)
        corpus_set_bounds(c, &o->cfg->limits);
    if (c && o->progress)
        r.total = corpus_estimate(o->corpus);
    if (c)
        rc = run_corpus(&r, c);
    corpus_close(c);
    for (size_t i = 0; rc == FB_OK && i < e->n_runs; i++)
        rc = store_check(e->runs[i].articles, d);
    snprintf(e->corpus_fingerprint, sizeof(e->corpus_fingerprint), "%016llx",
             (unsigned long long)XXH3_64bits_digest(r.corpus_hash));
    XXH3_freeState(r.corpus_hash);
    for (size_t i = 0; i < o->n_backends; i++) {
        backend_close(r.backends[i]);
        free(r.pred_dirs ? r.pred_dirs[i] : NULL);
    }
    free(r.backends);
    free(r.pred_dirs);
    pool_free(r.pool);
    if (rc == FB_OK && e->n_articles == 0 && !o->shard.count) {
        /* an empty evaluation would score 1 everywhere and pass any gate */
        diag_error(d, "no article to score: no article of '%s' has gold in '%s'", o->corpus,
                   o->gold);
        rc = FB_EINPUT;
    }
    if (rc != FB_OK) {
        eval_release(e);
        return rc;
    }
    eval_finish(e);
    return FB_OK;
}

void eval_finish(struct eval *e)
{
    for (size_t i = 0; i < e->n_runs; i++)
        summarize(&e->runs[i], &e->cfg);
    free(e->comparisons);
    e->comparisons = NULL;
    e->n_comparisons = 0;
    compare_runs(e);
}

void eval_release(struct eval *e)
{
    for (size_t i = 0; i < e->n_runs; i++) {
        struct backend_run *run = &e->runs[i];
        store_free(run->articles);
        free(run->name);
        free(run->spec);
    }
    free(e->runs);
    free(e->comparisons);
    free(e->corpus_path);
    free(e->gold_dir);
    memset(e, 0, sizeof(*e));
}
