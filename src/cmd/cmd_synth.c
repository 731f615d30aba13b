/*
 * cmd_synth.c - `factbench synth`: a synthetic corpus with known scores.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cmd.h"
#include "synth.h"

const struct command cmd_synth_command = {
    "synth",
    cmd_synth,
    "write a synthetic corpus whose scores are known in closed form",
    "usage: factbench synth --articles N --out DIR [--seed S] [--drop D] [--perturb Q]\n"
    "                       [--add A] [--jsonl]\n"
    "\n"
    "Writes DIR/corpus (or DIR/corpus.jsonl), DIR/gold and DIR/pred, whose gold\n"
    "items the predictions drop (rate D), perturb so they match only leniently\n"
    "(rate Q of the rest) or keep, with A spurious items per gold item, and\n"
    "DIR/expected.json: the exact counts made and the closed-form precision and\n"
    "recall (strict R = (1-D)(1-Q), lenient R = 1-D, P = R / ((1-D) + A)).\n"
    "Score it with `factbench score --pred DIR/pred --gold DIR/gold --corpus ...`.\n"
    "\n"
    "  --articles N          how many articles (required)\n"
    "  --out DIR             where to write (required)\n"
    "  --seed S              random seed (default 1); the same seed, the same files\n"
    "  --drop D              default 0.1\n"
    "  --perturb Q           default 0.2\n"
    "  --add A               default 0.1\n"
    "  --jsonl               the corpus as one JSON Lines file\n"
    "  -h, --help            show this help\n",
};

static bool rate(const char *arg, double *out)
{
    char *end;
    *out = strtod(arg, &end);
    return !*end && *out >= 0 && *out <= 1;
}

int cmd_synth(int argc, char **argv)
{
    static const struct option options[] = {
        {"articles", required_argument, NULL, 'n'},
        {"out", required_argument, NULL, 'o'},
        {"seed", required_argument, NULL, 's'},
        {"drop", required_argument, NULL, 'd'},
        {"perturb", required_argument, NULL, 'q'},
        {"add", required_argument, NULL, 'a'},
        {"jsonl", no_argument, NULL, 'j'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    struct synth_options o = {0, 1, 0.1, 0.2, 0.1, false};
    const char *out = NULL;
    char *end;
    int c;
    while ((c = cmd_getopt(argc, argv, ":h", options, &cmd_synth_command)) != -1) {
        switch (c) {
        case 'n': {
            long long n = strtoll(optarg, &end, 10);
            if (*end || n < 1 || n > 100000000)
                return cmd_usage_error(&cmd_synth_command, "--articles: expected 1 to 100000000");
            o.articles = (size_t)n;
            break;
        }
        case 'o':
            out = optarg;
            break;
        case 's':
            o.seed = strtoull(optarg, &end, 10);
            if (*end)
                return cmd_usage_error(&cmd_synth_command, "--seed: expected an integer");
            break;
        case 'd':
        case 'q':
        case 'a':
            if (!rate(optarg, c == 'd' ? &o.drop : c == 'q' ? &o.perturb : &o.add))
                return cmd_usage_error(&cmd_synth_command, "rates are numbers from 0 to 1");
            break;
        case 'j':
            o.jsonl = true;
            break;
        case 'h':
            return FB_EXIT_OK;
        default:
            return FB_EXIT_INPUT;
        }
    }
    if (!o.articles || !out)
        return cmd_usage_error(&cmd_synth_command, "--articles N and --out DIR are required");
    struct diag d;
    diag_init_stream(&d, stderr);
    fb_result rc = synth_write(&o, out, &d);
    if (rc == FB_OK)
        printf("%zu synthetic articles in '%s'\n", o.articles, out);
    diag_release(&d);
    return fb_exit_code(rc);
}
