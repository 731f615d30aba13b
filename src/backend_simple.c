/*
 * backend_simple.c - the backends that run nothing: `dir:PATH` reads
 * predictions computed earlier, `null` predicts nothing, `oracle` predicts
 * the gold (the last two are sanity checks of the scorer).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cjson/cJSON.h>

#include "backend.h"
#include "fileio.h"
#include "xalloc.h"

/* ---- dir:PATH ------------------------------------------------------------- */

struct dir_backend {
    struct backend base;
    char *path;
};

static fb_result dir_open(const char *arg, struct backend **out, struct diag *d)
{
    if (fileio_check_dir(arg, "prediction directory", d) != FB_OK)
        return FB_EINPUT;
    struct dir_backend *b = xcalloc(1, sizeof(*b));
    b->base.ops = &dir_backend;
    b->path = xstrdup(arg);
    *out = &b->base;
    return FB_OK;
}

/* Appends the first message of d, and how many more there were, to reason. */
static void first_problem(const struct diag *d, struct buf *reason)
{
    buf_adds(reason, d->n_msgs ? d->msgs[0].text : "invalid prediction");
    if (d->n_msgs > 1)
        buf_addf(reason, " (and %zu more problems)", d->n_msgs - 1);
}

static bool dir_extract(struct backend *base, const struct article *a, const struct gold_doc *gold,
                        struct gold_doc **pred, struct buf *reason)
{
    (void)gold;
    struct dir_backend *b = (struct dir_backend *)base;
    struct buf path = BUF_INIT;
    buf_addf(&path, "%s/%s.json", b->path, a->id);
    struct stat st;
    bool ok = false;
    if (stat(path.data, &st) < 0 && errno == ENOENT) {
        buf_adds(reason, "no prediction");
    } else {
        struct diag d;
        diag_init(&d);
        struct gold_source src = {path.data, a->id, a->text, a->text_len};
        ok = gold_load(GOLD_PREDICTION, &src, pred, &d) == FB_OK;
        if (!ok)
            first_problem(&d, reason);
        diag_release(&d);
    }
    buf_release(&path);
    return ok;
}

static void dir_close(struct backend *base)
{
    struct dir_backend *b = (struct dir_backend *)base;
    free(b->path);
    free(b);
}

const struct backend_ops dir_backend = {"dir", true, dir_open, dir_extract, dir_close};

/* ---- null and oracle ---------------------------------------------------- */

static struct backend *new_stateless(const struct backend_ops *ops)
{
    struct backend *b = xcalloc(1, sizeof(*b));
    b->ops = ops;
    return b;
}

static fb_result null_open(const char *arg, struct backend **out, struct diag *d)
{
    (void)arg;
    (void)d;
    *out = new_stateless(&null_backend);
    return FB_OK;
}

static bool null_extract(struct backend *b, const struct article *a, const struct gold_doc *gold,
                         struct gold_doc **pred, struct buf *reason)
{
    (void)b;
    (void)gold;
    (void)reason;
    *pred = xcalloc(1, sizeof(**pred));
    (*pred)->article = xstrdup(a->id);
    return true;
}

static void free_stateless(struct backend *b)
{
    free(b);
}

const struct backend_ops null_backend = {"null", false, null_open, null_extract, free_stateless};

static fb_result oracle_open(const char *arg, struct backend **out, struct diag *d)
{
    (void)arg;
    (void)d;
    *out = new_stateless(&oracle_backend);
    return FB_OK;
}

/* The gold, written out and read back as a prediction: optional items stay. */
static bool oracle_extract(struct backend *b, const struct article *a, const struct gold_doc *gold,
                           struct gold_doc **pred, struct buf *reason)
{
    (void)b;
    cJSON *json = gold_to_json(gold);
    char *text = cJSON_PrintUnformatted(json);
    cJSON_Delete(json);
    struct diag d;
    diag_init(&d);
    struct gold_source src = {"oracle", a->id, a->text, a->text_len};
    bool ok = text && gold_parse(text, strlen(text), GOLD_PREDICTION, &src, pred, &d) == FB_OK;
    if (!ok)
        first_problem(&d, reason);
    diag_release(&d);
    free(text);
    return ok;
}

const struct backend_ops oracle_backend = {"oracle", false, oracle_open, oracle_extract,
                                           free_stateless};
