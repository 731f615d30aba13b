#include "report.h"

#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "buf.h"
#include "fileio.h"
#include "gate.h"
#include "json.h"
#include "plots.h"
#include "render.h"

/* ---- building the tree ---------------------------------------------------- */

/* M of SPEC section 7: counts and derived scores, with the interval when ci is given. */
static cJSON *metrics_json(struct prf c, const double *ci)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "tp", (double)c.tp);
    cJSON_AddNumberToObject(o, "fp", (double)c.fp);
    cJSON_AddNumberToObject(o, "fn", (double)c.fn);
    cJSON_AddNumberToObject(o, "precision", prf_precision(c));
    cJSON_AddNumberToObject(o, "recall", prf_recall(c));
    cJSON_AddNumberToObject(o, "f1", prf_f1(c));
    if (ci) {
        const double both[2] = {ci[0], ci[1]};
        cJSON_AddItemToObject(o, "f1_ci95", cJSON_CreateDoubleArray(both, 2)); /* takes it */
    }
    return o;
}

static cJSON *config_json(const struct config *cfg, const char *fingerprint)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "fingerprint", fingerprint);
    cJSON_AddStringToObject(o, "mode", mode_names[cfg->mode]);
    cJSON_AddNumberToObject(o, "claim_strict", cfg->match.claim_strict);
    cJSON_AddNumberToObject(o, "claim_lenient", cfg->match.claim_lenient);
    cJSON_AddNumberToObject(o, "count_tolerance", cfg->match.count_tolerance);
    cJSON_AddNumberToObject(o, "bootstrap", cfg->bootstrap);
    cJSON_AddNumberToObject(o, "permutations", cfg->permutations);
    cJSON_AddNumberToObject(o, "seed", (double)cfg->seed);
    return o;
}

static cJSON *scores_json(const struct prf counts[N_MODES][N_SCORES],
                          const double (*ci)[N_SCORES][2], const double *macro)
{
    cJSON *o = cJSON_CreateObject();
    for (int m = 0; m < N_MODES; m++) {
        cJSON *mode = cJSON_AddObjectToObject(o, mode_names[m]);
        for (int c = N_SCORES - 1; c >= 0; c--) /* overall first, as people read it */
            cJSON_AddItemToObject(mode, score_names[c],
                                  metrics_json(counts[m][c], ci ? ci[m][c] : NULL));
        if (macro)
            cJSON_AddNumberToObject(mode, "macro_f1", macro[m]);
    }
    return o;
}

static cJSON *breakdown_json(const struct breakdown *b)
{
    cJSON *o = cJSON_CreateObject();
    for (int c = 0; c < N_CATEGORIES; c++) {
        cJSON *cat = cJSON_AddObjectToObject(o, category_names[c]);
        cJSON_AddNumberToObject(cat, "correct", (double)b[c].correct);
        cJSON_AddNumberToObject(cat, "partial", (double)b[c].partial);
        cJSON_AddNumberToObject(cat, "missing", (double)b[c].missing);
        cJSON_AddNumberToObject(cat, "spurious", (double)b[c].spurious);
        cJSON *attrs = cJSON_AddObjectToObject(cat, "attributes");
        for (int k = 0; k < MATCH_MAX_ATTRS; k++) {
            cJSON *a = cJSON_AddObjectToObject(attrs, matchers[c]->attr_names[k]);
            cJSON_AddNumberToObject(a, "agree", (double)b[c].agree[k]);
            cJSON_AddNumberToObject(a, "compared", (double)b[c].compared[k]);
            if (b[c].compared[k])
                cJSON_AddNumberToObject(a, "accuracy",
                                        (double)b[c].agree[k] / (double)b[c].compared[k]);
            else
                cJSON_AddNullToObject(a, "accuracy");
        }
    }
    return o;
}

/* What one article cost: latency, and tokens when known. */
static cJSON *usage_json(const struct backend_usage *u)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "latency_ms", u->latency_ms);
    if (u->prompt_tokens >= 0)
        cJSON_AddNumberToObject(o, "prompt_tokens", (double)u->prompt_tokens);
    if (u->completion_tokens >= 0)
        cJSON_AddNumberToObject(o, "completion_tokens", (double)u->completion_tokens);
    return o;
}

static void add_total(cJSON *o, const char *key, double total, size_t n)
{
    cJSON *x = cJSON_AddObjectToObject(o, key);
    cJSON_AddNumberToObject(x, "total", total);
    cJSON_AddNumberToObject(x, "mean", total / (double)n);
}

/* Totals and means over the articles whose cost was measured; NULL when there is none. */
static cJSON *usage_totals_json(const struct usage_totals *u)
{
    if (!u->articles)
        return NULL;
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "articles", (double)u->articles);
    add_total(o, "latency_ms", u->latency_ms, u->articles);
    if (u->prompt_articles)
        add_total(o, "prompt_tokens", u->prompt_tokens, u->prompt_articles);
    if (u->completion_articles)
        add_total(o, "completion_tokens", u->completion_tokens, u->completion_articles);
    return o;
}

void report_entry(const struct article_result *r, struct buf *out)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "article", r->id);
    cJSON_AddNumberToObject(o, "position", (double)r->position);
    cJSON_AddBoolToObject(o, "failed", r->reason != NULL);
    if (r->reason)
        cJSON_AddStringToObject(o, "reason", r->reason);
    if (r->usage.known)
        cJSON_AddItemToObject(o, "usage", usage_json(&r->usage)); /* takes it */
    struct prf counts[N_MODES][N_SCORES];
    memcpy(counts, r->counts, sizeof(counts));
    for (int m = 0; m < N_MODES; m++) { /* overall: the sum, whatever r says */
        counts[m][SCORE_OVERALL] = (struct prf){0, 0, 0};
        for (int c = 0; c < N_CATEGORIES; c++)
            prf_add(&counts[m][SCORE_OVERALL], counts[m][c]);
    }
    cJSON_AddItemToObject(o, "scores", scores_json(counts, NULL, NULL));
    cJSON_AddItemToObject(o, "breakdown", breakdown_json(r->breakdown));
    if (r->errors)
        cJSON_AddItemReferenceToObject(o, "errors", r->errors); /* still owned by r */
    json_print_compact(o, out);
    cJSON_Delete(o);
}

/* A backend without its per_article list, which report_write() streams and report_json() adds. */
static cJSON *backend_json(const struct backend_run *run)
{
    const struct summary *s = &run->summary;
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "name", run->name);
    cJSON_AddStringToObject(o, "spec", run->spec ? run->spec : run->name);
    cJSON_AddNumberToObject(o, "articles", (double)run->n_articles);
    cJSON_AddNumberToObject(o, "failed", (double)run->failed);
    if (run->external) {
        cJSON *cache = cJSON_AddObjectToObject(o, "cache");
        cJSON_AddNumberToObject(cache, "hits", (double)run->cache_hits);
        cJSON_AddNumberToObject(cache, "misses", (double)run->cache_misses);
    }
    cJSON *usage = usage_totals_json(&run->usage);
    if (usage)
        cJSON_AddItemToObject(o, "usage", usage); /* takes it */
    cJSON *failures = cJSON_AddArrayToObject(o, "failures");
    struct store_cursor c;
    struct article_row row;
    store_open(&c, run->articles);
    for (size_t found = 0; found < run->failed && store_next(&c, &row);) {
        if (!row.reason)
            continue;
        cJSON *f = cJSON_CreateObject();
        cJSON_AddStringToObject(f, "article", row.id);
        cJSON_AddStringToObject(f, "reason", row.reason);
        cJSON_AddItemToArray(failures, f);
        found++;
    }
    store_close(&c);
    cJSON_AddItemToObject(o, "scores", scores_json(s->total, s->ci, s->macro_f1));
    cJSON_AddItemToObject(o, "breakdown", breakdown_json(s->breakdown));
    return o;
}

static void add_comparisons(cJSON *root, const struct eval *e)
{
    cJSON *list = cJSON_AddArrayToObject(root, "comparisons");
    for (size_t i = 0; i < e->n_comparisons; i++) {
        const struct comparison *c = &e->comparisons[i];
        for (int m = 0; m < N_MODES; m++) {
            cJSON *o = cJSON_CreateObject();
            cJSON_AddStringToObject(o, "a", e->runs[c->a].name);
            cJSON_AddStringToObject(o, "b", e->runs[c->b].name);
            cJSON_AddStringToObject(o, "mode", mode_names[m]);
            cJSON_AddNumberToObject(o, "delta_f1", c->delta[m][SCORE_OVERALL]);
            cJSON_AddNumberToObject(o, "p_value", c->p[m][SCORE_OVERALL]);
            cJSON *cats = cJSON_AddObjectToObject(o, "categories");
            for (int k = 0; k < N_CATEGORIES; k++) {
                cJSON *x = cJSON_AddObjectToObject(cats, category_names[k]);
                cJSON_AddNumberToObject(x, "delta_f1", c->delta[m][k]);
                cJSON_AddNumberToObject(x, "p_value", c->p[m][k]);
            }
            cJSON_AddItemToArray(list, o);
        }
    }
}

static cJSON *gate_json(const struct eval *e)
{
    const struct gate_result *g = e->gate;
    cJSON *o = cJSON_CreateObject();
    cJSON_AddBoolToObject(o, "passed", g->passed);
    cJSON_AddStringToObject(o, "mode", mode_names[e->cfg.mode]);
    cJSON *checks = cJSON_AddArrayToObject(o, "checks");
    for (size_t i = 0; i < g->n_checks; i++) {
        const struct gate_check *c = &g->checks[i];
        cJSON *x = cJSON_CreateObject();
        cJSON_AddStringToObject(x, "backend", c->backend);
        cJSON_AddStringToObject(x, "category", score_names[c->score]);
        cJSON_AddStringToObject(x, "check", c->kind == GATE_FAIL_UNDER ? "fail_under" : "max_drop");
        cJSON_AddNumberToObject(x, "threshold", c->threshold);
        cJSON_AddNumberToObject(x, "f1", c->value);
        if (c->kind == GATE_MAX_DROP) {
            cJSON_AddNumberToObject(x, "baseline_f1", c->baseline);
            cJSON_AddNumberToObject(x, "drop", c->baseline - c->value);
        }
        if (c->p_value >= 0)
            cJSON_AddNumberToObject(x, "p_value", c->p_value);
        cJSON_AddBoolToObject(x, "passed", c->passed);
        cJSON_AddItemToArray(checks, x);
    }
    return o;
}

cJSON *report_summary(const struct eval *e)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "schema", REPORT_SCHEMA);
    cJSON_AddStringToObject(root, "factbench", FB_VERSION);
    cJSON_AddItemToObject(root, "config", config_json(&e->cfg, e->config_fingerprint));
    cJSON *corpus = cJSON_AddObjectToObject(root, "corpus");
    cJSON_AddStringToObject(corpus, "path", e->corpus_path);
    cJSON_AddStringToObject(corpus, "gold", e->gold_dir);
    cJSON_AddNumberToObject(corpus, "articles", (double)e->n_articles);
    cJSON_AddStringToObject(corpus, "fingerprint", e->corpus_fingerprint);
    if (e->shard.count) {
        cJSON *shard = cJSON_AddObjectToObject(root, "shard");
        cJSON_AddNumberToObject(shard, "index", e->shard.index);
        cJSON_AddNumberToObject(shard, "count", e->shard.count);
    }
    cJSON *backends = cJSON_AddArrayToObject(root, "backends");
    for (size_t i = 0; i < e->n_runs; i++)
        cJSON_AddItemToArray(backends, backend_json(&e->runs[i]));
    add_comparisons(root, e);
    if (e->gate)
        cJSON_AddItemToObject(root, "gate", gate_json(e));
    return root;
}

cJSON *report_json(const struct eval *e)
{
    cJSON *root = report_summary(e);
    const cJSON *be = cJSON_GetObjectItemCaseSensitive(root, "backends")->child;
    for (size_t i = 0; i < e->n_runs; i++, be = be->next) {
        cJSON *per = cJSON_AddArrayToObject((cJSON *)be, "per_article");
        struct store_cursor c;
        struct article_row row;
        size_t len;
        store_open(&c, e->runs[i].articles);
        while (store_next(&c, &row))
            cJSON_AddItemToArray(per, cJSON_Parse(store_entry(&c, &len)));
        store_close(&c);
    }
    return root;
}

/* ---- writing ---------------------------------------------------------------- */

/* value as compact JSON, appended to out */
static void add_json(struct buf *out, const cJSON *value)
{
    char *text = cJSON_PrintUnformatted(value);
    buf_adds(out, text);
    free(text);
}

/*
 * report.json, streamed: one member of the top level per line, and in
 * each backend, as its last member, per_article with one article per line,
 * copied from the run's store.
 */
static void stream_report(const cJSON *summary, const struct eval *e, struct fileio_stream *out)
{
    struct buf *b = &out->text;
    buf_adds(b, "{");
    for (const cJSON *m = summary->child; m; m = m->next) {
        buf_addf(b, "%s\n\"%s\": ", m == summary->child ? "" : ",", m->string);
        if (strcmp(m->string, "backends") != 0) {
            add_json(b, m);
            continue;
        }
        buf_adds(b, "[");
        size_t i = 0;
        for (const cJSON *be = m->child; be; be = be->next, i++) {
            buf_adds(b, i ? ",\n" : "\n");
            add_json(b, be);
            buf_truncate(b, b->len - 1); /* the closing brace */
            buf_adds(b, ",\"per_article\":[");
            struct store_cursor c;
            struct article_row row;
            size_t len, k = 0;
            store_open(&c, e->runs[i].articles);
            while (store_next(&c, &row)) {
                buf_adds(b, k++ ? ",\n" : "\n");
                const char *entry = store_entry(&c, &len);
                buf_add(b, entry, len);
                fileio_stream_flush(out);
            }
            store_close(&c);
            buf_adds(b, k ? "\n]}" : "]}");
        }
        buf_adds(b, "\n]");
    }
    buf_adds(b, "\n}\n");
}

fb_result report_write(const struct eval *e, const char *out_dir, const char *history,
                       struct diag *d)
{
    if (fileio_mkdirs(out_dir, d) != FB_OK)
        return FB_ERUNTIME;
    cJSON *summary = report_summary(e);
    struct buf path = BUF_INIT;
    buf_addf(&path, "%s/report.json", out_dir);
    /* report.json and what derives from it appear together: a failure leaves the previous set */
    struct fileio_batch batch;
    fileio_batch_init(&batch);
    struct plots plots;
    plots_draw(summary, e, history, out_dir, &batch, &plots, d);
    fb_result rc = render_all(summary, e, &plots, out_dir, &batch, d);
    struct fileio_stream out;
    if (rc == FB_OK)
        rc = fileio_stream_open(&out, path.data, d);
    if (rc == FB_OK) {
        stream_report(summary, e, &out);
        rc = fileio_stream_finish(&out, &batch, true, d);
    }
    if (rc == FB_OK)
        rc = fileio_batch_commit(&batch, d);
    fileio_batch_release(&batch);
    plots_release(&plots);
    cJSON_Delete(summary);
    buf_release(&path);
    return rc;
}

void report_print_summary(const struct eval *e, FILE *out)
{
    enum mode m = e->cfg.mode;
    fprintf(out, "%zu articles scored (%s mode)\n", e->n_articles, mode_names[m]);
    for (size_t i = 0; i < e->n_runs; i++) {
        const struct backend_run *run = &e->runs[i];
        const struct summary *s = &run->summary;
        fprintf(out, "\n%s: %zu failed\n", run->name, run->failed);
        fprintf(out, "  %-8s %6s %6s %6s %6s %6s   %-6s  %s\n", "", "tp", "fp", "fn", "P", "R",
                "F1", "95% CI");
        for (int c = 0; c < N_SCORES; c++) {
            struct prf x = s->total[m][c];
            fprintf(out, "  %-8s %6lld %6lld %6lld %6.3f %6.3f   %6.3f  [%.3f, %.3f]\n",
                    score_names[c], (long long)x.tp, (long long)x.fp, (long long)x.fn,
                    prf_precision(x), prf_recall(x), prf_f1(x), s->ci[m][c][0], s->ci[m][c][1]);
        }
        fprintf(out, "  macro F1 %.3f\n", s->macro_f1[m]);
    }
    for (size_t i = 0; i < e->n_comparisons; i++) {
        const struct comparison *c = &e->comparisons[i];
        fprintf(out, "\n%s vs %s: delta F1 %+.3f, p = %.4f\n", e->runs[c->a].name,
                e->runs[c->b].name, c->delta[m][SCORE_OVERALL], c->p[m][SCORE_OVERALL]);
    }
}
