// The desktop's own file dialog (zenity, when on PATH) run as a child process on a worker
// thread, so the frame loop never blocks while the user picks.
#pragma once
#include <atomic>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace viewer {

enum class FileDialogKind { Open, OpenSession, SaveSession };

class FileDialog {
public:
    FileDialog() = default;
    ~FileDialog(); // closes a dialog still open (the app is quitting)
    FileDialog(const FileDialog&) = delete;
    FileDialog& operator=(const FileDialog&) = delete;

    // True when zenity is on PATH (else the app uses its built-in browser).
    static bool available();
    // Starts the dialog; false when one is already open or zenity is missing.
    bool start(FileDialogKind kind);
    bool running() const { return m_pending.valid(); }
    // Once the dialog closed: the chosen paths (empty when cancelled) and its kind.
    std::optional<std::vector<std::string>> poll(FileDialogKind& kind);

private:
    std::future<std::vector<std::string>> m_pending;
    FileDialogKind m_kind = FileDialogKind::Open;
    std::shared_ptr<std::atomic<int>> m_child = std::make_shared<std::atomic<int>>(0);
};

} // namespace viewer
