// The coach's triage: per-bundle summaries, grouping a cohort by candidate and version, and the
// answer-by-answer, file-by-file comparison of two versions (names are folded by core/model/names).
//
// [SECTION] index: one bundle · the cohort · diff
#include "core/domain/triage.hpp"

#include "core/model/dossier.hpp"
#include "core/codecs/json_strict.hpp"
#include "core/codecs/text.hpp"
#include "core/codecs/utf8.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <utility>

namespace core {

using nlohmann::json;

// ---- [SECTION] one bundle -------------------------------------------------------------------------------

namespace {

Completeness count(const std::vector<Issue>& issues, const Dossier& d, const Referential& ref) {
  Completeness c;
  for (const Issue& i : issues) {
    if (i.severity == Severity::error) ++c.errors;
    else if (i.severity == Severity::warning) ++c.missing;
  }
  c.pieces_total = static_cast<std::int32_t>(ref.pieces.size());
  for (const PieceSpec& spec : ref.pieces) {
    const Piece* p = find_piece(d, spec.id);
    if (p != nullptr && (!p->url.empty() || !p->files.empty())) ++c.pieces_present;
  }
  c.competencies_total = static_cast<std::int32_t>(ref.competencies.size());
  for (const Competency& comp : ref.competencies) {
    const CompetencyAnswer* a = find_competency(d, comp.id);
    if (a != nullptr && !is_blank(a->evidence)) ++c.competencies_answered;
  }
  return c;
}

} // namespace

Completeness completeness(const Dossier& d, const Referential& ref, Date today) {
  return count(check_dossier(d, ref, today), d, ref);
}

const char* to_string(Eligibility eligibility) noexcept {
  switch (eligibility) {
    case Eligibility::eligible: return "eligible";
    case Eligibility::not_eligible: return "not_eligible";
    case Eligibility::undetermined: return "undetermined";
  }
  return "undetermined";
}

BundleSummary summarize_bundle(const Bundle& b, const Referential& ref, const Ruleset& ruleset) {
  BundleSummary s;
  s.digest = b.digest;
  s.exported_at = b.exported_at;
  s.first_name = b.dossier.first_name;
  s.last_name = b.dossier.last_name;
  s.email = b.dossier.email;
  s.startup = b.dossier.startup_name;
  s.dossier_issues = check_dossier(b.dossier, ref, b.reference_date);
  s.completeness = count(s.dossier_issues, b.dossier, ref);
  VerdictCheck check = recheck_verdict(b, ruleset);
  s.recomputed = std::move(check.recomputed);
  if (s.recomputed) s.eligibility = s.recomputed->eligible ? Eligibility::eligible : Eligibility::not_eligible;
  s.claim_disagrees = !check.agrees;
  s.eligibility_issues = std::move(check.issues);
  return s;
}

// ---- [SECTION] the cohort -------------------------------------------------------------------------------

namespace {

std::string name_key(const BundleSummary& s) {
  const std::string first = fold_name(s.first_name);
  const std::string last = fold_name(s.last_name);
  if (first.empty() || last.empty()) return {};
  return "name:" + first + "|" + last;
}

} // namespace

std::string candidate_key(const BundleSummary& s) {
  std::string email = normalize_email(s.email);
  if (!email.empty()) return "email:" + email;
  return name_key(s);
}

Triage triage(const std::vector<BundleSummary>& cohort) {
  Triage t;
  const std::size_t n = cohort.size();
  t.entries.resize(n);
  std::unordered_map<std::string, std::int32_t> first_of_digest;
  std::vector<std::size_t> originals;
  for (std::size_t i = 0; i < n; ++i) {
    const auto [it, inserted] = first_of_digest.emplace(cohort[i].digest, static_cast<std::int32_t>(i));
    if (inserted) originals.push_back(i);
    else t.entries[i].duplicate_of = it->second;
  }

  // Group the originals: by e-mail first, then those without one by name (see the header for the rule).
  std::vector<TriageCandidate> groups;
  std::vector<std::int32_t> group_of(n, -1);
  std::unordered_map<std::string, std::int32_t> by_email;
  std::unordered_map<std::string, std::set<std::int32_t>> by_name;
  auto new_group = [&](std::string key) {
    groups.push_back(TriageCandidate{std::move(key), {}});
    return static_cast<std::int32_t>(groups.size() - 1);
  };
  auto join = [&](std::size_t i, std::int32_t g) {
    group_of[i] = g;
    groups[static_cast<std::size_t>(g)].versions.push_back(static_cast<std::int32_t>(i));
  };
  for (const std::size_t i : originals) {
    const std::string email = normalize_email(cohort[i].email);
    if (email.empty()) continue;
    const std::string key = "email:" + email;
    auto it = by_email.find(key);
    const std::int32_t g = it != by_email.end() ? it->second : by_email.emplace(key, new_group(key)).first->second;
    join(i, g);
    if (std::string nk = name_key(cohort[i]); !nk.empty()) by_name[nk].insert(g);
  }
  for (const std::size_t i : originals) {
    if (group_of[i] >= 0) continue;
    const std::string nk = name_key(cohort[i]);
    if (nk.empty()) {
      join(i, new_group(""));
      continue;
    }
    std::set<std::int32_t>& matches = by_name[nk];
    if (matches.size() == 1) {
      join(i, *matches.begin());
    } else if (matches.empty()) {
      const std::int32_t g = new_group(nk);
      matches.insert(g);
      join(i, g);
    } else {
      join(i, new_group(nk));  // homonyms with different e-mails: which one is it? neither, for safety
    }
  }

  // Candidates in order of first appearance; versions oldest first.
  std::vector<std::int32_t> order(groups.size());
  for (std::size_t g = 0; g < groups.size(); ++g) order[g] = static_cast<std::int32_t>(g);
  auto first_index = [&](std::int32_t g) {
    const auto& v = groups[static_cast<std::size_t>(g)].versions;
    return *std::min_element(v.begin(), v.end());
  };
  std::sort(order.begin(), order.end(), [&](std::int32_t a, std::int32_t b) { return first_index(a) < first_index(b); });
  for (const std::int32_t g : order) {
    TriageCandidate c = std::move(groups[static_cast<std::size_t>(g)]);
    std::sort(c.versions.begin(), c.versions.end(), [&](std::int32_t a, std::int32_t b) {
      const BundleSummary& x = cohort[static_cast<std::size_t>(a)];
      const BundleSummary& y = cohort[static_cast<std::size_t>(b)];
      if (x.exported_at != y.exported_at) return x.exported_at < y.exported_at;
      return x.digest < y.digest;
    });
    const auto index = static_cast<std::int32_t>(t.candidates.size());
    for (std::size_t k = 0; k < c.versions.size(); ++k) {
      TriageEntry& e = t.entries[static_cast<std::size_t>(c.versions[k])];
      e.candidate = index;
      e.version = static_cast<std::int32_t>(k + 1);
      e.previous = k > 0 ? c.versions[k - 1] : -1;
      e.latest = c.versions.back();
    }
    t.candidates.push_back(std::move(c));
  }
  for (std::size_t i = 0; i < n; ++i) {
    TriageEntry& e = t.entries[i];
    if (e.duplicate_of < 0) continue;
    const std::int32_t original = e.duplicate_of;
    e = t.entries[static_cast<std::size_t>(original)];
    e.duplicate_of = original;
  }
  return t;
}

// ---- [SECTION] diff -------------------------------------------------------------------------------------

const char* to_string(Change change) noexcept {
  switch (change) {
    case Change::added: return "added";
    case Change::removed: return "removed";
    case Change::modified: return "modified";
  }
  return "modified";
}

namespace {

// Every element an object with a string "id", each id once: elements are matched by id.
bool keyed_by_id(const json& array) {
  std::set<std::string> ids;
  for (const json& e : array) {
    const auto id = e.is_object() ? e.find("id") : e.end();
    if (!e.is_object() || id == e.end() || !id->is_string() || !ids.insert(id->get<std::string>()).second) return false;
  }
  return true;
}

std::string element_id(const json& e) { return e.find("id")->get<std::string>(); }

void diff_json(const json& a, const json& b, const std::string& path, std::vector<AnswerChange>& out) {
  if (a == b) return;
  if (a.is_object() && b.is_object()) {
    // Both member lists are sorted by name (std::map): merge them.
    auto ia = a.begin();
    auto ib = b.begin();
    while (ia != a.end() || ib != b.end()) {
      if (ib == b.end() || (ia != a.end() && ia.key() < ib.key())) {
        out.push_back({Change::removed, path + "/" + json_pointer_escape(ia.key()), *ia, nullptr});
        ++ia;
      } else if (ia == a.end() || ib.key() < ia.key()) {
        out.push_back({Change::added, path + "/" + json_pointer_escape(ib.key()), nullptr, *ib});
        ++ib;
      } else {
        diff_json(*ia, *ib, path + "/" + json_pointer_escape(ia.key()), out);
        ++ia;
        ++ib;
      }
    }
    return;
  }
  if (a.is_array() && b.is_array()) {
    if (keyed_by_id(a) && keyed_by_id(b)) {
      std::map<std::string, std::size_t> in_a;
      for (std::size_t i = 0; i < a.size(); ++i) in_a.emplace(element_id(a[i]), i);
      std::set<std::string> in_b;
      for (std::size_t j = 0; j < b.size(); ++j) {
        const std::string id = element_id(b[j]);
        in_b.insert(id);
        const auto it = in_a.find(id);
        if (it == in_a.end()) out.push_back({Change::added, path + "/" + std::to_string(j), nullptr, b[j]});
        else diff_json(a[it->second], b[j], path + "/" + std::to_string(j), out);
      }
      for (std::size_t i = 0; i < a.size(); ++i) {
        if (!in_b.count(element_id(a[i]))) out.push_back({Change::removed, path + "/" + std::to_string(i), a[i], nullptr});
      }
      return;
    }
    const std::size_t common = std::min(a.size(), b.size());
    for (std::size_t k = 0; k < common; ++k) diff_json(a[k], b[k], path + "/" + std::to_string(k), out);
    for (std::size_t k = common; k < b.size(); ++k) out.push_back({Change::added, path + "/" + std::to_string(k), nullptr, b[k]});
    for (std::size_t k = common; k < a.size(); ++k) out.push_back({Change::removed, path + "/" + std::to_string(k), a[k], nullptr});
    return;
  }
  out.push_back({Change::modified, path, a, b});
}

// The answers as the bundle has them (unknown members included), without the files lists.
json answers_of(const Bundle& b) {
  const auto it = b.document.is_object() ? b.document.find("answers") : b.document.end();
  json answers = it != b.document.end() && it->is_object() ? *it : answers_to_json(b.dossier);
  const auto pieces = answers.find("pieces");
  if (pieces != answers.end() && pieces->is_array()) {
    for (json& p : *pieces) {
      if (p.is_object()) p.erase("files");
    }
  }
  return answers;
}

std::string file_path(std::size_t piece, std::size_t file) {
  return "/answers/pieces/" + std::to_string(piece) + "/files/" + std::to_string(file);
}

void diff_files(const Piece* old_piece, std::size_t old_index, const Piece* new_piece, std::size_t new_index,
                std::vector<FileChange>& out) {
  static const std::vector<Attachment> none;
  const std::vector<Attachment>& olds = old_piece ? old_piece->files : none;
  const std::vector<Attachment>& news = new_piece ? new_piece->files : none;
  const std::string& piece_id = new_piece ? new_piece->id : old_piece->id;
  std::vector<std::int32_t> match(news.size(), -1);  // the old file each new one continues
  std::vector<bool> used(olds.size(), false);
  // The same content first (possibly renamed), then the same name (content changed).
  for (int pass = 0; pass < 2; ++pass) {
    for (std::size_t j = 0; j < news.size(); ++j) {
      if (match[j] >= 0) continue;
      for (std::size_t i = 0; i < olds.size(); ++i) {
        if (used[i]) continue;
        if (pass == 0 ? olds[i].sha256 == news[j].sha256 : olds[i].name == news[j].name) {
          match[j] = static_cast<std::int32_t>(i);
          used[i] = true;
          break;
        }
      }
    }
  }
  for (std::size_t j = 0; j < news.size(); ++j) {
    const Attachment& n = news[j];
    FileChange c;
    c.piece_id = piece_id;
    c.path = file_path(new_index, j);
    c.name = n.name;
    c.sha256 = n.sha256;
    if (match[j] < 0) {
      c.change = Change::added;
    } else {
      const Attachment& o = olds[static_cast<std::size_t>(match[j])];
      if (o.name == n.name && o.sha256 == n.sha256) continue;
      c.change = Change::modified;
      if (o.name != n.name) c.previous_name = o.name;
      if (o.sha256 != n.sha256) c.previous_sha256 = o.sha256;
    }
    out.push_back(std::move(c));
  }
  for (std::size_t i = 0; i < olds.size(); ++i) {
    if (used[i]) continue;
    FileChange c;
    c.change = Change::removed;
    c.piece_id = piece_id;
    c.path = file_path(old_index, i);
    c.name = olds[i].name;
    c.sha256 = olds[i].sha256;
    out.push_back(std::move(c));
  }
}

} // namespace

BundleDiff diff(const Bundle& older, const Bundle& newer) {
  BundleDiff d;
  diff_json(answers_of(older), answers_of(newer), "/answers", d.answers);
  const auto& olds = older.dossier.pieces;
  const auto& news = newer.dossier.pieces;
  auto index_of = [](const std::vector<Piece>& pieces, const std::string& id) {
    for (std::size_t i = 0; i < pieces.size(); ++i) {
      if (pieces[i].id == id) return i;
    }
    return pieces.size();
  };
  for (std::size_t j = 0; j < news.size(); ++j) {
    const std::size_t i = index_of(olds, news[j].id);
    diff_files(i < olds.size() ? &olds[i] : nullptr, i, &news[j], j, d.files);
  }
  for (std::size_t i = 0; i < olds.size(); ++i) {
    if (index_of(news, olds[i].id) == news.size()) diff_files(&olds[i], i, nullptr, 0, d.files);
  }
  return d;
}

} // namespace core
