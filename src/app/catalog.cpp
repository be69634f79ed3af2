// Translation catalogs.
#include "app/catalog.hpp"

#include "assets/assets.hpp"

#include <nlohmann/json.hpp>

namespace app {

const char* lang_code(Lang l) noexcept { return l == Lang::en ? "en" : "fr"; }

bool parse_lang(std::string_view code, Lang& out) noexcept {
  if (code == "fr") { out = Lang::fr; return true; }
  if (code == "en") { out = Lang::en; return true; }
  return false;
}

Catalog::Catalog(Lang lang) : lang_(lang) {
  const auto text = assets::find(std::string("i18n/") + lang_code(lang) + ".json");
  if (text) {
    strings_ = from_json(*text).strings_;
  }
}

Catalog Catalog::from_json(std::string_view text) {
  Catalog c{Empty{}};
  const auto doc = nlohmann::json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return c;
  for (auto it = doc.begin(); it != doc.end(); ++it) {
    if (const auto* s = it.value().get_ptr<const std::string*>()) c.strings_.emplace(it.key(), *s);
  }
  return c;
}

const Catalog& catalog_for(Lang lang) {
  // Each language is parsed the first time it is asked for: starting in French costs no English.
  if (lang == Lang::en) {
    static const Catalog en(Lang::en);
    return en;
  }
  static const Catalog fr(Lang::fr);
  return fr;
}

bool Catalog::has(std::string_view key) const { return strings_.find(key) != strings_.end(); }

const std::string& Catalog::text(std::string_view key) const {
  if (auto it = strings_.find(key); it != strings_.end()) return it->second;
  auto it = missing_.find(key);
  if (it == missing_.end()) it = missing_.emplace(std::string(key), std::string(key)).first;
  return it->second;
}

std::string Catalog::format(std::string_view key,
                            std::initializer_list<std::pair<std::string_view, std::string>> args) const {
  return substitute(text(key), args);
}

std::string Catalog::count(std::string_view base, double n, std::string shown) const {
  const bool one = lang_ == Lang::fr ? n < 2 : n == 1;
  if (shown.empty()) shown = std::to_string(static_cast<long long>(n));
  return format(std::string(base) + (one ? "one" : "other"), {{"n", std::move(shown)}});
}

std::string substitute(std::string_view pattern,
                       std::initializer_list<std::pair<std::string_view, std::string>> args) {
  std::string out;
  out.reserve(pattern.size() + 32);
  std::size_t i = 0;
  while (i < pattern.size()) {
    if (pattern[i] == '{') {
      const auto close = pattern.find('}', i + 1);
      if (close != std::string_view::npos) {
        const auto name = pattern.substr(i + 1, close - i - 1);
        const std::string* value = nullptr;
        for (const auto& a : args) {
          if (a.first == name) value = &a.second;
        }
        if (value) {
          out += *value;
          i = close + 1;
          continue;
        }
      }
    }
    out += pattern[i++];
  }
  return out;
}

} // namespace app
