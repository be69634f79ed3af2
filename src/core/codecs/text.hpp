// Small predicates on a user's text that every level shares (the readers' rules, the documents, the
// triage): one definition, so "blank" means the same thing in a rule and in the document showing it.
#pragma once

#include <string_view>

namespace core {

// Only spaces, tabs and line breaks (or nothing).
bool is_blank(std::string_view text) noexcept;

} // namespace core
