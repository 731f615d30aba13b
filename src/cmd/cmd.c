#include "cmd.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "config.h"
#include "result.h"

int cmd_usage_error(const struct command *cmd, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "factbench %s: ", cmd->name);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n\n%s", cmd->usage);
    return FB_EXIT_INPUT;
}

int cmd_getopt(int argc, char **argv, const char *shortopts, const struct option *longopts,
               const struct command *cmd)
{
    opterr = 0;
    int c = getopt_long(argc, argv, shortopts, longopts, NULL);
    if (c == 'h') {
        fputs(cmd->usage, stdout);
    } else if (c == '?' || c == ':') {
        const char *arg = argv[optind - 1];
        if (c == ':' || (optopt && strchr(shortopts, optopt)))
            cmd_usage_error(cmd, "option '%s' needs a value", arg);
        else
            cmd_usage_error(cmd, "unknown option '%s'", arg);
        c = '?';
    }
    return c;
}

/* The settings flags, in the order of CMD_SETTING_OPTIONS: config key and flag. */
static const struct {
    const char *key, *flag;
} setting_flags[] = {
    {"mode", "--mode"},
    {"claim_strict", "--claim-strict"},
    {"claim_lenient", "--claim-lenient"},
    {"count_tolerance", "--count-tolerance"},
    {"bootstrap", "--bootstrap"},
    {"permutations", "--permutations"},
    {"seed", "--seed"},
    {"article_bytes", "--max-article-bytes"},
    {"response_bytes", "--max-response-bytes"},
    {"items", "--max-items"},
    {"depth", "--max-depth"},
};

int cmd_take_setting(struct cmd_settings *s, int opt, const char *arg)
{
    if (opt == OPT_CONFIG) {
        s->config_path = arg;
        return 1;
    }
    if (opt < OPT_SETTING ||
        opt >= OPT_SETTING + (int)(sizeof(setting_flags) / sizeof(setting_flags[0])) ||
        s->n == (size_t)CMD_MAX_SETTINGS)
        return 0;
    s->opts[s->n] = opt - OPT_SETTING;
    s->values[s->n++] = arg;
    return 1;
}

int cmd_load_settings(const struct cmd_settings *s, struct config *cfg, struct diag *d)
{
    config_defaults(cfg);
    const char *path = s->config_path ? s->config_path : "factbench.json";
    if (config_load(cfg, path, s->config_path != NULL, d) != FB_OK)
        return FB_EXIT_INPUT;
    bool ok = true;
    for (size_t i = 0; i < s->n; i++)
        ok = config_set(cfg, setting_flags[s->opts[i]].key, s->values[i],
                        setting_flags[s->opts[i]].flag, d) &&
             ok;
    return ok ? 0 : FB_EXIT_INPUT;
}

int cmd_take_threads(const struct command *cmd, int opt, const char *arg, unsigned *threads)
{
    if (opt != OPT_THREADS)
        return 0;
    char *end;
    long n = strtol(arg, &end, 10);
    if (*end || n < 1 || n > 256) {
        cmd_usage_error(cmd, "--threads: expected 1 to 256");
        return -1;
    }
    *threads = (unsigned)n;
    return 1;
}

int cmd_take_input(struct cmd_inputs *in, int opt, const char *arg)
{
    if (opt == 'c')
        in->corpus = arg;
    else if (opt == 'g')
        in->gold = arg;
    else
        return 0;
    return 1;
}
