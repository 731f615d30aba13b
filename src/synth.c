#include "synth.h"

#include <stdio.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "buf.h"
#include "eval.h"
#include "fileio.h"
#include "gold.h"
#include "stats.h"

/* Gold items per article and category: actors, counts, dates, claims. */
static const int per_article[N_CATEGORIES] = {4, 3, 2, 3};

static const char *const count_kinds[] = {"killed", "injured", "arrested"};

/* What happens to one gold item in the prediction. */
enum fate { KEPT, PERTURBED, DROPPED };

struct tally {
    struct prf made[N_MODES][N_CATEGORIES];
};

static enum fate fate_of(const struct synth_options *o, struct rng *r)
{
    if (rng_uniform(r) < o->drop)
        return DROPPED;
    return rng_uniform(r) < o->perturb ? PERTURBED : KEPT;
}

static void count_fate(struct tally *t, enum category c, enum fate f)
{
    t->made[MODE_STRICT][c].tp += f == KEPT;
    t->made[MODE_STRICT][c].fn += f != KEPT;
    t->made[MODE_STRICT][c].fp += f == PERTURBED;
    t->made[MODE_LENIENT][c].tp += f != DROPPED;
    t->made[MODE_LENIENT][c].fn += f == DROPPED;
}

/* ---- items: each unique to its article and slot ----------------------------- */

static void actor(cJSON *list, size_t i, int j, bool surname_only)
{
    char name[64];
    if (surname_only)
        snprintf(name, sizeof(name), "Surname%zus%d", i, j);
    else
        snprintf(name, sizeof(name), "Actor%zua%d Surname%zus%d", i, j, i, j);
    cJSON *a = cJSON_CreateObject();
    cJSON_AddStringToObject(a, "name", name);
    cJSON_AddStringToObject(a, "type", "person");
    cJSON_AddItemToArray(list, a); /* takes it */
}

static void count(cJSON *list, const char *what, double value)
{
    cJSON *c = cJSON_CreateObject();
    cJSON_AddStringToObject(c, "what", what);
    cJSON_AddNumberToObject(c, "value", value);
    cJSON_AddItemToArray(list, c);
}

static void date(cJSON *list, const char *what, const char *value)
{
    cJSON *x = cJSON_CreateObject();
    cJSON_AddStringToObject(x, "what", what);
    cJSON_AddStringToObject(x, "value", value);
    cJSON_AddItemToArray(list, x);
}

/* Ten tokens unique to the claim; `changed` of them replaced (similarity 2(10-c)/20). */
static void claim(cJSON *list, const char *claimant, size_t i, int j, int changed)
{
    struct buf text = BUF_INIT;
    for (int k = 0; k < 10; k++)
        buf_addf(&text, "%s%c%zuw%dx%d", k ? " " : "", k < changed ? 'p' : 't', i, j, k);
    cJSON *c = cJSON_CreateObject();
    cJSON_AddStringToObject(c, "claimant", claimant);
    cJSON_AddStringToObject(c, "kind", "statement");
    cJSON_AddStringToObject(c, "text", text.data);
    cJSON_AddItemToArray(list, c);
    buf_release(&text);
}

/* Adds the gold item (pred == false) or its prediction with fate f (pred == true). */
static void item(cJSON *doc, enum category c, size_t i, int j, bool pred, enum fate f)
{
    cJSON *list = cJSON_GetObjectItem(doc, category_names[c]);
    bool p = pred && f == PERTURBED;
    char value[16], name[96];
    switch (c) {
    case CAT_ACTORS:
        actor(list, i, j, p);
        break;
    case CAT_COUNTS: /* at least 1000: tolerance 100, so +1 matches only leniently */
        count(list, count_kinds[j], 1000.0 * (j + 1) + (double)(i % 500) + (p ? 1 : 0));
        break;
    case CAT_DATES: /* the month holds the day: a lenient match only */
        snprintf(value, sizeof(value), p ? "%04d-%02d" : "%04d-%02d-%02d", 2000 + j,
                 1 + (int)(i % 12), 1 + (int)(i % 28));
        date(list, "event", value);
        break;
    default:
        snprintf(name, sizeof(name), "Actor%zua%d Surname%zus%d", i, j, i, j);
        claim(list, name, i, j, p ? 3 : 0); /* similarity 0.7 when perturbed */
    }
}

/* A predicted item that matches nothing: kinds, years and tokens no gold item has. */
static void spurious(cJSON *doc, enum category c, size_t i, int k)
{
    cJSON *list = cJSON_GetObjectItem(doc, category_names[c]);
    char s[96];
    switch (c) {
    case CAT_ACTORS:
        snprintf(s, sizeof(s), "Ghost%zug%d Nobody%zun%d", i, k, i, k);
        cJSON *a = cJSON_CreateObject();
        cJSON_AddStringToObject(a, "name", s);
        cJSON_AddItemToArray(list, a);
        break;
    case CAT_COUNTS:
        count(list, "missing", 7 + k);
        break;
    case CAT_DATES:
        snprintf(s, sizeof(s), "%04d-01-01", 1990 + k % 10);
        date(list, "other", s);
        break;
    default:
        snprintf(s, sizeof(s), "Ghost%zug%d Nobody%zun%d", i, k, i, k);
        claim(list, s, i + 1000000000, k, 0);
    }
}

/* ---- files -------------------------------------------------------------------- */

static cJSON *new_doc(const char *id)
{
    cJSON *doc = cJSON_CreateObject();
    cJSON_AddStringToObject(doc, "article", id);
    for (int c = 0; c < N_CATEGORIES; c++)
        cJSON_AddArrayToObject(doc, category_names[c]);
    return doc;
}

static fb_result put_json(const char *dir, const char *id, cJSON *doc, struct diag *d)
{
    char *text = cJSON_PrintUnformatted(doc);
    struct buf path = BUF_INIT;
    buf_addf(&path, "%s/%s.json", dir, id);
    fb_result rc = fileio_write_atomic(path.data, text, strlen(text), false, d);
    buf_release(&path);
    cJSON_free(text);
    return rc;
}

static void article_text(size_t i, struct buf *out)
{
    buf_reset(out);
    buf_addf(out, "date 2020-%02d-%02d\n\nSynthetic article %zu.\n", 1 + (int)(i % 12),
             1 + (int)(i % 28), i);
}

static fb_result write_article(const struct synth_options *o, struct rng *r, size_t i,
                               const char *out_dir, struct buf *jsonl, struct tally *t,
                               struct diag *d)
{
    char id[32];
    snprintf(id, sizeof(id), "s%07zu", i);
    cJSON *gold = new_doc(id), *pred = new_doc(id);
    for (int c = 0; c < N_CATEGORIES; c++) {
        for (int j = 0; j < per_article[c]; j++) {
            enum fate f = fate_of(o, r);
            item(gold, (enum category)c, i, j, false, KEPT);
            if (f != DROPPED)
                item(pred, (enum category)c, i, j, true, f);
            count_fate(t, (enum category)c, f);
            if (rng_uniform(r) < o->add) {
                spurious(pred, (enum category)c, i, j);
                t->made[MODE_STRICT][c].fp++;
                t->made[MODE_LENIENT][c].fp++;
            }
        }
    }
    struct buf path = BUF_INIT, text = BUF_INIT;
    article_text(i, &text);
    buf_addf(&path, "%s/gold", out_dir);
    fb_result rc = put_json(path.data, id, gold, d);
    buf_reset(&path);
    buf_addf(&path, "%s/pred", out_dir);
    if (rc == FB_OK)
        rc = put_json(path.data, id, pred, d);
    if (rc == FB_OK && o->jsonl) {
        cJSON *line = cJSON_CreateObject();
        cJSON_AddStringToObject(line, "id", id);
        cJSON_AddStringToObject(line, "text", text.data);
        char *s = cJSON_PrintUnformatted(line);
        buf_adds(jsonl, s);
        buf_addc(jsonl, '\n');
        cJSON_free(s);
        cJSON_Delete(line);
    } else if (rc == FB_OK) {
        buf_reset(&path);
        buf_addf(&path, "%s/corpus/%s.txt", out_dir, id);
        rc = fileio_write_atomic(path.data, text.data, text.len, false, d);
    }
    buf_release(&path);
    buf_release(&text);
    cJSON_Delete(gold);
    cJSON_Delete(pred);
    return rc;
}

static cJSON *expected_json(const struct synth_options *o, const struct tally *t)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddNumberToObject(root, "articles", (double)o->articles);
    cJSON *rates = cJSON_AddObjectToObject(root, "rates");
    cJSON_AddNumberToObject(rates, "drop", o->drop);
    cJSON_AddNumberToObject(rates, "perturb", o->perturb);
    cJSON_AddNumberToObject(rates, "add", o->add);
    double d = o->drop, q = o->perturb, a = o->add;
    const double recall[N_MODES] = {(1 - d) * (1 - q), 1 - d};
    cJSON *made = cJSON_AddObjectToObject(root, "made"),
          *closed = cJSON_AddObjectToObject(root, "closed_form");
    for (int m = 0; m < N_MODES; m++) {
        cJSON *mm = cJSON_AddObjectToObject(made, mode_names[m]);
        struct prf all = {0, 0, 0};
        for (int c = 0; c < N_CATEGORIES; c++) {
            cJSON *x = cJSON_AddObjectToObject(mm, category_names[c]);
            cJSON_AddNumberToObject(x, "tp", (double)t->made[m][c].tp);
            cJSON_AddNumberToObject(x, "fp", (double)t->made[m][c].fp);
            cJSON_AddNumberToObject(x, "fn", (double)t->made[m][c].fn);
            prf_add(&all, t->made[m][c]);
        }
        cJSON *x = cJSON_AddObjectToObject(mm, "overall");
        cJSON_AddNumberToObject(x, "tp", (double)all.tp);
        cJSON_AddNumberToObject(x, "fp", (double)all.fp);
        cJSON_AddNumberToObject(x, "fn", (double)all.fn);
        cJSON *cf = cJSON_AddObjectToObject(closed, mode_names[m]);
        double p = (1 - d) + a > 0 ? recall[m] / ((1 - d) + a) : 1;
        cJSON_AddNumberToObject(cf, "precision", p);
        cJSON_AddNumberToObject(cf, "recall", recall[m]);
    }
    return root;
}

fb_result synth_write(const struct synth_options *o, const char *out_dir, struct diag *d)
{
    static const char *const dirs[] = {"gold", "pred", "corpus"};
    struct buf path = BUF_INIT, jsonl = BUF_INIT;
    fb_result rc = FB_OK;
    for (int k = 0; k < (o->jsonl ? 2 : 3) && rc == FB_OK; k++) {
        buf_reset(&path);
        buf_addf(&path, "%s/%s", out_dir, dirs[k]);
        rc = fileio_mkdirs(path.data, d);
    }
    struct rng r;
    rng_seed(&r, o->seed);
    struct tally t;
    memset(&t, 0, sizeof(t));
    for (size_t i = 0; i < o->articles && rc == FB_OK; i++)
        rc = write_article(o, &r, i, out_dir, &jsonl, &t, d);
    if (rc == FB_OK && o->jsonl) {
        buf_reset(&path);
        buf_addf(&path, "%s/corpus.jsonl", out_dir);
        rc = fileio_write_atomic(path.data, jsonl.data, jsonl.len, false, d);
    }
    if (rc == FB_OK) {
        cJSON *e = expected_json(o, &t);
        char *text = cJSON_Print(e);
        buf_reset(&path);
        buf_addf(&path, "%s/expected.json", out_dir);
        rc = fileio_write_atomic(path.data, text, strlen(text), false, d);
        cJSON_free(text);
        cJSON_Delete(e);
    }
    buf_release(&path);
    buf_release(&jsonl);
    return rc;
}
