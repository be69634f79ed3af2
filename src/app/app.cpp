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
  return s;
}

std::string title_for(const AppState& state, const Catalog& tr) {
  const std::string key = screen_title_key(state.screen);
  if (state.screen == Screen::welcome || !tr.has(key)) return tr.text("app.title");
  return tr.text(key) + " — " + tr.text("app.title");
}

Effects apply(AppState& state, const Command& command) {
  Effects fx;
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
      [&](const cmd::SetToday& c) { state.today = c.today; },
  }, command);
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

nlohmann::json snapshot(const AppState& state) {
  return {
      {"app", core::app_name},
      {"version", core::app_version},
      {"screen", screen_id(state.screen)},
      {"lang", lang_code(state.prefs.lang)},
      {"today", core::to_iso(state.today)},
      {"referential", {{"id", state.referential.id}, {"version", state.referential.version},
                       {"competencies", state.referential.competencies.size()}}},
  };
}

} // namespace app
