#pragma once

#include <filesystem>
#include <string>

namespace officer::bot {

/// Local mode's generated secrets: read from `dir/name`, or created there once (hex of `bytes`
/// random bytes, file mode 0600) so a restart keeps them.
std::string ReadOrCreateSecret(const std::filesystem::path& dir, const std::string& name,
                               std::size_t bytes);

}  // namespace officer::bot
