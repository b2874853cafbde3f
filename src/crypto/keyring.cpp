// src/crypto/keyring.cpp
#include "crypto/keyring.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <fstream>
#include <mutex>
#include <sstream>

#include <sys/stat.h>

#include "crypto/aead.hpp"

namespace ombud::crypto {

namespace {

constexpr std::string_view kHeader =
    "# ombud key-encryption keys. Keep this file secret (mode 0600) and apart from the database\n"
    "# and its backups: without it the personal data in the database cannot be read, and with it\n"
    "# alone nothing can be read either.\n";

std::string wrap_ad(std::string_view ad, std::uint32_t kek_version) {
  return "ombud-wrap-v1|" + std::to_string(kek_version) + "|" + std::string(ad);
}

// A signature of the file's identity and age: a rotation replaces the file (a new inode), which
// a timestamp alone might miss within the file system's clock granularity.
std::int64_t mtime_of(const std::filesystem::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return -1;
  return static_cast<std::int64_t>(st.st_ino) * 1000003 + static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 +
         st.st_mtim.tv_nsec;
}

}  // namespace

Result<KeyRing::Contents> KeyRing::read_file(const std::filesystem::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    return fail(Error::internal("key file not found: " + path.string()));
  }
  if (!S_ISREG(st.st_mode)) return fail(Error::internal("key file is not a regular file: " + path.string()));
  if ((st.st_mode & 077) != 0) {
    return fail(Error::internal("key file " + path.string() +
                                " may be read or written by group or others; run: chmod 600 " + path.string()));
  }
  std::ifstream in(path);
  if (!in) return fail(Error::internal("key file cannot be read: " + path.string()));
  Contents c;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream ls(line);
    std::string word;
    ls >> word;
    if (word == "current") {
      ls >> c.current;
    } else if (word == "key") {
      std::uint32_t version = 0;
      std::string b64;
      ls >> version >> b64;
      auto raw = from_base64(b64);
      if (version == 0 || !raw || raw->size() != Secret::kSize) {
        return fail(Error::internal("key file has a malformed key line"));
      }
      auto secret = Secret::from_bytes(std::span(reinterpret_cast<const unsigned char*>(raw->data()), raw->size()));
      sodium_memzero(raw->data(), raw->size());
      c.keys.emplace(version, std::move(*secret));
    } else {
      return fail(Error::internal("key file has an unknown line"));
    }
  }
  if (c.keys.empty() || c.keys.find(c.current) == c.keys.end()) {
    return fail(Error::internal("key file names no usable current key"));
  }
  return c;
}

Status KeyRing::write_file(const std::filesystem::path& path, const Contents& contents) {
  std::string text(kHeader);
  text += "current " + std::to_string(contents.current) + "\n";
  for (const auto& [version, key] : contents.keys) {
    std::string_view raw(reinterpret_cast<const char*>(key.data()), Secret::kSize);
    text += "key " + std::to_string(version) + " " + to_base64(raw) + "\n";
  }
  // Write a sibling temporary file with 0600 from the start, fsync it, then rename over the
  // original and fsync the directory, so a crash leaves either the old or the new file.
  auto tmp = path;
  tmp += ".tmp";
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return fail(Error::internal("cannot write key file " + tmp.string()));
  ::fchmod(fd, 0600);
  const char* p = text.data();
  std::size_t left = text.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n <= 0) {
      ::close(fd);
      sodium_memzero(text.data(), text.size());
      return fail(Error::internal("cannot write key file " + tmp.string()));
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  sodium_memzero(text.data(), text.size());
  if (::fsync(fd) != 0 || ::close(fd) != 0) return fail(Error::internal("cannot sync key file"));
  if (::rename(tmp.c_str(), path.c_str()) != 0) return fail(Error::internal("cannot replace key file"));
  auto dir = path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path();
  int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  return {};
}

Status KeyRing::create_file(const std::filesystem::path& path) {
  init();
  if (std::filesystem::exists(path)) {
    return fail(Error::internal("key file already exists: " + path.string()));
  }
  Contents c;
  c.current = 1;
  c.keys.emplace(1, Secret::random());
  return write_file(path, c);
}

Result<std::unique_ptr<KeyRing>> KeyRing::load(const std::filesystem::path& path) {
  init();
  auto ring = std::make_unique<KeyRing>();
  ring->path_ = path;
  ring->mtime_ns_ = mtime_of(path);
  ring->contents_ = OMBUD_TRY(read_file(path));
  return ring;
}

Result<std::uint32_t> KeyRing::add_version(const std::filesystem::path& path) {
  auto c = OMBUD_TRY(read_file(path));
  std::uint32_t next = c.keys.rbegin()->first + 1;
  c.keys.emplace(next, Secret::random());
  c.current = next;
  OMBUD_CHECK(write_file(path, c));
  return next;
}

Status KeyRing::retire_versions_except(const std::filesystem::path& path, std::uint32_t keep) {
  auto c = OMBUD_TRY(read_file(path));
  if (c.keys.find(keep) == c.keys.end()) return fail(Error::internal("no such key version"));
  std::erase_if(c.keys, [&](const auto& kv) { return kv.first != keep; });
  c.current = keep;
  return write_file(path, c);
}

std::uint32_t KeyRing::current_version() const {
  std::shared_lock lock(mutex_);
  return contents_.current;
}

std::vector<std::uint32_t> KeyRing::versions() const {
  std::shared_lock lock(mutex_);
  std::vector<std::uint32_t> out;
  for (const auto& kv : contents_.keys)
    out.push_back(kv.first);
  return out;
}

void KeyRing::refresh() {
  std::int64_t m = mtime_of(path_);
  {
    std::shared_lock lock(mutex_);
    if (m == mtime_ns_) return;
  }
  auto c = read_file(path_);
  if (!c) return;  // Keep the keys we have; a half-rotated file is retried on the next call.
  std::unique_lock lock(mutex_);
  contents_ = std::move(*c);
  mtime_ns_ = m;
}

KeyRing::Wrapped KeyRing::wrap(KeyView data_key, std::string_view ad) {
  refresh();
  std::shared_lock lock(mutex_);
  const Secret& kek = contents_.keys.at(contents_.current);
  std::string_view raw(reinterpret_cast<const char*>(data_key.data()), data_key.size());
  return Wrapped{contents_.current, seal(kek.view(), raw, wrap_ad(ad, contents_.current))};
}

Result<DataKey> KeyRing::unwrap(std::uint32_t kek_version, std::string_view sealed, std::string_view ad) {
  {
    std::shared_lock lock(mutex_);
    if (contents_.keys.find(kek_version) == contents_.keys.end()) {
      lock.unlock();
      refresh();
    }
  }
  std::shared_lock lock(mutex_);
  auto it = contents_.keys.find(kek_version);
  if (it == contents_.keys.end()) return fail(Error::internal("data key wrapped by an unknown key version"));
  auto raw = OMBUD_TRY(open(it->second.view(), sealed, wrap_ad(ad, kek_version)));
  if (raw.size() != DataKey::kSize) return fail(Error::internal("wrapped data key of wrong length"));
  DataKey key(KeyView(reinterpret_cast<const unsigned char*>(raw.data()), DataKey::kSize));
  sodium_memzero(raw.data(), raw.size());
  return key;
}

std::string KeyRing::make_check(std::uint32_t version) {
  std::shared_lock lock(mutex_);
  return seal(contents_.keys.at(version).view(), "ombud-key-check", "ombud-key-check|" + std::to_string(version));
}

bool KeyRing::verify_check(std::uint32_t version, std::string_view check) {
  std::shared_lock lock(mutex_);
  auto it = contents_.keys.find(version);
  if (it == contents_.keys.end()) return false;
  auto plain = open(it->second.view(), check, "ombud-key-check|" + std::to_string(version));
  return plain && *plain == "ombud-key-check";
}

}  // namespace ombud::crypto
