#include <officer/testing/officer_process.hpp>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <officer/testing/http_call.hpp>

extern char** environ;

namespace officer::testing {

int FreePort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address));
  socklen_t length = sizeof(address);
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  const int port = ntohs(address.sin_port);
  ::close(fd);
  return port;
}

OfficerProcess::OfficerProcess(std::vector<std::string> args,
                               std::map<std::string, std::string> env) {
  char pattern[] = "/tmp/officer-test-XXXXXX";
  const int out = ::mkstemp(pattern);
  output_file_ = pattern;
  if (auto it = env.find("PORT"); it != env.end()) port_ = std::stoi(it->second);

  std::map<std::string, std::string> full;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    std::string text = *entry;
    const auto eq = text.find('=');
    full[text.substr(0, eq)] = text.substr(eq + 1);
  }
  for (const auto& [name, value] : env) {
    if (value.empty()) {
      full.erase(name);
    } else {
      full[name] = value;
    }
  }
  std::vector<std::string> strings;
  for (const auto& [name, value] : full) strings.push_back(name + "=" + value);

  pid_ = ::fork();
  if (pid_ == 0) {
    ::dup2(out, 1);
    ::dup2(out, 2);
    std::vector<char*> argv{const_cast<char*>(OFFICER_BINARY)};
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    std::vector<char*> envp;
    for (auto& entry : strings) envp.push_back(entry.data());
    envp.push_back(nullptr);
    ::execve(OFFICER_BINARY, argv.data(), envp.data());
    ::_exit(127);
  }
  ::close(out);
}

OfficerProcess::OfficerProcess(OfficerProcess&& other) noexcept
    : pid_(other.pid_),
      port_(other.port_),
      output_file_(std::move(other.output_file_)),
      status_(other.status_) {
  other.pid_ = -1;
}

OfficerProcess::~OfficerProcess() {
  if (pid_ > 0 && !status_) Stop(SIGKILL, std::chrono::seconds(5));
  if (!output_file_.empty()) ::unlink(output_file_.c_str());
}

OfficerProcess OfficerProcess::Serve(std::map<std::string, std::string> env) {
  const int port = FreePort();
  env["PORT"] = std::to_string(port);
  if (env.find("OFFICER_STATE_DIR") == env.end()) {
    char pattern[] = "/tmp/officer-state-XXXXXX";
    env["OFFICER_STATE_DIR"] = ::mkdtemp(pattern);
  }
  OfficerProcess process({"serve"}, env);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < deadline) {
    if (auto exited = process.Wait(std::chrono::seconds(0))) {
      throw std::runtime_error("officer serve exited with " + std::to_string(*exited) + ":\n" +
                               process.Output());
    }
    try {
      if (HttpCall("GET", process.BaseUrl() + "/healthz").status == 200) return process;
    } catch (const std::exception&) {
      // Not listening yet.
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  throw std::runtime_error("officer serve did not answer /healthz:\n" + process.Output());
}

std::optional<int> OfficerProcess::Wait(std::chrono::seconds timeout) {
  if (status_) return status_;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  do {
    int raw = 0;
    if (::waitpid(pid_, &raw, WNOHANG) == pid_) {
      status_ = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
      return status_;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  } while (std::chrono::steady_clock::now() < deadline);
  return std::nullopt;
}

int OfficerProcess::Stop(int signal, std::chrono::seconds timeout) {
  if (status_) return *status_;
  ::kill(pid_, signal);
  if (auto status = Wait(timeout)) return *status;
  ::kill(pid_, SIGKILL);
  Wait(std::chrono::seconds(5));
  return -1;
}

std::string OfficerProcess::Output() const {
  std::ifstream in(output_file_);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::pair<int, std::string> RunOfficer(std::vector<std::string> args,
                                       std::map<std::string, std::string> env) {
  OfficerProcess process(std::move(args), std::move(env));
  auto status = process.Wait(std::chrono::seconds(60));
  if (!status) throw std::runtime_error("officer did not finish within a minute");
  return {*status, process.Output()};
}

}  // namespace officer::testing
