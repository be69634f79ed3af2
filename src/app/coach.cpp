// The coach's workspace: importing a cohort (a file at a time, verified a slice at a time), triage, the
// evaluation record of each bundle, what the coach hands out, and local keeping of it all.
//
// [SECTION] Workspace lookups and records
// [SECTION] Import: files in, bundles verified, attachments moved to local storage
// [SECTION] Commands
#include "app/coach_ops.hpp"

#include "app/app.hpp"
#include "app/exchange.hpp"
#include "core/attestation.hpp"
#include "core/badge.hpp"
#include "core/cohort_csv.hpp"
#include "core/dossier.hpp"
#include "core/file_name.hpp"
#include "core/evaluation_html.hpp"
#include "core/ics.hpp"
#include "core/sniff.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace app {

// [SECTION] Workspace lookups and records ===========================================================

CoachEntry* find_entry(Workspace& w, std::uint32_t id) noexcept {
  for (auto& e : w.entries) {
    if (e->id == id) return e.get();
  }
  return nullptr;
}

const CoachEntry* find_entry(const Workspace& w, std::uint32_t id) noexcept {
  return find_entry(const_cast<Workspace&>(w), id);
}

std::vector<const CoachEntry*> valid_entries(const Workspace& w) {
  std::vector<const CoachEntry*> out;
  for (const auto& e : w.entries) {
    if (e->check == CoachEntry::Check::valid) out.push_back(e.get());
  }
  return out;
}

const core::TriageEntry* triage_of(const Workspace& w, const CoachEntry& e) noexcept {
  std::size_t i = 0;
  for (const auto& x : w.entries) {
    if (x->check != CoachEntry::Check::valid) continue;
    if (x.get() == &e) return i < w.triage.entries.size() ? &w.triage.entries[i] : nullptr;
    ++i;
  }
  return nullptr;
}

std::string coach_file_key(const std::string& digest, const std::string& attachment_id) {
  return digest + "/" + attachment_id;
}

std::string entry_record(const CoachEntry& e) {
  nlohmann::json j = {
      {"record", 1},
      {"file_name", e.file_name},
      {"size", e.size},
      {"digest", e.bundle.digest},
      {"bundle", e.bundle.document},
      {"evaluation", core::evaluation_document(e.evaluation)},
      {"invitation_sequence", e.invitation_sequence},
  };
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::unique_ptr<CoachEntry> entry_from_record(std::string_view record, const core::Referential& referential,
                                              const core::Ruleset& ruleset) {
  // Our own record, read back defensively: local storage can be altered or damaged like any file.
  const auto j = nlohmann::json::parse(record, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return nullptr;
  auto text = [](const nlohmann::json& o, const char* k) {
    auto it = o.find(k);
    return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  const auto doc = j.find("bundle");
  if (doc == j.end() || !doc->is_object()) return nullptr;
  auto e = std::make_unique<CoachEntry>();
  e->file_name = text(j, "file_name");
  if (auto s = j.find("size"); s != j.end() && s->is_number_unsigned()) e->size = s->get<std::uint64_t>();
  if (auto s = j.find("invitation_sequence"); s != j.end() && s->is_number_unsigned()) {
    e->invitation_sequence = static_cast<std::int32_t>(std::min<std::uint64_t>(s->get<std::uint64_t>(), 10000));
  }
  core::Bundle& b = e->bundle;
  b.document = *doc;
  b.digest = text(j, "digest");
  b.exported_at = text(*doc, "exported_at");
  if (auto app = doc->find("app"); app != doc->end() && app->is_object()) {
    b.app_name = text(*app, "name");
    b.app_version = text(*app, "version");
  }
  if (auto r = doc->find("referential"); r != doc->end() && r->is_object()) {
    b.referential_id = text(*r, "id");
    if (auto v = r->find("version"); v != r->end() && v->is_number_integer()) b.referential_version = v->get<std::int32_t>();
  }
  if (auto r = doc->find("ruleset"); r != doc->end() && r->is_object()) {
    b.ruleset_id = text(*r, "id");
    if (auto v = r->find("version"); v != r->end() && v->is_number_integer()) b.ruleset_version = v->get<std::int32_t>();
  }
  if (auto el = doc->find("eligibility_at_export"); el != doc->end() && el->is_object()) {
    if (auto d = core::parse_iso_date(text(*el, "reference_date"))) b.reference_date = *d;
    if (auto r = el->find("result"); r != el->end()) b.claimed_verdict = *r;
  }
  std::vector<core::Issue> ignored;
  if (auto a = doc->find("answers"); a != doc->end()) b.dossier = core::answers_from_json(*a, ignored);
  if (b.digest.size() != 64) return nullptr;
  e->summary = core::summarize_bundle(b, referential, ruleset);
  if (auto ev = j.find("evaluation"); ev != j.end()) {
    auto r = core::evaluation_from_json(*ev);
    if (r.ok()) e->evaluation = std::move(r).value();
  }
  if (e->evaluation.bundle.digest != b.digest) e->evaluation = core::make_evaluation(b, referential);
  e->check = CoachEntry::Check::valid;
  e->bytes_stored = true;
  e->restored = true;
  return e;
}

std::uint64_t stored_size(const core::Bundle& b, std::string_view attachment_id) {
  // Attachment bytes leave the heap once stored; their size stays in the bundle document.
  const auto answers = b.document.find("answers");
  if (answers == b.document.end()) return 0;
  const auto pieces = answers->find("pieces");
  if (pieces == answers->end() || !pieces->is_array()) return 0;
  for (const auto& p : *pieces) {
    const auto files = p.find("files");
    if (files == p.end() || !files->is_array()) continue;
    for (const auto& f : *files) {
      const auto id = f.find("id");
      const auto size = f.find("size");
      if (id != f.end() && id->is_string() && id->get_ref<const std::string&>() == attachment_id && size != f.end() &&
          size->is_number_unsigned()) {
        return size->get<std::uint64_t>();
      }
    }
  }
  return 0;
}

namespace {

void retriage(Workspace& w) {
  std::vector<core::BundleSummary> summaries;
  for (const auto* e : valid_entries(w)) summaries.push_back(e->summary);
  w.triage = core::triage(summaries);
}

bool is_duplicate(const Workspace& w, const CoachEntry& e) {
  const core::TriageEntry* t = triage_of(w, e);
  return t && t->duplicate_of >= 0;
}

void save_entry(const CoachEntry& e, Effects& fx) {
  if (e.check == CoachEntry::Check::valid) fx.push_back(fx::SaveCoachEntry{e.bundle.digest, entry_record(e)});
}

std::string slug_for(const CoachEntry& e) {
  std::string s = core::file_slug(e.bundle.dossier.last_name + " " + e.bundle.dossier.first_name);
  return s.empty() ? std::string("candidat") : s;
}

const core::Attachment* attachment(const CoachEntry& e, std::string_view id) {
  return find_attachment(e.bundle.dossier, id);
}

} // namespace

// [SECTION] Import ====================================================================================

void coach_file_begin(AppState& s, const cmd::FileBegin& c, Effects& fx) {
  auto e = std::make_unique<CoachEntry>();
  e->id = s.workspace.next_id++;
  e->job = c.job;
  e->file_name = c.name;
  e->size = c.size;
  if (c.size == 0 || c.size > core::max_bundle_bytes) {
    e->check = CoachEntry::Check::refused;
    e->refusal.push_back({core::Severity::error, c.size == 0 ? "file_empty" : "file_too_large", "",
                          c.size == 0 ? "the file is empty" : "the file is larger than any dossier bundle can be"});
    fx.push_back(fx::CancelFile{c.job});
  }
  s.workspace.entries.push_back(std::move(e));
}

CoachEntry* coach_entry_for_job(AppState& s, std::uint32_t job) {
  for (auto& e : s.workspace.entries) {
    if (e->job == job && (e->check == CoachEntry::Check::queued || e->check == CoachEntry::Check::reading)) return e.get();
  }
  return nullptr;
}

void coach_file_chunk(AppState& s, const cmd::FileChunk& c, Effects& fx) {
  CoachEntry* e = coach_entry_for_job(s, c.job);
  if (!e) return;
  if (e->text.size() + c.bytes.size() > e->size) {
    e->check = CoachEntry::Check::refused;
    e->refusal.push_back({core::Severity::error, "read_failed", "", "the file changed while it was read"});
    e->text = {};
    fx.push_back(fx::CancelFile{c.job});
    return;
  }
  if (e->text.empty()) e->text.reserve(static_cast<std::size_t>(e->size));
  e->check = CoachEntry::Check::reading;
  e->text += c.bytes;
  e->progress = e->size ? 0.3 * static_cast<double>(e->text.size()) / static_cast<double>(e->size) : 0;
}

void coach_file_end(AppState& s, std::uint32_t job) {
  CoachEntry* e = coach_entry_for_job(s, job);
  if (!e) return;
  if (e->text.size() != e->size) {
    e->check = CoachEntry::Check::refused;
    e->refusal.push_back({core::Severity::error, "read_failed", "", "the file could not be read completely"});
    e->text = {};
    return;
  }
  e->check = CoachEntry::Check::verifying;
}

void coach_file_failed(AppState& s, std::uint32_t job, const std::string& error) {
  CoachEntry* e = coach_entry_for_job(s, job);
  if (!e) return;
  e->check = CoachEntry::Check::refused;
  e->refusal.push_back({core::Severity::error, "read_failed", "", "the browser could not read the file (" + error + ")"});
  e->text = {};
}

bool step_coach(AppState& s, Effects& fx, std::size_t budget) {
  Workspace& w = s.workspace;
  bool working = false;
  // Attachments stored by the previous step's effects leave the heap now (the platform copied them out).
  for (auto& e : w.entries) {
    if (e->check != CoachEntry::Check::valid || e->bytes_stored) continue;
    for (auto& p : e->bundle.dossier.pieces) {
      for (auto& f : p.files) f.bytes = std::string();
    }
    e->bytes_stored = true;
  }
  // Bundles whose attachments' digests are on their way let the next one go on, but at most two wait at
  // once: each holds its decoded attachments in the heap.
  int waiting = 0;
  for (const auto& e : w.entries) waiting += e->verifier && e->verifier->waiting() ? 1 : 0;
  for (auto& owned : w.entries) {
    CoachEntry& e = *owned;
    // Files still arriving are the browser's work: their chunks wake the app, nothing to do here.
    if (e.check != CoachEntry::Check::verifying) continue;
    if (e.verifier && e.verifier->waiting()) continue;  // its digests wake the app when they come
    if (!e.verifier && waiting >= 2) continue;
    working = true;
    if (!e.verifier) {
      // One pass over the text (shown as "checking…" from the next frame); the text is freed right after.
      e.verifier = make_verifier(s, e.text);
      e.verifier->forget_text();
      e.text = std::string();
      e.progress = 0.4;
      return true;
    }
    const bool verified = e.verifier->step(budget);
    request_digests(*e.verifier, true, e.id, fx);
    if (!verified) {
      e.progress = 0.4 + 0.6 * e.verifier->progress();
      return true;
    }
    auto result = e.verifier->finish();
    e.verifier.reset();
    e.progress = 1;
    if (!result.ok()) {
      e.check = CoachEntry::Check::refused;
      e.refusal = result.issues();
      fx.push_back(fx::Announce{catalog_for(s.prefs.lang).format("coach.announce.refused", {{"name", e.file_name}})});
      return true;
    }
    e.bundle = std::move(result).value();
    e.summary = core::summarize_bundle(e.bundle, s.referential, s.ruleset);
    e.check = CoachEntry::Check::valid;
    retriage(w);
    if (is_duplicate(w, e)) {
      e.bytes_stored = true;  // its twin holds the same attachments under the same keys
      for (auto& p : e.bundle.dossier.pieces) {
        for (auto& f : p.files) f.bytes = std::string();
      }
    } else {
      e.evaluation = core::make_evaluation(e.bundle, s.referential);
      e.evaluation.coach = {w.profile.name, w.profile.organisation, w.profile.email};
      for (const auto& p : e.bundle.dossier.pieces) {
        for (const auto& f : p.files) fx.push_back(fx::StoreCoachFile{e.id, f.id});
      }
      save_entry(e, fx);
    }
    fx.push_back(fx::Announce{catalog_for(s.prefs.lang).format("coach.announce.imported", {{"name", e.file_name}})});
    return true;  // one bundle per step
  }
  return working;
}

// [SECTION] Commands ==================================================================================

namespace {

CoachEntry* valid(AppState& s, std::uint32_t id) {
  CoachEntry* e = find_entry(s.workspace, id);
  return e && e->check == CoachEntry::Check::valid && !is_duplicate(s.workspace, *e) ? e : nullptr;
}

void download(Effects& fx, std::string name, const char* type, std::string bytes) {
  fx.push_back(fx::Download{std::move(name), type, std::move(bytes)});
}

// A refusal from core, kept on the entry for the view to show.
void remember(CoachEntry& e, std::vector<core::Issue> issues) { e.last_issues = std::move(issues); }

} // namespace

void handle(AppState&, const cmd::PickCohort&, Effects& fx) { fx.push_back(fx::PickFiles{coach_target, {}, true}); }

void handle(AppState& s, const cmd::SelectEntry& c, Effects&) {
  s.workspace.selected = c.id;
  s.workspace.viewed.reset();
}

void handle(AppState& s, const cmd::RemoveEntry& c, Effects& fx) {
  auto& entries = s.workspace.entries;
  auto it = std::find_if(entries.begin(), entries.end(), [&](const auto& e) { return e->id == c.id; });
  if (it == entries.end()) return;
  const CoachEntry& e = **it;
  if (e.check == CoachEntry::Check::valid) {
    // A duplicate shares its twin's stored files: they go only with the last entry of that digest.
    int same = 0;
    for (const auto& x : entries) same += x->check == CoachEntry::Check::valid && x->bundle.digest == e.bundle.digest;
    if (same == 1) {
      fx::DeleteCoachEntry del{e.bundle.digest, {}};
      for (const auto& p : e.bundle.dossier.pieces) {
        for (const auto& f : p.files) del.file_keys.push_back(coach_file_key(e.bundle.digest, f.id));
      }
      fx.push_back(std::move(del));
    }
  }
  if (e.check == CoachEntry::Check::queued || e.check == CoachEntry::Check::reading) fx.push_back(fx::CancelFile{e.job});
  if (s.workspace.selected == c.id) s.workspace.selected.reset();
  if (s.workspace.timer && s.workspace.timer->entry == c.id) s.workspace.timer.reset();
  entries.erase(it);
  retriage(s.workspace);
}

void handle(AppState& s, const cmd::ClearWorkspace&, Effects& fx) {
  for (const auto& e : s.workspace.entries) {
    if (e->check == CoachEntry::Check::queued || e->check == CoachEntry::Check::reading) fx.push_back(fx::CancelFile{e->job});
  }
  s.workspace.entries.clear();
  s.workspace.triage = {};
  s.workspace.selected.reset();
  s.workspace.timer.reset();
  s.workspace.viewed.reset();
  fx.push_back(fx::ClearCoachStorage{});
  fx.push_back(fx::Announce{catalog_for(s.prefs.lang).text("coach.cleared")});
}

void handle(AppState& s, const cmd::CoachEntryLoaded& c, Effects&) {
  auto e = entry_from_record(c.record, s.referential, s.ruleset);
  if (!e) return;
  for (const auto& x : s.workspace.entries) {
    if (x->check == CoachEntry::Check::valid && x->bundle.digest == e->bundle.digest) return;
  }
  e->id = s.workspace.next_id++;
  s.workspace.entries.push_back(std::move(e));
  retriage(s.workspace);
}

void handle(AppState& s, const cmd::CoachProfileLoaded& c, Effects&) {
  const auto j = nlohmann::json::parse(c.json, nullptr, false);
  if (!j.is_object()) return;
  auto text = [&](const char* k) {
    auto it = j.find(k);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  CoachProfile& p = s.workspace.profile;
  p = {text("name"), text("organisation"), text("email"), text("place"), text("signatory_name"),
       text("signatory_role"), text("issuer_id")};
}

void handle(AppState& s, const cmd::SetProfile& c, Effects& fx) {
  s.workspace.profile = c.profile;
  const CoachProfile& p = c.profile;
  const nlohmann::json j = {{"name", p.name}, {"organisation", p.organisation}, {"email", p.email}, {"place", p.place},
                            {"signatory_name", p.signatory_name}, {"signatory_role", p.signatory_role},
                            {"issuer_id", p.issuer_id}};
  fx.push_back(fx::StoreValue{coach_profile_key, j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)});
  // Records not yet decided take the coach's identity as it is now.
  for (auto& e : s.workspace.entries) {
    if (e->check != CoachEntry::Check::valid || !e->evaluation.decisions.empty()) continue;
    const core::Coach coach{p.name, p.organisation, p.email};
    if (e->evaluation.coach == coach) continue;
    e->evaluation.coach = coach;
    save_entry(*e, fx);
  }
}

void handle(AppState& s, const cmd::CoachFileLoaded& c, Effects&) {
  auto& v = s.workspace.viewed;
  if (!v) return;
  const CoachEntry* e = find_entry(s.workspace, v->entry);
  if (!e || coach_file_key(e->bundle.digest, v->attachment_id) != c.key) return;
  v->loading = false;
  v->failed = !c.ok;
  v->bytes = c.bytes;
}

void handle(AppState& s, const cmd::ViewFile& c, Effects& fx) {
  CoachEntry* e = find_entry(s.workspace, c.entry);
  if (!e || e->check != CoachEntry::Check::valid) return;
  const core::Attachment* a = attachment(*e, c.attachment_id);
  if (!a) return;
  const std::string key = coach_file_key(e->bundle.digest, a->id);
  const std::string& t = a->media_type;
  if (t == "application/pdf") {
    fx.push_back(fx::OpenCoachFile{key, t});
    return;
  }
  if (t == "image/png" || t == "image/jpeg" || t == "image/webp" || t == "text/csv") {
    ViewedFile v{c.entry, a->id, t, {}, true, false};
    if (!a->bytes.empty()) {
      v.bytes = a->bytes;
      v.loading = false;
    } else {
      fx.push_back(fx::LoadCoachFile{key});
    }
    s.workspace.viewed = std::move(v);
    return;
  }
  fx.push_back(fx::SaveCoachFile{key, a->name, t});  // office files: the coach's own software opens them
}

void handle(AppState& s, const cmd::SaveFile& c, Effects& fx) {
  CoachEntry* e = find_entry(s.workspace, c.entry);
  if (!e || e->check != CoachEntry::Check::valid) return;
  if (const core::Attachment* a = attachment(*e, c.attachment_id)) {
    // Named after its detected type, without bidi or invisible characters (core/file_name.hpp): opened
    // from disk, a PDF claimed as "x.html" must not run as a page.
    fx.push_back(fx::SaveCoachFile{coach_file_key(e->bundle.digest, a->id), core::disk_file_name(a->name, a->media_type, "piece"),
                                   a->media_type});
  }
}

void handle(AppState& s, const cmd::CloseViewer&, Effects&) { s.workspace.viewed.reset(); }

void handle(AppState&, const cmd::OpenLink& c, Effects& fx) {
  // Candidate-supplied: only https, only on the coach's explicit request.
  if (core::is_https_url(c.url)) fx.push_back(fx::OpenUrl{c.url});
}

void handle(AppState& s, const cmd::PlanInterview& c, Effects& fx) {
  CoachEntry* e = valid(s, c.entry);
  if (!e) return;
  if (e->evaluation.planned == c.planned) return;
  e->evaluation.planned = c.planned;
  save_entry(*e, fx);
}

void handle(AppState& s, const cmd::ClearPlan& c, Effects& fx) {
  CoachEntry* e = valid(s, c.entry);
  if (!e || !e->evaluation.planned) return;
  e->evaluation.planned.reset();
  save_entry(*e, fx);
}

void handle(AppState& s, const cmd::ExportInvitation& c, Effects& fx) {
  CoachEntry* e = valid(s, c.entry);
  if (!e) return;
  auto ics = core::interview_invitation_ics(e->evaluation, s.referential, {s.clock_utc, e->invitation_sequence});
  if (!ics.ok()) {
    remember(*e, ics.issues());
    return;
  }
  ++e->invitation_sequence;  // a changed invitation sent later replaces this one in calendars
  const std::string day = e->evaluation.planned ? core::to_iso(e->evaluation.planned->date) : core::to_iso(s.today);
  download(fx, "entretien-" + slug_for(*e) + "-" + day + ".ics", "text/calendar", std::move(ics).value());
  save_entry(*e, fx);
}

namespace {

// The held interview of a record, made when the timer first runs.
core::HeldInterview& held_of(AppState& s, CoachEntry& e) {
  if (!e.evaluation.held) {
    core::HeldInterview h;
    h.date = s.today;
    if (e.evaluation.planned) h.mode = e.evaluation.planned->mode;
    e.evaluation.held = h;
  }
  return *e.evaluation.held;
}

void stop_timer(AppState& s, Effects& fx) {
  auto& t = s.workspace.timer;
  if (!t || !t->running) return;
  t->accumulated_ms = t->elapsed_ms(s.clock_ms);
  t->running = false;
  if (CoachEntry* e = valid(s, t->entry)) {
    held_of(s, *e).elapsed_seconds = static_cast<std::int32_t>(std::min(t->accumulated_ms / 1000.0, 86400.0));
    save_entry(*e, fx);
  }
}

} // namespace

void handle(AppState& s, const cmd::TimerStart& c, Effects& fx) {
  CoachEntry* e = valid(s, c.entry);
  if (!e) return;
  auto& t = s.workspace.timer;
  if (t && t->entry != c.entry) stop_timer(s, fx);
  if (!t || t->entry != c.entry) {
    InterviewTimer fresh;
    fresh.entry = c.entry;
    fresh.accumulated_ms = e->evaluation.held ? e->evaluation.held->elapsed_seconds * 1000.0 : 0.0;
    t = fresh;
  }
  if (t->running) return;
  held_of(s, *e);
  t->running = true;
  t->started_ms = s.clock_ms;
  save_entry(*e, fx);
}

void handle(AppState& s, const cmd::TimerPause&, Effects& fx) { stop_timer(s, fx); }

void handle(AppState& s, const cmd::TimerReset&, Effects& fx) {
  auto& t = s.workspace.timer;
  if (!t) return;
  t->running = false;
  t->accumulated_ms = 0;
  if (CoachEntry* e = valid(s, t->entry); e && e->evaluation.held) {
    e->evaluation.held->elapsed_seconds = 0;
    save_entry(*e, fx);
  }
}

void handle(AppState& s, const cmd::SetHeld& c, Effects& fx) {
  CoachEntry* e = valid(s, c.entry);
  if (!e) return;
  core::HeldInterview h = c.held;
  if (e->evaluation.held) h.elapsed_seconds = e->evaluation.held->elapsed_seconds;  // the timer owns it
  if (e->evaluation.held == h) return;
  e->evaluation.held = h;
  save_entry(*e, fx);
}

void handle(AppState& s, const cmd::SetGridEntry& c, Effects& fx) {
  CoachEntry* e = valid(s, c.entry);
  if (!e) return;
  core::GridEntry* g = core::find_grid_entry(e->evaluation, c.value.competency_id);
  if (!g || *g == c.value) return;
  const std::string expected = g->expected_level;  // the referential's, never edited
  *g = c.value;
  g->expected_level = expected;
  save_entry(*e, fx);
}

void handle(AppState& s, const cmd::RecordDecision& c, Effects& fx) {
  CoachEntry* e = valid(s, c.entry);
  if (!e) return;
  core::Decision d;
  d.decision = c.kind;
  d.reasons = c.reasons;
  d.date = c.date;
  d.recorded_at = s.clock_utc;
  auto issues = core::record_decision(e->evaluation, d);
  const bool refused = core::has_errors(issues);
  remember(*e, std::move(issues));
  if (refused) return;
  save_entry(*e, fx);
  fx.push_back(fx::Announce{catalog_for(s.prefs.lang).text(c.kind == core::DecisionKind::admis ? "coach.announce.admis"
                                                                                               : "coach.announce.ajourne")});
}

void handle(AppState& s, const cmd::SetAttestation& c, Effects& fx) {
  CoachEntry* e = valid(s, c.entry);
  if (!e) return;
  if (e->evaluation.attestation && e->evaluation.attestation->issued) return;  // issued: never edited
  core::Attestation a = c.value;
  a.issued = false;
  a.issued_at.clear();
  if (e->evaluation.attestation == a) return;
  e->evaluation.attestation = a;
  save_entry(*e, fx);
}

void handle(AppState& s, const cmd::IssueAttestation& c, Effects& fx) {
  CoachEntry* e = valid(s, c.entry);
  if (!e) return;
  auto issues = core::issue_attestation(e->evaluation, s.clock_utc);
  const bool refused = core::has_errors(issues);
  remember(*e, std::move(issues));
  if (refused) return;
  save_entry(*e, fx);
  fx.push_back(fx::Announce{catalog_for(s.prefs.lang).text("coach.announce.issued")});
}

namespace {

// The attestation as it stands: the issued document once issued, the preview before; refusals are
// kept on the entry for the view.
std::optional<std::string> attestation_for(AppState& s, CoachEntry& e, bool& issued) {
  issued = e.evaluation.attestation && e.evaluation.attestation->issued;
  auto html = core::attestation_html(e.evaluation, s.referential,
                                     issued ? core::AttestationVariant::issued : core::AttestationVariant::preview);
  if (!html.ok()) {
    remember(e, html.issues());
    return std::nullopt;
  }
  return std::move(html).value();
}

} // namespace

void handle(AppState& s, const cmd::PreviewAttestation& c, Effects& fx) {
  CoachEntry* e = valid(s, c.entry);
  bool issued = false;
  if (!e) return;
  if (auto html = attestation_for(s, *e, issued)) fx.push_back(fx::OpenDocument{std::move(*html)});
}

void handle(AppState& s, const cmd::DownloadAttestation& c, Effects& fx) {
  CoachEntry* e = valid(s, c.entry);
  bool issued = false;
  if (!e) return;
  if (auto html = attestation_for(s, *e, issued)) {
    download(fx, std::string(issued ? "attestation-" : "apercu-attestation-") + slug_for(*e) + ".html", "text/html",
             std::move(*html));
  }
}

void handle(AppState& s, const cmd::ExportEvaluation& c, Effects& fx) {
  CoachEntry* e = valid(s, c.entry);
  if (!e) return;
  download(fx, "evaluation-" + slug_for(*e) + "-" + core::to_iso(s.today) + ".json", "application/json",
           core::write_evaluation(e->evaluation));
}

void handle(AppState& s, const cmd::DownloadEvaluationSheet& c, Effects& fx) {
  CoachEntry* e = valid(s, c.entry);
  if (!e) return;
  // The bundle adds the startup and the file names (attachment bytes are not needed, only their names).
  auto html = core::evaluation_html(e->evaluation, s.referential, &e->bundle, lang_code(s.prefs.lang));
  if (!html.ok()) {
    remember(*e, html.issues());
    return;
  }
  download(fx, "fiche-evaluation-" + slug_for(*e) + "-" + core::to_iso(s.today) + ".html", "text/html",
           std::move(html).value());
}

void handle(AppState& s, const cmd::ExportBadge& c, Effects& fx) {
  CoachEntry* e = valid(s, c.entry);
  if (!e) return;
  core::BadgeInputs in;
  in.issuer_id = s.workspace.profile.issuer_id;
  in.valid_from = s.clock_utc;
  in.salt = s.entropy;  // fresh random bytes from the platform, one salt per credential
  auto badge = core::open_badge_credential(e->evaluation, s.referential, in);
  if (!badge.ok()) {
    remember(*e, badge.issues());
    return;
  }
  download(fx, "badge-" + slug_for(*e) + ".json", "application/ld+json", std::move(badge).value());
}

void handle(AppState& s, const cmd::ExportCohort& c, Effects& fx) {
  std::vector<core::BundleSummary> summaries;
  std::vector<const core::Evaluation*> evaluations;
  for (const auto* e : valid_entries(s.workspace)) {
    summaries.push_back(e->summary);
    if (!is_duplicate(s.workspace, *e)) evaluations.push_back(&e->evaluation);
  }
  const auto rows = core::cohort_rows(summaries, s.workspace.triage, evaluations);
  download(fx, "cohorte-" + core::to_iso(s.today) + (c.semicolon ? "-excel" : "") + ".csv", "text/csv",
           core::cohort_csv(rows, c.semicolon ? ';' : ','));
}

} // namespace app
