#include "engine/model/thread_count.hpp"

#include <algorithm>
#include <cstdlib>
#include <thread>

namespace thidua {

unsigned default_threads() {
  if (const char* env = std::getenv("THIDUA_THREADS")) {
    char* end = nullptr;
    long n = std::strtol(env, &end, 10);
    if (end != env && *end == '\0' && n >= 1) return static_cast<unsigned>(std::min(n, 256L));
  }
  return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace thidua
