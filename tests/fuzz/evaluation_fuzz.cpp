// libFuzzer target: the coach's evaluation record reader on arbitrary bytes. What it accepts is written
// back to a record that reads the same and is written the same again.
#include "core/formats/evaluation.hpp"

#include "fuzz_support.hpp"

#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto e = core::parse_evaluation(text);
  if (!e) {
    fuzz::require(core::has_errors(e.issues()), "refused without an error");
    return 0;
  }
  const std::string written = core::write_evaluation(*e);
  const auto again = core::parse_evaluation(written);
  fuzz::require(again.ok(), "a written record does not read back");
  fuzz::require(core::write_evaluation(*again) == written, "a record written twice differs");
  return 0;
}
