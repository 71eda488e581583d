// Resolves every name and gives every expression a static type. One walk over each
// definition and each criterion; the facts land in checked_file::info for compile().
#include <fmt/format.h>

#include <algorithm>

#include "engine/check/check.hpp"
#include "grammar/limits.hpp"
#include "grammar/text.hpp"

namespace thidua::check {

std::optional<window_range> window_of_literal(const ast::expr& w, diagnostics& out, std::optional<date> open_end);  // declarations.cpp

namespace {

constexpr std::uint16_t no_hint = 0xFFFF;

struct function_sig {
  const char* vi;
  const char* en;
  std::vector<value_type> params;
  value_type result;
};

const std::vector<function_sig>& functions() {
  static const std::vector<function_sig> table = {
      {"tuổi_vào", "age_on", {value_type::date, value_type::date}, value_type::number},
      {"tỉ_lệ", "ratio", {value_type::number, value_type::number}, value_type::number},
      {"năm_của", "year_of", {value_type::date}, value_type::number},
  };
  return table;
}

class checker {
 public:
  checker(const ast::file& f, checked_file& r, diagnostics& d) : m_file(f), m_result(r), m_out(d) {
    m_let_state.assign(f.lets.size(), 0);
    m_let_depth.assign(f.lets.size(), 0);
  }

  void run() {
    for (const auto& s : m_file.sheets) check_sheet(s);
    for (std::size_t i = 0; i < m_file.lets.size(); ++i) check_let(i);
    check_override_types();
    for (const auto& e : m_file.estimates) check_estimate(e);
    m_result.single_use.assign(m_result.shape.lists.size(), 0);
    for (const auto& u : m_file.single_use) {
      int list = m_result.shape.find_list(u.text);
      if (list >= 0) {
        m_result.single_use[static_cast<std::size_t>(list)] = 1;
        continue;
      }
      unknown_list(u.text, u.where);
    }
    for (const auto& a : m_file.awards) {
      for (const auto& c : a.criteria) check_criterion(c);
      for (const auto& c : a.disqualifiers) check_criterion(c);
      for (const auto& c : a.procedures) check_criterion(c);
      for (const auto& c : a.deferrals) check_criterion(c);
      check_ranking(a);
      check_tiers(a);
    }
  }

 private:
  const ast::file& m_file;
  checked_file& m_result;
  diagnostics& m_out;
  std::vector<int> m_let_state;  // 0 unvisited, 1 in progress, 2 done
  std::vector<std::size_t> m_let_depth;  // evaluation depth of each definition (done ones)
  std::size_t m_depth = 0;      // nodes from the root of the expression being visited
  std::size_t m_max_depth = 0;  // deepest evaluation reached from that root so far
  bool m_reported_depth = false;
  std::size_t m_lets_open = 0;  // definitions being checked, one inside another

  void depth_error(span where) {
    m_out.error("check.too_deep", where,
                {fmt::format("các định nghĩa dựa vào nhau lồng quá sâu (quá {} tầng khi tính)", limits::evaluation_depth),
                 fmt::format("definitions built on one another nest too deeply (over {} levels to evaluate)", limits::evaluation_depth)})
        .help = {"hãy rút ngắn chuỗi định nghĩa `đặt` dùng lẫn nhau", "shorten the chain of `đặt` (let) definitions that use one another"};
  }
  int m_list = -1;                // list whose events are in scope (inside nơi/where)

  expr_info& record(const ast::expr& e, expr_info info) { return m_result.info[&e] = info; }

  // A name where an event list is expected: did-you-mean among the lists (and, in an
  // aggregate, the members), else how to declare one.
  void unknown_list(std::string_view name, span where, bool in_aggregate = false) {
    std::vector<std::string> names;
    for (const auto& l : m_result.shape.lists) names.push_back(l.name);
    if (in_aggregate) names.emplace_back("thành_viên");
    auto& d = m_out.error("check.unknown_list", where,
                          {fmt::format("không có danh sách sự kiện nào tên `{}`", name), fmt::format("no event list is named `{}`", name)});
    if (auto near = closest_name(name, names); !near.empty())
      d.help = {fmt::format("có phải ý bạn là `{}`?", near), fmt::format("did you mean `{}`?", near)};
    else if (in_aggregate)
      d.help = {"khai báo nó trong khối `dữ liệu`: `tên: danh sách (ngày: ngày, …)`",
                "declare it in the `schema` block: `name: list (date: date, …)`"};
  }

  void check_let(std::size_t i) {
    if (m_let_state[i] == 2) return;
    if (m_let_state[i] == 1) return;  // the cycle is reported where it is used
    m_let_state[i] = 1;
    ++m_lets_open;
    int saved = m_list;
    m_list = -1;
    const auto saved_depth = m_depth, saved_max = m_max_depth;
    m_depth = m_max_depth = 0;
    const auto& decl = m_file.lets[i];
    if (decl.value) {
      auto info = visit(*decl.value, no_hint);
      m_result.lets[i].type = info.type;
      m_result.lets[i].scale = info.scale;
    }
    m_let_depth[i] = m_max_depth;
    if (m_max_depth > limits::evaluation_depth && !m_reported_depth) {
      m_reported_depth = true;
      depth_error(decl.name.where);
    }
    m_depth = saved_depth;
    m_max_depth = saved_max;
    m_list = saved;
    --m_lets_open;
    m_let_state[i] = 2;
  }

  // An override must keep the replaced definition's type: the imported rules were
  // checked against it, and a wrong type would surface there, far from the mistake.
  void check_override_types() {
    for (std::size_t i = 0; i < m_file.lets.size() && i < m_result.let_replaces.size(); ++i) {
      const auto r = m_result.let_replaces[i];
      if (!m_file.lets[i].is_override || r < 0 || !m_file.lets[i].value) continue;
      const auto& mine = m_result.lets[i];
      const auto& theirs = m_result.lets[static_cast<std::size_t>(r)];
      if (mine.type == value_type::unknown || theirs.type == value_type::unknown) continue;
      if (mine.type == theirs.type && mine.scale == theirs.scale) continue;
      const auto& replaced = *m_file.lets[static_cast<std::size_t>(r)].value;
      auto& d = m_out.error("check.override_type", m_file.lets[i].value->where,
                  {fmt::format("giá trị ghi đè `{}` là {}, nhưng định nghĩa được thay là {}", m_file.lets[i].name.text,
                               type_name(mine.type, false), type_name(theirs.type, false)),
                   fmt::format("the override of `{}` is a {}, but the definition it replaces is a {}",
                               m_file.lets[i].name.text, type_name(mine.type, true), type_name(theirs.type, true))});
      d.notes.push_back({replaced.where, true, {"giá trị được thay ở đây", "the value replaced is here"}});
      d.help = {fmt::format("ghi một giá trị là {}", type_name(theirs.type, false)),
                fmt::format("give a value that is a {}", type_name(theirs.type, true))};
      // Reported once, here: the imported rules go on being checked against the type
      // they were written for.
      m_result.lets[i].type = theirs.type;
      m_result.lets[i].scale = theirs.scale;
    }
  }

  // The condition speaks of one event of the list: its fields first, as inside `nơi`.
  void check_estimate(const ast::estimate_decl& e) {
    const auto& shape = m_result.shape;
    int list = shape.find_list(e.list.text);
    m_result.estimate_lists.push_back(list);
    if (list < 0) {
      unknown_list(e.list.text, e.list.where);
      return;
    }
    for (std::size_t i = 0; i + 1 < m_result.estimate_lists.size(); ++i)
      if (m_result.estimate_lists[i] == list)
        m_out.error("check.duplicate_estimate", e.list.where,
                    {fmt::format("danh sách `{}` đã có một khai báo `ước tính`; hãy gộp hai điều kiện bằng `hoặc`", e.list.text),
                     fmt::format("list `{}` already has an `estimate` declaration; join the two conditions with `or`", e.list.text)});
    if (!e.condition) return;
    int saved = m_list;
    m_list = list;
    m_depth = m_max_depth = 0;
    auto c = visit(*e.condition, no_hint);
    m_list = saved;
    expect(*e.condition, c, value_type::boolean, "điều kiện `ước tính`", "the `estimate` condition");
  }

  void check_criterion(const ast::criterion& c) {
    if (c.is_group) {
      for (const auto& m : c.members) check_criterion(m);
      return;
    }
    if (!c.condition) return;
    m_depth = m_max_depth = 0;
    auto info = visit(*c.condition, no_hint);
    if (m_max_depth > limits::evaluation_depth && !m_reported_depth) {
      m_reported_depth = true;
      depth_error(c.condition->where);
    }
    if (info.type != value_type::boolean && info.type != value_type::unknown)
      m_out.error("check.criterion_not_condition", c.condition->where,
                  {fmt::format("tiêu chí `{}` phải là một điều kiện đúng/sai, nhưng đây là {}", c.label, type_name(info.type, false)),
                   fmt::format("criterion `{}` must be a yes/no condition, but this is a {}", c.label, type_name(info.type, true))});
  }

  // Ranking keys must be values that order (not lists); `trước`/`first` needs a yes/no
  // key; a quota needs a ranking (who is cut must never depend on chance) and a group
  // that is a record field.
  void check_ranking(const ast::award_decl& a) {
    for (const auto& k : a.ranking) {
      if (!k.key) continue;
      m_depth = m_max_depth = 0;
      auto info = visit(*k.key, no_hint);
      if (m_max_depth > limits::evaluation_depth && !m_reported_depth) {
        m_reported_depth = true;
        depth_error(k.key->where);
      }
      if (info.type == value_type::unknown) continue;
      if (k.order == ast::rank_order::first && info.type != value_type::boolean)
        m_out.error("check.rank_first_not_condition", k.key->where,
                    {fmt::format("`trước` cần một điều kiện đúng/sai, nhưng đây là {}", type_name(info.type, false)),
                     fmt::format("`first` needs a yes/no condition, but this is a {}", type_name(info.type, true))})
            .help = {"dùng `giảm dần` hoặc `tăng dần` cho số, ngày và thang; hoặc viết một điều kiện, ví dụ `giới_tính = \"Nữ\" trước`",
                     "use `descending` or `ascending` for numbers, dates and scales; or write a condition, e.g. `sex = \"Nữ\" first`"};
    }
    if (!a.quota) return;
    if (a.quota->base_award) check_quota_base(a);
    if (a.ranking.empty())
      m_out.error("check.quota_without_ranking", a.quota->where,
                  {fmt::format("danh hiệu `{}` có giới hạn số suất nhưng không có `xếp thứ tự theo:`; không biết ai được chọn", a.name.text),
                   fmt::format("award `{}` has a quota but no `rank by:`; who gets the slots would be left to chance", a.name.text)})
          .help = {"thêm một dòng như `xếp thứ tự theo: tổng_điểm giảm dần, mã`", "add a line such as `rank by: score descending, id`"};
    if (a.quota->group) {
      const auto& g = *a.quota->group;
      const auto& shape = m_result.shape;
      int f = shape.find_field(g.text);
      if (f < 0) {
        std::vector<std::string> names;
        for (const auto& fd : shape.fields) names.push_back(fd.name);
        auto& d = m_out.error("check.quota_group_unknown", g.where,
                              {fmt::format("không có trường `{}` để chia nhóm giới hạn", g.text),
                               fmt::format("there is no field `{}` to group the quota by", g.text)});
        if (auto c = closest_name(g.text, names); !c.empty())
          d.help = {fmt::format("có phải ý bạn là `{}`?", c), fmt::format("did you mean `{}`?", c)};
        else
          d.help = {"nhóm là một trường của đối tượng, ví dụ `mỗi đơn vị`", "the group is a participant field, such as `each unit`"};
      }
    }
  }

  // `không quá 15% số đạt A`: A is another award of the file, and the share is a share.
  void check_quota_base(const ast::award_decl& a) {
    const auto& base = *a.quota->base_award;
    const auto self = static_cast<std::size_t>(&a - m_file.awards.data());
    m_result.quota_base.resize(m_file.awards.size(), -1);
    if (!a.quota->is_percent) {
      m_out.error("check.quota_base_slots", base.where,
                  {"`số đạt` chỉ đi với một tỉ lệ (`không quá 15% số đạt …`), không đi với một số suất cố định",
                   "`of those passing` goes with a share (`at most 15% of those passing …`), not with a fixed number of slots"});
      return;
    }
    std::vector<std::string> names;
    for (std::size_t i = 0; i < m_file.awards.size(); ++i) {
      names.push_back(m_file.awards[i].name.text);
      const bool active = i >= m_result.award_active.size() || m_result.award_active[i];
      if (active && text::name_key(m_file.awards[i].name.text) == text::name_key(base.text)) {
        if (text::name_key(m_file.awards[i].name.text) == text::name_key(a.name.text)) {
          m_out.error("check.quota_base_self", base.where,
                      {fmt::format("chỉ tiêu của `{}` không thể tính trên số người đạt chính nó", a.name.text),
                       fmt::format("the quota of `{}` cannot be a share of those passing the award itself", a.name.text)})
              .help = {"bỏ `số đạt …` để tính trên mọi đối tượng được xét", "drop `of those passing …` to count everyone evaluated"};
          return;
        }
        m_result.quota_base[self] = static_cast<std::int32_t>(i);
        return;
      }
    }
    unknown_award(m_out, base, names);
  }

  // ---- point sheets --------------------------------------------------------------

  std::optional<std::uint32_t> scale_value(const scale_def& scale, const ast::name_ref& v) {
    if (auto ord = scale.find(v.text)) return ord;
    auto& d = m_out.error("check.unknown_band_value", v.where,
                          {fmt::format("`{}` không phải là một giá trị của thang `{}`", v.text, scale.name),
                           fmt::format("`{}` is not a value of scale `{}`", v.text, scale.name)});
    if (auto near = closest_name(v.text, scale.values); !near.empty())
      d.help = {fmt::format("có phải ý bạn là `{}`?", near), fmt::format("did you mean `{}`?", near)};
    return std::nullopt;
  }

  // Bands along the number line: a missing bound is infinite; a strict bound (trên,
  // dưới) is not in the band. compare_lower: -1 when the band's lower edge a lies below lower edge b (an inclusive edge is below
  // a strict one at the same number).
  static int compare_lower(const ast::band_bound& a, const ast::band_bound& b) {
    if (!a.present || !b.present) return a.present == b.present ? 0 : (a.present ? 1 : -1);
    if (int c = compare(a.value, b.value)) return c;
    return a.strict == b.strict ? 0 : (a.strict ? 1 : -1);
  }
  // true when a band ending at `upper` lies wholly below a band starting at `lower`.
  static bool ends_before(const ast::band_bound& upper, const ast::band_bound& lower) {
    if (!upper.present || !lower.present) return false;
    int c = compare(upper.value, lower.value);
    return c < 0 || (c == 0 && (upper.strict || lower.strict));
  }

  void check_sheet(const ast::sheet_decl& s) {
    sheet_info info;
    info.key = text::name_key(s.name.text);
    if (m_result.find_sheet(s.name.text) >= 0)
      m_out.error("check.duplicate_sheet", s.name.where,
                  {fmt::format("phiếu chấm điểm `{}` đã được khai báo", s.name.text),
                   fmt::format("score sheet `{}` is declared twice", s.name.text)});
    if (s.grade) {
      int scale = -1;
      for (std::size_t i = 1; i < m_result.shape.scales.size(); ++i)
        if (text::name_key(m_result.shape.scales[i].name) == text::name_key(s.grade_scale.text)) scale = static_cast<int>(i);
      if (scale < 0) {
        std::vector<std::string> names;
        for (std::size_t i = 1; i < m_result.shape.scales.size(); ++i) names.push_back(m_result.shape.scales[i].name);
        auto& d = m_out.error("check.unknown_scale", s.grade_scale.where,
                              {fmt::format("không có thang nào tên `{}`", s.grade_scale.text),
                               fmt::format("no scale is named `{}`", s.grade_scale.text)});
        if (auto near = closest_name(s.grade_scale.text, names); !near.empty())
          d.help = {fmt::format("có phải ý bạn là `{}`?", near), fmt::format("did you mean `{}`?", near)};
        else
          d.help = {"khai báo các loại bằng `thang`, thấp nhất trước: `thang loại: yếu < khá < tốt`",
                    "declare the grades with `scale`, lowest first: `scale levels: weak < fair < good`"};
      } else {
        info.graded = true;
        info.scale = static_cast<std::uint16_t>(scale);
        const auto& def = m_result.shape.scales[static_cast<std::size_t>(scale)];
        bool values_ok = true;
        for (const auto& b : s.bands) {
          auto ord = scale_value(def, b.value);
          values_ok &= ord.has_value();
          info.band_values.push_back(ord.value_or(0));
          if (b.lower.present && b.upper.present &&
              (compare(b.lower.value, b.upper.value) > 0 ||
               (compare(b.lower.value, b.upper.value) == 0 && (b.lower.strict || b.upper.strict))))
            m_out.error("check.empty_band", b.where,
                        {fmt::format("khung điểm của `{}` không chứa số điểm nào", b.value.text),
                         fmt::format("the band of `{}` contains no points", b.value.text)})
                .help = {"đầu dưới phải nhỏ hơn đầu trên, ví dụ `từ 14 đến dưới 17`",
                         "the lower end must be below the upper end, such as `from 14 to below 17`"};
        }
        for (const auto& f : s.forces) {
          auto ord = scale_value(def, f.value);
          info.force_values.push_back(ord.value_or(0));
        }
        // Bands in order along the points: they must not overlap, and a higher band
        // must be a higher value of the scale (so `loại ≥ khá` means what it says).
        std::vector<std::size_t> order(s.bands.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
          return compare_lower(s.bands[a].lower, s.bands[b].lower) < 0;
        });
        for (std::size_t k = 1; k < order.size(); ++k) {
          const auto& lo = s.bands[order[k - 1]];
          const auto& hi = s.bands[order[k]];
          if (!ends_before(lo.upper, hi.lower)) {
            auto& d = m_out.error("check.band_overlap", hi.where,
                                  {fmt::format("khung điểm của `{}` chồng lên khung của `{}`", hi.value.text, lo.value.text),
                                   fmt::format("the band of `{}` overlaps the band of `{}`", hi.value.text, lo.value.text)});
            d.notes.push_back({lo.where, true, {"khung kia ở đây", "the other band is here"}});
            d.help = {"dùng `đến dưới` cho đầu trên không tính: `từ 14 đến dưới 17`",
                      "use `to below` for an upper end that is not included: `from 14 to below 17`"};
          } else if (values_ok && info.band_values[order[k - 1]] >= info.band_values[order[k]]) {
            m_out.error("check.band_order", hi.where,
                        {fmt::format("`{}` có khung điểm cao hơn `{}` nhưng đứng thấp hơn hoặc ngang trong thang `{}`",
                                     hi.value.text, lo.value.text, def.name),
                         fmt::format("`{}` has a higher band than `{}` but is not above it in scale `{}`", hi.value.text,
                                     lo.value.text, def.name)})
                .help = {"thang liệt kê giá trị thấp nhất trước", "a scale lists its lowest value first"};
          }
        }
      }
    }
    m_result.sheets.push_back(std::move(info));
  }

  // ---- tiers ---------------------------------------------------------------------

  void check_tiers(const ast::award_decl& a) {
    tiers_info out;
    if (a.tiers) {
      const auto& t = *a.tiers;
      if (t.measure) {
        m_depth = m_max_depth = 0;
        auto info = visit(*t.measure, no_hint);
        expect(*t.measure, info, value_type::number, "giá trị xếp hạng", "the value that picks the tier");
      }
      // A threshold may name a `đặt` (a parameter a campaign can change): it must be a
      // number written out in the version in force, so that it is known before any record.
      std::vector<std::uint8_t> known;
      for (const auto& d : t.tiers) {
        out.from.push_back(d.from);
        out.from_names.emplace_back(d.from_name ? d.from_name->text : "");
        known.push_back(1);
        if (!d.from_name) continue;
        known.back() = 0;
        const int l = m_result.find_let(d.from_name->text);
        if (l < 0) {
          std::vector<std::string> names;
          for (const auto& x : m_file.lets) names.push_back(x.name.text);
          auto& e = m_out.error("check.tier_unknown_parameter", d.from_span,
                                {fmt::format("ngưỡng của hạng `{}`: không có định nghĩa (`đặt`) nào tên `{}`", d.label, d.from_name->text),
                                 fmt::format("threshold of tier `{}`: no definition (`let`) is named `{}`", d.label, d.from_name->text)});
          if (auto near = closest_name(d.from_name->text, names); !near.empty())
            e.help = {fmt::format("có phải ý bạn là `{}`?", near), fmt::format("did you mean `{}`?", near)};
          else
            e.help = {fmt::format("thêm `đặt {} = 5` hoặc viết thẳng số: `từ 5`", d.from_name->text),
                      fmt::format("add `let {} = 5` or write the number: `from 5`", d.from_name->text)};
          continue;
        }
        const auto& value = m_file.lets[static_cast<std::size_t>(l)].value;
        if (!value || value->kind != ast::expr_kind::number_lit) {
          if (value)
            m_out.error("check.tier_not_constant", d.from_span,
                        {fmt::format("ngưỡng của hạng `{}`: `{}` phải được đặt bằng một số viết sẵn (ví dụ `đặt {} = 5`)", d.label,
                                     d.from_name->text, d.from_name->text),
                         fmt::format("threshold of tier `{}`: `{}` must be defined as a number written out (`let {} = 5`)", d.label,
                                     d.from_name->text, d.from_name->text)})
                .help = {"ngưỡng phải biết được trước khi đọc hồ sơ nào; không dùng trường, phép tính hay số phần trăm",
                         "a threshold must be known before any record is read: no field, formula or percentage"};
          continue;
        }
        out.from.back() = value->num;
        known.back() = 1;
      }
      for (std::size_t i = 1; i < t.tiers.size(); ++i)
        if (known[i] && known[i - 1] && compare(out.from[i], out.from[i - 1]) <= 0)
          m_out.error("check.tiers_not_increasing", t.tiers[i].from_span,
                      {fmt::format("ngưỡng của hạng `{}` phải lớn hơn ngưỡng của hạng trước", t.tiers[i].label),
                       fmt::format("the threshold of tier `{}` must be above the previous tier's", t.tiers[i].label)})
              .help = {"liệt kê các hạng từ thấp đến cao", "list the tiers from lowest to highest"};
      if (t.granted_list) {
        const auto& shape = m_result.shape;
        int list = shape.find_list(t.granted_list->text);
        if (list < 0) {
          unknown_list(t.granted_list->text, t.granted_list->where);
        } else {
          const auto& def = shape.lists[static_cast<std::size_t>(list)];
          int f = def.find(t.granted_field.text);
          if (f < 0) {
            std::vector<std::string> names;
            for (const auto& x : def.fields) names.push_back(x.name);
            auto& d = m_out.error("check.unknown_event_field", t.granted_field.where,
                                  {fmt::format("danh sách `{}` không có trường `{}`", def.name, t.granted_field.text),
                                   fmt::format("list `{}` has no field `{}`", def.name, t.granted_field.text)});
            if (auto near = closest_name(t.granted_field.text, names); !near.empty())
              d.help = {fmt::format("có phải ý bạn là `{}`?", near), fmt::format("did you mean `{}`?", near)};
          } else if (def.fields[static_cast<std::size_t>(f)].type != value_type::number) {
            m_out.error("check.type_mismatch", t.granted_field.where,
                        {fmt::format("trường `{}` ghi mốc đã trao cần là số (ví dụ 5 cho mốc 5 lần)", t.granted_field.text),
                         fmt::format("field `{}` records the milestone granted and must be a number (5 for the 5th)", t.granted_field.text)});
          } else {
            out.granted_list = list;
            out.granted_field = static_cast<std::uint32_t>(f);
          }
        }
      }
    }
    m_result.tiers.push_back(out);
  }

  std::vector<std::string> visible_names() const {
    std::vector<std::string> names;
    for (const auto& f : m_result.shape.fields) names.push_back(f.name);
    for (const auto& l : m_file.lets) names.push_back(l.name.text);
    for (std::size_t s = 0; s < m_result.shape.scales.size(); ++s)
      for (const auto& v : m_result.shape.scales[s].values) names.push_back(v);
    if (m_list >= 0)
      for (const auto& f : m_result.shape.lists[static_cast<std::size_t>(m_list)].fields) names.push_back(f.name);
    names.push_back("tuổi_vào");
    return names;
  }

  expr_info resolve_name(const ast::expr& e, std::uint16_t hint) {
    const auto& shape = m_result.shape;
    expr_info info;
    if (m_list >= 0) {
      const auto& list = shape.lists[static_cast<std::size_t>(m_list)];
      if (int f = list.find(e.text); f >= 0) {
        const auto& def = list.fields[static_cast<std::size_t>(f)];
        info.ref = ref_kind::event_field;
        info.index = static_cast<std::uint32_t>(f);
        info.type = def.type;
        info.scale = def.scale;
        return record(e, info);
      }
    }
    if (int l = m_result.find_let(e.text); l >= 0) {
      auto li = static_cast<std::size_t>(l);
      if (m_let_state[li] == 1) {
        m_out.error("check.recursive_let", e.where,
                    {fmt::format("định nghĩa `{}` dùng lại chính nó; ngôn ngữ không cho phép đệ quy", e.text),
                     fmt::format("definition `{}` uses itself; definitions cannot be recursive", e.text)});
        return record(e, info);
      }
      if (m_let_state[li] == 0 && m_lets_open >= limits::evaluation_depth) {
        // Each open definition is at least one level: the chain is already too deep,
        // and following it further would take the checker's own stack.
        if (!m_reported_depth) {
          m_reported_depth = true;
          depth_error(e.where);
        }
        return record(e, info);
      }
      check_let(li);
      m_max_depth = std::max(m_max_depth, m_depth + m_let_depth[li]);
      info.ref = ref_kind::let;
      info.index = static_cast<std::uint32_t>(l);
      info.type = m_result.lets[li].type;
      info.scale = m_result.lets[li].scale;
      return record(e, info);
    }
    if (int f = shape.find_field(e.text); f >= 0) {
      const auto& def = shape.fields[static_cast<std::size_t>(f)];
      info.ref = ref_kind::field;
      info.index = static_cast<std::uint32_t>(f);
      info.type = def.type;
      info.scale = def.scale;
      return record(e, info);
    }
    // `ngày_xét` / `as_of_date`: the as-of date, unless a field or definition has the name.
    if (auto key = text::name_key(e.text); key == text::name_key("ngày_xét") || key == "as_of_date") {
      if (!m_result.as_of) {
        m_out.error("check.no_as_of", e.where,
                    {fmt::format("`{}` là ngày xét, nhưng không có ngày xét nào được cho", e.text),
                     fmt::format("`{}` is the as-of date, but no as-of date is given", e.text)})
            .help = {"thêm `ngày xét: 31/5/2024` vào phần `phong trào`, hoặc chạy với `--as-of 2024-05-31`",
                     "add `as of: 2024-05-31` to the `campaign` header, or run with `--as-of 2024-05-31`"};
        return record(e, info);
      }
      info.ref = ref_kind::as_of;
      info.type = value_type::date;
      return record(e, info);
    }
    // Scale values: unique across scales, or picked by the other side of a comparison.
    std::vector<std::pair<std::uint16_t, std::uint32_t>> matches;
    for (std::size_t s = 0; s < shape.scales.size(); ++s)
      if (auto ord = shape.scales[s].find(e.text)) matches.emplace_back(static_cast<std::uint16_t>(s), *ord);
    if (matches.size() > 1 && hint != no_hint)
      for (auto& m : matches)
        if (m.first == hint) matches = {m};
    if (matches.size() == 1) {
      info.ref = ref_kind::scale_value;
      info.type = value_type::enumeration;
      info.scale = matches[0].first;
      info.index = matches[0].second;
      return record(e, info);
    }
    if (matches.size() > 1) {
      m_out.error("check.ambiguous_value", e.where,
                  {fmt::format("`{}` có trong nhiều thang; hãy so sánh nó với một trường của thang cần dùng", e.text),
                   fmt::format("`{}` belongs to several scales; compare it with a field of the scale you mean", e.text)});
      return record(e, info);
    }
    if (m_result.find_window(e.text) >= 0) {
      m_out.error("check.window_as_value", e.where,
                  {fmt::format("`{}` là một đợt hoặc khoảng thời gian; chỉ dùng được sau `trong`, ví dụ `đếm(hiến_máu trong {})`", e.text, e.text),
                   fmt::format("`{}` is a round or window; use it after `within`, e.g. `count(donations within {})`", e.text, e.text)});
      return record(e, info);
    }
    if (shape.find_list(e.text) >= 0) {
      m_out.error("check.list_as_value", e.where,
                  {fmt::format("`{}` là một danh sách sự kiện; hãy dùng `đếm({})` hoặc `tổng({}.trường)`", e.text, e.text, e.text),
                   fmt::format("`{}` is an event list; use `count({})` or `sum({}.field)`", e.text, e.text, e.text)});
      return record(e, info);
    }
    auto& d = m_out.error("check.unknown_name", e.where,
                          {fmt::format("không có trường hay định nghĩa nào tên `{}`", e.text),
                           fmt::format("unknown field `{}`", e.text)});
    if (auto near = closest_name(e.text, visible_names()); !near.empty())
      d.help = {fmt::format("có phải ý bạn là `{}`?", near), fmt::format("did you mean `{}`?", near)};
    else
      d.help = {"khai báo trường trong khối `dữ liệu` hoặc định nghĩa nó bằng `đặt`",
                "declare the field in the `schema` block or define it with `let`"};
    return record(e, info);
  }

  void expect(const ast::expr& e, const expr_info& got, value_type want, std::string_view what_vi, std::string_view what_en) {
    if (got.type == want || got.type == value_type::unknown) return;
    m_out.error("check.type_mismatch", e.where,
                {fmt::format("{} cần {}, nhưng đây là {}", what_vi, type_name(want, false), type_name(got.type, false)),
                 fmt::format("{} needs a {}, but this is a {}", what_en, type_name(want, true), type_name(got.type, true))});
  }

  bool comparable(const expr_info& a, const expr_info& b) const {
    if (a.type == value_type::unknown || b.type == value_type::unknown) return true;
    if (a.type != b.type) return false;
    return a.type != value_type::enumeration || a.scale == b.scale;
  }

  void report_compare(const ast::expr& e, const expr_info& a, const expr_info& b) {
    auto& d = m_out.error("check.incomparable", e.where,
                          {fmt::format("không so sánh được {} với {}", type_name(a.type, false), type_name(b.type, false)),
                           fmt::format("cannot compare a {} with a {}", type_name(a.type, true), type_name(b.type, true))});
    if ((a.type == value_type::date && b.type == value_type::number) ||
        (a.type == value_type::number && b.type == value_type::date))
      d.help = {"để xét tuổi, viết `tuổi_vào(ngày_sinh, 15/4/2021) >= 18`",
                "to test an age, write `age_on(birth_date, 2021-04-15) >= 18`"};
    else if (a.type == value_type::enumeration && b.type == value_type::enumeration)
      d.help = {"hai giá trị thuộc hai thang khác nhau", "the two values belong to different scales"};
    else if (a.type == value_type::enumeration || b.type == value_type::enumeration) {
      // Usually a scale value written in quotes: show the values to write instead.
      const auto& scale = m_result.shape.scales[a.type == value_type::enumeration ? a.scale : b.scale];
      std::string values;
      for (const auto& v : scale.values) values += (values.empty() ? "`" : ", `") + v + "`";
      d.help = {fmt::format("giá trị của thang `{}` viết không có dấu nháy: {}", scale.name, values),
                fmt::format("values of scale `{}` are written without quotes: {}", scale.name, values)};
    }
  }

  // Visits a pair, letting a scale on one side pick the scale of a bare value on the other.
  std::pair<expr_info, expr_info> visit_pair(const ast::expr& a, const ast::expr& b) {
    bool a_bare = a.kind == ast::expr_kind::name && m_result.find_let(a.text) < 0 && m_result.shape.find_field(a.text) < 0;
    if (a_bare) {
      auto right = visit(b, no_hint);
      auto left = visit(a, right.type == value_type::enumeration ? right.scale : no_hint);
      return {left, right};
    }
    auto left = visit(a, no_hint);
    auto right = visit(b, left.type == value_type::enumeration ? left.scale : no_hint);
    return {left, right};
  }

  // Depth of evaluation: the evaluator and the explainer recurse over an expression
  // and into each definition it uses, so the depth that matters is the height of the
  // expression with every used definition's own depth added where it is used.
  struct depth_guard {
    checker& c;
    explicit depth_guard(checker& owner) : c(owner) {
      ++c.m_depth;
      c.m_max_depth = std::max(c.m_max_depth, c.m_depth);
    }
    ~depth_guard() { --c.m_depth; }
  };

  expr_info visit(const ast::expr& e, std::uint16_t hint) {
    depth_guard deeper(*this);
    expr_info info;
    using k = ast::expr_kind;
    switch (e.kind) {
      case k::number_lit:
      case k::percent_lit: info.type = value_type::number; break;
      case k::text_lit: info.type = value_type::text; break;
      case k::bool_lit: info.type = value_type::boolean; break;
      case k::date_lit: info.type = value_type::date; break;
      case k::duration_lit: info.type = value_type::duration; break;
      case k::name: return resolve_name(e, hint);
      case k::not_op: {
        auto a = visit(*e.args[0], no_hint);
        expect(*e.args[0], a, value_type::boolean, "`không`", "`not`");
        info.type = value_type::boolean;
        break;
      }
      case k::negate: {
        auto a = visit(*e.args[0], no_hint);
        expect(*e.args[0], a, value_type::number, "dấu trừ", "a minus sign");
        info.type = value_type::number;
        break;
      }
      case k::binary: info = visit_binary(e); break;
      case k::set_lit: {
        m_out.error("check.set_outside_membership", e.where,
                    {"tập hợp `{…}` chỉ dùng sau `thuộc`", "a set `{…}` can only follow `in`"});
        break;
      }
      case k::membership: {
        auto left = visit(*e.args[0], no_hint);
        const auto& set = *e.args[1];
        for (const auto& member : set.args) {
          auto m = visit(*member, left.type == value_type::enumeration ? left.scale : no_hint);
          if (!comparable(left, m)) report_compare(*member, left, m);
        }
        record(set, expr_info{});
        info.type = value_type::boolean;
        break;
      }
      case k::call: info = visit_call(e); break;
      case k::aggregate: info = visit_aggregate(e); break;
      case k::at_least: {
        for (const auto& a : e.args) {
          auto m = visit(*a, no_hint);
          expect(*a, m, value_type::boolean, "mỗi điều kiện trong `ít nhất`", "each condition of `at least`");
        }
        info.type = value_type::boolean;
        break;
      }
      case k::capped: {
        auto a = visit(*e.args[0], no_hint);
        expect(*e.args[0], a, value_type::number, "số điểm của một mục", "an item's points");
        info.type = value_type::number;
        break;
      }
      case k::banded: {
        auto total = visit(*e.args[0], no_hint);
        (void)total;
        for (std::size_t i = 1; i < e.args.size(); ++i) {
          auto c = visit(*e.args[i], no_hint);
          expect(*e.args[i], c, value_type::boolean, "điều kiện của `buộc … khi`", "the condition of `force … when`");
        }
        int s = m_result.find_sheet(e.text);
        if (s >= 0 && m_result.sheets[static_cast<std::size_t>(s)].graded) {
          info.type = value_type::enumeration;
          info.scale = m_result.sheets[static_cast<std::size_t>(s)].scale;
        }
        break;
      }
      case k::year_window:  // the grammar puts it only after `trong`/`within`
      case k::window_lit:
        m_out.error("check.window_as_value", e.where,
                    {"khoảng thời gian `từ … đến …` chỉ dùng sau `trong`", "a window `from … to …` can only follow `within`"});
        break;
    }
    return record(e, info);
  }

  expr_info visit_binary(const ast::expr& e) {
    using b = ast::binop;
    expr_info info;
    const auto& l = *e.args[0];
    const auto& r = *e.args[1];
    switch (e.op) {
      case b::and_op:
      case b::or_op: {
        auto x = visit(l, no_hint);
        auto y = visit(r, no_hint);
        const char* vi = e.op == b::and_op ? "`và`" : "`hoặc`";
        const char* en = e.op == b::and_op ? "`and`" : "`or`";
        expect(l, x, value_type::boolean, vi, en);
        expect(r, y, value_type::boolean, vi, en);
        info.type = value_type::boolean;
        return info;
      }
      case b::add:
      case b::sub: {
        auto x = visit(l, no_hint);
        auto y = visit(r, no_hint);
        if (x.type == value_type::unknown || y.type == value_type::unknown) return info;
        if (x.type == value_type::number && y.type == value_type::number) info.type = value_type::number;
        else if (x.type == value_type::date && y.type == value_type::duration) info.type = value_type::date;
        else if (e.op == b::add && x.type == value_type::duration && y.type == value_type::date) info.type = value_type::date;
        else if (e.op == b::sub && x.type == value_type::date && y.type == value_type::date) info.type = value_type::number;
        else
          m_out.error("check.bad_arithmetic", e.where,
                      {fmt::format("không thể {} {} và {}", e.op == b::add ? "cộng" : "trừ", type_name(x.type, false), type_name(y.type, false)),
                       fmt::format("cannot {} a {} and a {}", e.op == b::add ? "add" : "subtract", type_name(x.type, true), type_name(y.type, true))});
        return info;
      }
      case b::mul:
      case b::div: {
        auto x = visit(l, no_hint);
        auto y = visit(r, no_hint);
        expect(l, x, value_type::number, "phép nhân/chia", "multiplication and division");
        expect(r, y, value_type::number, "phép nhân/chia", "multiplication and division");
        info.type = value_type::number;
        return info;
      }
      default: break;
    }
    // comparisons
    auto [x, y] = visit_pair(l, r);
    info.type = value_type::boolean;
    if (!comparable(x, y)) {
      report_compare(e, x, y);
      return info;
    }
    // Durations compare only in one unit (a year is not a fixed number of days), so
    // `số_ngày(…) ≥ 5 năm` could never be decided: say so now rather than leave every
    // pair undecided.
    auto days_of = [](const ast::expr& a) { return a.kind == ast::expr_kind::aggregate && a.agg == ast::aggregate_fn::days; };
    auto not_days = [](const ast::expr& a) { return a.kind == ast::expr_kind::duration_lit && a.dur.unit != duration_unit::days; };
    if ((days_of(l) && not_days(r)) || (days_of(r) && not_days(l)))
      m_out.error("check.duration_units", e.where,
                  {"`số_ngày(…)` là một số ngày, không so được với tháng hay năm (độ dài của chúng thay đổi)",
                   "`days_in(…)` is a number of days and cannot be compared with months or years (their length varies)"})
          .help = {"so với ngày (`≥ 30 ngày`), hoặc cộng vào một ngày: `ngày_vào_ngành + 20 năm + số_ngày(…) ≤ ngày_xét`",
                   "compare with days (`>= 30 days`), or add it to a date: `start + 20 years + days_in(…) <= as_of_date`"};
    bool ordering = e.op != b::eq && e.op != b::ne;
    if (ordering && (x.type == value_type::text || x.type == value_type::boolean))
      m_out.error("check.unordered_type", e.where,
                  {fmt::format("{} không có thứ tự lớn nhỏ; chỉ dùng `=` hoặc `≠`", type_name(x.type, false)),
                   fmt::format("a {} has no order; use `=` or `≠`", type_name(x.type, true))});
    return info;
  }

  // đạt(A) / passed(A) and hạn_hồ_sơ(R) / deadline_of(R) take a declaration's name, not
  // a value: an award of this file, a round with a deadline.
  bool is_reference_call(std::string_view key) const {
    return key == "đạt" || key == "passed" || key == "hạn_hồ_sơ" || key == "deadline_of";
  }

  expr_info visit_reference_call(const ast::expr& e, std::string_view key) {
    expr_info info;
    const bool award = key == "đạt" || key == "passed";
    info.type = award ? value_type::boolean : value_type::date;
    const ast::expr* arg = e.args.size() == 1 ? e.args[0].get() : nullptr;
    if (!arg || arg->kind != ast::expr_kind::name) {
      m_out.error("check.argument_count", e.where,
                  {fmt::format("hàm `{}` cần đúng một đối số là {}", e.text, award ? "tên một danh hiệu" : "tên một đợt"),
                   fmt::format("function `{}` takes one argument, the name of {}", e.text, award ? "an award" : "a round")})
          .help = award ? bilingual{"ví dụ `đạt(lao_động_tiên_tiến)`", "for example `passed(advanced_worker)`"}
                        : bilingual{"ví dụ `ngày_nộp <= hạn_hồ_sơ(đợt_I)`", "for example `submitted <= deadline_of(round_1)`"};
      for (const auto& a : e.args) record(*a, expr_info{});
      return info;
    }
    expr_info target;
    if (award) {
      std::vector<std::string> names;
      for (std::size_t i = 0; i < m_file.awards.size(); ++i) {
        names.push_back(m_file.awards[i].name.text);
        // Of the versions of an award (`hiệu lực`), the one in force on the as-of date.
        const bool active = i >= m_result.award_active.size() || m_result.award_active[i];
        if (active && text::name_key(m_file.awards[i].name.text) == text::name_key(arg->text)) {
          target.ref = ref_kind::award;
          target.index = static_cast<std::uint32_t>(i);
        }
      }
      if (target.ref != ref_kind::award) {
        unknown_award(m_out, ast::name_ref{arg->text, arg->where}, names);
      } else {
        info.ref = ref_kind::award;
        info.index = target.index;
      }
    } else {
      int w = m_result.find_window(arg->text);
      if (w < 0 || !m_result.windows[static_cast<std::size_t>(w)].is_round) {
        std::vector<std::string> rounds;
        for (const auto& r : m_file.rounds) rounds.push_back(r.name.text);
        auto& d = m_out.error("check.unknown_round", arg->where,
                              {fmt::format("không có đợt nào tên `{}`", arg->text), fmt::format("no round is named `{}`", arg->text)});
        if (auto near = closest_name(arg->text, rounds); !near.empty())
          d.help = {fmt::format("có phải ý bạn là `{}`?", near), fmt::format("did you mean `{}`?", near)};
      } else if (const auto& round = m_result.windows[static_cast<std::size_t>(w)]; !round.deadline) {
        m_out.error("check.round_without_deadline", arg->where,
                    {fmt::format("đợt `{}` không có hạn hồ sơ", arg->text), fmt::format("round `{}` has no deadline", arg->text)})
            .help = {"thêm `hạn hồ sơ: NGÀY` vào khai báo đợt", "add `deadline: DATE` to the round's declaration"};
      } else {
        info.day = round.deadline;
      }
    }
    record(*arg, target);
    return info;
  }

  expr_info visit_call(const ast::expr& e) {
    expr_info info;
    auto key = text::name_key(e.text);
    if (is_reference_call(key)) return visit_reference_call(e, key);
    const function_sig* sig = nullptr;
    for (const auto& f : functions())
      if (key == text::name_key(f.vi) || key == text::name_key(f.en)) sig = &f;
    if (!sig) {
      std::vector<std::string> names;
      for (const auto& f : functions()) {
        names.emplace_back(f.vi);
        names.emplace_back(f.en);
      }
      for (const char* n : {"đạt", "passed", "hạn_hồ_sơ", "deadline_of"}) names.emplace_back(n);
      auto& d = m_out.error("check.unknown_function", e.where,
                            {fmt::format("không có hàm `{}`", e.text), fmt::format("unknown function `{}`", e.text)});
      if (auto near = closest_name(e.text, names); !near.empty())
        d.help = {fmt::format("có phải ý bạn là `{}`?", near), fmt::format("did you mean `{}`?", near)};
      for (const auto& a : e.args) visit(*a, no_hint);
      return info;
    }
    if (e.args.size() != sig->params.size()) {
      m_out.error("check.argument_count", e.where,
                  {fmt::format("hàm `{}` cần {} đối số, nhưng có {}", e.text, sig->params.size(), e.args.size()),
                   fmt::format("function `{}` takes {} arguments, but {} were given", e.text, sig->params.size(), e.args.size())});
    }
    for (std::size_t i = 0; i < e.args.size(); ++i) {
      auto a = visit(*e.args[i], no_hint);
      if (i < sig->params.size())
        expect(*e.args[i], a, sig->params[i], fmt::format("đối số {} của `{}`", i + 1, e.text),
               fmt::format("argument {} of `{}`", i + 1, e.text));
    }
    info.type = sig->result;
    return info;
  }

  // đếm(thành_viên nơi …) / count(members where …): the participants whose unit is this
  // participant's id. Inside `nơi`, names are the member's own fields and definitions,
  // and đạt(A) asks whether the member passed A.
  expr_info visit_members(const ast::expr& e) {
    expr_info info;
    info.type = value_type::number;
    info.members = true;
    if (e.agg != ast::aggregate_fn::count)
      m_out.error("check.members_count_only", e.where,
                  {"với `thành_viên` chỉ dùng được `đếm(…)`; tỉ lệ thành viên viết là `tỉ_lệ(đếm(thành_viên nơi …), đếm(thành_viên))`",
                   "only `count(…)` works over `members`; a share of members is `ratio(count(members where …), count(members))`"});
    if (e.window)
      m_out.error("check.members_window", e.window->where,
                  {"thành viên không có ngày nên không lọc theo `trong` được; hãy đặt điều kiện thời gian trong `nơi`",
                   "members have no date, so `within` cannot filter them; put the time condition in `where`"});
    if (e.condition) {
      int saved = m_list;
      m_list = -1;
      auto c = visit(*e.condition, no_hint);
      m_list = saved;
      expect(*e.condition, c, value_type::boolean, "điều kiện `nơi`", "the `where` condition");
    }
    return info;
  }

  expr_info visit_aggregate(const ast::expr& e) {
    expr_info info;
    info.type = e.agg == ast::aggregate_fn::count || e.agg == ast::aggregate_fn::sum ? value_type::number : value_type::unknown;
    if (e.agg == ast::aggregate_fn::consecutive || e.agg == ast::aggregate_fn::years_at_least) info.type = value_type::boolean;
    if (e.agg == ast::aggregate_fn::days) info.type = value_type::duration;
    const auto& shape = m_result.shape;
    int list = shape.find_list(e.text);
    if (list < 0) {
      auto key = text::name_key(e.text);
      if (key == "thành_viên" || key == "members") return visit_members(e);
    }
    if (list < 0) {
      unknown_list(e.text, e.where, /*in_aggregate=*/true);
      return info;
    }
    info.list = list;
    const auto& def = shape.lists[static_cast<std::size_t>(list)];
    const bool history = e.agg == ast::aggregate_fn::consecutive || e.agg == ast::aggregate_fn::years_at_least;
    if (e.agg == ast::aggregate_fn::days) {
      visit_periods(e, def, info);
    } else if (e.agg != ast::aggregate_fn::count && !history) {
      int f = e.field.empty() ? -1 : def.find(e.field);
      if (f < 0) {
        std::vector<std::string> names;
        for (const auto& x : def.fields) names.push_back(x.name);
        auto& d = m_out.error("check.unknown_event_field", e.field.empty() ? e.where : e.field_span,
                              {fmt::format("danh sách `{}` không có trường `{}`", def.name, e.field),
                               fmt::format("list `{}` has no field `{}`", def.name, e.field)});
        if (auto near = closest_name(e.field, names); !near.empty())
          d.help = {fmt::format("có phải ý bạn là `{}`?", near), fmt::format("did you mean `{}`?", near)};
      } else {
        const auto& fd = def.fields[static_cast<std::size_t>(f)];
        info.index = static_cast<std::uint32_t>(f);
        bool ok = fd.type == value_type::number ||
                  (e.agg != ast::aggregate_fn::sum && (fd.type == value_type::date || fd.type == value_type::enumeration));
        if (!ok)
          m_out.error("check.type_mismatch", e.field_span,
                      {fmt::format("không thể lấy {} của trường {} `{}`", e.agg == ast::aggregate_fn::sum ? "tổng" : "giá trị nhỏ/lớn nhất",
                                   type_name(fd.type, false), fd.name),
                       fmt::format("cannot take the {} of the {} field `{}`", e.agg == ast::aggregate_fn::sum ? "sum" : "extreme",
                                   type_name(fd.type, true), fd.name)});
        else if (e.agg != ast::aggregate_fn::sum) {
          info.type = fd.type;
          info.scale = fd.scale;
        }
      }
    }
    if (e.condition) {
      int saved = m_list;
      m_list = list;
      auto c = visit(*e.condition, no_hint);
      m_list = saved;
      expect(*e.condition, c, value_type::boolean, "điều kiện `nơi`", "the `where` condition");
    }
    if (e.window && e.window->kind == ast::expr_kind::year_window) {
      visit_years(e, def, info);
    } else if (e.window) {
      if (def.date_field < 0 && e.agg != ast::aggregate_fn::days)
        m_out.error("check.list_without_date", e.window->where,
                    {fmt::format("danh sách `{}` không có trường ngày nên không lọc theo thời gian được", def.name),
                     fmt::format("list `{}` has no date field, so it cannot be filtered by a window", def.name)});
      if (e.window->kind == ast::expr_kind::window_lit) {
        if (auto r = window_of_literal(*e.window, m_out, m_result.as_of)) info.window = *r;
      } else if (e.window->kind == ast::expr_kind::name) {
        int w = m_result.find_window(e.window->text);
        if (w < 0) {
          std::vector<std::string> names;
          for (const auto& x : m_result.windows) names.push_back(x.name);
          auto& d = m_out.error("check.unknown_window", e.window->where,
                                {fmt::format("không có đợt hay khoảng thời gian nào tên `{}`", e.window->text),
                                 fmt::format("no round or window is named `{}`", e.window->text)});
          if (auto near = closest_name(e.window->text, names); !near.empty())
            d.help = {fmt::format("có phải ý bạn là `{}`?", near), fmt::format("did you mean `{}`?", near)};
        } else {
          info.window = m_result.windows[static_cast<std::size_t>(w)].range;
        }
      }
    }
    return info;
  }

  // số_ngày(LIST …): each event is a period from its `từ`/`from` date to its `đến`/`to`
  // date. A blank end means the period is still running, so the as-of date must exist
  // to say where it stops; the days after the as-of date have not happened yet.
  void visit_periods(const ast::expr& e, const list_def& def, expr_info& info) {
    auto date_named = [&](const char* vi, const char* en) {
      for (const char* n : {vi, en})
        if (int f = def.find(text::name_key(n)); f >= 0 && def.fields[static_cast<std::size_t>(f)].type == value_type::date) return f;
      return -1;
    };
    const int from = date_named("từ", "from"), to = date_named("đến", "to");
    if (from < 0 || to < 0) {
      m_out.error("check.list_without_period", e.where,
                  {fmt::format("`số_ngày` cần mỗi sự kiện của danh sách `{}` có hai trường ngày `từ` và `đến`", def.name),
                   fmt::format("`days_in` needs each event of list `{}` to have two date fields, `from` and `to`", def.name)})
          .help = {fmt::format("khai báo `{}: danh sách (từ: ngày, đến: ngày, …)`", def.name),
                   fmt::format("declare `{}: list (from: date, to: date, …)`", def.name)};
      return;
    }
    info.index = static_cast<std::uint32_t>(from);
    info.end_field = to;
    if (!m_result.as_of)
      m_out.error("check.no_as_of", e.where,
                  {"`số_ngày` tính các khoảng còn đang diễn ra (để trống `đến`) đến ngày xét, nhưng không có ngày xét nào được cho",
                   "`days_in` counts a running period (a blank `to`) up to the as-of date, but no as-of date is given"})
          .help = {"thêm `ngày xét: 31/5/2024` vào phần `phong trào`, hoặc chạy với `--as-of 2024-05-31`",
                   "add `as of: 2024-05-31` to the `campaign` header, or run with `--as-of 2024-05-31`"};
  }

  // `trong N năm đến năm Y` and `kể từ D`: the list needs a year (a `năm`/`year`
  // number field, else its date field); Y is a year number or a date; D is a date.
  void visit_years(const ast::expr& e, const list_def& def, expr_info& info) {
    const auto& window = *e.window;
    int year_field = -1;
    for (const char* n : {"năm", "year"})
      if (int f = def.find(text::name_key(n)); f >= 0 && def.fields[static_cast<std::size_t>(f)].type == value_type::number)
        year_field = f;
    if (year_field < 0 && def.date_field < 0)
      m_out.error("check.list_without_year", window.where,
                  {fmt::format("danh sách `{}` không có trường `năm` (số) hay `ngày` nên không xét theo năm được", def.name),
                   fmt::format("list `{}` has no `year` (number) or `date` field, so it cannot be judged year by year", def.name)})
          .help = {fmt::format("thêm `năm: số` vào `{}: danh sách (…)`", def.name),
                   fmt::format("add `year: number` to `{}: list (…)`", def.name)};
    info.year_field = year_field;
    record(window, expr_info{});
    auto end = visit(*window.args[0], no_hint);
    if (end.type != value_type::number && end.type != value_type::date && end.type != value_type::unknown)
      m_out.error("check.type_mismatch", window.args[0]->where,
                  {fmt::format("năm kết thúc cần một số (năm) hoặc một ngày, nhưng đây là {}", type_name(end.type, false)),
                   fmt::format("the last year needs a number (a year) or a date, but this is a {}", type_name(end.type, true))});
    if (e.since) {
      auto since = visit(*e.since, no_hint);
      expect(*e.since, since, value_type::date, "`kể từ`", "`since`");
    }
  }
};

}  // namespace

void check_expressions(const ast::file& file, checked_file& result, diagnostics& out) {
  checker(file, result, out).run();
}

}  // namespace thidua::check
