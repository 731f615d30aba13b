/*
 * render_md.c - report.md: a summary that fits a CI step summary.
 */
#include <stdio.h>
#include <string.h>

#include "escape.h"
#include "fileio.h"
#include "plots.h"
#include "render.h"

#define MAX_FAILURES_SHOWN 10

static void name(struct buf *b, const char *s)
{
    escape_md(b, s);
}

static void scores_table(struct buf *b, const cJSON *report, const char *mode)
{
    const cJSON *be;
    char path[96];
    buf_addf(b, "\n### %s%s\n\n", mode,
             strcmp(mode, rj_str(report, "config.mode", "strict")) == 0 ? " (headline)" : "");
    buf_adds(b, "| backend | category | P | R | F1 | 95% CI | TP | FP | FN |\n"
                "|---|---|--:|--:|--:|---|--:|--:|--:|\n");
    cJSON_ArrayForEach(be, rj(report, "backends"))
    {
        for (int k = 0; k < N_SCORES; k++) {
            snprintf(path, sizeof(path), "scores.%s.%s", mode, render_scores[k]);
            const cJSON *m = rj(be, path);
            const cJSON *ci = rj(m, "f1_ci95");
            buf_adds(b, "| ");
            if (k == 0)
                name(b, rj_str(be, "name", "?"));
            buf_addf(b, " | %s | %.3f | %.3f | **%.3f** | ", render_scores[k],
                     rj_num(m, "precision", 0), rj_num(m, "recall", 0), rj_num(m, "f1", 0));
            if (cJSON_GetArraySize(ci) == 2)
                buf_addf(b, "%.3f–%.3f", cJSON_GetArrayItem(ci, 0)->valuedouble,
                         cJSON_GetArrayItem(ci, 1)->valuedouble);
            buf_addf(b, " | %.0f | %.0f | %.0f |\n", rj_num(m, "tp", 0), rj_num(m, "fp", 0),
                     rj_num(m, "fn", 0));
        }
        snprintf(path, sizeof(path), "scores.%s.macro_f1", mode);
        buf_addf(b, "| | macro F1 | | | %.3f | | | | |\n", rj_num(be, path, 0));
    }
}

static void failures(struct buf *b, const cJSON *report)
{
    const cJSON *be, *f;
    bool any = false;
    cJSON_ArrayForEach(be, rj(report, "backends"))
    {
        int n = cJSON_GetArraySize(rj(be, "failures"));
        if (!n)
            continue;
        if (!any)
            buf_adds(b, "\n## Failed articles\n\nTheir gold counts as missed.\n");
        any = true;
        buf_adds(b, "\n**");
        name(b, rj_str(be, "name", "?"));
        buf_addf(b, "**: %d failed\n\n", n);
        int shown = 0;
        cJSON_ArrayForEach(f, rj(be, "failures"))
        {
            if (shown++ == MAX_FAILURES_SHOWN) {
                buf_addf(b, "- … and %d more (see report.json)\n", n - MAX_FAILURES_SHOWN);
                break;
            }
            buf_adds(b, "- ");
            name(b, rj_str(f, "article", "?"));
            buf_adds(b, ": ");
            name(b, rj_str(f, "reason", ""));
            buf_addc(b, '\n');
        }
    }
}

static void tokens(struct buf *b, const cJSON *usage, const char *key)
{
    const cJSON *t = rj(usage, key);
    if (t)
        buf_addf(b, " %.0f (%.1f per article) |", rj_num(t, "total", 0), rj_num(t, "mean", 0));
    else
        buf_adds(b, " – |");
}

/* A cost line per backend that measured one (http:, llm:). */
static void usage(struct buf *b, const cJSON *report)
{
    const cJSON *be;
    bool any = false;
    cJSON_ArrayForEach(be, rj(report, "backends"))
    {
        const cJSON *u = rj(be, "usage");
        if (!u)
            continue;
        if (!any)
            buf_adds(b, "\n## Cost\n\nOf the requests this run made (answers from the cache cost "
                        "nothing).\n\n| backend | articles | mean latency | total latency | prompt "
                        "tokens | completion tokens |\n|---|--:|--:|--:|--:|--:|\n");
        any = true;
        buf_adds(b, "| ");
        name(b, rj_str(be, "name", "?"));
        buf_addf(b, " | %.0f | %.0f ms | %.1f s |", rj_num(u, "articles", 0),
                 rj_num(u, "latency_ms.mean", 0), rj_num(u, "latency_ms.total", 0) / 1000.0);
        tokens(b, u, "prompt_tokens");
        tokens(b, u, "completion_tokens");
        buf_addc(b, '\n');
    }
}

static void comparisons(struct buf *b, const cJSON *report)
{
    const cJSON *c;
    if (!cJSON_GetArraySize(rj(report, "comparisons")))
        return;
    buf_addf(b,
             "\n## Comparisons\n\nPaired approximate randomisation over articles (%.0f "
             "shuffles); ΔF1 = F1(A) − F1(B), overall.\n\n"
             "| A | B | mode | ΔF1 | p |\n|---|---|---|--:|--:|\n",
             rj_num(report, "config.permutations", 0));
    cJSON_ArrayForEach(c, rj(report, "comparisons"))
    {
        buf_adds(b, "| ");
        name(b, rj_str(c, "a", "?"));
        buf_adds(b, " | ");
        name(b, rj_str(c, "b", "?"));
        double p = rj_num(c, "p_value", 1);
        buf_addf(b, " | %s | %+.3f | %.4f%s |\n", rj_str(c, "mode", "?"), rj_num(c, "delta_f1", 0),
                 p, p < 0.05 ? " *" : "");
    }
}

static void gate(struct buf *b, const cJSON *report)
{
    const cJSON *g = rj(report, "gate"), *c;
    if (!g)
        return;
    bool passed = cJSON_IsTrue(rj(g, "passed"));
    buf_addf(b, "\n## Quality gate: %s\n\n", passed ? "passed" : "**FAILED**");
    cJSON_ArrayForEach(c, rj(g, "checks"))
    {
        bool ok = cJSON_IsTrue(rj(c, "passed"));
        buf_addf(b, "- %s ", ok ? "✅" : "❌");
        name(b, rj_str(c, "backend", "?"));
        if (strcmp(rj_str(c, "check", ""), "fail_under") == 0)
            buf_addf(b, ": %s F1 %.4f, at least %.4f required\n", rj_str(c, "category", "?"),
                     rj_num(c, "f1", 0), rj_num(c, "threshold", 0));
        else
            buf_addf(b, ": %s F1 %.4f, baseline %.4f, drop %.4f (at most %.4f)%s\n",
                     rj_str(c, "category", "?"), rj_num(c, "f1", 0), rj_num(c, "baseline_f1", 0),
                     rj_num(c, "drop", 0), rj_num(c, "threshold", 0),
                     rj(c, "p_value")
                         ? (rj_num(c, "p_value", 1) < 0.05 ? ", significant" : ", not significant")
                         : "");
    }
}

static void plots(struct buf *b, const struct plots *p)
{
    if (!p)
        return;
    if (p->skipped[0]) {
        buf_addf(b, "\n_%s._\n", p->skipped);
        return;
    }
    for (int k = 0; k < N_PLOTS; k++)
        if (p->drawn[k])
            buf_addf(b, "\n![%s](plots/%s.png)\n", plot_captions[k], plot_names[k]);
}

static void render(const struct render_input *in, struct fileio_stream *out)
{
    struct buf *b = &out->text;
    const cJSON *r = in->report;
    buf_adds(b, "# factbench report\n\n");
    buf_addf(b, "%.0f articles from `", rj_num(r, "corpus.articles", 0));
    escape_md(b, rj_str(r, "corpus.path", "?"));
    buf_adds(b, "` scored against `");
    escape_md(b, rj_str(r, "corpus.gold", "?"));
    buf_addf(b,
             "`; %d backend(s); claim similarity %.2f strict, %.2f lenient; count tolerance "
             "%.2f.\n",
             cJSON_GetArraySize(rj(r, "backends")), rj_num(r, "config.claim_strict", 0),
             rj_num(r, "config.claim_lenient", 0), rj_num(r, "config.count_tolerance", 0));
    gate(b, r);
    buf_adds(b, "\n## Scores\n");
    scores_table(b, r, rj_str(r, "config.mode", "strict"));
    for (int m = 0; m < N_MODES; m++)
        if (strcmp(render_modes[m], rj_str(r, "config.mode", "strict")) != 0)
            scores_table(b, r, render_modes[m]);
    comparisons(b, r);
    usage(b, r);
    failures(b, r);
    plots(b, in->plots);
}

const struct renderer render_md = {"report.md", render};
