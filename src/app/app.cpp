// The application: commands in, state changes and effects out.
//
// [SECTION] Names           — ids and paths of screens, steps, fields
// [SECTION] Start-up        — the embedded referential and ruleset
// [SECTION] Files           — reading a file into a piece: limits first, then content, then attach
// [SECTION] apply           — one handler per command
// [SECTION] Preferences and snapshot
#include "app/app.hpp"

#include "app/coach_ops.hpp"
#include "app/exchange.hpp"
#include "app/keys.hpp"
#include "app/declaration.hpp"
#include "app/signing.hpp"
#include "app/storage.hpp"
#include "app/verify.hpp"
#include "assets/assets.hpp"
#include "core/codecs/json_strict.hpp"
#include "core/formats/sniff.hpp"
#include "core/codecs/utf8.hpp"
#include "core/version.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <utility>
#include <cmath>
#include <cstdlib>
#include <iterator>

namespace app {

// [SECTION] Names ==================================================================================

namespace {

// One row per enumerator, in declaration order: the enum's value is its row. The static_asserts make a
// new enumerator without its row a compile error.
constexpr const char* screen_ids[] = {"welcome", "candidate", "coach", "accessibility", "verify"};
constexpr const char* step_ids[] = {"overview", "eligibility", "questionnaire", "pieces", "review", "next_steps"};
constexpr const char* stage_ids[] = {"periods", "phases", "verdict"};
static_assert(std::size(screen_ids) == static_cast<std::size_t>(Screen::verify) + 1);
static_assert(std::size(step_ids) == static_cast<std::size_t>(CandidateStep::next_steps) + 1);
static_assert(std::size(stage_ids) == static_cast<std::size_t>(EligibilityStage::verdict) + 1);

// A questionnaire field: its id (catalog key suffix), its JSON Pointer in the answers, its member.
struct FieldRow {
  Field field;
  const char* id;
  const char* path;
  std::string core::Dossier::*member;
};
constexpr FieldRow field_rows[] = {
    {Field::first_name, "first_name", "/identity/first_name", &core::Dossier::first_name},
    {Field::last_name, "last_name", "/identity/last_name", &core::Dossier::last_name},
    {Field::email, "email", "/identity/email", &core::Dossier::email},
    {Field::administration, "administration", "/identity/administration", &core::Dossier::administration},
    {Field::status, "status", "/identity/status", &core::Dossier::status},
    {Field::position, "position", "/identity/position", &core::Dossier::position},
    {Field::startup_name, "startup_name", "/startup/name", &core::Dossier::startup_name},
    {Field::incubator, "incubator", "/startup/incubator", &core::Dossier::incubator},
    {Field::startup_phase, "startup_phase", "/startup/phase", &core::Dossier::startup_phase},
    {Field::startup_start, "startup_start", "/startup/start_date", &core::Dossier::startup_start},
    {Field::startup_site, "startup_site", "/startup/site", &core::Dossier::startup_site},
    {Field::role, "role", "/startup/role", &core::Dossier::role},
    {Field::purpose_detail, "purpose_detail", "/purposes/detail", &core::Dossier::purpose_detail},
    {Field::cpf_birth_name, "cpf_birth_name", "/cpf_identity/birth_name", &core::Dossier::cpf_birth_name},
    {Field::cpf_usage_name, "cpf_usage_name", "/cpf_identity/usage_name", &core::Dossier::cpf_usage_name},
    {Field::cpf_first_name1, "cpf_first_name1", "/cpf_identity/first_names/0", &core::Dossier::cpf_first_name1},
    {Field::cpf_first_name2, "cpf_first_name2", "/cpf_identity/first_names/1", &core::Dossier::cpf_first_name2},
    {Field::cpf_first_name3, "cpf_first_name3", "/cpf_identity/first_names/2", &core::Dossier::cpf_first_name3},
    {Field::cpf_sex, "cpf_sex", "/cpf_identity/sex", &core::Dossier::cpf_sex},
    {Field::cpf_birth_date, "cpf_birth_date", "/cpf_identity/birth_date", &core::Dossier::cpf_birth_date},
    {Field::cpf_birth_insee_code, "cpf_birth_insee_code", "/cpf_identity/birth_insee_code", &core::Dossier::cpf_birth_insee_code},
    {Field::cpf_birth_postal_code, "cpf_birth_postal_code", "/cpf_identity/birth_postal_code", &core::Dossier::cpf_birth_postal_code},
    {Field::cpf_birth_place_name, "cpf_birth_place_name", "/cpf_identity/birth_place_name", &core::Dossier::cpf_birth_place_name},
    {Field::cpf_birth_country_name, "cpf_birth_country_name", "/cpf_identity/birth_country_name", &core::Dossier::cpf_birth_country_name},
};
static_assert(std::size(field_rows) == static_cast<std::size_t>(Field::cpf_birth_country_name) + 1);
constexpr bool rows_in_order() {
  for (std::size_t i = 0; i < std::size(field_rows); ++i) {
    if (static_cast<std::size_t>(field_rows[i].field) != i) return false;
  }
  return true;
}
static_assert(rows_in_order(), "field_rows must list the fields in their declaration order");

template <typename E, std::size_t N>
const char* row_of(const char* const (&ids)[N], E e, const char* fallback) noexcept {
  const auto i = static_cast<std::size_t>(e);
  return i < N ? ids[i] : fallback;
}

const FieldRow& field_row(Field f) noexcept {
  const auto i = static_cast<std::size_t>(f);
  return field_rows[i < std::size(field_rows) ? i : std::size(field_rows) - 1];
}

} // namespace

const char* screen_id(Screen s) noexcept { return row_of(screen_ids, s, "welcome"); }
const char* step_id(CandidateStep s) noexcept { return row_of(step_ids, s, "overview"); }
const char* stage_id(EligibilityStage s) noexcept { return row_of(stage_ids, s, "periods"); }
const char* field_id(Field f) noexcept { return field_row(f).id; }
const char* field_path(Field f) noexcept { return field_row(f).path; }
std::string& field_value(core::Dossier& d, Field f) noexcept { return d.*field_row(f).member; }

FileTarget file_target(std::string_view id) noexcept {
  if (id == import_target) return FileTarget::import;
  if (id == coach_target) return FileTarget::cohort;
  if (id == keys_target) return FileTarget::keys;
  if (id == jury_target) return FileTarget::jury;
  if (id == verify_target) return FileTarget::verify;
  return FileTarget::piece;
}

const std::string& field_value(const core::Dossier& d, Field f) noexcept { return d.*field_row(f).member; }

namespace {

std::string screen_title_key(Screen s) { return std::string("title.") + screen_id(s); }

std::string verdict_summary(const AppState& s, const Catalog& tr) {
  if (!s.eligibility.result) return tr.text("elig.verdict.incomplete");
  return tr.text(s.eligibility.result->eligible ? "elig.verdict.eligible" : "elig.verdict.not_eligible");
}

// Typed text is kept as typed, never cut: the editor stops at the format's limits (core::max_text_chars,
// max_line_chars) and check_dossier says when a text is over them (a draft restored from before them).
std::string clean_text(std::string text) { return text; }

// A file name as the candidate chose it, without any directory part or control character.
std::string clean_file_name(std::string_view name) {
  const auto slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  std::string out;
  for (char c : name) {
    if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) out += c;
  }
  while (!out.empty() && (out.front() == '.' || out.front() == ' ')) out.erase(out.begin());  // no hidden files
  if (out.size() > 200) out.resize(200);
  return out.empty() ? std::string("fichier") : out;
}

core::Attachment* find_attachment_mut(core::Dossier& d, std::string_view id, core::Piece** piece = nullptr) {
  for (auto& p : d.pieces) {
    for (auto& f : p.files) {
      if (f.id == id) {
        if (piece) *piece = &p;
        return &f;
      }
    }
  }
  return nullptr;
}

} // namespace

// [SECTION] Start-up =================================================================================

AppState initial_state(core::Date today, SiteConfig site) {
  AppState s;
  s.today = today;
  const core::AssetLookup find = [](std::string_view path) { return assets::find(path); };
  for (const auto id : core::shipped_programme_ids()) {
    if (auto loaded = core::load_programme(id, find)) s.programmes.push_back(std::move(loaded).value());
  }
  const auto by_id = [&s](std::string_view id) -> const core::LoadedProgramme* {
    for (const auto& p : s.programmes) {
      if (p.programme.id == id) return &p;
    }
    return nullptr;
  };
  const core::LoadedProgramme* chosen = by_id(site.programme_id);
  if (!chosen) {
    site.problems.push_back({"site.programme_unknown", site.programme_id});
    site.programme_id = default_programme_id;
    chosen = by_id(site.programme_id);
  }
  if (chosen) s.programme = *chosen;
  s.calendar = core::make_calendar(s.programme.programme, site.sessions);
  s.site = std::move(site);
  s.verifier.revocations = revocation_check(s.site.credentials);
  s.draft = core::make_dossier(s.programme.referential);
  refresh_derived(s);
  return s;
}

void refresh_derived(AppState& s) {
  s.eligibility = check_eligibility(s.draft.eligibility, s.today, s.programme.ruleset);
  if (s.eligibility.result) {
    s.eligibility.sessions = sessions_eligibility(s.draft.eligibility, s.today, s.programme.ruleset, s.calendar, shown_sessions);
  }
  s.readiness = core::check_dossier(s.draft, s.programme.referential, s.today);
}

std::string title_for(const AppState& state, const Catalog& tr) {
  const std::string key = screen_title_key(state.screen);
  if (state.screen == Screen::welcome || !tr.has(key)) return tr.text("app.title");
  // Each of the candidate's steps has a title of its own (a browser tab, a screen reader's first words).
  const std::string step = std::string("step.") + step_id(state.candidate_step);
  if (state.screen == Screen::candidate && tr.has(step)) return tr.text(step) + " — " + tr.text(key) + " — " + tr.text("app.title");
  return tr.text(key) + " — " + tr.text("app.title");
}

const core::Attachment* find_attachment(const core::Dossier& d, std::string_view id) noexcept {
  for (const auto& p : d.pieces) {
    for (const auto& f : p.files) {
      if (f.id == id) return &f;
    }
  }
  return nullptr;
}

// [SECTION] Files ====================================================================================

namespace {

FileJob* find_job(AppState& s, std::uint32_t id) {
  for (auto& j : s.file_jobs) {
    if (j.id == id) return &j;
  }
  return nullptr;
}

void drop_job(AppState& s, std::uint32_t id) {
  s.file_jobs.erase(std::remove_if(s.file_jobs.begin(), s.file_jobs.end(), [&](const FileJob& j) { return j.id == id; }),
                    s.file_jobs.end());
}

// A file not added to `piece`; when it was to replace the attachment `replaces`, the refusal names the
// file that stays.
void refuse(AppState& s, const std::string& piece, const std::string& replaces, const std::string& name, const char* code,
            std::uint64_t size, std::string kind = {}, std::string detail = {}) {
  const core::Attachment* kept = replaces.empty() ? nullptr : find_attachment(s.draft, replaces);
  s.file_refusals.push_back({piece, name, code, std::move(kind), std::move(detail), size, kept ? kept->name : std::string()});
  if (s.file_refusals.size() > 20) s.file_refusals.erase(s.file_refusals.begin());
}

// Bytes the dossier would hold once every file being read has arrived, not counting `except`.
std::uint64_t committed_bytes(const AppState& s, const std::string& except) {
  std::uint64_t total = core::attachments_size(s.draft);
  if (!except.empty()) {
    if (const auto* a = find_attachment(s.draft, except)) total -= a->size();
  }
  for (const auto& j : s.file_jobs) total += j.size;
  return total;
}

// A file read whole before use (a bundle to re-import, an identity file), not hashed as it comes.
void queue_whole_file(AppState& s, const cmd::FileBegin& c, FileTarget target, const std::string& name) {
  FileJob job;
  job.id = c.job;
  job.target = target;
  job.piece_id = c.piece_id;
  job.name = name;
  job.size = c.size;
  s.file_jobs.push_back(std::move(job));
}

void file_begin(AppState& s, const cmd::FileBegin& c, Effects& fx) {
  const std::string name = clean_file_name(c.name);
  const FileTarget target = file_target(c.piece_id);
  if (target == FileTarget::cohort) {
    cmd::FileBegin named = c;
    named.name = name;
    coach_file_begin(s, named, fx);
    return;
  }
  if (target == FileTarget::keys) {
    // An identity file is a few hundred bytes: anything much larger is not one, and is not read.
    if (c.size == 0 || c.size > max_identity_file_bytes) {
      s.keys.imported.clear();
      s.keys.import_issues = {{core::Severity::error, c.size == 0 ? "file.empty" : "keys.file_too_large", "",
                               "an identity file is a few lines of text"}};
      fx.push_back(fx::CancelFile{c.job});
      return;
    }
    queue_whole_file(s, c, FileTarget::keys, name);
    return;
  }
  if (target == FileTarget::verify) {
    verify_file_begin(s, c, fx);
    if (c.size > 0 && c.size <= max_verify_file_bytes) queue_whole_file(s, c, FileTarget::verify, name);
    return;
  }
  if (target == FileTarget::jury) {
    if (c.size == 0 || c.size > core::max_evaluation_bytes) {
      if (CoachEntry* e = find_entry(s.workspace, s.workspace.jury_pick)) {
        e->jury_issues = {{core::Severity::error, c.size == 0 ? "file.empty" : "file.too_large", "",
                           "an evaluation record is a few kilobytes of JSON"}};
      }
      fx.push_back(fx::CancelFile{c.job});
      return;
    }
    queue_whole_file(s, c, FileTarget::jury, name);
    return;
  }
  if (target == FileTarget::import) {
    if (c.size == 0 || c.size > core::max_bundle_bytes || s.import_job || !s.file_jobs.empty()) {
      ImportJob failed;
      failed.file_name = name;
      failed.stage = ImportJob::Stage::failed;
      failed.issues.push_back({core::Severity::error, c.size == 0 ? "file.empty" : "file.too_large", "",
                               "the file is empty or larger than a bundle can be"});
      if (!s.import_job) s.import_job = std::move(failed);
      fx.push_back(fx::CancelFile{c.job});
      return;
    }
    queue_whole_file(s, c, FileTarget::import, name);
    return;
  }
  const core::PieceSpec* spec = s.programme.referential.piece(c.piece_id);
  if (!spec || !spec->takes_files() || !core::find_piece(s.draft, c.piece_id)) {
    fx.push_back(fx::CancelFile{c.job});
    return;
  }
  // The limits are checked before reading a single byte: no one waits for a file that cannot be kept.
  if (c.size == 0) {
    refuse(s, c.piece_id, c.replaces, name, "empty", 0);
    fx.push_back(fx::CancelFile{c.job});
    return;
  }
  if (c.size > core::max_file_bytes) {
    refuse(s, c.piece_id, c.replaces, name, "file_too_large", c.size);
    fx.push_back(fx::CancelFile{c.job});
    return;
  }
  if (committed_bytes(s, c.replaces) + c.size > core::max_dossier_bytes) {
    refuse(s, c.piece_id, c.replaces, name, "dossier_full", c.size);
    fx.push_back(fx::CancelFile{c.job});
    return;
  }
  if (!spec->multiple && c.replaces.empty()) {
    for (const auto& j : s.file_jobs) {
      if (j.piece_id == c.piece_id) {  // two files dropped on a one-file piece: keep the first
        refuse(s, c.piece_id, c.replaces, name, "one_file_only", c.size);
        fx.push_back(fx::CancelFile{c.job});
        return;
      }
    }
  }
  FileJob job;
  job.id = c.job;
  job.piece_id = c.piece_id;
  job.name = name;
  job.size = c.size;
  job.replaces = c.replaces;
  s.file_jobs.push_back(std::move(job));
}

void file_end(AppState& s, FileJob& job, Effects& fx, const Catalog& tr) {
  const std::uint32_t id = job.id;
  if (job.target == FileTarget::import) {
    if (job.bytes.size() == job.size) start_import(s, job.name, std::move(job.bytes));
    drop_job(s, id);
    return;
  }
  if (job.target == FileTarget::keys) {
    // One import button for both kinds of key: an age identity file, or a signing key's private JWK.
    if (job.bytes.size() == job.size) {
      if (looks_like_jwk(job.bytes)) {
        import_signing_key_file(s, job.name, job.bytes, fx);
      } else {
        import_identity_file(s, job.name, job.bytes, fx, tr);
      }
    }
    drop_job(s, id);
    return;
  }
  if (job.target == FileTarget::jury) {
    if (job.bytes.size() == job.size) import_jury_record(s, job.name, job.bytes, fx);
    drop_job(s, id);
    return;
  }
  if (job.target == FileTarget::verify) {
    if (job.bytes.size() == job.size) verify_file(s, job.name, std::move(job.bytes), fx);
    drop_job(s, id);
    return;
  }
  if (job.bytes.size() != job.size) {
    refuse(s, job.piece_id, job.replaces, job.name, "read_failed", job.size);
    drop_job(s, id);
    return;
  }
  const core::Sniff sniff = core::sniff_media_type(job.bytes);
  if (!sniff.accepted) {
    refuse(s, job.piece_id, job.replaces, job.name, "type_refused", job.size, sniff.kind, sniff.detail);
    drop_job(s, id);
    return;
  }
  core::Piece* piece = core::find_piece(s.draft, job.piece_id);
  const core::PieceSpec* spec = s.programme.referential.piece(job.piece_id);
  if (!piece || !spec) {
    drop_job(s, id);
    return;
  }
  core::Attachment a;
  a.id = "a" + std::to_string(s.next_attachment++);
  a.name = job.name;
  a.media_type = sniff.media_type;
  a.sha256 = core::to_hex(job.hasher.finish());
  a.bytes = std::move(job.bytes);

  // Replace the named file, or the only file of a single-file piece; otherwise add.
  std::string replaced = job.replaces;
  if (replaced.empty() && !spec->multiple && !piece->files.empty()) replaced = piece->files.front().id;
  auto it = std::find_if(piece->files.begin(), piece->files.end(), [&](const auto& f) { return f.id == replaced; });
  if (it != piece->files.end()) {
    fx.push_back(fx::DeleteAttachment{it->id});
    *it = std::move(a);
    fx.push_back(fx::StoreAttachment{it->id});
    fx.push_back(fx::Announce{tr.format("files.announce.replaced", {{"name", it->name}})});
  } else {
    piece->files.push_back(std::move(a));
    fx.push_back(fx::StoreAttachment{piece->files.back().id});
    fx.push_back(fx::Announce{tr.format("files.announce.added", {{"name", piece->files.back().name}})});
  }
  drop_job(s, id);
}

} // namespace

// [SECTION] apply ====================================================================================

// The candidate's commands, one handle() overload each (the coach's are in coach.cpp); apply() below
// dispatches to them.
namespace {

// The draft changed: what derives from it is recomputed and it is saved at the end of the frame.
void draft_changed(AppState& s) {
  refresh_derived(s);
  s.storage.dirty = true;
}

// The user moved (screen, step, stage, scroll): the place a reload reopens at is kept on this device. A
// move cancels a reopened scroll not reached yet. Each change of screen or step starts at the page's top.
void moved(AppState& state, Effects& fx, bool new_page) {
  if (new_page) state.page_scroll = 0;
  state.scroll_to_restore.reset();
  fx.push_back(fx::StoreValue{place_storage_key, save_place(state)});
}

void handle(AppState& state, const cmd::GoTo& c, Effects& fx) {
  const Catalog& tr = catalog_for(state.prefs.lang);
  if (state.screen == c.screen) return;
  if (state.screen != Screen::accessibility) state.previous_screen = state.screen;
  state.screen = c.screen;
  fx.push_back(fx::SetTitle{title_for(state, tr)});
  fx.push_back(fx::Announce{title_for(state, tr)});
  moved(state, fx, true);
}

void handle(AppState& state, const cmd::SetLanguage& c, Effects& fx) {
  if (state.prefs.lang == c.lang) return;
  state.prefs.lang = c.lang;
  fx.push_back(fx::StoreValue{prefs_storage_key, save_prefs(state.prefs)});
  fx.push_back(fx::SetTitle{title_for(state, catalog_for(state.prefs.lang))});
}

void handle(AppState& state, const cmd::SetUiScale& c, Effects& fx) {
  const Catalog& tr = catalog_for(state.prefs.lang);
  const int percent = clamp_ui_scale(c.percent);
  if (state.prefs.ui_scale == percent) return;
  state.prefs.ui_scale = percent;
  fx.push_back(fx::StoreValue{prefs_storage_key, save_prefs(state.prefs)});
  fx.push_back(fx::Announce{tr.format("access.scale.announce", {{"percent", std::to_string(percent)}})});
}

// A display preference switched on or off: kept on this device, and said.
void switch_pref(AppState& state, bool Prefs::*member, bool on, const char* said_on, const char* said_off, Effects& fx) {
  if (state.prefs.*member == on) return;
  state.prefs.*member = on;
  fx.push_back(fx::StoreValue{prefs_storage_key, save_prefs(state.prefs)});
  fx.push_back(fx::Announce{catalog_for(state.prefs.lang).text(on ? said_on : said_off)});
}

void handle(AppState& state, const cmd::SetHighContrast& c, Effects& fx) {
  switch_pref(state, &Prefs::high_contrast, c.on, "access.contrast.on", "access.contrast.off", fx);
}

void handle(AppState& state, const cmd::SetTextVersion& c, Effects& fx) {
  switch_pref(state, &Prefs::text_version, c.on, "access.text_version.on", "access.text_version.off", fx);
}

void handle(AppState& state, const cmd::SetToday& c, Effects&) {
  state.today = c.today;
  refresh_derived(state);
}

void handle(AppState& state, const cmd::SetCandidateStep& c, Effects& fx) {
  if (state.candidate_step == c.step) return;
  state.candidate_step = c.step;
  moved(state, fx, true);
}

void handle(AppState& state, const cmd::PageScrolled& c, Effects& fx) {
  if (!c.restored && state.scroll_to_restore) return;  // the view reports its scroll once it has reopened it
  const float y = c.y > 0 ? c.y : 0;
  if (!c.restored && std::abs(y - state.page_scroll) < 1) return;
  state.page_scroll = y;
  moved(state, fx, false);
}

void handle(AppState& state, const cmd::FocusField& c, Effects& fx) {
  const bool new_page = state.candidate_step != c.step;
  state.candidate_step = c.step;
  moved(state, fx, new_page);
  state.focus.step = c.step;
  state.focus.path = c.path;
  ++state.focus.serial;
  if (c.step == CandidateStep::eligibility) {
    state.eligibility_stage = c.path.rfind("/eligibility/phases", 0) == 0 ? EligibilityStage::phases
                                                                            : EligibilityStage::periods;
  }
}

void handle(AppState& state, const cmd::SetEligibilityStage& c, Effects& fx) {
  const Catalog& tr = catalog_for(state.prefs.lang);
  if (state.eligibility_stage != c.stage) {
    state.eligibility_stage = c.stage;
    moved(state, fx, false);
  }
  if (c.stage == EligibilityStage::verdict) fx.push_back(fx::Announce{verdict_summary(state, tr)});
}

void handle(AppState& state, const cmd::AddPeriod&, Effects&) {
  if (state.draft.eligibility.periods.size() >= max_periods) return;
  state.draft.eligibility.periods.emplace_back();
  draft_changed(state);
}

void handle(AppState& state, const cmd::RemovePeriod& c, Effects&) {
  auto& ps = state.draft.eligibility.periods;
  if (c.index >= ps.size()) return;
  ps.erase(ps.begin() + static_cast<std::ptrdiff_t>(c.index));
  draft_changed(state);
}

void handle(AppState& state, const cmd::EditPeriod& c, Effects&) {
  auto& ps = state.draft.eligibility.periods;
  const core::PeriodAnswer value = normalized(c.value);
  if (c.index >= ps.size() || ps[c.index] == value) return;
  ps[c.index] = value;
  draft_changed(state);
}

void handle(AppState& state, const cmd::SetPhase& c, Effects&) {
  auto& slot = c.phase == Phase::investigation ? state.draft.eligibility.investigation
                                               : state.draft.eligibility.construction;
  if (slot == c.done) return;
  slot = c.done;
  draft_changed(state);
}

void handle(AppState& state, const cmd::SetDeclaration& c, Effects&) {
  auto& slot = c.which == Declaration::acceleration ? state.draft.eligibility.acceleration : state.draft.eligibility.holds_rs3536;
  if (slot == c.value) return;
  slot = c.value;
  draft_changed(state);
}

void handle(AppState& state, const cmd::SetConstructionSteps& c, Effects&) {
  if (state.draft.eligibility.construction_steps == c.text) return;
  state.draft.eligibility.construction_steps = c.text;
  draft_changed(state);
}

void handle(AppState& state, const cmd::SetField& c, Effects&) {
  std::string value = clean_text(c.value);
  if (c.field == Field::startup_start || c.field == Field::cpf_birth_date) value = core::normalize_user_date(value);
  std::string& slot = field_value(state.draft, c.field);
  if (slot == value) return;
  slot = std::move(value);
  draft_changed(state);
}

void handle(AppState& state, const cmd::SetEvidence& c, Effects&) {
  if (c.competency >= state.draft.competencies.size()) return;
  std::string& slot = state.draft.competencies[c.competency].evidence;
  std::string value = clean_text(c.text);
  if (slot == value) return;
  slot = std::move(value);
  draft_changed(state);
}

void handle(AppState& state, const cmd::ToggleEvidencePiece& c, Effects&) {
  if (c.competency >= state.draft.competencies.size() || !state.programme.referential.piece(c.piece_id)) return;
  auto& ids = state.draft.competencies[c.competency].piece_ids;
  auto it = std::find(ids.begin(), ids.end(), c.piece_id);
  if (it != ids.end()) ids.erase(it);
  else ids.push_back(c.piece_id);
  draft_changed(state);
}

void handle(AppState& state, const cmd::TogglePurpose& c, Effects&) {
  if (std::find(std::begin(core::purposes), std::end(core::purposes), c.purpose_id) == std::end(core::purposes)) return;
  auto& ps = state.draft.purposes;
  auto it = std::find(ps.begin(), ps.end(), c.purpose_id);
  if (it != ps.end()) ps.erase(it);
  else ps.push_back(c.purpose_id);
  draft_changed(state);
}

void handle(AppState& state, const cmd::SetPieceUrl& c, Effects&) {
  core::Piece* p = core::find_piece(state.draft, c.piece_id);
  std::string value = clean_text(c.url);
  while (!value.empty() && value.back() == ' ') value.pop_back();
  while (!value.empty() && value.front() == ' ') value.erase(value.begin());
  if (!p || p->url == value) return;
  p->url = std::move(value);
  draft_changed(state);
}

void handle(AppState& state, const cmd::SetPieceDescription& c, Effects&) {
  core::Piece* p = core::find_piece(state.draft, c.piece_id);
  std::string value = clean_text(c.text);
  if (!p || p->description == value) return;
  p->description = std::move(value);
  draft_changed(state);
}

void handle(AppState& state, const cmd::PickFiles& c, Effects& fx) {
  const core::PieceSpec* spec = state.programme.referential.piece(c.piece_id);
  if (!spec || !spec->takes_files()) return;
  fx.push_back(fx::PickFiles{c.piece_id, c.replaces, spec->multiple && c.replaces.empty()});
}

void handle(AppState& state, const cmd::RemoveAttachment& c, Effects& fx) {
  const Catalog& tr = catalog_for(state.prefs.lang);
  core::Piece* piece = nullptr;
  core::Attachment* a = find_attachment_mut(state.draft, c.attachment_id, &piece);
  if (!a) return;
  const std::string name = a->name;
  fx.push_back(fx::DeleteAttachment{a->id});
  piece->files.erase(piece->files.begin() + (a - piece->files.data()));
  fx.push_back(fx::Announce{tr.format("files.announce.removed", {{"name", name}})});
  draft_changed(state);
}

void handle(AppState& state, const cmd::RenameAttachment& c, Effects&) {
  core::Attachment* a = find_attachment_mut(state.draft, c.attachment_id);
  if (!a) return;
  const std::string name = clean_file_name(c.name);
  if (a->name == name) return;
  a->name = name;
  draft_changed(state);
}

void handle(AppState& state, const cmd::DismissRefusal& c, Effects&) {
  if (c.index < state.file_refusals.size()) {
    state.file_refusals.erase(state.file_refusals.begin() + static_cast<std::ptrdiff_t>(c.index));
  }
}

void handle(AppState& state, const cmd::FileBegin& c, Effects& fx) {
  file_begin(state, c, fx);
}

void handle(AppState& state, const cmd::FileChunk& c, Effects& fx) {
  FileJob* job = find_job(state, c.job);
  if (!job) {
    coach_file_chunk(state, c, fx);
    return;
  }
  if (job->bytes.size() + c.bytes.size() > job->size) {  // the file grew while being read
    refuse(state, job->piece_id, job->replaces, job->name, "read_failed", job->size);
    fx.push_back(fx::CancelFile{job->id});
    drop_job(state, c.job);
    return;
  }
  // Memory for the file is taken when it starts arriving, not while it waits in the queue.
  if (job->bytes.empty()) job->bytes.reserve(static_cast<std::size_t>(job->size));
  // A bundle being re-imported carries its own digests (verified next); a piece's file is hashed
  // as it arrives.
  if (job->target == FileTarget::piece) job->hasher.update(c.bytes.data(), c.bytes.size());
  job->bytes += c.bytes;
}

void handle(AppState& state, const cmd::FileEnd& c, Effects& fx) {
  const Catalog& tr = catalog_for(state.prefs.lang);
  FileJob* job = find_job(state, c.job);
  if (!job) {
    coach_file_end(state, c.job);
    return;
  }
  const bool to_piece = job->target == FileTarget::piece;
  file_end(state, *job, fx, tr);
  if (to_piece) draft_changed(state);
}

void handle(AppState& state, const cmd::FileDigest& c, Effects&) {
  take_digest(state, c);
}

void handle(AppState& state, const cmd::FileFailed& c, Effects&) {
  FileJob* job = find_job(state, c.job);
  if (!job) {
    coach_file_failed(state, c.job, c.error);
    return;
  }
  refuse(state, job->piece_id, job->replaces, job->name, "read_failed", job->size, c.error);
  drop_job(state, c.job);
}

void handle(AppState& state, const cmd::DropMissed&, Effects& fx) {
  const Catalog& tr = catalog_for(state.prefs.lang);
  refuse(state, "", "", "", "drop_outside", 0);
  fx.push_back(fx::Announce{tr.text("files.refused.drop_outside")});
}

void handle(AppState& state, const cmd::DraftLoaded& c, Effects&) {
  state.storage.status = c.error.empty() ? Storage::Status::ready : Storage::Status::failed;
  state.storage.error = c.error;
  if (!c.answers_json) return;
  const auto doc = nlohmann::json::parse(*c.answers_json, nullptr, false);
  if (doc.is_discarded()) return;
  std::vector<core::Issue> ignored;  // a saved draft is our own output; unreadable parts are dropped
  core::Dossier d = core::answers_from_json(doc, ignored);
  core::conform_to(d, state.programme.referential);
  state.draft = std::move(d);
  state.storage.draft_exists = true;
  state.storage.last_saved = c.saved_at;
  // New attachment ids must not collide with restored ones.
  for (const auto& p : state.draft.pieces) {
    for (const auto& f : p.files) {
      if (f.id.size() > 1 && f.id[0] == 'a') {
        const auto n = std::strtoul(f.id.c_str() + 1, nullptr, 10);
        if (n >= state.next_attachment) state.next_attachment = static_cast<std::uint32_t>(n + 1);
      }
    }
  }
  refresh_derived(state);
}

void handle(AppState& state, const cmd::AttachmentLoaded& c, Effects&) {
  core::Attachment* a = find_attachment_mut(state.draft, c.attachment_id);
  if (!a) return;
  a->bytes = c.bytes;
  refresh_derived(state);
}

void handle(AppState& state, const cmd::StorageWritten& c, Effects&) {
  write_reported(state, c);
}

void handle(AppState& state, const cmd::RetryStorage&, Effects& fx) {
  retry_writes(state, fx, true);
}

void handle(AppState& state, const cmd::SetClock& c, Effects&) {
  state.clock_utc = c.utc;
  state.clock_ms = c.monotonic_ms;
  state.entropy = c.entropy;
}

void handle(AppState& state, const cmd::ExportDossier&, Effects& fx) {
  if (state.storage.status != Storage::Status::loading) start_export(state, fx);
}

void handle(AppState& state, const cmd::DownloadSummary&, Effects& fx) {
  const Catalog& tr = catalog_for(state.prefs.lang);
  // Attachments come back from local storage at start: their sizes are known once it is ready.
  if (state.storage.status != Storage::Status::loading) download_summary(state, fx, tr);
}

void handle(AppState& state, const cmd::PickImport&, Effects& fx) {
  if (state.import_job && state.import_job->stage != ImportJob::Stage::failed) return;
  state.import_job.reset();
  fx.push_back(fx::PickFiles{import_target, {}, false});
}

void handle(AppState& state, const cmd::ConfirmImport&, Effects& fx) {
  const Catalog& tr = catalog_for(state.prefs.lang);
  confirm_import(state, fx, tr);
}

void handle(AppState& state, const cmd::CancelImport&, Effects& fx) {
  const Catalog& tr = catalog_for(state.prefs.lang);
  state.import_job.reset();
  fx.push_back(fx::Announce{tr.text("import.cancelled")});
}

void handle(AppState& state, const cmd::ClearLocalData&, Effects& fx) {
  const Catalog& tr = catalog_for(state.prefs.lang);
  state.draft = core::make_dossier(state.programme.referential);
  state.file_jobs.clear();
  state.file_refusals.clear();
  state.eligibility_stage = EligibilityStage::periods;
  state.candidate_step = CandidateStep::overview;
  state.storage.draft_exists = false;
  state.storage.last_saved.clear();
  state.storage.dirty = false;
  state.draft_origin = nullptr;
  state.import_job.reset();
  refresh_derived(state);
  fx.push_back(fx::ClearStorage{});
  moved(state, fx, true);
  fx.push_back(fx::Announce{tr.text("storage.cleared")});
}

} // namespace

// While the export is being written its writer reads the draft: nothing may change the draft until it
// is done (a second or two), or the file would mix two versions. Each command says whether it does
// (cmd::...::edits_draft, checked at compile time in commands.hpp).

Effects apply(AppState& state, const Command& command) {
  Effects fx;
  if (state.export_job && edits_draft(command)) {
    // A file fully read meanwhile is not lost: it is attached when the export is done (step_jobs).
    if (const auto* end = std::get_if<cmd::FileEnd>(&command)) {
      for (auto& j : state.file_jobs) {
        if (j.id == end->job) j.ended = true;
      }
    }
    return fx;
  }
  // One handle() overload per command: the candidate's below, the coach's in coach.cpp (coach_ops.hpp);
  // a command without one does not compile.
  std::visit([&](const auto& c) { handle(state, c, fx); }, command);
  log_received_files(state, fx);  // a file refused as it arrived (empty, too large, unreadable, sealed for others)
  track_writes(state, fx);
  return fx;
}

Effects end_frame(AppState& state) {
  Effects fx;

  if (state.storage.dirty) {
    state.storage.dirty = false;
    fx.push_back(fx::SaveDraft{core::answers_to_json(state.draft).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)});
  }
  retry_writes(state, fx);  // failed writes whose time has come
  track_writes(state, fx);
  return fx;
}

// [SECTION] Preferences and snapshot ===================================================================

void load_prefs(AppState& state, std::string_view stored) {
  const auto doc = nlohmann::json::parse(stored, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return;
  if (auto it = doc.find("lang"); it != doc.end() && it->is_string()) {
    Lang l;
    if (parse_lang(it->get_ref<const std::string&>(), l)) state.prefs.lang = l;
  }
  if (auto it = doc.find("ui_scale"); it != doc.end() && it->is_number_integer()) {
    state.prefs.ui_scale = clamp_ui_scale(it->get<int>());
  }
  for (auto [name, member] : {std::pair{"high_contrast", &Prefs::high_contrast}, std::pair{"text_version", &Prefs::text_version}}) {
    if (auto it = doc.find(name); it != doc.end() && it->is_boolean()) state.prefs.*member = it->get<bool>();
  }
}

std::string save_prefs(const Prefs& prefs) {
  nlohmann::json j = {{"lang", lang_code(prefs.lang)}, {"ui_scale", prefs.ui_scale}, {"high_contrast", prefs.high_contrast},
                      {"text_version", prefs.text_version}};
  return j.dump();
}

std::string save_place(const AppState& state) {
  nlohmann::json j = {{"screen", screen_id(state.screen)}};
  if (state.screen == Screen::candidate) {
    j["step"] = step_id(state.candidate_step);
    j["stage"] = stage_id(state.eligibility_stage);
    j["scroll"] = static_cast<int>(state.page_scroll + 0.5f);
  }
  return j.dump();
}

void load_place(AppState& state, std::string_view stored) {
  const auto doc = nlohmann::json::parse(stored, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return;
  const auto text = [&doc](const char* name) -> std::string {
    const auto it = doc.find(name);
    return it != doc.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  if (text("screen") != screen_id(Screen::candidate)) return;
  state.screen = Screen::candidate;
  const std::string step = text("step"), stage = text("stage");
  for (std::size_t i = 0; i < std::size(step_ids); ++i) {
    if (step == step_ids[i]) state.candidate_step = static_cast<CandidateStep>(i);
  }
  for (std::size_t i = 0; i < std::size(stage_ids); ++i) {
    if (stage == stage_ids[i]) state.eligibility_stage = static_cast<EligibilityStage>(i);
  }
  // Far down a very long page at most (a few screens of text per competency): anything else is ignored.
  if (const auto it = doc.find("scroll"); it != doc.end() && it->is_number() && it->get<double>() > 0 && it->get<double>() < 1e6) {
    state.page_scroll = static_cast<float>(it->get<double>());
    state.scroll_to_restore = state.page_scroll;
  }
}

int clamp_ui_scale(int percent) noexcept {
  if (percent <= ui_scale_min) return ui_scale_min;
  if (percent >= ui_scale_max) return ui_scale_max;
  return ui_scale_min + (percent - ui_scale_min + ui_scale_step / 2) / ui_scale_step * ui_scale_step;
}

void read_site_programme(SiteConfig& site, std::string_view json) {
  auto doc = core::parse_json_strict(json);
  if (!doc.ok() || !doc.value().is_object()) return;  // the platform writes this JSON itself: nothing given
  const auto& root = doc.value();
  if (const auto it = root.find("programme"); it != root.end() && !it->is_null()) {
    const auto* id = it->get_ptr<const std::string*>();
    if (id && !id->empty()) site.programme_id = *id;
    else site.problems.push_back({"site.programme_unknown", it->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)});
  }
  if (const auto it = root.find("sessions"); it != root.end() && !it->is_null()) {
    auto sessions = core::read_sessions(*it, "/sessions");
    if (sessions.ok()) {
      site.sessions = std::move(sessions).value();
    } else {
      const auto& first = sessions.issues().front();
      site.problems.push_back({"site.sessions_invalid", first.path + " — " + first.message});
    }
  }
}

const core::LoadedProgramme& entry_programme(const AppState& state, const CoachEntry& entry) noexcept {
  if (const auto* p = find_programme(state.programmes, entry.programme_id)) return *p;
  return state.programme;
}

std::string clean_contact(std::string_view raw) {
  // One line of printable text, at most 200 bytes of valid UTF-8: the host's words, shown as text only.
  std::string out;
  for (const char ch : raw) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c == 0x7F) {
      if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    out += ch;
  }
  const auto first = out.find_first_not_of(' ');
  if (first == std::string::npos) return {};
  out = out.substr(first, out.find_last_not_of(' ') - first + 1);
  if (out.size() > 200 || core::first_invalid_utf8(out)) return {};
  return out;
}

nlohmann::json issues_json(const std::vector<core::Issue>& issues) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& i : issues) {
    out.push_back({{"severity", core::to_string(i.severity)}, {"code", i.code}, {"path", i.path}, {"message", i.message}});
  }
  return out;
}

namespace {

nlohmann::json storage_snapshot(const AppState& s) {
  const Storage& st = s.storage;
  const StorageProblems p = storage_problems(s);
  nlohmann::json failed = nlohmann::json::array();
  for (const auto& [item, w] : st.writes) {
    if (w.failures > 0) failed.push_back({{"item", item}, {"error", w.error}, {"failures", w.failures}});
  }
  const char* status = st.status == Storage::Status::loading ? "loading"
                       : st.status == Storage::Status::failed || !failed.empty() ? "failed"
                                                                                  : "ready";
  return {{"status", status}, {"draft_exists", st.draft_exists}, {"last_saved", st.last_saved}, {"error", p.error},
          {"pending", writes_in_flight(st)}, {"unsaved", st.writes.size()}, {"failed", std::move(failed)}};
}

nlohmann::json import_snapshot(const AppState& s) {
  if (!s.import_job) return nullptr;
  const auto& j = *s.import_job;
  static constexpr const char* stages[] = {"parsing", "verifying", "confirm", "failed"};  // ImportJob::Stage's order
  static_assert(std::size(stages) == static_cast<std::size_t>(ImportJob::Stage::failed) + 1);
  const char* stage = stages[static_cast<std::size_t>(j.stage)];
  return {{"stage", stage}, {"file", j.file_name}, {"progress", j.progress}, {"issues", issues_json(j.issues)}};
}

const char* seal_mode_name(SealMode m) {
  switch (m) {
    case SealMode::keys: return "keys";
    case SealMode::passphrase: return "passphrase";
    case SealMode::plain: return "plain";
  }
  return "plain";
}

// Sealed delivery: the recipients config.js gives (and its problems), the coach's keys (public parts).
nlohmann::json seal_snapshot(const AppState& s) {
  nlohmann::json recipients = nlohmann::json::array();
  for (const auto& r : s.site.seal.recipients) {
    recipients.push_back({{"name", r.name}, {"recipient", r.text}, {"fingerprint", r.fingerprint}});
  }
  nlohmann::json problems = nlohmann::json::array();
  for (const auto& p : s.site.seal.problems) problems.push_back({{"entry", p.entry}, {"code", p.code}});
  nlohmann::json keys = nlohmann::json::array();
  for (const auto& k : s.keys.keys) {
    keys.push_back({{"name", k.name}, {"recipient", k.recipient}, {"fingerprint", k.fingerprint}, {"created", k.created},
                    {"backed_up", k.backed_up}});
  }
  return {{"recipients", std::move(recipients)}, {"problems", std::move(problems)}, {"keys", std::move(keys)},
          {"generating", s.keys.generating}, {"import_issues", issues_json(s.keys.import_issues)},
          {"export_sealed", effective_seal_mode(s) != SealMode::plain},
          {"export_mode", seal_mode_name(effective_seal_mode(s))},
          {"passphrase_problem", effective_seal_mode(s) == SealMode::passphrase ? passphrase_problem(s) : std::string()},
          {"last_export_size", s.last_export_size}};
}

// Signed results: the signing keys (public parts), which one signs, and whether the host publishes each.
nlohmann::json signing_snapshot(const AppState& s) {
  nlohmann::json keys = nlohmann::json::array();
  const SigningKey* active = active_signing_key(s);
  for (const auto& k : s.signing.keys) {
    keys.push_back({{"name", k.name}, {"kid", k.pub.kid}, {"public", core::to_json(k.pub)}, {"created", k.created},
                    {"backed_up", k.backed_up}, {"published", published(s, k)}, {"active", &k == active}});
  }
  const IssuerIdentity who = issuer_identity(s);
  return {{"keys", std::move(keys)}, {"generating", s.signing.generating}, {"issues", issues_json(s.signing.issues)},
          {"issuer", who.id}, {"restored", s.signing.restored}};
}

// The CPF declaration as the cohort screen shows it: per certification, each admitted holder's problems.
nlohmann::json cpf_snapshot(const AppState& s) {
  nlohmann::json out = nlohmann::json::array();
  for (const CpfDeclaration& d : cpf_declarations(s)) {
    nlohmann::json holders = nlohmann::json::array();
    for (const CpfHolderStatus& h : d.holders) {
      holders.push_back({{"entry", h.entry}, {"name", h.name}, {"ready", h.ready()}, {"issues", issues_json(h.issues)}});
    }
    out.push_back({{"certification", d.certification}, {"ready", d.ready()}, {"can_export", d.can_export()},
                   {"settings_issues", issues_json(d.settings_issues)}, {"holders", std::move(holders)}});
  }
  return {{"declarations", std::move(out)}, {"issues", issues_json(s.workspace.cpf_issues)}};
}

nlohmann::json workspace_snapshot(const Workspace& w) {
  static constexpr const char* checks[] = {"queued", "reading", "verifying", "valid", "refused"};  // CoachEntry::Check's order
  static_assert(std::size(checks) == static_cast<std::size_t>(CoachEntry::Check::refused) + 1);
  nlohmann::json entries = nlohmann::json::array();
  for (const auto& e : w.entries) {
    nlohmann::json j = {{"id", e->id}, {"file", e->file_name}, {"check", checks[static_cast<int>(e->check)]},
                        {"progress", e->progress}, {"refusal", issues_json(e->refusal)},
                        {"last_issues", issues_json(e->last_issues)}};
    if (e->awaiting_passphrase) {
      j["awaiting_passphrase"] = true;
      j["passphrase_error"] = e->passphrase_error;
    }
    if (e->check == CoachEntry::Check::valid) {
      const core::TriageEntry* t = triage_of(w, *e);
      j["digest"] = e->bundle.digest;
      j["programme"] = e->programme_id;
      j["programme_named"] = e->programme_named;
      j["grid"] = e->evaluation.grid.size();
      j["candidate"] = e->summary.first_name + " " + e->summary.last_name;
      j["email"] = e->summary.email;
      j["startup"] = e->summary.startup;
      j["eligibility"] = core::to_string(e->summary.eligibility);
      j["claim_disagrees"] = e->summary.claim_disagrees;
      j["missing"] = e->summary.completeness.missing;
      j["errors"] = e->summary.completeness.errors;
      j["status"] = core::to_string(core::derive_status(outcome(*e)));  // the jury's, for a jury of two
      j["duplicate"] = t && t->duplicate_of >= 0;
      j["version"] = t ? t->version : 0;
      j["bytes_in_heap"] = !e->bytes_stored;
      j["evaluation"] = core::evaluation_document(e->evaluation);
      if (e->jury_outcome) {
        // A jury of two: certif merge --json's report, the other juror's file, and why a step was refused.
        nlohmann::json jury = e->jury ? core::merge_report(e->jury->merge) : nlohmann::json::object();
        jury["peer_file"] = e->jury ? e->jury->peer_file : std::string();
        jury["issues"] = issues_json(e->jury_issues);
        jury["attestation_issued"] = e->jury && e->jury->attestation && e->jury->attestation->issued;
        j["jury"] = std::move(jury);
      }
      j["credential"] = e->credential ? nlohmann::json{{"id", e->credential->credential_id}, {"file", e->credential->file_name},
                                                       {"kid", e->credential->kid}, {"code", e->credential->code}}
                                      : nlohmann::json(nullptr);
      j["signing"] = e->signing.has_value();
    }
    entries.push_back(std::move(j));
  }
  nlohmann::json j = {{"entries", std::move(entries)},
                      {"selected", w.selected ? nlohmann::json(*w.selected) : nlohmann::json(nullptr)},
                      {"timer", w.timer ? nlohmann::json{{"entry", w.timer->entry}, {"running", w.timer->running}}
                                        : nlohmann::json(nullptr)},
                      {"viewed", w.viewed ? nlohmann::json{{"entry", w.viewed->entry}, {"attachment", w.viewed->attachment_id},
                                                           {"loading", w.viewed->loading}, {"bytes", w.viewed->bytes.size()}}
                                          : nlohmann::json(nullptr)},
                      {"profile", {{"name", w.profile.name}, {"organisation", w.profile.organisation}}}};
  // The received-files log, oldest first, as stored.
  nlohmann::json lines = nlohmann::json::array();
  for (const auto& l : w.received.lines) {
    lines.push_back({{"name", l.name}, {"at", l.received_at}, {"verdict", core::to_string(l.verdict)}, {"reason", l.reason},
                     {"candidate", l.candidate}});
  }
  j["received"] = {{"lines", std::move(lines)}, {"dropped", w.received.dropped}, {"cap", core::received_log_cap}};
  return j;
}

nlohmann::json programme_snapshot(const AppState& state) {
  const core::Programme& p = state.programme.programme;
  nlohmann::json next = nlohmann::json::array();
  for (const auto& session : core::sessions_after(state.calendar, state.today, shown_sessions)) next.push_back(core::to_json(session));
  nlohmann::json problems = nlohmann::json::array();
  for (const auto& problem : state.site.problems) problems.push_back({{"code", problem.code}, {"value", problem.value}});
  return {{"id", p.id}, {"version", p.version}, {"rs_code", p.rs_code}, {"certifier", p.certifier_short},
          {"assessors", p.assessor_count}, {"next_sessions", std::move(next)}, {"site_problems", std::move(problems)}};
}

} // namespace

nlohmann::json snapshot(const AppState& state) {
  nlohmann::json jobs = nlohmann::json::array();
  for (const auto& j : state.file_jobs) {
    jobs.push_back({{"piece", j.piece_id}, {"name", j.name}, {"size", j.size}, {"received", j.bytes.size()}});
  }
  nlohmann::json refusals = nlohmann::json::array();
  for (const auto& r : state.file_refusals) {
    refusals.push_back({{"piece", r.piece_id}, {"name", r.name}, {"code", r.code}, {"kind", r.kind}, {"detail", r.detail}, {"size", r.size}});
  }
  return {
      {"app", core::app_name},
      {"version", core::app_version},
      {"screen", screen_id(state.screen)},
      {"lang", lang_code(state.prefs.lang)},
      {"prefs", {{"ui_scale", state.prefs.ui_scale}, {"high_contrast", state.prefs.high_contrast},
                 {"text_version", state.prefs.text_version}}},
      {"today", core::to_iso(state.today)},
      {"referential", {{"id", state.programme.referential.id}, {"version", state.programme.referential.version},
                       {"competencies", state.programme.referential.competencies.size()}}},
      {"ruleset", {{"id", state.programme.ruleset.id}, {"version", state.programme.ruleset.version}}},
      {"programme", programme_snapshot(state)},
      {"candidate", {{"step", step_id(state.candidate_step)},
                     {"eligibility_stage", stage_id(state.eligibility_stage)},
                     {"scroll", state.page_scroll},
                     {"restoring_scroll", state.scroll_to_restore.has_value()},
                     {"answers", core::answers_to_json(state.draft)},
                     {"attachments_bytes", core::attachments_size(state.draft)},
                     {"eligibility", {{"issues", issues_json(state.eligibility.issues)},
                                      {"result", state.eligibility.result ? core::to_json(*state.eligibility.result)
                                                                          : nlohmann::json(nullptr)},
                                      {"sessions", state.eligibility.sessions ? core::to_json(*state.eligibility.sessions)
                                                                              : nlohmann::json(nullptr)}}},
                     {"readiness", issues_json(state.readiness)},
                     {"file_jobs", std::move(jobs)},
                     {"file_refusals", std::move(refusals)}}},
      {"export", {{"running", state.export_job.has_value()}, {"last_file", state.last_export}}},
      {"coach", workspace_snapshot(state.workspace)},
      {"import", import_snapshot(state)},
      {"storage", storage_snapshot(state)},
      {"seal", seal_snapshot(state)},
      {"verify", verify_snapshot(state)},
      {"signing", signing_snapshot(state)},
      {"cpf", cpf_snapshot(state)},
  };
}

} // namespace app
