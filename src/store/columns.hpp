// src/store/columns.hpp
//
// A table's columns, named once. Each store file lists its table's columns as pairs of a column
// name and a field of the row struct; the select list, the insert and update statements and the
// bindings to a soci::statement are all made from that one list, so a column added to the table
// is added in one line (and in the migration):
//
//   const Table<AssignmentRow> kAssignments("assignments", {
//       column<&AssignmentRow::id>("id", Written::kNever),          // the database numbers it
//       column<&AssignmentRow::client_id>("client_id", Written::kOnInsert),
//       column<&AssignmentRow::ended_on>("ended_on"),               // std::optional: NULL or a value
//   });
//   st.alloc(); kAssignments.into(st, row); st.prepare("SELECT " + kAssignments.select_list() + …);
//
// Fields bind directly: std::optional<T> is NULL or a value (the conversion below), bool is an
// integer 0/1. Statements bind by position, in the order of the list.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include <soci/soci.h>

#include "store/statement_cache.hpp"

namespace soci {

// SOCI 4.0 converts boost::optional but not std::optional; this is its conversion, for std.
template <typename T>
struct type_conversion<std::optional<T>> {
  using base_type = typename type_conversion<T>::base_type;

  static void from_base(const base_type& in, indicator ind, std::optional<T>& out) {
    if (ind == i_null) {
      out.reset();
      return;
    }
    T value;
    type_conversion<T>::from_base(in, ind, value);
    out = std::move(value);
  }
  static void to_base(const std::optional<T>& in, base_type& out, indicator& ind) {
    if (in) {
      type_conversion<T>::to_base(*in, out, ind);
    } else {
      ind = i_null;
    }
  }
};

template <>
struct type_conversion<bool> {
  using base_type = int;
  static void from_base(int in, indicator ind, bool& out) {
    if (ind == i_null) throw soci_error("a NULL where a true/false column was expected");
    out = in != 0;
  }
  static void to_base(bool in, int& out, indicator& ind) {
    out = in ? 1 : 0;
    ind = i_ok;
  }
};

}  // namespace soci

namespace ombud::store {

/// Which statements write a column.
enum class Written {
  kAlways,    // inserted, and rewritten by every update
  kOnInsert,  // inserted once and never changed (ids, the operation, what the first contact was)
  kNever,     // read only: numbered by the database, or a column of a joined table
};

namespace detail {
template <typename T>
struct MemberOf;
template <typename Class, typename Field>
struct MemberOf<Field Class::*> {
  using type = Class;
};
}  // namespace detail

template <typename Row>
struct Column {
  std::string_view name;  // a column of the table, or "alias.column" of a joined one
  Written written = Written::kAlways;
  void (*into)(soci::statement&, Row&) = nullptr;
  void (*use)(soci::statement&, const Row&) = nullptr;
};

/// The column `name` holding the row's field `Member` (a field of Row or of a base of Row).
template <auto Member, typename Row = void>
auto column(std::string_view name, Written written = Written::kAlways) {
  using Target = std::conditional_t<std::is_void_v<Row>, typename detail::MemberOf<decltype(Member)>::type, Row>;
  return Column<Target>{name, written, [](soci::statement& st, Target& r) { st.exchange(soci::into(r.*Member)); },
                        [](soci::statement& st, const Target& r) { st.exchange(soci::use(r.*Member)); }};
}

/// Prepares a statement whose variables are already bound (into, use, or a Table's bindings).
inline void prepare_bound(soci::statement& st, const std::string& query) {
  st.alloc();
  st.prepare(query);
  st.define_and_bind();
}

/// Executes a prepared statement and appends a copy of `bound` (the variable its columns are bound
/// into) to `out` for each row fetched.
template <typename Out, typename Bound>
void collect(soci::statement& st, std::vector<Out>& out, const Bound& bound) {
  if (!st.execute(true)) return;
  do {
    out.push_back(bound);
  } while (st.fetch());
}

template <typename Row>
class Table {
 public:
  /// `from` is what follows FROM in a select: the table, with an alias and joins if any.
  Table(std::string_view name, std::string_view from, std::vector<Column<Row>> columns)
      : name_(name), from_(from), columns_(std::move(columns)) {}
  Table(std::string_view name, std::vector<Column<Row>> columns) : Table(name, name, std::move(columns)) {}

  std::string_view name() const { return name_; }

  /// "SELECT <every column> FROM <from>", qualified by `alias` ("c") when given.
  std::string select(std::string_view alias = {}) const {
    return "SELECT " + columns_of(alias) + " FROM " + std::string(from_);
  }
  /// Every column, comma-separated, qualified by `alias` when given: for a select that joins.
  std::string columns_of(std::string_view alias = {}) const {
    std::string s;
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      if (i > 0) s += ", ";
      s += qualified(columns_[i].name, alias);
    }
    return s;
  }
  /// Binds every column, in the order of select(), to `row`.
  void into(soci::statement& st, Row& row) const {
    for (const auto& c : columns_)
      c.into(st, row);
  }

  /// "INSERT INTO <table>(<written columns>) VALUES(<placeholders>)".
  std::string insert() const {
    std::string names;
    std::string values;
    for (const auto& c : columns_) {
      if (c.written == Written::kNever) continue;
      names += (names.empty() ? "" : ", ") + std::string(c.name);
      values += (values.empty() ? ":" : ", :") + std::string(c.name);
    }
    return "INSERT INTO " + std::string(name_) + "(" + names + ") VALUES(" + values + ")";
  }
  void use_inserted(soci::statement& st, const Row& row) const {
    for (const auto& c : columns_) {
      if (c.written != Written::kNever) c.use(st, row);
    }
  }

  /// "UPDATE <table> SET <column> = :<column>, …" over the kAlways columns; the caller adds
  /// what else to set and the WHERE clause, and binds those after use_updated().
  std::string update() const {
    std::string s = "UPDATE " + std::string(name_) + " SET ";
    bool first = true;
    for (const auto& c : columns_) {
      if (c.written != Written::kAlways) continue;
      s += (first ? "" : ", ") + std::string(c.name) + " = :" + std::string(c.name);
      first = false;
    }
    return s;
  }
  void use_updated(soci::statement& st, const Row& row) const {
    for (const auto& c : columns_) {
      if (c.written == Written::kAlways) c.use(st, row);
    }
  }

  /// Inserts `row`.
  void insert_row(soci::session& sql, const Row& row) const {
    soci::statement st(sql);
    use_inserted(st, row);
    prepare_bound(st, insert());
    st.execute(true);
  }
  /// Writes the kAlways columns of `row` to the rows `tail` selects (a WHERE clause, which may be
  /// preceded by more SET assignments); one placeholder per parameter, in order. Returns how many
  /// rows it changed.
  template <typename... Params>
  long long update_row(soci::session& sql, const Row& row, const std::string& tail, const Params&... params) const {
    soci::statement st(sql);
    use_updated(st, row);
    (st.exchange(soci::use(params)), ...);
    prepare_bound(st, update() + tail);
    st.execute(true);
    return st.get_affected_rows();
  }
  /// Inserts `row` and returns the id the database gave it.
  long long insert_returning_id(soci::session& sql, const Row& row) const {
    long long id = 0;
    soci::statement st(sql);
    use_inserted(st, row);
    st.exchange(soci::into(id));
    prepare_bound(st, insert() + " RETURNING id");
    st.execute(true);
    return id;
  }
  /// The rows `select() + tail` returns, where `tail` (WHERE …, ORDER BY …) has one placeholder
  /// per parameter, in order.
  template <typename... Params>
  std::vector<Row> select_rows(soci::session& sql, const std::string& tail, const Params&... params) const {
    Row row;
    soci::statement st(sql);
    into(st, row);
    (st.exchange(soci::use(params)), ...);
    prepare_bound(st, select() + tail);
    std::vector<Row> out;
    collect(st, out, row);
    return out;
  }
  /// The one row `select() + tail` returns (a lookup by a unique key), if any.
  template <typename... Params>
  std::optional<Row> select_one(soci::session& sql, const std::string& tail, const Params&... params) const {
    auto rows = select_rows(sql, tail, params...);
    if (rows.empty()) return std::nullopt;
    return std::move(rows.front());
  }

 private:
  static std::string qualified(std::string_view name, std::string_view alias) {
    if (alias.empty() || name.find('.') != std::string_view::npos) return std::string(name);
    return std::string(alias) + "." + std::string(name);
  }

  std::string_view name_;
  std::string_view from_;
  std::vector<Column<Row>> columns_;
};

/// A select of a table's columns that runs on most requests, prepared once per connection and
/// kept (ADR 0014). `Tag` names the query, so that two queries with the same row and parameter
/// types are kept apart; the parameters are bound where they live, in `params`.
template <typename Tag, typename Row, typename... Params>
class CachedSelect : public CachedStatement {
 public:
  CachedSelect(soci::session& sql, const Table<Row>& table, const char* alias, const char* tail)
      : CachedStatement(sql) {
    table.into(st, row);
    std::apply([&](auto&... p) { (st.exchange(soci::use(p)), ...); }, params);
    prepare(table.select(alias) + tail);
  }
  Row row;
  std::tuple<Params...> params;
};

/// The rows of `table.select(alias) + tail`, through the connection's cached statement `Tag`.
template <typename Tag, typename Row, typename... Params>
std::vector<Row> cached_rows(soci::session& sql, const Table<Row>& table, const char* alias, const char* tail,
                             const Params&... params) {
  auto q = StatementCache::get<CachedSelect<Tag, Row, Params...>>(sql, 0, table, alias, tail);
  q->params = std::tuple<Params...>(params...);
  std::vector<Row> out;
  collect(q->st, out, q->row);
  return out;
}

/// The one row of those (a lookup by a unique key), if any.
template <typename Tag, typename Row, typename... Params>
std::optional<Row> cached_row(soci::session& sql, const Table<Row>& table, const char* alias, const char* tail,
                              const Params&... params) {
  auto rows = cached_rows<Tag>(sql, table, alias, tail, params...);
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

/// The columns of `a` followed by those of `b`.
template <typename Row>
std::vector<Column<Row>> concat(std::vector<Column<Row>> a, std::initializer_list<Column<Row>> b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

}  // namespace ombud::store
