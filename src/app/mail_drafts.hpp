// The e-mails a coach writes to a candidate, prefilled as mailto: links (core/codecs/mailto.hpp): the
// interview invitation (naming the .ics file to attach, which carries the same name) and the decision.
// Written in the candidate's language, to the address their bundle gives.
#pragma once

#include "app/catalog.hpp"
#include "app/state.hpp"
#include "core/codecs/mailto.hpp"

#include <optional>
#include <string>

namespace app {

const char* mail_kind_id(MailKind k) noexcept;  // "invitation", "decision", "credential"

// The language the candidate wrote their dossier in: the bundle's "lang" member when it has one this app
// speaks ("fr", "en"), else French (bundles do not record it yet: the programme's language).
Lang candidate_lang(const CoachEntry& e) noexcept;

// "entretien-<name>-<day>.ics": the invitation's file, named after the candidate and the planned day
// (`today` when none is planned), and the draft that asks for it to be attached.
std::string invitation_file_name(const CoachEntry& e, const core::Date& today);

struct MailDraft {
  std::string to, subject, body;
};

// The invitation: nullopt while no interview is planned. The decision: the record's latest (the jury's
// for a jury of two); nullopt before any.
std::optional<MailDraft> invitation_mail(const AppState& s, const CoachEntry& e);
std::optional<MailDraft> decision_mail(const AppState& s, const CoachEntry& e);
// The results for an admitted holder once their credential is signed (nullopt before): the signed badge
// and the attestation to attach (named), the credential's id, the "Add to LinkedIn" link, how to verify.
std::optional<MailDraft> credential_mail(const AppState& s, const CoachEntry& e);
std::optional<MailDraft> mail_draft(const AppState& s, const CoachEntry& e, MailKind kind);

// The draft as the link the platform opens: under core::mailto_max_length, the body cut with the
// language's note ("mail.cut") when longer.
core::MailtoLink mail_link(const MailDraft& d, Lang lang);

} // namespace app
