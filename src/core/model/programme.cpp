// Programme files: reading and checking them, loading a programme with its referential and ruleset, and
// telling which programme a document belongs to.
#include "core/model/programme.hpp"

#include "core/model/data_reader.hpp"
#include "core/codecs/json_reader.hpp"
#include "core/codecs/json_strict.hpp"

#include <algorithm>
#include <set>

namespace core {

namespace {

using nlohmann::json;

constexpr const char* programme_format = "certif-intra/programme";
constexpr std::int32_t programme_format_version = 1;
constexpr std::int64_t max_small = 1000000;

// The programme is the app's own data; unknown members (notes) are ignored, as in a referential.
ReaderRules programme_rules() {
  ReaderRules rules("programme", ReaderRules::Integers::integer, ReaderLimits{20000, 1000, 1ull << 20});
  rules.report_unknown = false;
  return rules;
}

std::int32_t small(JsonObject& o, const char* name, std::int64_t low) {
  return static_cast<std::int32_t>(o.integer(name, low, max_small).value_or(0));
}

VersionedId versioned(JsonObject& o, const char* name) {
  VersionedId v;
  JsonObject ref = o.object(name, required, "an object {\"id\", \"version\"}");
  v.id = read_nonempty(ref, "id");
  v.version = small(ref, "version", 1);
  return v;
}

// Every fact names its source: checked once all sources are read (the list comes last in the file).
struct SourceRef {
  std::string id;
  std::string path;
};

std::string source_of(JsonObject& o, std::vector<SourceRef>& refs) {
  std::string id = read_nonempty(o, "source");
  refs.push_back({id, o.path("source")});
  return id;
}

bool is_mode(std::string_view m) { return m == "phone" || m == "video" || m == "in_person"; }

} // namespace

const ProgrammeSource* Programme::source(std::string_view source_id) const noexcept { return find_by_id(sources, source_id); }

const AssessorRole* Programme::role(std::string_view role_id) const noexcept { return find_by_id(assessor_roles, role_id); }

bool Programme::answer_delay_agreed() const noexcept {
  return std::all_of(answer_delays.begin(), answer_delays.end(),
                     [&](const AnswerDelay& d) { return d.months == answer_delays.front().months; });
}

Result<Programme> parse_programme(std::string_view json_text) noexcept {
  auto parsed = parse_json_strict(json_text);
  if (!parsed) return parsed.issues();
  std::vector<Issue> issues;
  JsonReader r(programme_rules(), issues);
  if (!read_format_header(r, *parsed, FormatHeader{programme_format, "a certif-intra programme", "not_a_programme",
                                                   programme_format_version})) {
    return issues;
  }
  Programme p;
  std::vector<SourceRef> refs;
  JsonObject doc = r.root(*parsed, "a programme, a JSON object");
  p.id = read_nonempty(doc, "id");
  p.version = small(doc, "version", 1);

  if (JsonObject c = doc.object("certification")) {
    p.title = read_localized(c, "title");
    p.rs_code = read_nonempty(c, "rs_code");
    p.official_page = c.string_or_empty("official_page", optional);
    p.certification_source = source_of(c, refs);
  }
  if (JsonObject c = doc.object("certifier")) {
    p.certifier_short = read_nonempty(c, "short_name");
    p.certifier_long = read_localized(c, "long_name");
    p.certifier_source = source_of(c, refs);
  }
  p.referential = versioned(doc, "referential");
  p.ruleset = versioned(doc, "ruleset");

  if (JsonObject a = doc.object("assessment")) {
    if (JsonObject who = a.object("assessors")) {
      p.assessor_count = small(who, "count", 1);
      JsonArray roles = who.array("roles", required, 10);
      std::set<std::string> ids;
      for (std::size_t i = 0; i < roles.size(); ++i) {
        JsonObject o = roles.object(i, "a role, an object {\"id\", \"label\"}");
        if (!o) continue;
        AssessorRole role{read_nonempty(o, "id"), read_localized(o, "label")};
        if (!role.id.empty() && !ids.insert(role.id).second) {
          r.error("duplicate_id", o.path("id"), "The role id \"" + role.id + "\" appears twice; expected each role once.");
        }
        p.assessor_roles.push_back(std::move(role));
      }
      if (roles && p.assessor_count > 0 && roles.size() != static_cast<std::size_t>(p.assessor_count)) {
        r.error("roles_count_mismatch", roles.path(),
                "The programme lists " + std::to_string(roles.size()) + " roles for " + std::to_string(p.assessor_count) +
                    " assessors; expected one role per assessor.");
      }
      p.assessors_source = source_of(who, refs);
    }
    if (JsonObject noun = a.object("noun")) {
      p.noun_singular = read_localized(noun, "singular");
      p.noun_plural = read_localized(noun, "plural");
    }
    if (JsonObject len = a.object("interview_minutes")) {
      p.interview_min_minutes = small(len, "min", 1);
      p.interview_max_minutes = small(len, "max", 1);
      p.interview_approximate = len.boolean("approximate", optional).value_or(false);
      if (p.interview_max_minutes < p.interview_min_minutes && p.interview_max_minutes > 0) {
        r.error("value_invalid", len.path("max"),
                "The longest interview (" + std::to_string(p.interview_max_minutes) + " min) is shorter than the shortest (" +
                    std::to_string(p.interview_min_minutes) + " min); expected max ≥ min.");
      }
      p.interview_source = source_of(len, refs);
    }
    JsonArray modes = a.array("modes", required, 10);
    for (std::size_t i = 0; i < modes.size(); ++i) {
      const std::string* m = modes.string(i);
      if (m == nullptr) continue;
      if (!is_mode(*m)) {
        r.error("mode_unknown", modes.path(i),
                "The interview mode " + detail::quoted(*m) + " is unknown; expected \"phone\", \"video\" or \"in_person\".");
      } else {
        p.modes.push_back(*m);
      }
    }
    JsonArray delays = a.array("answer_delay", required, 20);
    for (std::size_t i = 0; i < delays.size(); ++i) {
      JsonObject d = delays.object(i, "a statement of the answer delay, an object {\"months\", \"source\"}");
      if (!d) continue;
      AnswerDelay delay;
      delay.months = small(d, "months", 1);
      delay.source = source_of(d, refs);
      p.answer_delays.push_back(std::move(delay));
    }
  }

  if (JsonObject cal = doc.object("calendar", optional | or_null)) {
    CalendarPattern pat;
    JsonArray months = cal.array("months", required, 12);
    if (months && months.size() == 0) r.error("month_invalid", months.path(), "The list of session months is empty; expected at least one month.");
    for (std::size_t i = 0; i < months.size(); ++i) {
      const json& m = months.at(i);
      const auto v = json_count(m);
      if (!v || *v < 1 || *v > 12 || (!pat.months.empty() && static_cast<std::int32_t>(*v) <= pat.months.back())) {
        r.error("month_invalid", months.path(i), detail::found(m, "a month from 1 to 12, after the previous one"));
        continue;
      }
      pat.months.push_back(static_cast<std::int32_t>(*v));
    }
    if (const std::string* rule = cal.string("deadline_rule")) {
      if (*rule != "last_day_of_previous_month") {
        r.error("rule_unknown", cal.path("deadline_rule"),
                "The deadline rule " + detail::quoted(*rule) + " is unknown; expected \"last_day_of_previous_month\".");
      }
      pat.deadline_rule = *rule;
    }
    pat.source = source_of(cal, refs);
    if (cal.has("note")) pat.note = read_localized(cal, "note");
    p.calendar = std::move(pat);
  }

  if (JsonObject d = doc.object("dossier")) {
    p.dossier_pieces = small(d, "pieces", 1);
    if (JsonObject effort = d.object("effort_hours", required | or_null, "an object {\"min\", \"max\"} or null")) {
      p.effort_min_hours = small(effort, "min", 1);
      p.effort_max_hours = small(effort, "max", 1);
    }
    p.dossier_source = source_of(d, refs);
  }

  std::set<std::string> source_ids;
  JsonArray sources = doc.array("sources", required, 100);
  if (sources && sources.size() == 0) r.error("value_invalid", sources.path(), "The list of sources is empty; expected at least one.");
  for (std::size_t i = 0; i < sources.size(); ++i) {
    JsonObject s = sources.object(i, "a source, an object {\"id\", \"title\", \"publisher\", \"date\", \"url\"}");
    if (!s) continue;
    ProgrammeSource src;
    src.id = read_nonempty(s, "id");
    src.title = read_nonempty(s, "title");
    src.publisher = read_nonempty(s, "publisher");
    if (const std::string* date = s.string("date", required | or_null)) src.date = *date;
    if (const std::string* url = s.string("url", required | or_null)) src.url = *url;
    if (!src.id.empty() && !source_ids.insert(src.id).second) {
      r.error("duplicate_id", s.path("id"), "The source id \"" + src.id + "\" appears twice; expected each source once.");
    }
    p.sources.push_back(std::move(src));
  }
  for (const SourceRef& ref : refs) {
    if (!ref.id.empty() && sources && !source_ids.count(ref.id)) {
      r.error("source_unknown", ref.path, "The source \"" + ref.id + "\" is not in \"sources\"; expected the id of a listed source.");
    }
  }
  doc.finish();
  if (has_errors(issues)) return issues;
  return p;
}

const std::vector<std::string_view>& shipped_programme_ids() noexcept {
  static const std::vector<std::string_view> ids{"rs3536", "rs6247"};
  return ids;
}

namespace {

Issue load_error(std::string code, std::string message) {
  return Issue{Severity::error, std::move(code), "", std::move(message)};
}

// A referential or ruleset file as the programme names it, or the issues explaining why not.
template <typename T, typename Parse>
std::optional<T> load_part(const AssetLookup& find, const std::string& path, const VersionedId& want, Parse parse,
                           const char* noun, std::vector<Issue>& issues) {
  const auto text = find(path);
  if (!text) {
    issues.push_back(load_error("programme.asset_missing", std::string("The ") + noun + " " + path + " is missing."));
    return std::nullopt;
  }
  auto parsed = parse(*text);
  if (!parsed) {
    for (const Issue& issue : parsed.issues()) {
      Issue located = issue;
      located.message = path + ": " + issue.message;
      issues.push_back(std::move(located));
    }
    return std::nullopt;
  }
  if (parsed->id != want.id || parsed->version != want.version) {
    issues.push_back(load_error("programme.asset_mismatch", path + " is " + noun + " \"" + parsed->id + "\" version " +
                                                              std::to_string(parsed->version) + "; the programme names \"" +
                                                              want.id + "\" version " + std::to_string(want.version) + "."));
    return std::nullopt;
  }
  return std::move(*parsed);
}

} // namespace

Result<LoadedProgramme> load_programme(std::string_view programme_id, const AssetLookup& find) noexcept {
  const std::string path = "programmes/" + std::string(programme_id) + ".json";
  const auto text = find(path);
  if (!text) {
    return std::vector<Issue>{load_error("programme.unknown", "There is no programme \"" + std::string(programme_id) + "\".")};
  }
  auto programme = parse_programme(*text);
  if (!programme) return programme.issues();
  std::vector<Issue> issues;
  auto ref = load_part<Referential>(find, "referential/" + programme->referential.id + "-v" + std::to_string(programme->referential.version) + ".json",
                                    programme->referential, parse_referential, "referential", issues);
  auto rules = load_part<Ruleset>(find, "rulesets/" + programme->ruleset.id + ".json", programme->ruleset,
                                  [](std::string_view t) { return parse_ruleset(t); }, "ruleset", issues);
  if (programme->id != programme_id) {
    issues.push_back(load_error("programme.asset_mismatch", path + " is programme \"" + programme->id + "\"."));
  }
  if (!issues.empty() || !ref || !rules) return issues;
  return LoadedProgramme{std::move(*programme), std::move(*ref), std::move(*rules)};
}

std::optional<ProgrammeMatch> programme_for_document(const std::vector<Programme>& programmes,
                                                     std::string_view named_programme_id,
                                                     std::string_view referential_id,
                                                     std::string_view ruleset_id) noexcept {
  for (const Programme& p : programmes) {
    if (!named_programme_id.empty()) {
      if (p.id == named_programme_id) return ProgrammeMatch{p.id, true};
    } else if (p.referential.id == referential_id && p.ruleset.id == ruleset_id) {
      return ProgrammeMatch{p.id, false};
    }
  }
  return std::nullopt;
}

} // namespace core
