// tests/http/server_test.cpp
//
// The server over real sockets on 127.0.0.1: size limits, keep-alive, slow clients, overload and
// graceful shutdown.
#include "http/server.hpp"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include "support/web_client.hpp"

namespace ombud::http {
namespace {

using namespace std::chrono_literals;

// A blocking client socket.
class Socket {
 public:
  explicit Socket(unsigned short port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    timeval tv{5, 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  }
  ~Socket() { ::close(fd_); }
  bool connected() const { return connected_; }
  void send(const std::string& data) {
    std::size_t off = 0;
    while (off < data.size()) {
      ssize_t n = ::send(fd_, data.data() + off, data.size() - off, MSG_NOSIGNAL);
      if (n <= 0) return;
      off += static_cast<std::size_t>(n);
    }
  }
  // Reads one response (headers, then Content-Length bytes of body).
  std::string read_response() {
    std::string out;
    char buf[4096];
    std::size_t need = std::string::npos;
    while (true) {
      auto end = out.find("\r\n\r\n");
      if (end != std::string::npos && need == std::string::npos) {
        auto cl = out.find("Content-Length: ");
        std::size_t len = cl == std::string::npos || cl > end ? 0 : std::stoul(out.substr(cl + 16));
        need = end + 4 + len;
      }
      if (need != std::string::npos && out.size() >= need) return out.substr(0, need);
      ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) return out;
      out.append(buf, static_cast<std::size_t>(n));
    }
  }
  // True when the server closed the connection (recv returns 0) within the socket timeout.
  bool closed_by_peer() {
    char c;
    return ::recv(fd_, &c, 1, 0) == 0;
  }

 private:
  int fd_ = -1;
  bool connected_ = false;
};

int status_of(const std::string& response) {
  return response.size() > 12 ? std::stoi(response.substr(9, 3)) : 0;
}

class ServerTest : public ::testing::Test {
 protected:
  void start(ServerConfig cfg) {
    cfg.host = "127.0.0.1";
    cfg.port = 0;
    server = std::make_unique<Server>(t.app(), cfg);
    ASSERT_TRUE(server->bind());
    port = server->port();
    thread = std::thread([this] { server->run(false); });
  }
  void TearDown() override {
    if (server) {
      server->stop();
      if (thread.joinable()) thread.join();
    }
  }
  ombud::testing::TestApp t;
  std::unique_ptr<Server> server;
  std::thread thread;
  unsigned short port = 0;
};

std::string get(const std::string& target, bool keep_alive = true) {
  return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + (keep_alive ? "" : "Connection: close\r\n") + "\r\n";
}

TEST_F(ServerTest, ServesSeveralRequestsOnOneConnection) {
  start({});
  Socket s(port);
  ASSERT_TRUE(s.connected());
  s.send(get("/healthz"));
  std::string first = s.read_response();
  EXPECT_EQ(status_of(first), 200);
  EXPECT_NE(first.find("ok\n"), std::string::npos);
  s.send(get("/login"));
  std::string second = s.read_response();
  EXPECT_EQ(status_of(second), 200);
  EXPECT_NE(second.find("Content-Security-Policy"), std::string::npos);
}

TEST_F(ServerTest, AnOversizedBodyGets413AndNothingIsHandled) {
  ServerConfig cfg;
  cfg.max_body_bytes = 1024;
  start(cfg);
  Socket s(port);
  std::string body(4096, 'x');
  s.send("POST /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: " +
         std::to_string(body.size()) + "\r\n\r\n" + body);
  std::string r = s.read_response();
  EXPECT_EQ(status_of(r), 413);
  EXPECT_NE(r.find("\"payload_too_large\""), std::string::npos);
}

TEST_F(ServerTest, OversizedHeadersGet431) {
  start({});
  Socket s(port);
  s.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Filler: " + std::string(16 * 1024, 'a') + "\r\n\r\n");
  EXPECT_EQ(status_of(s.read_response()), 431);
}

TEST_F(ServerTest, AMalformedRequestLineGets400AndTheConnectionCloses) {
  start({});
  Socket s(port);
  s.send("NOT HTTP AT ALL\r\n\r\n");
  EXPECT_EQ(status_of(s.read_response()), 400);
  EXPECT_TRUE(s.closed_by_peer());
  Socket again(port);
  again.send(get("/healthz"));
  EXPECT_EQ(status_of(again.read_response()), 200) << "the server stays up";
}

// Requests that two servers could read differently (request smuggling) are refused, not guessed.
TEST_F(ServerTest, AmbiguousFramingGets400AndTheConnectionCloses) {
  start({});
  const std::string both =
      "POST /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 4\r\n"
      "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n";
  const std::string two_lengths =
      "POST /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\n"
      "Content-Length: 4\r\n\r\nabcd";
  const std::string nul = std::string("GET /heal\0thz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 43);
  for (const std::string& request : {both, two_lengths, nul}) {
    Socket s(port);
    s.send(request);
    std::string r = s.read_response();
    EXPECT_EQ(status_of(r), 400) << request;
    EXPECT_NE(r.find("Connection: close"), std::string::npos) << request;
    EXPECT_TRUE(s.closed_by_peer()) << request;
  }
}

TEST_F(ServerTest, ASlowClientIsCutOffAfterTheHeaderTimeout) {
  ServerConfig cfg;
  cfg.header_timeout_seconds = 1;
  start(cfg);
  Socket slow(port);
  slow.send("GET /healthz HTTP/1.1\r\nHost: 12");
  auto t0 = std::chrono::steady_clock::now();
  EXPECT_TRUE(slow.closed_by_peer());
  EXPECT_LT(std::chrono::steady_clock::now() - t0, 4s);
  Socket fine(port);
  fine.send(get("/healthz"));
  EXPECT_EQ(status_of(fine.read_response()), 200);
}

TEST_F(ServerTest, BeyondTheConcurrencyLimitRequestsGet503WithRetryAfter) {
  std::promise<void> release;
  std::shared_future<void> gate = release.get_future().share();
  std::atomic<int> entered{0};
  t.app().router().add({"GET", "/test/slow", domain::Permission::kPublic, RouteKind::kAsset, [&](Ctx&) {
                          ++entered;
                          gate.wait();
                          return text_response(200, "done\n");
                        }});
  ServerConfig cfg;
  cfg.max_in_flight = 1;
  start(cfg);
  Socket busy(port);
  busy.send(get("/test/slow"));
  while (entered.load() == 0)
    std::this_thread::sleep_for(5ms);
  Socket extra(port);
  extra.send(get("/healthz"));
  std::string r = extra.read_response();
  EXPECT_EQ(status_of(r), 503);
  EXPECT_NE(r.find("Retry-After: 1"), std::string::npos);
  release.set_value();
  EXPECT_EQ(status_of(busy.read_response()), 200);
  Socket after(port);
  after.send(get("/healthz"));
  EXPECT_EQ(status_of(after.read_response()), 200);
}

TEST_F(ServerTest, ShutdownFinishesInFlightRequestsAndClosesIdleOnes) {
  std::promise<void> release;
  std::shared_future<void> gate = release.get_future().share();
  std::atomic<int> entered{0};
  t.app().router().add({"GET", "/test/slow", domain::Permission::kPublic, RouteKind::kAsset, [&](Ctx&) {
                          ++entered;
                          gate.wait();
                          return text_response(200, "finished\n");
                        }});
  start({});
  Socket idle(port);
  idle.send(get("/healthz"));
  ASSERT_EQ(status_of(idle.read_response()), 200);
  Socket busy(port);
  busy.send(get("/test/slow"));
  while (entered.load() == 0)
    std::this_thread::sleep_for(5ms);
  server->stop();
  EXPECT_TRUE(idle.closed_by_peer()) << "idle keep-alive connections are closed at once";
  std::this_thread::sleep_for(50ms);
  release.set_value();
  std::string r = busy.read_response();
  EXPECT_EQ(status_of(r), 200);
  EXPECT_NE(r.find("finished"), std::string::npos);
  EXPECT_NE(r.find("Connection: close"), std::string::npos);
  thread.join();
  server.reset();
  Socket refused(port);
  EXPECT_FALSE(refused.connected() && (refused.send(get("/healthz")), status_of(refused.read_response()) == 200));
}

}  // namespace
}  // namespace ombud::http
