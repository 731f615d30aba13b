#include "cmd.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

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
