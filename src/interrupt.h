/*
 * interrupt.h - stopping a run cleanly on SIGINT or SIGTERM.
 *
 * The handler only records the signal; the loops that wait (the process
 * backends' poll loop, the batch loop of a run) look at it, fail what is in
 * flight, kill their workers and return, so that no worker is left behind
 * and no output is written half. What finished before the signal is in the
 * cache, so the next run resumes from there.
 */
#ifndef FB_INTERRUPT_H
#define FB_INTERRUPT_H

#include <stdbool.h>

/* Installs the handlers for SIGINT and SIGTERM (without SA_RESTART, so waits end). */
void interrupt_install(void);

/*
 * Blocks (or unblocks) SIGINT and SIGTERM in the calling thread, so that
 * they go to the thread that waits on backends and must wake up.
 */
void interrupt_block(bool block);

/* Whether a signal asked to stop, and which (0 when none). */
bool interrupt_requested(void);
int interrupt_signal(void);

#endif
