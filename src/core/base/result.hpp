// Results and validation issues: how core reports problems without exceptions.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace core {

enum class Severity { error, warning, notice };

const char* to_string(Severity s) noexcept;

// One problem found in some input. `path` is a JSON Pointer (RFC 6901) into the input when the input is
// JSON, or a field name otherwise; `code` is a stable machine-readable identifier (other tools and the
// UI's translations key on it); `message` is a human-readable sentence in English.
struct Issue {
  Severity severity = Severity::error;
  std::string code;
  std::string path;
  std::string message;
};

bool has_errors(const std::vector<Issue>& issues) noexcept;

// Either a value or the issues that prevented it (at least one of them an error).
template <typename T>
class Result {
public:
  Result(T value) : value_(std::move(value)) {}                              // NOLINT: implicit by design
  Result(Issue issue) : issues_{std::move(issue)} {}                         // NOLINT
  Result(std::vector<Issue> issues) : issues_(std::move(issues)) {}          // NOLINT

  bool ok() const noexcept { return value_.has_value(); }
  explicit operator bool() const noexcept { return ok(); }
  const T& value() const& { return *value_; }
  T& value() & { return *value_; }
  T&& value() && { return std::move(*value_); }
  const T* operator->() const { return &*value_; }
  T* operator->() { return &*value_; }
  const T& operator*() const& { return *value_; }

  const std::vector<Issue>& issues() const noexcept { return issues_; }
  // The first error, for one-line reports; only meaningful when !ok().
  const Issue& error() const { return issues_.front(); }

private:
  std::optional<T> value_;
  std::vector<Issue> issues_;
};

} // namespace core
