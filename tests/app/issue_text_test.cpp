// Import problems as the interface says them: every reader code in the interface's language (never the
// validator's English), where it is in words, line and column for a text that is not JSON, no raw digest.
#include "app/issue_text.hpp"

#include "core/base/issue_codes.hpp"
#include "core/model/dossier.hpp"

#include <gtest/gtest.h>

#include <regex>

using app::Catalog;
using app::Lang;

TEST(IssueText, EveryReaderCodeIsSaidInTheInterfacesLanguage) {
  for (Lang lang : {Lang::fr, Lang::en}) {
    const Catalog& tr = app::catalog_for(lang);
    for (const auto code : core::reader_issue_codes()) {
      const core::Issue issue{core::Severity::error, std::string(code), "/answers/pieces/3/files/0/data",
                              "Piece \"mockup\", file \"x.png\": an English sentence from the validator."};
      const std::string text = app::issue_text(issue, tr);
      EXPECT_EQ(text.find("English sentence"), std::string::npos) << code;
      std::string sentence = tr.text("issue." + std::string(code));
      if (sentence.back() == '.') sentence.pop_back();
      EXPECT_EQ(text.rfind(sentence + " (", 0), 0u) << code << ": " << text;
    }
  }
}

TEST(IssueText, WhatADossierLacksIsSaidInTheInterfacesLanguage) {
  // The coach's list of a dossier's gaps: check_dossier's codes, never its English.
  for (Lang lang : {Lang::fr, Lang::en}) {
    const Catalog& tr = app::catalog_for(lang);
    for (const auto code : core::dossier_check_codes()) {
      EXPECT_TRUE(tr.has("issue." + std::string(code))) << code;
      const core::Issue issue{core::Severity::warning, std::string(code), "/identity/email", "e-mail is missing"};
      EXPECT_EQ(app::issue_text(issue, tr).find("is missing"), std::string::npos) << code;
    }
  }
  const core::Issue missing{core::Severity::warning, "missing", "/identity/email", "e-mail is missing"};
  EXPECT_EQ(app::issue_text(missing, app::catalog_for(Lang::fr)), "Non renseigné (Adresse e-mail).");
  EXPECT_EQ(app::issue_text(missing, app::catalog_for(Lang::en)), "Not filled in (E-mail address).");
}

TEST(IssueText, WhereInWords) {
  const Catalog& fr = app::catalog_for(Lang::fr);
  const Catalog& en = app::catalog_for(Lang::en);
  EXPECT_EQ(app::path_in_words("/answers/identity/first_name", fr), "Prénom");
  EXPECT_EQ(app::path_in_words("/identity/email", en), "E-mail address");
  EXPECT_EQ(app::path_in_words("/answers/pieces/3/files/0/name", fr), "pièce 4 › fichier 1 › nom");
  EXPECT_EQ(app::path_in_words("/answers/pieces/3/files/0/name", en), "piece 4 › file 1 › name");
  EXPECT_EQ(app::path_in_words("/answers/competencies/0/evidence", fr), "compétence 1 › ce que vous avez fait");
  EXPECT_EQ(app::path_in_words("/answers/eligibility/periods/1/end", en), "prerequisites › period 2 › end");
  EXPECT_EQ(app::path_in_words("/x-signature~1by/2", fr), "x-signature/by › 3");  // unknown segments as they are
  EXPECT_EQ(app::path_in_words("", fr), "");
  const core::Issue missing{core::Severity::error, "bundle.member_missing", "/answers/identity/last_name", "The member..."};
  EXPECT_EQ(app::issue_text(missing, fr), "Une information attendue manque dans le dossier (Nom).");
}

TEST(IssueText, NotJsonSaysLineAndColumn) {
  const core::Issue syntax{core::Severity::error, "json.syntax", "/app", "line 3, column 11: expected ',' or '}'"};
  const std::string text = app::issue_text(syntax, app::catalog_for(Lang::fr));
  EXPECT_NE(text.find("(ligne 3, colonne 11)"), std::string::npos) << text;
}

TEST(IssueText, DigestsAreNeverShownWhole) {
  const std::string a(64, 'a'), b(64, 'b');
  // An integrity refusal: its English message holds both digests; the interface's sentence holds none.
  const core::Issue integrity{core::Severity::error, "bundle.integrity_mismatch", "/integrity/digest",
                              "The bundle was modified after export (computed " + a + ", recorded " + b + ")."};
  const std::regex digest("[0-9a-f]{64}");
  for (Lang lang : {Lang::fr, Lang::en}) {
    EXPECT_FALSE(std::regex_search(app::issue_text(integrity, app::catalog_for(lang)), digest));
  }
  // A code without a sentence (a newer core): its English, digests cut to 12 digits.
  const core::Issue unknown{core::Severity::error, "bundle.something_new", "", "computed " + a + ", recorded " + b + "."};
  EXPECT_EQ(app::issue_text(unknown, app::catalog_for(Lang::fr)), "computed aaaaaaaaaaaa…, recorded bbbbbbbbbbbb….");
  EXPECT_EQ(app::shorten_digests("abc " + a + a), "abc " + a + a);  // 128 digits: not a digest
}
