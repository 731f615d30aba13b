/*
 * config.h - settings of a run: scoring thresholds, statistics, headline mode.
 *
 * Defaults are the SPEC's; a config file (JSON, `factbench.json` by default)
 * may change them under "scoring" and "limits", and command-line flags
 * override both:
 *
 *   {"scoring": {"claim_strict": 0.8, "claim_lenient": 0.5,
 *                "count_tolerance": 0.1, "bootstrap": 1000,
 *                "permutations": 10000, "seed": 1, "mode": "strict"},
 *    "limits": {"article_bytes": 16777216, "response_bytes": 16777216,
 *               "items": 1000, "depth": 64},
 *    "backends": {"spacy": {"spec": "jsonl:python3 x.py", "timeout": 20,
 *                           "jobs": 4, "version": "2", "env": {"K": "V"}},
 *                 "gpt": {"spec": "llm:https://host/v1/chat/completions",
 *                         "model": "m", "temperature": 0, "max_tokens": 2048,
 *                         "prompt": "prompt.txt", "system": "...",
 *                         "retries": 3, "backoff": 0.5,
 *                         "headers": {"Authorization": {"env": "TOKEN",
 *                                                       "prefix": "Bearer "},
 *                                     "X-Static": "value"}}}}
 *
 * Header values read from the environment are secrets: the config names the
 * variable, and only the http engine ever sees the value.
 *
 * Named backends can then be used as `--backend spacy`.
 */
#ifndef FB_CONFIG_H
#define FB_CONFIG_H

#include <stdbool.h>
#include <stdint.h>

#include "backend.h"
#include "bounds.h"
#include "diag.h"
#include "match.h"
#include "result.h"

/* A backend named in the config file. */
struct backend_def {
    char *name, *spec;
    char *version;            /* or NULL */
    double timeout;           /* 0: the command line's */
    unsigned jobs;            /* 0: the command line's */
    char **env;               /* "K=V", NULL-terminated; or NULL */
    struct http_options http; /* headers, retries, model, prompt...; defaults when not given */
};

struct config {
    struct match_config match;
    unsigned bootstrap;    /* bootstrap resamples for f1_ci95 */
    unsigned permutations; /* shuffles of the approximate randomisation test */
    uint64_t seed;         /* of both */
    enum mode mode;        /* the mode that headlines summaries and gates */
    struct bounds limits;  /* resource limits: sizes, items, nesting (bounds.h) */
    struct backend_def *backends;
    size_t n_backends;
};

void config_defaults(struct config *c);
/* Frees what config_load() added (the backends). */
void config_release(struct config *c);
/* The backend the config file names `name`, or NULL. */
const struct backend_def *config_backend(const struct config *c, const char *name);

/*
 * Reads a config file into c (only the settings it has change). A missing
 * file is an error only when must_exist. Returns FB_EINPUT after reporting
 * every problem, each naming the file and the JSON path.
 */
fb_result config_load(struct config *c, const char *path, bool must_exist, struct diag *d);

/* The deepest JSON nesting "limits.depth" may allow. */
#define CONFIG_MAX_DEPTH 512

/*
 * Sets one setting from text, as a flag gives it: key is a name of the
 * "scoring" or the "limits" object. Returns false after reporting
 * "<where>: ..." to d when the key is unknown or the value is out of range.
 */
bool config_set(struct config *c, const char *key, const char *value, const char *where,
                struct diag *d);

#endif
