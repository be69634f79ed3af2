// Eligibility for a session: the calendar (default pattern, host's dated sessions), RS6247's rules at
// their boundaries (time in role up to the deadline, two sessions after leaving, declarations), and
// RS3536 answering per session with the verdict of that session's deadline.
#include "core/model/eligibility.hpp"
#include "core/model/programme.hpp"
#include "core/model/session.hpp"

#include "../source_files.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

using core::Date;
using core::EligibilityInput;
using core::Period;
using core::TimeKind;
using nlohmann::json;

namespace {

using test_files::read_asset;

core::Programme programme(const char* id) {
  auto p = core::parse_programme(read_asset(std::string("programmes/") + id + ".json"));
  EXPECT_TRUE(p.ok());
  return p.ok() ? *p : core::Programme{};
}

core::Ruleset ruleset(const char* file) {
  auto r = core::parse_ruleset(read_asset(std::string("rulesets/") + file));
  EXPECT_TRUE(r.ok());
  return r.ok() ? *r : core::Ruleset{};
}

Date day(const char* iso) {
  const auto d = core::parse_iso_date(iso);
  EXPECT_TRUE(d) << iso;
  return d.value_or(Date{});
}

// A candidate who declared everything RS6247 asks for.
EligibilityInput candidate(const char* today, std::vector<Period> periods) {
  EligibilityInput in;
  in.reference = day(today);
  in.periods = std::move(periods);
  in.phases = {true, true};
  in.declarations.acceleration = true;
  in.declarations.construction_steps = {"Investigation", "Construction du produit minimum viable"};
  return in;
}

Period full(const char* start, const char* end) { return Period{day(start), end ? std::optional<Date>(day(end)) : std::nullopt, TimeKind::full}; }
Period part(const char* start, const char* end) { return Period{day(start), end ? std::optional<Date>(day(end)) : std::nullopt, TimeKind::part}; }

struct Rs6247 : ::testing::Test {
  core::Programme prog = programme("rs6247");
  core::Ruleset rules = ruleset("rs6247-2025.json");
  core::Calendar cal = core::make_calendar(prog, {});

  core::SessionsEligibility next(const EligibilityInput& in, std::size_t n = 4) const {
    return core::evaluate_sessions(in, rules, cal, n);
  }
};

std::vector<std::string> ids(const core::SessionsEligibility& r) {
  std::vector<std::string> out;
  for (const auto& v : r.sessions) out.push_back(v.session.id);
  return out;
}

std::vector<bool> verdicts(const core::SessionsEligibility& r) {
  std::vector<bool> out;
  for (const auto& v : r.sessions) out.push_back(v.result.eligible);
  return out;
}

} // namespace

// --- calendar ----------------------------------------------------------------------------------------

TEST_F(Rs6247, ThePatternGivesMayAndDecemberWithTheirDeadlinesToBeConfirmed) {
  const auto s = core::sessions_after(cal, day("2026-12-02"), 3);
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0].id, "2027-05");
  EXPECT_EQ(s[0].dossier_deadline, day("2027-04-30"));
  EXPECT_EQ(s[0].interviews_from, day("2027-05-01"));
  EXPECT_EQ(s[0].interviews_to, day("2027-05-31"));
  EXPECT_TRUE(s[0].to_be_confirmed);
  EXPECT_EQ(s[0].label.fr, "Session de mai 2027");
  EXPECT_EQ(s[0].label.en, "May 2027 session");
  EXPECT_EQ(s[1].id, "2027-12");
  EXPECT_EQ(s[1].dossier_deadline, day("2027-11-30"));
  EXPECT_EQ(s[2].id, "2028-05");
  // A deadline on the very day: that session is no longer "after" it.
  EXPECT_EQ(core::sessions_after(cal, day("2027-04-30"), 1)[0].id, "2027-12");
  EXPECT_EQ(core::sessions_after(cal, day("2027-04-29"), 1)[0].id, "2027-05");
}

TEST_F(Rs6247, HostSessionsReplaceThePatternFromTheFirstOfThem) {
  const auto host = core::read_sessions(json::parse(R"([
    {"id": "dec-2027", "label": {"fr": "Promotion de décembre 2027", "en": "December 2027 intake"},
     "dossier_deadline": "2027-11-15", "interviews_from": "2027-12-01", "interviews_to": "2027-12-19"},
    {"id": "mai-2028", "label": {"fr": "Promotion de mai 2028"}, "dossier_deadline": "2028-04-10"}])"));
  ASSERT_TRUE(host.ok());
  const core::Calendar c = core::make_calendar(prog, *host);
  const auto s = core::sessions_after(c, day("2026-12-02"), 4);
  ASSERT_EQ(s.size(), 3u);  // the pattern before the host's first session, then only the host's
  EXPECT_EQ(s[0].id, "2027-05");
  EXPECT_TRUE(s[0].to_be_confirmed);
  EXPECT_EQ(s[1].id, "dec-2027");
  EXPECT_FALSE(s[1].to_be_confirmed);
  EXPECT_EQ(s[2].id, "mai-2028");
  EXPECT_EQ(core::find_session(c, "dec-2027", day("2026-12-02"))->dossier_deadline, day("2027-11-15"));
  EXPECT_FALSE(core::find_session(c, "2027-12", day("2026-12-02")));
}

TEST(Sessions, HostSessionsAreCheckedAtTheirPaths) {
  const auto r = core::read_sessions(json::parse(R"([
    {"id": "a", "label": {"fr": "A"}, "dossier_deadline": "2027-02-30"},
    {"id": "a", "label": {"fr": "B"}, "dossier_deadline": "2027-05-01", "interviews_from": "2027-05-01"},
    {"id": "c", "label": {"fr": "C"}, "dossier_deadline": "2027-06-01", "interviews_from": "2027-06-10",
     "interviews_to": "2027-06-09"}])"),
                                     "/sessions");
  ASSERT_FALSE(r.ok());
  std::vector<std::pair<std::string, std::string>> got;
  for (const auto& i : r.issues()) got.emplace_back(i.path, i.code);
  EXPECT_EQ(got, (std::vector<std::pair<std::string, std::string>>{
                     {"/sessions/0/dossier_deadline", "session.value_invalid"},
                     {"/sessions/1/id", "session.duplicate_id"},
                     {"/sessions/1/interviews_from", "session.interviews_before_deadline"},
                     {"/sessions/2/interviews_to", "session.interviews_order"}}));
  EXPECT_FALSE(core::read_sessions(json::object()).ok());
}

// --- recency: two successive sessions after leaving --------------------------------------------------

TEST_F(Rs6247, LeavingOnTheDayOfADeadlineCountsAsInTheRoleForThatSession) {
  const auto r = next(candidate("2026-06-01", {full("2025-01-01", "2026-11-30")}));
  EXPECT_EQ(ids(r), (std::vector<std::string>{"2026-12", "2027-05", "2027-12", "2028-05"}));
  EXPECT_EQ(verdicts(r), (std::vector<bool>{true, true, true, false}));
  EXPECT_TRUE(r.sessions[0].in_role);
  EXPECT_EQ(r.sessions[1].after_leaving, 1);
  EXPECT_EQ(r.sessions[2].after_leaving, 2);
  EXPECT_EQ(r.sessions[3].after_leaving, 3);  // the third session after leaving is refused
  EXPECT_EQ(r.sessions[3].reasons, (std::vector<std::string>{"recency"}));
  ASSERT_TRUE(r.apply_until);
  EXPECT_EQ(r.apply_until->id, "2027-12");
  EXPECT_EQ(r.eligible_from->id, "2026-12");
}

TEST_F(Rs6247, LeavingTheDayAfterADeadlineKeepsThatSessionInTheRole) {
  const auto r = next(candidate("2026-06-01", {full("2025-01-01", "2026-12-01")}));
  EXPECT_TRUE(r.sessions[0].in_role);  // 2026-12, deadline 2026-11-30
  EXPECT_EQ(verdicts(r), (std::vector<bool>{true, true, true, false}));
  EXPECT_EQ(r.apply_until->id, "2027-12");
}

TEST_F(Rs6247, LeavingTheDayBeforeADeadlineMakesThatSessionTheFirstAfter) {
  const auto r = next(candidate("2026-06-01", {full("2025-01-01", "2026-11-29")}));
  EXPECT_FALSE(r.sessions[0].in_role);
  EXPECT_EQ(r.sessions[0].after_leaving, 1);
  EXPECT_EQ(verdicts(r), (std::vector<bool>{true, true, false, false}));
  EXPECT_EQ(r.apply_until->id, "2027-05");
}

TEST_F(Rs6247, SessionsSinceLeavingCountEvenBeforeTheReferenceDate) {
  // Left in March 2026; today is mid-2026: May 2026 was the first session after leaving.
  const auto r = next(candidate("2026-07-01", {full("2024-01-01", "2026-03-15")}));
  EXPECT_EQ(ids(r)[0], "2026-12");
  EXPECT_EQ(r.sessions[0].after_leaving, 2);
  EXPECT_EQ(verdicts(r), (std::vector<bool>{true, false, false, false}));
  EXPECT_EQ(r.apply_until->id, "2026-12");
}

TEST_F(Rs6247, StillInTheRoleHasNoLastSessionYet) {
  const auto r = next(candidate("2026-06-01", {full("2025-01-01", nullptr)}));
  EXPECT_EQ(verdicts(r), (std::vector<bool>{true, true, true, true}));
  EXPECT_FALSE(r.apply_until);
  for (const auto& v : r.sessions) EXPECT_TRUE(v.in_role);
}

// --- time in role, counted up to the deadline ---------------------------------------------------------

TEST_F(Rs6247, ExactlySixMonthsEquivalentOnTheDeadline) {
  // 180 days ending on the deadline 2026-11-30 (inclusive) start on 2026-06-04.
  const Date start = core::add_days(day("2026-11-30"), -179);
  EXPECT_EQ(start, day("2026-06-04"));
  auto in = candidate("2026-07-01", {Period{start, std::nullopt, TimeKind::full}});
  auto r = next(in, 1);
  EXPECT_TRUE(r.sessions[0].result.eligible);
  EXPECT_EQ(r.sessions[0].result.duration.full_time_days, 180);
  // One day later: not enough for December; the open period, projected, is enough for May.
  in.periods[0].start = core::add_days(start, 1);
  r = next(in, 2);
  EXPECT_EQ(verdicts(r), (std::vector<bool>{false, true}));
  EXPECT_EQ(r.sessions[0].reasons, (std::vector<std::string>{"duration"}));
  EXPECT_EQ(r.sessions[0].result.duration.met_on, day("2026-12-01"));
  EXPECT_EQ(r.eligible_from->id, "2027-05");
}

TEST_F(Rs6247, TwelveMonthsPartTimeAcrossTheTwentyNinthOfFebruary) {
  // 360 part-time days ending on the deadline 2028-04-30, through 2028-02-29.
  const Date start = core::add_days(day("2028-04-30"), -359);
  EXPECT_EQ(start, day("2027-05-07"));
  auto in = candidate("2027-06-01", {Period{start, std::nullopt, TimeKind::part}});
  auto r = next(in, 2);
  EXPECT_EQ(ids(r), (std::vector<std::string>{"2027-12", "2028-05"}));
  EXPECT_EQ(verdicts(r), (std::vector<bool>{false, true}));
  EXPECT_EQ(r.sessions[1].result.duration.part_time_days, 360);
  EXPECT_EQ(r.sessions[1].result.duration.equivalent_days, 180.0);
  in.periods[0].start = core::add_days(start, 1);
  EXPECT_FALSE(next(in, 2).sessions[1].result.eligible);
}

TEST_F(Rs6247, PartTimeAndFullTimeMixed) {
  // 90 days full-time (2026-01-01..2026-03-31) + 180 days part-time = 180 equivalent days.
  auto in = candidate("2026-10-01", {full("2026-01-01", "2026-03-31"), part("2026-04-01", "2026-09-27")});
  auto r = next(in, 1);
  EXPECT_EQ(r.sessions[0].result.duration.full_time_days, 90);
  EXPECT_EQ(r.sessions[0].result.duration.part_time_days, 180);
  EXPECT_TRUE(r.sessions[0].result.eligible);
  in.periods[1].end = day("2026-09-26");
  EXPECT_FALSE(next(in, 1).sessions[0].result.eligible);
}

TEST_F(Rs6247, AnOpenPeriodIsProjectedToAFutureSession) {
  const auto r = next(candidate("2026-12-02", {full("2026-10-01", nullptr)}), 3);
  EXPECT_EQ(ids(r), (std::vector<std::string>{"2027-05", "2027-12", "2028-05"}));
  EXPECT_EQ(verdicts(r), (std::vector<bool>{true, true, true}));  // 2026-10-01..2027-04-30 = 212 days
  const auto short_one = next(candidate("2026-12-02", {full("2026-11-15", nullptr)}), 2);
  EXPECT_EQ(verdicts(short_one), (std::vector<bool>{false, true}));  // 167 days by 2027-04-30
  EXPECT_EQ(short_one.eligible_from->id, "2027-12");
}

// --- declarations ------------------------------------------------------------------------------------

TEST_F(Rs6247, ANumaHolderIsNotEligible) {
  auto in = candidate("2026-06-01", {full("2025-01-01", nullptr)});
  in.declarations.holds_rs3536 = true;
  const auto r = next(in, 1);
  EXPECT_FALSE(r.sessions[0].result.eligible);
  EXPECT_EQ(r.sessions[0].reasons, (std::vector<std::string>{"rs3536_holder"}));
  EXPECT_TRUE(r.sessions[0].result.declarations.holds_rs3536);  // shown to the jury as declared
  EXPECT_FALSE(r.eligible_from);
}

TEST_F(Rs6247, AccelerationAndConstructionStepsAreRequired) {
  auto in = candidate("2026-06-01", {full("2025-01-01", nullptr)});
  in.declarations.acceleration = false;
  in.declarations.construction_steps.clear();
  const auto r = next(in, 1);
  EXPECT_EQ(r.sessions[0].reasons, (std::vector<std::string>{"acceleration", "construction_steps"}));
  // An RS3536 input (no declarations) is not eligible under RS6247, and says why.
  EXPECT_FALSE(core::evaluate(in, rules).eligible);
}

TEST(Declarations, ReadFromTheJsonFormAndIgnoredByRs3536) {
  const auto in = core::parse_eligibility_input(R"({"reference_date": "2026-06-01",
    "periods": [{"start": "2025-01-01", "end": null, "time": "full"}],
    "phases": {"investigation": true, "construction": true},
    "declarations": {"acceleration": true, "holds_rs3536": true, "construction_steps": ["MVP", "Test"]}})");
  ASSERT_TRUE(in.ok());
  EXPECT_TRUE(in->declarations.acceleration);
  EXPECT_TRUE(in->declarations.holds_rs3536);
  EXPECT_EQ(in->declarations.construction_steps, (std::vector<std::string>{"MVP", "Test"}));
  const auto rs3536 = core::evaluate(*in, ruleset("rs3536-2020.json"));
  EXPECT_TRUE(rs3536.eligible);
  EXPECT_FALSE(core::to_json(rs3536)["criteria"].contains("declarations"));
  const auto bad = core::parse_eligibility_input(R"({"reference_date": "2026-06-01", "periods": [],
    "phases": {"investigation": true, "construction": true}, "declarations": {"acceleration": "yes"}})");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().path, "/declarations/acceleration");
  EXPECT_EQ(bad.error().code, "eligibility.type_mismatch");
}

// --- RS3536 per session: the verdict of the deadline ---------------------------------------------------

TEST(Rs3536, PerSessionIsTheVerdictOnTheDeadline) {
  const core::Programme prog = programme("rs3536");
  const core::Ruleset rules = ruleset("rs3536-2020.json");
  // Left on 2028-02-29: the anniversary is 2029-02-28, the last day to apply 2029-02-27.
  const auto host = core::read_sessions(json::parse(R"([
    {"id": "s1", "label": {"fr": "S1"}, "dossier_deadline": "2029-02-27"},
    {"id": "s2", "label": {"fr": "S2"}, "dossier_deadline": "2029-02-28"}])"));
  ASSERT_TRUE(host.ok());
  const core::Calendar cal = core::make_calendar(prog, *host);
  EligibilityInput in;
  in.reference = day("2028-06-01");
  in.periods = {full("2027-01-01", "2028-02-29")};
  in.phases = {true, true};
  const auto r = core::evaluate_sessions(in, rules, cal, 5);
  EXPECT_EQ(ids(r), (std::vector<std::string>{"s1", "s2"}));
  EXPECT_EQ(verdicts(r), (std::vector<bool>{true, false}));
  EXPECT_EQ(r.apply_until->id, "s1");
  for (const auto& v : r.sessions) {
    EligibilityInput at = in;
    at.reference = v.session.dossier_deadline;
    EXPECT_EQ(core::to_json(core::evaluate(at, rules)), core::to_json(v.result)) << v.session.id;
  }
  // No default calendar for RS3536: without host sessions there is no session to list.
  EXPECT_TRUE(core::evaluate_sessions(in, rules, core::make_calendar(prog, {}), 3).sessions.empty());
}

TEST_F(Rs6247, TheJsonFormOfTheVerdicts) {
  const auto r = next(candidate("2026-06-01", {full("2025-01-01", "2026-11-29")}), 3);
  const json j = core::to_json(r);
  EXPECT_EQ(j["ruleset"], "rs6247-2025");
  EXPECT_EQ(j["apply_until"]["id"], "2027-05");
  EXPECT_EQ(j["eligible_from"]["id"], "2026-12");
  EXPECT_EQ(j["sessions"][0]["after_leaving"], 1);
  EXPECT_EQ(j["sessions"][2]["reasons"], json::array({"recency"}));
  EXPECT_EQ(j["sessions"][0]["criteria"]["declarations"]["construction_steps"], 2);
  EXPECT_EQ(j["sessions"][0]["session"]["dossier_deadline"], "2026-11-30");
  EXPECT_EQ(j["sessions"][0]["session"]["to_be_confirmed"], true);
}
