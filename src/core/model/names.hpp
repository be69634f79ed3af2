// Names and addresses as compared and as written into file names: one folding of a person's name (for
// matching a cohort) and one slug (for every file the tools name after a candidate), so the same person
// gives the same fragment everywhere. Below the formats: the credentials and the CPF declaration use them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace core {

// An e-mail address as compared: trimmed, ASCII letters lowercased; "" when it is not is_email().
std::string normalize_email(std::string_view email);
// A name as compared and sorted: lowercase, accents removed (Latin-1 and Latin Extended-A letters,
// combining marks), ligatures spelt out (œ → oe, ß → ss), apostrophes, hyphens and every kind of space
// turned into one space, trimmed. So "Hélène  LEFÈVRE-D’Arc" and "helene lefevre d'arc" are the same.
std::string fold_name(std::string_view name);
// A file-name fragment: fold_name()'s letters and digits, runs of anything else as one '-', no '-' at
// either end, at most `max_bytes` bytes ("Hélène Lefèvre" → "helene-lefevre"). "" when nothing is left.
std::string file_slug(std::string_view text, std::size_t max_bytes = 40);
// The fragment every file named after a person carries (the candidate's export, the coach's files, the
// credentials): file_slug() of the last name then the first name ("Øster", "Łukasz" → "oster-lukasz"),
// or `fallback` when nothing is left.
std::string person_slug(std::string_view last_name, std::string_view first_name, std::string_view fallback);

} // namespace core
