/*
 * http.c - the HTTP engine of the http: and llm: backends (http.h).
 *
 * One curl multi handle per client keeps the connections open between
 * requests and batches; each of `jobs` slots owns an easy handle and runs
 * one article at a time, trying it again when the failure may pass.
 */
#include "http.h"

#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <curl/curl.h>

#include "interrupt.h"
#include "json.h"
#include "proc.h"
#include "stats.h"
#include "xalloc.h"

#define MAX_WAIT       60.0 /* seconds: the longest wait before a retry, Retry-After included */
#define MAX_POLL_MS    250  /* so that a signal is seen soon even when curl waits longer */
#define EXCERPT_BYTES  200  /* of an error answer, quoted in the failure reason */
#define MIN_SECRET_LEN 4    /* shorter "secrets" would redact ordinary words */
/* Jitter is random but the same from run to run: retries are reproducible. */
#define JITTER_SEED 0x66616374ULL

struct transfer {
    http_client *client;
    CURL *easy;
    struct backend_job *job; /* the article in flight, or NULL */
    struct buf body, response;
    unsigned attempts;
    bool waiting; /* for wake, to try again */
    double wake;
    bool too_big;
    char error[CURL_ERROR_SIZE];
};

struct http_client {
    CURLM *multi;
    char *url;
    struct curl_slist *headers;
    char **secrets; /* header values from the environment, redacted from reasons */
    size_t n_secrets;
    double timeout, backoff;
    unsigned retries;
    size_t max_response;
    struct transfer *slots;
    size_t n_slots;
    struct rng rng;
    FILE *log; /* or NULL */
};

/* ---- reasons and the log ------------------------------------------------------------- */

/* Cuts every secret out of s: an answer may echo a header back. */
static void redact(const http_client *c, struct buf *s)
{
    for (size_t i = 0; i < c->n_secrets; i++) {
        size_t n = strlen(c->secrets[i]);
        char *at;
        while ((at = strstr(s->data, c->secrets[i])) != NULL) {
            struct buf out = BUF_INIT;
            buf_add(&out, s->data, (size_t)(at - s->data));
            buf_adds(&out, "[redacted]");
            buf_adds(&out, at + n);
            buf_release(s);
            *s = out;
        }
    }
}

static void log_line(const http_client *c, const struct backend_job *j, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void log_line(const http_client *c, const struct backend_job *j, const char *fmt, ...)
{
    if (!c->log)
        return;
    struct buf line = BUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    buf_vaddf(&line, fmt, ap);
    va_end(ap);
    redact(c, &line);
    fprintf(c->log, "%s: %s\n", j->article->id, line.data);
    fflush(c->log);
    buf_release(&line);
}

static FILE *open_log(const struct backend_options *opt)
{
    int fd = backend_open_log(opt, ".http.log");
    FILE *f = fd >= 0 ? fdopen(fd, "a") : NULL;
    if (fd >= 0 && !f)
        close(fd);
    return f;
}

/* ---- opening --------------------------------------------------------------------------- */

static void append_header(http_client *c, const char *line)
{
    struct curl_slist *l = curl_slist_append(c->headers, line);
    if (!l) {
        fputs("factbench: out of memory (curl_slist_append)\n", stderr);
        abort();
    }
    c->headers = l;
}

static bool has_header(const struct http_options *h, const char *name)
{
    for (size_t i = 0; i < h->n_headers; i++)
        if (strcasecmp(h->headers[i].name, name) == 0)
            return true;
    return false;
}

/* Our headers, then the config's; secrets are read from the environment here, and only here. */
static fb_result add_headers(http_client *c, const struct http_options *h, const char *name,
                             struct diag *d)
{
    static const char *const ours[][2] = {
        {"Content-Type", "application/json"},
        {"Accept", "application/json"},
    };
    struct buf line = BUF_INIT;
    for (size_t i = 0; i < sizeof(ours) / sizeof(ours[0]); i++) {
        if (has_header(h, ours[i][0]))
            continue;
        buf_reset(&line);
        buf_addf(&line, "%s: %s", ours[i][0], ours[i][1]);
        append_header(c, line.data);
    }
    append_header(c, "Expect:"); /* no 100-continue round trip before large bodies */
    c->secrets = xcalloc(h->n_headers + 1, sizeof(*c->secrets));
    fb_result rc = FB_OK;
    for (size_t i = 0; i < h->n_headers && rc == FB_OK; i++) {
        const struct backend_header *x = &h->headers[i];
        const char *secret = x->env ? getenv(x->env) : "";
        if (!secret || strpbrk(secret, "\r\n")) {
            diag_error(d,
                       "cannot start backend '%s': header '%s' needs the environment variable "
                       "'%s', which is %s",
                       name, x->name, x->env, secret ? "not one line" : "not set");
            rc = FB_ERUNTIME;
            break;
        }
        buf_reset(&line);
        if (*x->value || *secret)
            buf_addf(&line, "%s: %s%s", x->name, x->value, secret);
        else
            buf_addf(&line, "%s;", x->name); /* curl's way to send an empty header */
        append_header(c, line.data);
        if (strlen(secret) >= MIN_SECRET_LEN)
            c->secrets[c->n_secrets++] = xstrdup(secret);
    }
    buf_release(&line);
    return rc;
}

static size_t on_data(char *data, size_t size, size_t n, void *p)
{
    struct transfer *t = p;
    if (t->response.len + size * n > t->client->max_response) {
        t->too_big = true;
        return 0; /* stops the transfer: CURLE_WRITE_ERROR */
    }
    buf_add(&t->response, data, size * n);
    return size * n;
}

static void setup(http_client *c, struct transfer *t)
{
    t->client = c;
    buf_init(&t->body);
    buf_init(&t->response);
    t->easy = curl_easy_init();
    if (!t->easy) {
        fputs("factbench: out of memory (curl_easy_init)\n", stderr);
        abort();
    }
    CURL *e = t->easy;
    curl_easy_setopt(e, CURLOPT_URL, c->url);
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, c->headers);
    curl_easy_setopt(e, CURLOPT_USERAGENT, "factbench/" FB_VERSION);
    curl_easy_setopt(e, CURLOPT_POST, 1L);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_data);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, t);
    curl_easy_setopt(e, CURLOPT_PRIVATE, t);
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t->error);
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, (long)ceil(c->timeout * 1000.0));
}

fb_result http_client_open(const char *url, const struct backend_options *opt, http_client **out,
                           struct diag *d)
{
    *out = NULL;
    if (strncmp(url, "http://", 7) != 0 && strncmp(url, "https://", 8) != 0) {
        diag_error(d,
                   "backend '%s': '%s' is not an http:// or https:// URL (as in "
                   "'http:http://127.0.0.1:8080/extract')",
                   opt->name, url);
        return FB_EUSAGE;
    }
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
        diag_error(d, "cannot start backend '%s': libcurl cannot start", opt->name);
        return FB_ERUNTIME;
    }
    const struct http_options *h = opt->http ? opt->http : &backend_http_defaults;
    http_client *c = xcalloc(1, sizeof(*c));
    c->url = xstrdup(url);
    c->timeout = opt->timeout;
    c->retries = h->retries;
    c->backoff = h->backoff;
    c->max_response = opt->max_response;
    rng_seed(&c->rng, JITTER_SEED);
    c->multi = curl_multi_init();
    fb_result rc = add_headers(c, h, opt->name, d);
    if (rc != FB_OK || !c->multi) {
        if (!c->multi)
            diag_error(d, "cannot start backend '%s': libcurl cannot start", opt->name);
        http_client_close(c);
        return FB_ERUNTIME;
    }
    c->n_slots = opt->jobs ? opt->jobs : 1;
    curl_multi_setopt(c->multi, CURLMOPT_MAX_HOST_CONNECTIONS, (long)c->n_slots);
    curl_multi_setopt(c->multi, CURLMOPT_MAXCONNECTS, (long)c->n_slots);
    c->slots = xcalloc(c->n_slots, sizeof(*c->slots));
    for (size_t i = 0; i < c->n_slots; i++)
        setup(c, &c->slots[i]);
    c->log = open_log(opt);
    *out = c;
    return FB_OK;
}

void http_client_close(http_client *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->n_slots; i++) {
        struct transfer *t = &c->slots[i];
        if (t->job && !t->waiting)
            curl_multi_remove_handle(c->multi, t->easy);
        curl_easy_cleanup(t->easy);
        buf_release(&t->body);
        buf_release(&t->response);
    }
    if (c->multi)
        curl_multi_cleanup(c->multi);
    curl_slist_free_all(c->headers);
    for (size_t i = 0; i < c->n_secrets; i++)
        free(c->secrets[i]);
    free(c->secrets);
    if (c->log)
        fclose(c->log);
    free(c->slots);
    free(c->url);
    free(c);
    curl_global_cleanup();
}

/* ---- one article's requests -------------------------------------------------------------- */

/* Ends the slot's job; reasons lose any secret they may quote. */
static void end(http_client *c, struct transfer *t)
{
    redact(c, &t->job->reason);
    if (!t->job->ok)
        log_line(c, t->job, "failed: %s", t->job->reason.data);
    t->job = NULL;
}

static void attempt(http_client *c, struct transfer *t)
{
    t->attempts++;
    t->waiting = false;
    t->too_big = false;
    t->error[0] = '\0';
    buf_reset(&t->response);
    curl_easy_setopt(t->easy, CURLOPT_POSTFIELDS, t->body.data);
    curl_easy_setopt(t->easy, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)t->body.len);
    CURLMcode mc = curl_multi_add_handle(c->multi, t->easy);
    if (mc != CURLM_OK) {
        backend_job_fail(t->job, "%s", curl_multi_strerror(mc));
        end(c, t);
    }
}

static void start(http_client *c, struct transfer *t, const struct http_protocol *p,
                  struct backend_job *job)
{
    t->job = job;
    t->attempts = 0;
    p->request(p->ctx, job->article, &t->body);
    attempt(c, t);
}

/* Failures that may pass: the server was not reached, or the connection broke. */
static bool connection_error(CURLcode res)
{
    switch (res) {
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_GOT_NOTHING:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
        return true;
    default:
        return false;
    }
}

/*
 * Waits backoff * 2^(attempt-1), capped, times a random factor in [0.5, 1)
 * so that articles that failed together do not come back together; at
 * least as long as the server's Retry-After (capped too).
 */
static void retry_later(http_client *c, struct transfer *t, const char *what)
{
    double wait = fmin(MAX_WAIT, c->backoff * ldexp(1.0, (int)t->attempts - 1));
    wait *= 0.5 + 0.5 * rng_uniform(&c->rng);
    curl_off_t after = 0;
    if (curl_easy_getinfo(t->easy, CURLINFO_RETRY_AFTER, &after) == CURLE_OK && after > 0)
        wait = fmax(wait, fmin((double)after, MAX_WAIT));
    t->waiting = true;
    t->wake = proc_now() + wait;
    log_line(c, t->job, "attempt %u: %s; trying again in %.2f s", t->attempts, what, wait);
}

/* Adds ": <what an error answer says>": its JSON "error" (or error.message), else its start. */
static void add_excerpt(const struct buf *body, struct buf *why)
{
    struct diag quiet;
    diag_init(&quiet);
    cJSON *root =
        body->len ? json_parse(body->data, body->len, "answer", 1, JSON_DEFAULT_MAX_DEPTH, &quiet)
                  : NULL;
    diag_release(&quiet);
    const cJSON *error = cJSON_GetObjectItemCaseSensitive(root, "error");
    if (cJSON_IsObject(error))
        error = cJSON_GetObjectItemCaseSensitive(error, "message");
    const char *s = cJSON_IsString(error) ? error->valuestring : body->data;
    bool utf8 = root != NULL; /* json_parse checked it */
    size_t n = strlen(s), cut = n > EXCERPT_BYTES ? EXCERPT_BYTES : n;
    while (utf8 && cut < n && cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
        cut--; /* not inside a character */
    if (cut)
        buf_adds(why, ": ");
    for (size_t i = 0; i < cut; i++) {
        unsigned char ch = (unsigned char)s[i];
        buf_addc(why, ch < 0x20 || ch == 0x7f ? ' ' : ch >= 0x80 && !utf8 ? '?' : (char)ch);
    }
    if (cut < n)
        buf_adds(why, "...");
    cJSON_Delete(root);
}

/* Why a request failed; when it is the last attempt, how many were made. */
static void describe(const struct transfer *t, CURLcode res, bool last, struct buf *why)
{
    const http_client *c = t->client;
    long status = 0;
    curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &status);
    char attempts[48] = "";
    if (last && t->attempts > 1)
        snprintf(attempts, sizeof(attempts), " after %u attempts", t->attempts);
    if (res == CURLE_OK) {
        buf_addf(why, "HTTP %ld%s", status, attempts);
        add_excerpt(&t->response, why);
    } else if (t->too_big) {
        buf_addf(why, "response larger than %zu bytes", c->max_response);
    } else if (res == CURLE_OPERATION_TIMEDOUT) {
        buf_addf(why, "timed out after %g s", c->timeout);
    } else if (connection_error(res)) {
        bool connect = res == CURLE_COULDNT_CONNECT || res == CURLE_COULDNT_RESOLVE_HOST ||
                       res == CURLE_COULDNT_RESOLVE_PROXY;
        buf_addf(why, "%s%s: %s", connect ? "cannot connect" : "connection lost", attempts,
                 t->error[0] ? t->error : curl_easy_strerror(res));
    } else {
        buf_addf(why, "%s", t->error[0] ? t->error : curl_easy_strerror(res));
    }
}

/* A request ended: answer the job, try again later, or fail it. */
static void finished(http_client *c, struct transfer *t, CURLcode res,
                     const struct http_protocol *p)
{
    curl_multi_remove_handle(c->multi, t->easy);
    long status = 0;
    curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &status);
    if (res == CURLE_OK && status >= 200 && status < 300) {
        curl_off_t us = 0;
        curl_easy_getinfo(t->easy, CURLINFO_TOTAL_TIME_T, &us);
        t->job->usage.known = true;
        t->job->usage.latency_ms = round((double)us / 100.0) / 10.0;
        p->answer(p->ctx, t->job, t->response.data, t->response.len);
        end(c, t);
        return;
    }
    bool transient =
        res == CURLE_OK ? status == 429 || (status >= 500 && status < 600) : connection_error(res);
    bool again = transient && t->attempts <= c->retries;
    struct buf why = BUF_INIT;
    describe(t, res, !again, &why);
    if (again) {
        retry_later(c, t, why.data);
    } else {
        backend_job_fail(t->job, "%s", why.data);
        end(c, t);
    }
    buf_release(&why);
}

/* Takes every request that ended; true when there was one. */
static bool collect(http_client *c, const struct http_protocol *p)
{
    bool any = false;
    int left;
    CURLMsg *m;
    while ((m = curl_multi_info_read(c->multi, &left)) != NULL) {
        if (m->msg != CURLMSG_DONE)
            continue;
        CURLcode res = m->data.result;
        char *priv = NULL;
        curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, &priv);
        finished(c, (struct transfer *)(void *)priv, res, p);
        any = true;
    }
    return any;
}

/* ---- the batch ------------------------------------------------------------------------------ */

/* Fails the jobs in flight and those not started when the loop itself must stop. */
static void abandon(http_client *c, struct backend_job *rest, size_t n, const char *why)
{
    for (size_t i = 0; i < c->n_slots; i++) {
        struct transfer *t = &c->slots[i];
        if (!t->job)
            continue;
        if (!t->waiting)
            curl_multi_remove_handle(c->multi, t->easy);
        backend_job_fail(t->job, "%s", why);
        end(c, t);
    }
    for (size_t i = 0; i < n; i++)
        backend_job_fail(&rest[i], "%s", why);
}

void http_client_run(http_client *c, const struct http_protocol *p, struct backend_job *jobs,
                     size_t n)
{
    size_t next = 0;
    for (;;) {
        double now = proc_now(), wake = INFINITY;
        size_t busy = 0;
        for (size_t i = 0; i < c->n_slots; i++) {
            struct transfer *t = &c->slots[i];
            if (!t->job && next < n)
                start(c, t, p, &jobs[next++]);
            else if (t->job && t->waiting && t->wake <= now)
                attempt(c, t);
            busy += t->job != NULL;
            if (t->job && t->waiting && t->wake < wake)
                wake = t->wake;
        }
        if (!busy && next == n)
            break;
        if (interrupt_requested()) {
            abandon(c, jobs + next, n - next, "interrupted");
            break;
        }
        int running;
        CURLMcode mc = curl_multi_perform(c->multi, &running);
        if (mc != CURLM_OK) {
            abandon(c, jobs + next, n - next, curl_multi_strerror(mc));
            break;
        }
        if (collect(c, p))
            continue; /* free slots take the next articles first */
        double ms = fmin(MAX_POLL_MS, (wake - now) * 1000.0);
        curl_multi_poll(c->multi, NULL, 0, ms > 0 ? (int)ceil(ms) : 0, NULL);
    }
}
