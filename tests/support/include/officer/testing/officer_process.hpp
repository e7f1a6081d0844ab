#pragma once

#include <sys/types.h>

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace officer::testing {

/// A free TCP port on 127.0.0.1 at the time of asking.
int FreePort();

/// A real `officer` process started from the built binary, with its output captured.
class OfficerProcess {
 public:
  /// Starts `officer <args>` with the test environment plus `env` (a value of "" unsets).
  OfficerProcess(std::vector<std::string> args, std::map<std::string, std::string> env);
  ~OfficerProcess();
  OfficerProcess(const OfficerProcess&) = delete;
  OfficerProcess& operator=(const OfficerProcess&) = delete;

  /// Starts `officer serve` on a free port and waits until /healthz answers.
  static OfficerProcess Serve(std::map<std::string, std::string> env = {});

  int Port() const { return port_; }
  std::string BaseUrl() const { return "http://127.0.0.1:" + std::to_string(port_); }
  /// Sends `signal` (SIGTERM by default) and returns the exit status, or -1 on a timeout.
  int Stop(int signal = 15, std::chrono::seconds timeout = std::chrono::seconds(30));
  /// Waits for the process to end by itself; the exit status, or nullopt on a timeout.
  std::optional<int> Wait(std::chrono::seconds timeout);
  /// Everything it wrote to stdout and stderr so far.
  std::string Output() const;

  OfficerProcess(OfficerProcess&& other) noexcept;

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  std::string output_file_;
  std::optional<int> status_;
};

/// Runs `officer <args>` to completion and returns {exit status, combined output}.
std::pair<int, std::string> RunOfficer(std::vector<std::string> args,
                                       std::map<std::string, std::string> env);

}  // namespace officer::testing
