// Dates, numbers and sizes as people read them, in the interface's language ("1er mars 2027", "165,5").
#pragma once

#include "app/catalog.hpp"
#include "core/base/date.hpp"
#include "core/model/eligibility.hpp"
#include "core/model/programme.hpp"

#include <cstdint>
#include <string>

namespace app {

// "1er mars 2027" / "1 March 2027".
std::string format_date(const core::Date& d, const Catalog& tr);
// A stored date for editing: ISO dates the way French users write them ("15/03/2024"), anything else
// (an unreadable date kept as typed) unchanged.
std::string display_user_date(const std::string& stored);

// A whole or half number with the language's decimal separator: "165", "165,5" / "165.5".
std::string format_half(double value, Lang lang);

// core::format_size() with the interface language's units from its catalog ("size.*"): "12,3 Kio" /
// "12.3 KiB" — the same figure the printed documents and the command line show.
std::string format_size(std::uint64_t bytes, const Catalog& tr);

// A UTC timestamp the app records ("2026-11-27T09:10:00Z") as this device's local date and time in
// words: "27 novembre 2026 à 10:10" (the platform's time zone, summer time included). Anything that is
// not such a timestamp is returned unchanged.
std::string format_timestamp(std::string_view utc, const Catalog& tr);

// The time in role in words, each count with its plural: "1 jour à temps plein et 0 jour à temps
// partiel (comptés pour moitié), soit 1 jour équivalent temps plein sur 183 jours requis."
std::string duration_figures(const core::DurationResult& d, const Catalog& tr);

// A count with the language's thousands separator: "20 000" (a narrow no-break space) / "20,000".
std::string format_count(std::uint64_t value, Lang lang);

// The catalog string `key` with what it says about the certification taken from the programme:
// {title} {rs} {certifier} (short name), {noun} / {nouns} (who assesses: "coach", "jury"), {length}
// (the interview's: "environ 45 minutes", "de 60 à 90 minutes"), {modes} ("par téléphone ou en visio")
// and {count} (the referential's competencies, `competencies`).
std::string programme_text(const Catalog& tr, const core::Programme& programme, std::size_t competencies,
                           std::string_view key);

} // namespace app
