// src/services/system_service.cpp
#include "services/system_service.hpp"

#include "store/database.hpp"

namespace ombud::services {

bool database_ready(const Services& s) {
  return store::ping(s.db).has_value();
}

Status checkpoint_database(const Services& s) {
  return s.db.checkpoint();
}

}  // namespace ombud::services
