#include <unistd.h>

#include <filesystem>
#include <system_error>

#include "engine/cli/commands.hpp"

namespace thidua::cli {

results_file::results_file(std::string path, thidua::lang l) : m_path(std::move(path)), m_lang(l) {
  if (m_path.empty() || m_path == "-") {
    m_file = stdout;
    return;
  }
  std::error_code ec;
  const auto status = std::filesystem::status(m_path, ec);
  const bool special = !ec && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status);
  if (!special) m_temp = m_path + "." + std::to_string(::getpid()) + ".partial";
  m_file = std::fopen(m_temp.empty() ? m_path.c_str() : m_temp.c_str(), "wb");
  if (!m_file) fail();
}

results_file::~results_file() {
  if (m_file && m_file != stdout) std::fclose(m_file);
  if (!m_temp.empty()) {
    std::error_code ec;
    std::filesystem::remove(m_temp, ec);
  }
}

bool results_file::fail() {
  if (!m_failed) report_unwritable(m_path, m_lang);
  m_failed = true;
  return false;
}

bool results_file::write(std::string_view text) {
  if (m_failed) return false;
  // Standard output's errors were never reported (a closed pipe ends the process anyway).
  if (std::fwrite(text.data(), 1, text.size(), m_file) != text.size() && m_file != stdout) return fail();
  return true;
}

bool results_file::finish() {
  if (m_failed) return false;
  if (m_file == stdout) {
    std::fflush(stdout);
    return true;
  }
  const bool closed = std::fclose(m_file) == 0;
  m_file = nullptr;
  if (!closed) return fail();
  if (m_temp.empty()) return true;
  std::error_code ec;
  std::filesystem::rename(m_temp, m_path, ec);
  if (ec) return fail();
  m_temp.clear();
  return true;
}

}  // namespace thidua::cli
