// CSV folder <-> CaseData. A small RFC 4180 reader/writer of our own: the files are ours,
// small, and must read the same on every GDAL version (no type guessing, no geometry sniffing).
#include "geo/cases/case_csv.hpp"
#include "geo/error.hpp"

#include <charconv>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace geo {

namespace {

namespace fs = std::filesystem;

using Record = std::vector<std::string>;

// Splits CSV text into records; quoted fields may hold commas, quotes ("") and newlines.
std::vector<std::pair<size_t, Record>> parseCsv(const std::string& text, const std::string& file)
{
    std::vector<std::pair<size_t, Record>> out;
    Record rec;
    std::string field;
    bool quoted = false, fieldStarted = false;
    size_t line = 1, recordLine = 1;
    auto endField = [&] {
        rec.push_back(std::move(field));
        field.clear();
        fieldStarted = false;
    };
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                if (c == '\n') ++line;
                field += c;
            }
            continue;
        }
        if (c == '"' && !fieldStarted && field.empty()) {
            quoted = fieldStarted = true;
        } else if (c == ',') {
            endField();
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            endField();
            if (!(rec.size() == 1 && rec[0].empty())) out.emplace_back(recordLine, std::move(rec));
            rec.clear();
            recordLine = ++line;
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (quoted) throw Error(file + ": a quoted field is not closed");
    if (fieldStarted || !field.empty() || !rec.empty()) {
        endField();
        out.emplace_back(recordLine, std::move(rec));
    }
    return out;
}

class CsvTable {
public:
    CsvTable(const std::string& dir, const std::string& name, const std::vector<std::string>& required)
        : m_file((fs::path(dir) / name).string())
    {
        std::ifstream in(m_file, std::ios::binary);
        if (!in) throw Error(m_file + ": cannot read (no such file?)");
        std::stringstream ss;
        ss << in.rdbuf();
        std::string text = ss.str();
        if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3); // a BOM from spreadsheet exports
        auto records = parseCsv(text, m_file);
        if (records.empty()) throw Error(m_file + ": empty (no header line)");
        for (size_t i = 0; i < records[0].second.size(); ++i) m_columns[records[0].second[i]] = i;
        for (const std::string& c : required)
            if (!m_columns.count(c)) throw Error(m_file + ": no column '" + c + "'");
        m_rows.assign(records.begin() + 1, records.end());
    }

    size_t size() const { return m_rows.size(); }
    size_t line(size_t row) const { return m_rows[row].first; }

    std::string text(size_t row, const std::string& column) const
    {
        auto it = m_columns.find(column);
        if (it == m_columns.end()) return "";
        const Record& r = m_rows[row].second;
        return it->second < r.size() ? r[it->second] : "";
    }

    [[noreturn]] void fail(size_t row, const std::string& column, const std::string& why) const
    {
        throw Error(m_file + " line " + std::to_string(line(row)) + ": " + column + " '" + text(row, column) + "' " + why);
    }

    std::optional<int64_t> integer(size_t row, const std::string& column) const
    {
        const std::string s = text(row, column);
        if (s.empty()) return std::nullopt;
        int64_t v = 0;
        auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
        if (ec != std::errc() || p != s.data() + s.size()) fail(row, column, "is not a whole number");
        return v;
    }

    std::optional<double> real(size_t row, const std::string& column) const
    {
        const std::string s = text(row, column);
        if (s.empty()) return std::nullopt;
        double v = 0;
        auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
        if (ec != std::errc() || p != s.data() + s.size()) fail(row, column, "is not a number");
        return v;
    }

    std::optional<CaseDate> date(size_t row, const std::string& column) const
    {
        const std::string s = text(row, column);
        if (s.empty()) return std::nullopt;
        auto d = parseCaseDate(s);
        if (!d) fail(row, column, "is not a date (YYYY-MM-DD)");
        return d;
    }

    template <typename E>
    E name(size_t row, const std::string& column, std::optional<E> (*parse)(std::string_view)) const
    {
        auto v = parse(text(row, column));
        if (!v) fail(row, column, "is not a known value");
        return *v;
    }

private:
    std::string m_file;
    std::map<std::string, size_t> m_columns;
    std::vector<std::pair<size_t, Record>> m_rows;
};

std::vector<std::string> splitList(const std::string& s)
{
    std::vector<std::string> out;
    std::stringstream ss(s);
    std::string part;
    while (std::getline(ss, part, ';')) {
        const size_t b = part.find_first_not_of(' '), e = part.find_last_not_of(' ');
        if (b != std::string::npos) out.push_back(part.substr(b, e - b + 1));
    }
    return out;
}

std::string csvField(const std::string& s)
{
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

std::string numberText(double v)
{
    char buf[64];
    auto [p, ec] = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, p);
}

std::string optText(const std::optional<int64_t>& v) { return v ? std::to_string(*v) : ""; }
std::string optText(const std::optional<CaseDate>& v) { return v ? v->iso() : ""; }

void writeFile(const fs::path& path, const std::vector<std::string>& header, const std::vector<Record>& rows)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) throw Error(path.string() + ": cannot write");
    auto line = [&](const Record& r) {
        for (size_t i = 0; i < r.size(); ++i) out << (i ? "," : "") << csvField(r[i]);
        out << "\n";
    };
    line(header);
    for (const Record& r : rows) line(r);
    if (!out) throw Error(path.string() + ": write failed");
}

} // namespace

CaseData readCaseCsv(const std::string& dir)
{
    CaseData d;
    {
        CsvTable t(dir, "compounds.csv", {"id", "name", "kind", "status", "lon", "lat", "location_precision"});
        for (size_t r = 0; r < t.size(); ++r) {
            Compound c;
            c.id = t.text(r, "id");
            c.name = t.text(r, "name");
            c.aliases = splitList(t.text(r, "aliases"));
            c.kind = t.text(r, "kind");
            c.status = t.name(r, "status", parseCompoundStatus);
            c.statusDate = t.date(r, "status_date");
            const auto lon = t.real(r, "lon"), lat = t.real(r, "lat");
            if (!lon || !lat) t.fail(r, "lon", "and lat are both required");
            c.location = {*lon, *lat};
            c.precision = t.name(r, "location_precision", parseLocationPrecision);
            c.statedCountry = t.text(r, "stated_country");
            c.statedAdmin1 = t.text(r, "stated_admin1");
            c.statedIso31662 = t.text(r, "stated_iso_3166_2");
            c.notes = t.text(r, "notes");
            d.compounds.push_back(std::move(c));
        }
    }
    {
        CsvTable t(dir, "incidents.csv", {"id", "kind", "start_date", "date_precision"});
        for (size_t r = 0; r < t.size(); ++r) {
            Incident i;
            i.id = t.text(r, "id");
            i.kind = t.name(r, "kind", parseIncidentKind);
            auto start = t.date(r, "start_date");
            if (!start) t.fail(r, "start_date", "is required");
            i.start = *start;
            i.end = t.date(r, "end_date");
            i.datePrecision = t.name(r, "date_precision", parseDatePrecision);
            i.totalPeople = t.integer(r, "total_people");
            i.personnel = t.integer(r, "personnel");
            const auto lon = t.real(r, "lon"), lat = t.real(r, "lat");
            if (lon.has_value() != lat.has_value()) t.fail(r, "lon", "and lat must be given together");
            if (lon) i.location = LonLat{*lon, *lat};
            i.summary = t.text(r, "summary");
            d.incidents.push_back(std::move(i));
        }
    }
    {
        CsvTable t(dir, "incident_compounds.csv", {"incident_id", "compound_id", "relation"});
        for (size_t r = 0; r < t.size(); ++r)
            d.links.push_back({t.text(r, "incident_id"), t.text(r, "compound_id"), t.name(r, "relation", parseLinkRelation)});
    }
    {
        CsvTable t(dir, "incident_counts.csv", {"incident_id", "nationality", "count"});
        for (size_t r = 0; r < t.size(); ++r) {
            auto n = t.integer(r, "count");
            if (!n) t.fail(r, "count", "is required");
            d.counts.push_back({t.text(r, "incident_id"), t.text(r, "nationality"), *n});
        }
    }
    {
        CsvTable t(dir, "sources.csv", {"id", "publisher", "title", "url", "published"});
        for (size_t r = 0; r < t.size(); ++r)
            d.sources.push_back({t.text(r, "id"), t.text(r, "publisher"), t.text(r, "title"), t.text(r, "url"),
                                 t.date(r, "published")});
    }
    {
        CsvTable t(dir, "incident_sources.csv", {"incident_id", "source_id", "claim"});
        for (size_t r = 0; r < t.size(); ++r)
            d.incidentSources.push_back({t.text(r, "incident_id"), t.text(r, "source_id"), t.text(r, "claim")});
    }
    {
        CsvTable t(dir, "compound_sources.csv", {"compound_id", "source_id", "claim"});
        for (size_t r = 0; r < t.size(); ++r)
            d.compoundSources.push_back({t.text(r, "compound_id"), t.text(r, "source_id"), t.text(r, "claim")});
    }
    d.sortRows();
    return d;
}

void writeCaseCsv(const CaseData& input, const std::string& dir)
{
    CaseData d = input;
    d.sortRows();
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw Error(dir + ": cannot create: " + ec.message());
    const fs::path base(dir);

    std::vector<Record> rows;
    for (const Compound& c : d.compounds) {
        std::string aliases;
        for (const std::string& a : c.aliases) aliases += (aliases.empty() ? "" : ";") + a;
        rows.push_back({c.id, c.name, aliases, c.kind, nameOf(c.status), optText(c.statusDate),
                        numberText(c.location.lon), numberText(c.location.lat), nameOf(c.precision), c.statedCountry,
                        c.statedAdmin1, c.statedIso31662, c.notes});
    }
    writeFile(base / "compounds.csv",
              {"id", "name", "aliases", "kind", "status", "status_date", "lon", "lat", "location_precision",
               "stated_country", "stated_admin1", "stated_iso_3166_2", "notes"},
              rows);
    rows.clear();
    for (const Incident& i : d.incidents)
        rows.push_back({i.id, nameOf(i.kind), i.start.iso(), optText(i.end), nameOf(i.datePrecision),
                        optText(i.totalPeople), optText(i.personnel), i.location ? numberText(i.location->lon) : "",
                        i.location ? numberText(i.location->lat) : "", i.summary});
    writeFile(base / "incidents.csv",
              {"id", "kind", "start_date", "end_date", "date_precision", "total_people", "personnel", "lon", "lat", "summary"},
              rows);
    rows.clear();
    for (const IncidentLink& l : d.links) rows.push_back({l.incidentId, l.compoundId, nameOf(l.relation)});
    writeFile(base / "incident_compounds.csv", {"incident_id", "compound_id", "relation"}, rows);
    rows.clear();
    for (const NationalityCount& n : d.counts) rows.push_back({n.incidentId, n.nationality, std::to_string(n.count)});
    writeFile(base / "incident_counts.csv", {"incident_id", "nationality", "count"}, rows);
    rows.clear();
    for (const Source& s : d.sources) rows.push_back({s.id, s.publisher, s.title, s.url, optText(s.published)});
    writeFile(base / "sources.csv", {"id", "publisher", "title", "url", "published"}, rows);
    rows.clear();
    for (const IncidentSource& s : d.incidentSources) rows.push_back({s.incidentId, s.sourceId, s.claim});
    writeFile(base / "incident_sources.csv", {"incident_id", "source_id", "claim"}, rows);
    rows.clear();
    for (const CompoundSource& s : d.compoundSources) rows.push_back({s.compoundId, s.sourceId, s.claim});
    writeFile(base / "compound_sources.csv", {"compound_id", "source_id", "claim"}, rows);
}

} // namespace geo
