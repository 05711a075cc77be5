// From form fields to the next CaseData (through geo::CaseEdit), and saving it with the
// store's conflict and validation errors caught for the editor to show.
#include "viewer/cases/case_form.hpp"
#include "viewer/ui/typed_text.hpp"

#include "geo/cases/case_edit.hpp"
#include "geo/error.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <sstream>

namespace viewer {

namespace {

// Rebasing a form on their row: a field the user changed (typed != before) keeps the typed
// value in `out`, which holds theirs.
template <class T>
void keep(T& out, const T& typed, const T& before)
{
    if (!(typed == before)) out = typed;
}

// Empty text: no date. Otherwise YYYY-MM-DD (an impossible date is left to validation).
bool parseDateField(const std::string& text, const char* what, std::optional<geo::CaseDate>& out, std::string& error)
{
    const std::string t = trimTyped(text);
    out.reset();
    if (t.empty()) return true;
    out = geo::parseCaseDate(t);
    if (!out) error = std::string(what) + ": '" + t + "' is not a date (YYYY-MM-DD)";
    return out.has_value();
}

bool parseNumberField(const std::string& text, const char* what, std::optional<int64_t>& out, std::string& error)
{
    const std::string t = trimTyped(text);
    out.reset();
    if (t.empty()) return true;
    int64_t v = 0;
    const auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (ec != std::errc() || p != t.data() + t.size()) {
        error = std::string(what) + ": '" + t + "' is not a whole number";
        return false;
    }
    out = v;
    return true;
}

FormOutcome finish(const geo::CaseEdit& edit, std::string description, std::string id)
{
    std::string errors; // every problem, one a line, so the analyst can fix them all at once
    for (const geo::CaseFinding& f : edit.problems())
        if (f.severity == geo::Severity::Error) errors += (errors.empty() ? "" : "\n") + f.message;
    if (!errors.empty()) return {std::nullopt, errors, std::move(description), std::move(id)};
    return {edit.data(), "", std::move(description), std::move(id)};
}

FormOutcome refuse(std::string error) { return {std::nullopt, std::move(error), "", ""}; }

} // namespace

std::string slugify(const std::string& text)
{
    std::string out;
    bool hyphen = false;
    for (unsigned char ch : text) {
        if (std::isalnum(ch)) {
            if (hyphen && !out.empty()) out += '-';
            out += static_cast<char>(std::tolower(ch));
            hyphen = false;
        } else hyphen = true;
    }
    return out;
}

CompoundForm compoundForm(const geo::Compound& c)
{
    CompoundForm f;
    f.isNew = false;
    f.original = c;
    f.id = c.id;
    f.name = c.name;
    for (const std::string& a : c.aliases) f.aliases += (f.aliases.empty() ? "" : "\n") + a;
    f.kind = c.kind;
    f.status = c.status;
    f.statusDate = c.statusDate ? c.statusDate->iso() : "";
    f.lon = c.location.lon;
    f.lat = c.location.lat;
    f.precision = c.precision;
    f.notes = c.notes;
    return f;
}

CompoundForm rebaseCompoundForm(const CompoundForm& mine, const geo::Compound& theirs)
{
    const CompoundForm was = compoundForm(mine.original);
    CompoundForm f = compoundForm(theirs);
    // A field the user changed keeps the user's value; every other field takes theirs.
    keep(f.name, mine.name, was.name);
    keep(f.aliases, mine.aliases, was.aliases);
    keep(f.kind, mine.kind, was.kind);
    keep(f.status, mine.status, was.status);
    keep(f.statusDate, mine.statusDate, was.statusDate);
    keep(f.lon, mine.lon, was.lon);
    keep(f.lat, mine.lat, was.lat);
    keep(f.precision, mine.precision, was.precision);
    keep(f.notes, mine.notes, was.notes);
    return f;
}

CompoundForm newCompoundForm(const geo::CaseData&, geo::LonLat at)
{
    CompoundForm f;
    f.lon = at.lon;
    f.lat = at.lat;
    return f;
}

IncidentForm incidentForm(const geo::CaseData& data, const geo::Incident& i)
{
    IncidentForm f;
    f.isNew = false;
    f.original = i;
    f.id = i.id;
    f.kind = i.kind;
    f.start = i.start.iso();
    f.end = i.end ? i.end->iso() : "";
    f.precision = i.datePrecision;
    f.summary = i.summary;
    f.total = i.totalPeople ? std::to_string(*i.totalPeople) : "";
    f.personnel = i.personnel ? std::to_string(*i.personnel) : "";
    for (const geo::NationalityCount& c : data.counts)
        if (c.incidentId == i.id) f.counts.push_back({c.nationality, c.count});
    for (const geo::IncidentSource& is : data.incidentSources) {
        if (is.incidentId != i.id) continue;
        SourceRow r;
        r.id = is.sourceId;
        r.claim = is.claim;
        if (const geo::Source* s = data.findSource(is.sourceId)) {
            r.publisher = s->publisher;
            r.title = s->title;
            r.url = s->url;
            r.date = s->published ? s->published->iso() : "";
        }
        f.sources.push_back(r);
    }
    for (const geo::IncidentLink& l : data.links)
        if (l.incidentId == i.id) f.links.push_back({l.compoundId, l.relation});
    return f;
}

IncidentForm rebaseIncidentForm(const IncidentForm& mine, const geo::CaseData& base, const geo::CaseData& theirs)
{
    const geo::Incident* now = theirs.findIncident(mine.id);
    if (!now) return mine;
    const IncidentForm was = incidentForm(base, mine.original);
    IncidentForm f = incidentForm(theirs, *now);
    // Scalars field by field, as rebaseCompoundForm does. Lists whole: merging rows of two
    // edited lists (a count both changed, a link one removed) would be a guess the analyst
    // cannot see, while "my list or theirs" is what the conflict dialog listed.
    keep(f.kind, mine.kind, was.kind);
    keep(f.start, mine.start, was.start);
    keep(f.end, mine.end, was.end);
    keep(f.precision, mine.precision, was.precision);
    keep(f.summary, mine.summary, was.summary);
    keep(f.total, mine.total, was.total);
    keep(f.personnel, mine.personnel, was.personnel);
    keep(f.counts, mine.counts, was.counts);
    keep(f.links, mine.links, was.links);
    if (!(mine.sources == was.sources)) {
        f.sources = mine.sources;
        // A source's own fields (publisher, title, url, date) are shared with other incidents:
        // in a source row the user left as it was, they take theirs (else saving the kept list
        // would write the old values over their edit of that source). The claim is this
        // incident's and stays in the kept list.
        for (SourceRow& r : f.sources) {
            const auto before = std::find_if(was.sources.begin(), was.sources.end(),
                                             [&r](const SourceRow& w) { return w.id == r.id; });
            const geo::Source* s = theirs.findSource(r.id);
            if (before == was.sources.end() || !s) continue;
            if (r.publisher != before->publisher || r.title != before->title || r.url != before->url ||
                r.date != before->date)
                continue; // typed by the user
            r.publisher = s->publisher;
            r.title = s->title;
            r.url = s->url;
            r.date = s->published ? s->published->iso() : "";
        }
    }
    return f;
}

IncidentForm newIncidentForm(const geo::CaseData&, const std::string& compoundId)
{
    IncidentForm f;
    if (!compoundId.empty()) f.links.push_back({compoundId, geo::LinkRelation::At});
    return f;
}

FormOutcome applyCompoundForm(const geo::CaseData& base, const CompoundForm& f)
{
    geo::Compound c = f.original;
    c.id = f.isNew && trimTyped(f.id).empty() ? slugify(f.name) : trimTyped(f.id);
    if (f.isNew && base.findCompound(c.id)) return refuse("a compound with id '" + c.id + "' already exists");
    c.name = trimTyped(f.name);
    c.aliases.clear();
    std::istringstream lines(f.aliases);
    for (std::string line; std::getline(lines, line);)
        if (!trimTyped(line).empty()) c.aliases.push_back(trimTyped(line));
    c.kind = f.kind;
    c.status = f.status;
    std::string error;
    if (!parseDateField(f.statusDate, "status date", c.statusDate, error)) return refuse(error);
    c.location = {f.lon, f.lat};
    c.precision = f.precision;
    c.notes = f.notes;
    geo::CaseEdit edit(base);
    edit.putCompound(c);
    return finish(edit, (f.isNew ? "add compound '" : "edit compound '") + c.id + "'", c.id);
}

FormOutcome moveCompound(const geo::CaseData& base, const std::string& compoundId, geo::LonLat to)
{
    const geo::Compound* found = base.findCompound(compoundId);
    if (!found) return refuse("no compound '" + compoundId + "'");
    geo::Compound c = *found;
    c.location = to;
    geo::CaseEdit edit(base);
    edit.putCompound(c);
    return finish(edit, "move compound '" + compoundId + "'", compoundId);
}

FormOutcome applyIncidentForm(const geo::CaseData& base, const IncidentForm& f)
{
    geo::Incident i = f.original;
    std::string error;
    std::optional<geo::CaseDate> start, end;
    if (!parseDateField(f.start, "start date", start, error)) return refuse(error);
    if (!start) return refuse("start date: required (YYYY-MM-DD)");
    if (!parseDateField(f.end, "end date", end, error)) return refuse(error);
    if (!parseNumberField(f.total, "total people", i.totalPeople, error)) return refuse(error);
    if (!parseNumberField(f.personnel, "personnel", i.personnel, error)) return refuse(error);
    i.start = *start;
    i.end = end;
    i.kind = f.kind;
    i.datePrecision = f.precision;
    i.summary = trimTyped(f.summary);
    i.id = trimTyped(f.id);
    if (i.id.empty() && f.isNew)
        i.id = slugify(f.start + " " + (f.links.empty() ? "" : f.links.front().compoundId) + " " + geo::nameOf(f.kind));
    if (f.isNew && base.findIncident(i.id)) return refuse("an incident with id '" + i.id + "' already exists");

    geo::CaseEdit edit(base);
    edit.putIncident(i);
    std::vector<geo::NationalityCount> counts;
    for (const CountRow& r : f.counts) counts.push_back({i.id, trimTyped(r.code), r.count});
    edit.setCounts(i.id, std::move(counts));
    std::vector<geo::IncidentLink> links;
    for (const LinkRow& r : f.links) links.push_back({i.id, trimTyped(r.compoundId), r.relation});
    edit.setLinks(i.id, std::move(links));
    std::vector<geo::IncidentSource> citations;
    for (const SourceRow& r : f.sources) {
        geo::Source s;
        s.id = trimTyped(r.id).empty() ? slugify(r.publisher + " " + r.date + " " + r.title) : trimTyped(r.id);
        s.publisher = trimTyped(r.publisher);
        s.title = trimTyped(r.title);
        s.url = trimTyped(r.url);
        if (!parseDateField(r.date, "source date", s.published, error)) return refuse(error);
        edit.putSource(s);
        citations.push_back({i.id, s.id, r.claim});
    }
    edit.setCitations(i.id, std::move(citations));
    return finish(edit, (f.isNew ? "add incident '" : "edit incident '") + i.id + "'", i.id);
}

SaveOutcome saveCase(geo::CaseStore& store, const FormOutcome& outcome, const std::vector<geo::CaseConflict>* keepMine,
                     const geo::CaseSnapshot* base)
{
    SaveOutcome out;
    if (!outcome.next) {
        out.error = outcome.error;
        return out;
    }
    try {
        if (keepMine) store.commitKeepingMine(*outcome.next, outcome.description, *keepMine, base);
        else store.commit(*outcome.next, outcome.description, base);
        out.saved = true;
    } catch (const geo::CaseConflictError& e) {
        out.error = e.what();
        out.conflicts = e.conflicts;
    } catch (const std::exception& e) {
        out.error = e.what();
    }
    return out;
}

std::vector<std::string> describeConflicts(const std::vector<geo::CaseConflict>& conflicts)
{
    std::vector<std::string> out;
    for (const geo::CaseConflict& c : conflicts) {
        out.push_back(c.table + " '" + c.key + "' " + c.what);
        for (const geo::FieldChange& fc : c.fields)
            out.push_back("  " + fc.field + ": theirs '" + fc.theirs + "', yours '" + fc.yours + "'");
    }
    return out;
}

} // namespace viewer
