/*
 * cmd_stats.c - `factbench stats`: corpus statistics, from a validating pass.
 */
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "cmd.h"
#include "config.h"
#include "diag.h"
#include "result.h"
#include "validate.h"

const struct command cmd_stats_command = {
    "stats",
    cmd_stats,
    "corpus statistics: articles, words and gold items per group",
    "usage: factbench stats [--corpus PATH] [--gold DIR] [--groups FILE] [--config FILE]\n"
    "                       [limits]\n"
    "\n"
    "Validates the corpus and its gold as `validate` does and prints, per group\n"
    "of articles, the number of articles and words and the gold items of each\n"
    "category (optional ones in brackets), as a Markdown table.\n"
    "\n" CMD_INPUT_HELP "  --groups FILE         JSON object {\"group\": [\"id\", ...]} (default:\n"
    "                        groups.json in the corpus directory, when there is "
    "one)\n" CMD_LIMIT_HELP "  -h, --help            show this help\n",
};

int cmd_stats(int argc, char **argv)
{
    static const struct option options[] = {
        CMD_INPUT_OPTIONS,  {"groups", required_argument, NULL, 'G'},
        CMD_LIMIT_OPTIONS,  {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    struct cmd_inputs in = CMD_INPUTS_DEFAULT;
    const char *groups = NULL;
    struct cmd_settings settings = {0};
    int c;
    while ((c = cmd_getopt(argc, argv, ":h", options, &cmd_stats_command)) != -1) {
        if (cmd_take_input(&in, c, optarg) || cmd_take_setting(&settings, c, optarg))
            continue;
        switch (c) {
        case 'G':
            groups = optarg;
            break;
        case 'h':
            return FB_EXIT_OK;
        default:
            return FB_EXIT_INPUT;
        }
    }
    if (optind < argc)
        return cmd_usage_error(&cmd_stats_command, "unexpected argument '%s'", argv[optind]);
    struct buf fallback = BUF_INIT;
    struct stat st;
    if (!groups && stat(in.corpus, &st) == 0 && S_ISDIR(st.st_mode)) {
        buf_addf(&fallback, "%s/groups.json", in.corpus);
        if (access(fallback.data, F_OK) == 0)
            groups = fallback.data;
    }
    struct diag d;
    diag_init_stream(&d, stderr);
    struct config cfg;
    int code = cmd_load_settings(&settings, &cfg, &d);
    if (code) {
        buf_release(&fallback);
        config_release(&cfg);
        diag_release(&d);
        return code;
    }
    struct validate_summary sum;
    fb_result rc = validate_corpus(in.corpus, in.gold, groups, &cfg.limits, &sum, &d);
    validate_print_stats(&sum, stdout);
    validate_summary_release(&sum);
    buf_release(&fallback);
    config_release(&cfg);
    diag_release(&d);
    return fb_exit_code(rc);
}
