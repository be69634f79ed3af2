// Dates, numbers and sizes for display.
#include "app/format.hpp"

#include "core/codecs/text.hpp"

#include <cmath>
#include <cstdio>
#include <ctime>

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

std::string programme_text(const Catalog& tr, const core::Programme& programme, std::size_t competencies,
                           std::string_view key) {
  const char* lang = lang_code(tr.lang());
  const std::int32_t low = programme.interview_min_minutes, high = programme.interview_max_minutes;
  const char* length_key = low == high ? (programme.interview_approximate ? "programme.length.about" : "programme.length.exact")
                                       : (programme.interview_approximate ? "programme.length.range_about" : "programme.length.range");
  const std::string length = tr.format(length_key, {{"min", std::to_string(low)}, {"max", std::to_string(high)}});
  // "A", "A ou B", "A, B ou C"
  std::string modes;
  for (std::size_t i = 0; i < programme.modes.size(); ++i) {
    if (i > 0) modes += i + 1 == programme.modes.size() ? tr.text("programme.modes.last") : tr.text("programme.modes.comma");
    modes += tr.text("programme.mode." + programme.modes[i]);
  }
  return tr.format(key, {{"title", programme.title.get(lang)},
                         {"rs", programme.rs_code},
                         {"certifier", programme.certifier_short},
                         {"noun", programme.noun_singular.get(lang)},
                         {"nouns", programme.noun_plural.get(lang)},
                         {"length", length},
                         {"modes", modes},
                         {"count", std::to_string(competencies)}});
}

std::string duration_figures(const core::DurationResult& d, const Catalog& tr) {
  const auto days = [&](double n, std::string shown) { return tr.count("elig.days.", n, std::move(shown)); };
  return tr.format("elig.duration.figures",
                   {{"full", days(d.full_time_days, std::to_string(d.full_time_days))},
                    {"part", days(d.part_time_days, std::to_string(d.part_time_days))},
                    {"equivalent", days(d.equivalent_days, format_half(d.equivalent_days, tr.lang()))},
                    {"required", days(d.required_days, std::to_string(d.required_days))}});
}

std::string format_timestamp(std::string_view utc, const Catalog& tr) {
  const auto seconds = core::unix_seconds(utc);
  if (!seconds) return std::string(utc);
  const std::time_t t = static_cast<std::time_t>(*seconds);
  std::tm local{};
  if (localtime_r(&t, &local) == nullptr) return std::string(utc);
  const core::Date day{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
  char time[8];
  std::snprintf(time, sizeof time, "%02d:%02d", local.tm_hour, local.tm_min);
  return tr.format("storage.when", {{"date", format_date(day, tr)}, {"time", time}});
}

} // namespace app
