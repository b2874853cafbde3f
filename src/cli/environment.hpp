// src/cli/environment.hpp
//
// Where a command finds its database, key file and settings: a data directory (--data DIR holds
// ombud.db, ombud.key and, optionally, ombud.toml), overridden by --db / --key-file / --config,
// and by the environment (OMBUD_DATA, OMBUD_DB, OMBUD_KEY_FILE, OMBUD_CONFIG).
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "core/result.hpp"
#include "core/time.hpp"
#include "crypto/keyring.hpp"
#include "crypto/password.hpp"
#include "http/app.hpp"
#include "http/server.hpp"
#include "services/context.hpp"
#include "store/database.hpp"

namespace ombud::cli {

struct Locations {
  std::string data_dir;
  std::string db_url;
  std::string key_file;
  std::string config_file;
};

/// Fills the blanks of `given` from the environment and the data directory.
Result<Locations> resolve(Locations given);

struct Settings {
  http::ServerConfig server;
  http::HttpConfig http;
  services::AuthSettings auth;
};

/// Reads the TOML settings file (if any) over the defaults.
Result<Settings> load_settings(const Locations& where);

/// An opened database and key file with the services over them.
struct Runtime {
  std::unique_ptr<store::Database> db;
  std::unique_ptr<crypto::KeyRing> keys;
  std::unique_ptr<crypto::PasswordHasher> hasher;
  std::unique_ptr<crypto::DataKeyCache> key_cache;
  SystemClock clock;
  std::unique_ptr<services::Services> services;
};

enum class SchemaCheck { kRequireCurrent, kAny };

Result<std::unique_ptr<Runtime>> open_runtime(const Locations& where, const Settings& settings, std::size_t pool_size,
                                              SchemaCheck check);

/// The password for a command: from the environment variable, from stdin (--password-stdin), or
/// asked for twice on the terminal without echo.
Result<std::string> read_password(const char* env_name, bool from_stdin, const std::string& prompt);

}  // namespace ombud::cli
