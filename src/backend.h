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
#include <stdint.h>

#include "article.h"
#include "buf.h"
#include "diag.h"
#include "gold.h"
#include "result.h"

/*
 * A header of the requests of http: and llm: backends: a fixed value, or a
 * prefix and a secret read from the environment when the backend opens.
 * Secrets never reach reports, logs, failure reasons or the cache key.
 */
struct backend_header {
    char *name;
    char *value; /* the value; with env, what goes before the secret ("Bearer ") */
    char *env;   /* the environment variable holding the secret, or NULL */
};

/* Settings of the http: and llm: backends (docs/BACKENDS.md). */
struct http_options {
    struct backend_header *headers;
    size_t n_headers;
    unsigned retries;    /* tries after the first, for connection errors, 429 and 5xx */
    double backoff;      /* seconds before the first retry; doubled for each next one */
    char *model;         /* llm: the "model" sent, or NULL */
    char *prompt;        /* llm: the prompt template file, or NULL for the built-in one */
    char *system;        /* llm: a system message, or NULL */
    double temperature;  /* llm */
    unsigned max_tokens; /* llm: 0 sends none */
};

/* 3 retries from 0.5 s, temperature 0, nothing else. */
extern const struct http_options backend_http_defaults;

/* How a backend is set up: from the command line and the config file. */
struct backend_options {
    const char *name;    /* as reports show it */
    const char *spec;    /* "<scheme>[:<argument>]" */
    const char *version; /* declared by the user, part of the cache key; or NULL */
    double timeout;      /* seconds per article, for backends that run processes or ask servers */
    unsigned jobs;       /* articles at once, for backends that run processes or ask servers */
    char **env;          /* "KEY=VALUE" added to the allowed environment; NULL-terminated */
    const char *log_dir; /* where external backends log: <name>.stderr.log, <name>.http.log */
    size_t max_response; /* bytes of one response at most */
    const struct http_options *http; /* for http: and llm:; NULL means backend_http_defaults */
    /*
     * More of the backend's identity for the cache key, as its open() sets
     * backend.identity (an llm: backend's model, parameters and prompt
     * text); NULL for none. Never a secret.
     */
    const char *identity;
};

/* What one extraction cost, when the backend measured it. */
struct backend_usage {
    bool known;                /* false: nothing measured (also for answers from the cache) */
    double latency_ms;         /* of the request that brought the answer */
    int64_t prompt_tokens;     /* -1 when unknown */
    int64_t completion_tokens; /* -1 when unknown */
};

/* One article's extraction. */
struct backend_job {
    const struct article *article;
    const struct gold_doc *gold; /* for the oracle; other backends must not look */
    bool ok;                     /* set by the backend: pred or reason holds the outcome */
    struct gold_doc *pred;       /* the prediction, owned by the job */
    struct buf reason;           /* why the article failed */
    struct buf response;         /* the response text when it came from outside (cacheable) */
    struct backend_usage usage;  /* set by backends that measure it */
    const struct bounds *bounds; /* limits a response must keep; NULL: the defaults */
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
    bool parallel; /* extract() may run on different jobs from several threads at once */
};

struct backend {
    const struct backend_ops *ops;
    char *identity; /* see backend_options.identity; owned and freed by the backend, or NULL */
};

extern const struct backend_ops builtin_backend;
extern const struct backend_ops dir_backend;
extern const struct backend_ops exec_backend;
extern const struct backend_ops http_backend;
extern const struct backend_ops jsonl_backend;
extern const struct backend_ops llm_backend;
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
 * in j->response when it is a valid prediction. A response over j->bounds
 * (bytes, nesting, items per category) fails the job, saying which limit.
 */
void backend_job_answer(struct backend_job *j, const char *text, size_t len);

/* Ends a job as failed; the reason is formatted like printf. */
void backend_job_fail(struct backend_job *j, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/*
 * Opens <opt->log_dir>/<opt->name><suffix> for appending (0644, never
 * through a link planted in the output tree; a '/' in the name becomes
 * '_'). Returns the descriptor, or -1 when there is no log directory or the
 * file cannot be opened.
 */
int backend_open_log(const struct backend_options *opt, const char *suffix);

/* The request of SPEC section 5 for an article, as one line of JSON (no newline). */
void backend_request(const struct article *a, struct buf *out);

#endif
