// The dossier bundle: deterministic export, lossless round trips, the piecewise reader and writer, every
// kind of hostile input refused with its code and JSON Pointer, unknown members kept, and the verdict recheck.
#include "core/formats/bundle.hpp"

#include "core/codecs/base64.hpp"
#include "core/codecs/jcs.hpp"
#include "core/codecs/json_strict.hpp"
#include "core/codecs/sha256.hpp"

#include "../source_files.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

using core::Bundle;
using core::Date;
using core::Dossier;
using nlohmann::json;

namespace {

using test_files::read_asset;

const core::Referential& referential() {
  static const core::Referential r = core::parse_referential(read_asset("referential/rs3536-v1.json")).value();
  return r;
}

const core::Ruleset& ruleset() {
  static const core::Ruleset r = core::parse_ruleset(read_asset("rulesets/rs3536-2020.json")).value();
  return r;
}

std::string from_hex(std::string_view hex) {
  std::string out;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
    out += static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16));
  }
  return out;
}

// Small but real files: what a content sniffer recognises.
std::string tiny_pdf(const std::string& text) {
  return "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n% " + text + "\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";
}
std::string tiny_png() {
  return from_hex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000a49444154789c63000100000500010d0a2db40000000049454e44ae426082");
}

core::Attachment attachment(std::string id, std::string name, std::string media_type, std::string bytes) {
  core::Attachment a;
  a.id = std::move(id);
  a.name = std::move(name);
  a.media_type = std::move(media_type);
  a.sha256 = core::sha256_hex(bytes);
  a.bytes = std::move(bytes);
  return a;
}

Dossier complete_dossier() {
  Dossier d = core::make_dossier(referential());
  d.first_name = "Hélène";
  d.last_name = "Lefèvre";
  d.email = "helene.lefevre@example.gouv.fr";
  d.administration = "Direction interministérielle du numérique";
  d.status = "contractuel";
  d.position = "Intrapreneuse";
  d.startup_name = "Démarches simplifiées";
  d.incubator = "DINUM";
  d.startup_phase = "acceleration";
  d.startup_start = "2023-01-15";
  d.startup_site = "https://www.demarches-simplifiees.fr";
  d.role = "Intrapreneuse à temps plein";
  d.eligibility.periods.push_back({"2023-01-15", "", true, core::TimeKind::full});
  d.eligibility.periods.push_back({"2022-03-01", "2022-12-31", false, core::TimeKind::part});
  d.eligibility.investigation = true;
  d.eligibility.construction = true;
  for (auto& c : d.competencies) {
    c.evidence = "J'ai mené « 12 entretiens » — \"citations\" et \\ tabulations\tcomprises…";
    c.piece_ids = {"interview_report", "mockup"};
  }
  d.purposes = {"annual_review", "mobility"};
  d.purpose_detail = "😀 émoji hors BMP";
  for (auto& p : d.pieces) {
    p.description = "Pièce " + p.id;
    if (p.id == "site") p.url = "https://www.demarches-simplifiees.fr";
    if (p.id == "product_sheet") p.url = "https://beta.gouv.fr/startups/demarches-simplifiees.html";
    if (p.id == "interview_report") p.files.push_back(attachment("a1", "Compte rendu d'entretiens.pdf", "application/pdf", tiny_pdf("entretiens")));
    if (p.id == "mockup") {
      p.files.push_back(attachment("a2", "écran 1.png", "image/png", tiny_png()));
      p.files.push_back(attachment("a3", "écran 2.png", "image/png", tiny_png()));
    }
    if (p.id == "investment_table") {
      p.files.push_back(attachment("a4", "investissement.csv", "text/csv", "role;consomme;prevision;total\nintrapreneur;10;20;30\n"));
    }
    if (p.id == "deck") p.files.push_back(attachment("a5", "pitch.pdf", "application/pdf", tiny_pdf("deck")));
  }
  return d;
}

core::ExportInputs inputs() {
  core::ExportInputs in;
  in.exported_at = "2025-03-14T09:26:53Z";
  in.reference_date = Date{2025, 3, 14};
  in.referential = &referential();
  in.ruleset = &ruleset();
  in.app_version = "0.1.0";
  return in;
}

json parse(std::string_view text) {
  auto r = core::parse_json_strict(text);
  EXPECT_TRUE(r) << (r ? "" : r.error().message);
  return r ? *r : json();
}

// Computes the integrity member with the JCS primitives alone (not the writer), so that a test can
// alter a bundle and still have it pass the digest check — or not, by skipping this.
std::string seal(json doc) {
  doc.erase("integrity");
  const std::string digest = core::to_hex(core::canonical_sha256(doc));
  doc["integrity"] = {{"algorithm", "sha256-jcs"}, {"digest", digest}};
  return core::canonicalize(doc);
}

const core::Issue* find_issue(const std::vector<core::Issue>& issues, const std::string& code, const std::string& path = "*") {
  for (const auto& i : issues) {
    if (i.code == code && (path == "*" || i.path == path)) return &i;
  }
  return nullptr;
}

std::string describe(const std::vector<core::Issue>& issues) {
  std::string s;
  for (const auto& i : issues) s += std::string(core::to_string(i.severity)) + " " + i.code + " " + i.path + ": " + i.message + "\n";
  return s;
}

// Refused with `code` at `path`; returns the issue's message ("" when not found).
std::string refused(const std::string& text, const std::string& code, const std::string& path) {
  const auto r = core::parse_bundle(text);
  EXPECT_FALSE(r.ok()) << "accepted; expected " << code << " at " << path;
  if (r.ok()) return "";
  const auto* i = find_issue(r.issues(), code, path);
  EXPECT_NE(i, nullptr) << "expected " << code << " at " << path << ", got:\n" << describe(r.issues());
  if (i == nullptr) return "";
  EXPECT_EQ(i->severity, core::Severity::error);
  return i->message;
}

class BundleTest : public ::testing::Test {
protected:
  void SetUp() override {
    dossier = complete_dossier();
    bytes = core::export_bundle(dossier, inputs());
    doc = parse(bytes);
  }
  Dossier dossier;
  std::string bytes;
  json doc;
};

} // namespace

// ---- helpers of the format -----------------------------------------------------------------------

TEST(BundleFormat, AcceptedMediaTypes) {
  EXPECT_EQ(core::accepted_media_types().size(), 11u);
  for (const char* t : {"application/pdf", "image/png", "image/jpeg", "image/webp", "text/csv",
                        "application/vnd.oasis.opendocument.text",
                        "application/vnd.openxmlformats-officedocument.presentationml.presentation"}) {
    EXPECT_TRUE(core::is_accepted_media_type(t)) << t;
  }
  for (const char* t : {"", "application/zip", "text/html", "image/svg+xml", "application/x-msdownload", "APPLICATION/PDF"}) {
    EXPECT_FALSE(core::is_accepted_media_type(t)) << t;
  }
}

TEST(BundleFormat, FileNames) {
  for (const char* ok : {"a.pdf", "écran 1.png", "..hidden", "a..b", "x.tar.gz", "(1) [2] {3}", "名前.pdf"}) {
    EXPECT_EQ(core::file_name_problem(ok), nullptr) << ok;
  }
  for (std::string bad : {std::string(""), std::string("."), std::string(".."), std::string("a/b.pdf"),
                          std::string("..\\..\\x.pdf"), std::string("/etc/passwd"), std::string("a\nb"),
                          std::string("a\0b", 3), std::string("a\x7f"), std::string("a\xC2\x85" "b"),
                          std::string("\xFF.pdf"), std::string(256, 'a')}) {
    EXPECT_NE(core::file_name_problem(bad), nullptr) << bad;
  }
  EXPECT_EQ(core::file_name_problem(std::string(255, 'a')), nullptr);
}

TEST(BundleFormat, ExportTimestamps) {
  EXPECT_TRUE(core::is_export_timestamp("2025-03-14T09:26:53Z"));
  EXPECT_TRUE(core::is_export_timestamp("2024-02-29T23:59:59Z"));
  for (const char* bad : {"", "2025-03-14", "2025-03-14T09:26:53", "2025-03-14T09:26:53.123Z", "2025-03-14 09:26:53Z",
                          "2025-03-14T24:00:00Z", "2025-03-14T09:60:00Z", "2023-02-29T00:00:00Z", "2025-03-14T09:26:53+01:00"}) {
    EXPECT_FALSE(core::is_export_timestamp(bad)) << bad;
  }
}

// ---- export ------------------------------------------------------------------------------------------

TEST_F(BundleTest, ExportIsTheCanonicalFormAndDeterministic) {
  EXPECT_EQ(core::export_bundle(dossier, inputs()), bytes);
  EXPECT_EQ(core::canonicalize(doc), bytes);  // the file's bytes are its own JCS form
  EXPECT_EQ(doc["format"], "certif-intra/dossier");
  EXPECT_EQ(doc["format_version"], 1);
  EXPECT_EQ(doc["app"], (json{{"name", "certif-intra"}, {"version", "0.1.0"}}));
  EXPECT_EQ(doc["exported_at"], "2025-03-14T09:26:53Z");
  EXPECT_EQ(doc["referential"], (json{{"id", "rs3536"}, {"version", 1}}));
  EXPECT_EQ(doc["ruleset"], (json{{"id", "rs3536-2020"}, {"version", 1}}));
  // The digest, recomputed with the JCS primitives alone.
  json without = doc;
  without.erase("integrity");
  EXPECT_EQ(doc["integrity"], (json{{"algorithm", "sha256-jcs"}, {"digest", core::to_hex(core::canonical_sha256(without))}}));
  // Each file entry carries its bytes, size and digest.
  const json& entry = doc["answers"]["pieces"][3]["files"][1];
  EXPECT_EQ(entry["id"], "a3");
  EXPECT_EQ(entry["name"], "écran 2.png");
  EXPECT_EQ(entry["size"], tiny_png().size());
  EXPECT_EQ(entry["sha256"], core::sha256_hex(tiny_png()));
  EXPECT_EQ(entry["data"], core::base64_encode(tiny_png()));
  // The verdict computed at export, on the reference date.
  const json& v = doc["eligibility_at_export"];
  EXPECT_EQ(v["reference_date"], "2025-03-14");
  auto input = core::eligibility_input(dossier, Date{2025, 3, 14});
  ASSERT_TRUE(input);
  EXPECT_EQ(v["result"], core::to_json(core::evaluate(*input, ruleset())));
  EXPECT_EQ(v["result"]["eligible"], true);
  // The answers are answers_to_json's, plus the data.
  json answers = doc["answers"];
  for (auto& piece : answers["pieces"]) {
    for (auto& file : piece["files"]) file.erase("data");
  }
  EXPECT_EQ(answers, core::answers_to_json(dossier));
}

TEST_F(BundleTest, AnOptionalProgrammeMemberNamesTheProgramme) {
  // Older bundles name none (read as ""), and export without it byte for byte as before.
  EXPECT_FALSE(doc.contains("programme"));
  const auto old = core::parse_bundle(bytes);
  ASSERT_TRUE(old.ok());
  EXPECT_EQ(old->programme_id, "");
  EXPECT_EQ(old->programme_version, 0);
  core::ExportInputs in = inputs();
  in.programme_id = "rs3536";
  in.programme_version = 1;
  const std::string named = core::export_bundle(dossier, in);
  EXPECT_EQ(parse(named)["programme"], (json{{"id", "rs3536"}, {"version", 1}}));
  const auto b = core::parse_bundle(named);
  ASSERT_TRUE(b.ok()) << describe(b.issues());
  EXPECT_EQ(b->programme_id, "rs3536");
  EXPECT_EQ(b->programme_version, 1);
  EXPECT_FALSE(find_issue(b->issues, "bundle.member_unknown"));  // a known member, not a notice
}

TEST_F(BundleTest, AnOptionalLangMemberSaysTheCandidatesLanguage) {
  EXPECT_FALSE(doc.contains("lang")) << "none unless the export gives one: older bundles keep their bytes";
  core::ExportInputs in = inputs();
  in.lang = "en";
  const std::string english = core::export_bundle(dossier, in);
  EXPECT_EQ(parse(english)["lang"], "en");
  const auto b = core::parse_bundle(english);
  ASSERT_TRUE(b.ok()) << describe(b.issues());
  EXPECT_EQ(b->lang, "en");
  EXPECT_FALSE(find_issue(b->issues, "bundle.member_unknown"));  // a known member, not a notice

  for (const char* tag : {"fr", "en", "fr-CA", "es-419"}) EXPECT_TRUE(core::is_language_tag(tag)) << tag;
  for (const char* tag : {"", "f", "FR", "french", "fr_FR", "fr-", "fr-ca", "en-GBR"}) EXPECT_FALSE(core::is_language_tag(tag)) << tag;
  in.lang = "français";
  const auto refused = core::parse_bundle(core::export_bundle(dossier, in));
  ASSERT_FALSE(refused.ok());
  EXPECT_TRUE(find_issue(refused.issues(), "bundle.value_invalid"));
}

TEST_F(BundleTest, ExportDependsOnItsInputsOnly) {
  auto in = inputs();
  in.exported_at = "2025-03-14T09:26:54Z";
  EXPECT_NE(core::export_bundle(dossier, in), bytes);
  Dossier other = dossier;
  other.pieces[2].files[0].bytes.back() = 'x';
  other.pieces[2].files[0].sha256 = core::sha256_hex(other.pieces[2].files[0].bytes);
  EXPECT_NE(core::export_bundle(other, inputs()), bytes);
}

TEST_F(BundleTest, WriterComputesSizeAndDigestFromTheBytes) {
  // A stale digest in the dossier cannot make an invalid bundle: the writer derives both from the bytes.
  Dossier stale = dossier;
  stale.pieces[2].files[0].sha256 = std::string(64, '0');
  EXPECT_EQ(core::export_bundle(stale, inputs()), bytes);
}

// ---- round trips -----------------------------------------------------------------------------------

TEST_F(BundleTest, ImportGivesTheDossierBackAndWritesTheSameBytes) {
  auto r = core::parse_bundle(bytes);
  ASSERT_TRUE(r) << describe(r.issues());
  const Bundle& b = *r;
  EXPECT_TRUE(b.issues.empty()) << describe(b.issues);
  EXPECT_EQ(b.dossier, dossier);  // import(export(d)) == d, bytes included
  std::vector<core::Issue> issues;
  Dossier answers_only = core::answers_from_json(doc["answers"], issues);
  EXPECT_TRUE(issues.empty());
  for (std::size_t i = 0; i < answers_only.pieces.size(); ++i) {
    for (std::size_t k = 0; k < answers_only.pieces[i].files.size(); ++k) {
      answers_only.pieces[i].files[k].bytes = dossier.pieces[i].files[k].bytes;
    }
  }
  EXPECT_EQ(answers_only, dossier);
  EXPECT_TRUE(b.canonical);
  EXPECT_EQ(b.digest, doc["integrity"]["digest"]);
  EXPECT_EQ(b.format_version, 1);
  EXPECT_EQ(b.app_name, "certif-intra");
  EXPECT_EQ(b.app_version, "0.1.0");
  EXPECT_EQ(b.exported_at, "2025-03-14T09:26:53Z");
  EXPECT_EQ(b.referential_id, "rs3536");
  EXPECT_EQ(b.referential_version, 1);
  EXPECT_EQ(b.ruleset_id, "rs3536-2020");
  EXPECT_EQ(b.ruleset_version, 1);
  EXPECT_EQ(b.reference_date, (Date{2025, 3, 14}));
  EXPECT_EQ(b.claimed_verdict, doc["eligibility_at_export"]["result"]);
  EXPECT_FALSE(b.document.contains("integrity"));
  EXPECT_FALSE(b.document["answers"]["pieces"][2]["files"][0].contains("data"));
  EXPECT_EQ(core::write_bundle(b), bytes);  // export(import(b)) == b
}

TEST_F(BundleTest, ReExportingAnImportWithTheSameInputsGivesTheSameBytes) {
  auto r = core::parse_bundle(bytes);
  ASSERT_TRUE(r);
  auto in = inputs();
  in.carry_unknown_from = &r->document;
  EXPECT_EQ(core::export_bundle(r->dossier, in), bytes);
}

TEST_F(BundleTest, PiecewiseWriterAndVerifierGiveTheSameResults) {
  const json document = core::bundle_document(dossier, inputs());
  for (const std::size_t budget : {std::size_t{1}, std::size_t{3}, std::size_t{7}, std::size_t{100}, std::size_t{4096}}) {
    core::BundleWriter w(document, dossier);
    std::string out;
    double last = 0;
    int calls = 0;
    while (!w.done()) {
      const std::size_t before = out.size();
      w.next(out, budget);
      EXPECT_LE(out.size() - before, budget + 64);  // a member name is written whole
      EXPECT_GE(w.progress(), last);
      last = w.progress();
      ASSERT_LT(++calls, 1000000);
    }
    EXPECT_EQ(out, bytes) << "budget " << budget;
    EXPECT_EQ(w.digest(), doc["integrity"]["digest"]);
    EXPECT_TRUE(w.issues().empty());

    core::BundleVerifier v(out);
    last = 0;
    while (!v.step(budget)) {
      EXPECT_GE(v.progress(), last);
      EXPECT_LT(v.progress(), 1.0);
      last = v.progress();
    }
    EXPECT_EQ(v.progress(), 1.0);
    auto r = v.finish();
    ASSERT_TRUE(r) << describe(r.issues());
    EXPECT_EQ(r->dossier, dossier);
    EXPECT_TRUE(r->canonical);
  }
}

TEST_F(BundleTest, VerifierWithoutTheTextStillVerifies) {
  std::string copy = bytes;
  core::BundleVerifier v(copy);
  v.forget_text();
  std::string().swap(copy);  // the caller frees its copy of the file
  auto r = v.finish();
  ASSERT_TRUE(r) << describe(r.issues());
  EXPECT_EQ(r->dossier, dossier);
  EXPECT_FALSE(r->canonical);  // unknown without the text
  EXPECT_EQ(core::write_bundle(*r), bytes);
}

TEST_F(BundleTest, CallerHashesTheAttachmentsWhenAsked) {
  // The browser hands the decoded attachments to WebCrypto: each comes out once, when decoded, and the
  // verifier waits for every digest before it concludes.
  core::BundleVerifier v(bytes);
  v.hash_files_elsewhere();
  std::vector<core::BundleVerifier::Decoded> handed;
  int calls = 0;
  while (!v.step(64)) {
    for (auto& d : v.take_decoded()) handed.push_back(d);
    if (v.waiting()) break;
    ASSERT_LT(++calls, 1000000);
  }
  ASSERT_TRUE(v.waiting());
  EXPECT_FALSE(v.step(1 << 20));  // nothing to do until the digests come
  std::vector<std::string> expected;
  for (const auto& p : dossier.pieces) {
    for (const auto& f : p.files) expected.push_back(f.bytes);
  }
  ASSERT_EQ(handed.size(), expected.size());
  std::set<std::size_t> indices;
  for (std::size_t i = 0; i < handed.size(); ++i) {
    EXPECT_EQ(handed[i].bytes, expected[i]);
    indices.insert(handed[i].index);
  }
  EXPECT_EQ(indices.size(), handed.size());
  EXPECT_TRUE(v.take_decoded().empty());  // each once
  for (std::size_t i = 0; i + 1 < handed.size(); ++i) v.set_file_digest(handed[i].index, core::sha256(handed[i].bytes));
  EXPECT_TRUE(v.waiting());
  v.hash_here(handed.back().index);  // the caller could not: computed by the verifier
  EXPECT_FALSE(v.waiting());
  EXPECT_TRUE(v.step(1 << 20));
  auto r = v.finish();
  ASSERT_TRUE(r) << describe(r.issues());
  EXPECT_EQ(r->dossier, dossier);
  EXPECT_EQ(r->digest, doc["integrity"]["digest"]);
}

TEST_F(BundleTest, DigestGivenByTheCallerIsCheckedAndNamesThePiece) {
  core::BundleVerifier v(bytes);
  v.hash_files_elsewhere();
  while (!v.step(1 << 20) && !v.waiting()) {
  }
  for (const auto& d : v.take_decoded()) {
    const bool deck = d.bytes == dossier.pieces[5].files[0].bytes;
    v.set_file_digest(d.index, core::sha256(deck ? std::string("autre chose") : std::string(d.bytes)));
  }
  auto r = v.finish();
  ASSERT_FALSE(r.ok());
  const auto* i = find_issue(r.issues(), "bundle.sha256_mismatch", "/answers/pieces/5/files/0/sha256");
  ASSERT_NE(i, nullptr) << describe(r.issues());
  EXPECT_EQ(i->message.rfind("Piece \"deck\", file \"pitch.pdf\": the content's SHA-256 is " + core::sha256_hex("autre chose"), 0), 0u)
      << i->message;
}

TEST_F(BundleTest, DigestsTheCallerStillOwesAreComputedByFinish) {
  core::BundleVerifier v(bytes);
  v.hash_files_elsewhere();
  auto r = v.finish();
  ASSERT_TRUE(r) << describe(r.issues());
  EXPECT_EQ(r->dossier, dossier);
}

TEST_F(BundleTest, PrettyPrintedBundleVerifiesButIsNotCanonical) {
  const std::string pretty = doc.dump(2);
  auto r = core::parse_bundle(pretty);
  ASSERT_TRUE(r) << describe(r.issues());
  EXPECT_FALSE(r->canonical);
  const auto* n = find_issue(r->issues, "bundle.not_canonical", "");
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(n->severity, core::Severity::notice);
  EXPECT_EQ(core::write_bundle(*r), bytes);
}

TEST_F(BundleTest, UnknownMembersAreKeptAndReported) {
  json d = doc;
  d["x-signature"] = {{"by", "someone"}, {"list", {1, 2.5, "three", nullptr}}};
  d["answers"]["identity"]["pronouns"] = "elle";
  d["answers"]["pieces"][3]["files"][0]["caption"] = "Accueil";
  d["answers"]["competencies"][0]["level"] = "autonomous";
  d["answers"]["eligibility"]["periods"][1]["note"] = "mi-temps";
  d["eligibility_at_export"]["result"]["criteria"]["extra"] = true;
  const std::string text = seal(d);
  auto r = core::parse_bundle(text);
  ASSERT_TRUE(r) << describe(r.issues());
  for (const char* path : {"/x-signature", "/answers/identity/pronouns", "/answers/pieces/3/files/0/caption",
                           "/answers/competencies/0/level", "/answers/eligibility/periods/1/note",
                           "/eligibility_at_export/result/criteria/extra"}) {
    const auto* i = find_issue(r->issues, "bundle.member_unknown", path);
    ASSERT_NE(i, nullptr) << path << "\n" << describe(r->issues);
    EXPECT_EQ(i->severity, core::Severity::notice);
  }
  EXPECT_EQ(r->dossier, dossier);
  EXPECT_EQ(core::write_bundle(*r), text);  // kept on round trip, byte for byte

  // An edited re-export keeps them where their owner still exists.
  Dossier edited = r->dossier;
  edited.first_name = "Hélène-Marie";
  edited.pieces[3].files.erase(edited.pieces[3].files.begin() + 1);  // a3 removed, a2 (with the caption) kept
  auto in = inputs();
  in.carry_unknown_from = &r->document;
  const json out = parse(core::export_bundle(edited, in));
  EXPECT_EQ(out["x-signature"], d["x-signature"]);
  EXPECT_EQ(out["answers"]["identity"]["pronouns"], "elle");
  EXPECT_EQ(out["answers"]["identity"]["first_name"], "Hélène-Marie");
  EXPECT_EQ(out["answers"]["pieces"][3]["files"][0]["caption"], "Accueil");
  EXPECT_EQ(out["answers"]["competencies"][0]["level"], "autonomous");
  EXPECT_EQ(out["answers"]["eligibility"]["periods"][1]["note"], "mi-temps");
  EXPECT_FALSE(out["eligibility_at_export"]["result"]["criteria"].contains("extra"));  // recomputed, not carried
  EXPECT_TRUE(core::parse_bundle(core::canonicalize(out)));
}

// ---- the verdict ------------------------------------------------------------------------------------

TEST_F(BundleTest, RecheckAgreesWithAnHonestClaim) {
  auto r = core::parse_bundle(bytes);
  ASSERT_TRUE(r);
  const auto c = core::recheck_verdict(*r, ruleset());
  EXPECT_TRUE(c.agrees);
  ASSERT_TRUE(c.recomputed);
  EXPECT_TRUE(c.recomputed->eligible);
  EXPECT_EQ(c.recomputed->reference, (Date{2025, 3, 14}));
  EXPECT_TRUE(c.issues.empty()) << describe(c.issues);
  // The same inputs, on another day: recency lapses a year after leaving (here: never, still in the role).
  auto input = core::eligibility_input(r->dossier, Date{2023, 1, 20});
  ASSERT_TRUE(input);
  EXPECT_FALSE(core::evaluate(*input, ruleset()).eligible);  // 153 + 6 equivalent days: not yet 180
}

TEST_F(BundleTest, RecheckNeverTrustsTheClaim) {
  json d = doc;
  d["answers"]["eligibility"]["phases"]["construction"] = false;  // the facts say not eligible...
  const std::string text = seal(d);                                // ...the claim still says eligible
  auto r = core::parse_bundle(text);
  ASSERT_TRUE(r) << describe(r.issues());
  const auto c = core::recheck_verdict(*r, ruleset());
  EXPECT_FALSE(c.agrees);
  ASSERT_TRUE(c.recomputed);
  EXPECT_FALSE(c.recomputed->eligible);
  const auto* i = find_issue(c.issues, "eligibility.claim_differs", "/eligibility_at_export/result");
  ASSERT_NE(i, nullptr);
  EXPECT_EQ(i->severity, core::Severity::warning);
  EXPECT_EQ(i->message, "The bundle claims eligible; its answers give not eligible.");

  core::Ruleset other = ruleset();
  other.version = 2;
  EXPECT_NE(find_issue(core::recheck_verdict(*r, other).issues, "eligibility.ruleset_differs", "/ruleset"), nullptr);
}

TEST(Bundle, IncompleteDossierExportsWithoutAVerdict) {
  Dossier d = core::make_dossier(referential());
  d.first_name = "Paul";
  const std::string text = core::export_bundle(d, inputs());
  const json doc = parse(text);
  EXPECT_TRUE(doc["eligibility_at_export"]["result"].is_null());
  EXPECT_EQ(doc["eligibility_at_export"]["reference_date"], "2025-03-14");
  auto r = core::parse_bundle(text);
  ASSERT_TRUE(r) << describe(r.issues());
  EXPECT_EQ(r->dossier, d);
  EXPECT_TRUE(r->claimed_verdict.is_null());
  const auto c = core::recheck_verdict(*r, ruleset());
  EXPECT_TRUE(c.agrees);
  EXPECT_FALSE(c.recomputed);
  const auto* i = find_issue(c.issues, "eligibility.no_verdict");
  ASSERT_NE(i, nullptr);
  EXPECT_EQ(i->path.rfind("/answers/eligibility", 0), 0u) << i->path;
  // Completeness is check_dossier's, on the same dossier.
  EXPECT_FALSE(core::check_dossier(r->dossier, referential(), r->reference_date).empty());
  EXPECT_EQ(core::write_bundle(*r), text);
}

TEST(Bundle, EmptyAttachmentIsRefused) {
  Dossier d = core::make_dossier(referential());
  d.pieces[4].files.push_back(attachment("e", "vide.csv", "text/csv", ""));
  const std::string message = refused(core::export_bundle(d, inputs()), "bundle.content_not_accepted", "/answers/pieces/4/files/0/data");
  EXPECT_EQ(message.rfind("Piece \"investment_table\", file \"vide.csv\": not accepted: ", 0), 0u) << message;
}

// ---- hostile input ------------------------------------------------------------------------------------

TEST_F(BundleTest, NotJsonIsRefusedWithLineAndColumn) {
  EXPECT_EQ(refused("%PDF-1.4 ...", "json.not_json", "").rfind("line 1, column 1: ", 0), 0u);
  const std::string truncated = bytes.substr(0, bytes.size() / 2);
  EXPECT_NE(refused(truncated, "json.unexpected_end", "/answers/pieces/3/files/0/data").find("line 1, column "), std::string::npos);
  EXPECT_EQ(refused("{\n  \"format\": 'x'\n}", "json.syntax", "/format").rfind("line 2, column 13: ", 0), 0u);
  refused("", "json.empty", "");
  refused(bytes + "x", "json.trailing_content", "");
  refused("\xEF\xBB\xBF" + bytes, "json.bom", "");
}

TEST_F(BundleTest, InvalidUtf8IsRefused) {
  std::string text = bytes;
  const auto at = text.find("Lef");
  text[at + 3] = '\xC3';
  text[at + 4] = '\x28';
  EXPECT_NE(refused(text, "json.invalid_utf8", "/answers/identity/last_name").find("line 1, column"), std::string::npos);
}

TEST_F(BundleTest, DuplicateKeysAreRefused) {
  const std::string text = "{\"format\":\"certif-intra/dossier\",\"format\":\"certif-intra/dossier\"}";
  refused(text, "json.duplicate_key", "/format");
  // Also once escaped differently, deep inside.
  std::string t2 = bytes;
  const auto at = t2.find("\"first_name\":");
  t2.insert(at, "\"first\\u005fname\":\"X\",");
  refused(t2, "json.duplicate_key", "/answers/identity/first_name");
}

TEST_F(BundleTest, NestingDeeperThanTheFormatIsRefused) {
  json d = doc;
  json deep = json::array();
  for (int i = 0; i < 9; ++i) deep = json::array({deep});  // 10 levels of arrays below the root
  d["x"] = deep;
  refused(seal(d), "json.too_deep", "/x/0/0/0/0/0/0/0/0/0");
  json ok = doc;
  json shallow = json::array();
  for (int i = 0; i < 7; ++i) shallow = json::array({shallow});
  ok["x"] = shallow;  // 9 levels in all: within the limit, and a notice
  EXPECT_TRUE(core::parse_bundle(seal(ok)));
}

TEST_F(BundleTest, NumbersOutOfRangeAreRefused) {
  std::string text = bytes;
  const auto at = text.find("\"format_version\":1");
  text.replace(at, 18, "\"format_version\":1e400");
  refused(text, "json.number_out_of_range", "/format_version");
  text = bytes;
  const auto size_at = text.find("\"size\":");
  const auto end = text.find_first_of(",}", size_at);
  text.replace(size_at, end - size_at, "\"size\":12345678901234567890");
  refused(text, "json.number_out_of_range", "/answers/pieces/2/files/0/size");
  json d = doc;
  d["answers"]["pieces"][2]["files"][0]["size"] = -3;
  EXPECT_NE(refused(seal(d), "bundle.type_mismatch", "/answers/pieces/2/files/0/size").find("the number -3"), std::string::npos);
  d = doc;
  d["referential"]["version"] = 1.5;
  refused(seal(d), "bundle.type_mismatch", "/referential/version");
  d["referential"]["version"] = 1.0;  // the same number as 1 (RFC 8785 writes it 1)
  EXPECT_TRUE(core::parse_bundle(d.dump()));
  d["referential"]["version"] = std::uint64_t{4294967296};
  refused(seal(d), "bundle.value_invalid", "/referential/version");
}

TEST_F(BundleTest, WrongTypesAreRefusedAtTheirPath) {
  const std::pair<const char*, json> cases[] = {
      {"/answers/identity/email", 3},
      {"/answers/startup", "DINUM"},
      {"/answers/eligibility/periods/0/end", true},
      {"/answers/eligibility/phases/investigation", "yes"},
      {"/answers/competencies/2/pieces/0", 1},
      {"/answers/purposes/selected", "cv"},
      {"/answers/pieces/1/url", nullptr},
      {"/answers/pieces/2/files/0/name", json::array()},
      {"/answers/pieces/2/files/0/data", 42},
      {"/app/version", 1},
      {"/exported_at", 20250314},
      {"/eligibility_at_export/result", "eligible"},
      {"/eligibility_at_export/result/eligible", "yes"},
      {"/integrity", "abc"},
  };
  for (const auto& [path, value] : cases) {
    json d = doc;
    d[json::json_pointer(path)] = value;
    const std::string text = std::string(path) == "/integrity" ? d.dump() : seal(d);
    const std::string message = refused(text, "bundle.type_mismatch", path);
    EXPECT_EQ(message.rfind("Found ", 0), 0u) << path << ": " << message;
  }
  json d = doc;
  d["answers"]["pieces"][0] = "site";
  refused(seal(d), "bundle.type_mismatch", "/answers/pieces/0");
  d = doc;
  d["answers"]["eligibility"]["periods"][0]["time"] = "half";
  refused(seal(d), "bundle.value_invalid", "/answers/eligibility/periods/0/time");
  d = doc;
  d["eligibility_at_export"]["reference_date"] = "14/03/2025";
  refused(seal(d), "bundle.value_invalid", "/eligibility_at_export/reference_date");
  d = doc;
  d["exported_at"] = "2025-03-14T09:26:53.120Z";
  refused(seal(d), "bundle.value_invalid", "/exported_at");
  d = doc;
  d["answers"]["pieces"][2]["files"][0]["sha256"] = std::string(64, 'A');
  refused(seal(d), "bundle.value_invalid", "/answers/pieces/2/files/0/sha256");
  d = doc;
  d["answers"]["pieces"][2]["files"][0]["id"] = "../a1";
  refused(seal(d), "bundle.value_invalid", "/answers/pieces/2/files/0/id");
}

TEST_F(BundleTest, MissingMembersAreRefused) {
  for (const char* path : {"/answers/startup", "/answers/identity/first_name", "/answers/pieces/2/files/0/sha256",
                           "/answers/pieces/2/files/0/data", "/answers/eligibility/periods/0/end", "/app",
                           "/exported_at", "/ruleset/version", "/eligibility_at_export/result", "/integrity",
                           "/integrity/digest"}) {
    json d = doc;
    const json::json_pointer p(path);
    d[p.parent_pointer()].erase(p.back());
    const std::string text = std::string(path).rfind("/integrity", 0) == 0 ? d.dump() : seal(d);
    const std::string message = refused(text, "bundle.member_missing", path);
    EXPECT_NE(message.find("is missing"), std::string::npos) << message;
  }
  json d = doc;
  d.erase("format");
  refused(seal(d), "bundle.not_a_dossier", "/format");
  refused("[1,2,3]", "bundle.not_a_dossier", "");
  refused("{\"format\":\"something/else\",\"format_version\":1}", "bundle.not_a_dossier", "/format");
}

TEST_F(BundleTest, BadBase64IsRefusedNamingThePiece) {
  for (const char* data : {"JVBERi0x$", "JVBERi0xLjQ", "JVBE Ri0x", "JVBERi0xLjQK====", "QR==", "JVBERé=="}) {
    json d = doc;
    d["answers"]["pieces"][2]["files"][0]["data"] = data;
    const std::string message = refused(seal(d), "bundle.data_invalid", "/answers/pieces/2/files/0/data");
    EXPECT_EQ(message.rfind("Piece \"interview_report\", file \"Compte rendu d'entretiens.pdf\": the data is not valid base64", 0), 0u)
        << message;
  }
}

TEST_F(BundleTest, SizeAndDigestMismatchesNameThePiece) {
  json d = doc;
  const std::string other = tiny_pdf("autre chose");
  d["answers"]["pieces"][5]["files"][0]["data"] = core::base64_encode(other);
  const std::string text = seal(d);  // resealed: the bundle digest matches, the piece's does not
  const std::string size = refused(text, "bundle.size_mismatch", "/answers/pieces/5/files/0/size");
  EXPECT_EQ(size.rfind("Piece \"deck\", file \"pitch.pdf\": the data holds " + std::to_string(other.size()) + " bytes", 0), 0u) << size;
  const std::string sha = refused(text, "bundle.sha256_mismatch", "/answers/pieces/5/files/0/sha256");
  EXPECT_EQ(sha.rfind("Piece \"deck\", file \"pitch.pdf\": the content's SHA-256 is " + core::sha256_hex(other), 0), 0u) << sha;
  auto r = core::parse_bundle(text);
  EXPECT_EQ(find_issue(r.issues(), "bundle.integrity_mismatch"), nullptr);
}

TEST_F(BundleTest, ModifiedAfterExportIsRefused) {
  std::string text = bytes;
  const auto at = text.find("Hélène");
  text.replace(at, 7, "Helene!");  // same length, digest untouched
  const std::string message = refused(text, "bundle.integrity_mismatch", "/integrity/digest");
  EXPECT_EQ(message.rfind("The bundle was modified after export", 0), 0u) << message;
  // Attachment bytes changed along with their declared digest and size: still caught by the bundle digest.
  json d = doc;
  const std::string other = tiny_pdf("autre");
  d["answers"]["pieces"][5]["files"][0]["data"] = core::base64_encode(other);
  d["answers"]["pieces"][5]["files"][0]["sha256"] = core::sha256_hex(other);
  d["answers"]["pieces"][5]["files"][0]["size"] = other.size();
  auto r = core::parse_bundle(core::canonicalize(d));
  ASSERT_FALSE(r);
  EXPECT_NE(find_issue(r.issues(), "bundle.integrity_mismatch", "/integrity/digest"), nullptr);
  EXPECT_EQ(r.issues().size(), 1u) << describe(r.issues());
  // Unknown algorithm, malformed digest.
  d = doc;
  d["integrity"]["algorithm"] = "md5";
  refused(d.dump(), "bundle.value_invalid", "/integrity/algorithm");
  d = doc;
  d["integrity"]["digest"] = "abc";
  refused(d.dump(), "bundle.value_invalid", "/integrity/digest");
  d = doc;
  d["integrity"]["note"] = "unsigned";  // outside the digest: nothing may hide there
  refused(d.dump(), "bundle.value_invalid", "/integrity/note");
}

TEST_F(BundleTest, MediaTypesOutsideTheListAreRefused) {
  for (const char* type : {"application/x-msdownload", "text/html", "image/svg+xml", "application/zip", ""}) {
    json d = doc;
    d["answers"]["pieces"][3]["files"][1]["media_type"] = type;
    const std::string message = refused(seal(d), "bundle.media_type_not_accepted", "/answers/pieces/3/files/1/media_type");
    EXPECT_EQ(message.rfind("Piece \"mockup\", file \"écran 2.png\": the type", 0), 0u) << message;
  }
}

TEST_F(BundleTest, ContentDecidesTheType) {
  // The declared type must be what the bytes are...
  json d = doc;
  d["answers"]["pieces"][3]["files"][1]["media_type"] = "application/pdf";
  std::string message = refused(seal(d), "bundle.media_type_mismatch", "/answers/pieces/3/files/1/media_type");
  EXPECT_NE(message.find("(image/png)"), std::string::npos) << message;
  // ...and the bytes must be of an accepted type, whatever is declared.
  d = doc;
  const std::string html = "<!DOCTYPE html><html><script>alert(1)</script></html>";
  auto& entry = d["answers"]["pieces"][4]["files"][0];
  entry["data"] = core::base64_encode(html);
  entry["size"] = html.size();
  entry["sha256"] = core::sha256_hex(html);
  message = refused(seal(d), "bundle.content_not_accepted", "/answers/pieces/4/files/0/data");
  EXPECT_EQ(message.rfind("Piece \"investment_table\", file \"investissement.csv\": not accepted: ", 0), 0u) << message;
}

TEST_F(BundleTest, SizesOverTheLimitsAreRefused) {
  json d = doc;
  d["answers"]["pieces"][5]["files"][0]["size"] = core::max_file_bytes + 1;
  refused(seal(d), "bundle.file_too_large", "/answers/pieces/5/files/0/size");
  d = doc;
  for (int k = 0; k < 3; ++k) d["answers"]["pieces"][3]["files"][k % 2]["size"] = core::max_file_bytes;
  d["answers"]["pieces"][2]["files"][0]["size"] = core::max_file_bytes;
  d["answers"]["pieces"][5]["files"][0]["size"] = 1;
  refused(seal(d), "bundle.dossier_too_large", "/answers/pieces");
}

TEST_F(BundleTest, FileNamesWithSeparatorsOrControlsAreRefused) {
  for (const char* name : {"../../.bashrc", "C:\\Windows\\evil.pdf", "a/b.pdf", "rapport\r\n.pdf", "nul\x01.pdf", "..", ""}) {
    json d = doc;
    d["answers"]["pieces"][2]["files"][0]["name"] = name;
    refused(seal(d), "bundle.name_invalid", "/answers/pieces/2/files/0/name");
  }
}

TEST_F(BundleTest, DuplicateIdsAreRefused) {
  json d = doc;
  d["answers"]["pieces"][3]["files"][1]["id"] = "a2";
  refused(seal(d), "bundle.duplicate_id", "/answers/pieces/3/files/1/id");
  d = doc;
  d["answers"]["pieces"][1]["id"] = "site";
  refused(seal(d), "bundle.duplicate_id", "/answers/pieces/1/id");
  d = doc;
  d["answers"]["competencies"][1]["id"] = d["answers"]["competencies"][0]["id"];
  refused(seal(d), "bundle.duplicate_id", "/answers/competencies/1/id");
}

TEST_F(BundleTest, AHigherFormatVersionIsRefusedSayingWhichOneThisAppReads) {
  json d = doc;
  d["format_version"] = 2;
  d["answers"] = "whatever version 2 holds";
  const std::string message = refused(seal(d), "bundle.version_unsupported", "/format_version");
  EXPECT_NE(message.find("format version 2; this app reads version 1"), std::string::npos) << message;
  EXPECT_EQ(core::parse_bundle(seal(d)).issues().size(), 1u);
  d["format_version"] = 0;
  refused(seal(d), "bundle.value_invalid", "/format_version");
  d["format_version"] = "1";
  refused(seal(d), "bundle.value_invalid", "/format_version");
}

TEST_F(BundleTest, InconsistentVerdictIsRefused) {
  json d = doc;
  d["eligibility_at_export"]["result"]["reference_date"] = "2025-03-13";
  refused(seal(d), "bundle.verdict_inconsistent", "/eligibility_at_export/result/reference_date");
  d = doc;
  d["eligibility_at_export"]["result"]["ruleset"] = "other";
  refused(seal(d), "bundle.verdict_inconsistent", "/eligibility_at_export/result/ruleset");
}

TEST_F(BundleTest, EveryPrefixAndEveryByteFlipIsRefusedWithoutCrashing) {
  // A coarse sweep (the fuzzer does the fine one): truncations and single-byte changes are all refused.
  const std::size_t step = std::max<std::size_t>(1, bytes.size() / 97);
  for (std::size_t n = 0; n < bytes.size(); n += step) {
    EXPECT_FALSE(core::parse_bundle(bytes.substr(0, n))) << n;
    std::string flipped = bytes;
    flipped[n] = static_cast<char>(flipped[n] ^ 0x04);
    const auto r = core::parse_bundle(flipped);
    if (r) {  // only a change of whitespace-free canonical text that keeps it valid could pass: none should
      ADD_FAILURE() << "byte " << n << " flipped still verifies";
    }
  }
}

TEST(BundleWriter, MissingAttachmentIsReported) {
  Dossier d = core::make_dossier(referential());
  d.pieces[2].files.push_back(attachment("x1", "a.pdf", "application/pdf", tiny_pdf("a")));
  json document = core::bundle_document(d, inputs());
  document["answers"]["pieces"][2]["files"][0]["id"] = "nope";
  core::BundleWriter w(document, d);
  std::string out;
  while (!w.done()) w.next(out, 1 << 20);
  ASSERT_EQ(w.issues().size(), 1u);
  EXPECT_EQ(w.issues()[0].code, "bundle.attachment_missing");
  EXPECT_EQ(w.issues()[0].path, "/answers/pieces/2/files/0");
}

// ---- text limits (issue 13: a bundle with 160 MB of answer text validated) --------------------------------

namespace {

std::string repeated(std::string_view unit, std::size_t n) {
  std::string s;
  s.reserve(unit.size() * n);
  for (std::size_t i = 0; i < n; ++i) s += unit;
  return s;
}

} // namespace

TEST_F(BundleTest, TextsOverTheirLimitAreRefusedNamingThePointer) {
  // A free text holds max_text_chars characters, whatever they weigh in bytes...
  json d = doc;
  const std::string emoji = repeated("😀", core::max_text_chars);  // 80,000 bytes
  d["answers"]["competencies"][0]["evidence"] = emoji;
  auto r = core::parse_bundle(seal(d));
  ASSERT_TRUE(r) << describe(r.issues());
  EXPECT_EQ(r->dossier.competencies[0].evidence, emoji);
  // ...and not one more.
  d["answers"]["competencies"][0]["evidence"] = emoji + "!";
  const std::string message = refused(seal(d), "bundle.too_long", "/answers/competencies/0/evidence");
  EXPECT_EQ(message, "The text is 20001 characters long; the limit is 20000.");
  d = doc;
  d["answers"]["pieces"][2]["description"] = std::string(core::max_text_chars + 1, 'a');
  refused(seal(d), "bundle.too_long", "/answers/pieces/2/description");
  // Any other text: max_line_chars.
  d = doc;
  d["answers"]["identity"]["first_name"] = std::string(core::max_line_chars + 1, 'a');
  refused(seal(d), "bundle.too_long", "/answers/identity/first_name");
  d = doc;
  d["answers"]["competencies"][1]["pieces"][0] = std::string(core::max_line_chars + 1, 'a');
  refused(seal(d), "bundle.too_long", "/answers/competencies/1/pieces/0");
  // Lists.
  d = doc;
  json& periods = d["answers"]["eligibility"]["periods"];
  while (periods.size() <= core::max_answer_items) periods.push_back(periods[0]);
  EXPECT_NE(refused(seal(d), "bundle.too_many", "/answers/eligibility/periods").find("101 items; the limit is 100"), std::string::npos);
  // Unknown members count too: kept, but not without bound.
  d = doc;
  d["x-notes"] = std::string(core::max_answers_text_bytes, 'x');
  refused(seal(d), "bundle.too_much_text", "/x-notes");
}

TEST(Bundle, MegabytesOfAnswerTextAreRefused) {
  // The report's bundle, scaled down for a unit test (the CLI figure is in the report): one huge answer...
  Dossier d = complete_dossier();
  d.competencies[0].evidence = std::string(std::size_t{16} << 20, 'a');
  const std::string one = core::export_bundle(d, inputs());
  refused(one, "bundle.too_long", "/answers/competencies/0/evidence");
  // ...or many answers, each within its limit, that add up to more than the whole may hold.
  d = complete_dossier();
  d.competencies.clear();
  for (std::size_t i = 0; i < 60; ++i) d.competencies.push_back({"c" + std::to_string(i), repeated("😀", core::max_text_chars), {}});
  const auto r = core::parse_bundle(core::export_bundle(d, inputs()));
  ASSERT_FALSE(r.ok());
  const auto* over = find_issue(r.issues(), "bundle.too_much_text");
  ASSERT_NE(over, nullptr) << describe(r.issues());
  EXPECT_EQ(over->path.rfind("/answers/competencies/", 0), 0u) << over->path;  // where it crossed
  EXPECT_EQ(find_issue(r.issues(), "bundle.too_long"), nullptr);
}

TEST_F(BundleTest, AStoredDocumentReadsBackWithTheSameChecks) {
  auto r = core::parse_bundle(bytes);
  ASSERT_TRUE(r);
  auto back = core::bundle_from_document(r->document, r->digest);
  ASSERT_TRUE(back) << describe(back.issues());
  EXPECT_EQ(back->digest, r->digest);
  EXPECT_EQ(back->exported_at, r->exported_at);
  EXPECT_EQ(back->claimed_verdict, r->claimed_verdict);
  EXPECT_EQ(back->reference_date, r->reference_date);
  ASSERT_EQ(back->dossier.pieces.size(), r->dossier.pieces.size());
  for (std::size_t i = 0; i < back->dossier.pieces.size(); ++i) {
    for (std::size_t k = 0; k < back->dossier.pieces[i].files.size(); ++k) {
      const auto& f = back->dossier.pieces[i].files[k];
      EXPECT_TRUE(f.bytes.empty());
      EXPECT_EQ(f.listed_size, r->dossier.pieces[i].files[k].bytes.size());  // what the coach's list shows
      EXPECT_EQ(f.sha256, r->dossier.pieces[i].files[k].sha256);
    }
  }
  core::Dossier without_bytes = r->dossier;
  for (auto& p : without_bytes.pieces) {
    for (auto& f : p.files) f.bytes.clear();
  }
  EXPECT_EQ(back->dossier, without_bytes);
  EXPECT_FALSE(core::bundle_from_document(r->document, "nope"));
  json over = r->document;
  over["answers"]["identity"]["last_name"] = std::string(core::max_line_chars + 1, 'a');
  const auto refused_back = core::bundle_from_document(over, r->digest);
  ASSERT_FALSE(refused_back);
  EXPECT_NE(find_issue(refused_back.issues(), "bundle.too_long", "/answers/identity/last_name"), nullptr);
}
