// The coach's workspace: importing a cohort (a file at a time, verified a slice at a time), triage, the
// evaluation record of each bundle, what the coach hands out, and local keeping of it all.
//
// [SECTION] Workspace lookups and records
// [SECTION] Import: files in, bundles verified, attachments moved to local storage
// [SECTION] Commands
#include "app/coach_ops.hpp"

#include "app/app.hpp"
#include "app/exchange.hpp"
#include "app/keys.hpp"
#include "app/mail_drafts.hpp"
#include "app/signing.hpp"
#include "core/documents/attestation.hpp"
#include "core/formats/badge.hpp"
#include "core/domain/cohort_csv.hpp"
#include "core/model/dossier.hpp"
#include "core/model/names.hpp"
#include "core/codecs/file_name.hpp"
#include "core/documents/evaluation_html.hpp"
#include "core/documents/ics.hpp"
#include "core/codecs/json_reader.hpp"
#include "core/codecs/json_strict.hpp"
#include "core/formats/sniff.hpp"
#include "core/domain/coach_rules.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <limits>
#include <utility>

namespace app {

// [SECTION] Workspace lookups and records ===========================================================

namespace {

// The programmes as core's jury merge knows them.
std::vector<core::Programme> known_programmes(const std::vector<core::LoadedProgramme>& loaded) {
  std::vector<core::Programme> out;
  out.reserve(loaded.size());
  for (const auto& p : loaded) out.push_back(p.programme);
  return out;
}

} // namespace


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
  // The jury's work: the other juror's record as imported, and the jury's record (its resolutions and
  // decisions; its grid and comparisons are recomputed from the two records when read back).
  if (e.jury && e.jury_outcome) {
    j["jury"] = {{"peer_file", e.jury->peer_file},
                 {"peer", core::evaluation_document(e.jury->peer)},
                 {"record", core::evaluation_document(*e.jury_outcome)}};
  }
  if (e.credential) j["credential"] = credential_record(*e.credential);
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

const core::LoadedProgramme* find_programme(const std::vector<core::LoadedProgramme>& programmes, std::string_view id) noexcept {
  for (const auto& p : programmes) {
    if (p.programme.id == id) return &p;
  }
  return nullptr;
}

const core::LoadedProgramme* programme_for_bundle(const std::vector<core::LoadedProgramme>& programmes,
                                                  const core::Bundle& bundle) noexcept {
  std::vector<core::Programme> known;
  known.reserve(programmes.size());
  for (const auto& p : programmes) known.push_back(p.programme);
  const auto match = core::programme_for_document(known, bundle.programme_id, bundle.referential_id, bundle.ruleset_id);
  return match ? find_programme(programmes, match->programme_id) : nullptr;
}

std::unique_ptr<CoachEntry> entry_from_record(std::string_view record, const std::vector<core::LoadedProgramme>& programmes,
                                              const core::LoadedProgramme& fallback) {
  // Our own record, read back as strictly as any file: local storage can be altered or damaged.
  const auto parsed = core::parse_json_strict(record);
  if (!parsed) return nullptr;
  std::vector<core::Issue> ignored;  // an unreadable wrapper has nothing to show: the entry is skipped
  core::ReaderRules rules("record", core::ReaderRules::Integers::count);
  rules.report_unknown = false;
  core::JsonReader r(rules, ignored);
  core::JsonObject root = r.root(*parsed, "a workspace entry");
  const std::string* digest = root.string("digest");
  const nlohmann::json* document = root.get("bundle");
  if (digest == nullptr || document == nullptr || !document->is_object()) return nullptr;
  auto e = std::make_unique<CoachEntry>();
  e->file_name = root.string_or_empty("file_name", core::optional);
  e->size = static_cast<std::uint64_t>(root.integer("size", 0, std::int64_t{1} << 53, core::optional).value_or(0));
  const auto sequence = root.integer("invitation_sequence", 0, std::numeric_limits<std::int64_t>::max(), core::optional);
  e->invitation_sequence = static_cast<std::int32_t>(std::min<std::int64_t>(sequence.value_or(0), 10000));
  e->restored = true;
  e->logged = true;  // received in an earlier visit: its line is in the stored log
  e->bytes_stored = true;
  // The bundle and the record through the same readers as files: a record that fails them (damaged, or
  // kept before a limit existed) is shown refused, with the reasons, and left in storage untouched.
  auto refuse = [&](std::vector<core::Issue> issues) {
    e->check = CoachEntry::Check::refused;
    e->refusal = std::move(issues);
    e->bundle.digest = *digest;  // with the attachments' ids: what removing the entry deletes from storage
    if (const auto a = document->find("answers"); a != document->end()) e->bundle.dossier = core::answers_from_json(*a, ignored);
    return std::move(e);
  };
  auto bundle = core::bundle_from_document(*document, *digest);
  if (!bundle) return refuse(bundle.issues());
  e->bundle = std::move(bundle).value();
  const core::LoadedProgramme* own = programme_for_bundle(programmes, e->bundle);
  const core::LoadedProgramme& programme = own ? *own : fallback;
  e->programme_id = programme.programme.id;
  e->programme_named = !e->bundle.programme_id.empty();
  const core::Referential& referential = programme.referential;
  const core::Ruleset& ruleset = programme.ruleset;
  if (const nlohmann::json* ev = root.get("evaluation", core::optional)) {
    auto evaluation = core::evaluation_from_json(*ev);
    if (!evaluation) return refuse(evaluation.issues());
    e->evaluation = std::move(evaluation).value();
  }
  if (e->evaluation.bundle.digest != e->bundle.digest) e->evaluation = core::make_evaluation(e->bundle, referential);
  e->summary = core::summarize_bundle(e->bundle, referential, ruleset);
  e->check = CoachEntry::Check::valid;
  if (core::JsonObject jury = root.object("jury", core::optional)) {
    // Kept by this app, read back as strictly: what fails leaves the jury's work out, said on the entry.
    const nlohmann::json* peer_doc = jury.get("peer");
    const nlohmann::json* record_doc = jury.get("record");
    const core::Issue missing{core::Severity::error, "jury.member_missing", "/jury", "the jury's records are missing"};
    auto peer = peer_doc ? core::evaluation_from_json(*peer_doc) : core::Result<core::Evaluation>(missing);
    auto kept = record_doc ? core::evaluation_from_json(*record_doc) : core::Result<core::Evaluation>(missing);
    if (peer.ok() && kept.ok()) {
      auto merge = core::reopen_merge(e->evaluation, *peer, *kept, known_programmes(programmes));
      if (merge.ok()) {
        e->jury = JuryWork{std::move(peer).value(), jury.string_or_empty("peer_file", core::optional), std::move(merge).value(),
                           kept->attestation};
      } else {
        e->jury_issues = merge.issues();
      }
    } else {
      e->jury_issues = peer.ok() ? kept.issues() : peer.issues();
    }
  }
  refresh_outcome(*e, programme.programme.assessor_count, programmes);
  if (const nlohmann::json* credential = root.get("credential", core::optional)) e->credential = read_credential_record(*credential);
  return e;
}

void refresh_outcome(CoachEntry& e, std::int32_t assessors, const std::vector<core::LoadedProgramme>& programmes) {
  if (assessors < 2) {
    e.jury.reset();
    e.jury_outcome.reset();
    return;
  }
  if (!e.jury) {
    // No jury yet: the coach's grid and proposal, no decision (the jury's is the one that counts).
    core::Evaluation pending = e.evaluation;
    pending.decisions.clear();
    pending.attestation.reset();
    e.jury_outcome = std::move(pending);
    return;
  }
  // The two records merged as they are now; the levels retained and the jury's decisions carried over.
  auto merged = core::merge_records(e.evaluation, e.jury->peer, known_programmes(programmes));
  if (merged.ok()) {
    merged->resolutions = std::move(e.jury->merge.resolutions);
    merged->decisions = std::move(e.jury->merge.decisions);
    e.jury->merge = std::move(merged).value();
    e.jury_issues.clear();
  } else {
    e.jury_issues = merged.issues();  // e.g. the coach's name changed to the other juror's: the last merge stays
  }
  core::Evaluation record = core::jury_record(e.jury->merge);
  record.attestation = e.jury->attestation;
  e.jury_outcome = std::move(record);
}

std::uint64_t stored_size(const core::Bundle& b, std::string_view attachment_id) {
  // Attachment bytes leave the heap once stored; the size the bundle lists stays.
  const core::Attachment* a = find_attachment(b.dossier, attachment_id);
  return a ? a->listed_size : 0;
}

namespace {

// The cohort regrouped after a bundle came or went; with it, what changed since each candidate's
// previous version (computed here, when the cohort changes, not while drawing).
void retriage(Workspace& w) {
  std::vector<CoachEntry*> valid;
  for (auto& e : w.entries) {
    if (e->check == CoachEntry::Check::valid) valid.push_back(e.get());
  }
  std::vector<core::BundleSummary> summaries;
  for (const auto* e : valid) summaries.push_back(e->summary);
  w.triage = core::triage(summaries);
  for (std::size_t i = 0; i < valid.size(); ++i) {
    const std::int32_t previous = i < w.triage.entries.size() ? w.triage.entries[i].previous : -1;
    if (previous >= 0 && static_cast<std::size_t>(previous) < valid.size()) {
      valid[i]->changes = core::diff(valid[static_cast<std::size_t>(previous)]->bundle, valid[i]->bundle);
    } else {
      valid[i]->changes.reset();
    }
  }
}

bool is_duplicate(const Workspace& w, const CoachEntry& e) {
  const core::TriageEntry* t = triage_of(w, e);
  return t && t->duplicate_of >= 0;
}

} // namespace

void save_entry(const AppState& s, CoachEntry& e, Effects& fx) {
  if (e.check != CoachEntry::Check::valid) return;
  refresh_outcome(e, entry_programme(s, e).programme.assessor_count, s.programmes);
  fx.push_back(fx::SaveCoachEntry{e.bundle.digest, entry_record(e)});
}

namespace {

std::string slug_for(const CoachEntry& e) {
  return core::person_slug(e.bundle.dossier.last_name, e.bundle.dossier.first_name, "candidat");
}

const core::Attachment* attachment(const CoachEntry& e, std::string_view id) {
  return find_attachment(e.bundle.dossier, id);
}

core::Attachment* find_attachment_in(core::Dossier& d, std::string_view id) {
  for (auto& p : d.pieces) {
    for (auto& f : p.files) {
      if (f.id == id) return &f;
    }
  }
  return nullptr;
}

// Bytes of the workspace's attachments whose write to local storage is on its way (not failed: those stay
// in memory whatever happens, and must not hold up the import).
std::size_t unstored_bytes(const AppState& s) {
  std::size_t n = 0;
  for (const auto& [item, w] : s.storage.writes) {
    const auto* f = std::get_if<fx::StoreCoachFile>(&w.write);
    if (!f || !w.in_flight) continue;
    if (const CoachEntry* e = find_entry(s.workspace, f->entry)) {
      if (const core::Attachment* a = attachment(*e, f->attachment_id)) n += a->bytes.size();
    }
  }
  return n;
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
    e->refusal.push_back({core::Severity::error, c.size == 0 ? "file.empty" : "file.too_large", "",
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

namespace {

// A file refused while it was read: nothing of it is kept (never a partial dossier).
void refuse_reading(CoachEntry& e, core::Issue issue) {
  e.check = CoachEntry::Check::refused;
  e.refusal.push_back(std::move(issue));
  e.text = {};
  e.opener.reset();
}

// A piece of a sealed file: the header first (then the workspace's identities are tried, or the coach
// is asked for the passphrase), then the payload, each 64 KiB chunk verified before its plaintext joins
// `text`. False when the file is refused.
bool open_piece(AppState& s, CoachEntry& e, std::string_view piece) {
  core::AgeOpener& o = *e.opener;
  if (e.awaiting_passphrase) {  // the platform sent more before it held the reading: kept for later
    e.held.append(piece);
    return true;
  }
  std::size_t at = 0;
  while (at < piece.size() && o.stage() == core::AgeOpener::Stage::header) at += o.feed(piece.substr(at), e.text);
  if (o.stage() == core::AgeOpener::Stage::locked) {
    if (o.header().passphrase) {
      e.awaiting_passphrase = true;
      e.held.assign(piece.substr(at));
      return true;
    }
    if (!o.unlock(identities(s.keys))) {
      refuse_reading(e, o.error());  // age.wrong_key names the fingerprints the header gives
      return false;
    }
    if (e.text.empty()) e.text.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(o.plaintext_size(e.size), core::max_bundle_bytes)));
  }
  while (at < piece.size() && o.stage() == core::AgeOpener::Stage::payload) at += o.feed(piece.substr(at), e.text);
  if (o.failed()) {
    refuse_reading(e, o.error());
    return false;
  }
  return true;
}

// The end of a file read whole: a sealed one must end with its final chunk. Then it is verified.
void finish_sealed(CoachEntry& entry) {
  CoachEntry* e = &entry;
  if (e->opener) {
    // A file cut short verifies chunk by chunk: only its end says it is whole.
    if (e->opener->stage() == core::AgeOpener::Stage::header || !e->opener->finish(e->text)) {
      core::Issue why = e->opener->stage() == core::AgeOpener::Stage::header || e->opener->error().code.empty()
                            ? core::Issue{core::Severity::error, core::age_truncated, "header", "the file ends inside its header"}
                            : e->opener->error();
      refuse_reading(*e, std::move(why));
      return;
    }
    e->opener.reset();
  }
  e->check = CoachEntry::Check::verifying;
}

} // namespace

void coach_file_chunk(AppState& s, const cmd::FileChunk& c, Effects& fx) {
  CoachEntry* e = coach_entry_for_job(s, c.job);
  if (!e) return;
  if (e->received + c.bytes.size() > e->size) {
    refuse_reading(*e, {core::Severity::error, "file.unreadable", "", "the file changed while it was read"});
    fx.push_back(fx::CancelFile{c.job});
    return;
  }
  if (e->received == 0 && core::looks_like_age(c.bytes)) {
    e->sealed = true;
    core::AgeOpenOptions options;
    options.max_plaintext_bytes = core::max_bundle_bytes;  // the opened bundle must fit the 32-bit heap
    e->opener = std::make_unique<core::AgeOpener>(options);
  }
  e->received += c.bytes.size();
  e->check = CoachEntry::Check::reading;
  e->progress = e->size ? 0.3 * static_cast<double>(e->received) / static_cast<double>(e->size) : 0;
  if (e->sealed) {
    // Opened as it arrives: only the plaintext is kept, never the sealed file and its contents at once.
    const bool was_waiting = e->awaiting_passphrase;
    if (!open_piece(s, *e, c.bytes)) fx.push_back(fx::CancelFile{c.job});
    else if (e->awaiting_passphrase && !was_waiting) fx.push_back(fx::PauseFile{c.job});
    return;
  }
  if (e->text.empty()) e->text.reserve(static_cast<std::size_t>(e->size));
  e->text += c.bytes;
}

void coach_file_end(AppState& s, std::uint32_t job) {
  CoachEntry* e = coach_entry_for_job(s, job);
  if (!e) return;
  if (e->received != e->size) {
    refuse_reading(*e, {core::Severity::error, "file.unreadable", "", "the file could not be read completely"});
    return;
  }
  if (e->awaiting_passphrase) {  // whole, but not open yet: finished once the passphrase is given
    e->ended = true;
    return;
  }
  finish_sealed(*e);
}

void coach_file_failed(AppState& s, std::uint32_t job, const std::string& error) {
  CoachEntry* e = coach_entry_for_job(s, job);
  if (!e) return;
  e->check = CoachEntry::Check::refused;
  e->refusal.push_back({core::Severity::error, "file.unreadable", "", "the browser could not read the file (" + error + ")"});
  e->text = {};
}

namespace {
CoachEntry* awaiting_passphrase(AppState& s, std::uint32_t id) {
  CoachEntry* e = find_entry(s.workspace, id);
  return e && e->check == CoachEntry::Check::reading && e->awaiting_passphrase && e->opener ? e : nullptr;
}
} // namespace

void handle(AppState& s, const cmd::OpenWithPassphrase& c, Effects& fx) {
  CoachEntry* e = awaiting_passphrase(s, c.entry);
  if (!e || c.passphrase.empty()) return;
  core::AgeOpener& o = *e->opener;
  // scrypt runs here, once: about 1.5 s in a browser at age's work factor.
  if (!o.unlock_with_passphrase(c.passphrase)) {
    if (o.failed()) {  // for good (a work factor over the limit, a modified header): nothing is kept
      refuse_reading(*e, o.error());
      e->awaiting_passphrase = false;
      e->held = {};
      fx.push_back(fx::CancelFile{e->job});
      return;
    }
    e->passphrase_error = o.error().code;  // a wrong passphrase: asked again
    fx.push_back(fx::Announce{catalog_for(s.prefs.lang).text("issue." + e->passphrase_error)});
    return;
  }
  e->awaiting_passphrase = false;
  e->passphrase_error.clear();
  const std::string held = std::exchange(e->held, {});
  if (e->text.empty()) e->text.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(o.plaintext_size(e->size), core::max_bundle_bytes)));
  if (!open_piece(s, *e, held)) {
    fx.push_back(fx::CancelFile{e->job});
    return;
  }
  if (e->ended) finish_sealed(*e);
  else fx.push_back(fx::ResumeFile{e->job});
}

void handle(AppState& s, const cmd::SkipPassphrase& c, Effects& fx) {
  CoachEntry* e = awaiting_passphrase(s, c.entry);
  if (!e) return;
  e->awaiting_passphrase = false;
  e->held = {};
  refuse_reading(*e, {core::Severity::error, "age.passphrase_skipped", "header",
                      "not opened: the passphrase it is sealed with was not given"});
  if (!e->ended) fx.push_back(fx::CancelFile{e->job});
}

bool step_coach(AppState& s, Effects& fx, std::size_t budget) {
  Workspace& w = s.workspace;
  bool working = false;
  // Attachments leave the heap once local storage confirms their write (write_reported); while many bytes
  // are still on their way, the next bundle waits (its confirmations wake the app).
  const bool storage_busy = unstored_bytes(s) > w.unstored_bytes_cap;
  // Bundles whose attachments' digests are on their way let the next one go on, but at most two wait at
  // once: each holds its decoded attachments in the heap.
  int waiting = 0;
  for (const auto& e : w.entries) waiting += e->verifier && e->verifier->waiting() ? 1 : 0;
  for (auto& owned : w.entries) {
    CoachEntry& e = *owned;
    // Files still arriving are the browser's work: their chunks wake the app, nothing to do here.
    if (e.check != CoachEntry::Check::verifying) continue;
    if (e.verifier && e.verifier->waiting()) continue;  // its digests wake the app when they come
    if (!e.verifier && (waiting >= 2 || storage_busy)) continue;
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
    // Evaluated with the programme it was made for, which may not be the host's.
    const core::LoadedProgramme* programme = programme_for_bundle(s.programmes, e.bundle);
    if (!programme) {
      e.check = CoachEntry::Check::refused;
      e.refusal.push_back({core::Severity::error, "bundle.programme_unknown", e.bundle.programme_id.empty() ? "/referential" : "/programme",
                           "the bundle is for a programme this version does not know"});
      fx.push_back(fx::Announce{catalog_for(s.prefs.lang).format("coach.announce.refused", {{"name", e.file_name}})});
      return true;
    }
    e.programme_id = programme->programme.id;
    e.programme_named = !e.bundle.programme_id.empty();
    e.summary = core::summarize_bundle(e.bundle, programme->referential, programme->ruleset);
    e.check = CoachEntry::Check::valid;
    retriage(w);
    if (is_duplicate(w, e)) {
      e.bytes_stored = true;  // its twin holds the same attachments under the same keys
      for (auto& p : e.bundle.dossier.pieces) {
        for (auto& f : p.files) f.bytes = std::string();
      }
    } else {
      e.evaluation = core::make_evaluation(e.bundle, programme->referential);
      e.evaluation.coach = {w.profile.name, w.profile.organisation, w.profile.email};
      bool files = false;
      for (const auto& p : e.bundle.dossier.pieces) {
        for (const auto& f : p.files) {
          fx.push_back(fx::StoreCoachFile{e.id, f.id});
          files = true;
        }
      }
      e.bytes_stored = !files;
      save_entry(s, e, fx);
    }
    fx.push_back(fx::Announce{catalog_for(s.prefs.lang).format("coach.announce.imported", {{"name", e.file_name}})});
    return true;  // one bundle per step
  }
  return working;
}

// [SECTION] Commands ==================================================================================

CoachEntry* valid(AppState& s, std::uint32_t id) {
  CoachEntry* e = find_entry(s.workspace, id);
  return e && e->check == CoachEntry::Check::valid && !is_duplicate(s.workspace, *e) ? e : nullptr;
}

void download(Effects& fx, std::string name, const char* type, std::string bytes) {
  fx.push_back(fx::Download{std::move(name), type, std::move(bytes)});
}

void remember(CoachEntry& e, std::vector<core::Issue> issues) { e.last_issues = std::move(issues); }

void handle(AppState&, const cmd::PickCohort&, Effects& fx) { fx.push_back(fx::PickFiles{coach_target, {}, true}); }

void handle(AppState& s, const cmd::SelectEntry& c, Effects&) {
  s.workspace.selected = c.id;
  s.workspace.viewed.reset();
}

void handle(AppState& s, const cmd::RemoveEntry& c, Effects& fx) {
  auto& entries = s.workspace.entries;
  auto it = std::find_if(entries.begin(), entries.end(), [&](const auto& e) { return e->id == c.id; });
  if (it == entries.end()) return;
  CoachEntry& e = **it;
  // A restored entry shown refused is in storage too.
  const auto in_storage = [](const CoachEntry& x) { return x.check == CoachEntry::Check::valid || x.restored; };
  if (in_storage(e)) {
    // A duplicate shares its twin's stored files: they go only with the last entry of that digest. Files
    // whose write is not confirmed yet are only in this entry's memory: the twin takes them over.
    int same = 0;
    for (const auto& x : entries) {
      if (!in_storage(*x) || x->bundle.digest != e.bundle.digest) continue;
      ++same;
      if (x.get() == &e) continue;
      for (auto& p : e.bundle.dossier.pieces) {
        for (auto& f : p.files) {
          if (f.bytes.empty()) continue;
          if (auto* mine = find_attachment_in(x->bundle.dossier, f.id); mine && mine->bytes.empty()) {
            mine->bytes = std::move(f.bytes);
            x->bytes_stored = false;
          }
        }
      }
    }
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
  s.workspace.received = {};
  fx.push_back(fx::ClearCoachStorage{});
  fx.push_back(fx::StoreValue{received_log_key, core::received_log_json(s.workspace.received)});
  fx.push_back(fx::Announce{catalog_for(s.prefs.lang).text("coach.cleared")});
}

void handle(AppState& s, const cmd::CoachEntryLoaded& c, Effects&) {
  auto e = entry_from_record(c.record, s.programmes, s.programme);
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
       text("signatory_role"), text("issuer_id"), text("cpf_id_client"), text("cpf_id_contrat")};
}

void handle(AppState& s, const cmd::SetProfile& c, Effects& fx) {
  s.workspace.profile = c.profile;
  const CoachProfile& p = c.profile;
  const nlohmann::json j = {{"name", p.name}, {"organisation", p.organisation}, {"email", p.email}, {"place", p.place},
                            {"signatory_name", p.signatory_name}, {"signatory_role", p.signatory_role},
                            {"issuer_id", p.issuer_id}, {"cpf_id_client", p.cpf_id_client}, {"cpf_id_contrat", p.cpf_id_contrat}};
  fx.push_back(fx::StoreValue{coach_profile_key, j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)});
  // Records not yet decided take the coach's identity as it is now.
  for (auto& e : s.workspace.entries) {
    if (e->check != CoachEntry::Check::valid || !e->evaluation.decisions.empty()) continue;
    const core::Coach coach{p.name, p.organisation, p.email};
    if (e->evaluation.coach == coach) continue;
    e->evaluation.coach = coach;
    save_entry(s, *e, fx);
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
  const core::FileOpening how = core::file_opening(t);
  if (how == core::FileOpening::new_tab) {
    fx.push_back(fx::OpenCoachFile{key, t});
    return;
  }
  if (how == core::FileOpening::image || how == core::FileOpening::table) {
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
    // Named after its detected type, without bidi or invisible characters (core/codecs/file_name.hpp): opened
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

void handle(AppState& s, const cmd::OpenMail& c, Effects& fx) {
  CoachEntry* e = valid(s, c.entry);
  if (!e) return;
  const auto draft = mail_draft(s, *e, c.kind);
  if (!draft) return;
  const core::MailtoLink link = mail_link(*draft, candidate_lang(*e));
  if (link.uri.rfind("mailto:", 0) != 0) return;  // only ever a mail draft
  fx.push_back(fx::OpenMailto{link.uri});
  fx.push_back(fx::Announce{catalog_for(s.prefs.lang).text(link.truncated ? "coach.mail.opened.cut" : "coach.mail.opened")});
}

void handle(AppState& s, const cmd::ReceivedLogLoaded& c, Effects&) {
  // Read at start; a file received before it arrived (none in practice) stays after the stored lines.
  core::ReceivedLog log = core::received_log_from_json(c.json);
  for (auto& line : s.workspace.received.lines) core::log_received(log, std::move(line));
  s.workspace.received = std::move(log);
}

void log_received_files(AppState& s, Effects& fx) {
  bool added = false;
  for (auto& owned : s.workspace.entries) {
    CoachEntry& e = *owned;
    if (e.logged || (e.check != CoachEntry::Check::valid && e.check != CoachEntry::Check::refused)) continue;
    e.logged = true;
    core::ReceivedFile line;
    line.name = e.file_name;
    line.received_at = s.clock_utc;
    if (e.check == CoachEntry::Check::refused) {
      line.verdict = core::ReceivedVerdict::refused;
      for (const auto& i : e.refusal) {
        if (i.severity == core::Severity::error) {
          line.reason = i.code;
          break;
        }
      }
    } else {
      line.verdict = is_duplicate(s.workspace, e) ? core::ReceivedVerdict::duplicate : core::ReceivedVerdict::accepted;
      line.candidate = e.summary.first_name + (e.summary.first_name.empty() ? "" : " ") + e.summary.last_name;
    }
    core::log_received(s.workspace.received, std::move(line));
    added = true;
  }
  if (added) fx.push_back(fx::StoreValue{received_log_key, core::received_log_json(s.workspace.received)});
}

void handle(AppState& s, const cmd::PlanInterview& c, Effects& fx) {
  CoachEntry* e = valid(s, c.entry);
  if (!e) return;
  if (e->evaluation.planned == c.planned) return;
  e->evaluation.planned = c.planned;
  save_entry(s, *e, fx);
}

void handle(AppState& s, const cmd::ClearPlan& c, Effects& fx) {
  CoachEntry* e = valid(s, c.entry);
  if (!e || !e->evaluation.planned) return;
  e->evaluation.planned.reset();
  save_entry(s, *e, fx);
}

void handle(AppState& s, const cmd::ExportInvitation& c, Effects& fx) {
  CoachEntry* e = valid(s, c.entry);
  if (!e) return;
  auto ics = core::interview_invitation_ics(e->evaluation, entry_programme(s, *e).referential, {s.clock_utc, e->invitation_sequence});
  if (!ics.ok()) {
    remember(*e, ics.issues());
    return;
  }
  ++e->invitation_sequence;  // a changed invitation sent later replaces this one in calendars
  // Named as the e-mail draft that asks for it to be attached (app/mail_drafts.hpp).
  download(fx, invitation_file_name(*e, s.today), "text/calendar", std::move(ics).value());
  save_entry(s, *e, fx);
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
    save_entry(s, *e, fx);
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
  save_entry(s, *e, fx);
}

void handle(AppState& s, const cmd::TimerPause&, Effects& fx) { stop_timer(s, fx); }

void handle(AppState& s, const cmd::TimerReset&, Effects& fx) {
  auto& t = s.workspace.timer;
  if (!t) return;
  t->running = false;
  t->accumulated_ms = 0;
  if (CoachEntry* e = valid(s, t->entry); e && e->evaluation.held) {
    e->evaluation.held->elapsed_seconds = 0;
    save_entry(s, *e, fx);
  }
}

void handle(AppState& s, const cmd::SetHeld& c, Effects& fx) {
  CoachEntry* e = valid(s, c.entry);
  if (!e) return;
  core::HeldInterview h = c.held;
  if (e->evaluation.held) h.elapsed_seconds = e->evaluation.held->elapsed_seconds;  // the timer owns it
  if (e->evaluation.held == h) return;
  e->evaluation.held = h;
  save_entry(s, *e, fx);
}

void handle(AppState& s, const cmd::SetGridEntry& c, Effects& fx) {
  CoachEntry* e = valid(s, c.entry);
  if (!e) return;
  core::GridEntry* g = core::find_grid_entry(e->evaluation, c.value.competency_id);
  if (!g || *g == c.value) return;
  const std::string expected = g->expected_level;  // the referential's, never edited
  *g = c.value;
  g->expected_level = expected;
  save_entry(s, *e, fx);
}

namespace {

// A decision as the coach (or the jury) states it, entered now.
core::Decision decision_now(const AppState& s, core::DecisionKind kind, const std::string& reasons, const core::Date& date) {
  core::Decision d;
  d.decision = kind;
  d.reasons = reasons;
  d.date = date;
  d.recorded_at = s.clock_utc;
  return d;
}

} // namespace

void handle(AppState& s, const cmd::RecordDecision& c, Effects& fx) {
  CoachEntry* e = valid(s, c.entry);
  if (!e) return;
  auto issues = core::record_decision(e->evaluation, decision_now(s, c.kind, c.reasons, c.date));
  const bool refused = core::has_errors(issues);
  remember(*e, std::move(issues));
  if (refused) return;
  save_entry(s, *e, fx);
  fx.push_back(fx::Announce{catalog_for(s.prefs.lang).text(c.kind == core::DecisionKind::admis ? "coach.announce.admis"
                                                                                               : "coach.announce.ajourne")});
}

namespace {

// Where the attestation is written: the jury's record for a jury of two (nowhere before the other
// juror's record is in: there is no jury decision to attest), else the coach's record.
std::optional<core::Attestation>* attestation_slot(CoachEntry& e) {
  if (e.jury_outcome) return e.jury ? &e.jury->attestation : nullptr;
  return &e.evaluation.attestation;
}

} // namespace

void handle(AppState& s, const cmd::SetAttestation& c, Effects& fx) {
  CoachEntry* e = valid(s, c.entry);
  if (!e) return;
  std::optional<core::Attestation>* slot = attestation_slot(*e);
  if (!slot || (*slot && (*slot)->issued)) return;  // issued: never edited
  core::Attestation a = c.value;
  a.issued = false;
  a.issued_at.clear();
  if (*slot == a) return;
  *slot = a;
  save_entry(s, *e, fx);
}

namespace {

// The certifier's profile as the attestation's defaults (core::attestation_draft).
core::AttestationDefaults attestation_defaults(const AppState& s) {
  const CoachProfile& p = s.workspace.profile;
  return {p.place, p.signatory_name, p.signatory_role};
}

// The first time the coach acts on a record's attestation, it takes the profile's defaults (and is
// kept): what the Decision tab showed is what is previewed, downloaded or issued.
void prepare_attestation(AppState& s, CoachEntry& e, Effects& fx) {
  const core::AttestationDefaults defaults = attestation_defaults(s);
  std::optional<core::Attestation>* slot = attestation_slot(e);
  if (!slot || !core::takes_attestation_defaults(outcome(e), defaults)) return;
  *slot = core::attestation_draft(outcome(e), defaults);
  save_entry(s, e, fx);
}

} // namespace

void handle(AppState& s, const cmd::IssueAttestation& c, Effects& fx) {
  CoachEntry* e = valid(s, c.entry);
  if (!e) return;
  prepare_attestation(s, *e, fx);
  core::Evaluation work = outcome(*e);  // issued on the record the outcome is read from
  auto issues = core::issue_attestation(work, s.clock_utc);
  std::optional<core::Attestation>* slot = attestation_slot(*e);
  const bool refused = core::has_errors(issues) || !slot;
  remember(*e, std::move(issues));
  if (refused) return;
  *slot = work.attestation;
  save_entry(s, *e, fx);
  fx.push_back(fx::Announce{catalog_for(s.prefs.lang).text("coach.announce.issued")});
  sign_credential(s, *e, fx, false);  // with a key and an issuer, its credential and QR code at once
}

namespace {

// The attestation as it stands: the issued document once issued, the preview before; refusals are
// kept on the entry for the view.
std::optional<std::string> attestation_for(AppState& s, CoachEntry& e, bool& issued, Effects& fx) {
  prepare_attestation(s, e, fx);
  const core::Evaluation& record = outcome(e);
  issued = record.attestation && record.attestation->issued;
  // Once signed, the issued attestation carries the credential's id and its QR code.
  const std::optional<core::AttestationProof> proof =
      issued && e.credential ? std::optional<core::AttestationProof>(attestation_proof(*e.credential)) : std::nullopt;
  auto html = core::attestation_html(record, entry_programme(s, e).referential,
                                     issued ? core::AttestationVariant::issued : core::AttestationVariant::preview,
                                     proof ? &*proof : nullptr);
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
  if (auto html = attestation_for(s, *e, issued, fx)) fx.push_back(fx::OpenDocument{std::move(*html)});
}

void handle(AppState& s, const cmd::DownloadAttestation& c, Effects& fx) {
  CoachEntry* e = valid(s, c.entry);
  bool issued = false;
  if (!e) return;
  if (auto html = attestation_for(s, *e, issued, fx)) {
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
  auto html = core::evaluation_html(e->evaluation, entry_programme(s, *e).referential, &e->bundle, lang_code(s.prefs.lang));
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
  auto badge = core::open_badge_credential(outcome(*e), entry_programme(s, *e).referential, in);
  if (!badge.ok()) {
    remember(*e, badge.issues());
    return;
  }
  download(fx, "apercu-badge-non-signe-" + slug_for(*e) + ".json", "application/ld+json", std::move(badge).value());
}

void handle(AppState& s, const cmd::ExportCohort& c, Effects& fx) {
  std::vector<core::BundleSummary> summaries;
  std::vector<const core::Evaluation*> evaluations;
  for (const auto* e : valid_entries(s.workspace)) {
    summaries.push_back(e->summary);
    if (!is_duplicate(s.workspace, *e)) evaluations.push_back(&outcome(*e));
  }
  const auto rows = core::cohort_rows(summaries, s.workspace.triage, evaluations);
  download(fx, "cohorte-" + core::to_iso(s.today) + (c.semicolon ? "-excel" : "") + ".csv", "text/csv",
           core::cohort_csv(rows, c.semicolon ? ';' : ','));
}

// A jury of two ---------------------------------------------------------------------------------------

namespace {

// The jurors' names as the record of what they settled together: "Alex Martin, Sam Bernard".
std::string both_jurors(const core::JuryMerge& m) { return m.a.juror.name + ", " + m.b.juror.name; }

CoachEntry* jury_entry(AppState& s, std::uint32_t id) {
  CoachEntry* e = valid(s, id);
  return e && e->jury_outcome ? e : nullptr;  // a programme with a jury of two
}

} // namespace

void handle(AppState& s, const cmd::PickJuryRecord& c, Effects& fx) {
  if (!jury_entry(s, c.entry)) return;
  s.workspace.jury_pick = c.entry;
  fx.push_back(fx::PickFiles{jury_target, {}, false});
}

void import_jury_record(AppState& s, const std::string& file_name, const std::string& bytes, Effects& fx) {
  CoachEntry* e = jury_entry(s, s.workspace.jury_pick);
  if (!e) return;
  const Catalog& tr = catalog_for(s.prefs.lang);
  // As hostile as any file: read strictly, then merged only with a record of this very bundle.
  auto peer = core::parse_evaluation(bytes);
  if (!peer.ok()) {
    e->jury_issues = peer.issues();
    fx.push_back(fx::Announce{tr.format("coach.jury.announce.refused", {{"name", file_name}})});
    return;
  }
  auto merge = core::merge_records(e->evaluation, *peer, known_programmes(s.programmes));
  if (!merge.ok()) {
    e->jury_issues = merge.issues();
    fx.push_back(fx::Announce{tr.format("coach.jury.announce.refused", {{"name", file_name}})});
    return;
  }
  // A newer record of the same juror replaces theirs; what the jury settled stays.
  JuryWork work{std::move(peer).value(), file_name, std::move(merge).value(), std::nullopt};
  if (e->jury && e->jury->merge.b.juror.name == work.merge.b.juror.name) {
    work.merge.resolutions = e->jury->merge.resolutions;
    work.merge.decisions = e->jury->merge.decisions;
    work.attestation = e->jury->attestation;
  }
  e->jury = std::move(work);
  e->jury_issues.clear();
  save_entry(s, *e, fx);
  const std::size_t open = e->jury->merge.open_differences().size();
  fx.push_back(fx::Announce{tr.format("coach.jury.announce.imported", {{"name", e->jury->merge.b.juror.name},
                                                                      {"count", tr.count("coach.jury.differences.", static_cast<double>(open))}})});
}

void handle(AppState& s, const cmd::ResolveJury& c, Effects& fx) {
  CoachEntry* e = jury_entry(s, c.entry);
  if (!e || !e->jury) return;
  auto issues = core::resolve(e->jury->merge, c.competency, c.level, entry_programme(s, *e).referential,
                              both_jurors(e->jury->merge), s.clock_utc);
  e->jury_issues = issues;
  if (core::has_errors(issues)) return;
  save_entry(s, *e, fx);
}

void handle(AppState& s, const cmd::RecordJuryDecision& c, Effects& fx) {
  CoachEntry* e = jury_entry(s, c.entry);
  if (!e || !e->jury) return;
  auto issues = core::decide(e->jury->merge, decision_now(s, c.kind, c.reasons, c.date));
  e->jury_issues = issues;
  if (core::has_errors(issues)) return;
  save_entry(s, *e, fx);
  fx.push_back(fx::Announce{catalog_for(s.prefs.lang).text(c.kind == core::DecisionKind::admis ? "coach.jury.announce.admis"
                                                                                               : "coach.jury.announce.ajourne")});
}

void handle(AppState& s, const cmd::RemoveJuryRecord& c, Effects& fx) {
  CoachEntry* e = jury_entry(s, c.entry);
  if (!e || !e->jury) return;
  if (e->jury->attestation && e->jury->attestation->issued) return;  // what was attested stays
  e->jury.reset();
  e->jury_issues.clear();
  save_entry(s, *e, fx);
}

void handle(AppState& s, const cmd::ExportJuryRecord& c, Effects& fx) {
  CoachEntry* e = jury_entry(s, c.entry);
  if (!e || !e->jury) return;
  download(fx, "evaluation-jury-" + slug_for(*e) + "-" + core::to_iso(s.today) + ".json", "application/json",
           core::write_evaluation(outcome(*e)));
}

} // namespace app
