// CSV tables for display: quoting, separators, encodings, bounds.
#include "core/codecs/csv.hpp"

#include "../source_files.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

using core::read_csv;

TEST(Csv, QuotesSeparatorsAndLineEnds) {
  const auto t = read_csv("Rôle;Consommé;Prévu\r\n\"Développeur; senior\";12 000 €;\"dit \"\"oui\"\"\"\r\n"
                          "\"multi\nligne\";1;2\n");
  EXPECT_EQ(t.separator, ';');
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(t.rows[0], (std::vector<std::string>{"Rôle", "Consommé", "Prévu"}));
  EXPECT_EQ(t.rows[1], (std::vector<std::string>{"Développeur; senior", "12 000 €", "dit \"oui\""}));
  EXPECT_EQ(t.rows[2][0], "multi\nligne");
  EXPECT_FALSE(t.truncated);
  EXPECT_FALSE(t.converted);
}

TEST(Csv, CommaTabAndEmptyCells) {
  EXPECT_EQ(read_csv("a,b,c\n1,,3\n").rows[1], (std::vector<std::string>{"1", "", "3"}));
  const auto tabs = read_csv("a\tb\n1\t2\n");
  EXPECT_EQ(tabs.separator, '\t');
  EXPECT_EQ(tabs.rows[1], (std::vector<std::string>{"1", "2"}));
  EXPECT_TRUE(read_csv("").rows.empty());
  EXPECT_TRUE(read_csv("\n\n\n").rows.empty());
}

TEST(Csv, Windows1252IsConverted) {
  const auto t = read_csv("R\xF4le;Co\xFBt\n\x80;\x9C" "uvre\n");
  EXPECT_TRUE(t.converted);
  EXPECT_EQ(t.rows[0][0], "Rôle");
  EXPECT_EQ(t.rows[1][0], "€");
  EXPECT_EQ(t.rows[1][1], "œuvre");
}

TEST(Csv, BomIsSkipped) {
  EXPECT_EQ(read_csv("\xEF\xBB\xBFx;y\n").rows[0][0], "x");
}

TEST(Csv, LimitsHold) {
  std::string big;
  for (int i = 0; i < 50; ++i) big += "1,2,3,4,5\n";
  const auto t = read_csv(big, {10, 3, 100});
  EXPECT_EQ(t.rows.size(), 10u);
  EXPECT_EQ(t.rows[0].size(), 3u);
  EXPECT_TRUE(t.truncated);
  const auto cell = read_csv(std::string(5000, 'x'), {10, 3, 100});
  EXPECT_EQ(cell.rows[0][0].size(), 100u);
  // An unterminated quote swallows the rest as one cell, without overflowing the bounds.
  const auto open = read_csv("\"" + std::string(100000, 'y'), {10, 3, 1000});
  EXPECT_EQ(open.rows[0][0].size(), 1000u);
}

TEST(Csv, RealSpreadsheetExports) {
  for (const char* name : {"excel-fr-cp1252.csv", "excel-utf8-bom.csv", "quoted-multiline.csv", "comma.csv"}) {
    const auto t = read_csv(test_files::sniff_sample(name));
    EXPECT_GE(t.rows.size(), 2u) << name;
    for (const auto& r : t.rows) EXPECT_GE(r.size(), 1u) << name;
  }
}

TEST(Csv, SeparatorIsTheOneTheSnifferIdentifies) {
  // French Excel/LibreOffice fr-FR: ';' separators, sentences full of commas. Counting raw characters
  // would pick ','; the table's structure says ';'.
  const std::string fr = "Rôle;Commentaire\r\nDéveloppeuse;Elle a, dit-elle, tout repris, puis testé, enfin livré.\r\n"
                         "Coach;Oui, mais, en fait, non, pas encore.\r\n";
  const auto shape = core::identify_csv(fr);
  ASSERT_TRUE(shape);
  EXPECT_EQ(shape->separator, ';');
  EXPECT_EQ(shape->columns, 2u);
  const auto t = read_csv(fr);
  EXPECT_EQ(t.separator, ';');
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(t.rows[1][1], "Elle a, dit-elle, tout repris, puis testé, enfin livré.");
  // One column: each line one cell, commas inside quotes kept.
  const auto one = read_csv("Question\r\n\"Pourquoi, selon vous ?\"\r\nEt ensuite ?\r\n");
  EXPECT_EQ(one.separator, '\0');
  ASSERT_EQ(one.rows.size(), 3u);
  EXPECT_EQ(one.rows[1], (std::vector<std::string>{"Pourquoi, selon vous ?"}));
  EXPECT_FALSE(core::identify_csv("just one line"));
  EXPECT_FALSE(core::identify_csv("a;b\n\"open"));
}
