#include "result.h"

int fb_exit_code(fb_result r)
{
    switch (r) {
    case FB_OK:
    case FB_END:
        return FB_EXIT_OK;
    case FB_EUSAGE:
    case FB_EINPUT:
        return FB_EXIT_INPUT;
    case FB_ERUNTIME:
        return FB_EXIT_RUNTIME;
    }
    return FB_EXIT_RUNTIME;
}
