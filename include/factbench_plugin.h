/*
 * factbench_plugin.h - the C ABI of factbench extractor plugins.
 *
 * A plugin is a shared library loaded with `--backend plugin:PATH.so`. It
 * exports one function, factbench_plugin_entry(), that returns a pointer to
 * a static struct factbench_plugin. factbench checks abi_version before it
 * calls anything else and refuses a plugin built for another version.
 *
 * Requests and responses are the JSON texts of the protocol (SPEC section
 * 5): the request {"article", "published", "title", "text"}; the response
 * a prediction, or {"article": "<id>", "error": "reason"}. factbench
 * validates every response as it validates the output of a program.
 *
 * Plugins run inside the factbench process: a plugin that crashes takes the
 * run with it. Run untrusted or fragile extractors as `exec:` or `jsonl:`
 * backends instead, where a crash fails one article only.
 */
#ifndef FACTBENCH_PLUGIN_H
#define FACTBENCH_PLUGIN_H

#include <stddef.h>

#define FACTBENCH_PLUGIN_ABI_VERSION 1

struct factbench_plugin {
    /* FACTBENCH_PLUGIN_ABI_VERSION of the header the plugin was built with */
    unsigned abi_version;
    /* the plugin's name and version; the version is part of the cache key */
    const char *name;
    const char *version;
    /* Called once before any extract. Returns the plugin's state (may be
     * any non-NULL pointer), or NULL when the plugin cannot start. May be
     * NULL itself, when the plugin keeps no state. */
    void *(*open)(void);
    /* Extracts one article. request is NUL-terminated JSON of request_len
     * bytes. Returns the response JSON, NUL-terminated, allocated with
     * malloc() (factbench frees it with free()), or NULL on failure. */
    char *(*extract)(void *state, const char *request, size_t request_len);
    /* Called once at the end with the state open() returned. May be NULL. */
    void (*close)(void *state);
};

/* The one symbol a plugin exports. */
const struct factbench_plugin *factbench_plugin_entry(void);

#endif
