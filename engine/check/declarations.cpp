#include <fmt/format.h>

#include <set>
#include <unordered_map>

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

// Shared with types.cpp: turns a window literal into a range, reporting bad ends. An
// open end (`đến khi kết thúc`) stops at `open_end`, the as-of date, when there is one.
std::optional<window_range> window_of_literal(const ast::expr& w, diagnostics& out, std::optional<date> open_end) {
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
  else if (open_end) r.to = open_end->days;
  if (ok && r.from > r.to && w.args.size() < 2) {
    out.error("check.open_window_after_as_of", w.where,
              {fmt::format("khoảng thời gian mở này bắt đầu sau ngày xét {}", format_date_vi(*open_end)),
               fmt::format("this open window starts after the as-of date {}", format_date_iso(*open_end))})
        .help = {"chọn ngày xét muộn hơn (`ngày xét:` hoặc `--as-of`)", "choose a later as-of date (`as of:` or `--as-of`)"};
    ok = false;
  } else if (ok && r.from > r.to) {
    out.error("check.window_reversed", w.where,
              {"khoảng thời gian kết thúc trước khi bắt đầu", "the window ends before it starts"});
    ok = false;
  }
  if (!ok) return std::nullopt;
  return r;
}

namespace {

std::string range_text(const window_range& r, bool en) {
  auto day = [&](std::int32_t d) { return en ? format_date_iso(date{d}) : format_date_vi(date{d}); };
  if (r.from == std::numeric_limits<std::int32_t>::min())
    return en ? "always, having no `in force`" : "luôn có hiệu lực vì không ghi `hiệu lực`";
  if (r.to == std::numeric_limits<std::int32_t>::max()) return en ? fmt::format("from {}", day(r.from)) : fmt::format("từ {}", day(r.from));
  return en ? fmt::format("from {} to {}", day(r.from), day(r.to)) : fmt::format("từ {} đến {}", day(r.from), day(r.to));
}

// The as-of date: the command line's (already in result), else the campaign's
// `ngày xét`, else the end of the campaign's period when it has one.
void resolve_as_of(const ast::file& file, checked_file& result, diagnostics& out) {
  if (result.as_of || !file.campaign) return;
  if (file.campaign->as_of) {
    result.as_of = file.campaign->as_of;
    result.as_of_from = as_of_origin::campaign;
    return;
  }
  if (file.campaign->period)
    if (auto r = window_of_literal(*file.campaign->period, out, std::nullopt); r && r->to != std::numeric_limits<std::int32_t>::max()) {
      result.as_of = date{r->to};
      result.as_of_from = as_of_origin::period_end;
    }
}

// One declaration that may be a version: an award or a definition (`đặt`).
struct dated {
  std::string name;
  const ast::expr* in_force = nullptr;
  span name_where;
};

// Versions: several declarations of one name, each with `hiệu lực`, whose dates do not
// overlap; the one in force on the as-of date is the one used. Fills `active` (1 when
// used: unversioned, or in force on the as-of date) and `in_force` (whole time if none).
// `what_vi`/`what_en` name the kind of declaration in messages.
void choose_versions(const std::vector<dated>& decls, const checked_file& result, diagnostics& out,
                     std::vector<std::uint8_t>& active, std::vector<window_range>& in_force, const char* what_vi,
                     const char* what_en) {
  const auto n = decls.size();
  active.assign(n, 1);
  in_force.assign(n, window_range{});
  for (std::size_t i = 0; i < n; ++i)
    if (decls[i].in_force)
      if (auto r = window_of_literal(*decls[i].in_force, out, std::nullopt)) in_force[i] = *r;
  // Groups of one name, in order of first appearance; each key is computed once, so a
  // file of thousands of definitions is grouped in linear time (fuzz regression
  // review-let-chain-2000 timed out on the quadratic scan).
  std::vector<std::vector<std::size_t>> groups;
  {
    std::unordered_map<std::string, std::size_t> group_of;
    for (std::size_t i = 0; i < n; ++i) {
      auto [it, fresh] = group_of.try_emplace(text::name_key(decls[i].name), groups.size());
      if (fresh) groups.emplace_back();
      groups[it->second].push_back(i);
    }
  }
  for (const auto& group : groups) {
    bool versioned = false;
    for (auto j : group) versioned |= decls[j].in_force != nullptr;
    if (!versioned) continue;
    auto where_of = [&](std::size_t j) { return decls[j].in_force ? decls[j].in_force->where : decls[j].name_where; };
    // Overlaps: every pair, reported on the later declaration.
    for (std::size_t a = 0; a < group.size(); ++a)
      for (std::size_t b = a + 1; b < group.size(); ++b) {
        const auto& x = in_force[group[a]];
        const auto& y = in_force[group[b]];
        if (x.from <= y.to && y.from <= x.to) {
          const auto& later = decls[group[b]];
          auto& d = out.error("check.overlapping_versions", where_of(group[b]),
                              {fmt::format("hai phiên bản của {} `{}` cùng có hiệu lực ({} và {})", what_vi, later.name,
                                           range_text(x, false), range_text(y, false)),
                               fmt::format("two versions of {} `{}` are in force at the same time ({} and {})", what_en,
                                           later.name, range_text(x, true), range_text(y, true))});
          d.notes.push_back({where_of(group[a]), true, {"phiên bản kia ở đây", "the other version is here"}});
          d.help = {"cho phiên bản cũ kết thúc trước ngày phiên bản mới bắt đầu, ví dụ `hiệu lực: từ 01/10/2017 đến 31/12/2023`",
                    "end the older version the day before the newer one starts, e.g. `in force: from 2017-10-01 to 2023-12-31`"};
        }
      }
    if (!result.as_of) {
      const auto& first = decls[group.front()];
      out.error("check.no_as_of", where_of(group.front()),
                {fmt::format("{} `{}` có phiên bản theo ngày hiệu lực nhưng không có ngày xét", what_vi, first.name),
                 fmt::format("{} `{}` has versions by date, but no as-of date is given", what_en, first.name)})
          .help = {"thêm `ngày xét: 31/5/2024` vào phần `phong trào`, hoặc chạy với `--as-of 2024-05-31`",
                   "add `as of: 2024-05-31` to the `campaign` header, or run with `--as-of 2024-05-31`"};
      for (auto j : group) active[j] = 0;
      continue;
    }
    int count = 0;
    for (auto j : group) {
      const auto& r = in_force[j];
      const bool holds = r.from <= result.as_of->days && result.as_of->days <= r.to;
      active[j] = holds ? 1 : 0;
      count += holds;
    }
    if (count == 0) {
      const auto& first = decls[group.front()];
      std::string vi, en;
      for (auto j : group) {
        vi += (vi.empty() ? "" : "; ") + range_text(in_force[j], false);
        en += (en.empty() ? "" : "; ") + range_text(in_force[j], true);
      }
      out.error("check.no_version_in_force", first.name_where,
                {fmt::format("{} `{}` không có phiên bản nào có hiệu lực vào ngày xét {} (các phiên bản: {})", what_vi,
                             first.name, format_date_vi(*result.as_of), vi),
                 fmt::format("{} `{}` has no version in force on the as-of date {} (versions: {})", what_en, first.name,
                             format_date_iso(*result.as_of), en)})
          .help = {"kiểm tra ngày xét, hoặc thêm một phiên bản có hiệu lực vào ngày đó",
                   "check the as-of date, or add a version in force on that day"};
    }
  }
}

// `ghi đè NAME = …` replaces every version of the definition NAME declared in another
// (imported) file. Returns, per file.lets, the override that replaces it, or -1; reports
// overrides of nothing, of the file's own definitions, and two overrides of one name.
std::vector<std::int32_t> resolve_overrides(const ast::file& file, diagnostics& out) {
  const auto n = file.lets.size();
  std::vector<std::int32_t> replaced_by(n, -1);
  std::set<std::string> seen;
  for (std::size_t oi = 0; oi < n; ++oi) {
    const auto& o = file.lets[oi];
    if (!o.is_override) continue;
    const auto key = text::name_key(o.name.text);
    if (!seen.insert(key).second) {
      out.error("check.duplicate_override", o.name.where,
                {fmt::format("`{}` đã được ghi đè ở trên; mỗi tên chỉ ghi đè một lần", o.name.text),
                 fmt::format("`{}` is overridden twice; override a name once", o.name.text)});
      continue;
    }
    std::vector<std::size_t> targets;
    const ast::let_decl* own = nullptr;
    for (std::size_t li = 0; li < n; ++li) {
      const auto& l = file.lets[li];
      if (l.is_override || text::name_key(l.name.text) != key) continue;
      if (l.name.where.source == o.name.where.source) own = own ? own : &l;
      else targets.push_back(li);
    }
    if (own) {
      out.error("check.override_own", o.name.where,
                {fmt::format("`{}` được định nghĩa ngay trong tệp này; chỉ ghi đè được định nghĩa của tệp được nhập",
                             o.name.text),
                 fmt::format("`{}` is defined in this very file; only a definition of an imported file can be overridden",
                             o.name.text)})
          .help = {"sửa định nghĩa `đặt` đó, hoặc bỏ dòng `ghi đè`", "edit that `let` instead, or remove the `override` line"};
      continue;
    }
    if (targets.empty()) {
      std::vector<std::string> imported;
      for (const auto& l : file.lets)
        if (!l.is_override && l.name.where.source != o.name.where.source) imported.push_back(l.name.text);
      auto& d = out.error("check.override_unknown", o.name.where,
                          {fmt::format("không có định nghĩa nào tên `{}` trong các tệp được nhập để ghi đè", o.name.text),
                           fmt::format("no imported file defines `{}`, so there is nothing to override", o.name.text)});
      if (auto near = closest_name(o.name.text, imported); !near.empty())
        d.help = {fmt::format("có phải ý bạn là `{}`?", near), fmt::format("did you mean `{}`?", near)};
      else
        d.help = {fmt::format("một tên mới thì khai báo bằng `đặt {} = …`", o.name.text),
                  fmt::format("declare a new name with `let {} = …`", o.name.text)};
      continue;
    }
    for (auto li : targets) replaced_by[li] = static_cast<std::int32_t>(oi);
  }
  return replaced_by;
}

// For each override, the replaced definition that would have applied on the as-of date:
// the unversioned one, or the version whose dates hold that day.
std::vector<std::int32_t> replaced_in_force(const ast::file& file, const std::vector<std::int32_t>& replaced_by,
                                            const checked_file& result) {
  std::vector<std::int32_t> replaces(file.lets.size(), -1);
  diagnostics quiet;  // the dates were checked when the imported file was
  for (std::size_t li = 0; li < file.lets.size(); ++li) {
    if (replaced_by[li] < 0) continue;
    const auto& l = file.lets[li];
    bool applies = !l.in_force;
    if (l.in_force && result.as_of)
      if (auto r = window_of_literal(*l.in_force, quiet, std::nullopt))
        applies = r->from <= result.as_of->days && result.as_of->days <= r->to;
    auto& slot = replaces[static_cast<std::size_t>(replaced_by[li])];
    if (applies || slot < 0) slot = static_cast<std::int32_t>(li);
  }
  return replaces;
}

}  // namespace

// `chỉ xét: a, b`: every name is an award of the file (any version); the rest are not
// reported.
void resolve_report_only(const ast::file& file, checked_file& result, diagnostics& out) {
  result.award_reported.assign(file.awards.size(), 1);
  if (!file.campaign || file.campaign->report_only.empty()) return;
  std::vector<std::uint8_t> listed(file.awards.size(), 0);
  std::vector<std::string> names;
  for (const auto& a : file.awards) names.push_back(a.name.text);
  for (const auto& n : file.campaign->report_only) {
    bool found = false;
    for (std::size_t i = 0; i < file.awards.size(); ++i)
      if (text::name_key(file.awards[i].name.text) == text::name_key(n.text)) listed[i] = found = true;
    if (found) continue;
    unknown_award(out, n, names);
  }
  result.award_reported = listed;
}

void check_declarations(const ast::file& file, checked_file& result, diagnostics& out) {
  resolve_as_of(file, result, out);
  resolve_report_only(file, result, out);
  const auto replaced_by = resolve_overrides(file, out);
  result.let_replaces = replaced_in_force(file, replaced_by, result);
  {
    std::vector<dated> awards, lets;
    for (const auto& a : file.awards) awards.push_back({a.name.text, a.in_force.get(), a.name.where});
    // A replaced definition leaves the choice of versions: its own dates no longer matter
    // (a unique name keeps it out of every group).
    for (std::size_t li = 0; li < file.lets.size(); ++li) {
      const auto& l = file.lets[li];
      if (replaced_by[li] >= 0) lets.push_back({fmt::format("\x01{}", li), nullptr, l.name.where});
      else lets.push_back({l.name.text, l.in_force.get(), l.name.where});
    }
    choose_versions(awards, result, out, result.award_active, result.award_in_force, "danh hiệu", "award");
    choose_versions(lets, result, out, result.let_active, result.let_in_force, "định nghĩa", "definition");
    for (std::size_t li = 0; li < file.lets.size(); ++li)
      if (replaced_by[li] >= 0) result.let_active[li] = 0;
  }
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
    // A window whose dates were reported is still declared, so its uses do not report
    // it again as unknown (nothing is compiled while there are errors).
    declare_window(w.name, w.name.text, window_of_literal(*w.window, out, result.as_of).value_or(window_range{}), false);
  }
  for (const auto& r : file.rounds) {
    window_range range;
    if (r.achievements) {
      if (r.achievements->kind == ast::expr_kind::window_lit) {
        if (auto lit = window_of_literal(*r.achievements, out, result.as_of)) range = *lit;
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
  // Declarations of one name with `hiệu lực` are versions, checked by choose_versions.
  auto versioned_name = [&](const std::string& name) {
    for (const auto& other : file.awards)
      if (other.in_force && text::name_key(other.name.text) == text::name_key(name)) return true;
    return false;
  };
  for (const auto& a : file.awards) {
    if (!award_names.insert(text::name_key(a.name.text)).second && !a.in_force && !versioned_name(a.name.text))
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
  for (std::size_t li = 0; li < file.lets.size(); ++li) {
    const auto& l = file.lets[li];
    auto key = text::name_key(l.name.text);
    if (replaced_by[li] >= 0) {  // replaced by a `ghi đè`: names resolve to the override
      result.lets.push_back(let_info{"", value_type::unknown, 0});
      continue;
    }
    bool versioned = false;
    for (std::size_t oj = 0; oj < file.lets.size(); ++oj)
      versioned |= replaced_by[oj] < 0 && file.lets[oj].in_force && text::name_key(file.lets[oj].name.text) == key;
    if (versioned) {
      // A version not in force keeps an empty key: names resolve to the one in force.
      if (!result.let_active[li]) {
        result.lets.push_back(let_info{"", value_type::unknown, 0});
        continue;
      }
      let_names.insert(key);
    }
    if (l.is_override && !let_names.insert(key).second) {  // reported as overridden twice
      result.lets.push_back(let_info{key, value_type::unknown, 0});
      continue;
    }
    if (l.is_override) {
      result.lets.push_back(let_info{key, value_type::unknown, 0});
      continue;
    }
    if (!versioned && !let_names.insert(key).second)
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
