// The soft line breaks of the word-wrapping text fields: they never take anything from the user's text
// (line breaks, tabs, zero-width spaces, any character), whatever edit comes next to them.
#include "ui/soft_breaks.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

using ui::rebase_breaks;
using ui::unwrap;

namespace {

// `plain` with soft breaks inserted before the given plain offsets (ascending).
ui::Wrapped wrap_at(const std::string& plain, const std::vector<std::size_t>& at) {
  ui::Wrapped w;
  std::size_t from = 0;
  for (const std::size_t p : at) {
    w.shown.append(plain, from, p - from);
    w.breaks.push_back(w.shown.size());
    w.shown += '\n';
    from = p;
  }
  w.shown.append(plain, from, std::string::npos);
  return w;
}

} // namespace

TEST(SoftBreaks, OnlyTheRecordedBreaksAreRemoved) {
  // What the former markers (U+200B before the break) made ambiguous: the user's own zero-width spaces,
  // a zero-width space right before the user's line break, tabs.
  const std::string plain = "un\xE2\x80\x8B" "deux\xE2\x80\x8B\ntrois\tquatre\n\ncinq 🎉";
  const ui::Wrapped w = wrap_at(plain, {3, 14, 25});
  EXPECT_NE(w.shown, plain);
  EXPECT_EQ(unwrap(w.shown, w.breaks), plain);
}

TEST(SoftBreaks, FollowTheirTextThroughAnEdit) {
  const ui::Wrapped w = wrap_at("abc def ghi", {4, 8});  // "abc \ndef \nghi"
  ASSERT_EQ(w.shown, "abc \ndef \nghi");
  // Typed before the first break: both move.
  EXPECT_EQ(rebase_breaks(w.shown, w.breaks, "aXbc \ndef \nghi"), (std::vector<std::size_t>{5, 10}));
  // Pasted text with a line break of its own, between the breaks: it stays the user's.
  const std::string pasted = "abc \nd\nX\nef \nghi";
  const auto b = rebase_breaks(w.shown, w.breaks, pasted);
  EXPECT_EQ(b, (std::vector<std::size_t>{4, 12}));
  EXPECT_EQ(unwrap(pasted, b), "abc d\nX\nef ghi");
  // The break itself deleted (Delete at the end of a line): the text is unchanged.
  const auto c = rebase_breaks(w.shown, w.breaks, "abc def \nghi");
  EXPECT_EQ(unwrap("abc def \nghi", c), "abc def ghi");
}

TEST(SoftBreaks, CaretPositions) {
  const std::vector<std::size_t> breaks = {2, 5};  // "ab\ncd\nef"
  EXPECT_EQ(ui::to_shown(breaks, 0), 0u);
  EXPECT_EQ(ui::to_shown(breaks, 2), 3u) << "after the break, at the start of the next line";
  EXPECT_EQ(ui::to_shown(breaks, 4), 6u);
  EXPECT_EQ(ui::to_plain(breaks, 3), 2u);
  EXPECT_EQ(ui::to_plain(breaks, 6), 4u);
}

TEST(SoftBreaks, WhatIsKnownOfTheEditSettlesADoubtfulOne) {
  // "abc " then a soft break, "def": the selection "c \n" (soft break included) replaced by a typed
  // line break gives the same buffer as "c " alone replaced by it, the soft break kept.
  const ui::Wrapped w = wrap_at("abc def", {4});
  ASSERT_EQ(w.shown, "abc \ndef");
  const std::string after = "ab\ndef";
  EXPECT_EQ(unwrap(after, rebase_breaks(w.shown, w.breaks, after, 2, 3)), "ab\ndef") << "the user's line break";
  EXPECT_EQ(unwrap(after, rebase_breaks(w.shown, w.breaks, after, 2, 2)), "abdef") << "a deletion up to the break";
}

TEST(SoftBreaks, AnyEditAnywhereKeepsTheTextExact) {
  // Random texts made of characters that look like breaks or markers, random wrapping, then one random
  // edit as ImGui makes it (a selection or the caret, replaced by what is typed or pasted, across soft
  // breaks too, starting before or after one): unwrapping the result gives exactly the edited text.
  const std::vector<std::string> atoms = {"a", " ", "\n", "\t", "\xE2\x80\x8B", "é", "🎉", "\xE2\x80\x8D", "x"};
  std::mt19937 rng(20261128);
  auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n)(rng); };
  for (int round = 0; round < 50000; ++round) {
    std::vector<std::string> text(pick(12));
    for (auto& t : text) t = atoms[pick(atoms.size() - 1)];
    // Breaks between atoms (never inside a character).
    std::vector<std::size_t> at;
    std::string plain;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (i > 0 && pick(3) == 0) at.push_back(plain.size());
      plain += text[i];
    }
    const ui::Wrapped w = wrap_at(plain, at);
    const std::size_t from = pick(text.size()), count = pick(text.size() - from);
    std::vector<std::string> inserted(pick(3));
    for (auto& t : inserted) t = atoms[pick(atoms.size() - 1)];
    std::size_t p0 = 0;
    for (std::size_t i = 0; i < from; ++i) p0 += text[i].size();
    std::size_t p1 = p0;
    for (std::size_t i = from; i < from + count; ++i) p1 += text[i].size();
    std::string ins;
    for (const auto& t : inserted) ins += t;
    const std::string expected = plain.substr(0, p0) + ins + plain.substr(p1);
    // The selection starts after a soft break at p0, or before it (the caret at the end of a line); it
    // ends after any break at p1 it reaches.
    std::size_t s0 = ui::to_shown(w.breaks, p0);
    if (s0 > 0 && std::find(w.breaks.begin(), w.breaks.end(), s0 - 1) != w.breaks.end() && pick(1) == 0) --s0;
    const std::size_t s1 = std::max(s0, count == 0 ? s0 : ui::to_shown(w.breaks, p1));
    const std::string after = w.shown.substr(0, s0) + ins + w.shown.substr(s1);
    const auto b = rebase_breaks(w.shown, w.breaks, after, s0, s0 + ins.size());
    ASSERT_EQ(unwrap(after, b), expected) << "round " << round;
  }
}
