/*
 * cmd_merge.c - `factbench merge`: joins the reports of a sharded run.
 */
#include <stdio.h>

#include "cmd.h"
#include "eval.h"
#include "merge.h"
#include "report.h"

const struct command cmd_merge_command = {
    "merge",
    cmd_merge,
    "join the reports of a sharded run into one",
    "usage: factbench merge SHARD_DIR... --out DIR\n"
    "\n"
    "Reads SHARD_DIR/report.json of every shard of a run made with --shard K/N\n"
    "and writes DIR/report.json, equal in every number to the report of the\n"
    "same run without shards. Refuses shards of different corpora or settings,\n"
    "a shard given twice, and a missing shard.\n"
    "\n"
    "  --out DIR             where the merged report goes (required)\n"
    "  -h, --help            show this help\n",
};

int cmd_merge(int argc, char **argv)
{
    static const struct option options[] = {
        {"out", required_argument, NULL, 'o'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *out = NULL;
    int c;
    while ((c = cmd_getopt(argc, argv, ":h", options, &cmd_merge_command)) != -1) {
        if (c == 'o')
            out = optarg;
        else
            return c == 'h' ? FB_EXIT_OK : FB_EXIT_INPUT;
    }
    if (!out)
        return cmd_usage_error(&cmd_merge_command, "--out DIR is required");
    if (optind == argc)
        return cmd_usage_error(&cmd_merge_command, "expected at least one shard directory");
    struct diag d;
    diag_init_stream(&d, stderr);
    struct eval e;
    fb_result rc =
        merge_shards((const char *const *)argv + optind, (size_t)(argc - optind), &e, &d);
    if (rc == FB_OK) {
        rc = report_write(&e, out, NULL, &d);
        if (rc == FB_OK)
            report_print_summary(&e, stdout);
        eval_release(&e);
    }
    diag_release(&d);
    return fb_exit_code(rc);
}
