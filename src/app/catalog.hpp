// Translation catalogs: user-visible strings by key, loaded from assets/i18n/<lang>.json.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace app {

enum class Lang { fr, en };

const char* lang_code(Lang l) noexcept;          // "fr", "en"
bool parse_lang(std::string_view code, Lang& out) noexcept;

class Catalog {
public:
  // Loads the embedded catalog for `lang`; a missing or malformed catalog leaves it empty (every
  // lookup then shows its key, which the catalog tests make impossible in a release).
  explicit Catalog(Lang lang = Lang::fr);
  static Catalog from_json(std::string_view text);

  Lang lang() const noexcept { return lang_; }
  bool empty() const noexcept { return strings_.empty(); }
  bool has(std::string_view key) const;
  // The string for `key`, or the key itself when missing.
  const std::string& text(std::string_view key) const;
  // The string with each "{name}" replaced by its value.
  std::string format(std::string_view key, std::initializer_list<std::pair<std::string_view, std::string>> args) const;
  // A counted phrase: "<base>one" or "<base>other" (`base` ends with a dot) chosen by the language's rule
  // for `n` (French: the singular below 2, "0 jour", "1,5 jour"; English: the singular for 1 only), with
  // "{n}" replaced by `shown`, the number as the interface writes it (std::to_string(n) when empty).
  std::string count(std::string_view base, double n, std::string shown = {}) const;
  const std::map<std::string, std::string, std::less<>>& all() const noexcept { return strings_; }

private:
  struct Empty {};
  explicit Catalog(Empty) {}
  Lang lang_ = Lang::fr;
  std::map<std::string, std::string, std::less<>> strings_;
  mutable std::map<std::string, std::string, std::less<>> missing_;  // keys shown as themselves
};

// The embedded catalog for a language, parsed once (immutable afterwards).
const Catalog& catalog_for(Lang lang);

// Replaces each "{name}" in `pattern`; unknown placeholders stay as they are.
std::string substitute(std::string_view pattern,
                       std::initializer_list<std::pair<std::string_view, std::string>> args);

} // namespace app
