/*
 * cache.h - the on-disk cache of external backends' responses.
 *
 * A response is stored under a key that hashes (XXH3, 128 bits) the
 * backend's identity (its spec, declared version, added environment, and
 * what the backend adds itself: backend_options.identity) and the
 * request's content, so that a change to any of them misses. Secrets
 * (header values read from the environment) are never part of it.
 * Only valid predictions are stored: errors are never cached. Entries are
 * written whole or not at all, so a run killed at any moment leaves a
 * usable cache, and the next run does not redo what was done.
 */
#ifndef FB_CACHE_H
#define FB_CACHE_H

#include <stdbool.h>
#include <stddef.h>

#include "backend.h"
#include "buf.h"
#include "diag.h"

struct cache {
    const char *dir; /* NULL: no cache */
    bool read;       /* false with --refresh: look nothing up, store anew */
};

#define CACHE_KEY_LEN 32

/* The key of a request to a backend: 32 hex digits and a NUL in key. */
void cache_key(const struct backend_options *opt, const char *request, size_t len,
               char key[CACHE_KEY_LEN + 1]);

/*
 * Reads the entry for key into out; false when there is none, or when it
 * is larger than max bytes (a response limit lowered since it was cached:
 * such an entry is not read, and the backend is asked again).
 */
bool cache_get(const struct cache *c, const char *key, size_t max, struct buf *out);

/* Stores an entry; a failure to store is a warning, never an error of the run. */
void cache_put(const struct cache *c, const char *key, const char *data, size_t len,
               struct diag *d);

#endif
