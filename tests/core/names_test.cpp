// Names as compared and as written into file names: folding, e-mail addresses, the file slug, and the
// one person slug every exported file carries.
#include "core/model/names.hpp"

#include <gtest/gtest.h>

TEST(Names, FoldName) {
  EXPECT_EQ(core::fold_name("Hélène  LEFÈVRE-D’Arc"), "helene lefevre d arc");
  EXPECT_EQ(core::fold_name("helene lefevre d'arc"), "helene lefevre d arc");
  EXPECT_EQ(core::fold_name("  Jean-Pierre\u00A0\u202FŒdipe  "), "jean pierre oedipe");
  EXPECT_EQ(core::fold_name("Straße Ĳsselmeer Łódź Ørsted ÿ"), "strasse ijsselmeer lodz orsted y");
  EXPECT_EQ(core::fold_name("He\u0301le\u0300ne"), "helene");  // decomposed accents (macOS input)
  EXPECT_EQ(core::fold_name("ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞß"), "aaaaaaaeceeeeiiiidnoooooouuuuythss");
  EXPECT_EQ(core::fold_name("Σωκράτης 李"), "Σωκράτης 李");  // other scripts as they are
  EXPECT_EQ(core::fold_name("a×b"), "a×b");
  EXPECT_EQ(core::fold_name(""), "");
  EXPECT_EQ(core::fold_name(" - ' "), "");
  EXPECT_EQ(core::fold_name("x\xFFy"), "x\xEF\xBF\xBDy");  // ill-formed UTF-8: U+FFFD
}

TEST(Names, NormalizeEmail) {
  EXPECT_EQ(core::normalize_email("  Helene.Lefevre@Example.GOUV.fr "), "helene.lefevre@example.gouv.fr");
  EXPECT_EQ(core::normalize_email("not an address"), "");
  EXPECT_EQ(core::normalize_email(""), "");
  EXPECT_EQ(core::normalize_email("a@b"), "");
}

TEST(Names, FileSlug) {
  EXPECT_EQ(core::file_slug("Hélène Lefèvre"), "helene-lefevre");
  EXPECT_EQ(core::file_slug("  ../../etc/passwd  "), "etc-passwd");
  EXPECT_EQ(core::file_slug("<script>"), "script");
  EXPECT_EQ(core::file_slug("李"), "");
  EXPECT_EQ(core::file_slug("abcdefghij klmnop", 11), "abcdefghij");
}

TEST(Names, PersonSlugIsLastNameThenFirstName) {
  EXPECT_EQ(core::person_slug("Øster", "Łukasz", "candidat"), "oster-lukasz");
  EXPECT_EQ(core::person_slug("Lefèvre Œuvray", "Hélène", "candidat"), "lefevre-oeuvray-helene");
  EXPECT_EQ(core::person_slug("", "", "titulaire"), "titulaire");
  EXPECT_EQ(core::person_slug("李", "", "candidat"), "candidat");
}
