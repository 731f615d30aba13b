#include "history.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "buf.h"
#include "proc.h"

/* git's HEAD commit, or NULL outside a checkout (or without git). Caller frees. */
static char *head_commit(void)
{
    char *git = proc_find("git");
    if (!git)
        return NULL;
    char *argv[] = {"git", "rev-parse", "--verify", "-q", "HEAD", NULL};
    char **env = proc_environment(NULL);
    struct proc p;
    struct buf err = BUF_INIT, out = BUF_INIT;
    char *commit = NULL;
    if (proc_spawn(&p, git, argv, env, -1, &err) == FB_OK) {
        proc_close_input(&p);
        fcntl(p.out, F_SETFL, 0); /* blocking: git answers at once */
        char chunk[256];
        ssize_t n;
        while ((n = read(p.out, chunk, sizeof(chunk))) > 0)
            buf_add(&out, chunk, (size_t)n);
        bool killed;
        int status = proc_reap(&p, 5.0, &killed);
        while (out.len && (out.data[out.len - 1] == '\n' || out.data[out.len - 1] == '\r'))
            buf_truncate(&out, out.len - 1);
        if (status == 0 && out.len == 40)
            commit = buf_detach(&out, NULL);
    }
    buf_release(&out);
    buf_release(&err);
    for (size_t i = 0; env[i]; i++)
        free(env[i]);
    free(env);
    free(git);
    return commit;
}

static cJSON *by_score(const struct summary *s, enum mode m, double (*f)(struct prf))
{
    cJSON *o = cJSON_CreateObject();
    for (int k = N_SCORES - 1; k >= 0; k--)
        cJSON_AddNumberToObject(o, score_names[k], f(s->total[m][k]));
    return o;
}

fb_result history_append(const char *path, const struct eval *e, struct diag *d)
{
    char date[32];
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(date, sizeof(date), "%Y-%m-%dT%H:%M:%SZ", &tm);
    char *commit = head_commit();
    struct buf lines = BUF_INIT;
    for (size_t i = 0; i < e->n_runs; i++) {
        const struct backend_run *run = &e->runs[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "date", date);
        if (commit)
            cJSON_AddStringToObject(o, "commit", commit);
        else
            cJSON_AddNullToObject(o, "commit");
        cJSON_AddStringToObject(o, "backend", run->name);
        cJSON_AddStringToObject(o, "mode", mode_names[e->cfg.mode]);
        cJSON_AddNumberToObject(o, "articles", (double)run->n_articles);
        cJSON_AddItemToObject(o, "f1", by_score(&run->summary, e->cfg.mode, prf_f1));
        cJSON_AddItemToObject(o, "precision", by_score(&run->summary, e->cfg.mode, prf_precision));
        cJSON_AddItemToObject(o, "recall", by_score(&run->summary, e->cfg.mode, prf_recall));
        char *text = cJSON_PrintUnformatted(o);
        buf_adds(&lines, text);
        buf_addc(&lines, '\n');
        cJSON_free(text);
        cJSON_Delete(o);
    }
    free(commit);
    /* one write with O_APPEND: lines of concurrent runs never interleave */
    int fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    bool ok = fd >= 0 && write(fd, lines.data, lines.len) == (ssize_t)lines.len;
    int saved = errno;
    if (fd >= 0 && close(fd) != 0)
        ok = false;
    if (!ok)
        diag_error(d, "cannot append to history '%s': %s", path, strerror(saved));
    buf_release(&lines);
    return ok ? FB_OK : FB_ERUNTIME;
}
