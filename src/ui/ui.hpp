// The user interface: ImGui views that read the app state and emit commands (no business rules here).
#pragma once

#include "app/commands.hpp"
#include "app/state.hpp"
#include "core/codecs/csv.hpp"
#include "ui/theme.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ui {

// An interactive widget of the last frame, for automation and tests (window.certif.widgets()).
struct WidgetRecord {
  std::string id;     // stable across languages and frames
  std::string label;  // what the user reads
  std::string kind;   // "button", "card", "input", "checkbox", ...
  float x = 0, y = 0, w = 0, h = 0;  // CSS pixels
  bool enabled = true;
  bool visible = true;  // false: scrolled out of view (x/y/w/h are where it would be)
  std::string value;    // what a text field holds
  int checked = -1;     // check boxes and radio buttons: 0 or 1; -1 for other kinds
  unsigned imgui_id = 0;               // ImGui's id of the item (keyboard focus)
  const void* root_window = nullptr;   // the ImGui window it belongs to (dialogs keep focus inside)
  const void* window = nullptr;        // its own (child) window: the header, the step bar, the page...
  bool in_bar = false;                 // in the header or the step bar (see draw: arrows between regions)
  std::string hint;     // a text field's format hint ("JJ/MM/AAAA"), if any
  std::string error;    // what is wrong with a text field's value, as shown under it
  bool hot = false;     // drawn hovered or held (pressed)
};

// One element of the screen's text version (the DOM mirror screen readers read), in drawing order.
struct MirrorItem {
  // dialog_begin (text: its title) and dialog_end enclose what a modal dialog shows; group_begin (text:
  // its legend) and group_end enclose controls answering one question (a fieldset), or one part of the
  // form whose controls are named after it (`qualify`: "Lien (https) — Organigramme").
  enum class Kind { title, heading, paragraph, inline_text, widget, dialog_begin, dialog_end, group_begin, group_end };
  Kind kind = Kind::paragraph;
  std::string text;  // empty for widgets
  int widget = -1;   // index into Ui::widgets for Kind::widget
  bool qualify = false;  // group_begin: the controls inside take the legend after their own name
};

// UI-only state of the eligibility wizard.
struct EligibilityViewState {
  bool show_required = false;  // the user tried to go on: show every missing answer under its field
};

// UI-only state of the coach's workspace: list filters and sorting, the open tab, what is being typed in
// date fields (kept as typed until it parses), the CSV being shown.
struct CoachViewState {
  std::string filter;
  int status_filter = -1;       // -1: all, else core::EvaluationStatus
  int eligibility_filter = -1;  // -1: all, else core::Eligibility
  int sort_column = 0;
  bool sort_ascending = true;
  bool show_profile = false;
  // Sealing keys (view_keys.cpp): shown or not, the new key's name as typed, the key asked to be removed.
  bool show_keys = false;
  std::string new_key_name;
  std::optional<std::size_t> confirm_remove_key;
  std::optional<std::size_t> copied_key;  // the key whose public key was just copied (says so)
  // Signing keys (view_keys.cpp): the new key's name as typed, the key asked to be removed.
  std::string new_signing_key_name;
  std::optional<std::size_t> confirm_remove_signing_key;
  std::uint32_t copied_linkedin = 0;  // the entry whose "Add to LinkedIn" link was just copied (says so)
  bool profile_offered = false;  // the profile was opened once for a coach with no name yet
  bool confirm_clear = false;
  // A sealed file asking for its passphrase (view_coach.cpp): what is typed, for which entry.
  std::string passphrase;
  std::uint32_t passphrase_entry = 0;
  struct Drafts {
    bool ready = false;
    std::string plan_date, plan_time, held_date, decision_date, attestation_date, reasons;
    int decision = 0;  // 0 admis, 1 ajourné
    bool attestation_date_shown = false;  // the date of issue was filled in once (then left as the coach edits it)
    std::string jury_date, jury_reasons;  // the jury's decision (a jury of two)
    int jury_decision = 0;
  };
  std::map<std::uint32_t, Drafts> drafts;
  std::string csv_key;
  core::CsvTable csv;
};

// UI-only state of the verification page: the code being typed or pasted.
struct VerifyViewState {
  std::string code;
};

// Everything the views keep between frames that is not application state.
struct Ui {
  Fonts fonts;
  float scale = 1.0f;                  // drawing scale: device pixels per CSS pixel × the user's UI scale
  float pixel_ratio = 1.0f;            // device pixels per CSS pixel (widget rectangles are in CSS pixels)
  std::vector<WidgetRecord> widgets;   // refilled every frame
  std::vector<MirrorItem> mirror;      // the screen as text, refilled every frame
  // Texts drawn wider than the region that shows them (cut at a column's or a window's edge), this frame:
  // window.certif.clipped() lists them, for tests that check nothing is cut.
  struct Clipped { std::string text; float right = 0, clip_right = 0; };
  std::vector<Clipped> clipped;
  // A widget the text version asked to activate (a screen reader "clicked" its mirror): set by the
  // platform between frames, honoured by the widget with that id during the next frame, then dropped.
  std::string activate_request, activation;
  // A text field's whole new value, typed into its control in the text version (a real, editable DOM
  // field): set by the platform between frames, taken by the field with that id when it is next drawn.
  std::string edit_id, edit_value;
  std::string active_field_label;      // the label of the text field being typed into, if any
  // The widget the keyboard focus ring is on (Tab, arrows), when no text field is being typed into: its
  // text-version control is the canvas's active descendant, so a screen reader reads its role, name and
  // state. Empty when the focus ring is hidden (the mouse was used) or a field is active.
  std::string keyboard_focus;
  // Tab order: the widgets in drawing order. A Tab press (tab_request ±1, from the platform) picks the
  // next enabled widget after the focused one; that widget takes keyboard focus when it is drawn.
  int tab_request = 0;
  int step_bar_lines = 1;              // how many lines the candidate's step bar took (it wraps when narrow)
  std::string tab_target;
  bool wants_more_frames = false;      // a view is animating or settling
  double wake_after_ms = -1;           // a view wants a frame after this delay (a running timer)
  EligibilityViewState eligibility;
  CoachViewState coach;
  VerifyViewState verify;
  // While a field is active ImGui re-applies its own buffer whenever the value we pass differs (e.g. a
  // date we show reformatted), reporting a change each frame: the last text committed per field tells
  // a real edit from that echo.
  std::string echo_id, echo_text;
  // The multi-line field being edited (textarea.cpp): the buffer ImGui holds, where the soft line breaks
  // are in it, and the same as at activation (Escape restores that).
  struct TextEdit {
    unsigned imgui_id = 0;
    std::string shown, initial_shown;
    std::vector<std::size_t> breaks, initial_breaks;
  };
  TextEdit text_edit;
  std::string focus_target;            // widget id the readiness view asked to show
  std::uint32_t focus_serial = 0;      // the last app::FocusRequest handled
  // Where a dropped file lands: the piece cards of the last frame, in device pixels.
  struct DropZone { std::string piece_id; float x0, y0, x1, y1; };
  std::vector<DropZone> drop_zones;
  bool confirm_clear = false;          // the "erase my local data" confirmation is open
  long long last_place = -1;           // screen, step and opened dossier of the last frame (scroll resets on change)
  float cohort_scroll = 0;             // where the coach's cohort was scrolled to when a dossier was opened
  int restore_frames = 0;              // frames spent waiting for the page to be long enough for a restored scroll
  bool exporting = false;              // an export was asked or being written last frame (its result is then scrolled into view)
  // Image thumbnails, decoded by the browser into GL textures on request (attachment id → texture).
  struct Thumbnail { unsigned texture = 0; float w = 0, h = 0; bool failed = false; };
  std::map<std::string, Thumbnail> thumbnails;
  std::vector<std::string> thumbnail_requests;  // filled by the views, served by the platform
  // The coach's image viewer: the image being shown, decoded by the platform into a texture.
  struct Viewer { std::string key; unsigned texture = 0; float w = 0, h = 0; bool failed = false; float zoom = 0; };
  Viewer viewer;  // zoom 0: fit the width
};

// Draws one frame of the whole interface.
void draw(const app::AppState& state, Ui& ui, app::Commands& out);

} // namespace ui
