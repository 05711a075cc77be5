// zenity --file-selection through fork/exec (no shell: the arguments are fixed), reading
// the chosen paths from its stdout, separated by '\n'.
#include "viewer/app/file_dialog.hpp"

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace viewer {

namespace {

std::string findOnPath(const char* exe)
{
    const char* path = std::getenv("PATH");
    if (!path) return "";
    std::stringstream ss(path);
    std::string dir;
    while (std::getline(ss, dir, ':')) {
        const std::filesystem::path p = std::filesystem::path(dir) / exe;
        if (::access(p.c_str(), X_OK) == 0) return p.string();
    }
    return "";
}

std::vector<std::string> runZenity(std::string exe, std::vector<std::string> args, std::shared_ptr<std::atomic<int>> child)
{
    int fds[2];
    if (::pipe(fds) != 0) return {};
    const pid_t pid = ::fork();
    if (pid < 0) {
        ::close(fds[0]);
        ::close(fds[1]);
        return {};
    }
    if (pid == 0) {
        ::dup2(fds[1], 1);
        ::close(fds[0]);
        ::close(fds[1]);
        std::vector<char*> argv{exe.data()};
        for (std::string& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        ::execv(exe.c_str(), argv.data());
        ::_exit(127);
    }
    ::close(fds[1]);
    child->store(pid);
    std::string out;
    char buf[4096];
    ssize_t n;
    while ((n = ::read(fds[0], buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
    ::close(fds[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    child->store(0);
    std::vector<std::string> paths;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return paths; // cancelled
    std::stringstream ss(out);
    std::string line;
    while (std::getline(ss, line))
        if (!line.empty()) paths.push_back(line);
    return paths;
}

} // namespace

FileDialog::~FileDialog()
{
    if (const int pid = m_child->load(); pid > 0) ::kill(pid, SIGTERM);
}

bool FileDialog::available() { return !findOnPath("zenity").empty(); }

bool FileDialog::start(FileDialogKind kind)
{
    if (running()) return false;
    const std::string exe = findOnPath("zenity");
    if (exe.empty()) return false;
    std::vector<std::string> args{"--file-selection"};
    switch (kind) {
    case FileDialogKind::Open:
        args.insert(args.end(), {"--multiple", "--separator=\n", "--title=Open layers"});
        break;
    case FileDialogKind::OpenSession:
        args.insert(args.end(), {"--title=Open session", "--file-filter=Sessions | *.json", "--file-filter=All files | *"});
        break;
    case FileDialogKind::SaveSession:
        args.insert(args.end(), {"--save", "--confirm-overwrite", "--title=Save session", "--filename=session.json"});
        break;
    }
    m_kind = kind;
    m_pending = std::async(std::launch::async, runZenity, exe, args, m_child);
    return true;
}

std::optional<std::vector<std::string>> FileDialog::poll(FileDialogKind& kind)
{
    if (!m_pending.valid() || m_pending.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return std::nullopt;
    kind = m_kind;
    return m_pending.get();
}

} // namespace viewer
