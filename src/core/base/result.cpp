// Results and validation issues.
#include "core/base/result.hpp"

namespace core {

const char* to_string(Severity s) noexcept {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::notice: return "notice";
  }
  return "error";
}

bool has_errors(const std::vector<Issue>& issues) noexcept {
  for (const auto& i : issues) {
    if (i.severity == Severity::error) return true;
  }
  return false;
}

} // namespace core
