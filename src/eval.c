#include "eval.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "backend.h"
#include "corpus.h"
#include "fileio.h"
#include "gold.h"
#include "idset.h"
#include "stats.h"
#include "xalloc.h"

const char *const score_names[N_SCORES] = {"actors", "counts", "dates", "claims", "overall"};

/* ---- scoring one article with one backend --------------------------------- */

static struct article_result *new_result(struct backend_run *run, const char *id)
{
    XGROW(run->articles, run->cap_articles, run->n_articles + 1);
    struct article_result *r = &run->articles[run->n_articles++];
    memset(r, 0, sizeof(*r));
    r->id = xstrdup(id);
    return r;
}

static void keep_score(struct article_result *r, const struct article_score *s)
{
    for (int m = 0; m < N_MODES; m++)
        for (int c = 0; c < N_CATEGORIES; c++) {
            r->counts[m][c] = s->counts[m][c];
            prf_add(&r->counts[m][SCORE_OVERALL], s->counts[m][c]);
        }
    memcpy(r->breakdown, s->breakdown, sizeof(r->breakdown));
}

static void run_article(struct backend *b, struct backend_run *run, const struct config *cfg,
                        const struct article *a, const struct gold_doc *gold,
                        const struct match_doc *mgold)
{
    struct article_result *r = new_result(run, a->id);
    struct buf reason = BUF_INIT;
    struct gold_doc *pred = NULL;
    struct article_score s;
    bool ok = b->ops->extract(b, a, gold, &pred, &reason);
    if (ok) {
        struct match_doc *mpred = match_prepare(pred, false);
        r->errors = cJSON_CreateObject();
        ok = score_article(&cfg->match, mgold, mpred, &s, r->errors, &reason);
        match_doc_free(mpred);
        if (!ok) {
            cJSON_Delete(r->errors);
            r->errors = NULL;
        }
    }
    if (!ok) {
        score_failed(gold, &s);
        r->reason = buf_detach(&reason, NULL);
        run->failed++;
    }
    keep_score(r, &s);
    gold_free(pred);
    buf_release(&reason);
}

/* ---- totals, intervals, comparisons --------------------------------------- */

#define N_SETS (N_MODES * N_SCORES)

/* Per-article counts of a run as an article-major array of N_SETS sets. */
static struct prf *counts_of(const struct backend_run *run)
{
    struct prf *c = xcalloc(run->n_articles * N_SETS + 1, sizeof(*c));
    for (size_t i = 0; i < run->n_articles; i++)
        memcpy(&c[i * N_SETS], run->articles[i].counts, sizeof(run->articles[i].counts));
    return c;
}

static void summarize(struct backend_run *run, const struct config *cfg)
{
    struct summary *s = &run->summary;
    memset(s, 0, sizeof(*s));
    for (size_t i = 0; i < run->n_articles; i++) {
        const struct article_result *r = &run->articles[i];
        for (int m = 0; m < N_MODES; m++)
            for (int c = 0; c < N_SCORES; c++)
                prf_add(&s->total[m][c], r->counts[m][c]);
        for (int c = 0; c < N_CATEGORIES; c++) {
            struct breakdown *t = &s->breakdown[c];
            const struct breakdown *x = &r->breakdown[c];
            t->correct += x->correct;
            t->partial += x->partial;
            t->missing += x->missing;
            t->spurious += x->spurious;
            for (int k = 0; k < MATCH_MAX_ATTRS; k++) {
                t->agree[k] += x->agree[k];
                t->compared[k] += x->compared[k];
            }
        }
    }
    for (int m = 0; m < N_MODES; m++) {
        double sum = 0;
        for (int c = 0; c < N_CATEGORIES; c++)
            sum += prf_f1(s->total[m][c]);
        s->macro_f1[m] = sum / N_CATEGORIES;
    }
    struct prf *counts = counts_of(run);
    double ci[N_SETS][2];
    stats_bootstrap_f1(counts, run->n_articles, N_SETS, cfg->bootstrap, cfg->seed, ci);
    memcpy(s->ci, ci, sizeof(ci));
    free(counts);
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
            struct prf *ca = counts_of(&e->runs[a]), *cb = counts_of(&e->runs[b]);
            double delta[N_SETS], p[N_SETS];
            stats_permutation_test(ca, cb, e->n_articles, N_SETS, e->cfg.permutations, e->cfg.seed,
                                   delta, p);
            memcpy(c->delta, delta, sizeof(delta));
            memcpy(c->p, p, sizeof(p));
            free(ca);
            free(cb);
        }
    }
}

/* ---- the run -------------------------------------------------------------- */

static fb_result open_backends(struct eval *e, struct backend **backends, const char *const *specs,
                               size_t n_specs, struct diag *d)
{
    for (size_t i = 0; i < n_specs; i++) {
        fb_result rc = backend_open(specs[i], &backends[i], d);
        if (rc != FB_OK)
            return rc;
        e->runs[i].name = xstrdup(specs[i]);
    }
    return FB_OK;
}

/* Reads the gold of article a; NULL (with a warning) when it has none, or on errors. */
static struct gold_doc *read_gold(const struct article *a, const char *gold_dir, bool *bad,
                                  struct diag *d)
{
    struct buf path = BUF_INIT;
    buf_addf(&path, "%s/%s.json", gold_dir, a->id);
    struct gold_doc *g = NULL;
    if (access(path.data, F_OK) != 0 && errno == ENOENT) {
        diag_warning(d, "%s: no gold file '%s', not scored", a->source, path.data);
    } else {
        struct gold_source src = {path.data, a->id, a->text, a->text_len};
        *bad |= gold_load(GOLD_REFERENCE, &src, &g, d) != FB_OK;
    }
    buf_release(&path);
    return g;
}

fb_result eval_run(struct eval *e, const struct config *cfg, const char *corpus_path,
                   const char *gold_dir, const char *const *specs, size_t n_specs, struct diag *d)
{
    memset(e, 0, sizeof(*e));
    e->cfg = *cfg;
    e->corpus_path = xstrdup(corpus_path);
    e->gold_dir = xstrdup(gold_dir);
    e->runs = xcalloc(n_specs, sizeof(*e->runs));
    e->n_runs = n_specs;
    struct backend **backends = xcalloc(n_specs, sizeof(*backends));
    fb_result rc = fileio_check_dir(gold_dir, "gold directory", d);
    if (rc == FB_OK)
        rc = open_backends(e, backends, specs, n_specs, d);
    corpus *c = rc == FB_OK ? corpus_open(corpus_path, d) : NULL;
    if (rc == FB_OK && !c)
        rc = FB_EINPUT;

    struct idset seen;
    idset_init(&seen);
    bool bad_input = false;
    struct article a;
    fb_result next;
    while (c && (next = corpus_next(c, &a, d)) != FB_END) {
        if (next != FB_OK) {
            bad_input = true;
            continue;
        }
        if (!idset_add(&seen, a.id)) {
            diag_error(d, "%s: duplicate article id '%s'", a.source, a.id);
            bad_input = true;
            continue;
        }
        struct gold_doc *gold = read_gold(&a, gold_dir, &bad_input, d);
        if (!gold || bad_input) {
            gold_free(gold);
            continue; /* after an input error, only look for more of them */
        }
        struct match_doc *mgold = match_prepare(gold, true);
        for (size_t i = 0; i < n_specs; i++)
            run_article(backends[i], &e->runs[i], cfg, &a, gold, mgold);
        e->n_articles++;
        match_doc_free(mgold);
        gold_free(gold);
    }
    corpus_close(c);
    idset_release(&seen);
    for (size_t i = 0; i < n_specs; i++)
        backend_close(backends[i]);
    free(backends);
    if (rc == FB_OK && bad_input)
        rc = FB_EINPUT;
    if (rc == FB_OK && e->n_articles == 0) {
        /* an empty evaluation would score 1 everywhere and pass any gate */
        diag_error(d, "no article to score: no article of '%s' has gold in '%s'", corpus_path,
                   gold_dir);
        rc = FB_EINPUT;
    }
    if (rc != FB_OK)
        return rc;
    for (size_t i = 0; i < e->n_runs; i++)
        summarize(&e->runs[i], cfg);
    compare_runs(e);
    return FB_OK;
}

void eval_release(struct eval *e)
{
    for (size_t i = 0; i < e->n_runs; i++) {
        struct backend_run *run = &e->runs[i];
        for (size_t k = 0; k < run->n_articles; k++) {
            free(run->articles[k].id);
            free(run->articles[k].reason);
            cJSON_Delete(run->articles[k].errors);
        }
        free(run->articles);
        free(run->name);
    }
    free(e->runs);
    free(e->comparisons);
    free(e->corpus_path);
    free(e->gold_dir);
    memset(e, 0, sizeof(*e));
}
