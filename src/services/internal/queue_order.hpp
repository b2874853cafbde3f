// src/services/internal/queue_order.hpp
//
// The queue in order, for the services that need a client's place in it (the queue page, and the
// assignment that records the place it was made from). No access check and no audit entry: the
// callers do both.
#pragma once

#include "services/overview_service.hpp"

namespace ombud::services::internal {

Result<QueueView> ordered_queue(const Services& s, long long operation_id);

}  // namespace ombud::services::internal
