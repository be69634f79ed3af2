// The dossier bundle in the candidate's hands: exporting it (written across frames, then downloaded) and
// re-importing it into the draft (verified across frames, replacing a different draft only once the
// candidate confirms).
#include "app/app.hpp"
#include "app/coach_ops.hpp"
#include "app/exchange.hpp"
#include "app/keys.hpp"
#include "app/storage.hpp"

#include "core/documents/dossier_summary.hpp"
#include "core/model/names.hpp"

#include <algorithm>

namespace app {

std::string export_file_name(const core::Dossier& d, core::Date day) {
  // The same fragment as the coach's files for this candidate (core::person_slug).
  return "dossier-" + core::person_slug(d.last_name, d.first_name, "candidat") + "-" + core::to_iso(day) + ".json";
}

namespace {

bool is_empty_draft(const AppState& s) { return s.draft == core::make_dossier(s.programme.referential); }

// The imported bundle becomes the draft; the old draft's files leave local storage first.
void replace_draft(AppState& s, core::Bundle&& bundle, Effects& fx, const Catalog& tr) {
  for (const auto& p : s.draft.pieces) {
    for (const auto& f : p.files) fx.push_back(fx::DeleteAttachment{f.id});
  }
  s.draft = std::move(bundle.dossier);
  core::conform_to(s.draft, s.programme.referential);
  s.draft_origin = std::move(bundle.document);
  s.next_attachment = 1;
  for (const auto& p : s.draft.pieces) {
    for (const auto& f : p.files) {
      fx.push_back(fx::StoreAttachment{f.id});
      if (f.id.size() > 1 && f.id[0] == 'a') {
        const auto n = std::strtoul(f.id.c_str() + 1, nullptr, 10);
        if (n >= s.next_attachment) s.next_attachment = static_cast<std::uint32_t>(n + 1);
      }
    }
  }
  s.file_refusals.clear();
  s.storage.dirty = true;
  s.candidate_step = CandidateStep::review;
  s.page_scroll = 0;  // the review, from its top: where a reload reopens now
  fx.push_back(fx::StoreValue{place_storage_key, save_place(s)});
  refresh_derived(s);
  fx.push_back(fx::Announce{tr.text("import.done")});
}

} // namespace

void start_export(AppState& s, Effects& fx) {
  if (s.export_job) return;
  core::ExportInputs in;
  in.exported_at = core::is_export_timestamp(s.clock_utc) ? s.clock_utc : core::to_iso(s.today) + "T00:00:00Z";
  in.reference_date = s.today;
  in.referential = &s.programme.referential;
  in.ruleset = &s.programme.ruleset;
  in.programme_id = s.programme.programme.id;  // the bundle names the programme it was made for
  in.programme_version = s.programme.programme.version;
  in.lang = lang_code(s.prefs.lang);  // the coach writes to the candidate in it
  in.carry_unknown_from = s.draft_origin.is_object() ? &s.draft_origin : nullptr;
  ExportJob job;
  job.document = core::bundle_document(s.draft, in);
  job.filename = export_file_name(s.draft, s.today);
  // Sealed for the jury when the host named its keys and the candidate kept that choice: the sealer
  // starts once the platform's random bytes arrive (cmd::RandomReady "seal"); the writer waits for it.
  // With a passphrase, only one both fields agree on and the rule accepts (the form says why not).
  const SealMode mode = effective_seal_mode(s);
  if (mode == SealMode::passphrase) {
    if (const std::string problem = passphrase_problem(s); !problem.empty()) {
      fx.push_back(fx::Announce{catalog_for(s.prefs.lang).text("issue." + problem)});
      return;
    }
  }
  job.sealed = mode != SealMode::plain;
  if (job.sealed) {
    job.filename = sealed_file_name(job.filename);
    job.seal = seal_options(s);
    fx.push_back(fx::RandomBytes{"seal", core::age_seal_random_size(job.seal)});
  }
  s.export_job = std::move(job);
  s.export_job->writer = std::make_unique<core::BundleWriter>(s.export_job->document, s.draft);
  // The file's room, once: appended to unreserved, the string doubled (128 then 256 MiB for a 200 MiB
  // bundle: 3.4x the file at the peak, bench/seal_memory.mjs). A 64th more covers the estimate's slack
  // and a seal's 16 bytes per 64 KiB.
  const std::uint64_t estimate = estimated_export_bytes(s);
  s.export_job->bytes.reserve(static_cast<std::size_t>(estimate + estimate / 64 + 4096));
}

std::uint64_t estimated_export_bytes(const AppState& s) {
  const std::uint64_t files = core::attachments_size(s.draft);
  const std::uint64_t answers = core::answers_to_json(s.draft).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).size();
  return (files + 2) / 3 * 4 + answers + 4096;
}

void download_summary(AppState& s, Effects& fx, const Catalog& tr) {
  // Never asked to render unbounded text: a draft over the format's limits (restored from before them)
  // is said so, and kept as it is.
  if (!core::text_limit_issues(s.draft).empty()) {
    fx.push_back(fx::Announce{tr.text("summary.too_long")});
    return;
  }
  core::SummaryInputs in;
  in.reference = s.today;
  in.lang = lang_code(s.prefs.lang);
  std::string name = export_file_name(s.draft, s.today);
  name = "resume-" + name.substr(0, name.size() - 5) + ".html";  // resume-dossier-<name>-<day>.html
  fx.push_back(fx::Download{name, "text/html", core::dossier_summary_html(s.draft, s.programme.referential, s.programme.ruleset, in)});
  fx.push_back(fx::Announce{tr.format("summary.done", {{"name", name}})});
}

std::unique_ptr<core::BundleVerifier> make_verifier(const AppState& s, std::string_view text) {
  auto v = std::make_unique<core::BundleVerifier>(text);
  if (s.platform_hashes) v->hash_files_elsewhere();
  return v;
}

void request_digests(core::BundleVerifier& v, bool coach, std::uint32_t owner, Effects& fx) {
  for (const auto& d : v.take_decoded()) {
    fx.push_back(fx::HashFile{coach, owner, static_cast<std::uint32_t>(d.index), d.bytes});
  }
}

void take_digest(AppState& s, const cmd::FileDigest& c) {
  core::BundleVerifier* v = nullptr;
  if (c.coach) {
    if (CoachEntry* e = find_entry(s.workspace, c.owner)) v = e->verifier.get();
  } else if (s.import_job && s.import_job->serial == c.owner) {
    v = s.import_job->verifier.get();
  }
  if (!v) return;  // refused or cancelled meanwhile
  if (c.digest.size() == core::Sha256Digest{}.size()) {
    core::Sha256Digest d{};
    std::copy(c.digest.begin(), c.digest.end(), d.begin());
    v->set_file_digest(c.index, d);
  } else {
    v->hash_here(c.index);
  }
}

void start_import(AppState& s, std::string name, std::string text) {
  ImportJob job;
  job.file_name = std::move(name);
  job.text = std::move(text);
  job.serial = s.next_import++;
  s.import_job = std::move(job);
}

void confirm_import(AppState& s, Effects& fx, const Catalog& tr) {
  if (!s.import_job || s.import_job->stage != ImportJob::Stage::confirm || !s.import_job->bundle) return;
  core::Bundle bundle = std::move(*s.import_job->bundle);
  s.import_job.reset();
  replace_draft(s, std::move(bundle), fx, tr);
}

bool step_jobs(AppState& s, Effects& fx, std::size_t budget) {
  const Catalog& tr = catalog_for(s.prefs.lang);
  if (s.export_job) {
    ExportJob& job = *s.export_job;
    std::string chunk;
    // A sealed export waits for its sealer (random bytes on their way: their arrival wakes the app).
    if (!job.sealed || job.sealer) job.writer->next(chunk, budget);
    if (job.sealer) {
      job.sealer->feed(chunk, job.bytes);  // sealed as it comes: the plaintext is never held whole
    } else {
      job.bytes += chunk;
    }
    if (job.writer->done()) {
      if (job.sealer) job.sealer->finish(job.bytes);
      s.last_export = job.filename;
      s.last_export_size = job.bytes.size();
      fx.push_back(fx::Download{job.filename, job.sealed ? "application/octet-stream" : "application/json", std::move(job.bytes)});
      fx.push_back(fx::Announce{tr.format("export.done", {{"name", job.filename}})});
      s.export_job.reset();
      // Files that finished arriving during the export are attached now.
      std::vector<std::uint32_t> ended;
      for (const auto& j : s.file_jobs) {
        if (j.ended) ended.push_back(j.id);
      }
      for (const auto id : ended) {
        auto more = apply(s, cmd::FileEnd{id});
        fx.insert(fx.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
      }
    }
  }
  if (s.import_job) {
    ImportJob& job = *s.import_job;
    switch (job.stage) {
      case ImportJob::Stage::parsing:
        // One pass over the text (shown as "reading…" from the next frame). The text is not needed after it
        // (only to tell whether the file was in canonical form), so its memory is given back at once.
        job.verifier = make_verifier(s, job.text);
        job.verifier->forget_text();
        job.text.clear();
        job.text.shrink_to_fit();
        job.stage = ImportJob::Stage::verifying;
        break;
      case ImportJob::Stage::verifying: {
        const bool verified = job.verifier->step(budget);
        request_digests(*job.verifier, false, job.serial, fx);
        if (verified) {
          auto result = job.verifier->finish();
          job.verifier.reset();
          if (!result.ok()) {
            job.issues = result.issues();
            job.stage = ImportJob::Stage::failed;
            fx.push_back(fx::Announce{tr.text("import.failed")});
          } else if (is_empty_draft(s) || result->dossier == s.draft) {
            core::Bundle bundle = std::move(result).value();
            s.import_job.reset();
            replace_draft(s, std::move(bundle), fx, tr);
            track_writes(s, fx);
            return s.export_job.has_value();
          } else {
            job.bundle = std::move(result).value();
            job.stage = ImportJob::Stage::confirm;
          }
        } else {
          job.progress = job.verifier->progress();
        }
        break;
      }
      case ImportJob::Stage::confirm:
      case ImportJob::Stage::failed:
        break;
    }
  }
  // Waiting for digests is not work: their arrival (cmd::FileDigest) wakes the app.
  const bool importing = s.import_job && s.import_job->running() &&
                         !(s.import_job->verifier && s.import_job->verifier->waiting());
  const bool coaching = step_coach(s, fx, budget);
  log_received_files(s, fx);  // the verdict of the bundle just verified
  track_writes(s, fx);
  return s.export_job.has_value() || importing || coaching;
}

} // namespace app
