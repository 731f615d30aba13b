#include "render.h"

#include <string.h>

#include "fileio.h"

const char *const render_scores[5] = {"overall", "actors", "counts", "dates", "claims"};
const char *const render_modes[2] = {"strict", "lenient"};

static const struct renderer *const renderers[] = {
    &render_md,
    &render_html,
    &render_junit,
    &render_csv,
};

const cJSON *rj(const cJSON *o, const char *path)
{
    char key[128];
    while (o && *path) {
        const char *dot = strchr(path, '.');
        size_t n = dot ? (size_t)(dot - path) : strlen(path);
        if (n >= sizeof(key))
            return NULL;
        memcpy(key, path, n);
        key[n] = '\0';
        o = cJSON_GetObjectItemCaseSensitive(o, key);
        path += n + (dot != NULL);
    }
    return o;
}

double rj_num(const cJSON *o, const char *path, double fallback)
{
    const cJSON *v = rj(o, path);
    return cJSON_IsNumber(v) ? v->valuedouble : fallback;
}

const char *rj_str(const cJSON *o, const char *path, const char *fallback)
{
    const cJSON *v = rj(o, path);
    return cJSON_IsString(v) ? v->valuestring : fallback;
}

fb_result render_all(const cJSON *report, const struct plots *plots, const char *out_dir,
                     struct fileio_batch *batch, struct diag *d)
{
    struct render_input in = {report, plots, out_dir};
    struct buf text = BUF_INIT, path = BUF_INIT;
    fb_result rc = FB_OK;
    for (size_t i = 0; rc == FB_OK && i < sizeof(renderers) / sizeof(renderers[0]); i++) {
        buf_reset(&text);
        renderers[i]->render(&in, &text);
        buf_reset(&path);
        buf_addf(&path, "%s/%s", out_dir, renderers[i]->file);
        rc = fileio_batch_write(batch, path.data, text.data, text.len, false, d);
    }
    buf_release(&text);
    buf_release(&path);
    return rc;
}
