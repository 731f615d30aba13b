/*
 * backend.h - extractor backends: where predictions come from.
 *
 * A backend is named by a spec string "<scheme>" or "<scheme>:<argument>"
 * (SPEC section 5) and implemented by a const struct backend_ops. Each
 * implementation keeps its state in a struct whose first member is a
 * struct backend, so that the generic code sees only the base.
 */
#ifndef FB_BACKEND_H
#define FB_BACKEND_H

#include <stdbool.h>

#include "article.h"
#include "buf.h"
#include "diag.h"
#include "gold.h"
#include "result.h"

struct backend;

struct backend_ops {
    const char *scheme; /* "dir", "null", "oracle" ... */
    bool takes_arg;     /* whether the spec has ":<argument>" */
    /*
     * Starts a backend. Returns FB_OK with *out set, FB_EINPUT for a bad
     * argument, or FB_ERUNTIME when it cannot start; reports why to d.
     */
    fb_result (*open)(const char *arg, struct backend **out, struct diag *d);
    /*
     * The prediction for one article. Returns true with *pred set (the
     * caller frees it with gold_free()), or false with the reason the article
     * failed appended to reason. `gold` is the article's gold, for the
     * oracle; other backends must not look at it.
     */
    bool (*extract)(struct backend *b, const struct article *a, const struct gold_doc *gold,
                    struct gold_doc **pred, struct buf *reason);
    void (*close)(struct backend *b);
};

struct backend {
    const struct backend_ops *ops;
};

extern const struct backend_ops dir_backend;
extern const struct backend_ops null_backend;
extern const struct backend_ops oracle_backend;

/* Opens the backend a spec names; as backend_ops.open, plus FB_EUSAGE for an unknown scheme. */
fb_result backend_open(const char *spec, struct backend **out, struct diag *d);
void backend_close(struct backend *b);

#endif
