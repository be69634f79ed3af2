// Dates, numbers and sizes for display.
#include "app/format.hpp"

#include "core/codecs/text.hpp"

#include <cmath>
#include <cstdio>

namespace app {

std::string format_date(const core::Date& d, const Catalog& tr) {
  const std::string day = d.day == 1 ? tr.text("date.first_day") : std::to_string(d.day);
  return tr.format("date.long", {{"day", day},
                                 {"month", tr.text("date.month." + std::to_string(d.month))},
                                 {"year", std::to_string(d.year)}});
}

std::string display_user_date(const std::string& stored) {
  const auto d = core::parse_iso_date(stored);
  if (!d) return stored;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", d->day, d->month, d->year);
  return buf;
}

std::string format_half(double value, Lang lang) {
  const double whole = std::floor(value);
  std::string s = std::to_string(static_cast<long long>(whole));
  if (value - whole >= 0.25) s += lang == Lang::fr ? ",5" : ".5";
  return s;
}

std::string format_size(std::uint64_t bytes, const Catalog& tr) {
  return core::format_size(bytes, core::SizeUnits{tr.text("size.byte"), tr.text("size.bytes"), tr.text("size.kib"),
                                                  tr.text("size.mib"), tr.text("size.decimal"), tr.lang() == Lang::fr});
}

std::string format_count(std::uint64_t value, Lang lang) {
  const std::string digits = std::to_string(value);
  const char* separator = lang == Lang::fr ? "\u202F" : ",";
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += separator;
    out += digits[i];
  }
  return out;
}

} // namespace app
