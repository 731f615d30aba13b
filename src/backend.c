#include "backend.h"

#include <string.h>

static const struct backend_ops *const backends[] = {
    &dir_backend,
    &null_backend,
    &oracle_backend,
};

fb_result backend_open(const char *spec, struct backend **out, struct diag *d)
{
    const char *colon = strchr(spec, ':');
    size_t n = colon ? (size_t)(colon - spec) : strlen(spec);
    *out = NULL;
    for (size_t i = 0; i < sizeof(backends) / sizeof(backends[0]); i++) {
        const struct backend_ops *ops = backends[i];
        if (strlen(ops->scheme) != n || strncmp(ops->scheme, spec, n) != 0)
            continue;
        if (ops->takes_arg && (!colon || !colon[1])) {
            diag_error(d, "backend '%s' needs an argument: '%s:...'", spec, ops->scheme);
            return FB_EUSAGE;
        }
        if (!ops->takes_arg && colon) {
            diag_error(d, "backend '%s' takes no argument", ops->scheme);
            return FB_EUSAGE;
        }
        return ops->open(colon ? colon + 1 : NULL, out, d);
    }
    diag_error(d, "unknown backend '%s' (expected dir:PATH, null or oracle)", spec);
    return FB_EUSAGE;
}

void backend_close(struct backend *b)
{
    if (b)
        b->ops->close(b);
}
