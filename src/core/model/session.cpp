// Sessions: the pattern's rule, merging it with the host's dated sessions, and reading those.
#include "core/model/session.hpp"

#include "core/codecs/json_reader.hpp"

#include <algorithm>
#include <set>

namespace core {

using nlohmann::json;

namespace {

const char* const month_fr[] = {"janvier", "février", "mars",      "avril",   "mai",      "juin",
                                "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};
const char* const month_en[] = {"January", "February", "March",     "April",   "May",      "June",
                                "July",    "August",   "September", "October", "November", "December"};

bool by_deadline(const Session& a, const Session& b) { return a.dossier_deadline < b.dossier_deadline; }

std::string two_digits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

json date_or_null(const std::optional<Date>& d) { return d ? json(to_iso(*d)) : json(nullptr); }

} // namespace

Session pattern_session(const CalendarPattern&, int year, int month) {
  Session s;
  s.id = std::to_string(year) + "-" + two_digits(month);
  s.label.fr = std::string("Session de ") + month_fr[month - 1] + " " + std::to_string(year);
  s.label.en = std::string(month_en[month - 1]) + " " + std::to_string(year) + " session";
  s.dossier_deadline = add_days(Date{year, month, 1}, -1);
  s.interviews_from = Date{year, month, 1};
  s.interviews_to = Date{year, month, days_in_month(year, month)};
  s.to_be_confirmed = true;
  return s;
}

Calendar make_calendar(const Programme& programme, std::vector<Session> host_sessions) {
  std::stable_sort(host_sessions.begin(), host_sessions.end(), by_deadline);
  return Calendar{programme.calendar, std::move(host_sessions)};
}

std::vector<Session> sessions_after(const Calendar& cal, const Date& after, std::size_t count) {
  std::vector<Session> out;
  // The pattern, up to the host's first dated session (or without end when the host dates none).
  if (cal.pattern && !cal.pattern->months.empty() && is_valid(after)) {
    // A plain Date and a flag (not std::optional): GCC 12 at -O3 sees the optional as maybe uninitialized.
    const bool has_stop = !cal.dated.empty();
    const Date stop = has_stop ? cal.dated.front().dossier_deadline : Date{};
    for (int year = after.year; year <= max_year && out.size() < count; ++year) {
      bool past_stop = false;
      for (std::int32_t month : cal.pattern->months) {
        Session s = pattern_session(*cal.pattern, year, month);
        if (has_stop && s.dossier_deadline >= stop) { past_stop = true; break; }
        if (s.dossier_deadline > after) out.push_back(std::move(s));
        if (out.size() == count) break;
      }
      if (past_stop) break;
    }
  }
  for (const Session& s : cal.dated) {
    if (out.size() == count) break;
    if (s.dossier_deadline > after) out.push_back(s);
  }
  return out;
}

std::optional<Session> find_session(const Calendar& cal, std::string_view id, const Date& after, std::size_t horizon) {
  for (Session& s : sessions_after(cal, after, horizon)) {
    if (s.id == id) return std::move(s);
  }
  return std::nullopt;
}

Result<std::vector<Session>> read_sessions(const json& list, const std::string& path) noexcept {
  std::vector<Issue> issues;
  ReaderRules rules("session");
  rules.report_unknown = false;
  JsonReader r(rules, issues);
  std::vector<Session> out;
  if (!list.is_array()) {
    r.error("type_mismatch", path, detail::found(list, "an array of sessions"));
    return issues;
  }
  JsonArray sessions(r, &list, path);
  std::set<std::string> ids;
  for (std::size_t i = 0; i < sessions.size(); ++i) {
    JsonObject o = sessions.object(i, "a session, an object {\"id\", \"label\", \"dossier_deadline\"}");
    if (!o) continue;
    Session s;
    if (const std::string* id = o.string("id", required, 100, true)) s.id = *id;
    if (JsonObject label = o.object("label", required, "an object {\"fr\", \"en\"}")) {
      if (const std::string* fr = label.string("fr", required, 200, true)) s.label.fr = *fr;
      s.label.en = label.string_or_empty("en", optional, 200);
    }
    const auto deadline = o.date("dossier_deadline");
    if (deadline) s.dossier_deadline = *deadline;
    s.interviews_from = o.date("interviews_from", optional | or_null);
    s.interviews_to = o.date("interviews_to", optional | or_null);
    if (!s.id.empty() && !ids.insert(s.id).second) {
      r.error("duplicate_id", o.path("id"), "The session id \"" + s.id + "\" appears twice; expected each session once.");
    }
    if (deadline && s.interviews_from && *s.interviews_from <= *deadline) {
      r.error("interviews_before_deadline", o.path("interviews_from"),
              "The interviews start on " + to_iso(*s.interviews_from) + ", not after the dossier deadline " +
                  to_iso(*deadline) + "; expected interviews after the deadline.");
    }
    if (s.interviews_from && s.interviews_to && *s.interviews_to < *s.interviews_from) {
      r.error("interviews_order", o.path("interviews_to"),
              "The interviews end on " + to_iso(*s.interviews_to) + ", before they start (" + to_iso(*s.interviews_from) +
                  "); expected an end on or after the start.");
    }
    out.push_back(std::move(s));
  }
  if (has_errors(issues)) return issues;
  std::stable_sort(out.begin(), out.end(), by_deadline);
  return out;
}

json to_json(const Session& s) {
  return {{"id", s.id},
          {"label", {{"fr", s.label.fr}, {"en", s.label.en}}},
          {"dossier_deadline", to_iso(s.dossier_deadline)},
          {"interviews_from", date_or_null(s.interviews_from)},
          {"interviews_to", date_or_null(s.interviews_to)},
          {"to_be_confirmed", s.to_be_confirmed}};
}

} // namespace core
