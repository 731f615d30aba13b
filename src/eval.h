/*
 * eval.h - an evaluation: backends run over a corpus and scored against gold.
 *
 * eval_run() reads the corpus one article at a time, asks every backend for
 * its prediction, scores it, and keeps per article only the counts and the
 * error listings. Then it sums the counts, bootstraps confidence intervals
 * and compares every pair of backends with the paired test. Everything a
 * report shows comes from the struct eval.
 */
#ifndef FB_EVAL_H
#define FB_EVAL_H

#include <stddef.h>

#include "config.h"
#include "diag.h"
#include "result.h"
#include "score.h"

/* Scores are kept per category and overall (all four categories together). */
#define SCORE_OVERALL N_CATEGORIES
#define N_SCORES      (N_CATEGORIES + 1)

/* "actors" ... "claims", "overall". */
extern const char *const score_names[N_SCORES];

struct cJSON;

struct article_result {
    char *id;
    char *reason; /* why the backend failed this article, or NULL */
    struct prf counts[N_MODES][N_SCORES];
    struct breakdown breakdown[N_CATEGORIES];
    struct cJSON *errors; /* listings (score.h); NULL for failed articles */
};

/* A backend's totals over the corpus. */
struct summary {
    struct prf total[N_MODES][N_SCORES];
    double ci[N_MODES][N_SCORES][2]; /* bootstrap 95% interval of micro F1 */
    double macro_f1[N_MODES];        /* mean of the four category F1s */
    struct breakdown breakdown[N_CATEGORIES];
};

struct backend_run {
    char *name;
    struct article_result *articles;
    size_t n_articles, cap_articles;
    size_t failed;
    struct summary summary;
};

/* The paired test between backends a and b (indices into runs). */
struct comparison {
    size_t a, b;
    double delta[N_MODES][N_SCORES]; /* F1(a) - F1(b) */
    double p[N_MODES][N_SCORES];
};

struct eval {
    struct config cfg;
    char *corpus_path, *gold_dir;
    size_t n_articles; /* articles scored: those with gold */
    struct backend_run *runs;
    size_t n_runs;
    struct comparison *comparisons;
    size_t n_comparisons;
};

/*
 * Runs the backends named by specs[0..n_specs) over the corpus and scores
 * them. Articles without gold are not scored (a warning each); a corpus
 * with no article to score is an error, not a perfect score. Returns
 * FB_OK with *e filled (release with eval_release()); FB_EINPUT when the
 * corpus or the gold has errors, FB_EUSAGE for an unknown backend, or
 * FB_ERUNTIME when a backend cannot start, all reported to d.
 */
fb_result eval_run(struct eval *e, const struct config *cfg, const char *corpus_path,
                   const char *gold_dir, const char *const *specs, size_t n_specs, struct diag *d);

void eval_release(struct eval *e);

#endif
