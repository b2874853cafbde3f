// src/main.cpp
#include <sys/stat.h>

#include "cli/commands.hpp"

int main(int argc, char** argv) {
  // Everything ombud creates (database, WAL, key file, logs) is for its own user only.
  ::umask(077);
  return ombud::cli::run(argc, argv);
}
