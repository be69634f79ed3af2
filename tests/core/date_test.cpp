// Calendar dates: parsing, formatting and day arithmetic against known answers.
#include "core/base/date.hpp"

#include <gtest/gtest.h>

using core::Date;

TEST(Date, ParsesStrictIso) {
  auto d = core::parse_iso_date("2024-02-29");
  ASSERT_TRUE(d);
  EXPECT_EQ(*d, (Date{2024, 2, 29}));
  for (const char* bad : {"2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "2024-4-01", "24-04-01",
                          "2024/04/01", "2024-04-01T00:00", " 2024-04-01", "", "abcd-ef-gh", "1899-12-31",
                          "2200-01-01", "2024-02-3\xC3", "+024-01-01"}) {
    EXPECT_FALSE(core::parse_iso_date(bad)) << bad;
  }
}

TEST(Date, FormatsIso) {
  EXPECT_EQ(core::to_iso(Date{2026, 1, 5}), "2026-01-05");
  EXPECT_EQ(core::to_iso(Date{1900, 12, 31}), "1900-12-31");
}

TEST(Date, DayNumbersMatchKnownAnswers) {
  EXPECT_EQ(core::to_days(Date{1970, 1, 1}), 0);
  EXPECT_EQ(core::to_days(Date{2000, 3, 1}), 11017);
  EXPECT_EQ(core::to_days(Date{1969, 12, 31}), -1);
  EXPECT_EQ(core::to_days(Date{1900, 1, 1}), -25567);
  EXPECT_EQ(core::to_days(Date{2199, 12, 31}), 84005);
}

TEST(Date, RoundTripsEveryDayOfTheRange) {
  const auto first = core::to_days(Date{core::min_year, 1, 1});
  const auto last = core::to_days(Date{core::max_year, 12, 31});
  Date expected{core::min_year, 1, 1};
  for (auto n = first; n <= last; ++n) {
    const Date d = core::from_days(n);
    ASSERT_EQ(d, expected) << n;
    ASSERT_TRUE(core::is_valid(d));
    ASSERT_EQ(core::to_days(d), n);
    // advance `expected` by one calendar day, independently of from_days
    if (++expected.day > core::days_in_month(expected.year, expected.month)) {
      expected.day = 1;
      if (++expected.month > 12) { expected.month = 1; ++expected.year; }
    }
  }
}

TEST(Date, AddYearsClampsLeapDay) {
  EXPECT_EQ(core::add_years(Date{2024, 2, 29}, 1), (Date{2025, 2, 28}));
  EXPECT_EQ(core::add_years(Date{2024, 2, 29}, 4), (Date{2028, 2, 29}));
  EXPECT_EQ(core::add_years(Date{2023, 3, 1}, 1), (Date{2024, 3, 1}));
}

TEST(Date, DaysBetweenIsSigned) {
  EXPECT_EQ(core::days_between(Date{2024, 1, 1}, Date{2025, 1, 1}), 366);
  EXPECT_EQ(core::days_between(Date{2025, 1, 1}, Date{2024, 1, 1}), -366);
  EXPECT_EQ(core::add_days(Date{2024, 2, 28}, 1), (Date{2024, 2, 29}));
  EXPECT_EQ(core::add_days(Date{2024, 3, 1}, -1), (Date{2024, 2, 29}));
}
