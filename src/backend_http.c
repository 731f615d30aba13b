/*
 * backend_http.c - `http:URL`: an extraction service. Each article's
 * request (SPEC section 5) is POSTed to URL as JSON; the answer's body is
 * the prediction, or {"article": ..., "error": ...}. The HTTP engine
 * (http.h) does the rest: concurrency, timeouts, retries, headers.
 */
#include <stdlib.h>

#include "backend.h"
#include "http.h"
#include "xalloc.h"

struct http_backend {
    struct backend base;
    http_client *client;
};

static void service_request(void *ctx, const struct article *a, struct buf *body)
{
    (void)ctx;
    backend_request(a, body);
}

static void service_answer(void *ctx, struct backend_job *j, const char *body, size_t len)
{
    (void)ctx;
    backend_job_answer(j, body, len);
}

static fb_result http_open(const char *arg, const struct backend_options *opt, struct backend **out,
                           struct diag *d)
{
    http_client *client;
    fb_result rc = http_client_open(arg, opt, &client, d);
    if (rc != FB_OK)
        return rc;
    struct http_backend *b = xcalloc(1, sizeof(*b));
    b->base.ops = &http_backend;
    b->client = client;
    *out = &b->base;
    return FB_OK;
}

static void http_extract(struct backend *base, struct backend_job *jobs, size_t n)
{
    struct http_backend *b = (struct http_backend *)base;
    const struct http_protocol service = {service_request, service_answer, NULL};
    http_client_run(b->client, &service, jobs, n);
}

static void http_close(struct backend *base)
{
    struct http_backend *b = (struct http_backend *)base;
    http_client_close(b->client);
    free(b);
}

const struct backend_ops http_backend = {
    "http", true, true, http_open, http_extract, http_close, false,
};
