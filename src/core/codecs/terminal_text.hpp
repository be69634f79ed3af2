// Text from a bundle made safe to print on a terminal: a candidate's name could hold escape sequences
// that retitle the window, clear the screen or write to the clipboard (OSC 52). Every C0 control, DEL
// and C1 control (U+0080–U+009F) is written as a visible escape, as JSON writes them: "\u001b"; a byte
// of ill-formed UTF-8 as "\xNN". Everything else is kept byte for byte (the escapes are for display only:
// files are always written with the exact bytes).
#pragma once

#include <string>
#include <string_view>

namespace core {

enum class LineBreaks {
  escaped,  // one-line fields (names, titles): a line break could forge another line of the report
  kept,     // documents printed whole (a CSV or HTML file): LF, CR LF and tab are kept
};

std::string terminal_text(std::string_view text, LineBreaks line_breaks = LineBreaks::escaped);

} // namespace core
