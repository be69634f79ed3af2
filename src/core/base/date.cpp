// Calendar dates: civil-from-days arithmetic on a 400-year Gregorian cycle (no tables, no clock).
#include "core/base/date.hpp"

#include <cstdio>

namespace core {

bool is_leap_year(int year) noexcept {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) noexcept {
  switch (month) {
    case 1: case 3: case 5: case 7: case 8: case 10: case 12: return 31;
    case 4: case 6: case 9: case 11: return 30;
    case 2: return is_leap_year(year) ? 29 : 28;
    default: return 0;
  }
}

bool is_valid(const Date& d) noexcept {
  return d.year >= min_year && d.year <= max_year && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
         d.day <= days_in_month(d.year, d.month);
}

std::optional<Date> parse_iso_date(std::string_view t) noexcept {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  auto digits = [&](std::size_t from, std::size_t count, int& out) {
    out = 0;
    for (std::size_t i = from; i < from + count; ++i) {
      if (t[i] < '0' || t[i] > '9') return false;
      out = out * 10 + (t[i] - '0');
    }
    return true;
  };
  Date d;
  if (!digits(0, 4, d.year) || !digits(5, 2, d.month) || !digits(8, 2, d.day)) return std::nullopt;
  if (!is_valid(d)) return std::nullopt;
  return d;
}

std::string to_iso(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

// Shifting the year to start in March puts the leap day last, so the day of the year is a linear
// function of the month; eras of 400 years repeat exactly.
std::int32_t to_days(const Date& d) noexcept {
  const int y = d.month <= 2 ? d.year - 1 : d.year;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;                                        // [0, 399]
  const int mp = d.month > 2 ? d.month - 3 : d.month + 9;               // March = 0
  const int doy = (153 * mp + 2) / 5 + d.day - 1;                       // [0, 365]
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;                // [0, 146096]
  return era * 146097 + doe - 719468;
}

Date from_days(std::int32_t z) noexcept {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  Date d;
  d.day = doy - (153 * mp + 2) / 5 + 1;
  d.month = mp < 10 ? mp + 3 : mp - 9;
  d.year = yoe + era * 400 + (d.month <= 2 ? 1 : 0);
  return d;
}

Date add_days(const Date& d, std::int32_t n) noexcept { return from_days(to_days(d) + n); }

std::int32_t days_between(const Date& a, const Date& b) noexcept { return to_days(b) - to_days(a); }

Date add_years(const Date& d, int n) noexcept {
  Date r{d.year + n, d.month, d.day};
  const int last = days_in_month(r.year, r.month);
  if (r.day > last) r.day = last;
  return r;
}

std::optional<std::int64_t> unix_seconds(std::string_view t) noexcept {
  if (t.size() != 20 || t[10] != 'T' || t[13] != ':' || t[16] != ':' || t[19] != 'Z') return std::nullopt;
  const auto day = parse_iso_date(t.substr(0, 10));
  if (!day) return std::nullopt;
  auto two = [&](std::size_t at) -> int {
    const char a = t[at], b = t[at + 1];
    if (a < '0' || a > '9' || b < '0' || b > '9') return -1;
    return (a - '0') * 10 + (b - '0');
  };
  const int h = two(11), m = two(14), s = two(17);
  if (h < 0 || h > 23 || m < 0 || m > 59 || s < 0 || s > 59) return std::nullopt;
  return static_cast<std::int64_t>(to_days(*day)) * 86400 + h * 3600 + m * 60 + s;
}

std::string utc_timestamp(std::int64_t seconds) {
  std::int64_t days = seconds / 86400;
  std::int64_t rest = seconds % 86400;
  if (rest < 0) {
    rest += 86400;
    --days;
  }
  const Date d = from_days(static_cast<std::int32_t>(days));
  auto two = [](std::int64_t v) { return std::string(1, static_cast<char>('0' + v / 10)) + static_cast<char>('0' + v % 10); };
  return to_iso(d) + "T" + two(rest / 3600) + ":" + two(rest / 60 % 60) + ":" + two(rest % 60) + "Z";
}

} // namespace core
