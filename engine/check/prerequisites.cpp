// Prerequisites between awards: đạt(A) / passed(A) inside award B makes B depend on A.
// The evaluator decides A on demand while deciding B, so any order works as long as no
// award depends on itself through a chain; this pass reports such a cycle, with the
// whole chain, at the đạt(…) that closes it.
#include <fmt/format.h>

#include <functional>

#include "engine/check/check.hpp"

namespace thidua::check {
namespace {

struct reference {
  std::uint32_t award;
  span where;  // the đạt(…) call
};

class dependency_graph {
 public:
  dependency_graph(const ast::file& f, const checked_file& c) : m_file(f), m_checked(c), m_let_refs(f.lets.size()), m_let_done(f.lets.size(), 0) {}

  std::vector<std::vector<reference>> build() {
    std::vector<std::vector<reference>> edges(m_file.awards.size());
    for (std::size_t a = 0; a < m_file.awards.size(); ++a) {
      // A version not in force is not compiled: its references make no dependency.
      if (a < m_checked.award_active.size() && !m_checked.award_active[a]) continue;
      const auto& award = m_file.awards[a];
      for (const auto* list : {&award.criteria, &award.disqualifiers, &award.procedures, &award.deferrals})
        for (const auto& c : *list) criterion(c, edges[a]);
    }
    return edges;
  }

 private:
  const ast::file& m_file;
  const checked_file& m_checked;
  std::vector<std::vector<reference>> m_let_refs;
  std::vector<std::uint8_t> m_let_done;  // 0 not visited, 1 visiting, 2 done

  void criterion(const ast::criterion& c, std::vector<reference>& out) {
    if (c.condition) expr(*c.condition, out);
    for (const auto& m : c.members) criterion(m, out);
  }

  void expr(const ast::expr& e, std::vector<reference>& out) {
    auto it = m_checked.info.find(&e);
    if (it != m_checked.info.end()) {
      const auto& info = it->second;
      if (e.kind == ast::expr_kind::call && info.ref == ref_kind::award) out.push_back({info.index, e.where});
      if (e.kind == ast::expr_kind::name && info.ref == ref_kind::let) {
        // A definition's references count where it is used, each reported at its call.
        for (const auto& r : let_refs(info.index)) out.push_back(r);
      }
    }
    for (const auto& a : e.args) expr(*a, out);
    if (e.condition) expr(*e.condition, out);
    if (e.window) expr(*e.window, out);
  }

  const std::vector<reference>& let_refs(std::uint32_t let) {
    if (m_let_done[let] == 0 && m_file.lets[let].value) {
      m_let_done[let] = 1;  // a recursive definition is reported by the type checker
      std::vector<reference> refs;
      expr(*m_file.lets[let].value, refs);
      m_let_refs[let] = std::move(refs);
    }
    m_let_done[let] = 2;
    return m_let_refs[let];
  }
};

}  // namespace

void check_prerequisites(const ast::file& file, const checked_file& checked, diagnostics& out) {
  auto edges = dependency_graph(file, checked).build();
  const std::size_t n = edges.size();
  std::vector<std::uint8_t> color(n, 0);  // 0 new, 1 on the path, 2 finished
  std::vector<std::uint32_t> path;
  std::function<void(std::uint32_t)> visit = [&](std::uint32_t a) {
    color[a] = 1;
    path.push_back(a);
    for (const auto& r : edges[a]) {
      if (r.award >= n) continue;
      if (color[r.award] == 1) {
        std::string chain;
        auto from = std::find(path.begin(), path.end(), r.award);
        for (auto p = from; p != path.end(); ++p) chain += file.awards[*p].name.text + " → ";
        chain += file.awards[r.award].name.text;
        out.error("check.award_cycle", r.where,
                  {fmt::format("các danh hiệu phụ thuộc vòng tròn vào nhau: {}", chain),
                   fmt::format("awards depend on one another in a circle: {}", chain)})
            .help = {"một danh hiệu không thể là điều kiện của chính nó; bỏ một `đạt(…)` trong vòng này",
                     "an award cannot be its own prerequisite; remove one `passed(…)` from this circle"};
      } else if (color[r.award] == 0) {
        visit(r.award);
      }
    }
    path.pop_back();
    color[a] = 2;
  };
  for (std::uint32_t a = 0; a < n; ++a)
    if (color[a] == 0) visit(a);
}

}  // namespace thidua::check
