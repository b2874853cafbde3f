// src/domain/statistics.cpp
#include "domain/statistics.hpp"

namespace ombud::domain {

std::string age_band(int birth_year, int year) {
  int age = year - birth_year;
  if (age < 18) return "0-17";
  if (age <= 25) return "18-25";
  if (age <= 35) return "26-35";
  if (age <= 45) return "36-45";
  if (age <= 55) return "46-55";
  if (age <= 65) return "56-65";
  return "66+";
}

}  // namespace ombud::domain
