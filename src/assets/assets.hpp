// Data files embedded at build time (referential, rulesets, translation catalogs): the CLI and the
// browser read the very same bytes, and the browser needs no network request to get them.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace assets {

// One entry of a table cmake/embed.cmake generates (the assets here, the browser's fonts in platform).
struct EmbeddedFile { std::string_view name; std::string_view bytes; };

// The bytes of `name` in such a table of `count` entries.
std::optional<std::string_view> find_in(const EmbeddedFile* files, std::size_t count, std::string_view name) noexcept;

// The bytes of an embedded file by its path under assets/ (e.g. "referential/rs3536-v1.json").
std::optional<std::string_view> find(std::string_view name) noexcept;

} // namespace assets
