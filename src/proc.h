/*
 * proc.h - child processes for the backends that run programs.
 *
 * Programs run without a shell: a command line is split into words here
 * (blanks separate words, '...' and "..." quote, \ escapes inside "..."),
 * the program is found in PATH, and it runs in a process group of its own,
 * so that a timeout kills it and everything it started. Its environment is
 * an explicit allow-list (PATH, HOME, LANG, LC_*, TMPDIR, TZ) plus what the
 * configuration adds; nothing else of factbench's environment leaks in.
 */
#ifndef FB_PROC_H
#define FB_PROC_H

#include <stdbool.h>
#include <sys/types.h>

#include "buf.h"
#include "result.h"

struct proc {
    pid_t pid; /* also its process group; 0 when there is no process */
    int in;    /* our end of its stdin (non-blocking), or -1 */
    int out;   /* our end of its stdout (non-blocking), or -1 */
};

/* Splits a command line into a NULL-terminated argv (free with proc_argv_free()); NULL with a
 * message in err. */
char **proc_split(const char *cmd, struct buf *err);
void proc_argv_free(char **argv);

/* The full path of program (searched in PATH unless it has a '/'), or NULL. Caller frees. */
char *proc_find(const char *program);

/* The environment handed to programs: the allow-list, then extra ("K=V", NULL-terminated or NULL).
 */
char **proc_environment(char *const *extra);

/*
 * Starts the program at path with argv and envp, stdin and stdout piped,
 * stderr to err_fd (or /dev/null when -1), in a new process group. Returns
 * FB_ERUNTIME with the reason in err when it cannot (including when the
 * program cannot be executed).
 */
fb_result proc_spawn(struct proc *p, const char *path, char *const *argv, char *const *envp,
                     int err_fd, struct buf *err);

/* Closes our end of its stdin: the program sees the end of its input. */
void proc_close_input(struct proc *p);

/*
 * Kills the process group with SIGKILL, closes our ends and reaps the
 * leader. Returns its wait status, or -1 when there was no process.
 */
int proc_kill(struct proc *p);

/*
 * Waits up to `seconds` for the leader to exit after it closed its output,
 * then kills the group (what it left running dies too). Returns the wait
 * status; *timed_out tells whether it had to be killed.
 */
int proc_reap(struct proc *p, double seconds, bool *timed_out);

/* "exited with status 3", "killed by signal 11 (Segmentation fault)" ... */
void proc_describe_status(int status, struct buf *out);

/* Seconds on a monotonic clock. */
double proc_now(void);

#endif
