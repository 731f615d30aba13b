#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "fileio.h"
#include "json.h"
#include "score.h"
#include "xalloc.h"

void config_defaults(struct config *c)
{
    c->match = match_defaults;
    c->bootstrap = 1000;
    c->permutations = 10000;
    c->seed = 1;
    c->mode = MODE_STRICT;
    c->limits = bounds_defaults;
    c->backends = NULL;
    c->n_backends = 0;
}

void config_release(struct config *c)
{
    for (size_t i = 0; i < c->n_backends; i++) {
        struct backend_def *b = &c->backends[i];
        free(b->name);
        free(b->spec);
        free(b->version);
        for (size_t k = 0; b->env && b->env[k]; k++)
            free(b->env[k]);
        free(b->env);
        for (size_t k = 0; k < b->http.n_headers; k++) {
            free(b->http.headers[k].name);
            free(b->http.headers[k].value);
            free(b->http.headers[k].env);
        }
        free(b->http.headers);
        free(b->http.model);
        free(b->http.prompt);
        free(b->http.system);
    }
    free(c->backends);
    c->backends = NULL;
    c->n_backends = 0;
}

const struct backend_def *config_backend(const struct config *c, const char *name)
{
    for (size_t i = 0; i < c->n_backends; i++)
        if (strcmp(c->backends[i].name, name) == 0)
            return &c->backends[i];
    return NULL;
}

/* ---- the settings, one table ------------------------------------------- */

enum kind { FRACTION, NON_NEGATIVE, COUNT, SEED, MODE, LIMIT };

/* Setters take the checked value: a number, or for MODE the mode. */
static void set_claim_strict(struct config *c, double v)
{
    c->match.claim_strict = v;
}

static void set_claim_lenient(struct config *c, double v)
{
    c->match.claim_lenient = v;
}

static void set_count_tolerance(struct config *c, double v)
{
    c->match.count_tolerance = v;
}

static void set_bootstrap(struct config *c, double v)
{
    c->bootstrap = (unsigned)v;
}

static void set_permutations(struct config *c, double v)
{
    c->permutations = (unsigned)v;
}

static void set_seed(struct config *c, double v)
{
    c->seed = (uint64_t)v;
}

static void set_mode(struct config *c, double v)
{
    c->mode = (enum mode)v;
}

static void set_article_bytes(struct config *c, double v)
{
    c->limits.article_bytes = (size_t)v;
}

static void set_response_bytes(struct config *c, double v)
{
    c->limits.response_bytes = (size_t)v;
}

static void set_items(struct config *c, double v)
{
    c->limits.items = (size_t)v;
}

static void set_depth(struct config *c, double v)
{
    c->limits.depth = (int)v;
}

struct setting {
    const char *key;
    enum kind kind;
    double max;                              /* for COUNT, SEED and LIMIT */
    void (*set)(struct config *c, double v); /* LIMITs are under "limits" in the file */
};

static const struct setting settings[] = {
    {"claim_strict", FRACTION, 1, set_claim_strict},
    {"claim_lenient", FRACTION, 1, set_claim_lenient},
    {"count_tolerance", NON_NEGATIVE, 0, set_count_tolerance},
    {"bootstrap", COUNT, 1000000, set_bootstrap},
    {"permutations", COUNT, 10000000, set_permutations},
    {"seed", SEED, 9007199254740992.0, set_seed},
    {"mode", MODE, 0, set_mode},
    {"article_bytes", LIMIT, 1099511627776.0, set_article_bytes},
    {"response_bytes", LIMIT, 1099511627776.0, set_response_bytes},
    {"items", LIMIT, SCORE_MAX_ITEMS, set_items},
    {"depth", LIMIT, CONFIG_MAX_DEPTH, set_depth},
};

static int mode_named(const char *s)
{
    for (int m = 0; m < N_MODES; m++)
        if (strcmp(s, mode_names[m]) == 0)
            return m;
    return -1;
}

/* Checks a value of setting s; on success stores it, else reports and returns false. */
static bool check(struct config *c, size_t which, double number, const char *text,
                  const char *where, struct diag *d)
{
    const struct setting *s = &settings[which];
    switch (s->kind) {
    case FRACTION:
        if (!(number >= 0 && number <= 1)) {
            diag_error(d, "%s: expected a number from 0 to 1", where);
            return false;
        }
        break;
    case NON_NEGATIVE:
        if (!(number >= 0 && isfinite(number))) {
            diag_error(d, "%s: expected a non-negative number", where);
            return false;
        }
        break;
    case COUNT:
    case SEED:
    case LIMIT:
        if (!(number >= (s->kind == LIMIT) && number <= s->max && floor(number) == number)) {
            diag_error(d, "%s: expected an integer from %d to %.0f", where, s->kind == LIMIT,
                       s->max);
            return false;
        }
        break;
    case MODE:
        if (mode_named(text) < 0) {
            diag_error(d, "%s: expected 'strict' or 'lenient'", where);
            return false;
        }
        break;
    }
    s->set(c, s->kind == MODE ? mode_named(text) : number);
    return true;
}

static long find_setting(const char *key)
{
    for (size_t i = 0; i < sizeof(settings) / sizeof(settings[0]); i++)
        if (strcmp(settings[i].key, key) == 0)
            return (long)i;
    return -1;
}

bool config_set(struct config *c, const char *key, const char *value, const char *where,
                struct diag *d)
{
    long which = find_setting(key);
    if (which < 0) {
        diag_error(d, "%s: unknown setting '%s'", where, key);
        return false;
    }
    double number = 0;
    if (settings[which].kind != MODE) {
        char *end;
        errno = 0;
        number = strtod(value, &end);
        if (end == value || *end || errno) {
            diag_error(d, "%s: '%s' is not a number", where, value);
            return false;
        }
    }
    return check(c, (size_t)which, number, value, where, d);
}

/* ---- the file ---------------------------------------------------------- */

/* The settings of "scoring" or "limits" (section's key says which). */
static bool load_settings(struct config *c, const cJSON *section, const char *path, struct diag *d)
{
    bool ok = true, limits = strcmp(section->string, "limits") == 0;
    struct buf where = BUF_INIT;
    for (const cJSON *m = section->child; m; m = m->next) {
        buf_reset(&where);
        buf_addf(&where, "%s: $.%s.%s", path, section->string, m->string);
        long which = find_setting(m->string);
        if (which < 0 || (settings[which].kind == LIMIT) != limits) {
            diag_error(d, "%s: unknown setting", where.data);
            ok = false;
        } else if (settings[which].kind == MODE ? !cJSON_IsString(m) : !cJSON_IsNumber(m)) {
            diag_error(d, "%s: expected a %s", where.data,
                       settings[which].kind == MODE ? "string" : "number");
            ok = false;
        } else {
            ok = check(c, (size_t)which, m->valuedouble, m->valuestring, where.data, d) && ok;
        }
    }
    buf_release(&where);
    return ok;
}

/* ---- named backends --------------------------------------------------------------- */

static bool load_env(struct backend_def *b, const cJSON *env, const char *where, struct diag *d)
{
    if (!cJSON_IsObject(env)) {
        diag_error(d, "%s.env: expected an object of strings", where);
        return false;
    }
    size_t n = 0;
    b->env = xcalloc((size_t)cJSON_GetArraySize(env) + 1, sizeof(*b->env));
    for (const cJSON *v = env->child; v; v = v->next) {
        if (!cJSON_IsString(v) || !*v->string || strchr(v->string, '=')) {
            diag_error(d, "%s.env.%s: expected a string, under a name without '='", where,
                       v->string);
            return false;
        }
        struct buf kv = BUF_INIT;
        buf_addf(&kv, "%s=%s", v->string, v->valuestring);
        b->env[n++] = buf_detach(&kv, NULL);
    }
    return true;
}

/* An HTTP header name is a token of RFC 9110; a value has no line break or NUL. */
static bool header_name_ok(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (!strchr("!#$%&'*+-.^_`|~", *s) && !(*s >= '0' && *s <= '9') &&
            !(*s >= 'a' && *s <= 'z') && !(*s >= 'A' && *s <= 'Z'))
            return false;
    return true;
}

static bool header_value_ok(const char *s)
{
    return !strpbrk(s, "\r\n");
}

/* One header: "value", or {"env": "VARIABLE", "prefix": "Bearer "} for a secret. */
static bool load_header(struct backend_header *h, const cJSON *v, const char *where, struct diag *d)
{
    h->name = xstrdup(v->string);
    const cJSON *env = cJSON_GetObjectItemCaseSensitive(v, "env");
    const cJSON *prefix = cJSON_GetObjectItemCaseSensitive(v, "prefix");
    int fields = cJSON_IsObject(v) ? cJSON_GetArraySize(v) : 0;
    if (!header_name_ok(v->string)) {
        diag_error(d, "%s.headers.%s: not a valid header name", where, v->string);
        return false;
    }
    if (cJSON_IsString(v) && header_value_ok(v->valuestring)) {
        h->value = xstrdup(v->valuestring);
        return true;
    }
    if (cJSON_IsString(env) && *env->valuestring && !strchr(env->valuestring, '=') &&
        (!prefix || (cJSON_IsString(prefix) && header_value_ok(prefix->valuestring))) &&
        fields == 1 + (prefix != NULL)) {
        h->env = xstrdup(env->valuestring);
        h->value = xstrdup(prefix ? prefix->valuestring : "");
        return true;
    }
    diag_error(d,
               "%s.headers.%s: expected a string without line breaks, or {\"env\": "
               "\"VARIABLE\", \"prefix\": \"...\"}",
               where, v->string);
    return false;
}

static bool load_headers(struct http_options *h, const cJSON *headers, const char *where,
                         struct diag *d)
{
    if (!cJSON_IsObject(headers)) {
        diag_error(d, "%s.headers: expected an object", where);
        return false;
    }
    bool ok = true;
    h->headers = xcalloc((size_t)cJSON_GetArraySize(headers) + 1, sizeof(*h->headers));
    for (const cJSON *v = headers->child; v; v = v->next)
        ok = load_header(&h->headers[h->n_headers++], v, where, d) && ok;
    return ok;
}

enum http_field { HTTP_FIELD = 1, LLM_FIELD = 2 };

/*
 * The fields of http: and llm: backends. Returns which kind of field k is
 * (0 when it is none of them), after storing it or reporting it to d.
 */
static int load_http_field(struct http_options *h, const cJSON *m, const char *where,
                           struct diag *d, bool *ok)
{
    const char *k = m->string, *why = NULL;
    int kind = !strcmp(k, "headers") || !strcmp(k, "retries") || !strcmp(k, "backoff") ? HTTP_FIELD
               : !strcmp(k, "model") || !strcmp(k, "prompt") || !strcmp(k, "system") ||
                       !strcmp(k, "temperature") || !strcmp(k, "max_tokens")
                   ? LLM_FIELD
                   : 0;
    bool string = cJSON_IsString(m) && *m->valuestring;
    if (!strcmp(k, "headers")) {
        *ok = load_headers(h, m, where, d) && *ok;
    } else if (!strcmp(k, "retries")) {
        if (json_is_count(m) && m->valuedouble <= 10)
            h->retries = (unsigned)m->valuedouble;
        else
            why = "expected an integer from 0 to 10";
    } else if (!strcmp(k, "backoff")) {
        if (cJSON_IsNumber(m) && m->valuedouble > 0 && m->valuedouble <= 60)
            h->backoff = m->valuedouble;
        else
            why = "expected seconds, more than 0 and at most 60";
    } else if (!strcmp(k, "model") || !strcmp(k, "prompt") || !strcmp(k, "system")) {
        char **to = !strcmp(k, "model")    ? &h->model
                    : !strcmp(k, "prompt") ? &h->prompt
                                           : &h->system;
        if (string)
            *to = xstrdup(m->valuestring);
        else
            why = "expected a non-empty string";
    } else if (!strcmp(k, "temperature")) {
        if (cJSON_IsNumber(m) && m->valuedouble >= 0 && m->valuedouble <= 2)
            h->temperature = m->valuedouble;
        else
            why = "expected a number from 0 to 2";
    } else if (!strcmp(k, "max_tokens")) {
        if (json_is_count(m) && m->valuedouble >= 1 && m->valuedouble <= 10000000)
            h->max_tokens = (unsigned)m->valuedouble;
        else
            why = "expected an integer from 1 to 10000000";
    }
    if (why) {
        diag_error(d, "%s.%s: %s", where, k, why);
        *ok = false;
    }
    return kind;
}

/* Fields of http: and llm: backends elsewhere are mistakes: say so rather than ignore them. */
static bool check_http_fields(const struct backend_def *b, int kinds, const char *where,
                              struct diag *d)
{
    bool llm = b->spec && !strncmp(b->spec, "llm:", 4);
    bool http = llm || (b->spec && !strncmp(b->spec, "http:", 5));
    if ((kinds & LLM_FIELD) && !llm) {
        diag_error(d, "%s: model, prompt, system, temperature and max_tokens are for llm: backends",
                   where);
        return false;
    }
    if ((kinds & HTTP_FIELD) && !http) {
        diag_error(d, "%s: headers, retries and backoff are for http: and llm: backends", where);
        return false;
    }
    return true;
}

static bool load_backend(struct backend_def *b, const cJSON *o, const char *where, struct diag *d)
{
    if (!cJSON_IsObject(o)) {
        diag_error(d, "%s: expected an object", where);
        return false;
    }
    bool ok = true;
    int kinds = 0, kind;
    b->http = backend_http_defaults;
    for (const cJSON *m = o->child; m; m = m->next) {
        const char *k = m->string;
        if ((kind = load_http_field(&b->http, m, where, d, &ok)) != 0) {
            kinds |= kind;
        } else if ((!strcmp(k, "spec") || !strcmp(k, "version")) && cJSON_IsString(m) &&
                   *m->valuestring) {
            *(strcmp(k, "spec") ? &b->version : &b->spec) = xstrdup(m->valuestring);
        } else if (!strcmp(k, "timeout") && cJSON_IsNumber(m) && m->valuedouble > 0 &&
                   m->valuedouble <= 86400) {
            b->timeout = m->valuedouble;
        } else if (!strcmp(k, "jobs") && json_is_count(m) && m->valuedouble >= 1 &&
                   m->valuedouble <= 256) {
            b->jobs = (unsigned)m->valuedouble;
        } else if (!strcmp(k, "env")) {
            ok = load_env(b, m, where, d) && ok;
        } else {
            const char *why =
                !strcmp(k, "spec") || !strcmp(k, "version") ? "expected a non-empty string"
                : !strcmp(k, "timeout") ? "expected seconds, more than 0 and at most 86400"
                : !strcmp(k, "jobs")    ? "expected an integer from 1 to 256"
                                        : "unknown field";
            diag_error(d, "%s.%s: %s", where, k, why);
            ok = false;
        }
    }
    if (!b->spec) {
        diag_error(d, "%s: missing required field 'spec'", where);
        ok = false;
    }
    return check_http_fields(b, kinds, where, d) && ok;
}

static bool load_backends(struct config *c, const cJSON *backends, const char *path, struct diag *d)
{
    if (!cJSON_IsObject(backends)) {
        diag_error(d, "%s: $.backends: expected an object", path);
        return false;
    }
    bool ok = true;
    struct buf where = BUF_INIT;
    c->backends = xcalloc((size_t)cJSON_GetArraySize(backends) + 1, sizeof(*c->backends));
    for (const cJSON *m = backends->child; m; m = m->next) {
        buf_reset(&where);
        buf_addf(&where, "%s: $.backends.%s", path, m->string);
        struct backend_def *b = &c->backends[c->n_backends++];
        b->name = xstrdup(m->string);
        if (!*m->string) {
            diag_error(d, "%s: a backend name must not be empty", where.data);
            ok = false;
        }
        ok = load_backend(b, m, where.data, d) && ok;
    }
    buf_release(&where);
    return ok;
}

fb_result config_load(struct config *c, const char *path, bool must_exist, struct diag *d)
{
    if (!must_exist && access(path, F_OK) != 0)
        return FB_OK;
    cJSON *root = json_load(path, d);
    if (!root)
        return FB_EINPUT;
    bool ok = true;
    struct json_where w;
    json_where_init(&w, path, d);
    if (!json_check_unique_keys(root, &w)) {
        ok = false; /* a field given twice is an error, not a second value */
    } else if (!cJSON_IsObject(root)) {
        diag_error(d, "%s: $: expected an object", path);
        ok = false;
    } else {
        for (const cJSON *m = root->child; m; m = m->next) {
            if (strcmp(m->string, "backends") == 0) {
                ok = load_backends(c, m, path, d) && ok;
            } else if (strcmp(m->string, "scoring") != 0 && strcmp(m->string, "limits") != 0) {
                diag_error(d, "%s: $.%s: unknown field", path, m->string);
                ok = false;
            } else if (!cJSON_IsObject(m)) {
                diag_error(d, "%s: $.%s: expected an object", path, m->string);
                ok = false;
            } else {
                ok = load_settings(c, m, path, d) && ok;
            }
        }
    }
    json_where_release(&w);
    cJSON_Delete(root);
    return ok ? FB_OK : FB_EINPUT;
}
