// The interview invitation: TEXT escaping, folding at 75 octets without cutting a character, the event
// in Europe/Paris time, and the whole file against a golden copy.
#include "core/documents/ics.hpp"

#include "coach_fixtures.hpp"

#include "core/codecs/utf8.hpp"

using coach_test::full_evaluation;
using coach_test::referential;

namespace {

std::vector<std::string> physical_lines(const std::string& ics) {
  std::vector<std::string> lines;
  std::size_t from = 0;
  while (from < ics.size()) {
    const std::size_t crlf = ics.find("\r\n", from);
    EXPECT_NE(crlf, std::string::npos) << "the file does not end with CRLF";
    if (crlf == std::string::npos) break;
    lines.push_back(ics.substr(from, crlf - from));
    from = crlf + 2;
  }
  return lines;
}

// The content lines once unfolded (RFC 5545 §3.1).
std::vector<std::string> unfolded(const std::string& ics) {
  std::vector<std::string> out;
  for (const std::string& l : physical_lines(ics)) {
    if (!l.empty() && l[0] == ' ' && !out.empty()) out.back() += l.substr(1);
    else out.push_back(l);
  }
  return out;
}

std::string property(const std::string& ics, const std::string& name) {
  for (const std::string& l : unfolded(ics)) {
    if (l.rfind(name, 0) == 0) return l;
  }
  return "";
}

core::InvitationInputs inputs() { return core::InvitationInputs{"2025-03-20T10:15:00Z", 1}; }

} // namespace

TEST(Ics, TextEscaping) {
  EXPECT_EQ(core::ics_text("plain text"), "plain text");
  EXPECT_EQ(core::ics_text("a,b;c\\d"), "a\\,b\\;c\\\\d");
  EXPECT_EQ(core::ics_text("l1\nl2\r\nl3\rl4"), "l1\\nl2\\nl3\\nl4");
  EXPECT_EQ(core::ics_text("tab\tok, bell\x07 gone, del\x7F gone"), "tab\tok\\, bell gone\\, del gone");
  EXPECT_EQ(core::ics_text("Hélène : « entretien »"), "Hélène : « entretien »");
  EXPECT_EQ(core::ics_text("x\xFFy"), "x\xEF\xBF\xBDy");
  EXPECT_EQ(core::ics_text("\"quotes\" and :colons:"), "\"quotes\" and :colons:");
}

TEST(Ics, FoldingAt75Octets) {
  EXPECT_EQ(core::ics_fold("SUMMARY:short"), "SUMMARY:short\r\n");
  const std::string exact(75, 'x');
  EXPECT_EQ(core::ics_fold(exact), exact + "\r\n");
  EXPECT_EQ(core::ics_fold(exact + "y"), exact + "\r\n y\r\n");
  EXPECT_EQ(core::ics_fold(""), "\r\n");
  // Long lines of 1-, 2-, 3- and 4-byte characters: every physical line at most 75 octets, valid UTF-8
  // on its own, and unfolding gives the line back.
  for (const std::string unit : {std::string("a"), std::string("é"), std::string("€"), std::string("😀"), std::string("aé€😀")}) {
    std::string line = "DESCRIPTION:";
    for (int i = 0; i < 120; ++i) line += unit;
    const std::string folded = core::ics_fold(line);
    const std::vector<std::string> lines = physical_lines(folded);
    std::string back;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const std::string& l = lines[i];
      EXPECT_LE(l.size(), 75u) << unit;
      EXPECT_FALSE(core::first_invalid_utf8(l)) << "a character cut in two: " << l;
      // Filled up to the limit, less at most the 3 bytes of a character that did not fit; the last may be short.
      if (i + 1 < lines.size()) EXPECT_GE(l.size(), 72u) << unit;
      if (i > 0) ASSERT_EQ(l[0], ' ');
      back += i == 0 ? l : l.substr(1);
    }
    EXPECT_EQ(back, line);
  }
}

TEST(Ics, GoldenInvitation) {
  const auto r = core::interview_invitation_ics(full_evaluation(), referential(), inputs());
  ASSERT_TRUE(r.ok()) << coach_test::describe(r.issues());
  coach_test::expect_golden("invitation.ics", *r);
  for (const std::string& l : physical_lines(*r)) EXPECT_LE(l.size(), 75u) << l;
  EXPECT_EQ(r->find('\n'), r->find("\r\n") + 1);
  for (std::size_t i = 0; i < r->size(); ++i) {
    if ((*r)[i] == '\n') ASSERT_EQ((*r)[i - 1], '\r') << i;
  }
  EXPECT_EQ(property(*r, "UID:"), "UID:" + full_evaluation().bundle.digest + "-entretien@certif-intra");
  EXPECT_EQ(property(*r, "DTSTAMP:"), "DTSTAMP:20250320T101500Z");
  EXPECT_EQ(property(*r, "SEQUENCE:"), "SEQUENCE:1");
  EXPECT_EQ(property(*r, "DTSTART;"), "DTSTART;TZID=Europe/Paris:20250402T143000");
  EXPECT_EQ(property(*r, "DTEND;"), "DTEND;TZID=Europe/Paris:20250402T151500");
  EXPECT_EQ(property(*r, "SUMMARY:"), "SUMMARY:Entretien de certification RS3536 – Hélène Lefèvre");
  EXPECT_EQ(property(*r, "LOCATION:"), "LOCATION:https://visio.example.org/rejoindre?id=42&pin=7");
  EXPECT_EQ(property(*r, "URL:"), "URL:https://visio.example.org/rejoindre?id=42&pin=7");
  EXPECT_EQ(property(*r, "ORGANIZER"), "ORGANIZER;CN=\"Camille Martin\":mailto:camille.martin@example.org");
  EXPECT_EQ(property(*r, "ATTENDEE"),
            "ATTENDEE;CN=\"Hélène Lefèvre\";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION:mailto:helene.lefevre@example.gouv.fr");
  const std::string description = property(*r, "DESCRIPTION:");
  EXPECT_NE(description.find("Merci de préparer votre support de pitch \\; prévoyez 5 minutes\\, pas plus.\\nÀ bientôt\\, \\\\ Camille"),
            std::string::npos)
      << description;
  EXPECT_NE(description.find("Évaluateur : Camille Martin (NUMA)"), std::string::npos) << description;
  EXPECT_NE(r->find("BEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\n"), std::string::npos);
  EXPECT_EQ(r->find("METHOD:"), std::string::npos);
  EXPECT_EQ(r->rfind("END:VCALENDAR\r\n"), r->size() - 15);
}

TEST(Ics, TelephoneAcrossMidnightWithoutAddresses) {
  core::Evaluation e = full_evaluation();
  e.planned->mode = core::InterviewMode::telephone;
  e.planned->location = "+33 1 23 45 67 89";
  e.planned->time = {23, 30};
  e.planned->date = {2025, 12, 31};
  e.coach.email = "";
  e.candidate.email = "pas une adresse";
  e.candidate.first_name = "Jean \"JP\"";
  const auto r = core::interview_invitation_ics(e, referential(), inputs());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(property(*r, "DTSTART;"), "DTSTART;TZID=Europe/Paris:20251231T233000");
  EXPECT_EQ(property(*r, "DTEND;"), "DTEND;TZID=Europe/Paris:20260101T001500");
  EXPECT_EQ(property(*r, "LOCATION:"), "LOCATION:Téléphone : +33 1 23 45 67 89");
  EXPECT_EQ(property(*r, "URL:"), "");
  EXPECT_EQ(property(*r, "ORGANIZER"), "");
  EXPECT_EQ(property(*r, "ATTENDEE"), "");
  EXPECT_NE(property(*r, "DESCRIPTION:").find("Modalité : téléphone"), std::string::npos);

  // An address with characters a URI must not hold raw, and a name with a quote.
  e.candidate.email = "jean\"x@example.fr";
  const auto q = core::interview_invitation_ics(e, referential(), inputs());
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(property(*q, "ATTENDEE"),
            "ATTENDEE;CN=\"Jean 'JP' Lefèvre\";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION:mailto:jean%22x@example.fr");
}

TEST(Ics, Refusals) {
  core::Evaluation e = full_evaluation();
  auto r = core::interview_invitation_ics(e, referential(), core::InvitationInputs{"2025-03-20 10:15", 0});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "ics.value_invalid");
  EXPECT_EQ(r.error().path, "dtstamp");
  r = core::interview_invitation_ics(e, referential(), core::InvitationInputs{"2025-03-20T10:15:00Z", -1});
  EXPECT_FALSE(r.ok());
  e.planned.reset();
  r = core::interview_invitation_ics(e, referential(), inputs());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "ics.not_planned");
  EXPECT_EQ(r.error().path, "/interview/planned");
}
