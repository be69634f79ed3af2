// A jury of two: reading who a record is from, merging two records, resolving differences, the decision.
#include "core/domain/jury.hpp"

#include "core/codecs/json_reader.hpp"

#include <algorithm>

namespace core {

using nlohmann::json;

namespace {

Issue jury_error(std::string what, std::string path, std::string message) {
  return Issue{Severity::error, "jury." + what, std::move(path), std::move(message)};
}

// A string member of an object member of the record's document, or "".
std::string member_text(const Evaluation& e, const char* object, const char* name) {
  const auto o = e.document.is_object() ? e.document.find(object) : e.document.end();
  if (!e.document.is_object() || o == e.document.end() || !o->is_object()) return std::string();
  const auto v = o->find(name);
  if (v == o->end()) return std::string();
  const std::string* s = v->get_ptr<const std::string*>();
  return s ? *s : std::string();
}

bool blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

bool is_timestamp(std::string_view t) {
  // "YYYY-MM-DDThh:mm:ssZ", a real day and time.
  if (t.size() != 20 || t[10] != 'T' || t[13] != ':' || t[16] != ':' || t[19] != 'Z') return false;
  if (!parse_iso_date(t.substr(0, 10))) return false;
  const auto two = [&](std::size_t at, int max) {
    if (t[at] < '0' || t[at] > '9' || t[at + 1] < '0' || t[at + 1] > '9') return false;
    return (t[at] - '0') * 10 + (t[at + 1] - '0') <= max;
  };
  return two(11, 23) && two(14, 59) && two(17, 59);
}

JurorRecord side(const Evaluation& e) {
  JurorRecord r;
  r.juror = juror_of(e);
  r.grid = e.grid;
  if (const Decision* d = current_decision(e)) r.proposal = *d;
  return r;
}

// A record's grid and decisions in their file form, reusing the record writer.
json grid_json(const std::vector<GridEntry>& grid) {
  Evaluation e;
  e.grid = grid;
  return evaluation_document(e)["grid"];
}

json decision_json(const Decision& d) {
  Evaluation e;
  e.decisions = {d};
  return evaluation_document(e)["decisions"][0];
}

} // namespace

Juror juror_of(const Evaluation& record) {
  Juror j{member_text(record, "juror", "name"), member_text(record, "juror", "role")};
  if (j.name.empty()) j = Juror{record.coach.name, std::string()};
  return j;
}

std::optional<std::string> programme_of(const Evaluation& record, const std::vector<Programme>& programmes) {
  const std::string named = member_text(record, "programme", "id");
  for (const Programme& p : programmes) {
    if (named.empty() ? p.referential.id == record.referential_id && p.referential.version == record.referential_version
                      : p.id == named) {
      return p.id;
    }
  }
  return std::nullopt;
}

std::optional<std::string> JuryMerge::retained(std::string_view competency_id) const {
  for (const CompetencyComparison& c : comparisons) {
    if (c.competency_id == competency_id && c.agree) return c.level_a;
  }
  std::optional<std::string> level;
  for (const Resolution& r : resolutions) {
    if (r.competency_id == competency_id) level = r.retained_level;
  }
  return level;
}

std::vector<std::string> JuryMerge::open_differences() const {
  std::vector<std::string> open;
  for (const CompetencyComparison& c : comparisons) {
    if (!retained(c.competency_id)) open.push_back(c.competency_id);
  }
  return open;
}

Result<JuryMerge> merge_records(const Evaluation& a, const Evaluation& b, const std::vector<Programme>& programmes) {
  std::vector<Issue> issues;
  if (a.bundle.digest != b.bundle.digest) {
    issues.push_back(jury_error("bundle_differs", "/bundle/digest",
                                "The two records are about different bundles (digests " + a.bundle.digest.substr(0, 12) +
                                    "… and " + b.bundle.digest.substr(0, 12) + "…); expected two records of the same bundle."));
  }
  const auto pa = programme_of(a, programmes);
  const auto pb = programme_of(b, programmes);
  for (const auto* p : {&pa, &pb}) {
    if (!*p) {
      const Evaluation& e = p == &pa ? a : b;
      const std::string named = member_text(e, "programme", "id");
      issues.push_back(jury_error("programme_unknown", named.empty() ? "/referential" : "/programme/id",
                                  std::string(p == &pa ? "The first" : "The second") + " record is for " +
                                      (named.empty() ? "referential \"" + e.referential_id + "\"" : "programme \"" + named + "\"") +
                                      ", which no known programme uses."));
    }
  }
  if (pa && pb && *pa != *pb) {
    issues.push_back(jury_error("programme_differs", "/programme/id",
                                "The records are for different programmes (" + *pa + " and " + *pb + ")."));
  }
  if (pa && pb && *pa == *pb) {
    for (const Programme& p : programmes) {
      if (p.id == *pa && p.assessor_count < 2) {
        issues.push_back(jury_error("not_a_jury", "/programme/id",
                                    "Programme " + p.id + " has a single assessor: its records are not merged."));
      }
    }
  }
  const Juror ja = juror_of(a), jb = juror_of(b);
  if (blank(ja.name) || blank(jb.name)) {
    issues.push_back(jury_error("same_juror", "/juror/name", "A record names no juror; expected each record to name its juror."));
  } else if (ja.name == jb.name) {
    issues.push_back(jury_error("same_juror", "/juror/name",
                                "Both records are by " + detail::quoted(ja.name) + "; expected the records of two different jurors."));
  }
  if (!issues.empty()) return issues;

  JuryMerge m;
  m.programme_id = *pa;
  m.base = a;
  m.a = side(a);
  m.b = side(b);
  for (const GridEntry& ga : a.grid) {
    CompetencyComparison c;
    c.competency_id = ga.competency_id;
    c.level_a = ga.observed_level;
    if (const GridEntry* gb = find_grid_entry(b, ga.competency_id)) c.level_b = gb->observed_level;
    c.agree = c.level_a && c.level_b && *c.level_a == *c.level_b;
    m.comparisons.push_back(std::move(c));
  }
  for (const GridEntry& gb : b.grid) {  // competencies only the second record has
    if (!find_grid_entry(a, gb.competency_id)) m.comparisons.push_back({gb.competency_id, std::nullopt, gb.observed_level, false});
  }
  return m;
}

std::vector<Issue> resolve(JuryMerge& m, std::string_view competency_id, std::string_view level,
                           const Referential& referential, std::string by, std::string recorded_at) {
  std::vector<Issue> issues;
  const auto c = std::find_if(m.comparisons.begin(), m.comparisons.end(),
                              [&](const CompetencyComparison& x) { return x.competency_id == competency_id; });
  if (c == m.comparisons.end()) {
    issues.push_back(jury_error("competency_unknown", "/grid", "The competency " + detail::quoted(competency_id) + " is not in the grid."));
  }
  if (!referential.level(level)) {
    issues.push_back(jury_error("level_unknown", "/jury/resolutions",
                                "The level " + detail::quoted(level) + " is not one of the referential's levels."));
  }
  if (blank(by)) issues.push_back(jury_error("resolver_missing", "/jury/resolutions", "Who retained the level is missing; expected the jurors' names."));
  if (!is_timestamp(recorded_at)) {
    issues.push_back(jury_error("value_invalid", "/jury/resolutions",
                                "The time " + detail::quoted(recorded_at) + " is not YYYY-MM-DDThh:mm:ssZ."));
  }
  if (!issues.empty()) return issues;
  m.resolutions.push_back({std::string(competency_id), std::string(level), std::move(by), std::move(recorded_at)});
  return issues;
}

std::vector<Issue> decide(JuryMerge& m, Decision decision) {
  const auto open = m.open_differences();
  if (!open.empty()) {
    std::size_t index = 0;
    for (std::size_t i = 0; i < m.comparisons.size(); ++i) {
      if (m.comparisons[i].competency_id == open.front()) index = i;
    }
    const std::size_t more = open.size() - 1;
    return {jury_error("disagreement_unresolved", "/grid/" + std::to_string(index),
                       "The jurors' levels for " + detail::quoted(open.front()) + " are not settled" +
                           (more ? " (and " + std::to_string(more) + " more)" : std::string()) +
                           "; record which level is retained before the jury decision.")};
  }
  Evaluation scratch;  // record_decision's checks (reasons for ajourne, dates) on the jury's history
  scratch.decisions = m.decisions;
  auto issues = record_decision(scratch, std::move(decision));
  if (issues.empty()) m.decisions = std::move(scratch.decisions);
  return issues;
}

Evaluation jury_record(const JuryMerge& m) {
  Evaluation e = m.base;
  e.coach = Coach{m.a.juror.name, m.base.coach.organisation, m.base.coach.email};
  for (GridEntry& g : e.grid) g.observed_level = m.retained(g.competency_id);
  e.decisions = m.decisions;
  json jurors = json::array();
  for (const JurorRecord* r : {&m.a, &m.b}) {
    jurors.push_back({{"name", r->juror.name},
                      {"role", r->juror.role},
                      {"grid", grid_json(r->grid)},
                      {"proposal", r->proposal ? decision_json(*r->proposal) : json(nullptr)}});
  }
  json resolutions = json::array();
  for (const Resolution& r : m.resolutions) {
    resolutions.push_back({{"competency", r.competency_id}, {"retained_level", r.retained_level}, {"by", r.by}, {"recorded_at", r.recorded_at}});
  }
  if (!e.document.is_object()) e.document = json::object();
  e.document["jury"] = {{"jurors", std::move(jurors)}, {"resolutions", std::move(resolutions)}};
  e.document["programme"] = {{"id", m.programme_id}};
  e.document.erase("juror");
  return e;
}

Result<JuryMerge> reopen_merge(const Evaluation& a, const Evaluation& b, const Evaluation& kept,
                               const std::vector<Programme>& programmes) {
  auto merged = merge_records(a, b, programmes);
  if (!merged) return merged;
  JuryMerge m = std::move(merged).value();
  if (kept.bundle.digest != a.bundle.digest) {
    return std::vector<Issue>{jury_error("bundle_differs", "/bundle/digest",
                                         "The jury's record kept is about another bundle (digest " +
                                             kept.bundle.digest.substr(0, 12) + "…); expected the record of this bundle.")};
  }
  // The history, read as strictly as a file: the record kept may come from storage or another tool.
  std::vector<Issue> issues;
  ReaderRules rules("jury", ReaderRules::Integers::count);
  rules.report_unknown = false;
  JsonReader r(rules, issues);
  const json empty = json::object();
  JsonObject root = r.root(kept.document.is_object() ? kept.document : empty, "a jury's record");
  if (JsonObject jury = root.object("jury", optional)) {
    JsonArray list = jury.array("resolutions", optional, max_decisions);
    for (std::size_t i = 0; i < list.size(); ++i) {
      JsonObject x = list.object(i, "an object (a resolution)");
      if (!x) continue;
      const std::string* competency = x.string("competency", required, max_line_chars, true);
      const std::string* level = x.string("retained_level", required, max_line_chars, true);
      const std::string* by = x.string("by", required, max_line_chars, true);
      const std::string* at = x.string("recorded_at");
      if (at && !is_timestamp(*at)) {
        issues.push_back(jury_error("value_invalid", x.path("recorded_at"), "The time " + detail::quoted(*at) + " is not YYYY-MM-DDThh:mm:ssZ."));
      }
      if (competency && level && by && at) m.resolutions.push_back({*competency, *level, *by, *at});
    }
  }
  if (has_errors(issues)) return issues;
  m.decisions = kept.decisions;
  return m;
}

json merge_report(const JuryMerge& m) {
  const auto level = [](const std::optional<std::string>& l) { return l ? json(*l) : json(nullptr); };
  json competencies = json::array();
  for (const CompetencyComparison& c : m.comparisons) {
    competencies.push_back({{"competency", c.competency_id}, {"a", level(c.level_a)}, {"b", level(c.level_b)},
                            {"agree", c.agree}, {"retained", level(m.retained(c.competency_id))}});
  }
  json jurors = json::array();
  for (const JurorRecord* r : {&m.a, &m.b}) {
    jurors.push_back({{"name", r->juror.name}, {"role", r->juror.role},
                      {"proposal", r->proposal ? decision_json(*r->proposal) : json(nullptr)}});
  }
  return {{"programme", m.programme_id},
          {"bundle", m.base.bundle.digest},
          {"jurors", std::move(jurors)},
          {"competencies", std::move(competencies)},
          {"open", m.open_differences()},
          {"decision", m.decisions.empty() ? json(nullptr) : decision_json(m.decisions.back())}};
}

} // namespace core
