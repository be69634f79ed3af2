// The application: commands in, state changes and effects out.
#include "app/app.hpp"

#include "assets/assets.hpp"
#include "core/version.hpp"

#include <nlohmann/json.hpp>

namespace app {

const char* screen_id(Screen s) noexcept {
  switch (s) {
    case Screen::welcome: return "welcome";
    case Screen::candidate: return "candidate";
    case Screen::coach: return "coach";
  }
  return "welcome";
}

const char* step_id(CandidateStep s) noexcept {
  switch (s) {
    case CandidateStep::overview: return "overview";
    case CandidateStep::eligibility: return "eligibility";
    case CandidateStep::next_steps: return "next_steps";
  }
  return "overview";
}

const char* stage_id(EligibilityStage s) noexcept {
  switch (s) {
    case EligibilityStage::periods: return "periods";
    case EligibilityStage::phases: return "phases";
    case EligibilityStage::verdict: return "verdict";
  }
  return "periods";
}

namespace {

template <class... Ts> struct overloaded : Ts... { using Ts::operator()...; };
template <class... Ts> overloaded(Ts...) -> overloaded<Ts...>;

std::string screen_title_key(Screen s) { return std::string("title.") + screen_id(s); }

} // namespace

AppState initial_state(core::Date today) {
  AppState s;
  s.today = today;
  if (const auto text = assets::find(referential_asset)) {
    if (auto r = core::parse_referential(*text)) s.referential = std::move(r).value();
  }
  if (const auto text = assets::find(ruleset_asset)) {
    if (auto r = core::parse_ruleset(*text)) s.ruleset = std::move(r).value();
  }
  s.draft = core::make_dossier(s.referential);
  s.eligibility = check_eligibility(s.draft.eligibility, s.today, s.ruleset);
  return s;
}

namespace {

std::string verdict_summary(const AppState& s, const Catalog& tr) {
  if (!s.eligibility.result) return tr.text("elig.verdict.incomplete");
  return tr.text(s.eligibility.result->eligible ? "elig.verdict.eligible" : "elig.verdict.not_eligible");
}

} // namespace

std::string title_for(const AppState& state, const Catalog& tr) {
  const std::string key = screen_title_key(state.screen);
  if (state.screen == Screen::welcome || !tr.has(key)) return tr.text("app.title");
  return tr.text(key) + " — " + tr.text("app.title");
}

Effects apply(AppState& state, const Command& command) {
  Effects fx;
  bool recheck = false;  // the eligibility answers or the day changed
  std::visit(overloaded{
      [&](const cmd::GoTo& c) {
        if (state.screen == c.screen) return;
        state.screen = c.screen;
        const Catalog& tr = catalog_for(state.prefs.lang);
        fx.push_back(fx::SetTitle{title_for(state, tr)});
        fx.push_back(fx::Announce{title_for(state, tr)});
      },
      [&](const cmd::SetLanguage& c) {
        if (state.prefs.lang == c.lang) return;
        state.prefs.lang = c.lang;
        fx.push_back(fx::StoreValue{prefs_storage_key, save_prefs(state.prefs)});
        fx.push_back(fx::SetTitle{title_for(state, catalog_for(state.prefs.lang))});
      },
      [&](const cmd::SetToday& c) {
        state.today = c.today;
        recheck = true;
      },
      [&](const cmd::SetCandidateStep& c) { state.candidate_step = c.step; },
      [&](const cmd::SetEligibilityStage& c) {
        state.eligibility_stage = c.stage;
        if (c.stage == EligibilityStage::verdict) {
          fx.push_back(fx::Announce{verdict_summary(state, catalog_for(state.prefs.lang))});
        }
      },
      [&](const cmd::AddPeriod&) {
        if (state.draft.eligibility.periods.size() >= max_periods) return;
        state.draft.eligibility.periods.emplace_back();
        recheck = true;
      },
      [&](const cmd::RemovePeriod& c) {
        auto& ps = state.draft.eligibility.periods;
        if (c.index >= ps.size()) return;
        ps.erase(ps.begin() + static_cast<std::ptrdiff_t>(c.index));
        recheck = true;
      },
      [&](const cmd::EditPeriod& c) {
        auto& ps = state.draft.eligibility.periods;
        const core::PeriodAnswer value = normalized(c.value);
        if (c.index >= ps.size() || ps[c.index] == value) return;
        ps[c.index] = value;
        recheck = true;
      },
      [&](const cmd::SetPhase& c) {
        auto& slot = c.phase == Phase::investigation ? state.draft.eligibility.investigation
                                                     : state.draft.eligibility.construction;
        if (slot == c.done) return;
        slot = c.done;
        recheck = true;
      },
  }, command);
  if (recheck) state.eligibility = check_eligibility(state.draft.eligibility, state.today, state.ruleset);
  return fx;
}

void load_prefs(AppState& state, std::string_view stored) {
  const auto doc = nlohmann::json::parse(stored, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return;
  if (auto it = doc.find("lang"); it != doc.end() && it->is_string()) {
    Lang l;
    if (parse_lang(it->get_ref<const std::string&>(), l)) state.prefs.lang = l;
  }
}

std::string save_prefs(const Prefs& prefs) {
  nlohmann::json j = {{"lang", lang_code(prefs.lang)}};
  return j.dump();
}

namespace {

nlohmann::json eligibility_snapshot(const EligibilityCheck& check) {
  nlohmann::json issues = nlohmann::json::array();
  for (const auto& i : check.issues) {
    issues.push_back({{"severity", core::to_string(i.severity)}, {"code", i.code}, {"path", i.path}, {"message", i.message}});
  }
  return {{"issues", std::move(issues)},
          {"result", check.result ? core::to_json(*check.result) : nlohmann::json(nullptr)}};
}

} // namespace

nlohmann::json snapshot(const AppState& state) {
  return {
      {"app", core::app_name},
      {"version", core::app_version},
      {"screen", screen_id(state.screen)},
      {"lang", lang_code(state.prefs.lang)},
      {"today", core::to_iso(state.today)},
      {"referential", {{"id", state.referential.id}, {"version", state.referential.version},
                       {"competencies", state.referential.competencies.size()}}},
      {"ruleset", {{"id", state.ruleset.id}, {"version", state.ruleset.version}}},
      {"candidate", {{"step", step_id(state.candidate_step)},
                     {"eligibility_stage", stage_id(state.eligibility_stage)},
                     {"answers", core::answers_to_json(state.draft)},
                     {"eligibility", eligibility_snapshot(state.eligibility)}}},
  };
}

} // namespace app
