#include "compare.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "escape.h"
#include "stats.h"
#include "xalloc.h"

static void cell(FILE *out, const char *s)
{
    struct buf b = BUF_INIT;
    escape_md(&b, s);
    fputs(b.data, out);
    buf_release(&b);
}

static void scores(FILE *out, const struct eval *b, const struct backend_run *x,
                   const struct backend_run *y, const struct article_pairs *pairs)
{
    fprintf(out, "| mode | score | F1 (A) | F1 (B) | ΔF1 (B − A) | p | articles |\n"
                 "|---|---|--:|--:|--:|--:|--:|\n");
    for (int m = 0; m < N_MODES; m++) {
        for (int k = N_SCORES - 1; k >= 0; k--) {
            double fa = prf_f1(x->summary.total[m][k]), fb = prf_f1(y->summary.total[m][k]);
            double delta, p = -1;
            eval_paired_test(pairs, (enum mode)m, k, &b->cfg, &delta, &p);
            fprintf(out, "| %s | %s | %.4f | %.4f | %+.4f | ", mode_names[m], score_names[k], fa,
                    fb, fb - fa);
            if (p >= 0)
                fprintf(out, "%.4f%s | %zu |\n", p, p < 0.05 ? " *" : "", pairs->n);
            else
                fprintf(out, "— | 0 |\n");
        }
    }
}

struct change {
    const char *id;
    double before, after;
};

static int by_size(const void *x, const void *y)
{
    const struct change *a = x, *b = y;
    double da = fabs(a->after - a->before), db = fabs(b->after - b->before);
    if (da != db)
        return da < db ? 1 : -1;
    return strcmp(a->id, b->id);
}

static void changed_articles(FILE *out, enum mode m, const struct article_pairs *pairs)
{
    struct change *c = xcalloc(pairs->n + 1, sizeof(*c));
    size_t k = pairs->n;
    for (size_t i = 0; i < k; i++) /* x: after (B), y: before (A) */
        c[i] = (struct change){pairs->ids[i], prf_f1(pairs->y[i][m][SCORE_OVERALL]),
                               prf_f1(pairs->x[i][m][SCORE_OVERALL])};
    qsort(c, k, sizeof(*c), by_size);
    fprintf(out,
            "\nArticles whose overall F1 (%s) changed most:\n\n| article | F1 (A) | F1 (B) | Δ |\n"
            "|---|--:|--:|--:|\n",
            mode_names[m]);
    size_t shown = 0;
    for (size_t i = 0; i < k && shown < COMPARE_TOP_ARTICLES; i++) {
        if (c[i].after == c[i].before)
            break;
        fputs("| ", out);
        cell(out, c[i].id);
        fprintf(out, " | %.3f | %.3f | %+.3f |\n", c[i].before, c[i].after,
                c[i].after - c[i].before);
        shown++;
    }
    if (!shown)
        fputs("| (none changed) | | | |\n", out);
    free(c);
}

size_t compare_print(const struct eval *a, const char *name_a, const struct eval *b,
                     const char *name_b, FILE *out)
{
    fputs("# factbench compare\n\nA: `", out);
    cell(out, name_a);
    fprintf(out, "` (%zu articles), B: `", a->n_articles);
    cell(out, name_b);
    fprintf(out,
            "` (%zu articles). p: paired approximate randomisation over the articles both "
            "scored (%u shuffles); * marks p < 0.05.\n",
            b->n_articles, b->cfg.permutations);
    size_t pairs = 0;
    bool single = a->n_runs == 1 && b->n_runs == 1;
    for (size_t i = 0; i < b->n_runs; i++) {
        const struct backend_run *y = &b->runs[i];
        const struct backend_run *x = single ? &a->runs[0] : eval_run_named(a, y->name);
        if (!x)
            continue;
        fputs("\n## ", out);
        cell(out, x->name);
        if (strcmp(x->name, y->name) != 0) {
            fputs(" → ", out);
            cell(out, y->name);
        }
        fputs("\n\n", out);
        struct article_pairs matched;
        eval_pairs(y, x, &matched);
        scores(out, b, x, y, &matched);
        changed_articles(out, b->cfg.mode, &matched);
        eval_pairs_release(&matched);
        pairs++;
    }
    if (!pairs)
        fputs("\nNo backend of B has the name of a backend of A.\n", out);
    return pairs;
}
