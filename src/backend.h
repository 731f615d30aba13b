/*
 * backend.h - extractor backends: where predictions come from.
 *
 * A backend is named by a spec string "<scheme>" or "<scheme>:<argument>"
 * (SPEC section 5) and implemented by a const struct backend_ops. Each
 * implementation keeps its state in a struct whose first member is a
 * struct backend, so that the generic code sees only the base.
 *
 * Backends receive articles in batches, so that those that run processes
 * can work on several at once; each job of a batch ends with a prediction or
 * with the reason it failed. A failure belongs to its article only.
 */
#ifndef FB_BACKEND_H
#define FB_BACKEND_H

#include <stdbool.h>
#include <stddef.h>

#include "article.h"
#include "buf.h"
#include "diag.h"
#include "gold.h"
#include "result.h"

/* How a backend is set up: from the command line and the config file. */
struct backend_options {
    const char *name;    /* as reports show it */
    const char *spec;    /* "<scheme>[:<argument>]" */
    const char *version; /* declared by the user, part of the cache key; or NULL */
    double timeout;      /* seconds per article, for backends that run processes */
    unsigned jobs;       /* articles at once, for backends that run processes */
    char **env;          /* "KEY=VALUE" added to the allowed environment; NULL-terminated */
    const char *log_dir; /* where process backends write <name>.stderr.log */
    size_t max_response; /* bytes of one response at most */
};

/* One article's extraction. */
struct backend_job {
    const struct article *article;
    const struct gold_doc *gold; /* for the oracle; other backends must not look */
    bool ok;                     /* set by the backend: pred or reason holds the outcome */
    struct gold_doc *pred;       /* the prediction, owned by the job */
    struct buf reason;           /* why the article failed */
    struct buf response;         /* the response text when it came from outside (cacheable) */
};

struct backend;

struct backend_ops {
    const char *scheme; /* "builtin", "dir", "exec" ... */
    bool takes_arg;     /* whether the spec has ":<argument>" */
    bool external;      /* runs code outside factbench: cached, logged */
    /*
     * Starts a backend. Returns FB_OK with *out set, FB_EINPUT for a bad
     * argument, or FB_ERUNTIME when it cannot start; reports why to d.
     */
    fb_result (*open)(const char *arg, const struct backend_options *opt, struct backend **out,
                      struct diag *d);
    /* Runs jobs[0..n): each ends ok with a prediction or failed with a reason. */
    void (*extract)(struct backend *b, struct backend_job *jobs, size_t n);
    void (*close)(struct backend *b);
};

struct backend {
    const struct backend_ops *ops;
};

extern const struct backend_ops builtin_backend;
extern const struct backend_ops dir_backend;
extern const struct backend_ops exec_backend;
extern const struct backend_ops jsonl_backend;
extern const struct backend_ops null_backend;
extern const struct backend_ops oracle_backend;
extern const struct backend_ops plugin_backend;

/* The ops of the scheme a spec names, or NULL (reported) when there is none. */
const struct backend_ops *backend_find(const char *spec, struct diag *d);

/* Opens the backend opt->spec names; as backend_ops.open, plus FB_EUSAGE for an unknown scheme. */
fb_result backend_open(const struct backend_options *opt, struct backend **out, struct diag *d);
void backend_close(struct backend *b);

void backend_job_init(struct backend_job *j, const struct article *a, const struct gold_doc *gold);
void backend_job_release(struct backend_job *j);

/*
 * Ends a job with a response text: a prediction, or {"article": ..., "error":
 * "..."} for a failure the backend reports itself. The job keeps the text
 * in j->response when it is a valid prediction.
 */
void backend_job_answer(struct backend_job *j, const char *text, size_t len);

/* Ends a job as failed; the reason is formatted like printf. */
void backend_job_fail(struct backend_job *j, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* The request of SPEC section 5 for an article, as one line of JSON (no newline). */
void backend_request(const struct article *a, struct buf *out);

#endif
