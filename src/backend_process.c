/*
 * backend_process.c - backends that run programs: `exec:CMD` starts one
 * process per article (request on stdin, prediction on stdout); `jsonl:CMD`
 * keeps persistent workers that answer one request line with one response
 * line. Up to `jobs` articles are in flight at once, all driven by one
 * poll() loop with non-blocking pipes, so that no program can stall
 * factbench by not reading or not writing.
 *
 * Every way a program can misbehave fails that article only, with the
 * reason: a crash or non-zero exit, a timeout (the whole process group is
 * killed), output that is not a prediction, a response over the size
 * limit, a worker that closes its output. A jsonl worker that failed is
 * replaced by a fresh one for the next article.
 */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "backend.h"
#include "interrupt.h"
#include "proc.h"
#include "xalloc.h"

struct worker {
    struct proc p;
    struct backend_job *job; /* the job in flight, or NULL */
    struct buf request;
    size_t sent;
    struct buf response;
    double deadline;
};

struct process_backend {
    struct backend base;
    bool persistent; /* jsonl workers */
    char *path;      /* the program, found in PATH */
    char **argv, **envp;
    double timeout;
    size_t max_response;
    int log_fd;
    struct worker *workers;
    size_t n_workers;
};

/* ---- starting ------------------------------------------------------------------ */

static void close_backend(struct backend *base)
{
    struct process_backend *b = (struct process_backend *)base;
    for (size_t i = 0; i < b->n_workers; i++)
        proc_close_input(&b->workers[i].p); /* EOF on stdin asks every worker to stop at once */
    double deadline = proc_now() + 1.0;
    for (size_t i = 0; i < b->n_workers; i++) {
        struct worker *w = &b->workers[i];
        double left = deadline - proc_now();
        if (w->p.pid && (interrupt_requested() || left <= 0)) {
            proc_kill(&w->p);
        } else if (w->p.pid) {
            bool killed;
            proc_reap(&w->p, left, &killed);
        }
        buf_release(&w->request);
        buf_release(&w->response);
    }
    if (b->log_fd >= 0)
        close(b->log_fd);
    free(b->workers);
    free(b->path);
    proc_argv_free(b->argv);
    proc_argv_free(b->envp);
    free(b);
}

static fb_result spawn(struct process_backend *b, struct worker *w, struct buf *err)
{
    buf_reset(&w->response);
    return proc_spawn(&w->p, b->path, b->argv, b->envp, b->log_fd, err);
}

static fb_result open_process(const char *arg, const struct backend_options *opt,
                              struct backend **out, struct diag *d, bool persistent)
{
    struct buf err = BUF_INIT;
    char **argv = proc_split(arg, &err);
    if (!argv) {
        diag_error(d, "backend '%s': %s", opt->name, err.data);
        buf_release(&err);
        return FB_EUSAGE;
    }
    struct process_backend *b = xcalloc(1, sizeof(*b));
    b->base.ops = persistent ? &jsonl_backend : &exec_backend;
    b->persistent = persistent;
    b->argv = argv;
    b->envp = proc_environment(opt->env);
    b->timeout = opt->timeout;
    b->max_response = opt->max_response;
    b->n_workers = opt->jobs ? opt->jobs : 1;
    b->workers = xcalloc(b->n_workers, sizeof(*b->workers));
    for (size_t i = 0; i < b->n_workers; i++) {
        buf_init(&b->workers[i].request);
        buf_init(&b->workers[i].response);
    }
    b->log_fd = backend_open_log(opt, ".stderr.log");
    b->path = proc_find(argv[0]);
    fb_result rc = FB_OK;
    if (!b->path) {
        diag_error(d, "cannot start backend '%s': '%s' not found or not executable", opt->name,
                   argv[0]);
        rc = FB_ERUNTIME;
    } else if (persistent && spawn(b, &b->workers[0], &err) != FB_OK) {
        diag_error(d, "cannot start backend '%s': %s", opt->name, err.data);
        rc = FB_ERUNTIME;
    }
    buf_release(&err);
    if (rc != FB_OK) {
        close_backend(&b->base);
        return rc;
    }
    *out = &b->base;
    return FB_OK;
}

static fb_result exec_open(const char *arg, const struct backend_options *opt, struct backend **out,
                           struct diag *d)
{
    return open_process(arg, opt, out, d, false);
}

static fb_result jsonl_open(const char *arg, const struct backend_options *opt,
                            struct backend **out, struct diag *d)
{
    return open_process(arg, opt, out, d, true);
}

/* ---- one job on one worker -------------------------------------------------------- */

static void start_job(struct process_backend *b, struct worker *w, struct backend_job *job)
{
    struct buf err = BUF_INIT;
    if (!w->p.pid && spawn(b, w, &err) != FB_OK) {
        backend_job_fail(job, "%s", err.data);
        buf_release(&err);
        return;
    }
    buf_release(&err);
    backend_request(job->article, &w->request);
    if (b->persistent)
        buf_addc(&w->request, '\n');
    w->sent = 0;
    buf_reset(&w->response);
    w->job = job;
    w->deadline = proc_now() + b->timeout;
}

/* Ends the worker's job with a failure and kills the worker: its state is unknown. */
static void fail_and_kill(struct worker *w, const char *reason)
{
    backend_job_fail(w->job, "%s", reason);
    proc_kill(&w->p);
    w->job = NULL;
}

static void finish_exec(struct process_backend *b, struct worker *w)
{
    bool killed;
    int status = proc_reap(&w->p, b->timeout > 1 ? 1.0 : b->timeout, &killed);
    struct buf why = BUF_INIT;
    if (status != 0 && !killed) {
        proc_describe_status(status, &why);
        backend_job_fail(w->job, "%s", why.data);
    } else {
        backend_job_answer(w->job, w->response.data, w->response.len);
    }
    buf_release(&why);
    w->job = NULL;
}

static void worker_ended(struct worker *w)
{
    struct buf why = BUF_INIT;
    proc_describe_status(proc_kill(&w->p), &why);
    backend_job_fail(w->job, "worker %s before answering", why.data);
    buf_release(&why);
    w->job = NULL;
}

/* A jsonl worker's answer is its first line; anything after it means it lost step. */
static void take_line(struct worker *w, char *newline)
{
    size_t len = (size_t)(newline - w->response.data);
    bool extra = len + 1 < w->response.len;
    backend_job_answer(w->job, w->response.data, len);
    w->job = NULL;
    if (extra)
        proc_kill(&w->p); /* a fresh worker answers the next article */
}

static void on_readable(struct process_backend *b, struct worker *w)
{
    char chunk[65536];
    for (;;) {
        ssize_t n = read(w->p.out, chunk, sizeof(chunk));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return; /* EAGAIN: nothing more for now */
        if (n == 0) {
            if (b->persistent)
                worker_ended(w);
            else
                finish_exec(b, w);
            return;
        }
        buf_add(&w->response, chunk, (size_t)n);
        if (b->persistent) {
            char *nl = memchr(w->response.data, '\n', w->response.len);
            if (nl) {
                take_line(w, nl);
                return;
            }
        }
        if (w->response.len > b->max_response) {
            char reason[96];
            snprintf(reason, sizeof(reason),
                     "response larger than %zu bytes (limits.response_bytes)", b->max_response);
            fail_and_kill(w, reason);
            return;
        }
    }
}

static void on_writable(struct process_backend *b, struct worker *w)
{
    while (w->sent < w->request.len) {
        ssize_t n = write(w->p.in, w->request.data + w->sent, w->request.len - w->sent);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno == EAGAIN)
            return;
        if (n < 0) {
            /* it closed its input: what it says on stdout decides */
            proc_close_input(&w->p);
            w->sent = w->request.len;
            return;
        }
        w->sent += (size_t)n;
    }
    if (!b->persistent)
        proc_close_input(&w->p);
}

/* ---- the batch --------------------------------------------------------------------- */

/* Fails the jobs in flight and the jobs not started when waiting itself fails. */
static void abandon(struct process_backend *b, struct backend_job *rest, size_t n, const char *why)
{
    for (size_t i = 0; i < b->n_workers; i++)
        if (b->workers[i].job)
            fail_and_kill(&b->workers[i], why);
    for (size_t i = 0; i < n; i++)
        backend_job_fail(&rest[i], "%s", why);
}

static void process_extract(struct backend *base, struct backend_job *jobs, size_t n)
{
    struct process_backend *b = (struct process_backend *)base;
    struct pollfd *fds = xcalloc(2 * b->n_workers, sizeof(*fds));
    size_t next = 0, busy = 0;
    for (;;) {
        for (size_t i = 0; i < b->n_workers && next < n; i++) {
            if (b->workers[i].job)
                continue;
            start_job(b, &b->workers[i], &jobs[next++]);
        }
        busy = 0;
        double now = proc_now(), wait = INFINITY;
        size_t nfds = 0;
        for (size_t i = 0; i < b->n_workers; i++) {
            struct worker *w = &b->workers[i];
            if (!w->job)
                continue;
            if (now >= w->deadline) {
                char reason[64];
                snprintf(reason, sizeof(reason), "timed out after %g s", b->timeout);
                fail_and_kill(w, reason);
                continue;
            }
            busy++;
            if (w->deadline - now < wait)
                wait = w->deadline - now;
            fds[nfds++] = (struct pollfd){w->p.out, POLLIN, 0};
            if (w->p.in >= 0 && w->sent < w->request.len)
                fds[nfds++] = (struct pollfd){w->p.in, POLLOUT, 0};
        }
        if (!busy && next == n)
            break;
        if (!busy)
            continue; /* every started job failed at once: start the next ones */
        int ms = (int)ceil(wait * 1000.0);
        if (poll(fds, nfds, ms < 1 ? 1 : ms) < 0 && errno != EINTR) {
            abandon(b, jobs + next, n - next, strerror(errno));
            break;
        }
        if (interrupt_requested()) {
            abandon(b, jobs + next, n - next, "interrupted");
            break;
        }
        for (size_t i = 0; i < b->n_workers; i++) {
            struct worker *w = &b->workers[i];
            if (w->job && w->p.in >= 0 && w->sent < w->request.len)
                on_writable(b, w);
            if (w->job)
                on_readable(b, w);
        }
    }
    free(fds);
}

const struct backend_ops exec_backend = {
    "exec", true, true, exec_open, process_extract, close_backend, false,
};

const struct backend_ops jsonl_backend = {
    "jsonl", true, true, jsonl_open, process_extract, close_backend, false,
};
