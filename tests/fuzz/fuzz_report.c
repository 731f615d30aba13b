/*
 * fuzz_report.c - report.json as compare, merge, plot and the quality gate
 * read it back: report_read(), then what those commands do with the result
 * (the comparison, the report tree written again, and every format
 * rendered from it, into a temporary file).
 *
 * Properties: a rejected report reports an error; an accepted one, written
 * again, is read again and gives the same report.
 */
#include <string.h>

#include <cjson/cJSON.h>

#include "compare.h"
#include "fileio.h"
#include "fuzz.h"
#include "render.h"
#include "report.h"

static char *written(const struct eval *e)
{
    cJSON *root = report_json(e), *summary = report_summary(e);
    char *text = cJSON_PrintUnformatted(root);
    struct plots none = {{false}, "no plots while fuzzing", NULL};
    struct render_input in = {summary, e, &none, fuzz_path("no-such-dir")};
    const struct renderer *const renderers[] = {&render_md, &render_html, &render_junit,
                                                &render_csv};
    struct diag d;
    diag_init(&d);
    for (size_t i = 0; i < sizeof(renderers) / sizeof(renderers[0]); i++) {
        struct fileio_stream out;
        FUZZ_CHECK(fileio_stream_open(&out, fuzz_path("rendered"), &d) == FB_OK);
        renderers[i]->render(&in, &out);
        fileio_stream_abandon(&out);
    }
    diag_release(&d);
    cJSON_Delete(summary);
    cJSON_Delete(root);
    return text;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[256];
    snprintf(path, sizeof(path), "%s", fuzz_path("report.json"));
    fuzz_write(path, data, size);
    struct eval e;
    struct diag d;
    diag_init(&d);
    if (report_read(path, &e, &d) != FB_OK) {
        FUZZ_CHECK(d.errors > 0);
        diag_release(&d);
        return 0;
    }
    FILE *sink = fopen("/dev/null", "w");
    compare_print(&e, "a", &e, "b", sink);
    fclose(sink);
    char *text = written(&e);
    fuzz_write(path, (const uint8_t *)text, strlen(text));
    struct eval again;
    fb_result rc = report_read(path, &again, &d);
    if (rc != FB_OK)
        fprintf(stderr, "%s\n", diag_first_error(&d));
    FUZZ_CHECK(rc == FB_OK);
    char *text2 = written(&again);
    FUZZ_CHECK(strcmp(text, text2) == 0);
    cJSON_free(text);
    cJSON_free(text2);
    eval_release(&again);
    eval_release(&e);
    diag_release(&d);
    return 0;
}
