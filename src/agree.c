#include "agree.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "fileio.h"
#include "gold.h"
#include "score.h"
#include "xalloc.h"

const char *const agree_names[N_AGREE] = {"actors.type", "actors.role", "dates.what", "claims.kind",
                                          "counts.qualifier"};

/* The category of each attribute, and its label on item i (0: not given). */
static const enum category agree_category[N_AGREE] = {CAT_ACTORS, CAT_ACTORS, CAT_DATES, CAT_CLAIMS,
                                                      CAT_COUNTS};

static int label(const struct gold_doc *g, int attr, size_t i)
{
    switch (attr) {
    case AGREE_TYPE:
        return (int)g->actors[i].type;
    case AGREE_ROLE:
        return (int)g->actors[i].role;
    case AGREE_DATE_KIND:
        return (int)g->dates[i].what + 1;
    case AGREE_CLAIM_KIND:
        return (int)g->claims[i].kind + 1;
    default:
        return (int)g->counts[i].qualifier;
    }
}

static void compare_article(const struct config *cfg, const struct gold_doc *a,
                            const struct gold_doc *b, struct agreement *out)
{
    struct match_doc *ma = match_prepare(a, true), *mb = match_prepare(b, true);
    struct article_score s;
    struct buf reason = BUF_INIT;
    if (score_article(&cfg->match, ma, mb, &s, NULL, &reason)) {
        for (int m = 0; m < N_MODES; m++)
            for (int c = 0; c < N_CATEGORIES; c++) {
                prf_add(&out->counts[m][c], s.counts[m][c]);
                prf_add(&out->counts[m][SCORE_OVERALL], s.counts[m][c]);
            }
        for (int k = 0; k < N_AGREE; k++) {
            enum category c = agree_category[k];
            size_t n = gold_n_items(a, c) + 1;
            size_t *ia = xcalloc(n, sizeof(*ia)), *ib = xcalloc(n, sizeof(*ib));
            size_t pairs = score_pairs(&cfg->match, ma, mb, c, MODE_LENIENT, ia, ib);
            for (size_t p = 0; p < pairs; p++) {
                int la = label(a, k, ia[p]), lb = label(b, k, ib[p]);
                if (!la || !lb)
                    continue;
                out->kappa[k].table[la][lb]++;
                out->kappa[k].n++;
            }
            free(ia);
            free(ib);
        }
    }
    buf_release(&reason);
    match_doc_free(ma);
    match_doc_free(mb);
}

static struct gold_doc *load(const struct config *cfg, const char *dir, const char *id,
                             struct diag *d)
{
    struct buf path = BUF_INIT;
    buf_addf(&path, "%s/%s.json", dir, id);
    struct gold_source src = {path.data, id, NULL, 0};
    struct gold_doc *g = NULL;
    gold_load_within(&cfg->limits, GOLD_REFERENCE, &src, &g, d);
    buf_release(&path);
    return g;
}

fb_result agree_run(const struct config *cfg, const char *dir_a, const char *dir_b,
                    struct agreement *out, struct diag *d)
{
    memset(out, 0, sizeof(*out));
    if (fileio_check_dir(dir_a, "gold directory", d) != FB_OK ||
        fileio_check_dir(dir_b, "gold directory", d) != FB_OK)
        return FB_EINPUT;
    size_t errors = d->errors, na, nb;
    char **ids_a = fileio_list(dir_a, ".json", "gold directory", &na, d);
    char **ids_b = fileio_list(dir_b, ".json", "gold directory", &nb, d);
    for (size_t i = 0, j = 0; i < na || j < nb;) {
        int cmp = i == na ? 1 : j == nb ? -1 : strcmp(ids_a[i], ids_b[j]);
        if (cmp < 0) {
            out->only_a++;
            i++;
            continue;
        }
        if (cmp > 0) {
            diag_warning(d, "%s/%s.json: not in '%s', not compared", dir_b, ids_b[j], dir_a);
            out->only_b++;
            j++;
            continue;
        }
        struct gold_doc *a = load(cfg, dir_a, ids_a[i], d), *b = load(cfg, dir_b, ids_b[j], d);
        if (a && b) {
            compare_article(cfg, a, b, out);
            out->articles++;
        }
        gold_free(a);
        gold_free(b);
        i++;
        j++;
    }
    fileio_free_list(ids_a);
    fileio_free_list(ids_b);
    if (d->errors > errors)
        return FB_EINPUT;
    if (!out->articles) {
        diag_error(d, "no article is annotated in both '%s' and '%s'", dir_a, dir_b);
        return FB_EINPUT;
    }
    return FB_OK;
}

bool agree_kappa(const struct kappa *k, double *observed, double *expected, double *kappa)
{
    if (!k->n)
        return false;
    double n = (double)k->n, po = 0, pe = 0;
    for (int i = 0; i < AGREE_MAX_LABELS; i++) {
        double row = 0, col = 0;
        for (int j = 0; j < AGREE_MAX_LABELS; j++) {
            row += (double)k->table[i][j];
            col += (double)k->table[j][i];
        }
        po += (double)k->table[i][i];
        pe += (row / n) * (col / n);
    }
    *observed = po / n;
    *expected = pe;
    if (pe >= 1.0)
        return false;
    *kappa = (*observed - pe) / (1.0 - pe);
    return true;
}

void agree_print(const struct agreement *a, const char *dir_a, const char *dir_b, FILE *out)
{
    fprintf(out, "# Inter-annotator agreement\n\n");
    fprintf(out, "%zu articles annotated in both `%s` (A, the reference) and `%s` (B)", a->articles,
            dir_a, dir_b);
    fprintf(out, "; %zu only in A, %zu only in B.\n\n", a->only_a, a->only_b);
    fprintf(out, "| category | mode | TP | FP | FN | P | R | F1 |\n");
    fprintf(out, "|---|---|--:|--:|--:|--:|--:|--:|\n");
    for (int c = 0; c < N_SCORES; c++)
        for (int m = 0; m < N_MODES; m++) {
            struct prf x = a->counts[m][c];
            fprintf(out, "| %s | %s | %lld | %lld | %lld | %.3f | %.3f | %.3f |\n", score_names[c],
                    mode_names[m], (long long)x.tp, (long long)x.fp, (long long)x.fn,
                    prf_precision(x), prf_recall(x), prf_f1(x));
        }
    fprintf(out, "\nCohen's kappa on the attributes of leniently matched items:\n\n");
    fprintf(out, "| attribute | pairs | observed | chance | kappa |\n|---|--:|--:|--:|--:|\n");
    for (int k = 0; k < N_AGREE; k++) {
        double po, pe, kappa;
        if (agree_kappa(&a->kappa[k], &po, &pe, &kappa))
            fprintf(out, "| %s | %ld | %.3f | %.3f | %.3f |\n", agree_names[k], a->kappa[k].n, po,
                    pe, kappa);
        else
            fprintf(out, "| %s | %ld | | | not defined |\n", agree_names[k], a->kappa[k].n);
    }
}
