/*
 * cmd_plot.c - `factbench plot`: draws a saved report's plots again.
 */
#include <stdio.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "buf.h"
#include "cmd.h"
#include "json.h"
#include "plots.h"
#include "report.h"

const struct command cmd_plot_command = {
    "plot",
    cmd_plot,
    "draw the plots of a saved report (and a history trend)",
    "usage: factbench plot REPORT.json [--out DIR] [--history FILE]\n"
    "\n"
    "Draws the plots of the report with gnuplot into DIR/plots (SVG and PNG):\n"
    "F1 per category with intervals, precision against recall, the spread of\n"
    "per-article F1 and a backend by category heat map; with --history, the\n"
    "trend of overall F1 over the runs of a history file.\n"
    "\n"
    "  --out DIR             where plots/ goes (default: the report's directory)\n"
    "  --history FILE        a history file written by `run --history`\n"
    "  -h, --help            show this help\n",
};

int cmd_plot(int argc, char **argv)
{
    static const struct option options[] = {
        {"out", required_argument, NULL, 'o'},
        {"history", required_argument, NULL, 'H'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *out = NULL, *history = NULL;
    int c;
    while ((c = cmd_getopt(argc, argv, ":h", options, &cmd_plot_command)) != -1) {
        if (c == 'o')
            out = optarg;
        else if (c == 'H')
            history = optarg;
        else
            return c == 'h' ? FB_EXIT_OK : FB_EXIT_INPUT;
    }
    if (argc - optind != 1)
        return cmd_usage_error(&cmd_plot_command, "expected one report file");
    const char *path = argv[optind];
    struct diag d;
    diag_init_stream(&d, stderr);
    struct eval e; /* read for its checks: only a valid report is drawn */
    fb_result rc = report_read(path, &e, &d);
    if (rc == FB_OK) {
        struct buf dir = BUF_INIT;
        const char *slash = strrchr(path, '/');
        if (out)
            buf_adds(&dir, out);
        else if (slash)
            buf_add(&dir, path, (size_t)(slash - path));
        else
            buf_adds(&dir, ".");
        cJSON *root = report_summary(&e);
        struct plots p;
        plots_draw(root, &e, history, dir.data, NULL, &p, &d);
        for (int k = 0; k < N_PLOTS; k++)
            if (p.drawn[k])
                printf("%s/plots/%s.svg\n%s/plots/%s.png\n", dir.data, plot_names[k], dir.data,
                       plot_names[k]);
        cJSON_Delete(root);
        eval_release(&e);
        buf_release(&dir);
        if (p.skipped[0])
            rc = FB_ERUNTIME; /* asked for plots and got none */
    }
    diag_release(&d);
    return fb_exit_code(rc);
}
