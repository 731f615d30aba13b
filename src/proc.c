#define _GNU_SOURCE /* pipe2 */
#include "proc.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "xalloc.h"

extern char **environ;

/* ---- command lines ---------------------------------------------------------- */

static void push(char ***argv, size_t *n, size_t *cap, char *word)
{
    XGROW(*argv, *cap, *n + 2);
    (*argv)[(*n)++] = word;
    (*argv)[*n] = NULL;
}

char **proc_split(const char *cmd, struct buf *err)
{
    char **argv = NULL;
    size_t n = 0, cap = 0;
    struct buf word = BUF_INIT;
    const char *s = cmd;
    for (;;) {
        while (*s == ' ' || *s == '\t')
            s++;
        if (!*s)
            break;
        buf_reset(&word);
        while (*s && *s != ' ' && *s != '\t') {
            char q = *s;
            if (q != '\'' && q != '"') {
                buf_addc(&word, *s++);
                continue;
            }
            s++;
            while (*s && *s != q) {
                if (q == '"' && *s == '\\' && s[1])
                    s++;
                buf_addc(&word, *s++);
            }
            if (!*s) {
                buf_addf(err, "unterminated %c in command '%s'", q, cmd);
                buf_release(&word);
                proc_argv_free(argv);
                return NULL;
            }
            s++;
        }
        push(&argv, &n, &cap, xstrndup(word.data, word.len));
    }
    buf_release(&word);
    if (!n) {
        buf_addf(err, "empty command");
        free(argv);
        return NULL;
    }
    return argv;
}

void proc_argv_free(char **argv)
{
    for (size_t i = 0; argv && argv[i]; i++)
        free(argv[i]);
    free(argv);
}

static bool executable(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode) && access(path, X_OK) == 0;
}

char *proc_find(const char *program)
{
    if (strchr(program, '/'))
        return executable(program) ? xstrdup(program) : NULL;
    const char *path = getenv("PATH");
    if (!path)
        path = "/usr/local/bin:/usr/bin:/bin";
    struct buf candidate = BUF_INIT;
    for (const char *p = path;;) {
        const char *colon = strchr(p, ':');
        size_t n = colon ? (size_t)(colon - p) : strlen(p);
        buf_reset(&candidate);
        buf_add(&candidate, n ? p : ".", n ? n : 1);
        buf_addf(&candidate, "/%s", program);
        if (executable(candidate.data))
            return buf_detach(&candidate, NULL);
        if (!colon)
            break;
        p = colon + 1;
    }
    buf_release(&candidate);
    return NULL;
}

/* ---- the environment ---------------------------------------------------------- */

static bool allowed(const char *entry)
{
    static const char *const names[] = {"PATH=", "HOME=", "LANG=", "TMPDIR=", "TZ=", "LC_"};
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        if (strncmp(entry, names[i], strlen(names[i])) == 0)
            return true;
    return false;
}

char **proc_environment(char *const *extra)
{
    char **env = NULL;
    size_t n = 0, cap = 0;
    for (char **e = environ; e && *e; e++)
        if (allowed(*e))
            push(&env, &n, &cap, xstrdup(*e));
    for (size_t i = 0; extra && extra[i]; i++)
        push(&env, &n, &cap, xstrdup(extra[i]));
    if (!env)
        env = xcalloc(1, sizeof(*env));
    return env;
}

/* ---- processes ------------------------------------------------------------------ */

static void close_fd(int *fd)
{
    if (*fd >= 0)
        close(*fd);
    *fd = -1;
}

/* In the child: wire the pipes, then exec; on failure tell the parent why through report. */
static void child(const char *path, char *const *argv, char *const *envp, int in, int out,
                  int err_fd, int report)
{
    setpgid(0, 0);
    prctl(PR_SET_PDEATHSIG, SIGKILL); /* do not outlive factbench, even killed by SIGKILL */
    signal(SIGPIPE, SIG_DFL);
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    if (err_fd < 0)
        err_fd = open("/dev/null", O_WRONLY);
    if (dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(err_fd, 2) < 0)
        _exit(127);
    execve(path, argv, envp);
    int e = errno;
    ssize_t ignored = write(report, &e, sizeof(e));
    (void)ignored;
    _exit(127);
}

fb_result proc_spawn(struct proc *p, const char *path, char *const *argv, char *const *envp,
                     int err_fd, struct buf *err)
{
    int to_child[2], from_child[2], report[2];
    p->pid = 0;
    p->in = p->out = -1;
    if (pipe2(to_child, O_CLOEXEC) < 0)
        goto fail;
    if (pipe2(from_child, O_CLOEXEC) < 0)
        goto fail_1;
    if (pipe2(report, O_CLOEXEC) < 0)
        goto fail_2;
    pid_t pid = fork();
    if (pid < 0)
        goto fail_3;
    if (pid == 0)
        child(path, argv, envp, to_child[0], from_child[1], err_fd, report[1]);
    setpgid(pid, pid); /* also in the parent, so that there is no race with kill */
    close(to_child[0]);
    close(from_child[1]);
    close(report[1]);
    int e = 0;
    ssize_t got;
    while ((got = read(report[0], &e, sizeof(e))) < 0 && errno == EINTR)
        ;
    close(report[0]);
    p->pid = pid;
    p->in = to_child[1];
    p->out = from_child[0];
    fcntl(p->in, F_SETFL, O_NONBLOCK);
    fcntl(p->out, F_SETFL, O_NONBLOCK);
    if (got == (ssize_t)sizeof(e)) {
        proc_kill(p);
        buf_addf(err, "cannot run '%s': %s", path, strerror(e));
        return FB_ERUNTIME;
    }
    return FB_OK;
fail_3:
    close(report[0]);
    close(report[1]);
fail_2:
    close(from_child[0]);
    close(from_child[1]);
fail_1:
    close(to_child[0]);
    close(to_child[1]);
fail:
    buf_addf(err, "cannot start '%s': %s", path, strerror(errno));
    return FB_ERUNTIME;
}

void proc_close_input(struct proc *p)
{
    close_fd(&p->in);
}

int proc_kill(struct proc *p)
{
    close_fd(&p->in);
    close_fd(&p->out);
    if (!p->pid)
        return -1;
    kill(-p->pid, SIGKILL);
    int status = 0;
    while (waitpid(p->pid, &status, 0) < 0 && errno == EINTR)
        ;
    p->pid = 0;
    return status;
}

int proc_reap(struct proc *p, double seconds, bool *timed_out)
{
    *timed_out = false;
    close_fd(&p->in);
    close_fd(&p->out);
    if (!p->pid)
        return -1;
    double deadline = proc_now() + seconds;
    int status = 0;
    for (;;) {
        pid_t r = waitpid(p->pid, &status, WNOHANG);
        if (r == p->pid)
            break;
        if (r < 0 && errno != EINTR) {
            status = -1;
            break;
        }
        if (proc_now() >= deadline) {
            *timed_out = true;
            kill(-p->pid, SIGKILL);
            while (waitpid(p->pid, &status, 0) < 0 && errno == EINTR)
                ;
            break;
        }
        struct timespec pause = {0, 1000000}; /* 1 ms */
        nanosleep(&pause, NULL);
    }
    kill(-p->pid, SIGKILL); /* whatever it left behind in its group */
    p->pid = 0;
    return status;
}

void proc_describe_status(int status, struct buf *out)
{
    if (status < 0)
        buf_adds(out, "vanished");
    else if (WIFEXITED(status))
        buf_addf(out, "exited with status %d", WEXITSTATUS(status));
    else if (WIFSIGNALED(status))
        buf_addf(out, "killed by signal %d (%s)", WTERMSIG(status), strsignal(WTERMSIG(status)));
    else
        buf_addf(out, "ended with wait status %d", status);
}

double proc_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}
