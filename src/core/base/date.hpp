// Calendar dates (proleptic Gregorian): a small value type with ISO 8601 parse/format and day arithmetic.
// "Today" never comes from here: the platform reads the clock once and passes dates down.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace core {

struct Date {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..days_in_month

  friend bool operator==(const Date& a, const Date& b) noexcept {
    return a.year == b.year && a.month == b.month && a.day == b.day;
  }
  friend bool operator!=(const Date& a, const Date& b) noexcept { return !(a == b); }
  friend bool operator<(const Date& a, const Date& b) noexcept {
    if (a.year != b.year) return a.year < b.year;
    if (a.month != b.month) return a.month < b.month;
    return a.day < b.day;
  }
  friend bool operator>(const Date& a, const Date& b) noexcept { return b < a; }
  friend bool operator<=(const Date& a, const Date& b) noexcept { return !(b < a); }
  friend bool operator>=(const Date& a, const Date& b) noexcept { return !(a < b); }
};

// The years the app accepts: wide enough for any career, narrow enough that day counts fit in 32 bits.
inline constexpr int min_year = 1900;
inline constexpr int max_year = 2199;

bool is_leap_year(int year) noexcept;
int days_in_month(int year, int month) noexcept;  // 0 for a month outside 1..12
bool is_valid(const Date& d) noexcept;            // a real day between min_year and max_year

// Strict "YYYY-MM-DD" (exactly ten characters, a real day); nullopt otherwise.
std::optional<Date> parse_iso_date(std::string_view text) noexcept;
std::string to_iso(const Date& d);

// Days since 1970-01-01 (negative before). Defined for valid dates.
std::int32_t to_days(const Date& d) noexcept;
Date from_days(std::int32_t days) noexcept;
Date add_days(const Date& d, std::int32_t n) noexcept;
// Signed number of days from a to b (b - a).
std::int32_t days_between(const Date& a, const Date& b) noexcept;
// The same day n years later; 29 February becomes 28 February in a non-leap target year.
Date add_years(const Date& d, int n) noexcept;

// Seconds since 1970-01-01T00:00:00Z of "YYYY-MM-DDThh:mm:ssZ" (the one timestamp spelling the app
// writes); nullopt for anything else or a year outside min_year..max_year.
std::optional<std::int64_t> unix_seconds(std::string_view utc_timestamp) noexcept;
// The reverse: "YYYY-MM-DDThh:mm:ssZ" (the platform and the CLI give it their clock's seconds).
std::string utc_timestamp(std::int64_t seconds);

} // namespace core
