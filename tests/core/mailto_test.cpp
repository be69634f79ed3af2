// mailto: links (RFC 6068): percent-encoding of accents, emoji, line breaks, '&' and '?'; the length cap.
#include "core/codecs/mailto.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

TEST(Mailto, EncodesEveryByteOutsideUnreserved) {
  EXPECT_EQ(core::mailto_encode("abc-XYZ_0.9~"), "abc-XYZ_0.9~");
  EXPECT_EQ(core::mailto_encode("é"), "%C3%A9");
  EXPECT_EQ(core::mailto_encode("Entretien : Anaïs"), "Entretien%20%3A%20Ana%C3%AFs");
  EXPECT_EQ(core::mailto_encode("\xF0\x9F\x8E\x89"), "%F0%9F%8E%89");  // 🎉
  EXPECT_EQ(core::mailto_encode("a&b?c=d#e%f+g"), "a%26b%3Fc%3Dd%23e%25f%2Bg");
  EXPECT_EQ(core::mailto_encode("\r\n"), "%0D%0A");
  EXPECT_EQ(core::mailto_encode("\xC2\xA0:"), "%C2%A0%3A");  // French no-break space before ':'
}

TEST(Mailto, LineBreaksBecomeCrlf) {
  EXPECT_EQ(core::crlf_lines("a\nb\r\nc\rd"), "a\r\nb\r\nc\r\nd");
  EXPECT_EQ(core::crlf_lines("\n\n"), "\r\n\r\n");
}

TEST(Mailto, AddressesTakenOrLeftOut) {
  EXPECT_TRUE(core::is_mail_address("camille.martin@example.gouv.fr"));
  EXPECT_TRUE(core::is_mail_address("a+b@x.fr"));
  EXPECT_FALSE(core::is_mail_address(""));
  EXPECT_FALSE(core::is_mail_address("camille"));
  EXPECT_FALSE(core::is_mail_address("a@b"));
  EXPECT_FALSE(core::is_mail_address("a@b.fr,c@d.fr"));  // a second recipient
  EXPECT_FALSE(core::is_mail_address("a b@c.fr"));
  EXPECT_FALSE(core::is_mail_address("a@b@c.fr"));
  EXPECT_FALSE(core::is_mail_address("a@c.fr\r\nBcc: x@y.fr"));
}

TEST(Mailto, SubjectAndBodyEncoded) {
  const auto link = core::mailto_link("camille.martin@example.gouv.fr", "Entretien & suite ?",
                                      "Bonjour Anaïs,\n\nJoignez 🎉 le fichier entretien-martin.ics.\n", "[…]");
  EXPECT_FALSE(link.truncated);
  EXPECT_EQ(link.uri,
            "mailto:camille.martin@example.gouv.fr?subject=Entretien%20%26%20suite%20%3F"
            "&body=Bonjour%20Ana%C3%AFs%2C%0D%0A%0D%0AJoignez%20%F0%9F%8E%89%20le%20fichier%20entretien-martin.ics.%0D%0A");
}

TEST(Mailto, AddressCharactersThatWouldEndItAreEncoded) {
  EXPECT_EQ(core::mailto_link("a+b?c@x.fr", "s", "", "").uri, "mailto:a%2Bb%3Fc@x.fr?subject=s");
  // Not an address: the recipient is left to the coach.
  EXPECT_EQ(core::mailto_link("not an address", "s", "b", "").uri, "mailto:?subject=s&body=b");
}

TEST(Mailto, LongBodyCutOnACharacterBoundaryWithTheNote) {
  std::string body;
  for (int i = 0; i < 300; ++i) body += "Référentiel ";  // 2-byte 'é': 6 encoded bytes each
  const auto link = core::mailto_link("a@b.fr", "Décision", body, "\n[…] (suite dans le dossier)", 2000);
  EXPECT_TRUE(link.truncated);
  EXPECT_LE(link.uri.size(), 2000u);
  EXPECT_GT(link.uri.size(), 1800u);
  // Ends with the note, and no '%' escape was split.
  const std::string note = core::mailto_encode("\r\n[…] (suite dans le dossier)");
  ASSERT_GE(link.uri.size(), note.size());
  EXPECT_EQ(link.uri.substr(link.uri.size() - note.size()), note);
  const std::string before = link.uri.substr(0, link.uri.size() - note.size());
  EXPECT_EQ(before.substr(before.size() - 4), "tiel") << "cut at a space, after a whole word";
}

TEST(Mailto, EmojiNeverSplit) {
  std::string body;
  for (int i = 0; i < 1000; ++i) body += "\xF0\x9F\x8E\x89";
  const auto link = core::mailto_link("", "x", body, "", 500);
  EXPECT_TRUE(link.truncated);
  EXPECT_LE(link.uri.size(), 500u);
  const std::string tail = link.uri.substr(link.uri.find("&body=") + 6);
  EXPECT_EQ(tail.size() % 12, 0u) << "whole emoji only (4 bytes, 12 encoded)";
}

TEST(Mailto, LongSubjectCut) {
  const std::string subject(3000, 'x');
  const auto link = core::mailto_link("a@b.fr", subject, "b", "", 2000);
  EXPECT_TRUE(link.truncated);
  EXPECT_LE(link.uri.size(), 2000u);
}

} // namespace
