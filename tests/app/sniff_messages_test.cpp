// Every kind and every detail the sniffer can report has its words in both catalogs, and its advice too
// when the sniffer has advice for it: a refusal never falls back to "unrecognised type" or loses its hint.
#include "app/catalog.hpp"
#include "core/formats/sniff.hpp"

#include <gtest/gtest.h>

#include <string>

using app::Catalog;
using app::Lang;

TEST(SniffMessages, EveryKindAndDetailIsWorded) {
  for (Lang lang : {Lang::fr, Lang::en}) {
    const Catalog& tr = app::catalog_for(lang);
    for (const auto kind : core::sniff_kinds()) {
      EXPECT_TRUE(tr.has("filetype." + std::string(kind))) << "filetype." << kind;
      if (!core::sniff_hint(kind).empty())
        EXPECT_TRUE(tr.has("filetype.hint." + std::string(kind))) << "filetype.hint." << kind << " (" << core::sniff_hint(kind) << ")";
    }
    for (const auto detail : core::sniff_details()) {
      EXPECT_TRUE(tr.has("filetype.detail." + std::string(detail))) << "filetype.detail." << detail;
      if (!core::sniff_hint(detail).empty())
        EXPECT_TRUE(tr.has("filetype.hint." + std::string(detail))) << "filetype.hint." << detail << " (" << core::sniff_hint(detail) << ")";
    }
  }
  EXPECT_GT(core::sniff_kinds().size(), 40u);
  EXPECT_GT(core::sniff_details().size(), 30u);
}

TEST(SniffMessages, FrenchReadsWell) {
  const Catalog& fr = app::catalog_for(Lang::fr);
  // "son contenu est des données JSON" read badly; every noun follows "son contenu est".
  const std::string sentence = app::substitute(fr.text("files.refused.type"),
                                               {{"name", "x.json"}, {"detected", fr.text("filetype.json")},
                                                {"advice", " " + fr.text("filetype.hint.json")}, {"accepted", "PDF"}});
  EXPECT_EQ(sentence, "« x.json » n'a pas été ajouté : son contenu est un document JSON. Exportez-le en CSV ou en PDF. "
                      "Formats acceptés : PDF.");
  EXPECT_NE(fr.text("filetype.hint.encrypted").find("mot de passe"), std::string::npos);
  EXPECT_NE(fr.text("filetype.hint.pdf_encrypted").find("Retirez le mot de passe"), std::string::npos);
  EXPECT_NE(fr.text("filetype.hint.damaged").find("exportez-le à nouveau"), std::string::npos);
  EXPECT_NE(fr.text("filetype.detail.epub").find("EPUB"), std::string::npos);
  EXPECT_NE(fr.text("filetype.detail.jar").find("Java"), std::string::npos);
  // Nouns carry no advice of their own any more (it is the hint's job).
  for (const char* k : {"gif", "tiff", "bmp", "heic", "avif", "legacy_office", "rtf", "postscript", "macro", "text_utf16"})
    EXPECT_EQ(fr.text(std::string("filetype.") + k).find("("), fr.text(std::string("filetype.") + k).find("(.")) << k;
}
