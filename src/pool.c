#include "pool.h"

#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <unistd.h>

#include "xalloc.h"

#define MAX_THREADS 16

struct pool {
    pthread_mutex_t lock;
    pthread_cond_t work, done;
    pthread_t *threads;
    unsigned n_threads; /* the caller's included */
    /* the loop being run, under lock */
    void (*fn)(void *ctx, size_t i);
    void *ctx;
    size_t n, next, finished;
    unsigned long generation; /* which loop the helpers are told of */
    bool stop;
};

/* Runs items of the current loop until none is left to take; called with the lock held. */
static void take_items(struct pool *p)
{
    while (p->next < p->n) {
        size_t i = p->next++;
        pthread_mutex_unlock(&p->lock);
        p->fn(p->ctx, i);
        pthread_mutex_lock(&p->lock);
        if (++p->finished == p->n)
            pthread_cond_broadcast(&p->done);
    }
}

static void *helper(void *arg)
{
    struct pool *p = arg;
    sigset_t all; /* signals go to the threads that wait for them, never to a helper */
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, NULL);
    unsigned long seen = 0;
    pthread_mutex_lock(&p->lock);
    for (;;) {
        while (!p->stop && p->generation == seen)
            pthread_cond_wait(&p->work, &p->lock);
        if (p->stop)
            break;
        seen = p->generation;
        take_items(p);
    }
    pthread_mutex_unlock(&p->lock);
    return NULL;
}

struct pool *pool_new(unsigned threads)
{
    if (!threads) {
        long cpus = sysconf(_SC_NPROCESSORS_ONLN);
        threads = cpus < 1 ? 1 : cpus > MAX_THREADS ? MAX_THREADS : (unsigned)cpus;
    }
    struct pool *p = xcalloc(1, sizeof(*p));
    pthread_mutex_init(&p->lock, NULL);
    pthread_cond_init(&p->work, NULL);
    pthread_cond_init(&p->done, NULL);
    p->threads = xcalloc(threads, sizeof(*p->threads));
    p->n_threads = 1;
    for (unsigned t = 1; t < threads; t++)
        if (pthread_create(&p->threads[p->n_threads - 1], NULL, helper, p) == 0)
            p->n_threads++; /* a thread that cannot start leaves fewer to share the work */
    return p;
}

unsigned pool_threads(const struct pool *p)
{
    return p->n_threads;
}

void pool_for(struct pool *p, size_t n, void (*fn)(void *ctx, size_t i), void *ctx)
{
    if (p->n_threads == 1 || n < 2) {
        for (size_t i = 0; i < n; i++)
            fn(ctx, i);
        return;
    }
    pthread_mutex_lock(&p->lock);
    p->fn = fn;
    p->ctx = ctx;
    p->n = n;
    p->next = p->finished = 0;
    p->generation++;
    pthread_cond_broadcast(&p->work);
    take_items(p);
    while (p->finished < p->n)
        pthread_cond_wait(&p->done, &p->lock);
    p->n = p->next = 0; /* helpers that wake late find nothing to take */
    pthread_mutex_unlock(&p->lock);
}

void pool_free(struct pool *p)
{
    if (!p)
        return;
    pthread_mutex_lock(&p->lock);
    p->stop = true;
    pthread_cond_broadcast(&p->work);
    pthread_mutex_unlock(&p->lock);
    for (unsigned t = 0; t + 1 < p->n_threads; t++)
        pthread_join(p->threads[t], NULL);
    pthread_cond_destroy(&p->work);
    pthread_cond_destroy(&p->done);
    pthread_mutex_destroy(&p->lock);
    free(p->threads);
    free(p);
}
