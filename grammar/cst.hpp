#pragma once
// The concrete syntax tree: what the grammar matched, as plain nodes with a kind, a
// span and (for tokens) the matched text. No PEGTL type appears here; grammar/parse.cpp
// builds these from PEGTL's parse tree, engine/ast/lower.cpp turns them into AST nodes.
//
// Shapes (children in order; `?` optional, `*` repeated). Keywords and punctuation
// are not stored: the kind says which construct matched.
//   file          declaration*
//   campaign      text item*              item: issuer | basis | period | as_of (date)
//   issuer        text            basis   text            period  window_lit
//   round         name text? (achievements | deadline)*
//   achievements  window_lit | name       deadline   date
//   window        name window_lit
//   scale         name name name+          (values lowest first)
//   let           name EXPR in_force?
//   override_decl name EXPR citation?
//   report_only   name+                    (campaign item `chỉ xét: a, b`)
//   import_decl   text                     estimate  name EXPR     single_use  name
//   schema        field*
//   field         name (name | list_type) list_type  list_field+   list_field name name
//   award         name text? subjects? (level | award_round | basis | in_force | criterion | exclusion | procedure | deferral | group)*
//   in_force      window_lit
//   subjects      subject+                 subject: token, e.g. `cá nhân`
//   level         text            award_round  name
//   criterion     text EXPR citation?      exclusion, procedure, deferral: same     citation  text
//   group         text number (criterion | group)*
//   quota         (percent | number) name? subject? rounding?  (name: `số đạt A`, the base award;
//                                                            subject: the group's words)
//   ranking       rank_key+                rank_key  EXPR rank_direction?
//   tiers         keyword EXPR (tier | granted)*       keyword: `hạng` or `mốc` as written
//   tier          text (number | name)   granted  name name   (list, field)
//   sheet         name text? (sheet_item | grade)*
//   sheet_item    keyword text EXPR number? citation?   keyword: `mục`, `cộng` or `trừ`
//   grade         name name (band | force)*            (the grade's name, its scale)
//   band          name (keyword number)+               keywords: từ/trên, đến, dưới in order
//   force         name EXPR citation?
// Expressions (EXPR):
//   or_expr       EXPR EXPR+               and_expr  EXPR EXPR+
//   not_op        EXPR                     negate    EXPR
//   comparison    EXPR op EXPR | EXPR (op_in | op_not_in) set
//   sum, product  EXPR (op EXPR)+
//   call          name EXPR*
//   aggregate     aggregate_fn name name? where? within?     (second name: the field)
//   where         EXPR                     within    window_lit | name
//   at_least      number EXPR+             set       EXPR*
//   window_lit    EXPR (EXPR | open_end)?
//   year_window   number EXPR              (`5 năm đến năm 2024`: N, the last year)
//   since         EXPR                     (`kể từ D`: the reset date)
//   years         name name? where? within? since? missing_fails?
//                 (`ít nhất K năm trong (…)`: at_least's second child)
//   aggregate     … within? since? missing_fails?   (after the fields above)
//   tokens        name number percent date duration text boolean op aggregate_fn
//                 op_in op_not_in open_end subject rounding rank_direction keyword missing_fails
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "grammar/source.hpp"

namespace thidua::cst {

enum class kind : std::uint8_t {
  file,
  // declarations and items
  campaign,
  issuer,
  basis,
  period,
  round,
  achievements,
  deadline,
  window,
  scale,
  let,
  override_decl,
  report_only,
  import_decl,
  estimate,
  single_use,
  schema,
  field,
  list_type,
  list_field,
  award,
  subjects,
  subject,
  level,
  award_round,
  criterion,
  exclusion,
  procedure,
  deferral,
  group,
  citation,
  // expressions
  or_expr,
  and_expr,
  not_op,
  comparison,
  sum,
  product,
  negate,
  call,
  aggregate,
  where,
  within,
  at_least,
  set,
  window_lit,
  // tokens
  name,
  number,
  percent,
  date,
  duration,
  text,
  boolean,
  op,
  op_in,
  op_not_in,
  aggregate_fn,
  open_end,
  // quotas and ranking (appended: kinds added later go after these)
  quota,
  ranking,
  rank_key,
  rounding,
  rank_direction,
  // point sheets and tiers (appended)
  tiers,
  tier,
  granted,
  sheet,
  sheet_item,
  grade,
  band,
  force,
  keyword,  // token: which of several keywords matched (`mục`/`cộng`/`trừ`, `từ`/`trên`, ...)
  // history over the years (appended)
  year_window,
  since,
  years,
  missing_fails,
  // effective dates (appended)
  as_of,
  in_force,
};

// Stable lower-case name of a kind ("criterion", "op_not_in"), used by dump().
std::string_view kind_name(kind k);

struct node {
  kind k = kind::file;
  span where;
  // The matched text for tokens (points into the source's text, so the source must
  // outlive the tree); empty for structural nodes.
  std::string_view text;
  std::vector<std::unique_ptr<node>> children;

  const node& child(std::size_t i) const { return *children.at(i); }
};

// Deterministic indented dump, one node per line: `kind @begin..end` and, for tokens,
// the text in backticks. For --dump=cst and golden tests.
std::string dump(const node& root);

}  // namespace thidua::cst
