/*
 * cmd_score.c - `factbench score`: scores predictions computed elsewhere.
 */
#include <stdio.h>
#include <stdlib.h>

#include "buf.h"
#include "cmd.h"
#include "config.h"
#include "eval.h"
#include "report.h"

const struct command cmd_score_command = {
    "score",
    cmd_score,
    "score a directory of predictions against gold",
    "usage: factbench score --pred DIR [--gold DIR] [--corpus PATH] [--out DIR] [settings]\n"
    "\n"
    "Scores DIR/<id>.json against the gold of every article, as a run with the\n"
    "backend dir:DIR would: an article without a prediction fails (reason \"no\n"
    "prediction\") and its gold counts as missed. Writes OUT/report.json and\n"
    "prints a summary.\n"
    "\n"
    "  --pred DIR            the predictions (required)\n" CMD_INPUT_HELP
    "  --out DIR             where report.json goes (default: reports/latest)\n" CMD_THREADS_HELP
        CMD_SETTING_HELP "  -h, --help            show this help\n",
};

int cmd_score(int argc, char **argv)
{
    static const struct option options[] = {
        {"pred", required_argument, NULL, 'p'},
        CMD_INPUT_OPTIONS,
        {"out", required_argument, NULL, 'o'},
        CMD_THREADS_OPTION,
        {"help", no_argument, NULL, 'h'},
        CMD_SETTING_OPTIONS,
        {NULL, 0, NULL, 0},
    };
    struct cmd_inputs in = CMD_INPUTS_DEFAULT;
    const char *pred = NULL;
    const char *out = "reports/latest";
    struct cmd_settings settings = {0};
    unsigned threads = 0;
    int c;
    while ((c = cmd_getopt(argc, argv, ":h", options, &cmd_score_command)) != -1) {
        int took = cmd_take_threads(&cmd_score_command, c, optarg, &threads);
        if (took < 0)
            return FB_EXIT_INPUT;
        if (took || cmd_take_setting(&settings, c, optarg) || cmd_take_input(&in, c, optarg))
            continue;
        switch (c) {
        case 'p':
            pred = optarg;
            break;
        case 'o':
            out = optarg;
            break;
        case 'h':
            return FB_EXIT_OK;
        default:
            return FB_EXIT_INPUT;
        }
    }
    if (optind < argc)
        return cmd_usage_error(&cmd_score_command, "unexpected argument '%s'", argv[optind]);
    if (!pred)
        return cmd_usage_error(&cmd_score_command, "--pred DIR is required");

    struct diag d;
    diag_init_stream(&d, stderr);
    struct config cfg;
    int code = cmd_load_settings(&settings, &cfg, &d);
    if (code) {
        config_release(&cfg);
        diag_release(&d);
        return code;
    }
    struct buf spec = BUF_INIT;
    buf_addf(&spec, "dir:%s", pred);
    struct backend_options backend = {.name = spec.data, .spec = spec.data, .jobs = 1};
    struct eval_options eo = {.cfg = &cfg,
                              .corpus = in.corpus,
                              .gold = in.gold,
                              .backends = &backend,
                              .n_backends = 1,
                              .threads = threads};
    struct eval e;
    fb_result rc = eval_run(&e, &eo, &d);
    if (rc == FB_OK)
        rc = report_write(&e, out, NULL, &d);
    if (rc == FB_OK)
        report_print_summary(&e, stdout);
    eval_release(&e);
    buf_release(&spec);
    config_release(&cfg);
    diag_release(&d);
    return fb_exit_code(rc);
}
