/*
 * backend_simple.c - the backends that run no process: `builtin` (the
 * rule-based extractor), `dir:PATH` (predictions computed earlier), `null`
 * (predicts nothing) and `oracle` (predicts the gold); the last two are
 * sanity checks of the scorer.
 */
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "backend.h"
#include "builtin.h"
#include "fileio.h"
#include "xalloc.h"

/* ---- builtin -------------------------------------------------------------- */

struct builtin_backend {
    struct backend base;
    builtin *rules;
};

static fb_result builtin_open(const char *arg, const struct backend_options *opt,
                              struct backend **out, struct diag *d)
{
    (void)arg;
    (void)opt;
    builtin *rules = builtin_new(d);
    if (!rules)
        return FB_ERUNTIME;
    struct builtin_backend *b = xcalloc(1, sizeof(*b));
    b->base.ops = &builtin_backend;
    b->rules = rules;
    *out = &b->base;
    return FB_OK;
}

static void builtin_extract_jobs(struct backend *base, struct backend_job *jobs, size_t n)
{
    struct builtin_backend *b = (struct builtin_backend *)base;
    for (size_t i = 0; i < n; i++) {
        jobs[i].pred = builtin_extract(b->rules, jobs[i].article);
        jobs[i].ok = true;
    }
}

static void builtin_close(struct backend *base)
{
    struct builtin_backend *b = (struct builtin_backend *)base;
    builtin_free(b->rules);
    free(b);
}

const struct backend_ops builtin_backend = {
    "builtin", false, false, builtin_open, builtin_extract_jobs, builtin_close, true,
};

/* ---- dir:PATH ------------------------------------------------------------- */

struct dir_backend {
    struct backend base;
    char *path;
};

static fb_result dir_open(const char *arg, const struct backend_options *opt, struct backend **out,
                          struct diag *d)
{
    (void)opt;
    if (fileio_check_dir(arg, "prediction directory", d) != FB_OK)
        return FB_EINPUT;
    struct dir_backend *b = xcalloc(1, sizeof(*b));
    b->base.ops = &dir_backend;
    b->path = xstrdup(arg);
    *out = &b->base;
    return FB_OK;
}

static void dir_extract(struct backend *base, struct backend_job *jobs, size_t n)
{
    struct dir_backend *b = (struct dir_backend *)base;
    struct buf path = BUF_INIT, text = BUF_INIT;
    for (size_t i = 0; i < n; i++) {
        struct backend_job *j = &jobs[i];
        buf_reset(&path);
        buf_addf(&path, "%s/%s.json", b->path, j->article->id);
        struct diag d;
        diag_init(&d);
        fb_result rc = fileio_read_present(path.data, bounds_or_defaults(j->bounds)->response_bytes,
                                           "limits.response_bytes", &text, &d);
        if (rc == FB_END)
            backend_job_fail(j, "no prediction");
        else if (rc != FB_OK)
            backend_job_fail(j, "%s", diag_first_error(&d));
        else
            backend_job_answer(j, text.data, text.len);
        diag_release(&d);
    }
    buf_release(&path);
    buf_release(&text);
}

static void dir_close(struct backend *base)
{
    struct dir_backend *b = (struct dir_backend *)base;
    free(b->path);
    free(b);
}

const struct backend_ops dir_backend = {"dir", true, false, dir_open, dir_extract, dir_close, true};

/* ---- null and oracle ------------------------------------------------------ */

static fb_result open_stateless(const struct backend_ops *ops, struct backend **out)
{
    struct backend *b = xcalloc(1, sizeof(*b));
    b->ops = ops;
    *out = b;
    return FB_OK;
}

static fb_result null_open(const char *arg, const struct backend_options *opt, struct backend **out,
                           struct diag *d)
{
    (void)arg;
    (void)opt;
    (void)d;
    return open_stateless(&null_backend, out);
}

static void null_extract(struct backend *b, struct backend_job *jobs, size_t n)
{
    (void)b;
    for (size_t i = 0; i < n; i++) {
        jobs[i].pred = xcalloc(1, sizeof(*jobs[i].pred));
        jobs[i].pred->article = xstrdup(jobs[i].article->id);
        jobs[i].ok = true;
    }
}

static void close_stateless(struct backend *b)
{
    free(b);
}

const struct backend_ops null_backend = {"null",       false,           false, null_open,
                                         null_extract, close_stateless, true};

static fb_result oracle_open(const char *arg, const struct backend_options *opt,
                             struct backend **out, struct diag *d)
{
    (void)arg;
    (void)opt;
    (void)d;
    return open_stateless(&oracle_backend, out);
}

/* The gold, written out and read back as a prediction (optional items included). */
static void oracle_extract(struct backend *b, struct backend_job *jobs, size_t n)
{
    (void)b;
    for (size_t i = 0; i < n; i++) {
        cJSON *json = gold_to_json(jobs[i].gold);
        char *text = cJSON_PrintUnformatted(json);
        cJSON_Delete(json);
        backend_job_answer(&jobs[i], text, strlen(text));
        buf_reset(&jobs[i].response); /* the gold is no response to cache */
        cJSON_free(text);
    }
}

const struct backend_ops oracle_backend = {"oracle",       false,           false, oracle_open,
                                           oracle_extract, close_stateless, true};
