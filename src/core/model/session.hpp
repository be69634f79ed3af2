// Certification sessions (promotions) and the calendar that lists them: the host's dated sessions
// (config.js) when it gives some, else the programme's default pattern (e.g. RS6247: May and December).
//
// Definitions (used by eligibility per session, see eligibility.hpp):
//  - a session's dossier deadline is the day up to which time in the role is counted;
//  - sessions are ordered by deadline; "the next N sessions after a date" are the first N whose deadline
//    is strictly after that date;
//  - pattern sessions (no host date) follow CalendarPattern's rule: a session of month M of year Y has
//    id "Y-MM", its deadline on the last day of month M-1 and its interviews through month M; they are
//    marked to_be_confirmed;
//  - when the host gives dated sessions, they replace the pattern from the first of them on; before it,
//    the pattern fills in (so that sessions since a candidate left can still be counted).
#pragma once

#include "core/base/date.hpp"
#include "core/model/programme.hpp"
#include "core/model/referential.hpp"
#include "core/base/result.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace core {

struct Session {
  std::string id;  // "2027-05" for a pattern session; the host's own id otherwise
  LocalizedText label;
  Date dossier_deadline;
  std::optional<Date> interviews_from;
  std::optional<Date> interviews_to;
  bool to_be_confirmed = false;  // made from the pattern: the host has not dated it
};

struct Calendar {
  std::optional<CalendarPattern> pattern;  // the programme's
  std::vector<Session> dated;              // the host's, sorted by deadline (see read_sessions)
};

// The programme's default calendar with the host's dated sessions (either may be empty).
Calendar make_calendar(const Programme& programme, std::vector<Session> host_sessions);

// The first `count` sessions whose deadline is strictly after `after`, in deadline order. Fewer when the
// calendar has no pattern and the host lists fewer.
std::vector<Session> sessions_after(const Calendar& calendar, const Date& after, std::size_t count);

// The session with this id among the sessions after `after` (looking at most `horizon` sessions ahead).
std::optional<Session> find_session(const Calendar& calendar, std::string_view id, const Date& after,
                                    std::size_t horizon = 40);

// The pattern session of month `month` of `year` (the rule above).
Session pattern_session(const CalendarPattern& pattern, int year, int month);

// Reads the host's sessions: [{"id", "label": {"fr", "en"}, "dossier_deadline": "YYYY-MM-DD",
// "interviews_from"?, "interviews_to"?}]. Codes "session.<what>": the kit's, duplicate_id,
// interviews_before_deadline (interviews starting on or before the deadline), interviews_order (to before
// from). The result is sorted by deadline. `path` prefixes every JSON Pointer (e.g. "/sessions").
Result<std::vector<Session>> read_sessions(const nlohmann::json& list, const std::string& path = "") noexcept;

nlohmann::json to_json(const Session& session);

} // namespace core
