#include "cache.h"

#include <stdio.h>
#include <string.h>
#include <xxhash.h>

#include "fileio.h"

static void update(XXH3_state_t *st, const char *s)
{
    XXH3_128bits_update(st, s ? s : "", strlen(s ? s : "") + 1); /* with the NUL: a separator */
}

void cache_key(const struct backend_options *opt, const char *request, size_t len,
               char key[CACHE_KEY_LEN + 1])
{
    XXH3_state_t *st = XXH3_createState();
    XXH3_128bits_reset(st);
    update(st, "factbench-cache/1");
    update(st, opt->spec);
    update(st, opt->version);
    for (size_t i = 0; opt->env && opt->env[i]; i++)
        update(st, opt->env[i]);
    if (opt->identity) {
        update(st, "identity");
        update(st, opt->identity);
    }
    XXH3_128bits_update(st, request, len);
    XXH128_hash_t h = XXH3_128bits_digest(st);
    XXH3_freeState(st);
    snprintf(key, CACHE_KEY_LEN + 1, "%016llx%016llx", (unsigned long long)h.high64,
             (unsigned long long)h.low64);
}

static void entry_path(const struct cache *c, const char *key, struct buf *path, bool dir_only)
{
    buf_reset(path);
    buf_addf(path, "%s/%.2s", c->dir, key);
    if (!dir_only)
        buf_addf(path, "/%s.json", key + 2);
}

bool cache_get(const struct cache *c, const char *key, size_t max, struct buf *out)
{
    if (!c->dir || !c->read)
        return false;
    struct buf path = BUF_INIT;
    entry_path(c, key, &path, false);
    struct diag quiet;
    diag_init(&quiet);
    bool hit = fileio_read_present(path.data, max, "limits.response_bytes", out, &quiet) == FB_OK;
    diag_release(&quiet);
    buf_release(&path);
    return hit;
}

void cache_put(const struct cache *c, const char *key, const char *data, size_t len, struct diag *d)
{
    if (!c->dir)
        return;
    struct buf path = BUF_INIT;
    struct diag local;
    diag_init(&local);
    entry_path(c, key, &path, true);
    if (fileio_mkdirs_in(c->dir, path.data, &local) == FB_OK) {
        entry_path(c, key, &path, false);
        fileio_write_atomic(path.data, data, len, false, &local);
    }
    if (local.errors)
        diag_warning(d, "cache: %s", diag_first_error(&local));
    diag_release(&local);
    buf_release(&path);
}
