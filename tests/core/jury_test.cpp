// A jury of two: merging two jurors' records of one bundle (agree, differ), resolving, the jury decision
// refused while a difference is open, the refusals (other bundle, unknown programme, same juror twice,
// a single-assessor programme), and a v1 record read as one assessor.
#include "core/domain/jury.hpp"

#include "../source_files.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

using nlohmann::json;

namespace {

using test_files::read_asset;

std::vector<core::Programme> programmes() {
  std::vector<core::Programme> out;
  for (const char* id : {"rs3536", "rs6247"}) {
    auto p = core::parse_programme(read_asset(std::string("programmes/") + id + ".json"));
    EXPECT_TRUE(p.ok()) << id;
    if (p) out.push_back(*p);
  }
  return out;
}

core::Referential rs6247() {
  auto r = core::parse_referential(read_asset("referential/rs6247-v1.json"));
  EXPECT_TRUE(r.ok());
  return r.ok() ? *r : core::Referential{};
}

const std::string digest_1(64, 'a');
const std::string digest_2(64, 'b');

// One juror's record of the RS6247 bundle, every competency at `level` unless `levels` says otherwise.
core::Evaluation record(const std::string& juror, const std::string& role, std::vector<const char*> levels,
                        const std::string& digest = digest_1) {
  const core::Referential ref = rs6247();
  core::Evaluation e;
  e.bundle.digest = digest;
  e.bundle.exported_at = "2027-04-20T08:00:00Z";
  e.candidate = {"Camille", "Durand", "camille@example.org"};
  e.referential_id = ref.id;
  e.referential_version = ref.version;
  e.coach.name = juror;
  core::conform_to(e, ref);
  for (std::size_t i = 0; i < e.grid.size() && i < levels.size(); ++i) {
    if (levels[i]) e.grid[i].observed_level = std::string(levels[i]);
  }
  e.document = {{"programme", {{"id", "rs6247"}, {"version", 1}}}, {"juror", {{"name", juror}, {"role", role}}}};
  return e;
}

const std::vector<const char*> all_autonomous(8, "autonomous");

std::vector<const char*> with(std::vector<const char*> levels, std::size_t index, const char* level) {
  levels[index] = level;
  return levels;
}

core::Decision admis(const char* reasons = "") {
  core::Decision d;
  d.decision = core::DecisionKind::admis;
  d.reasons = reasons;
  d.date = core::Date{2027, 5, 20};
  d.recorded_at = "2027-05-20T15:00:00Z";
  return d;
}

} // namespace

TEST(Jury, AgreeingJurorsCanDecideAtOnce) {
  const auto a = record("Alex Martin", "portfolio_manager", all_autonomous);
  const auto b = record("Sam Bernard", "certified_intrapreneur", all_autonomous);
  auto m = core::merge_records(a, b, programmes());
  ASSERT_TRUE(m.ok()) << m.error().message;
  EXPECT_EQ(m->programme_id, "rs6247");
  EXPECT_EQ(m->comparisons.size(), 8u);
  for (const auto& c : m->comparisons) EXPECT_TRUE(c.agree) << c.competency_id;
  EXPECT_TRUE(m->open_differences().empty());
  EXPECT_TRUE(core::decide(m.value(), admis()).empty());
  const core::Evaluation jury = core::jury_record(*m);
  EXPECT_EQ(jury.decisions.size(), 1u);
  EXPECT_EQ(core::derive_status(jury), core::EvaluationStatus::admis);
  // The merged record is a valid v1 record that keeps both jurors, and reads back the same.
  const auto back = core::parse_evaluation(core::write_evaluation(jury));
  ASSERT_TRUE(back.ok()) << back.error().path << ": " << back.error().message;
  EXPECT_EQ(back->document["jury"]["jurors"][0]["name"], "Alex Martin");
  EXPECT_EQ(back->document["jury"]["jurors"][1]["role"], "certified_intrapreneur");
  EXPECT_EQ(back->document["jury"]["jurors"][1]["grid"].size(), 8u);
  // Its jury members are known to the evaluation reader: no notice calls them unknown.
  for (const core::Issue& i : back->issues) EXPECT_NE(i.code, "evaluation.member_unknown") << i.path;
  const auto juror_record = core::parse_evaluation(core::write_evaluation(a));
  ASSERT_TRUE(juror_record.ok());
  for (const core::Issue& i : juror_record->issues) EXPECT_NE(i.code, "evaluation.member_unknown") << i.path;
}

TEST(Jury, DifferencesAreShownAndMustBeResolvedBeforeTheDecision) {
  const auto a = record("Alex Martin", "portfolio_manager", with(all_autonomous, 2, "team"));
  const auto b = record("Sam Bernard", "certified_intrapreneur", with(with(all_autonomous, 5, nullptr), 2, "guided"));
  auto m = core::merge_records(a, b, programmes());
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->open_differences(), (std::vector<std::string>{"design_prioritisation", "deployment"}));
  EXPECT_EQ(m->comparisons[2].level_a, "team");
  EXPECT_EQ(m->comparisons[2].level_b, "guided");
  EXPECT_FALSE(m->comparisons[5].level_b);  // not assessed by the second juror: not an agreement

  auto refused = core::decide(m.value(), admis());
  ASSERT_EQ(refused.size(), 1u);
  EXPECT_EQ(refused[0].code, "jury.disagreement_unresolved");
  EXPECT_EQ(refused[0].path, "/grid/2");
  EXPECT_TRUE(m->decisions.empty());

  const core::Referential ref = rs6247();
  EXPECT_EQ(core::resolve(m.value(), "design_prioritisation", "nope", ref, "Alex Martin, Sam Bernard", "2027-05-20T14:00:00Z")[0].code,
            "jury.level_unknown");
  EXPECT_EQ(core::resolve(m.value(), "nope", "team", ref, "Alex Martin", "2027-05-20T14:00:00Z")[0].code, "jury.competency_unknown");
  EXPECT_EQ(core::resolve(m.value(), "deployment", "team", ref, " ", "2027-05-20T14:00:00Z")[0].code, "jury.resolver_missing");
  EXPECT_EQ(core::resolve(m.value(), "deployment", "team", ref, "Sam", "2027-05-20")[0].code, "jury.value_invalid");

  EXPECT_TRUE(core::resolve(m.value(), "design_prioritisation", "guided", ref, "Alex Martin, Sam Bernard", "2027-05-20T14:00:00Z").empty());
  EXPECT_TRUE(core::resolve(m.value(), "design_prioritisation", "team", ref, "Alex Martin, Sam Bernard", "2027-05-20T14:05:00Z").empty());
  EXPECT_EQ(m->retained("design_prioritisation"), "team");  // the later resolution; both kept in history
  EXPECT_EQ(core::decide(m.value(), admis())[0].path, "/grid/5");
  EXPECT_TRUE(core::resolve(m.value(), "deployment", "autonomous", ref, "Alex Martin, Sam Bernard", "2027-05-20T14:10:00Z").empty());
  EXPECT_TRUE(core::decide(m.value(), admis()).empty());

  const core::Evaluation jury = core::jury_record(*m);
  EXPECT_EQ(jury.grid[2].observed_level, "team");
  EXPECT_EQ(jury.grid[5].observed_level, "autonomous");
  const json doc = core::evaluation_document(jury);
  EXPECT_EQ(doc["jury"]["resolutions"].size(), 3u);
  EXPECT_EQ(doc["jury"]["resolutions"][0]["retained_level"], "guided");
  EXPECT_EQ(doc["jury"]["jurors"][0]["grid"][2]["observed_level"], "team");
  EXPECT_EQ(doc["jury"]["jurors"][1]["grid"][2]["observed_level"], "guided");

  const json report = core::merge_report(*m);
  EXPECT_EQ(report["open"], json::array());
  EXPECT_EQ(report["competencies"][2]["agree"], false);
  EXPECT_EQ(report["competencies"][2]["retained"], "team");
  EXPECT_EQ(report["decision"]["decision"], "admis");
}

TEST(Jury, AnAdjournmentNeedsReasonsAsForOneCoach) {
  auto m = core::merge_records(record("A", "portfolio_manager", all_autonomous),
                               record("B", "certified_intrapreneur", all_autonomous), programmes());
  ASSERT_TRUE(m.ok());
  core::Decision d = admis();
  d.decision = core::DecisionKind::ajourne;
  EXPECT_EQ(core::decide(m.value(), d)[0].code, "evaluation.reasons_missing");
  d.reasons = "Le financement n'a pas été démontré.";
  EXPECT_TRUE(core::decide(m.value(), d).empty());
}

TEST(Jury, RefusesRecordsOfDifferentBundles) {
  const auto m = core::merge_records(record("A", "portfolio_manager", all_autonomous),
                                     record("B", "certified_intrapreneur", all_autonomous, digest_2), programmes());
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().code, "jury.bundle_differs");
}

TEST(Jury, RefusesARecordOfAnUnknownProgramme) {
  auto b = record("B", "certified_intrapreneur", all_autonomous);
  b.document["programme"]["id"] = "rs9999";
  const auto m = core::merge_records(record("A", "portfolio_manager", all_autonomous), b, programmes());
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().code, "jury.programme_unknown");
  EXPECT_EQ(m.error().path, "/programme/id");
}

TEST(Jury, RefusesTheSameJurorTwice) {
  const auto m = core::merge_records(record("Alex Martin", "portfolio_manager", all_autonomous),
                                     record("Alex Martin", "certified_intrapreneur", all_autonomous), programmes());
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().code, "jury.same_juror");
}

TEST(Jury, AV1RecordIsOneAssessorAndASingleAssessorProgrammeDoesNotMerge) {
  // A record as RS3536's app writes it: no "programme", no "juror": its coach is its one assessor, its
  // programme the one of its referential.
  core::Evaluation v1;
  v1.bundle.digest = digest_1;
  v1.referential_id = "rs3536";
  v1.referential_version = 1;
  v1.coach.name = "Dominique Coach";
  EXPECT_EQ(core::juror_of(v1).name, "Dominique Coach");
  EXPECT_EQ(core::juror_of(v1).role, "");
  EXPECT_EQ(core::programme_of(v1, programmes()), "rs3536");
  core::Evaluation other = v1;
  other.coach.name = "Another Coach";
  const auto m = core::merge_records(v1, other, programmes());
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().code, "jury.not_a_jury");
  // And a v1 record without programme can still be one juror of an RS6247 jury (inferred from its referential).
  auto juror = record("Sam Bernard", "", all_autonomous);
  juror.document = json::object();
  juror.coach.name = "Sam Bernard";
  EXPECT_TRUE(core::merge_records(record("Alex Martin", "portfolio_manager", all_autonomous), juror, programmes()).ok());
}

TEST(Jury, AMergeKeptAsFilesReopensWithItsHistory) {
  const auto a = record("Alex Martin", "portfolio_manager", with(all_autonomous, 2, "team"));
  const auto b = record("Sam Bernard", "certified_intrapreneur", with(all_autonomous, 2, "guided"));
  auto m = core::merge_records(a, b, programmes());
  ASSERT_TRUE(m.ok());
  ASSERT_TRUE(core::resolve(m.value(), "design_prioritisation", "guided", rs6247(), "Alex Martin, Sam Bernard",
                            "2027-05-20T14:00:00Z").empty());
  ASSERT_TRUE(core::decide(m.value(), admis()).empty());
  const auto kept = core::parse_evaluation(core::write_evaluation(core::jury_record(*m)));
  ASSERT_TRUE(kept.ok());

  auto reopened = core::reopen_merge(a, b, *kept, programmes());
  ASSERT_TRUE(reopened.ok()) << reopened.error().path << ": " << reopened.error().message;
  EXPECT_EQ(reopened->resolutions.size(), 1u);
  EXPECT_EQ(reopened->retained("design_prioritisation"), "guided");
  ASSERT_EQ(reopened->decisions.size(), 1u);
  EXPECT_EQ(core::write_evaluation(core::jury_record(*reopened)), core::write_evaluation(core::jury_record(*m)));

  // A juror who changed their grid since: merged as it is now, the history kept.
  const auto b2 = record("Sam Bernard", "certified_intrapreneur", all_autonomous);
  auto now = core::reopen_merge(a, b2, *kept, programmes());
  ASSERT_TRUE(now.ok());
  EXPECT_FALSE(now->comparisons[2].agree);
  EXPECT_EQ(now->retained("design_prioritisation"), "guided");

  // A history of another bundle, or malformed, is refused with where.
  EXPECT_EQ(core::reopen_merge(record("A", "portfolio_manager", all_autonomous, digest_2),
                               record("B", "certified_intrapreneur", all_autonomous, digest_2), *kept, programmes())
                .error().code,
            "jury.bundle_differs");
  core::Evaluation bad = *kept;
  bad.document["jury"]["resolutions"][0]["recorded_at"] = "hier";
  const auto refused = core::reopen_merge(a, b, bad, programmes());
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "jury.value_invalid");
  EXPECT_EQ(refused.error().path, "/jury/resolutions/0/recorded_at");
  bad.document["jury"]["resolutions"] = "none";
  EXPECT_EQ(core::reopen_merge(a, b, bad, programmes()).error().code, "jury.type_mismatch");
}
