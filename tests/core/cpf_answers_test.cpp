// The questionnaire's optional identity section for the CPF declaration (answers.cpf_identity): written
// only once something is given, read back as typed (from a draft and from a bundle), read by the coach's
// side as cpf.md's identity object (a birth date as one text, or as three numbers from another tool), and
// checked as the flux will be, at paths into the answers.
#include "core/formats/cpf.hpp"
#include "core/model/dossier.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

using nlohmann::json;

namespace {

core::Dossier filled() {
  core::Dossier d;
  d.first_name = "Hélène";
  d.last_name = "Lefèvre";
  d.email = "helene.lefevre@example.gouv.fr";
  d.cpf_birth_name = "Lefèvre";
  d.cpf_usage_name = "L'Hôte 🌿";  // kept as typed, emoji and all (the flux refuses nothing XML can carry)
  d.cpf_first_name1 = "Hélène";
  d.cpf_first_name2 = "Marie";
  d.cpf_sex = "F";
  d.cpf_birth_date = "1985-03-14";
  d.cpf_birth_insee_code = "75056";
  d.cpf_birth_place_name = "Paris";
  return d;
}

bool has(const std::vector<core::Issue>& issues, const std::string& code, const std::string& path) {
  for (const auto& i : issues) {
    if (i.code == code && i.path == path) return true;
  }
  return false;
}

} // namespace

TEST(CpfAnswers, AnEmptySectionIsNotWritten) {
  core::Dossier d;
  EXPECT_FALSE(d.has_cpf_identity());
  EXPECT_FALSE(core::answers_to_json(d).contains("cpf_identity")) << "dossiers without it keep their bytes";
  EXPECT_TRUE(core::check_cpf_answers(d).empty());
}

TEST(CpfAnswers, WhatIsTypedComesBackFromTheDraftAndFromABundle) {
  const core::Dossier d = filled();
  const json answers = core::answers_to_json(d);
  ASSERT_TRUE(answers.contains("cpf_identity"));
  const json& id = answers["cpf_identity"];
  EXPECT_EQ(id["first_names"], json::array({"Hélène", "Marie"})) << "up to the last name given";
  EXPECT_EQ(id["birth_date"], "1985-03-14");
  std::vector<core::Issue> issues;
  const core::Dossier back = core::answers_from_json(answers, issues);
  EXPECT_TRUE(issues.empty());
  EXPECT_EQ(back.cpf_usage_name, "L'Hôte 🌿");
  EXPECT_EQ(back.cpf_first_name2, "Marie");
  EXPECT_TRUE(back.cpf_first_name3.empty());
  EXPECT_EQ(back.cpf_birth_date, "1985-03-14");
  EXPECT_EQ(back.cpf_birth_insee_code, "75056");
}

TEST(CpfAnswers, TheCoachReadsItAsTheIdentityObjectOfCpfMd) {
  const json identity = core::cpf_identity_json(filled());
  const auto read = core::cpf_identity_from_json(identity);
  ASSERT_TRUE(read.ok()) << read.issues().at(0).message;
  EXPECT_EQ(read->birth_year, 1985);
  EXPECT_EQ(read->birth_month, 3);
  EXPECT_EQ(read->birth_day, 14);
  EXPECT_EQ(read->first_names, (std::vector<std::string>{"Hélène", "Marie"}));
  EXPECT_EQ(read->birth_insee_code, "75056");

  // A date that does not read as one is named at birth_date.
  json wrong = identity;
  wrong["birth_date"] = "14/03/85";
  const auto refused = core::cpf_identity_from_json(wrong, "/answers/cpf_identity");
  ASSERT_FALSE(refused.ok());
  EXPECT_TRUE(has(refused.issues(), "cpf.value_invalid", "/answers/cpf_identity/birth_date"));
}

TEST(CpfAnswers, AnotherToolsThreeNumbersShowAsOneDate) {
  json answers = core::answers_to_json(core::Dossier{});
  answers["cpf_identity"] = {{"birth_name", "N'Diaye"}, {"first_names", json::array({"Jean-Noël"})}, {"sex", "M"},
                             {"birth_year", 1979}, {"birth_month", 11}, {"birth_day", 2}, {"birth_postal_code", "69003"},
                             {"nir", "179116938812345"}};
  std::vector<core::Issue> issues;
  const core::Dossier d = core::answers_from_json(answers, issues);
  EXPECT_TRUE(issues.empty());
  EXPECT_EQ(d.cpf_birth_date, "1979-11-02");
  EXPECT_EQ(d.cpf_birth_postal_code, "69003");
}

TEST(CpfAnswers, ProblemsAreNamedAtTheQuestionnairesFields) {
  core::Dossier d = filled();
  EXPECT_FALSE(core::has_errors(core::check_cpf_answers(d)));
  d.cpf_birth_name = " Lefèvre";
  d.cpf_first_name1.clear();          // a gap before the second first name
  d.cpf_birth_date = "1985-02-30";    // not a real day
  d.cpf_birth_postal_code = "75001";  // both codes
  const auto issues = core::check_cpf_answers(d);
  EXPECT_TRUE(has(issues, "cpf.whitespace", "/cpf_identity/birth_name"));
  bool gap = false;
  for (const auto& i : issues) gap = gap || i.path == "/cpf_identity/first_names/0";
  EXPECT_TRUE(gap) << "the empty first name";
  EXPECT_TRUE(has(issues, "cpf.value_invalid", "/cpf_identity/birth_date"));
  bool codes = false;
  for (const auto& i : issues) codes = codes || (i.path.find("/cpf_identity/birth_") == 0 && i.path.find("code") != std::string::npos);
  EXPECT_TRUE(codes) << "one of the two codes only";

  core::Dossier partial;
  partial.cpf_birth_name = "Lefèvre";
  const auto missing = core::check_cpf_answers(partial);
  EXPECT_TRUE(has(missing, "cpf.missing", "/cpf_identity/birth_date")) << "the date is asked for, at its field";
  bool sex = false;
  for (const auto& i : missing) sex = sex || i.path == "/cpf_identity/sex";
  EXPECT_TRUE(sex) << "and the rest at once";
}
