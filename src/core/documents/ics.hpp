// The interview invitation as an iCalendar file (RFC 5545) the coach sends the candidate.
//
// Choices, for the widest interoperability (Outlook, Google, Apple, Thunderbird):
// - Times are Europe/Paris wall-clock times (DTSTART;TZID=Europe/Paris), with the VTIMEZONE block RFC
//   5545 requires for a TZID (EU rules since 1996: last Sunday of March 02:00 → CEST, last Sunday of
//   October 03:00 → CET). A candidate abroad sees the right time in their own zone; floating times would
//   be wrong for them, and UTC would freeze today's offset rules into the file.
// - No METHOD: a plain calendar object that any client imports as an event (not an iTIP request whose
//   replies would go to an organizer mailbox the coach may not watch). ORGANIZER and ATTENDEE still say
//   who, when their e-mail addresses are known.
// - UID = "<bundle digest>-entretien@certif-intra": sending a changed invitation for the same dossier
//   (with a higher sequence) updates the event instead of adding a second one.
// - Lines end with CRLF and are folded at 75 octets, never inside a UTF-8 sequence; TEXT values escape
//   backslash, ';', ',' and line breaks; other control characters are dropped.
#pragma once

#include "core/formats/evaluation.hpp"
#include "core/model/referential.hpp"
#include "core/base/result.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace core {

struct InvitationInputs {
  std::string dtstamp;        // "YYYY-MM-DDThh:mm:ssZ": when the invitation is made (the platform's clock)
  std::int32_t sequence = 0;  // 0 for the first invitation, one more for each changed one sent after it
};

// The invitation for the record's planned interview. Refused: ics.not_planned (/interview/planned),
// ics.value_invalid (dtstamp not a UTC time, a negative sequence, an invalid planned date).
Result<std::string> interview_invitation_ics(const Evaluation& evaluation, const Referential& referential,
                                             const InvitationInputs& inputs);

// A TEXT value (RFC 5545 §3.3.11): '\' ';' ',' escaped, CR LF / CR / LF as "\n", other control
// characters but tab dropped, ill-formed UTF-8 as U+FFFD.
std::string ics_text(std::string_view text);
// One content line, folded (RFC 5545 §3.1: at most 75 octets per line, continuation lines start with a
// space, UTF-8 sequences kept whole), each line ending in CRLF.
std::string ics_fold(std::string_view line);

} // namespace core
