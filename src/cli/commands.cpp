// src/cli/commands.cpp
//
// The subcommands of `ombud`. Output for operators' scripts is stable: one fact per line.
#include "cli/commands.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include <CLI/CLI.hpp>
#include <spdlog/async.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
#include <sys/stat.h>

#include "cli/environment.hpp"
#include "core/text.hpp"
#include "crypto/secret.hpp"
#include "services/admin_service.hpp"
#include "services/audit_service.hpp"
#include "services/config_service.hpp"
#include "services/demo_service.hpp"
#include "services/user_service.hpp"
#include "store/migrate.hpp"
#include "views/renderer.hpp"

namespace ombud::cli {

namespace {

constexpr int kOk = 0;
constexpr int kFailed = 1;

// Prints an error for an operator: the detail for environment problems, the catalogue key and
// field keys for input problems (the command line is English and machine-friendly).
int report(const Error& e) {
  std::cerr << "ombud: ";
  if (!e.detail.empty()) {
    std::cerr << e.detail;
  } else {
    std::cerr << error_code_name(e.code) << " (" << e.message_key << ")";
  }
  for (const auto& f : e.fields)
    std::cerr << "\n  " << f.field << ": " << f.message_key;
  std::cerr << "\n";
  return kFailed;
}

void setup_logging() {
  spdlog::init_thread_pool(8192, 1);
  auto sink = std::make_shared<spdlog::sinks::stderr_sink_mt>();
  auto logger = std::make_shared<spdlog::async_logger>("ombud", sink, spdlog::thread_pool(),
                                                       spdlog::async_overflow_policy::block);
  logger->set_pattern(R"({"ts":"%Y-%m-%dT%H:%M:%S.%eZ","level":"%l","log":%v})", spdlog::pattern_time_type::utc);
  spdlog::set_default_logger(logger);
  spdlog::flush_every(std::chrono::seconds(1));
}

Status make_private_dir(const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return fail(Error::internal("cannot create " + dir + ": " + ec.message()));
  ::chmod(dir.c_str(), 0700);
  return {};
}

// Creates the key file and database, migrates, and registers the key. Refuses to overwrite.
Result<std::unique_ptr<Runtime>> initialise(const Locations& w, const Settings& settings) {
  if (!w.data_dir.empty()) OMBUD_CHECK(make_private_dir(w.data_dir));
  if (std::filesystem::exists(w.key_file)) {
    return fail(Error::internal("key file " + w.key_file + " already exists; this data directory is in use"));
  }
  if (w.db_url.find("://") == std::string::npos && std::filesystem::exists(w.db_url)) {
    return fail(Error::internal("database " + w.db_url + " already exists"));
  }
  OMBUD_CHECK(crypto::KeyRing::create_file(w.key_file));
  auto rt = OMBUD_TRY(open_runtime(w, settings, 2, SchemaCheck::kAny));
  auto state = OMBUD_TRY(store::migration_state(*rt->db));
  if (state.current != 0) {
    return fail(Error::internal("the database already holds an ombud schema; use a new, empty database"));
  }
  OMBUD_TRY(store::migrate(*rt->db));
  OMBUD_CHECK(services::ensure_key_check(*rt->services));
  return rt;
}

// What most commands begin with: the locations resolved, the settings read, and the database and
// key file opened with a small pool.
Result<std::unique_ptr<Runtime>> open_for_command(const Locations& given, SchemaCheck check) {
  auto w = OMBUD_TRY(resolve(given));
  auto settings = OMBUD_TRY(load_settings(w));
  return open_runtime(w, settings, 2, check);
}

void add_location_options(CLI::App* cmd, Locations& w) {
  cmd->add_option("--data", w.data_dir, "Data directory (holds ombud.db, ombud.key, ombud.toml)");
  cmd->add_option("--db", w.db_url, "Database: a SQLite file path or postgresql://… (default DIR/ombud.db)");
  cmd->add_option("--key-file", w.key_file, "Key file (default DIR/ombud.key)");
  cmd->add_option("--config", w.config_file, "Settings file (default DIR/ombud.toml, if present)");
}

int cmd_serve(const Locations& given, const std::string& listen, int threads) {
  auto w = resolve(given);
  if (!w) return report(w.error());
  auto settings = load_settings(*w);
  if (!settings) return report(settings.error());
  if (!listen.empty()) {
    auto colon = listen.rfind(':');
    if (colon == std::string::npos) return report(Error::internal("--listen takes HOST:PORT"));
    settings->server.host = listen.substr(0, colon);
    long long port = 0;
    if (!parse_int(listen.substr(colon + 1), port) || port < 0 || port > 65535) {
      return report(Error::internal("--listen: bad port"));
    }
    settings->server.port = static_cast<unsigned short>(port);
  }
  if (threads > 0) settings->server.io_threads = threads;
  setup_logging();
  const auto pool = static_cast<std::size_t>(settings->server.io_threads + settings->server.hash_threads + 2);
  auto rt = open_runtime(*w, *settings, pool, SchemaCheck::kRequireCurrent);
  if (!rt) return report(rt.error());
  if (auto k = services::check_key_file(*(*rt)->services); !k) return report(k.error());
  auto views = views::Renderer::create();
  if (!views) return report(views.error());
  http::App app(*(*rt)->services, **views, settings->http);
  http::Server server(app, settings->server);
  if (auto b = server.bind(); !b) return report(b.error());
  std::cout << "ombud: serving http://" << settings->server.host << ":" << server.port() << "/" << std::endl;
  spdlog::info(R"({{"event":"listening","port":{}}})", server.port());
  server.run(true);
  spdlog::shutdown();
  return kOk;
}

int cmd_init(const Locations& given, const std::string& operation, const std::vector<std::string>& municipalities) {
  auto w = resolve(given);
  if (!w) return report(w.error());
  auto settings = load_settings(*w);
  if (!settings) return report(settings.error());
  services::OperationSpec spec;
  spec.name = operation;
  for (const auto& m : municipalities) {
    auto colon = m.find(':');
    if (colon == std::string::npos)
      return report(Error::internal("--municipality takes CODE:NAME, e.g. 0882:Oskarshamn"));
    spec.municipalities.emplace_back(m.substr(0, colon), m.substr(colon + 1));
  }
  auto rt = initialise(*w, *settings);
  if (!rt) return report(rt.error());
  auto id = services::create_operation(*(*rt)->services, services::AuditSubject::command_line(), spec);
  if (!id) return report(id.error());
  if (auto c = services::initialise_config(*(*rt)->services, *id, domain::default_config()); !c)
    return report(c.error());
  std::cout << "database: " << w->db_url << "\nkey file: " << w->key_file << "\noperation: " << *id << "\n"
            << "next: ombud user add --data " << (w->data_dir.empty() ? "DIR" : w->data_dir) << " --operation " << *id
            << " --username NAME --name \"Full Name\" --role admin\n";
  return kOk;
}

int cmd_demo(const Locations& given, const services::DemoOptions& options) {
  auto w = resolve(given);
  if (!w) return report(w.error());
  auto settings = load_settings(*w);
  if (!settings) return report(settings.error());
  std::string password;
  bool generated = false;
  if (const char* p = std::getenv("OMBUD_DEMO_PASSWORD"); p != nullptr && *p != '\0') {
    password = p;
  } else {
    password = "demo-" + crypto::random_token(12);
    generated = true;
  }
  if (auto policy = services::check_password_policy(password, ""); !policy) return report(policy.error());
  auto rt = initialise(*w, *settings);
  if (!rt) return report(rt.error());
  auto demo = services::create_demo(*(*rt)->services, services::AuditSubject::command_line(), password, options);
  if (!demo) return report(demo.error());
  std::cout << "demo operation created in " << (w->data_dir.empty() ? w->db_url : w->data_dir) << "\n"
            << "second factor: off in the demo operation (an operation setting; not yet available)\n";
  std::cout << "clients: " << demo->clients << " (fictitious, at every stage)\n";
  if (!demo->history_client.empty()) std::cout << "history: client " << demo->history_client << "\n";
  for (const auto& l : demo->logins) {
    std::cout << "login: " << l.username << " (" << l.role << ", " << l.display_name << ")\n";
  }
  std::cout << "password: " << password << (generated ? " (generated)" : " (from OMBUD_DEMO_PASSWORD)") << "\n";
  if (!w->data_dir.empty()) {
    // A convenience of the demo only, so that a second start can print the logins again.
    auto path = std::filesystem::path(w->data_dir) / "demo-logins.txt";
    std::ofstream out(path);
    for (const auto& l : demo->logins)
      out << l.username << " " << l.role << "\n";
    out << "password " << password << "\n";
    out.close();
    ::chmod(path.c_str(), 0600);
  }
  return kOk;
}

int cmd_migrate(const Locations& given, bool check_only) {
  auto rt = open_for_command(given, SchemaCheck::kAny);
  if (!rt) return report(rt.error());
  auto state = store::migration_state(*(*rt)->db);
  if (!state) return report(state.error());
  std::cout << "schema version: " << state->current << "\nlatest version: " << state->latest << "\n";
  for (const auto& m : state->pending)
    std::cout << "pending: " << m.version << " " << m.name << "\n";
  if (check_only) return state->pending.empty() ? kOk : 3;
  auto applied = store::migrate(*(*rt)->db);
  if (!applied) return report(applied.error());
  for (int v : *applied)
    std::cout << "applied: " << v << "\n";
  if (applied->empty()) std::cout << "up to date\n";
  return kOk;
}

int cmd_verify(const Locations& given) {
  auto rt = open_for_command(given, SchemaCheck::kAny);
  if (!rt) return report(rt.error());
  auto r = services::verify_all(*(*rt)->services);
  for (const auto& line : r.ok)
    std::cout << "ok: " << line << "\n";
  for (const auto& line : r.problems)
    std::cout << "FAIL: " << line << "\n";
  std::cout << (r.problems.empty() ? "verify: ok\n" : "verify: FAILED\n");
  return r.problems.empty() ? kOk : kFailed;
}

int cmd_key_rotate(const Locations& given) {
  auto rt = open_for_command(given, SchemaCheck::kRequireCurrent);
  if (!rt) return report(rt.error());
  auto version = services::rotate_key_encryption_key(*(*rt)->services, services::AuditSubject::command_line());
  if (!version) return report(version.error());
  std::cout << "key-encryption key rotated; current version: " << *version << "\n";
  return kOk;
}

struct UserArgs {
  Locations where;
  std::string username;
  std::string name;
  std::string role;
  long long operation = 0;
  bool password_stdin = false;
};

int cmd_user(const std::string& action, const UserArgs& a) {
  auto rt = open_for_command(a.where, SchemaCheck::kRequireCurrent);
  if (!rt) return report(rt.error());
  const services::Services& s = *(*rt)->services;
  const auto who = services::UserAdministrator::command_line();
  if (action == "add") {
    long long operation = a.operation;
    if (operation == 0) {
      auto ops = services::list_operations(s);
      if (!ops) return report(ops.error());
      if (ops->size() != 1) return report(Error::internal("several operations exist; choose one with --operation"));
      operation = ops->front().id;
    }
    auto pw = read_password("OMBUD_PASSWORD", a.password_stdin, "Password for " + a.username);
    if (!pw) return report(pw.error());
    auto added = services::add_user(s, who, services::NewUser{operation, a.username, a.name, a.role, *pw});
    if (!added) return report(added.error());
    std::cout << "user added: " << a.username << " (id " << added->id << ")\n";
    return kOk;
  }
  if (action == "list") {
    auto ops = services::list_operations(s);
    if (!ops) return report(ops.error());
    for (const auto& op : *ops) {
      auto users = services::list_users(s, who, op.id);
      if (!users) return report(users.error());
      for (const auto& u : *users) {
        std::cout << u.username << "\t" << domain::role_name(u.role) << "\t" << (u.disabled ? "disabled" : "active")
                  << "\t" << op.id << "\t" << u.display_name << "\n";
      }
    }
    return kOk;
  }
  auto id = services::find_user_id(s, who, a.username);
  if (!id) return report(id.error());
  if (action == "passwd") {
    auto pw = read_password("OMBUD_PASSWORD", a.password_stdin, "New password for " + a.username);
    if (!pw) return report(pw.error());
    if (auto st = services::set_password(s, who, *id, *pw); !st) return report(st.error());
    std::cout << "password changed: " << a.username << " (sessions ended)\n";
  } else if (action == "reset") {
    auto pw = services::reset_password(s, who, *id);
    if (!pw) return report(pw.error());
    std::cout << "one-time password for " << a.username << ": " << *pw
              << "\n(sessions ended; the user must choose a new password at the next login)\n";
  } else if (action == "role") {
    if (auto st = services::set_role(s, who, *id, a.role); !st) return report(st.error());
    std::cout << "role of " << a.username << ": " << a.role << "\n";
  } else if (action == "disable" || action == "enable") {
    if (auto st = services::set_disabled(s, who, *id, action == "disable"); !st) return report(st.error());
    std::cout << "user " << action << "d: " << a.username << "\n";
  }
  return kOk;
}

}  // namespace

int run(int argc, char** argv) {
  CLI::App app{
      "ombud — the working system of a personligt ombud (PO) operation.\n"
      "Keeps personal data encrypted per client, logs every access, and serves the web\n"
      "pages and JSON API used by ombud, samordnare, ledningsgrupp, länsstyrelse and admin."};
  app.require_subcommand(1);
  app.set_version_flag("--version", "ombud 0.1.0");

  Locations where;
  std::string listen;
  int threads = 0;
  auto* serve = app.add_subcommand("serve", "Serve the web pages and the API");
  add_location_options(serve, where);
  serve->add_option("--listen", listen, "Address and port, e.g. 127.0.0.1:8080");
  serve->add_option("--threads", threads, "I/O threads (default 4)");

  std::string operation;
  std::vector<std::string> municipalities;
  auto* init = app.add_subcommand("init", "Create a new database and key file for an operation");
  add_location_options(init, where);
  init->add_option("--operation", operation, "The operation's name, e.g. \"PO Norra Kalmar län\"")->required();
  init->add_option("--municipality", municipalities, "A member municipality as CODE:NAME (repeat)");

  auto* demo = app.add_subcommand("demo",
                                  "Create a data directory with a demo operation and fictitious users\n"
                                  "(password from OMBUD_DEMO_PASSWORD, else generated and printed)");
  add_location_options(demo, where);
  services::DemoOptions demo_options;
  demo->add_option("--ombud", demo_options.ombud, "Number of ombud (default 2)")->check(CLI::Range(2, 50));
  demo->add_option("--clients", demo_options.clients, "Number of demo clients (default 16)")
      ->check(CLI::Range(0, 5000));
  demo->add_option("--history", demo_options.history,
                   "For benchmarks: give ombud1's first active client this many contact-log entries over two "
                   "years, up to 20 goals and 30 people in the network map (default 0)")
      ->check(CLI::Range(0, 20000));

  bool check_only = false;
  auto* migrate = app.add_subcommand("migrate", "Apply pending schema migrations");
  add_location_options(migrate, where);
  migrate->add_flag("--check", check_only, "Only report; exit status 3 when migrations are pending");

  auto* verify = app.add_subcommand("verify", "Check database integrity, migrations, key file and audit chain");
  add_location_options(verify, where);

  auto* key = app.add_subcommand("key", "Key-encryption key management");
  key->require_subcommand(1);
  auto* rotate = key->add_subcommand("rotate", "Rotate the key-encryption key and re-wrap every client key");
  add_location_options(rotate, where);

  UserArgs ua;
  auto* user = app.add_subcommand("user", "User administration");
  user->require_subcommand(1);
  auto* user_add = user->add_subcommand("add", "Add a user (password from OMBUD_PASSWORD, stdin or prompt)");
  auto* user_passwd = user->add_subcommand("passwd", "Set a user's password; ends the user's sessions");
  auto* user_disable = user->add_subcommand("disable", "Disable a user; ends the user's sessions");
  auto* user_enable = user->add_subcommand("enable", "Enable a disabled user");
  auto* user_reset =
      user->add_subcommand("reset",
                           "Give a user a one-time password, printed once; ends the user's sessions, and the user must "
                           "choose a new password at the next login");
  auto* user_role = user->add_subcommand("role", "Change a user's role");
  auto* user_list = user->add_subcommand("list", "List users");
  for (auto* c : {user_add, user_passwd, user_disable, user_enable, user_reset, user_role, user_list})
    add_location_options(c, ua.where);
  for (auto* c : {user_add, user_passwd, user_disable, user_enable, user_reset, user_role}) {
    c->add_option("--username", ua.username, "Login name")->required();
  }
  user_add->add_option("--name", ua.name, "Full name as shown to colleagues")->required();
  for (auto* c : {user_add, user_role})
    c->add_option("--role", ua.role, "ombud, samordnare, ledningsgrupp, lansstyrelse or admin")->required();
  user_add->add_option("--operation", ua.operation, "Operation id (needed when there are several)");
  for (auto* c : {user_add, user_passwd})
    c->add_flag("--password-stdin", ua.password_stdin, "Read the password from stdin");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  if (!crypto::init()) {
    std::cerr << "ombud: libsodium cannot be initialised\n";
    return kFailed;
  }
  // Every command may hold key material: none of them leaves a core dump.
  crypto::disable_core_dumps();
  // Dates (today, deadlines) are Swedish dates, whatever the machine's own zone; TZ overrides.
  if (std::getenv("TZ") == nullptr) set_time_zone("Europe/Stockholm");
  if (*serve) return cmd_serve(where, listen, threads);
  if (*init) return cmd_init(where, operation, municipalities);
  if (*demo) return cmd_demo(where, demo_options);
  if (*migrate) return cmd_migrate(where, check_only);
  if (*verify) return cmd_verify(where);
  if (*rotate) return cmd_key_rotate(where);
  if (*user_add) return cmd_user("add", ua);
  if (*user_passwd) return cmd_user("passwd", ua);
  if (*user_disable) return cmd_user("disable", ua);
  if (*user_enable) return cmd_user("enable", ua);
  if (*user_reset) return cmd_user("reset", ua);
  if (*user_role) return cmd_user("role", ua);
  if (*user_list) return cmd_user("list", ua);
  return kFailed;
}

}  // namespace ombud::cli
