// The candidate's draft: user-typed dates, the eligibility input built from it, and its JSON form.
#include "app/candidate.hpp"

namespace app {

const core::Issue* EligibilityCheck::issue_at(std::string_view path) const noexcept {
  for (const auto& i : issues) {
    if (i.path == path) return &i;
  }
  return nullptr;
}

std::optional<core::Date> parse_user_date(std::string_view text) noexcept {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (auto iso = core::parse_iso_date(text)) return iso;
  // JJ/MM/AAAA, also with '.' or '-' as French users sometimes type.
  int parts[3] = {0, 0, 0};
  int digits[3] = {0, 0, 0};
  int k = 0;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      if (digits[k] >= 4) return std::nullopt;
      parts[k] = parts[k] * 10 + (c - '0');
      ++digits[k];
    } else if ((c == '/' || c == '.' || c == '-') && k < 2 && digits[k] > 0) {
      ++k;
    } else {
      return std::nullopt;
    }
  }
  if (k != 2 || digits[0] > 2 || digits[1] > 2 || digits[2] != 4) return std::nullopt;
  const core::Date d{parts[2], parts[1], parts[0]};
  if (!core::is_valid(d)) return std::nullopt;
  return d;
}

namespace {

nlohmann::json date_value(const std::string& typed) {
  if (typed.empty()) return nullptr;
  if (auto d = parse_user_date(typed)) return core::to_iso(*d);
  return typed;  // the core reader names it as not a real date
}

} // namespace

nlohmann::json eligibility_input_json(const EligibilityDraft& draft, core::Date today) {
  nlohmann::json periods = nlohmann::json::array();
  for (const auto& p : draft.periods) {
    nlohmann::json jp = {{"time", core::to_string(p.time)}};
    const auto start = date_value(p.start);
    if (!start.is_null()) jp["start"] = start;  // absent: reported as missing
    jp["end"] = p.ongoing ? nlohmann::json(nullptr) : date_value(p.end);
    if (!p.ongoing && p.end.empty()) jp["end"] = "";  // "not ongoing, no end yet" is a problem to report
    periods.push_back(std::move(jp));
  }
  nlohmann::json phases = nlohmann::json::object();
  if (draft.investigation) phases["investigation"] = *draft.investigation;
  if (draft.construction) phases["construction"] = *draft.construction;
  return {{"reference_date", core::to_iso(today)}, {"periods", std::move(periods)}, {"phases", std::move(phases)}};
}

EligibilityCheck check_eligibility(const EligibilityDraft& draft, core::Date today, const core::Ruleset& ruleset) {
  EligibilityCheck check;
  auto input = core::eligibility_input_from_json(eligibility_input_json(draft, today));
  if (!input.ok()) {
    check.issues = input.issues();
    return check;
  }
  check.result = core::evaluate(input.value(), ruleset);
  return check;
}

nlohmann::json to_json(const EligibilityDraft& draft) {
  nlohmann::json periods = nlohmann::json::array();
  for (const auto& p : draft.periods) {
    periods.push_back({{"start", p.start}, {"end", p.end}, {"ongoing", p.ongoing}, {"time", core::to_string(p.time)}});
  }
  auto answer = [](const std::optional<bool>& b) { return b ? nlohmann::json(*b) : nlohmann::json(nullptr); };
  return {{"periods", std::move(periods)},
          {"investigation", answer(draft.investigation)},
          {"construction", answer(draft.construction)}};
}

EligibilityDraft eligibility_draft_from_json(const nlohmann::json& j) {
  EligibilityDraft d;
  if (!j.is_object()) return d;
  auto text = [](const nlohmann::json& o, const char* k) -> std::string {
    auto it = o.find(k);
    return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  if (auto ps = j.find("periods"); ps != j.end() && ps->is_array()) {
    for (const auto& jp : *ps) {
      if (!jp.is_object()) continue;
      PeriodDraft p;
      p.start = text(jp, "start");
      p.end = text(jp, "end");
      if (auto o = jp.find("ongoing"); o != jp.end() && o->is_boolean()) p.ongoing = o->get<bool>();
      if (auto t = core::parse_time_kind(text(jp, "time"))) p.time = *t;
      d.periods.push_back(std::move(p));
    }
  }
  auto answer = [&](const char* k) -> std::optional<bool> {
    auto it = j.find(k);
    if (it != j.end() && it->is_boolean()) return it->get<bool>();
    return std::nullopt;
  };
  d.investigation = answer("investigation");
  d.construction = answer("construction");
  return d;
}

} // namespace app
