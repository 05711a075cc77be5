// Input to camera: pans in drawable pixels so high-DPI windows move 1:1 with the pointer.
#include "viewer/app/navigation.hpp"
#include "viewer/app/identify.hpp"

#include <cmath>

namespace viewer {

namespace {
geo::ScreenPx toDrawable(const Session& s, int x, int y) { return {x * s.windowRatio, y * s.windowRatio}; }
constexpr double kDragThresholdPx = 3;
} // namespace

void Navigation::handle(const SDL_Event& e, Session& s, bool mouseFree, bool keysFree)
{
    switch (e.type) {
    case SDL_MOUSEBUTTONDOWN:
        if (!mouseFree || e.button.button != SDL_BUTTON_LEFT) break;
        if (e.button.clicks == 2 && s.measure.takingPoints()) { // the first click made the last point
            s.measure.finish();
            m_pressed = false;
            break;
        }
        if (e.button.clicks == 2) {
            s.view.zoomAt(toDrawable(s, e.button.x, e.button.y), 2.0);
            m_pressed = false;
            break;
        }
        m_pressed = true;
        m_dragging = false;
        m_pressAt = m_last = toDrawable(s, e.button.x, e.button.y);
        break;
    case SDL_MOUSEMOTION: {
        const geo::ScreenPx at = toDrawable(s, e.motion.x, e.motion.y);
        if (m_pressed) {
            if (!m_dragging && std::hypot(at.x - m_pressAt.x, at.y - m_pressAt.y) >= kDragThresholdPx) {
                m_dragging = true;
                s.view.panPixels(at.x - m_pressAt.x, at.y - m_pressAt.y);
            } else if (m_dragging) {
                s.view.panPixels(at.x - m_last.x, at.y - m_last.y);
            }
            m_last = at;
        }
        break;
    }
    case SDL_MOUSEBUTTONUP:
        if (e.button.button != SDL_BUTTON_LEFT || !m_pressed) break;
        if (!m_dragging && mouseFree) {
            const geo::ScreenPx at = toDrawable(s, e.button.x, e.button.y);
            // Compound markers lie above every layer: they are hit first.
            if (s.measure.takingPoints()) s.measure.click(at, s);
            else if (s.cases.mapClickArmed) { // the case editor's "Add compound" / "Move"
                s.cases.armedClickAt = s.crs.inverse(s.view.toMap(at));
                s.cases.mapClickArmed = false;
            } else if (s.cases.click(at, s.view)) s.scene.select(std::nullopt);
            else if (const MapHit hit = pickAt(s.scene, s.view, at, s.pixelRatio); hit.cluster) {
                // A disc of many points: zoom in on it until it splits (as web maps do).
                s.view.setCenter(hit.cluster->cluster.centre);
                s.view.zoomAt({s.view.width() / 2.0, s.view.height() / 2.0}, 4);
            } else s.scene.select(hit.feature);
        }
        m_pressed = m_dragging = false;
        break;
    case SDL_MOUSEWHEEL: {
        if (!mouseFree) break;
        // Zoom about the pointer where the notch happened, not where it is now.
        int mx = 0, my = 0;
#if SDL_VERSION_ATLEAST(2, 26, 0)
        mx = e.wheel.mouseX;
        my = e.wheel.mouseY;
#else
        SDL_GetMouseState(&mx, &my);
#endif
        double notches = e.wheel.preciseY != 0 ? e.wheel.preciseY : e.wheel.y;
        if (e.wheel.direction == SDL_MOUSEWHEEL_FLIPPED) notches = -notches;
        if (notches != 0) s.view.zoomAt(toDrawable(s, mx, my), std::pow(kWheelFactor, notches));
        break;
    }
    case SDL_KEYDOWN: {
        const SDL_Keycode k = e.key.keysym.sym;
        const bool ctrl = (e.key.keysym.mod & KMOD_CTRL) != 0;
        // Quit whatever has the keyboard: a modal dialog or a text field must not trap the user.
        if (ctrl && k == SDLK_q) {
            s.quitRequested = true;
            break;
        }
        if (!keysFree) break;
        const geo::ScreenPx centre{s.view.width() / 2.0, s.view.height() / 2.0};
        const double step = std::min(s.view.width(), s.view.height()) / 8.0;
        if (k == SDLK_PLUS || k == SDLK_EQUALS || k == SDLK_KP_PLUS) s.view.zoomAt(centre, kKeyFactor);
        else if (k == SDLK_MINUS || k == SDLK_KP_MINUS) s.view.zoomAt(centre, 1 / kKeyFactor);
        else if (k == SDLK_LEFT) s.view.panPixels(step, 0);
        else if (k == SDLK_RIGHT) s.view.panPixels(-step, 0);
        else if (k == SDLK_UP) s.view.panPixels(0, step);
        else if (k == SDLK_DOWN) s.view.panPixels(0, -step);
        else if (k == SDLK_HOME) s.zoomTo(s.homeExtent);
        else if (k == SDLK_ESCAPE && s.measure.active()) s.measure.end();
        else if (k == SDLK_ESCAPE) {
            s.scene.select(std::nullopt);
            s.cases.select("");
        }
        else if (k == SDLK_m) s.measure.start((e.key.keysym.mod & KMOD_SHIFT) ? MeasureMode::Area : MeasureMode::Distance);
        else if ((k == SDLK_RETURN || k == SDLK_KP_ENTER) && s.measure.takingPoints()) s.measure.finish();
        else if (k == SDLK_BACKSPACE && s.measure.active()) s.measure.removeLast();
        else if (k == SDLK_F12)
            s.screenshotRequest = (e.key.keysym.mod & KMOD_SHIFT) ? ScreenshotKind::WithUi : ScreenshotKind::MapOnly;
        else if (k == SDLK_F1) s.showShortcuts = !s.showShortcuts;
        break;
    }
    default:
        break;
    }
}

} // namespace viewer
