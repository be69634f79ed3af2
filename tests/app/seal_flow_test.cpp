// Sealed delivery through the application layer (#16): the coach's keys made, imported, kept and backed
// up; config.js recipients checked; the candidate's export sealed slice by slice and opened by core to
// the plain export's bytes; the coach's import of sealed files with the right key, without it, and cut.
#include "app/app.hpp"
#include "app/issue_text.hpp"
#include "app/keys.hpp"

#include "core/codecs/age.hpp"
#include "core/documents/key_recovery.hpp"
#include "core/formats/bundle.hpp"

#include "test_support.hpp"

#include <gtest/gtest.h>

using namespace app;
using test_support::all_of;
using test_support::read_file;
using test_support::run_jobs;
using core::Date;

namespace {

// A file sent, then the work it starts run to its end.
Effects send(AppState& s, std::uint32_t job, const std::string& target, const std::string& name,
             const std::string& bytes, std::size_t chunk = 100000) {
  Effects fx = test_support::send_file(s, job, target, name, bytes, chunk);
  const Effects more = test_support::run_jobs(s);
  fx.insert(fx.end(), more.begin(), more.end());
  return fx;
}

// Answers every fx::RandomBytes with deterministic bytes (a test's stand-in for crypto.getRandomValues).
Effects answer_random(AppState& s, const Effects& fx, char fill) {
  Effects out;
  for (const auto* r : all_of<fx::RandomBytes>(fx)) {
    std::string bytes(r->size, fill);
    for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>(fill + static_cast<char>(i * 7));
    auto more = apply(s, cmd::RandomReady{r->purpose, bytes});
    out.insert(out.end(), more.begin(), more.end());
  }
  return out;
}


AppState fresh() {
  AppState s = initial_state(Date{2026, 11, 28});
  apply(s, cmd::DraftLoaded{std::nullopt, "", ""});
  apply(s, cmd::SetClock{"2026-11-28T09:30:00Z", 1000.0, "00112233445566778899aabbccddeeff"});
  return s;
}

// A key made in the app, as a coach does.
const KeyEntry& make_key(AppState& s, const std::string& name, char fill) {
  const Effects fx = apply(s, cmd::GenerateKey{name});
  const auto asks = all_of<fx::RandomBytes>(fx);
  EXPECT_EQ(asks.size(), 1u);
  EXPECT_EQ(asks.at(0)->size, 32u);
  answer_random(s, fx, fill);
  return s.keys.keys.back();
}

std::string candidate_export(AppState& s, bool sealed, std::string* name = nullptr) {
  apply(s, cmd::SetSealExport{sealed});
  Effects fx = apply(s, cmd::ExportDossier{});
  answer_random(s, fx, 'x');
  fx = run_jobs(s);
  const auto downloads = all_of<fx::Download>(fx);
  EXPECT_EQ(downloads.size(), 1u);
  if (downloads.empty()) return {};
  if (name) *name = downloads[0]->filename;
  return downloads[0]->bytes;
}

AppState candidate_with_draft() {
  AppState s = fresh();
  apply(s, cmd::SetField{Field::first_name, "Hélène"});
  apply(s, cmd::SetField{Field::last_name, "Lefèvre"});
  send(s, 1, "deck", "deck.pdf", read_file("tests/data/sniff/chromium.pdf"), 1000);
  return s;
}

std::string seal_to_json(const KeyEntry& k) {
  return "[{\"name\":\"Jury RS6247 — DINUM\",\"recipient\":\"" + k.recipient + "\"}]";
}

} // namespace

TEST(SealKeys, MadeFromThePlatformsRandomBytesKeptAndReadBack) {
  AppState s = fresh();
  // Nothing is made without a name, nor twice at once.
  EXPECT_TRUE(all_of<fx::RandomBytes>(apply(s, cmd::GenerateKey{"  "})).empty());
  const Effects fx = apply(s, cmd::GenerateKey{"Jury RS6247"});
  EXPECT_TRUE(all_of<fx::RandomBytes>(apply(s, cmd::GenerateKey{"Autre"})).empty());
  const Effects made = answer_random(s, fx, 'a');
  ASSERT_EQ(s.keys.keys.size(), 1u);
  const KeyEntry& k = s.keys.keys[0];
  EXPECT_EQ(k.name, "Jury RS6247");
  EXPECT_EQ(k.created, "2026-11-28T09:30:00Z");
  EXPECT_EQ(k.recipient.rfind("age1", 0), 0u);
  EXPECT_EQ(k.fingerprint, core::age_fingerprint(k.identity.recipient));
  EXPECT_FALSE(k.backed_up);
  const auto stored = all_of<fx::StoreValue>(made);
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0]->key, keys_storage_key);

  // A second identity (the coach's own), then both read back on another visit.
  make_key(s, "Ma clé", 'b');
  ASSERT_EQ(s.keys.keys.size(), 2u);
  AppState later = fresh();
  apply(later, cmd::KeysLoaded{keys_record(s.keys)});
  ASSERT_EQ(later.keys.keys.size(), 2u);
  EXPECT_EQ(later.keys.keys[1].name, "Ma clé");
  EXPECT_EQ(later.keys.keys[0].identity.secret, s.keys.keys[0].identity.secret);
  // Damaged storage: what reads is kept, the rest skipped.
  AppState damaged = fresh();
  apply(damaged, cmd::KeysLoaded{"{\"keys\": [tronqué"});
  EXPECT_EQ(damaged.keys.keys.size(), 0u);  // not JSON at all: nothing
  apply(damaged, cmd::KeysLoaded{R"({"keys":[{"name":"x","identity":"AGE-SECRET-KEY-1NOPE"},{"name":"y","identity":")" +
                                 core::format_age_identity(s.keys.keys[0].identity) + "\"}]}"});
  ASSERT_EQ(damaged.keys.keys.size(), 1u);
  EXPECT_EQ(damaged.keys.keys[0].name, "y");
}

TEST(SealKeys, BackedUpAsAnIdentityFileAndARecoveryFormThenImportedElsewhere) {
  AppState s = fresh();
  const KeyEntry k = make_key(s, "Jury RS6247 — DINUM", 'c');
  Effects fx = apply(s, cmd::DownloadIdentity{0});
  auto d = all_of<fx::Download>(fx);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0]->media_type, "text/plain");
  EXPECT_NE(d[0]->bytes.find(core::format_age_identity(k.identity)), std::string::npos);
  EXPECT_NE(d[0]->bytes.find("# public key: " + k.recipient), std::string::npos);
  EXPECT_TRUE(s.keys.keys[0].backed_up);
  const std::string identity_file = d[0]->bytes;
  // The file reads back with core's reader (as with age -d -i).
  auto parsed = core::parse_age_identity_file(identity_file);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->at(0).recipient, k.identity.recipient);

  fx = apply(s, cmd::DownloadRecoveryForm{0});
  d = all_of<fx::Download>(fx);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0]->media_type, "text/html");
  EXPECT_NE(d[0]->bytes.find("<html lang=\"fr\""), std::string::npos);
  EXPECT_NE(d[0]->bytes.find(k.fingerprint), std::string::npos);
  EXPECT_NE(d[0]->bytes.find(k.recipient), std::string::npos);
  EXPECT_NE(d[0]->bytes.find(core::grouped_identity(k.identity)), std::string::npos);

  // Another device imports the file: the same key; twice: still one.
  AppState other = fresh();
  send(other, 3, keys_target, "cle.txt", identity_file);
  ASSERT_EQ(other.keys.keys.size(), 1u);
  EXPECT_EQ(other.keys.keys[0].identity.secret, k.identity.secret);
  EXPECT_EQ(other.keys.keys[0].created, "2026-11-28T09:30:00Z");
  EXPECT_TRUE(other.keys.keys[0].backed_up);
  send(other, 4, keys_target, "cle.txt", identity_file);
  EXPECT_EQ(other.keys.keys.size(), 1u);
  EXPECT_EQ(other.keys.imported_count, 0u);
  // Not an identity file: refused, saying why, in the interface's language.
  send(other, 5, keys_target, "notes.txt", "bonjour\n");
  ASSERT_FALSE(other.keys.import_issues.empty());
  EXPECT_EQ(other.keys.import_issues[0].code, core::age_bad_identity);
  EXPECT_EQ(other.keys.keys.size(), 1u);
  // Removed on request.
  apply(other, cmd::RemoveKey{0});
  EXPECT_TRUE(other.keys.keys.empty());
}

TEST(SealConfig, RecipientsAreCheckedEntryByEntry) {
  AppState s = fresh();
  const KeyEntry k = make_key(s, "Jury", 'd');
  const SealConfig c = parse_seal_to("[{\"name\":\"Jury RS6247\",\"recipient\":\"" + k.recipient + "\"},"
                                     "{\"name\":\"Sans clé\"},{\"recipient\":\"" + k.recipient + "\"},"
                                     "{\"name\":\"Fausse\",\"recipient\":\"age1qqqq\"},\"texte\","
                                     "{\"name\":\"Double\",\"recipient\":\"" + k.recipient + "\"}]");
  ASSERT_EQ(c.recipients.size(), 1u);
  EXPECT_EQ(c.recipients[0].name, "Jury RS6247");
  EXPECT_EQ(c.recipients[0].fingerprint, k.fingerprint);
  ASSERT_EQ(c.problems.size(), 5u);
  EXPECT_EQ(c.problems[0].entry, 2u);
  EXPECT_EQ(c.problems[0].code, "no_recipient");
  EXPECT_EQ(c.problems[1].code, "no_name");
  EXPECT_EQ(c.problems[2].code, "bad_recipient");
  EXPECT_EQ(c.problems[3].code, "not_object");
  EXPECT_EQ(c.problems[4].code, "duplicate");
  EXPECT_EQ(parse_seal_to("{\"name\":1}").problems.at(0).code, "not_list");
  EXPECT_TRUE(parse_seal_to("").recipients.empty());
  EXPECT_TRUE(parse_seal_to("").problems.empty());
  // Each problem has its sentence in both languages.
  for (const Lang lang : {Lang::fr, Lang::en}) {
    for (const char* code : {"not_list", "not_object", "no_name", "no_recipient", "bad_recipient", "duplicate"}) {
      EXPECT_TRUE(catalog_for(lang).has(std::string("seal.config.") + code)) << code;
    }
  }
}

TEST(SealExport, SealedSliceBySliceOpensToThePlainExportsBytes) {
  AppState coach = fresh();
  const KeyEntry k = make_key(coach, "Jury", 'e');
  AppState s = candidate_with_draft();
  s.site.seal = parse_seal_to(seal_to_json(k));
  std::string plain_name, sealed_name;
  const std::string plain = candidate_export(s, false, &plain_name);
  const std::string sealed = candidate_export(s, true, &sealed_name);
  EXPECT_EQ(plain_name, "dossier-lefevre-helene-2026-11-28.json");
  EXPECT_EQ(sealed_name, "dossier-lefevre-helene-2026-11-28.json.age");
  EXPECT_EQ(s.last_export_size, sealed.size());
  ASSERT_TRUE(core::looks_like_age(sealed));
  EXPECT_NE(sealed.find(k.fingerprint), std::string::npos);  // the hint stanza names the key
  auto opened = core::age_open(sealed, {k.identity});
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  EXPECT_EQ(*opened, plain);
  // Without configured recipients the export is plain whatever the choice.
  AppState unconfigured = candidate_with_draft();
  std::string name;
  EXPECT_EQ(candidate_export(unconfigured, true, &name), plain);
  EXPECT_EQ(name, plain_name);
  // The route in words: mail under 10 MB, FranceTransfert above.
  const Catalog& fr = catalog_for(Lang::fr);
  EXPECT_NE(route_text(sealed.size(), fr).find("courriel"), std::string::npos);
  EXPECT_NE(route_text(50u << 20, fr).find("FranceTransfert"), std::string::npos);
  EXPECT_NE(route_text(50u << 20, catalog_for(Lang::en)).find("2 GB"), std::string::npos);
}

TEST(SealExport, NoRandomBytesNoFile) {
  AppState coach = fresh();
  const KeyEntry k = make_key(coach, "Jury", 'f');
  AppState s = candidate_with_draft();
  s.site.seal = parse_seal_to(seal_to_json(k));
  apply(s, cmd::ExportDossier{});
  apply(s, cmd::RandomReady{"seal", ""});  // the browser had none
  EXPECT_FALSE(s.export_job.has_value());
  EXPECT_TRUE(all_of<fx::Download>(run_jobs(s)).empty());
}

TEST(SealImport, TheCoachOpensWithTheRightKeyAndIsToldWhichKeyIsMissing) {
  AppState coach = fresh();
  const KeyEntry k = make_key(coach, "Jury", 'g');
  AppState s = candidate_with_draft();
  s.site.seal = parse_seal_to(seal_to_json(k));
  const std::string plain = candidate_export(s, false);
  const std::string sealed = candidate_export(s, true);

  // With the key: verified like a JSON file, the same digest as the plain export's.
  send(coach, 10, coach_target, "dossier.json.age", sealed, 4096);
  ASSERT_EQ(coach.workspace.entries.size(), 1u);
  const CoachEntry& e = *coach.workspace.entries[0];
  ASSERT_EQ(e.check, CoachEntry::Check::valid) << (e.refusal.empty() ? "" : e.refusal[0].message);
  EXPECT_TRUE(e.sealed);
  EXPECT_EQ(e.bundle.digest, core::parse_bundle(plain)->digest);

  // Without it: refused, naming the fingerprint the file is sealed for, in words.
  AppState other = fresh();
  make_key(other, "Autre", 'h');
  const Effects fx = send(other, 11, coach_target, "dossier.json.age", sealed, 4096);
  const CoachEntry& refused = *other.workspace.entries.at(0);
  ASSERT_EQ(refused.check, CoachEntry::Check::refused);
  ASSERT_EQ(refused.refusal.size(), 1u);
  EXPECT_EQ(refused.refusal[0].code, core::age_wrong_key);
  EXPECT_TRUE(refused.text.empty());
  EXPECT_EQ(all_of<fx::CancelFile>(fx).size(), 1u);  // the rest of the file is not read
  for (const Lang lang : {Lang::fr, Lang::en}) {
    const std::string words = issue_text(refused.refusal[0], catalog_for(lang));
    EXPECT_NE(words.find(k.fingerprint), std::string::npos) << words;
  }
  // No key at all: the same message.
  AppState none = fresh();
  send(none, 12, coach_target, "dossier.json.age", sealed, 4096);
  EXPECT_EQ(none.workspace.entries.at(0)->refusal.at(0).code, core::age_wrong_key);

  // Cut short: refused, saying where it broke; nothing of it kept.
  AppState cut = fresh();
  apply(cut, cmd::KeysLoaded{keys_record(coach.keys)});
  const std::string truncated = sealed.substr(0, sealed.size() - 100);
  send(cut, 13, coach_target, "coupe.json.age", truncated, 4096);
  const CoachEntry& c = *cut.workspace.entries.at(0);
  ASSERT_EQ(c.check, CoachEntry::Check::refused);
  // Cut inside its last chunk, the file cannot tell a cut from damage: core says so in one code or the other.
  EXPECT_TRUE(c.refusal.at(0).code == core::age_truncated || c.refusal.at(0).code == core::age_chunk_tampered)
      << c.refusal.at(0).code;
  EXPECT_TRUE(c.text.empty());
  const std::string words = issue_text(c.refusal[0], catalog_for(Lang::fr));
  EXPECT_NE(words.find("bloc"), std::string::npos) << words;
  EXPECT_NE(words.find("octet"), std::string::npos) << words;
  // Cut after the header: truncated, said so.
  AppState header_only = fresh();
  apply(header_only, cmd::KeysLoaded{keys_record(coach.keys)});
  const std::size_t header = sealed.find("\n---") + 48;
  send(header_only, 15, coach_target, "entete.json.age", sealed.substr(0, header), 4096);
  EXPECT_EQ(header_only.workspace.entries.at(0)->refusal.at(0).code, core::age_truncated);
  // A flipped byte in the payload: refused where it is.
  AppState flipped = fresh();
  apply(flipped, cmd::KeysLoaded{keys_record(coach.keys)});
  std::string damaged = sealed;
  damaged[damaged.size() / 2] = static_cast<char>(damaged[damaged.size() / 2] ^ 1);
  send(flipped, 14, coach_target, "abime.json.age", damaged, 4096);
  EXPECT_EQ(flipped.workspace.entries.at(0)->refusal.at(0).code, core::age_chunk_tampered);
}

TEST(SealCatalog, EveryAgeProblemHasItsSentenceInBothLanguages) {
  for (const Lang lang : {Lang::fr, Lang::en}) {
    for (const char* code :
         {core::age_not_age, core::age_armored, core::age_version_unsupported, core::age_empty, core::age_header_malformed,
          core::age_header_too_large, core::age_bad_stanza, core::age_unknown_stanza, core::age_scrypt_not_alone,
          core::age_work_factor_too_high, core::age_wrong_key, core::age_passphrase_needed, core::age_no_passphrase_stanza,
          core::age_bad_passphrase, core::age_scrypt_failed, core::age_header_mac, core::age_truncated,
          core::age_chunk_tampered, core::age_empty_final_chunk, core::age_trailing_data, core::age_too_large,
          core::age_bad_recipient, core::age_bad_identity, core::age_no_identity, core::age_bad_options, core::age_misuse}) {
      EXPECT_TRUE(catalog_for(lang).has(std::string("issue.") + code)) << code;
    }
  }
}

// ---- a passphrase instead of keys ----------------------------------------------------------------------

namespace {

// A file sent as the browser does it: chunk after chunk, held while the app asked to pause (the rest
// is sent by resume()).
struct HeldSend {
  AppState& s;
  std::uint32_t job;
  std::string bytes;
  std::size_t chunk;
  std::size_t at = 0;
  bool paused = false;
  Effects fx;

  void go() {
    while (!paused && at < bytes.size()) {
      const Effects more = apply(s, cmd::FileChunk{job, bytes.substr(at, chunk)});
      at += chunk;
      take(more);
    }
    if (!paused && at >= bytes.size()) {
      take(apply(s, cmd::FileEnd{job}));
      take(run_jobs(s));
    }
  }
  void take(const Effects& more) {
    for (const auto* p : all_of<fx::PauseFile>(more)) paused = paused || p->job == job;
    for (const auto* r : all_of<fx::ResumeFile>(more)) paused = paused && r->job != job;
    fx.insert(fx.end(), more.begin(), more.end());
  }
  void start(const std::string& name) {
    take(apply(s, cmd::FileBegin{job, coach_target, name, bytes.size(), {}}));
    go();
  }
  void answer(const Command& c) {
    take(apply(s, c));
    go();
  }
};

} // namespace

TEST(SealPassphrase, TheRuleCountsCharactersAndWantsTheSameTwice) {
  EXPECT_EQ(core::age_passphrase_problem("", ""), core::age_passphrase_empty);
  EXPECT_EQ(core::age_passphrase_problem("court", "court"), core::age_passphrase_short);
  // Twelve characters, more bytes: counted in characters. Never trimmed nor normalised.
  EXPECT_EQ(core::age_passphrase_problem("ééééééééééé", "ééééééééééé"), core::age_passphrase_short);
  EXPECT_EQ(core::age_passphrase_problem("éééééééééééé", "éééééééééééé"), "");
  EXPECT_EQ(core::age_passphrase_problem("cheval agrafe pile", "cheval agrafe pile "), core::age_passphrase_mismatch);
  EXPECT_EQ(core::age_passphrase_problem("cheval agrafe\npile", "cheval agrafe\npile"), core::age_passphrase_not_text);
  EXPECT_EQ(core::age_passphrase_problem(std::string("cheval agrafe \xff pile"), std::string("cheval agrafe \xff pile")),
            core::age_passphrase_not_text);
  for (const Lang lang : {Lang::fr, Lang::en}) {
    for (const char* code : {core::age_passphrase_empty, core::age_passphrase_short, core::age_passphrase_mismatch,
                             core::age_passphrase_not_text, "age.passphrase_skipped"}) {
      EXPECT_TRUE(catalog_for(lang).has(std::string("issue.") + code)) << code;
    }
  }
}

TEST(SealPassphrase, TheCandidateSealsWithAPassphraseTheCoachOpensItWithIt) {
  const std::string phrase = "cheval agrafe pile 🐎";
  AppState s = candidate_with_draft();  // no key configured: a passphrase is still offered
  EXPECT_EQ(s.seal_work_factor, 18);    // what the app seals with: age -p's
  s.seal_work_factor = 12;              // here: quicker (the format says which, the opener follows)
  const std::string plain = candidate_export(s, false);
  apply(s, cmd::SetSealMode{SealMode::passphrase});
  EXPECT_EQ(snapshot(s)["seal"]["export_mode"], "passphrase");
  // Not exported until the passphrase is typed twice and long enough: said why, nothing downloaded.
  apply(s, cmd::SetSealPassphrase{false, phrase});
  EXPECT_EQ(snapshot(s)["seal"]["passphrase_problem"], core::age_passphrase_mismatch);
  Effects fx = apply(s, cmd::ExportDossier{});
  EXPECT_FALSE(s.export_job.has_value());
  ASSERT_EQ(all_of<fx::Announce>(fx).size(), 1u);
  EXPECT_EQ(all_of<fx::Announce>(fx)[0]->text, catalog_for(Lang::fr).text("issue.age.passphrase_mismatch"));
  apply(s, cmd::SetSealPassphrase{true, phrase});
  EXPECT_EQ(snapshot(s)["seal"]["passphrase_problem"], "");
  fx = apply(s, cmd::ExportDossier{});
  answer_random(s, fx, 'p');
  EXPECT_TRUE(s.export_job->seal.passphrase.empty());  // wiped once scrypt ran
  const Effects written = run_jobs(s);
  const auto downloads = all_of<fx::Download>(written);
  ASSERT_EQ(downloads.size(), 1u);
  EXPECT_EQ(downloads[0]->filename, "dossier-lefevre-helene-2026-11-28.json.age");
  const std::string sealed = downloads[0]->bytes;
  auto opened = core::age_open_with_passphrase(sealed, phrase);
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  EXPECT_EQ(*opened, plain);  // the same bundle bytes inside
  EXPECT_EQ(sealed.find("fingerprint"), std::string::npos);  // a passphrase stanza is alone

  // The coach: the reading is held at the header and the passphrase asked.
  AppState coach = fresh();
  HeldSend send{coach, 20, sealed, 1000};
  send.start("dossier.json.age");
  ASSERT_EQ(coach.workspace.entries.size(), 1u);
  const CoachEntry& e = *coach.workspace.entries[0];
  EXPECT_TRUE(send.paused);
  EXPECT_TRUE(e.awaiting_passphrase);
  EXPECT_EQ(e.check, CoachEntry::Check::reading);
  EXPECT_LE(e.held.size(), 1000u);  // only the rest of one chunk waits
  EXPECT_EQ(snapshot(coach)["coach"]["entries"][0]["awaiting_passphrase"], true);
  // A wrong one: asked again, said so.
  send.answer(cmd::OpenWithPassphrase{e.id, "cheval agrafe pile"});
  EXPECT_TRUE(send.paused);
  EXPECT_TRUE(e.awaiting_passphrase);
  EXPECT_EQ(e.passphrase_error, core::age_bad_passphrase);
  // The right one: read on, verified, the same dossier as the plain export.
  send.answer(cmd::OpenWithPassphrase{e.id, phrase});
  EXPECT_FALSE(e.awaiting_passphrase);
  ASSERT_EQ(e.check, CoachEntry::Check::valid) << (e.refusal.empty() ? "" : e.refusal[0].message);
  EXPECT_EQ(e.bundle.digest, core::parse_bundle(plain)->digest);
  EXPECT_TRUE(e.held.empty());

  // Left unopened: refused, saying so, the rest not read.
  AppState skipped = fresh();
  HeldSend skip{skipped, 21, sealed, 1000};
  skip.start("dossier.json.age");
  skip.answer(cmd::SkipPassphrase{skipped.workspace.entries.at(0)->id});
  const CoachEntry& k = *skipped.workspace.entries.at(0);
  EXPECT_EQ(k.check, CoachEntry::Check::refused);
  EXPECT_EQ(k.refusal.at(0).code, "age.passphrase_skipped");
  EXPECT_EQ(all_of<fx::CancelFile>(skip.fx).size(), 1u);

  // A platform that does not hold the reading: what arrives meanwhile is kept, and opened after.
  AppState eager = fresh();
  test_support::send_file(eager, 22, coach_target, "dossier.json.age", sealed, 700);
  CoachEntry& w = *eager.workspace.entries.at(0);
  EXPECT_TRUE(w.awaiting_passphrase);
  EXPECT_TRUE(w.ended);
  apply(eager, cmd::OpenWithPassphrase{w.id, phrase});
  run_jobs(eager);
  ASSERT_EQ(w.check, CoachEntry::Check::valid) << (w.refusal.empty() ? "" : w.refusal[0].message);
}
