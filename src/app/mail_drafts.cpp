// The e-mails a coach writes to a candidate: their texts from the candidate's language's catalog.
#include "app/mail_drafts.hpp"

#include "app/app.hpp"
#include "app/format.hpp"
#include "app/signing.hpp"
#include "core/model/names.hpp"

namespace app {

const char* mail_kind_id(MailKind k) noexcept {
  switch (k) {
    case MailKind::invitation: return "invitation";
    case MailKind::decision: return "decision";
    case MailKind::credential: return "credential";
  }
  return "invitation";
}

Lang candidate_lang(const CoachEntry& e) noexcept {
  // The bundle's "lang" (its primary language: "en-GB" is English); French when it says none or another.
  const std::string& tag = e.bundle.lang;
  Lang l = Lang::fr;
  if (parse_lang(tag.substr(0, tag.find('-')), l)) return l;
  return Lang::fr;
}

std::string invitation_file_name(const CoachEntry& e, const core::Date& today) {
  const std::string day = e.evaluation.planned ? core::to_iso(e.evaluation.planned->date) : core::to_iso(today);
  return "entretien-" + core::person_slug(e.bundle.dossier.last_name, e.bundle.dossier.first_name, "candidat") + "-" + day + ".ics";
}

namespace {

// "Noémie Durand\nNUMA": the coach's name and organisation as the profile gives them.
std::string signature(const AppState& s) {
  const CoachProfile& p = s.workspace.profile;
  std::string out = p.name;
  if (!p.organisation.empty()) out += (out.empty() ? "" : "\n") + p.organisation;
  return out;
}

std::string with_programme(const AppState& s, const CoachEntry& e, const Catalog& tr, const std::string& key) {
  const core::LoadedProgramme& p = entry_programme(s, e);
  return programme_text(tr, p.programme, p.referential.competencies.size(), key);
}

std::string greeting(const CoachEntry& e, const Catalog& tr) {
  const std::string& first = e.bundle.dossier.first_name;
  return first.empty() ? tr.text("mail.hello") : tr.format("mail.hello.name", {{"name", first}});
}

} // namespace

std::optional<MailDraft> invitation_mail(const AppState& s, const CoachEntry& e) {
  if (!e.evaluation.planned) return std::nullopt;
  const core::PlannedInterview& p = *e.evaluation.planned;
  const Catalog& tr = catalog_for(candidate_lang(e));
  const std::string mode = std::string(core::to_string(p.mode));
  const std::string when = tr.format("mail.invitation.when", {{"date", format_date(p.date, tr)},
                                                              {"time", core::to_string(p.time)},
                                                              {"minutes", std::to_string(p.duration_minutes)}});
  std::string how = tr.text("mail.invitation.mode." + mode);
  if (!p.location.empty()) how = tr.format("mail.invitation.mode." + mode + ".at", {{"location", p.location}});
  std::string body = greeting(e, tr) + "\n\n" + with_programme(s, e, tr, "mail.invitation.intro") + "\n\n" + when + "\n" + how +
                     "\n";
  if (!p.notes.empty()) body += "\n" + p.notes + "\n";
  body += "\n" + tr.format("mail.invitation.attached", {{"file", invitation_file_name(e, s.today)}}) + "\n\n" +
          tr.text("mail.regards") + "\n" + signature(s);
  MailDraft d;
  d.to = e.bundle.dossier.email;
  d.subject = with_programme(s, e, tr, "mail.invitation.subject");
  d.subject = substitute(d.subject, {{"date", format_date(p.date, tr)}});
  d.body = std::move(body);
  return d;
}

std::optional<MailDraft> decision_mail(const AppState& s, const CoachEntry& e) {
  const core::Evaluation& record = outcome(e);
  if (record.decisions.empty()) return std::nullopt;
  const core::Decision& last = record.decisions.back();
  const Catalog& tr = catalog_for(candidate_lang(e));
  const std::string kind = core::to_string(last.decision);
  const std::string date = format_date(last.date, tr);
  std::string body = greeting(e, tr) + "\n\n" +
                     substitute(with_programme(s, e, tr, "mail.decision." + kind + ".body"), {{"date", date}}) + "\n";
  if (!last.reasons.empty()) body += "\n" + tr.text("mail.decision.reasons") + "\n" + last.reasons + "\n";
  body += "\n" + with_programme(s, e, tr, "mail.decision." + kind + ".next") + "\n\n" + tr.text("mail.regards") + "\n" +
          signature(s);
  MailDraft d;
  d.to = e.bundle.dossier.email;
  d.subject = substitute(with_programme(s, e, tr, "mail.decision.subject"), {{"date", date}});
  d.body = std::move(body);
  return d;
}

std::optional<MailDraft> credential_mail(const AppState& s, const CoachEntry& e) {
  if (!e.credential) return std::nullopt;
  const Catalog& tr = catalog_for(candidate_lang(e));
  std::string body = greeting(e, tr) + "\n\n" + with_programme(s, e, tr, "mail.credential.body") + "\n\n" +
                     tr.format("mail.credential.attached", {{"file", e.credential->file_name}}) + "\n" +
                     tr.format("mail.credential.id", {{"id", e.credential->credential_id}}) + "\n";
  if (const std::string link = linkedin_link(s, e); !link.empty()) body += "\n" + tr.text("mail.credential.linkedin") + "\n" + link + "\n";
  body += "\n" + tr.text("mail.credential.verify") + "\n\n" + tr.text("mail.regards") + "\n" + signature(s);
  MailDraft d;
  d.to = e.bundle.dossier.email;
  d.subject = with_programme(s, e, tr, "mail.credential.subject");
  d.body = std::move(body);
  return d;
}

std::optional<MailDraft> mail_draft(const AppState& s, const CoachEntry& e, MailKind kind) {
  switch (kind) {
    case MailKind::invitation: return invitation_mail(s, e);
    case MailKind::decision: return decision_mail(s, e);
    case MailKind::credential: return credential_mail(s, e);
  }
  return std::nullopt;
}

core::MailtoLink mail_link(const MailDraft& d, Lang lang) {
  return core::mailto_link(d.to, d.subject, d.body, "\n" + catalog_for(lang).text("mail.cut"));
}

} // namespace app
