// Names written to disk: the detected type's extension, no bidi or invisible characters, portable,
// Windows device names defused.
#include "core/codecs/file_name.hpp"

#include <gtest/gtest.h>

using core::disk_file_name;
using core::portable_file_name;

namespace {
const char* pdf = "application/pdf";
}

TEST(FileName, ExtensionFollowsTheDetectedType) {
  EXPECT_EQ(disk_file_name("Compte rendu.html", pdf, "f"), "Compte rendu.html.pdf");
  EXPECT_EQ(disk_file_name("Compte rendu.hta", pdf, "f"), "Compte rendu.hta.pdf");
  EXPECT_EQ(disk_file_name("rapport", pdf, "f"), "rapport.pdf");
  EXPECT_EQ(disk_file_name("rapport.PDF", pdf, "f"), "rapport.PDF");
  EXPECT_EQ(disk_file_name("photo.jpeg", "image/jpeg", "f"), "photo.jpeg");
  EXPECT_EQ(disk_file_name("photo.png", "image/jpeg", "f"), "photo.png.jpg");
  EXPECT_EQ(disk_file_name("table.tsv", "text/csv", "f"), "table.tsv");
  EXPECT_EQ(disk_file_name("budget.xlsx.exe", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "f"),
            "budget.xlsx.exe.xlsx");
  EXPECT_EQ(disk_file_name("", pdf, "piece-1"), "piece-1.pdf");
  EXPECT_EQ(core::extension_for("application/vnd.oasis.opendocument.presentation"), ".odp");
  EXPECT_EQ(core::extension_for("text/html"), "");
}

TEST(FileName, BidiAndInvisibleCharactersAreRemoved) {
  // "CV\u202Efdp.exe" shows as "CVexe.pdf" in most file managers.
  EXPECT_EQ(disk_file_name("CV\u202Efdp.exe", pdf, "f"), "CVfdp.exe.pdf");
  EXPECT_EQ(disk_file_name("a\u200Bb\u2066c\u2069\uFEFF.pdf", pdf, "f"), "abc.pdf");
  EXPECT_EQ(disk_file_name("\u202Dx\u200E.pdf", pdf, "f"), "x.pdf");
  // Letters of every script stay.
  EXPECT_EQ(disk_file_name("Été 🎉 日本 عربى.pdf", pdf, "f"), "Été 🎉 日本 عربى.pdf");
}

TEST(FileName, PortableCharacters) {
  EXPECT_EQ(portable_file_name("a/b\\c:d*e?f\"g<h>i|j", "f"), "a_b_c_d_e_f_g_h_i_j");
  EXPECT_EQ(portable_file_name("tab\there\x1b[2J", "f"), "tab_here_[2J");
  EXPECT_EQ(portable_file_name("..", "f"), "f");
  EXPECT_EQ(portable_file_name(".hidden", "f"), "_hidden");
  EXPECT_EQ(portable_file_name("trailing. . ", "f"), "trailing");
  EXPECT_EQ(portable_file_name("bad\xFFutf8", "f"), "bad_utf8");
}

TEST(FileName, WindowsDeviceNamesAreDefused) {
  for (const char* name : {"CON.pdf", "con.pdf", "CON .pdf", "CON  .pdf", "PRN", "AUX.tar.gz", "NUL.txt", "COM0.pdf",
                           "COM9.pdf", "LPT0.pdf", "lpt5.pdf", "COM¹.pdf", "COM².pdf", "LPT³.pdf", "CONIN$.pdf",
                           "CONOUT$.pdf", "conin$", "CLOCK$.pdf"}) {
    const std::string out = disk_file_name(name, pdf, "f");
    EXPECT_EQ(out.front(), '_') << name << " → " << out;
  }
  for (const char* name : {"CONSEIL.pdf", "COM10.pdf", "LPT.pdf", "NULL.pdf", "COM.pdf", "AUXILIAIRE.pdf", "COM⁴.pdf"}) {
    EXPECT_NE(disk_file_name(name, pdf, "f").front(), '_') << name;
  }
}

TEST(FileName, LengthIsBoundedKeepingTheExtension) {
  const std::string long_name = std::string(300, 'e') + ".pdf";
  const std::string out = disk_file_name(long_name, pdf, "f");
  EXPECT_EQ(out.size(), 200u);
  EXPECT_EQ(out.substr(out.size() - 4), ".pdf");
  // Cut on a character boundary.
  std::string accents;
  for (int i = 0; i < 150; ++i) accents += "é";
  const std::string cut = disk_file_name(accents, pdf, "f");
  EXPECT_LE(cut.size(), 200u);
  EXPECT_EQ(cut.substr(cut.size() - 4), ".pdf");
  EXPECT_EQ((cut.size() - 4) % 2, 0u);
}
