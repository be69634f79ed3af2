// Checks shared by the tests of the printable HTML documents (attestation, dossier summary, evaluation
// sheet): self-contained, and the semantic structure assistive technology relies on.
#pragma once

#include <gtest/gtest.h>

#include <regex>
#include <string>

namespace html_test {

inline bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

inline std::size_t count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++n;
  return n;
}

// Nothing a browser would load, run or follow.
inline void expect_self_contained(const std::string& html) {
  for (const char* banned : {"<script", "src=", "href=", "url(", "@import", "<link", "<img", "<iframe", "<object",
                             "<embed", "<form", "javascript:", "onerror", "onload", "<a "}) {
    EXPECT_FALSE(contains(html, banned)) << banned;
  }
  EXPECT_TRUE(contains(html, "<meta charset=\"utf-8\">"));
  EXPECT_TRUE(contains(html, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"));
}

// One <title>, one <h1>, headings that never skip a level, every <th> with a scope, one <main>, and the
// containers closed as often as opened.
inline void expect_semantic_structure(const std::string& html) {
  EXPECT_EQ(count(html, "<title>"), 1u);
  EXPECT_FALSE(contains(html, "<title></title>"));
  EXPECT_EQ(count(html, "<h1>"), 1u);
  EXPECT_EQ(count(html, "<main>"), 1u);
  int previous = 0;
  const std::regex heading("<h([1-6])[ >]");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), heading); it != std::sregex_iterator(); ++it) {
    const int level = (*it)[1].str()[0] - '0';
    EXPECT_LE(level, previous + 1) << "heading h" << level << " after h" << previous << " at " << it->position();
    previous = level;
  }
  EXPECT_EQ(count(html, "<th>"), 0u) << "every header cell says what it heads (scope)";
  EXPECT_EQ(count(html, "<th scope="), count(html, "</th>"));
  EXPECT_EQ(count(html, "<table>"), count(html, "<caption>"));
  for (const char* tag : {"table", "dl", "ul", "main", "header", "footer", "tr"}) {
    EXPECT_EQ(count(html, std::string("<") + tag + ">") + count(html, std::string("<") + tag + " "),
              count(html, std::string("</") + tag + ">"))
        << tag;
  }
  EXPECT_EQ(count(html, "<dt>"), count(html, "</dd>"));
}

} // namespace html_test
