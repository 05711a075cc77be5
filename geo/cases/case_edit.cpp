// CaseEdit: insert/replace/remove on a working copy of the case data, with cascading removals.
#include "geo/cases/case_edit.hpp"
#include "geo/cases/case_validation.hpp"

#include <algorithm>

namespace geo {

namespace {

template <typename T>
void putById(std::vector<T>& rows, T row)
{
    auto it = std::find_if(rows.begin(), rows.end(), [&](const T& r) { return r.id == row.id; });
    if (it != rows.end())
        *it = std::move(row);
    else
        rows.push_back(std::move(row));
}

template <typename T, typename Pred>
void eraseIf(std::vector<T>& rows, Pred pred)
{
    rows.erase(std::remove_if(rows.begin(), rows.end(), pred), rows.end());
}

} // namespace

void CaseEdit::putCompound(Compound c)
{
    putById(m_data.compounds, std::move(c));
    m_data.sortRows();
}

void CaseEdit::putIncident(Incident i)
{
    putById(m_data.incidents, std::move(i));
    m_data.sortRows();
}

void CaseEdit::putSource(Source s)
{
    putById(m_data.sources, std::move(s));
    m_data.sortRows();
}

void CaseEdit::removeCompound(std::string_view id)
{
    eraseIf(m_data.compounds, [&](const Compound& c) { return c.id == id; });
    eraseIf(m_data.links, [&](const IncidentLink& l) { return l.compoundId == id; });
    eraseIf(m_data.compoundSources, [&](const CompoundSource& s) { return s.compoundId == id; });
}

void CaseEdit::removeIncident(std::string_view id)
{
    eraseIf(m_data.incidents, [&](const Incident& i) { return i.id == id; });
    eraseIf(m_data.links, [&](const IncidentLink& l) { return l.incidentId == id; });
    eraseIf(m_data.counts, [&](const NationalityCount& c) { return c.incidentId == id; });
    eraseIf(m_data.incidentSources, [&](const IncidentSource& s) { return s.incidentId == id; });
}

void CaseEdit::removeSource(std::string_view id)
{
    eraseIf(m_data.sources, [&](const Source& s) { return s.id == id; });
    eraseIf(m_data.incidentSources, [&](const IncidentSource& s) { return s.sourceId == id; });
    eraseIf(m_data.compoundSources, [&](const CompoundSource& s) { return s.sourceId == id; });
}

void CaseEdit::setLinks(std::string_view incidentId, std::vector<IncidentLink> links)
{
    eraseIf(m_data.links, [&](const IncidentLink& l) { return l.incidentId == incidentId; });
    for (IncidentLink& l : links) {
        l.incidentId = std::string(incidentId);
        m_data.links.push_back(std::move(l));
    }
    m_data.sortRows();
}

void CaseEdit::setCounts(std::string_view incidentId, std::vector<NationalityCount> counts)
{
    eraseIf(m_data.counts, [&](const NationalityCount& c) { return c.incidentId == incidentId; });
    for (NationalityCount& c : counts) {
        c.incidentId = std::string(incidentId);
        m_data.counts.push_back(std::move(c));
    }
    m_data.sortRows();
}

void CaseEdit::setCitations(std::string_view incidentId, std::vector<IncidentSource> citations)
{
    eraseIf(m_data.incidentSources, [&](const IncidentSource& s) { return s.incidentId == incidentId; });
    for (IncidentSource& s : citations) {
        s.incidentId = std::string(incidentId);
        m_data.incidentSources.push_back(std::move(s));
    }
    m_data.sortRows();
}

void CaseEdit::setCompoundCitations(std::string_view compoundId, std::vector<CompoundSource> citations)
{
    eraseIf(m_data.compoundSources, [&](const CompoundSource& s) { return s.compoundId == compoundId; });
    for (CompoundSource& s : citations) {
        s.compoundId = std::string(compoundId);
        m_data.compoundSources.push_back(std::move(s));
    }
    m_data.sortRows();
}

std::vector<CaseFinding> CaseEdit::problems() const { return validateCaseData(m_data); }

} // namespace geo
