// The canonical walk: a whole bundle's RFC 8785 text, attachment data included, a budget at a time.
#include "core/formats/bundle_detail.hpp"

#include <algorithm>
#include <limits>

namespace core {

using namespace bundle_detail;

namespace bundle_detail {

void CanonicalWalk::open_value(const Member& m, bool in_digest) {
  if (m.slot >= 0) {
    emit("\"", in_digest);
    slot_ = m.slot;
    slot_in_digest_ = in_digest;
    return;
  }
  const json& v = *m.value;
  if ((v.is_object() || v.is_array()) && plan_.descend(v)) {
    Frame f;
    f.node = &v;
    f.object = v.is_object();
    f.in_digest = in_digest;
    if (f.object) {
      f.members = plan_.members(v);
      std::sort(f.members.begin(), f.members.end(),
                [](const Member& a, const Member& b) { return utf16_less(*a.name, *b.name); });
    }
    emit(f.object ? "{" : "[", in_digest);
    stack_.push_back(std::move(f));
    return;
  }
  leaf_ = std::make_unique<Canonicalizer>(v);
  leaf_in_digest_ = in_digest;
}

void CanonicalWalk::next(std::size_t budget) {
  if (done_) return;
  if (budget == 0) budget = 1;
  const std::uint64_t start = produced_;
  while (!done_ && produced_ - start < budget) {
    const std::size_t left = std::min<std::size_t>(k_piece, budget - static_cast<std::size_t>(produced_ - start));
    if (leaf_) {
      buf_.clear();
      leaf_->next(buf_, left);
      emit(buf_, leaf_in_digest_);
      if (leaf_->done()) leaf_.reset();
      continue;
    }
    if (slot_ >= 0) {
      std::string_view piece;
      const bool last = plan_.stream(slot_, left, piece);
      emit(piece, slot_in_digest_);
      if (last) {
        emit("\"", slot_in_digest_);
        slot_ = -1;
      }
      continue;
    }
    if (stack_.empty()) {
      if (started_) {
        done_ = true;
      } else {
        started_ = true;
        open_value(Member{nullptr, root_, -1, true}, true);
      }
      continue;
    }
    Frame& f = stack_.back();
    const std::size_t count = f.object ? f.members.size() : f.node->size();
    if (f.next == count) {
      const bool in_digest = f.in_digest;
      const bool object = f.object;
      stack_.pop_back();
      emit(object ? "}" : "]", in_digest);
      continue;
    }
    if (f.object) {
      const Member m = f.members[f.next++];
      const bool in_digest = f.in_digest && m.in_digest;
      // Commas separate what each stream holds: the digest's text has no comma for the members it omits.
      if (f.wrote_any) emit(",", in_digest && f.wrote_any_digest);
      f.wrote_any = true;
      if (in_digest) f.wrote_any_digest = true;
      buf_.clear();
      append_canonical_string(buf_, *m.name);
      buf_ += ':';
      emit(buf_, in_digest);
      open_value(m, in_digest);  // may push: `f` is not used after this
    } else {
      const json& element = (*f.node)[f.next++];
      if (f.wrote_any) emit(",", f.in_digest);
      f.wrote_any = true;
      f.wrote_any_digest = f.in_digest;
      open_value(Member{nullptr, &element, -1, true}, f.in_digest);
    }
  }
}

std::size_t utf8_cut(std::string_view text, std::size_t from, std::size_t length) noexcept {
  std::size_t end = std::min(text.size(), from + length);
  while (end > from && end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0u) == 0x80u) --end;
  if (end == from) {  // budget smaller than the character: take the whole character
    end = from + 1;
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0u) == 0x80u) ++end;
  }
  return end - from;
}

} // namespace bundle_detail

} // namespace core
