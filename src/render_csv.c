/*
 * render_csv.c - per_article.csv: one row per backend, article and mode,
 * with what the article cost when the backend measured it (latency, and
 * tokens for llm:; empty otherwise).
 */
#include <stdio.h>

#include "escape.h"
#include "eval.h"
#include "fileio.h"
#include "render.h"

/* ",latency,prompt,completion", each empty when unknown */
static void cost(struct buf *b, const struct backend_usage *u)
{
    if (u->known)
        buf_addf(b, ",%.3f", u->latency_ms);
    else
        buf_addc(b, ',');
    const int64_t tokens[] = {u->known ? u->prompt_tokens : -1,
                              u->known ? u->completion_tokens : -1};
    for (int k = 0; k < 2; k++)
        if (tokens[k] >= 0)
            buf_addf(b, ",%lld", (long long)tokens[k]);
        else
            buf_addc(b, ',');
}

static void render(const struct render_input *in, struct fileio_stream *out)
{
    struct buf *b = &out->text;
    buf_adds(b, "backend,article,failed,reason,mode,tp,fp,fn,precision,recall,f1,"
                "actors_f1,counts_f1,dates_f1,claims_f1,latency_ms,prompt_tokens,"
                "completion_tokens\r\n");
    for (size_t i = 0; i < in->e->n_runs; i++) {
        const struct backend_run *run = &in->e->runs[i];
        struct store_cursor c;
        struct article_row a;
        store_open(&c, run->articles);
        while (store_next(&c, &a)) {
            for (int m = 0; m < N_MODES; m++) {
                struct prf o = a.counts[m][SCORE_OVERALL];
                escape_csv(b, run->name);
                buf_addc(b, ',');
                escape_csv(b, a.id);
                buf_addf(b, ",%s,", a.reason ? "true" : "false");
                escape_csv(b, a.reason ? a.reason : "");
                buf_addf(b, ",%s,%lld,%lld,%lld", mode_names[m], (long long)o.tp, (long long)o.fp,
                         (long long)o.fn);
                const double ratios[] = {prf_precision(o), prf_recall(o), prf_f1(o)};
                for (size_t k = 0; k < 3 + N_CATEGORIES; k++) {
                    buf_addc(b, ',');
                    render_decimal(b, k < 3 ? ratios[k] : prf_f1(a.counts[m][k - 3]), 6);
                }
                cost(b, &a.usage);
                buf_adds(b, "\r\n");
            }
            fileio_stream_flush(out);
        }
        store_close(&c);
    }
}

const struct renderer render_csv = {"per_article.csv", render};
