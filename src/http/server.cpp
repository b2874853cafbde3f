// src/http/server.cpp
//
// The only translation unit that includes Beast and Asio (each such unit costs ~18 s and 0.7 GB
// to compile). It converts between Beast messages and http::Request/Response and leaves
// everything else to App::handle.
#include "http/server.hpp"

#include <array>
#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "services/auth_service.hpp"
#include "services/system_service.hpp"

namespace ombud::http {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using net::awaitable;
using net::use_awaitable;

namespace {

constexpr auto kNoThrow = net::as_tuple(net::use_awaitable);

// One open connection, as the drain logic sees it.
struct Conn {
  net::any_io_executor strand;    // the connection's strand: the session coroutine runs on it
  tcp::socket* socket = nullptr;  // valid while the session coroutine runs
  bool busy = false;              // a request is being handled; touched only on the strand
  std::string address;
};

Request to_request(const bhttp::request<bhttp::string_body>& m, const std::string& address) {
  Request r;
  r.method = std::string(m.method_string());
  r.target = std::string(m.target());
  r.headers.reserve(16);
  for (const auto& f : m) {
    std::string name(f.name_string());
    for (char& c : name) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    r.headers.emplace_back(std::move(name), std::string(f.value()));
  }
  r.body = m.body();
  r.remote_address = address;
  return r;
}

bhttp::response<bhttp::string_body> to_beast(Response&& res, unsigned version, bool keep_alive, bool head) {
  bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(res.status), version};
  out.set(bhttp::field::server, "ombud");
  for (auto& [k, v] : res.headers)
    out.insert(k, v);
  out.body() = std::move(res.body);
  out.keep_alive(keep_alive);
  out.prepare_payload();
  if (head) out.body().clear();
  return out;
}

}  // namespace

struct Server::Impl {
  App& app;
  ServerConfig cfg;
  net::io_context ioc;
  net::thread_pool hash_pool;
  tcp::acceptor acceptor;
  net::signal_set signals;
  std::atomic<bool> draining{false};
  std::atomic<int> queued_hashes{0};
  std::mutex conns_mutex;
  std::set<std::shared_ptr<Conn>> conns;
  std::map<std::string, int> per_address;

  Impl(App& a, ServerConfig c)
      : app(a),
        cfg(std::move(c)),
        ioc(cfg.io_threads),
        hash_pool(static_cast<std::size_t>(cfg.hash_threads)),
        acceptor(ioc),
        signals(ioc) {}

  // Registers a connection unless a limit is reached.
  std::shared_ptr<Conn> admit(tcp::socket& socket, const std::string& address) {
    std::lock_guard lock(conns_mutex);
    if (static_cast<int>(conns.size()) >= cfg.max_connections) return nullptr;
    int& n = per_address[address];
    if (n >= cfg.max_connections_per_address) {
      if (n == 0) per_address.erase(address);
      return nullptr;
    }
    ++n;
    auto conn = std::make_shared<Conn>(Conn{socket.get_executor(), &socket, false, address});
    conns.insert(conn);
    app.metrics().connection_opened();
    return conn;
  }

  void release(const std::shared_ptr<Conn>& conn) {
    std::lock_guard lock(conns_mutex);
    conns.erase(conn);
    auto it = per_address.find(conn->address);
    if (it != per_address.end() && --it->second <= 0) per_address.erase(it);
    app.metrics().connection_closed();
  }

  awaitable<void> session(tcp::socket socket, std::string address) {
    auto conn = admit(socket, address);
    if (!conn) {
      boost::system::error_code ignored;
      socket.shutdown(tcp::socket::shutdown_both, ignored);
      socket.close(ignored);
      co_return;
    }
    beast::tcp_stream stream(std::move(socket));
    conn->socket = &stream.socket();
    beast::flat_buffer buffer;
    bool first = true;
    for (;;) {
      if (draining) break;
      bhttp::request_parser<bhttp::string_body> parser;
      parser.header_limit(static_cast<std::uint32_t>(cfg.max_header_bytes));
      parser.body_limit(cfg.max_body_bytes);
      stream.expires_after(std::chrono::seconds(first ? cfg.header_timeout_seconds : cfg.idle_timeout_seconds));
      auto [ec, n] = co_await bhttp::async_read_header(stream, buffer, parser, kNoThrow);
      if (ec) {
        // A declared Content-Length over the limit is caught with the header already.
        if (ec == bhttp::error::header_limit || ec == bhttp::error::body_limit) {
          co_await refuse(stream, parser, ec == bhttp::error::header_limit ? 431 : 413);
          co_await drain(stream);
        } else if (malformed(ec)) {
          co_await refuse(stream, parser, 400);
          co_await drain(stream);
        }
        break;
      }
      first = false;
      if (!parser.is_done()) {
        stream.expires_after(std::chrono::seconds(cfg.body_timeout_seconds));
        auto [ec2, n2] = co_await bhttp::async_read(stream, buffer, parser, kNoThrow);
        if (ec2) {
          if (ec2 == bhttp::error::body_limit || malformed(ec2)) {
            co_await refuse(stream, parser, ec2 == bhttp::error::body_limit ? 413 : 400);
            co_await drain(stream);
          }
          break;
        }
      }
      conn->busy = true;
      auto& msg = parser.get();
      const bool keep_alive = msg.keep_alive();
      const bool head = msg.method() == bhttp::verb::head;
      const unsigned version = msg.version();
      Request req = to_request(msg, conn->address);
      Response res;
      auto& in_flight = app.metrics().in_flight();
      if (in_flight.fetch_add(1) >= cfg.max_in_flight) {
        res = app.overloaded(req, 1);
      } else if (app.needs_password_hash(req)) {
        if (queued_hashes.fetch_add(1) >= cfg.max_queued_hashes) {
          res = app.overloaded(req, 2);
        } else {
          res = co_await net::co_spawn(
              hash_pool, [&]() -> awaitable<Response> { co_return app.handle(req); }, use_awaitable);
        }
        queued_hashes.fetch_sub(1);
      } else {
        res = app.handle(req);
      }
      in_flight.fetch_sub(1);
      const bool keep = keep_alive && !draining && res.status != 503;
      auto out = to_beast(std::move(res), version, keep, head);
      stream.expires_after(std::chrono::seconds(cfg.write_timeout_seconds));
      auto [ec3, n3] = co_await bhttp::async_write(stream, out, kNoThrow);
      conn->busy = false;
      if (ec3 || !keep) break;
    }
    boost::system::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream.socket().close(ignored);
    conn->socket = nullptr;
    release(conn);
  }

  // A request the parser refused as not HTTP/1.1 (a bad request line, a NUL, two Content-Length
  // headers, Content-Length beside Transfer-Encoding, a broken chunk): answered 400 before the
  // connection closes, unlike a client that went away or timed out, which gets no answer.
  static bool malformed(const boost::system::error_code& ec) {
    if (ec.category() != bhttp::make_error_code(bhttp::error::bad_target).category()) return false;
    return ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message && ec != bhttp::error::short_read &&
           ec != bhttp::error::need_more && ec != bhttp::error::need_buffer;
  }

  // Answers a request that could not be read whole, then the caller closes the connection.
  awaitable<void> refuse(beast::tcp_stream& stream, bhttp::request_parser<bhttp::string_body>& parser, int status) {
    Request req;
    // A Content-Length over the limit fails the header itself, but its fields are parsed.
    if (parser.is_header_done() || !parser.get().target().empty()) {
      req = to_request(parser.get(), "");
      req.body.clear();
    } else {
      req.method = "GET";
      req.target = "/";
    }
    Error e = status == 413 ? Error{ErrorCode::kPayloadTooLarge, "error.payload_too_large", {}, 0, {}}
                            : Error::invalid("error.bad_request");
    // A refused header may hold anything; answer it as a plain request for the start page.
    if (status == 400) {
      req = Request{};
      req.method = "GET";
      req.target = "/";
    }
    Response res = app.refuse(req, e);
    res.status = status;
    auto out = to_beast(std::move(res), 11, false, false);
    stream.expires_after(std::chrono::seconds(5));
    co_await bhttp::async_write(stream, out, kNoThrow);
  }

  // After a refusal: stop sending, then read and discard what the client still sends (for a short
  // while), so that closing does not reset the connection before the client has read the answer.
  awaitable<void> drain(beast::tcp_stream& stream) {
    boost::system::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream.expires_after(std::chrono::seconds(2));
    std::array<char, 8192> sink{};
    std::size_t total = 0;
    while (total < cfg.max_body_bytes * 4 + 65536) {
      auto [ec, n] = co_await stream.async_read_some(net::buffer(sink), kNoThrow);
      if (ec) break;
      total += n;
    }
  }

  awaitable<void> listen() {
    for (;;) {
      auto [ec, socket] = co_await acceptor.async_accept(net::make_strand(ioc), kNoThrow);
      if (ec) {
        if (draining || ec == net::error::operation_aborted) co_return;
        // Out of descriptors or similar: back off briefly rather than spin.
        net::steady_timer t(ioc, std::chrono::milliseconds(50));
        co_await t.async_wait(kNoThrow);
        continue;
      }
      boost::system::error_code ignored;
      socket.set_option(tcp::no_delay(true), ignored);
      auto endpoint = socket.remote_endpoint(ignored);
      std::string address = ignored ? std::string("unknown") : endpoint.address().to_string();
      auto executor = socket.get_executor();
      net::co_spawn(executor, session(std::move(socket), std::move(address)), [](std::exception_ptr p) {
        if (!p) return;
        try {
          std::rethrow_exception(p);
        } catch (const std::exception& e) {
          spdlog::error(nlohmann::json{{"event", "session_exception"}, {"type", typeid(e).name()}}.dump());
        }
      });
    }
  }

  // Folds the SQLite WAL into the database once a second, off the I/O threads, so no request
  // pays for a checkpoint.
  void checkpointer(std::stop_token stop) {
    std::mutex m;
    std::condition_variable_any cv;
    while (!stop.stop_requested()) {
      std::unique_lock lock(m);
      cv.wait_for(lock, stop, std::chrono::seconds(1), [] { return false; });
      if (stop.stop_requested()) break;
      if (auto st = services::checkpoint_database(app.services()); !st) {
        spdlog::warn(nlohmann::json{{"event", "checkpoint_failed"}, {"detail", st.error().detail}}.dump());
      }
    }
  }

  awaitable<void> maintenance() {
    net::steady_timer t(ioc);
    while (!draining) {
      t.expires_after(std::chrono::seconds(cfg.maintenance_interval_seconds));
      auto [ec] = co_await t.async_wait(kNoThrow);
      if (ec || draining) co_return;
      if (auto st = services::purge_expired(app.services()); !st) {
        spdlog::warn(nlohmann::json{{"event", "maintenance_failed"}, {"detail", st.error().detail}}.dump());
      }
    }
  }

  void begin_drain() {
    if (draining.exchange(true)) return;
    spdlog::info(R"({"event":"shutdown","phase":"draining"})");
    boost::system::error_code ignored;
    acceptor.close(ignored);
    signals.cancel(ignored);
    // Close the idle connections; busy ones finish their response with "Connection: close".
    std::vector<std::shared_ptr<Conn>> snapshot;
    {
      std::lock_guard lock(conns_mutex);
      snapshot.assign(conns.begin(), conns.end());
    }
    for (auto& c : snapshot) {
      net::post(c->strand, [c] {
        if (!c->busy && c->socket != nullptr) {
          boost::system::error_code e;
          c->socket->cancel(e);
        }
      });
    }
    net::co_spawn(ioc, wait_drained(), net::detached);
  }

  awaitable<void> wait_drained() {
    net::steady_timer t(ioc);
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(cfg.shutdown_grace_seconds);
    while (std::chrono::steady_clock::now() < deadline) {
      {
        std::lock_guard lock(conns_mutex);
        if (conns.empty() && app.metrics().in_flight().load() == 0) break;
      }
      t.expires_after(std::chrono::milliseconds(20));
      co_await t.async_wait(kNoThrow);
    }
    spdlog::info(R"({"event":"shutdown","phase":"stopped"})");
    ioc.stop();
  }
};

Server::Server(App& app, ServerConfig config) : impl_(std::make_unique<Impl>(app, std::move(config))) {}

Server::~Server() {
  impl_->hash_pool.join();
}

Status Server::bind() {
  boost::system::error_code ec;
  auto address = net::ip::make_address(impl_->cfg.host, ec);
  if (ec) return fail(Error::internal("not an IP address: " + impl_->cfg.host));
  tcp::endpoint endpoint(address, impl_->cfg.port);
  auto& a = impl_->acceptor;
  a.open(endpoint.protocol(), ec);
  if (!ec) a.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) a.bind(endpoint, ec);
  if (!ec) a.listen(net::socket_base::max_listen_connections, ec);
  if (ec) {
    return fail(Error::internal("cannot listen on " + impl_->cfg.host + ":" + std::to_string(impl_->cfg.port) + ": " +
                                ec.message()));
  }
  return {};
}

unsigned short Server::port() const {
  return impl_->acceptor.local_endpoint().port();
}

void Server::run(bool handle_signals) {
  Impl& s = *impl_;
  if (handle_signals) {
    s.signals.add(SIGTERM);
    s.signals.add(SIGINT);
    s.signals.async_wait([&s](const boost::system::error_code& ec, int) {
      if (!ec) s.begin_drain();
    });
  }
  net::co_spawn(s.ioc, s.listen(), net::detached);
  net::co_spawn(s.ioc, s.maintenance(), net::detached);
  std::jthread checkpoints([&s](std::stop_token stop) { s.checkpointer(std::move(stop)); });
  std::vector<std::thread> threads;
  for (int i = 1; i < s.cfg.io_threads; ++i)
    threads.emplace_back([&s] { s.ioc.run(); });
  s.ioc.run();
  for (auto& t : threads)
    t.join();
  checkpoints.request_stop();
}

void Server::stop() {
  net::post(impl_->ioc, [this] { impl_->begin_drain(); });
}

}  // namespace ombud::http
