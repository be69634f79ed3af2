// The dossier model: user dates, the answers' JSON form (lossless), and the checks a coach relies on.
#include "core/model/dossier.hpp"

#include "../source_files.hpp"

#include <gtest/gtest.h>

#include "core/base/issue_codes.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

using core::Date;
using core::Dossier;

namespace {

core::Referential referential() {
  return core::parse_referential(test_files::read_asset("referential/rs3536-v1.json")).value();
}

const core::Issue* find(const std::vector<core::Issue>& issues, const std::string& path) {
  for (const auto& i : issues) {
    if (i.path == path) return &i;
  }
  return nullptr;
}

Dossier complete_dossier(const core::Referential& ref) {
  Dossier d = core::make_dossier(ref);
  d.first_name = "Hélène";
  d.last_name = "Lefèvre";
  d.email = "helene.lefevre@example.gouv.fr";
  d.administration = "Direction interministérielle du numérique";
  d.status = "contractuel";
  d.position = "Intrapreneuse";
  d.startup_name = "Démarches simplifiées";
  d.incubator = "DINUM";
  d.startup_phase = "acceleration";
  d.startup_start = "2024-01-15";
  d.startup_site = "https://www.demarches-simplifiees.fr";
  d.role = "Intrapreneuse à temps plein";
  d.eligibility.periods.push_back({"2024-01-15", "", true, core::TimeKind::full});
  d.eligibility.investigation = true;
  d.eligibility.construction = true;
  for (auto& c : d.competencies) {
    c.evidence = "J'ai mené « 12 entretiens » — et d'autres choses…";
    c.piece_ids = {"interview_report"};
  }
  d.purposes = {"annual_review", "mobility"};
  for (auto& p : d.pieces) {
    const auto* spec = ref.piece(p.id);
    if (spec->takes_link() && !spec->takes_files()) p.url = "https://beta.gouv.fr/startups/ds.html";
    else p.files.push_back({"a-" + p.id, p.id + ".pdf", "application/pdf", "", "%PDF-1.7 ..."});
    p.description = "Pièce " + p.id;
  }
  return d;
}

} // namespace

TEST(UserDate, AcceptsIsoAndFrenchForms) {
  EXPECT_EQ(core::parse_user_date("2024-03-15"), (Date{2024, 3, 15}));
  EXPECT_EQ(core::parse_user_date("15/03/2024"), (Date{2024, 3, 15}));
  EXPECT_EQ(core::parse_user_date("1/7/2025"), (Date{2025, 7, 1}));
  EXPECT_EQ(core::parse_user_date(" 29.02.2024 "), (Date{2024, 2, 29}));
  EXPECT_EQ(core::parse_user_date("01-12-2023"), (Date{2023, 12, 1}));
  for (const char* bad : {"", "31/13/2024", "29/02/2023", "15/03/24", "2024/03/15", "15/03/20245", "1//2024",
                          "/03/2024", "15/03/2024/", "quinze mars", "15 03 2024", "123/03/2024"}) {
    EXPECT_FALSE(core::parse_user_date(bad)) << bad;
  }
  EXPECT_EQ(core::normalize_user_date(" 1/7/2025"), "2025-07-01");
  EXPECT_EQ(core::normalize_user_date(" 31/13/2025 "), "31/13/2025");
}

TEST(Dossier, MadeFromTheReferential) {
  const auto ref = referential();
  const Dossier d = core::make_dossier(ref);
  ASSERT_EQ(d.competencies.size(), ref.competencies.size());
  ASSERT_EQ(d.pieces.size(), 6u);
  EXPECT_EQ(d.pieces[0].id, "site");
  EXPECT_EQ(d.competencies.back().competency_id, "pitch");
}

TEST(Dossier, AnswersJsonRoundTripIsLossless) {
  const auto ref = referential();
  Dossier d = complete_dossier(ref);
  d.eligibility.periods.push_back({"31/13/2024", "", false, core::TimeKind::part});  // kept as typed
  d.eligibility.construction.reset();
  std::vector<core::Issue> issues;
  Dossier back = core::answers_from_json(core::answers_to_json(d), issues);
  EXPECT_TRUE(issues.empty());
  // Attachment bytes travel separately; the metadata comes back.
  for (std::size_t i = 0; i < d.pieces.size(); ++i) {
    for (std::size_t k = 0; k < d.pieces[i].files.size(); ++k) {
      EXPECT_TRUE(back.pieces[i].files[k].bytes.empty());
      back.pieces[i].files[k].bytes = d.pieces[i].files[k].bytes;
    }
  }
  EXPECT_EQ(back, d);
}

TEST(Dossier, UnreadableMembersAreReportedNotFatal) {
  std::vector<core::Issue> issues;
  const auto j = nlohmann::json::parse(R"({"identity": {"first_name": 3, "last_name": "X"},
      "eligibility": {"periods": [{"start": "2024-01-01", "end": null, "time": "weekly"}, 7]},
      "pieces": "nope"})");
  const Dossier d = core::answers_from_json(j, issues);
  EXPECT_EQ(d.last_name, "X");
  ASSERT_EQ(d.eligibility.periods.size(), 1u);
  EXPECT_NE(find(issues, "/identity/first_name"), nullptr);
  EXPECT_NE(find(issues, "/eligibility/periods/0/time"), nullptr);
  EXPECT_NE(find(issues, "/eligibility/periods/1"), nullptr);
  EXPECT_NE(find(issues, "/pieces"), nullptr);
}

TEST(Dossier, ACompleteDossierHasNoIssue) {
  const auto ref = referential();
  const auto issues = core::check_dossier(complete_dossier(ref), ref, Date{2026, 11, 28});
  for (const auto& i : issues) ADD_FAILURE() << i.path << " " << i.code << ": " << i.message;
}

TEST(Dossier, AnEmptyDossierListsWhatIsMissing) {
  const auto ref = referential();
  const auto issues = core::check_dossier(core::make_dossier(ref), ref, Date{2026, 11, 28});
  for (const char* path : {"/identity/first_name", "/identity/email", "/identity/status", "/startup/site",
                           "/eligibility/periods", "/eligibility/phases/investigation", "/competencies/0/evidence",
                           "/purposes/selected", "/pieces/0", "/pieces/5"}) {
    const auto* i = find(issues, path);
    ASSERT_NE(i, nullptr) << path;
    EXPECT_EQ(i->severity, core::Severity::warning) << path;
  }
  for (const auto& i : issues) EXPECT_EQ(i.severity, core::Severity::warning) << i.path << " " << i.code;
}

TEST(Dossier, MalformedValuesAreErrors) {
  const auto ref = referential();
  Dossier d = complete_dossier(ref);
  d.email = "helene@localhost";
  d.startup_site = "http://example.fr";
  d.status = "stagiaire";
  d.startup_start = "2027-01-01";
  d.pieces[0].url = "javascript:alert(1)";
  d.pieces[2].url = "https://example.fr/report";  // a file piece given as a link
  d.pieces[3].files.push_back(d.pieces[3].files.front());  // mockup takes several: fine
  d.pieces[4].files.push_back(d.pieces[4].files.front());  // investment table takes one
  d.eligibility.periods[0].start = "2027-02-01";
  const auto issues = core::check_dossier(d, ref, Date{2026, 11, 28});
  auto code_at = [&](const char* path) { const auto* i = find(issues, path); return i ? i->code : std::string("-"); };
  EXPECT_EQ(code_at("/identity/email"), "email_invalid");
  EXPECT_EQ(code_at("/startup/site"), "url_not_https");
  EXPECT_EQ(code_at("/identity/status"), "value_unknown");
  EXPECT_EQ(code_at("/startup/start_date"), "date_in_future");
  EXPECT_EQ(code_at("/pieces/0/url"), "url_not_https");
  EXPECT_EQ(code_at("/pieces/2/url"), "link_not_accepted");
  EXPECT_EQ(code_at("/pieces/3/files"), "-");
  EXPECT_EQ(code_at("/pieces/4/files"), "too_many_files");
  EXPECT_EQ(code_at("/eligibility/periods/0/start"), "eligibility.period_starts_after_reference");
}

TEST(Dossier, EveryCodeTheCheckReportsIsRegistered) {
  // Empty, malformed and over-large dossiers together meet every code; each is check_dossier's, the
  // eligibility reader's or the draft's (registered in core/base/issue_codes.hpp): the interface says each.
  const auto ref = referential();
  Dossier bad = complete_dossier(ref);
  bad.email = "x";
  bad.startup_site = "http://a.fr";
  bad.status = "stagiaire";
  bad.startup_start = "31/02/2024";
  bad.pieces[2].url = "https://example.fr/report";
  bad.pieces[4].files.push_back(bad.pieces[4].files.front());
  bad.competencies.push_back({"retired", "text", {"nope"}});
  bad.pieces[3].files.push_back({"big", "big.png", "image/png", "", std::string(151u << 20, 'x')});
  std::set<std::string> seen;
  for (const Dossier& d : {core::make_dossier(ref), bad}) {
    for (const auto& i : core::check_dossier(d, ref, Date{2026, 11, 28})) {
      seen.insert(i.code);
      const auto& own = core::dossier_check_codes();
      EXPECT_TRUE(std::binary_search(own.begin(), own.end(), i.code) || core::is_reader_issue_code(i.code)) << i.code;
    }
  }
  for (const char* c : {"missing", "email_invalid", "url_not_https", "value_unknown", "date_invalid", "link_not_accepted",
                        "too_many_files", "competency_unknown", "file_too_large", "dossier_too_large"}) {
    EXPECT_EQ(seen.count(c), 1u) << c;
  }
  EXPECT_TRUE(std::is_sorted(core::dossier_check_codes().begin(), core::dossier_check_codes().end()));
}

TEST(Dossier, SizeLimits) {
  const auto ref = referential();
  Dossier d = complete_dossier(ref);
  d.pieces[3].files.clear();
  for (int i = 0; i < 4; ++i) {
    d.pieces[3].files.push_back({"m" + std::to_string(i), "m.png", "image/png", "", std::string(40u << 20, 'x')});
  }
  const auto issues = core::check_dossier(d, ref, Date{2026, 11, 28});
  ASSERT_NE(find(issues, "/pieces"), nullptr);
  EXPECT_EQ(find(issues, "/pieces")->code, "dossier_too_large");
  const std::uint64_t pdf = std::string("%PDF-1.7 ...").size();  // the three other pieces' files
  EXPECT_EQ(core::attachments_size(d), 160ull * 1024 * 1024 + 3 * pdf);
}

TEST(Dossier, EmailAndUrlShapes) {
  for (const char* ok : {"a@b.fr", "prenom.nom@numerique.gouv.fr", "x+y@sub.domain.org"}) EXPECT_TRUE(core::is_email(ok)) << ok;
  for (const char* bad : {"", "a", "a@", "@b.fr", "a@b", "a@b.", "a@.fr", "a b@c.fr", "a@@b.fr", "a@b..fr"}) EXPECT_FALSE(core::is_email(bad)) << bad;
  for (const char* ok : {"https://beta.gouv.fr/startups/x.html", "https://a.fr", "https://a.fr?x=1#y"}) EXPECT_TRUE(core::is_https_url(ok)) << ok;
  for (const char* bad : {"", "http://a.fr", "https://", "https://localhost", "https://a.fr/<script>", "ftp://a.fr",
                          "javascript:alert(1)", "https://a.fr/ space", "HTTPS://A.FR"}) EXPECT_FALSE(core::is_https_url(bad)) << bad;
}

TEST(Dossier, ConformKeepsUnknownAnswersAndAddsMissingOnes) {
  const auto ref = referential();
  Dossier d;
  d.competencies.push_back({"retired_competency", "kept", {}});
  d.competencies.push_back({"pitch", "p", {}});
  core::conform_to(d, ref);
  ASSERT_EQ(d.competencies.size(), 8u);
  EXPECT_EQ(d.competencies.front().competency_id, "user_research");
  EXPECT_EQ(d.competencies[6].competency_id, "pitch");
  EXPECT_EQ(d.competencies[6].evidence, "p");
  EXPECT_EQ(d.competencies.back().competency_id, "retired_competency");
}

TEST(Dossier, ADraftOverTheLimitsIsKeptWholeAndSaidSo) {
  // A draft saved before the limits existed (or edited by hand): nothing is cut, every excess is named.
  const auto ref = referential();
  Dossier d = complete_dossier(ref);
  d.competencies[0].evidence = std::string(core::max_text_chars + 5, 'e');
  d.first_name = std::string(core::max_line_chars + 1, 'f');
  std::vector<core::Issue> reading;
  const Dossier back = core::answers_from_json(core::answers_to_json(d), reading);
  EXPECT_EQ(back.competencies[0].evidence, d.competencies[0].evidence);
  EXPECT_EQ(back.first_name, d.first_name);
  ASSERT_NE(find(reading, "/competencies/0/evidence"), nullptr);
  EXPECT_EQ(find(reading, "/competencies/0/evidence")->code, "dossier.too_long");
  EXPECT_EQ(find(reading, "/identity/first_name")->code, "dossier.too_long");
  // The review says it where the candidate edits it, as an error (the export would be refused).
  const auto issues = core::check_dossier(d, ref, Date{2026, 11, 28});
  for (const char* path : {"/competencies/0/evidence", "/identity/first_name"}) {
    const auto* i = find(issues, path);
    ASSERT_NE(i, nullptr) << path;
    EXPECT_EQ(i->code, "dossier.too_long") << path;
    EXPECT_EQ(i->severity, core::Severity::error) << path;
  }
  EXPECT_EQ(core::text_limit_issues(d).size(), 2u);
  EXPECT_TRUE(core::text_limit_issues(complete_dossier(ref)).empty());
  // At the limit exactly: fine, in characters rather than bytes.
  std::string accents;
  for (std::size_t i = 0; i < core::max_text_chars; ++i) accents += "à";
  d = complete_dossier(ref);
  d.purpose_detail = accents;
  EXPECT_TRUE(core::text_limit_issues(d).empty());
}

// The advised length of an evidence: one number for the guidance under its box and the review's advice;
// a short evidence is advice (a notice), never a gap (the dossier stays complete).
TEST(Dossier, ShortEvidenceIsAdvisedNotMissing) {
  const auto ref = referential();
  Dossier d = complete_dossier(ref);
  EXPECT_FALSE(core::evidence_short(""));  // blank: check_dossier says it is missing
  EXPECT_TRUE(core::evidence_short("x"));
  EXPECT_TRUE(core::evidence_short(std::string(core::advised_evidence_chars - 1, 'e')));
  EXPECT_FALSE(core::evidence_short(std::string(core::advised_evidence_chars, 'e')));
  // Counted in characters, not bytes: 299 "é" (598 bytes) are still short, 300 are not.
  std::string e299;
  for (std::size_t i = 0; i + 1 < core::advised_evidence_chars; ++i) e299 += "é";
  EXPECT_TRUE(core::evidence_short(e299));
  EXPECT_FALSE(core::evidence_short(e299 + "é"));

  // complete_dossier's evidences are short: every one is advised, and none makes the dossier incomplete.
  auto advice = core::evidence_advice(d, ref);
  ASSERT_EQ(advice.size(), d.competencies.size());
  EXPECT_EQ(advice[0].path, "/competencies/0/evidence");
  EXPECT_EQ(advice[0].code, "evidence_short");
  EXPECT_EQ(advice[0].severity, core::Severity::notice);
  EXPECT_TRUE(core::check_dossier(d, ref, Date{2026, 11, 28}).empty());

  // Long enough, or not written at all (then missing, not short): no advice.
  d.competencies[0].evidence = std::string(core::advised_evidence_chars, 'e');
  d.competencies[1].evidence.clear();
  advice = core::evidence_advice(d, ref);
  EXPECT_EQ(advice.size(), d.competencies.size() - 2);
  for (const auto& a : advice) EXPECT_NE(a.path, "/competencies/0/evidence");
  for (const auto& a : advice) EXPECT_NE(a.path, "/competencies/1/evidence");
  const auto issues = core::check_dossier(d, ref, Date{2026, 11, 28});
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].path, "/competencies/1/evidence");
  EXPECT_EQ(issues[0].code, "missing");

  // A competency the referential does not have is not advised on (check_dossier reports it).
  d.competencies[2].competency_id = "unknown";
  for (const auto& a : core::evidence_advice(d, ref)) EXPECT_NE(a.path, "/competencies/2/evidence");
}
