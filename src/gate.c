#include "gate.h"

#include <stdlib.h>
#include <string.h>

#include "stats.h"
#include "xalloc.h"

void gate_options_init(struct gate_options *g)
{
    for (int i = 0; i < N_SCORES; i++)
        g->fail_under[i] = -1;
    g->max_drop = -1;
    g->require_significant = false;
    g->alpha = 0.05;
}

bool gate_wanted(const struct gate_options *g)
{
    for (int i = 0; i < N_SCORES; i++)
        if (g->fail_under[i] >= 0)
            return true;
    return g->max_drop >= 0;
}

bool gate_parse_fail_under(struct gate_options *g, const char *arg, struct diag *d)
{
    int score = SCORE_OVERALL;
    const char *value = arg, *eq = strchr(arg, '=');
    if (eq) {
        score = -1;
        for (int i = 0; i < N_SCORES; i++)
            if (strlen(score_names[i]) == (size_t)(eq - arg) &&
                strncmp(score_names[i], arg, (size_t)(eq - arg)) == 0)
                score = i;
        value = eq + 1;
    }
    char *end;
    double f = strtod(value, &end);
    if (score < 0 || end == value || *end || !(f >= 0 && f <= 1)) {
        diag_error(d,
                   "--fail-under: expected F1 from 0 to 1, or CATEGORY=F1 (actors, counts, "
                   "dates, claims, overall), not '%s'",
                   arg);
        return false;
    }
    g->fail_under[score] = f;
    return true;
}

static struct gate_check *add(struct gate_result *r, size_t *cap)
{
    XGROW(r->checks, *cap, r->n_checks + 1);
    struct gate_check *c = &r->checks[r->n_checks++];
    memset(c, 0, sizeof(*c));
    c->p_value = -1;
    return c;
}

/*
 * The paired test of one score between a run and its baseline, over the
 * articles both have (matched by id). Returns -1 when they share none.
 */
static double drop_p_value(const struct eval *e, const struct backend_run *cur,
                           const struct backend_run *base, int score)
{
    struct article_pairs pairs;
    eval_pairs(cur, base, &pairs);
    double delta, p = -1;
    eval_paired_test(&pairs, e->cfg.mode, score, &e->cfg, &delta, &p);
    eval_pairs_release(&pairs);
    return p;
}

void gate_evaluate(const struct eval *e, const struct eval *baseline, const struct gate_options *g,
                   struct gate_result *out, struct diag *d)
{
    memset(out, 0, sizeof(*out));
    out->passed = true;
    size_t cap = 0;
    enum mode m = e->cfg.mode;
    for (size_t i = 0; i < e->n_runs; i++) {
        const struct backend_run *run = &e->runs[i];
        for (int s = 0; s < N_SCORES; s++) {
            if (g->fail_under[s] < 0)
                continue;
            struct gate_check *c = add(out, &cap);
            *c = (struct gate_check){run->name,
                                     s,
                                     GATE_FAIL_UNDER,
                                     g->fail_under[s],
                                     prf_f1(run->summary.total[m][s]),
                                     -1,
                                     -1,
                                     true};
            c->passed = c->value >= c->threshold - 1e-12;
            out->passed &= c->passed;
        }
        const struct backend_run *base = baseline ? eval_run_named(baseline, run->name) : NULL;
        if (g->max_drop < 0 || !baseline)
            continue;
        if (!base) {
            diag_warning(d, "the baseline has no backend '%s': its drop is not checked", run->name);
            continue;
        }
        for (int s = N_SCORES - 1; s >= 0; s--) { /* overall first */
            struct gate_check *c = add(out, &cap);
            *c = (struct gate_check){run->name,
                                     s,
                                     GATE_MAX_DROP,
                                     g->max_drop,
                                     prf_f1(run->summary.total[m][s]),
                                     prf_f1(base->summary.total[m][s]),
                                     -1,
                                     true};
            bool dropped = c->baseline - c->value > c->threshold + 1e-12;
            if (dropped && g->require_significant) {
                c->p_value = drop_p_value(e, run, base, s);
                dropped = c->p_value >= 0 && c->p_value < g->alpha;
            }
            c->passed = !dropped;
            out->passed &= c->passed;
        }
    }
}

void gate_explain(const struct gate_result *r, FILE *out)
{
    for (size_t i = 0; i < r->n_checks; i++) {
        const struct gate_check *c = &r->checks[i];
        if (c->passed)
            continue;
        if (c->kind == GATE_FAIL_UNDER)
            fprintf(out, "gate: %s: %s F1 %.4f is under %.4f\n", c->backend, score_names[c->score],
                    c->value, c->threshold);
        else
            fprintf(out, "gate: %s: %s F1 dropped by %.4f (from %.4f to %.4f), more than %.4f%s\n",
                    c->backend, score_names[c->score], c->baseline - c->value, c->baseline,
                    c->value, c->threshold, c->p_value >= 0 ? " (significant)" : "");
    }
}

void gate_release(struct gate_result *r)
{
    free(r->checks);
    memset(r, 0, sizeof(*r));
}
