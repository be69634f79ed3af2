// libFuzzer target: the bundle reader (parse + verify) on arbitrary bytes, one-shot and piecewise, and
// writing back whatever it accepts. Built with -DCERTIF_FUZZ=ON under clang; run by scripts/fuzz.sh.
#include "core/formats/bundle.hpp"
#include "core/codecs/jcs.hpp"
#include "core/codecs/json_strict.hpp"
#include "core/codecs/sha256.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

[[noreturn]] void broken(const char* what) {
  std::fprintf(stderr, "invariant broken: %s\n", what);
  std::abort();
}

// Everything the reader promises, on one input.
void check(std::string_view text, std::size_t budget) {
  const core::Result<core::Bundle> once = core::parse_bundle(text);

  // The piecewise reader reaches the same outcome, whatever the budget.
  core::BundleVerifier v(text);
  double last = 0;
  while (!v.step(budget)) {
    if (v.progress() < last || v.progress() >= 1.0) broken("progress goes back or reaches 1 early");
    last = v.progress();
  }
  const core::Result<core::Bundle> piecewise = v.finish();
  if (once.ok() != piecewise.ok()) broken("one-shot and piecewise readers disagree");

  if (!once) {
    if (!core::has_errors(once.issues())) broken("refused without an error");
    for (const auto& i : once.issues()) {
      if (i.code.empty() || i.message.empty()) broken("an issue without a code or a message");
      if (!i.path.empty() && i.path[0] != '/') broken("a path that is not a JSON Pointer");
    }
    return;
  }
  const core::Bundle& b = *once;
  if (core::has_errors(b.issues)) broken("accepted with an error");
  if (!(piecewise->dossier == b.dossier) || piecewise->digest != b.digest) broken("piecewise reads other contents");
  // Written back: valid, same digest and contents; the same bytes when the input was canonical.
  const std::string written = core::write_bundle(b);
  if (b.canonical && written != text) broken("canonical bundle not written back byte for byte");
  const core::Result<core::Bundle> again = core::parse_bundle(written);
  if (!again || again->digest != b.digest || !(again->dossier == b.dossier)) broken("written-back bundle differs");
  if (!again->canonical) broken("written bundle not canonical");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::size_t budget = 1 + size % 4093;
  check(text, budget);

  // Mutations almost always break the integrity digest, which would keep the fuzzer on the refusal
  // path. Resealed (digest recomputed), the same document also reaches the attachment checks and the
  // accepted path.
  core::JsonLimits limits;
  limits.max_depth = core::max_bundle_depth;
  limits.max_values = core::max_bundle_values;
  auto doc = core::parse_json_strict(text, limits);
  if (doc && doc->is_object()) {
    nlohmann::json sealed = std::move(doc).value();
    sealed.erase("integrity");
    const std::string digest = core::to_hex(core::canonical_sha256(sealed));
    sealed["integrity"] = {{"algorithm", "sha256-jcs"}, {"digest", digest}};
    check(core::canonicalize(sealed), budget);
  }
  return 0;
}
