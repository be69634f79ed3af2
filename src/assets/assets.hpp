// Data files embedded at build time (referential, rulesets, translation catalogs): the CLI and the
// browser read the very same bytes, and the browser needs no network request to get them.
#pragma once

#include <optional>
#include <string_view>

namespace assets {

// The bytes of an embedded file by its path under assets/ (e.g. "referential/rs3536-v1.json").
std::optional<std::string_view> find(std::string_view name) noexcept;

} // namespace assets
