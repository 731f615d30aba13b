#include "backend.h"

#include <fcntl.h>
#include <stdarg.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "json.h"

static const struct backend_ops *const backends[] = {
    &builtin_backend, &dir_backend,  &exec_backend,   &http_backend,   &jsonl_backend,
    &llm_backend,     &null_backend, &oracle_backend, &plugin_backend,
};

const struct http_options backend_http_defaults = {
    .retries = 3,
    .backoff = 0.5,
};

#define N_BACKENDS (sizeof(backends) / sizeof(backends[0]))

const struct backend_ops *backend_find(const char *spec, struct diag *d)
{
    const char *colon = strchr(spec, ':');
    size_t n = colon ? (size_t)(colon - spec) : strlen(spec);
    for (size_t i = 0; i < N_BACKENDS; i++) {
        const struct backend_ops *ops = backends[i];
        if (strlen(ops->scheme) != n || strncmp(ops->scheme, spec, n) != 0)
            continue;
        if (ops->takes_arg && (!colon || !colon[1])) {
            diag_error(d, "backend '%s' needs an argument: '%s:...'", spec, ops->scheme);
            return NULL;
        }
        if (!ops->takes_arg && colon) {
            diag_error(d, "backend '%s' takes no argument", ops->scheme);
            return NULL;
        }
        return ops;
    }
    diag_error(d,
               "unknown backend '%s' (expected builtin, null, oracle, dir:PATH, exec:CMD, "
               "jsonl:CMD, plugin:PATH.so, http:URL, llm:URL, or a name from the config file)",
               spec);
    return NULL;
}

fb_result backend_open(const struct backend_options *opt, struct backend **out, struct diag *d)
{
    *out = NULL;
    const struct backend_ops *ops = backend_find(opt->spec, d);
    if (!ops)
        return FB_EUSAGE;
    const char *colon = strchr(opt->spec, ':');
    return ops->open(colon ? colon + 1 : NULL, opt, out, d);
}

void backend_close(struct backend *b)
{
    if (b)
        b->ops->close(b);
}

void backend_job_init(struct backend_job *j, const struct article *a, const struct gold_doc *gold)
{
    memset(j, 0, sizeof(*j));
    j->article = a;
    j->gold = gold;
    buf_init(&j->reason);
    buf_init(&j->response);
    j->usage.prompt_tokens = j->usage.completion_tokens = -1;
}

void backend_job_release(struct backend_job *j)
{
    gold_free(j->pred);
    buf_release(&j->reason);
    buf_release(&j->response);
    j->pred = NULL;
}

void backend_job_fail(struct backend_job *j, const char *fmt, ...)
{
    va_list ap;
    buf_reset(&j->reason);
    va_start(ap, fmt);
    buf_vaddf(&j->reason, fmt, ap);
    va_end(ap);
    gold_free(j->pred);
    j->pred = NULL;
    j->ok = false;
}

/* A backend's own report of failure: {"article": "<id>", "error": "reason"}. */
static bool reported_error(struct backend_job *j, const cJSON *root)
{
    const cJSON *error = cJSON_GetObjectItemCaseSensitive(root, "error");
    bool is_error = cJSON_IsObject(root) && error && !cJSON_IsNull(error);
    if (is_error)
        backend_job_fail(j, "backend error: %s",
                         cJSON_IsString(error) ? error->valuestring : "(not a string)");
    return is_error;
}

void backend_job_answer(struct backend_job *j, const char *text, size_t len)
{
    const struct bounds *bounds = bounds_or_defaults(j->bounds);
    if (len > bounds->response_bytes) {
        backend_job_fail(j, "response larger than %zu bytes (limits.response_bytes)",
                         bounds->response_bytes);
        return;
    }
    struct diag d;
    diag_init(&d);
    struct gold_source src = {"response", j->article->id, NULL, 0};
    cJSON *root = json_parse(text, len, src.name, 1, bounds->depth, &d); /* parsed once */
    if (root && reported_error(j, root)) {
        cJSON_Delete(root);
        diag_release(&d);
        return;
    }
    if (root && gold_from_json(bounds, root, GOLD_PREDICTION, &src, &j->pred, &d) == FB_OK) {
        j->ok = true;
        buf_reset(&j->response);
        buf_add(&j->response, text, len);
    } else {
        backend_job_fail(j, "invalid response: %s%s", d.n_msgs ? d.msgs[0].text : "",
                         d.n_msgs > 1 ? " (and more)" : "");
    }
    cJSON_Delete(root);
    diag_release(&d);
}

int backend_open_log(const struct backend_options *opt, const char *suffix)
{
    if (!opt->log_dir)
        return -1;
    struct buf path = BUF_INIT;
    buf_addf(&path, "%s/%s%s", opt->log_dir, opt->name, suffix);
    for (size_t i = strlen(opt->log_dir) + 1; i < path.len; i++)
        if (path.data[i] == '/')
            path.data[i] = '_'; /* a backend name is no path */
    int fd = open(path.data, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0644);
    buf_release(&path);
    return fd;
}

void backend_request(const struct article *a, struct buf *out)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "article", a->id);
    if (a->has_published) {
        char date[DATE_STRLEN];
        date_format(a->published, date);
        cJSON_AddStringToObject(o, "published", date);
    } else {
        cJSON_AddNullToObject(o, "published");
    }
    if (a->title)
        cJSON_AddStringToObject(o, "title", a->title);
    else
        cJSON_AddNullToObject(o, "title");
    cJSON_AddStringToObject(o, "text", a->text);
    char *s = cJSON_PrintUnformatted(o);
    cJSON_Delete(o);
    buf_reset(out);
    buf_adds(out, s);
    cJSON_free(s);
}
