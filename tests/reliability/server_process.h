#pragma once

// The real `innograph serve` binary as a child process on a loopback port: started, waited for,
// killed (SIGKILL or SIGTERM) and measured through /proc. Used by the tests that must see the
// process itself die or grow, which an in-process Server cannot show.

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace innograph::testing {

// What a resident-size bound is multiplied by in this build: AddressSanitizer's redzones and
// shadow memory add to every allocation the budget charges by its requested size.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr long kResidentScale = 2;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr long kResidentScale = 2;
#else
inline constexpr long kResidentScale = 1;
#endif
#else
inline constexpr long kResidentScale = 1;
#endif

// How much above its starting size a server may stay once large queries are over. glibc's trim
// gives nearly all back; AddressSanitizer's allocator keeps per-size-class caches that its
// periodic release returns only in part (828 MiB over a start of 214 MiB in one CI run).
inline constexpr long kReturnedSlackKb = kResidentScale == 1 ? 256 * 1024 : 1024 * 1024;

class ServerProcess {
public:
    // Starts `innograph serve --db dbDir --port 0 ...extraArgs`, its standard error going to
    // logPath, and waits until it says which port it serves on.
    ServerProcess(const std::string& dbDir, const std::string& logPath,
                  const std::vector<std::string>& extraArgs = {},
                  std::chrono::seconds startTimeout = std::chrono::seconds(120))
        : logPath_(logPath) {
        std::vector<std::string> args{INNOGRAPH_BINARY, "serve", "--db",   dbDir,
                                      "--port",         "0",     "--host", "127.0.0.1"};
        args.insert(args.end(), extraArgs.begin(), extraArgs.end());
        std::vector<char*> argv;
        for (auto& a : args)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 2, logPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                         0644);
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
        // An ASan build's quarantine would otherwise hold up to 256 MB of freed memory, and its
        // allocator would keep freed pages, which reads as growth to a test that watches the
        // resident size; released every 100 ms, they leave it as glibc's trimming does.
        std::vector<std::string> env;
        for (char** e = environ; *e; ++e)
            if (std::string(*e).rfind("ASAN_OPTIONS=", 0) != 0)
                env.emplace_back(*e);
        const char* asan = std::getenv("ASAN_OPTIONS");
        env.push_back(
            std::string("ASAN_OPTIONS=") + (asan ? std::string(asan) + ":" : "") +
            "quarantine_size_mb=16:detect_leaks=0:allocator_release_to_os_interval_ms=100");
        std::vector<char*> envp;
        for (auto& e : env)
            envp.push_back(e.data());
        envp.push_back(nullptr);
        int rc = posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), envp.data());
        posix_spawn_file_actions_destroy(&actions);
        if (rc != 0)
            throw std::runtime_error("cannot start " + args[0]);
        auto deadline = std::chrono::steady_clock::now() + startTimeout;
        while (std::chrono::steady_clock::now() < deadline) {
            auto log = this->log();
            if (auto at = log.find("serving http://127.0.0.1:"); at != std::string::npos) {
                port_ = static_cast<unsigned short>(
                    std::stoi(log.substr(at + std::string("serving http://127.0.0.1:").size())));
                return;
            }
            int status = 0;
            if (waitpid(pid_, &status, WNOHANG) == pid_) {
                pid_ = -1;
                throw std::runtime_error("the server exited at start: " + log);
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        kill(SIGKILL);
        throw std::runtime_error("the server did not start in time: " + this->log());
    }
    ~ServerProcess() {
        if (pid_ > 0)
            kill(SIGKILL);
    }
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    unsigned short port() const { return port_; }
    pid_t pid() const { return pid_; }

    // Sends the signal and reaps the process; returns its wait status.
    int kill(int sig) {
        if (pid_ <= 0)
            return 0;
        ::kill(pid_, sig);
        int status = 0;
        waitpid(pid_, &status, 0);
        pid_ = -1;
        return status;
    }

    // VmRSS in kB, or -1 once the process is gone.
    long residentKb() const {
        std::ifstream in("/proc/" + std::to_string(pid_) + "/status");
        std::string line;
        while (std::getline(in, line))
            if (line.rfind("VmRSS:", 0) == 0)
                return std::stol(line.substr(6));
        return -1;
    }

    std::string log() const {
        std::ifstream in(logPath_);
        std::stringstream ss;
        ss << in.rdbuf();
        return ss.str();
    }

private:
    std::string logPath_;
    pid_t pid_ = -1;
    unsigned short port_ = 0;
};

} // namespace innograph::testing
