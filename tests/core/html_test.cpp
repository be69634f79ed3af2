// The printable documents' shared parts: escaping, dates, sizes and numbers in both languages, the head.
#include "core/documents/html.hpp"

#include "html_checks.hpp"

using html_test::contains;

TEST(Html, Escape) {
  EXPECT_EQ(core::html_escape("Tom & \"Jerry\" <b>'s</b>"), "Tom &amp; &quot;Jerry&quot; &lt;b&gt;&#39;s&lt;/b&gt;");
  EXPECT_EQ(core::html_escape("Hélène\tet\nLéa"), "Hélène\tet\nLéa");
  EXPECT_EQ(core::html_escape("a\x01" "b\x7F" "c\xC2\x85" "d"), "abcd");
  EXPECT_EQ(core::html_escape("x\xFFy"), "x\xEF\xBF\xBDy");
  EXPECT_EQ(core::html_escape("&amp;"), "&amp;amp;");
}

TEST(Html, LongDates) {
  EXPECT_EQ(core::french_long_date({2025, 4, 1}), "1er avril 2025");
  EXPECT_EQ(core::french_long_date({2025, 3, 14}), "14 mars 2025");
  EXPECT_EQ(core::french_long_date({1999, 12, 31}), "31 décembre 1999");
  EXPECT_EQ(core::french_long_date({2024, 8, 2}), "2 août 2024");
  EXPECT_EQ(core::french_long_date({2025, 2, 30}), "[date invalide]");
  EXPECT_EQ(core::english_long_date({2025, 4, 1}), "1 April 2025");
  EXPECT_EQ(core::english_long_date({2025, 2, 30}), "[invalid date]");
  EXPECT_EQ(core::long_date({2025, 3, 14}, "en"), "14 March 2025");
  EXPECT_EQ(core::long_date({2025, 3, 14}, "fr"), "14 mars 2025");
  EXPECT_EQ(core::long_date({2025, 3, 14}, "de"), "14 mars 2025");  // French is the reference language
}

TEST(Html, Timestamps) {
  EXPECT_EQ(core::long_timestamp("2025-03-14T09:26:53Z", "fr"), "14 mars 2025 à 09:26 UTC");
  EXPECT_EQ(core::long_timestamp("2025-03-14T09:26:53Z", "en"), "14 March 2025 at 09:26 UTC");
  EXPECT_EQ(core::long_timestamp("<b>hier</b>", "fr"), "&lt;b&gt;hier&lt;/b&gt;");
}

TEST(Html, SizesAndNumbers) {
  EXPECT_EQ(core::human_size(0, "fr"), "0 octet");  // French: the singular below 2
  EXPECT_EQ(core::human_size(1023, "en"), "1023 bytes");
  EXPECT_EQ(core::human_size(1024, "fr"), "1,0 Kio");
  EXPECT_EQ(core::human_size(12595, "en"), "12.2 KiB");
  EXPECT_EQ(core::human_size(50ull * 1024 * 1024, "fr"), "50,0 Mio");
  EXPECT_EQ(core::half_number(165, "fr"), "165");
  EXPECT_EQ(core::half_number(165.5, "fr"), "165,5");
  EXPECT_EQ(core::half_number(165.5, "en"), "165.5");
}

TEST(Html, DocumentHead) {
  const std::string h = core::html_document_start("en", "Résumé <de> \"Léa\"", "p { margin: 0; }\n") + core::html_document_end();
  EXPECT_EQ(h.rfind("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n", 0), 0u);
  EXPECT_TRUE(contains(h, "<title>Résumé &lt;de&gt; &quot;Léa&quot;</title>"));
  EXPECT_TRUE(contains(h, "<style>\np { margin: 0; }\n</style>\n</head>\n<body>\n</body>\n</html>\n"));
  EXPECT_TRUE(contains(h, "default-src 'none'"));
  EXPECT_TRUE(contains(core::html_document_start("xx", "t", ""), "<html lang=\"fr\">"));
}

TEST(Html, Rows) {
  const core::Words fr = core::words_for("fr"), en = core::words_for("en");
  EXPECT_EQ(core::html_value(fr, " \n"), "<span class=\"missing\">Non renseigné</span>");
  EXPECT_EQ(core::html_value(en, ""), "<span class=\"missing\">Not given</span>");
  EXPECT_EQ(core::html_row("Nom", "Léa"), "<dt>Nom</dt><dd>Léa</dd>\n");
  EXPECT_EQ(core::html_text_row(fr, "Notes", "a <b>\nb"), "<dt>Notes</dt><dd class=\"text\">a &lt;b&gt;\nb</dd>\n");
}
