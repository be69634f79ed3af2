// Small widgets shared by the views: tracked buttons, cards, wrapped text, notices.
#pragma once

#include "ui/ui.hpp"

#include <initializer_list>
#include <string>

namespace ui {

// Records the last ImGui item as an interactive widget (window.certif.widgets()) and in the screen's
// text version.
void track(Ui& ui, const char* id, const std::string& label, const char* kind, bool enabled = true);

// True once when the screen's text version asked to activate widget `id` this frame.
bool activated(Ui& ui, const char* id);

// The views draw text through these (not ImGui::Text*) so that it also reaches the text version.
// `mirror_to` names the Ui of the frame being drawn (set by draw()).
void mirror_to(Ui* ui);
void plain(const std::string& text);                   // one line, unwrapped, part of a line
void plain_wrapped(const std::string& text);           // wrapped at the current wrap position
void mirror_text(const std::string& text, MirrorItem::Kind kind = MirrorItem::Kind::paragraph);

enum class ButtonKind { primary, secondary, tertiary };

// A button whose ImGui ID is `id` whatever the label's language. When `disabled_reason` is non-empty
// the button is disabled and the reason shows in a tooltip (a disabled button always says why).
bool button(Ui& ui, const char* id, const std::string& label, ButtonKind kind = ButtonKind::primary,
            const std::string& disabled_reason = {});

// A large clickable card with a title and a description; keyboard-focusable like any button.
bool choice_card(Ui& ui, const char* id, const std::string& title, const std::string& detail, float width);

// A tooltip for the last item, padded and wrapped (the app's windows have no padding of their own).
void tooltip(const std::string& text);

void text_wrapped(const std::string& text, ImU32 colour = colour::text);  // a paragraph
// A section heading; `as` MirrorItem::Kind::title when it is the page's title for the text version (the
// eligibility wizard's stages: the step's h1 drawn at heading size).
void heading(Ui& ui, const std::string& text, MirrorItem::Kind as = MirrorItem::Kind::heading);
void title(Ui& ui, const std::string& text);     // page title
void page_intro(Ui& ui, const std::string& title_text, const std::string& intro);  // page title, then its introduction

// A modal dialog titled `title` (ImGui popup `id`, at most `width` CSS pixels wide), opened when first
// asked for: true while it shows, then draw its content and call end_dialog(). The text version gets it
// as a dialog of its own (role, modal state, title), not as text in the middle of the page.
bool begin_dialog(Ui& ui, const char* id, const std::string& title, float width);
void end_dialog(Ui& ui);

// A group of controls in the text version (a fieldset and its legend), around what is drawn between the
// two calls; nothing is drawn. For radio buttons answering one question (the legend is the question,
// which the caller then draws without mirroring it: see choice_label in form.hpp), and for a part of a form whose
// controls would otherwise share names (`qualify_names`: each control is named "<its label> — <legend>").
void begin_group(Ui& ui, const std::string& legend, bool qualify_names = false);
void end_group(Ui& ui);

enum class Tone { info, success, warning, error };
// A boxed message with a bold title; severity is in the words and icon, never colour alone. With an `id`,
// the box is also a widget of kind "status" (window.certif.widgets(), the text version) named by its text.
void notice(Ui& ui, Tone tone, const std::string& title, const std::string& body, float width, const char* id = nullptr);

// A circled step number followed by wrapped text.
void numbered_step(Ui& ui, int number, const std::string& text, float width);
// Steps numbered from 1, one per text.
void numbered_steps(Ui& ui, std::initializer_list<std::string> texts, float width);

} // namespace ui
