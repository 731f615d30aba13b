/*
 * render_csv.c - per_article.csv: one row per backend, article and mode.
 */
#include <stdio.h>

#include "escape.h"
#include "render.h"

static void render(const struct render_input *in, struct buf *b)
{
    const cJSON *be, *a;
    char path[96];
    buf_adds(b, "backend,article,failed,reason,mode,tp,fp,fn,precision,recall,f1,"
                "actors_f1,counts_f1,dates_f1,claims_f1\r\n");
    cJSON_ArrayForEach(be, rj(in->report, "backends"))
    {
        cJSON_ArrayForEach(a, rj(be, "per_article"))
        {
            for (int m = 0; m < 2; m++) {
                escape_csv(b, rj_str(be, "name", ""));
                buf_addc(b, ',');
                escape_csv(b, rj_str(a, "article", ""));
                buf_addf(b, ",%s,", cJSON_IsTrue(rj(a, "failed")) ? "true" : "false");
                escape_csv(b, rj_str(a, "reason", ""));
                snprintf(path, sizeof(path), "scores.%s.overall", render_modes[m]);
                const cJSON *o = rj(a, path);
                buf_addf(b, ",%s,%.0f,%.0f,%.0f,%.6f,%.6f,%.6f", render_modes[m],
                         rj_num(o, "tp", 0), rj_num(o, "fp", 0), rj_num(o, "fn", 0),
                         rj_num(o, "precision", 0), rj_num(o, "recall", 0), rj_num(o, "f1", 0));
                for (int k = 1; k < 5; k++) {
                    snprintf(path, sizeof(path), "scores.%s.%s.f1", render_modes[m],
                             render_scores[k]);
                    buf_addf(b, ",%.6f", rj_num(a, path, 0));
                }
                buf_adds(b, "\r\n");
            }
        }
    }
}

const struct renderer render_csv = {"per_article.csv", render};
