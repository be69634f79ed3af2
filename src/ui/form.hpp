// Form widgets: labelled text fields with their error underneath, check boxes, radio choices, cards.
#pragma once

#include "ui/ui.hpp"

#include <cstddef>
#include <string>

struct ImGuiInputTextCallbackData;

namespace ui {

// A label above a one-line text field, the error (if any) under it. Returns true when the text changed;
// callers commit every change at once, so nothing typed is ever lost. `max_chars` (0: none) stops typing
// and pasting at the format's limit, as an HTML maxlength does; a longer text already there stays whole.
bool text_field(Ui& ui, const char* id, const std::string& label, std::string& value, const std::string& hint,
                float width, const std::string& error = {}, std::size_t max_chars = 0);

// A one-line field for a secret (a passphrase): drawn as dots, its value never in widgets() nor in the
// text version (which types into a password input). Same contract as text_field.
bool secret_field(Ui& ui, const char* id, const std::string& label, std::string& value, float width,
                  const std::string& error = {});

// The room a field has left under `max_chars` (0: unlimited), spent by char_limit_filter() as ImGui
// inserts characters (typed, composed or pasted: it filters each) with ImGuiInputTextFlags_CallbackCharFilter.
struct CharRoom {
  bool limited = false;
  std::size_t room = 0;
};
CharRoom char_room(const std::string& value, std::size_t max_chars);
// One more character: false (refuse it) once the room is spent.
bool take_char(CharRoom& room) noexcept;
// ImGui's callback for a field whose UserData is a CharRoom.
int char_limit_filter(ImGuiInputTextCallbackData* data);

// Records a text field just drawn (widgets(), the text version with its value, the name the hidden text
// input takes while it is typed into) and honours the text version's request to type into it.
void track_field(Ui& ui, const char* id, const std::string& label, const char* kind, const std::string& value);

// If the readiness view asked to show widget `id`, give it keyboard focus and scroll to it. Call just
// before drawing the widget.
void focus_if_requested(Ui& ui, const char* id);
void scroll_if_requested(Ui& ui, const char* id);

// True when `text`, reported changed by ImGui for field `id`, is a real edit (not ImGui echoing its
// own buffer back while the field is active).
bool genuine_edit(Ui& ui, const char* id, const std::string& text);
// If the text version typed a new value into field `id` (Ui::edit_id), it replaces `value` and the canvas
// field stops being edited (its own buffer would put the old text back). Call right before the field's
// ImGui::InputText*, in the same ID scope. True when `value` changed.
bool take_text_version_edit(Ui& ui, const char* id, std::string& value);
// Records on the last tracked widget what the text version ties to the field: its hint and its error.
void describe_field(Ui& ui, const std::string& hint, const std::string& error);

// Before an item on the same line: starts a new line when an item `width` wide would pass `right`
// (window coordinates, as GetCursorPosX).
void same_line_or_wrap(float width, float right, float spacing);
// The width of a checkbox or radio button with `label`.
float check_width(const std::string& label);

// The bold label above a field. A field's own label is not repeated in the text version (the field
// carries it): `mirrored` false.
void field_label(Ui& ui, const std::string& label, bool mirrored = true);
// The label above a set of radio buttons, drawn as field_label draws it, and the start of their group:
// the text version reads it as the group's legend (a fieldset). end_group() after the last one.
void choice_label(Ui& ui, const std::string& legend);

bool checkbox(Ui& ui, const char* id, const std::string& label, bool& value);

// One option of a choice; returns true when clicked.
bool radio(Ui& ui, const char* id, const std::string& label, bool selected);

// "✗ message" in the error colour (words and icon, not colour alone).
void field_error(Ui& ui, const std::string& message, float width);

// What every text input shares around its frame: begin_field opens the group, draws the label and, while
// `error` is not empty, a thick error border for the frame drawn next; end_field_frame ends that border
// after the frame; end_field writes the error under the field and closes the group.
struct FieldFrame {
  bool has_error = false;
};
FieldFrame begin_field(Ui& ui, const std::string& label, const std::string& error);
void end_field_frame(const FieldFrame& f);
void end_field(Ui& ui, const FieldFrame& f, const std::string& error, float width);

// A white, bordered box around whatever is drawn between begin_card and end_card.
void begin_card(Ui& ui, const char* id, float width);
void end_card(Ui& ui);

} // namespace ui
