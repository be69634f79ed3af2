// The candidate's dossier: construction from the referential, the answers' JSON form, and the checks
// that say what is missing or malformed.
#include "core/model/dossier.hpp"

#include <algorithm>
#include <unordered_set>

namespace core {

using nlohmann::json;

// ---- dates -------------------------------------------------------------------------------------------

namespace {

std::string_view trim(std::string_view t) noexcept {
  while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) t.remove_prefix(1);
  while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.remove_suffix(1);
  return t;
}

} // namespace

std::optional<Date> parse_user_date(std::string_view text) noexcept {
  text = trim(text);
  if (auto iso = parse_iso_date(text)) return iso;
  int parts[3] = {0, 0, 0};
  int digits[3] = {0, 0, 0};
  std::size_t k = 0;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      if (digits[k] >= 4) return std::nullopt;
      parts[k] = parts[k] * 10 + (c - '0');
      ++digits[k];
    } else if ((c == '/' || c == '.' || c == '-') && k < 2 && digits[k] > 0) {
      ++k;
    } else {
      return std::nullopt;
    }
  }
  if (k != 2 || digits[0] > 2 || digits[1] > 2 || digits[2] != 4) return std::nullopt;
  const Date d{parts[2], parts[1], parts[0]};
  if (!is_valid(d)) return std::nullopt;
  return d;
}

std::string normalize_user_date(std::string_view text) {
  if (auto d = parse_user_date(text)) return to_iso(*d);
  return std::string(trim(text));
}

json eligibility_input_json(const EligibilityAnswers& answers, Date reference) {
  auto date_value = [](const std::string& typed) -> json {
    if (auto d = parse_user_date(typed)) return to_iso(*d);
    return typed;  // "" or unreadable: the reader names it
  };
  json periods = json::array();
  for (const auto& p : answers.periods) {
    json jp = {{"time", to_string(p.time)}};
    if (!p.start.empty()) jp["start"] = date_value(p.start);  // absent: reported as missing
    jp["end"] = p.ongoing ? json(nullptr) : date_value(p.end);
    periods.push_back(std::move(jp));
  }
  json phases = json::object();
  if (answers.investigation) phases["investigation"] = *answers.investigation;
  if (answers.construction) phases["construction"] = *answers.construction;
  json input = {{"reference_date", to_iso(reference)}, {"periods", std::move(periods)}, {"phases", std::move(phases)}};
  if (answers.has_declarations()) {
    json steps = json::array();
    if (!answers.construction_steps.empty()) steps.push_back(answers.construction_steps);
    input["declarations"] = {{"acceleration", answers.acceleration.value_or(false)},
                             {"holds_rs3536", answers.holds_rs3536.value_or(false)},
                             {"construction_steps", std::move(steps)}};
  }
  return input;
}

// ---- the dossier -------------------------------------------------------------------------------------

bool operator==(const Dossier& a, const Dossier& b) noexcept {
  return a.first_name == b.first_name && a.last_name == b.last_name && a.email == b.email &&
         a.administration == b.administration && a.status == b.status && a.position == b.position &&
         a.startup_name == b.startup_name && a.incubator == b.incubator && a.startup_phase == b.startup_phase &&
         a.startup_start == b.startup_start && a.startup_site == b.startup_site && a.role == b.role &&
         a.eligibility == b.eligibility && a.competencies == b.competencies && a.purposes == b.purposes &&
         a.purpose_detail == b.purpose_detail && a.pieces == b.pieces && a.cpf_birth_name == b.cpf_birth_name &&
         a.cpf_usage_name == b.cpf_usage_name && a.cpf_first_name1 == b.cpf_first_name1 && a.cpf_first_name2 == b.cpf_first_name2 &&
         a.cpf_first_name3 == b.cpf_first_name3 && a.cpf_sex == b.cpf_sex && a.cpf_birth_date == b.cpf_birth_date &&
         a.cpf_birth_insee_code == b.cpf_birth_insee_code && a.cpf_birth_postal_code == b.cpf_birth_postal_code &&
         a.cpf_birth_place_name == b.cpf_birth_place_name && a.cpf_birth_country_name == b.cpf_birth_country_name;
}

void conform_to(Dossier& d, const Referential& referential) {
  for (const auto& c : referential.competencies) {
    if (!find_competency(d, c.id)) d.competencies.push_back({c.id, {}, {}});
  }
  for (const auto& p : referential.pieces) {
    if (!find_piece(d, p.id)) d.pieces.push_back({p.id, {}, {}, {}});
  }
  // The referential's order, answers for unknown ids kept after the known ones.
  auto rank = [](const auto& list, const std::string& id) {
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (list[i].id == id) return i;
    }
    return list.size();
  };
  std::stable_sort(d.competencies.begin(), d.competencies.end(), [&](const auto& a, const auto& b) {
    return rank(referential.competencies, a.competency_id) < rank(referential.competencies, b.competency_id);
  });
  std::stable_sort(d.pieces.begin(), d.pieces.end(), [&](const auto& a, const auto& b) {
    return rank(referential.pieces, a.id) < rank(referential.pieces, b.id);
  });
}

Dossier make_dossier(const Referential& referential) {
  Dossier d;
  conform_to(d, referential);
  return d;
}

const Piece* find_piece(const Dossier& d, std::string_view piece_id) noexcept {
  for (const auto& p : d.pieces) {
    if (p.id == piece_id) return &p;
  }
  return nullptr;
}

Piece* find_piece(Dossier& d, std::string_view piece_id) noexcept {
  for (auto& p : d.pieces) {
    if (p.id == piece_id) return &p;
  }
  return nullptr;
}

const CompetencyAnswer* find_competency(const Dossier& d, std::string_view competency_id) noexcept {
  for (const auto& c : d.competencies) {
    if (c.competency_id == competency_id) return &c;
  }
  return nullptr;
}

std::uint64_t attachments_size(const Dossier& d) noexcept {
  std::uint64_t total = 0;
  for (const auto& p : d.pieces) {
    for (const auto& f : p.files) total += f.size();
  }
  return total;
}

// ---- JSON form -----------------------------------------------------------------------------------------

namespace {

// The one-line answers of "identity" and "startup", as answers_to_json writes them and read_answers reads them.
struct TextMember {
  const char* name;
  std::string Dossier::*field;
};
constexpr TextMember identity_members[] = {{"first_name", &Dossier::first_name}, {"last_name", &Dossier::last_name},
                                           {"email", &Dossier::email}, {"administration", &Dossier::administration},
                                           {"status", &Dossier::status}, {"position", &Dossier::position}};
constexpr TextMember startup_members[] = {{"name", &Dossier::startup_name}, {"incubator", &Dossier::incubator},
                                          {"phase", &Dossier::startup_phase}, {"start_date", &Dossier::startup_start},
                                          {"site", &Dossier::startup_site}, {"role", &Dossier::role}};

// answers.cpf_identity's texts (the first names are an array, written apart).
constexpr TextMember cpf_members[] = {{"birth_name", &Dossier::cpf_birth_name},
                                      {"usage_name", &Dossier::cpf_usage_name},
                                      {"sex", &Dossier::cpf_sex},
                                      {"birth_date", &Dossier::cpf_birth_date},
                                      {"birth_insee_code", &Dossier::cpf_birth_insee_code},
                                      {"birth_postal_code", &Dossier::cpf_birth_postal_code},
                                      {"birth_place_name", &Dossier::cpf_birth_place_name},
                                      {"birth_country_name", &Dossier::cpf_birth_country_name}};
constexpr std::string Dossier::*cpf_first_names[] = {&Dossier::cpf_first_name1, &Dossier::cpf_first_name2, &Dossier::cpf_first_name3};

template <std::size_t N>
json text_group(const Dossier& d, const TextMember (&members)[N]) {
  json group = json::object();
  for (const TextMember& m : members) group[m.name] = d.*m.field;
  return group;
}

} // namespace

bool Dossier::has_cpf_identity() const noexcept {
  for (const TextMember& m : cpf_members) {
    if (!(this->*m.field).empty()) return true;
  }
  for (auto f : cpf_first_names) {
    if (!(this->*f).empty()) return true;
  }
  return false;
}

json cpf_identity_json(const Dossier& d) {
  if (!d.has_cpf_identity()) return nullptr;
  json j = text_group(d, cpf_members);
  // Up to the last first name given: a gap before it stays (check_cpf names it), none is added after.
  std::size_t given = 0;
  for (std::size_t i = 0; i < std::size(cpf_first_names); ++i) {
    if (!(d.*cpf_first_names[i]).empty()) given = i + 1;
  }
  json names = json::array();
  for (std::size_t i = 0; i < given; ++i) names.push_back(d.*cpf_first_names[i]);
  j["first_names"] = std::move(names);
  return j;
}

json answers_to_json(const Dossier& d) {
  json periods = json::array();
  for (const auto& p : d.eligibility.periods) {
    periods.push_back({{"start", p.start}, {"end", p.ongoing ? json(nullptr) : json(p.end)}, {"time", to_string(p.time)}});
  }
  auto answer = [](const std::optional<bool>& b) { return b ? json(*b) : json(nullptr); };
  json competencies = json::array();
  for (const auto& c : d.competencies) {
    competencies.push_back({{"id", c.competency_id}, {"evidence", c.evidence}, {"pieces", c.piece_ids}});
  }
  json pieces = json::array();
  for (const auto& p : d.pieces) {
    json files = json::array();
    for (const auto& f : p.files) {
      files.push_back({{"id", f.id}, {"name", f.name}, {"media_type", f.media_type}, {"size", f.size()}, {"sha256", f.sha256}});
    }
    pieces.push_back({{"id", p.id}, {"url", p.url}, {"description", p.description}, {"files", std::move(files)}});
  }
  json eligibility = {{"periods", std::move(periods)},
                      {"phases", {{"investigation", answer(d.eligibility.investigation)},
                                  {"construction", answer(d.eligibility.construction)}}}};
  if (d.eligibility.has_declarations()) {  // only then: dossiers of programmes that ask for none are unchanged
    eligibility["declarations"] = {{"acceleration", answer(d.eligibility.acceleration)},
                                   {"holds_rs3536", answer(d.eligibility.holds_rs3536)},
                                   {"construction_steps", d.eligibility.construction_steps}};
  }
  json out = {
      {"identity", text_group(d, identity_members)},
      {"startup", text_group(d, startup_members)},
      {"eligibility", std::move(eligibility)},
      {"competencies", std::move(competencies)},
      {"purposes", {{"selected", d.purposes}, {"detail", d.purpose_detail}}},
      {"pieces", std::move(pieces)},
  };
  if (d.has_cpf_identity()) out["cpf_identity"] = cpf_identity_json(d);  // only then: other dossiers are unchanged
  return out;
}

namespace {

// The draft's reader: absent members stay empty, and so does null (an older draft may hold it).
ReaderRules draft_rules() {
  ReaderRules rules("dossier", ReaderRules::Integers::count, answers_limits);
  rules.choice_invalid = "time_kind_unknown";
  rules.report_unknown = false;
  return rules;
}

// The "id" of each element of a list; when `unique`, one listed twice is duplicate_id at the second.
class IdSet {
public:
  IdSet(bool unique, const char* noun) : unique_(unique), noun_(noun) {}
  void read(JsonObject& o, Need need, std::string& out) {
    const std::string* id = o.string("id", need);
    if (id == nullptr) return;
    out = *id;
    if (!unique_ || seen_.insert(*id).second) return;
    o.reader()->error("duplicate_id", o.path("id"),
                      std::string("The ") + noun_ + " " + detail::quoted(*id) + " appears twice; expected each once.");
  }

private:
  bool unique_;
  const char* noun_;
  std::unordered_set<std::string> seen_;
};

void read_text(JsonObject& o, const char* name, Need need, std::string& out, std::size_t max_chars = 0) {
  if (const std::string* s = o.string(name, need, max_chars)) out = *s;
}

} // namespace

Dossier read_answers(JsonObject& answers, const AnswersReading& how) {
  Dossier d;
  const Need need = how.strict ? required : optional | or_null;
  if (JsonObject id = answers.object("identity", need)) {
    for (const TextMember& m : identity_members) read_text(id, m.name, need, d.*m.field);
  }
  if (JsonObject st = answers.object("startup", need)) {
    for (const TextMember& m : startup_members) read_text(st, m.name, need, d.*m.field);
  }
  if (JsonObject el = answers.object("eligibility", need)) {
    JsonArray periods = el.array("periods", need);
    for (std::size_t i = 0; i < periods.size(); ++i) {
      JsonObject jp = periods.object(i, "an object with start, end and time");
      if (!jp) continue;
      PeriodAnswer p;
      read_text(jp, "start", need, p.start);
      const std::string* end = jp.string("end", need | or_null);
      p.ongoing = end == nullptr;
      if (end) p.end = *end;
      if (auto t = jp.choice("time", need, parse_time_kind, "a working time", "\"full\" or \"part\"")) p.time = *t;
      d.eligibility.periods.push_back(std::move(p));
    }
    if (JsonObject ph = el.object("phases", need)) {
      d.eligibility.investigation = ph.boolean("investigation", need | or_null);
      d.eligibility.construction = ph.boolean("construction", need | or_null);
    }
    if (JsonObject dc = el.object("declarations", optional)) {
      d.eligibility.acceleration = dc.boolean("acceleration", optional | or_null);
      d.eligibility.holds_rs3536 = dc.boolean("holds_rs3536", optional | or_null);
      read_text(dc, "construction_steps", optional, d.eligibility.construction_steps, max_text_chars);
    }
  }
  IdSet competency_ids(how.strict, "competency");
  JsonArray cs = answers.array("competencies", need);
  for (std::size_t i = 0; i < cs.size(); ++i) {
    JsonObject jc = cs.object(i, "an object with id, evidence and pieces");
    if (!jc) continue;
    CompetencyAnswer c;
    competency_ids.read(jc, need, c.competency_id);
    read_text(jc, "evidence", need, c.evidence, max_text_chars);
    jc.array("pieces", need).strings(c.piece_ids);
    d.competencies.push_back(std::move(c));
  }
  if (JsonObject pu = answers.object("purposes", need)) {
    pu.array("selected", need).strings(d.purposes);
    read_text(pu, "detail", need, d.purpose_detail, max_text_chars);
  }
  // Optional in every reading. Its other members (a birth date given as three numbers by another tool, a
  // NIR) are the coach's part, read from the bundle's document (core::cpf_identity_from_json).
  if (JsonObject ci = answers.object("cpf_identity", optional | or_null)) {
    for (const TextMember& m : cpf_members) read_text(ci, m.name, optional | or_null, d.*m.field);
    std::vector<std::string> names;
    ci.array("first_names", optional | or_null).strings(names);
    for (std::size_t i = 0; i < names.size() && i < std::size(cpf_first_names); ++i) d.*cpf_first_names[i] = names[i];
    // Another tool's form of the date (cpf.md): three numbers, shown to the candidate as one date.
    const auto year = ci.integer("birth_year", 0, 9999, optional | or_null);
    const auto month = ci.integer("birth_month", 0, 9999, optional | or_null);
    const auto day = ci.integer("birth_day", 0, 9999, optional | or_null);
    if (d.cpf_birth_date.empty() && year && month && day) {
      d.cpf_birth_date = to_iso(Date{static_cast<int>(*year), static_cast<int>(*month), static_cast<int>(*day)});
    }
    std::string coach_part;  // the coach's members, read from the document when declaring
    read_text(ci, "birth_country_code", optional | or_null, coach_part);
    read_text(ci, "nir", optional | or_null, coach_part);
  }
  IdSet piece_ids(how.strict, "piece");
  JsonArray ps = answers.array("pieces", need);
  for (std::size_t i = 0; i < ps.size(); ++i) {
    JsonObject jp = ps.object(i, "an object with id, url, description and files");
    if (!jp) continue;
    Piece p;
    piece_ids.read(jp, need, p.id);
    read_text(jp, "url", need, p.url);
    read_text(jp, "description", need, p.description, max_text_chars);
    JsonArray fs = jp.array("files", need);
    std::vector<JsonObject> entries;  // kept open for the bundle's checks, which come once the piece is in place
    for (std::size_t k = 0; k < fs.size(); ++k) {
      JsonObject jf = fs.object(k, "an object with id, name, media_type, size, sha256 and data");
      if (!jf) continue;
      Attachment a;
      read_text(jf, "id", need, a.id);
      read_text(jf, "name", need, a.name);
      read_text(jf, "media_type", need, a.media_type);
      if (auto size = jf.integer("size", 0, std::int64_t{1} << 53, need)) a.listed_size = static_cast<std::uint64_t>(*size);
      read_text(jf, "sha256", need, a.sha256);
      p.files.push_back(std::move(a));
      entries.push_back(std::move(jf));
    }
    d.pieces.push_back(std::move(p));
    if (how.file) {
      for (std::size_t k = 0; k < entries.size(); ++k) how.file(entries[k], d.pieces.back(), d.pieces.size() - 1, k);
    }
  }
  return d;
}

Dossier answers_from_json(const json& j, std::vector<Issue>& issues) {
  JsonReader r(draft_rules(), issues);
  JsonObject answers = r.root(j, "an object");
  return read_answers(answers, AnswersReading{});
}

std::vector<Issue> text_limit_issues(const Dossier& d) {
  // The draft's own reader on the draft's own form: the limits are counted exactly as a bundle's are.
  std::vector<Issue> read;
  answers_from_json(answers_to_json(d), read);
  std::vector<Issue> out;
  for (auto& i : read) {
    if (i.code == "dossier.too_long" || i.code == "dossier.too_many" || i.code == "dossier.too_much_text") out.push_back(std::move(i));
  }
  return out;
}

// ---- checks ------------------------------------------------------------------------------------------

bool is_email(std::string_view t) noexcept {
  // Deliberately simple: one '@', something before, a dotted domain after, no spaces. Typos are what
  // this catches; deliverability is the candidate's business.
  const auto at = t.find('@');
  if (at == std::string_view::npos || at == 0 || t.find('@', at + 1) != std::string_view::npos) return false;
  const auto domain = t.substr(at + 1);
  const auto dot = domain.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 2 > domain.size()) return false;
  if (domain.find("..") != std::string_view::npos) return false;
  for (char c : t) {
    if (static_cast<unsigned char>(c) <= ' ') return false;
  }
  return true;
}

bool is_https_url(std::string_view t) noexcept {
  constexpr std::string_view scheme = "https://";
  if (t.size() <= scheme.size() || t.substr(0, scheme.size()) != scheme) return false;
  const auto rest = t.substr(scheme.size());
  const auto host_end = rest.find_first_of("/?#");
  const auto host = rest.substr(0, host_end);
  if (host.empty() || host.find('.') == std::string_view::npos || host.front() == '.' || host.back() == '.') return false;
  for (char c : t) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= ' ' || c == '"' || c == '<' || c == '>' || c == '\\' || c == '`') return false;
  }
  return true;
}

namespace {

struct Checker {
  std::vector<Issue> issues;

  void missing(const std::string& path, std::string what) {
    issues.push_back({Severity::warning, "missing", path, std::move(what) + " is missing"});
  }
  void invalid(const std::string& path, const char* code, std::string message) {
    issues.push_back({Severity::error, code, path, std::move(message)});
  }
  void required(const std::string& value, const std::string& path, const char* what) {
    if (value.empty()) missing(path, what);
  }
  template <std::size_t N>
  void one_of(const std::string& value, const char* const (&allowed)[N], const std::string& path, const char* what) {
    if (value.empty()) { missing(path, what); return; }
    for (const char* a : allowed) {
      if (value == a) return;
    }
    invalid(path, "value_unknown", std::string(what) + " \"" + value + "\" is not one of the known values");
  }
};

} // namespace

bool evidence_short(std::string_view evidence) noexcept {
  return !evidence.empty() && count_characters(evidence) < advised_evidence_chars;
}

std::vector<Issue> evidence_advice(const Dossier& d, const Referential& ref) {
  std::vector<Issue> advice;
  for (std::size_t i = 0; i < d.competencies.size(); ++i) {
    const auto& a = d.competencies[i];
    if (!ref.competency(a.competency_id) || !evidence_short(a.evidence)) continue;
    advice.push_back({Severity::notice, "evidence_short", "/competencies/" + std::to_string(i) + "/evidence",
                      "the evidence has " + std::to_string(count_characters(a.evidence)) + " characters, " +
                          std::to_string(advised_evidence_chars) + " are advised"});
  }
  return advice;
}

const std::vector<std::string_view>& dossier_check_codes() {
  static const std::vector<std::string_view> codes = {
      "competency_unknown", "date_in_future", "date_invalid",  "dossier_too_large", "email_invalid",
      "file_too_large",     "files_not_accepted", "link_not_accepted", "missing", "piece_unknown",
      "too_many_files",     "url_not_https", "value_unknown"};
  return codes;
}

std::vector<Issue> check_dossier(const Dossier& d, const Referential& ref, Date today) {
  Checker c;
  c.required(d.first_name, "/identity/first_name", "first name");
  c.required(d.last_name, "/identity/last_name", "last name");
  if (d.email.empty()) c.missing("/identity/email", "e-mail");
  else if (!is_email(d.email)) c.invalid("/identity/email", "email_invalid", "\"" + d.email + "\" is not an e-mail address");
  c.required(d.administration, "/identity/administration", "employer administration");
  c.one_of(d.status, statuses, "/identity/status", "status");
  c.required(d.position, "/identity/position", "current position");

  c.required(d.startup_name, "/startup/name", "startup name");
  c.required(d.incubator, "/startup/incubator", "incubator");
  c.one_of(d.startup_phase, startup_phases, "/startup/phase", "startup phase");
  if (d.startup_start.empty()) c.missing("/startup/start_date", "startup start date");
  else if (auto sd = parse_user_date(d.startup_start); !sd) {
    c.invalid("/startup/start_date", "date_invalid", "\"" + d.startup_start + "\" is not a date");
  } else if (*sd > today) {
    c.invalid("/startup/start_date", "date_in_future", "the startup start date is after today");
  }
  if (d.startup_site.empty()) c.missing("/startup/site", "startup site");
  else if (!is_https_url(d.startup_site)) c.invalid("/startup/site", "url_not_https", "\"" + d.startup_site + "\" is not an https address");
  c.required(d.role, "/startup/role", "role in the team");

  // Eligibility answers: the engine's own reader names every problem, at paths under /eligibility.
  auto input = eligibility_input_from_json(eligibility_input_json(d.eligibility, today));
  if (d.eligibility.periods.empty()) c.missing("/eligibility/periods", "period in the role");
  if (!input.ok()) {
    for (auto issue : input.issues()) {
      if (issue.path == "/periods" && d.eligibility.periods.empty()) continue;
      const bool phase = issue.path.rfind("/phases", 0) == 0;
      const bool absent = issue.code == "eligibility.member_missing" || issue.code == "eligibility.phase_missing";
      issue.path = "/eligibility" + issue.path;
      if (absent) issue.severity = Severity::warning;
      if (phase && absent) issue.code = "missing";
      c.issues.push_back(std::move(issue));
    }
  }

  for (std::size_t i = 0; i < d.competencies.size(); ++i) {
    const auto& a = d.competencies[i];
    const std::string path = "/competencies/" + std::to_string(i);
    if (!ref.competency(a.competency_id)) {
      c.invalid(path + "/id", "competency_unknown", "competency \"" + a.competency_id + "\" is not in the referential");
      continue;
    }
    c.required(a.evidence, path + "/evidence", "evidence");
    for (std::size_t k = 0; k < a.piece_ids.size(); ++k) {
      if (!ref.piece(a.piece_ids[k])) {
        c.invalid(path + "/pieces/" + std::to_string(k), "piece_unknown", "piece \"" + a.piece_ids[k] + "\" is not one of the pieces");
      }
    }
  }
  if (d.purposes.empty()) c.missing("/purposes/selected", "purpose of the certificate");
  for (std::size_t i = 0; i < d.purposes.size(); ++i) c.one_of(d.purposes[i], purposes, "/purposes/selected/" + std::to_string(i), "purpose");

  std::uint64_t total = 0;
  for (std::size_t i = 0; i < d.pieces.size(); ++i) {
    const Piece& p = d.pieces[i];
    const std::string path = "/pieces/" + std::to_string(i);
    const PieceSpec* spec = ref.piece(p.id);
    if (!spec) {
      c.invalid(path + "/id", "piece_unknown", "piece \"" + p.id + "\" is not one of the pieces");
      continue;
    }
    const bool has_link = !p.url.empty();
    const bool has_files = !p.files.empty();
    if (has_link && !is_https_url(p.url)) c.invalid(path + "/url", "url_not_https", "\"" + p.url + "\" is not an https address");
    if (has_link && !spec->takes_link()) c.invalid(path + "/url", "link_not_accepted", "this piece is a file, not a link");
    if (has_files && !spec->takes_files()) c.invalid(path + "/files", "files_not_accepted", "this piece is a link, not a file");
    if (has_files && !spec->multiple && p.files.size() > 1) c.invalid(path + "/files", "too_many_files", "this piece takes one file");
    if (!has_link && !has_files) c.missing(path, "piece \"" + p.id + "\"");
    for (std::size_t k = 0; k < p.files.size(); ++k) {
      const auto& f = p.files[k];
      total += f.size();
      if (f.size() > max_file_bytes) c.invalid(path + "/files/" + std::to_string(k), "file_too_large", "\"" + f.name + "\" is over 50 MB");
    }
  }
  if (total > max_dossier_bytes) c.invalid("/pieces", "dossier_too_large", "the files add up to more than 150 MB");
  for (auto& i : text_limit_issues(d)) c.issues.push_back(std::move(i));
  return std::move(c.issues);
}

} // namespace core
