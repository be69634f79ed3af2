// The interview invitation as iCalendar: escaping, folding and the event with its time zone.
#include "core/documents/ics.hpp"

#include "core/model/ruleset.hpp"
#include "core/codecs/utf8.hpp"

#include <algorithm>
#include <utility>
#include <vector>

namespace core {

std::string ics_text(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  std::size_t i = 0;
  while (i < text.size()) {
    const Utf8Char c = decode_utf8(text, i);
    i += std::max<std::size_t>(c.length, 1);
    switch (c.code_point) {
      case '\\': out += "\\\\"; break;
      case ';': out += "\\;"; break;
      case ',': out += "\\,"; break;
      case '\r':
        if (i < text.size() && text[i] == '\n') ++i;  // CR LF is one line break
        out += "\\n";
        break;
      case '\n': out += "\\n"; break;
      default:
        if ((c.code_point < 0x20 && c.code_point != '\t') || c.code_point == 0x7F) break;
        append_utf8(out, c.code_point);
    }
  }
  return out;
}

std::string ics_fold(std::string_view line) {
  constexpr std::size_t limit = 75;
  std::string out;
  out.reserve(line.size() + line.size() / 70 * 3 + 2);
  std::size_t pos = 0;
  bool first = true;
  while (true) {
    // A continuation line's leading space counts towards its 75 octets.
    const std::size_t room = first ? limit : limit - 1;
    std::size_t end = std::min(line.size(), pos + room);
    // Back off to the start of a UTF-8 sequence (a continuation byte is 10xxxxxx).
    while (end < line.size() && end > pos && (static_cast<unsigned char>(line[end]) & 0xC0u) == 0x80u) --end;
    if (end == pos) end = std::min(line.size(), pos + room);  // not UTF-8 at all: cut anyway, never loop
    if (!first) out += ' ';
    out.append(line.substr(pos, end - pos));
    out += "\r\n";
    pos = end;
    first = false;
    if (pos >= line.size()) break;
  }
  return out;
}

namespace {

// A parameter value (CN=...): always quoted, so ',' ';' ':' are safe; '"' cannot appear in a quoted
// value and becomes an apostrophe; control characters are dropped.
std::string param_value(std::string_view text) {
  std::string out = "\"";
  std::size_t i = 0;
  while (i < text.size()) {
    const Utf8Char c = decode_utf8(text, i);
    i += std::max<std::size_t>(c.length, 1);
    if (c.code_point == '"') out += '\'';
    else if (c.code_point >= 0x20 && c.code_point != 0x7F) append_utf8(out, c.code_point);
  }
  out += '"';
  return out;
}

// "mailto:" + the address, percent-encoding anything outside a conservative set, or "" when it is
// not an e-mail address.
std::string mailto(std::string_view email) {
  if (!is_email(email)) return {};
  std::string out = "mailto:";
  static const char hex[] = "0123456789ABCDEF";
  for (const char ch : email) {
    const auto c = static_cast<unsigned char>(ch);
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '@' || c == '.' || c == '-' || c == '_' || c == '+' || c == '~';
    if (plain) {
      out += ch;
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 0x0Fu];
    }
  }
  return out;
}

std::string two(std::int32_t n) {
  return std::string(1, static_cast<char>('0' + n / 10 % 10)) + static_cast<char>('0' + n % 10);
}

// 20250402T143000 (local, for a TZID).
std::string local_date_time(const Date& d, std::int32_t minutes_of_day) {
  return std::to_string(d.year) + two(d.month) + two(d.day) + "T" + two(minutes_of_day / 60) + two(minutes_of_day % 60) + "00";
}

} // namespace

Result<std::string> interview_invitation_ics(const Evaluation& e, const Referential& ref, const InvitationInputs& in) {
  std::vector<Issue> issues;
  if (!e.planned) {
    issues.push_back(Issue{Severity::error, "ics.not_planned", "/interview/planned",
                           "No interview is planned: set its date, time and mode first."});
  } else if (!is_valid(e.planned->date) || !parse_time_of_day(to_string(e.planned->time)) ||
             e.planned->duration_minutes < 1 || e.planned->duration_minutes > max_interview_minutes) {
    issues.push_back(Issue{Severity::error, "ics.value_invalid", "/interview/planned",
                           "The planned interview's date, time or duration is out of range."});
  }
  if (!is_export_timestamp(in.dtstamp)) {
    issues.push_back(Issue{Severity::error, "ics.value_invalid", "dtstamp",
                           detail::quoted(in.dtstamp) + " is not a time; expected YYYY-MM-DDThh:mm:ssZ (UTC)."});
  }
  if (in.sequence < 0) {
    issues.push_back(Issue{Severity::error, "ics.value_invalid", "sequence", "The sequence must be 0 or more."});
  }
  if (!issues.empty()) return issues;

  const PlannedInterview& p = *e.planned;
  const std::int32_t start = p.time.hour * 60 + p.time.minute;
  const std::int32_t end_total = start + p.duration_minutes;
  const Date end_day = add_days(p.date, end_total / (24 * 60));
  const std::string holder = e.candidate.first_name + " " + e.candidate.last_name;
  const bool visio = p.mode == InterviewMode::visio;

  std::string description = "Entretien d’évaluation pour la certification " + ref.rs_reference + " « " + ref.title.fr + " »";
  if (!ref.certifier.empty()) description += ", délivrée par " + ref.certifier;
  description += ".\n\nModalité : ";
  description += visio ? "visioconférence" : "téléphone";
  description += "\nDurée prévue : " + std::to_string(p.duration_minutes) + " minutes";
  if (!p.location.empty()) description += std::string(visio ? "\nLien : " : "\nNuméro : ") + p.location;
  if (!e.coach.name.empty()) {
    description += "\nÉvaluateur : " + e.coach.name;
    if (!e.coach.organisation.empty()) description += " (" + e.coach.organisation + ")";
  }
  if (!p.notes.empty()) description += "\n\n" + p.notes;

  const std::string stamp = in.dtstamp.substr(0, 4) + in.dtstamp.substr(5, 2) + in.dtstamp.substr(8, 2) + "T" +
                            in.dtstamp.substr(11, 2) + in.dtstamp.substr(14, 2) + in.dtstamp.substr(17, 2) + "Z";
  std::string out;
  auto line = [&](const std::string& l) { out += ics_fold(l); };
  line("BEGIN:VCALENDAR");
  line("VERSION:2.0");
  line("PRODID:-//certif-intra//certif-intra//FR");  // no version: the same interview, the same file
  line("CALSCALE:GREGORIAN");
  line("BEGIN:VTIMEZONE");
  line("TZID:Europe/Paris");
  line("BEGIN:DAYLIGHT");
  line("TZOFFSETFROM:+0100");
  line("TZOFFSETTO:+0200");
  line("TZNAME:CEST");
  line("DTSTART:19700329T020000");
  line("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU");
  line("END:DAYLIGHT");
  line("BEGIN:STANDARD");
  line("TZOFFSETFROM:+0200");
  line("TZOFFSETTO:+0100");
  line("TZNAME:CET");
  line("DTSTART:19701025T030000");
  line("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU");
  line("END:STANDARD");
  line("END:VTIMEZONE");
  line("BEGIN:VEVENT");
  line("UID:" + e.bundle.digest + "-entretien@certif-intra");
  line("DTSTAMP:" + stamp);
  line("SEQUENCE:" + std::to_string(in.sequence));
  line("DTSTART;TZID=Europe/Paris:" + local_date_time(p.date, start));
  line("DTEND;TZID=Europe/Paris:" + local_date_time(end_day, end_total % (24 * 60)));
  line("SUMMARY:" + ics_text("Entretien de certification " + ref.rs_reference + " – " + holder));
  line("DESCRIPTION:" + ics_text(description));
  if (!p.location.empty()) line("LOCATION:" + ics_text(visio ? p.location : "Téléphone : " + p.location));
  if (visio && is_https_url(p.location) && !first_invalid_utf8(p.location)) line("URL:" + p.location);
  if (const std::string to = mailto(e.coach.email); !to.empty()) {
    line("ORGANIZER" + (e.coach.name.empty() ? std::string() : ";CN=" + param_value(e.coach.name)) + ":" + to);
  }
  if (const std::string to = mailto(e.candidate.email); !to.empty()) {
    line("ATTENDEE;CN=" + param_value(holder) + ";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION:" + to);
  }
  line("STATUS:CONFIRMED");
  line("TRANSP:OPAQUE");
  line("END:VEVENT");
  line("END:VCALENDAR");
  return out;
}

} // namespace core
