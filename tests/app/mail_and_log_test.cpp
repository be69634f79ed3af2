// The coach's received-files log (every verdict kept, stored, read back after a reload) and the e-mail
// drafts to a candidate (invitation naming its .ics, decision), through the application layer.
#include "app/app.hpp"
#include "app/mail_drafts.hpp"

#include "core/domain/received_log.hpp"
#include "core/formats/bundle.hpp"

#include "test_support.hpp"

#include <gtest/gtest.h>

using namespace app;
using test_support::all_of;
using test_support::read_file;
using core::Date;

namespace {

AppState fresh() {
  AppState s = initial_state(Date{2026, 11, 28});
  apply(s, cmd::SetClock{"2026-11-28T10:00:00Z", 1000.0, "00112233445566778899aabbccddeeff"});
  return s;
}

const fx::StoreValue* log_write(const Effects& fx) {
  const fx::StoreValue* last = nullptr;
  for (const auto* v : all_of<fx::StoreValue>(fx)) {
    if (v->key == received_log_key) last = v;
  }
  return last;
}

// Percent-decoding, to read a link's parts back.
std::string decode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string param(const std::string& uri, const std::string& name) {
  const std::size_t at = uri.find(name + "=");
  if (at == std::string::npos) return {};
  const std::size_t start = at + name.size() + 1;
  const std::size_t end = uri.find('&', start);
  return decode(std::string_view(uri).substr(start, end == std::string::npos ? std::string::npos : end - start));
}

} // namespace

TEST(ReceivedFiles, EachVerdictIsLoggedAndStored) {
  AppState s = fresh();
  const std::string complete = read_file("assets/samples/complete.json");
  std::string tampered = complete;
  tampered.replace(tampered.find("Mon Compost Facile"), 18, "Mon Compost Génial");
  Effects fx = test_support::import_bundle(s, 1, "complete.json", complete);
  auto more = test_support::import_bundle(s, 2, "complete (copie).json", complete);
  fx.insert(fx.end(), more.begin(), more.end());
  more = test_support::import_bundle(s, 3, "retouche.json", tampered);
  fx.insert(fx.end(), more.begin(), more.end());
  more = test_support::send_file(s, 4, coach_target, "vide.json", "");
  fx.insert(fx.end(), more.begin(), more.end());

  const auto& lines = s.workspace.received.lines;
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0].name, "complete.json");
  EXPECT_EQ(lines[0].verdict, core::ReceivedVerdict::accepted);
  EXPECT_EQ(lines[0].candidate, "Camille Martin");
  EXPECT_EQ(lines[0].received_at, "2026-11-28T10:00:00Z");
  EXPECT_EQ(lines[1].verdict, core::ReceivedVerdict::duplicate);
  EXPECT_EQ(lines[2].verdict, core::ReceivedVerdict::refused);
  EXPECT_EQ(lines[2].reason, "bundle.integrity_mismatch");
  EXPECT_EQ(lines[3].verdict, core::ReceivedVerdict::refused);
  EXPECT_EQ(lines[3].reason, "file.empty");

  // Kept in local storage, and read back as it was on reopening.
  const fx::StoreValue* stored = log_write(fx);
  ASSERT_NE(stored, nullptr);
  AppState again = fresh();
  apply(again, cmd::ReceivedLogLoaded{stored->value});
  EXPECT_EQ(again.workspace.received.lines, lines);
  // Entries restored from storage are not received again.
  for (const auto* w : all_of<fx::SaveCoachEntry>(fx)) apply(again, cmd::CoachEntryLoaded{w->record});
  Effects none = apply(again, cmd::SetClock{"2026-11-28T11:00:00Z", 2000.0, "00112233445566778899aabbccddeeff"});
  EXPECT_EQ(again.workspace.received.lines.size(), 4u);
  EXPECT_EQ(log_write(none), nullptr);
}

TEST(ReceivedFiles, ClearingTheWorkspaceClearsTheLog) {
  AppState s = fresh();
  test_support::send_file(s, 1, coach_target, "vide.json", "");
  ASSERT_EQ(s.workspace.received.lines.size(), 1u);
  const Effects fx = apply(s, cmd::ClearWorkspace{});
  EXPECT_TRUE(s.workspace.received.lines.empty());
  const fx::StoreValue* stored = log_write(fx);
  ASSERT_NE(stored, nullptr);
  EXPECT_TRUE(core::received_log_from_json(stored->value).lines.empty());
}

TEST(MailDrafts, InvitationNamesItsIcsAndIsInTheCandidatesLanguage) {
  AppState s = fresh();
  test_support::import_bundle(s, 1, "complete.json", read_file("assets/samples/complete.json"));
  const CoachEntry& e = *s.workspace.entries.at(0);
  apply(s, cmd::SetProfile{{"Noémie Durand", "NUMA", "", "Paris", "", "", ""}});
  EXPECT_FALSE(invitation_mail(s, e)) << "nothing planned yet";
  const Effects before = apply(s, cmd::OpenMail{e.id, MailKind::invitation});
  EXPECT_TRUE(all_of<fx::OpenMailto>(before).empty());

  core::PlannedInterview plan;
  plan.date = Date{2026, 12, 5};
  plan.time = {14, 30};
  plan.location = "https://visio.example.fr/salle?id=42&pin=7";
  plan.notes = "Prévoyez 10 minutes de présentation 🎤.";
  apply(s, cmd::PlanInterview{e.id, plan});
  const Effects fx = apply(s, cmd::OpenMail{e.id, MailKind::invitation});
  const auto opened = all_of<fx::OpenMailto>(fx);
  ASSERT_EQ(opened.size(), 1u);
  const std::string& uri = opened[0]->uri;
  EXPECT_EQ(uri.rfind("mailto:camille.martin@example.gouv.fr?subject=", 0), 0u) << uri;
  EXPECT_LE(uri.size(), core::mailto_max_length);
  const std::string subject = param(uri, "subject");
  const std::string body = param(uri, "body");
  EXPECT_NE(subject.find("5 décembre 2026"), std::string::npos) << subject;
  EXPECT_NE(body.find("Bonjour Camille,\r\n"), std::string::npos) << body;
  EXPECT_NE(body.find("14:30"), std::string::npos);
  EXPECT_NE(body.find(plan.location), std::string::npos) << "the link's & and ? come back whole";
  EXPECT_NE(body.find("🎤"), std::string::npos);
  EXPECT_NE(body.find("Noémie Durand"), std::string::npos);
  // The .ics the coach exports and the file the draft asks to attach are named alike.
  const std::string ics = invitation_file_name(e, s.today);
  EXPECT_EQ(ics, "entretien-martin-camille-2026-12-05.ics");
  EXPECT_NE(body.find(ics), std::string::npos);
  const Effects exported = apply(s, cmd::ExportInvitation{e.id});
  const auto downloads = all_of<fx::Download>(exported);
  ASSERT_EQ(downloads.size(), 1u);
  EXPECT_EQ(downloads[0]->filename, ics);
}

TEST(MailDrafts, DecisionAfterOneIsRecordedWithItsReasons) {
  AppState s = fresh();
  test_support::import_bundle(s, 1, "complete.json", read_file("assets/samples/complete.json"));
  const CoachEntry& e = *s.workspace.entries.at(0);
  EXPECT_FALSE(decision_mail(s, e));
  apply(s, cmd::RecordDecision{e.id, core::DecisionKind::ajourne, "Pièce « tableau d'investissement » à compléter & à signer ?",
                               Date{2026, 12, 5}});
  const Effects fx = apply(s, cmd::OpenMail{e.id, MailKind::decision});
  const auto opened = all_of<fx::OpenMailto>(fx);
  ASSERT_EQ(opened.size(), 1u);
  const std::string body = param(opened[0]->uri, "body");
  EXPECT_NE(param(opened[0]->uri, "subject").find("5 décembre 2026"), std::string::npos);
  EXPECT_NE(body.find("ajournée"), std::string::npos) << body;
  EXPECT_NE(body.find("à compléter & à signer ?"), std::string::npos);
}

TEST(MailDrafts, EnglishWhenTheBundleSaysSoAndCutWhenLong) {
  AppState s = fresh();
  // The sample as an English-speaking candidate's app exports it: "lang": "en".
  auto sample = core::parse_bundle(read_file("assets/samples/complete.json"));
  ASSERT_TRUE(sample.ok());
  nlohmann::json doc = sample->document;
  doc["lang"] = "en";
  test_support::import_bundle(s, 1, "complete.json", core::write_bundle(doc, sample->dossier));
  CoachEntry& e = *s.workspace.entries.at(0);
  ASSERT_EQ(e.check, CoachEntry::Check::valid);
  EXPECT_EQ(e.bundle.lang, "en");
  EXPECT_EQ(candidate_lang(e), Lang::en);
  core::PlannedInterview plan;
  plan.date = Date{2026, 12, 5};
  plan.time = {9, 0};
  plan.notes = std::string(3000, 'x');
  apply(s, cmd::PlanInterview{e.id, plan});
  const Effects fx = apply(s, cmd::OpenMail{e.id, MailKind::invitation});
  const auto opened = all_of<fx::OpenMailto>(fx);
  ASSERT_EQ(opened.size(), 1u);
  EXPECT_LE(opened[0]->uri.size(), core::mailto_max_length);
  const std::string body = param(opened[0]->uri, "body");
  EXPECT_EQ(body.rfind("Hello Camille,", 0), 0u) << body;
  EXPECT_NE(body.find("please complete it before sending"), std::string::npos);
  // The coach is told the draft was shortened, in the interface's language.
  bool told = false;
  for (const auto* a : all_of<fx::Announce>(fx)) told = told || a->text.find("raccourci") != std::string::npos;
  EXPECT_TRUE(told);
}

TEST(MailDrafts, TheResultsOnceTheCredentialIsSignedWithTheFilesToAttach) {
  AppState s = fresh();
  test_support::import_bundle(s, 1, "complete.json", read_file("assets/samples/complete.json"));
  CoachEntry& e = *s.workspace.entries.at(0);
  apply(s, cmd::RecordDecision{e.id, core::DecisionKind::admis, "", Date{2026, 11, 28}});
  EXPECT_FALSE(credential_mail(s, e)) << "nothing to send before the credential is signed";
  // As cmd::Signed leaves it (the signing itself: signing_flow_test.cpp).
  e.credential = IssuedCredential{"urn:uuid:97ba7790-2b72-4139-a4a7-91fa7969e526", "Camille Martin", "h.p.s", "code",
                                  "martin-camille-RS3536.jwt", "kid", "2026-11-28T10:00:00Z"};
  const auto d = credential_mail(s, e);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->to, e.bundle.dossier.email);
  EXPECT_NE(d->subject.find("RS3536"), std::string::npos) << d->subject;
  EXPECT_NE(d->body.find("martin-camille-RS3536.jwt"), std::string::npos) << d->body;
  EXPECT_NE(d->body.find("urn:uuid:97ba7790-2b72-4139-a4a7-91fa7969e526"), std::string::npos);
  const Effects fx = apply(s, cmd::OpenMail{e.id, MailKind::credential});
  const auto opened = all_of<fx::OpenMailto>(fx);
  ASSERT_EQ(opened.size(), 1u);
  EXPECT_EQ(opened[0]->uri.rfind("mailto:", 0), 0u);
  EXPECT_LE(opened[0]->uri.size(), core::mailto_max_length);
  EXPECT_NE(param(opened[0]->uri, "body").find("martin-camille-RS3536.jwt"), std::string::npos);
  EXPECT_STREQ(mail_kind_id(MailKind::credential), "credential");
}
