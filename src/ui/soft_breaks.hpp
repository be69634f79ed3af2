// The soft line breaks of a word-wrapping text field, as plain string work (no ImGui): where they are
// is remembered, never guessed from the text, so that nothing the user's text holds (line breaks, tabs,
// zero-width spaces) is ever taken for one. Built natively for the tests.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ui {

// The buffer a text field edits: the text with soft line breaks ('\n') inserted where lines wrap, and
// where they are (byte offsets in `shown`, ascending).
struct Wrapped {
  std::string shown;
  std::vector<std::size_t> breaks;
};

// `shown` without the soft breaks at `breaks`.
std::string unwrap(std::string_view shown, const std::vector<std::size_t>& breaks);

// Where the soft breaks of `before` are in `after`, a buffer that one edit made from it: the text before
// and after the edited run is unchanged, and its soft breaks move with it; those inside the run are
// gone (whatever was typed or pasted there is the user's).
//
// The buffers alone can leave the run's ends in doubt where the text at its edge repeats (select up to a
// line's end, soft break included, and type Enter: the new buffer is the same as if the selection had
// stopped before the break). What is known of the edit settles it: it started at or before `start_max`
// (where the selection or caret was, in `before`) and ended at or after `end_min` (the caret after it,
// in `after`). Without them, the shortest run is taken.
std::vector<std::size_t> rebase_breaks(std::string_view before, const std::vector<std::size_t>& breaks,
                                       std::string_view after, std::size_t start_max = std::string_view::npos,
                                       std::size_t end_min = 0);

// A caret's byte offset in the text from its offset in the shown buffer, and back (a caret at a soft
// break belongs after it, at the start of the next line).
std::size_t to_plain(const std::vector<std::size_t>& breaks, std::size_t shown_pos);
std::size_t to_shown(const std::vector<std::size_t>& breaks, std::size_t plain_pos);

} // namespace ui
