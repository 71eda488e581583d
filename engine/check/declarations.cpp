#include <fmt/format.h>

#include <set>

#include "engine/check/check.hpp"
#include "grammar/text.hpp"

namespace thidua::check {
namespace {

// Window ends must be known when the file is checked: a date, or a date plus or minus
// a duration. That keeps windows constants in the rule tree.
std::optional<date> constant_date(const ast::expr& e) {
  if (e.kind == ast::expr_kind::date_lit) return e.day;
  if (e.kind == ast::expr_kind::binary && e.args.size() == 2 &&
      (e.op == ast::binop::add || e.op == ast::binop::sub) && e.args[1]->kind == ast::expr_kind::duration_lit) {
    auto base = constant_date(*e.args[0]);
    if (!base) return std::nullopt;
    return e.op == ast::binop::add ? add(*base, e.args[1]->dur) : subtract(*base, e.args[1]->dur);
  }
  return std::nullopt;
}

}  // namespace

// Shared with types.cpp: turns a window literal into a range, reporting bad ends.
std::optional<window_range> window_of_literal(const ast::expr& w, diagnostics& out) {
  window_range r;
  bool ok = true;
  auto end_of = [&](const ast::expr& e, std::int32_t& slot) {
    if (auto d = constant_date(e)) {
      slot = d->days;
    } else {
      out.error("check.window_not_date", e.where,
                {"đầu hoặc cuối khoảng thời gian phải là một ngày cụ thể, ví dụ `15/4/2021`",
                 "a window must start and end on a fixed date, such as `15/4/2021`"});
      ok = false;
    }
  };
  if (!w.args.empty() && w.args[0]) end_of(*w.args[0], r.from);
  if (w.args.size() > 1 && w.args[1]) end_of(*w.args[1], r.to);
  if (ok && r.from > r.to) {
    out.error("check.window_reversed", w.where,
              {"khoảng thời gian kết thúc trước khi bắt đầu", "the window ends before it starts"});
    ok = false;
  }
  if (!ok) return std::nullopt;
  return r;
}

void check_declarations(const ast::file& file, checked_file& result, diagnostics& out) {
  auto declare_window = [&](const ast::name_ref& name, std::string label, window_range range, bool is_round,
                            std::optional<date> deadline = std::nullopt) {
    if (result.find_window(name.text) >= 0) {
      out.error("check.duplicate_window", name.where,
                {fmt::format("tên `{}` đã dùng cho một đợt hoặc khoảng thời gian khác", name.text),
                 fmt::format("`{}` already names another round or window", name.text)});
      return;
    }
    result.windows.push_back(named_window{name.text, text::name_key(name.text), std::move(label), range, is_round, deadline});
  };

  // Windows first, so rounds may name them.
  for (const auto& w : file.windows) {
    if (!w.window) continue;
    if (auto r = window_of_literal(*w.window, out)) declare_window(w.name, w.name.text, *r, false);
  }
  for (const auto& r : file.rounds) {
    window_range range;
    if (r.achievements) {
      if (r.achievements->kind == ast::expr_kind::window_lit) {
        if (auto lit = window_of_literal(*r.achievements, out)) range = *lit;
      } else if (r.achievements->kind == ast::expr_kind::name) {
        int w = result.find_window(r.achievements->text);
        if (w < 0)
          out.error("check.unknown_window", r.achievements->where,
                    {fmt::format("không có khoảng thời gian nào tên `{}`", r.achievements->text),
                     fmt::format("no window is named `{}`", r.achievements->text)});
        else
          range = result.windows[static_cast<std::size_t>(w)].range;
      }
    }
    declare_window(r.name, r.label.empty() ? r.name.text : r.label, range, true, r.deadline);
  }

  std::set<std::string> award_names;
  for (const auto& a : file.awards) {
    if (!award_names.insert(text::name_key(a.name.text)).second)
      out.error("check.duplicate_award", a.name.where,
                {fmt::format("danh hiệu `{}` đã được khai báo", a.name.text),
                 fmt::format("award `{}` is declared twice", a.name.text)});
    if (a.round) {
      int w = result.find_window(a.round->text);
      if (w < 0 || !result.windows[static_cast<std::size_t>(w)].is_round) {
        std::vector<std::string> rounds;
        for (const auto& r : file.rounds) rounds.push_back(r.name.text);
        auto& d = out.error("check.unknown_round", a.round->where,
                            {fmt::format("không có đợt nào tên `{}`", a.round->text),
                             fmt::format("no round is named `{}`", a.round->text)});
        if (auto near = closest_name(a.round->text, rounds); !near.empty())
          d.help = {fmt::format("có phải ý bạn là `{}`?", near), fmt::format("did you mean `{}`?", near)};
      }
    }
    // Labels name criteria in explanations and minutes: two with one label are ambiguous.
    std::set<std::string> labels;
    auto visit = [&](auto&& self, const std::vector<ast::criterion>& list) -> void {
      for (const auto& c : list) {
        if (!labels.insert(text::name_key(c.label)).second)
          out.error("check.duplicate_criterion", c.label_span,
                    {fmt::format("danh hiệu `{}` có hai tiêu chí cùng nhãn `{}`", a.name.text, c.label),
                     fmt::format("award `{}` has two criteria labelled `{}`", a.name.text, c.label)});
        if (c.is_group) self(self, c.members);
      }
    };
    visit(visit, a.criteria);
    visit(visit, a.disqualifiers);
    visit(visit, a.procedures);
    visit(visit, a.deferrals);
  }

  std::set<std::string> let_names;
  for (const auto& l : file.lets) {
    auto key = text::name_key(l.name.text);
    if (!let_names.insert(key).second)
      out.error("check.duplicate_let", l.name.where,
                {fmt::format("tên `{}` đã được định nghĩa", l.name.text), fmt::format("`{}` is defined twice", l.name.text)});
    else if (result.shape.find_field(l.name.text) >= 0 || result.shape.find_list(l.name.text) >= 0)
      out.error("check.let_shadows_field", l.name.where,
                {fmt::format("`{}` đã là tên một trường dữ liệu; hãy đặt tên khác", l.name.text),
                 fmt::format("`{}` is already a record field; choose another name", l.name.text)});
    result.lets.push_back(let_info{key, value_type::unknown, 0});
  }
}

}  // namespace thidua::check
