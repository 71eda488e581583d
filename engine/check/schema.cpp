#include <fmt/format.h>

#include "engine/check/check.hpp"
#include "grammar/text.hpp"

namespace thidua::check {
namespace {

struct type_word {
  const char* word;
  value_type type;
};

// Type names, Vietnamese and English; compared by name key.
constexpr type_word type_words[] = {
    {"số", value_type::number},          {"number", value_type::number},   {"chữ", value_type::text},
    {"văn_bản", value_type::text},       {"text", value_type::text},       {"ngày", value_type::date},
    {"date", value_type::date},          {"đúng_sai", value_type::boolean}, {"bool", value_type::boolean},
    {"boolean", value_type::boolean},    {"có_không", value_type::boolean}, {"thời_lượng", value_type::duration},
    {"duration", value_type::duration},
};

std::vector<std::string> type_candidates(const schema& s) {
  std::vector<std::string> c;
  for (const auto& w : type_words) c.emplace_back(w.word);
  for (std::size_t i = 1; i < s.scales.size(); ++i) c.push_back(s.scales[i].name);
  return c;
}

bool resolve_type(const ast::field_decl& f, schema& s, field_def& out, diagnostics& diags) {
  auto key = text::name_key(f.type.text);
  for (const auto& w : type_words)
    if (key == text::name_key(w.word)) {
      out.type = w.type;
      return true;
    }
  for (std::size_t i = 1; i < s.scales.size(); ++i)
    if (s.scales[i].keys.size() && text::name_key(s.scales[i].name) == key) {
      out.type = value_type::enumeration;
      out.scale = static_cast<std::uint16_t>(i);
      return true;
    }
  auto& d = diags.error("check.unknown_type", f.type.where,
                        {fmt::format("không có kiểu `{}`; kiểu hợp lệ: số, chữ, ngày, đúng_sai, thời_lượng hoặc tên một thang", f.type.text),
                         fmt::format("unknown type `{}`; expected number, text, date, bool, duration or a scale name", f.type.text)});
  if (auto near = closest_name(f.type.text, type_candidates(s)); !near.empty())
    d.help = {fmt::format("có phải ý bạn là `{}`?", near), fmt::format("did you mean `{}`?", near)};
  return false;
}

}  // namespace

void build_schema(const ast::file& file, checked_file& result, diagnostics& out) {
  schema s = schema::with_builtins();
  for (const auto& sc : file.scales) {
    auto key = text::name_key(sc.name.text);
    bool duplicate = false;
    for (const auto& existing : s.scales)
      if (text::name_key(existing.name) == key) duplicate = true;
    if (duplicate) {
      out.error("check.duplicate_scale", sc.name.where,
                {fmt::format("thang `{}` đã được khai báo", sc.name.text), fmt::format("scale `{}` is declared twice", sc.name.text)});
      // keep the index aligned with the AST so later passes can find it
    }
    scale_def def;
    def.name = sc.name.text;
    for (const auto& v : sc.values) {
      auto vkey = text::name_key(v.text);
      for (const auto& seen : def.keys)
        if (seen == vkey)
          out.error("check.duplicate_scale_value", v.where,
                    {fmt::format("giá trị `{}` lặp lại trong thang `{}`", v.text, sc.name.text),
                     fmt::format("value `{}` appears twice in scale `{}`", v.text, sc.name.text)});
      def.values.push_back(v.text);
      def.keys.push_back(vkey);
    }
    s.scales.push_back(std::move(def));
  }

  for (const auto& block : file.schemas) {
    for (const auto& f : block.fields) {
      auto key = text::name_key(f.name.text);
      if (s.find_field(f.name.text) >= 0 || s.find_list(f.name.text) >= 0) {
        out.error("check.duplicate_field", f.name.where,
                  {fmt::format("trường `{}` đã được khai báo", f.name.text), fmt::format("field `{}` is declared twice", f.name.text)});
        continue;
      }
      if (f.is_list) {
        list_def list;
        list.name = f.name.text;
        list.key = key;
        for (const auto& lf : f.list_fields) {
          field_def def{lf.name.text, text::name_key(lf.name.text), value_type::unknown, 0};
          if (list.find(lf.name.text) >= 0) {
            out.error("check.duplicate_field", lf.name.where,
                      {fmt::format("trường `{}` lặp lại trong danh sách `{}`", lf.name.text, f.name.text),
                       fmt::format("field `{}` appears twice in list `{}`", lf.name.text, f.name.text)});
            continue;
          }
          resolve_type(lf, s, def, out);
          if (def.type == value_type::date && (def.key == "ngày" || def.key == "date") && list.date_field < 0)
            list.date_field = static_cast<int>(list.fields.size());
          list.fields.push_back(std::move(def));
        }
        if (list.date_field < 0)
          for (std::size_t i = 0; i < list.fields.size(); ++i)
            if (list.fields[i].type == value_type::date) {
              list.date_field = static_cast<int>(i);
              break;
            }
        s.lists.push_back(std::move(list));
      } else {
        field_def def{f.name.text, key, value_type::unknown, 0};
        resolve_type(f, s, def, out);
        s.fields.push_back(std::move(def));
      }
    }
  }
  result.shape = std::move(s);
}

}  // namespace thidua::check
