/*
 * eval.h - an evaluation: backends run over a corpus and scored against gold.
 *
 * eval_run() reads the corpus a batch of articles at a time, asks every
 * backend for its predictions, scores them (on a pool of threads), and
 * adds each article's result to its run's store (store.h), in corpus order,
 * keeping only the totals in memory. Then it bootstraps confidence
 * intervals and compares every pair of backends with the paired test, both
 * reading the stores. Everything a report shows comes from the struct eval.
 */
#ifndef FB_EVAL_H
#define FB_EVAL_H

#include <stddef.h>

#include "backend.h"
#include "cache.h"
#include "config.h"
#include "diag.h"
#include "result.h"
#include "score.h"
#include "store.h"

struct cJSON;
struct gate_result;

/* One article's result, while it is scored or read; eval_add() keeps it in a store. */
struct article_result {
    char *id;
    size_t position; /* the article's place in the corpus (0-based, all articles counted) */
    char *reason;    /* why the backend failed this article, or NULL */
    struct prf counts[N_MODES][N_SCORES];
    struct breakdown breakdown[N_CATEGORIES];
    struct cJSON *errors; /* listings (score.h), NULL for failed articles; eval_add() spends them */
    struct backend_usage usage; /* latency and tokens, when the backend measured them */
};

/* A backend's totals over the corpus. */
struct summary {
    struct prf total[N_MODES][N_SCORES];
    double ci[N_MODES][N_SCORES][2]; /* bootstrap 95% interval of micro F1 */
    double macro_f1[N_MODES];        /* mean of the four category F1s */
    struct breakdown breakdown[N_CATEGORIES];
};

/* What the articles whose cost was measured cost, summed. */
struct usage_totals {
    size_t articles, prompt_articles, completion_articles;
    double latency_ms, prompt_tokens, completion_tokens;
};

struct backend_run {
    char *name;
    char *spec;
    bool external; /* cached; cache_hits and cache_misses count */
    size_t cache_hits, cache_misses;
    struct store *articles; /* every article's result, in corpus order (store.h) */
    size_t n_articles;
    size_t failed;
    struct usage_totals usage;
    struct summary summary; /* totals grow with each article added; eval_finish() adds the rest */
};

/* The paired test between backends a and b (indices into runs). */
struct comparison {
    size_t a, b;
    double delta[N_MODES][N_SCORES]; /* F1(a) - F1(b) */
    double p[N_MODES][N_SCORES];
};

/* A run over one part of the corpus, so that parts can run apart and be merged. */
struct shard {
    unsigned index; /* 0 .. count-1 */
    unsigned count; /* 0: not sharded */
};

struct eval {
    struct config cfg;
    char *corpus_path, *gold_dir;
    size_t n_articles; /* articles scored: those with gold (in this shard) */
    struct shard shard;
    char corpus_fingerprint[17]; /* XXH3 of every article's id and text, in order */
    char config_fingerprint[17]; /* XXH3 of the scoring settings and the backends */
    struct backend_run *runs;
    size_t n_runs;
    struct comparison *comparisons;
    size_t n_comparisons;
    const struct gate_result *gate; /* the quality gate's decision, when one ran; not owned */
};

struct eval_options {
    const struct config *cfg;
    const char *corpus, *gold;
    const struct backend_options *backends;
    size_t n_backends;
    const char *predictions_dir; /* predictions go to <dir>/<backend>/<id>.json; or NULL */
    struct cache cache;          /* for external backends */
    bool progress;               /* show progress on stderr */
    struct shard shard;          /* score only the articles whose id hashes to this shard */
    unsigned threads; /* that read gold, run in-process backends and score; 0: one per CPU */
};

/*
 * Runs the backends over the corpus and scores them. Articles are read a
 * batch at a time (sized for the backends' workers and the pool's
 * threads), and each result goes to its run's store, so memory does not
 * grow with the corpus. Articles without
 * gold are not scored (a warning each); a corpus with no article to score
 * is an error, not a perfect score. Returns FB_OK with *e filled (release
 * with eval_release()); FB_EINPUT when the corpus or the gold has errors,
 * FB_EUSAGE for an unknown backend, or FB_ERUNTIME when a backend cannot
 * start or a prediction cannot be written, all reported to d; on failure
 * *e holds nothing (eval_release() on it is harmless).
 */
fb_result eval_run(struct eval *e, const struct eval_options *o, struct diag *d);

/* Starts an empty run with its store; FB_ERUNTIME (reported) when the store cannot be made. */
fb_result eval_run_init(struct backend_run *run, const char *name, const char *spec,
                        struct diag *d);

/* Adds an article's result to run: its store, its failures, totals and costs. */
void eval_add(struct backend_run *run, const struct article_result *r);

/*
 * Adds the totals of from (a shard's run of the same backend) to those of
 * to: counts, breakdown, costs, failures and cache counts, not its articles.
 */
void eval_add_totals(struct backend_run *to, const struct backend_run *from);

/* The articles two runs share, matched by id, in x's order, read into memory. */
struct article_pairs {
    size_t n;
    char **ids;
    struct prf (*x)[N_MODES][N_SCORES], (*y)[N_MODES][N_SCORES];
};

void eval_pairs(const struct backend_run *x, const struct backend_run *y,
                struct article_pairs *out);
void eval_pairs_release(struct article_pairs *p);

/*
 * The paired test (stats.h) of one mode and score over matched articles,
 * with cfg's shuffles and seed: stores F1(x) - F1(y) in *delta and the
 * p-value in *p, unless there is no pair (then both are left alone).
 */
void eval_paired_test(const struct article_pairs *pairs, enum mode m, int score,
                      const struct config *cfg, double *delta, double *p);

/* The run of backend `name`, or NULL. */
const struct backend_run *eval_run_named(const struct eval *e, const char *name);

/*
 * Computes everything that derives from the per-article results beyond
 * the totals eval_add() keeps: each run's macro F1 and intervals, and the
 * comparisons. eval_run() calls it; so does anything that builds an eval
 * from saved reports.
 */
void eval_finish(struct eval *e);

void eval_release(struct eval *e);

#endif
