#include <officer/bot/local_secrets.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <fstream>
#include <stdexcept>
#include <vector>

#include <openssl/rand.h>

namespace officer::bot {

std::string ReadOrCreateSecret(const std::filesystem::path& dir, const std::string& name,
                               std::size_t bytes) {
  const auto file = dir / name;
  if (std::ifstream in(file); in) {
    std::string value;
    std::getline(in, value);
    if (value.size() == bytes * 2) return value;
  }
  std::filesystem::create_directories(dir);
  std::vector<unsigned char> random(bytes);
  if (RAND_bytes(random.data(), static_cast<int>(random.size())) != 1) {
    throw std::runtime_error("the system random generator failed");
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string value;
  for (unsigned char byte : random) {
    value.push_back(kHex[byte >> 4]);
    value.push_back(kHex[byte & 0xf]);
  }
  // Written to a private temporary file and renamed, so a reader never sees half a secret.
  const auto temporary = file.string() + ".tmp";
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0) throw std::runtime_error("cannot write " + temporary);
  const std::string line = value + "\n";
  const bool written = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size());
  ::close(fd);
  if (!written) throw std::runtime_error("cannot write " + temporary);
  std::filesystem::rename(temporary, file);
  return value;
}

}  // namespace officer::bot
