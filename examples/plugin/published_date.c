/*
 * published_date.c - a sample factbench plugin: it predicts one item, the
 * article's publication date, from the request. Small on purpose: it shows
 * the ABI (include/factbench_plugin.h), not an extraction method.
 *
 * Build: cc -shared -fPIC -I include examples/plugin/published_date.c \
 *            -lcjson -o published_date.so
 * Run:   factbench run --backend plugin:./published_date.so
 */
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "factbench_plugin.h"

static char *extract(void *state, const char *request, size_t request_len)
{
    (void)state;
    cJSON *req = cJSON_ParseWithLength(request, request_len);
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(req, "article");
    const cJSON *published = cJSON_GetObjectItemCaseSensitive(req, "published");
    cJSON *out = cJSON_CreateObject();
    cJSON_AddStringToObject(out, "article", cJSON_IsString(id) ? id->valuestring : "");
    cJSON *dates = cJSON_AddArrayToObject(out, "dates");
    if (cJSON_IsString(published)) {
        cJSON *date = cJSON_CreateObject();
        cJSON_AddStringToObject(date, "what", "published");
        cJSON_AddStringToObject(date, "value", published->valuestring);
        cJSON_AddItemToArray(dates, date);
    }
    char *text = cJSON_PrintUnformatted(out);
    cJSON_Delete(out);
    cJSON_Delete(req);
    return text; /* cJSON allocates with malloc() by default */
}

static const struct factbench_plugin plugin = {
    FACTBENCH_PLUGIN_ABI_VERSION, "published-date", "1", NULL, extract, NULL,
};

const struct factbench_plugin *factbench_plugin_entry(void)
{
    return &plugin;
}
