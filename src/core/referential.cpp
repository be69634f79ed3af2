// Referential files: parsing and consistency checks.
#include "core/referential.hpp"

#include <nlohmann/json.hpp>

#include <set>

namespace core {

const AutonomyLevel* Referential::level(std::string_view level_id) const noexcept {
  for (const auto& l : levels) {
    if (l.id == level_id) return &l;
  }
  return nullptr;
}

const Competency* Referential::competency(std::string_view competency_id) const noexcept {
  for (const auto& c : competencies) {
    if (c.id == competency_id) return &c;
  }
  return nullptr;
}

const PieceSpec* Referential::piece(std::string_view piece_id) const noexcept {
  for (const auto& p : pieces) {
    if (p.id == piece_id) return &p;
  }
  return nullptr;
}

namespace {

using nlohmann::json;

struct Reader {
  std::vector<Issue> issues;

  void error(const std::string& path, const char* code, std::string message) {
    issues.push_back({Severity::error, code, path, std::move(message)});
  }

  const json* member(const json& obj, const char* name, const std::string& path) {
    auto it = obj.find(name);
    if (it == obj.end()) {
      error(path + "/" + name, "member_missing", std::string("missing member \"") + name + "\"");
      return nullptr;
    }
    return &*it;
  }

  std::string string(const json& obj, const char* name, const std::string& path) {
    const json* v = member(obj, name, path);
    if (!v) return {};
    if (const auto* s = v->get_ptr<const std::string*>(); s && !s->empty()) return *s;
    error(path + "/" + name, "type_mismatch", std::string("\"") + name + "\" must be a non-empty string");
    return {};
  }

  std::int32_t integer(const json& obj, const char* name, const std::string& path) {
    const json* v = member(obj, name, path);
    if (!v) return 0;
    if (v->is_number_integer()) {
      const auto n = v->get<std::int64_t>();
      if (n >= 0 && n <= 1000000) return static_cast<std::int32_t>(n);
    }
    error(path + "/" + name, "type_mismatch", std::string("\"") + name + "\" must be a small non-negative integer");
    return 0;
  }

  LocalizedText text(const json& obj, const char* name, const std::string& path) {
    LocalizedText t;
    const json* v = member(obj, name, path);
    if (!v) return t;
    if (!v->is_object()) {
      error(path + "/" + name, "type_mismatch", std::string("\"") + name + "\" must be an object {\"fr\", \"en\"}");
      return t;
    }
    t.fr = string(*v, "fr", path + "/" + name);
    if (auto en = v->find("en"); en != v->end() && en->is_string()) t.en = en->get<std::string>();
    return t;
  }
};

} // namespace

Result<Referential> parse_referential(std::string_view json_text) noexcept {
  const json doc = json::parse(json_text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) {
    return Issue{Severity::error, "not_json", "", "the referential is not a JSON object"};
  }
  Reader r;
  Referential ref;
  ref.id = r.string(doc, "id", "");
  ref.version = r.integer(doc, "version", "");
  ref.rs_reference = r.string(doc, "rs_reference", "");
  ref.title = r.text(doc, "title", "");
  ref.certifier = r.string(doc, "certifier", "");
  if (auto p = doc.find("official_page"); p != doc.end() && p->is_string()) ref.official_page = p->get<std::string>();

  if (const json* levels = r.member(doc, "autonomy_levels", ""); levels) {
    if (!levels->is_array() || levels->empty()) {
      r.error("/autonomy_levels", "type_mismatch", "\"autonomy_levels\" must be a non-empty array");
    } else {
      std::set<std::string> ids;
      for (std::size_t i = 0; i < levels->size(); ++i) {
        const std::string path = "/autonomy_levels/" + std::to_string(i);
        const json& l = (*levels)[i];
        if (!l.is_object()) { r.error(path, "type_mismatch", "a level must be an object"); continue; }
        AutonomyLevel lv{r.string(l, "id", path), r.integer(l, "rank", path), r.text(l, "label", path)};
        if (!lv.id.empty() && !ids.insert(lv.id).second) r.error(path + "/id", "duplicate_id", "level id \"" + lv.id + "\" appears twice");
        ref.levels.push_back(std::move(lv));
      }
    }
  }
  if (const json* comps = r.member(doc, "competencies", ""); comps) {
    if (!comps->is_array() || comps->empty()) {
      r.error("/competencies", "type_mismatch", "\"competencies\" must be a non-empty array");
    } else {
      std::set<std::string> ids;
      for (std::size_t i = 0; i < comps->size(); ++i) {
        const std::string path = "/competencies/" + std::to_string(i);
        const json& c = (*comps)[i];
        if (!c.is_object()) { r.error(path, "type_mismatch", "a competency must be an object"); continue; }
        Competency comp{r.string(c, "id", path), r.text(c, "title", path), r.string(c, "expected_level", path),
                        r.text(c, "expected", path)};
        if (!comp.id.empty() && !ids.insert(comp.id).second) r.error(path + "/id", "duplicate_id", "competency id \"" + comp.id + "\" appears twice");
        if (!comp.expected_level.empty() && !ref.level(comp.expected_level)) {
          r.error(path + "/expected_level", "unknown_level", "expected level \"" + comp.expected_level + "\" is not one of autonomy_levels");
        }
        ref.competencies.push_back(std::move(comp));
      }
    }
  }
  if (const json* pieces = r.member(doc, "pieces", ""); pieces) {
    if (!pieces->is_array() || pieces->empty()) {
      r.error("/pieces", "type_mismatch", "\"pieces\" must be a non-empty array");
    } else {
      std::set<std::string> ids;
      for (std::size_t i = 0; i < pieces->size(); ++i) {
        const std::string path = "/pieces/" + std::to_string(i);
        const json& p = (*pieces)[i];
        if (!p.is_object()) { r.error(path, "type_mismatch", "a piece must be an object"); continue; }
        PieceSpec spec{r.string(p, "id", path), r.string(p, "accepts", path), false, r.text(p, "title", path),
                       r.text(p, "hint", path)};
        if (auto m = p.find("multiple"); m != p.end() && m->is_boolean()) spec.multiple = m->get<bool>();
        if (!spec.id.empty() && !ids.insert(spec.id).second) r.error(path + "/id", "duplicate_id", "piece id \"" + spec.id + "\" appears twice");
        if (!spec.accepts.empty() && !spec.takes_link() && !spec.takes_files()) {
          r.error(path + "/accepts", "value_invalid", "\"accepts\" must be \"link\", \"file\" or \"file_or_link\"");
        }
        ref.pieces.push_back(std::move(spec));
      }
    }
  }
  if (has_errors(r.issues)) return std::move(r.issues);
  return ref;
}

} // namespace core
