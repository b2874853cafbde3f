// src/http/server.hpp
//
// The HTTP/1.1 server: Boost.Beast over Asio coroutines. Limits every connection (header and body
// size, read and idle timeouts, connections per address), bounds concurrent requests (503 with
// Retry-After beyond), runs password hashing off the I/O threads, and shuts down gracefully on
// SIGTERM: no new connections, idle ones closed, in-flight requests finished.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "core/result.hpp"
#include "http/app.hpp"

namespace ombud::http {

struct ServerConfig {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;  // 0: any free port (tests)
  int io_threads = 4;
  int hash_threads = 2;  // concurrent Argon2id hashes (64 MiB each)
  int max_queued_hashes = 32;
  std::size_t max_header_bytes = 8 * 1024;
  std::size_t max_body_bytes = 1024 * 1024;
  int header_timeout_seconds = 10;
  int body_timeout_seconds = 30;
  int idle_timeout_seconds = 30;
  int write_timeout_seconds = 30;
  int max_in_flight = 256;
  int max_connections = 2048;
  int max_connections_per_address = 256;
  int shutdown_grace_seconds = 20;
  int maintenance_interval_seconds = 300;
};

class Server {
 public:
  Server(App& app, ServerConfig config);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  /// Binds the listening socket; fails with a clear detail when it cannot.
  Status bind();
  /// The bound port (after bind()).
  unsigned short port() const;
  /// Serves until SIGTERM/SIGINT or stop(), then drains; returns when every thread is done.
  void run(bool handle_signals = true);
  /// Starts the graceful shutdown; safe from any thread.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ombud::http
