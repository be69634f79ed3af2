// Referential files: the shipped one is consistent; broken ones are reported with paths.
#include "core/model/referential.hpp"

#include "../source_files.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace {
using test_files::read_source_file;
std::string read_file(const std::string& path) { return read_source_file(path); }
} // namespace

TEST(Referential, ShippedRs3536IsConsistent) {
  const auto r = core::parse_referential(read_file("assets/referential/rs3536-v1.json"));
  ASSERT_TRUE(r.ok()) << (r.issues().empty() ? "" : r.error().path + ": " + r.error().message);
  EXPECT_EQ(r->id, "rs3536");
  EXPECT_EQ(r->rs_reference, "RS3536");
  EXPECT_EQ(r->certifier, "NUMA");
  EXPECT_EQ(r->title.fr, "Méthodologies d'entrepreneuriat appliquées aux projets d'innovation");
  ASSERT_EQ(r->competencies.size(), 7u);  // RS3536 attests seven competencies
  for (const auto& c : r->competencies) {
    EXPECT_NE(r->level(c.expected_level), nullptr) << c.id;
    EXPECT_FALSE(c.expected.fr.empty()) << c.id;
    EXPECT_FALSE(c.expected.en.empty()) << c.id;
  }
  EXPECT_NE(r->competency("pitch"), nullptr);
  ASSERT_EQ(r->pieces.size(), 6u);  // the six pieces the certifier asks for
  EXPECT_TRUE(r->piece("site")->takes_link());
  EXPECT_FALSE(r->piece("site")->takes_files());
  EXPECT_TRUE(r->piece("mockup")->multiple);
  EXPECT_TRUE(r->piece("deck")->takes_link() && r->piece("deck")->takes_files());
  EXPECT_EQ(r->competency("nope"), nullptr);
}

TEST(Referential, ReportsProblemsWithPaths) {
  const auto r = core::parse_referential(R"({"id": "x", "version": 1, "rs_reference": "RSX", "title": {"fr": "T"},
    "certifier": "C", "autonomy_levels": [{"id": "a", "rank": 0, "label": {"fr": "A"}}],
    "competencies": [{"id": "c1", "title": {"fr": "C1"}, "expected_level": "zzz", "expected": {"fr": "E"}},
                     {"id": "c1", "title": {"fr": "C1"}, "expected_level": "a"}],
    "pieces": [{"id": "p", "accepts": "fax", "title": {"fr": "P"}, "hint": {"fr": "H"}}]})");
  ASSERT_FALSE(r.ok());
  std::vector<std::string> paths;
  for (const auto& i : r.issues()) paths.push_back(i.path + " " + i.code);
  EXPECT_NE(std::find(paths.begin(), paths.end(), "/competencies/0/expected_level referential.unknown_level"), paths.end());
  EXPECT_NE(std::find(paths.begin(), paths.end(), "/competencies/1/id referential.duplicate_id"), paths.end());
  EXPECT_NE(std::find(paths.begin(), paths.end(), "/competencies/1/expected referential.member_missing"), paths.end());
  EXPECT_NE(std::find(paths.begin(), paths.end(), "/pieces/0/accepts referential.value_invalid"), paths.end());
}

TEST(Referential, RejectsNonJson) {
  EXPECT_FALSE(core::parse_referential("{").ok());
  EXPECT_FALSE(core::parse_referential("[]").ok());
  EXPECT_EQ(core::parse_referential("").error().code, "json.empty");
}
