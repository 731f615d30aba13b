#include "plots.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "eval.h"
#include "fileio.h"
#include "proc.h"
#include "render.h"
#include "xalloc.h"

const char *const plot_names[N_PLOTS] = {"scores", "precision_recall", "f1_distribution", "heatmap",
                                         "trend"};
const char *const plot_captions[N_PLOTS] = {
    "Precision, recall and F1 per category and backend; F1 with its bootstrap 95% interval",
    "Precision against recall, overall and per category, per backend",
    "How F1 spreads over articles, per backend",
    "Micro F1 per backend and category",
    "Overall F1 over the runs of the history file",
};

/* ---- the script ----------------------------------------------------------- */

/*
 * A label safe inside a gnuplot double-quoted string (and short). Names come
 * from reports, which may be hostile: gnuplot runs `command` in backquotes
 * inside double quotes, and @ expands macros, so neither passes.
 */
static void label(struct buf *b, const char *s)
{
    buf_addc(b, '"');
    for (size_t n = 0; *s && n < 40; s++, n++) {
        unsigned char c = (unsigned char)*s;
        buf_addc(b, c < 0x20 || c == '"' || c == '\\' || c == '@' || c == '^' || c == '_' ||
                            c == '{' || c == '}' || c == '&' || c == '`'
                        ? ' '
                        : *s);
    }
    buf_addc(b, '"');
}

/* A path inside a gnuplot single-quoted string, where nothing is expanded and '' is a quote. */
static void quoted_path(struct buf *b, const char *s)
{
    buf_addc(b, '\'');
    for (; *s; s++) {
        if (*s == '\'')
            buf_addc(b, '\'');
        buf_addc(b, *s);
    }
    buf_addc(b, '\'');
}

/* The report's mode, which titles embed: only the two known words, whatever the report says. */
static const char *mode_of(const cJSON *report)
{
    return strcmp(rj_str(report, "config.mode", "strict"), "lenient") == 0 ? "lenient" : "strict";
}

/* Per category a row; per backend P, R and F1, each as value, low, high (F1's interval). */
static void data_scores(struct buf *b, const cJSON *report)
{
    const cJSON *backends = rj(report, "backends"), *be;
    char path[96];
    buf_adds(b, "$scores << EOD\n");
    for (int k = 0; k < N_SCORES; k++) {
        label(b, render_scores[k]);
        cJSON_ArrayForEach(be, backends)
        {
            snprintf(path, sizeof(path), "scores.%s.%s", mode_of(report), render_scores[k]);
            const cJSON *m = rj(be, path), *ci = rj(m, "f1_ci95");
            double p = rj_num(m, "precision", 0), r = rj_num(m, "recall", 0),
                   f1 = rj_num(m, "f1", 0);
            bool has_ci = cJSON_GetArraySize(ci) == 2;
            buf_addf(b, " %.6f %.6f %.6f %.6f %.6f %.6f %.6f %.6f %.6f", p, p, p, r, r, r, f1,
                     has_ci ? cJSON_GetArrayItem(ci, 0)->valuedouble : f1,
                     has_ci ? cJSON_GetArrayItem(ci, 1)->valuedouble : f1);
        }
        buf_addc(b, '\n');
    }
    buf_adds(b, "EOD\n");
}

static void plot_scores(struct buf *b, const cJSON *report)
{
    static const char *const measures[] = {"P", "R", "F1"};
    const cJSON *backends = rj(report, "backends"), *be;
    buf_addf(b, "set title 'Precision, recall and F1 per category (%s mode)'\n", mode_of(report));
    buf_adds(b, "set style data histogram\nset style histogram errorbars gap 2 lw 1\n"
                "set style fill solid 0.8 border -1\nset yrange [0:1.05]\nset ylabel 'score'\n"
                "set key outside right top\nset grid ytics\nplot ");
    int i = 0;
    cJSON_ArrayForEach(be, backends)
    {
        for (int m = 0; m < 3; m++) {
            int col = 2 + 9 * i + 3 * m;
            buf_addf(b, "%s$scores using %d:%d:%d%s fill solid %.1f title ", i || m ? ", " : "",
                     col, col + 1, col + 2, i || m ? "" : ":xtic(1)", m == 2 ? 0.9 : 0.35);
            struct buf t = BUF_INIT;
            buf_addf(&t, "%.28s %s", rj_str(be, "name", "?"), measures[m]); /* keep the measure */
            label(b, t.data);
            buf_release(&t);
        }
        i++;
    }
    buf_adds(b, "\nunset style\nset style data points\n");
}

static void plot_pr(struct buf *b, const cJSON *report)
{
    const cJSON *backends = rj(report, "backends"), *be;
    char path[96];
    buf_adds(b, "$pr << EOD\n");
    int i = 0;
    cJSON_ArrayForEach(be, backends)
    {
        for (int k = 0; k < N_SCORES; k++) {
            snprintf(path, sizeof(path), "scores.%s.%s", mode_of(report), render_scores[k]);
            buf_addf(b, "%d %.6f %.6f ", i, rj_num(rj(be, path), "recall", 0),
                     rj_num(rj(be, path), "precision", 0));
            label(b, render_scores[k]);
            buf_addc(b, '\n');
        }
        buf_adds(b, "\n\n");
        i++;
    }
    buf_adds(b, "EOD\n");
    buf_addf(b,
             "set title 'Precision and recall (%s mode)'\nset xrange [0:1.05]\n"
             "set yrange [0:1.05]\nset xlabel 'recall'\nset ylabel 'precision'\n"
             "set key outside right top\nset grid\nplot ",
             mode_of(report));
    i = 0;
    cJSON_ArrayForEach(be, backends)
    {
        buf_addf(b, "%s$pr index %d using 2:3 with points pt 7 ps 1.5 title ", i ? ", " : "", i);
        label(b, rj_str(be, "name", "?"));
        buf_addf(b, ", $pr index %d using 2:3:4 with labels offset 0,1 font ',8' notitle", i);
        i++;
    }
    buf_adds(b, "\nunset xlabel\nset xrange [*:*]\n");
}

/* The inside of "set xtics (...)": each backend's name at its position, from first on. */
static void backend_tics(struct buf *b, const cJSON *backends, int first)
{
    const cJSON *be;
    int i = first;
    cJSON_ArrayForEach(be, backends)
    {
        buf_adds(b, i > first ? ", " : "");
        label(b, rj_str(be, "name", "?"));
        buf_addf(b, " %d", i++);
    }
}

#define N_BINS 11 /* F1 in [0, 0.1), ..., [0.9, 1), and exactly 1 */

/* The share of each run's articles per bin of overall F1, read from the stores: a row per bin. */
static void plot_distribution(struct buf *b, const cJSON *report, const struct eval *e)
{
    double *share = xcalloc(e->n_runs * N_BINS + 1, sizeof(*share));
    for (size_t i = 0; i < e->n_runs; i++) {
        struct store_cursor c;
        struct article_row a;
        store_open(&c, e->runs[i].articles);
        while (store_next(&c, &a)) {
            double f1 = prf_f1(a.counts[e->cfg.mode][SCORE_OVERALL]);
            int bin = f1 >= 1 ? N_BINS - 1 : (int)(f1 * 10);
            share[i * N_BINS + (size_t)bin]++;
        }
        store_close(&c);
        for (int k = 0; k < N_BINS; k++)
            share[i * N_BINS + (size_t)k] *=
                100.0 / (double)(e->runs[i].n_articles ? e->runs[i].n_articles : 1);
    }
    buf_adds(b, "$dist << EOD\n");
    for (int k = 0; k < N_BINS; k++) {
        if (k == N_BINS - 1)
            buf_adds(b, "\"1\"");
        else
            buf_addf(b, "\"%.1f-%.1f\"", k / 10.0, (k + 1) / 10.0);
        for (size_t i = 0; i < e->n_runs; i++)
            buf_addf(b, " %.4f", share[i * N_BINS + (size_t)k]);
        buf_addc(b, '\n');
    }
    buf_adds(b, "EOD\n");
    free(share);
    buf_addf(b,
             "set title 'Articles by their F1 (%s mode, overall)'\nset style data histogram\n"
             "set style histogram clustered gap 1\nset style fill solid 0.8 border -1\n"
             "set ylabel '%% of articles'\nset xlabel 'F1 of an article'\nset yrange [0:*]\n"
             "set key outside right top\nset grid ytics\nplot ",
             mode_of(report));
    for (size_t i = 0; i < e->n_runs; i++) {
        buf_addf(b, "%s$dist using %zu%s title ", i ? ", " : "", i + 2, i ? "" : ":xtic(1)");
        label(b, e->runs[i].name);
    }
    buf_adds(b, "\nunset xlabel\nunset style\nset style data points\n");
}

static void plot_heatmap(struct buf *b, const cJSON *report)
{
    const cJSON *backends = rj(report, "backends"), *be;
    char path[96];
    buf_adds(b, "$heat << EOD\n");
    int i = 0;
    cJSON_ArrayForEach(be, backends)
    {
        for (int k = 0; k < N_SCORES; k++) {
            snprintf(path, sizeof(path), "scores.%s.%s.f1", mode_of(report), render_scores[k]);
            buf_addf(b, "%d %d %.6f\n", k, i, rj_num(be, path, 0));
        }
        buf_addc(b, '\n');
        i++;
    }
    buf_adds(b, "EOD\n");
    buf_addf(b,
             "set title 'Micro F1 (%s mode)'\nset cbrange [0:1]\nset palette defined "
             "(0 '#b2182b', 0.5 '#f7f7f7', 1 '#2166ac')\nunset key\nset xrange [-0.5:4.5]\n"
             "set yrange [-0.5:%d.5]\nset xtics ('overall' 0, 'actors' 1, 'counts' 2, "
             "'dates' 3, 'claims' 4)\nset ytics (",
             mode_of(report), i - 1);
    backend_tics(b, backends, 0);
    buf_adds(b, ")\nplot $heat using 1:2:3 with image, $heat using 1:2:(sprintf('%.2f', $3)) "
                "with labels\nset xrange [*:*]\nset yrange [*:*]\nset xtics autofreq\n"
                "set ytics autofreq\nset key\n");
}

/* The trend of overall F1 from a history file: one line per backend. */
static bool plot_trend(struct buf *b, const char *history)
{
    struct buf text = BUF_INIT;
    struct diag quiet;
    diag_init(&quiet);
    bool ok = fileio_read(history, &text, &quiet) == FB_OK;
    diag_release(&quiet);
    char names[16][64];
    int n_names = 0, runs = 0;
    struct buf data[16];
    for (int i = 0; i < 16; i++)
        buf_init(&data[i]);
    for (char *line = ok ? text.data : NULL; line && *line;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        cJSON *o = cJSON_Parse(line);
        const char *name = rj_str(o, "backend", NULL);
        int k = 0;
        while (name && k < n_names && strcmp(names[k], name) != 0)
            k++;
        if (name && k == n_names && n_names < 16)
            snprintf(names[n_names++], sizeof(names[0]), "%s", name);
        if (name && k < n_names && cJSON_IsNumber(rj(o, "f1.overall")))
            buf_addf(&data[k], "%d %.6f\n", runs++, rj_num(o, "f1.overall", 0));
        cJSON_Delete(o);
        line = nl ? nl + 1 : NULL;
    }
    buf_adds(b, "$trend << EOD\n");
    for (int k = 0; k < n_names; k++)
        buf_addf(b, "%s\n\n", data[k].data);
    buf_adds(b, "EOD\nset title 'Overall F1 over runs'\nset yrange [0:1.05]\nset xlabel 'run'\n"
                "set ylabel 'F1'\nset grid\nset key outside right top\nplot ");
    for (int k = 0; k < n_names; k++) {
        buf_addf(b, "%s$trend index %d using 1:2 with linespoints pt 7 title ", k ? ", " : "", k);
        label(b, names[k]);
    }
    buf_adds(b, "\nunset xlabel\n");
    for (int i = 0; i < 16; i++)
        buf_release(&data[i]);
    buf_release(&text);
    return ok && n_names > 0 && runs > 0;
}

/* ---- running gnuplot -------------------------------------------------------- */

static bool run_gnuplot(const char *gnuplot, const char *script, struct buf *why)
{
    char *argv[] = {"gnuplot", NULL};
    char **env = proc_environment(NULL);
    struct proc p;
    bool ok = proc_spawn(&p, gnuplot, argv, env, -1, why) == FB_OK;
    if (ok) {
        fcntl(p.in, F_SETFL, 0); /* blocking: gnuplot reads all its script */
        size_t len = strlen(script), sent = 0;
        while (sent < len) {
            ssize_t n = write(p.in, script + sent, len - sent);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                break;
            sent += (size_t)n;
        }
        bool killed;
        int status = proc_reap(&p, 120.0, &killed);
        ok = sent == len && status == 0 && !killed;
        if (!ok)
            buf_adds(why, killed ? "gnuplot took too long" : "gnuplot failed");
    }
    for (size_t i = 0; env[i]; i++)
        free(env[i]);
    free(env);
    return ok;
}

void plots_draw(const cJSON *report, const struct eval *e, const char *history, const char *out_dir,
                struct fileio_batch *batch, struct plots *p, struct diag *d)
{
    memset(p, 0, sizeof(*p));
    char *gnuplot = proc_find("gnuplot");
    if (!gnuplot) {
        snprintf(p->skipped, sizeof(p->skipped), "gnuplot not found: plots skipped");
        diag_warning(d, "%s", p->skipped);
        return;
    }
    struct buf dir = BUF_INIT, script = BUF_INIT, from = BUF_INIT, to = BUF_INIT, why = BUF_INIT;
    struct buf tmp = BUF_INIT;
    buf_addf(&dir, "%s/plots", out_dir);
    buf_addf(&tmp, "%s/.gnuplot-XXXXXX", dir.data);
    bool wanted[N_PLOTS] = {true, true, true, true, false};
    struct diag local;
    diag_init(&local);
    bool made = fileio_mkdirs_in(out_dir, dir.data, &local) == FB_OK;
    if (!made) {
        snprintf(p->skipped, sizeof(p->skipped), "%.120s: plots skipped", diag_first_error(&local));
        diag_warning(d, "%s", p->skipped);
    }
    diag_release(&local);
    if (!made)
        goto done;
    /* gnuplot writes into a new directory of its own, as it follows links; a line break
     * in the path would end its command */
    if (strpbrk(dir.data, "\n\r") || !mkdtemp(tmp.data)) {
        snprintf(p->skipped, sizeof(p->skipped), "cannot draw into '%.80s': %s: plots skipped",
                 dir.data,
                 strpbrk(dir.data, "\n\r") ? "a line break in the name" : strerror(errno));
        diag_warning(d, "%s", p->skipped);
        goto done;
    }
    if (cJSON_GetArraySize(rj(report, "backends")) > 0) {
        data_scores(&script, report);
    } else {
        memset(wanted, 0, sizeof(wanted));
    }
    struct buf trend = BUF_INIT;
    wanted[PLOT_TREND] = history && plot_trend(&trend, history);
    static const char *const terminals[] = {"svg size 760,420 dynamic enhanced font 'sans,11'",
                                            "pngcairo size 900,500 font 'sans,10'"};
    static const char *const ext[] = {"svg", "png"};
    buf_adds(&script, "set termoption noenhanced\n");
    for (int t = 0; t < 2; t++) {
        for (int k = 0; k < N_PLOTS; k++) {
            if (!wanted[k])
                continue;
            buf_addf(&script, "reset\nset terminal %s\nset termoption noenhanced\nset output ",
                     terminals[t]);
            buf_reset(&from);
            buf_addf(&from, "%s/%s.%s", tmp.data, plot_names[k], ext[t]);
            quoted_path(&script, from.data);
            buf_addc(&script, '\n');
            if (k == PLOT_SCORES)
                plot_scores(&script, report);
            else if (k == PLOT_PR)
                plot_pr(&script, report);
            else if (k == PLOT_DISTRIBUTION)
                plot_distribution(&script, report, e);
            else if (k == PLOT_HEATMAP)
                plot_heatmap(&script, report);
            else
                buf_add(&script, trend.data, trend.len);
            buf_adds(&script, "set output\n");
        }
    }
    buf_release(&trend);
    if (!run_gnuplot(gnuplot, script.data, &why)) {
        snprintf(p->skipped, sizeof(p->skipped), "%s: plots skipped", why.data);
        diag_warning(d, "%s", p->skipped);
    }
    for (int k = 0; k < N_PLOTS; k++) {
        if (!wanted[k])
            continue;
        bool all = !p->skipped[0];
        for (int t = 0; t < 2; t++) {
            buf_reset(&from);
            buf_reset(&to);
            buf_addf(&from, "%s/%s.%s", tmp.data, plot_names[k], ext[t]);
            buf_addf(&to, "%s/%s.%s", dir.data, plot_names[k], ext[t]);
            /* gnuplot creates files as the umask lets it: 0644 like every other output */
            if (all && chmod(from.data, 0644) != 0)
                all = false;
            if (all && batch)
                fileio_batch_adopt(batch, from.data, to.data); /* renamed at the commit */
            else if (all && rename(from.data, to.data) != 0)
                all = false;
            if (!batch || !all)
                unlink(from.data); /* gone after the rename; cleans up after a failure */
        }
        p->drawn[k] = all;
    }
    if (batch)
        p->dir = buf_detach(&tmp, NULL); /* removed by plots_release() */
    else
        rmdir(tmp.data);
done:
    free(gnuplot);
    buf_release(&tmp);
    buf_release(&dir);
    buf_release(&script);
    buf_release(&from);
    buf_release(&to);
    buf_release(&why);
}

void plots_release(struct plots *p)
{
    if (p->dir)
        rmdir(p->dir); /* its files are renamed into place or removed with their batch */
    free(p->dir);
    p->dir = NULL;
}
