// The coach's checks on a bundle read: the eligibility input from its answers, the exported verdict rechecked.
#include "core/formats/bundle_detail.hpp"

#include <algorithm>
#include <limits>

namespace core {

using namespace bundle_detail;

Result<EligibilityInput> eligibility_input(const Dossier& dossier, Date reference) noexcept {
  auto input = eligibility_input_from_json(eligibility_input_json(dossier.eligibility, reference));
  if (input) return input;
  std::vector<Issue> issues = input.issues();
  for (Issue& i : issues) i.path = "/answers/eligibility" + i.path;
  return issues;
}

VerdictCheck recheck_verdict(const Bundle& bundle, const Ruleset& ruleset) {
  VerdictCheck c;
  c.claimed = bundle.claimed_verdict;
  if (bundle.ruleset_id != ruleset.id || bundle.ruleset_version != ruleset.version) {
    c.issues.push_back(make_issue(Severity::warning, "eligibility.ruleset_differs", "/ruleset",
                                  "The bundle was checked with ruleset " + detail::quoted(bundle.ruleset_id) + " version " +
                                      std::to_string(bundle.ruleset_version) + "; this recheck uses " +
                                      detail::quoted(ruleset.id) + " version " + std::to_string(ruleset.version) + "."));
  }
  auto input = eligibility_input(bundle.dossier, bundle.reference_date);
  if (input) {
    c.recomputed = evaluate(*input, ruleset);
    c.agrees = canonicalize(to_json(*c.recomputed)) == canonicalize(c.claimed);
  } else {
    c.agrees = c.claimed.is_null();
    const Issue& first = input.issues().front();
    c.issues.push_back(make_issue(Severity::warning, "eligibility.no_verdict", first.path,
                                  "The answers allow no verdict on " + to_iso(bundle.reference_date) + ": " + first.message));
  }
  if (!c.agrees) {
    auto describe = [](const json& v) -> std::string {
      if (!v.is_object()) return "no verdict";
      const auto e = v.find("eligible");
      if (e == v.end() || !e->is_boolean()) return "an unreadable verdict";
      return e->get<bool>() ? "eligible" : "not eligible";
    };
    const json recomputed = c.recomputed ? to_json(*c.recomputed) : json(nullptr);
    std::string message = "The bundle claims " + describe(c.claimed) + "; its answers give " + describe(recomputed);
    message += describe(c.claimed) == describe(recomputed) ? ", with different details." : ".";
    c.issues.push_back(make_issue(Severity::warning, "eligibility.claim_differs", "/eligibility_at_export/result", message));
  }
  return c;
}

} // namespace core
