/*
 * http.h - the HTTP engine of the http: and llm: backends (libcurl).
 *
 * A client POSTs one JSON body per article to one URL, up to `jobs`
 * requests at once over reused connections, all driven by one curl multi
 * loop. Each request has the backend's timeout. Connection errors, 429 and
 * 5xx are tried again after an exponential backoff with jitter (or after
 * the server's Retry-After, capped); other answers are final. Every way a
 * request can go wrong fails its article only, with the reason ("HTTP 503
 * after 4 attempts", "timed out after 30 s", "cannot connect after 4
 * attempts: ...").
 *
 * What to send and how to read a 2xx answer is the backend's: a struct
 * http_protocol. Header values read from the environment (secrets) live
 * only in the client; they are cut out of any failure reason, since an
 * answer may echo them back.
 */
#ifndef FB_HTTP_H
#define FB_HTTP_H

#include <stddef.h>

#include "backend.h"
#include "buf.h"
#include "diag.h"
#include "result.h"

typedef struct http_client http_client;

/* What a backend makes of HTTP. */
struct http_protocol {
    /* Writes the body of the request for article a into body (emptied first). */
    void (*request)(void *ctx, const struct article *a, struct buf *body);
    /*
     * Ends job j with a 2xx answer's body (usually through
     * backend_job_answer()); j->usage.latency_ms is already set.
     */
    void (*answer)(void *ctx, struct backend_job *j, const char *body, size_t len);
    void *ctx;
};

/*
 * Opens a client that posts to url (http:// or https:// only; redirects are
 * not followed, so headers go nowhere else) with opt's timeout, jobs,
 * max_response and http options; it logs retries and failures to
 * <log_dir>/<name>.http.log. Returns FB_OK with *out set; FB_EUSAGE for a
 * URL of another scheme; FB_ERUNTIME when a header's environment variable
 * is not set or curl cannot start. Reports why to d, naming no secret.
 * Close with http_client_close().
 */
fb_result http_client_open(const char *url, const struct backend_options *opt, http_client **out,
                           struct diag *d);

/* Runs jobs[0..n) through the protocol: each ends answered or failed with a reason. */
void http_client_run(http_client *c, const struct http_protocol *p, struct backend_job *jobs,
                     size_t n);

void http_client_close(http_client *c);

#endif
