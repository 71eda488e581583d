#include "engine/eval/outcome.hpp"

namespace thidua::eval {

std::string_view outcome_name(outcome o, bool lang_en) {
  switch (o) {
    case outcome::passed: return lang_en ? "passed" : "đạt";
    case outcome::failed: return lang_en ? "failed" : "không đạt";
    case outcome::excluded: return lang_en ? "excluded" : "bị loại trừ";
    case outcome::not_decidable: return lang_en ? "not decidable" : "chưa đủ dữ liệu";
    case outcome::inadmissible: return lang_en ? "procedurally inadmissible" : "không hợp lệ về thủ tục";
    case outcome::deferred: return lang_en ? "deferred" : "tạm hoãn xét";
    case outcome::outside_quota: return lang_en ? "eligible, outside the quota" : "đủ điều kiện nhưng ngoài chỉ tiêu";
  }
  return "";
}

std::string_view outcome_code(outcome o) {
  switch (o) {
    case outcome::passed: return "passed";
    case outcome::failed: return "failed";
    case outcome::excluded: return "excluded";
    case outcome::not_decidable: return "not_decidable";
    case outcome::inadmissible: return "inadmissible";
    case outcome::deferred: return "deferred";
    case outcome::outside_quota: return "outside_quota";
  }
  return "";
}

}  // namespace thidua::eval
