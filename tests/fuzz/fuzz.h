/*
 * fuzz.h - what the fuzz targets of tests/fuzz share.
 *
 * Each target is one file, fuzz_<name>.c, defining LLVMFuzzerTestOneInput().
 * Built with libFuzzer (-DFB_FUZZ=ON, clang) it is a fuzzer; linked with
 * replay.c it is a plain program that runs the target over given files, so
 * that every seed and every input that once crashed is replayed by CTest in
 * every build.
 *
 * A target aborts (FUZZ_CHECK) when a property the readers promise does not
 * hold, so that a wrong answer is a finding like a crash.
 */
#ifndef FB_FUZZ_H
#define FB_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * A path named `name` in a directory of this process (on /dev/shm when it
 * exists), removed at exit. The string is static: copy it to keep it.
 */
const char *fuzz_path(const char *name);

/* Writes data[0..size) to path, replacing it; aborts when it cannot. */
void fuzz_write(const char *path, const uint8_t *data, size_t size);

#define FUZZ_CHECK(cond)                                                                           \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "%s:%d: property failed: %s\n", __FILE__, __LINE__, #cond);            \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

#endif
