/*
 * gate.h - quality gates: fail a run whose scores are too low or dropped.
 *
 * Two kinds of check, both on micro F1 in the headline mode (--mode):
 * `--fail-under F` (overall) or `--fail-under counts=F` (one category), and
 * `--baseline FILE --max-drop X`: every backend that the baseline report
 * also has may lose at most X of F1, overall and in each category. With
 * `--require-significant`, a drop fails only when the paired test against
 * the baseline's per-article counts finds it significant (p < alpha).
 * Decisions depend only on the two reports, never on timing or order.
 */
#ifndef FB_GATE_H
#define FB_GATE_H

#include <stdbool.h>
#include <stdio.h>

#include "diag.h"
#include "eval.h"
#include "result.h"

struct gate_options {
    double fail_under[N_SCORES]; /* per score; < 0 when not set */
    double max_drop;             /* < 0 when not set */
    bool require_significant;
    double alpha;
};

enum gate_kind { GATE_FAIL_UNDER, GATE_MAX_DROP };

struct gate_check {
    const char *backend; /* points into the eval */
    int score;           /* SCORE_OVERALL or a category */
    enum gate_kind kind;
    double threshold; /* the minimum F1, or the largest drop allowed */
    double value;     /* the run's F1 */
    double baseline;  /* the baseline's F1 (max-drop checks) */
    double p_value;   /* of the drop (with require_significant), else -1 */
    bool passed;
};

struct gate_result {
    bool passed;
    struct gate_check *checks;
    size_t n_checks;
};

void gate_options_init(struct gate_options *g);

/*
 * Parses one --fail-under value: "0.6" (overall) or "<category>=0.7".
 * Returns false after reporting to d when it is neither.
 */
bool gate_parse_fail_under(struct gate_options *g, const char *arg, struct diag *d);

/* Whether any check is asked for. */
bool gate_wanted(const struct gate_options *g);

/*
 * Checks run e against the options (and the baseline report, NULL when
 * there is none). Fills out; release it with gate_release().
 */
void gate_evaluate(const struct eval *e, const struct eval *baseline, const struct gate_options *g,
                   struct gate_result *out, struct diag *d);

/* One line per failed check ("gate: ..."), or nothing when all passed. */
void gate_explain(const struct gate_result *r, FILE *out);

void gate_release(struct gate_result *r);

#endif
