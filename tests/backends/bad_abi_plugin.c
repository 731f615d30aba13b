/* A plugin built for another ABI version: factbench must refuse it. */
#include <stddef.h>

#include "factbench_plugin.h"

static const struct factbench_plugin plugin = {
    FACTBENCH_PLUGIN_ABI_VERSION + 1, "bad-abi", "1", NULL, NULL, NULL,
};

const struct factbench_plugin *factbench_plugin_entry(void)
{
    return &plugin;
}
