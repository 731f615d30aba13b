#include "render.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eval.h"
#include "fileio.h"
#include "xalloc.h"

const char *const render_scores[N_SCORES] = {"overall", "actors", "counts", "dates", "claims"};
const char *const render_modes[N_MODES] = {"strict", "lenient"};

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

#define MEMO_SIZE 1024 /* values remembered, direct-mapped by their bits */

void render_decimal(struct buf *b, double v, int places)
{
    static _Thread_local struct {
        uint64_t bits;
        int places; /* 0: unused */
        char text[40];
    } memo[MEMO_SIZE];
    uint64_t bits;
    memcpy(&bits, &v, sizeof(bits));
    size_t slot = (size_t)(((bits + (uint64_t)places) * 0x9e3779b97f4a7c15ULL) >> 54) % MEMO_SIZE;
    if (memo[slot].places != places + 1 || memo[slot].bits != bits) {
        snprintf(memo[slot].text, sizeof(memo[slot].text), "%.*f", places, v);
        memo[slot].bits = bits;
        memo[slot].places = places + 1;
    }
    buf_adds(b, memo[slot].text);
}

fb_result render_all(const cJSON *report, const struct eval *e, const struct plots *plots,
                     const char *out_dir, struct fileio_batch *batch, struct diag *d)
{
    struct render_input in = {report, e, plots, out_dir};
    struct buf path = BUF_INIT;
    fb_result rc = FB_OK;
    for (size_t i = 0; rc == FB_OK && i < sizeof(renderers) / sizeof(renderers[0]); i++) {
        buf_reset(&path);
        buf_addf(&path, "%s/%s", out_dir, renderers[i]->file);
        struct fileio_stream out;
        rc = fileio_stream_open(&out, path.data, d);
        if (rc != FB_OK)
            break;
        renderers[i]->render(&in, &out);
        rc = fileio_stream_finish(&out, batch, false, d);
    }
    buf_release(&path);
    return rc;
}

void render_rows_open(struct render_rows *r, const struct eval *e)
{
    r->n = e->n_runs;
    r->cursors = xcalloc(r->n + 1, sizeof(*r->cursors));
    r->row = xcalloc(r->n + 1, sizeof(*r->row));
    for (size_t b = 0; b < r->n; b++)
        store_open(&r->cursors[b], e->runs[b].articles);
}

bool render_rows_next(struct render_rows *r)
{
    bool all = r->n > 0;
    for (size_t b = 0; b < r->n; b++)
        all = store_next(&r->cursors[b], &r->row[b]) && all;
    return all;
}

cJSON *render_rows_entry(struct render_rows *r, size_t b)
{
    size_t len;
    const char *entry = store_entry(&r->cursors[b], &len);
    return cJSON_ParseWithLength(entry, len);
}

void render_rows_close(struct render_rows *r)
{
    for (size_t b = 0; b < r->n; b++)
        store_close(&r->cursors[b]);
    free(r->cursors);
    free(r->row);
}
