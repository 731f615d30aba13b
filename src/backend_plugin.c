/*
 * backend_plugin.c - `plugin:PATH.so`: an extractor in a shared library
 * implementing include/factbench_plugin.h, loaded with dlopen().
 */
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

#include "backend.h"
#include "factbench_plugin.h"
#include "xalloc.h"

struct plugin_backend {
    struct backend base;
    void *handle;
    const struct factbench_plugin *plugin;
    void *state;
};

typedef const struct factbench_plugin *(*entry_fn)(void);

static void plugin_close(struct backend *base)
{
    struct plugin_backend *b = (struct plugin_backend *)base;
    if (b->plugin && b->plugin->close && b->state)
        b->plugin->close(b->state);
    if (b->handle)
        dlclose(b->handle);
    free(b);
}

static fb_result plugin_open(const char *arg, const struct backend_options *opt,
                             struct backend **out, struct diag *d)
{
    struct plugin_backend *b = xcalloc(1, sizeof(*b));
    b->base.ops = &plugin_backend;
    b->handle = dlopen(arg, RTLD_NOW | RTLD_LOCAL);
    if (!b->handle) {
        diag_error(d, "cannot start backend '%s': %s", opt->name, dlerror());
        goto fail;
    }
    entry_fn entry;
    *(void **)&entry = dlsym(b->handle, "factbench_plugin_entry");
    if (!entry) {
        diag_error(d, "cannot start backend '%s': '%s' has no factbench_plugin_entry()", opt->name,
                   arg);
        goto fail;
    }
    b->plugin = entry();
    if (!b->plugin || b->plugin->abi_version != FACTBENCH_PLUGIN_ABI_VERSION) {
        diag_error(d, "cannot start backend '%s': plugin ABI version %u, factbench needs %u",
                   opt->name, b->plugin ? b->plugin->abi_version : 0, FACTBENCH_PLUGIN_ABI_VERSION);
        b->plugin = NULL;
        goto fail;
    }
    if (!b->plugin->extract) {
        diag_error(d, "cannot start backend '%s': the plugin has no extract()", opt->name);
        b->plugin = NULL;
        goto fail;
    }
    b->state = b->plugin->open ? b->plugin->open() : NULL;
    if (b->plugin->open && !b->state) {
        diag_error(d, "cannot start backend '%s': the plugin's open() failed", opt->name);
        goto fail;
    }
    *out = &b->base;
    return FB_OK;
fail:
    plugin_close(&b->base);
    return FB_ERUNTIME;
}

static void plugin_extract(struct backend *base, struct backend_job *jobs, size_t n)
{
    struct plugin_backend *b = (struct plugin_backend *)base;
    struct buf request = BUF_INIT;
    for (size_t i = 0; i < n; i++) {
        backend_request(jobs[i].article, &request);
        char *response = b->plugin->extract(b->state, request.data, request.len);
        if (response)
            backend_job_answer(&jobs[i], response, strlen(response));
        else
            backend_job_fail(&jobs[i], "the plugin returned no response");
        free(response);
    }
    buf_release(&request);
}

const struct backend_ops plugin_backend = {
    "plugin", true, true, plugin_open, plugin_extract, plugin_close, false,
};
