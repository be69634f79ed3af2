// The readers' problems as the interface says them: the catalog's sentence for each code, where it is in
// words, in the interface's language (the readers' own messages are English, for tools and logs).
#pragma once

#include "app/catalog.hpp"
#include "core/base/result.hpp"

#include <string>
#include <string_view>

namespace app {

// "issue.<code>" from the catalog, with where it is in parentheses before its final full stop: the
// questionnaire's label for one of its fields ("Prénom"), else the path in words ("pièce 4 › fichier 1 ›
// nom"), or the line and column of a text that is not JSON. A code the catalog lacks (none does:
// core::reader_issue_codes() is checked by a test) falls back to the English message, its digests shortened.
std::string issue_text(const core::Issue& issue, const Catalog& tr);

// A JSON Pointer in words, in the interface's language; segments the catalog does not name stay as they
// are. "" for the document itself.
std::string path_in_words(std::string_view pointer, const Catalog& tr);

// `text` with every run of 64 hexadecimal digits (a SHA-256) cut to its first 12 and "…".
std::string shorten_digests(std::string_view text);

} // namespace app
