// Table definitions of schema version 1 and the conversions between CaseData and stored rows.
#include "geo/cases/case_schema.hpp"

#include <charconv>

namespace geo {

namespace {

using Value = std::optional<std::string>;

Value str(const std::string& s) { return s.empty() ? Value() : Value(s); }
Value num(const std::optional<int64_t>& v) { return v ? Value(std::to_string(*v)) : Value(); }
Value date(const std::optional<CaseDate>& d) { return d ? Value(d->iso()) : Value(); }

std::string joinAliases(const std::vector<std::string>& aliases)
{
    std::string s;
    for (const std::string& a : aliases) s += (s.empty() ? "" : "; ") + a;
    return s;
}

std::vector<std::string> splitAliases(const std::string& s)
{
    std::vector<std::string> out;
    size_t at = 0;
    while (at <= s.size()) {
        size_t end = s.find(';', at);
        if (end == std::string::npos) end = s.size();
        std::string part = s.substr(at, end - at);
        const size_t b = part.find_first_not_of(' '), e = part.find_last_not_of(' ');
        if (b != std::string::npos) out.push_back(part.substr(b, e - b + 1));
        at = end + 1;
    }
    return out;
}

// Reads one row's values, recording what it cannot interpret.
class RowReader {
public:
    RowReader(const TableSpec& t, const StoredRow& r, std::vector<CaseFinding>& problems)
        : m_table(t), m_row(r), m_problems(problems) {}

    std::string text(size_t i) const { return m_row.values[i].value_or(""); }

    std::optional<int64_t> integer(size_t i) const
    {
        if (!m_row.values[i]) return std::nullopt;
        const std::string& s = *m_row.values[i];
        int64_t v = 0;
        auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
        if (ec != std::errc() || p != s.data() + s.size()) {
            bad(i, "is not a whole number");
            return std::nullopt;
        }
        return v;
    }

    std::optional<CaseDate> dateValue(size_t i) const
    {
        if (!m_row.values[i]) return std::nullopt;
        if (auto d = parseCaseDate(*m_row.values[i])) return d;
        bad(i, "is not a date (YYYY-MM-DD)");
        return CaseDate{}; // invalid: validation reports it as bad-date too
    }

    template <typename E>
    E enumValue(size_t i, std::optional<E> (*parse)(std::string_view), E fallback) const
    {
        if (auto v = parse(text(i))) return *v;
        bad(i, "is not a known value");
        return fallback;
    }

private:
    void bad(size_t i, const std::string& why) const
    {
        CaseFinding f;
        f.code = "unreadable-value";
        f.message = std::string(m_table.name) + " row '" + m_row.key(m_table) + "': " + m_table.columns[i].name + " '" +
                    text(i) + "' " + why;
        m_problems.push_back(std::move(f));
    }

    const TableSpec& m_table;
    const StoredRow& m_row;
    std::vector<CaseFinding>& m_problems;
};

} // namespace

std::string StoredRow::key(const TableSpec& t) const
{
    std::string k;
    for (size_t i = 0; i < t.keyColumns && i < values.size(); ++i) k += (i ? "\x1f" : "") + values[i].value_or("");
    return k;
}

bool StoredRow::operator==(const StoredRow& o) const
{
    if (values != o.values || point.has_value() != o.point.has_value()) return false;
    return !point || (point->lon == o.point->lon && point->lat == o.point->lat);
}

const std::vector<TableSpec>& caseTables()
{
    using T = ColumnType;
    static const std::vector<TableSpec> tables = {
        {"compounds", true,
         {{"id", T::String, true}, {"name", T::String, true}, {"aliases", T::String, false}, {"kind", T::String, true},
          {"status", T::String, true}, {"status_date", T::Date, false}, {"location_precision", T::String, true},
          {"notes", T::String, false}, {"stated_country", T::String, false}, {"stated_admin1", T::String, false},
          {"stated_iso_3166_2", T::String, false}},
         1},
        {"incidents", true,
         {{"id", T::String, true}, {"kind", T::String, true}, {"start_date", T::Date, true}, {"end_date", T::Date, false},
          {"date_precision", T::String, true}, {"summary", T::String, false}, {"total_people", T::Integer, false},
          {"personnel", T::Integer, false}},
         1},
        {"incident_compounds", false,
         {{"incident_id", T::String, true}, {"compound_id", T::String, true}, {"relation", T::String, true}},
         2},
        {"incident_counts", false,
         {{"incident_id", T::String, true}, {"nationality", T::String, true}, {"count", T::Integer, true}},
         2},
        {"sources", false,
         {{"id", T::String, true}, {"publisher", T::String, false}, {"title", T::String, false}, {"url", T::String, true},
          {"published", T::Date, false}},
         1},
        {"incident_sources", false,
         {{"incident_id", T::String, true}, {"source_id", T::String, true}, {"claim", T::String, false}},
         2},
        {"compound_sources", false,
         {{"compound_id", T::String, true}, {"source_id", T::String, true}, {"claim", T::String, false}},
         2},
    };
    return tables;
}

std::vector<std::vector<StoredRow>> toRows(const CaseData& d)
{
    std::vector<std::vector<StoredRow>> t(7);
    for (const Compound& c : d.compounds)
        t[0].push_back({{c.id, c.name, str(joinAliases(c.aliases)), c.kind, nameOf(c.status), date(c.statusDate),
                         nameOf(c.precision), str(c.notes), str(c.statedCountry), str(c.statedAdmin1),
                         str(c.statedIso31662)},
                        c.location});
    for (const Incident& i : d.incidents)
        t[1].push_back({{i.id, nameOf(i.kind), i.start.iso(), date(i.end), nameOf(i.datePrecision), str(i.summary),
                         num(i.totalPeople), num(i.personnel)},
                        i.location});
    for (const IncidentLink& l : d.links) t[2].push_back({{l.incidentId, l.compoundId, nameOf(l.relation)}, {}});
    for (const NationalityCount& n : d.counts) t[3].push_back({{n.incidentId, n.nationality, std::to_string(n.count)}, {}});
    for (const Source& s : d.sources)
        t[4].push_back({{s.id, str(s.publisher), str(s.title), s.url, date(s.published)}, {}});
    for (const IncidentSource& s : d.incidentSources) t[5].push_back({{s.incidentId, s.sourceId, str(s.claim)}, {}});
    for (const CompoundSource& s : d.compoundSources) t[6].push_back({{s.compoundId, s.sourceId, str(s.claim)}, {}});
    return t;
}

CaseData fromRows(const std::vector<std::vector<StoredRow>>& tables, std::vector<CaseFinding>& problems)
{
    const auto& specs = caseTables();
    CaseData d;
    for (const StoredRow& r : tables[0]) {
        RowReader in(specs[0], r, problems);
        Compound c;
        c.id = in.text(0);
        c.name = in.text(1);
        c.aliases = splitAliases(in.text(2));
        c.kind = in.text(3);
        c.status = in.enumValue(4, parseCompoundStatus, CompoundStatus::Unknown);
        c.statusDate = in.dateValue(5);
        c.precision = in.enumValue(6, parseLocationPrecision, LocationPrecision::District);
        c.notes = in.text(7);
        c.statedCountry = in.text(8);
        c.statedAdmin1 = in.text(9);
        c.statedIso31662 = in.text(10);
        if (r.point)
            c.location = *r.point;
        else
            problems.push_back({Severity::Error, "missing-location", {}, c.id, {}, "compound '" + c.id + "' has no location"});
        d.compounds.push_back(std::move(c));
    }
    for (const StoredRow& r : tables[1]) {
        RowReader in(specs[1], r, problems);
        Incident i;
        i.id = in.text(0);
        i.kind = in.enumValue(1, parseIncidentKind, IncidentKind::Report);
        i.start = in.dateValue(2).value_or(CaseDate{});
        i.end = in.dateValue(3);
        i.datePrecision = in.enumValue(4, parseDatePrecision, DatePrecision::Day);
        i.summary = in.text(5);
        i.totalPeople = in.integer(6);
        i.personnel = in.integer(7);
        i.location = r.point;
        d.incidents.push_back(std::move(i));
    }
    for (const StoredRow& r : tables[2]) {
        RowReader in(specs[2], r, problems);
        d.links.push_back({in.text(0), in.text(1), in.enumValue(2, parseLinkRelation, LinkRelation::Linked)});
    }
    for (const StoredRow& r : tables[3]) {
        RowReader in(specs[3], r, problems);
        d.counts.push_back({in.text(0), in.text(1), in.integer(2).value_or(0)});
    }
    for (const StoredRow& r : tables[4]) {
        RowReader in(specs[4], r, problems);
        d.sources.push_back({in.text(0), in.text(1), in.text(2), in.text(3), in.dateValue(4)});
    }
    for (const StoredRow& r : tables[5]) {
        RowReader in(specs[5], r, problems);
        d.incidentSources.push_back({in.text(0), in.text(1), in.text(2)});
    }
    for (const StoredRow& r : tables[6]) {
        RowReader in(specs[6], r, problems);
        d.compoundSources.push_back({in.text(0), in.text(1), in.text(2)});
    }
    d.sortRows();
    return d;
}

} // namespace geo
