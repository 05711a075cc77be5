// The built-in file browser (used when the desktop has no file dialog): a modal listing
// folders and files, for opening layers or sessions and for saving a session.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace viewer {

class FileBrowser {
public:
    enum class Mode { Open, Save };
    // Opens the modal in `folder` ("" = the current directory) with `title`.
    void open(Mode mode, const std::string& title, const std::string& folder = "", const std::string& fileName = "");
    bool isOpen() const { return m_open; }
    // Draws the modal; returns the chosen path once, when the user confirms.
    std::optional<std::string> draw();

private:
    void list();
    bool m_open = false;
    bool m_popupRequested = false;
    Mode m_mode = Mode::Open;
    std::string m_title;
    std::string m_folder;
    char m_name[512] = {};
    std::vector<std::pair<std::string, bool>> m_entries; // name, is folder
    std::string m_error;
};

} // namespace viewer
