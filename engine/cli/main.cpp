// thidua: check, run, explain and document criteria files for emulation and commendation campaigns.
#include <fmt/format.h>

#include "engine/cli/commands.hpp"

int main(int argc, char** argv) {
  using namespace thidua::cli;
  CLI::App app{"thidua — công cụ xét thi đua, khen thưởng theo tệp tiêu chí / rules engine for emulation and commendation criteria"};
  app.require_subcommand(1);
  app.footer(
      "Mã thoát / exit codes: 0 thành công / success; 1 tệp tiêu chí có lỗi / the criteria file has errors; "
      "2 sai cú pháp lệnh / bad command line; 3 không đọc được dữ liệu / records unreadable; "
      "4 không tìm thấy đối tượng hoặc danh hiệu / participant or award not found; 5 không ghi được tệp / cannot write output.\n"
      "Xem / see docs/cli.md");
  app.set_version_flag("--version", "thidua 0.1.0");
  common_options common;
  app.add_option("--lang,-l", common.lang, "ngôn ngữ thông báo: vi (mặc định) hoặc en / message language: vi (default) or en")
      ->check(CLI::IsMember({"vi", "en"}))
      ->envname("THIDUA_LANG");
  auto check = add_check(app, common);
  auto run = add_run(app, common);
  auto explain = add_explain(app, common);
  auto doc = add_doc(app, common);
  // --lang may also follow the subcommand: `thidua check FILE --lang en`.
  for (auto* sub : app.get_subcommands({})) {
    sub->add_option("--lang,-l", common.lang, "vi|en")->check(CLI::IsMember({"vi", "en"}));
    sub->add_option("--include,-I", common.includes,
                    "thư mục được phép nhập tệp từ đó (lặp lại được) / a folder imports may read from (repeatable)");
    sub->add_option("--stdlib", common.stdlib, "thư mục thư viện chuẩn / the standard library folder");
    sub->add_option("--as-of", common.as_of,
                    "ngày xét (31/5/2024 hoặc 2024-05-31), thay cho `ngày xét:` của phong trào / the as-of date, overriding the campaign's `as of:`");
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : int(exit_code::usage);
  }
  if (app.got_subcommand("check")) return check();
  if (app.got_subcommand("run")) return run();
  if (app.got_subcommand("explain")) return explain();
  if (app.got_subcommand("doc")) return doc();
  return int(exit_code::usage);
}
