// src/domain/work.cpp
#include "domain/work.hpp"

#include "core/text.hpp"
#include "domain/letters.hpp"
#include "domain/vocabulary.hpp"

namespace ombud::domain {

std::vector<FieldError> validate_contact_entry(const ContactEntry& e, Date today) {
  std::vector<FieldError> errors;
  if (e.on > today) errors.push_back({"date", "date.in_future"});
  if (e.place) {
    if (e.kind != ContactKind::kMeeting) {
      errors.push_back({"place", "log.place_only_for_meetings"});
    } else if (!parse_code(kPlaces, *e.place)) {
      errors.push_back({"place", "field.invalid"});
    }
  }
  if (e.letter) {
    if (e.kind != ContactKind::kWrittenTogether) {
      errors.push_back({"letter", "log.letter_only_for_letters"});
    } else if (!parse_code(kLetterKinds, *e.letter)) {
      errors.push_back({"letter", "field.invalid"});
    }
  }
  if (e.minutes < 1 || e.minutes > kMaxContactMinutes) errors.push_back({"minutes", "log.minutes_invalid"});
  if (!is_clean_utf8(e.note, true)) {
    errors.push_back({"note", "field.invalid"});
  } else if (utf8_length(e.note) > kMaxNoteLength) {
    errors.push_back({"note", "log.note_too_long"});
  }
  return errors;
}

std::vector<LifeArea> default_life_areas() {
  return {
      {"myndigheter", "Myndighetskontakter"},
      {"ekonomi", "Ekonomi och skulder"},
      {"boende", "Boende"},
      {"halsa", "Hälso- och sjukvård, psykiatri"},
      {"sysselsattning", "Arbete och sysselsättning"},
      {"vardagen", "Vardagen"},
      {"socialt_natverk", "Socialt nätverk och ensamhet"},
      {"juridik", "Juridik och ställföreträdarskap"},
  };
}

}  // namespace ombud::domain
