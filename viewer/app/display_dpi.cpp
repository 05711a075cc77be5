// Display DPI: Xft.dpi, SDL's monitor DPI, the X screen's size.
#include "viewer/app/display_dpi.hpp"

#include <SDL_syswm.h>

#include <cstdlib>

namespace viewer {

namespace {

#if defined(SDL_VIDEO_DRIVER_X11)
// The X display of `window`, when it is on X11.
Display* x11Display(SDL_Window* window)
{
    SDL_SysWMinfo info;
    SDL_VERSION(&info.version);
    if (!SDL_GetWindowWMInfo(window, &info) || info.subsystem != SDL_SYSWM_X11) return nullptr;
    return info.info.x11.display;
}

double xftDpi(Display* d)
{
    const char* v = XGetDefault(d, "Xft", "dpi");
    return v ? std::atof(v) : 0;
}

double xScreenDpi(Display* d)
{
    const int s = DefaultScreen(d);
    const int mm = DisplayWidthMM(d, s);
    return mm > 0 ? DisplayWidth(d, s) * 25.4 / mm : 0;
}
#endif

} // namespace

double displayDpi(SDL_Window* window)
{
#if defined(SDL_VIDEO_DRIVER_X11)
    Display* x = x11Display(window);
    if (x)
        if (const double dpi = xftDpi(x); dpi > 0) return dpi;
#endif
    float ddpi = 0;
    const int display = SDL_GetWindowDisplayIndex(window);
    if (display >= 0 && SDL_GetDisplayDPI(display, &ddpi, nullptr, nullptr) == 0 && ddpi > 0) return ddpi;
#if defined(SDL_VIDEO_DRIVER_X11)
    if (x) return xScreenDpi(x);
#endif
    return 0;
}

} // namespace viewer
