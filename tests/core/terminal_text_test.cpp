// Text printed on a terminal: control characters shown, never sent.
#include "core/codecs/terminal_text.hpp"

#include <gtest/gtest.h>

using core::LineBreaks;
using core::terminal_text;

TEST(TerminalText, ControlsAreShownEscaped) {
  // OSC 52 (write the clipboard), a title change, a screen clear.
  EXPECT_EQ(terminal_text("\x1b]52;c;ZXZpbA==\x07"), "\\u001b]52;c;ZXZpbA==\\u0007");
  EXPECT_EQ(terminal_text("\x1b]0;pwned\x1b\\"), "\\u001b]0;pwned\\u001b\\");
  EXPECT_EQ(terminal_text("Alice\x1b[2J"), "Alice\\u001b[2J");
  EXPECT_EQ(terminal_text("a\x7f" "b"), "a\\u007fb");
  // C1 controls (U+009B is CSI on some terminals), as UTF-8.
  EXPECT_EQ(terminal_text("x\xC2\x9B" "2J"), "x\\u009b2J");
  // A raw byte that is not UTF-8.
  EXPECT_EQ(terminal_text("x\x9B" "y"), "x\\x9by");
  // Line breaks forge report lines in one-line fields; documents keep theirs.
  EXPECT_EQ(terminal_text("Léa\nIntegrity: verified"), "Léa\\u000aIntegrity: verified");
  EXPECT_EQ(terminal_text("a;b\r\nc\td\n", LineBreaks::kept), "a;b\r\nc\td\n");
  EXPECT_EQ(terminal_text("a\rb", LineBreaks::kept), "a\\u000db");
  // Everything else is untouched.
  EXPECT_EQ(terminal_text("Zoé 🎉 日本 \u202Eabc"), "Zoé 🎉 日本 \u202Eabc");
}
