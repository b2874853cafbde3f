// src/domain/queue.cpp
#include "domain/queue.hpp"

#include <algorithm>

#include "domain/case_rules.hpp"

namespace ombud::domain {

std::vector<const PriorityGroup*> applicable_groups(const OperationConfig& config,
                                                    const std::vector<std::string>& marked, int birth_year,
                                                    Date today) {
  std::vector<const PriorityGroup*> out;
  int age = age_in_year(birth_year, today);
  for (const auto& g : config.priority_groups) {
    bool applies = false;
    if (g.by_age()) {
      applies = (!g.age_from || age >= *g.age_from) && (!g.age_to || age <= *g.age_to);
    } else {
      applies = std::find(marked.begin(), marked.end(), g.key) != marked.end();
    }
    if (applies) out.push_back(&g);
  }
  return out;
}

std::vector<QueuePlace> order_queue(const std::vector<QueueEntry>& entries, const OperationConfig& config, Date today) {
  std::vector<QueuePlace> places;
  places.reserve(entries.size());
  for (const auto& e : entries) {
    QueuePlace p;
    p.entry = &e;
    p.waited_days = std::max(0, days_between(e.entered_on, today));
    p.groups = applicable_groups(config, e.marked_groups, e.birth_year, today);
    p.score = p.waited_days;
    for (const auto* g : p.groups)
      p.score += g->weight_days;
    places.push_back(std::move(p));
  }
  std::sort(places.begin(), places.end(), [](const QueuePlace& a, const QueuePlace& b) {
    if (a.score != b.score) return a.score > b.score;
    auto da = std::chrono::sys_days{a.entry->entered_on};
    auto db = std::chrono::sys_days{b.entry->entered_on};
    if (da != db) return da < db;
    return a.entry->code < b.entry->code;
  });
  for (std::size_t i = 0; i < places.size(); ++i)
    places[i].position = static_cast<int>(i) + 1;
  return places;
}

Date deadline_start(Date first_contact_on, const std::optional<Date>& own_wish_on) {
  if (own_wish_on && std::chrono::sys_days{*own_wish_on} > std::chrono::sys_days{first_contact_on}) return *own_wish_on;
  return first_contact_on;
}

Date orientation_deadline(Date starts_on, const OperationConfig& config) {
  return add_days_of_kind(starts_on, config.orientation_deadline_days, config.deadline_day_kind);
}

std::vector<DeadlineRow> deadline_overview(const std::vector<DeadlineCase>& cases, const OperationConfig& config,
                                           Date today) {
  std::vector<DeadlineRow> rows;
  for (const auto& c : cases) {
    if (!before_orientation(c.state) || c.state == CaseState::kFirstContact) continue;
    DeadlineRow r;
    r.c = &c;
    r.deadline = orientation_deadline(deadline_start(c.first_contact_on, c.own_wish_on), config);
    r.days_left = days_of_kind_between(today, r.deadline, config.deadline_day_kind);
    auto after = [](Date a, Date b) { return std::chrono::sys_days{a} > std::chrono::sys_days{b}; };
    if (c.booked_on) {
      if (after(*c.booked_on, r.deadline)) {
        r.status = DeadlineStatus::kBookedLate;
      } else if (after(today, *c.booked_on) && after(today, r.deadline)) {
        r.status = DeadlineStatus::kOverdue;  // booked in time, but not recorded as held
      } else {
        continue;  // booked in time: nothing to watch
      }
    } else if (r.days_left < 0) {
      r.status = DeadlineStatus::kOverdue;
    } else if (r.days_left <= config.deadline_warning_days) {
      r.status = DeadlineStatus::kDueSoon;
    } else {
      r.status = DeadlineStatus::kNotBooked;
    }
    rows.push_back(r);
  }
  std::sort(rows.begin(), rows.end(), [](const DeadlineRow& a, const DeadlineRow& b) {
    if (a.days_left != b.days_left) return a.days_left < b.days_left;
    return a.c->code < b.c->code;
  });
  return rows;
}

}  // namespace ombud::domain
