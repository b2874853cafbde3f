// src/cli/environment.cpp
#include "cli/environment.hpp"

#include <termios.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include <toml++/toml.h>

#include "core/text.hpp"
#include "store/migrate.hpp"

namespace ombud::cli {

namespace {

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v != nullptr ? std::string(v) : std::string();
}

// Reads one line from the terminal without echoing it.
std::optional<std::string> read_hidden(const std::string& prompt) {
  FILE* tty = std::fopen("/dev/tty", "r+");
  if (tty == nullptr) return std::nullopt;
  std::fprintf(tty, "%s", prompt.c_str());
  std::fflush(tty);
  termios old{};
  int fd = fileno(tty);
  bool restore = tcgetattr(fd, &old) == 0;
  if (restore) {
    termios silent = old;
    silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(fd, TCSAFLUSH, &silent);
  }
  char buf[512];
  std::optional<std::string> out;
  if (std::fgets(buf, sizeof buf, tty) != nullptr) {
    std::string s(buf);
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r'))
      s.pop_back();
    out = s;
  }
  if (restore) tcsetattr(fd, TCSAFLUSH, &old);
  std::fprintf(tty, "\n");
  std::fclose(tty);
  return out;
}

}  // namespace

Result<Locations> resolve(Locations w) {
  if (w.data_dir.empty()) w.data_dir = env("OMBUD_DATA");
  if (w.db_url.empty()) w.db_url = env("OMBUD_DB");
  if (w.key_file.empty()) w.key_file = env("OMBUD_KEY_FILE");
  if (w.config_file.empty()) w.config_file = env("OMBUD_CONFIG");
  if (!w.data_dir.empty()) {
    std::filesystem::path dir(w.data_dir);
    if (w.db_url.empty()) w.db_url = (dir / "ombud.db").string();
    if (w.key_file.empty()) w.key_file = (dir / "ombud.key").string();
    if (w.config_file.empty() && std::filesystem::exists(dir / "ombud.toml")) {
      w.config_file = (dir / "ombud.toml").string();
    }
  }
  if (w.db_url.empty() || w.key_file.empty()) {
    return fail(Error::internal("say where the data is: --data DIR (or --db URL and --key-file PATH)"));
  }
  return w;
}

Result<Settings> load_settings(const Locations& where) {
  Settings s;
  if (where.config_file.empty()) return s;
  toml::table t;
  try {
    t = toml::parse_file(where.config_file);
  } catch (const toml::parse_error& e) {
    return fail(Error::internal("settings file " + where.config_file + ": " + std::string(e.description())));
  }
  auto& sv = s.server;
  if (auto listen = t["server"]["listen"].value<std::string>()) {
    auto colon = listen->rfind(':');
    long long port = 0;
    if (colon == std::string::npos || !parse_int(listen->substr(colon + 1), port) || port < 0 || port > 65535) {
      return fail(Error::internal("server.listen must be HOST:PORT"));
    }
    sv.host = listen->substr(0, colon);
    sv.port = static_cast<unsigned short>(port);
  }
  sv.io_threads = t["server"]["threads"].value_or(sv.io_threads);
  sv.hash_threads = t["server"]["hash_threads"].value_or(sv.hash_threads);
  sv.max_in_flight = t["server"]["max_in_flight"].value_or(sv.max_in_flight);
  sv.max_body_bytes = t["server"]["max_body_bytes"].value_or(sv.max_body_bytes);
  sv.max_connections_per_address = t["server"]["max_connections_per_address"].value_or(sv.max_connections_per_address);
  s.http.behind_tls = t["server"]["behind_tls"].value_or(s.http.behind_tls);
  s.http.trust_forwarded_for = t["server"]["trust_forwarded_for"].value_or(s.http.trust_forwarded_for);
  s.http.metrics_remote = t["server"]["metrics_remote"].value_or(s.http.metrics_remote);
  s.http.access_log = t["server"]["access_log"].value_or(s.http.access_log);
  auto in_range = [](long long v, long long lo, long long hi) { return v >= lo && v <= hi; };
  if (!in_range(sv.io_threads, 1, 256) || !in_range(sv.hash_threads, 1, 64) || !in_range(sv.max_in_flight, 1, 100000) ||
      !in_range(static_cast<long long>(sv.max_body_bytes), 1024, 64LL * 1024 * 1024) ||
      !in_range(sv.max_connections_per_address, 1, 100000)) {
    return fail(Error::internal("a [server] setting is out of range (threads 1–256, hash_threads 1–64, …)"));
  }
  s.auth.max_failures_per_account = t["login"]["max_failures_per_account"].value_or(s.auth.max_failures_per_account);
  s.auth.max_failures_per_address = t["login"]["max_failures_per_address"].value_or(s.auth.max_failures_per_address);
  return s;
}

Result<std::unique_ptr<Runtime>> open_runtime(const Locations& where, const Settings& settings, std::size_t pool_size,
                                              SchemaCheck check) {
  auto rt = std::make_unique<Runtime>();
  rt->keys = OMBUD_TRY(crypto::KeyRing::load(where.key_file));
  rt->db = OMBUD_TRY(store::Database::open(where.db_url, pool_size));
  if (check == SchemaCheck::kRequireCurrent) OMBUD_CHECK(store::require_current_schema(*rt->db));
  rt->hasher = std::make_unique<crypto::PasswordHasher>(settings.server.hash_threads);
  rt->key_cache = std::make_unique<crypto::DataKeyCache>(4096);
  rt->services = std::make_unique<services::Services>(
      services::Services{*rt->db, *rt->keys, *rt->hasher, rt->clock, settings.auth, rt->key_cache.get()});
  return rt;
}

Result<std::string> read_password(const char* env_name, bool from_stdin, const std::string& prompt) {
  if (std::string v = env(env_name); !v.empty()) return v;
  if (from_stdin) {
    std::string line;
    if (!std::getline(std::cin, line)) return fail(Error::internal("no password on standard input"));
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
  }
  auto first = read_hidden(prompt + ": ");
  if (!first) {
    return fail(Error::internal(std::string("no terminal to ask for the password; set ") + env_name +
                                " or use --password-stdin"));
  }
  auto second = read_hidden(prompt + " (again): ");
  if (!second || *first != *second) return fail(Error::internal("the passwords differ"));
  return *first;
}

}  // namespace ombud::cli
