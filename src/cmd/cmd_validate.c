/*
 * cmd_validate.c - `factbench validate`: checks a corpus and its gold files.
 */
#include <stdio.h>

#include "cmd.h"
#include "config.h"
#include "diag.h"
#include "result.h"
#include "validate.h"

const struct command cmd_validate_command = {
    "validate",
    cmd_validate,
    "check a corpus and its gold files against the format",
    "usage: factbench validate [--corpus PATH] [--gold DIR] [--config FILE] [limits]\n"
    "\n"
    "Checks every article of the corpus and every gold file, reports every\n"
    "problem (file and place) on stderr, and exits 2 when there is any error.\n"
    "Articles without gold are warnings. The limits are those a run applies.\n"
    "\n" CMD_INPUT_HELP CMD_LIMIT_HELP "  -h, --help            show this help\n",
};

int cmd_validate(int argc, char **argv)
{
    static const struct option options[] = {
        CMD_INPUT_OPTIONS,
        CMD_LIMIT_OPTIONS,
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    struct cmd_inputs in = CMD_INPUTS_DEFAULT;
    struct cmd_settings settings = {0};
    int c;
    while ((c = cmd_getopt(argc, argv, ":h", options, &cmd_validate_command)) != -1)
        if (!cmd_take_input(&in, c, optarg) && !cmd_take_setting(&settings, c, optarg))
            return c == 'h' ? FB_EXIT_OK : FB_EXIT_INPUT;
    if (optind < argc)
        return cmd_usage_error(&cmd_validate_command, "unexpected argument '%s'", argv[optind]);

    struct diag d;
    diag_init_stream(&d, stderr);
    struct config cfg;
    int code = cmd_load_settings(&settings, &cfg, &d);
    if (code) {
        config_release(&cfg);
        diag_release(&d);
        return code;
    }
    struct validate_summary sum;
    fb_result rc = validate_corpus(in.corpus, in.gold, NULL, &cfg.limits, &sum, &d);
    printf("%zu articles, %zu gold files: %zu errors, %zu warnings\n", sum.articles, sum.gold_files,
           d.errors, d.warnings);
    validate_summary_release(&sum);
    config_release(&cfg);
    diag_release(&d);
    return fb_exit_code(rc);
}
